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
from wxkefu_ext.stores.shells import AsyncShell, Shell, SyncShell, operation
from wxkefu_ext.stores.steps import Cmd, Flow, Script, Sleep, text, ttl_ms

_RELEASE: Final = Script(
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "return redis.call('del', KEYS[1]) else return 0 end"
)
# KEYS[1] lock, KEYS[2] fence counter; ARGV[1] owner, ARGV[2] ttl ms -> fencing token or 0
_ACQUIRE_FENCED: Final = Script(
    "if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then "
    "return redis.call('incr', KEYS[2]) else return 0 end"
)
_RENEW: Final = Script(
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


class _Lock(Shell):
    """The lock's operations, written once for :class:`RedisLock` and :class:`AsyncRedisLock`;
    the flavours add only how renewal runs (a thread, a task)."""

    def __init__(
        self, redis: Any, key: str, *, ttl: float, renew: bool = True, fencing: bool = False
    ) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self.redis = redis
        self.key = key
        self.ttl = ttl
        self.owner = uuid.uuid4().hex
        self.fencing = fencing
        #: Increases with every acquisition of ``key`` (0 until acquired, or without fencing).
        self.fencing_token = 0
        self._renew = renew
        self._held = False

    @operation("acquire lock")
    def try_acquire(self) -> Flow[bool]:
        """Take the lock now if it is free."""
        px = ttl_ms(self.ttl)
        if self.fencing:
            token = int((yield _ACQUIRE_FENCED([self.key, self.key + ":fence"], [self.owner, px])))
            self._held = token > 0
            self.fencing_token = token
        else:
            self._held = bool((yield Cmd("set", self.key, self.owner, nx=True, px=px)))
        return self._held

    @operation("acquire lock")
    def acquire(self, *, wait: float, busy: str | None = None) -> Flow[None]:
        """Poll with jitter until acquired or ``wait`` seconds passed (then LockTimeoutError,
        with ``busy`` as its message when given)."""
        deadline = time.monotonic() + wait
        delay = 0.01
        while not (yield from _Lock.try_acquire.flow(self)):
            if time.monotonic() >= deadline:
                raise LockTimeoutError(
                    busy or f"lock {self.key!r} still held after waiting {wait:.1f}s"
                )
            yield Sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 0.1)

    @operation("check lock")
    def owned(self) -> Flow[bool]:
        """Whether this owner still holds the lock (ask before committing work)."""
        value = yield Cmd("get", self.key)
        return value is not None and text(value) == self.owner

    @operation("release lock")
    def _release(self) -> Flow[bool]:
        if not self._held:
            return False
        self._held = False
        return bool((yield _RELEASE([self.key], [self.owner])))

    @operation("renew lock")
    def _renew_once(self) -> Flow[bool]:
        return bool((yield _RENEW([self.key], [self.owner, ttl_ms(self.ttl)])))

    def _check_held(self) -> bool:
        """Whether renewal should start (entering an unacquired lock is a bug)."""
        if not self._held:
            raise RuntimeError("acquire the lock before entering it")
        return self._renew

    def _renew_failed(self, exc: Exception) -> None:
        # a blip: the next tick retries, owned() tells the truth
        _log.debug("renewing lock %s failed: %s", self.key, type(exc).__name__)


class RedisLock(_Lock, SyncShell):
    """An owned lock on ``key`` with a TTL; renewed in a background thread while held.

    Use :func:`acquire_lock` (non-blocking) or :meth:`acquire` with ``wait`` (bounded polling).
    """

    _thread: threading.Thread | None = None  # the renewer, once started

    def release(self) -> bool:
        thread = self._thread
        if thread is not None:
            self._stop.set()
            if thread is not threading.current_thread():
                thread.join(timeout=1)
        return self._release()

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.ttl / 3):
            try:
                if not self._renew_once():
                    return
            except Exception as exc:
                self._renew_failed(exc)

    def start_renewal(self) -> None:
        """Renew the (acquired) lock in a thread until it is released."""
        if self._check_held() and self._thread is None:
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._renew_loop, daemon=True)
            self._thread.start()

    def __enter__(self) -> RedisLock:
        self.start_renewal()
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


class AsyncRedisLock(_Lock, AsyncShell):
    """:class:`RedisLock` for ``redis.asyncio``; renewed by a task while held inside
    ``async with``."""

    _task: asyncio.Task[None] | None = None  # the renewer, once started

    async def release(self) -> bool:
        if self._task is not None and self._task is not asyncio.current_task():
            self._task.cancel()
            # Bounded: a renewal command cancelled in flight must not hold the release up.
            await asyncio.wait({self._task}, timeout=1.0)
            self._task = None
        return await self._release()

    async def _renew_loop(self) -> None:
        while True:
            await asyncio.sleep(self.ttl / 3)
            try:
                if not await self._renew_once():
                    return
            except Exception as exc:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    # redis-py may turn the cancellation of a command in flight into a
                    # connection error; swallowing it here made release() wait forever.
                    raise asyncio.CancelledError from exc
                self._renew_failed(exc)

    def start_renewal(self) -> None:
        """Renew the (acquired) lock in a task until it is released."""
        if self._check_held() and self._task is None:
            self._task = asyncio.create_task(self._renew_loop())

    async def __aenter__(self) -> AsyncRedisLock:
        self.start_renewal()
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.release()
