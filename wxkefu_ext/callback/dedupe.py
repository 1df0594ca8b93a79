"""Detecting repeated deliveries of one callback — two-phase, so a retry is never swallowed.

Why: WeCom re-sends a callback it got no answer to within about 5 seconds (and a slow network
can make it re-send one that *was* answered). Handling it twice makes a bot answer twice
(peers.md B.5). But marking a delivery as seen *before* it was handled loses it: a process
killed between the mark and the answer, or a handler that raises, left a mark that made every
retry look like a duplicate (issue 13: 7–38 of 3,000 lost after SIGKILL; 500 of 500 after a
handler failure). So marks have two phases:

* :meth:`begin` — ``"new"``: this delivery is now *in flight*, marked with a short TTL
  (``in_flight_ttl``, default 5 s: WeCom's retries come ~5 s apart, so a retry after a crash
  finds the mark expired and is handled); ``"in_flight"``: another request is handling it right
  now (the endpoints answer 503, so WeCom retries); ``"done"``: handled, answer 200;
* :meth:`finish` — the hand-off or handler succeeded: mark *done* for ``ttl`` (600 s);
* :meth:`abort` — it failed: drop the in-flight mark, so the retry runs again.

Stores: :class:`MemoryDedupeStore` (one process), :class:`RedisDedupeStore` /
:class:`AsyncRedisDedupeStore` (several processes; ``begin`` is one atomic script). Any object
with ``add(key) -> bool`` and ``discard(key)`` (the former one-phase protocol) still works:
the endpoints then treat ``add`` as begin and never call ``finish``.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, Final, Literal, Protocol, runtime_checkable

from wxkefu_ext.stores.shells import AsyncShell, Shell, SyncShell, operation
from wxkefu_ext.stores.steps import Cmd, Flow, Script, text, ttl_ms

__all__ = [
    "DEFAULT_DEDUPE_TTL",
    "DEFAULT_IN_FLIGHT_TTL",
    "AsyncDedupeStore",
    "AsyncRedisDedupeStore",
    "DedupeStore",
    "MemoryDedupeStore",
    "RedisDedupeStore",
]

#: Seconds a *handled* delivery key is remembered: WeCom's retries come within a minute, and a
#: kf_msg_or_event token is valid for 10 minutes.
DEFAULT_DEDUPE_TTL = 600.0
#: Seconds an *in-flight* mark lives: shorter than WeCom's retry interval (~5 s) plus slack, so
#: a delivery whose process died before answering is handled by the next retry.
DEFAULT_IN_FLIGHT_TTL = 5.0

Phase = Literal["new", "in_flight", "done"]


@runtime_checkable
class DedupeStore(Protocol):
    """Remembers delivery keys (two-phase)."""

    def begin(self, key: str) -> Phase:
        """``"new"`` (now marked in flight), ``"in_flight"`` or ``"done"``."""
        ...

    def finish(self, key: str) -> None:
        """The delivery was handled (or durably handed off): remember it as done."""
        ...

    def abort(self, key: str) -> None:
        """The delivery failed: forget the in-flight mark so a retry is handled."""
        ...


class AsyncDedupeStore(Protocol):
    """The async twin of :class:`DedupeStore` (for ASGI apps with an async Redis client)."""

    def begin(self, key: str) -> Awaitable[Phase]: ...

    def finish(self, key: str) -> Awaitable[None]: ...

    def abort(self, key: str) -> Awaitable[None]: ...


def _check_ttls(ttl: float, in_flight_ttl: float) -> None:
    if ttl <= 0 or in_flight_ttl <= 0:
        raise ValueError("ttl and in_flight_ttl must be positive")


class MemoryDedupeStore:
    """An in-process two-phase TTL map. Thread-safe; at most ``max_entries`` keys (oldest
    dropped first). Per process only: behind several workers, use :class:`RedisDedupeStore`."""

    def __init__(
        self,
        ttl: float = DEFAULT_DEDUPE_TTL,
        *,
        in_flight_ttl: float = DEFAULT_IN_FLIGHT_TTL,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        _check_ttls(ttl, in_flight_ttl)
        if max_entries <= 0:
            raise ValueError("ttl and max_entries must be positive")
        self._ttl = ttl
        self._in_flight_ttl = in_flight_ttl
        self._max = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, tuple[bool, float]] = OrderedDict()  # key: (done, until)
        self._lock = threading.Lock()
        self._begins = 0

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._entries)

    def _expire(self, now: float) -> None:
        for key in [k for k, (_, until) in self._entries.items() if until <= now]:
            del self._entries[key]

    def _get(self, key: str, now: float) -> tuple[bool, float] | None:
        entry = self._entries.get(key)
        if entry is not None and entry[1] <= now:
            del self._entries[key]
            return None
        return entry

    def _put(self, key: str, done: bool, now: float) -> None:
        self._entries[key] = (done, now + (self._ttl if done else self._in_flight_ttl))
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def begin(self, key: str) -> Phase:
        now = self._clock()
        with self._lock:
            entry = self._get(key, now)
            if entry is not None:
                return "done" if entry[0] else "in_flight"
            self._put(key, False, now)
            self._begins += 1
            if self._begins % 1024 == 0:  # amortised sweep (TTLs differ, so not in order)
                self._expire(now)
            return "new"

    def finish(self, key: str) -> None:
        with self._lock:
            self._put(key, True, self._clock())

    def abort(self, key: str) -> None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and not entry[0]:
                del self._entries[key]

    # one-phase protocol (kept for callers of the former API)
    def add(self, key: str) -> bool:
        """Mark ``key`` done at once; ``True`` if it was not marked yet."""
        now = self._clock()
        with self._lock:
            if self._get(key, now) is not None:
                return False
            self._put(key, True, now)
            return True

    def discard(self, key: str) -> None:
        with self._lock:
            self._entries.pop(key, None)


# KEYS[1] mark; ARGV[1] in-flight ttl ms -> "n" (now in flight) | "i" | "d"
_BEGIN: Final = Script(
    "local v = redis.call('GET', KEYS[1]) if v then return v end "
    "redis.call('SET', KEYS[1], 'i', 'PX', ARGV[1]) return 'n'"
)
_ABORT: Final = Script(
    "if redis.call('GET', KEYS[1]) == 'i' then return redis.call('DEL', KEYS[1]) end return 0"
)
_PHASES: Final[dict[str, Phase]] = {"n": "new", "i": "in_flight", "d": "done"}


class _RedisDedupe(Shell):
    """The Redis store's operations, once for :class:`RedisDedupeStore` and
    :class:`AsyncRedisDedupeStore`: one key per delivery, ``{prefix}{key}``, holding ``i``
    (in flight) or ``d`` (done)."""

    def __init__(
        self,
        client: Any,
        *,
        prefix: str = "wxkefu:callback:seen:",
        ttl: float = DEFAULT_DEDUPE_TTL,
        in_flight_ttl: float = DEFAULT_IN_FLIGHT_TTL,
    ) -> None:
        _check_ttls(ttl, in_flight_ttl)
        self.redis = client
        self._prefix = prefix
        self._ttl_ms = ttl_ms(ttl)
        self._in_flight_ms = ttl_ms(in_flight_ttl)

    @operation("callback dedupe")
    def begin(self, key: str) -> Flow[Phase]:
        value = yield _BEGIN([self._prefix + key], [self._in_flight_ms])
        return _PHASES.get(text(value), "done")  # a foreign value ("1" of the former store)

    @operation("callback dedupe")
    def finish(self, key: str) -> Flow[None]:
        yield Cmd("set", self._prefix + key, b"d", px=self._ttl_ms)

    @operation("callback dedupe")
    def abort(self, key: str) -> Flow[None]:
        yield _ABORT([self._prefix + key], [])

    @operation("callback dedupe")
    def add(self, key: str) -> Flow[bool]:
        return bool((yield Cmd("set", self._prefix + key, b"d", nx=True, px=self._ttl_ms)))

    @operation("callback dedupe")
    def discard(self, key: str) -> Flow[None]:
        yield Cmd("delete", self._prefix + key)


class RedisDedupeStore(_RedisDedupe, SyncShell):
    """Shared across processes through Redis (``redis.Redis``); ``begin`` is one atomic
    script, so exactly one request wins each key."""


class AsyncRedisDedupeStore(_RedisDedupe, AsyncShell):
    """:class:`RedisDedupeStore` for ``redis.asyncio.Redis`` clients."""
