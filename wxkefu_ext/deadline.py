"""A total time budget per attempt, enforced on the socket — through public httpx/httpcore API only.

httpx times each socket read on its own, so a server that sends its *headers* (or status line)
one byte every half second never trips a read timeout and holds a call forever. The retry
transports give every attempt a budget (:func:`within`); who enforces it depends on who built
the transport:

* **the client built it** (no ``transport=`` passed): :class:`DeadlineTransport`, a small
  :class:`httpx.BaseTransport` over an ``httpcore.ConnectionPool`` whose network backend is
  :class:`DeadlineBackend` — the public ``network_backend=`` parameter httpcore documents for
  exactly this. Every socket read and write is cut to what is left of the budget, headers
  included.
* **async**: the retry transport bounds the whole send with ``asyncio.timeout`` (any async
  transport, no hook needed).
* **the caller passed a sync transport**: it is used as it is and never modified; its reads are
  bounded one by one by its own timeouts, and the retry transport bounds the *body* read between
  chunks. (Before, the pool of a caller's ``httpx.HTTPTransport`` was patched in place through
  private attributes — silently a no-op if httpx renamed them, and visible to every other user
  of that transport.)

httpcore is imported when the first :class:`DeadlineTransport` is built
(:mod:`wxkefu_ext._deadline_core`), not with this module: ``import httpx`` does not import it
either, and it doubled the client's cold import.

A budget that runs out raises ``httpcore.ReadTimeout`` / ``WriteTimeout`` inside the pool, which
:class:`DeadlineTransport` maps to the same-named ``httpx`` exception ("... within the total
budget of N s"), so the retry layer classifies it like any other timeout.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any

import httpx

from wxkefu_ext._budget import out_of_time, within

if TYPE_CHECKING:
    from wxkefu_ext._deadline_core import DeadlineBackend

__all__ = ["DeadlineBackend", "DeadlineTransport", "out_of_time", "within"]


def __getattr__(name: str) -> Any:
    """``DeadlineBackend`` is loaded on first use (it subclasses an httpcore class)."""
    if name == "DeadlineBackend":
        from wxkefu_ext import _deadline_core

        return _deadline_core.DeadlineBackend
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class DeadlineTransport(httpx.BaseTransport):
    """``httpx.HTTPTransport`` for the client's own use, with :class:`DeadlineBackend` under it.

    Same defaults as httpx's transport (verified TLS from ``httpx.create_ssl_context()``, HTTP/1.1,
    100 connections, 20 kept alive for 5 s); ``proxy`` is an ``http://``/``https://`` (or, with
    ``socksio`` installed, ``socks5://``) proxy URL.
    """

    def __init__(
        self,
        *,
        proxy: str | httpx.URL | httpx.Proxy | None = None,
        verify: ssl.SSLContext | str | bool = True,
        limits: httpx.Limits | None = None,
    ) -> None:
        from wxkefu_ext import _deadline_core

        limits = limits or httpx.Limits(
            max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0
        )
        self._handle = _deadline_core.handle
        self._connections = _deadline_core.connection_pool(proxy, verify, limits)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._handle(self._connections, request)

    def close(self) -> None:
        self._connections.close()
