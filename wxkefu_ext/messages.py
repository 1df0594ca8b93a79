"""Outgoing Kf messages: builders with the spec's limits checked client-side, and send helpers.

Why: the server's answer to a too-long title or a bad menu item is an errcode after a round trip
(and sometimes silent truncation); a retried send without ``msgid`` can reach the customer twice.
Here every builder checks the limits of ENDPOINTS.md §5 *before* any request — byte limits in
UTF-8 bytes, item counts, URL schemes, coordinate ranges, the msgid pattern — and raises
:class:`~wxkefu_ext.errors.KfValidationError` naming the field and the limit. The send helpers
always send a ``msgid`` (generated when not given) and return it, so a retry is safe and the
message can be recalled or matched with a later ``msg_send_fail`` event.

Builders return an immutable :class:`OutgoingMessage`; :meth:`OutgoingMessage.from_dict` checks a
hand-written ``{"msgtype": ..., <msgtype>: {...}}`` dict with the same rules.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, cast

from wxkefu_client import _operations as _ops
from wxkefu_client._limits import limit as _limit
from wxkefu_ext.errors import KfApiError, KfValidationError
from wxkefu_ext.msgid import MSGID_MAX_BYTES, MSGID_PATTERN, new_msgid
from wxkefu_ext.protocols import SupportsAsyncSend, SupportsSend
from wxkefu_ext.retry import DUPLICATE_MSGID_ERRCODE, is_duplicate_msgid
from wxkefu_ext.send_report import reports_send_failures

if TYPE_CHECKING:
    from wxkefu_client.resources.results import SendMsgOnEventReq, SendMsgReq

__all__ = [
    "DUPLICATE_MSGID_ERRCODE",
    "EVENT_MSGTYPES",
    "MSGTYPES",
    "OutgoingMessage",
    "async_recall",
    "async_send",
    "async_send_on_event",
    "business_card",
    "ca_link",
    "file",
    "image",
    "link",
    "location",
    "menu_click",
    "menu_miniprogram",
    "menu_text",
    "menu_view",
    "miniprogram",
    "msgmenu",
    "new_msgid",
    "recall",
    "send",
    "send_on_event",
    "text",
    "validate_msgid",
    "video",
    "voice",
]


def _max_bytes(schema: str, field: str) -> int:
    """The spec's byte limit of ``schema.field`` (``x-max-bytes``, else ``maxLength``)."""
    value = _limit(schema, field).byte_limit
    if value is None:  # a limit this module relies on vanished from the spec: fail at import
        raise RuntimeError(f"the spec states no length limit for {schema}.{field}")
    return value


def _truncated_at(schema: str, field: str) -> int:
    """Where the server cuts ``schema.field`` (``x-truncated-bytes``): it accepts any length."""
    value = _limit(schema, field).truncate_bytes
    if value is None:
        raise RuntimeError(f"the spec states no truncation length for {schema}.{field}")
    return int(value)


def _bound(schema: str, field: str) -> float:
    value = _limit(schema, field).maximum
    if value is None:
        raise RuntimeError(f"the spec states no maximum for {schema}.{field}")
    return float(value)


_MP_APPID: Final = _max_bytes("OutgoingMsgMenuMiniprogram", "appid")
_MP_PAGEPATH: Final = _max_bytes("OutgoingMsgMenuMiniprogram", "pagepath")
_TITLE_MP: Final = _truncated_at("OutgoingMiniprogram", "title")
_HEAD: Final = _max_bytes("OutgoingMsgMenu", "head_content")
_TAIL: Final = _max_bytes("OutgoingMsgMenu", "tail_content")
#: The spec states no length for ca_link.link_url; a URL gets the link message's URL limit.
_CA_LINK_URL: Final = _limit("OutgoingCaLink", "link_url").byte_limit or _max_bytes(
    "OutgoingLink", "url"
)
_LATITUDE: Final = _bound("OutgoingLocation", "latitude")
_LONGITUDE: Final = _bound("OutgoingLocation", "longitude")

#: The generated request models of a msgtype (``Send{Text}MsgReq``...).
_SEND_MODEL: Final = "Send{}MsgReq"
_EVENT_MODEL: Final = "Send{}MsgOnEventReq"


MSGTYPES: Final = frozenset(
    {
        "text",
        "image",
        "voice",
        "video",
        "file",
        "link",
        "miniprogram",
        "msgmenu",
        "location",
        "business_card",
        "ca_link",
    }
)
#: send_msg_on_event accepts only these (ENDPOINTS.md §2.14).
EVENT_MSGTYPES: Final = frozenset({"text", "msgmenu"})

MENU_MAX_ITEMS: Final = int(_limit("OutgoingMsgMenu", "list").max_items or 0)


# ---------------------------------------------------------------------------------------------
# Field checks
# ---------------------------------------------------------------------------------------------


def _bytes(value: str) -> int:
    return len(value.encode("utf-8"))


def _string(
    value: object,
    field: str,
    *,
    max_bytes: int | None = None,
    min_bytes: int = 1,
    optional: bool = False,
) -> str | None:
    """A string within ``min_bytes..max_bytes`` UTF-8 bytes. ``None`` only when optional; an
    empty string is never sent (the server rejects ``""`` where it expects an id)."""
    if value is None:
        if optional:
            return None
        raise KfValidationError("is required", field=field)
    if not isinstance(value, str):
        raise KfValidationError(f"must be a string, got {type(value).__name__}", field=field)
    size = _bytes(value)
    if size < min_bytes:
        if optional and size == 0:
            return None
        raise KfValidationError("must not be empty", field=field, limit=f"≥{min_bytes} bytes")
    if max_bytes is not None and size > max_bytes:
        raise KfValidationError(
            f"is {size} bytes in UTF-8", field=field, limit=f"{min_bytes}..{max_bytes} bytes"
        )
    return value


def _required(value: object, field: str, **kw: Any) -> str:
    out = _string(value, field, **kw)
    assert out is not None
    return out


def _url(value: object, field: str, *, max_bytes: int) -> str:
    url = _required(value, field, max_bytes=max_bytes)
    if not url.lower().startswith(("http://", "https://")) or len(url) <= len("https://"):
        raise KfValidationError(
            "must be an absolute http:// or https:// URL", field=field, limit="http(s) scheme"
        )
    if any(c.isspace() for c in url):
        raise KfValidationError("must not contain whitespace", field=field)
    return url


def _set(payload: Mapping[str, Any], **optional: Any) -> dict[str, Any]:
    """``payload`` plus the optional fields that were given (None: not sent at all)."""
    return {**payload, **{k: v for k, v in optional.items() if v is not None}}


def _truncate(value: str | None, max_bytes: int) -> str | None:
    """Cut to at most ``max_bytes`` UTF-8 bytes on a character boundary."""
    if value is None or _bytes(value) <= max_bytes:
        return value
    return value.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def _coordinate(value: object, field: str, bound: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise KfValidationError(f"must be a number, got {type(value).__name__}", field=field)
    number = float(value)
    if not math.isfinite(number) or not -bound <= number <= bound:
        raise KfValidationError(f"is {value!r}", field=field, limit=f"-{bound:g}..{bound:g}")
    return number


def validate_msgid(msgid: object) -> str:
    """Check a caller-chosen msgid: 1..32 bytes of ``[0-9A-Za-z_-]``."""
    value = _required(msgid, "msgid", max_bytes=MSGID_MAX_BYTES)
    if not MSGID_PATTERN.match(value):
        raise KfValidationError(
            "may contain only letters, digits, '_' and '-'", field="msgid", limit="^[0-9a-zA-Z_-]*$"
        )
    return value


# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A validated message body: ``msgtype`` plus the payload object named after it. Build it
    with the module's builders (:func:`text`, :func:`msgmenu`, ...) or :meth:`from_dict`."""

    msgtype: str
    payload: Mapping[str, Any]

    def __post_init__(self) -> None:
        checked = _validate(self.msgtype, self.payload)
        object.__setattr__(self, "payload", _freeze(checked))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OutgoingMessage:
        """``{"msgtype": "text", "text": {"content": "hi"}}`` → checked message."""
        if not isinstance(data, Mapping):
            raise KfValidationError("must be an object", field="message")
        msgtype = data.get("msgtype")
        if not isinstance(msgtype, str) or msgtype not in MSGTYPES:
            raise KfValidationError(
                f"unknown msgtype {msgtype!r}", field="msgtype", limit=", ".join(sorted(MSGTYPES))
            )
        payload = data.get(msgtype)
        if not isinstance(payload, Mapping):
            raise KfValidationError("payload object is missing", field=msgtype)
        return cls(msgtype, payload)

    def to_dict(self) -> dict[str, Any]:
        """The JSON fragment merged into the send body."""
        return {"msgtype": self.msgtype, self.msgtype: _thaw(self.payload)}

    def to_send_req(self, touser: str, open_kfid: str, *, msgid: str | None = None) -> SendMsgReq:
        """The full ``kf/send_msg`` body as the generated ``Send<Type>MsgReq`` model — what the
        resource API takes: ``kf.send_msg(body=msg.to_send_req(u, k))``. The same checks as
        :func:`send` run first; a msgid is filled in when not given (so a retry is safe)."""
        body = _send_body(touser, open_kfid, self, msgid)
        return cast("SendMsgReq", _generated(_SEND_MODEL, self.msgtype).from_dict(body))

    def to_send_on_event_req(self, code: str, *, msgid: str | None = None) -> SendMsgOnEventReq:
        """The ``kf/send_msg_on_event`` body as ``SendTextMsgOnEventReq`` /
        ``SendMsgmenuMsgOnEventReq``, for ``kf.send_msg_on_event(body=...)``."""
        body = _event_body(code, self, msgid)  # checks the msgtype first
        return cast("SendMsgOnEventReq", _generated(_EVENT_MODEL, self.msgtype).from_dict(body))

    @classmethod
    def from_model(cls, model: SendMsgReq | SendMsgOnEventReq) -> OutgoingMessage:
        """The message of a generated request model (``SendTextMsgReq(...)``, or one a
        ``match`` produced), checked with the builders' rules: so code written against the
        resource API can use :func:`send` (msgid reuse check, failure report) too."""
        data = model.to_dict()
        msgtype = str(data.get("msgtype"))
        return cls.from_dict({"msgtype": msgtype, msgtype: data.get(msgtype)})


def _generated(pattern: str, msgtype: str) -> Any:
    import wxkefu_client.models as models  # generated; only needed for the model helpers

    name = pattern.format("".join(part.capitalize() for part in msgtype.split("_")))
    return getattr(models, name)


def _only(payload: Mapping[str, Any], field: str, allowed: Iterable[str]) -> None:
    extra = set(payload) - set(allowed)
    if extra:
        raise KfValidationError(
            f"unexpected key(s) {sorted(extra)}", field=field, limit=", ".join(sorted(allowed))
        )


#: The keys each 回复菜单 item type may carry (all of them carry ``content``).
_MENU_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "click": ("id", "content"),
    "view": ("url", "content"),
    "miniprogram": ("appid", "pagepath", "content"),
    "text": ("content", "no_newline"),
}


def _validate_menu_item(item: object, index: int) -> dict[str, Any]:
    base = f"msgmenu.list[{index}]"
    if not isinstance(item, Mapping):
        raise KfValidationError("must be an object", field=base)
    kind = item.get("type")
    body = item.get(kind) if isinstance(kind, str) else None
    if kind not in _MENU_KEYS or not isinstance(body, Mapping):
        raise KfValidationError(
            f"type {kind!r} with a matching object is required",
            field=f"{base}.type",
            limit="|".join(_MENU_KEYS),
        )
    f = f"{base}.{kind}"
    _only(body, f, _MENU_KEYS[kind])
    # every item type has a required content, limited by its own schema
    schema = f"OutgoingMsgMenu{kind.capitalize()}"
    out: dict[str, Any] = {
        "content": _required(
            body.get("content"), f"{f}.content", max_bytes=_max_bytes(schema, "content")
        )
    }
    if kind == "click":
        item_id = _string(
            body.get("id"),
            f"{f}.id",
            max_bytes=_max_bytes("OutgoingMsgMenuClick", "id"),
            optional=True,
        )
        if item_id is not None:
            out = {"id": item_id, **out}
    elif kind == "view":
        url = _url(body.get("url"), f"{f}.url", max_bytes=_max_bytes(schema, "url"))
        out = {"url": url, **out}
    elif kind == "miniprogram":
        out = {
            "appid": _required(body.get("appid"), f"{f}.appid", max_bytes=_MP_APPID),
            "pagepath": _required(body.get("pagepath"), f"{f}.pagepath", max_bytes=_MP_PAGEPATH),
            **out,
        }
    else:
        no_newline = body.get("no_newline")
        if no_newline is not None:
            if isinstance(no_newline, bool):
                no_newline = int(no_newline)
            if no_newline not in (0, 1):
                raise KfValidationError("must be 0 or 1", field=f"{f}.no_newline", limit="0|1")
            out["no_newline"] = no_newline
    return {"type": kind, kind: out}


def _validate(msgtype: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    if msgtype not in MSGTYPES:
        raise KfValidationError(
            f"unknown msgtype {msgtype!r}", field="msgtype", limit=", ".join(sorted(MSGTYPES))
        )
    if not isinstance(payload, Mapping):
        raise KfValidationError("payload must be an object", field=msgtype)
    p = payload
    if msgtype == "text":
        _only(p, msgtype, ("content",))
        return {
            "content": _required(
                p.get("content"), "text.content", max_bytes=_max_bytes("OutgoingText", "content")
            )
        }
    if msgtype in ("image", "voice", "video", "file"):
        _only(p, msgtype, ("media_id",))
        return {"media_id": _required(p.get("media_id"), f"{msgtype}.media_id")}
    if msgtype == "link":
        _only(p, msgtype, ("title", "desc", "url", "thumb_media_id"))
        out = {
            "title": _required(p.get("title"), "link.title"),
            "url": _url(p.get("url"), "link.url", max_bytes=_max_bytes("OutgoingLink", "url")),
            "thumb_media_id": _required(p.get("thumb_media_id"), "link.thumb_media_id"),
        }
        return _set(out, desc=_string(p.get("desc"), "link.desc", optional=True))
    if msgtype == "miniprogram":
        _only(p, msgtype, ("appid", "title", "thumb_media_id", "pagepath"))
        out = {
            "appid": _required(p.get("appid"), "miniprogram.appid"),
            "thumb_media_id": _required(p.get("thumb_media_id"), "miniprogram.thumb_media_id"),
            "pagepath": _required(p.get("pagepath"), "miniprogram.pagepath"),
        }
        return _set(out, title=_string(p.get("title"), "miniprogram.title", optional=True))
    if msgtype == "msgmenu":
        return _validate_menu(p)
    if msgtype == "location":
        _only(p, msgtype, ("name", "address", "latitude", "longitude"))
        loc = {
            "latitude": _coordinate(p.get("latitude"), "location.latitude", _LATITUDE),
            "longitude": _coordinate(p.get("longitude"), "location.longitude", _LONGITUDE),
        }
        return _set(
            loc,
            name=_string(p.get("name"), "location.name", optional=True),
            address=_string(p.get("address"), "location.address", optional=True),
        )
    if msgtype == "business_card":
        _only(p, msgtype, ("userid",))
        return {"userid": _required(p.get("userid"), "business_card.userid")}
    # ca_link
    _only(p, msgtype, ("link_url",))
    return {"link_url": _url(p.get("link_url"), "ca_link.link_url", max_bytes=_CA_LINK_URL)}


def _validate_menu(p: Mapping[str, Any]) -> dict[str, Any]:
    _only(p, "msgmenu", ("head_content", "list", "tail_content"))
    out: dict[str, Any] = {}
    head = _string(p.get("head_content"), "msgmenu.head_content", max_bytes=_HEAD, optional=True)
    if head is not None:
        out["head_content"] = head
    items = p.get("list")
    if items is not None:
        if isinstance(items, str | bytes) or not isinstance(items, Iterable):
            raise KfValidationError("must be a list of menu items", field="msgmenu.list")
        items = list(items)
        if len(items) > MENU_MAX_ITEMS:
            raise KfValidationError(
                f"has {len(items)} items", field="msgmenu.list", limit=f"≤{MENU_MAX_ITEMS} items"
            )
        if items:
            out["list"] = [_validate_menu_item(item, i) for i, item in enumerate(items)]
    tail = _string(p.get("tail_content"), "msgmenu.tail_content", max_bytes=_TAIL, optional=True)
    if tail is not None:
        out["tail_content"] = tail
    if not out:
        raise KfValidationError(
            "an empty menu would be an empty message",
            field="msgmenu",
            limit="head_content, list or tail_content",
        )
    return out


# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------


def text(content: str) -> OutgoingMessage:
    """Text, 1..2048 bytes."""
    return OutgoingMessage("text", {"content": content})


def image(media_id: str) -> OutgoingMessage:
    """Image by media_id (see :func:`wxkefu_ext.media.upload`)."""
    return OutgoingMessage("image", {"media_id": media_id})


def voice(media_id: str) -> OutgoingMessage:
    """Voice (AMR) by media_id."""
    return OutgoingMessage("voice", {"media_id": media_id})


def video(media_id: str) -> OutgoingMessage:
    """Video (MP4) by media_id."""
    return OutgoingMessage("video", {"media_id": media_id})


def file(media_id: str) -> OutgoingMessage:
    """File by media_id."""
    return OutgoingMessage("file", {"media_id": media_id})


def link(
    title: str, url: str, thumb_media_id: str, desc: str | None = None, *, truncate: bool = False
) -> OutgoingMessage:
    """图文链接 with an http(s) url ≤2048 bytes. The server keeps the first 128 bytes of the title
    and 512 of desc and drops the rest, possibly inside a character; ``truncate=True`` cuts them
    here instead, on a character boundary (the limits are the spec's ``x-truncated-bytes``)."""
    if truncate:
        title = _truncate(title, _truncated_at("OutgoingLink", "title")) or title
        desc = _truncate(desc, _truncated_at("OutgoingLink", "desc"))
    payload = {"title": title, "url": url, "thumb_media_id": thumb_media_id}
    return OutgoingMessage("link", _set(payload, desc=desc))


def miniprogram(
    appid: str,
    thumb_media_id: str,
    pagepath: str,
    title: str | None = None,
    *,
    truncate: bool = False,
) -> OutgoingMessage:
    """Mini-program card. The server keeps the first 64 bytes of the title; ``truncate=True``
    cuts it here on a character boundary instead."""
    if truncate:
        title = _truncate(title, _TITLE_MP)
    payload = {"appid": appid, "thumb_media_id": thumb_media_id, "pagepath": pagepath}
    return OutgoingMessage("miniprogram", _set(payload, title=title))


def menu_click(content: str, id: str | None = None) -> dict[str, Any]:
    """回复菜单 item: clicking sends ``content`` as a text whose ``menu_id`` is ``id``."""
    return _validate_menu_item({"type": "click", "click": _set({"content": content}, id=id)}, 0)


def menu_view(url: str, content: str) -> dict[str, Any]:
    """超链接菜单 item."""
    return _validate_menu_item({"type": "view", "view": {"url": url, "content": content}}, 0)


def menu_miniprogram(appid: str, pagepath: str, content: str) -> dict[str, Any]:
    """小程序菜单 item."""
    body = {"appid": appid, "pagepath": pagepath, "content": content}
    return _validate_menu_item({"type": "miniprogram", "miniprogram": body}, 0)


def menu_text(content: str, *, no_newline: bool = False) -> dict[str, Any]:
    """纯文本 item (1..256 bytes); ``no_newline=True`` keeps the next item on the same line."""
    body = _set({"content": content}, no_newline=1 if no_newline else None)
    return _validate_menu_item({"type": "text", "text": body}, 0)


def msgmenu(
    items: Iterable[Mapping[str, Any]] = (),
    *,
    head_content: str | None = None,
    tail_content: str | None = None,
) -> OutgoingMessage:
    """Menu message: ≤10 items (:func:`menu_click`, :func:`menu_view`, :func:`menu_miniprogram`,
    :func:`menu_text`), head/tail ≤1024 bytes."""
    payload = {"list": list(items)}
    return OutgoingMessage(
        "msgmenu", _set(payload, head_content=head_content, tail_content=tail_content)
    )


def location(
    latitude: float, longitude: float, *, name: str | None = None, address: str | None = None
) -> OutgoingMessage:
    """Location: latitude −90..90, longitude −180..180."""
    payload = {"latitude": latitude, "longitude": longitude}
    return OutgoingMessage("location", _set(payload, name=name, address=address))


def business_card(userid: str) -> OutgoingMessage:
    """A member's business card (at most one per customer per 48 h, errcode 95025)."""
    return OutgoingMessage("business_card", {"userid": userid})


def ca_link(link_url: str) -> OutgoingMessage:
    """获客链接 (a customer-acquisition link made with 获客助手)."""
    return OutgoingMessage("ca_link", {"link_url": link_url})


# ---------------------------------------------------------------------------------------------
# Sending (a failure carries msgid, maybe_delivered and the attempts: see send_report.py)
# ---------------------------------------------------------------------------------------------


def _as_message(message: OutgoingMessage | Mapping[str, Any]) -> OutgoingMessage:
    if isinstance(message, OutgoingMessage):
        return message
    return OutgoingMessage.from_dict(message)


def _send_body(
    touser: str, open_kfid: str, message: OutgoingMessage | Mapping[str, Any], msgid: str | None
) -> dict[str, Any]:
    msg = _as_message(message)
    return {
        "touser": _required(touser, "touser"),
        "open_kfid": _required(open_kfid, "open_kfid"),
        "msgid": validate_msgid(msgid) if msgid is not None else new_msgid(),
        **msg.to_dict(),
    }


def _event_body(
    code: str, message: OutgoingMessage | Mapping[str, Any], msgid: str | None
) -> dict[str, Any]:
    msg = _as_message(message)
    if msg.msgtype not in EVENT_MSGTYPES:
        raise KfValidationError(
            f"send_msg_on_event cannot send {msg.msgtype!r}", field="msgtype", limit="text|msgmenu"
        )
    return {
        "code": _required(code, "code"),
        "msgid": validate_msgid(msgid) if msgid is not None else new_msgid(),
        **msg.to_dict(),
    }


def _recall_body(open_kfid: str, msgid: str) -> dict[str, Any]:
    return {"open_kfid": _required(open_kfid, "open_kfid"), "msgid": validate_msgid(msgid)}


def _is_duplicate(exc: KfApiError) -> bool:
    return is_duplicate_msgid(exc.errcode, exc.errmsg)


# -- msgid reuse ---------------------------------------------------------------------------
# WeCom drops a send whose msgid was used before and answers "duplicated msgid", which we
# report as delivered (it is, when it is our own retry). A msgid reused for a *different*
# message would then vanish silently; so each client remembers what it sent under its last
# msgids (content digest, bounded) and refuses a different message under a used msgid before
# sending. A duplicate for a msgid this client never sent (another process, an earlier run)
# cannot be compared: it is logged as a warning.

_REMEMBERED: Final = 10_000
_sent: weakref.WeakKeyDictionary[Any, OrderedDict[str, tuple[str, str]]] = (
    weakref.WeakKeyDictionary()
)
_sent_lock = threading.Lock()
_log = logging.getLogger("wxkefu_ext.messages")


def _fingerprint(body: Mapping[str, Any]) -> tuple[str, str]:
    rest = {k: v for k, v in body.items() if k != "msgid"}
    digest = hashlib.sha256(
        json.dumps(rest, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ).hexdigest()
    msgtype = str(rest.get("msgtype", "?"))
    content = rest.get(msgtype)
    preview = json.dumps(content, ensure_ascii=False)[:40] if content is not None else ""
    target = rest.get("touser") or ("an event code" if "code" in rest else "?")
    return digest, f"{msgtype} to {target} {preview}".strip()


def _check_reuse(kf: Any, body: Mapping[str, Any]) -> bool:
    """True when this client already sent exactly this message under this msgid; raises
    :class:`KfValidationError` when it sent a different one."""
    msgid = str(body["msgid"])
    digest, summary = _fingerprint(body)
    with _sent_lock:
        try:
            sent = _sent.get(kf)
        except TypeError:  # a client that cannot be weakly referenced: nothing remembered
            return False
        known = None if sent is None else sent.get(msgid)
    if known is None:
        return False
    if known[0] != digest:
        raise KfValidationError(
            f"msgid {msgid!r} was already used by this client for a different message "
            f"(first: {known[1]}; now: {summary}); WeCom would drop this one as a duplicate — "
            "use a new msgid (or none: one is generated)",
            field="msgid",
        )
    return True


def _remember(kf: Any, body: Mapping[str, Any]) -> None:
    msgid = str(body["msgid"])
    entry = _fingerprint(body)
    with _sent_lock:
        try:
            sent = _sent.setdefault(kf, OrderedDict())
        except TypeError:
            return
        sent[msgid] = entry
        sent.move_to_end(msgid)
        while len(sent) > _REMEMBERED:
            sent.popitem(last=False)


def _duplicate_sent(kf: Any, body: Mapping[str, Any], ours: bool) -> str:
    """The server said "duplicated msgid": delivered earlier under this msgid."""
    msgid = str(body["msgid"])
    if not ours:
        _log.warning(
            "msgid %s was already used (not by this client): WeCom dropped this message as a "
            "duplicate — if it differs from the first message with this msgid, it was NOT "
            "delivered",
            msgid,
        )
    _remember(kf, body)
    return msgid


Message = OutgoingMessage | Mapping[str, Any]
"""What the send helpers take: a builder's :class:`OutgoingMessage` or its ``to_dict()`` form."""
#: What the helpers send with: a client's send operations (``KfClient``; the async helpers take
#: the asyncio twins, ``AsyncKfClient``).
_Kf = SupportsSend
_AsyncKf = SupportsAsyncSend


class _Send:
    """One send's decisions, shared by the blocking and the asyncio helpers: the checked body
    (msgid fixed), the reuse check, the call to make, and what an outcome means."""

    __slots__ = ("body", "kf", "op", "ours")

    def __init__(self, kf: Any, op: _ops.Operation, body: dict[str, Any]) -> None:
        self.kf, self.op, self.body = kf, op, body
        self.ours = _check_reuse(kf, body)

    def call(self, model: str) -> Callable[[], Any]:
        """The resource method ``kf.<op>(body=<generated model>)`` (``model`` names it by
        msgtype), not yet called: the blocking helper calls it, the asyncio one awaits it."""
        method = getattr(self.kf, self.op.name)
        return functools.partial(
            method, body=_generated(model, self.body["msgtype"]).from_dict(self.body)
        )

    def delivered(self, reply: Any) -> str:
        _remember(self.kf, self.body)
        value = reply.get("msgid") if isinstance(reply, Mapping) else getattr(reply, "msgid", None)
        return value if isinstance(value, str) and value else str(self.body["msgid"])

    def failed(self, exc: KfApiError) -> str:
        """A duplicate msgid was delivered by an earlier attempt: success; anything else raises."""
        if not _is_duplicate(exc):
            raise exc
        return _duplicate_sent(self.kf, self.body, self.ours)


@reports_send_failures(new_msgid)
async def async_send(
    kf: _AsyncKf, touser: str, open_kfid: str, message: Message, *, msgid: str | None = None
) -> str:
    """Send ``message`` to customer ``touser`` from Kf account ``open_kfid`` through
    ``kf.send_msg(body=...)`` (the builder's generated ``Send<Type>MsgReq``); return the msgid.

    A msgid is always sent (a fresh one when not given), so the client's retries cannot
    duplicate the message. If the server rejects the msgid as already used, an earlier attempt
    with this msgid was delivered: that is reported as success, not as a failure. A msgid this
    client already used for a *different* message is refused before sending
    (:class:`KfValidationError` naming both); a duplicate for a msgid it never sent (another
    process) cannot be compared and is logged as a warning.
    """
    plan = _Send(kf, _ops.SEND_MSG, _send_body(touser, open_kfid, message, msgid))
    try:
        return plan.delivered(await plan.call(_SEND_MODEL)())
    except KfApiError as exc:
        return plan.failed(exc)


# ---- sync twin of async_send, generated by `make gen`: edit that ----
@reports_send_failures(new_msgid)
def send(
    kf: _Kf, touser: str, open_kfid: str, message: Message, *, msgid: str | None = None
) -> str:
    """Send ``message`` to customer ``touser`` from Kf account ``open_kfid`` through
    ``kf.send_msg(body=...)`` (the builder's generated ``Send<Type>MsgReq``); return the msgid.

    A msgid is always sent (a fresh one when not given), so the client's retries cannot
    duplicate the message. If the server rejects the msgid as already used, an earlier attempt
    with this msgid was delivered: that is reported as success, not as a failure. A msgid this
    client already used for a *different* message is refused before sending
    (:class:`KfValidationError` naming both); a duplicate for a msgid it never sent (another
    process) cannot be compared and is logged as a warning.
    """
    plan = _Send(kf, _ops.SEND_MSG, _send_body(touser, open_kfid, message, msgid))
    try:
        return plan.delivered(plan.call(_SEND_MODEL)())
    except KfApiError as exc:
        return plan.failed(exc)


# ---- end of generated code ----


@reports_send_failures(new_msgid)
async def async_send_on_event(
    kf: _AsyncKf, code: str, message: Message, *, msgid: str | None = None
) -> str:
    """Answer an event (``welcome_code`` of enter_session, ``msg_code`` of a session change)
    with a text or msgmenu message through ``kf.send_msg_on_event``; return the msgid. Codes
    are single-use."""
    plan = _Send(kf, _ops.SEND_MSG_ON_EVENT, _event_body(code, message, msgid))
    try:
        return plan.delivered(await plan.call(_EVENT_MODEL)())
    except KfApiError as exc:
        return plan.failed(exc)


# ---- sync twin of async_send_on_event, generated by `make gen`: edit that ----
@reports_send_failures(new_msgid)
def send_on_event(kf: _Kf, code: str, message: Message, *, msgid: str | None = None) -> str:
    """Answer an event (``welcome_code`` of enter_session, ``msg_code`` of a session change)
    with a text or msgmenu message through ``kf.send_msg_on_event``; return the msgid. Codes
    are single-use."""
    plan = _Send(kf, _ops.SEND_MSG_ON_EVENT, _event_body(code, message, msgid))
    try:
        return plan.delivered(plan.call(_EVENT_MODEL)())
    except KfApiError as exc:
        return plan.failed(exc)


# ---- end of generated code ----


async def async_recall(kf: _AsyncKf, open_kfid: str, msgid: str) -> None:
    """Recall a message sent through the API (within 2 minutes of sending)."""
    await _recall_call(kf, open_kfid, msgid)()


# ---- sync twin of async_recall, generated by `make gen`: edit that ----
def recall(kf: _Kf, open_kfid: str, msgid: str) -> None:
    """Recall a message sent through the API (within 2 minutes of sending)."""
    _recall_call(kf, open_kfid, msgid)()


# ---- end of generated code ----


def _recall_call(kf: Any, open_kfid: str, msgid: str) -> Callable[[], Any]:
    """``kf.recall_msg`` with the checked fields, not yet called (blocking or awaited)."""
    return functools.partial(kf.recall_msg, **_recall_body(open_kfid, msgid))
