"""The httpcore side of :mod:`wxkefu_ext.deadline`: the deadline network backend, the pool
and the exception mapping. Imported when the first :class:`~wxkefu_ext.deadline.DeadlineTransport`
is built, not with the client: ``import httpx`` does not import httpcore either (it costs as
much again at start-up, more with trio/anyio installed), so the client's import stays close
to httpx's own.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable, Iterator
from typing import Any, Final

import httpcore
import httpx

from wxkefu_ext._budget import DEADLINE, out_of_time


def _timeout(write: bool) -> httpcore.TimeoutException:
    budget = (DEADLINE.get() or (0.0, 0.0))[1]
    message = out_of_time(budget, write=write)
    return httpcore.WriteTimeout(message) if write else httpcore.ReadTimeout(message)


def _bounded(timeout: float | None, *, write: bool = False) -> float | None:
    """``timeout`` lowered to what is left of the attempt's deadline (raise when none is left)."""
    current = DEADLINE.get()
    if current is None:
        return timeout
    left = current[0] - time.monotonic()
    if left <= 0:
        raise _timeout(write)
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        bounded = _bounded(timeout)
        try:
            return self.inner.read(max_bytes, bounded)
        except httpcore.ReadTimeout:
            if bounded == timeout:
                raise
            raise _timeout(False) from None  # the deadline, not the per-read timeout

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        bounded = _bounded(timeout, write=True)
        try:
            self.inner.write(buffer, bounded)
        except httpcore.WriteTimeout:
            if bounded == timeout:
                raise
            raise _timeout(True) from None

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


_SocketOptions = (
    Iterable[tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]]
    | None
)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend with every read/write timeout cut to the attempt's deadline."""

    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self.inner = inner if inner is not None else httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: _SocketOptions = None,
    ) -> httpcore.NetworkStream:
        stream = self.inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: _SocketOptions = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


# httpcore exception → the httpx exception of the same meaning (most specific first).
_EXCEPTIONS: Final[tuple[tuple[type[Exception], type[httpx.TransportError]], ...]] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


class _mapped:
    """httpcore's exceptions raised in the block become httpx's (a slotted class, not a
    ``@contextmanager`` generator: it wraps every call and every body read)."""

    __slots__ = ("_request",)

    def __init__(self, request: httpx.Request | None) -> None:
        self._request = request

    def __enter__(self) -> None:
        return None

    def __exit__(self, et: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        if exc is None or not isinstance(exc, Exception):
            return
        for core, public in _EXCEPTIONS:
            if isinstance(exc, core):
                raise public(str(exc), request=self._request) from exc


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, inner: Iterable[bytes], request: httpx.Request) -> None:
        self._inner = inner
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        with _mapped(self._request):
            yield from self._inner

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            with _mapped(self._request):
                close()


def connection_pool(
    proxy: str | httpx.URL | httpx.Proxy | None,
    verify: ssl.SSLContext | str | bool,
    limits: httpx.Limits,
) -> httpcore.ConnectionPool:
    """httpx.HTTPTransport's pool, with :class:`DeadlineBackend` under it."""
    core_proxy: httpcore.Proxy | None = None
    if proxy is not None:
        proxy = proxy if isinstance(proxy, httpx.Proxy) else httpx.Proxy(proxy)
        core_proxy = httpcore.Proxy(url=str(proxy.url), auth=proxy.auth, headers=proxy.headers.raw)
    return httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(verify=verify),
        proxy=core_proxy,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=DeadlineBackend(),
    )


def handle(pool: httpcore.ConnectionPool, request: httpx.Request) -> httpx.Response:
    """Send ``request`` through ``pool``; httpcore's exceptions become httpx's."""
    if not isinstance(request.stream, httpx.SyncByteStream):
        raise TypeError("DeadlineTransport needs a sync request body")
    core = httpcore.Request(
        method=request.method,
        url=httpcore.URL(
            scheme=request.url.raw_scheme,
            host=request.url.raw_host,
            port=request.url.port,
            target=request.url.raw_path,
        ),
        headers=request.headers.raw,
        content=request.stream,
        extensions=request.extensions,
    )
    with _mapped(request):
        response = pool.handle_request(core)
    if not isinstance(response.stream, Iterable):  # pragma: no cover - httpcore contract
        raise TypeError("httpcore returned a non-iterable stream")
    return httpx.Response(
        status_code=response.status,
        headers=response.headers,
        stream=_ResponseStream(response.stream, request),
        extensions=response.extensions,
    )
