"""The sans-IO style of the provider package: a flow yields its I/O, a shell performs it.

A *flow* is a generator that yields *effects* — functions of the shell, such as
``lambda p: p.store.get(key)`` or ``lambda p: p.install(code)`` — and receives each result
back (an effect's exception is thrown into the flow, so ``try``/``except`` inside a flow works).
Each decision is therefore written once; :func:`arun` performs the effects on asyncio (awaiting
what they return) and :func:`run` on the calling thread. ``run`` *is* ``arun`` driven without an
event loop: with a sync shell no effect returns an awaitable, so the coroutine never suspends.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator
from typing import Any, TypeVar

__all__ = ["Effect", "Flow", "arun", "run"]

T = TypeVar("T")
#: One step of a flow: a function of the shell (sync: its result; async: awaited).
Effect = Callable[[Any], Any]
Flow = Generator[Effect, Any, T]


async def arun(shell: Any, flow: Flow[T]) -> T:
    """Drive ``flow`` against ``shell``, awaiting each effect's awaitable result."""
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            effect = flow.send(value) if error is None else flow.throw(error)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        try:
            value = effect(shell)
            value, error = (await value if inspect.isawaitable(value) else value), None
        except Exception as exc:  # handed to the flow, which re-raises it or handles it
            value, error = None, exc


def run(shell: Any, flow: Flow[T]) -> T:
    """Drive ``flow`` synchronously (a sync shell: effects return plain values)."""
    driver = arun(shell, flow)
    try:
        driver.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    driver.close()
    raise TypeError("an effect of a synchronous shell returned an awaitable that suspended")
