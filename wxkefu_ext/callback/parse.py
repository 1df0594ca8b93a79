"""Typed events from a decrypted callback message.

Why: frameworks that do not know the Kf callback event leave users digging ``Token`` and
``OpenKfId`` out of raw XML (peers.md B.10). :func:`parse_callback` turns the decrypted message
(XML, or JSON for callbacks configured that way) into one of

* :class:`KfMsgOrEvent` — "new messages or events, call ``kf/sync_msg`` with this token";
* :class:`KfAccountAuthChange` — Kf accounts authorised/de-authorised for an app;
* :class:`UnknownCallbackEvent` — anything else, with every field kept in ``raw``.

All are frozen dataclasses with a ``raw`` dict of every field as received, so nothing is
dropped. The sync_msg ``token`` is a short-lived credential, so it is left out of ``repr``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

from wxkefu_ext.callback._xml import (
    DEFAULT_MAX_BYTES,
    as_bytes,
    looks_like_json,
    parse_json_object,
    parse_xml_dict,
)
from wxkefu_ext.callback.errors import ParseError

__all__ = [
    "EVENT_KF_ACCOUNT_AUTH_CHANGE",
    "EVENT_KF_MSG_OR_EVENT",
    "CallbackEvent",
    "KfAccountAuthChange",
    "KfMsgOrEvent",
    "UnknownCallbackEvent",
    "parse_callback",
    "parse_callback_fields",
]

EVENT_KF_MSG_OR_EVENT: Final = "kf_msg_or_event"
EVENT_KF_ACCOUNT_AUTH_CHANGE: Final = "kf_account_auth_change"


@dataclass(frozen=True, slots=True)
class KfMsgOrEvent:
    """``Event=kf_msg_or_event``: pass :attr:`token` and :attr:`open_kfid` to ``kf/sync_msg``
    (the token is valid for 10 minutes). The callback carries no message content."""

    to_user_name: str
    """The corp id (CorpID)."""
    create_time: int
    token: str = field(repr=False)
    open_kfid: str | None
    """Absent in the oldest revision of the callback: then sync every Kf account."""
    msg_type: str = "event"
    event: str = EVENT_KF_MSG_OR_EVENT
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class KfAccountAuthChange:
    """``Event=kf_account_auth_change``: Kf accounts authorised (:attr:`auth_add_open_kfid`)
    or de-authorised (:attr:`auth_del_open_kfid`) for the receiving app."""

    to_user_name: str
    from_user_name: str
    create_time: int
    auth_add_open_kfid: tuple[str, ...]
    auth_del_open_kfid: tuple[str, ...]
    msg_type: str = "event"
    event: str = EVENT_KF_ACCOUNT_AUTH_CHANGE
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class UnknownCallbackEvent:
    """Any other callback: its ``MsgType``/``Event`` (when present) and every field in ``raw``."""

    msg_type: str | None
    event: str | None
    to_user_name: str | None
    create_time: int | None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


CallbackEvent: TypeAlias = KfMsgOrEvent | KfAccountAuthChange | UnknownCallbackEvent


def _str_field(fields: Mapping[str, Any], name: str, *, required: bool) -> str | None:
    value = fields.get(name)
    if value.__class__ is str and (value or not required):
        return value  # the common case, decided in one test
    if value is None:
        if required:
            raise ParseError(f"the callback message has no {name}")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ParseError(f"the callback field {name} must be text, got {type(value).__name__}")
    text = str(value)
    if required and not text:
        raise ParseError(f"the callback field {name} is empty")
    return text


def _int_field(fields: Mapping[str, Any], name: str, *, required: bool) -> int | None:
    value = fields.get(name)
    if value.__class__ is str and 0 < len(value) <= 18 and value.isdigit() and value.isascii():
        return int(value)
    if value is None:
        if required:
            raise ParseError(f"the callback message has no {name}")
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= 18:
            return int(text)
    if not required:
        return None
    raise ParseError(f"the callback field {name} is not an integer")


def _id_tuple(fields: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = fields.get(name)
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ParseError(f"every {name} must be text, got {type(item).__name__}")
        if item:
            out.append(item)
    return tuple(out)


def parse_callback_fields(fields: Mapping[str, Any]) -> CallbackEvent:
    """The typed event for already-parsed fields (``ToUserName``, ``Event``, …)."""
    msg_type = _str_field(fields, "MsgType", required=False)
    event = _str_field(fields, "Event", required=False)
    if event == EVENT_KF_MSG_OR_EVENT:
        return KfMsgOrEvent(
            to_user_name=_str_field(fields, "ToUserName", required=True) or "",
            create_time=_int_field(fields, "CreateTime", required=True) or 0,
            token=_str_field(fields, "Token", required=True) or "",
            open_kfid=_str_field(fields, "OpenKfId", required=False) or None,
            msg_type=msg_type or "event",
            raw=fields,
        )
    if event == EVENT_KF_ACCOUNT_AUTH_CHANGE:
        return KfAccountAuthChange(
            to_user_name=_str_field(fields, "ToUserName", required=True) or "",
            from_user_name=_str_field(fields, "FromUserName", required=False) or "",
            create_time=_int_field(fields, "CreateTime", required=True) or 0,
            auth_add_open_kfid=_id_tuple(fields, "AuthAddOpenKfId"),
            auth_del_open_kfid=_id_tuple(fields, "AuthDelOpenKfId"),
            msg_type=msg_type or "event",
            raw=fields,
        )
    return UnknownCallbackEvent(
        msg_type=msg_type,
        event=event,
        to_user_name=_str_field(fields, "ToUserName", required=False),
        create_time=_int_field(fields, "CreateTime", required=False),
        raw=fields,
    )


def parse_callback(message: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CallbackEvent:
    """Parse a decrypted callback message (XML ``<xml>…</xml>``, or a JSON object).

    Raises :class:`~wxkefu_ext.callback.errors.ParseError` for anything that is not such a
    document (DTDs, entities, non-UTF-8, malformed markup, a known event missing a required
    field) and :class:`~wxkefu_ext.callback.errors.BodyTooLargeError` above ``max_bytes``."""
    raw = as_bytes(message, "the callback message", max_bytes)
    if looks_like_json(raw):
        fields = parse_json_object(raw, "the callback message")
    else:
        fields = parse_xml_dict(raw, "the callback message")
    return parse_callback_fields(fields)
