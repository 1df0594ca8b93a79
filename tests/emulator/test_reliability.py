"""Fault injection: nothing lost, nothing duplicated, every failure retried or surfaced typed.

The emulator fails a seeded ~20 % of all ``/cgi-bin`` calls (``inject_fault("random")``: HTML
5xx pages, connections dropped before *and after* the server acted, errcode -1 and 45009) and
revokes every access_token in the middle of the run. Through that:

* a drain of N queued customer messages (``SyncMsgPager``, a new random page size after every
  interruption, a handler that itself fails now and then) hands every msgid to the handler
  exactly once, in order;
* M sends (``messages.send`` over ``KfClient``) are each delivered exactly once — checked on the
  emulator's side by msgid — although some attempts were processed and only their answer lost.

The retry policy is deliberately short (2 attempts, no sleep) so that some calls exhaust it and
reach the caller; the caller's loop here re-invokes exactly as an application would (sends with
the same msgid, drains from the committed cursor). Anything that is not a :class:`KfError` fails
the test on the spot.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import TypeVar

import pytest

from wxkefu_ext import messages
from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.cursors import MemoryCursorStore
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.errors import (
    KfError,
    KfResponseError,
    KfTransportError,
    RateLimitError,
    SystemBusyError,
)
from wxkefu_ext.pagination import AsyncSyncMsgPager, SyncMsgPage, SyncMsgPager
from wxkefu_ext.retry import RetryPolicy

from conftest import scaled

DRAIN_MESSAGES = scaled(2_000, 10_000)
SENDS = scaled(200, 1_000)
FAILURE_RATE = 0.2
ATTEMPTS = 2
#: What a call may surface once the policy is used up (the faults' own failures, typed).
SURFACED = (KfTransportError, KfResponseError, SystemBusyError, RateLimitError)
#: A guard against a caller loop that never finishes (each logical call gets this many tries).
MAX_CALLER_TRIES = 25

T = TypeVar("T")


class HandlerFailed(Exception):
    """The application's page handler failing (a bug, a database hiccup)."""


@dataclass
class Ledger:
    """What the caller saw: surfaced errors by type, and how often each call was re-invoked."""

    surfaced: Counter[str] = field(default_factory=Counter)
    handler_failures: int = 0

    def record(self, exc: BaseException) -> None:
        assert isinstance(exc, SURFACED), f"untyped or unexpected failure: {exc!r}"
        self.surfaced[type(exc).__name__] += 1


def until_ok(call: Callable[[], T], ledger: Ledger) -> T:
    """The application's own retry: re-invoke after a surfaced (typed) failure."""
    for _ in range(MAX_CALLER_TRIES):
        try:
            return call()
        except KfError as exc:
            ledger.record(exc)
    raise AssertionError(f"still failing after {MAX_CALLER_TRIES} caller retries")


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(seed=20240611) as emulator:
        yield emulator


@pytest.fixture(params=["in-process", "served"])
def kf(emu: Emulator, request: pytest.FixtureRequest) -> Iterator[KfClient]:
    """In-process (drops raise in the transport) and over real HTTP (the emulator's uvicorn
    closes the socket mid-body)."""
    policy = RetryPolicy(max_attempts=ATTEMPTS, sleep=lambda s: None)
    with ExitStack() as stack:
        if request.param == "in-process":
            base_url, transport = emu.base_url, emu.transport()
        else:
            base_url, transport = stack.enter_context(emu.serve("127.0.0.1", 0)), None
        client = KfClient(
            emu.corp_id, emu.corp_secret, base_url=base_url, transport=transport, retry=policy
        )
        yield stack.enter_context(client)


def noisy(emu: Emulator) -> None:
    emu.inject_fault("random", probability=FAILURE_RATE, count=None)


# ---------------------------------------------------------------------------------------------
# Drain
# ---------------------------------------------------------------------------------------------


def test_drain_under_faults_hands_out_every_message_exactly_once(
    emu: Emulator, kf: KfClient
) -> None:
    kfid = emu.create_account("fault drain")
    rng = random.Random(8)
    # produced in batches between drains (a live account), not all up front
    batches = [DRAIN_MESSAGES // 4] * 3 + [DRAIN_MESSAGES - 3 * (DRAIN_MESSAGES // 4)]
    expected: list[str] = []
    received: list[str] = []
    store = MemoryCursorStore()
    ledger = Ledger()
    revoked_at: int | None = None
    burst_at: int | None = None
    noisy(emu)

    def handler(page: SyncMsgPage) -> None:
        nonlocal revoked_at, burst_at
        if rng.random() < 0.05:
            ledger.handler_failures += 1
            raise HandlerFailed  # before anything was recorded: the page must come back
        received.extend(page.msgids)
        if burst_at is None and len(received) >= DRAIN_MESSAGES // 4:
            burst_at = len(received)  # one pull certainly outlives the policy
            emu.inject_fault("drop", count=ATTEMPTS, path="/kf/sync_msg")
        if revoked_at is None and len(received) >= DRAIN_MESSAGES // 2:
            revoked_at = len(received)
            emu.invalidate_tokens()  # mid-drain: the next call gets 40014

    rounds = 0
    while True:  # until one whole drain succeeds after the last batch was produced
        rounds += 1
        assert rounds < 10_000, "the drain does not converge"
        if batches and (rounds == 1 or rng.random() < 0.3):
            expected.extend(emu.customer_send_many(kfid, batches.pop()))  # control API: no faults
        pager = SyncMsgPager(kf, kfid, cursor_store=store, limit=rng.randint(1, 120))
        try:
            pager.handle(handler)
        except HandlerFailed:
            continue
        except KfError as exc:
            ledger.record(exc)
            continue
        if not batches:
            break

    counts = Counter(received)
    duplicated = {m: n for m, n in counts.items() if n > 1}
    assert not duplicated, f"{len(duplicated)} msgids handed out more than once"
    missing = set(expected) - set(received)
    assert not missing, f"{len(missing)} of {len(expected)} messages lost"
    assert received == expected  # and in order
    stats = emu.stats
    # the faults really happened, the token really was replaced, and both kinds of failure
    # (retried inside the client, surfaced to the caller) really occurred
    assert revoked_at is not None and burst_at is not None
    assert stats.gettoken_calls >= 2
    assert stats.faults_fired >= 0.1 * stats.requests_by_op["syncMsg"]
    assert sum(ledger.surfaced.values()) > 0
    assert sum(ledger.surfaced.values()) < stats.faults_fired  # most faults were retried away
    assert ledger.handler_failures > 0


# ---------------------------------------------------------------------------------------------
# Sends
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Planned:
    msgid: str
    touser: str
    text: str


def customers_with_allowance(emu: Emulator, kfid: str, n: int) -> list[str]:
    """``n`` customers who each wrote once: each may receive 5 replies (the 5-per-message rule)."""
    users = []
    for i in range(n):
        user = emu.customer_enter_session(kfid).external_userid
        emu.customer_send(kfid, user, f"question {i}", callback=False)
        users.append(user)
    return users


def test_sends_under_faults_are_delivered_exactly_once(emu: Emulator, kf: KfClient) -> None:
    kfid = emu.create_account("fault sends")
    users = customers_with_allowance(emu, kfid, -(-SENDS // 5))
    plan = [
        Planned(messages.new_msgid(), users[i // 5], f"reply {i} / {SENDS}") for i in range(SENDS)
    ]
    ledger = Ledger()
    returned: list[str] = []
    noisy(emu)
    for i, item in enumerate(plan):
        # the customer writes before each reply: a fresh allowance of 5, so a duplicated send
        # shows up below as a duplicate instead of as the server's 95001 quota error
        emu.customer_send(kfid, item.touser, f"and another question {i}", callback=False)
        if i == SENDS // 2:
            emu.invalidate_tokens()
        if i == SENDS // 4:  # one send certainly lands while every answer to it is lost
            emu.inject_fault("drop", processed=True, count=ATTEMPTS, path="/kf/send_msg")

        def send(item: Planned = item) -> str:
            return messages.send(kf, item.touser, kfid, messages.text(item.text), msgid=item.msgid)

        returned.append(until_ok(send, ledger))

    delivered = emu.delivered(kfid)
    by_content = Counter((d["touser"], d["payload"]["content"]) for d in delivered)
    twice = {text: n for (_, text), n in by_content.items() if n > 1}
    assert not twice, f"{len(twice)} messages reached the customer more than once: {twice}"
    by_msgid = Counter(d["msgid"] for d in delivered)
    duplicated = {m: n for m, n in by_msgid.items() if n > 1}
    assert not duplicated, f"{len(duplicated)} msgids delivered more than once"
    missing = [p for p in plan if p.msgid not in by_msgid]
    assert not missing, f"{len(missing)} of {SENDS} sends never arrived"
    assert len(delivered) == SENDS
    content = {d["msgid"]: (d["touser"], d["payload"]["content"]) for d in delivered}
    assert all(content[p.msgid] == (p.touser, p.text) for p in plan)
    assert returned == [p.msgid for p in plan]
    stats = emu.stats
    assert stats.gettoken_calls >= 2
    assert stats.faults_fired >= 0.1 * stats.requests_by_op["sendMsg"]
    # some sends exhausted the client's policy and were re-invoked by the caller — the case
    # where a processed-but-unanswered attempt meets a fresh call with the same msgid
    assert sum(ledger.surfaced.values()) > 0


def test_send_whose_answers_are_all_lost_surfaces_and_a_reinvocation_does_not_duplicate(
    emu: Emulator, kf: KfClient
) -> None:
    """The sharpest case, without randomness: every attempt is processed, every answer lost."""
    kfid = emu.create_account("lost answers")
    (user,) = customers_with_allowance(emu, kfid, 1)
    msgid = messages.new_msgid()
    emu.inject_fault("drop", processed=True, count=ATTEMPTS, path="/kf/send_msg")

    with pytest.raises(KfTransportError) as caught:
        messages.send(kf, user, kfid, messages.text("hello"), msgid=msgid)
    assert caught.value.attempts == ATTEMPTS
    assert [d["msgid"] for d in emu.delivered(kfid)] == [msgid]  # it did arrive, once

    assert messages.send(kf, user, kfid, messages.text("hello"), msgid=msgid) == msgid
    assert [d["msgid"] for d in emu.delivered(kfid)] == [msgid]


def test_revoked_token_mid_run_is_replaced_once_and_the_call_replayed(
    emu: Emulator, kf: KfClient
) -> None:
    kfid = emu.create_account("revoked")
    ids = emu.customer_send_many(kfid, 30)
    first = kf.access_token()
    got: list[str] = []

    def handler(page: SyncMsgPage) -> None:
        got.extend(page.msgids)
        if len(got) == 10:
            emu.invalidate_tokens()

    SyncMsgPager(kf, kfid, limit=10).handle(handler)
    assert got == ids
    assert kf.access_token() != first
    assert emu.stats.gettoken_calls == 2
    assert emu.stats.requests_by_op["syncMsg"] == 3 + 1  # one page replayed after 40014


# ---------------------------------------------------------------------------------------------
# The asyncio twins (AsyncRetryTransport, the ASGI transport's drops)
# ---------------------------------------------------------------------------------------------


async def async_until_ok(call: Callable[[], Awaitable[T]], ledger: Ledger) -> T:
    for _ in range(MAX_CALLER_TRIES):
        try:
            return await call()
        except KfError as exc:
            ledger.record(exc)
    raise AssertionError(f"still failing after {MAX_CALLER_TRIES} caller retries")


@pytest.mark.anyio
async def test_async_drain_and_sends_under_faults(emu: Emulator) -> None:
    kfid = emu.create_account("async faults")
    emu.customer_send_many(kfid, DRAIN_MESSAGES // 2)
    users = customers_with_allowance(emu, kfid, -(-SENDS // 5))
    plan = [Planned(messages.new_msgid(), users[i // 5], f"async {i}") for i in range(SENDS)]
    expected = [q.item["msgid"] for q in emu.state.queues[kfid]]  # incl. the customers' words
    rng = random.Random(9)
    ledger = Ledger()
    received: list[str] = []
    store = MemoryCursorStore().as_async()
    noisy(emu)
    policy = RetryPolicy(max_attempts=ATTEMPTS, sleep=lambda s: None, async_sleep=_no_sleep)
    async with AsyncKfClient(
        emu.corp_id,
        emu.corp_secret,
        base_url=emu.base_url,
        transport=emu.async_transport(),
        retry=policy,
    ) as kf:
        for i, item in enumerate(plan):
            if i == SENDS // 2:
                emu.invalidate_tokens()

            async def send(item: Planned = item) -> str:
                return await messages.async_send(
                    kf, item.touser, kfid, messages.text(item.text), msgid=item.msgid
                )

            assert await async_until_ok(send, ledger) == item.msgid
        for _ in range(10_000):
            pager = AsyncSyncMsgPager(kf, kfid, cursor_store=store, limit=rng.randint(1, 120))
            try:
                await pager.handle(lambda page: received.extend(page.msgids))
            except KfError as exc:
                ledger.record(exc)
                continue
            break

    assert Counter(d["msgid"] for d in emu.delivered(kfid)) == Counter(p.msgid for p in plan)
    assert received == expected, "lost, duplicated or reordered pulled messages"
    assert emu.stats.gettoken_calls >= 2
    assert emu.stats.faults_fired > 0 and sum(ledger.surfaced.values()) > 0


async def _no_sleep(seconds: float) -> None:
    return None
