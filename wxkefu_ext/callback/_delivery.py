"""The two-phase dedupe and hand-off decisions shared by the ASGI and WSGI endpoints.

Why one place: both endpoints must treat a delivery identically — begin the dedupe mark,
answer a done one 200 and an in-flight one 503 (WeCom retries), then either hand the event off
*before* answering (``handoff``: the answer is 200 only once it returned; an exception aborts
the mark and answers 503) or run the handler after answering (finish on success, abort on
failure). Stores may be sync or async and may still implement the one-phase ``add``/``discard``.
A store that fails is logged and treated as "new": a duplicate is better than a lost callback.
"""

from __future__ import annotations

import inspect
from typing import Any

from wxkefu_ext.callback._http import logger
from wxkefu_ext.callback.dedupe import Phase


async def _maybe_await(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def abegin(store: Any, key: str) -> Phase:
    if store is None:
        return "new"
    try:
        if hasattr(store, "begin"):
            phase: Phase = await _maybe_await(store.begin(key))
            return phase
        return "new" if await _maybe_await(store.add(key)) else "done"
    except Exception:
        logger.exception("callback dedupe store failed; handling the delivery anyway")
        return "new"


async def afinish(store: Any, key: str) -> None:
    if store is None or not hasattr(store, "finish"):
        return
    try:
        await _maybe_await(store.finish(key))
    except Exception:  # the delivery was handled; at worst a retry is handled again
        logger.exception("callback dedupe store failed to mark a delivery done")


async def aabort(store: Any, key: str) -> None:
    if store is None:
        return
    try:
        await _maybe_await(store.abort(key) if hasattr(store, "abort") else store.discard(key))
    except Exception:
        logger.exception("callback dedupe store failed to forget a delivery")


def begin(store: Any, key: str) -> Phase:
    if store is None:
        return "new"
    try:
        if hasattr(store, "begin"):
            phase: Phase = store.begin(key)
            return phase
        return "new" if store.add(key) else "done"
    except Exception:
        logger.exception("callback dedupe store failed; handling the delivery anyway")
        return "new"


def finish(store: Any, key: str) -> None:
    if store is None or not hasattr(store, "finish"):
        return
    try:
        store.finish(key)
    except Exception:
        logger.exception("callback dedupe store failed to mark a delivery done")


def abort(store: Any, key: str) -> None:
    if store is None:
        return
    try:
        store.abort(key) if hasattr(store, "abort") else store.discard(key)
    except Exception:
        logger.exception("callback dedupe store failed to forget a delivery")
