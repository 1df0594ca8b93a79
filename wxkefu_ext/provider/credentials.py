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
from typing import Any, ClassVar, Literal

from wxkefu_ext._redact import Secret
from wxkefu_ext.credentials import _require
from wxkefu_ext.errors import ConfigurationError

__all__ = ["ProviderCredential", "SuiteCredential", "SuiteKind"]

#: ``third_party``: a 第三方应用 (corp tokens from ``service/get_corp_token``); ``custom``: a 代开发
#: template (the permanent code is the authorised app's secret, corp tokens from ``gettoken``).
SuiteKind = Literal["third_party", "custom"]


class _Keyed:
    """What both credentials share: ``secret`` (what error texts are scrubbed of), the
    secret-free ``cache_key`` ``<prefix>:<id>:<fingerprint>`` and a masked repr."""

    _prefix: ClassVar[str]
    _id_field: ClassVar[str]
    _hidden_field: ClassVar[str]
    _shown: ClassVar[tuple[str, ...]] = ()  # further fields the repr shows

    def __init_subclass__(
        cls, *, key: tuple[str, str, str], shown: tuple[str, ...] = (), **kw: Any
    ) -> None:
        """``key``: (cache key prefix, id field, secret field)."""
        super().__init_subclass__(**kw)
        cls._prefix, cls._id_field, cls._hidden_field = key
        cls._shown = shown

    def _assign(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)  # frozen dataclass: set once, here

    @property
    def secret(self) -> Secret:
        value = getattr(self, self._hidden_field)
        assert isinstance(value, Secret)
        return value

    @property
    def cache_key(self) -> str:
        """Store key of this credential's token (distinct per secret, secret-free)."""
        return f"{self._prefix}:{getattr(self, self._id_field)}:{self.secret.fingerprint()}"

    def __repr__(self) -> str:
        shown = [f"{name}={getattr(self, name)!r}" for name in (self._id_field, *self._shown)]
        return f"{type(self).__name__}({', '.join(shown)}, {self._hidden_field}=Secret('***'))"


@dataclass(frozen=True, repr=False)
class SuiteCredential(_Keyed, key=("suite", "suite_id", "suite_secret"), shown=("kind",)):
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
        secret = Secret(_require(suite_secret, "suite_secret"))
        self._assign(suite_id=suite_id, suite_secret=secret, kind=kind)

    @property
    def ticket_key(self) -> str:
        """Store key of the latest suite_ticket (one per suite: tickets are per suite)."""
        return f"suite-ticket:{self.suite_id}"

    def corp_key(self, corp_id: str) -> str:
        """Store key of the corp access_token of ``corp_id`` through this suite."""
        return f"suite:{self.suite_id}:corp:{corp_id}"


@dataclass(frozen=True, repr=False)
class ProviderCredential(_Keyed, key=("provider", "corp_id", "provider_secret")):
    """The provider's corpid + provider_secret (服务商的secret)."""

    corp_id: str
    provider_secret: Secret = field()

    def __init__(self, corp_id: str, provider_secret: str | Secret) -> None:
        secret = Secret(_require(provider_secret, "provider_secret"))
        self._assign(corp_id=_require(corp_id, "corp_id"), provider_secret=secret)
