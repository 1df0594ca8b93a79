"""The one flow driver (``wxkefu_ext._flows``) and the modules that drive their flows with it.

What is pinned: each step's result is sent back and the flow's return value is the driver's; an
``Exception`` from a step is thrown into the flow at its ``yield`` (handled there, or coming
straight back out); a ``BaseException`` that is not an ``Exception`` (cancellation, Ctrl-C) is
never shown to the flow and propagates at once; a ``StopIteration`` from a step cannot end a
flow early. The same holds through the store shells, the provider flows and the callback core,
which must not keep loops of their own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Generator
from typing import Any

import pytest

from wxkefu_ext import _flows
from wxkefu_ext.callback import _delivery
from wxkefu_ext.provider import flows as provider_flows
from wxkefu_ext.stores import shells
from wxkefu_ext.stores.steps import Step

pytestmark = pytest.mark.unit


class Boom(Exception):
    pass


class Do(Step):
    """A store step that returns ``value`` or raises ``error`` (blocking and awaited)."""

    __slots__ = ("error", "value")

    def __init__(self, value: Any = None, error: BaseException | None = None) -> None:
        self.value, self.error = value, error

    def run(self, shell: Any) -> Any:
        if self.error is not None:
            raise self.error
        return self.value

    async def arun(self, shell: Any) -> Any:
        await asyncio.sleep(0)  # really suspends, like a Redis round trip
        return self.run(shell)


def perform(step: Do) -> Any:
    return step.run(None)


async def aperform(step: Do) -> Any:
    return await step.arun(None)


def as_effect(step: Do) -> Callable[[Any], Any]:
    return lambda shell: step.run(shell)


def as_async_effect(step: Do) -> Callable[[Any], Awaitable[Any]]:
    return lambda shell: step.arun(shell)


def provider_steps(flow: Generator[Do, Any, Any], wrap: Callable[[Do], Any]) -> Any:
    """``flow`` with each step made a provider effect (a function of the shell)."""
    reply: Any = None
    error: BaseException | None = None
    while True:
        try:
            step = flow.send(reply) if error is None else flow.throw(error)
        except StopIteration as done:
            return done.value
        try:
            reply, error = (yield wrap(step)), None
        except Exception as exc:
            reply, error = None, exc


def in_a_loop(
    drive: Callable[[Generator[Do, Any, Any]], Awaitable[Any]],
) -> Callable[[Generator[Do, Any, Any]], Any]:
    """An async driver run to completion by ``asyncio.run``; whatever it raised (also a
    ``KeyboardInterrupt``) is caught inside the loop and raised again outside it."""

    def go(flow: Generator[Do, Any, Any]) -> Any:
        async def main() -> tuple[bool, Any]:
            try:
                return True, await drive(flow)
            except BaseException as exc:
                return False, exc

        ok, value = asyncio.run(main())
        if not ok:
            raise value
        return value

    return go


# Every driver of the package, run to completion: name -> run(flow) -> result.
ASYNC: dict[str, Callable[[Generator[Do, Any, Any]], Awaitable[Any]]] = {
    "_flows.arun": lambda flow: _flows.arun(flow, aperform),
    "stores.arun_flow": lambda flow: shells.arun_flow(flow, None),
    "provider.arun": lambda flow: provider_flows.arun(None, provider_steps(flow, as_async_effect)),
    "callback.adrive": lambda flow: _delivery.adrive(flow, aperform),
}
DRIVERS: dict[str, Callable[[Generator[Do, Any, Any]], Any]] = {
    "_flows.run": lambda flow: _flows.run(flow, perform),
    "stores.run_flow": lambda flow: shells.run_flow(flow, None),
    "provider.run": lambda flow: provider_flows.run(None, provider_steps(flow, as_effect)),
    "callback.drive": lambda flow: _delivery.drive(flow, perform),
    **{name: in_a_loop(drive) for name, drive in ASYNC.items()},
}


class Trace:
    """What a flow saw: the replies, the exceptions thrown into it, whether it was resumed."""

    def __init__(self) -> None:
        self.replies: list[Any] = []
        self.caught: list[BaseException] = []
        self.finished = False


def adding(trace: Trace) -> Generator[Do, Any, int]:
    a: int = yield Do(1)
    b: int = yield Do(2)
    trace.replies += [a, b]
    try:
        yield Do(error=Boom("expected"))
    except Boom as exc:
        trace.caught.append(exc)
    c: int = yield Do(3)
    trace.replies.append(c)
    return a + b + c


def swallowing(trace: Trace, step: Do) -> Generator[Do, Any, str]:
    """A flow that would swallow anything it is shown at ``step``."""
    try:
        yield step
    except GeneratorExit:  # closed when collected: not something the driver showed it
        raise
    except BaseException as exc:
        trace.caught.append(exc)
        return "swallowed"
    trace.finished = True
    return "resumed"


@pytest.mark.parametrize("name", list(DRIVERS))
def test_driver_sends_replies_and_throws_failures_into_the_flow(name: str) -> None:
    trace = Trace()
    assert DRIVERS[name](adding(trace)) == 6
    assert trace.replies == [1, 2, 3]
    assert [str(e) for e in trace.caught] == ["expected"]


def unhandled() -> Generator[Do, Any, None]:
    yield Do(1)
    yield Do(error=Boom("unhandled"))
    raise AssertionError("resumed after an unhandled failure")


@pytest.mark.parametrize("name", list(DRIVERS))
def test_unhandled_failure_comes_back_out(name: str) -> None:
    with pytest.raises(Boom, match="unhandled"):
        DRIVERS[name](unhandled())


@pytest.mark.parametrize("name", list(DRIVERS))
@pytest.mark.parametrize("error", [KeyboardInterrupt, SystemExit, asyncio.CancelledError])
def test_base_exception_is_never_shown_to_the_flow(name: str, error: type[BaseException]) -> None:
    trace = Trace()
    with pytest.raises(error):
        DRIVERS[name](swallowing(trace, Do(error=error())))
    assert trace.caught == [] and not trace.finished


class Hang(Do):
    """A step that waits until cancelled."""

    async def arun(self, shell: Any) -> Any:
        await asyncio.Event().wait()


@pytest.mark.parametrize("name", list(ASYNC))
def test_cancelling_the_task_cancels_the_flow_unseen(name: str) -> None:
    trace = Trace()

    async def main() -> None:
        task = asyncio.ensure_future(ASYNC[name](swallowing(trace, Hang())))
        for _ in range(5):
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert trace.caught == [] and not trace.finished


def stop_step() -> Generator[Do, Any, str]:
    yield Do(error=StopIteration("from a step"))
    return "not reached"


@pytest.mark.parametrize("name", list(DRIVERS))
def test_stop_iteration_from_a_step_cannot_end_the_flow(name: str) -> None:
    with pytest.raises(RuntimeError, match="StopIteration"):
        DRIVERS[name](stop_step())


def test_provider_sync_shell_runs_a_non_suspending_awaitable_and_rejects_one_that_suspends() -> (
    None
):
    async def ready(shell: Any) -> int:
        return 7

    async def suspends(shell: Any) -> int:
        await asyncio.sleep(0)
        return 8

    def flow(effect: Callable[[Any], Any]) -> Generator[Callable[[Any], Any], Any, Any]:
        return (yield effect)

    assert provider_flows.run(None, flow(ready)) == 7
    with pytest.raises(TypeError, match="suspended"):
        provider_flows.run(None, flow(suspends))


def test_the_callback_core_has_no_loop_of_its_own() -> None:
    assert _delivery.drive is _flows.run
    assert _delivery.adrive is _flows.arun
