"""The HTTP behaviour shared by the ASGI and WSGI endpoints, without any I/O.

Why one core: the two endpoints must answer identically (status codes, texts, logging), so the
decisions live here and the framework shells only move bytes.

* GET with ``msg_signature, timestamp, nonce, echostr`` → 200 and the decrypted echo string.
* POST → 200 ``success`` once verified (the handler runs later, in the background).
* Rejections: forged (signature, receiver id, stale timestamp) → 403, too large → 413,
  anything malformed → 400, each with a short plain-text reason carrying the -400xx code; the
  full reason is logged at WARNING. Neither ever contains a secret or the decrypted message.

Query strings are split and percent-decoded here *without* turning ``+`` into a space: WeCom's
base64 never contains spaces, so a literal ``+`` (from a proxy that decoded ``%2B``) is kept as
the ``+`` it was — the most common cause of broken URL checks cannot happen behind these
endpoints.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final
from urllib.parse import unquote

from wxkefu_ext.callback.core import CallbackCrypto, ReceivedCallback
from wxkefu_ext.callback.errors import (
    BodyTooLargeError,
    ParseError,
    ReceiverIdMismatchError,
    SignatureError,
    TimestampError,
)
from wxkefu_ext.errors import CallbackError

__all__ = ["SUCCESS", "Reply", "error_reply", "handle_get", "handle_post", "parse_query"]

logger = logging.getLogger("wxkefu_ext.callback")

SUCCESS: Final = "success"
_QUERY_KEYS: Final = frozenset({"msg_signature", "timestamp", "nonce", "echostr"})
_MAX_QUERY: Final = 16 * 1024

_REASONS: Final[Mapping[type[CallbackError], tuple[int, str]]] = {
    SignatureError: (403, "signature mismatch"),
    ReceiverIdMismatchError: (403, "receiver id mismatch"),
    TimestampError: (403, "timestamp outside the allowed window"),
    BodyTooLargeError: (413, "body too large"),
}


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer: status and a short plain-text body."""

    status: int
    text: str

    @property
    def body(self) -> bytes:
        return self.text.encode("utf-8")


def error_reply(exc: CallbackError, what: str) -> Reply:
    """The answer to a rejected request; logs the full reason with its code."""
    status, reason = 400, "malformed callback"
    for cls, (st, rs) in _REASONS.items():
        if isinstance(exc, cls):
            status, reason = st, rs
            break
    logger.warning("callback %s rejected: %s %s: %s", what, exc.code, type(exc).__name__, exc)
    return Reply(status, f"{exc.code} {reason}")


def parse_query(query: bytes | str) -> dict[str, str]:
    """The callback's query parameters, percent-decoded once, ``+`` kept literally."""
    if isinstance(query, bytes):
        query = query.decode("latin-1")
    if len(query) > _MAX_QUERY:
        raise ParseError("the query string is too long")
    out: dict[str, str] = {}
    for part in query.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        name = unquote(name, errors="replace")
        if name not in _QUERY_KEYS:
            continue
        if name in out:
            raise ParseError(f"the query parameter {name} is repeated")
        out[name] = unquote(value, errors="replace")
    return out


def _param(query: Mapping[str, str], name: str) -> str:
    value = query.get(name)
    if value is None:
        raise ParseError(f"the query parameter {name} is missing")
    return value


def handle_get(crypto: CallbackCrypto, query: Mapping[str, str]) -> Reply:
    """The GET URL check."""
    try:
        echo = crypto.verify_url(
            _param(query, "msg_signature"),
            _param(query, "timestamp"),
            _param(query, "nonce"),
            _param(query, "echostr"),
        )
    except CallbackError as exc:
        return error_reply(exc, "URL check")
    return Reply(200, echo)


def handle_post(
    crypto: CallbackCrypto, query: Mapping[str, str], body: bytes
) -> Reply | ReceivedCallback:
    """A POST: the verified delivery, or the rejection to send."""
    try:
        return crypto.receive_post(
            _param(query, "msg_signature"),
            _param(query, "timestamp"),
            _param(query, "nonce"),
            body,
        )
    except CallbackError as exc:
        return error_reply(exc, "POST")


def too_large(limit: int) -> Reply:
    return error_reply(BodyTooLargeError(f"the body exceeds {limit} bytes"), "POST")


def event_label(received: ReceivedCallback) -> str:
    """A log-safe description of a delivery (type and key prefix; never the sync token)."""
    return f"{type(received.event).__name__} {received.dedupe_key[:12]}"
