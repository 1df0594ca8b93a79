"""The two kinds of credential a WeChat developer may hold, and which one Kf accepts.

Kf (微信客服) only accepts tokens of a **WeCom** corp: corp id (``ww...``) + the Kf secret (or the
secret of an app allowed to call Kf), fetched from ``/cgi-bin/gettoken``. Official-Account /
Mini-Program credentials (appid + appsecret, ``api.weixin.qq.com/cgi-bin/token``) can be configured
so that a program holding both kinds uses one client type, but every Kf call made with them fails
*before* anything is sent, with :class:`~wxkefu_ext.errors.ConfigurationError`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar, Final, Literal

from wxkefu_client import _operations as _ops
from wxkefu_ext._redact import Secret
from wxkefu_ext.errors import ConfigurationError

OFFICIAL_ACCOUNT_TOKEN_URL: Final = "https://api.weixin.qq.com/cgi-bin/token"  # noqa: S105
WECOM_TOKEN_PATH: Final = _ops.GET_TOKEN.path  # from the spec's operation table


def _require(value: object, what: str) -> str:
    """The raw text of a setting, or ConfigurationError naming it (never echoing a secret)."""
    raw = value.reveal() if isinstance(value, Secret) else value
    if not isinstance(raw, str):
        raise ConfigurationError(f"{what} must be a string, not {type(raw).__name__}")
    if not raw.strip():
        raise ConfigurationError(f"{what} is empty")
    if raw != raw.strip():
        raise ConfigurationError(f"{what} has leading or trailing whitespace (copy-paste error?)")
    return raw


class _IdAndSecret:
    """The shape every credential shares: an id and a secret, checked on the way in, masked in
    the repr, and a token-cache key made of the kind, the id and a fingerprint of the secret.

    A subclass is a frozen dataclass whose first two fields are the id and the secret;
    ``_CACHE_PREFIX`` starts its cache key and ``_SHOWN`` names further fields the repr shows.
    The provider's suite and provider credentials share it, so every token-cache key in a
    shared store has the one form ``<prefix>:<id>:<fingerprint>``."""

    _CACHE_PREFIX: ClassVar[str]
    _SHOWN: ClassVar[tuple[str, ...]] = ()

    @property
    def _fields(self) -> tuple[str, str]:
        id_field, secret_field = (f.name for f in fields(self)[:2])  # type: ignore[arg-type]
        return id_field, secret_field

    def _set(self, ident: str, secret: str | Secret, **more: object) -> None:
        """Check and assign the id and the secret (and ``more`` fields, already checked): the
        only writes to the frozen dataclass, made once, in ``__init__``."""
        id_field, secret_field = self._fields
        checked = {
            id_field: _require(ident, id_field),
            secret_field: Secret(_require(secret, secret_field)),
        }
        for name, value in {**checked, **more}.items():
            object.__setattr__(self, name, value)

    @property
    def secret(self) -> Secret:
        """The secret (masked when printed); what error texts are scrubbed of."""
        secret: Secret = getattr(self, self._fields[1])
        return secret

    @property
    def cache_key(self) -> str:
        """Identity for token caches: never the secret, but distinct per secret of one id."""
        return f"{self._CACHE_PREFIX}:{getattr(self, self._fields[0])}:{self.secret.fingerprint()}"

    def __repr__(self) -> str:
        id_field, secret_field = self._fields
        shown = [f"{name}={getattr(self, name)!r}" for name in (id_field, *self._SHOWN)]
        return f"{type(self).__name__}({', '.join(shown)}, {secret_field}=Secret('***'))"


@dataclass(frozen=True, repr=False)
class WeComCredential(_IdAndSecret):
    """corp id + Kf secret: the credential every Kf endpoint accepts."""

    _CACHE_PREFIX = "wecom"

    corp_id: str
    corp_secret: Secret
    kind: Literal["wecom"] = "wecom"

    def __init__(self, corp_id: str, corp_secret: str | Secret) -> None:
        self._set(corp_id, corp_secret)  # ``kind`` is the class default

    def token_request(self) -> tuple[str, dict[str, str]]:
        """(url relative to the API base, query) of the token request."""
        return WECOM_TOKEN_PATH, {"corpid": self.corp_id, "corpsecret": self.corp_secret.reveal()}


@dataclass(frozen=True, repr=False)
class OfficialAccountCredential(_IdAndSecret):
    """appid + appsecret of an Official Account / Mini Program: tokens work, Kf calls do not."""

    _CACHE_PREFIX = "oa"

    appid: str
    appsecret: Secret
    kind: Literal["official_account"] = "official_account"

    def __init__(self, appid: str, appsecret: str | Secret) -> None:
        self._set(appid, appsecret)

    def token_request(self) -> tuple[str, dict[str, str]]:
        return OFFICIAL_ACCOUNT_TOKEN_URL, {
            "grant_type": "client_credential",
            "appid": self.appid,
            "secret": self.appsecret.reveal(),
        }


Credential = WeComCredential | OfficialAccountCredential


def require_kf_capable(credential: Credential) -> None:
    """Raise before sending when the credential cannot call Kf endpoints."""
    if isinstance(credential, OfficialAccountCredential):
        raise ConfigurationError(
            "Kf (微信客服) only accepts WeCom credentials: use the corp id (ww...) and the Kf "
            f"secret; the Official Account / Mini Program appid {credential.appid!r} can fetch "
            "its own token but cannot call Kf APIs"
        )
