"""The WeCom callback crypto scheme (WXBizMsgCrypt): signature, AES-256-CBC, plaintext layout.

Why a module of its own: these are the primitives everything else builds on — the callback
entry points in :mod:`wxkefu_ext.callback`, the emulator that pushes signed callbacks, and the
tests. They are pure functions over ``str``/``bytes`` with no I/O.

The scheme (ENDPOINTS.md §6.1):

* ``msg_signature = sha1("".join(sorted([token, timestamp, nonce, encrypt])))`` in lower-case hex.
* ``AESKey = base64decode(EncodingAESKey + "=")`` (32 bytes); AES-256-CBC with ``IV = AESKey[:16]``;
  PKCS#7 padding to a multiple of **32** bytes (not the AES block size of 16).
* plaintext = 16 random bytes ‖ message length (4 bytes, big-endian) ‖ message ‖ receiver id
  (corp id, or suite id for third-party apps).

Hardening beyond the official samples: the signature is compared in constant time on bytes; the
padding is checked strictly (every pad byte, 1..32); the length field is checked against the
buffer; the receiver id is checked when given; ciphertext base64 is normalised (URL-safe
alphabet, missing ``=``) while a ``+`` that arrived as a space gets an error naming that cause;
every failure is a typed :class:`~wxkefu_ext.errors.CallbackError` subclass carrying the
official -400xx code, and no message ever contains the Token or the key.

Speed: each EncodingAESKey is decoded and validated once (an LRU cache of key material, which
includes a reusable AES-ECB cipher object). CBC decryption is done as one ECB pass over the
whole ciphertext followed by a single big-integer XOR with the shifted ciphertext — the exact
CBC definition, ``P_i = D(C_i) ⊕ C_{i-1}`` with ``C_{-1} = IV`` — which avoids creating a cipher
object per message and is ~3x faster than ``AES.new(..., MODE_CBC)`` for callback-sized input.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from Crypto.Cipher import AES
from Crypto.Util.strxor import strxor

from wxkefu_ext import errors
from wxkefu_ext._redact import Secret
from wxkefu_ext.keygen import explain_encoding_aes_key_problem

__all__ = [
    "BLOCK_SIZE",
    "RANDOM_PREFIX_SIZE",
    "b64decode_ciphertext",
    "check_timestamp",
    "coerce_text",
    "decrypt_b64_message",
    "decrypt_message",
    "encrypt_message",
    "signature",
    "verify_signature",
]

#: PKCS#7 block size of the WeCom scheme (32, i.e. twice the AES block size).
BLOCK_SIZE: Final = 32
#: Length of the random prefix of every plaintext.
RANDOM_PREFIX_SIZE: Final = 16
_LEN_SIZE: Final = 4
_PAD_TABLE: Final = tuple(bytes([n]) * n for n in range(BLOCK_SIZE + 1))
_URLSAFE: Final = str.maketrans("-_", "+/")
_MAX_ID_IN_TEXT: Final = 64
_INT_XOR_MAX: Final = 2048


def coerce_text(value: object, what: str) -> str:
    """A request value as ``str`` (bytes are UTF-8 decoded, ints formatted, Secrets revealed),
    or a :class:`ParseError` naming ``what`` — never a TypeError or UnicodeError."""
    if isinstance(value, str):
        return value
    if isinstance(value, Secret):
        return value.reveal()
    if isinstance(value, bytes | bytearray | memoryview):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            raise errors.ParseError(f"{what} is not UTF-8 text") from None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None:
        raise errors.ParseError(f"{what} is missing")
    raise errors.ParseError(f"{what} must be str or bytes, got {type(value).__name__}")


def _utf8(text: str) -> bytes:
    # surrogatepass: query strings decoded with surrogateescape must not raise UnicodeError here
    return text.encode("utf-8", "surrogatepass")


# ---------------------------------------------------------------------------------------------
# signature and replay window
# ---------------------------------------------------------------------------------------------


def signature(token: str | Secret, timestamp: str | int, nonce: str | int, encrypt: str) -> str:
    """``msg_signature`` of a callback: sha1 of the four values sorted and concatenated, hex."""
    parts = sorted(
        (
            coerce_text(token, "the Token"),
            coerce_text(timestamp, "timestamp"),
            coerce_text(nonce, "nonce"),
            coerce_text(encrypt, "the encrypted value"),
        )
    )
    # SHA-1 is mandated by the WeCom protocol; it is not our choice to make.
    return hashlib.sha1(_utf8("".join(parts))).hexdigest()  # noqa: S324


def verify_signature(
    token: str | Secret,
    timestamp: str | int,
    nonce: str | int,
    encrypt: str,
    msg_signature: str,
) -> None:
    """Raise :class:`SignatureError` unless ``msg_signature`` signs the other three values.

    The comparison is constant-time on bytes (so non-ASCII input cannot raise). When the
    mismatch is explained by spaces in ``encrypt`` that were ``+`` signs (a query string
    URL-decoded twice, or a proxy turning ``+`` into a space), a :class:`Base64Error` says so.
    """
    given = coerce_text(msg_signature, "msg_signature").strip().lower()
    if not given:
        raise errors.SignatureError("msg_signature is empty: the request was not signed by WeCom")
    encrypt = coerce_text(encrypt, "the encrypted value")
    expected = signature(token, timestamp, nonce, encrypt)
    if hmac.compare_digest(expected.encode("ascii"), _utf8(given)):
        return
    if " " in encrypt:
        fixed = signature(token, timestamp, nonce, encrypt.replace(" ", "+"))
        if hmac.compare_digest(fixed.encode("ascii"), _utf8(given)):
            raise errors.Base64Error(
                "the encrypted value contains spaces where WeCom sent '+': the query string was "
                "URL-decoded twice or a proxy rewrote '+' as a space; pass the value decoded once"
            )
    raise errors.SignatureError(
        "msg_signature does not match: the Token configured here differs from the one in the "
        "WeCom admin console, or the request was forged or altered in transit"
    )


def check_timestamp(timestamp: str | int, max_age: float | None, *, now: float) -> None:
    """Raise :class:`TimestampError` when ``timestamp`` is more than ``max_age`` seconds away
    from ``now`` (either direction). ``max_age=None`` disables the check."""
    if max_age is None:
        return
    text = coerce_text(timestamp, "timestamp").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        raise errors.TimestampError("timestamp is not a unix time in seconds")
    skew = abs(now - int(text))
    if skew > max_age:
        raise errors.TimestampError(
            f"timestamp is {skew:.0f} s away from this server's clock (allowed: {max_age:g} s): "
            "a replayed or long-delayed request, or a skewed server clock (check NTP)"
        )


# ---------------------------------------------------------------------------------------------
# key material
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class _KeyMaterial:
    key: bytes
    iv: bytes
    ecb: Any  # a stateless AES-ECB cipher object: safe to share between threads

    def __repr__(self) -> str:
        return "_KeyMaterial(***)"


@lru_cache(maxsize=64)
def _key_material_cached(encoding_aes_key: str) -> _KeyMaterial:
    problem = explain_encoding_aes_key_problem(encoding_aes_key)
    if problem is not None:
        raise errors.InvalidAesKeyError(problem)
    # 43 validated letters/digits + "=" decode to 32 bytes; the 2 padding bits are ignored,
    # as WeCom does, so non-canonical console keys work.
    key = base64.b64decode(encoding_aes_key + "=")
    return _KeyMaterial(key=key, iv=key[:16], ecb=AES.new(key, AES.MODE_ECB))


def _key_material(encoding_aes_key: str | Secret) -> _KeyMaterial:
    raw = encoding_aes_key.reveal() if isinstance(encoding_aes_key, Secret) else encoding_aes_key
    if not isinstance(raw, str):
        raise errors.InvalidAesKeyError(
            f"the EncodingAESKey must be a str, got {type(raw).__name__}"
        )
    # lru_cache does not cache exceptions: a bad key is re-checked (cheaply) on every call.
    return _key_material_cached(raw)


# ---------------------------------------------------------------------------------------------
# base64
# ---------------------------------------------------------------------------------------------


def b64decode_ciphertext(ciphertext_b64: str | bytes) -> bytes:
    """Decode callback base64, accepting the URL-safe alphabet and missing ``=`` padding.

    Spaces get a :class:`Base64Error` naming the usual cause (a ``+`` decoded as a space);
    anything else outside the alphabet gets one naming the position."""
    try:
        return binascii.a2b_base64(ciphertext_b64, strict_mode=True)
    except (binascii.Error, ValueError, TypeError):
        pass
    if isinstance(ciphertext_b64, bytes | bytearray | memoryview):
        try:
            text = bytes(ciphertext_b64).decode("ascii")
        except UnicodeDecodeError:
            raise errors.Base64Error("the encrypted value contains non-ASCII bytes") from None
    elif isinstance(ciphertext_b64, str):
        text = ciphertext_b64
    else:
        raise errors.Base64Error(
            f"the encrypted value must be str or bytes, got {type(ciphertext_b64).__name__}"
        )
    if " " in text:
        raise errors.Base64Error(
            "the encrypted value contains spaces: a '+' was probably turned into a space by "
            "URL-decoding it twice or by a proxy; pass the query value decoded exactly once"
        )
    body = text.translate(_URLSAFE).rstrip("=")
    if len(body) % 4 == 1:
        raise errors.Base64Error(
            f"the encrypted value has an impossible base64 length ({len(text)} characters): "
            "it was truncated"
        )
    body += "=" * (-len(body) % 4)
    try:
        return binascii.a2b_base64(body, strict_mode=True)
    except (binascii.Error, ValueError):
        pos = next((i for i, ch in enumerate(body) if ch not in _B64_ALPHABET), None)
        where = f" (character {pos + 1} is not in the base64 alphabet)" if pos is not None else ""
        raise errors.Base64Error(f"the encrypted value is not valid base64{where}") from None


_B64_ALPHABET: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
)


# ---------------------------------------------------------------------------------------------
# decrypt / encrypt
# ---------------------------------------------------------------------------------------------


def _short(data: bytes) -> str:
    text = data[:_MAX_ID_IN_TEXT].decode("utf-8", "replace")
    return repr(text + ("…" if len(data) > _MAX_ID_IN_TEXT else ""))


def decrypt_message(
    encoding_aes_key: str | Secret, ciphertext: bytes, receiver_id: str | None = None
) -> bytes:
    """Decrypt raw (already base64-decoded) ciphertext and return the message bytes.

    Checks the length (non-zero multiple of 32), the PKCS#7 padding, the length field and —
    when ``receiver_id`` is given — the receiver id at the end of the plaintext."""
    km = _key_material(encoding_aes_key)
    n = len(ciphertext)
    if n == 0 or n % BLOCK_SIZE:
        raise errors.DecryptError(
            f"the ciphertext has {n} bytes; WeCom's always has a non-zero multiple of "
            f"{BLOCK_SIZE}: it was truncated or altered in transit"
        )
    # CBC: P_i = D(C_i) xor C_{i-1}, C_{-1} = IV — one ECB pass and one XOR of the whole
    # buffer (big-integer XOR is fastest for small buffers, pycryptodome's strxor for large).
    decrypted = km.ecb.decrypt(ciphertext)
    chained = km.iv + ciphertext[:-16]
    if n <= _INT_XOR_MAX:
        plain = (int.from_bytes(decrypted) ^ int.from_bytes(chained)).to_bytes(n)
    else:
        plain = strxor(decrypted, chained)
    pad = plain[-1]
    if not 1 <= pad <= BLOCK_SIZE or not plain.endswith(_PAD_TABLE[pad]):
        raise errors.DecryptError(
            "the decrypted padding is invalid (strict PKCS#7, 32-byte blocks): the "
            "EncodingAESKey is most likely not the one configured in the WeCom admin console"
        )
    end = n - pad
    start = RANDOM_PREFIX_SIZE + _LEN_SIZE
    if end < start:
        raise errors.InvalidBufferError(
            f"the plaintext has {end} bytes, fewer than the {start}-byte random prefix and "
            "length field"
        )
    msg_len = int.from_bytes(plain[RANDOM_PREFIX_SIZE:start])
    if msg_len > end - start:
        raise errors.InvalidBufferError(
            f"the length field says {msg_len} bytes but only {end - start} follow: the buffer "
            "is corrupt or the key is wrong"
        )
    msg_end = start + msg_len
    if receiver_id is not None:
        expected = _utf8(coerce_text(receiver_id, "receiver_id"))
        got = plain[msg_end:end]
        if got != expected:
            raise errors.ReceiverIdMismatchError(
                f"the message is addressed to receiver id {_short(got)} but {_short(expected)} "
                "was expected: the callback belongs to another corp/app, or the wrong corp id "
                "(or suite id, for third-party apps) was configured here"
            )
    return plain[start:msg_end]


def decrypt_b64_message(
    encoding_aes_key: str | Secret, ciphertext_b64: str | bytes, receiver_id: str | None = None
) -> bytes:
    """Decrypt a base64 ``Encrypt``/``echostr`` value and return the message bytes."""
    return decrypt_message(encoding_aes_key, b64decode_ciphertext(ciphertext_b64), receiver_id)


def encrypt_message(
    encoding_aes_key: str | Secret,
    message: str | bytes,
    receiver_id: str,
    *,
    random: bytes | str | None = None,
) -> str:
    """Encrypt ``message`` for ``receiver_id`` and return the base64 ``Encrypt`` value.

    ``random`` fixes the 16-byte prefix (bytes, or 16 ASCII characters as in the published
    test vectors); by default it comes from :func:`os.urandom`."""
    km = _key_material(encoding_aes_key)
    if isinstance(message, str):
        try:
            msg = message.encode("utf-8")
        except UnicodeEncodeError:
            raise errors.EncryptError(
                "the message is not encodable as UTF-8 (lone surrogate?)"
            ) from None
    elif isinstance(message, bytes | bytearray | memoryview):
        msg = bytes(message)
    else:
        raise errors.EncryptError(f"the message must be str or bytes, got {type(message).__name__}")
    if not isinstance(receiver_id, str):
        raise errors.EncryptError(f"receiver_id must be a str, got {type(receiver_id).__name__}")
    try:
        rid = receiver_id.encode("utf-8")
    except UnicodeEncodeError:
        raise errors.EncryptError("receiver_id is not encodable as UTF-8") from None
    if random is None:
        prefix = os.urandom(RANDOM_PREFIX_SIZE)
    elif isinstance(random, str):
        prefix = random.encode("utf-8", "replace")
    elif isinstance(random, bytes | bytearray | memoryview):
        prefix = bytes(random)
    else:
        raise errors.EncryptError(f"random must be bytes or str, got {type(random).__name__}")
    if len(prefix) != RANDOM_PREFIX_SIZE:
        raise errors.EncryptError(
            f"random must be exactly {RANDOM_PREFIX_SIZE} bytes, got {len(prefix)}"
        )
    if len(msg) >= 1 << 32:
        raise errors.EncryptError("the message is longer than the 4-byte length field allows")
    plain = b"".join((prefix, len(msg).to_bytes(_LEN_SIZE), msg, rid))
    pad = BLOCK_SIZE - len(plain) % BLOCK_SIZE
    cipher = AES.new(km.key, AES.MODE_CBC, iv=km.iv)
    return base64.b64encode(cipher.encrypt(plain + _PAD_TABLE[pad])).decode("ascii")
