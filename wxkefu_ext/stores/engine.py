"""The store layer's engine: each store operation is written once, for blocking and asyncio.

Why: tokens, cursors, leases, both dedupe kinds, permanent codes and the hand-off producer each
had a Redis class and an ``asyncio`` twin that repeated every method with ``await`` added — the
key layout, the TTL arithmetic, the reply decoding and the error mapping were written twice and
drifted. Here an operation is a *flow*: a generator that yields described steps (a command, a
Lua script, a pipeline, a pause) and returns the result. It is defined once with
:func:`operation` on a class shared by both flavours; :class:`SyncShell` runs the steps on a
``redis.Redis`` and :class:`AsyncShell` awaits them on a ``redis.asyncio.Redis``::

    class _Tokens(Shell):
        @operation("read token")
        def get(self, key: str) -> Flow[CachedToken | None]:
            raw = yield Cmd("get", self.key(key))
            return None if raw is None else CachedToken.loads(raw)

    class RedisTokenStore(_Tokens, SyncShell): ...        # store.get(k) -> CachedToken | None
    class AsyncRedisTokenStore(_Tokens, AsyncShell): ...  # await store.get(k)

Decided once, here: every flow runs inside :func:`~wxkefu_ext.stores.store_errors` (a Redis or
socket failure becomes :class:`~wxkefu_ext.errors.StoreUnavailableError` named after the
operation); Lua scripts are :class:`Script` objects registered once per client (``EVALSHA``,
reloaded by redis-py after a Redis restart); TTLs become milliseconds with :func:`ttl_ms`;
replies are decoded with :func:`text`. A failed step is thrown into its flow, so a flow can
handle an expected Redis reply error itself.

:class:`AsyncView` is the one adapter that puts a non-blocking sync store (memory, file) behind
an async protocol.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import time
from collections.abc import AsyncIterator, Callable, Collection, Coroutine, Generator, Mapping
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from wxkefu_ext.stores.clients import store_errors

__all__ = [
    "AsyncShell",
    "AsyncView",
    "Call",
    "Cmd",
    "Flow",
    "Operation",
    "Pipe",
    "Script",
    "Shell",
    "Sleep",
    "SyncShell",
    "operation",
    "text",
    "ttl_ms",
]

P = ParamSpec("P")
T = TypeVar("T")


def ttl_ms(seconds: float) -> int:
    """A TTL in whole milliseconds, at least 1 (Redis rejects ``PX 0``)."""
    return max(1, int(seconds * 1000))


def text(value: Any) -> str:
    """A Redis reply (bytes without ``decode_responses``, str with it) as text."""
    return value.decode() if isinstance(value, bytes) else str(value)


class Step:
    """One described piece of I/O; the shells run it blocking or awaited."""

    __slots__ = ()

    def run(self, shell: Shell) -> Any:
        raise NotImplementedError

    async def arun(self, shell: Shell) -> Any:
        raise NotImplementedError


class Cmd(Step):
    """A Redis command by its redis-py method name: ``Cmd("set", key, value, px=ms)``."""

    __slots__ = ("args", "kwargs", "name")

    def __init__(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.name, self.args, self.kwargs = name, args, kwargs

    def run(self, shell: Shell) -> Any:
        return getattr(shell.redis, self.name)(*self.args, **self.kwargs)

    async def arun(self, shell: Shell) -> Any:
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

    def run(self, shell: Shell) -> Any:
        return shell.registered(self.script)(keys=self.keys, args=self.args)

    async def arun(self, shell: Shell) -> Any:
        return await shell.registered(self.script)(keys=self.keys, args=self.args)


class Pipe(Step):
    """Commands sent in one round trip (``MULTI``/``EXEC`` unless ``transaction=False``)."""

    __slots__ = ("cmds", "transaction")

    def __init__(self, *cmds: Cmd, transaction: bool = True) -> None:
        self.cmds, self.transaction = cmds, transaction

    def _queued(self, shell: Shell) -> Any:
        pipe = shell.redis.pipeline(transaction=self.transaction)
        for cmd in self.cmds:
            getattr(pipe, cmd.name)(*cmd.args, **cmd.kwargs)
        return pipe

    def run(self, shell: Shell) -> Any:
        return self._queued(shell).execute()

    async def arun(self, shell: Shell) -> Any:
        return await self._queued(shell).execute()


class Sleep(Step):
    """A pause (``time.sleep`` or ``asyncio.sleep``)."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def run(self, shell: Shell) -> Any:
        time.sleep(self.seconds)

    async def arun(self, shell: Shell) -> Any:
        await asyncio.sleep(self.seconds)


class Call(Step):
    """Call another shell's operation (or any callable); its result is awaited when it is
    awaitable — so a flow can use a lock or a store of its own flavour."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn

    def run(self, shell: Shell) -> Any:
        return self.fn()

    async def arun(self, shell: Shell) -> Any:
        result = self.fn()
        return await result if inspect.isawaitable(result) else result


#: What an operation is written as: a generator of steps returning the result.
Flow = Generator[Step, Any, T]


class Shell:
    """What both flavours share: the Redis client and its registered scripts."""

    redis: Any

    def registered(self, script: Script) -> Any:
        """``redis.register_script`` once per shell and script."""
        cache: dict[str, Any] = self.__dict__.setdefault("_registered_scripts", {})
        found = cache.get(script.lua)
        if found is None:
            found = cache[script.lua] = self.redis.register_script(script.lua)
        return found


def _throw(flow: Flow[Any], reply: Any, error: BaseException | None) -> Step:
    return flow.throw(error) if error is not None else flow.send(reply)


class SyncShell(Shell):
    """Runs operations blocking (``redis.Redis``)."""

    def drive(self, flow: Flow[T]) -> T:
        reply: Any = None
        error: BaseException | None = None
        while True:
            try:
                step = _throw(flow, reply, error)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            reply, error = None, None
            try:
                reply = step.run(self)
            except Exception as exc:  # the flow decides; unhandled, it comes straight back
                error = exc


class AsyncShell(Shell):
    """Runs operations awaited (``redis.asyncio.Redis``)."""

    async def drive(self, flow: Flow[T]) -> T:
        reply: Any = None
        error: BaseException | None = None
        while True:
            try:
                step = _throw(flow, reply, error)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            reply, error = None, None
            try:
                reply = await step.arun(self)
            except Exception as exc:
                error = exc


class Operation(Generic[P, T]):
    """A store operation written once (see the module docstring). On a :class:`SyncShell` it
    is a method returning ``T``; on an :class:`AsyncShell` a coroutine method."""

    def __init__(self, name: str, flow: Callable[Concatenate[Any, P], Flow[T]]) -> None:
        self.name = name
        self.flow = flow
        self.__doc__ = flow.__doc__

    @overload
    def __get__(self, obj: None, owner: Any = None) -> Operation[P, T]: ...
    @overload
    def __get__(
        self, obj: AsyncShell, owner: Any = None
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    @overload
    def __get__(self, obj: SyncShell, owner: Any = None) -> Callable[P, T]: ...
    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        name, flow = self.name, self.flow
        if isinstance(obj, AsyncShell):

            async def awaited(*args: P.args, **kwargs: P.kwargs) -> T:
                with store_errors(name):
                    return await obj.drive(flow(obj, *args, **kwargs))

            return awaited

        def blocking(*args: P.args, **kwargs: P.kwargs) -> T:
            with store_errors(name):
                return obj.drive(flow(obj, *args, **kwargs))  # type: ignore[no-any-return]

        return blocking


def operation(
    name: str,
) -> Callable[[Callable[Concatenate[Any, P], Flow[T]]], Operation[P, T]]:
    """Decorate a flow method; ``name`` is what a store failure says it was doing."""

    def wrap(flow: Callable[Concatenate[Any, P], Flow[T]]) -> Operation[P, T]:
        return Operation(name, flow)

    return wrap


class AsyncView:
    """A non-blocking sync object (memory store, file store, local lease) behind an async
    protocol: the methods named in ``awaitable`` become coroutine methods, those in
    ``contexts`` return async context managers, those in ``views`` return their result wrapped
    in another view (``views={"lease": {"awaitable": (...)}}``), those in ``aliases`` are
    another inner attribute (``aliases={"lock": "alock"}``: the inner object's own async
    variant); every other attribute is the inner object's. The inner object is ``inner``."""

    def __init__(
        self,
        inner: Any,
        *,
        awaitable: Collection[str] = (),
        contexts: Collection[str] = (),
        views: Mapping[str, Mapping[str, Any]] | None = None,
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.inner = inner
        self._aliases = dict(aliases or {})
        self._awaitable = frozenset(awaitable)
        self._contexts = frozenset(contexts)
        self._views = dict(views or {})

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # not set yet (copy, pickle) or private: never the inner's
            raise AttributeError(name)
        attr = getattr(self.inner, self._aliases.get(name, name))
        if name in self._awaitable:

            async def awaited(*args: Any, **kwargs: Any) -> Any:
                return attr(*args, **kwargs)

            return awaited
        if name in self._contexts:

            @contextlib.asynccontextmanager
            async def context(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
                with attr(*args, **kwargs) as value:
                    yield value

            return context
        if name in self._views:
            spec = self._views[name]
            return lambda *args, **kwargs: AsyncView(attr(*args, **kwargs), **spec)
        return attr

    def __repr__(self) -> str:
        return f"AsyncView({self.inner!r})"
