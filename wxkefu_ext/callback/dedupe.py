"""Detecting repeated deliveries of one callback.

Why: WeCom re-sends a callback it got no answer to within about 5 seconds (and a slow network
can make it re-send one that *was* answered). Handling it twice makes a bot answer twice
(peers.md B.5). The endpoints mark each verified delivery's key (see
:func:`wxkefu_ext.callback.core.dedupe_key_for`) and hand only first deliveries to the handler.

* :class:`MemoryDedupeStore` — one process: a TTL set, bounded in size.
* :class:`RedisDedupeStore` / :class:`AsyncRedisDedupeStore` — several processes or hosts:
  ``SET key 1 NX EX ttl`` is atomic, so exactly one worker wins each key.

Anything with ``add(key) -> bool`` (``True`` the first time a key is seen) and
``discard(key)`` fits :class:`DedupeStore`; the async variant returns awaitables.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "DEFAULT_DEDUPE_TTL",
    "AsyncDedupeStore",
    "AsyncRedisDedupeStore",
    "DedupeStore",
    "MemoryDedupeStore",
    "RedisDedupeStore",
]

#: Seconds a delivery key is remembered: WeCom's retries come within a minute, and a
#: kf_msg_or_event token is valid for 10 minutes.
DEFAULT_DEDUPE_TTL = 600.0


@runtime_checkable
class DedupeStore(Protocol):
    """Remembers delivery keys for a while."""

    def add(self, key: str) -> bool:
        """Mark ``key``; ``True`` if it was not marked yet (this is the first delivery)."""
        ...

    def discard(self, key: str) -> None:
        """Forget ``key`` (used when a delivery could not be queued and must be retried)."""
        ...


class AsyncDedupeStore(Protocol):
    """The async twin of :class:`DedupeStore` (for ASGI apps with an async Redis client)."""

    def add(self, key: str) -> Awaitable[bool]: ...

    def discard(self, key: str) -> Awaitable[None]: ...


class MemoryDedupeStore:
    """An in-process TTL set. Thread-safe; at most ``max_entries`` keys (oldest dropped first).

    Per process only: behind several workers, use :class:`RedisDedupeStore`."""

    def __init__(
        self,
        ttl: float = DEFAULT_DEDUPE_TTL,
        *,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ttl <= 0 or max_entries <= 0:
            raise ValueError("ttl and max_entries must be positive")
        self._ttl = ttl
        self._max = max_entries
        self._clock = clock
        self._expiry: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._expiry)

    def _expire(self, now: float) -> None:
        # entries are kept in insertion order and all share one TTL: expired ones are in front
        while self._expiry:
            key, deadline = next(iter(self._expiry.items()))
            if deadline > now:
                break
            del self._expiry[key]

    def add(self, key: str) -> bool:
        now = self._clock()
        with self._lock:
            self._expire(now)
            if key in self._expiry:
                return False
            self._expiry[key] = now + self._ttl
            while len(self._expiry) > self._max:
                self._expiry.popitem(last=False)
            return True

    def discard(self, key: str) -> None:
        with self._lock:
            self._expiry.pop(key, None)


class RedisDedupeStore:
    """Shared across processes through Redis (``redis.Redis``): ``SET prefix+key 1 NX EX ttl``."""

    def __init__(
        self, client: Any, *, prefix: str = "wxkefu:callback:seen:", ttl: float = DEFAULT_DEDUPE_TTL
    ) -> None:
        self._client = client
        self._prefix = prefix
        self._ttl = max(1, int(ttl))

    def add(self, key: str) -> bool:
        return bool(self._client.set(self._prefix + key, b"1", nx=True, ex=self._ttl))

    def discard(self, key: str) -> None:
        self._client.delete(self._prefix + key)


class AsyncRedisDedupeStore:
    """:class:`RedisDedupeStore` for ``redis.asyncio.Redis`` clients."""

    def __init__(
        self, client: Any, *, prefix: str = "wxkefu:callback:seen:", ttl: float = DEFAULT_DEDUPE_TTL
    ) -> None:
        self._client = client
        self._prefix = prefix
        self._ttl = max(1, int(ttl))

    async def add(self, key: str) -> bool:
        return bool(await self._client.set(self._prefix + key, b"1", nx=True, ex=self._ttl))

    async def discard(self, key: str) -> None:
        await self._client.delete(self._prefix + key)
