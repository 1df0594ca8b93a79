"""A fault-injecting TCP proxy of our own, between a client and a served emulator.

Independent of the emulator's fault injection: it works on the bytes of real loopback TCP
connections, so the client's real transport (httpx + httpcore) sees what a flaky network does:

* ``refuse`` — the connection is accepted and closed before anything is forwarded (the
  request never reaches the server: the client may retry safely);
* ``lose_reply`` — the request is forwarded and the server's reply is *swallowed*, then the
  connection is closed (the server acted; the client sees a dropped connection);
* ``gateway_504`` — the request is forwarded, the server's reply swallowed, and a ``504``
  answered instead (a gateway that timed out after the backend acted);
* ``stall`` — the reply is held for ``stall_seconds`` before it is forwarded.

Each request draws one fault (or none) with the configured probabilities, from a seeded RNG;
a fault closes its connection (the client reconnects through the proxy). Bounded: the listener
and every pump thread stop at :meth:`close`, sockets have timeouts.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

_GATEWAY_504 = (
    b"HTTP/1.1 504 Gateway Timeout\r\nContent-Type: text/html\r\nContent-Length: 22\r\n"
    b"Connection: close\r\n\r\n<h1>504 Gateway</h1>\r\n"
)


@dataclass
class FaultPlan:
    refuse: float = 0.0
    lose_reply: float = 0.0
    gateway_504: float = 0.0
    stall: float = 0.0
    stall_seconds: float = 0.5
    seed: int = 0
    fired: Counter[str] = field(default_factory=Counter)

    def draw(self, rng: random.Random) -> str | None:
        x = rng.random()
        for name in ("refuse", "lose_reply", "gateway_504", "stall"):
            p = float(getattr(self, name))
            if x < p:
                return name
            x -= p
        return None


class FaultProxy:
    """``with FaultProxy(("127.0.0.1", port), FaultPlan(...)) as proxy: proxy.url``"""

    def __init__(self, upstream: tuple[str, int], plan: FaultPlan) -> None:
        self.upstream = upstream
        self.plan = plan
        self._rng = random.Random(plan.seed)
        self._rng_lock = threading.Lock()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(128)
        self._sock.settimeout(0.2)
        self.port = int(self._sock.getsockname()[1])
        self._closed = threading.Event()
        self._threads: list[threading.Thread] = []
        self.enabled = True
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def base_url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._closed.set()
        self._accept.join(2)
        self._sock.close()
        for t in self._threads:
            t.join(2)

    def _draw(self) -> str | None:
        with self._rng_lock:
            fault = self.plan.draw(self._rng) if self.enabled else None
        if fault:
            self.plan.fired[fault] += 1
        return fault

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            t = threading.Thread(target=self._connection, args=(client,), daemon=True)
            self._threads = [x for x in self._threads if x.is_alive()] + [t]
            t.start()

    def _connection(self, client: socket.socket) -> None:
        """Faults are drawn per request (keep-alive connections carry many): when the client
        starts a new request after the previous reply was forwarded."""
        client.settimeout(10)
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            upstream = socket.create_connection(self.upstream, timeout=10)
        except OSError:
            client.close()
            return
        upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        done = threading.Event()
        state: dict[str, Any] = {"new": True, "fault": None}

        def close_all() -> None:
            done.set()
            for s in (client, upstream):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

        def up() -> None:  # client -> server
            try:
                while not done.is_set():
                    data = client.recv(65536)
                    if not data:
                        break
                    if state["new"]:
                        state["new"], state["fault"] = False, self._draw()
                        if state["fault"] == "refuse":
                            break  # never forwarded: the server did not act
                    upstream.sendall(data)
            except OSError:
                pass
            finally:
                if state["fault"] == "refuse":
                    close_all()
                done.set()

        pump = threading.Thread(target=up, daemon=True)
        pump.start()
        try:
            while True:
                data = upstream.recv(65536)
                if not data:
                    break
                fault = state["fault"]
                if fault in ("lose_reply", "gateway_504"):
                    if fault == "gateway_504":
                        client.sendall(_GATEWAY_504)
                    break  # the server acted; its reply is gone
                if fault == "stall":
                    time.sleep(self.plan.stall_seconds)
                    state["fault"] = None
                client.sendall(data)
                state["new"] = True
        except OSError:
            pass
        finally:
            close_all()
            client.close()
            upstream.close()
            pump.join(2)
