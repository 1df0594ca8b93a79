"""Serve an ASGI app with uvicorn, on a socket we bind ourselves — the one helper for it.

Used by :meth:`Emulator.serve <wxkefu_ext.emulator.Emulator.serve>`, ``wxkefu callback serve``,
``wxkefu emulator``, ``make demo`` and the examples.

Why bind first: with ``port=0`` the OS picks a free port, and binding before uvicorn starts
means the URL is known (and printable) before the server runs — no scraping of log lines, no
race between "started" and "listening", and no reading of uvicorn's undocumented
``Server.servers``. ``uvicorn.Server.run(sockets=[...])`` is uvicorn's public way to serve a
socket the caller owns.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from wxkefu_ext._extras import missing_extra

__all__ = ["bind", "serve_forever", "serving", "url_of"]

Lifespan = Literal["auto", "on", "off"]


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (``port=0``: a free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted sockets only when the
    # protocol says TCP; without it every small reply waits ~40 ms (Nagle + delayed ACK)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    """``http://host:port`` of a bound socket (IPv6 hosts in brackets)."""
    host, port = sock.getsockname()[:2]
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}"


def _server(app: Any, log_level: str, lifespan: Lifespan) -> Any:
    try:
        import uvicorn
    except ImportError as exc:  # the "server" extra
        raise missing_extra("serving over HTTP (uvicorn)", exc) from exc

    config = uvicorn.Config(
        app,
        log_level=log_level,
        access_log=False,
        lifespan=lifespan,
        # bounded stop even while a client keeps a connection open
        timeout_graceful_shutdown=2,
    )
    return uvicorn.Server(config)


def serve_forever(
    app: Any, sock: socket.socket, *, log_level: str = "warning", lifespan: Lifespan = "auto"
) -> None:
    """Run in this thread until Ctrl-C (uvicorn handles the signals)."""
    _server(app, log_level, lifespan).run(sockets=[sock])


@contextmanager
def serving(
    app: Any,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    log_level: str = "warning",
    lifespan: Lifespan = "auto",
    startup_timeout: float = 10.0,
) -> Iterator[str]:
    """Serve ``app`` in a background thread; yields its base URL (``http://host:port``); stops
    when the block ends. A server that does not start within ``startup_timeout`` seconds raises
    RuntimeError with uvicorn's error."""
    server = _server(app, log_level, lifespan)  # first: a missing uvicorn leaks no socket
    sock = bind(host, port)
    failure: list[BaseException] = []

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported to the caller below
            failure.append(exc)

    # (uvicorn installs signal handlers only when it runs in the main thread)
    thread = threading.Thread(target=run, name="wxkefu-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if failure or not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(timeout=5)
            sock.close()
            reason = f"{type(failure[0]).__name__}: {failure[0]}" if failure else "timeout"
            where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            raise RuntimeError(f"the local HTTP server on {where} did not start: {reason}")
        time.sleep(0.01)
    try:
        yield url_of(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
