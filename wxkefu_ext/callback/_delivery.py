"""The sans-IO core of the callback endpoints: every decision the ASGI and WSGI shells share.

Why one core: both endpoints must answer identically — status codes, texts, logging, and the
two-phase dedupe around the hand-off or the background handler — so those decisions are
written once, as generators that *yield* the effects they need (:class:`Call` a store, the
hand-off or the handler; :class:`ReadBody`; :class:`Spawn` the background run) and receive
their results. :func:`drive` (sync) and :func:`adrive` (async) perform them — they are the
package's one flow driver, :func:`wxkefu_ext._flows.run` / :func:`~wxkefu_ext._flows.arun`
(a failed effect is thrown into the core; a cancellation is not) — and a shell only supplies
``perform(effect)``: how to read its framework's body and how to start a background run.

The delivery rules: begin the dedupe mark; answer a done delivery 200 and an in-flight one 503
(WeCom retries); then either hand the event off *before* answering (``handoff``: 200 only once
it returned; an exception aborts the mark and answers 503) or start the handler and answer 200
(``handler``: finish the mark when it returned, abort it when it raised, so a re-send runs it
again; no room for another run → abort and 503). Stores may be sync or async and may still
implement the one-phase ``add``/``discard``. A store that fails is logged and treated as "new":
a duplicate is better than a lost callback.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias, TypeVar

from wxkefu_ext._flows import Flow
from wxkefu_ext._flows import arun as adrive
from wxkefu_ext._flows import run as drive
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
from wxkefu_ext.callback.dedupe import MemoryDedupeStore, Phase
from wxkefu_ext.errors import CallbackError

__all__ = ["Call", "CallbackCore", "ReadBody", "Spawn", "adrive", "drive"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Call:
    """Call ``fn(*args)`` and send back its result (awaited when it is awaitable, in the async
    shell). ``thread``: the user's plain function, which the async shell runs in a worker
    thread so that it cannot block the event loop."""

    fn: Callable[..., Any]
    args: tuple[Any, ...]
    thread: bool = False


@dataclass(frozen=True, slots=True)
class ReadBody:
    """Read the request body: send back the bytes, or ``None`` when it exceeds ``limit``."""

    limit: int


@dataclass(frozen=True, slots=True)
class Spawn:
    """Start ``core.run(received)`` in the background after answering: send back ``"started"``,
    ``"busy"`` (no room for another run) or ``"closed"`` (the shell shuts down)."""

    received: ReceivedCallback


Effect: TypeAlias = Call | ReadBody | Spawn
Steps: TypeAlias = Flow[Effect, T]
SpawnResult: TypeAlias = Literal["started", "busy", "closed"]


def is_coroutine_function(fn: Callable[..., Any]) -> bool:
    """Whether calling ``fn`` returns a coroutine (also for objects with ``async __call__``)."""
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(
        getattr(fn, "__call__", None)  # noqa: B004 - callable objects with async __call__
    )


class CallbackCore:
    """The configuration of one callback URL and the decisions of its requests."""

    def __init__(
        self,
        crypto: CallbackCrypto,
        handler: Callable[..., Any] | None,
        handoff: Any,
        dedupe: Any,
    ) -> None:
        if (handler is None) == (handoff is None):
            raise ValueError("pass exactly one of handler (in-memory) or handoff (durable)")
        self.crypto = crypto
        self.handler = handler
        self.handoff = handoff
        #: ``handoff.handoff_once(key, event) -> bool`` dedupes and hands off in one step.
        self.once = callable(getattr(handoff, "handoff_once", None))
        self.dedupe: Any = (
            None if self.once else MemoryDedupeStore() if dedupe == "memory" else dedupe
        )
        user = handler if handler is not None else handoff
        self._in_thread = not is_coroutine_function(user)

    def respond(self, method: str, query_string: bytes | str) -> Steps[Reply]:
        """The answer to one request (the handler spawned when it is a new verified POST)."""
        try:
            query = parse_query(query_string)
        except CallbackError as exc:
            return error_reply(exc, method)
        if method in ("GET", "HEAD"):
            return handle_get(self.crypto, query)
        if method != "POST":
            return Reply(405, "method not allowed")
        limit = self.crypto.max_bytes
        body = yield ReadBody(limit)
        if body is None:
            return too_large(limit)
        outcome = handle_post(self.crypto, query, body)
        if isinstance(outcome, Reply):
            return outcome
        return (yield from self._deliver(outcome))

    def run(self, received: ReceivedCallback) -> Steps[None]:
        """The background handler run of an answered delivery."""
        try:
            yield Call(self.handler, (received.event,), self._in_thread)  # type: ignore[arg-type]
        except Exception:
            logger.exception("callback handler failed for %s", event_label(received))
            yield from self._abort(received.dedupe_key)  # a re-send runs it again
            return
        yield from self._finish(received.dedupe_key)

    # -- decisions ---------------------------------------------------------------------------

    def _deliver(self, received: ReceivedCallback) -> Steps[Reply]:
        phase = yield from self._begin(received.dedupe_key)
        if phase == "done":
            logger.info("duplicate callback delivery ignored: %s", event_label(received))
            return Reply(200, SUCCESS)
        if phase == "in_flight":
            logger.info("callback delivery still in flight: %s; 503", event_label(received))
            return Reply(503, "being handled, retry later")
        if self.handoff is not None:
            return (yield from self._hand_off(received))
        started: SpawnResult = yield Spawn(received)
        if started == "started":
            return Reply(200, SUCCESS)
        yield from self._abort(received.dedupe_key)
        if started == "closed":
            return Reply(503, "shutting down")
        logger.warning("callback handlers backlogged; answering 503 so WeCom retries later")
        return Reply(503, "busy, retry later")

    def _hand_off(self, received: ReceivedCallback) -> Steps[Reply]:
        """Durable mode: the answer is 200 only after the hand-off returned."""
        try:
            if self.once:
                first = yield Call(self.handoff.handoff_once, (received.dedupe_key, received.event))
                if not first:
                    logger.info("duplicate callback delivery ignored: %s", event_label(received))
                return Reply(200, SUCCESS)
            yield Call(self.handoff, (received.event,), self._in_thread)
        except Exception:
            logger.exception("callback hand-off failed for %s; answering 503 so WeCom "
                             "retries", event_label(received))  # fmt: skip
            yield from self._abort(received.dedupe_key)
            return Reply(503, "hand-off failed, retry later")
        yield from self._finish(received.dedupe_key)
        return Reply(200, SUCCESS)

    # -- the dedupe store (failures logged, never raised) ------------------------------------

    def _begin(self, key: str) -> Steps[Phase]:
        store = self.dedupe
        if store is None:
            return "new"
        try:
            if hasattr(store, "begin"):
                phase: Phase = yield Call(store.begin, (key,))
                return phase
            return "new" if (yield Call(store.add, (key,))) else "done"
        except Exception:
            logger.exception("callback dedupe store failed; handling the delivery anyway")
            return "new"

    def _finish(self, key: str) -> Steps[None]:
        if self.dedupe is None or not hasattr(self.dedupe, "finish"):
            return
        try:
            yield Call(self.dedupe.finish, (key,))
        except Exception:  # the delivery was handled; at worst a retry is handled again
            logger.exception("callback dedupe store failed to mark a delivery done")

    def _abort(self, key: str) -> Steps[None]:
        store = self.dedupe
        if store is None:
            return
        try:
            yield Call(store.abort if hasattr(store, "abort") else store.discard, (key,))
        except Exception:
            logger.exception("callback dedupe store failed to forget a delivery")
