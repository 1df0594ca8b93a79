"""Serving the emulator over real HTTP: :func:`wxkefu_ext.serving.serving` plus one scope flag.

The flag tells the ASGI app that a real socket exists, so a ``drop`` fault can cut it (the
in-process transports raise instead).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wxkefu_ext.emulator.app import SERVED_SCOPE_KEY, Receive, Scope, Send
from wxkefu_ext.serving import serving

__all__ = ["serve"]


@contextmanager
def serve(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run the ASGI ``app`` under uvicorn until the block ends; yields
    ``http://host:port/cgi-bin``."""

    async def served(scope: Scope, receive: Receive, send: Send) -> None:
        scope[SERVED_SCOPE_KEY] = True
        await app(scope, receive, send)

    with serving(served, host, port, lifespan="off") as base:
        yield f"{base}/cgi-bin"
