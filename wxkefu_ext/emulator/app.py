"""The ASGI shell: Starlette around the sans-IO core (:meth:`Emulator.handle`).

It gets the ``handle`` callable, not the emulator, so this layer knows nothing above it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qsl

from wxkefu_ext.emulator._http import Request, Response

if TYPE_CHECKING:
    from starlette.applications import Starlette

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

#: Set in the scope by :mod:`.server`: a real socket exists, so a "drop" fault can cut it.
SERVED_SCOPE_KEY: Final = "wxkefu.emulator.served"
MAX_BODY: Final = 64 * 1024 * 1024


def build_app(handle: Callable[[Request], Response]) -> Starlette:
    from starlette.applications import Starlette
    from starlette.routing import Mount

    async def asgi(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_BODY:
                break
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        query: dict[str, str] = {}
        for key, value in parse_qsl(
            scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True
        ):
            query.setdefault(key, value)
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])
        }
        client = scope.get("client") or ("127.0.0.1", 0)
        response = handle(
            Request(
                scope["method"], scope["path"], query, headers, b"".join(chunks), str(client[0])
            )
        )
        firing = response.firing
        if firing is not None and firing.kind == "delay":
            await asyncio.sleep(firing.delay)
        raw_headers = [
            (k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers.items()
        ]
        if firing is not None and firing.kind == "drop":
            if not scope.get(SERVED_SCOPE_KEY):
                from wxkefu_ext.emulator.transport import dropped

                raise dropped()
            # promise more bytes than are sent, then return: the server closes the socket
            raw_headers.append((b"content-length", str(len(response.body) + 64).encode()))
            await send(
                {"type": "http.response.start", "status": response.status, "headers": raw_headers}
            )
            await send({"type": "http.response.body", "body": response.body[:1], "more_body": True})
            return
        raw_headers.append((b"content-length", str(len(response.body)).encode()))
        await send(
            {"type": "http.response.start", "status": response.status, "headers": raw_headers}
        )
        await send({"type": "http.response.body", "body": response.body})

    return Starlette(routes=[Mount("/", app=asgi)])
