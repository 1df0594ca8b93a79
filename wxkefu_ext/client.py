"""KfClient and AsyncKfClient: one configured connection pool for every Kf call.

A client owns one httpx pool whose stack is ``KfAuth`` (token, msgid, errcode → exceptions)
over ``RetryTransport`` (transient failures) over the real transport (HTTP, or whatever the caller
passes: ``httpx.MockTransport``, the emulator's in-process transport...). The ways in, all
through that stack:

* the resource API, generated from the spec: ``kf.account.list(limit=100)``,
  ``kf.send_msg(...)``, ``kf.with_raw_response.account.list(...)`` — typed keyword arguments,
  typed results (the success-guaranteed fields present), pages that iterate (see
  :mod:`wxkefu_client.resources` and the README's method table);
* ``kf.client`` — the generated, typed :class:`wxkefu_client.Client`; call any generated operation
  module with ``client=kf.client``;
* ``kf.request(method, path, json=...)`` — the escape hatch for an endpoint the spec does not
  have yet: the low-level JSON call, returning the reply ``dict``;
* ``kf.with_streaming_response.media.get(media_id=...)`` — a binary operation as a context
  manager giving the ``httpx.Response`` with its body unread (media downloads use it);
* ``kf.http`` — the raw ``httpx.Client``, for anything else.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from typing import Any, ClassVar, Final, Generic, NamedTuple, Self, TypeAlias, TypeVar

import httpx

from wxkefu_client._operations import SEND_PATHS, Operation
from wxkefu_client.resources import AsyncResources, Resources
from wxkefu_client.resources._base import Call
from wxkefu_ext._closing import AsyncClosing, Closing
from wxkefu_ext._redact import Secret, redact_text
from wxkefu_ext.auth import (
    MSGID_EXTENSION,
    TOKEN_EXTENSION,
    KfAuth,
    query_secrets,
    scrub,
)
from wxkefu_ext.credentials import Credential, WeComCredential, require_kf_capable
from wxkefu_ext.deadline import DeadlineTransport
from wxkefu_ext.errors import ConfigurationError, KfApiError, KfResponseError, KfTransportError
from wxkefu_ext.msgid import new_msgid
from wxkefu_ext.replies import cached_json
from wxkefu_ext.retry import AsyncRetryTransport, RetryPolicy, RetryTransport
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
            timeout = float(environ[_ENV_TIMEOUT])
        except ValueError:
            timeout = float("nan")
        if not timeout > 0 or timeout == float("inf"):
            raise ConfigurationError(f"{_ENV_TIMEOUT} must be a positive number of seconds")
        settings["timeout"] = timeout
    return settings


_WX_CORPID_HINT: Final = (
    "the corp id starts with 'wx', like an Official Account / Mini Program appid; Kf needs the "
    "WeCom corp id (usually 'ww...', admin console > My Company) and the Kf secret"
)


def _token_reply(response: httpx.Response, path: str) -> tuple[str, float]:
    payload = cached_json(response) if "json" in response.headers.get("content-type", "") else None
    if not isinstance(payload, dict):
        raise KfResponseError(
            "token endpoint did not answer with JSON", status=response.status_code, path=path,
            body=response.content[:512], content_type=response.headers.get("content-type"),
            secrets=query_secrets(response.request),
        )  # fmt: skip
    from wxkefu_ext.errors import raise_for_errcode

    if "errcode" in payload or "access_token" not in payload:  # OA replies omit errcode on success
        try:
            raise_for_errcode(scrub(payload, response.request), path=path)
        except KfApiError as exc:
            corpid = response.request.url.params.get("corpid", "")
            if exc.errcode == 40013 and corpid.startswith("wx"):  # the seed's most asked question
                raise type(exc)(exc.errcode, exc.errmsg, hint=_WX_CORPID_HINT, path=path) from None
            raise
    token, expires_in = payload.get("access_token"), payload.get("expires_in", 7200)
    if not isinstance(token, str) or not token or isinstance(expires_in, bool):
        raise KfResponseError("token reply lacks a usable access_token", path=path)
    if not isinstance(expires_in, int | float) or expires_in <= 0:
        raise KfResponseError("token reply has no positive expires_in", path=path)
    return token, float(expires_in)


class _RedactQuerySecrets(logging.Filter):
    """httpx logs every request URL at INFO — with ``access_token=`` / ``corpsecret=`` in it.

    Installed once on the ``httpx`` logger when this module is imported, so those lines keep
    their use (method, path, status) without the secrets.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(
                redact_text(str(a)) if isinstance(a, httpx.URL | str) else a for a in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = redact_text(record.msg)
        return True


def _install_log_filter() -> None:
    # httpx logs under its module name: "httpx", or "httpx2" when httpx2.alias_httpx() is used
    logger = logging.getLogger(httpx.__name__)
    if not any(isinstance(f, _RedactQuerySecrets) for f in logger.filters):
        logger.addFilter(_RedactQuerySecrets())


_install_log_filter()


class _AsyncBorrowed(httpx.AsyncBaseTransport):
    """A transport shared with the client that created it: closing a copy leaves it open."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.inner.handle_async_request(request)


# ---- sync twin of _AsyncBorrowed, generated by `make gen`: edit that ----
class _Borrowed(httpx.BaseTransport):
    """A transport shared with the client that created it: closing a copy leaves it open."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)


# ---- end of generated code ----


def _prepared(send: bool, json: Any, token: str) -> tuple[Any, dict[str, Any]]:
    """Give a send's body a msgid while it is still a plain value, and tell the auth layer
    the token is in the URL already, so it need not re-parse the URL nor decode and re-encode
    the body."""
    extensions: dict[str, Any] = {TOKEN_EXTENSION: token}
    if send and isinstance(json, dict):
        msgid = json.get("msgid")
        if not msgid:
            msgid = new_msgid()
            json = {**json, "msgid": msgid}
        extensions[MSGID_EXTENSION] = msgid
    return json, extensions


_TransportT = TypeVar("_TransportT", httpx.BaseTransport, httpx.AsyncBaseTransport)
_ManagerT = TypeVar("_ManagerT", TokenManager, AsyncTokenManager)
_StoreT = TypeVar("_StoreT", TokenStore, "TokenStore | AsyncTokenStore")
#: the token stores each client takes (an async client also takes a sync store)
_StoreArg: TypeAlias = TokenStore
_AsyncStoreArg: TypeAlias = "TokenStore | AsyncTokenStore"
#: the transport each client sends through unless given one
_DefaultTransport = DeadlineTransport
_AsyncDefaultTransport = httpx.AsyncHTTPTransport


class _Flavour(NamedTuple):
    """What differs between the clients' stacks: token manager, httpx client, retry layer,
    the wrapper that lends a transport to a copy, and the default transport."""

    manager: type[Any]
    http: type[Any]
    retry: type[Any]
    borrowed: type[Any]
    transport: type[Any]


class _Base(Generic[_TransportT, _ManagerT, _StoreT]):
    """Everything both clients decide, once: configuration, the stack (``KfAuth`` over the
    retry layer over the transport), copies, and what a call sends. The flavours add only the
    calls themselves, which block or await."""

    _flavour: ClassVar[_Flavour]
    http: Any

    def __init__(
        self,
        corp_id: str | None = None,
        corp_secret: str | Secret | None = None,
        *,
        credential: Credential | None = None,
        base_url: str = DEFAULT_BASE_URL,
        token_store: _StoreT | None = None,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        transport: _TransportT | None = None,
        proxy: str | None = None,
        _tokens: _ManagerT | None = None,
    ) -> None:
        from wxkefu_client import Client

        self.credential = _credential(corp_id, corp_secret, credential)
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.timeout = _timeout(timeout)
        store = token_store or MemoryTokenStore()
        self.tokens: _ManagerT = _tokens or self._flavour.manager(
            self.credential.cache_key, store, self._fetch_token
        )
        self._transport: _TransportT = transport or self._flavour.transport(proxy=proxy)
        self.http = self._flavour.http(
            base_url=self.base_url,
            auth=KfAuth(self.credential, self.tokens),
            transport=self._flavour.retry(self._transport, self.retry),
            timeout=self.timeout,
        )
        self.client = Client(base_url=self.base_url)
        #: per operation path: (token, its URL with the token, without); see _op_request
        self._urls: dict[str, tuple[str, httpx.URL, httpx.URL]] = {}
        if isinstance(self.http, httpx.Client):
            self.client.set_httpx_client(self.http)
        else:
            self.client.set_async_httpx_client(self.http)

    def _fetch_token(self) -> Any:
        raise NotImplementedError

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **kwargs: Any) -> Self:
        """Configure from ``WXKF_CORP_ID``, ``WXKF_APP_SECRET``, ``WXKF_BASE_URL``,
        ``WXKF_TIMEOUT``; keyword arguments override them."""
        return cls(**{**_env_settings(os.environ if environ is None else environ), **kwargs})

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, retry: RetryPolicy | None = None
    ) -> Self:
        """A copy with another timeout / retry policy sharing this client's connection pool and
        token manager. Closing the copy leaves the pool open; closing this client closes it."""
        return type(self)(
            credential=self.credential,
            base_url=self.base_url,
            retry=retry or self.retry,
            timeout=self.timeout if timeout is None else timeout,
            transport=self._flavour.borrowed(self._transport),
            _tokens=self.tokens,
        )

    def _token_call(self, call: Call) -> dict[str, Any]:
        """``kf.gettoken()``: the credential's own token request (no access_token), with any
        parameter the caller gave instead."""
        _url, params = self.credential.token_request()
        return {"params": {**params, **(call.params or {})}, "auth": None}

    def _authed(self, send: bool, params: Any, json: Any, token: str) -> Any:
        """The keyword arguments of an authenticated ``http.request`` (see :func:`_prepared`)."""
        json, extensions = _prepared(send, json, token)
        query = {**params, "access_token": token} if params else {"access_token": token}
        return {"params": query, "json": json, "extensions": extensions}

    def _op_request(self, op: Operation, call: Call, token: str) -> tuple[httpx.URL, Any]:
        """The absolute URL and keyword arguments of one generated operation.

        Building an ``httpx.URL`` parses and validates the whole string character by
        character, token included: the largest single cost a call added to a raw httpx call
        (which builds one). So the URL is kept per operation — with the token in its query
        until the token changes; httpx takes an absolute ``URL`` as it is. A call with
        parameters of its own sends them with the token on the bare URL instead (httpx
        replaces, not merges, a URL's query when ``params`` are given)."""
        cached = self._urls.get(op.path)
        if cached is None or cached[0] != token:
            bare = httpx.URL(self.base_url + op.path)
            cached = (token, bare.copy_merge_params({"access_token": token}), bare)
            self._urls[op.path] = cached
        json, extensions = _prepared(op.send, call.json, token)
        if call.params:
            url, params = cached[2], {**call.params, "access_token": token}
        else:
            url, params = cached[1], None
        return url, {
            "params": params, "json": json, "files": call.files, "headers": call.headers,
            "extensions": extensions,
        }  # fmt: skip

    def _check(self) -> None:
        require_kf_capable(self.credential)  # before fetching any token

    def _operation_error(self, op: Operation, message: str) -> Exception:
        return KfResponseError(message, path=op.path)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.credential!r}, base_url={self.base_url!r})"


def _operation_result(op: Operation, response: httpx.Response) -> tuple[httpx.Response, Any]:
    return response, None if op.binary else _payload(response, op.path)


def _token_result(op: Operation, response: httpx.Response) -> tuple[httpx.Response, Any]:
    _token_reply(response, op.path)
    return response, cached_json(response)


class AsyncKfClient(
    _Base[httpx.AsyncBaseTransport, AsyncTokenManager, _AsyncStoreArg],
    AsyncResources,
    AsyncClosing,
):
    """A Kf client; ``kf.client`` serves the generated client's calls of the same kind (blocking
    or asyncio). Safe to share between threads (tasks); close it (or use ``async with``) to
    release the pool.

    ``transport`` replaces the HTTP transport under the retry layer (``httpx.MockTransport``,
    ``httpx.WSGITransport``, the emulator's...) and is used unchanged; ``proxy`` is passed to the
    default one. KfClient's default, :class:`~wxkefu_ext.deadline.DeadlineTransport`, also holds
    slow *headers* to the total budget (a transport you pass bounds them per read only).
    """

    _flavour = _Flavour(
        AsyncTokenManager, httpx.AsyncClient, AsyncRetryTransport, _AsyncBorrowed,
        _AsyncDefaultTransport
    )  # fmt: skip
    http: httpx.AsyncClient

    async def _fetch_token(self) -> tuple[str, float]:
        url, params = self.credential.token_request()
        return _token_reply(await self.http.get(url, params=params, auth=None), url)

    async def access_token(self) -> str:
        """A valid access_token (cached; fetched once per expiry across the token store)."""
        return await self.tokens.get()

    async def request(
        self, method: str, path: str, *, params: Mapping[str, Any] | None = None, json: Any = None
    ) -> dict[str, Any]:
        """Call ``path`` (relative to the base URL) and return the checked JSON reply.

        Raises a :class:`~wxkefu_ext.errors.KfApiError` subclass for ``errcode != 0``,
        :class:`~wxkefu_ext.errors.KfResponseError` for a reply that is not a JSON object and
        :class:`~wxkefu_ext.errors.KfTransportError` when no reply came (after retries).
        """
        self._check()
        kwargs = self._authed(_is_send(path), params, json, await self.tokens.get())
        return _payload(await self.http.request(method, path, **kwargs), path)

    async def _call_operation(self, op: Operation, call: Call) -> tuple[httpx.Response, Any]:
        """The resource API's transport: one generated operation through the client's stack."""
        if not op.auth:
            reply = await self.http.request(op.method, op.path, **self._token_call(call))
            return _token_result(op, reply)
        self._check()
        url, kwargs = self._op_request(op, call, await self.tokens.get())
        return _operation_result(op, await self.http.request(op.method, url, **kwargs))

    @asynccontextmanager
    async def _stream_operation(self, op: Operation, call: Call) -> AsyncIterator[httpx.Response]:
        """``kf.with_streaming_response``: the reply with its body unread, through the same
        stack (the retry layer reads a JSON reply, so the auth layer has raised for its
        errcode before the block is entered). A connection lost while the block reads the
        body leaves it as :class:`~wxkefu_ext.errors.KfTransportError` (see
        :func:`_body_cut`); code that resumes catches the ``httpx`` error inside the block."""
        self._check()
        url, kwargs = self._op_request(op, call, await self.tokens.get())
        async with self.http.stream(op.method, url, **kwargs) as response:
            try:
                yield response
            except httpx.TransportError as exc:
                raise _body_cut(exc, op) from exc

    async def aclose(self) -> None:
        await self.http.aclose()


# ---- sync twin of AsyncKfClient, generated by `make gen`: edit that ----
class KfClient(
    _Base[httpx.BaseTransport, TokenManager, _StoreArg],
    Resources,
    Closing,
):
    """A Kf client; ``kf.client`` serves the generated client's calls of the same kind (blocking
    or asyncio). Safe to share between threads (tasks); close it (or use ``with``) to
    release the pool.

    ``transport`` replaces the HTTP transport under the retry layer (``httpx.MockTransport``,
    ``httpx.WSGITransport``, the emulator's...) and is used unchanged; ``proxy`` is passed to the
    default one. KfClient's default, :class:`~wxkefu_ext.deadline.DeadlineTransport`, also holds
    slow *headers* to the total budget (a transport you pass bounds them per read only).
    """

    _flavour = _Flavour(
        TokenManager, httpx.Client, RetryTransport, _Borrowed,
        _DefaultTransport
    )  # fmt: skip
    http: httpx.Client

    def _fetch_token(self) -> tuple[str, float]:
        url, params = self.credential.token_request()
        return _token_reply(self.http.get(url, params=params, auth=None), url)

    def access_token(self) -> str:
        """A valid access_token (cached; fetched once per expiry across the token store)."""
        return self.tokens.get()

    def request(
        self, method: str, path: str, *, params: Mapping[str, Any] | None = None, json: Any = None
    ) -> dict[str, Any]:
        """Call ``path`` (relative to the base URL) and return the checked JSON reply.

        Raises a :class:`~wxkefu_ext.errors.KfApiError` subclass for ``errcode != 0``,
        :class:`~wxkefu_ext.errors.KfResponseError` for a reply that is not a JSON object and
        :class:`~wxkefu_ext.errors.KfTransportError` when no reply came (after retries).
        """
        self._check()
        kwargs = self._authed(_is_send(path), params, json, self.tokens.get())
        return _payload(self.http.request(method, path, **kwargs), path)

    def _call_operation(self, op: Operation, call: Call) -> tuple[httpx.Response, Any]:
        """The resource API's transport: one generated operation through the client's stack."""
        if not op.auth:
            reply = self.http.request(op.method, op.path, **self._token_call(call))
            return _token_result(op, reply)
        self._check()
        url, kwargs = self._op_request(op, call, self.tokens.get())
        return _operation_result(op, self.http.request(op.method, url, **kwargs))

    @contextmanager
    def _stream_operation(self, op: Operation, call: Call) -> Iterator[httpx.Response]:
        """``kf.with_streaming_response``: the reply with its body unread, through the same
        stack (the retry layer reads a JSON reply, so the auth layer has raised for its
        errcode before the block is entered). A connection lost while the block reads the
        body leaves it as :class:`~wxkefu_ext.errors.KfTransportError` (see
        :func:`_body_cut`); code that resumes catches the ``httpx`` error inside the block."""
        self._check()
        url, kwargs = self._op_request(op, call, self.tokens.get())
        with self.http.stream(op.method, url, **kwargs) as response:
            try:
                yield response
            except httpx.TransportError as exc:
                raise _body_cut(exc, op) from exc

    def close(self) -> None:
        self.http.close()


# ---- end of generated code ----


def _body_cut(exc: httpx.TransportError, op: Operation) -> KfTransportError:
    """A streamed body lost mid-way: not retried here (the bytes already handed out cannot be
    taken back; ``media.download_to`` resumes with ``Range`` instead)."""
    return KfTransportError(f"{type(exc).__name__} while reading the body: {exc}", path=op.path)


def _is_send(path: str) -> bool:
    return path.endswith(SEND_PATHS)


def _payload(response: httpx.Response, path: str) -> dict[str, Any]:
    payload = cached_json(response)
    if not isinstance(payload, dict):  # the auth check already refused non-JSON replies
        raise KfResponseError("reply is not a JSON object", status=response.status_code, path=path)
    return payload
