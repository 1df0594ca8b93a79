"""An end-to-end echo bot: callback → sync_msg → welcome + reply.

What a production bot does, in ~60 lines: the callback endpoint answers WeCom at once and runs
``Bot.on_event`` in the background; the bot drains kf/sync_msg with the callback's Token
(cursor committed after each handled page), greets customers who enter the session with the
single-use welcome_code (a menu the customer can click), and answers each customer message.

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
from typing import Any

from wxkefu_ext import keygen, messages
from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent
from wxkefu_ext.callback.asgi import callback_app
from wxkefu_ext.cli._uvicorn import bind, serve_forever, serving, url_of
from wxkefu_ext.cursors import MemoryCursorStore
from wxkefu_ext.pagination import SyncMsgPager

from _common import Session, env, run


class Bot:
    def __init__(self, kf: Any) -> None:
        self.kf = kf
        self.cursors = MemoryCursorStore()  # use RedisCursorStore with several processes
        self.replied = threading.Event()
        # Callbacks arrive on worker threads; two pulls of one account at once would both read
        # the stored cursor and handle the same messages twice (a welcome_code is single-use).
        # One puller at a time (across processes: wxkefu_ext.worker.SyncWorker).
        self.pulling = threading.Lock()

    def on_event(self, event: Any) -> None:
        if not isinstance(event, KfMsgOrEvent) or not event.open_kfid:
            return
        with self.pulling:
            pager = SyncMsgPager(
                self.kf, event.open_kfid, token=event.token, cursor_store=self.cursors
            )
            for message in pager.messages():
                self.handle(event.open_kfid, message.to_dict())

    def handle(self, open_kfid: str, m: dict[str, Any]) -> None:
        if m.get("msgtype") == "event":
            ev = m.get("event", {})
            if ev.get("event_type") == "enter_session" and ev.get("welcome_code"):
                messages.send_on_event(self.kf, ev["welcome_code"], WELCOME)
                print(f"bot: welcomed {ev.get('external_userid')}", flush=True)
        elif m.get("origin") == 3:  # a customer's message
            reply = answer(m)
            messages.send(self.kf, m["external_userid"], open_kfid, messages.text(reply))
            print(f"bot: replied to {describe(m)!r}", flush=True)
            self.replied.set()


#: The welcome: a menu; a click comes back as a text with the item's ``menu_id``.
WELCOME = messages.msgmenu(
    [messages.menu_click("查询订单", "order"), messages.menu_click("人工客服", "human")],
    head_content="欢迎! 请留言, 或选择:",
    tail_content="(任何消息都会得到回复)",
)
MENU_ANSWERS = {"order": "您的订单已发货, 预计明天送达。", "human": "正在为您转接人工客服…"}


def answer(m: dict[str, Any]) -> str:
    msgtype = m.get("msgtype")
    if msgtype == "text":
        text = m.get("text") or {}
        menu_id = text.get("menu_id")
        if menu_id in MENU_ANSWERS:
            return MENU_ANSWERS[menu_id]
        return f"收到: {text.get('content', '')}"
    if msgtype == "image":
        return "收到图片, 谢谢!"
    if msgtype == "location":
        place = m.get("location") or {}
        return f"收到位置: {place.get('name') or place.get('address') or ''}".rstrip(": ")
    return f"收到 {msgtype} 消息"


def describe(m: dict[str, Any]) -> str:
    if m.get("msgtype") == "text":
        return str((m.get("text") or {}).get("content", ""))
    return f"<{m.get('msgtype')}>"


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
