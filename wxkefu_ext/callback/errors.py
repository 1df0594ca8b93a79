"""Typed callback failures, one class per official WXBizMsgCrypt code.

Why one class per code: an endpoint has to map a failure to an HTTP answer (forged → 403,
garbled → 400, too big → 413) and to a log line carrying the code the WeCom documentation and
the other SDKs use, without parsing message text. Every class derives from
:class:`wxkefu_ext.errors.CallbackError` (itself a :class:`~wxkefu_ext.errors.KfError`), so
``except CallbackError`` catches every way a callback can be rejected and nothing else.

Messages name the likely cause and never contain the Token, the EncodingAESKey or the
decrypted message.

The classes are defined in :mod:`wxkefu_ext.errors` (beside their base, so that
:mod:`wxkefu_ext.crypto` raises them without importing this package); this module re-exports them
under the names users already import.

Two codes are the toolkit's own (WeCom stops at -40011): :data:`TIMESTAMP_ERROR_CODE`
(-40090, the request's timestamp is outside the configured replay window) and
:data:`BODY_TOO_LARGE_ERROR_CODE` (-40091, the body exceeds the size cap).
"""

from __future__ import annotations

from wxkefu_ext.errors import (
    BODY_TOO_LARGE_ERROR_CODE,
    TIMESTAMP_ERROR_CODE,
    Base64Error,
    BodyTooLargeError,
    CallbackError,
    DecryptError,
    EncryptError,
    InvalidAesKeyError,
    InvalidBufferError,
    ParseError,
    ReceiverIdMismatchError,
    SignatureError,
    TimestampError,
)

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
