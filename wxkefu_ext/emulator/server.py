"""Serving the emulator over real HTTP: uvicorn in a background thread (port 0 = a free one)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wxkefu_ext.emulator.app import SERVED_SCOPE_KEY, Receive, Scope, Send

__all__ = ["serve"]

STARTUP_TIMEOUT = 10.0


@contextmanager
def serve(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run the ASGI ``app`` under uvicorn until the block ends; yields
    ``http://host:port/cgi-bin``."""
    import uvicorn

    async def served(scope: Scope, receive: Receive, send: Send) -> None:
        scope[SERVED_SCOPE_KEY] = True
        await app(scope, receive, send)

    config = uvicorn.Config(
        served,
        host=host,
        port=port,
        log_level="warning",
        lifespan="off",
        access_log=False,
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)
    failure: list[BaseException] = []

    def run() -> None:
        try:
            server.run()
        except BaseException as exc:  # reported to the caller below
            failure.append(exc)

    thread = threading.Thread(target=run, name="wxkefu-emulator-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not server.started:
        if failure or not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(
                f"the emulator could not listen on {host}:{port}: "
                f"{failure[0] if failure else 'timeout'}"
            )
        time.sleep(0.01)
    sockets: list[Any] = [s for srv in server.servers for s in srv.sockets]
    bound_port = sockets[0].getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    try:
        yield f"http://{shown}:{bound_port}/cgi-bin"
    finally:
        server.should_exit = True
        thread.join(10)
