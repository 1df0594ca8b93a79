"""The sans-IO style of the provider package: a flow yields its I/O, a shell performs it.

A *flow* is a generator that yields *effects* — functions of the shell, such as
``lambda p: p.store.get(key)`` or ``lambda p: p.install(code)`` — and receives each result
back (an effect's exception is thrown into the flow, so ``try``/``except`` inside a flow works).
Each decision is therefore written once; :func:`arun` performs the effects on asyncio (awaiting
what they return) and :func:`run` on the calling thread; the loops are the package's one
driver, :mod:`wxkefu_ext._flows`. A sync shell's effect that returns an awaitable anyway has it
run without an event loop (fine while it never suspends; a :class:`TypeError` when it does).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine
from functools import partial
from typing import Any, TypeVar

from wxkefu_ext import _flows

__all__ = ["Effect", "Flow", "arun", "run"]

T = TypeVar("T")
#: One step of a flow: a function of the shell (sync: its result; async: awaited).
Effect = Callable[[Any], Any]
Flow = _flows.Flow[Effect, T]


def _perform(shell: Any, effect: Effect) -> Awaitable[Any]:
    value = effect(shell)
    return value if inspect.isawaitable(value) else _ready(value)


async def _ready(value: Any) -> Any:
    return value


def arun(shell: Any, flow: Flow[T]) -> Coroutine[Any, Any, T]:
    """Drive ``flow`` against ``shell``, awaiting each effect's awaitable result (the shared
    driver's coroutine itself, so no wrapper coroutine per call)."""
    return _flows.arun(flow, partial(_perform, shell))


def run(shell: Any, flow: Flow[T]) -> T:
    """Drive ``flow`` synchronously (a sync shell: effects return plain values)."""
    return _flows.run(flow, partial(_call, shell))


def _call(shell: Any, effect: Effect) -> Any:
    value = effect(shell)
    return _settled(value) if inspect.isawaitable(value) else value


def _settled(awaitable: Any) -> Any:
    """What a sync shell's effect returned as an awaitable, which must finish without a loop."""
    driver = _await(awaitable)
    try:
        driver.send(None)
    except StopIteration as done:
        return done.value
    driver.close()
    raise TypeError("an effect of a synchronous shell returned an awaitable that suspended")


async def _await(awaitable: Any) -> Any:
    return await awaitable
