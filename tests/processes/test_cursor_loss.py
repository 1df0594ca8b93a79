"""Issue 13 item 1: a missing cursor is never silently a first run.

A private Redis (tests/redis_proc.py) is restarted without persistence, SIGKILLed with AOF, or
has a cursor key deleted; the pager must raise CursorLostError (or follow the on_lost policy
the caller chose), never skip or replay without a signal.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from redis_proc import PrivateRedis

from wxkefu_ext.client import KfClient
from wxkefu_ext.cursors import CursorConflictError, CursorLostError, RedisCursorStore
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.errors import KfError
from wxkefu_ext.locks import LockLostError
from wxkefu_ext.pagination import MemoryDeduper, SyncMsgPage, SyncMsgPager
from wxkefu_ext.stores import redis_from_url


@pytest.fixture
def emu_kf() -> Iterator[tuple[Emulator, KfClient]]:
    emu = Emulator(seed=1)
    kf = KfClient(emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.transport())
    yield emu, kf
    kf.close()
    emu.close()


def _write(emu: Emulator, kfid: str, n: int, tag: str) -> list[str]:
    user, _ = emu.customer_enter_session(kfid)
    return [emu.customer_send(kfid, user, f"{tag}{i}") for i in range(n)]


def _texts(page: SyncMsgPage) -> list[str]:
    return [r["msgid"] for r in page.raw_messages if r.get("msgtype") == "text"]


def _store(url: str) -> RedisCursorStore:
    return RedisCursorStore(redis_from_url(url, socket_timeout=1, connect_timeout=0.5))


def test_restart_without_persistence_raises_instead_of_skipping_or_replaying(
    emu_kf: tuple[Emulator, KfClient], volatile_redis: PrivateRedis
) -> None:
    emu, kf = emu_kf
    kfid = emu.create_account("a")
    store = _store(volatile_redis.url)
    old = _write(emu, kfid, 10, "old")
    got: list[str] = []
    SyncMsgPager(kf, kfid, cursor_store=store).handle(lambda p: got.extend(_texts(p)))
    assert got == old
    new = _write(emu, kfid, 10, "new")
    volatile_redis.restart()  # every key gone; this process keeps running
    assert store.load(kfid).status == "lost"
    for start_from_now in (True, False):  # before: silently skipped / silently replayed
        with pytest.raises(CursorLostError, match=kfid):
            SyncMsgPager(kf, kfid, cursor_store=store, start_from_now=start_from_now).handle(
                lambda p: got.extend(_texts(p))
            )
    assert got == old  # nothing handed out
    # a second process that never saw this store: the per-account record is gone too, so it
    # cannot tell — the documented reason why persistence is required. With the store
    # re-populated by the first process, the epoch tells every process.
    dedupe = MemoryDeduper()
    dedupe.mark(kfid, old)  # what this process handled before the restart
    replay = SyncMsgPager(kf, kfid, cursor_store=store, on_lost="replay", dedupe=dedupe)
    result = replay.handle(lambda p: got.extend(_texts(p)))
    assert result.lost and got == old + new  # nothing lost, nothing handed out twice
    other = _store(volatile_redis.url)
    assert other.load(kfid).status == "ok"


def test_on_lost_skip_is_logged_and_counted(
    emu_kf: tuple[Emulator, KfClient], volatile_redis: PrivateRedis, caplog: Any
) -> None:
    emu, kf = emu_kf
    kfid = emu.create_account("a")
    store = _store(volatile_redis.url)
    _write(emu, kfid, 3, "old")
    SyncMsgPager(kf, kfid, cursor_store=store).handle(lambda p: None)
    _write(emu, kfid, 4, "gap")
    volatile_redis.restart()
    got: list[str] = []
    with caplog.at_level(logging.WARNING):
        result = SyncMsgPager(kf, kfid, cursor_store=store, on_lost="skip").handle(
            lambda p: got.extend(_texts(p))
        )
    assert result.lost and result.bootstrapped and result.skipped >= 4 and got == []
    assert any("WITHOUT handing out" in r.getMessage() for r in caplog.records)
    with pytest.raises(KfError, match="deduper"):
        SyncMsgPager(kf, kfid, cursor_store=store, on_lost="replay")


def test_restart_mid_drain_signals_and_replay_loses_nothing(
    emu_kf: tuple[Emulator, KfClient], volatile_redis: PrivateRedis
) -> None:
    emu, kf = emu_kf
    kfid = emu.create_account("a")
    store = _store(volatile_redis.url)
    SyncMsgPager(kf, kfid, cursor_store=store).handle(lambda p: None)  # first run
    sent = _write(emu, kfid, 30, "m")
    handled: list[str] = []
    dedupe = MemoryDeduper()
    signals: list[type[BaseException]] = []

    def handler(page: SyncMsgPage) -> None:
        handled.extend(_texts(page))
        if page.number == 2 and not signals:
            volatile_redis.restart()

    policy: Any = "raise"
    for _ in range(4):
        try:
            SyncMsgPager(
                kf, kfid, cursor_store=store, limit=10, dedupe=dedupe, on_lost=policy
            ).handle(handler)
            break
        except (CursorConflictError, CursorLostError, LockLostError) as exc:
            signals.append(type(exc))
            if isinstance(exc, CursorLostError):
                policy = "replay"  # the operator's explicit choice after the signal
    assert signals, "a Redis restart mid-drain went unnoticed"
    assert CursorLostError in signals
    counts = Counter(handled)
    assert set(counts) == set(sent), "messages lost"
    assert max(counts.values()) == 1, "a message was handed out twice"


def test_sigkill_with_aof_keeps_cursors(
    emu_kf: tuple[Emulator, KfClient], durable_redis: PrivateRedis
) -> None:
    emu, kf = emu_kf
    kfid = emu.create_account("a")
    _write(emu, kfid, 5, "old")
    SyncMsgPager(kf, kfid, cursor_store=_store(durable_redis.url)).handle(lambda p: None)
    new = _write(emu, kfid, 3, "new")
    durable_redis.restart()  # SIGKILL + start: the AOF brings everything back
    fresh = _store(durable_redis.url)  # a process that never saw the store before
    assert fresh.load(kfid).status == "ok"
    got: list[str] = []
    SyncMsgPager(kf, kfid, cursor_store=fresh, start_from_now=True).handle(
        lambda p: got.extend(_texts(p))
    )
    assert got == new


def test_deleted_or_expired_cursor_is_lost_for_every_process(
    redis_url: str, redis_prefix: str
) -> None:
    r = redis_from_url(redis_url)
    s = RedisCursorStore(r, prefix=redis_prefix)
    assert s.load("wkA").status == "new"
    s.commit("wkA", "c1")
    assert r.pttl(redis_prefix + "wkA") == -1  # no TTL: an idle account keeps its cursor
    r.delete(redis_prefix + "wkA")  # evicted / deleted by hand
    for store in (s, RedisCursorStore(r, prefix=redis_prefix)):  # the record is durable
        read = store.load("wkA")
        assert read.status == "lost" and "record" in read.reason
    assert RedisCursorStore(r, prefix=redis_prefix).load("wkB").status == "new"
    short = RedisCursorStore(r, prefix=redis_prefix, ttl=0.05)
    short.commit("wkC", "c1")
    time.sleep(0.15)
    assert RedisCursorStore(r, prefix=redis_prefix).load("wkC").status == "lost"
