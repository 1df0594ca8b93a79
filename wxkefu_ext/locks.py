"""An owned Redis lock: the one primitive behind cross-process token refresh and sync workers.

Peers get this wrong in the same few ways (peers.md A.1, B.1): ``SET NX`` then a separate
``EXPIRE`` (a crash in between leaves a lock that never expires), release by a blind ``DEL`` (a
slow holder deletes the *next* holder's lock), no renewal (a long drain loses the lock silently).
Here the lock value is a random owner id, acquisition is one ``SET NX PX``, release and renewal are
compare-and-act Lua scripts, and holders can ask :meth:`RedisLock.owned` before committing work.

Fencing (``fencing=True``): acquisition also increments ``{key}:fence`` in the same script and
keeps the result as :attr:`RedisLock.fencing_token`. A holder that stalled past the TTL (GC
pause, SIGSTOP, swap) still believes it holds the lock when it wakes; the token lets the
resource it writes to — the cursor store's commit script — refuse a write from an older holder
(the next owner's token is larger). Every Redis failure raises
:class:`~wxkefu_ext.errors.StoreUnavailableError` (renewal failures are retried silently and
reported by :meth:`owned`).
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
import uuid
from types import TracebackType
from typing import Any, Final

from wxkefu_ext.errors import KfError
from wxkefu_ext.stores import store_errors

_RELEASE: Final = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "return redis.call('del', KEYS[1]) else return 0 end"
)
# KEYS[1] lock, KEYS[2] fence counter; ARGV[1] owner, ARGV[2] ttl ms -> fencing token or 0
_ACQUIRE_FENCED: Final = (
    "if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then "
    "return redis.call('incr', KEYS[2]) else return 0 end"
)
_RENEW: Final = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end"
)


_log = logging.getLogger(__name__)


class LockTimeoutError(KfError):
    """The lock stayed held by another owner for longer than the caller was willing to wait."""


class LockLostError(KfError):
    """The holder no longer owns the lock (it expired, e.g. after a stall longer than its TTL,
    and another owner took it), so it stopped before handing out another page or committing.
    Nothing was committed for that page."""


def _owner() -> str:
    return uuid.uuid4().hex


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode() if isinstance(value, bytes) else str(value)


class RedisLock:
    """An owned lock on ``key`` with a TTL; renewed in a background thread while held.

    Use :func:`acquire_lock` (non-blocking) or :meth:`acquire` with ``wait`` (bounded polling).
    """

    def __init__(
        self, redis: Any, key: str, *, ttl: float, renew: bool = True, fencing: bool = False
    ) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self.redis = redis
        self.key = key
        self.ttl = ttl
        self.owner = _owner()
        self.fencing = fencing
        #: Increases with every acquisition of ``key`` (0 until acquired, or without fencing).
        self.fencing_token = 0
        self._renew = renew
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._held = False

    def try_acquire(self) -> bool:
        px = int(self.ttl * 1000)
        with store_errors("acquire lock"):
            if self.fencing:
                token = int(self.redis.eval(_ACQUIRE_FENCED, 2, self.key, self.key + ":fence",
                                            self.owner, px))  # fmt: skip
                self._held = token > 0
                self.fencing_token = token
            else:
                self._held = bool(self.redis.set(self.key, self.owner, nx=True, px=px))
        return self._held

    def acquire(self, *, wait: float) -> None:
        """Poll with jitter until acquired or ``wait`` seconds passed (then LockTimeoutError)."""
        deadline = time.monotonic() + wait
        delay = 0.01
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise LockTimeoutError(f"lock {self.key!r} still held after waiting {wait:.1f}s")
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 0.1)

    def owned(self) -> bool:
        with store_errors("check lock"):
            return _as_text(self.redis.get(self.key)) == self.owner

    def release(self) -> bool:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=1)
        if not self._held:
            return False
        self._held = False
        with store_errors("release lock"):
            return bool(self.redis.eval(_RELEASE, 1, self.key, self.owner))

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.ttl / 3):
            try:
                ok = self.redis.eval(_RENEW, 1, self.key, self.owner, int(self.ttl * 1000))
            except Exception as exc:  # a blip: the next tick retries, owned() tells the truth
                _log.debug("renewing lock %s failed: %s", self.key, type(exc).__name__)
                continue
            if not ok:
                return

    def __enter__(self) -> RedisLock:
        if not self._held:
            raise RuntimeError("acquire the lock before entering it")
        if self._renew and self._thread is None:
            self._thread = threading.Thread(target=self._renew_loop, daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def acquire_lock(
    redis: Any, key: str, *, ttl: float, renew: bool = True, fencing: bool = False
) -> RedisLock | None:
    """Take the lock now or return None (another owner holds it)."""
    lock = RedisLock(redis, key, ttl=ttl, renew=renew, fencing=fencing)
    return lock if lock.try_acquire() else None


class AsyncRedisLock:
    """The asyncio twin of :class:`RedisLock` (``redis.asyncio`` client); renewed by a task
    while held inside ``async with``."""

    def __init__(
        self, redis: Any, key: str, *, ttl: float, renew: bool = True, fencing: bool = False
    ) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self.redis = redis
        self.key = key
        self.ttl = ttl
        self.owner = _owner()
        self.fencing = fencing
        self.fencing_token = 0
        self._held = False
        self._renew = renew
        self._task: asyncio.Task[None] | None = None

    async def try_acquire(self) -> bool:
        px = int(self.ttl * 1000)
        with store_errors("acquire lock"):
            if self.fencing:
                token = int(await self.redis.eval(_ACQUIRE_FENCED, 2, self.key,
                                                  self.key + ":fence", self.owner, px))  # fmt: skip
                self._held = token > 0
                self.fencing_token = token
            else:
                self._held = bool(await self.redis.set(self.key, self.owner, nx=True, px=px))
        return self._held

    async def acquire(self, *, wait: float) -> None:
        deadline = time.monotonic() + wait
        delay = 0.01
        while not await self.try_acquire():
            if time.monotonic() >= deadline:
                raise LockTimeoutError(f"lock {self.key!r} still held after waiting {wait:.1f}s")
            await asyncio.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 0.1)

    async def owned(self) -> bool:
        with store_errors("check lock"):
            return _as_text(await self.redis.get(self.key)) == self.owner

    async def release(self) -> bool:
        if self._task is not None and self._task is not asyncio.current_task():
            self._task.cancel()
            # Bounded: a renewal command cancelled in flight must not hold the release up.
            await asyncio.wait({self._task}, timeout=1.0)
            self._task = None
        if not self._held:
            return False
        self._held = False
        with store_errors("release lock"):
            return bool(await self.redis.eval(_RELEASE, 1, self.key, self.owner))

    async def _renew_loop(self) -> None:
        while True:
            await asyncio.sleep(self.ttl / 3)
            try:
                ok = await self.redis.eval(_RENEW, 1, self.key, self.owner, int(self.ttl * 1000))
            except Exception as exc:  # a blip: the next tick retries, owned() tells the truth
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    # redis-py may turn the cancellation of a command in flight into a
                    # connection error; swallowing it here made release() wait forever.
                    raise asyncio.CancelledError from exc
                _log.debug("renewing lock %s failed: %s", self.key, type(exc).__name__)
                continue
            if not ok:
                return

    async def __aenter__(self) -> AsyncRedisLock:
        if not self._held:
            raise RuntimeError("acquire the lock before entering it")
        if self._renew and self._task is None:
            self._task = asyncio.create_task(self._renew_loop())
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.release()
