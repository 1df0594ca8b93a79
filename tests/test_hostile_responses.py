"""Hostile and broken replies end in typed errors or timeouts — never a hang, never a crash."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from wxkefu_ext.client import KfClient
from wxkefu_ext.errors import KfApiError, KfResponseError, KfTransportError
from wxkefu_ext.retry import MAX_JSON_BYTES, MAX_PREVIEW_BYTES, RetryPolicy
from wxkefu_ext.tokens import CachedToken

BASE = "https://kf.test/cgi-bin"
NO_RETRY = RetryPolicy(max_attempts=1)


def client_for(reply: Callable[[httpx.Request], httpx.Response]) -> KfClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(200, json={"errcode": 0, "access_token": "tk", "expires_in": 60})
        return reply(request)

    return KfClient(
        "ww1", "sec-val", base_url=BASE, transport=httpx.MockTransport(handler), retry=NO_RETRY
    )


JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("reply", "expect"),
    [
        (httpx.Response(200, headers=JSON, content=b'{"errcode": 0, "acc'), "not valid JSON"),
        (httpx.Response(502, html="<html><h1>502 Bad Gateway</h1></html>"), "text/html"),
        (httpx.Response(200, html="<html>login portal</html>"), "text/html"),
        (httpx.Response(200, text='{"errcode": 0}'), "text/plain"),
        (httpx.Response(200, content=b'{"errcode": 0}'), "no content type"),
        (httpx.Response(200, json={"errmsg": "ok"}), "no errcode"),
        (httpx.Response(200, json={"errcode": "0"}), "not an integer"),
        (httpx.Response(200, json=[1, 2]), "not an object"),
    ],
    ids=[
        "truncated",
        "html502",
        "html200",
        "text-plain",
        "no-ctype",
        "no-errcode",
        "str-code",
        "list",
    ],
)
def test_malformed_replies_raise_kf_response_error(reply: httpx.Response, expect: str) -> None:
    with client_for(lambda r: reply) as kf, pytest.raises(KfResponseError) as caught:
        kf.request("POST", "/kf/account/list", json={})
    assert expect in str(caught.value)
    assert "access_token=tk" not in str(caught.value)


def test_error_reply_of_the_generated_client_is_typed() -> None:
    from wxkefu_client.api.account import account_list
    from wxkefu_client.models import AccountListReq

    reply = httpx.Response(200, json={"errcode": 60020, "errmsg": "not allow to access from ip"})
    with client_for(lambda r: reply) as kf, pytest.raises(KfApiError) as caught:
        account_list.sync(client=kf.client, body=AccountListReq())
    assert caught.value.errcode == 60020


def test_gigantic_html_page_is_previewed_not_swallowed() -> None:
    served = 0

    class Endless(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            nonlocal served
            while served < 200 * 1024 * 1024:
                served += 64 * 1024
                yield b"<p>" + b"x" * (64 * 1024 - 3)

    reply = httpx.Response(502, headers={"content-type": "text/html"}, stream=Endless())
    with client_for(lambda r: reply) as kf, pytest.raises(KfResponseError) as caught:
        kf.request("GET", "/kf/account/list")
    assert served <= MAX_PREVIEW_BYTES + 64 * 1024  # stopped reading after the preview
    assert caught.value.status == 502 and len(caught.value.body_preview) < 400


def test_gigantic_json_is_refused_by_declared_length_without_reading() -> None:
    read = False

    class Body(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            nonlocal read
            read = True
            yield b"{}"

    headers = {**JSON, "content-length": str(MAX_JSON_BYTES + 1)}
    reply = httpx.Response(200, headers=headers, stream=Body())
    with client_for(lambda r: reply) as kf, pytest.raises(KfResponseError, match="refused"):
        kf.request("GET", "/kf/account/list")
    assert not read


def test_gigantic_chunked_json_is_cut_at_the_cap() -> None:
    served = 0

    class Endless(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            nonlocal served
            yield b'{"errcode":0,"x":"'
            while True:
                served += 1024 * 1024
                yield b"a" * (1024 * 1024)

    reply = httpx.Response(200, headers=JSON, stream=Endless())
    with client_for(lambda r: reply) as kf, pytest.raises(KfResponseError, match="refused"):
        kf.request("GET", "/kf/account/list")
    assert served <= MAX_JSON_BYTES + 2 * 1024 * 1024


# --- real sockets: stalled and dribbling servers ------------------------------------------------


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[socket.socket], None]], str]]:
    """Start a one-purpose TCP server: ``behave(conn)`` runs per connection; yields its base URL."""
    servers: list[socket.socket] = []
    stop = threading.Event()

    def start(behave: Callable[[socket.socket], None]) -> str:
        sock = socket.create_server(("127.0.0.1", 0))
        sock.settimeout(0.2)
        servers.append(sock)

        def loop() -> None:
            while not stop.is_set():
                try:
                    conn, _ = sock.accept()
                except OSError:
                    continue
                threading.Thread(target=_serve, args=(conn, behave), daemon=True).start()

        threading.Thread(target=loop, daemon=True).start()
        return f"http://127.0.0.1:{sock.getsockname()[1]}/cgi-bin"

    def _serve(conn: socket.socket, behave: Callable[[socket.socket], None]) -> None:
        with conn:
            try:
                conn.recv(65536)
                behave(conn)
            except OSError:
                pass

    yield start
    stop.set()
    for s in servers:
        s.close()


def _kf(base_url: str, timeout: float) -> KfClient:
    kf = KfClient("ww1", "sec-val", base_url=base_url, timeout=timeout, retry=NO_RETRY)
    kf.tokens.store.set(
        kf.tokens.key, _fresh_token(), ttl=7200
    )  # skip gettoken: only the call is hostile
    return kf


def _fresh_token() -> CachedToken:
    return CachedToken.issue("tk", 7200, now=time.time(), margin=300)


def test_server_that_never_answers_times_out(raw_server: Callable[..., str]) -> None:
    url = raw_server(lambda conn: time.sleep(3))
    start = time.monotonic()
    with _kf(url, 0.3) as kf, pytest.raises(KfTransportError) as caught:
        kf.request("POST", "/kf/account/list", json={})
    assert time.monotonic() - start < 2.0
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


def test_slow_loris_body_hits_the_total_budget(raw_server: Callable[..., str]) -> None:
    def dribble(conn: socket.socket) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"
        )
        for _ in range(100):  # one byte every 0.1 s: each read is well within the 0.3 s timeout
            time.sleep(0.1)
            conn.sendall(b" ")

    url = raw_server(dribble)
    start = time.monotonic()
    with _kf(url, 0.3) as kf, pytest.raises(KfTransportError, match="within"):
        kf.request("POST", "/kf/account/list", json={})
    assert time.monotonic() - start < 3.0


def test_connection_closed_mid_body_is_a_transport_error(raw_server: Callable[..., str]) -> None:
    def cut(conn: socket.socket) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"
        )

    url = raw_server(cut)
    with _kf(url, 1.0) as kf, pytest.raises(KfTransportError):
        kf.request("POST", "/kf/account/list", json={})


@pytest.mark.anyio
async def test_async_slow_loris_body_hits_the_total_budget(raw_server: Callable[..., str]) -> None:
    from wxkefu_ext.client import AsyncKfClient

    def dribble(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 10000\r\n\r\n{")  # fmt: skip
        for _ in range(100):
            time.sleep(0.1)
            conn.sendall(b" ")

    url = raw_server(dribble)
    kf = AsyncKfClient("ww1", "sec-val", base_url=url, timeout=0.3, retry=NO_RETRY)
    await kf.tokens.store.set(kf.tokens.key, _fresh_token(), ttl=7200)
    start = time.monotonic()
    async with kf:
        with pytest.raises(KfTransportError, match="within"):
            await kf.request("POST", "/kf/account/list", json={})
    assert time.monotonic() - start < 3.0


def test_gzip_json_is_decoded_once_and_bad_gzip_is_a_typed_error() -> None:
    import gzip

    good = gzip.compress(b'{"errcode": 0, "errmsg": "ok", "n": 7}')
    headers = {**JSON, "content-encoding": "gzip"}
    with client_for(lambda r: httpx.Response(200, headers=headers, content=good)) as kf:
        assert kf.request("GET", "/kf/account/list")["n"] == 7

    class Raw(httpx.SyncByteStream):  # not pre-read (httpx would decode content= eagerly)
        def __iter__(self) -> Iterator[bytes]:
            yield b"\x1f\x8bnot-gzip"

    bad = httpx.Response(200, headers=headers, stream=Raw())
    with client_for(lambda r: bad) as kf, pytest.raises(KfResponseError):
        kf.request("GET", "/kf/account/list")
