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
from typing import Any, Literal, TypeAlias

try:
    import anyio.to_thread
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route
except ImportError as exc:  # the "server" extra
    from wxkefu_ext._extras import missing_extra

    raise missing_extra("wxkefu_ext.callback.asgi (the ASGI callback endpoint)", exc) from exc

from wxkefu_ext.callback import _delivery
from wxkefu_ext.callback._http import (
    SUCCESS,
    Reply,
    error_reply,
    event_label,
    handle_get,
    handle_post,
    logger,
    parse_query,
    too_large,
)
from wxkefu_ext.callback.core import CallbackCrypto, ReceivedCallback
from wxkefu_ext.callback.dedupe import AsyncDedupeStore, DedupeStore, MemoryDedupeStore
from wxkefu_ext.callback.parse import CallbackEvent
from wxkefu_ext.errors import CallbackError

__all__ = ["AsyncCallbackEndpoint", "EventHandler", "callback_app", "callback_route"]

#: ``handler(event)``: a coroutine function, or a plain function (run in a worker thread).
EventHandler: TypeAlias = Callable[[CallbackEvent], Awaitable[None] | None]
DedupeOption: TypeAlias = DedupeStore | AsyncDedupeStore | Literal["memory"] | None
#: ``handoff(event)`` awaited *before* answering (a coroutine function or a plain function, run
#: in a worker thread); or an object with ``handoff_once(dedupe_key, event) -> bool`` that
#: dedupes and hands off in one step (True: handed off now, False: a duplicate).
HandOff: TypeAlias = Any


def _is_async(handler: Callable[..., Any]) -> bool:
    return inspect.iscoroutinefunction(handler) or inspect.iscoroutinefunction(
        getattr(handler, "__call__", None)  # noqa: B004 - callable objects with async __call__
    )


class AsyncCallbackEndpoint:
    """The request handler and the background tasks of one callback URL."""

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
        if (handler is None) == (handoff is None):
            raise ValueError("pass exactly one of handler (in-memory) or handoff (durable)")
        self.max_pending = max_pending
        self.crypto = crypto
        self.handler = handler
        self.handoff = handoff
        self._once = callable(getattr(handoff, "handoff_once", None))
        self.dedupe: DedupeStore | AsyncDedupeStore | None = (
            None if self._once else MemoryDedupeStore() if dedupe == "memory" else dedupe
        )
        self._async = _is_async(handler if handler is not None else handoff)
        self._tasks: set[asyncio.Task[None]] = set()

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

    async def _read_body(self, request: Request) -> bytes | None:
        limit = self.crypto.max_bytes
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

    async def _run(self, received: ReceivedCallback) -> None:
        assert self.handler is not None
        try:
            if self._async:
                await self.handler(received.event)  # type: ignore[misc]
            else:
                await anyio.to_thread.run_sync(self.handler, received.event)
        except Exception:
            logger.exception("callback handler failed for %s", event_label(received))
            await _delivery.aabort(self.dedupe, received.dedupe_key)  # a re-send runs it again
            return
        await _delivery.afinish(self.dedupe, received.dedupe_key)

    async def _hand_off(self, received: ReceivedCallback) -> Reply:
        """Durable mode: the answer is 200 only after the hand-off returned."""
        try:
            if self._once:
                first = self.handoff.handoff_once(received.dedupe_key, received.event)
                if inspect.isawaitable(first):
                    first = await first
                if not first:
                    logger.info("duplicate callback delivery ignored: %s", event_label(received))
                return Reply(200, SUCCESS)
            if self._async:
                await self.handoff(received.event)
            else:
                await anyio.to_thread.run_sync(self.handoff, received.event)
        except Exception:
            logger.exception("callback hand-off failed for %s; answering 503 so WeCom "
                             "retries", event_label(received))  # fmt: skip
            await _delivery.aabort(self.dedupe, received.dedupe_key)
            return Reply(503, "hand-off failed, retry later")
        await _delivery.afinish(self.dedupe, received.dedupe_key)
        return Reply(200, SUCCESS)

    def _spawn(self, received: ReceivedCallback) -> None:
        task = asyncio.get_running_loop().create_task(self._run(received))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def respond(self, method: str, query_string: bytes, request: Request) -> Reply:
        """The answer to one request (handler scheduled when it is a new verified POST)."""
        try:
            query = parse_query(query_string)
        except CallbackError as exc:
            return error_reply(exc, method)
        if method in ("GET", "HEAD"):
            return handle_get(self.crypto, query)
        if method != "POST":
            return Reply(405, "method not allowed")
        body = await self._read_body(request)
        if body is None:
            return too_large(self.crypto.max_bytes)
        outcome = handle_post(self.crypto, query, body)
        if isinstance(outcome, Reply):
            return outcome
        phase = await _delivery.abegin(self.dedupe, outcome.dedupe_key)
        if phase == "done":
            logger.info("duplicate callback delivery ignored: %s", event_label(outcome))
            return Reply(200, SUCCESS)
        if phase == "in_flight":
            logger.info("callback delivery still in flight: %s; 503", event_label(outcome))
            return Reply(503, "being handled, retry later")
        if self.handoff is not None:
            return await self._hand_off(outcome)
        if len(self._tasks) >= self.max_pending:
            await _delivery.aabort(self.dedupe, outcome.dedupe_key)
            logger.warning("callback handlers backlogged; answering 503 so WeCom retries later")
            return Reply(503, "busy, retry later")
        self._spawn(outcome)
        return Reply(200, SUCCESS)

    async def __call__(self, request: Request) -> Response:
        reply = await self.respond(request.method, request.scope.get("query_string", b""), request)
        headers = {"Allow": "GET, POST"} if reply.status == 405 else None
        return PlainTextResponse(reply.text, status_code=reply.status, headers=headers)


def callback_route(
    crypto: CallbackCrypto,
    handler: EventHandler | None = None,
    *,
    path: str = "/callback",
    dedupe: DedupeOption = "memory",
    max_pending: int = 1000,
    handoff: HandOff = None,
) -> Route:
    """A Starlette :class:`~starlette.routing.Route` answering GET and POST on ``path``.
    The :class:`AsyncCallbackEndpoint` is ``route.endpoint.__self__`` (``.drain()``)."""
    endpoint = AsyncCallbackEndpoint(
        crypto, handler, dedupe=dedupe, max_pending=max_pending, handoff=handoff
    )
    return Route(path, endpoint=endpoint.__call__, methods=["GET", "POST"], name="wxkefu_callback")


def callback_app(
    crypto: CallbackCrypto,
    handler: EventHandler | None = None,
    *,
    path: str = "/callback",
    dedupe: DedupeOption = "memory",
    max_pending: int = 1000,
    drain_timeout: float = 10.0,
    handoff: HandOff = None,
) -> Starlette:
    """A Starlette app serving the callback on ``path``. On shutdown it waits up to
    ``drain_timeout`` seconds for running handlers. ``app.state.callback`` is the
    :class:`AsyncCallbackEndpoint`. With more than ``max_pending`` handlers running, new
    deliveries get 503 (WeCom retries them later) instead of piling up in memory. With
    ``handoff`` the answer waits for the durable hand-off (module docstring)."""
    endpoint = AsyncCallbackEndpoint(
        crypto, handler, dedupe=dedupe, max_pending=max_pending, handoff=handoff
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if not await endpoint.drain(drain_timeout):
            logger.warning("callback handlers still running at shutdown: %d", endpoint.pending)

    route = Route(path, endpoint=endpoint.__call__, methods=["GET", "POST"], name="wxkefu_callback")
    app = Starlette(routes=[route], lifespan=lifespan)
    app.state.callback = endpoint
    return app
