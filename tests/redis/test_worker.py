"""Distributed sync worker: queue semantics, lock ownership, failure handling, and several OS
processes (one SIGKILLed mid-drain) delivering every message exactly once. Real Redis."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fakes import SyncMsgServer, loop_passes, text_item

from wxkefu_ext.pagination import SyncMsgPage
from wxkefu_ext.worker import AsyncSyncQueue, SyncQueue, SyncWorker, WorkerKeys

from conftest import scaled


@pytest.fixture
def r(redis_url: str) -> Iterator[Any]:
    import redis

    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def FakeKf(msgs: dict[str, list[str]], page: int = 7) -> SyncMsgServer:
    """sync_msg over an in-memory list of msgids per account (cursor "c<pos>"), pages of
    ``page``: tests/fakes.py's server behind a real KfClient (``kf.client``)."""
    return SyncMsgServer(msgs, page=page, empty_every=0, item=text_item)


def raw_worker(kf: SyncMsgServer, r: Any, prefix: str, handler: Any, **kw: Any) -> SyncWorker:
    """Worker with dict messages (unit tests do not depend on the generated models)."""
    return SyncWorker(lambda: kf.client, r, handler, prefix=prefix, lock_ttl=5, parser=dict, **kw)


def test_enqueue_records_token_and_pending(r: Any, redis_prefix: str) -> None:
    q = SyncQueue(r, prefix=redis_prefix, clock=lambda: 1000.0)
    q.enqueue("wkA", "TOK1")
    q.enqueue("wkA", None)
    q.enqueue("wkB", "TOK2")
    keys = WorkerKeys(redis_prefix)
    assert r.smembers(keys.pending) == {b"wkA", b"wkB"}
    assert [json.loads(x) for x in r.lrange(keys.queue("wkA"), 0, -1)] == [
        {"t": "TOK1", "at": 1000.0}
    ]
    assert 0 < r.pttl(keys.queue("wkA")) <= 600_000
    with pytest.raises(ValueError, match="open_kfid"):
        q.enqueue("", "x")
    with pytest.raises(ValueError, match="token"):
        q.enqueue("wkA", "")


@pytest.mark.anyio
async def test_async_enqueue(redis_url: str, redis_prefix: str) -> None:
    import redis.asyncio as aredis

    ar = aredis.Redis.from_url(redis_url)
    await AsyncSyncQueue(ar, prefix=redis_prefix).enqueue("wkA", "TOK")
    assert await ar.sismember(WorkerKeys(redis_prefix).pending, "wkA")
    await ar.aclose()


def test_run_once_drains_with_newest_valid_token(r: Any, redis_prefix: str) -> None:
    now = [10_000.0]
    q = SyncQueue(r, prefix=redis_prefix, clock=lambda: now[0])
    q.enqueue("wkA", "OLD")  # will be expired
    now[0] += 700
    q.enqueue("wkA", "T1")
    q.enqueue("wkA", "T2")
    kf = FakeKf({"wkA": [f"a{i}" for i in range(20)]})
    got: list[str] = []
    w = raw_worker(
        kf,
        r,
        redis_prefix,
        lambda p: got.extend(m["msgid"] for m in p.messages),
        clock=lambda: now[0],
    )
    assert w.run_once() == 1
    assert got == [f"a{i}" for i in range(20)]
    assert {b.get("token") for b in kf.bodies} == {"T2"}
    keys = WorkerKeys(redis_prefix)
    assert r.llen(keys.queue("wkA")) == 0 and r.scard(keys.pending) == 0
    assert w.cursors.get("wkA") == "c20"
    assert w.run_once() == 0  # nothing pending


def test_enqueue_during_drain_keeps_account_pending(r: Any, redis_prefix: str) -> None:
    q = SyncQueue(r, prefix=redis_prefix)
    q.enqueue("wkA", "T1")
    msgs = {"wkA": [f"a{i}" for i in range(10)]}
    kf = FakeKf(msgs, page=5)
    got: list[str] = []

    def handler(page: SyncMsgPage) -> None:
        got.extend(m["msgid"] for m in page.messages)
        if len(got) == 5:  # a new message + callback arrive while we drain
            msgs["wkA"].append("late")
            q.enqueue("wkA", "T2")

    w = raw_worker(kf, r, redis_prefix, handler)
    w.run_once()
    keys = WorkerKeys(redis_prefix)
    assert r.sismember(keys.pending, "wkA")
    assert [json.loads(x)["t"] for x in r.lrange(keys.queue("wkA"), 0, -1)] == ["T2"]
    w.run_once()
    assert got == [f"a{i}" for i in range(10)] + ["late"]
    assert not r.sismember(keys.pending, "wkA")


def test_failure_keeps_tokens_and_backs_off(r: Any, redis_prefix: str) -> None:
    q = SyncQueue(r, prefix=redis_prefix)
    q.enqueue("wkA", "T1")
    kf = FakeKf({"wkA": [f"a{i}" for i in range(10)]}, page=4)
    calls = {"n": 0}

    def handler(page: SyncMsgPage) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("db down")

    w = raw_worker(kf, r, redis_prefix, handler, backoff_initial=0.3)
    assert w.run_once() == 0
    keys = WorkerKeys(redis_prefix)
    assert r.llen(keys.queue("wkA")) == 1 and r.sismember(keys.pending, "wkA")
    assert w.cursors.get("wkA") == "c4"  # first page committed, the failed one not
    n_bodies = len(kf.bodies)
    assert w.run_once() == 0 and len(kf.bodies) == n_bodies  # in back-off: not even tried
    time.sleep(0.35)
    assert w.run_once() == 1
    assert kf.bodies[n_bodies]["cursor"] == "c4"  # resumed at the failed page


def test_invalid_token_falls_back_to_no_token(r: Any, redis_prefix: str) -> None:
    SyncQueue(r, prefix=redis_prefix).enqueue("wkA", "BAD")
    kf = FakeKf({"wkA": ["a0", "a1"]})
    kf.reject_token = "BAD"
    got: list[str] = []
    w = raw_worker(kf, r, redis_prefix, lambda p: got.extend(m["msgid"] for m in p.messages))
    assert w.run_once() == 1 and got == ["a0", "a1"]
    assert [b.get("token") for b in kf.bodies] == ["BAD", None]


def test_account_locked_elsewhere_is_skipped(r: Any, redis_prefix: str) -> None:
    SyncQueue(r, prefix=redis_prefix).enqueue("wkA", "T")
    keys = WorkerKeys(redis_prefix)
    r.set(keys.lock("wkA"), "someone-else", px=10_000)
    kf = FakeKf({"wkA": ["a0"]})
    w = raw_worker(kf, r, redis_prefix, lambda p: None)
    assert w.drain("wkA") is None and w.run_once() == 0
    assert kf.bodies == [] and r.sismember(keys.pending, "wkA")
    assert r.get(keys.lock("wkA")) == b"someone-else"  # not released by a non-owner


def test_run_forever_sleeps_when_idle_and_stops(r: Any, redis_prefix: str) -> None:
    w = raw_worker(FakeKf({}), r, redis_prefix, lambda p: None, poll_interval=0.05)
    assert 2 <= loop_passes(w) <= 10  # polled, not spun


# --------------------------------------------------------------------------------------
# Several OS processes against the emulator and the real Redis
# --------------------------------------------------------------------------------------


def _worker_main(
    base_url: str,
    redis_url: str,
    prefix: str,
    stop: Any,
    *,
    victim: bool = False,
    lock_ttl: float = 1.5,
) -> None:
    import redis

    from wxkefu_ext.client import KfClient
    from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET

    r = redis.Redis.from_url(redis_url)

    def handler(page: SyncMsgPage) -> None:
        if victim:
            r.set(prefix + "victim-in-handler", os.getpid())
            time.sleep(60)  # SIGKILLed here, before recording anything
        # detect two processes handling the same account at the same time
        active = prefix + "active:" + page.open_kfid
        if r.incr(active) > 1:
            r.rpush(prefix + "overlaps", page.open_kfid)
        time.sleep(0.01)  # some work, so overlapping pullers would actually overlap
        # record the whole page at once (one command), as a real side effect would
        r.rpush(prefix + "handled", *[m.msgid for m in page.messages])
        r.decr(active)

    w = SyncWorker(
        lambda: KfClient(DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, base_url=base_url),
        r,
        handler,
        prefix=prefix,
        lock_ttl=lock_ttl,
        limit=50,
        poll_interval=0.05,
        backoff_initial=0.1,
        backoff_max=0.5,
    )
    if not victim:  # start together, so that pullers really compete for the accounts
        r.incr(prefix + "ready")
        while not r.get(prefix + "go") and not stop.is_set():
            time.sleep(0.005)
    w.run_forever(stop)


@pytest.mark.redis
@pytest.mark.slow
def test_four_workers_and_a_killed_one_deliver_exactly_once(
    redis_url: str, redis_prefix: str, r: Any
) -> None:
    from wxkefu_ext.emulator import Emulator

    n_accounts = 3
    per_account = scaled(400, 3000)
    emu = Emulator(seed=0)
    kfids = [emu.create_account(f"acc{i}") for i in range(n_accounts)]
    expected: dict[str, list[str]] = {}
    for kfid in kfids:
        expected[kfid] = list(emu.customer_send_many(kfid, per_account))
    q = SyncQueue(r, prefix=redis_prefix)
    ctx = mp.get_context("spawn")
    stop = ctx.Event()
    procs: list[Any] = []
    with emu.serve("127.0.0.1") as base_url:
        try:
            for kfid in kfids:
                q.enqueue(kfid, None)
            victim = ctx.Process(
                target=_worker_main,
                args=(base_url, redis_url, redis_prefix, stop),
                kwargs={"victim": True},
            )
            victim.start()
            procs.append(victim)
            deadline = time.monotonic() + 30
            while not r.get(redis_prefix + "victim-in-handler"):
                assert time.monotonic() < deadline, "victim never reached its handler"
                time.sleep(0.02)
            for _ in range(4):
                p = ctx.Process(target=_worker_main, args=(base_url, redis_url, redis_prefix, stop))
                p.start()
                procs.append(p)
            while int(r.get(redis_prefix + "ready") or 0) < 4:
                assert time.monotonic() < deadline + 30, "workers did not start"
                time.sleep(0.02)
            os.kill(victim.pid, signal.SIGKILL)  # mid-drain, lock held, page not committed
            victim.join(5)
            r.set(redis_prefix + "go", 1)
            total = n_accounts * per_account
            deadline = time.monotonic() + 60
            while r.llen(redis_prefix + "handled") < total and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.3)  # let any (wrong) duplicate show up
        finally:
            stop.set()
            for p in procs:
                p.join(10)
                if p.is_alive():
                    p.kill()
    handled = [x.decode() for x in r.lrange(redis_prefix + "handled", 0, -1)]
    all_ids = [m for ids in expected.values() for m in ids]
    assert r.llen(redis_prefix + "overlaps") == 0, "two workers pulled one account at once"
    assert len(handled) == len(set(handled)), "a message was handed out twice"
    assert set(handled) == set(all_ids), f"missing {len(set(all_ids) - set(handled))}"
    position = {m: i for i, m in enumerate(handled)}
    for ids in expected.values():  # per account, in order
        assert [position[m] for m in ids] == sorted(position[m] for m in ids)
    assert victim.exitcode == -signal.SIGKILL


def test_lost_lock_stops_before_the_next_page(r: Any, redis_prefix: str) -> None:
    SyncQueue(r, prefix=redis_prefix).enqueue("wkA", "T")
    keys = WorkerKeys(redis_prefix)
    kf = FakeKf({"wkA": [f"a{i}" for i in range(20)]}, page=5)
    got: list[str] = []

    def handler(page: SyncMsgPage) -> None:
        got.extend(m["msgid"] for m in page.messages)
        r.set(keys.lock("wkA"), "a-new-owner")  # our lock expired and someone else took it

    w = raw_worker(kf, r, redis_prefix, handler)
    assert w.run_once() == 0  # LockLostError → back-off, not a crash
    assert got == [f"a{i}" for i in range(5)]  # no second page was handed out
    # fenced: the commit after the loss is refused, so the new owner gets that page again
    assert w.cursors.get("wkA") is None
    assert r.sismember(keys.pending, "wkA") and r.llen(keys.queue("wkA")) == 1
    assert r.get(keys.lock("wkA")) == b"a-new-owner"  # not released by the former owner


def test_queue_recreated_mid_drain_keeps_new_tokens(r: Any, redis_prefix: str) -> None:
    q = SyncQueue(r, prefix=redis_prefix)
    q.enqueue("wkA", "T1")
    q.enqueue("wkA", "T2")
    keys = WorkerKeys(redis_prefix)
    kf = FakeKf({"wkA": ["a0", "a1"]})

    def handler(page: SyncMsgPage) -> None:
        r.delete(keys.queue("wkA"))  # the queue expired during a long drain...
        q.enqueue("wkA", "T3")  # ...and a new callback re-created it

    w = raw_worker(kf, r, redis_prefix, handler)
    w.run_once()
    assert [json.loads(x)["t"] for x in r.lrange(keys.queue("wkA"), 0, -1)] == ["T3"]
    assert r.sismember(keys.pending, "wkA")
