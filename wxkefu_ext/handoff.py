"""The callback hand-off that loses nothing: Redis Streams + consumer groups, a fenced
per-account lock, a safety-net sweep, and an adapter for task queues.

Why: the issue-13 harness SIGKILLed web processes under load and found hundreds of
``kf_msg_or_event`` callbacks *acknowledged but never handled* — the endpoint answered 200 and
queued the work in memory (or after the answer). For Kf that means no pull until the account's
next callback. Here:

* **Producer** (:class:`StreamHandOff` / :class:`AsyncStreamHandOff`, passed as the endpoints'
  ``handoff=``): one Lua script — one round trip — that checks the delivery's dedupe key, then
  ``XADD``\\ s ``{k: open_kfid, t: Token, at: time}`` to ``{prefix}notifications``, marks the
  key done (600 s) and adds the account to ``{prefix}accounts``. The endpoint answers 200 only
  after the script returned; any failure answers 503 and WeCom retries.
* **Consumer** (:class:`StreamSyncWorker`): ``XREADGROUP`` in the group ``wxkefu-sync``; per
  account, the fenced lease of :class:`~wxkefu_ext.cursors.RedisCursorStore` (the per-account
  lock stays), a drain with the newest still-valid Token, then ``XACK`` + ``XDEL`` of exactly
  the entries that drain covered. A failed drain leaves them pending; a killed worker's
  pending entries are taken over with ``XAUTOCLAIM`` after ``claim_idle`` seconds.
* **Safety net**: every ``sweep_interval`` seconds each known account is pulled once across the
  fleet (a ``SET NX PX`` per account and interval), without a Token — so a notification lost
  anyway (e.g. WeCom never delivered it) delays a customer's message by at most that interval
  and never loses it (the server keeps messages for 3 days).
* **Task queues** (:func:`task_handoff`): the same contract over Celery, Dramatiq or arq — the
  endpoint's answer waits for the broker's ``send`` (``.delay``, ``.send``, ``enqueue_job``) and
  the task calls :meth:`StreamSyncWorker.drain_notified` (or any drain under the lease).

Delivery guarantee, exactly: every notification answered 200 is in the stream (as durable as
the Redis: ``appendonly yes`` + ``appendfsync always`` for all of them, ``everysec`` may lose
the last second on a Redis crash) and is acknowledged only after a drain that started after
it was added returned; pages reach the handler at least once, once per msgid with the deduper
(see :mod:`wxkefu_ext.worker` for the remaining windows).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Final

from wxkefu_ext._redact import Secret
from wxkefu_ext.callback.dedupe import DEFAULT_DEDUPE_TTL
from wxkefu_ext.callback.parse import CallbackEvent, KfMsgOrEvent
from wxkefu_ext.errors import KfApiError, KfValidationError
from wxkefu_ext.pagination import DrainResult, SyncMsgPage
from wxkefu_ext.stores.clients import store_errors
from wxkefu_ext.stores.shells import AsyncShell, Shell, SyncShell, operation
from wxkefu_ext.stores.steps import Flow, Script, text, ttl_ms
from wxkefu_ext.worker import TOKEN_TTL, SyncWorker, _check_kfid

__all__ = [
    "DEFAULT_SWEEP_INTERVAL",
    "AsyncStreamHandOff",
    "StreamHandOff",
    "StreamKeys",
    "StreamSyncWorker",
    "task_handoff",
]

_log = logging.getLogger(__name__)

#: Seconds between two safety-net pulls of one account (no Token: sync_msg is rate-limited).
DEFAULT_SWEEP_INTERVAL: Final = 300.0
#: The shortest sweep interval accepted.
MIN_SWEEP_INTERVAL: Final = 10.0
GROUP: Final = "wxkefu-sync"


class StreamKeys:
    """Redis key names of the hand-off under one ``prefix`` (shared by producers and workers).
    The drain's keys (cursors, leases, the msgid window) are the worker's own,
    :class:`~wxkefu_ext.worker.WorkerKeys` under the same prefix: the stream worker drains as
    :class:`~wxkefu_ext.worker.SyncWorker` does."""

    def __init__(self, prefix: str = "wxkefu:stream:") -> None:
        self.prefix = prefix
        self.stream = f"{prefix}notifications"
        self.accounts = f"{prefix}accounts"

    def delivery(self, dedupe_key: str) -> str:
        return f"{self.prefix}delivery:{dedupe_key}"

    def sweep(self, open_kfid: str) -> str:
        return f"{self.prefix}sweep:{open_kfid}"


# KEYS: 1 delivery mark ("" key = no dedupe), 2 stream, 3 accounts
# ARGV: 1 mark ttl ms, 2 kind ("kf" | event type), 3 open_kfid, 4 token, 5 time, 6 raw json
_HANDOFF: Final = Script("""
if ARGV[1] ~= '0' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('XADD', KEYS[2], '*', 'kind', ARGV[2], 'k', ARGV[3], 't', ARGV[4], 'at', ARGV[5],
           'raw', ARGV[6])
if ARGV[1] ~= '0' then redis.call('SET', KEYS[1], 'd', 'PX', ARGV[1]) end
if ARGV[3] ~= '' then redis.call('SADD', KEYS[3], ARGV[3]) end
return 1
""")


def _fields(event: CallbackEvent | None, open_kfid: str, token: str | None) -> tuple[str, ...]:
    if event is None or isinstance(event, KfMsgOrEvent):
        return ("kf", open_kfid, token or "", str(time.time()), "")
    raw = json.dumps(getattr(event, "raw", {}), ensure_ascii=False, default=str)
    return (type(event).__name__, "", "", str(time.time()), raw)


class _HandOff(Shell):
    """The producer's operations, once for :class:`StreamHandOff` and
    :class:`AsyncStreamHandOff` (one script, one round trip)."""

    def __init__(
        self, redis: Any, *, prefix: str = "wxkefu:stream:", ttl: float = DEFAULT_DEDUPE_TTL
    ) -> None:
        self.redis = redis
        self.keys = StreamKeys(prefix)
        self._ttl_ms = ttl_ms(ttl)

    def _add(
        self, dedupe_key: str | None, event: CallbackEvent | None, kfid: str, token: str | None
    ) -> Flow[bool]:
        if kfid:
            _check_kfid(kfid)
        mark = self.keys.delivery(dedupe_key) if dedupe_key else self.keys.delivery("-")
        keys = [mark, self.keys.stream, self.keys.accounts]
        ttl = str(self._ttl_ms) if dedupe_key else "0"
        return bool((yield _HANDOFF(keys, [ttl, *_fields(event, kfid, token)])))

    @operation("hand off notification")
    def handoff_once(self, dedupe_key: str, event: CallbackEvent) -> Flow[bool]:
        """Add ``event`` unless ``dedupe_key`` was handed off already (then False)."""
        if isinstance(event, KfMsgOrEvent):
            kfid, token = event.open_kfid or "", event.token or None
        else:
            kfid, token = "", None
        return (yield from self._add(dedupe_key, event, kfid, token))

    @operation("hand off notification")
    def enqueue(self, open_kfid: str, token: str | Secret | None = None) -> Flow[None]:
        """Add a notification directly (no dedupe), e.g. from a custom endpoint."""
        raw = token.reveal() if isinstance(token, Secret) else token
        yield from self._add(None, None, _check_kfid(open_kfid), raw)


class AsyncStreamHandOff(_HandOff, AsyncShell):
    """Producer for the callback endpoints, ``handoff=AsyncStreamHandOff(redis)``: the blocking
    one for ``wsgi_callback_app`` over a ``redis.Redis``, the asyncio one for ``callback_app``
    (ASGI) over a ``redis.asyncio.Redis``. ``handoff_once`` returns False for a duplicate."""


# ---- sync twin of AsyncStreamHandOff, generated by `make gen`: edit that ----
class StreamHandOff(_HandOff, SyncShell):
    """Producer for the callback endpoints, ``handoff=StreamHandOff(redis)``: the blocking
    one for ``wsgi_callback_app`` over a ``redis.Redis``, the asyncio one for ``callback_app``
    (ASGI) over a ``redis.asyncio.Redis``. ``handoff_once`` returns False for a duplicate."""


# ---- end of generated code ----


def task_handoff(send: Callable[[str, str | None], object]) -> Callable[[CallbackEvent], None]:
    """A ``handoff=`` for the endpoints that passes ``(open_kfid, Token)`` to a task queue you
    already run: ``send`` is e.g. ``drain_account.delay`` (Celery), ``drain_account.send``
    (Dramatiq) or a function calling arq's ``enqueue_job`` — whatever returns once the broker
    has the message. The endpoint answers 200 only after ``send`` returned; if it raises, 503
    (WeCom retries). Other callback events are ignored (logged at INFO)."""

    def handoff(event: CallbackEvent) -> None:
        if isinstance(event, KfMsgOrEvent) and event.open_kfid:
            send(_check_kfid(event.open_kfid), event.token or None)
        else:
            _log.info("hand-off: %s is not a kf_msg_or_event; nothing queued", type(event).__name__)

    return handoff


class StreamSyncWorker(SyncWorker):
    """Consumes :class:`StreamHandOff` notifications (consumer group ``group``) and drains each
    account under its fenced lease; see the module docstring for the whole contract.

    ``claim_idle`` (s): pending entries of a consumer that has not touched them for that long
    are taken over. ``sweep_interval`` (s, None = off): the safety-net pull of every known
    account. ``on_event(kind, raw)``: called for callback events that are not kf_msg_or_event.
    The remaining keyword arguments are those of :class:`~wxkefu_ext.worker.SyncWorker`."""

    def __init__(
        self,
        kf_client_factory: Callable[[], Any],
        redis: Any,
        handler: Callable[[SyncMsgPage], object],
        *,
        prefix: str = "wxkefu:stream:",
        group: str = GROUP,
        consumer: str | None = None,
        claim_idle: float = 60.0,
        batch: int = 100,
        block: float = 1.0,
        sweep_interval: float | None = DEFAULT_SWEEP_INTERVAL,
        on_event: Callable[[str, Mapping[str, Any]], object] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(kf_client_factory, redis, handler, prefix=prefix, **kwargs)
        if sweep_interval is not None and sweep_interval < MIN_SWEEP_INTERVAL:
            raise KfValidationError(
                "is shorter than sync_msg's no-Token rate limit allows",
                field="sweep_interval",
                limit=f">= {MIN_SWEEP_INTERVAL:.0f} s",
            )
        if claim_idle <= 0 or batch < 1 or block < 0:
            raise KfValidationError("claim_idle, batch and block must be positive", field="worker")
        self.skeys = StreamKeys(prefix)  # its drain keys are self.keys' (WorkerKeys)
        self.group = group
        self.consumer = consumer or f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.claim_idle = claim_idle
        self.batch = batch
        self.block = block
        self.sweep_interval = sweep_interval
        self.on_event = on_event
        self._group_ready = False
        self._next_sweep = 0.0

    # -- stream plumbing -------------------------------------------------------------------

    def _ensure_group(self) -> None:
        if self._group_ready:
            return
        from redis.exceptions import ResponseError

        try:
            with store_errors("create consumer group"):
                self.redis.xgroup_create(self.skeys.stream, self.group, id="0", mkstream=True)
        except Exception as exc:
            cause = exc.__cause__ if exc.__cause__ is not None else exc
            if not (isinstance(cause, ResponseError) and "BUSYGROUP" in str(cause)):
                raise
        self._group_ready = True

    def _read(self) -> list[tuple[str, dict[str, str]]]:
        """Claimed + own pending entries, else new ones (blocking up to ``block`` s)."""
        with store_errors("claim notifications"):
            self.redis.xautoclaim(self.skeys.stream, self.group, self.consumer,
                                  int(self.claim_idle * 1000), "0-0", count=self.batch)  # fmt: skip
            own = self.redis.xreadgroup(self.group, self.consumer, {self.skeys.stream: "0"},
                                        count=self.batch)  # fmt: skip
        entries = self._entries(own)
        if entries:
            return entries
        with store_errors("read notifications"):
            new = self.redis.xreadgroup(
                self.group,
                self.consumer,
                {self.skeys.stream: ">"},
                count=self.batch,
                block=int(self.block * 1000) or None,
            )
        return self._entries(new)

    @staticmethod
    def _entries(reply: Any) -> list[tuple[str, dict[str, str]]]:
        out: list[tuple[str, dict[str, str]]] = []
        for _stream, items in reply or []:
            for entry_id, fields in items:
                if fields is None:  # deleted while pending
                    continue
                out.append((text(entry_id), {text(k): text(v) for k, v in fields.items()}))
        return out

    def _ack(self, ids: list[str]) -> None:
        if not ids:
            return
        pipe = self.redis.pipeline(transaction=True)
        pipe.xack(self.skeys.stream, self.group, *ids)
        pipe.xdel(self.skeys.stream, *ids)
        with store_errors("acknowledge notifications"):
            pipe.execute()

    # -- work ------------------------------------------------------------------------------

    def _newest_token(self, fields: list[dict[str, str]]) -> str | None:
        now = self._clock()
        best: tuple[float, str] | None = None
        for f in fields:
            token, at = f.get("t", ""), f.get("at", "0")
            try:
                age = now - float(at)
            except ValueError:
                continue
            if token and age < self.token_ttl - 5 and (best is None or float(at) > best[0]):
                best = (float(at), token)
        return best[1] if best else None

    def drain_notified(self, open_kfid: str, token: str | None = None) -> DrainResult | None:
        """Drain one account under its fenced lease now (what a task-queue task calls);
        None when another worker holds it (that worker's drain covers the notification only
        if it started after it — so a task should retry later on None)."""
        _check_kfid(open_kfid)
        lease = self.cursors.lease(open_kfid, self.lock_ttl)
        if not lease.try_acquire():
            return None
        try:
            return self.drain_locked(open_kfid, token, lease)
        finally:
            lease.release()

    def run_once(self) -> int:
        """Handle one batch of notifications (and the sweep when due); returns how many
        accounts this process drained."""
        self._ensure_group()
        drained = 0
        by_account: dict[str, list[tuple[str, dict[str, str]]]] = {}
        for entry_id, fields in self._read():
            kind = fields.get("kind", "kf")
            if kind != "kf":
                self._other(entry_id, kind, fields)
                continue
            kfid = fields.get("k", "")
            by_account.setdefault(kfid, []).append((entry_id, fields))
        now = time.monotonic()
        for kfid, items in by_account.items():
            ids = [i for i, _ in items]
            if not kfid:
                self._ack(ids)  # damaged entry
                continue
            if self._not_before.get(kfid, 0.0) > now:
                continue
            try:
                result = self.drain_notified(kfid, self._newest_token([f for _, f in items]))
            except Exception as exc:
                delay = self._backoff(kfid)
                code = f" {exc.errcode}" if isinstance(exc, KfApiError) else ""
                _log.warning(
                    "sync of %s failed (%s%s); entries stay pending, retry in %.1fs",
                    kfid,
                    type(exc).__name__,
                    code,
                    delay,
                )
                continue
            if result is None:
                continue  # locked elsewhere: keep our entries pending, re-read next pass
            self._ack(ids)
            self._failures.pop(kfid, None)
            self._not_before.pop(kfid, None)
            drained += 1
        drained += self.sweep()
        return drained

    def _other(self, entry_id: str, kind: str, fields: dict[str, str]) -> None:
        if self.on_event is None:
            _log.info("callback event %s handed off; no on_event handler, acknowledged", kind)
            self._ack([entry_id])
            return
        try:
            raw = json.loads(fields.get("raw") or "{}")
            self.on_event(kind, raw if isinstance(raw, dict) else {})
        except Exception as exc:  # stays pending; retried on the next pass
            _log.warning("on_event for %s failed (%s); will retry", kind, type(exc).__name__)
            return
        self._ack([entry_id])

    def sweep(self, *, force: bool = False) -> int:
        """The safety net: pull each known account whose sweep slot this process wins (one
        per account and interval across all workers). Returns accounts drained."""
        if self.sweep_interval is None:
            return 0
        now = time.monotonic()
        if not force and now < self._next_sweep:
            return 0
        self._next_sweep = now + self.sweep_interval / 4
        with store_errors("list accounts"):
            members = [text(m) for m in self.redis.smembers(self.skeys.accounts)]
        px = int(self.sweep_interval * 1000)
        drained = 0
        for kfid in members:
            if self._not_before.get(kfid, 0.0) > now:
                continue
            with store_errors("claim sweep"):
                won = self.redis.set(self.skeys.sweep(kfid), self.consumer, nx=True, px=px)
            if not won:
                continue
            try:
                if self.drain_notified(kfid, None) is not None:
                    drained += 1
            except Exception as exc:
                self._backoff(kfid)
                _log.warning("sweep of %s failed (%s)", kfid, type(exc).__name__)
        return drained

    def register(self, open_kfid: str) -> None:
        """Make an account known to the sweep before its first callback."""
        with store_errors("register account"):
            self.redis.sadd(self.skeys.accounts, _check_kfid(open_kfid))

    _persisted = "the notification stream and sync_msg cursors"
    _kind = "stream worker"

    def _idle_pause(self) -> float:
        """No pause after an idle pass: its read already blocked up to ``block`` s (with
        ``block=0`` the read does not block, so the loop polls like SyncWorker's)."""
        return 0.0 if self.block > 0 else self.poll_interval


_ = TOKEN_TTL  # re-exported constant documented with the worker
