"""Hostile replies (issue 8 item 2): whatever WeCom, a proxy or a broken network sends back, the
caller gets a typed error (KfResponseError / KfTransportError) in bounded time — never a hang,
never a raw JSONDecodeError / httpx exception, never a gigantic body read into memory.

Every case runs through the sync and the async client. Mock transports for what the bytes say;
real local sockets for what the timing does (stalls, dribbles, cuts).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from fakes import Behaviour, dribble
from fakes import raw_server as _raw_server

from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.errors import KfError, KfResponseError, KfTransportError
from wxkefu_ext.replies import MAX_JSON_BYTES, MAX_PREVIEW_BYTES
from wxkefu_ext.retry import RetryPolicy

CORP_ID = "ww00hostile0000"
SECRET = "hostile-replies-secret-0123456789abcdef"
TOKEN = "hostile-token-abcdefghijklmnopqrstuvwxyz"
ONCE = RetryPolicy(max_attempts=1)
TOKEN_REPLY = {"errcode": 0, "errmsg": "ok", "access_token": TOKEN, "expires_in": 7200}

Mode = str  # "sync" | "async"
MODES = ["sync", "async"]


def call(
    mode: Mode,
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    *,
    base_url: str = "https://qyapi.weixin.qq.com/cgi-bin",
    timeout: float = 5.0,
    retry: RetryPolicy = ONCE,
    path: str = "/kf/account/list",
    token: bool = False,
) -> Any:
    """One Kf call (or only the token fetch) in ``mode``; returns its result or raises."""
    if mode == "sync":
        kw: dict[str, Any] = {"base_url": base_url, "timeout": timeout, "retry": retry}
        with KfClient(CORP_ID, SECRET, transport=transport, **kw) as kf:  # type: ignore[arg-type]
            return kf.access_token() if token else kf.request("POST", path, json={})

    async def run() -> Any:
        kw: dict[str, Any] = {"base_url": base_url, "timeout": timeout, "retry": retry}
        async with AsyncKfClient(CORP_ID, SECRET, transport=transport, **kw) as kf:  # type: ignore[arg-type]
            if token:
                return await kf.access_token()
            return await kf.request("POST", path, json={})

    return asyncio.run(run())


def mock(reply: Callable[[], httpx.Response], *, on_token: bool = False) -> httpx.MockTransport:
    """Serve a good token and ``reply()`` for the call (or ``reply()`` for gettoken itself)."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken") and not on_token:
            return httpx.Response(200, json=TOKEN_REPLY)
        return reply()

    return httpx.MockTransport(handler)


def _resp(status: int, body: bytes, ctype: str | None) -> Callable[[], httpx.Response]:
    headers = {"content-type": ctype} if ctype else {}
    return lambda: httpx.Response(status, content=body, headers=headers)


HTML = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
JSON_T = "application/json; charset=utf-8"
CASES: dict[str, tuple[Callable[[], httpx.Response], str]] = {
    "truncated JSON": (_resp(200, b'{"errcode": 0, "errmsg": "o', JSON_T), "not valid JSON"),
    "empty JSON body": (_resp(200, b"", JSON_T), "not valid JSON"),
    "HTML error page 502": (_resp(502, HTML, "text/html"), "expected a JSON reply"),
    "HTML page with 200": (_resp(200, HTML, "text/html; charset=utf-8"), "expected a JSON reply"),
    "JSON as text/plain": (_resp(200, b'{"errcode": 0}', "text/plain"), "expected a JSON reply"),
    "no content type": (_resp(200, b'{"errcode": 0}', None), "expected a JSON reply"),
    "missing errcode": (_resp(200, b'{"errmsg": "ok", "x": 1}', JSON_T), "no errcode"),
    "errcode not an int": (_resp(200, b'{"errcode": "0"}', JSON_T), "not an integer"),
    "errcode a bool": (_resp(200, b'{"errcode": false}', JSON_T), "not an integer"),
    "JSON array": (_resp(200, b"[1, 2, 3]", JSON_T), "JSON list"),
    "JSON string": (_resp(200, b'"ok"', JSON_T), "JSON str"),
    "JSON null": (_resp(200, b"null", JSON_T), "not"),
    "JSON number": (_resp(200, b"0", JSON_T), "JSON int"),
    "not UTF-8": (_resp(200, b'{"errcode": 0, "errmsg": "\xff\xfe"}', JSON_T), "not valid JSON"),
    "NaN garbage": (_resp(200, b"{errcode: 0}", JSON_T), "not valid JSON"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", list(CASES))
def test_malformed_reply_is_a_kf_response_error(case: str, mode: Mode) -> None:
    reply, words = CASES[case]
    with pytest.raises(KfResponseError) as info:
        call(mode, mock(reply))
    text = str(info.value)
    assert words in text
    assert "/kf/account/list" in text
    assert TOKEN not in text + repr(info.value) and SECRET not in text


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "case", ["truncated JSON", "HTML error page 502", "HTML page with 200", "JSON array"]
)
def test_malformed_token_reply_is_a_kf_response_error(case: str, mode: Mode) -> None:
    with pytest.raises(KfResponseError) as info:
        call(mode, mock(CASES[case][0], on_token=True), token=True)
    assert SECRET not in str(info.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "body",
    [{"errcode": 0, "errmsg": "ok"}, {"errcode": 0, "access_token": "", "expires_in": 7200},
     {"access_token": TOKEN, "expires_in": "7200"}, {"access_token": TOKEN, "expires_in": -5},
     {"access_token": 12345, "expires_in": 7200}],
)  # fmt: skip
def test_token_reply_without_a_usable_token_is_typed(body: dict[str, Any], mode: Mode) -> None:
    with pytest.raises(KfResponseError):
        call(mode, mock(lambda: httpx.Response(200, json=body), on_token=True), token=True)


@pytest.mark.parametrize("mode", MODES)
def test_html_page_through_the_generated_client_is_typed(mode: Mode) -> None:
    from wxkefu_client.api.account import account_list
    from wxkefu_client.models.account_list_req import AccountListReq

    transport = mock(CASES["HTML page with 200"][0])
    if mode == "sync":
        kf = KfClient(CORP_ID, SECRET, transport=transport, retry=ONCE)
        with kf, pytest.raises(KfResponseError):
            account_list.sync(client=kf.client, body=AccountListReq())
        return

    async def run() -> None:
        async with AsyncKfClient(CORP_ID, SECRET, transport=transport, retry=ONCE) as kf:
            await account_list.asyncio(client=kf.client, body=AccountListReq())

    with pytest.raises(KfResponseError):
        asyncio.run(run())


@pytest.mark.parametrize("mode", MODES)
def test_html_502_after_retries_is_still_typed(mode: Mode) -> None:
    calls: list[int] = []

    def reply() -> httpx.Response:
        calls.append(1)
        return httpx.Response(502, content=HTML, headers={"content-type": "text/html"})

    retry = RetryPolicy(max_attempts=3, sleep=lambda s: None, async_sleep=_no_sleep)
    with pytest.raises(KfResponseError) as info:
        call(mode, mock(reply), retry=retry)
    assert len(calls) == 3
    assert info.value.status == 502
    assert "502 Bad Gateway" in info.value.body_preview


async def _no_sleep(seconds: float) -> None:
    return None


# ---------------------------------------------------------------------------------------------
# Gigantic bodies: refused or previewed without being read whole
# ---------------------------------------------------------------------------------------------


class Endless(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that never ends; counts what was pulled from it."""

    def __init__(self, chunk: bytes = b"x" * 65536) -> None:
        self.chunk = chunk
        self.pulled = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        while True:
            self.pulled += len(self.chunk)
            yield self.chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            self.pulled += len(self.chunk)
            yield self.chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


@pytest.mark.parametrize("mode", MODES)
def test_declared_gigantic_json_is_refused_without_reading_it(mode: Mode) -> None:
    body = Endless(b'{"errcode": 0, "pad": "' + b"x" * 65536)
    headers = {"content-type": JSON_T, "content-length": str(10 * MAX_JSON_BYTES)}
    t0 = time.monotonic()
    with pytest.raises(KfResponseError, match="refused") as info:
        call(mode, mock(lambda: httpx.Response(200, headers=headers, stream=body)))
    assert body.pulled == 0 and body.closed
    assert time.monotonic() - t0 < 2
    assert str(10 * MAX_JSON_BYTES) in str(info.value)


@pytest.mark.parametrize("mode", MODES)
def test_gigantic_chunked_json_is_cut_at_the_cap(mode: Mode) -> None:
    """No content-length to refuse it by: the read stops at the cap, then a typed error."""
    body = Endless(b"a" * (1024 * 1024))
    with pytest.raises(KfResponseError, match="refused"):
        call(mode, mock(lambda: httpx.Response(200, headers={"content-type": JSON_T}, stream=body)))
    assert body.pulled <= MAX_JSON_BYTES + 2 * 1024 * 1024 and body.closed


class _Raw(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Bytes handed over as they are (httpx decodes ``content=`` eagerly, a stream lazily)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def __iter__(self) -> Iterator[bytes]:
        yield self.raw

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.raw


@pytest.mark.parametrize("mode", MODES)
def test_gzip_json_is_decoded_once_and_bad_gzip_is_a_typed_error(mode: Mode) -> None:
    import gzip

    headers = {"content-type": JSON_T, "content-encoding": "gzip"}
    good = gzip.compress(b'{"errcode": 0, "errmsg": "ok", "n": 7}')
    reply = call(mode, mock(lambda: httpx.Response(200, headers=headers, stream=_Raw(good))))
    assert reply["n"] == 7
    with pytest.raises(KfResponseError):
        call(mode, mock(lambda: httpx.Response(200, headers=headers, stream=_Raw(b"\x1f\x8bnot"))))


@pytest.mark.parametrize("mode", MODES)
def test_endless_html_page_is_previewed_not_read(mode: Mode) -> None:
    body = Endless(b"<p>" + b"x" * 4093)
    reply = lambda: httpx.Response(503, headers={"content-type": "text/html"}, stream=body)  # noqa: E731
    with pytest.raises(KfResponseError) as info:
        call(mode, mock(reply))
    assert body.pulled <= MAX_PREVIEW_BYTES + 4096 and body.closed
    assert info.value.status == 503
    assert len(str(info.value)) < 1000


# ---------------------------------------------------------------------------------------------
# Real sockets: stalls, dribbles, cuts
# ---------------------------------------------------------------------------------------------

TIMEOUT = 0.5  # client timeout: each read is < TIMEOUT apart, so only a total budget helps
BUDGET = 3 * TIMEOUT + 1.0  # the transport's total budget (3 read timeouts) plus slack


def raw_server(behaviour: Behaviour) -> contextlib.AbstractContextManager[str]:
    return _raw_server(behaviour, token_reply=TOKEN_REPLY)


SOCKET_CASES: dict[str, tuple[Behaviour, type[KfError], type[Exception] | None]] = {
    "slow-loris headers": (
        lambda c: dribble(c, b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a", 30),
        KfTransportError, httpx.TimeoutException,
    ),
    "slow-loris status line": (
        lambda c: dribble(c, b"", b"H", 30), KfTransportError, httpx.TimeoutException,
    ),
    "slow-loris body": (
        lambda c: dribble(
            c, b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000"
            b'\r\n\r\n{"errcode": 0, "pad": "', b"x", 30),
        KfTransportError, httpx.TimeoutException,
    ),
    "stalled after request": (
        lambda c: time.sleep(30), KfTransportError, httpx.TimeoutException,
    ),
    "stalled mid-body": (
        lambda c: (c.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                             b'content-length: 500\r\n\r\n{"errcode"'), time.sleep(30)),
        KfTransportError, httpx.TimeoutException,
    ),
    "closed without reply": (lambda c: None, KfTransportError, httpx.TransportError),
    "cut mid-body": (
        lambda c: c.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                            b'content-length: 500\r\n\r\n{"errcode": 0, "er'),
        KfTransportError, httpx.TransportError,
    ),
    "garbage instead of HTTP": (
        lambda c: c.sendall(b"\x00\x01\x02 this is not http\r\n\r\n"),
        KfTransportError, httpx.TransportError,
    ),
    "declared gigantic JSON, then stalled": (
        lambda c: (c.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                             b"content-length: %d\r\n\r\n{" % (MAX_JSON_BYTES * 4)),
                   time.sleep(30)),
        KfResponseError, None,
    ),
}  # fmt: skip


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", list(SOCKET_CASES))
def test_hostile_server_ends_in_a_typed_error_within_the_budget(case: str, mode: Mode) -> None:
    behaviour, error, cause = SOCKET_CASES[case]
    with raw_server(behaviour) as base_url:
        t0 = time.monotonic()
        with pytest.raises(error) as info:
            call(mode, None, base_url=base_url, timeout=TIMEOUT)
        took = time.monotonic() - t0
    assert took < BUDGET, f"{case}: took {took:.1f}s"
    if case.startswith("slow-loris"):  # the total budget fired, not a per-read timeout
        assert "within" in str(info.value)
    if error is KfResponseError:  # refused on the headers alone: not even one read timeout
        assert took < TIMEOUT, f"{case}: took {took:.1f}s"
    if cause is not None:
        assert isinstance(info.value.__cause__, cause), repr(info.value.__cause__)
    assert TOKEN not in str(info.value) and SECRET not in str(info.value)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", MODES)
def test_slow_loris_with_retries_stays_bounded(mode: Mode) -> None:
    attempts: list[int] = []

    def behaviour(conn: socket.socket) -> None:
        attempts.append(1)
        dribble(conn, b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a", 30)

    retry = RetryPolicy(max_attempts=2, initial_backoff=0.01, max_backoff=0.01)
    with raw_server(behaviour) as base_url:
        t0 = time.monotonic()
        with pytest.raises(KfTransportError) as info:
            call(mode, None, base_url=base_url, timeout=TIMEOUT, retry=retry)
        took = time.monotonic() - t0
    assert len(attempts) == 2 and info.value.attempts == 2
    assert took < 2 * BUDGET


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", MODES)
def test_slow_but_honest_server_still_succeeds(mode: Mode) -> None:
    """The budget must not break a server that is merely slow to start answering."""

    def behaviour(conn: socket.socket) -> None:
        time.sleep(0.3)  # under one read timeout
        body = b'{"errcode": 0, "errmsg": "ok", "account_list": []}'
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                     b"content-length: %d\r\n\r\n%s" % (len(body), body))  # fmt: skip

    with raw_server(behaviour) as base_url:
        assert call(mode, None, base_url=base_url, timeout=TIMEOUT)["account_list"] == []


@pytest.mark.timeout(30)
def test_connection_refused_is_a_transport_error_after_retries() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # closed when the block ends: nothing listens there
    slept: list[float] = []
    retry = RetryPolicy(max_attempts=3, sleep=slept.append, jitter=lambda: 1.0)
    with pytest.raises(KfTransportError) as info:
        call("sync", None, base_url=f"http://127.0.0.1:{port}/cgi-bin", retry=retry, token=True)
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert info.value.attempts == 3 and slept == [0.5, 1.0]
