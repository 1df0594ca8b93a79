"""A multi-corp echo bot for a service provider (third-party app): one process, many corps.

Two callback URLs, as configured for a third-party app in the provider console:

* ``/suite/receive`` — the instruction callback (receiver id = the suite_id): suite_ticket every
  10 minutes, create_auth / change_auth / cancel_auth. ``instruction_wsgi_app`` stores the ticket
  and the permanent codes (Redis when ``WXKF_REDIS_URL`` is set: every process shares them);
* ``/data`` — the data callback of every authorising corp (receiver id = that corp's id):
  ``corp_router`` hands each kf_msg_or_event of an authorised corp to the bot, which drains
  kf/sync_msg with ``provider.corp(corp_id)`` and answers every customer text.

Real use: WXKF_SUITE_ID, WXKF_SUITE_SECRET, WXKF_SUITE_TOKEN, WXKF_SUITE_AES_KEY (instruction
callback), WXKF_DATA_TOKEN, WXKF_DATA_AES_KEY (data callback), optional WXKF_REDIS_URL; listens
on PORT (default 8080). Without them: the emulator plays WeCom with three corps that install the
app, their customers write, one corp then cancels — and the example exits.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import Any

import httpx

from wxkefu_ext import keygen, messages
from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent
from wxkefu_ext.callback.wsgi import wsgi_callback_app
from wxkefu_ext.cursors import MemoryCursorStore
from wxkefu_ext.errors import AuthorizationCancelledError, KfError
from wxkefu_ext.pagination import SyncMsgPager
from wxkefu_ext.provider import MemoryPermanentCodeStore, Provider, SuiteCredential
from wxkefu_ext.provider.callback import corp_router, instruction_wsgi_app


class ProviderBot:
    """Answers the customers of every corp that authorised the suite."""

    def __init__(self, provider: Provider) -> None:
        self.provider = provider
        self.cursors = MemoryCursorStore()  # RedisCursorStore with several processes
        self.replied: set[str] = set()
        self.lock = threading.Lock()
        self.pulling: dict[str, threading.Lock] = {}

    def on_event(self, event: Any) -> None:
        if not isinstance(event, KfMsgOrEvent) or not event.open_kfid:
            return
        kf = self.provider.corp(event.to_user_name)  # that corp's KfClient, shared pool
        with self.lock:  # one puller per account (wxkefu_ext.worker does it across processes)
            account = self.pulling.setdefault(event.open_kfid, threading.Lock())
        with account:
            self.drain(kf, event)

    def drain(self, kf: Any, event: KfMsgOrEvent) -> None:
        assert event.open_kfid is not None
        pager = SyncMsgPager(kf, event.open_kfid, token=event.token, cursor_store=self.cursors)
        for message in pager.messages():
            m = message.to_dict()
            if m.get("msgtype") == "text" and m.get("origin") == 3:
                reply = messages.text(f"收到: {m['text']['content']}")
                messages.send(kf, m["external_userid"], event.open_kfid, reply)
                with self.lock:
                    self.replied.add(event.to_user_name)
                sys.stdout.write(f"bot: replied in {event.to_user_name}\n")


def stores() -> tuple[Any, Any]:
    url = os.environ.get("WXKF_REDIS_URL")
    if not url:
        return None, MemoryPermanentCodeStore()
    from wxkefu_ext.provider import RedisPermanentCodeStore
    from wxkefu_ext.tokens import RedisTokenStore

    return RedisTokenStore(url), RedisPermanentCodeStore(url)


def real() -> None:
    from starlette.applications import Starlette

    from wxkefu_ext.callback.asgi import callback_route
    from wxkefu_ext.provider.callback import InstructionHandler
    from wxkefu_ext.serving import bind, serve_forever

    env = os.environ
    suite = SuiteCredential(env["WXKF_SUITE_ID"], env["WXKF_SUITE_SECRET"])
    token_store, codes = stores()
    provider = Provider(suite, token_store=token_store, codes=codes)
    bot = ProviderBot(provider)
    suite_crypto = CallbackCrypto(
        env["WXKF_SUITE_TOKEN"], env["WXKF_SUITE_AES_KEY"], suite.suite_id, max_age=300
    )
    data_crypto = CallbackCrypto(env["WXKF_DATA_TOKEN"], env["WXKF_DATA_AES_KEY"], max_age=300)
    app = Starlette(
        routes=[
            callback_route(suite_crypto, InstructionHandler(provider), path="/suite/receive"),
            callback_route(data_crypto, corp_router(provider, bot.on_event), path="/data"),
        ]
    )
    serve_forever(app, bind("0.0.0.0", int(env.get("PORT", "8080"))))


def emulated() -> None:
    from wxkefu_ext.emulator import Emulator
    from wxkefu_ext.emulator.provider import DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET

    emu = Emulator()
    provider = Provider(
        SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET),
        codes=MemoryPermanentCodeStore(),
        base_url=emu.base_url,
        transport=emu.transport(),
        clock=emu.clock.now,
    )
    bot = ProviderBot(provider)
    suite_token, suite_key = keygen.generate_token(), keygen.generate_encoding_aes_key()
    data_token, data_key = keygen.generate_token(), keygen.generate_encoding_aes_key()
    instructions = instruction_wsgi_app(
        provider, CallbackCrypto(suite_token, suite_key, DEFAULT_SUITE_ID)
    )
    data = wsgi_callback_app(
        CallbackCrypto(data_token, data_key), corp_router(provider, bot.on_event)
    )
    emu.provider.set_instruction_callback(
        DEFAULT_SUITE_ID, "http://provider.example/suite/receive", token=suite_token,
        encoding_aes_key=suite_key, transport=httpx.WSGITransport(app=instructions),
    )  # fmt: skip
    corps = [f"wwdemocorp0000{i}" for i in range(1, 4)]
    for corp_id in corps:
        corp = emu.provider.add_corp(corp_id)
        corp.set_callback(
            "http://provider.example/data", token=data_token, encoding_aes_key=data_key,
            transport=httpx.WSGITransport(app=data),
        )  # fmt: skip
        emu.provider.authorize(DEFAULT_SUITE_ID, corp_id)  # the admin installs the app
    emu.provider.flush()
    instructions.drain(10)
    print(f"installed in {len(provider.corp_ids())} corps", flush=True)
    for corp_id in corps:
        corp = emu.provider.corp(corp_id)
        kfid = corp.create_account("客服")
        user = corp.customer_enter_session(kfid).external_userid
        corp.customer_send(kfid, user, "你好")
        corp.flush_callbacks()
    data.drain(10)
    print(f"bot: replied in {len(bot.replied)} corps", flush=True)
    gone = corps[0]
    emu.provider.cancel_auth(DEFAULT_SUITE_ID, gone)
    emu.provider.flush()
    instructions.drain(10)
    try:
        provider.corp(gone)
    except AuthorizationCancelledError as exc:
        print(f"refused for {gone}: {type(exc).__name__}", flush=True)
    instructions.close()
    data.close()
    emu.close()


def main() -> int:
    try:
        real() if os.environ.get("WXKF_SUITE_ID") else emulated()
    except KfError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
