"""Concurrency: many tasks and many processes, one token, every message exactly once.

* 1,000 concurrent ``messages.async_send`` calls on one :class:`AsyncKfClient` — in-process
  (``emu.async_transport()``) and over real HTTP (``emu.serve()``): each message is delivered
  exactly once (the emulator's delivery log, by msgid) and the stampede costs exactly one
  ``gettoken`` (the emulator counts them).
* 8 OS processes (``spawn``) sharing the real Redis — :class:`RedisTokenStore` for the token,
  :class:`SyncWorker` (owned locks + :class:`RedisCursorStore`) for the cursors — against one
  served emulator: each sends its share and pulls whatever accounts it can lock, while the parent
  keeps producing customer messages. Exactly one ``gettoken`` in total; every send delivered
  once; every customer message pulled once (the msgid window is switched *off*, so only the
  locks and compare-and-set cursors stand between the workers and a duplicate), in order per
  account, and the committed cursors leave nothing behind.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import pytest

from wxkefu_ext import messages
from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.cursors import RedisCursorStore
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.pagination import SyncMsgPager
from wxkefu_ext.retry import RetryPolicy
from wxkefu_ext.tokens import RedisTokenStore
from wxkefu_ext.worker import SyncQueue, SyncWorker, WorkerKeys

from conftest import scaled

ASYNC_SENDS = 1_000
PROCESSES = 8
ACCOUNTS = 6
PER_ACCOUNT = scaled(300, 1_500)  # customer messages per account, produced in waves
WAVES = 3
PROCESS_SENDS = scaled(160, 800)  # in total, split over the processes
#: Sends per customer message (the emulator enforces the official 5-per-message rule).
SENDS_PER_CUSTOMER = 5
DEADLINE = 90.0


def customers(emu: Emulator, kfid: str, n: int) -> list[str]:
    """``n`` customers who each wrote once (so each may receive 5 replies)."""
    users = []
    for i in range(n):
        user = emu.customer_enter_session(kfid).external_userid
        emu.customer_send(kfid, user, f"hello {i}", callback=False)
        users.append(user)
    return users


def plan_sends(emu: Emulator, kfid: str, n: int) -> list[tuple[str, str, str]]:
    """(msgid, touser, text) for ``n`` sends, five per customer."""
    users = customers(emu, kfid, -(-n // SENDS_PER_CUSTOMER))
    return [(messages.new_msgid(), users[i // SENDS_PER_CUSTOMER], f"reply {i}") for i in range(n)]


def assert_delivered_once(emu: Emulator, kfid: str, plan: list[tuple[str, str, str]]) -> None:
    delivered = emu.delivered(kfid)
    counts = Counter(d["msgid"] for d in delivered)
    twice = [m for m, c in counts.items() if c > 1]
    assert not twice, f"{len(twice)} messages delivered more than once"
    missing = [m for m, _, _ in plan if m not in counts]
    assert not missing, f"{len(missing)} of {len(plan)} messages never delivered"
    assert len(delivered) == len(plan)
    got = {d["msgid"]: (d["touser"], d["payload"]["content"]) for d in delivered}
    assert all(got[m] == (user, text) for m, user, text in plan)


# ---------------------------------------------------------------------------------------------
# 1,000 concurrent async sends
# ---------------------------------------------------------------------------------------------


# over real HTTP it is a load test (~20 s on 2 cores): full profile only
@pytest.fixture(params=["in-process", pytest.param("served", marks=pytest.mark.slow)])
async def async_kf(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Emulator, AsyncKfClient]]:
    emu = Emulator(seed=11)
    async with AsyncExitStack() as stack:
        if request.param == "in-process":
            base_url, transport = emu.base_url, emu.async_transport()
        else:
            base_url, transport = stack.enter_context(emu.serve("127.0.0.1", 0)), None
        kf = AsyncKfClient(
            emu.corp_id,
            emu.corp_secret,
            base_url=base_url,
            transport=transport,
            retry=RetryPolicy(sleep=lambda s: None),
            timeout=30.0,
        )
        stack.push_async_callback(kf.aclose)
        yield emu, kf


@pytest.mark.anyio
async def test_thousand_concurrent_async_sends(async_kf: tuple[Emulator, AsyncKfClient]) -> None:
    emu, kf = async_kf
    kfid = emu.create_account("concurrent")
    plan = plan_sends(emu, kfid, ASYNC_SENDS)
    assert emu.stats.gettoken_calls == 0

    async def one(msgid: str, user: str, text: str) -> str:
        return await messages.async_send(kf, user, kfid, messages.text(text), msgid=msgid)

    results = await asyncio.gather(*(one(*p) for p in plan))

    assert results == [m for m, _, _ in plan]
    assert_delivered_once(emu, kfid, plan)
    assert emu.stats.gettoken_calls == 1, "the stampede fetched more than one token"
    assert kf.tokens.fetches == 1
    assert emu.stats.requests_by_op["sendMsg"] == ASYNC_SENDS  # no hidden re-sends


@pytest.mark.anyio
async def test_thousand_concurrent_sends_generate_distinct_msgids() -> None:
    """Without caller msgids the client makes one per call: 1,000 distinct, each delivered."""
    emu = Emulator(seed=12)
    kfid = emu.create_account("generated ids")
    plan = plan_sends(emu, kfid, ASYNC_SENDS)
    async with AsyncKfClient(
        emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.async_transport()
    ) as kf:
        ids = await asyncio.gather(
            *(messages.async_send(kf, user, kfid, messages.text(text)) for _, user, text in plan)
        )
    assert len(set(ids)) == ASYNC_SENDS
    assert Counter(d["msgid"] for d in emu.delivered(kfid)) == Counter(ids)
    assert emu.stats.gettoken_calls == 1


# ---------------------------------------------------------------------------------------------
# 8 processes on one Redis
# ---------------------------------------------------------------------------------------------


def texts(r: Any, key: str) -> list[str]:
    return [x.decode() if isinstance(x, bytes) else str(x) for x in r.lrange(key, 0, -1)]


def _process_main(
    base_url: str,
    corp: tuple[str, str],
    redis_url: str,
    prefix: str,
    sends: list[tuple[str, str, str, str]],
    start: Any,
    stop: Any,
) -> None:
    """One OS process: send this share, then run a sync worker until told to stop."""
    import redis

    r = redis.Redis.from_url(redis_url)
    tokens = RedisTokenStore(redis_url, prefix=prefix + "tokens:")
    policy = RetryPolicy(sleep=lambda s: None)

    def make_client() -> KfClient:
        return KfClient(*corp, base_url=base_url, token_store=tokens, retry=policy, timeout=30)

    def handler(page: Any) -> None:
        active = f"{prefix}active:{page.open_kfid}"
        if r.incr(active) > 1:
            r.rpush(prefix + "overlaps", page.open_kfid)
        r.rpush(prefix + "pulled", *page.msgids)  # one command: the page's side effect
        r.rpush(prefix + "pullers", os.getpid())
        r.decr(active)

    with make_client() as kf:
        r.incr(prefix + "ready")
        start.wait(60)
        for msgid, user, kfid, text in sends:
            sent = messages.send(kf, user, kfid, messages.text(text), msgid=msgid)
            r.rpush(prefix + "sent", sent)
        worker = SyncWorker(
            lambda: kf,
            r,
            handler,
            prefix=prefix + "sync:",
            limit=97,
            dedupe_window=None,  # strict: locks and CAS cursors alone must prevent duplicates
            poll_interval=0.02,
            backoff_initial=0.05,
            backoff_max=0.5,
        )
        worker.run_forever(stop)


@pytest.mark.slow
def test_eight_processes_share_token_and_cursors(redis_url: str, redis_prefix: str) -> None:
    import redis

    r = redis.Redis.from_url(redis_url)
    emu = Emulator(seed=13)
    kfids = [emu.create_account(f"shared {i}") for i in range(ACCOUNTS)]
    send_kfid = kfids[0]
    plan = plan_sends(emu, send_kfid, PROCESS_SENDS)
    shares: list[list[tuple[str, str, str, str]]] = [[] for _ in range(PROCESSES)]
    for i, (msgid, user, text) in enumerate(plan):
        shares[i % PROCESSES].append((msgid, user, send_kfid, text))
    produce = SyncQueue(r, prefix=redis_prefix + "sync:")
    expected: dict[str, list[str]] = {k: [] for k in kfids}
    # the customers' messages above (for the sends) are part of account 0's backlog too
    expected[send_kfid] = [
        item.item["msgid"] for item in emu.state.queues[send_kfid] if item.item.get("msgid")
    ]
    per_wave = PER_ACCOUNT // WAVES

    ctx = mp.get_context("spawn")
    start, stop = ctx.Event(), ctx.Event()
    procs: list[Any] = []
    with emu.serve("127.0.0.1", 0) as base_url:
        try:
            for share in shares:
                p = ctx.Process(
                    target=_process_main,
                    args=(
                        base_url,
                        (emu.corp_id, emu.corp_secret),
                        redis_url,
                        redis_prefix,
                        share,
                        start,
                        stop,
                    ),
                )
                p.start()
                procs.append(p)
            deadline = time.monotonic() + DEADLINE
            while int(r.get(redis_prefix + "ready") or 0) < PROCESSES:
                assert time.monotonic() < deadline, "processes did not start"
                assert all(p.is_alive() for p in procs), "a process died while starting"
                time.sleep(0.02)
            assert emu.stats.gettoken_calls == 0
            start.set()  # all eight ask for the token at once
            for wave in range(WAVES):
                for kfid in kfids:  # customers write; the callback endpoint enqueues
                    expected[kfid] += emu.customer_send_many(kfid, per_wave)
                    produce.enqueue(kfid, None)
                if wave < WAVES - 1:
                    time.sleep(0.2)
            total = sum(len(v) for v in expected.values())
            while r.llen(redis_prefix + "pulled") < total or r.llen(redis_prefix + "sent") < len(
                plan
            ):
                assert time.monotonic() < deadline, (
                    f"stalled: pulled {r.llen(redis_prefix + 'pulled')}/{total}, "
                    f"sent {r.llen(redis_prefix + 'sent')}/{len(plan)}"
                )
                assert any(p.is_alive() for p in procs), "all processes died"
                time.sleep(0.05)
            time.sleep(0.3)  # a (wrong) duplicate pull would show up now
        finally:
            stop.set()
            for p in procs:
                p.join(15)
                if p.is_alive():
                    p.kill()
        assert all(p.exitcode == 0 for p in procs), [p.exitcode for p in procs]

        # the cursors the workers committed are complete: a fresh puller finds nothing new
        cursors = RedisCursorStore(r, prefix=WorkerKeys(redis_prefix + "sync:").cursor_prefix)
        with KfClient(
            emu.corp_id,
            emu.corp_secret,
            base_url=base_url,
            token_store=RedisTokenStore(redis_url, prefix=redis_prefix + "tokens:"),
        ) as kf:
            for kfid in kfids:
                assert cursors.get(kfid) is not None
                leftover = SyncMsgPager(kf, kfid, cursor_store=cursors).handle(lambda page: None)
                assert leftover.delivered == 0, f"{kfid}: {leftover.delivered} never pulled"

    stats = emu.stats
    assert stats.gettoken_calls == 1, f"{stats.gettoken_calls} gettoken calls from 8 processes"
    assert_delivered_once(emu, send_kfid, plan)
    assert sorted(texts(r, redis_prefix + "sent")) == sorted(m for m, _, _ in plan)
    pulled = texts(r, redis_prefix + "pulled")
    counts = Counter(pulled)
    twice = [m for m, c in counts.items() if c > 1]
    assert not twice, f"{len(twice)} messages pulled more than once"
    assert r.llen(redis_prefix + "overlaps") == 0, "two processes pulled one account at once"
    every = [m for ids in expected.values() for m in ids]
    assert set(pulled) == set(every) and len(pulled) == len(every)
    position = {m: i for i, m in enumerate(pulled)}
    for kfid, ids in expected.items():  # per account, in order
        assert [position[m] for m in ids] == sorted(position[m] for m in ids), kfid
    pullers = set(texts(r, redis_prefix + "pullers"))
    assert len(pullers) > 1, "one process did all the pulling: nothing was shared"
