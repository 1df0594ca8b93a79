"""The total time budget (wxkefu_ext.deadline) through public httpx/httpcore API only.

The hostile-server suite (test_hostile_replies.py) shows the default transports stop slow-loris
headers and bodies; these tests pin what changed when the private-attribute hook went away: a
transport the caller passes is never modified, the async budget holds for *any* transport, and
the client's own sync transport keeps httpx's behaviour (proxy, error types).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any

import httpcore
import httpx
import pytest
from fakes import CORP_ID, SECRET, TOKEN_REPLY, dribble, raw_server

from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.deadline import DeadlineTransport, within
from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, Emulator
from wxkefu_ext.errors import KfTransportError
from wxkefu_ext.retry import RetryPolicy

ONCE = RetryPolicy(max_attempts=1)


def _shape(obj: object, depth: int = 3) -> dict[str, Any]:
    """The network backends under a transport, by attribute path: a swapped (wrapped) backend
    shows as a different object or type. Found by type, so no private name is spelled here."""
    found: dict[str, Any] = {}

    def walk(node: object, path: str, level: int) -> None:
        for name, value in vars(node).items():
            where = f"{path}.{name}"
            if isinstance(value, httpcore.NetworkBackend | httpcore.AsyncNetworkBackend):
                found[where] = (id(value), type(value).__name__)
            elif level > 1 and hasattr(value, "__dict__"):
                walk(value, where, level - 1)

    walk(obj, "", depth)
    return found


def test_a_transport_the_caller_passes_is_never_modified() -> None:
    emu = Emulator()
    with emu.serve("127.0.0.1", 0) as base_url:
        sync_transport = httpx.HTTPTransport()
        before = _shape(sync_transport)
        with KfClient(
            DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, base_url=base_url, transport=sync_transport
        ) as kf:
            assert kf.request("POST", "/kf/account/list", json={})["errcode"] == 0
            assert _shape(sync_transport) == before and before  # found one, unchanged

        async_transport = httpx.AsyncHTTPTransport()
        before = _shape(async_transport)

        async def run() -> None:
            async with AsyncKfClient(
                DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, base_url=base_url, transport=async_transport
            ) as akf:
                assert (await akf.request("POST", "/kf/account/list", json={}))["errcode"] == 0
                assert _shape(async_transport) == before and before

        asyncio.run(run())


@pytest.mark.timeout(30)
def test_async_budget_bounds_slow_headers_of_any_transport() -> None:
    """asyncio.timeout around the send: no hook into the caller's transport is needed."""

    def behaviour(conn: socket.socket) -> None:
        dribble(conn, b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a", 30)

    async def run(base_url: str) -> None:
        async with AsyncKfClient(
            CORP_ID,
            SECRET,
            base_url=base_url,
            timeout=0.5,
            retry=ONCE,
            transport=httpx.AsyncHTTPTransport(),
        ) as akf:
            await akf.request("POST", "/kf/account/list", json={})

    with raw_server(behaviour) as base_url:
        t0 = time.monotonic()
        with pytest.raises(KfTransportError) as info:
            asyncio.run(run(base_url))
        took = time.monotonic() - t0
    assert took < 3 * 0.5 + 1.0, took
    assert "within the total budget" in str(info.value)
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)


def test_deadline_transport_goes_through_an_http_proxy() -> None:
    """``proxy=`` keeps working on the client's own transport (absolute-form request line)."""
    seen: list[bytes] = []

    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(5)

    def proxy() -> None:
        conn, _ = srv.accept()
        with conn:
            seen.append(conn.recv(65536).split(b"\r\n", 1)[0])
            body = b'{"errcode": 0, "errmsg": "ok"}'
            conn.sendall(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(body), body)
            )

    thread = threading.Thread(target=proxy, daemon=True)
    thread.start()
    port = srv.getsockname()[1]
    with httpx.Client(transport=DeadlineTransport(proxy=f"http://127.0.0.1:{port}")) as client:
        reply = client.get("http://kf.example.invalid/cgi-bin/kf/account/list?x=1")
    thread.join(5)
    srv.close()
    assert reply.json() == {"errcode": 0, "errmsg": "ok"}
    assert seen == [b"GET http://kf.example.invalid/cgi-bin/kf/account/list?x=1 HTTP/1.1"]


def test_deadline_transport_raises_httpx_errors() -> None:
    """httpcore's exceptions come out as the same-named httpx ones (the retry layer's input)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with (
        httpx.Client(transport=DeadlineTransport(), timeout=2) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.get(f"http://127.0.0.1:{port}/")


@pytest.mark.timeout(30)
def test_within_cuts_reads_to_the_budget_on_the_clients_own_transport() -> None:
    """A status line dribbled byte by byte: each read is fast, the total is not."""

    def behaviour(conn: socket.socket) -> None:
        dribble(conn, b"", b"H", 30)

    with (
        raw_server(behaviour, token_reply=TOKEN_REPLY) as base_url,
        httpx.Client(transport=DeadlineTransport(), timeout=0.5) as client,
    ):
        t0 = time.monotonic()
        with within(1.0), pytest.raises(httpx.ReadTimeout) as info:
            client.post(f"{base_url}/kf/account/list", json={})
        took = time.monotonic() - t0
    assert 0.9 < took < 2.0, took
    assert "within the total budget of 1.00s" in str(info.value)
