"""Generate and check the two callback secrets: the ``Token`` and the ``EncodingAESKey``.

Why: the WeCom admin console asks the developer for both when configuring the callback URL
("随机获取" makes them there too). Keys typed or pasted by hand are a common cause of -40004
(illegal AES key) and -40001 (signature mismatch) at callback-verification time, so this module
says precisely *why* a key is unusable without ever echoing the key.

EncodingAESKey facts: 43 characters from ``[A-Za-z0-9]``; ``base64decode(key + "=")`` is the
32-byte AES-256 key (its first 16 bytes are the CBC IV). 43 base64 characters hold 258 bits, so
the last character carries 4 data bits and 2 padding bits. A *canonical* key has zero padding
bits: its last character is one of :data:`CANONICAL_LAST_CHARS`, and re-encoding the 32 bytes
gives back exactly the same 43 characters. :func:`generate_encoding_aes_key` always produces
canonical keys.

Canonical is *not* required by WeCom: the admin console's "随机获取" draws 43 random letters and
digits, WeCom's decoders ignore the padding bits, and the official sample key of doc 90968
(``...q2B2C``) is itself non-canonical. So :func:`verify_encoding_aes_key` accepts non-canonical
keys by default; pass ``strict=True`` to demand a canonical one (e.g. to lint keys you generate).
"""

from __future__ import annotations

import base64
import secrets
import string
from typing import Final

from wxkefu_ext._redact import Secret
from wxkefu_ext.errors import KfValidationError

__all__ = [
    "CANONICAL_LAST_CHARS",
    "ENCODING_AES_KEY_LENGTH",
    "KEY_ALPHABET",
    "TOKEN_MAX_LENGTH",
    "decode_encoding_aes_key",
    "explain_encoding_aes_key_problem",
    "explain_token_problem",
    "generate_encoding_aes_key",
    "generate_token",
    "verify_encoding_aes_key",
    "verify_token",
]

#: Letters and digits: the only characters the admin console accepts in Token and EncodingAESKey.
KEY_ALPHABET: Final = string.ascii_letters + string.digits
#: The admin console's maximum Token length.
TOKEN_MAX_LENGTH: Final = 32
#: Length of an EncodingAESKey (base64 of 32 bytes without the trailing "=").
ENCODING_AES_KEY_LENGTH: Final = 43
#: Base64 characters whose low 2 bits are zero: the only canonical last characters of a key.
_B64: Final = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
CANONICAL_LAST_CHARS: Final = "".join(c for i, c in enumerate(_B64) if i % 4 == 0 and c.isalnum())
_ALPHABET_SET: Final = frozenset(KEY_ALPHABET)


def _reveal(value: object) -> object:
    return value.reveal() if isinstance(value, Secret) else value


def _check_token_length(length: object) -> int:
    if isinstance(length, bool) or not isinstance(length, int):
        raise TypeError(f"length must be an int, got {type(length).__name__}")
    if not 1 <= length <= TOKEN_MAX_LENGTH:
        raise KfValidationError(
            f"a callback Token must have 1 to {TOKEN_MAX_LENGTH} characters, got {length}",
            field="length",
            limit=f"1..{TOKEN_MAX_LENGTH}",
        )
    return length


def generate_token(length: int = TOKEN_MAX_LENGTH) -> str:
    """A random callback Token of ``length`` letters and digits (1..32, the console's rule),
    drawn with :mod:`secrets`. Longer is stronger: keep the default unless you must match an
    existing configuration."""
    n = _check_token_length(length)
    return "".join(secrets.choice(KEY_ALPHABET) for _ in range(n))


def explain_token_problem(token: str | Secret) -> str | None:
    """Why ``token`` cannot be a callback Token (None if it can). Never quotes the token."""
    raw = _reveal(token)
    if not isinstance(raw, str):
        return f"the Token must be a str, got {type(raw).__name__}"
    if not raw:
        return "the Token is empty"
    if len(raw) > TOKEN_MAX_LENGTH:
        return f"the Token has {len(raw)} characters; at most {TOKEN_MAX_LENGTH} are allowed"
    bad = _first_bad_char(raw)
    if bad is not None:
        return f"the Token may contain only letters and digits; {bad}"
    return None


def verify_token(token: str | Secret) -> bool:
    """True when ``token`` is 1..32 letters and digits."""
    return explain_token_problem(token) is None


def generate_encoding_aes_key() -> str:
    """A random, canonical EncodingAESKey: 43 characters of ``[A-Za-z0-9]`` that decode (with
    "=" appended) to 32 random-looking bytes.

    The first 42 characters are drawn uniformly from the 62 letters and digits and the last one
    from :data:`CANONICAL_LAST_CHARS`, which yields exactly the canonical keys — no rejection
    loop, no ``+``/``/`` to strip.
    """
    body = "".join(secrets.choice(KEY_ALPHABET) for _ in range(ENCODING_AES_KEY_LENGTH - 1))
    return body + secrets.choice(CANONICAL_LAST_CHARS)


def explain_encoding_aes_key_problem(key: str | Secret, *, strict: bool = False) -> str | None:
    """Why ``key`` is not a valid EncodingAESKey, in one sentence (None if it is valid).

    Checks, in order: type, surrounding whitespace, a trailing ``=``, length, alphabet, and —
    only with ``strict=True`` — the canonical last character (see the module docstring for why
    that is optional). The message names positions and rules, never key characters, so it is
    safe in logs and in the callback module's -40004 errors.
    """
    raw = _reveal(key)
    if not isinstance(raw, str):
        return f"the EncodingAESKey must be a str, got {type(raw).__name__}"
    if not raw:
        return "the EncodingAESKey is empty"
    if raw != raw.strip():
        return "the EncodingAESKey has leading or trailing whitespace (copy-paste?); strip it"
    if len(raw) == ENCODING_AES_KEY_LENGTH + 1 and raw.endswith("="):
        return (
            "the EncodingAESKey has 44 characters ending in '='; use the 43 characters shown "
            "in the admin console, without the '='"
        )
    if len(raw) != ENCODING_AES_KEY_LENGTH:
        return (
            f"the EncodingAESKey has {len(raw)} characters; it must have exactly "
            f"{ENCODING_AES_KEY_LENGTH}"
        )
    bad = _first_bad_char(raw)
    if bad is not None:
        return f"the EncodingAESKey may contain only letters and digits; {bad}"
    if strict and raw[-1] not in CANONICAL_LAST_CHARS:
        return (
            "the EncodingAESKey's last character is not canonical: it must be one of "
            f"{CANONICAL_LAST_CHARS} (the key is base64 of 32 bytes, so the last character "
            "carries only 4 bits)"
        )
    return None


def verify_encoding_aes_key(key: str | Secret, *, strict: bool = False) -> bool:
    """True when ``key`` is a usable EncodingAESKey (43 letters/digits); with ``strict=True``
    it must also be canonical."""
    return explain_encoding_aes_key_problem(key, strict=strict) is None


def decode_encoding_aes_key(key: str | Secret) -> bytes:
    """The 32-byte AES key of a valid EncodingAESKey, decoded as WeCom does (the 2 padding bits
    of the last character are ignored, so non-canonical keys work).

    Raises :class:`~wxkefu_ext.errors.KfValidationError` (a ValueError) with the reason from
    :func:`explain_encoding_aes_key_problem`; the key itself is never put in the message.
    """
    problem = explain_encoding_aes_key_problem(key)
    raw = _reveal(key)
    if problem is not None or not isinstance(raw, str):
        raise KfValidationError(
            problem or "the EncodingAESKey must be a str",
            field="encoding_aes_key",
            limit="43 letters or digits",
        )
    # 43 validated characters + "=" are always exactly 32 bytes; padding bits are ignored.
    return base64.b64decode(raw + "=", validate=True)


def _first_bad_char(text: str) -> str | None:
    for i, ch in enumerate(text):
        if ch not in _ALPHABET_SET:
            kind = "whitespace" if ch.isspace() else "a symbol or non-ASCII character"
            return f"character {i + 1} is {kind}"
    return None
