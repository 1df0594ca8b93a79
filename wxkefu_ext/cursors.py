"""Where the sync_msg cursor of each Kf account is kept between pulls.

Why a store: ``kf/sync_msg`` is a log read with an opaque ``next_cursor``. Keep the cursor only in
memory and every restart replays up to 3 days of history (peers.md B.6); save it before the
handler ran and a crash loses messages. The pager therefore commits the cursor here *after* the
handler succeeded for a page.

Every store has the same two calls (sync :class:`CursorStore`, async :class:`AsyncCursorStore`)::

    get(open_kfid) -> str | None                      # None: no cursor stored
    commit(open_kfid, cursor, *, expected=ANY)        # expected: compare-and-set guard

and the stores of this module add two more, which the pager uses when present:

    load(open_kfid) -> CursorRead     # the cursor and whether a missing one is "new" or "lost"
    lease(open_kfid) -> Lease         # exclusive right to pull the account (see below)

**A missing cursor is never silently a first run.** :class:`RedisCursorStore` keeps a durable
per-account record (``{prefix}__record__``, a hash written by the same script as each commit)
and a store epoch (``{prefix}__epoch__``). A cursor that is missing although the record names
the account — deleted, evicted, expired, or lost in a restart of a Redis without persistence
while this process kept running — is reported as ``"lost"``; the pager then raises
:class:`CursorLostError` unless the caller chose a policy (``on_lost="replay"`` or ``"skip"``).
The one case no store can detect is a Redis *without persistence* restarted while no process
that had used it was running: every record is gone and the store looks new. Hence Redis
persistence is required (:func:`wxkefu_ext.stores.warn_if_not_persistent`). Cursors no longer
expire by default (``ttl=None``): an idle account keeps its cursor.

**Exclusive pulls.** Two pagers on the same account and store must not both hand a page to
their handlers. ``lease(open_kfid)`` gives the right to pull: a process-local lock for the
memory and file stores, an owned Redis lock with a fencing token for the Redis stores, which
the pager checks before handing out each page and which the commit script checks again.

``expected`` makes a commit conditional: it succeeds only if the stored cursor is still the one
the caller started the page from (``None`` = nothing stored yet). A worker that lost its lock
while it was busy then cannot move the cursor backwards or overwrite a newer commit: it gets
:class:`CursorConflictError` instead. Cursors are opaque (not ordered), so "newer" can only be
detected this way, not by comparing values.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, Protocol, runtime_checkable

from wxkefu_ext.errors import KfError, KfValidationError
from wxkefu_ext.locks import AsyncRedisLock, LockLostError, RedisLock
from wxkefu_ext.stores.clients import warn_if_unbounded
from wxkefu_ext.stores.shells import AsyncShell, AsyncView, Shell, SyncShell, operation
from wxkefu_ext.stores.steps import Call, Flow, Script, text, ttl_ms

__all__ = [
    "ANY",
    "AsyncCursorStore",
    "AsyncRedisCursorStore",
    "CursorConflictError",
    "CursorLostError",
    "CursorRead",
    "CursorStore",
    "FileCursorStore",
    "MemoryCursorStore",
    "RedisCursorStore",
]

_log = logging.getLogger(__name__)

CursorStatus = Literal["ok", "new", "lost"]


@dataclass(frozen=True, slots=True)
class CursorRead:
    """What a store knows about one account: ``cursor`` (None = none stored) and ``status`` —
    ``"ok"`` (a cursor), ``"new"`` (never started: nothing was ever committed) or ``"lost"``
    (something was committed once but the cursor is gone); ``reason`` says why it is lost."""

    cursor: str | None
    status: CursorStatus
    reason: str = ""


class _AccountError(KfError):
    """An error about one Kf account's cursor; ``open_kfid`` names it."""

    open_kfid: str

    def __init__(self, open_kfid: str, message: str) -> None:
        super().__init__(message)
        self.open_kfid = open_kfid


class CursorLostError(_AccountError):
    """The account was pulled before but its cursor is gone (Redis restarted without
    persistence, the key was deleted or evicted, a TTL expired). Starting over would silently
    replay up to 3 days of messages, and ``start_from_now`` would silently skip them, so the
    pager stops instead. Choose explicitly: ``on_lost="replay"`` (re-read the 3-day window,
    dropping msgids the deduper has seen) or ``on_lost="skip"`` (jump to now, logged)."""

    def __init__(self, open_kfid: str, reason: str) -> None:
        super().__init__(
            open_kfid,
            f"the sync_msg cursor of {open_kfid!r} is lost ({reason}); refusing to treat it as "
            "a first run. Pass on_lost='replay' (with a deduper) or on_lost='skip' to choose",
        )


#: Cursor length cap from the spec (``cursor`` ≤ 64 bytes); a longer value is corrupt data.
MAX_CURSOR_BYTES: Final = 64


class _Any:
    """Sentinel type of :data:`ANY` ("commit unconditionally")."""

    _instance: _Any | None = None

    def __new__(cls) -> _Any:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ANY"

    def __reduce__(self) -> str:
        return "ANY"


#: Pass as ``expected`` (the default) to commit without a compare-and-set check.
ANY: Final = _Any()


class CursorConflictError(_AccountError):
    """A conditional commit found another cursor than expected: another worker advanced (or
    reset) it meanwhile. The caller's page was *not* committed; it must stop and re-read."""

    def __init__(self, open_kfid: str) -> None:
        super().__init__(
            open_kfid,
            f"cursor of {open_kfid!r} changed since it was read; another puller committed "
            "meanwhile, so this commit was refused",
        )


@runtime_checkable
class AsyncCursorStore(Protocol):
    """A cursor store: the two calls every store has (see the module docstring)."""

    async def get(self, open_kfid: str) -> str | None: ...

    async def commit(
        self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY
    ) -> None: ...


# ---- sync twin of AsyncCursorStore, generated by `make gen`: edit that ----
@runtime_checkable
class CursorStore(Protocol):
    """A cursor store: the two calls every store has (see the module docstring)."""

    def get(self, open_kfid: str) -> str | None: ...

    def commit(self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY) -> None: ...


# ---- end of generated code ----


def _check_key(open_kfid: str) -> str:
    if not isinstance(open_kfid, str) or not open_kfid:
        raise KfValidationError("must be a non-empty string", field="open_kfid")
    if open_kfid.startswith("__"):
        raise KfValidationError("must not start with '__' (reserved)", field="open_kfid")
    return open_kfid


def _check_cursor(cursor: str) -> str:
    if not isinstance(cursor, str) or not cursor:
        raise KfValidationError("must be a non-empty string", field="cursor")
    if len(cursor.encode()) > MAX_CURSOR_BYTES:
        raise KfValidationError(
            "is longer than the spec allows", field="cursor", limit=f"{MAX_CURSOR_BYTES} bytes"
        )
    return cursor


def _cas_ok(current: str | None, expected: str | _Any | None) -> bool:
    return isinstance(expected, _Any) or current == expected


class _LocalStore:
    """What the memory and file stores share: process-local leases, "new" for a missing
    cursor, and the async view."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._leases: dict[str, threading.Lock] = {}
        self._leases_lock = threading.Lock()

    def get(self, open_kfid: str) -> str | None:
        raise NotImplementedError

    def load(self, open_kfid: str) -> CursorRead:
        """A missing cursor is ``"new"``: the memory store lives and dies with the process, and
        the file store writes atomically with fsync, so an account it does not name was never
        committed (unless the file itself was deleted)."""
        cursor = self.get(open_kfid)
        return CursorRead(cursor, "ok" if cursor is not None else "new")

    def lease(self, open_kfid: str, ttl: float = 30.0) -> LocalLease:
        """Exclusive within this store object's process (the file is single-process anyway)."""
        with self._leases_lock:
            lock = self._leases.setdefault(_check_key(open_kfid), threading.Lock())
        return LocalLease(lock)

    def as_async(self) -> AsyncCursorStore:
        """The same data behind the async protocol (no I/O, or small local writes), leases
        included."""
        view = AsyncView(
            self,
            awaitable=("get", "load", "commit"),
            views={"lease": {"awaitable": ("try_acquire", "check", "release")}},
        )
        return view


class MemoryCursorStore(_LocalStore):
    """Process-local store (tests, single-process bots that accept a replay after restart).
    Thread-safe; usable from async code too (no I/O), see :meth:`as_async`."""

    def __init__(self, initial: dict[str, str] | None = None) -> None:
        super().__init__()
        self._data: dict[str, str] = dict(initial or {})

    def get(self, open_kfid: str) -> str | None:
        with self._lock:
            return self._data.get(_check_key(open_kfid))

    def commit(self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY) -> None:
        _check_key(open_kfid)
        _check_cursor(cursor)
        with self._lock:
            if not _cas_ok(self._data.get(open_kfid), expected):
                raise CursorConflictError(open_kfid)
            self._data[open_kfid] = cursor

    def snapshot(self) -> dict[str, str]:
        """A copy of every committed cursor."""
        with self._lock:
            return dict(self._data)


class LocalLease:
    """The exclusive right to pull one account inside this process (memory and file stores).
    It cannot be lost while held, so :meth:`check` never fails; ``token`` is always 0."""

    token: int = 0

    def __init__(self, lock: threading.Lock) -> None:
        self._lock = lock
        self._held = False

    def try_acquire(self) -> bool:
        self._held = self._lock.acquire(blocking=False)
        return self._held

    def check(self) -> None:
        return None

    def release(self) -> None:
        if self._held:
            self._held = False
            self._lock.release()


class FileCursorStore(_LocalStore):
    """All cursors in one JSON file ``{open_kfid: cursor}``; for one process on one host.

    Writes are atomic (temp file in the same directory + fsync + ``os.replace`` + directory
    fsync), so a crash leaves either the old or the new file, never a torn one. The file is
    re-read on every call, so two stores on the same path in one process stay consistent;
    several *processes* must not share the file (use :class:`RedisCursorStore`).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self.path = Path(path)

    def _read(self) -> dict[str, str]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        try:
            data: Any = json.loads(raw)
        except ValueError as exc:
            raise KfError(f"cursor file {self.path} is not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise KfError(f"cursor file {self.path} must hold a JSON object of strings")
        return data

    def _write(self, data: dict[str, str]) -> None:
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(json.dumps(data, sort_keys=True, indent=0).encode())
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:  # make the rename itself durable
            dfd = os.open(directory, os.O_RDONLY)
        except OSError:  # pragma: no cover - e.g. platforms without directory fds
            return
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)

    def get(self, open_kfid: str) -> str | None:
        _check_key(open_kfid)
        with self._lock:
            return self._read().get(open_kfid)

    def commit(self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY) -> None:
        _check_key(open_kfid)
        _check_cursor(cursor)
        with self._lock:
            data = self._read()
            if not _cas_ok(data.get(open_kfid), expected):
                raise CursorConflictError(open_kfid)
            data[open_kfid] = cursor
            self._write(data)


# KEYS: 1 cursor, 2 record hash, 3 epoch, 4 fence hash, 5 lock (the cursor key when unfenced).
# ARGV: 1 cursor, 2 "1" if conditional, 3 expected ("" = expect none), 4 ttl ms ("0" = none),
# 5 open_kfid, 6 epoch candidate, 7 lock owner ("" = unfenced), 8 fencing token, 9 now.
# Returns {1, epoch} on commit, {0, ""} on a compare-and-set conflict, {-1, ""} when fenced off.
_COMMIT_SCRIPT: Final = Script("""
if ARGV[7] ~= '' then
  if redis.call('GET', KEYS[5]) ~= ARGV[7] then return {-1, ''} end
  local f = tonumber(redis.call('HGET', KEYS[4], ARGV[5]) or '0')
  if tonumber(ARGV[8]) < f then return {-1, ''} end
end
if ARGV[2] == '1' then
  local cur = redis.call('GET', KEYS[1])
  if cur == false then cur = '' end
  if cur ~= ARGV[3] then return {0, ''} end
end
if ARGV[4] ~= '0' then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
else
  redis.call('SET', KEYS[1], ARGV[1])
end
redis.call('HSETNX', KEYS[2], ARGV[5], ARGV[9])
redis.call('SETNX', KEYS[3], ARGV[6])
if ARGV[7] ~= '' then redis.call('HSET', KEYS[4], ARGV[5], ARGV[8]) end
return {1, redis.call('GET', KEYS[3])}
""")

# KEYS: 1 cursor, 2 record hash, 3 epoch; ARGV[1] open_kfid -> {cursor|"", 0|1, epoch|""}
_LOAD_SCRIPT: Final = Script("""
local c = redis.call('GET', KEYS[1])
if not c then c = '' end
local e = redis.call('GET', KEYS[3])
if not e then e = '' end
return {c, redis.call('HEXISTS', KEYS[2], ARGV[1]), e}
""")


class _Lease(Shell):
    """What :class:`RedisLease` and :class:`AsyncRedisLease` share: each call, written once."""

    lock: RedisLock | AsyncRedisLock

    def __init__(self, lock: RedisLock | AsyncRedisLock) -> None:
        self.lock = lock
        self.redis = lock.redis

    @property
    def token(self) -> int:
        return self.lock.fencing_token

    @operation("acquire lock")
    def try_acquire(self) -> Flow[bool]:
        if not (yield Call(self.lock.try_acquire)):
            return False
        self.lock.start_renewal()
        return True

    @operation("check lock")
    def check(self) -> Flow[None]:
        if not (yield Call(self.lock.owned)):
            raise LockLostError(f"lost the lock {self.lock.key!r}; another puller took over")

    @operation("release lock")
    def release(self) -> Flow[None]:
        yield Call(self.lock.release)


class AsyncRedisLease(_Lease, AsyncShell):
    """The exclusive, fenced right to pull one account across processes: an owned Redis lock
    (renewed while held) whose fencing token increases with every acquisition. :meth:`check`
    raises :class:`~wxkefu_ext.locks.LockLostError` once another owner took over; the commit
    script of :class:`AsyncRedisCursorStore` checks owner and token again, atomically."""

    lock: AsyncRedisLock


# ---- sync twin of AsyncRedisLease, generated by `make gen`: edit that ----
class RedisLease(_Lease, SyncShell):
    """The exclusive, fenced right to pull one account across processes: an owned Redis lock
    (renewed while held) whose fencing token increases with every acquisition. :meth:`check`
    raises :class:`~wxkefu_ext.locks.LockLostError` once another owner took over; the commit
    script of :class:`RedisCursorStore` checks owner and token again, atomically."""

    lock: RedisLock


# ---- end of generated code ----


class _RedisCursors(Shell):
    """The Redis cursor store's operations, once for :class:`RedisCursorStore` and
    :class:`AsyncRedisCursorStore`: the key layout, both scripts and how a missing cursor is
    judged (the module docstring)."""

    def __init__(
        self,
        redis: Any,
        *,
        prefix: str = "wxkefu:cursor:",
        ttl: float | None = None,
        lock_prefix: str | None = None,
    ) -> None:
        if ttl is not None and ttl <= 0:
            raise KfValidationError("must be positive or None", field="ttl")
        self.redis, self.prefix = redis, prefix
        self.lock_prefix = lock_prefix if lock_prefix is not None else f"{prefix}__lock__:"
        #: the per-account record (hash), the store epoch, the last fencing token per account
        self.record_key, self.epoch_key, self.fence_key = (
            f"{prefix}__{name}__" for name in ("record", "epoch", "fence")
        )
        self._ttl_ms = ttl_ms(ttl) if ttl else 0
        self._clock: Callable[[], float] = time.time
        self._epoch: str | None = None
        self._known: set[str] = set()
        self._guard = threading.Lock()
        warn_if_unbounded(redis, "sync_msg cursors")

    def key(self, open_kfid: str) -> str:
        return f"{self.prefix}{_check_key(open_kfid)}"

    def lock_key(self, open_kfid: str) -> str:
        return f"{self.lock_prefix}{_check_key(open_kfid)}"

    @operation("load cursor")
    def load(self, open_kfid: str) -> Flow[CursorRead]:
        keys = [self.key(open_kfid), self.record_key, self.epoch_key]
        return self._judge(open_kfid, (yield _LOAD_SCRIPT(keys, [open_kfid])))

    @operation("load cursor")
    def get(self, open_kfid: str) -> Flow[str | None]:
        return (yield from _RedisCursors.load.flow(self, open_kfid)).cursor

    @operation("commit cursor")
    def commit(
        self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY
    ) -> Flow[None]:
        yield from self._commit(open_kfid, cursor, expected, "", 0)

    @operation("commit cursor")
    def commit_fenced(
        self, open_kfid: str, cursor: str, *, expected: str | _Any | None, lease: _Lease
    ) -> Flow[None]:
        """:meth:`commit`, refused with LockLostError unless ``lease`` still owns the account's
        lock and no later fencing token has committed (one atomic script)."""
        yield from self._commit(open_kfid, cursor, expected, lease.lock.owner, lease.token)

    def _commit(
        self, open_kfid: str, cursor: str, expected: str | _Any | None, owner: str, token: int
    ) -> Flow[None]:
        key = self.key(open_kfid)
        _check_cursor(cursor)
        cond, exp = ("0", "") if isinstance(expected, _Any) else ("1", expected or "")
        keys = [key, self.record_key, self.epoch_key, self.fence_key]
        keys.append(self.lock_key(open_kfid) if owner else key)
        args = [cursor, cond, exp, str(self._ttl_ms), open_kfid, uuid.uuid4().hex, owner,
                str(token), str(int(self._clock()))]  # fmt: skip
        reply = yield _COMMIT_SCRIPT(keys, args)
        status, epoch = int(reply[0]), text(reply[1])
        if status == -1:
            raise LockLostError(
                f"commit of {open_kfid!r} fenced off: another puller holds the lock now"
            )
        if status == 0:
            raise CursorConflictError(open_kfid)
        with self._guard:
            self._known.add(open_kfid)
            if epoch:
                self._epoch = epoch

    def _judge(self, open_kfid: str, reply: Any) -> CursorRead:
        cursor, recorded, epoch = text(reply[0]), int(reply[1]), text(reply[2])
        with self._guard:
            if cursor:
                self._known.add(open_kfid)
                if epoch:
                    self._epoch = epoch
                return CursorRead(cursor, "ok")
            if recorded:
                why = "the store's record shows commits, but the cursor key is gone"
            elif open_kfid in self._known:
                why = "this process saw its cursor earlier; the store no longer has it"
            elif self._epoch is not None and epoch != self._epoch:
                why = "the cursor store was emptied since this process used it (Redis restart?)"
            else:
                if epoch:
                    self._epoch = epoch
                return CursorRead(None, "new")
        _log.warning("sync_msg cursor of %s lost: %s", open_kfid, why)
        return CursorRead(None, "lost", why)


class AsyncRedisCursorStore(_RedisCursors, AsyncShell):
    """Cursors in Redis (``{prefix}{open_kfid}``), shared by every worker process, with the
    durable per-account record, the store epoch and fenced leases (module docstring).
    ``redis`` is a ``redis.Redis``, or a ``redis.asyncio.Redis`` for the asyncio store.

    ``ttl`` (seconds, default None = never): a cursor that expires is reported *lost*, not new.
    ``lock_prefix`` names the per-account lease keys (default ``{prefix}__lock__:``). Every call
    raises :class:`~wxkefu_ext.errors.StoreUnavailableError` when Redis fails (bounded by the
    client's socket timeout: build it with :func:`wxkefu_ext.stores.redis_from_url`).
    Requires a Redis with persistence (AOF) — see README "Redis".
    """

    def lease(self, open_kfid: str, ttl: float = 30.0) -> AsyncRedisLease:
        """The account's fenced lock (not yet acquired)."""
        lock = AsyncRedisLock(self.redis, self.lock_key(open_kfid), ttl=ttl, fencing=True)
        return AsyncRedisLease(lock)


# ---- sync twin of AsyncRedisCursorStore, generated by `make gen`: edit that ----
class RedisCursorStore(_RedisCursors, SyncShell):
    """Cursors in Redis (``{prefix}{open_kfid}``), shared by every worker process, with the
    durable per-account record, the store epoch and fenced leases (module docstring).
    ``redis`` is a ``redis.Redis``, or a ``redis.asyncio.Redis`` for the asyncio store.

    ``ttl`` (seconds, default None = never): a cursor that expires is reported *lost*, not new.
    ``lock_prefix`` names the per-account lease keys (default ``{prefix}__lock__:``). Every call
    raises :class:`~wxkefu_ext.errors.StoreUnavailableError` when Redis fails (bounded by the
    client's socket timeout: build it with :func:`wxkefu_ext.stores.redis_from_url`).
    Requires a Redis with persistence (AOF) — see README "Redis".
    """

    def lease(self, open_kfid: str, ttl: float = 30.0) -> RedisLease:
        """The account's fenced lock (not yet acquired)."""
        lock = RedisLock(self.redis, self.lock_key(open_kfid), ttl=ttl, fencing=True)
        return RedisLease(lock)


# ---- end of generated code ----
