"""Where the sync_msg cursor of each Kf account is kept between pulls.

Why a store: ``kf/sync_msg`` is a log read with an opaque ``next_cursor``. Keep the cursor only in
memory and every restart replays up to 3 days of history (peers.md B.6); save it before the
handler ran and a crash loses messages. The pager therefore commits the cursor here *after* the
handler succeeded for a page.

Every store has the same two calls (sync :class:`CursorStore`, async :class:`AsyncCursorStore`)::

    get(open_kfid) -> str | None                      # None: never committed
    commit(open_kfid, cursor, *, expected=ANY)        # expected: compare-and-set guard

``expected`` makes a commit conditional: it succeeds only if the stored cursor is still the one
the caller started the page from (``None`` = nothing stored yet). A worker that lost its lock
while it was busy then cannot move the cursor backwards or overwrite a newer commit: it gets
:class:`CursorConflictError` instead. Cursors are opaque (not ordered), so "newer" can only be
detected this way, not by comparing values.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any, Final, Protocol, runtime_checkable

from wxkefu_ext.errors import KfError, KfValidationError

__all__ = [
    "ANY",
    "AsyncCursorStore",
    "AsyncRedisCursorStore",
    "CursorConflictError",
    "CursorStore",
    "FileCursorStore",
    "MemoryCursorStore",
    "RedisCursorStore",
]

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


class CursorConflictError(KfError):
    """A conditional commit found another cursor than expected: another worker advanced (or
    reset) it meanwhile. The caller's page was *not* committed; it must stop and re-read."""

    open_kfid: str

    def __init__(self, open_kfid: str) -> None:
        super().__init__(
            f"cursor of {open_kfid!r} changed since it was read; another puller committed "
            "meanwhile, so this commit was refused"
        )
        self.open_kfid = open_kfid


@runtime_checkable
class CursorStore(Protocol):
    """Blocking cursor store."""

    def get(self, open_kfid: str) -> str | None: ...

    def commit(self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY) -> None: ...


@runtime_checkable
class AsyncCursorStore(Protocol):
    """Awaitable twin of :class:`CursorStore`."""

    async def get(self, open_kfid: str) -> str | None: ...

    async def commit(
        self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY
    ) -> None: ...


def _check_key(open_kfid: str) -> str:
    if not isinstance(open_kfid, str) or not open_kfid:
        raise KfValidationError("must be a non-empty string", field="open_kfid")
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


class MemoryCursorStore:
    """Process-local store (tests, single-process bots that accept a replay after restart).
    Thread-safe; usable from async code too (no I/O), see :meth:`as_async`."""

    def __init__(self, initial: dict[str, str] | None = None) -> None:
        self._data: dict[str, str] = dict(initial or {})
        self._lock = threading.Lock()

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

    def as_async(self) -> AsyncCursorStore:
        """The same data behind the async protocol."""
        return _AsyncAdapter(self)


class _AsyncAdapter:
    """Wraps a non-blocking sync store (memory) for the async pager."""

    def __init__(self, inner: CursorStore) -> None:
        self._inner = inner

    async def get(self, open_kfid: str) -> str | None:
        return self._inner.get(open_kfid)

    async def commit(
        self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY
    ) -> None:
        self._inner.commit(open_kfid, cursor, expected=expected)


class FileCursorStore:
    """All cursors in one JSON file ``{open_kfid: cursor}``; for one process on one host.

    Writes are atomic (temp file in the same directory + fsync + ``os.replace`` + directory
    fsync), so a crash leaves either the old or the new file, never a torn one. The file is
    re-read on every call, so two stores on the same path in one process stay consistent;
    several *processes* must not share the file (use :class:`RedisCursorStore`).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

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

    def as_async(self) -> AsyncCursorStore:
        """The same file behind the async protocol (writes are small and local)."""
        return _AsyncAdapter(self)


# KEYS[1] = cursor key; ARGV[1] = new cursor; ARGV[2] = "1" if conditional; ARGV[3] = expected
# ("" = expect no cursor); ARGV[4] = ttl ms ("0" = none). Returns 1 on commit, 0 on conflict.
_CAS_SCRIPT: Final = """
if ARGV[2] == '1' then
  local cur = redis.call('GET', KEYS[1])
  if cur == false then cur = '' end
  if cur ~= ARGV[3] then return 0 end
end
if ARGV[4] ~= '0' then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
else
  redis.call('SET', KEYS[1], ARGV[1])
end
return 1
"""


def _cas_args(cursor: str, expected: str | _Any | None, ttl_ms: int) -> list[str]:
    if isinstance(expected, _Any):
        return [cursor, "0", "", str(ttl_ms)]
    return [cursor, "1", expected or "", str(ttl_ms)]


class _RedisBase:
    def __init__(self, redis: Any, *, prefix: str, ttl: float | None) -> None:
        if ttl is not None and ttl <= 0:
            raise KfValidationError("must be positive or None", field="ttl")
        self.redis = redis
        self.prefix = prefix
        self._ttl_ms = int(ttl * 1000) if ttl else 0

    def key(self, open_kfid: str) -> str:
        return f"{self.prefix}{_check_key(open_kfid)}"


def _decode(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode() if isinstance(value, bytes) else str(value)


class RedisCursorStore(_RedisBase):
    """Cursors in Redis (``{prefix}{open_kfid}``), shared by every worker process.

    ``ttl`` (seconds, default 7 days) lets cursors of abandoned accounts expire; the server only
    keeps 3 days of messages anyway, so an older cursor is useless. Conditional commits run as
    one Lua script (atomic on the server).
    """

    def __init__(
        self, redis: Any, *, prefix: str = "wxkefu:cursor:", ttl: float | None = 7 * 86400
    ) -> None:
        super().__init__(redis, prefix=prefix, ttl=ttl)
        self._script = redis.register_script(_CAS_SCRIPT)

    def get(self, open_kfid: str) -> str | None:
        return _decode(self.redis.get(self.key(open_kfid)))

    def commit(self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY) -> None:
        key = self.key(open_kfid)
        _check_cursor(cursor)
        ok = self._script(keys=[key], args=_cas_args(cursor, expected, self._ttl_ms))
        if not int(ok):
            raise CursorConflictError(open_kfid)


class AsyncRedisCursorStore(_RedisBase):
    """:class:`RedisCursorStore` for ``redis.asyncio.Redis``."""

    def __init__(
        self, redis: Any, *, prefix: str = "wxkefu:cursor:", ttl: float | None = 7 * 86400
    ) -> None:
        super().__init__(redis, prefix=prefix, ttl=ttl)
        self._script = redis.register_script(_CAS_SCRIPT)

    async def get(self, open_kfid: str) -> str | None:
        return _decode(await self.redis.get(self.key(open_kfid)))

    async def commit(
        self, open_kfid: str, cursor: str, *, expected: str | _Any | None = ANY
    ) -> None:
        key = self.key(open_kfid)
        _check_cursor(cursor)
        ok = await self._script(keys=[key], args=_cas_args(cursor, expected, self._ttl_ms))
        if not int(ok):
            raise CursorConflictError(open_kfid)
