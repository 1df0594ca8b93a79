"""The msgid of a send: WeCom's idempotency key, made in one place.

``kf/send_msg`` and ``kf/send_msg_on_event`` take an optional ``msgid`` (at most 32 bytes of
``[0-9A-Za-z_-]``); WeCom answers a repeated msgid with 40058 "duplicated msgid" instead of
sending again. The client therefore gives every send a msgid *before* the first attempt, so a
token replay and every transport retry carry the same one and a lost reply can never turn into a
second message. :func:`new_msgid` is that id; builders and the auth layer both call it.
"""

from __future__ import annotations

import re
import uuid
from typing import Final

from wxkefu_client._limits import limit

__all__ = ["MSGID_MAX_BYTES", "MSGID_PATTERN", "new_msgid"]

#: The longest msgid WeCom accepts, in bytes (the spec's ``SendMsgCommon.msgid`` limit).
MSGID_MAX_BYTES: Final = limit("SendMsgCommon", "msgid").byte_limit or 32
#: The characters WeCom accepts in a caller-chosen msgid.
MSGID_PATTERN: Final = re.compile(r"^[0-9A-Za-z_-]+$")


def new_msgid() -> str:
    """A fresh msgid: 32 hex chars (uuid4), unique and within :data:`MSGID_MAX_BYTES`."""
    return uuid.uuid4().hex
