"""Provider and AsyncProvider: one vendor serving many corps through one connection pool.

A :class:`Provider` holds one suite (a third-party app or a 代开发 template), the stores and a
single HTTP transport. Everything it hands out shares that transport:

* the suite_access_token (from the latest suite_ticket, which the instruction callback stores in
  the token store so that every process sees it), the provider_access_token, and one corp token
  per authorising corp — each a :class:`~wxkefu_ext.tokens.TokenManager` over the same store, so
  each gets the single flight, refresh-ahead and cross-process sharing of ordinary Kf tokens;
* ``provider.corp(corp_id)`` — a real :class:`~wxkefu_ext.client.KfClient` for that corp (full Kf
  API: ``.request``, the generated ``.client``, and whatever KfClient offers), whose pool is the
  provider's: 1,000 corps are 1,000 light clients over **one** connection pool.

Authorisation state comes from the :mod:`permanent-code store <wxkefu_ext.provider.stores>`.
A corp that cancelled (:meth:`Provider.cancel`, called by the instruction endpoint on
``cancel_auth``) has a tombstone there and its token is dropped from the token store; the next
call for it, in any process sharing the stores, raises
:class:`~wxkefu_ext.errors.AuthorizationCancelledError` before anything is sent. (A request that
had already read a token before the cancel was processed may still be in flight; nothing starts
after.)

Service calls (``service/*``) send the suite or provider token as its own query parameter,
refresh it once when WeCom rejects it (40082/42009 and the generic 40014/42001) and accept the
historical replies that carry ``errcode`` only on failure.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from functools import partial
from types import TracebackType
from typing import Any, Final, Literal, Self

import httpx

from wxkefu_client import _operations as _ops
from wxkefu_ext._redact import Secret
from wxkefu_ext.auth import check
from wxkefu_ext.client import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    AsyncKfClient,
    KfClient,
    _AsyncBorrowed,
    _Borrowed,
    _timeout,
)
from wxkefu_ext.credentials import WeComCredential
from wxkefu_ext.deadline import DeadlineTransport
from wxkefu_ext.errors import (
    AuthorizationCancelledError,
    ConfigurationError,
    CorpNotAuthorizedError,
    KfResponseError,
    SuiteTicketMissingError,
)
from wxkefu_ext.provider.credentials import ProviderCredential, SuiteCredential
from wxkefu_ext.provider.stores import (
    AsyncPermanentCodeStore,
    Authorization,
    MemoryPermanentCodeStore,
    PermanentCodeStore,
)
from wxkefu_ext.retry import AsyncRetryTransport, RetryPolicy, RetryTransport, cached_json
from wxkefu_ext.retry import reply_is_json as is_json
from wxkefu_ext.tokens import (
    DEFAULT_LOCK_WAIT,
    DEFAULT_MARGIN,
    AsyncTokenManager,
    AsyncTokenStore,
    CachedToken,
    MemoryTokenStore,
    TokenManager,
    TokenStore,
    as_async_store,
)

__all__ = [
    "SUITE_TICKET_SECONDS",
    "AsyncProvider",
    "Provider",
    "TokenKind",
]

SUITE_TOKEN_PATH: Final = "/service/get_suite_token"  # noqa: S105 - a path
PROVIDER_TOKEN_PATH: Final = "/service/get_provider_token"  # noqa: S105 - a path
PRE_AUTH_CODE_PATH: Final = "/service/get_pre_auth_code"
SESSION_INFO_PATH: Final = "/service/set_session_info"
PERMANENT_CODE_PATH: Final = "/service/get_permanent_code"
AUTH_INFO_PATH: Final = "/service/get_auth_info"
CORP_TOKEN_PATH: Final = "/service/get_corp_token"  # noqa: S105 - a path
GETTOKEN_PATH: Final = _ops.GET_TOKEN.path
#: A suite_ticket is valid 30 minutes after it was pushed (a new one comes every 10).
SUITE_TICKET_SECONDS: Final = 1800
#: Replies on which a service call drops its suite/provider token and replays once.
REJECTED_ERRCODES: Final = frozenset({40082, 42009, 40014, 42001})
_PARAM: Final = {"suite": "suite_access_token", "provider": "provider_access_token"}

#: Which token a service call carries: the suite's, the provider's, or none (token endpoints).
TokenKind = Literal["suite", "provider"] | None


def _service_payload(response: httpx.Response, secrets: tuple[Secret, ...]) -> dict[str, Any]:
    """The checked reply of a service call. Token endpoints send ``errcode`` only on failure,
    so a JSON object without it is a success; everything else goes through the Kf check."""
    if is_json(response):
        payload = cached_json(response)
        if isinstance(payload, dict) and "errcode" not in payload:
            return payload
    check(response.request, response, secrets=secrets)
    payload = cached_json(response)
    assert isinstance(payload, dict)  # check() refused anything else
    return payload


def _rejected(payload: Mapping[str, Any]) -> bool:
    return payload.get("errcode") in REJECTED_ERRCODES


def _token_pair(payload: Mapping[str, Any], name: str, path: str) -> tuple[str, float]:
    token, expires_in = payload.get(name), payload.get("expires_in", 7200)
    if not isinstance(token, str) or not token:
        raise KfResponseError(f"reply lacks a usable {name}", path=path)
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float) or expires_in <= 0:
        raise KfResponseError("reply has no positive expires_in", path=path)
    return token, float(expires_in)


def _authorization_from(payload: Mapping[str, Any]) -> Authorization:
    """What ``get_permanent_code`` says about the new authorisation."""
    corp = payload.get("auth_corp_info")
    code = payload.get("permanent_code")
    if not isinstance(corp, dict) or not isinstance(corp.get("corpid"), str) or not corp["corpid"]:
        raise KfResponseError("get_permanent_code reply lacks auth_corp_info.corpid")
    if not isinstance(code, str) or not code:
        raise KfResponseError("get_permanent_code reply lacks a permanent_code")
    agent_id: int | None = None
    agents = (payload.get("auth_info") or {}).get("agent")
    if isinstance(agents, list) and agents and isinstance(agents[0], dict):
        raw = agents[0].get("agentid")
        agent_id = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    return Authorization(
        corp_id=corp["corpid"],
        permanent_code=Secret(code),
        corp_name=str(corp.get("corp_name") or ""),
        agent_id=agent_id,
    )


def _usable(authorization: Authorization | None, corp_id: str) -> Authorization:
    """The stored authorisation, or the typed reason why nothing may be sent for the corp."""
    if authorization is None:
        raise CorpNotAuthorizedError(
            f"corp {corp_id!r} has not authorised this suite (no permanent code stored; was its "
            "create_auth callback processed?)",
            corp_id=corp_id,
        )
    if authorization.cancelled or not authorization.permanent_code:
        raise AuthorizationCancelledError(
            f"corp {corp_id!r} cancelled the authorisation of this suite; nothing is sent for it "
            "until it authorises again",
            corp_id=corp_id,
        )
    return authorization


def _ticket_token(ticket: str, timestamp: float) -> CachedToken:
    expires = timestamp + SUITE_TICKET_SECONDS
    return CachedToken(Secret(ticket), expires, expires)


def _no_ticket(suite_id: str) -> SuiteTicketMissingError:
    return SuiteTicketMissingError(
        f"no suite_ticket younger than {SUITE_TICKET_SECONDS // 60} minutes is stored for suite "
        f"{suite_id!r}; the instruction callback must receive WeCom's pushes (every 10 minutes) "
        "and store them with set_suite_ticket (or refresh the ticket in the provider console)"
    )


class _Base:
    _token_options: dict[str, Any]
    suite: SuiteCredential
    provider_credential: ProviderCredential | None
    base_url: str
    retry: RetryPolicy
    timeout: httpx.Timeout
    _clock: Callable[[], float]

    def _secrets(self) -> tuple[Secret, ...]:
        extra = (self.provider_credential.secret,) if self.provider_credential else ()
        return (self.suite.secret, *extra)

    def _suite_token_body(self, ticket: str) -> dict[str, str]:
        return {
            "suite_id": self.suite.suite_id,
            "suite_secret": self.suite.suite_secret.reveal(),
            "suite_ticket": ticket,
        }

    def _provider_token_body(self) -> dict[str, str]:
        if self.provider_credential is None:
            raise ConfigurationError("no provider credential configured (pass provider=...)")
        return {
            "corpid": self.provider_credential.corp_id,
            "provider_secret": self.provider_credential.provider_secret.reveal(),
        }

    def _first_token(self, payload: Mapping[str, Any]) -> tuple[CachedToken, float] | None:
        """The corp token a third-party ``get_permanent_code`` reply carries, ready to store."""
        token, expires_in = payload.get("access_token"), payload.get("expires_in")
        if self.suite.kind != "third_party" or not isinstance(token, str) or not token:
            return None
        if isinstance(expires_in, bool) or not isinstance(expires_in, int | float):
            return None
        if expires_in <= 0:
            return None
        margin = float(self._token_options["margin"])
        cached = CachedToken.issue(token, float(expires_in), now=self._clock(), margin=margin)
        return cached, float(expires_in)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.suite!r}, base_url={self.base_url!r})"


class Provider(_Base):
    """A service provider's suite, serving every corp that authorised it (thread-safe).

    ``token_store`` holds the suite_ticket and all tokens (share a
    :class:`~wxkefu_ext.tokens.RedisTokenStore` between processes); ``codes`` the permanent codes.
    ``transport`` replaces the one HTTP transport everything shares (the emulator's, a mock...).
    ``clock`` is the time the token and ticket lifetimes are measured with.
    """

    def __init__(
        self,
        suite: SuiteCredential,
        *,
        provider: ProviderCredential | None = None,
        token_store: TokenStore | None = None,
        codes: PermanentCodeStore | None = None,
        base_url: str = DEFAULT_BASE_URL,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        proxy: str | None = None,
        margin: float = DEFAULT_MARGIN,
        lock_wait: float = DEFAULT_LOCK_WAIT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not isinstance(suite, SuiteCredential):
            raise ConfigurationError("suite must be a SuiteCredential")
        self.suite = suite
        self.provider_credential = provider
        self.store: TokenStore = token_store or MemoryTokenStore()
        self.codes: PermanentCodeStore = codes or MemoryPermanentCodeStore()
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.timeout = _timeout(timeout)
        self._clock = clock
        self._token_options: dict[str, Any] = {
            "margin": margin,
            "lock_wait": lock_wait,
            "clock": clock,
        }
        self._transport = transport or DeadlineTransport(proxy=proxy)
        self.http = httpx.Client(
            base_url=self.base_url,
            transport=RetryTransport(_Borrowed(self._transport), self.retry),
            timeout=self.timeout,
        )
        self.suite_tokens = TokenManager(
            suite.cache_key, self.store, self._fetch_suite_token, **self._token_options
        )
        self.provider_tokens = (
            TokenManager(
                provider.cache_key, self.store, self._fetch_provider_token, **self._token_options
            )
            if provider is not None
            else None
        )
        self._lock = threading.Lock()
        self._corp_tokens: dict[str, TokenManager] = {}
        self._corps: dict[str, KfClient] = {}

    # ------------------------------------------------------------------ suite_ticket

    def set_suite_ticket(self, ticket: str, *, timestamp: float | None = None) -> bool:
        """Store a pushed suite_ticket for every process (``timestamp``: its ``TimeStamp``).
        Returns False, keeping the stored one, when the push is older than the stored ticket or
        already expired."""
        if not isinstance(ticket, str) or not ticket:
            raise ConfigurationError("suite_ticket must be a non-empty string")
        token = _ticket_token(ticket, self._clock() if timestamp is None else timestamp)
        now = self._clock()
        current = self.store.get(self.suite.ticket_key)
        if not token.usable(now) or (current is not None and current.expires_at > token.expires_at):
            return False
        self.store.set(self.suite.ticket_key, token, ttl=token.expires_at - now)
        return True

    def suite_ticket(self) -> str:
        """The latest stored suite_ticket, or :class:`SuiteTicketMissingError`."""
        current = self.store.get(self.suite.ticket_key)
        if current is None or not current.usable(self._clock()):
            raise _no_ticket(self.suite.suite_id)
        return current.value.reveal()

    # ------------------------------------------------------------------ tokens

    def _fetch_suite_token(self) -> tuple[str, float]:
        body = self._suite_token_body(self.suite_ticket())
        return _token_pair(
            self.request("POST", SUITE_TOKEN_PATH, json=body, auth=None),
            "suite_access_token",
            SUITE_TOKEN_PATH,
        )

    def _fetch_provider_token(self) -> tuple[str, float]:
        payload = self.request(
            "POST", PROVIDER_TOKEN_PATH, json=self._provider_token_body(), auth=None
        )
        return _token_pair(payload, "provider_access_token", PROVIDER_TOKEN_PATH)

    def _fetch_corp_token(self, corp_id: str) -> tuple[str, float]:
        code = self.authorization(corp_id).permanent_code.reveal()
        if self.suite.kind == "custom":  # 代开发: the permanent code is the app's secret
            params = {"corpid": corp_id, "corpsecret": code}
            payload = self.request("GET", GETTOKEN_PATH, params=params, auth=None)
            return _token_pair(payload, "access_token", GETTOKEN_PATH)
        body = {"auth_corpid": corp_id, "permanent_code": code}
        payload = self.request("POST", CORP_TOKEN_PATH, json=body, auth="suite")
        return _token_pair(payload, "access_token", CORP_TOKEN_PATH)

    def suite_access_token(self) -> str:
        return self.suite_tokens.get()

    def provider_access_token(self) -> str:
        if self.provider_tokens is None:
            raise ConfigurationError("no provider credential configured (pass provider=...)")
        return self.provider_tokens.get()

    def corp_tokens(self, corp_id: str) -> TokenManager:
        """The token manager of ``corp_id``'s access_token (one per corp, created on demand)."""
        with self._lock:
            manager = self._corp_tokens.get(corp_id)
            if manager is None:
                manager = self._corp_tokens[corp_id] = TokenManager(
                    self.suite.corp_key(corp_id),
                    self.store,
                    partial(self._fetch_corp_token, corp_id),
                    **self._token_options,
                )
            return manager

    def corp_access_token(self, corp_id: str) -> str:
        return self.corp_tokens(corp_id).get()

    def _manager(self, kind: TokenKind) -> TokenManager | None:
        if kind is None:
            return None
        if kind == "provider":
            if self.provider_tokens is None:
                raise ConfigurationError("no provider credential configured (pass provider=...)")
            return self.provider_tokens
        return self.suite_tokens

    # ------------------------------------------------------------------ service calls

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        auth: TokenKind = "suite",
    ) -> dict[str, Any]:
        """A service call carrying the ``auth`` kind's token; returns the checked reply.
        A rejected token is dropped and the call replayed once (a second rejection raises)."""
        manager = self._manager(auth)
        query = dict(params or {})
        value = ""
        if manager is not None and auth is not None:
            value = manager.get()
            query[_PARAM[auth]] = value
        response = self.http.request(method, path, params=query, json=json)
        if manager is not None and auth is not None and is_json(response):
            payload = cached_json(response)
            if isinstance(payload, dict) and _rejected(payload):
                manager.invalidate(value)
                query[_PARAM[auth]] = manager.get()
                response = self.http.request(method, path, params=query, json=json)
        return _service_payload(response, self._secrets())

    def get_pre_auth_code(self) -> dict[str, Any]:
        """``{"pre_auth_code", "expires_in"}`` for an installation link."""
        return self.request("GET", PRE_AUTH_CODE_PATH)

    def set_session_info(
        self, pre_auth_code: str, *, auth_type: int = 0, appid: list[int] | None = None
    ) -> None:
        """Configure the installation of ``pre_auth_code`` (``auth_type`` 1 = test)."""
        info: dict[str, Any] = {"auth_type": auth_type}
        if appid is not None:
            info["appid"] = appid
        body = {"pre_auth_code": pre_auth_code, "session_info": info}
        self.request("POST", SESSION_INFO_PATH, json=body)

    def install(self, auth_code: str) -> Authorization:
        """Complete an installation: exchange the single-use ``auth_code`` (create_auth
        callback, install redirect, or reset_permanent_code) for the permanent code and store
        it. A previous token of the corp is dropped (the code changed)."""
        payload = self.request("POST", PERMANENT_CODE_PATH, json={"auth_code": auth_code})
        authorization = _authorization_from(payload)
        self.codes.save(self.suite.suite_id, authorization)
        self._forget(authorization.corp_id)
        first = self._first_token(payload)
        if first is not None:  # third-party apps get a first corp token with the code
            self.store.set(self.suite.corp_key(authorization.corp_id), first[0], ttl=first[1])
        return authorization

    def authorization(self, corp_id: str) -> Authorization:
        """The corp's stored authorisation, or the typed reason it has none."""
        return _usable(self.codes.get(self.suite.suite_id, corp_id), corp_id)

    def get_auth_info(self, corp_id: str) -> dict[str, Any]:
        """``service/get_auth_info`` for an authorised corp (after change_auth)."""
        code = self.authorization(corp_id).permanent_code.reveal()
        body = {"auth_corpid": corp_id, "permanent_code": code}
        return self.request("POST", AUTH_INFO_PATH, json=body)

    def cancel(self, corp_id: str) -> None:
        """The corp cancelled (cancel_auth): tombstone its code first (so no process can fetch
        a new token), then drop its token, so that nothing more is sent for it."""
        self.codes.cancel(self.suite.suite_id, corp_id)
        self._forget(corp_id)

    def corp_ids(self) -> list[str]:
        """The corps that currently authorise this suite."""
        return self.codes.corp_ids(self.suite.suite_id)

    def _forget(self, corp_id: str) -> None:
        key = self.suite.corp_key(corp_id)
        cached = self.store.get(key)
        if cached is not None:
            self.store.delete_if(key, cached.value.reveal())
        with self._lock:
            client = self._corps.pop(corp_id, None)
        if client is not None:
            client.close()  # its pool is the provider's: closing the client leaves it open

    # ------------------------------------------------------------------ per-corp Kf clients

    def corp(self, corp_id: str) -> KfClient:
        """A :class:`KfClient` calling the Kf API on behalf of ``corp_id`` (cached; shares the
        provider's pool and token store). Reads the permanent-code store every time, so it
        raises the typed error at once if the corp has not authorised the suite or cancelled
        (in any process)."""
        authorization = self.authorization(corp_id)
        with self._lock:
            client = self._corps.get(corp_id)
        if client is not None:
            return client
        client = KfClient(
            credential=WeComCredential(corp_id, authorization.permanent_code),
            base_url=self.base_url,
            retry=self.retry,
            timeout=self.timeout,
            transport=_Borrowed(self._transport),
            _tokens=self.corp_tokens(corp_id),
        )
        with self._lock:
            existing = self._corps.setdefault(corp_id, client)
        if existing is not client:
            client.close()
        return existing

    def close(self) -> None:
        with self._lock:
            clients, self._corps = list(self._corps.values()), {}
        for client in clients:
            client.close()
        self.http.close()
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class _SyncCodesAsAsync:
    """Lets an async provider use a non-blocking sync code store (the memory store)."""

    def __init__(self, store: PermanentCodeStore) -> None:
        self.store = store

    async def get(self, suite_id: str, corp_id: str) -> Authorization | None:
        return self.store.get(suite_id, corp_id)

    async def save(self, suite_id: str, authorization: Authorization) -> None:
        self.store.save(suite_id, authorization)

    async def cancel(self, suite_id: str, corp_id: str) -> None:
        self.store.cancel(suite_id, corp_id)

    async def corp_ids(self, suite_id: str) -> list[str]:
        return self.store.corp_ids(suite_id)


def _async_codes(store: PermanentCodeStore | AsyncPermanentCodeStore) -> AsyncPermanentCodeStore:
    from wxkefu_ext.provider.stores import RedisPermanentCodeStore

    if isinstance(store, RedisPermanentCodeStore):
        raise TypeError("use AsyncRedisPermanentCodeStore with AsyncProvider (the sync one blocks)")
    import inspect

    if inspect.iscoroutinefunction(getattr(store, "get", None)):
        return store  # type: ignore[return-value]
    return _SyncCodesAsAsync(store)  # type: ignore[arg-type]


class AsyncProvider(_Base):
    """The asyncio twin of :class:`Provider`; ``corp()`` returns :class:`AsyncKfClient`."""

    def __init__(
        self,
        suite: SuiteCredential,
        *,
        provider: ProviderCredential | None = None,
        token_store: TokenStore | AsyncTokenStore | None = None,
        codes: PermanentCodeStore | AsyncPermanentCodeStore | None = None,
        base_url: str = DEFAULT_BASE_URL,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
        proxy: str | None = None,
        margin: float = DEFAULT_MARGIN,
        lock_wait: float = DEFAULT_LOCK_WAIT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not isinstance(suite, SuiteCredential):
            raise ConfigurationError("suite must be a SuiteCredential")
        self.suite = suite
        self.provider_credential = provider
        self.store = as_async_store(token_store or MemoryTokenStore())
        self.codes = _async_codes(codes or MemoryPermanentCodeStore())
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.timeout = _timeout(timeout)
        self._clock = clock
        self._token_options: dict[str, Any] = {
            "margin": margin,
            "lock_wait": lock_wait,
            "clock": clock,
        }
        self._transport = transport or httpx.AsyncHTTPTransport(proxy=proxy)
        self.http = httpx.AsyncClient(
            base_url=self.base_url,
            transport=AsyncRetryTransport(_AsyncBorrowed(self._transport), self.retry),
            timeout=self.timeout,
        )
        self.suite_tokens = AsyncTokenManager(
            suite.cache_key, self.store, self._fetch_suite_token, **self._token_options
        )
        self.provider_tokens = (
            AsyncTokenManager(
                provider.cache_key, self.store, self._fetch_provider_token, **self._token_options
            )
            if provider is not None
            else None
        )
        self._corp_tokens: dict[str, AsyncTokenManager] = {}
        self._corps: dict[str, AsyncKfClient] = {}

    async def set_suite_ticket(self, ticket: str, *, timestamp: float | None = None) -> bool:
        """Like :meth:`Provider.set_suite_ticket`."""
        if not isinstance(ticket, str) or not ticket:
            raise ConfigurationError("suite_ticket must be a non-empty string")
        token = _ticket_token(ticket, self._clock() if timestamp is None else timestamp)
        now = self._clock()
        current = await self.store.get(self.suite.ticket_key)
        if not token.usable(now) or (current is not None and current.expires_at > token.expires_at):
            return False
        await self.store.set(self.suite.ticket_key, token, ttl=token.expires_at - now)
        return True

    async def suite_ticket(self) -> str:
        current = await self.store.get(self.suite.ticket_key)
        if current is None or not current.usable(self._clock()):
            raise _no_ticket(self.suite.suite_id)
        return current.value.reveal()

    async def _fetch_suite_token(self) -> tuple[str, float]:
        body = self._suite_token_body(await self.suite_ticket())
        payload = await self.request("POST", SUITE_TOKEN_PATH, json=body, auth=None)
        return _token_pair(payload, "suite_access_token", SUITE_TOKEN_PATH)

    async def _fetch_provider_token(self) -> tuple[str, float]:
        payload = await self.request(
            "POST", PROVIDER_TOKEN_PATH, json=self._provider_token_body(), auth=None
        )
        return _token_pair(payload, "provider_access_token", PROVIDER_TOKEN_PATH)

    async def _fetch_corp_token(self, corp_id: str) -> tuple[str, float]:
        code = (await self.authorization(corp_id)).permanent_code.reveal()
        if self.suite.kind == "custom":
            params = {"corpid": corp_id, "corpsecret": code}
            payload = await self.request("GET", GETTOKEN_PATH, params=params, auth=None)
            return _token_pair(payload, "access_token", GETTOKEN_PATH)
        body = {"auth_corpid": corp_id, "permanent_code": code}
        payload = await self.request("POST", CORP_TOKEN_PATH, json=body, auth="suite")
        return _token_pair(payload, "access_token", CORP_TOKEN_PATH)

    async def suite_access_token(self) -> str:
        return await self.suite_tokens.get()

    async def provider_access_token(self) -> str:
        if self.provider_tokens is None:
            raise ConfigurationError("no provider credential configured (pass provider=...)")
        return await self.provider_tokens.get()

    def corp_tokens(self, corp_id: str) -> AsyncTokenManager:
        manager = self._corp_tokens.get(corp_id)
        if manager is None:

            async def fetch() -> tuple[str, float]:
                return await self._fetch_corp_token(corp_id)

            manager = self._corp_tokens[corp_id] = AsyncTokenManager(
                self.suite.corp_key(corp_id), self.store, fetch, **self._token_options
            )
        return manager

    async def corp_access_token(self, corp_id: str) -> str:
        return await self.corp_tokens(corp_id).get()

    def _manager(self, kind: TokenKind) -> AsyncTokenManager | None:
        if kind is None:
            return None
        if kind == "provider":
            if self.provider_tokens is None:
                raise ConfigurationError("no provider credential configured (pass provider=...)")
            return self.provider_tokens
        return self.suite_tokens

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        auth: TokenKind = "suite",
    ) -> dict[str, Any]:
        """Like :meth:`Provider.request`."""
        manager = self._manager(auth)
        query = dict(params or {})
        value = ""
        if manager is not None and auth is not None:
            value = await manager.get()
            query[_PARAM[auth]] = value
        response = await self.http.request(method, path, params=query, json=json)
        if manager is not None and auth is not None and is_json(response):
            payload = cached_json(response)
            if isinstance(payload, dict) and _rejected(payload):
                await manager.invalidate(value)
                query[_PARAM[auth]] = await manager.get()
                response = await self.http.request(method, path, params=query, json=json)
        return _service_payload(response, self._secrets())

    async def get_pre_auth_code(self) -> dict[str, Any]:
        return await self.request("GET", PRE_AUTH_CODE_PATH)

    async def set_session_info(
        self, pre_auth_code: str, *, auth_type: int = 0, appid: list[int] | None = None
    ) -> None:
        info: dict[str, Any] = {"auth_type": auth_type}
        if appid is not None:
            info["appid"] = appid
        body = {"pre_auth_code": pre_auth_code, "session_info": info}
        await self.request("POST", SESSION_INFO_PATH, json=body)

    async def install(self, auth_code: str) -> Authorization:
        """Like :meth:`Provider.install`."""
        payload = await self.request("POST", PERMANENT_CODE_PATH, json={"auth_code": auth_code})
        authorization = _authorization_from(payload)
        await self.codes.save(self.suite.suite_id, authorization)
        await self._forget(authorization.corp_id)
        first = self._first_token(payload)
        if first is not None:
            key = self.suite.corp_key(authorization.corp_id)
            await self.store.set(key, first[0], ttl=first[1])
        return authorization

    async def authorization(self, corp_id: str) -> Authorization:
        return _usable(await self.codes.get(self.suite.suite_id, corp_id), corp_id)

    async def get_auth_info(self, corp_id: str) -> dict[str, Any]:
        code = (await self.authorization(corp_id)).permanent_code.reveal()
        body = {"auth_corpid": corp_id, "permanent_code": code}
        return await self.request("POST", AUTH_INFO_PATH, json=body)

    async def cancel(self, corp_id: str) -> None:
        """Like :meth:`Provider.cancel`."""
        await self.codes.cancel(self.suite.suite_id, corp_id)
        await self._forget(corp_id)

    async def corp_ids(self) -> list[str]:
        return await self.codes.corp_ids(self.suite.suite_id)

    async def _forget(self, corp_id: str) -> None:
        key = self.suite.corp_key(corp_id)
        cached = await self.store.get(key)
        if cached is not None:
            await self.store.delete_if(key, cached.value.reveal())
        client = self._corps.pop(corp_id, None)
        if client is not None:
            await client.aclose()

    async def corp(self, corp_id: str) -> AsyncKfClient:
        """Like :meth:`Provider.corp` (a coroutine: it reads the permanent-code store)."""
        authorization = await self.authorization(corp_id)
        client = self._corps.get(corp_id)
        if client is not None:
            return client
        client = self._corps[corp_id] = AsyncKfClient(
            credential=WeComCredential(corp_id, authorization.permanent_code),
            base_url=self.base_url,
            retry=self.retry,
            timeout=self.timeout,
            transport=_AsyncBorrowed(self._transport),
            _tokens=self.corp_tokens(corp_id),
        )
        return client

    async def aclose(self) -> None:
        clients, self._corps = list(self._corps.values()), {}
        for client in clients:
            await client.aclose()
        await self.http.aclose()
        await self._transport.aclose()

    close = aclose

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
