"""Shared fakes for the tests: a raw-socket server for timing attacks and a scripted fake WeCom.

Why one module: the suite used to hand-write a fake WeCom server in eight files and a raw socket
server in two; they drifted (different token replies, different ways to count calls). Use

* :func:`raw_server` when the *timing* of the bytes matters (stalls, dribbles, cuts): a real
  TCP server on 127.0.0.1:0 that answers ``gettoken`` normally and runs ``behaviour(conn)`` for
  every other request;
* :class:`FakeKf` when the *content* matters: a handler for ``httpx.MockTransport`` that issues
  counted tokens and answers every other path from a script of replies, recording each call;
  :class:`Sleeps` records a :class:`RetryPolicy`'s pauses instead of sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
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


@dataclass
class Call:
    path: str
    token: str | None
    body: Any


@dataclass
class FakeKf:
    """Issues ``tok-<n>`` tokens; ``script[path]`` is a queue of replies for that path (a dict
    is sent as JSON, an int as that errcode, an ``httpx.Response`` or exception as is)."""

    expires_in: int = 7200
    script: dict[str, list[Any]] = field(default_factory=dict)
    default: Callable[[httpx.Request], Any] | None = None
    token_delay: float = 0.0
    gettoken: int = 0
    calls: list[Call] = field(default_factory=list)
    issued: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/cgi-bin")
        if path == "/gettoken":
            if self.token_delay:
                time.sleep(self.token_delay)
            with self._lock:
                self.gettoken += 1
                token = f"tok-{self.gettoken}-{'x' * 24}"
                self.issued.append(token)
            return httpx.Response(
                200,
                json={
                    "errcode": 0,
                    "errmsg": "ok",
                    "access_token": token,
                    "expires_in": self.expires_in,
                },
            )
        try:
            body = json.loads(request.content) if request.content else None
        except ValueError:
            body = request.content
        with self._lock:
            self.calls.append(Call(path, request.url.params.get("access_token"), body))
            queue = self.script.get(path)
            reply = queue.pop(0) if queue else None
        if reply is None and self.default is not None:
            reply = self.default(request)
        if reply is None:
            reply = {"errcode": 0, "errmsg": "ok"}
        if isinstance(reply, BaseException):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        if isinstance(reply, int):
            reply = {"errcode": reply, "errmsg": f"error {reply}"}
        return httpx.Response(200, json=reply)

    def paths(self, path: str) -> list[Call]:
        return [c for c in self.calls if c.path == path]


class Sleeps:
    """A RetryPolicy sleep that records instead of sleeping (sync and async)."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.delays.append(seconds)


def text_item(msgid: str) -> dict[str, Any]:
    """A pulled text item whose content is its msgid (``SyncMsgServer(item=text_item)``)."""
    return {"msgid": msgid, "msgtype": "text", "text": {"content": msgid}}


class SyncMsgServer:
    """An in-memory ``kf/sync_msg`` behind a real :class:`KfClient` / :class:`AsyncKfClient`
    (``.client`` / ``.aclient``, one shared state, through :class:`FakeKf` and
    ``httpx.MockTransport``), for pager and worker tests that need many pages fast.

    Cursors are ``c<pos>``; page sizes are random in ``1..limit`` (seeded); every
    ``empty_every``-th call answers an empty page with ``has_more = 1`` whose cursor still moves.
    ``override`` (a reply) answers every call instead; ``pages`` (a list of replies) answers the
    calls in turn. ``msgs`` may be one list or a list per ``open_kfid``; ``page`` fixes the page
    size; ``item(m)`` turns a stored entry into the item sent (entries may be plain msgids);
    ``reject_token`` is refused as an invalid callback Token (95007); ``delay`` (s) is slept
    before each answer (``asyncio.sleep`` for ``.aclient``), so concurrent pagers interleave.
    ``bodies`` are the request bodies received, ``calls`` their count.
    """

    def __init__(
        self,
        msgs: list[Any] | dict[str, list[Any]] | None = None,
        *,
        seed: int = 0,
        empty_every: int = 7,
        pages: list[Any] | None = None,
        page: int | None = None,
        item: Callable[[Any], Any] = lambda m: m,
        delay: float = 0.0,
    ) -> None:
        import random

        self.msgs = [] if msgs is None else msgs
        self.rng = random.Random(seed)
        self.empty_every = empty_every
        self.pages = pages
        self.page = page
        self.item = item
        self.delay = delay
        #: A callback token answered with errcode 95007 (invalid msg token).
        self.reject_token: str | None = None
        self.override: Any = None
        self.bodies: list[dict[str, Any]] = []
        self.calls = 0
        self._lock = threading.Lock()
        self.fake = FakeKf(default=self._answer)

    @functools.cached_property
    def client(self) -> Any:
        from wxkefu_ext.client import KfClient

        def answer(request: httpx.Request) -> httpx.Response:
            if self.delay and request.url.path.endswith("/kf/sync_msg"):
                time.sleep(self.delay)
            return self.fake(request)

        return KfClient(CORP_ID, SECRET, transport=httpx.MockTransport(answer))

    @functools.cached_property
    def aclient(self) -> Any:
        from wxkefu_ext.client import AsyncKfClient

        async def answer(request: httpx.Request) -> httpx.Response:
            if self.delay and request.url.path.endswith("/kf/sync_msg"):
                await asyncio.sleep(self.delay)
            return self.fake(request)

        return AsyncKfClient(CORP_ID, SECRET, transport=httpx.MockTransport(answer))

    def _answer(self, request: httpx.Request) -> Any:
        assert request.url.path.endswith("/kf/sync_msg"), request.url.path
        return httpx.Response(200, json=self.reply(json.loads(request.content)))

    def reply(self, body: dict[str, Any]) -> Any:
        with self._lock:
            self.bodies.append(dict(body))
            self.calls += 1
            calls = self.calls
        if self.override is not None:
            return self.override
        if self.pages is not None:
            return self.pages[calls - 1]
        if self.reject_token is not None and body.get("token") == self.reject_token:
            return {"errcode": 95007, "errmsg": "invalid msg token"}
        msgs = self.msgs.get(body["open_kfid"], []) if isinstance(self.msgs, dict) else self.msgs
        cursor = body.get("cursor")
        pos = int(cursor[1:].split(".")[0]) if cursor else 0
        if self.empty_every and calls % self.empty_every == 0 and pos < len(msgs):
            return {
                "errcode": 0,
                "errmsg": "ok",
                "next_cursor": f"c{pos}.{calls}",
                "has_more": 1,
                "msg_list": [],
            }
        size = self.page or self.rng.randint(1, body.get("limit", 1000))
        chunk = msgs[pos : pos + size]
        end = pos + len(chunk)
        return {
            "errcode": 0,
            "errmsg": "ok",
            "next_cursor": f"c{end}",
            "has_more": int(end < len(msgs)),
            "msg_list": [self.item(m) for m in chunk],
        }


def loop_passes(worker: Any, seconds: float = 0.3, *, fail_pass: int | None = None) -> int:
    """Run ``worker.run_forever`` in a thread for ``seconds``, then stop it; return how many
    passes (``run_once`` calls) it made — pass number ``fail_pass`` raises instead. A loop that
    waits when idle makes a handful; one that spins, thousands."""
    passes = 0
    run_once = worker.run_once

    def counting() -> int:
        nonlocal passes
        passes += 1
        if passes == fail_pass:
            raise RuntimeError("a failing pass")
        return int(run_once())

    worker.run_once = counting
    stop = threading.Event()
    thread = threading.Thread(target=worker.run_forever, args=(stop,))
    thread.start()
    time.sleep(seconds)
    stop.set()
    thread.join(2)
    assert not thread.is_alive(), "run_forever did not stop"
    return passes
