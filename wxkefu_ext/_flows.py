"""The one driver of the package's sans-IO flows, blocking (:func:`run`) and awaited (:func:`arun`).

Why one: the store layer, the provider client and the callback endpoints each write a decision
once, as a *flow* — a generator that yields the steps of I/O it needs and returns its result —
and each used to carry its own pair of loops to drive one. The loop is a decision too (what a
failed step does to the flow, which failures a flow may see), so it is made here, once:

* every step is handed to ``perform(step)``, the caller's way to execute its kind of step (a
  store runs a command on its Redis client, the provider calls the effect with itself, a
  callback endpoint reads its framework's body); its result is sent back into the flow;
* an :class:`Exception` raised by a step is *thrown into* the flow at its ``yield``, so
  ``try``/``except`` inside a flow handles expected failures; unhandled, it comes straight back
  out of the driver with its traceback;
* a :class:`BaseException` that is not an :class:`Exception` (``asyncio.CancelledError``,
  ``KeyboardInterrupt``, ``SystemExit``, ``GeneratorExit``) is never given to the flow: it
  propagates out of the driver at once, so no flow can swallow a cancellation;
* the flow's return value is the driver's.

``perform`` is ``Callable[[S], R]`` for :func:`run` and ``Callable[[S], Awaitable[R]]`` for
:func:`arun` (an ``async def`` or a function returning a coroutine such as ``step.arun(shell)``).
A flow that must hand something to *its own* consumer between steps (a pager's ``yield page``)
ends there: its result is that hand-out, and the consumer starts the next flow for the rest.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import Any, TypeAlias, TypeVar

__all__ = ["Flow", "arun", "run"]

S = TypeVar("S")
T = TypeVar("T")

#: A flow: yields steps ``S``, is sent each step's result, returns ``T``.
Flow: TypeAlias = Generator[S, Any, T]


def run(flow: Flow[S, T], perform: Callable[[S], Any]) -> T:
    """Drive ``flow`` to its result on the calling thread, ``perform``-ing each step."""
    send, throw = flow.send, flow.throw
    try:
        step = send(None)
        while True:
            try:
                value = perform(step)
            except Exception as exc:  # the flow decides; unhandled, it comes straight back
                step = throw(exc)
            else:
                step = send(value)
    except StopIteration as done:  # a StopIteration from a step is thrown in, never this
        result: T = done.value
        return result


async def arun(flow: Flow[S, T], perform: Callable[[S], Awaitable[Any]]) -> T:
    """:func:`run`, with each ``perform(step)`` awaited."""
    send, throw = flow.send, flow.throw
    try:
        step = send(None)
        while True:
            try:
                value = await perform(step)
            except Exception as exc:
                step = throw(exc)
            else:
                step = send(value)
    except StopIteration as done:
        result: T = done.value
        return result
