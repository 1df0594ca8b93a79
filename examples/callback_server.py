"""A callback endpoint: verify, decrypt and parse what WeCom pushes (mirrors
examples/callback_server.rs).

Real use: set WXKF_TOKEN, WXKF_ENCODING_AES_KEY and WXKF_CORP_ID (or WXKF_RECEIVER_ID); the
server listens on PORT (default 3000) at /callback until Ctrl-C — GET answers the URL check,
POST answers "success" at once and hands the event to ``on_event`` in the background.
Without them, the example generates keys, points the local emulator's callbacks at itself,
lets a customer write, prints the event it received and exits.
"""

from __future__ import annotations

import os
import queue
from typing import Any

from wxkefu_ext import keygen
from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent
from wxkefu_ext.callback.asgi import callback_app
from wxkefu_ext.serving import bind, serve_forever, serving, url_of

from _common import Session, env, run


def describe(event: Any) -> str:
    if isinstance(event, KfMsgOrEvent):
        # event.token is a 10-minute credential for kf/sync_msg: use it, do not log it.
        return f"kf_msg_or_event open_kfid={event.open_kfid} create_time={event.create_time}"
    return f"{event.event or event.msg_type} (fields: {sorted(event.raw)})"


def serve_real() -> None:
    crypto = CallbackCrypto(
        env("WXKF_TOKEN") or "",
        env("WXKF_ENCODING_AES_KEY", "WXKF_AES_KEY") or "",
        env("WXKF_RECEIVER_ID", "WXKF_CORP_ID"),
        max_age=300,
    )
    app = callback_app(crypto, lambda event: print(describe(event), flush=True))
    sock = bind("0.0.0.0", int(os.environ.get("PORT", "3000")))
    print(f"listening on {url_of(sock)}/callback", flush=True)
    serve_forever(app, sock)


def main(s: Session) -> None:
    from _emulator import corp_id, set_callback

    token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
    crypto = CallbackCrypto(token, key, corp_id(s.emulator))
    received: queue.Queue[Any] = queue.Queue()
    with serving(callback_app(crypto, received.put)) as base:
        set_callback(s.emulator, f"{base}/callback", token, key)
        s.customer("你好")
        event = received.get(timeout=10)
        print(f"verified + decrypted: {describe(event)}")


if __name__ == "__main__":
    if env("WXKF_TOKEN") and env("WXKF_ENCODING_AES_KEY", "WXKF_AES_KEY"):
        serve_real()
    else:
        run(main)
