"""The two kinds of credential a WeChat developer may hold, and which one Kf accepts.

Kf (微信客服) only accepts tokens of a **WeCom** corp: corp id (``ww...``) + the Kf secret (or the
secret of an app allowed to call Kf), fetched from ``/cgi-bin/gettoken``. Official-Account /
Mini-Program credentials (appid + appsecret, ``api.weixin.qq.com/cgi-bin/token``) can be configured
so that a program holding both kinds uses one client type, but every Kf call made with them fails
*before* anything is sent, with :class:`~wxkefu_ext.errors.ConfigurationError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal

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


@dataclass(frozen=True, repr=False)
class WeComCredential:
    """corp id + Kf secret: the credential every Kf endpoint accepts."""

    corp_id: str
    corp_secret: Secret = field()
    kind: Literal["wecom"] = "wecom"

    def __init__(self, corp_id: str, corp_secret: str | Secret) -> None:
        object.__setattr__(self, "corp_id", _require(corp_id, "corp_id"))
        object.__setattr__(self, "corp_secret", Secret(_require(corp_secret, "corp_secret")))
        object.__setattr__(self, "kind", "wecom")

    @property
    def secret(self) -> Secret:
        """The corp secret (masked when printed); what error texts are scrubbed of."""
        return self.corp_secret

    @property
    def cache_key(self) -> str:
        """Identity for token caches: never the secret, but distinct per secret of one corp."""
        return f"wecom:{self.corp_id}:{self.corp_secret.fingerprint()}"

    def token_request(self) -> tuple[str, dict[str, str]]:
        """(url relative to the API base, query) of the token request."""
        return WECOM_TOKEN_PATH, {"corpid": self.corp_id, "corpsecret": self.corp_secret.reveal()}

    def __repr__(self) -> str:
        return f"WeComCredential(corp_id={self.corp_id!r}, corp_secret=Secret('***'))"


@dataclass(frozen=True, repr=False)
class OfficialAccountCredential:
    """appid + appsecret of an Official Account / Mini Program: tokens work, Kf calls do not."""

    appid: str
    appsecret: Secret = field()
    kind: Literal["official_account"] = "official_account"

    def __init__(self, appid: str, appsecret: str | Secret) -> None:
        object.__setattr__(self, "appid", _require(appid, "appid"))
        object.__setattr__(self, "appsecret", Secret(_require(appsecret, "appsecret")))
        object.__setattr__(self, "kind", "official_account")

    @property
    def secret(self) -> Secret:
        """The appsecret (masked when printed); what error texts are scrubbed of."""
        return self.appsecret

    @property
    def cache_key(self) -> str:
        return f"oa:{self.appid}:{self.appsecret.fingerprint()}"

    def token_request(self) -> tuple[str, dict[str, str]]:
        return OFFICIAL_ACCOUNT_TOKEN_URL, {
            "grant_type": "client_credential",
            "appid": self.appid,
            "secret": self.appsecret.reveal(),
        }

    def __repr__(self) -> str:
        return f"OfficialAccountCredential(appid={self.appid!r}, appsecret=Secret('***'))"


Credential = WeComCredential | OfficialAccountCredential


def require_kf_capable(credential: Credential) -> None:
    """Raise before sending when the credential cannot call Kf endpoints."""
    if isinstance(credential, OfficialAccountCredential):
        raise ConfigurationError(
            "Kf (微信客服) only accepts WeCom credentials: use the corp id (ww...) and the Kf "
            f"secret; the Official Account / Mini Program appid {credential.appid!r} can fetch "
            "its own token but cannot call Kf APIs"
        )
