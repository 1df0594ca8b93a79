"""The two credentials a service provider (服务商) holds, and the cache keys derived from them.

* :class:`SuiteCredential` — one third-party app (第三方应用, ``ww…``/``wx…``) or one 代开发
  template (``dk…``): suite_id + suite_secret. Together with the latest suite_ticket (pushed by
  WeCom to the instruction callback every 10 minutes, kept in the token store) it yields the
  suite_access_token, and from it the corp tokens of every authorising corp.
* :class:`ProviderCredential` — the provider itself: its corpid + provider_secret, for the
  provider_access_token (login, registration and id-translation services; Kf does not need it).

Cache keys never contain a secret: kind + id + a hash of the secret (as for
:class:`~wxkefu_ext.credentials.WeComCredential`), and per corp ``suite:<suite_id>:corp:<corpid>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from wxkefu_ext._redact import Secret
from wxkefu_ext.credentials import _require
from wxkefu_ext.errors import ConfigurationError

__all__ = ["ProviderCredential", "SuiteCredential", "SuiteKind"]

#: ``third_party``: a 第三方应用 (corp tokens from ``service/get_corp_token``); ``custom``: a 代开发
#: template (the permanent code is the authorised app's secret, corp tokens from ``gettoken``).
SuiteKind = Literal["third_party", "custom"]


@dataclass(frozen=True, repr=False)
class SuiteCredential:
    """suite_id + suite_secret of a third-party app or 代开发 template."""

    suite_id: str
    suite_secret: Secret = field()
    kind: SuiteKind = "third_party"

    def __init__(
        self, suite_id: str, suite_secret: str | Secret, *, kind: SuiteKind | None = None
    ) -> None:
        suite_id = _require(suite_id, "suite_id")
        if kind is None:
            kind = "custom" if suite_id.startswith("dk") else "third_party"
        if kind not in ("third_party", "custom"):
            raise ConfigurationError(f"kind must be 'third_party' or 'custom', not {kind!r}")
        object.__setattr__(self, "suite_id", suite_id)
        object.__setattr__(self, "suite_secret", Secret(_require(suite_secret, "suite_secret")))
        object.__setattr__(self, "kind", kind)

    @property
    def secret(self) -> Secret:
        return self.suite_secret

    @property
    def cache_key(self) -> str:
        """Store key of the suite_access_token (distinct per secret, secret-free)."""
        return f"suite:{self.suite_id}:{self.suite_secret.fingerprint()}"

    @property
    def ticket_key(self) -> str:
        """Store key of the latest suite_ticket (one per suite: tickets are per suite)."""
        return f"suite-ticket:{self.suite_id}"

    def corp_key(self, corp_id: str) -> str:
        """Store key of the corp access_token of ``corp_id`` through this suite."""
        return f"suite:{self.suite_id}:corp:{corp_id}"

    def __repr__(self) -> str:
        return (
            f"SuiteCredential(suite_id={self.suite_id!r}, kind={self.kind!r}, "
            "suite_secret=Secret('***'))"
        )


@dataclass(frozen=True, repr=False)
class ProviderCredential:
    """The provider's corpid + provider_secret (服务商的secret)."""

    corp_id: str
    provider_secret: Secret = field()

    def __init__(self, corp_id: str, provider_secret: str | Secret) -> None:
        object.__setattr__(self, "corp_id", _require(corp_id, "corp_id"))
        object.__setattr__(
            self, "provider_secret", Secret(_require(provider_secret, "provider_secret"))
        )

    @property
    def secret(self) -> Secret:
        return self.provider_secret

    @property
    def cache_key(self) -> str:
        return f"provider:{self.corp_id}:{self.provider_secret.fingerprint()}"

    def __repr__(self) -> str:
        return f"ProviderCredential(corp_id={self.corp_id!r}, provider_secret=Secret('***'))"
