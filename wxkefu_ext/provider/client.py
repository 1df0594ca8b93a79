"""Provider and AsyncProvider: one vendor serving many corps through one connection pool.

A :class:`Provider` holds one suite (a third-party app or a 代开发 template), the stores and a
single HTTP transport. Everything it hands out shares that transport:

* the suite_access_token (from the latest suite_ticket, which the instruction callback stores in
  the token store so that every process sees it), the provider_access_token, and one corp token
  per authorising corp — each a :class:`~wxkefu_ext.tokens.TokenManager` over the same store, so
  each gets the single flight, refresh-ahead and cross-process sharing of ordinary Kf tokens;
* ``provider.corp(corp_id)`` — a real :class:`~wxkefu_ext.client.KfClient` for that corp (full Kf
  API: ``.request``, the generated ``.client``, and whatever KfClient offers), whose pool is the
  provider's: 1,000 corps are 1,000 light clients over **one** connection pool;
* ``provider.service.*`` — the generated resource API of the ``service/*`` operations
  (``provider.service.get_pre_auth_code()``, ``provider.service.v2.get_permanent_code(...)``),
  each sent with the token its ``security`` in the spec names (suite, provider or none).

Authorisation state comes from the :mod:`permanent-code store <wxkefu_ext.provider.stores>`.
A corp that cancelled (:meth:`Provider.cancel`, called by the instruction endpoint on
``cancel_auth``) has a tombstone there and its token is dropped from the token store; the next
call for it, in any process sharing the stores, raises
:class:`~wxkefu_ext.errors.AuthorizationCancelledError` before anything is sent. (A request that
had already read a token before the cancel was processed may still be in flight; nothing starts
after.)

Service calls send the suite or provider token as its own query parameter, refresh it once when
WeCom rejects it (40082/42009 and the generic 40014/42001) and accept the historical replies
that carry ``errcode`` only on failure.

Sync and async share one implementation: every flow (install, tokens, a service call...) is a
generator in :class:`_Core` that *yields* its I/O as a function of the shell
(``lambda p: p.store.get(key)``) and gets the result sent back (:mod:`.flows`).
:class:`Provider` calls those functions, :class:`AsyncProvider` awaits them; the shells only
type the public methods, and :class:`Provider` is generated from :class:`AsyncProvider` by
``scripts/unasync.py``. Options shared by both: :class:`ProviderOptions`.
"""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Callable, Mapping
from functools import partial
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    Generic,
    Literal,
    TypeAlias,
    TypedDict,
    TypeVar,
    Unpack,
)

import httpx

from wxkefu_client import _operations as _ops
from wxkefu_client.resources._base import Call
from wxkefu_client.resources.provider import AsyncProviderResources, ProviderResources
from wxkefu_client.types import Unset
from wxkefu_ext._closing import AsyncClosing, Closing
from wxkefu_ext._redact import Secret
from wxkefu_ext.auth import check
from wxkefu_ext.client import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    AsyncKfClient,
    KfClient,
    _AsyncBorrowed,
    _AsyncDefaultTransport,
    _AsyncStoreArg,
    _Borrowed,
    _DefaultTransport,
    _StoreArg,
    _timeout,
)
from wxkefu_ext.credentials import WeComCredential
from wxkefu_ext.errors import (
    AuthorizationCancelledError,
    ConfigurationError,
    CorpNotAuthorizedError,
    KfResponseError,
    SuiteTicketMissingError,
)
from wxkefu_ext.provider.credentials import ProviderCredential, SuiteCredential
from wxkefu_ext.provider.flows import Effect, Flow, arun, run
from wxkefu_ext.provider.stores import (
    AsyncPermanentCodeStore,
    Authorization,
    MemoryPermanentCodeStore,
    PermanentCodeStore,
)
from wxkefu_ext.replies import cached_json
from wxkefu_ext.replies import reply_is_json as is_json
from wxkefu_ext.retry import AsyncRetryTransport, RetryPolicy, RetryTransport
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

if TYPE_CHECKING:
    from wxkefu_client.resources.results import GetAuthInfoRespOk, GetAuthInfoV2RespOk

__all__ = [
    "SUITE_TICKET_SECONDS",
    "AsyncProvider",
    "Provider",
    "ProviderOptions",
    "TokenKind",
]

#: A suite_ticket is valid 30 minutes after it was pushed (a new one comes every 10).
SUITE_TICKET_SECONDS: Final = 1800
#: Replies on which a service call drops its suite/provider token and replays once.
REJECTED_ERRCODES: Final = frozenset({40082, 42009, 40014, 42001})

#: Which token a service call carries: the suite's, the provider's, or none (token endpoints).
TokenKind = Literal["suite", "provider"] | None
#: the spec's security scheme of a provider operation → the token kind that satisfies it
_KIND_OF: Final[dict[str | None, TokenKind]] = {
    None: None,
    "SuiteAccessToken": "suite",
    "ProviderAccessToken": "provider",
}
_SCHEME_OF: Final = {kind: scheme for scheme, kind in _KIND_OF.items()}

M = TypeVar("M", TokenManager, AsyncTokenManager)
C = TypeVar("C", KfClient, AsyncKfClient)
T = TypeVar("T")


# --------------------------------------------------------------------------- pure decisions


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


def _rejected(response: httpx.Response) -> bool:
    """WeCom refused the token the call carried (a fresh one may pass)."""
    if not is_json(response):
        return False
    payload = cached_json(response)
    return isinstance(payload, dict) and payload.get("errcode") in REJECTED_ERRCODES


def _token_pair(token: object, expires_in: object, op: _ops.Operation) -> tuple[str, float]:
    """(token, lifetime) of a token reply, or the typed error for one that is not usable."""
    if not isinstance(token, str) or not token:
        raise KfResponseError("reply lacks a usable token", path=op.path)
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float) or expires_in <= 0:
        raise KfResponseError("reply has no positive expires_in", path=op.path)
    return token, float(expires_in)


def _authorization_from(reply: Any, op: _ops.Operation) -> Authorization:
    """What ``get_permanent_code`` (v1 or v2) says about the new authorisation."""
    corp, code = reply.auth_corp_info, reply.permanent_code  # present: the parser checked
    if not corp.corpid:
        raise KfResponseError("reply has an empty auth_corp_info.corpid", path=op.path)
    if not code:
        raise KfResponseError("reply has an empty permanent_code", path=op.path)
    info = getattr(reply, "auth_info", None)  # v2 has none: the agent id stays unknown
    agents = None if info is None or isinstance(info, Unset) else info.agent
    agent_id = agents[0].agentid if agents and not isinstance(agents, Unset) else None
    return Authorization(
        corp_id=corp.corpid,
        permanent_code=Secret(code),
        corp_name=corp.corp_name if isinstance(corp.corp_name, str) else "",
        agent_id=agent_id if isinstance(agent_id, int) else None,
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


class ProviderOptions(TypedDict, total=False):
    """Keyword options of :class:`Provider` and :class:`AsyncProvider` (defaults in brackets)."""

    #: the provider's own credential, for ``provider_access_token`` [None]
    provider: ProviderCredential | None
    base_url: str  # [https://qyapi.weixin.qq.com/cgi-bin]
    retry: RetryPolicy | None  # [RetryPolicy()]
    timeout: float | httpx.Timeout  # total budget per attempt [10 s]
    proxy: str | None  # for the default transport [None]
    margin: float  # refresh tokens this long before expiry [300 s]
    lock_wait: float  # bounded wait for another process's token refresh [20 s]
    clock: Callable[[], float]  # what token and ticket lifetimes are measured with [time.time]


class ServiceRequest(TypedDict, total=False):
    """Keywords of ``provider.request(method, path, ...)``."""

    params: Mapping[str, Any] | None  # query parameters
    json: Any  # the JSON body
    auth: TokenKind  # whose token the call carries ["suite"]; None: no token


# --------------------------------------------------------------------------- the sans-IO core


class _Core(Generic[M, C]):
    """Configuration and every flow of a provider; the shells run the flows."""

    _manager_cls: type[M]
    _client_cls: type[C]
    _borrowed_cls: type[Any]
    _retry_cls: type[Any]
    _http_cls: type[Any]
    store: Any
    codes: Any
    http: Any
    _transport: Any

    def _configure(self, suite: SuiteCredential, options: ProviderOptions) -> None:
        if not isinstance(suite, SuiteCredential):
            raise ConfigurationError("suite must be a SuiteCredential")
        unknown = set(options) - set(ProviderOptions.__annotations__)
        if unknown:
            raise TypeError(f"unknown provider option(s): {sorted(unknown)}")
        self.suite = suite
        self.provider_credential = options.get("provider")
        self.base_url = options.get("base_url", DEFAULT_BASE_URL).rstrip("/")
        self.retry = options.get("retry") or RetryPolicy()
        self.timeout = _timeout(options.get("timeout", DEFAULT_TIMEOUT))
        self._clock = clock = options.get("clock", time.time)
        self._token_options: dict[str, Any] = {
            "margin": options.get("margin", DEFAULT_MARGIN),
            "lock_wait": options.get("lock_wait", DEFAULT_LOCK_WAIT),
            "clock": clock,
        }
        self._lock = threading.Lock()
        self._corp_tokens: dict[str, M] = {}
        self._corps: dict[str, C] = {}

    def _open(self, transport: Any) -> None:
        """The one pool (``transport``) under the retry layer, and the suite's and the
        provider's token managers (after the stores are set)."""
        self._transport = transport
        self.http = self._http_cls(
            base_url=self.base_url,
            transport=self._retry_cls(self._borrowed_cls(transport), self.retry),
            timeout=self.timeout,
        )
        self.suite_tokens: M = self._new_manager(self.suite.cache_key, self._suite_token_flow)
        provider = self.provider_credential
        self.provider_tokens: M | None = (
            None
            if provider is None
            else self._new_manager(provider.cache_key, self._provider_token_flow)
        )

    def _drive(self, flow: Flow[Any]) -> Any:
        """Run ``flow``: the value (sync) or an awaitable of it (async)."""
        raise NotImplementedError

    def _new_manager(self, key: str, flow: Callable[[], Flow[tuple[str, float]]]) -> M:
        return self._manager_cls(
            key, self.store, lambda: self._drive(flow()), **self._token_options
        )

    def _secrets(self) -> tuple[Secret, ...]:
        provider = self.provider_credential
        return (self.suite.secret,) if provider is None else (self.suite.secret, provider.secret)

    def _tokens_of(self, kind: Literal["suite", "provider"]) -> M:
        if kind == "suite":
            return self.suite_tokens
        if self.provider_tokens is None:
            raise ConfigurationError("no provider credential configured (pass provider=...)")
        return self.provider_tokens

    def _provider_secret(self) -> ProviderCredential:
        if self.provider_credential is None:
            raise ConfigurationError("no provider credential configured (pass provider=...)")
        return self.provider_credential

    def corp_tokens(self, corp_id: str) -> M:
        """The token manager of ``corp_id``'s access_token (one per corp, created on demand)."""
        with self._lock:
            manager = self._corp_tokens.get(corp_id)
            if manager is None:
                manager = self._corp_tokens[corp_id] = self._new_manager(
                    self.suite.corp_key(corp_id), partial(self._corp_token_flow, corp_id)
                )
            return manager

    def _first_token(self, reply: Any) -> tuple[CachedToken, float] | None:
        """The corp token a third-party ``get_permanent_code`` reply carries, ready to store."""
        token, expires_in = getattr(reply, "access_token", None), getattr(reply, "expires_in", None)
        if self.suite.kind != "third_party" or not isinstance(token, str) or not token:
            return None
        if isinstance(expires_in, bool) or not isinstance(expires_in, int) or expires_in <= 0:
            return None
        margin = float(self._token_options["margin"])
        cached = CachedToken.issue(token, float(expires_in), now=self._clock(), margin=margin)
        return cached, float(expires_in)

    def _operation_error(self, op: _ops.Operation, message: str) -> Exception:
        return KfResponseError(message, path=op.path)

    # -- flows ----------------------------------------------------------------------------------

    def _call_flow(self, op: _ops.Operation, call: Call) -> Flow[tuple[httpx.Response, Any]]:
        """One operation with the token its ``security`` names; one replay on a rejection."""
        if op.security not in _KIND_OF:
            raise ConfigurationError(f"{op.path} takes a corp access_token: use provider.corp()")
        kind = _KIND_OF[op.security]
        params = dict(call.params or {})

        def send() -> Effect:
            return lambda p: p.http.request(
                op.method, op.path, params=dict(params), json=call.json, files=call.files,
                headers=call.headers,
            )  # fmt: skip

        if kind is None:
            response = yield send()
        else:
            manager, name = self._tokens_of(kind), _ops.TOKEN_PARAMS[str(op.security)]
            params[name] = value = yield lambda p: manager.get()
            response = yield send()
            if _rejected(response):
                yield lambda p: manager.invalidate(value)
                params[name] = yield lambda p: manager.get()
                response = yield send()
        return response, _service_payload(response, self._secrets())

    def _request_flow(self, method: str, path: str, kw: ServiceRequest) -> Flow[dict[str, Any]]:
        auth, params, json = kw.get("auth", "suite"), kw.get("params"), kw.get("json")
        op = _ops.Operation("request", method, path, "request", auth=auth is not None,
                            security=_SCHEME_OF[auth])  # fmt: skip
        _response, payload = yield from self._call_flow(op, Call(params=params, json=json))
        return payload  # type: ignore[no-any-return]

    def _ticket_flow(self) -> Flow[str]:
        current = yield lambda p: p.store.get(self.suite.ticket_key)
        if current is None or not current.usable(self._clock()):
            raise _no_ticket(self.suite.suite_id)
        return str(current.value.reveal())

    def _set_ticket_flow(self, ticket: str, timestamp: float | None) -> Flow[bool]:
        if not isinstance(ticket, str) or not ticket:
            raise ConfigurationError("suite_ticket must be a non-empty string")
        token = _ticket_token(ticket, self._clock() if timestamp is None else timestamp)
        now, key = self._clock(), self.suite.ticket_key
        current = yield lambda p: p.store.get(key)
        if not token.usable(now) or (current is not None and current.expires_at > token.expires_at):
            return False
        yield lambda p: p.store.set(key, token, ttl=token.expires_at - now)
        return True

    def _suite_token_flow(self) -> Flow[tuple[str, float]]:
        ticket = yield from self._ticket_flow()
        suite = self.suite
        reply = yield lambda p: p.service.get_suite_token(
            suite_id=suite.suite_id, suite_secret=suite.suite_secret.reveal(), suite_ticket=ticket
        )
        return _token_pair(reply.suite_access_token, reply.expires_in, _ops.GET_SUITE_TOKEN)

    def _provider_token_flow(self) -> Flow[tuple[str, float]]:
        cred = self._provider_secret()
        reply = yield lambda p: p.service.get_provider_token(
            corpid=cred.corp_id, provider_secret=cred.provider_secret.reveal()
        )
        return _token_pair(reply.provider_access_token, reply.expires_in, _ops.GET_PROVIDER_TOKEN)

    def _corp_token_flow(self, corp_id: str) -> Flow[tuple[str, float]]:
        code = (yield from self._authorization_flow(corp_id)).permanent_code.reveal()
        if self.suite.kind == "custom":  # 代开发: the permanent code is the app's secret
            call = Call(params={"corpid": corp_id, "corpsecret": code})
            _response, payload = yield from self._call_flow(_ops.GET_TOKEN, call)
            return _token_pair(
                payload.get("access_token"), payload.get("expires_in"), _ops.GET_TOKEN
            )
        reply = yield lambda p: p.service.get_corp_token(auth_corpid=corp_id, permanent_code=code)
        return _token_pair(reply.access_token, reply.expires_in, _ops.GET_CORP_TOKEN)

    def _authorization_flow(self, corp_id: str) -> Flow[Authorization]:
        found = yield lambda p: p.codes.get(self.suite.suite_id, corp_id)
        return _usable(found, corp_id)

    def _install_flow(self, auth_code: str, v2: bool) -> Flow[Authorization]:
        op = _ops.GET_PERMANENT_CODE_V2 if v2 else _ops.GET_PERMANENT_CODE
        if v2:
            reply = yield lambda p: p.service.v2.get_permanent_code(auth_code=auth_code)
        else:
            reply = yield lambda p: p.service.get_permanent_code(auth_code=auth_code)
        authorization = _authorization_from(reply, op)
        yield lambda p: p.codes.save(self.suite.suite_id, authorization)
        yield from self._forget_flow(authorization.corp_id)
        first = self._first_token(reply)
        if first is not None:  # third-party apps get a first corp token with the code (v1)
            key = self.suite.corp_key(authorization.corp_id)
            yield lambda p: p.store.set(key, first[0], ttl=first[1])
        return authorization

    def _auth_info_flow(
        self, corp_id: str, v2: bool
    ) -> Flow[GetAuthInfoRespOk | GetAuthInfoV2RespOk]:
        code = (yield from self._authorization_flow(corp_id)).permanent_code.reveal()
        info: GetAuthInfoRespOk | GetAuthInfoV2RespOk
        if v2:
            info = yield lambda p: p.service.v2.get_auth_info(
                auth_corpid=corp_id, permanent_code=code
            )
        else:
            info = yield lambda p: p.service.get_auth_info(auth_corpid=corp_id, permanent_code=code)
        return info

    def _cancel_flow(self, corp_id: str) -> Flow[None]:
        yield lambda p: p.codes.cancel(self.suite.suite_id, corp_id)
        yield from self._forget_flow(corp_id)

    def _corp_ids_flow(self) -> Flow[list[str]]:
        return list((yield lambda p: p.codes.corp_ids(self.suite.suite_id)))

    def _forget_flow(self, corp_id: str) -> Flow[None]:
        """Drop the corp's cached token (compare-and-delete) and its client."""
        key = self.suite.corp_key(corp_id)
        cached = yield lambda p: p.store.get(key)
        if cached is not None:
            yield lambda p: p.store.delete_if(key, cached.value.reveal())
        with self._lock:
            client = self._corps.pop(corp_id, None)
        if client is not None:
            yield lambda p: client.close()  # its pool is the provider's: that stays open

    def _corp_flow(self, corp_id: str) -> Flow[C]:
        authorization = yield from self._authorization_flow(corp_id)
        with self._lock:
            client = self._corps.get(corp_id)
        if client is not None:
            return client
        tokens: Any = self.corp_tokens(corp_id)  # M is the manager kind C takes
        client = self._client_cls(
            credential=WeComCredential(corp_id, authorization.permanent_code),
            base_url=self.base_url,
            retry=self.retry,
            timeout=self.timeout,
            transport=self._borrowed_cls(self._transport),
            _tokens=tokens,
        )
        with self._lock:
            existing = self._corps.setdefault(corp_id, client)
        if existing is not client:
            yield lambda p: client.close()
        return existing

    def _take_clients(self) -> list[C]:
        """Every corp client, forgotten (closing the provider closes them)."""
        with self._lock:
            clients, self._corps = list(self._corps.values()), {}
        return clients

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.suite!r}, base_url={self.base_url!r})"


# --------------------------------------------------------------------------- the shells


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
    if inspect.iscoroutinefunction(getattr(store, "get", None)):
        return store  # type: ignore[return-value]
    return _SyncCodesAsAsync(store)  # type: ignore[arg-type]


def _as_given(store: T) -> T:
    return store


#: the store types each flavour takes (the async one also takes a non-blocking sync store)
_CodesArg: TypeAlias = PermanentCodeStore
_AsyncCodesArg: TypeAlias = PermanentCodeStore | AsyncPermanentCodeStore
#: how each flavour holds the stores it is given (the async one behind the async protocols)
_TokenStoreOf = _CodesOf = _as_given
_AsyncTokenStoreOf = as_async_store
_AsyncCodesOf = _async_codes


class AsyncProvider(_Core[AsyncTokenManager, AsyncKfClient], AsyncProviderResources, AsyncClosing):
    """A service provider's suite, serving every corp that authorised it. Safe to share between
    threads (tasks); its calls block or are coroutines, like those of the corp clients it hands
    out.

    ``token_store`` holds the suite_ticket and all tokens (share a
    :class:`~wxkefu_ext.tokens.AsyncRedisTokenStore` between processes); ``codes`` the permanent
    codes (the memory stores serve either flavour).
    ``transport`` replaces the one HTTP transport everything shares (the emulator's, a mock...).
    ``clock`` is the time the token and ticket lifetimes are measured with.
    """

    _manager_cls = AsyncTokenManager
    _client_cls = AsyncKfClient
    _borrowed_cls = _AsyncBorrowed
    _retry_cls = AsyncRetryTransport
    _http_cls = httpx.AsyncClient
    http: httpx.AsyncClient

    def __init__(
        self,
        suite: SuiteCredential,
        *,
        token_store: _AsyncStoreArg | None = None,
        codes: _AsyncCodesArg | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ProviderOptions],
    ) -> None:
        self._configure(suite, options)
        self.store: AsyncTokenStore = _AsyncTokenStoreOf(token_store or MemoryTokenStore())
        self.codes: AsyncPermanentCodeStore = _AsyncCodesOf(codes or MemoryPermanentCodeStore())
        self._open(transport or _AsyncDefaultTransport(proxy=options.get("proxy")))

    _drive = arun  # how the token managers' fetchers run their flows

    async def _call_operation(self, op: _ops.Operation, call: Call) -> tuple[httpx.Response, Any]:
        """The resource API's transport (``provider.service.*``)."""
        return await arun(self, self._call_flow(op, call))

    async def set_suite_ticket(self, ticket: str, *, timestamp: float | None = None) -> bool:
        """Store a pushed suite_ticket for every process (``timestamp``: its ``TimeStamp``).
        Returns False, keeping the stored one, when the push is older than the stored ticket or
        already expired."""
        return await arun(self, self._set_ticket_flow(ticket, timestamp))

    async def suite_ticket(self) -> str:
        """The latest stored suite_ticket, or :class:`SuiteTicketMissingError`."""
        return await arun(self, self._ticket_flow())

    async def suite_access_token(self) -> str:
        return await self.suite_tokens.get()

    async def provider_access_token(self) -> str:
        return await self._tokens_of("provider").get()

    async def corp_access_token(self, corp_id: str) -> str:
        return await self.corp_tokens(corp_id).get()

    async def request(self, method: str, path: str, **kw: Unpack[ServiceRequest]) -> dict[str, Any]:
        """A service call the spec does not have yet, carrying the ``auth`` kind's token
        (default: the suite's); returns the checked reply. A rejected token is dropped and the
        call replayed once."""
        return await arun(self, self._request_flow(method, path, kw))

    async def install(self, auth_code: str, *, v2: bool = False) -> Authorization:
        """Complete an installation: exchange the single-use ``auth_code`` (create_auth
        callback, install redirect, or reset_permanent_code) for the permanent code and store
        it. A previous token of the corp is dropped (the code changed). ``v2`` uses the faster
        ``service/v2/get_permanent_code`` (no first corp token, no agent id)."""
        return await arun(self, self._install_flow(auth_code, v2))

    async def authorization(self, corp_id: str) -> Authorization:
        """The corp's stored authorisation, or the typed reason it has none."""
        return await arun(self, self._authorization_flow(corp_id))

    async def get_auth_info(
        self, corp_id: str, *, v2: bool = False
    ) -> GetAuthInfoRespOk | GetAuthInfoV2RespOk:
        """``service/get_auth_info`` (or its v2) for an authorised corp, with the stored code."""
        return await arun(self, self._auth_info_flow(corp_id, v2))

    async def cancel(self, corp_id: str) -> None:
        """The corp cancelled (cancel_auth): tombstone its code first (so no process can fetch
        a new token), then drop its token, so that nothing more is sent for it."""
        await arun(self, self._cancel_flow(corp_id))

    async def corp_ids(self) -> list[str]:
        """The corps that currently authorise this suite."""
        return await arun(self, self._corp_ids_flow())

    async def corp(self, corp_id: str) -> AsyncKfClient:
        """The :class:`AsyncKfClient` calling the Kf API on behalf of ``corp_id`` (cached; shares
        the provider's pool and token store). Reads the permanent-code store every time, so it
        raises the typed error at once if the corp has not authorised the suite or cancelled
        (in any process)."""
        return await arun(self, self._corp_flow(corp_id))

    async def aclose(self) -> None:
        for client in self._take_clients():
            await client.aclose()
        await self.http.aclose()
        await self._transport.aclose()


# ---- sync twin of AsyncProvider, generated by `make gen`: edit that ----
class Provider(_Core[TokenManager, KfClient], ProviderResources, Closing):
    """A service provider's suite, serving every corp that authorised it. Safe to share between
    threads (tasks); its calls block or are coroutines, like those of the corp clients it hands
    out.

    ``token_store`` holds the suite_ticket and all tokens (share a
    :class:`~wxkefu_ext.tokens.RedisTokenStore` between processes); ``codes`` the permanent
    codes (the memory stores serve either flavour).
    ``transport`` replaces the one HTTP transport everything shares (the emulator's, a mock...).
    ``clock`` is the time the token and ticket lifetimes are measured with.
    """

    _manager_cls = TokenManager
    _client_cls = KfClient
    _borrowed_cls = _Borrowed
    _retry_cls = RetryTransport
    _http_cls = httpx.Client
    http: httpx.Client

    def __init__(
        self,
        suite: SuiteCredential,
        *,
        token_store: _StoreArg | None = None,
        codes: _CodesArg | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ProviderOptions],
    ) -> None:
        self._configure(suite, options)
        self.store: TokenStore = _TokenStoreOf(token_store or MemoryTokenStore())
        self.codes: PermanentCodeStore = _CodesOf(codes or MemoryPermanentCodeStore())
        self._open(transport or _DefaultTransport(proxy=options.get("proxy")))

    _drive = run  # how the token managers' fetchers run their flows

    def _call_operation(self, op: _ops.Operation, call: Call) -> tuple[httpx.Response, Any]:
        """The resource API's transport (``provider.service.*``)."""
        return run(self, self._call_flow(op, call))

    def set_suite_ticket(self, ticket: str, *, timestamp: float | None = None) -> bool:
        """Store a pushed suite_ticket for every process (``timestamp``: its ``TimeStamp``).
        Returns False, keeping the stored one, when the push is older than the stored ticket or
        already expired."""
        return run(self, self._set_ticket_flow(ticket, timestamp))

    def suite_ticket(self) -> str:
        """The latest stored suite_ticket, or :class:`SuiteTicketMissingError`."""
        return run(self, self._ticket_flow())

    def suite_access_token(self) -> str:
        return self.suite_tokens.get()

    def provider_access_token(self) -> str:
        return self._tokens_of("provider").get()

    def corp_access_token(self, corp_id: str) -> str:
        return self.corp_tokens(corp_id).get()

    def request(self, method: str, path: str, **kw: Unpack[ServiceRequest]) -> dict[str, Any]:
        """A service call the spec does not have yet, carrying the ``auth`` kind's token
        (default: the suite's); returns the checked reply. A rejected token is dropped and the
        call replayed once."""
        return run(self, self._request_flow(method, path, kw))

    def install(self, auth_code: str, *, v2: bool = False) -> Authorization:
        """Complete an installation: exchange the single-use ``auth_code`` (create_auth
        callback, install redirect, or reset_permanent_code) for the permanent code and store
        it. A previous token of the corp is dropped (the code changed). ``v2`` uses the faster
        ``service/v2/get_permanent_code`` (no first corp token, no agent id)."""
        return run(self, self._install_flow(auth_code, v2))

    def authorization(self, corp_id: str) -> Authorization:
        """The corp's stored authorisation, or the typed reason it has none."""
        return run(self, self._authorization_flow(corp_id))

    def get_auth_info(
        self, corp_id: str, *, v2: bool = False
    ) -> GetAuthInfoRespOk | GetAuthInfoV2RespOk:
        """``service/get_auth_info`` (or its v2) for an authorised corp, with the stored code."""
        return run(self, self._auth_info_flow(corp_id, v2))

    def cancel(self, corp_id: str) -> None:
        """The corp cancelled (cancel_auth): tombstone its code first (so no process can fetch
        a new token), then drop its token, so that nothing more is sent for it."""
        run(self, self._cancel_flow(corp_id))

    def corp_ids(self) -> list[str]:
        """The corps that currently authorise this suite."""
        return run(self, self._corp_ids_flow())

    def corp(self, corp_id: str) -> KfClient:
        """The :class:`KfClient` calling the Kf API on behalf of ``corp_id`` (cached; shares
        the provider's pool and token store). Reads the permanent-code store every time, so it
        raises the typed error at once if the corp has not authorised the suite or cancelled
        (in any process)."""
        return run(self, self._corp_flow(corp_id))

    def close(self) -> None:
        for client in self._take_clients():
            client.close()
        self.http.close()
        self._transport.close()


# ---- end of generated code ----
