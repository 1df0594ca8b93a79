"""Typed callback failures, one class per official WXBizMsgCrypt code.

Why one class per code: an endpoint has to map a failure to an HTTP answer (forged → 403,
garbled → 400, too big → 413) and to a log line carrying the code the WeCom documentation and
the other SDKs use, without parsing message text. Every class derives from
:class:`wxkefu_ext.errors.CallbackError` (itself a :class:`~wxkefu_ext.errors.KfError`), so
``except CallbackError`` catches every way a callback can be rejected and nothing else.

Messages name the likely cause and never contain the Token, the EncodingAESKey or the
decrypted message.

Two codes are the toolkit's own (WeCom stops at -40011): :data:`TIMESTAMP_ERROR_CODE`
(-40090, the request's timestamp is outside the configured replay window) and
:data:`BODY_TOO_LARGE_ERROR_CODE` (-40091, the body exceeds the size cap).
"""

from __future__ import annotations

from typing import Final

from wxkefu_ext.errors import CallbackError

__all__ = [
    "BODY_TOO_LARGE_ERROR_CODE",
    "TIMESTAMP_ERROR_CODE",
    "Base64Error",
    "BodyTooLargeError",
    "CallbackError",
    "DecryptError",
    "EncryptError",
    "InvalidAesKeyError",
    "InvalidBufferError",
    "ParseError",
    "ReceiverIdMismatchError",
    "SignatureError",
    "TimestampError",
]

#: Toolkit code (not WeCom's) for a timestamp outside the replay window.
TIMESTAMP_ERROR_CODE: Final = -40090
#: Toolkit code (not WeCom's) for a body or message larger than the configured cap.
BODY_TOO_LARGE_ERROR_CODE: Final = -40091


class SignatureError(CallbackError):
    """-40001: ``msg_signature`` does not match sha1(sorted(token, timestamp, nonce, encrypt)).
    Wrong Token, a forged request, or a value altered in transit."""

    code = -40001


class ParseError(CallbackError):
    """-40002: the body or the decrypted message is not the XML/JSON expected (including DTDs,
    entities, non-UTF-8 text and missing fields)."""

    code = -40002


class InvalidAesKeyError(CallbackError):
    """-40004: the EncodingAESKey is not 43 letters/digits."""

    code = -40004


class ReceiverIdMismatchError(CallbackError):
    """-40005: the receiver id at the end of the plaintext is not the expected corp id /
    suite id (callback configured for another corp or app, or the wrong id passed)."""

    code = -40005


class EncryptError(CallbackError):
    """-40006: a message could not be encrypted (bad input types or sizes)."""

    code = -40006


class DecryptError(CallbackError):
    """-40007: AES decryption failed: truncated ciphertext or invalid PKCS#7 padding — most
    often a wrong EncodingAESKey."""

    code = -40007


class InvalidBufferError(CallbackError):
    """-40008: the decrypted buffer is malformed: too short, a length field larger than the
    buffer, or a message that is not UTF-8."""

    code = -40008


class Base64Error(CallbackError):
    """-40010: the ciphertext is not base64 (e.g. a '+' that arrived as a space)."""

    code = -40010


class TimestampError(CallbackError):
    """-40090 (toolkit code): ``timestamp`` is not an integer or lies outside ``max_age``
    seconds of now — a replayed or badly delayed request, or a skewed server clock."""

    code = TIMESTAMP_ERROR_CODE


class BodyTooLargeError(CallbackError):
    """-40091 (toolkit code): the request body or the message exceeds the size cap."""

    code = BODY_TOO_LARGE_ERROR_CODE
