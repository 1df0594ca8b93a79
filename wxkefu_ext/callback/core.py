"""Verify + decrypt entry points, the signed-envelope builder and :class:`CallbackCrypto`.

Why: a callback handler needs exactly two operations — answer the GET URL check with the
decrypted ``echostr``, and turn a POST into a verified, decrypted, parsed event — and both must
fail with a typed :class:`~wxkefu_ext.errors.CallbackError` on any bad input. The functions here
are stateless and take every setting explicitly; :class:`CallbackCrypto` bundles the settings
(secrets wrapped in :class:`~wxkefu_ext._redact.Secret`) for application code, and
:func:`build_post_envelope` produces what WeCom would send, for tests and the emulator.

Order of checks (each failure has its own error): body size and envelope → signature →
timestamp window (when ``max_age`` is set) → base64 → AES/padding → length field → receiver id
→ UTF-8 / parsing. The signature comes before any decryption, so unauthenticated input never
reaches the cipher.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, TypeVar
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from wxkefu_ext._redact import Secret
from wxkefu_ext.callback._xml import (
    DEFAULT_MAX_BYTES,
    as_bytes,
    looks_like_json,
    parse_json_object,
    parse_xml_dict,
)
from wxkefu_ext.callback.errors import InvalidAesKeyError, InvalidBufferError, ParseError
from wxkefu_ext.callback.parse import CallbackEvent, KfMsgOrEvent, parse_callback
from wxkefu_ext.crypto import (
    check_timestamp,
    coerce_text,
    decrypt_b64_message,
    encrypt_message,
    signature,
    verify_signature,
)
from wxkefu_ext.errors import ConfigurationError, KfValidationError
from wxkefu_ext.keygen import explain_encoding_aes_key_problem

T = TypeVar("T")

__all__ = [
    "CallbackCrypto",
    "PostEnvelope",
    "ReceivedCallback",
    "SignedCallback",
    "build_post_envelope",
    "build_url_check",
    "parse_post_envelope",
    "verify_and_decrypt_echostr",
    "verify_and_decrypt_post_body",
]

EnvelopeFormat = Literal["xml", "json"]
_ENVELOPE: Final = "the callback body"


@dataclass(frozen=True, slots=True)
class PostEnvelope:
    """The unencrypted outer document of a POST callback."""

    encrypt: str
    to_user_name: str | None = None
    agent_id: str | None = None


def _envelope_text(fields: Mapping[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ParseError(f"{_ENVELOPE}'s {name} must be a single text value")
    return str(value)


# The envelope exactly as WeCom sends it (ToUserName?, Encrypt, AgentID?), checked without a
# tree: ``find`` locates the Encrypt CDATA, one regex each validates what precedes and follows
# it (strict ASCII, no entity, no markup but these elements), and the value must contain no
# ``]`` (so the CDATA really ends where found) — the base64 decoder validates its alphabet
# later. Anything else goes through the general parser.
_ENC_OPEN: Final = b"<Encrypt><![CDATA["
_ENC_CLOSE: Final = b"]]></Encrypt>"
_CANONICAL_HEAD: Final = re.compile(
    rb"[ \t\n]*<xml>[ \t\n]*"
    rb"(?:<ToUserName><!\[CDATA\[([A-Za-z0-9_@.\-]*)\]\]></ToUserName>[ \t\n]*)?"
)
_CANONICAL_TAIL: Final = re.compile(
    rb"[ \t\n]*(?:<AgentID>(?:<!\[CDATA\[([0-9]*)\]\]>|([0-9]*))</AgentID>[ \t\n]*)?"
    rb"</xml>[ \t\n]*"
)


def _canonical_envelope(raw: bytes) -> PostEnvelope | None:
    start = raw.find(_ENC_OPEN)
    if start < 0:
        return None
    head = _CANONICAL_HEAD.fullmatch(raw, 0, start)
    if head is None:
        return None
    value_start = start + len(_ENC_OPEN)
    value_end = raw.find(_ENC_CLOSE, value_start)
    if value_end <= value_start:
        return None
    tail = _CANONICAL_TAIL.fullmatch(raw, value_end + len(_ENC_CLOSE))
    if tail is None or raw.find(b"]", value_start, value_end) >= 0:
        return None
    value = raw[value_start:value_end]
    if not value.isascii():
        return None
    to_user, (agent_cdata, agent_text) = head[1], tail.groups()
    agent = agent_cdata if agent_cdata is not None else agent_text
    return PostEnvelope(
        encrypt=value.decode("ascii"),
        to_user_name=None if to_user is None else to_user.decode("ascii"),
        agent_id=None if agent is None else agent.decode("ascii"),
    )


def parse_post_envelope(body: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> PostEnvelope:
    """Extract ``Encrypt`` (and ``ToUserName``/``AgentID``) from an XML or JSON envelope.

    JSON envelopes may spell the key ``encrypt`` or ``Encrypt``; two different values, a
    repeated ``<Encrypt>`` or an empty one are refused as ambiguous."""
    raw = as_bytes(body, _ENVELOPE, max_bytes)
    canonical = _canonical_envelope(raw)
    if canonical is not None:
        return canonical
    if looks_like_json(raw):
        fields = parse_json_object(raw, _ENVELOPE)
        lower, upper = fields.get("encrypt"), fields.get("Encrypt")
        if lower is not None and upper is not None and lower != upper:
            raise ParseError(f"{_ENVELOPE} has both 'encrypt' and 'Encrypt' with different values")
        value = upper if upper is not None else lower
        to_user = _envelope_text(fields, "ToUserName") or _envelope_text(fields, "tousername")
        agent = _envelope_text(fields, "AgentID") or _envelope_text(fields, "agentid")
    else:
        fields = parse_xml_dict(raw, _ENVELOPE)
        value = fields.get("Encrypt")
        to_user = _envelope_text(fields, "ToUserName")
        agent = _envelope_text(fields, "AgentID")
    if value is None:
        raise ParseError(f"{_ENVELOPE} has no Encrypt element: not a WeCom callback")
    if not isinstance(value, str):
        raise ParseError(f"{_ENVELOPE}'s Encrypt must be a single text value")
    if not value:
        raise ParseError(f"{_ENVELOPE}'s Encrypt is empty")
    return PostEnvelope(encrypt=value, to_user_name=to_user, agent_id=agent)


def _decode_message(message: bytes) -> str:
    try:
        return message.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidBufferError("the decrypted message is not UTF-8") from None


def verify_and_decrypt_echostr(
    token: str | Secret,
    encoding_aes_key: str | Secret,
    msg_signature: str,
    timestamp: str,
    nonce: str,
    echostr: str,
    receiver_id: str | None = None,
    *,
    max_age: float | None = None,
    now: float | None = None,
) -> str:
    """The GET URL check: verify the signature over ``echostr`` and return its plaintext,
    which is the whole HTTP answer (no quotes, BOM or newline).

    Pass the query values URL-decoded exactly once."""
    echo = coerce_text(echostr, "echostr")
    verify_signature(token, timestamp, nonce, echo, msg_signature)
    check_timestamp(timestamp, max_age, now=time.time() if now is None else now)
    return _decode_message(decrypt_b64_message(encoding_aes_key, echo, receiver_id))


def verify_and_decrypt_post_body(
    token: str | Secret,
    encoding_aes_key: str | Secret,
    msg_signature: str,
    timestamp: str,
    nonce: str,
    body: str | bytes,
    receiver_id: str | None = None,
    *,
    max_age: float | None = None,
    now: float | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """The POST callback: parse the XML (``<Encrypt>``) or JSON (``encrypt``/``Encrypt``)
    envelope, verify the signature, decrypt, and return the decrypted message text."""
    envelope = parse_post_envelope(body, max_bytes=max_bytes)
    verify_signature(token, timestamp, nonce, envelope.encrypt, msg_signature)
    check_timestamp(timestamp, max_age, now=time.time() if now is None else now)
    return _decode_message(decrypt_b64_message(encoding_aes_key, envelope.encrypt, receiver_id))


# ---------------------------------------------------------------------------------------------
# building signed callbacks (tests, emulator)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignedCallback:
    """A POST callback as WeCom sends it: query ``params`` and the ``body`` text."""

    params: dict[str, str]
    body: str
    content_type: str = "text/xml"

    @property
    def query_string(self) -> str:
        return urlencode(self.params)


def _nonce() -> str:
    return str(1_000_000_000 + secrets.randbelow(9_000_000_000))


def build_post_envelope(
    token: str | Secret,
    encoding_aes_key: str | Secret,
    receiver_id: str,
    message: str | bytes,
    *,
    timestamp: str | int | None = None,
    nonce: str | int | None = None,
    fmt: EnvelopeFormat = "xml",
    agent_id: str | int | None = None,
    random: bytes | str | None = None,
) -> SignedCallback:
    """Encrypt ``message`` and sign it: the query params and body of a WeCom POST callback.

    ``fmt="xml"`` (WeCom's format) or ``"json"`` (``{"ToUserName", "Encrypt", "AgentID"}``).
    ``timestamp`` defaults to now, ``nonce`` to 10 random digits."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    nc = _nonce() if nonce is None else str(nonce)
    encrypted = encrypt_message(encoding_aes_key, message, receiver_id, random=random)
    params = {"msg_signature": signature(token, ts, nc, encrypted), "timestamp": ts, "nonce": nc}
    if fmt == "xml":
        agent = "" if agent_id is None else f"<AgentID>{escape(str(agent_id))}</AgentID>"
        body = (
            f"<xml><ToUserName><![CDATA[{escape(receiver_id)}]]></ToUserName>"
            f"<Encrypt><![CDATA[{encrypted}]]></Encrypt>{agent}</xml>"
        )
        return SignedCallback(params=params, body=body, content_type="text/xml")
    if fmt == "json":
        import json

        doc: dict[str, str] = {"ToUserName": receiver_id, "Encrypt": encrypted}
        if agent_id is not None:
            doc["AgentID"] = str(agent_id)
        return SignedCallback(
            params=params, body=json.dumps(doc, ensure_ascii=False), content_type="application/json"
        )
    raise KfValidationError(f"fmt must be 'xml' or 'json', got {fmt!r}", field="fmt")


def build_url_check(
    token: str | Secret,
    encoding_aes_key: str | Secret,
    receiver_id: str,
    echo: str,
    *,
    timestamp: str | int | None = None,
    nonce: str | int | None = None,
    random: bytes | str | None = None,
) -> dict[str, str]:
    """Query params of a GET URL check whose ``echostr`` decrypts to ``echo``."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    nc = _nonce() if nonce is None else str(nonce)
    echostr = encrypt_message(encoding_aes_key, echo, receiver_id, random=random)
    return {
        "msg_signature": signature(token, ts, nc, echostr),
        "timestamp": ts,
        "nonce": nc,
        "echostr": echostr,
    }


# ---------------------------------------------------------------------------------------------
# the bundle
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReceivedCallback:
    """A verified POST: the parsed :attr:`event`, the decrypted :attr:`message` and the
    :attr:`dedupe_key` identifying the delivery across WeCom's retries."""

    event: CallbackEvent
    message: bytes
    encrypt: str
    dedupe_key: str


def dedupe_key_for(event: CallbackEvent, message: bytes) -> str:
    """Stable id of a delivery: WeCom re-sends the same callback when it got no answer in
    ~5 s. For ``kf_msg_or_event`` it is (ToUserName, CreateTime, Token), which survives a
    re-encryption; otherwise the sha1 of the decrypted message (equal ``Encrypt`` values give
    equal messages)."""
    if isinstance(event, KfMsgOrEvent):
        basis = f"kf\x00{event.to_user_name}\x00{event.create_time}\x00{event.token}"
        data = basis.encode("utf-8", "surrogatepass")
    else:
        data = b"msg\x00" + message
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _reveal(value: str | Secret) -> str:
    return value.reveal() if isinstance(value, Secret) else value


class CallbackCrypto:
    """Token, EncodingAESKey and receiver id of one callback URL, with the operations on them.

    ``receiver_id`` (the corp id, or the suite id for third-party apps) is checked on every
    decryption when given. ``max_age`` (seconds) enables the replay window on ``timestamp``;
    ``max_bytes`` caps bodies and messages. The key is validated here, so a mistyped key fails
    at start-up with :class:`~wxkefu_ext.callback.errors.InvalidAesKeyError` (-40004)."""

    __slots__ = ("_clock", "_key", "_token", "max_age", "max_bytes", "receiver_id")

    def __init__(
        self,
        token: str | Secret,
        encoding_aes_key: str | Secret,
        receiver_id: str | None = None,
        *,
        max_age: float | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not isinstance(token, str | Secret) or not _reveal(token):
            raise ConfigurationError("the callback Token must be a non-empty str")
        if not isinstance(encoding_aes_key, str | Secret):
            raise InvalidAesKeyError("the EncodingAESKey must be a str")
        problem = explain_encoding_aes_key_problem(encoding_aes_key)
        if problem is not None:
            raise InvalidAesKeyError(problem)
        if receiver_id is not None and not isinstance(receiver_id, str):
            raise ConfigurationError("receiver_id must be a str (the corp id) or None")
        if max_age is not None and not max_age > 0:
            raise ConfigurationError("max_age must be a positive number of seconds or None")
        self._token = Secret(_reveal(token))
        self._key = Secret(_reveal(encoding_aes_key))
        self.receiver_id = receiver_id
        self.max_age = max_age
        self.max_bytes = max_bytes
        self._clock = clock

    def __repr__(self) -> str:
        return (
            f"CallbackCrypto(token={self._token!r}, encoding_aes_key={self._key!r}, "
            f"receiver_id={self.receiver_id!r}, max_age={self.max_age!r})"
        )

    def verify_url(self, msg_signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """Answer to the GET URL check (see :func:`verify_and_decrypt_echostr`)."""
        return verify_and_decrypt_echostr(
            self._token,
            self._key,
            msg_signature,
            timestamp,
            nonce,
            echostr,
            self.receiver_id,
            max_age=self.max_age,
            now=self._clock(),
        )

    def _open(
        self, msg_signature: str, timestamp: str, nonce: str, body: str | bytes
    ) -> tuple[PostEnvelope, bytes]:
        envelope = parse_post_envelope(body, max_bytes=self.max_bytes)
        verify_signature(self._token, timestamp, nonce, envelope.encrypt, msg_signature)
        if self.max_age is not None:
            check_timestamp(timestamp, self.max_age, now=self._clock())
        return envelope, decrypt_b64_message(self._key, envelope.encrypt, self.receiver_id)

    def decrypt_post(
        self, msg_signature: str, timestamp: str, nonce: str, body: str | bytes
    ) -> str:
        """The decrypted message of a POST callback (see :func:`verify_and_decrypt_post_body`)."""
        return _decode_message(self._open(msg_signature, timestamp, nonce, body)[1])

    def receive_post(
        self, msg_signature: str, timestamp: str, nonce: str, body: str | bytes
    ) -> ReceivedCallback:
        """Verify, decrypt and parse a POST; also returns the message and the dedupe key."""
        envelope, message = self._open(msg_signature, timestamp, nonce, body)
        event = parse_callback(message, max_bytes=self.max_bytes)
        return ReceivedCallback(event, message, envelope.encrypt, dedupe_key_for(event, message))

    def handle_post(
        self, msg_signature: str, timestamp: str, nonce: str, body: str | bytes
    ) -> CallbackEvent:
        """Verify, decrypt and parse a POST callback into a typed event."""
        _, message = self._open(msg_signature, timestamp, nonce, body)
        return parse_callback(message, max_bytes=self.max_bytes)

    def _receiver(self, receiver_id: str | None) -> str:
        rid = receiver_id if receiver_id is not None else self.receiver_id
        if rid is None:
            raise ConfigurationError("a receiver_id is needed to encrypt; pass one or set it")
        return rid

    def encrypt(
        self, message: str | bytes, *, receiver_id: str | None = None, random: bytes | None = None
    ) -> str:
        """The base64 ``Encrypt`` value of ``message`` (see :func:`encrypt_message`)."""
        return encrypt_message(self._key, message, self._receiver(receiver_id), random=random)

    def build_post_envelope(
        self,
        message: str | bytes,
        *,
        timestamp: str | int | None = None,
        nonce: str | int | None = None,
        fmt: EnvelopeFormat = "xml",
        receiver_id: str | None = None,
        agent_id: str | int | None = None,
    ) -> SignedCallback:
        """A signed POST callback carrying ``message`` (see :func:`build_post_envelope`)."""
        return self._signed(
            build_post_envelope, message, receiver_id, timestamp, nonce, fmt=fmt, agent_id=agent_id
        )

    def build_url_check(
        self,
        echo: str,
        *,
        timestamp: str | int | None = None,
        nonce: str | int | None = None,
        receiver_id: str | None = None,
    ) -> dict[str, str]:
        """Query params of a GET URL check (see :func:`build_url_check`)."""
        return self._signed(build_url_check, echo, receiver_id, timestamp, nonce)

    def _signed(
        self,
        build: Callable[..., T],
        message: str | bytes,
        receiver_id: str | None,
        timestamp: str | int | None,
        nonce: str | int | None,
        **extra: Any,
    ) -> T:
        """``build`` (a module-level builder) with this endpoint's Token, key, receiver id and
        clock, for the emulator and tests that play WeCom."""
        return build(
            self._token,
            self._key,
            self._receiver(receiver_id),
            message,
            timestamp=int(self._clock()) if timestamp is None else timestamp,
            nonce=nonce,
            **extra,
        )
