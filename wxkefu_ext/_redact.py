"""Keeping secrets out of reprs, logs and exception text.

Every credential the toolkit holds (corp secret, access_token, EncodingAESKey,
callback Token) is wrapped in :class:`Secret`, whose ``repr``/``str`` never show
the value. Text that might embed a token (URLs, error bodies) goes through
:func:`redact_text` before it is logged or put into an exception.
"""

from __future__ import annotations

import hashlib
import re
from typing import Final

_MASK: Final = "***"
_QUERY_SECRET = re.compile(
    r"(?i)\b(access_token|corpsecret|secret|appsecret|token|encoding_aes_key"
    r"|suite_access_token|provider_access_token|permanent_code|suite_ticket)=([^&\s\"']+)"
)


class Secret:
    """A string that does not print itself. Call :meth:`reveal` at the point of use."""

    __slots__ = ("_value",)

    def __init__(self, value: str | Secret) -> None:
        if isinstance(value, Secret):
            value = value.reveal()
        self._value = value

    def reveal(self) -> str:
        return self._value

    def fingerprint(self) -> str:
        """A short, non-reversible id (for cache keys and log correlation)."""
        return hashlib.sha256(self._value.encode()).hexdigest()[:16]

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


def redact_text(text: str, *secrets: str | Secret | None) -> str:
    """Mask ``name=value`` query secrets and every literal secret given."""
    out = _QUERY_SECRET.sub(lambda m: f"{m.group(1)}={_MASK}", text)
    for s in secrets:
        raw = s.reveal() if isinstance(s, Secret) else s
        if raw:
            out = out.replace(raw, _MASK)
    return out
