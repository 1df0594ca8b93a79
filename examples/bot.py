"""An end-to-end bot: callback → sync_msg → welcome menu + replies.

What a production bot does, in ~90 lines: the callback endpoint answers WeCom at once and runs
``Bot.on_event`` in the background; the bot drains kf/sync_msg with the callback's Token
(cursor committed after each handled page), greets customers who enter the session with the
single-use welcome_code (a menu the customer can click), and answers each customer message.
Pulled messages are typed models: ``match`` dispatches on their class, and mypy narrows each case.

Real use: WXKF_CORP_ID, WXKF_APP_SECRET, WXKF_TOKEN, WXKF_ENCODING_AES_KEY; listens on
HOST:PORT (default 127.0.0.1:3000; put a reverse proxy in front, or HOST=0.0.0.0).
Without them: the local emulator plays WeCom and one customer visits, then the example exits.
``wxkefu emulator --bot examples/bot.py`` (``make console``) runs it against the emulator with
the browser console, so you can chat with it.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING, Any

from wxkefu_client.models import (
    EnterSessionEvent,
    EventMessage,
    ImageMessage,
    LocationMessage,
    OriginKnown,
    OutgoingMsgMenu,
    OutgoingMsgMenuClick,
    OutgoingMsgMenuClickItem,
    OutgoingText,
    TextMessage,
)
from wxkefu_client.types import UNSET
from wxkefu_ext import keygen
from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent
from wxkefu_ext.callback.asgi import callback_app
from wxkefu_ext.cursors import MemoryCursorStore
from wxkefu_ext.pagination import SyncMsgPager
from wxkefu_ext.serving import bind, serve_forever, serving, url_of

from _common import Session, env, run

if TYPE_CHECKING:
    from wxkefu_client.resources.results import SyncMsgItem
    from wxkefu_ext.client import KfClient


#: The welcome: a menu; a click comes back as a customer text whose ``menu_id`` is the item id.
WELCOME = OutgoingMsgMenu(
    head_content="欢迎! 请留言, 或选择:",
    list_=[
        OutgoingMsgMenuClickItem(
            type_="click", click=OutgoingMsgMenuClick(id="order", content="查询订单")
        ),
        OutgoingMsgMenuClickItem(
            type_="click", click=OutgoingMsgMenuClick(id="human", content="人工客服")
        ),
    ],
    tail_content="(任何消息都会得到回复)",
)
MENU_ANSWERS = {"order": "您的订单已发货, 预计明天送达。", "human": "正在为您转接人工客服…"}


class Bot:
    def __init__(self, kf: KfClient) -> None:
        self.kf = kf
        self.cursors = MemoryCursorStore()  # use RedisCursorStore with several processes
        self.replied = threading.Event()

    def on_event(self, event: Any) -> None:
        if not isinstance(event, KfMsgOrEvent) or not event.open_kfid:
            return
        # Two callbacks for one account may arrive together: the pager holds the cursor store's
        # lease on the account while it drains, so the second waits and never sees the same page.
        pager = SyncMsgPager(self.kf, event.open_kfid, token=event.token, cursor_store=self.cursors)
        for message in pager.messages():
            self.handle(event.open_kfid, message)

    def handle(self, open_kfid: str, m: SyncMsgItem) -> None:
        match m:
            case EventMessage(
                event=EnterSessionEvent(welcome_code=str() as code, external_userid=who)
            ):
                self.kf.send_msg_on_event(code=code, msgtype="msgmenu", msgmenu=WELCOME)
                print(f"bot: welcomed {who}", flush=True)
                return
            case TextMessage(origin=OriginKnown.ORIGIN_CUSTOMER, external_userid=user, text=text):
                menu_id = text.menu_id if text.menu_id is not UNSET else None
                answer = MENU_ANSWERS.get(menu_id or "") or f"收到: {text.content}"
                what = text.content
            case ImageMessage(origin=OriginKnown.ORIGIN_CUSTOMER, external_userid=user):
                answer, what = "收到图片, 谢谢!", "[image]"
            case LocationMessage(
                origin=OriginKnown.ORIGIN_CUSTOMER, external_userid=user, location=place
            ):
                name = place.name if isinstance(place.name, str) else ""
                answer, what = f"收到位置: {name}".rstrip(": "), "[location]"
            case _:
                return  # other events, servicer messages, unknown future types
        reply = OutgoingText(content=answer)
        self.kf.send_msg(touser=user, open_kfid=open_kfid, msgtype="text", text=reply)
        print(f"bot: replied to {what!r}", flush=True)
        self.replied.set()


def main(s: Session) -> None:
    from _emulator import corp_id, customer_writes, enter_session, set_callback

    bot = Bot(s.kf)
    token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
    app = callback_app(CallbackCrypto(token, key, corp_id(s.emulator)), bot.on_event)
    with serving(app) as base:
        set_callback(s.emulator, f"{base}/callback", token, key)
        open_kfid = s.open_kfid()
        customer = enter_session(s.emulator, open_kfid)
        time.sleep(0.2)  # let the welcome go out first
        customer_writes(s.emulator, open_kfid, "我的订单到哪了?", customer=customer)
        if not bot.replied.wait(10):
            raise SystemExit("the bot did not reply within 10 s")
    print("bot round-trip complete")


def serve_real() -> None:
    from wxkefu_ext.client import KfClient

    kf = KfClient.from_env()
    bot = Bot(kf)
    crypto = CallbackCrypto(
        env("WXKF_TOKEN") or "",
        env("WXKF_ENCODING_AES_KEY", "WXKF_AES_KEY") or "",
        env("WXKF_RECEIVER_ID", "WXKF_CORP_ID"),
        max_age=300,
    )
    sock = bind(os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "3000")))
    print(f"bot: listening on {url_of(sock)}/callback", flush=True)
    serve_forever(callback_app(crypto, bot.on_event), sock)


if __name__ == "__main__":
    if env("WXKF_CORP_ID") and env("WXKF_TOKEN"):
        serve_real()
    else:
        run(main)
