"""KfClient and AsyncKfClient: one configured connection pool for every Kf call.

A client owns one httpx pool whose stack is ``KfAuth`` (token, msgid, errcode → exceptions)
over ``RetryTransport`` (transient failures) over the real transport (HTTP, or whatever the caller
passes: ``httpx.MockTransport``, the emulator's in-process transport...). Three ways in, all
through that stack:

* ``kf.client`` — the generated, typed :class:`wxkefu_client.Client`; call any generated operation
  with ``client=kf.client``;
* ``kf.request(method, path, json=...)`` — the low-level JSON call, returning the reply ``dict``;
* ``kf.http`` — the raw ``httpx.Client``, for streaming (media downloads use it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Final, Self

import httpx

from wxkefu_ext._redact import Secret
from wxkefu_ext.auth import AsyncKfAuth, KfAuth
from wxkefu_ext.credentials import Credential, WeComCredential
from wxkefu_ext.errors import ConfigurationError, KfResponseError, KfTransportError
from wxkefu_ext.retry import AsyncRetryTransport, RetryPolicy, RetryTransport, cached_json
from wxkefu_ext.tokens import (
    AsyncTokenManager,
    AsyncTokenStore,
    MemoryTokenStore,
    TokenManager,
    TokenStore,
)

DEFAULT_BASE_URL: Final = "https://qyapi.weixin.qq.com/cgi-bin"
DEFAULT_TIMEOUT: Final = 10.0
_ENV_CORP_ID: Final = "WXKF_CORP_ID"
_ENV_SECRET: Final = "WXKF_APP_SECRET"  # noqa: S105 - the variable's name, not a secret
_ENV_BASE_URL: Final = "WXKF_BASE_URL"
_ENV_TIMEOUT: Final = "WXKF_TIMEOUT"


def _credential(
    corp_id: str | None, corp_secret: str | Secret | None, credential: Credential | None
) -> Credential:
    if credential is not None:
        if corp_id is not None or corp_secret is not None:
            raise ConfigurationError("pass either corp_id/corp_secret or credential, not both")
        return credential
    if corp_id is None or corp_secret is None:
        raise ConfigurationError("corp_id and corp_secret are required (or pass credential=)")
    return WeComCredential(corp_id, corp_secret)


def _timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


def _env_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    missing = [name for name in (_ENV_CORP_ID, _ENV_SECRET) if not environ.get(name)]
    if missing:
        raise ConfigurationError(f"missing environment variable(s): {', '.join(missing)}")
    settings: dict[str, Any] = {
        "corp_id": environ[_ENV_CORP_ID],
        "corp_secret": Secret(environ[_ENV_SECRET]),
        "base_url": environ.get(_ENV_BASE_URL) or DEFAULT_BASE_URL,
    }
    if environ.get(_ENV_TIMEOUT):
        try:
            settings["timeout"] = float(environ[_ENV_TIMEOUT])
        except ValueError:
            raise ConfigurationError(f"{_ENV_TIMEOUT} must be a number of seconds") from None
    return settings


def _token_reply(response: httpx.Response, path: str) -> tuple[str, float]:
    payload = cached_json(response) if "json" in response.headers.get("content-type", "") else None
    if not isinstance(payload, dict):
        raise KfResponseError(
            "token endpoint did not answer with JSON", status=response.status_code, path=path,
            body=response.content[:512], content_type=response.headers.get("content-type"),
        )  # fmt: skip
    from wxkefu_ext.errors import raise_for_errcode

    raise_for_errcode(payload, path=path)
    token, expires_in = payload.get("access_token"), payload.get("expires_in", 7200)
    if not isinstance(token, str) or not isinstance(expires_in, int | float):
        raise KfResponseError("token reply lacks access_token/expires_in", path=path)
    return token, float(expires_in)


class _Base:
    credential: Credential
    base_url: str

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.credential!r}, base_url={self.base_url!r})"


class KfClient(_Base):
    """A synchronous Kf client. Thread-safe; close it (or use ``with``) to release the pool."""

    def __init__(
        self,
        corp_id: str | None = None,
        corp_secret: str | Secret | None = None,
        *,
        credential: Credential | None = None,
        base_url: str = DEFAULT_BASE_URL,
        token_store: TokenStore | None = None,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        from wxkefu_client import Client

        self.credential = _credential(corp_id, corp_secret, credential)
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.tokens = TokenManager(
            self.credential.cache_key, token_store or MemoryTokenStore(), self._fetch_token
        )
        self.http = httpx.Client(
            base_url=self.base_url,
            auth=KfAuth(self.credential, self.tokens),
            transport=RetryTransport(transport or httpx.HTTPTransport(), self.retry),
            timeout=_timeout(timeout),
        )
        self.client = Client(base_url=self.base_url).set_httpx_client(self.http)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> KfClient:
        """Configure from ``WXKF_CORP_ID``, ``WXKF_APP_SECRET``, ``WXKF_BASE_URL``,
        ``WXKF_TIMEOUT``; keyword arguments override them."""
        return cls(**{**_env_settings(os.environ if environ is None else environ), **kwargs})

    def _fetch_token(self) -> tuple[str, float]:
        url, params = self.credential.token_request()
        try:
            response = self.http.get(url, params=params, auth=None)
        except httpx.TransportError as exc:
            raise KfTransportError(f"token request failed: {type(exc).__name__}", path=url) from exc
        return _token_reply(response, url)

    def access_token(self) -> str:
        """A valid access_token (cached; fetched once per expiry across the token store)."""
        return self.tokens.get()

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> dict[str, Any]:
        """Call ``path`` (relative to the base URL) and return the checked JSON reply."""
        try:
            response = self.http.request(method, path, params=params, json=json)
        except httpx.TransportError as exc:
            raise KfTransportError(f"{method} failed: {type(exc).__name__}", path=path) from exc
        payload: dict[str, Any] = cached_json(response)
        return payload

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncKfClient(_Base):
    """The asyncio twin of :class:`KfClient`; ``kf.client`` serves the generated ``asyncio``."""

    def __init__(
        self,
        corp_id: str | None = None,
        corp_secret: str | Secret | None = None,
        *,
        credential: Credential | None = None,
        base_url: str = DEFAULT_BASE_URL,
        token_store: TokenStore | AsyncTokenStore | None = None,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        from wxkefu_client import Client

        self.credential = _credential(corp_id, corp_secret, credential)
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.tokens = AsyncTokenManager(
            self.credential.cache_key, token_store or MemoryTokenStore(), self._fetch_token
        )
        self.http = httpx.AsyncClient(
            base_url=self.base_url,
            auth=AsyncKfAuth(self.credential, self.tokens),
            transport=AsyncRetryTransport(transport or httpx.AsyncHTTPTransport(), self.retry),
            timeout=_timeout(timeout),
        )
        self.client = Client(base_url=self.base_url).set_async_httpx_client(self.http)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> AsyncKfClient:
        return cls(**{**_env_settings(os.environ if environ is None else environ), **kwargs})

    async def _fetch_token(self) -> tuple[str, float]:
        url, params = self.credential.token_request()
        try:
            response = await self.http.get(url, params=params, auth=None)
        except httpx.TransportError as exc:
            raise KfTransportError(f"token request failed: {type(exc).__name__}", path=url) from exc
        return _token_reply(response, url)

    async def access_token(self) -> str:
        return await self.tokens.get()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
    ) -> dict[str, Any]:
        try:
            response = await self.http.request(method, path, params=params, json=json)
        except httpx.TransportError as exc:
            raise KfTransportError(f"{method} failed: {type(exc).__name__}", path=path) from exc
        payload: dict[str, Any] = cached_json(response)
        return payload

    async def aclose(self) -> None:
        await self.http.aclose()

    close = aclose

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
