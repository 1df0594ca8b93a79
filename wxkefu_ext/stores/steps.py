"""Store steps: the I/O a store operation describes, and how each runs blocking or awaited.

A flow (:mod:`wxkefu_ext.stores.shells`) yields these: :class:`Cmd` (one Redis command),
a :class:`Script` call (Lua, written once and run with ``EVALSHA``), :class:`Pipe` (commands in
one round trip), :class:`Sleep` and :class:`Call` (another operation of the same flavour).
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable, Collection, Generator
from typing import Any, Protocol, TypeVar

__all__ = ["Call", "Cmd", "Flow", "Pipe", "Script", "Sleep", "Step", "text", "ttl_ms"]

T = TypeVar("T")


class Runner(Protocol):
    """What a step runs on: a shell's client and its registered scripts."""

    redis: Any

    def registered(self, script: Script) -> Any: ...


def ttl_ms(seconds: float) -> int:
    """A TTL in whole milliseconds, at least 1 (Redis rejects ``PX 0``)."""
    return max(1, int(seconds * 1000))


def text(value: Any) -> str:
    """A Redis reply (bytes without ``decode_responses``, str with it) as text."""
    return value.decode() if isinstance(value, bytes) else str(value)


class Step:
    """One described piece of I/O; the shells run it blocking or awaited."""

    __slots__ = ()

    def run(self, shell: Runner) -> Any:
        raise NotImplementedError

    async def arun(self, shell: Runner) -> Any:
        raise NotImplementedError


class Cmd(Step):
    """A Redis command by its redis-py method name: ``Cmd("set", key, value, px=ms)``."""

    __slots__ = ("args", "kwargs", "name")

    def __init__(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.name, self.args, self.kwargs = name, args, kwargs

    def run(self, shell: Runner) -> Any:
        return getattr(shell.redis, self.name)(*self.args, **self.kwargs)

    async def arun(self, shell: Runner) -> Any:
        return await getattr(shell.redis, self.name)(*self.args, **self.kwargs)


class Script:
    """A Lua script, written once: ``yield SCRIPT(keys, args)`` runs it (``EVALSHA``)."""

    __slots__ = ("lua",)

    def __init__(self, lua: str) -> None:
        self.lua = lua

    def __call__(self, keys: Collection[str], args: Collection[Any]) -> _Eval:
        return _Eval(self, list(keys), list(args))


class _Eval(Step):
    __slots__ = ("args", "keys", "script")

    def __init__(self, script: Script, keys: list[str], args: list[Any]) -> None:
        self.script, self.keys, self.args = script, keys, args

    def run(self, shell: Runner) -> Any:
        return shell.registered(self.script)(keys=self.keys, args=self.args)

    async def arun(self, shell: Runner) -> Any:
        return await shell.registered(self.script)(keys=self.keys, args=self.args)


class Pipe(Step):
    """Commands sent in one round trip (``MULTI``/``EXEC`` unless ``transaction=False``)."""

    __slots__ = ("cmds", "transaction")

    def __init__(self, *cmds: Cmd, transaction: bool = True) -> None:
        self.cmds, self.transaction = cmds, transaction

    def _queued(self, shell: Runner) -> Any:
        pipe = shell.redis.pipeline(transaction=self.transaction)
        for cmd in self.cmds:
            getattr(pipe, cmd.name)(*cmd.args, **cmd.kwargs)
        return pipe

    def run(self, shell: Runner) -> Any:
        return self._queued(shell).execute()

    async def arun(self, shell: Runner) -> Any:
        return await self._queued(shell).execute()


class Sleep(Step):
    """A pause (``time.sleep`` or ``asyncio.sleep``)."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def run(self, shell: Runner) -> Any:
        time.sleep(self.seconds)

    async def arun(self, shell: Runner) -> Any:
        await asyncio.sleep(self.seconds)


class Call(Step):
    """Call another shell's operation (or any callable); its result is awaited when it is
    awaitable — so a flow can use a lock or a store of its own flavour."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn

    def run(self, shell: Runner) -> Any:
        return self.fn()

    async def arun(self, shell: Runner) -> Any:
        result = self.fn()
        return await result if inspect.isawaitable(result) else result


#: What an operation is written as: a generator of steps returning the result.
Flow = Generator[Step, Any, T]
