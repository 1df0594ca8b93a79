"""httpx transports that reach the emulator without a socket.

* :class:`EmulatorTransport` (sync) calls the sans-IO core directly — no event loop, no thread,
  so it works from sync code running inside an event loop too, and costs microseconds.
* :class:`EmulatorAsyncTransport` is ``httpx.ASGITransport`` over :attr:`Emulator.app`.

They take the sans-IO ``handle`` callable / the ASGI app, not the emulator (no upward import).

Both honour injected faults the same way: delays sleep, dropped connections raise
:class:`httpx.RemoteProtocolError` (what a real dropped socket gives httpx).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from wxkefu_ext.emulator._http import Request, Response

__all__ = ["EmulatorAsyncTransport", "EmulatorTransport", "dropped"]


def dropped(request: httpx.Request | None = None) -> httpx.RemoteProtocolError:
    return httpx.RemoteProtocolError(
        "peer closed connection without sending complete message body (emulator fault: drop)",
        request=request,
    )


def to_request(request: httpx.Request, body: bytes) -> Request:
    query: dict[str, str] = {}
    for key, value in request.url.params.multi_items():
        query.setdefault(key, value)
    headers = {k.lower(): v for k, v in request.headers.items()}
    return Request(request.method, request.url.path, query, headers, body)


def to_httpx(response: Response, request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        response.status, headers=response.headers, content=response.body, request=request
    )


class EmulatorTransport(httpx.BaseTransport):
    """Sync in-process transport: ``httpx.Client(transport=emu.transport())``."""

    def __init__(self, handle: Callable[[Request], Response]) -> None:
        self._handle = handle

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._handle(to_request(request, request.read()))
        firing = response.firing
        if firing is not None:
            if firing.kind == "delay":
                time.sleep(firing.delay)
            elif firing.kind == "drop":
                raise dropped(request)
        return to_httpx(response, request)


class EmulatorAsyncTransport(httpx.ASGITransport):
    """Async in-process transport: ``httpx.ASGITransport(app=emu.app)`` (drops raise)."""

    def __init__(self, app: Any) -> None:
        super().__init__(app=app)
