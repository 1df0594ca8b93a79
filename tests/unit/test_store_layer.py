"""The store layer (issue 14): one operation body serves the blocking and the asyncio flavour.

A tiny in-memory stand-in for a redis-py client (sync and async variants) is enough here: what is
tested is the engine — steps run on the right client, failures are thrown into the flow and
mapped to StoreUnavailableError, scripts are registered once — not Redis itself (the store tests
against a real Redis cover that).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from wxkefu_ext.errors import StoreUnavailableError
from wxkefu_ext.stores.shells import AsyncShell, AsyncView, Shell, SyncShell, operation
from wxkefu_ext.stores.steps import Call, Cmd, Flow, Pipe, Script, Sleep, text, ttl_ms


class _Client:
    """The redis-py calls the flows below use, blocking."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.registered: list[str] = []
        self.down = False

    def get(self, key: str) -> Any:
        if self.down:
            raise ConnectionResetError("connection reset by 127.0.0.1:6379")
        return self.data.get(key)

    def set(self, key: str, value: Any, px: int | None = None) -> bool:
        self.data[key] = value
        return True

    def register_script(self, lua: str) -> Any:
        self.registered.append(lua)
        return lambda keys, args: [lua, *keys, *args]

    def pipeline(self, transaction: bool = True) -> Any:
        client, queued = self, []

        class _Pipe:
            def set(self, *a: Any, **k: Any) -> None:
                queued.append(("set", a))

            def execute(self) -> list[bool]:
                return [_Client.set(client, *a) for _, a in queued]

        return _Pipe()


class _AsyncClient(_Client):
    """The same calls, awaitable (as ``redis.asyncio`` has them)."""

    async def get(self, key: str) -> Any:  # type: ignore[override]
        return super().get(key)

    async def set(self, key: str, value: Any, px: int | None = None) -> bool:  # type: ignore[override]
        return super().set(key, value, px)

    def register_script(self, lua: str) -> Any:
        sync = super().register_script(lua)

        async def call(keys: list[str], args: list[Any]) -> Any:
            return sync(keys, args)

        return call

    def pipeline(self, transaction: bool = True) -> Any:
        inner = super().pipeline(transaction)

        class _Pipe:
            set = inner.set

            async def execute(self) -> list[bool]:
                return inner.execute()  # type: ignore[no-any-return]

        return _Pipe()


_ECHO = Script("return KEYS")


class _Counter(Shell):
    def __init__(self, redis: Any) -> None:
        self.redis = redis
        self.fallbacks = 0

    @operation("read counter")
    def read(self, key: str) -> Flow[int]:
        try:
            raw = yield Cmd("get", key)
        except ConnectionResetError:  # a flow may handle a failed step itself...
            self.fallbacks += 1
            return -1
        return int(text(raw)) if raw is not None else 0

    @operation("strict read")
    def strict(self, key: str) -> Flow[int]:
        raw = yield Cmd("get", key)  # ... or not: then the shell maps it
        return int(raw or 0)

    @operation("write counter")
    def write(self, key: str, value: int) -> Flow[list[bool]]:
        yield Sleep(0)
        return (yield Pipe(Cmd("set", key, str(value)), Cmd("set", key + ":at", "t")))  # type: ignore[no-any-return]

    @operation("echo")
    def echo(self, key: str) -> Flow[Any]:
        first = yield _ECHO([key], ["a"])
        second = yield _ECHO([key], ["b"])
        return first, second

    @operation("nested")
    def nested(self, key: str, other: Any) -> Flow[int]:
        return int((yield Call(lambda: other.strict(key)))) + 1


class _SyncCounter(_Counter, SyncShell):
    pass


class _AsyncCounter(_Counter, AsyncShell):
    pass


def test_one_flow_serves_both_flavours() -> None:
    sync = _SyncCounter(_Client())
    assert sync.write("k", 41) == [True, True]
    assert sync.read("k") == 41 and sync.read("missing") == 0
    assert sync.nested("k", sync) == 42

    async def main() -> None:
        aio = _AsyncCounter(_AsyncClient())
        assert inspect.iscoroutinefunction(aio.read)  # what as_async_store and endpoints check
        assert await aio.write("k", 41) == [True, True]
        assert await aio.read("k") == 41
        assert await aio.nested("k", aio) == 42

    asyncio.run(main())


def test_failed_step_goes_into_the_flow_then_maps_to_store_unavailable() -> None:
    client = _Client()
    store = _SyncCounter(client)
    client.down = True
    assert store.read("k") == -1 and store.fallbacks == 1
    with pytest.raises(StoreUnavailableError, match="strict read: ConnectionResetError") as info:
        store.strict("k")
    assert info.value.operation == "strict read"
    assert isinstance(info.value.__cause__, ConnectionResetError)


def test_a_script_is_registered_once_per_shell() -> None:
    client = _Client()
    store = _SyncCounter(client)
    assert store.echo("k") == (["return KEYS", "k", "a"], ["return KEYS", "k", "b"])
    store.echo("j")
    assert client.registered == ["return KEYS"]


def test_ttl_ms_and_text() -> None:
    assert ttl_ms(0.0001) == 1 and ttl_ms(1.5) == 1500
    assert text(b"x") == "x" and text("y") == "y" and text(3) == "3"


class _Local:
    def __init__(self) -> None:
        self.entered = 0
        self.value = "v"

    def get(self) -> str:
        return self.value

    @contextlib.contextmanager
    def lock(self) -> Iterator[str]:
        self.entered += 1
        yield "held"

    @contextlib.asynccontextmanager
    async def alock(self) -> Any:
        yield "async-held"

    def child(self) -> _Local:
        return _Local()


def test_async_view_puts_a_sync_object_behind_an_async_protocol() -> None:
    local = _Local()
    view = AsyncView(
        local, awaitable=("get",), contexts=("lock",), views={"child": {"awaitable": ("get",)}}
    )
    aliased = AsyncView(local, aliases={"lock": "alock"})

    async def main() -> None:
        assert await view.get() == "v"
        async with view.lock() as held:
            assert held == "held"
        async with aliased.lock() as held:
            assert held == "async-held"
        assert await view.child().get() == "v"

    asyncio.run(main())
    assert local.entered == 1 and view.value == "v" and view.inner is local
    with pytest.raises(AttributeError):
        view._private  # noqa: B018 - never forwarded
