"""wxkefu_ext.serving: the one uvicorn-in-a-thread helper."""

from __future__ import annotations

import socket
from typing import Any

import httpx
import pytest

from wxkefu_ext.serving import bind, serving, url_of


def test_bound_socket_says_tcp_so_asyncio_disables_nagle() -> None:
    """asyncio sets TCP_NODELAY on accepted connections only when the listening socket's proto
    is IPPROTO_TCP; with proto 0 every small reply waited ~40 ms for a delayed ACK (a 10x
    slowdown of every call to the served emulator, found by examples/bot.py under load)."""
    with bind("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
        assert url_of(sock).startswith("http://127.0.0.1:")


async def _hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"x-ok", b"1")]})
    await send({"type": "http.response.body", "body": b"hello"})


def test_serving_yields_a_url_that_answers_and_stops_after_the_block() -> None:
    with serving(_hello, lifespan="off") as url:
        reply = httpx.get(url + "/any", timeout=5)
        assert reply.status_code == 200 and reply.text == "hello"
    with pytest.raises(httpx.TransportError):
        httpx.get(url + "/any", timeout=1)


def test_a_port_in_use_is_an_error_at_once() -> None:
    with bind("127.0.0.1", 0) as taken, pytest.raises(OSError):
        bind("127.0.0.1", taken.getsockname()[1])
