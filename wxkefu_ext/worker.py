"""Distributed sync_msg worker: callbacks enqueue, exactly one process pulls each Kf account.

Why (peers.md A.1 "what to fix", B.5, B.6): a callback must be answered within 5 s, so the web
process only *enqueues* ``(open_kfid, Token)`` and returns; pulling happens in workers. With several
web and worker processes the hard parts are: one puller per account at a time (else pages are
handled twice and cursors race), no lost work when a worker dies mid-drain, no lost Token when a
pull fails, and no hot loop on errors. The Rust peer got each of these wrong (lock without TTL,
unconditional release, token popped before use, 200 ms retry forever).

Redis layout (``prefix`` default ``wxkefu:sync:``)::

    {prefix}pending            set of open_kfids with work to do
    {prefix}queue:{open_kfid}  list of {"t": token, "at": unix time}; expires with the newest Token
    {prefix}lock:{open_kfid}   owned lock (wxkefu_ext.locks), TTL + renewal while draining
    {prefix}cursor:{open_kfid} committed cursor (RedisCursorStore, compare-and-set)
    {prefix}seen:{open_kfid}   msgids already handed to the handler (RedisDeduper)

A drain takes the lock, *reads* (does not pop) the queued Tokens, pulls with the newest one until
``has_more == 0`` committing after each handled page, and only then removes the Tokens it had seen
and — if no new Token arrived meanwhile — the account from ``pending`` (one Lua script, so an
enqueue cannot slip between). A failure leaves Tokens and ``pending`` untouched and backs off.
A worker killed with SIGKILL stops renewing; its lock expires after ``lock_ttl`` and another
worker resumes from the committed cursor. The lock is *fenced*: each acquisition gets a larger
fencing token, checked before each page is handed out and, atomically, by the cursor commit
script — a worker that stalled past ``lock_ttl`` and woke up can neither hand out another page
nor commit over the new owner (:class:`LockLostError`).

Delivery guarantee, exactly: at-least-once per page; with the Redis msgid window (default) each
msgid reaches the handler once, except (a) a crash between the handler returning and the msgids
being marked (that page is handed out again) and (b) a worker stalled longer than ``lock_ttl``
*inside* the handler, whose page the next owner handles too (``page.fencing_token`` identifies
the older holder). A lost cursor raises :class:`~wxkefu_ext.cursors.CursorLostError` unless
``on_lost`` says otherwise. Redis failures raise
:class:`~wxkefu_ext.errors.StoreUnavailableError` (bounded by the client's socket timeout).
For the notification hand-off that loses nothing across crashes use
:mod:`wxkefu_ext.handoff` (Redis Streams); this list-and-set queue is kept for compatibility.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol

from wxkefu_ext._redact import Secret
from wxkefu_ext.cursors import RedisCursorStore, RedisLease
from wxkefu_ext.errors import KfApiError, KfValidationError
from wxkefu_ext.locks import LockLostError
from wxkefu_ext.pagination import (
    DEFAULT_DEDUPE_WINDOW,
    DrainResult,
    OnLost,
    RedisDeduper,
    SyncMsgPage,
    SyncMsgPager,
    parse_message,
)
from wxkefu_ext.protocols import SupportsSyncMsg
from wxkefu_ext.stores import store_errors, warn_if_not_persistent

__all__ = [
    "AsyncSyncQueue",
    "LockLostError",
    "StopEvent",
    "SyncQueue",
    "SyncWorker",
    "WorkerKeys",
]

_log = logging.getLogger(__name__)

#: What a worker pulls with: a KfClient (the pager calls ``kf.with_raw_response.sync_msg``).
_KfLike = SupportsSyncMsg

#: The callback Token is valid for 10 minutes.
TOKEN_TTL: Final = 600.0
#: Server errcode for an invalid / expired sync_msg Token.
INVALID_TOKEN_ERRCODE: Final = 95007


@dataclass(frozen=True, slots=True)
class WorkerKeys:
    """Redis key names for one ``prefix`` (shared by producers and workers)."""

    prefix: str = "wxkefu:sync:"

    @property
    def pending(self) -> str:
        return f"{self.prefix}pending"

    def queue(self, open_kfid: str) -> str:
        return f"{self.prefix}queue:{open_kfid}"

    def lock(self, open_kfid: str) -> str:
        return f"{self.prefix}lock:{open_kfid}"

    @property
    def lock_prefix(self) -> str:
        return f"{self.prefix}lock:"

    @property
    def cursor_prefix(self) -> str:
        return f"{self.prefix}cursor:"

    @property
    def seen_prefix(self) -> str:
        return f"{self.prefix}seen:"


def _check_kfid(open_kfid: str) -> str:
    if not isinstance(open_kfid, str) or not open_kfid:
        raise KfValidationError("must be a non-empty string", field="open_kfid")
    if any(c.isspace() for c in open_kfid) or len(open_kfid) > 128:
        raise KfValidationError("must be a plain id", field="open_kfid", limit="≤128, no spaces")
    return open_kfid


def _entry(token: str | Secret | None, now: float) -> str | None:
    if token is None:
        return None
    raw = token.reveal() if isinstance(token, Secret) else token
    if not isinstance(raw, str) or not raw:
        raise KfValidationError("must be a non-empty string or None", field="token")
    return json.dumps({"t": raw, "at": now})


# ---------------------------------------------------------------------------------------------
# Producer side (web processes)
# ---------------------------------------------------------------------------------------------


class _Queue:
    """What :class:`SyncQueue` and :class:`AsyncSyncQueue` share: the settings and the one
    transaction that records the work."""

    def __init__(
        self,
        redis: Any,
        *,
        prefix: str = "wxkefu:sync:",
        token_ttl: float = TOKEN_TTL,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.redis = redis
        self.keys = WorkerKeys(prefix)
        self.token_ttl = token_ttl
        self._clock = clock

    def _pipeline(self, open_kfid: str, token: str | Secret | None) -> Any:
        """The one transaction that records the work (sync and asyncio Redis alike)."""
        _check_kfid(open_kfid)
        entry = _entry(token, self._clock())
        pipe = self.redis.pipeline(transaction=True)
        if entry is not None:
            pipe.rpush(self.keys.queue(open_kfid), entry)
            pipe.pexpire(self.keys.queue(open_kfid), int(self.token_ttl * 1000))
        pipe.sadd(self.keys.pending, open_kfid)
        return pipe


class AsyncSyncQueue(_Queue):
    """Called from the callback endpoint: ``await queue.enqueue(open_kfid, token)`` and answer
    at once. ``redis`` is a ``redis.Redis`` (WSGI endpoints), or a ``redis.asyncio.Redis`` for
    the asyncio queue (ASGI endpoints)."""

    async def enqueue(self, open_kfid: str, token: str | Secret | None = None) -> None:
        """Record work for ``open_kfid``; ``token`` is the callback's ``Token`` (may be None)."""
        pipe = self._pipeline(open_kfid, token)  # checks the arguments first
        with store_errors("enqueue"):
            await pipe.execute()


# ---- sync twin of AsyncSyncQueue, generated by `make gen`: edit that ----
class SyncQueue(_Queue):
    """Called from the callback endpoint: ``queue.enqueue(open_kfid, token)`` and answer
    at once. ``redis`` is a ``redis.Redis`` (WSGI endpoints), or a ``redis.asyncio.Redis`` for
    the asyncio queue (ASGI endpoints)."""

    def enqueue(self, open_kfid: str, token: str | Secret | None = None) -> None:
        """Record work for ``open_kfid``; ``token`` is the callback's ``Token`` (may be None)."""
        pipe = self._pipeline(open_kfid, token)  # checks the arguments first
        with store_errors("enqueue"):
            pipe.execute()


# ---- end of generated code ----


# ---------------------------------------------------------------------------------------------
# Worker side
# ---------------------------------------------------------------------------------------------

# KEYS[1] queue, KEYS[2] pending; ARGV[1] open_kfid, ARGV[2..] the entries the drain read.
# Remove exactly those entries (by value: the list may have expired and been re-created during a
# long drain, so positions are not trusted); leave the account pending if anything new arrived.
_FINISH: Final = """
for i = 2, #ARGV do redis.call('LREM', KEYS[1], 1, ARGV[i]) end
if redis.call('LLEN', KEYS[1]) == 0 then
  redis.call('SREM', KEYS[2], ARGV[1])
  return 1
end
return 0
"""


PageHandler = Callable[[SyncMsgPage], object]


class StopEvent(Protocol):
    """What :meth:`SyncWorker.run_forever` needs: ``threading.Event`` or
    ``multiprocessing.Event`` both fit."""

    def is_set(self) -> bool: ...

    def wait(self, timeout: float | None = ...) -> bool: ...


class SyncWorker:
    """Pulls queued Kf accounts, one process per account at a time, and hands pages to
    ``handler``.

    ``kf_client_factory`` builds the :class:`~wxkefu_ext.client.KfClient` lazily inside the
    worker process (clients are not shared across ``fork``/``spawn``); ``redis`` is a blocking
    ``redis.Redis``. ``lock_ttl`` bounds how long a dead worker blocks an account; the lock is
    renewed every ``lock_ttl / 3`` while draining.
    """

    def __init__(
        self,
        kf_client_factory: Callable[[], _KfLike],
        redis: Any,
        handler: PageHandler,
        *,
        prefix: str = "wxkefu:sync:",
        lock_ttl: float = 30.0,
        limit: int | None = None,
        voice_format: int | None = None,
        start_from_now: bool = False,
        dedupe_window: float | None = DEFAULT_DEDUPE_WINDOW,
        token_ttl: float = TOKEN_TTL,
        poll_interval: float = 0.5,
        backoff_initial: float = 0.5,
        backoff_max: float = 30.0,
        cursor_ttl: float | None = None,
        parser: Callable[[Mapping[str, Any]], Any] = parse_message,
        clock: Callable[[], float] = time.time,
        on_lost: OnLost = "raise",
    ) -> None:
        if lock_ttl <= 0 or poll_interval <= 0 or backoff_initial <= 0:
            raise KfValidationError(
                "lock_ttl, poll_interval and backoff_initial must be positive", field="worker"
            )
        self._factory = kf_client_factory
        self._kf: _KfLike | None = None
        self.redis = redis
        self.handler = handler
        self.keys = WorkerKeys(prefix)
        self.lock_ttl = lock_ttl
        self.limit = limit
        self.voice_format = voice_format
        self.start_from_now = start_from_now
        self.token_ttl = token_ttl
        self.poll_interval = poll_interval
        self.backoff_initial = backoff_initial
        self.backoff_max = max(backoff_max, backoff_initial)
        self._clock = clock
        self._parser = parser
        self.on_lost: OnLost = on_lost
        self.cursors = RedisCursorStore(
            redis, prefix=self.keys.cursor_prefix, ttl=cursor_ttl, lock_prefix=self.keys.lock_prefix
        )
        self.dedupe = (
            RedisDeduper(redis, prefix=self.keys.seen_prefix, ttl=dedupe_window)
            if dedupe_window
            else None
        )
        self._finish = redis.register_script(_FINISH)
        self._failures: dict[str, int] = {}
        self._not_before: dict[str, float] = {}
        self._rng = random.Random()

    # -- one account ---------------------------------------------------------------------

    @property
    def kf(self) -> _KfLike:
        if self._kf is None:
            self._kf = self._factory()
        return self._kf

    def _tokens(self, open_kfid: str) -> tuple[list[Any], list[str]]:
        """The queued entries (raw) and the still-valid Tokens among them, newest first."""
        with store_errors("read queue"):
            entries = self.redis.lrange(self.keys.queue(open_kfid), 0, -1)
        now = self._clock()
        valid: list[str] = []
        for raw in entries:
            try:
                item = json.loads(raw)
                token, at = item["t"], float(item["at"])
            except (ValueError, KeyError, TypeError):
                continue  # a damaged entry is dropped with the consumed ones
            if isinstance(token, str) and token and now - at < self.token_ttl - 5:
                valid.append(token)
        valid.reverse()
        return list(entries), valid

    def drain(self, open_kfid: str) -> DrainResult | None:
        """Drain one account if this process can own its lock; None if another holds it."""
        _check_kfid(open_kfid)
        lease = self.cursors.lease(open_kfid, self.lock_ttl)
        if not lease.try_acquire():
            return None
        try:
            consumed, tokens = self._tokens(open_kfid)
            token = tokens[0] if tokens else None
            result = self.drain_locked(open_kfid, token, lease)
            with store_errors("finish drain"):
                self._finish(
                    keys=[self.keys.queue(open_kfid), self.keys.pending],
                    args=[open_kfid, *consumed],
                )
        finally:
            lease.release()
        return result

    def drain_locked(self, open_kfid: str, token: str | None, lease: RedisLease) -> DrainResult:
        """Drain ``open_kfid`` under an acquired ``lease`` (fenced: checked before each page
        and by each commit; LockLostError once it is lost). A rejected Token falls back to
        pulling without one."""
        try:
            result = self._pager(open_kfid, token, lease).handle(self.handler)
        except KfApiError as exc:
            if exc.errcode != INVALID_TOKEN_ERRCODE or token is None:
                raise
            # the Token expired or was rejected: pulling without one still works (slower)
            _log.info("sync_msg Token rejected for %s; pulling without a Token", open_kfid)
            result = self._pager(open_kfid, None, lease).handle(self.handler)
        lease.check()
        return result

    def _pager(self, open_kfid: str, token: str | None, lease: RedisLease) -> SyncMsgPager:
        return SyncMsgPager(
            self.kf,
            open_kfid,
            token=token,
            cursor_store=self.cursors,
            limit=self.limit,
            voice_format=self.voice_format,
            start_from_now=self.start_from_now,
            dedupe=self.dedupe,
            parser=self._parser,
            on_lost=self.on_lost,
            lease=lease,
        )

    # -- loop ----------------------------------------------------------------------------

    def _backoff(self, open_kfid: str) -> float:
        n = self._failures.get(open_kfid, 0) + 1
        self._failures[open_kfid] = n
        delay: float = min(self.backoff_max, self.backoff_initial * 2.0 ** (n - 1))
        delay *= 0.5 + self._rng.random() / 2  # jitter: workers do not retry in lockstep
        self._not_before[open_kfid] = time.monotonic() + delay
        return delay

    def run_once(self) -> int:
        """One pass over the pending accounts; returns how many were drained by this process.
        Accounts locked elsewhere or in back-off are skipped (never waited on)."""
        with store_errors("list pending accounts"):
            raw = self.redis.smembers(self.keys.pending)
        members = [m.decode() if isinstance(m, bytes) else str(m) for m in raw]
        self._rng.shuffle(members)  # spread workers over accounts
        drained = 0
        now = time.monotonic()
        for open_kfid in members:
            if self._not_before.get(open_kfid, 0.0) > now:
                continue
            try:
                result = self.drain(open_kfid)
            except Exception as exc:
                delay = self._backoff(open_kfid)
                # no message content in logs: type and errcode only
                _log.warning(
                    "sync of %s failed (%s%s); retrying in %.1fs",
                    open_kfid,
                    type(exc).__name__,
                    f" {exc.errcode}" if isinstance(exc, KfApiError) else "",
                    delay,
                )
                continue
            if result is not None:
                drained += 1
                self._failures.pop(open_kfid, None)
                self._not_before.pop(open_kfid, None)
        return drained

    #: What :meth:`run_forever` checks is persisted (its start-up warning) and its log's name.
    _persisted: str = "sync_msg cursors and the sync queue"
    _kind: str = "sync worker"

    def _idle_pause(self) -> float:
        """Seconds :meth:`run_forever` waits after a pass that drained nothing."""
        return self.poll_interval

    def run_forever(self, stop_event: StopEvent) -> None:
        """Loop until ``stop_event`` is set. Pauses when there was nothing to do
        (``poll_interval``) and backs off (bounded) when a pass itself fails, e.g. Redis is
        down — never a hot loop. :class:`~wxkefu_ext.handoff.StreamSyncWorker` runs this loop
        too."""
        warn_if_not_persistent(self.redis, self._persisted)
        failures = 0
        while not stop_event.is_set():
            try:
                drained = self.run_once()
                failures = 0
            except Exception as exc:
                failures += 1
                delay = min(self.backoff_max, self.backoff_initial * 2.0 ** (failures - 1))
                _log.warning(
                    "%s pass failed (%s); sleeping %.1fs", self._kind, type(exc).__name__, delay
                )
                stop_event.wait(delay)
                continue
            if not drained and (pause := self._idle_pause()) > 0:
                stop_event.wait(pause)
