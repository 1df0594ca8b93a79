"""The few calls into the local emulator that the examples' emulator mode needs.

Kept apart from ``_common.py`` so that the examples themselves contain only toolkit code a user
would write against the real API.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any


def start(stack: ExitStack) -> tuple[Any, str, str, str]:
    """Start an emulator served over HTTP on 127.0.0.1 (a free port)."""
    from wxkefu_ext import emulator
    from wxkefu_ext.emulator import Emulator

    emu = Emulator()
    base_url = stack.enter_context(emu.serve("127.0.0.1", port=0))
    secret = getattr(emu, "corp_secret", None) or emulator.DEFAULT_CORP_SECRET
    return emu, base_url, corp_id(emu), str(secret)


def corp_id(emu: Any) -> str:
    from wxkefu_ext import emulator

    return str(getattr(emu, "corp_id", None) or emulator.DEFAULT_CORP_ID)


def set_callback(emu: Any, url: str, token: str, key: str) -> None:
    """Make the emulator push encrypted callbacks to ``url``."""
    emu.set_callback(url, token=token, encoding_aes_key=key)


def enter_session(emu: Any, open_kfid: str) -> str:
    """A new customer opens the contact link; returns the external_userid."""
    result = emu.customer_enter_session(open_kfid)  # (external_userid, welcome_code)
    return str(result[0] if isinstance(result, tuple) else result)


def customer_writes(emu: Any, open_kfid: str, text: str, customer: str | None = None) -> str:
    """``customer`` (a new one when None) sends ``text``; returns the external_userid."""
    if customer is None:
        customer = enter_session(emu, open_kfid)
    emu.customer_send(open_kfid, customer, text=text)
    return customer


def enter_session_welcome_code(emu: Any, kf: Any, open_kfid: str) -> str:
    """A customer enters; the welcome_code is read from the enter_session event (sync_msg)."""
    from wxkefu_ext.pagination import SyncMsgPager

    customer = enter_session(emu, open_kfid)
    for message in SyncMsgPager(kf, open_kfid).messages():
        data = message.to_dict()
        event = data.get("event") or {}
        if event.get("event_type") == "enter_session" and event.get("external_userid") == customer:
            code = event.get("welcome_code")
            if code:
                return str(code)
    raise RuntimeError("the emulator's enter_session event had no welcome_code")


def secret(emu: Any) -> str:
    from wxkefu_ext import emulator

    return str(getattr(emu, "corp_secret", None) or emulator.DEFAULT_CORP_SECRET)
