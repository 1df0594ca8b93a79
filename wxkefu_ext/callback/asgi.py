r"""A ready-made ASGI (Starlette) callback endpoint.

Why: WeCom re-sends a callback that is not answered within ~5 s, so the answer must not wait
for the user's work (typically a ``kf/sync_msg`` drain). The endpoint verifies, decrypts and
parses in the request (well under a millisecond), begins a two-phase dedupe mark
(:mod:`~wxkefu_ext.callback.dedupe`), and then, in one of two modes:

* ``handoff=`` (durable): awaits the hand-off — e.g.
  :class:`wxkefu_ext.handoff.AsyncStreamHandOff`, one Redis round trip that dedupes and
  ``XADD``\ s the ``(open_kfid, Token)`` notification — and answers ``success`` only after it
  returned; if it raises, the mark is dropped and the answer is 503, so WeCom retries.
  **Guarantee: no delivery is answered 200 before it is durably handed off** (as durable as
  the queue: Redis with ``appendfsync always`` for every acknowledged notification).
* ``handler`` (in-memory): answers ``success`` and runs the handler afterwards as an asyncio task
  (a plain function in a worker thread, so it cannot block the event loop); the mark becomes
  *done* when it returned and is dropped when it raised, so a re-sent delivery runs it again.
  **What a crash loses:** every delivery answered but whose handler had not finished — WeCom
  does not retry an answered callback. Use ``handoff`` (or the safety-net sweep of
  :class:`wxkefu_ext.handoff.StreamSyncWorker`) where that matters.

Dedupe stores may be sync or async; prefer
:class:`~wxkefu_ext.callback.dedupe.AsyncRedisDedupeStore` here, since a sync Redis call blocks
the event loop for its round trip. Handler exceptions are logged with their traceback on
``wxkefu_ext.callback``; they never reach the HTTP answer.

Usage::

    app = callback_app(CallbackCrypto(token, key, corp_id), on_event)   # a Starlette app
    # or, inside an existing Starlette/FastAPI app:
    routes.append(callback_route(crypto, on_event, path="/wecom/callback"))
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Literal, TypeAlias, TypedDict, Unpack

try:
    import anyio.to_thread
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route
except ImportError as exc:  # the "server" extra
    from wxkefu_ext._extras import missing_extra

    raise missing_extra("wxkefu_ext.callback.asgi (the ASGI callback endpoint)", exc) from exc

from wxkefu_ext.callback._delivery import Call, CallbackCore, Effect, ReadBody, Spawn, adrive
from wxkefu_ext.callback._http import Reply, logger
from wxkefu_ext.callback.core import CallbackCrypto, ReceivedCallback
from wxkefu_ext.callback.dedupe import AsyncDedupeStore, DedupeStore
from wxkefu_ext.callback.parse import CallbackEvent

__all__ = [
    "AsyncCallbackEndpoint",
    "EndpointOptions",
    "EventHandler",
    "callback_app",
    "callback_route",
]

#: ``handler(event)``: a coroutine function, or a plain function (run in a worker thread).
EventHandler: TypeAlias = Callable[[CallbackEvent], Awaitable[None] | None]
DedupeOption: TypeAlias = DedupeStore | AsyncDedupeStore | Literal["memory"] | None
#: ``handoff(event)`` awaited *before* answering (a coroutine function or a plain function, run
#: in a worker thread); or an object with ``handoff_once(dedupe_key, event) -> bool`` that
#: dedupes and hands off in one step (True: handed off now, False: a duplicate).
HandOff: TypeAlias = Any


class EndpointOptions(TypedDict, total=False):
    """The keyword options of :class:`AsyncCallbackEndpoint`, :func:`callback_route` and
    :func:`callback_app`: ``dedupe`` (default ``"memory"``), ``max_pending`` (default 1000),
    ``handoff`` (default None: in-memory mode with ``handler``)."""

    dedupe: DedupeOption
    max_pending: int
    handoff: HandOff


class AsyncCallbackEndpoint:
    """The request handler and the background tasks of one callback URL: an asyncio shell over
    :class:`~wxkefu_ext.callback._delivery.CallbackCore`, which makes every decision."""

    def __init__(
        self,
        crypto: CallbackCrypto,
        handler: EventHandler | None = None,
        *,
        dedupe: DedupeOption = "memory",
        max_pending: int = 1000,
        handoff: HandOff = None,
    ) -> None:
        if max_pending < 1:
            raise ValueError("max_pending must be at least 1")
        self.core = CallbackCore(crypto, handler, handoff, dedupe)
        self.max_pending = max_pending
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def crypto(self) -> CallbackCrypto:
        return self.core.crypto

    @property
    def dedupe(self) -> DedupeStore | AsyncDedupeStore | None:
        """The dedupe store in use (None with ``handoff_once`` or ``dedupe=None``)."""
        store: DedupeStore | AsyncDedupeStore | None = self.core.dedupe
        return store

    @property
    def pending(self) -> int:
        """Handler runs not finished yet."""
        return len(self._tasks)

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait for running handlers (tests, shutdown); ``False`` if ``timeout`` expired."""
        if not self._tasks:
            return True
        _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
        return not pending

    async def respond(self, method: str, query_string: bytes, request: Request) -> Reply:
        """The answer to one request (handler scheduled when it is a new verified POST)."""

        async def perform(effect: Effect) -> Any:
            if isinstance(effect, ReadBody):
                return await _read_body(request, effect.limit)
            return await self._perform(effect)

        return await adrive(self.core.respond(method, query_string), perform)

    async def _perform(self, effect: Effect) -> Any:
        if isinstance(effect, Spawn):
            return self._spawn(effect.received)
        assert isinstance(effect, Call)
        if effect.thread:
            return await anyio.to_thread.run_sync(effect.fn, *effect.args)
        value = effect.fn(*effect.args)
        return await value if inspect.isawaitable(value) else value

    def _spawn(self, received: ReceivedCallback) -> str:
        if len(self._tasks) >= self.max_pending:
            return "busy"
        task = asyncio.get_running_loop().create_task(
            adrive(self.core.run(received), self._perform)
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return "started"

    async def __call__(self, request: Request) -> Response:
        reply = await self.respond(request.method, request.scope.get("query_string", b""), request)
        headers = {"Allow": "GET, POST"} if reply.status == 405 else None
        return PlainTextResponse(reply.text, status_code=reply.status, headers=headers)


async def _read_body(request: Request, limit: int) -> bytes | None:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def callback_route(
    crypto: CallbackCrypto,
    handler: EventHandler | None = None,
    *,
    path: str = "/callback",
    **options: Unpack[EndpointOptions],
) -> Route:
    """A Starlette :class:`~starlette.routing.Route` answering GET and POST on ``path``.
    The :class:`AsyncCallbackEndpoint` is ``route.endpoint.__self__`` (``.drain()``)."""
    endpoint = AsyncCallbackEndpoint(crypto, handler, **options)
    return Route(path, endpoint=endpoint.__call__, methods=["GET", "POST"], name="wxkefu_callback")


def callback_app(
    crypto: CallbackCrypto,
    handler: EventHandler | None = None,
    *,
    path: str = "/callback",
    drain_timeout: float = 10.0,
    **options: Unpack[EndpointOptions],
) -> Starlette:
    """A Starlette app serving the callback on ``path``. On shutdown it waits up to
    ``drain_timeout`` seconds for running handlers. ``app.state.callback`` is the
    :class:`AsyncCallbackEndpoint`. With more than ``max_pending`` handlers running, new
    deliveries get 503 (WeCom retries them later) instead of piling up in memory. With
    ``handoff`` the answer waits for the durable hand-off (module docstring)."""
    route = callback_route(crypto, handler, path=path, **options)
    endpoint: AsyncCallbackEndpoint = route.endpoint.__self__  # type: ignore[attr-defined]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if not await endpoint.drain(drain_timeout):
            logger.warning("callback handlers still running at shutdown: %d", endpoint.pending)

    app = Starlette(routes=[route], lifespan=lifespan)
    app.state.callback = endpoint
    return app
