"""The msgid window of the ``sync_msg`` pager: which msgids were already handed to a handler.

Why: the pager commits its cursor only after the handler returned, so a crash or a failed
handler hands a page out again (at-least-once per page). Remembering the msgids handed out
within the window the server can re-send them (3 days) makes that effectively once per msgid.
``seen`` returns the subset already handed out; ``mark`` records ids after the handler
succeeded. (Importable from :mod:`wxkefu_ext.pagination` as well, where they were first.)

Stores: :class:`MemoryDeduper` (one process, bounded LRU), :class:`RedisDeduper` /
:class:`AsyncRedisDeduper` (one sorted set per account, ``{prefix}{open_kfid}``: member msgid,
score = mark time; one class body for both flavours).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Final, Protocol, runtime_checkable

from wxkefu_ext.errors import KfValidationError
from wxkefu_ext.stores.shells import AsyncShell, AsyncView, Shell, SyncShell, operation
from wxkefu_ext.stores.steps import Cmd, Flow, Pipe, ttl_ms

__all__ = [
    "DEFAULT_DEDUPE_WINDOW",
    "AsyncMsgIdDeduper",
    "AsyncRedisDeduper",
    "MemoryDeduper",
    "MsgIdDeduper",
    "RedisDeduper",
]

#: The server keeps 3 days of messages; a msgid cannot come back after that.
DEFAULT_DEDUPE_WINDOW: Final = 3 * 86400 + 3600


@runtime_checkable
class MsgIdDeduper(Protocol):
    """Remembers msgids handed to the handler. ``seen`` returns the subset already handed out
    within the window; ``mark`` records ids after the handler succeeded."""

    def seen(self, open_kfid: str, msgids: Sequence[str]) -> set[str]: ...

    def mark(self, open_kfid: str, msgids: Sequence[str]) -> None: ...


@runtime_checkable
class AsyncMsgIdDeduper(Protocol):
    """Awaitable twin of :class:`MsgIdDeduper`."""

    async def seen(self, open_kfid: str, msgids: Sequence[str]) -> set[str]: ...

    async def mark(self, open_kfid: str, msgids: Sequence[str]) -> None: ...


class _Window:
    """The window's size and length, checked once for every deduper."""

    def __init__(self, maxsize: int, ttl: float, clock: Callable[[], float]) -> None:
        if maxsize < 1:
            raise KfValidationError("must be at least 1", field="maxsize")
        if ttl <= 0:
            raise KfValidationError("must be positive", field="ttl")
        self.maxsize, self.ttl, self._clock = maxsize, ttl, clock


class MemoryDeduper(_Window):
    """Bounded LRU of msgids with a TTL, per process (thread-safe).

    ``maxsize`` caps memory (oldest ids are forgotten first); ``ttl`` is the window in seconds.
    Usable from async pagers as well (no I/O), see :meth:`as_async`.
    """

    def __init__(
        self,
        maxsize: int = 100_000,
        ttl: float = DEFAULT_DEDUPE_WINDOW,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(maxsize, ttl, clock)
        self._entries: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def seen(self, open_kfid: str, msgids: Sequence[str]) -> set[str]:
        now = self._clock()
        out: set[str] = set()
        with self._lock:
            for msgid in msgids:
                at = self._entries.get((open_kfid, msgid))
                if at is not None and now - at < self.ttl:
                    out.add(msgid)
        return out

    def mark(self, open_kfid: str, msgids: Sequence[str]) -> None:
        now = self._clock()
        with self._lock:
            for msgid in msgids:
                key = (open_kfid, msgid)
                self._entries[key] = now
                self._entries.move_to_end(key)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
            # expire from the old end (insertion order == time order)
            while self._entries:
                key, at = next(iter(self._entries.items()))
                if now - at < self.ttl:
                    break
                del self._entries[key]

    def as_async(self) -> AsyncMsgIdDeduper:
        """The same window behind the async protocol."""
        view: AsyncMsgIdDeduper = AsyncView(self, awaitable=("seen", "mark"))
        return view


class _RedisDeduper(_Window, Shell):
    """The Redis window's operations, once for :class:`RedisDeduper` and
    :class:`AsyncRedisDeduper`."""

    def __init__(
        self,
        redis: Any,
        *,
        prefix: str = "wxkefu:seen:",
        ttl: float = DEFAULT_DEDUPE_WINDOW,
        maxsize: int = 1_000_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(maxsize, ttl, clock)
        self.redis, self.prefix = redis, prefix

    @operation("check msgids")
    def seen(self, open_kfid: str, msgids: Sequence[str]) -> Flow[set[str]]:
        if not msgids:
            return set()
        scores = yield Cmd("zmscore", self.prefix + open_kfid, list(msgids))
        floor = self._clock() - self.ttl
        return {m for m, s in zip(msgids, scores, strict=True) if s is not None and s >= floor}

    @operation("mark msgids")
    def mark(self, open_kfid: str, msgids: Sequence[str]) -> Flow[None]:
        if not msgids:
            return
        key = self.prefix + open_kfid
        now = self._clock()
        yield Pipe(
            Cmd("zadd", key, dict.fromkeys(msgids, now)),
            Cmd("zremrangebyscore", key, "-inf", now - self.ttl),
            Cmd("zremrangebyrank", key, 0, -self.maxsize - 1),
            Cmd("pexpire", key, ttl_ms(self.ttl)),
        )


class RedisDeduper(_RedisDeduper, SyncShell):
    """Cross-process msgid window in Redis (blocking client)."""


class AsyncRedisDeduper(_RedisDeduper, AsyncShell):
    """Cross-process msgid window in Redis (``redis.asyncio`` client)."""
