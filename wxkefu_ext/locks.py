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
from collections.abc import Awaitable, Callable
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


_Failed = Callable[[Exception], None]


class _Renewer:
    """Calls ``renew`` every ``every`` seconds in a daemon thread until stopped or ``renew``
    returns False (the lock is lost); a failed call goes to ``failed`` and the next one retries."""

    def __init__(self, every: float, renew: Callable[[], bool], failed: _Failed) -> None:
        self._every, self._renew, self._failed = every, renew, failed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                if not self._renew():
                    return
            except Exception as exc:
                self._failed(exc)

    def stop(self) -> bool:
        """Stop renewing: the thread ends at its next pause; waited for (up to 1 s) unless it
        is the caller. Whether it was waited for."""
        self._stop.set()
        if self._thread is threading.current_thread():
            return False
        self._thread.join(timeout=1)
        return True


class _AsyncRenewer:
    """:class:`_Renewer` in a task."""

    def __init__(self, every: float, renew: Callable[[], Awaitable[bool]], failed: _Failed) -> None:
        self._every, self._renew, self._failed = every, renew, failed
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._every)
            try:
                if not await self._renew():
                    return
            except Exception as exc:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    # redis-py may turn the cancellation of a command in flight into a
                    # connection error; swallowing it here made release() wait forever.
                    raise asyncio.CancelledError from exc
                self._failed(exc)

    async def stop(self) -> bool:
        """Cancel the task and wait for it (up to 1 s); nothing, and False, when it is the
        caller."""
        if self._task is asyncio.current_task():
            return False
        self._task.cancel()
        # Bounded: a renewal command cancelled in flight must not hold the release up.
        await asyncio.wait({self._task}, timeout=1.0)
        return True


class AsyncRedisLock(_Lock, AsyncShell):
    """An owned lock on ``key`` with a TTL; renewed in the background (a thread, or a task on
    the running loop) while held inside ``async with``.

    Take it with :meth:`try_acquire` (now or never; :func:`acquire_lock` builds and tries a
    blocking one) or :meth:`acquire` with ``wait`` (bounded polling).
    """

    _renewer: _AsyncRenewer | None = None  # once started

    async def release(self) -> bool:
        if self._renewer is not None and await self._renewer.stop():
            self._renewer = None
        return await self._release()

    def start_renewal(self) -> None:
        """Renew the (acquired) lock in the background until it is released."""
        if self._check_held() and self._renewer is None:
            self._renewer = _AsyncRenewer(self.ttl / 3, self._renew_once, self._renew_failed)

    async def __aenter__(self) -> AsyncRedisLock:
        self.start_renewal()
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.release()


# ---- sync twin of AsyncRedisLock, generated by `make gen`: edit that ----
class RedisLock(_Lock, SyncShell):
    """An owned lock on ``key`` with a TTL; renewed in the background (a thread, or a task on
    the running loop) while held inside ``with``.

    Take it with :meth:`try_acquire` (now or never; :func:`acquire_lock` builds and tries a
    blocking one) or :meth:`acquire` with ``wait`` (bounded polling).
    """

    _renewer: _Renewer | None = None  # once started

    def release(self) -> bool:
        if self._renewer is not None and self._renewer.stop():
            self._renewer = None
        return self._release()

    def start_renewal(self) -> None:
        """Renew the (acquired) lock in the background until it is released."""
        if self._check_held() and self._renewer is None:
            self._renewer = _Renewer(self.ttl / 3, self._renew_once, self._renew_failed)

    def __enter__(self) -> RedisLock:
        self.start_renewal()
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


# ---- end of generated code ----


def acquire_lock(
    redis: Any, key: str, *, ttl: float, renew: bool = True, fencing: bool = False
) -> RedisLock | None:
    """Take the lock now or return None (another owner holds it)."""
    lock = RedisLock(redis, key, ttl=ttl, renew=renew, fencing=fencing)
    return lock if lock.try_acquire() else None
