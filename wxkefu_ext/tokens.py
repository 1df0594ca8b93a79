"""access_token caching: stores, and the provider that fetches each token exactly once.

The failure modes users of peer SDKs report (peers.md B.1–B.3) shape this module:

* **Stampedes.** N threads / tasks / processes that find no token must cause one ``gettoken``:
  a per-process lock (thread lock or asyncio lock) gives single flight inside a process, and the
  store's own lock (an owned Redis lock for :class:`RedisTokenStore`) across processes; every
  waiter re-reads the store after it gets the lock, so only the first one fetches.
* **Key collisions.** The cache key is the credential's ``cache_key`` (kind + id + a hash of the
  secret): two secrets of one corp never share a slot, and no part of a secret is ever stored.
* **Clobbering.** Dropping a token that the server rejected is a compare-and-delete: if another
  process already stored a newer token, it stays.
* **Refresh ahead.** A token is refreshed once it is within ``margin`` of expiry; while another
  process is refreshing, callers keep using the still-valid token instead of waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any, Final, Protocol, TypedDict, Unpack, runtime_checkable

from wxkefu_ext._redact import Secret
from wxkefu_ext.locks import AsyncRedisLock, LockTimeoutError, RedisLock
from wxkefu_ext.stores.clients import redis_client
from wxkefu_ext.stores.shells import (
    AsyncShell,
    AsyncView,
    Shell,
    SyncShell,
    arun_flow,
    operation,
    run_flow,
)
from wxkefu_ext.stores.steps import Cmd, Flow, Script, Step, ttl_ms

__all__ = [
    "AsyncRedisTokenStore",
    "AsyncTokenManager",
    "AsyncTokenStore",
    "CachedToken",
    "LockTimeoutError",
    "MemoryTokenStore",
    "RedisTokenStore",
    "TokenManager",
    "TokenStore",
]


@dataclass(frozen=True, slots=True)
class CachedToken:
    """A token and when to refresh / stop using it (unix seconds)."""

    value: Secret
    expires_at: float
    refresh_at: float

    @classmethod
    def issue(cls, value: str, expires_in: float, *, now: float, margin: float) -> CachedToken:
        lead = min(margin, expires_in / 5)
        return cls(Secret(value), now + expires_in, now + expires_in - lead)

    def usable(self, now: float) -> bool:
        return now < self.expires_at

    def fresh(self, now: float) -> bool:
        return now < self.refresh_at

    def dumps(self) -> str:
        return json.dumps(
            {"v": self.value.reveal(), "e": self.expires_at, "r": self.refresh_at},
            separators=(",", ":"),
        )

    @classmethod
    def loads(cls, raw: str | bytes) -> CachedToken | None:
        try:
            data = json.loads(raw)
            return cls(Secret(str(data["v"])), float(data["e"]), float(data["r"]))
        except (ValueError, KeyError, TypeError):
            return None  # a damaged entry is treated as a miss and overwritten

    def __repr__(self) -> str:
        return f"CachedToken(value=Secret('***'), expires_at={self.expires_at:.0f})"


# ---------------------------------------------------------------------------------------------
# Stores
# ---------------------------------------------------------------------------------------------


@runtime_checkable
class TokenStore(Protocol):
    """Where tokens live. ``lock`` serialises refreshes of one key among all users of the store."""

    def get(self, key: str) -> CachedToken | None: ...
    def set(self, key: str, token: CachedToken, *, ttl: float) -> None:
        """Store ``token``; the store may forget it after ``ttl`` seconds."""

    def delete_if(self, key: str, value: str) -> bool:
        """Delete the entry only if it still holds ``value`` (never a newer token)."""

    def lock(
        self, key: str, *, ttl: float, wait: float
    ) -> contextlib.AbstractContextManager[Any]: ...


@runtime_checkable
class AsyncTokenStore(Protocol):
    async def get(self, key: str) -> CachedToken | None: ...
    async def set(self, key: str, token: CachedToken, *, ttl: float) -> None: ...
    async def delete_if(self, key: str, value: str) -> bool: ...
    def lock(
        self, key: str, *, ttl: float, wait: float
    ) -> contextlib.AbstractAsyncContextManager[Any]: ...


class MemoryTokenStore:
    """Tokens in this process (the default). Usable from sync and async clients alike."""

    def __init__(self) -> None:
        self._data: dict[str, CachedToken] = {}
        self._mutex = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        # per event loop: an asyncio.Lock is bound to the loop it first waits on, and one store
        # may outlive several loops (asyncio.run per job, per test...)
        self._async_locks: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, dict[str, asyncio.Lock]
        ] = weakref.WeakKeyDictionary()

    def get(self, key: str) -> CachedToken | None:
        return self._data.get(key)

    def set(self, key: str, token: CachedToken, *, ttl: float) -> None:
        self._data[key] = token  # the manager never serves an expired token: no TTL needed

    def delete_if(self, key: str, value: str) -> bool:
        with self._mutex:
            current = self._data.get(key)
            if current is not None and current.value.reveal() == value:
                del self._data[key]
                return True
            return False

    @contextlib.contextmanager
    def lock(self, key: str, *, ttl: float, wait: float) -> Iterator[None]:
        """Per-key thread lock: several managers sharing this store still fetch once."""
        with self._mutex:
            lock = self._locks.setdefault(key, threading.Lock())
        if not (lock.acquire(timeout=wait) if wait > 0 else lock.acquire(blocking=False)):
            raise LockTimeoutError(_busy(key, wait))
        try:
            yield
        finally:
            lock.release()

    @contextlib.asynccontextmanager
    async def alock(self, key: str, *, ttl: float, wait: float) -> AsyncIterator[None]:
        """Per-key asyncio lock (what async managers use, so the event loop never blocks).

        Single flight holds among the tasks of one event loop; loops in other threads each have
        their own lock (at most one fetch per loop)."""
        loop = asyncio.get_running_loop()
        with self._mutex:
            locks = self._async_locks.setdefault(loop, {})
            lock = locks.get(key)
            if lock is None:
                lock = locks[key] = asyncio.Lock()
        if wait <= 0 and lock.locked():
            raise LockTimeoutError(_busy(key, wait))
        try:
            await asyncio.wait_for(lock.acquire(), wait if wait > 0 else None)
        except TimeoutError:
            raise LockTimeoutError(_busy(key, wait)) from None
        try:
            yield
        finally:
            lock.release()

    def __repr__(self) -> str:
        return f"MemoryTokenStore({len(self._data)} tokens)"


#: Compare-and-delete. A damaged entry (not JSON, or JSON without "v") is left alone and
#: reported as "not deleted" instead of failing the script: the next refresh overwrites it.
_DELETE_IF: Final = Script(
    "local v = redis.call('get', KEYS[1]) "
    "if not v then return 0 end "
    "local ok, d = pcall(cjson.decode, v) "
    "if ok and type(d) == 'table' and d['v'] == ARGV[1] then "
    "return redis.call('del', KEYS[1]) end return 0"
)


def _busy(key: str, wait: float) -> str:
    return (
        f"token refresh lock {key!r} still held by another refresher after waiting {wait:.1f}s "
        "(gettoken slow or unreachable?); retry later or raise lock_wait"
    )


class _RedisTokens(Shell):
    """The Redis token store's operations, once for :class:`RedisTokenStore` and
    :class:`AsyncRedisTokenStore` (same keys: ``{prefix}token:{key}``, lock
    ``{prefix}token-lock:{key}``)."""

    def __init__(self, redis: Any, *, prefix: str = "wxkefu:") -> None:
        self.redis = redis_client(
            redis, asyncio=isinstance(self, AsyncShell), what="a Redis token store from a URL"
        )
        self.prefix = prefix

    def _key(self, key: str) -> str:
        return f"{self.prefix}token:{key}"

    def _lock_key(self, key: str) -> str:
        return f"{self.prefix}token-lock:{key}"

    @operation("read token")
    def get(self, key: str) -> Flow[CachedToken | None]:
        raw = yield Cmd("get", self._key(key))
        return None if raw is None else CachedToken.loads(raw)

    @operation("store token")
    def set(self, key: str, token: CachedToken, *, ttl: float) -> Flow[None]:
        yield Cmd("set", self._key(key), token.dumps(), px=ttl_ms(ttl))

    @operation("delete token")
    def delete_if(self, key: str, value: str) -> Flow[bool]:
        return bool((yield _DELETE_IF([self._key(key)], [value])))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(prefix={self.prefix!r})"


class RedisTokenStore(_RedisTokens, SyncShell):
    """Tokens shared by every process and machine that uses the same Redis and prefix."""

    @contextlib.contextmanager
    def lock(self, key: str, *, ttl: float, wait: float) -> Iterator[None]:
        lock = RedisLock(self.redis, self._lock_key(key), ttl=ttl)
        lock.acquire(wait=wait, busy=_busy(key, wait))
        with lock:  # renewed while a slow gettoken runs; released by compare-and-delete
            yield


class AsyncRedisTokenStore(_RedisTokens, AsyncShell):
    """:class:`RedisTokenStore` for asyncio (``redis.asyncio``)."""

    @contextlib.asynccontextmanager
    async def lock(self, key: str, *, ttl: float, wait: float) -> AsyncIterator[None]:
        lock = AsyncRedisLock(self.redis, self._lock_key(key), ttl=ttl)
        await lock.acquire(wait=wait, busy=_busy(key, wait))
        async with lock:
            yield


def as_async_store(store: TokenStore | AsyncTokenStore) -> AsyncTokenStore:
    """The store behind the async protocol: async stores as they are, a non-blocking sync one
    (the memory store: its ``alock`` serves as ``lock``) through :class:`AsyncView`."""
    if isinstance(store, (AsyncRedisTokenStore, AsyncView)):
        return store
    if isinstance(store, RedisTokenStore):
        raise TypeError("use AsyncRedisTokenStore with AsyncKfClient (RedisTokenStore blocks)")
    if asyncio.iscoroutinefunction(getattr(store, "get", None)):
        return store  # type: ignore[return-value]
    if hasattr(store, "alock"):  # a per-loop asyncio lock: the event loop never blocks
        view = AsyncView(store, awaitable=_TOKEN_CALLS, aliases={"lock": "alock"})
    else:  # a custom sync store: its lock had better be quick
        view = AsyncView(store, awaitable=_TOKEN_CALLS, contexts=("lock",))
    return view


_TOKEN_CALLS: Final = ("get", "set", "delete_if")


# ---------------------------------------------------------------------------------------------
# Providers
# ---------------------------------------------------------------------------------------------

#: fetch() -> (access_token, expires_in seconds)
Fetch = Callable[[], tuple[str, float]]
AsyncFetch = Callable[[], Awaitable[tuple[str, float]]]


class _Get(Step):
    """Step: read the store."""

    def run(self, r: Any) -> Any:
        return r.store.get(r.key)

    async def arun(self, r: Any) -> Any:
        return await r.store.get(r.key)


class _Fetch(Step):
    """Step: call gettoken."""

    def run(self, r: Any) -> Any:
        return r.fetch()

    async def arun(self, r: Any) -> Any:
        return await r.fetch()


class _Lock(Step):
    """Step: take the store's lock for the rest of the flow (released when the flow ends)."""

    def __init__(self, wait: float) -> None:
        self.wait = wait

    def run(self, r: Any) -> Any:
        r.held.enter_context(r.store.lock(r.key, ttl=r.lock_ttl, wait=self.wait))

    async def arun(self, r: Any) -> Any:
        lock = r.store.lock(r.key, ttl=r.lock_ttl, wait=self.wait)
        await r.held.enter_async_context(lock)


class _Mutex(Step):
    """Step: take this process's refresh mutex for the rest of the flow. Without ``wait`` (a
    still-valid token to fall back on) it answers False instead of waiting for a holder."""

    def __init__(self, wait: bool) -> None:
        self.wait = wait

    def run(self, r: Any) -> Any:
        if not r.mutex.acquire(blocking=self.wait):
            return False
        r.held.callback(r.mutex.release)
        return True

    async def arun(self, r: Any) -> Any:
        if not self.wait and r.mutex.locked():
            return False
        await r.held.enter_async_context(r.mutex)
        return True


class _Set(Step):
    def __init__(self, token: CachedToken, ttl: float) -> None:
        self.token, self.ttl = token, ttl

    def run(self, r: Any) -> Any:
        r.store.set(r.key, self.token, ttl=self.ttl)

    async def arun(self, r: Any) -> Any:
        await r.store.set(r.key, self.token, ttl=self.ttl)


@dataclass(frozen=True, slots=True)
class _Refresh:
    """What one refresh's steps run on: the manager's store, key, fetch and process mutex, and
    the locks the refresh holds until it ends."""

    store: Any
    key: str
    fetch: Any
    lock_ttl: float
    mutex: Any
    held: Any


_GET: Final = _Get()
_FETCH: Final = _Fetch()
_MUTEX: Final = _Mutex(wait=True)
_MUTEX_IF_FREE: Final = _Mutex(wait=False)
_Step = _Get | _Fetch | _Mutex | _Lock | _Set


class _Policy:
    """What the sync and async managers share: the key, timing and the refresh flow itself."""

    def __init__(
        self,
        key: str,
        *,
        margin: float,
        lock_ttl: float,
        lock_wait: float,
        clock: Callable[[], float],
    ) -> None:
        self.key = key
        self.margin = margin
        self.lock_ttl = lock_ttl
        self.lock_wait = lock_wait
        self.clock = clock
        self.fetches = 0  # how many times this process called gettoken (observability/tests)

    def hit(self, token: CachedToken | None) -> str | None:
        """The cached value when it needs no refresh."""
        if token is not None and token.fresh(self.clock()):
            return token.value.reveal()
        return None

    def fallback(self, token: CachedToken | None) -> str | None:
        """A stale-but-valid value, usable while someone else refreshes."""
        if token is not None and token.usable(self.clock()):
            return token.value.reveal()
        return None

    def refresh(self, cached: CachedToken | None) -> Generator[_Step, Any, str]:
        """The refresh, as steps: mutex, re-check, lock, re-check, fetch, store.

        ``cached`` is what the store held: while it is still valid, it is returned instead of
        waiting for another thread/task of this process or another process that is refreshing.
        """
        stale = self.fallback(cached)
        took = yield _MUTEX if stale is None else _MUTEX_IF_FREE
        if not took and stale is not None:
            return stale  # another thread/task of this process is refreshing right now
        value = self.hit((yield _GET))  # someone refreshed while we waited for the mutex
        if value is not None:
            return value
        try:
            yield _Lock(0.0 if stale else self.lock_wait)
        except LockTimeoutError:
            if stale is not None:
                return stale  # another process is refreshing; the old token is still valid
            raise
        value = self.hit((yield _GET))  # ... or another process did, while we waited
        if value is not None:
            return value
        raw, expires_in = yield _FETCH
        token = self.issue(raw, expires_in)
        yield _Set(token, token.expires_at - self.clock())
        return token.value.reveal()

    def issue(self, value: object, expires_in: object) -> CachedToken:
        self.fetches += 1
        if not isinstance(value, str) or not value:
            from wxkefu_ext.errors import KfResponseError

            raise KfResponseError("token endpoint returned an empty access_token")
        if isinstance(expires_in, bool) or not isinstance(expires_in, int | float):
            from wxkefu_ext.errors import KfResponseError

            raise KfResponseError("token endpoint returned no numeric expires_in")
        return CachedToken.issue(value, float(expires_in), now=self.clock(), margin=self.margin)


#: Refresh this long before expiry (capped at a fifth of the token's lifetime for short tokens).
DEFAULT_MARGIN: Final = 300.0
DEFAULT_LOCK_TTL: Final = 15.0
DEFAULT_LOCK_WAIT: Final = 20.0


class ManagerOptions(TypedDict, total=False):
    """The keyword options of both managers: refresh ``margin`` (s before expiry), the store
    lock's ``lock_ttl`` and ``lock_wait`` (s), and ``clock`` (unix seconds)."""

    margin: float
    lock_ttl: float
    lock_wait: float
    clock: Callable[[], float]


class _Manager:
    """What both managers share; the refresh flow itself is :meth:`_Policy.refresh`, its steps
    run blocking (:class:`TokenManager`) or awaited (:class:`AsyncTokenManager`)."""

    store: Any

    def __init__(
        self,
        key: str,
        store: Any,
        fetch: Any,
        *,
        margin: float = DEFAULT_MARGIN,
        lock_ttl: float = DEFAULT_LOCK_TTL,
        lock_wait: float = DEFAULT_LOCK_WAIT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = self._adopt(store)
        self._fetch = fetch
        self._p = _Policy(key, margin=margin, lock_ttl=lock_ttl, lock_wait=lock_wait, clock=clock)

    def _adopt(self, store: Any) -> Any:
        return store

    def _refresh(self, mutex: Any, held: Any) -> _Refresh:
        return _Refresh(self.store, self._p.key, self._fetch, self._p.lock_ttl, mutex, held)

    @property
    def fetches(self) -> int:
        """How many tokens this manager fetched (observability, tests)."""
        return self._p.fetches

    @property
    def key(self) -> str:
        """The store key of this credential's token (no secret in it)."""
        return self._p.key

    def __repr__(self) -> str:
        return f"{type(self).__name__}(store={self.store!r})"


class TokenManager(_Manager):
    """Hands out a valid access_token, fetching it at most once per expiry across the store
    (``fetch() -> (access_token, expires_in)``; options: :class:`ManagerOptions`)."""

    store: TokenStore
    _fetch: Fetch

    def __init__(
        self, key: str, store: TokenStore, fetch: Fetch, **options: Unpack[ManagerOptions]
    ) -> None:
        super().__init__(key, store, fetch, **options)
        self._mutex = threading.Lock()

    def get(self) -> str:
        cached = self.store.get(self._p.key)
        value = self._p.hit(cached)
        if value is not None:
            return value
        with contextlib.ExitStack() as held:
            return run_flow(self._p.refresh(cached), self._refresh(self._mutex, held))

    def invalidate(self, rejected: str) -> None:
        """Forget ``rejected`` (the server refused it) unless a newer token replaced it already."""
        self.store.delete_if(self._p.key, rejected)

    def renew(self, rejected: str | None) -> str:
        """:meth:`get`, after :meth:`invalidate` of ``rejected`` when the server refused it."""
        if rejected is not None:
            self.invalidate(rejected)
        return self.get()


class AsyncTokenManager(_Manager):
    """The asyncio twin of :class:`TokenManager` (same flow, awaitable store and fetch)."""

    store: AsyncTokenStore
    _fetch: AsyncFetch

    def __init__(
        self,
        key: str,
        store: TokenStore | AsyncTokenStore,
        fetch: AsyncFetch,
        **options: Unpack[ManagerOptions],
    ) -> None:
        super().__init__(key, store, fetch, **options)
        # (loop, lock): an asyncio.Lock belongs to one event loop; a new loop gets a new lock
        self._mutex: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None

    def _adopt(self, store: Any) -> Any:
        return as_async_store(store)

    async def get(self) -> str:
        cached = await self.store.get(self._p.key)
        value = self._p.hit(cached)
        if value is not None:
            return value
        loop = asyncio.get_running_loop()
        if self._mutex is None or self._mutex[0] is not loop:
            self._mutex = (loop, asyncio.Lock())
        async with contextlib.AsyncExitStack() as held:
            return await arun_flow(self._p.refresh(cached), self._refresh(self._mutex[1], held))

    async def invalidate(self, rejected: str) -> None:
        await self.store.delete_if(self._p.key, rejected)

    async def renew(self, rejected: str | None) -> str:
        if rejected is not None:
            await self.invalidate(rejected)
        return await self.get()
