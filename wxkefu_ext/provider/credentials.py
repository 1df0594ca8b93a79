"""The two credentials a service provider (服务商) holds, and the cache keys derived from them.

* :class:`SuiteCredential` — one third-party app (第三方应用, ``ww…``/``wx…``) or one 代开发
  template (``dk…``): suite_id + suite_secret. Together with the latest suite_ticket (pushed by
  WeCom to the instruction callback every 10 minutes, kept in the token store) it yields the
  suite_access_token, and from it the corp tokens of every authorising corp.
* :class:`ProviderCredential` — the provider itself: its corpid + provider_secret, for the
  provider_access_token (login, registration and id-translation services; Kf does not need it).

Both have the shape of :class:`~wxkefu_ext.credentials.WeComCredential` (one base class: checked
on the way in, masked repr, cache key kind + id + a hash of the secret, never the secret), and
per corp ``suite:<suite_id>:corp:<corpid>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from wxkefu_ext._redact import Secret
from wxkefu_ext.credentials import _IdAndSecret, _require
from wxkefu_ext.errors import ConfigurationError

__all__ = ["ProviderCredential", "SuiteCredential", "SuiteKind"]

#: ``third_party``: a 第三方应用 (corp tokens from ``service/get_corp_token``); ``custom``: a 代开发
#: template (the permanent code is the authorised app's secret, corp tokens from ``gettoken``).
SuiteKind = Literal["third_party", "custom"]


def _suite_kind(kind: SuiteKind | None, suite_id: str) -> SuiteKind:
    """The kind given, else the one the id tells: 代开发 template ids start with ``dk``."""
    if kind is None:
        return "custom" if suite_id.startswith("dk") else "third_party"
    if kind not in ("third_party", "custom"):
        raise ConfigurationError(f"kind must be 'third_party' or 'custom', not {kind!r}")
    return kind


@dataclass(frozen=True, repr=False)
class SuiteCredential(_IdAndSecret):
    """suite_id + suite_secret of a third-party app or 代开发 template."""

    _CACHE_PREFIX = "suite"
    _SHOWN = ("kind",)

    suite_id: str
    suite_secret: Secret
    kind: SuiteKind = "third_party"

    def __init__(
        self, suite_id: str, suite_secret: str | Secret, *, kind: SuiteKind | None = None
    ) -> None:
        suite_id = _require(suite_id, "suite_id")  # the kind is read from it
        self._set(suite_id, suite_secret, kind=_suite_kind(kind, suite_id))

    @property
    def ticket_key(self) -> str:
        """Store key of the latest suite_ticket (one per suite: tickets are per suite)."""
        return f"suite-ticket:{self.suite_id}"

    def corp_key(self, corp_id: str) -> str:
        """Store key of the corp access_token of ``corp_id`` through this suite."""
        return f"suite:{self.suite_id}:corp:{corp_id}"


@dataclass(frozen=True, repr=False)
class ProviderCredential(_IdAndSecret):
    """The provider's corpid + provider_secret (服务商的secret)."""

    _CACHE_PREFIX = "provider"

    corp_id: str
    provider_secret: Secret

    def __init__(self, corp_id: str, provider_secret: str | Secret) -> None:
        self._set(corp_id, provider_secret)
