"""``wxkefu emulator`` and ``wxkefu callback serve``: the two local servers.

Why in the CLI: a developer can run the whole loop on one machine — the emulator plays WeCom,
``callback serve`` plays the bot's endpoint and prints what it verified and decrypted — before
touching a real corp. Neither prints a secret: the sync_msg Token inside a callback is masked
(it is a 10-minute credential), and the configured Token/EncodingAESKey never appear.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Annotated, Any

import typer

from wxkefu_ext.cli._common import (
    env_first,
    make_client,
    mask,
    print_json,
    remember_secret,
    status,
)

__all__ = ["event_record", "register"]

callback_app = typer.Typer(help="Callback (回调) helpers.", no_args_is_help=True)


def emulator(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0 = any free one).")] = 8765,
    bot: Annotated[
        Path | None,
        typer.Option(
            "--bot",
            dir_okay=False,
            help="Run this callback-server script against the emulator (e.g. examples/bot.py) "
            "and chat with it in the browser console.",
        ),
    ] = None,
) -> None:
    """Run the local Kf emulator until Ctrl-C; prints its base URL, the export lines for the
    demo credentials and the browser console's URL."""
    from wxkefu_ext.emulator import Emulator
    from wxkefu_ext.emulator.launcher import run

    code = run(Emulator(), host, port, bot=bot)
    if code:
        raise typer.Exit(code)


def event_record(event: Any) -> dict[str, Any]:
    """A JSON-able view of a parsed callback event with the sync_msg Token masked."""
    from wxkefu_ext.callback import KfAccountAuthChange, KfMsgOrEvent

    if isinstance(event, KfMsgOrEvent):
        remember_secret(event.token)
        return {
            "event": event.event,
            "to_user_name": event.to_user_name,
            "create_time": event.create_time,
            "open_kfid": event.open_kfid,
            "token": "***",
        }
    if isinstance(event, KfAccountAuthChange):
        return {
            "event": event.event,
            "to_user_name": event.to_user_name,
            "create_time": event.create_time,
            "auth_add_open_kfid": list(event.auth_add_open_kfid),
            "auth_del_open_kfid": list(event.auth_del_open_kfid),
        }
    raw = {k: ("***" if k.lower() == "token" else v) for k, v in dict(event.raw).items()}
    return {"event": event.event, "msg_type": event.msg_type, "raw": raw}


@callback_app.command("serve")
def callback_serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(min=0, max=65535, envvar="PORT", help="Port (0 = any free one) [env PORT]."),
    ] = 3000,
    path: Annotated[str, typer.Option(help="URL path of the endpoint.")] = "/callback",
    pull: Annotated[
        bool,
        typer.Option(
            "--pull",
            help="On kf_msg_or_event, drain kf/sync_msg with its Token and print the messages "
            "(needs WXKF_CORP_ID / WXKF_APP_SECRET).",
        ),
    ] = False,
    max_age: Annotated[
        float | None,
        typer.Option(help="Reject callbacks whose timestamp is older (seconds).", min=1),
    ] = None,
) -> None:
    """A local callback endpoint that verifies, decrypts and prints every event (JSON lines).

    Reads WXKF_TOKEN, WXKF_ENCODING_AES_KEY (or WXKF_AES_KEY) and WXKF_RECEIVER_ID /
    WXKF_CORP_ID (checked against the decrypted receiver id).
    """
    from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent
    from wxkefu_ext.callback.asgi import callback_app as make_app
    from wxkefu_ext.errors import ConfigurationError
    from wxkefu_ext.serving import bind, serve_forever, url_of

    token = os.environ.get("WXKF_TOKEN")
    key = env_first("WXKF_ENCODING_AES_KEY", "WXKF_AES_KEY")
    if not token or not key:
        raise ConfigurationError(
            "set WXKF_TOKEN and WXKF_ENCODING_AES_KEY (the values configured in the admin "
            "console; `wxkefu keygen` makes new ones)"
        )
    receiver = env_first("WXKF_RECEIVER_ID", "WXKF_CORP_ID")
    crypto = CallbackCrypto(token, key, receiver, max_age=max_age)
    if not path.startswith("/"):
        path = "/" + path
    kf = make_client() if pull else None
    lock = threading.Lock()  # handlers run in worker threads: keep JSON lines whole

    def on_event(event: Any) -> None:
        with lock:
            print_json({"callback": event_record(event)})
        if kf is not None and isinstance(event, KfMsgOrEvent) and event.open_kfid:
            _drain(kf, event.open_kfid, event.token, lock)

    sock = bind(host, port)
    status(f"listening on {url_of(sock)}{path} (receiver id: {receiver or 'not checked'})")
    status("configure this URL with the same Token/EncodingAESKey; Ctrl-C to stop")
    try:
        serve_forever(make_app(crypto, on_event, path=path), sock)
    finally:
        sock.close()
        if kf is not None:
            kf.close()


_cursors: Any = None


def _drain(kf: Any, open_kfid: str, token: str, lock: threading.Lock) -> None:
    global _cursors
    from wxkefu_ext.cursors import MemoryCursorStore
    from wxkefu_ext.pagination import SyncMsgPager

    if _cursors is None:
        _cursors = MemoryCursorStore()
    try:
        pager = SyncMsgPager(kf, open_kfid, token=token, cursor_store=_cursors)
        for page in pager.pages():
            with lock:
                for raw in page.raw_messages:
                    print_json({"message": raw})
    except Exception as exc:  # the endpoint keeps serving; the failure is reported
        status(f"sync_msg for {open_kfid} failed: {mask(str(exc))}", style="red")


def register(app: typer.Typer) -> None:
    app.command("emulator")(emulator)
    app.add_typer(callback_app, name="callback")
