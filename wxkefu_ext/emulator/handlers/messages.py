"""sync_msg (cursor / has_more / limit / Token), send_msg, send_msg_on_event, recall_msg.

Rules enforced (official errcodes): duplicate msgid → 40058 "invalid msgid: duplicated msgid"
(checked first, so a retry of a send that landed is recognisable whatever else changed);
session state must be 0/1 → 95018; 48 h after the customer's last message → 95002; 5 sends
per customer message → 95001; media must exist → 40007; recall only API-sent (95028) within
2 minutes (95029); sync Token wrong or older than 10 minutes → 95007.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import hmac
from typing import TYPE_CHECKING, Any, Final

from wxkefu_ext.emulator._http import ApiError
from wxkefu_ext.emulator.handlers.accounts import live_media
from wxkefu_ext.emulator.handlers.call import handles
from wxkefu_ext.emulator.state import Delivery
from wxkefu_ext.emulator.world import (
    HISTORY_SECONDS,
    RECALL_SECONDS,
    SENDS_PER_CUSTOMER_MESSAGE,
    WINDOW_SECONDS,
)

if TYPE_CHECKING:
    from wxkefu_ext.emulator.handlers.call import Call
    from wxkefu_ext.emulator.state import Session
    from wxkefu_ext.emulator.world import World

_MEDIA_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "image": ("media_id",),
    "voice": ("media_id",),
    "video": ("media_id",),
    "file": ("media_id",),
    "link": ("thumb_media_id",),
    "miniprogram": ("thumb_media_id",),
}
_CURSOR_TAG: Final = 6


# ----------------------------------------------------------------------------- cursors


def _tag(emu: World, open_kfid: str, seq: int) -> bytes:
    key = f"wxkefu-emulator-cursor:{emu.seed}".encode()
    return hmac.new(key, f"{open_kfid}:{seq}".encode(), hashlib.sha256).digest()[:_CURSOR_TAG]


def encode_cursor(emu: World, open_kfid: str, seq: int) -> str:
    raw = _tag(emu, open_kfid, seq) + seq.to_bytes(8, "big")
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(emu: World, open_kfid: str, cursor: str) -> int:
    """The sequence number behind an opaque cursor; 50100 when it is not ours for this account."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except ValueError:
        raw = b""
    if len(raw) == _CURSOR_TAG + 8:
        seq = int.from_bytes(raw[_CURSOR_TAG:], "big")
        if hmac.compare_digest(raw[:_CURSOR_TAG], _tag(emu, open_kfid, seq)):
            return seq
    raise ApiError(50100, "invalid cursor: not a next_cursor returned for this open_kfid")


# ----------------------------------------------------------------------------- sync_msg


@handles("syncMsg")
def sync_msg(emu: World, call: Call) -> dict[str, Any]:
    kfid = emu.account(call.body["open_kfid"]).open_kfid
    token = call.body.get("token")
    if token:
        bound = emu.state.sync_tokens.get(token)
        if bound is None or bound[0] != kfid:
            raise ApiError(95007, "invalid msg token")
        if bound[1] <= emu.clock.now():
            raise ApiError(95007, "invalid msg token: expired (valid 10 minutes)")
    cursor = call.body.get("cursor") or ""
    after = decode_cursor(emu, kfid, cursor) if cursor else 0
    limit = int(call.body.get("limit") or 1000)  # 0 = the default, as peer SDKs send it
    queue = emu.state.queues.get(kfid, [])
    start = bisect.bisect_right(queue, after, key=lambda q: q.seq)
    horizon = emu.clock.now() - HISTORY_SECONDS
    while start < len(queue) and queue[start].send_time < horizon:
        start += 1
    page = queue[start : start + limit]
    last = page[-1].seq if page else after
    return {
        "next_cursor": encode_cursor(emu, kfid, last),
        "has_more": 1 if start + limit < len(queue) else 0,
        "msg_list": [q.item for q in page],
    }


# ----------------------------------------------------------------------------- sends


def _duplicate(emu: World, open_kfid: str, msgid: str | None) -> None:
    if msgid and msgid in emu.state.sent_msgids.get(open_kfid, {}):
        raise ApiError(40058, f"invalid msgid: duplicated msgid {msgid!r}")


def _check_media(emu: World, msgtype: str, payload: dict[str, Any]) -> None:
    for name in _MEDIA_FIELDS.get(msgtype, ()):
        live_media(emu, payload[name], field=f"{msgtype}.{name}")


def _deliver(emu: World, body: dict[str, Any], open_kfid: str, touser: str, via: str) -> str:
    msgid = body.get("msgid") or emu.new_id("", 32)
    msgtype = body["msgtype"]
    emu.deliver(Delivery(msgid, open_kfid, touser, msgtype, body[msgtype], emu.clock.now(), via))
    return str(msgid)


def _window(emu: World, session: Session) -> None:
    if session.state not in (0, 1):
        raise ApiError(95018, f"send msg session status invalid (service_state {session.state})")
    if session.window_start is None or emu.clock.now() - session.window_start > WINDOW_SECONDS:
        raise ApiError(
            95002, "send msg time limit: over 48 hours since the customer's last message"
        )
    if session.sends_in_window >= SENDS_PER_CUSTOMER_MESSAGE:
        raise ApiError(95001, "send msg count limit: 5 messages per customer message")


@handles("sendMsg")
def send_msg(emu: World, call: Call) -> dict[str, Any]:
    body = call.body
    kfid = emu.account(body["open_kfid"]).open_kfid
    customer = emu.customer(body["touser"])
    _duplicate(emu, kfid, body.get("msgid"))
    session = emu.state.sessions.get((kfid, customer.external_userid))
    if session is None:
        raise ApiError(
            95018, "send msg session status invalid (the customer never wrote to this account)"
        )
    _window(emu, session)
    _check_media(emu, body["msgtype"], body[body["msgtype"]])
    msgid = _deliver(emu, body, kfid, customer.external_userid, "send_msg")
    session.sends_in_window += 1
    if session.state == 0:
        session.state = 1  # an API reply puts a new session with the "smart assistant"
    emu.record("ai_reply", kfid, customer.external_userid)
    return {"msgid": msgid}


@handles("sendMsgOnEvent")
def send_msg_on_event(emu: World, call: Call) -> dict[str, Any]:
    body = call.body
    code = emu.state.codes.get(body["code"])
    if code is None:
        raise ApiError(41050, "invalid code: unknown welcome_code / msg_code")
    _duplicate(emu, code.open_kfid, body.get("msgid"))
    if code.used:
        raise ApiError(41050, "invalid code: already used (codes are single-use)")
    if code.expires_at <= emu.clock.now():
        raise ApiError(42003, "code expired")
    if body["msgtype"] not in code.msgtypes:
        allowed = ", ".join(sorted(code.msgtypes))
        raise ApiError(
            40008, f"invalid msgtype {body['msgtype']!r} for this code (allowed: {allowed})"
        )
    if code.open_kfid not in emu.state.accounts:
        raise ApiError(95004, "open_kfid of this code does not exist any more")
    if code.state is not None:
        session = emu.state.sessions.get((code.open_kfid, code.external_userid))
        if session is None or session.state != code.state:
            raise ApiError(
                95018, "send msg session status invalid: the session left the code's state"
            )
    code.used = True
    msgid = _deliver(emu, body, code.open_kfid, code.external_userid, "send_msg_on_event")
    if code.kind == "welcome":
        emu.state.customers[code.external_userid].last_welcome_at = emu.clock.now()
    return {"msgid": msgid}


@handles("recallMsg")
def recall_msg(emu: World, call: Call) -> dict[str, Any]:
    kfid = emu.account(call.body["open_kfid"]).open_kfid
    delivery = emu.state.sent_msgids.get(kfid, {}).get(call.body["msgid"])
    if delivery is None or delivery.recalled:
        raise ApiError(95028, "recall failed: msgid not found among messages sent through the API")
    if emu.clock.now() - delivery.time > RECALL_SECONDS:
        raise ApiError(95029, "recall failed: only messages sent within 2 minutes can be recalled")
    delivery.recalled = True
    return {}
