"""The store layer's shells: each store operation is written once, for blocking and asyncio.

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
operation); Lua scripts are :class:`~wxkefu_ext.stores.steps.Script` objects, registered once
per store object (``EVALSHA``, reloaded by redis-py after a Redis restart); TTLs become
milliseconds with :func:`~wxkefu_ext.stores.steps.ttl_ms`; replies are decoded with
:func:`~wxkefu_ext.stores.steps.text`. A failed step is thrown into its flow, so a flow can
handle an expected Redis reply error itself (the loop is :mod:`wxkefu_ext._flows`, shared with the
provider client and the callback endpoints).

:class:`AsyncView` is the one adapter that puts a non-blocking sync store (memory, file) behind
an async protocol.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Collection, Coroutine, Mapping
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from wxkefu_ext._flows import arun, run
from wxkefu_ext.stores.clients import store_errors
from wxkefu_ext.stores.steps import Flow, Script

__all__ = [
    "AsyncShell",
    "AsyncView",
    "Operation",
    "Shell",
    "SyncShell",
    "arun_flow",
    "operation",
    "run_flow",
]

P = ParamSpec("P")
T = TypeVar("T")


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


def run_flow(flow: Flow[T], runner: Any) -> T:
    """Run ``flow``'s steps blocking on ``runner`` (a shell, or any object the steps know)."""
    return run(flow, lambda step: step.run(runner))


async def arun_flow(flow: Flow[T], runner: Any) -> T:
    """:func:`run_flow`, each step awaited."""
    return await arun(flow, lambda step: step.arun(runner))


class SyncShell(Shell):
    """Runs operations blocking (``redis.Redis``)."""

    def drive(self, flow: Flow[T]) -> T:
        return run_flow(flow, self)


class AsyncShell(Shell):
    """Runs operations awaited (``redis.asyncio.Redis``)."""

    async def drive(self, flow: Flow[T]) -> T:
        return await arun_flow(flow, self)


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
