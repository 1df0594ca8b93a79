"""Shared fakes for the tests: a raw-socket server for timing attacks and a scripted fake WeCom.

Why one module: the suite used to hand-write a fake WeCom server in eight files and a raw socket
server in two; they drifted (different token replies, different ways to count calls). Use

* :func:`raw_server` when the *timing* of the bytes matters (stalls, dribbles, cuts): a real
  TCP server on 127.0.0.1:0 that answers ``gettoken`` normally and runs ``behaviour(conn)`` for
  every other request;
* :class:`FakeWeCom` when the *content* matters: an ``httpx.MockTransport`` that answers
  ``gettoken`` with a counted token and every other path from a script of replies.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import httpx

CORP_ID = "ww00fakes000000001"
SECRET = "fakes-corp-secret-0123456789abcdefghij"
TOKEN = "fake-token-abcdefghijklmnopqrstuvwxyz012345"
TOKEN_REPLY: dict[str, Any] = {
    "errcode": 0,
    "errmsg": "ok",
    "access_token": TOKEN,
    "expires_in": 7200,
}

Behaviour = Callable[[socket.socket], None]


@contextlib.contextmanager
def raw_server(
    behaviour: Behaviour, *, token_reply: Mapping[str, Any] = TOKEN_REPLY
) -> Iterator[str]:
    """A TCP server on 127.0.0.1:0 that runs ``behaviour(conn)`` for every connection, after
    answering gettoken normally (so the hostile part hits the Kf call); yields the base URL
    (``http://127.0.0.1:<port>/cgi-bin``)."""
    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(0.1)
    stop = threading.Event()
    token_body = json.dumps(dict(token_reply)).encode()

    def handle(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            try:
                request = conn.recv(65536)
                if b"/gettoken" in request.split(b"\r\n", 1)[0]:
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                        b"connection: close\r\ncontent-length: %d\r\n\r\n%s"
                        % (len(token_body), token_body)
                    )
                    return
                behaviour(conn)
            except OSError:
                pass

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield f"http://127.0.0.1:{srv.getsockname()[1]}/cgi-bin"
    finally:
        stop.set()
        acceptor.join(2)
        srv.close()


def dribble(conn: socket.socket, head: bytes, drip: bytes, seconds: float) -> None:
    """Send ``head``, then ``drip`` every 50 ms for ``seconds`` (each read stays under any
    sensible per-read timeout, so only a total budget stops it)."""
    conn.sendall(head)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        conn.sendall(drip)
        time.sleep(0.05)


Reply = httpx.Response | Mapping[str, Any] | Callable[[httpx.Request], httpx.Response]


class FakeWeCom:
    """A scripted fake WeCom behind ``httpx.MockTransport`` (sync and async).

    ``gettoken`` returns ``token_0``, ``token_1``... (one per call, counted in
    :attr:`gettoken_calls`) unless ``token_reply`` is given. Other paths answer from
    ``script[path]`` — a list consumed in order (the last entry repeats) of JSON objects,
    ``httpx.Response`` objects or callables — else ``{"errcode": 0, "errmsg": "ok"}``. Every
    request is kept in :attr:`requests`.
    """

    def __init__(
        self,
        script: Mapping[str, list[Reply]] | None = None,
        *,
        token_reply: Mapping[str, Any] | None = None,
        expires_in: int = 7200,
    ) -> None:
        self.script = {k: list(v) for k, v in (script or {}).items()}
        self.token_reply = token_reply
        self.expires_in = expires_in
        self.requests: list[httpx.Request] = []
        self.gettoken_calls = 0
        self._lock = threading.Lock()

    def calls(self, path: str) -> list[httpx.Request]:
        """The requests to ``path`` (suffix of the URL path, e.g. ``/kf/send_msg``)."""
        return [r for r in self.requests if r.url.path.endswith(path)]

    def bodies(self, path: str) -> list[dict[str, Any]]:
        return [json.loads(r.content) for r in self.calls(path)]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.requests.append(request)
            if request.url.path.endswith("/gettoken"):
                self.gettoken_calls += 1
                if self.token_reply is not None:
                    return httpx.Response(200, json=dict(self.token_reply))
                n = self.gettoken_calls - 1
                return httpx.Response(
                    200,
                    json={
                        "errcode": 0,
                        "errmsg": "ok",
                        "access_token": f"token_{n}",
                        "expires_in": self.expires_in,
                    },
                )
            for path, replies in self.script.items():
                if request.url.path.endswith(path) and replies:
                    reply = replies.pop(0) if len(replies) > 1 else replies[0]
                    break
            else:
                reply = {"errcode": 0, "errmsg": "ok"}
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(request)
        if isinstance(reply, httpx.Response):
            return reply
        return httpx.Response(200, json=dict(reply))

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)
