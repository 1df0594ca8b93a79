"""An end-to-end echo bot: callback → sync_msg → welcome + reply.

What a production bot does, in ~60 lines: the callback endpoint answers WeCom at once and runs
``Bot.on_event`` in the background; the bot drains kf/sync_msg with the callback's Token
(cursor committed after each handled page), greets customers who enter the session with the
single-use welcome_code, and answers each customer text. Pulled messages are typed models:
``match`` dispatches on their class, and mypy narrows each case.

Real use: WXKF_CORP_ID, WXKF_APP_SECRET, WXKF_TOKEN, WXKF_ENCODING_AES_KEY; listens on PORT.
Without them: the local emulator plays WeCom and one customer visits, then the example exits.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING, Any

from wxkefu_client.models import (
    EnterSessionEvent,
    EventMessage,
    OriginKnown,
    OutgoingText,
    TextMessage,
)
from wxkefu_ext import keygen
from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent
from wxkefu_ext.callback.asgi import callback_app
from wxkefu_ext.cursors import MemoryCursorStore
from wxkefu_ext.pagination import SyncMsgPager
from wxkefu_ext.serving import bind, serve_forever, serving

from _common import Session, env, run

if TYPE_CHECKING:
    from wxkefu_client.resources.results import SyncMsgItem
    from wxkefu_ext.client import KfClient


class Bot:
    def __init__(self, kf: KfClient) -> None:
        self.kf = kf
        self.cursors = MemoryCursorStore()  # use RedisCursorStore with several processes
        self.replied = threading.Event()

    def on_event(self, event: Any) -> None:
        if not isinstance(event, KfMsgOrEvent) or not event.open_kfid:
            return
        pager = SyncMsgPager(self.kf, event.open_kfid, token=event.token, cursor_store=self.cursors)
        for message in pager.messages():
            self.handle(event.open_kfid, message)

    def handle(self, open_kfid: str, m: SyncMsgItem) -> None:
        match m:
            case EventMessage(
                event=EnterSessionEvent(welcome_code=str() as code, external_userid=who)
            ):
                welcome = OutgoingText(content="欢迎! 请留言")
                self.kf.send_msg_on_event(code=code, msgtype="text", text=welcome)
                print(f"bot: welcomed {who}", flush=True)
            case TextMessage(origin=OriginKnown.ORIGIN_CUSTOMER, external_userid=user, text=text):
                reply = OutgoingText(content=f"收到: {text.content}")
                self.kf.send_msg(touser=user, open_kfid=open_kfid, msgtype="text", text=reply)
                print(f"bot: replied to {text.content!r}", flush=True)
                self.replied.set()
            case _:
                pass  # images, other events, unknown future types: not this bot's business


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
    sock = bind("0.0.0.0", int(os.environ.get("PORT", "3000")))
    serve_forever(callback_app(crypto, bot.on_event), sock)


if __name__ == "__main__":
    if env("WXKF_CORP_ID") and env("WXKF_TOKEN"):
        serve_real()
    else:
        run(main)
