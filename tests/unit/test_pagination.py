"""sync_msg pager: order, exactly-once, commit-after-handler, bootstrap, dedupe, sync + async.

Most tests use the shared in-memory ``kf/sync_msg`` of ``tests/fakes.py`` behind a real
``KfClient`` (random page sizes, empty pages with ``has_more = 1``); the emulator tests at the
bottom run the same pager over real HTTP.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import pytest
from fakes import SyncMsgServer

from wxkefu_ext.cursors import CursorConflictError, MemoryCursorStore
from wxkefu_ext.errors import KfResponseError, KfValidationError
from wxkefu_ext.pagination import (
    AsyncSyncMsgPager,
    CursorNotAdvancingError,
    MemoryDeduper,
    RedisDeduper,
    SyncMsgPage,
    SyncMsgPager,
    parse_message,
)

from conftest import scaled


def raw(m: Mapping[str, Any]) -> Any:
    """Parser that keeps dicts (unit tests do not depend on the generated models)."""
    return dict(m)


def make_msgs(n: int, start: int = 0) -> list[dict[str, Any]]:
    return [
        {
            "msgid": f"m{i:06d}",
            "open_kfid": "wkA",
            "external_userid": "wmU",
            "send_time": 1_700_000_000 + i,
            "origin": 3,
            "msgtype": "text",
            "text": {"content": f"hello {i}"},
        }
        for i in range(start, start + n)
    ]


def FakeKf(msgs: list[dict[str, Any]], seed: int = 0, empty_every: int = 7) -> SyncMsgServer:
    """In-memory sync_msg (tests/fakes.py) behind a real KfClient: ``kf.client``."""
    return SyncMsgServer(msgs, seed=seed, empty_every=empty_every)


def ids(pages: list[SyncMsgPage]) -> list[str]:
    return [m["msgid"] for p in pages for m in p.messages]


def test_drain_exactly_once_in_order_random_pages() -> None:
    n = scaled(3000, 20000)
    msgs = make_msgs(n)
    kf = FakeKf(msgs, seed=1, empty_every=0)
    store = MemoryCursorStore()
    got: list[SyncMsgPage] = []
    result = SyncMsgPager(kf.client, "wkA", cursor_store=store, limit=97, parser=raw).handle(
        got.append
    )
    assert ids(got) == [m["msgid"] for m in msgs]
    assert result.delivered == n and result.pages == kf.calls
    assert store.get("wkA") == f"c{n}"
    # each request continued from the previous next_cursor
    assert [b.get("cursor") for b in kf.bodies] == [None, *[p.next_cursor for p in got][:-1]]
    # nothing new: one more call, nothing handed out, cursor unchanged
    got2: list[SyncMsgPage] = []
    SyncMsgPager(kf.client, "wkA", cursor_store=store, parser=raw).handle(got2.append)
    assert got2 == [] and store.get("wkA") == f"c{n}"


def test_empty_page_with_has_more_does_not_stop() -> None:
    msgs = make_msgs(5)
    pages = [
        {"errcode": 0, "next_cursor": "a", "has_more": 1, "msg_list": []},
        {"errcode": 0, "next_cursor": "b", "has_more": 1, "msg_list": msgs[:2]},
        {"errcode": 0, "next_cursor": "c", "has_more": 1, "msg_list": []},
        {"errcode": 0, "next_cursor": "d", "has_more": 0, "msg_list": msgs[2:]},
    ]

    kf = SyncMsgServer(pages=pages)
    store = MemoryCursorStore()
    got: list[SyncMsgPage] = []
    pager = SyncMsgPager(kf.client, "wkA", cursor_store=store, parser=raw)
    pager.handle(got.append)
    assert ids(got) == [m["msgid"] for m in msgs]
    assert [b.get("cursor") for b in kf.bodies] == [None, "a", "b", "c"]
    assert store.get("wkA") == "d"
    assert pager.last_response == pages[-1]


def test_request_fields_token_limit_voice_format_omitted_when_unset() -> None:
    kf = FakeKf(make_msgs(3), empty_every=0)
    SyncMsgPager(
        kf.client, "wkA", token="TOKEN-SECRET", limit=1, voice_format=1, parser=raw
    ).handle(lambda p: None)
    assert kf.bodies[0] == {
        "open_kfid": "wkA",
        "token": "TOKEN-SECRET",
        "limit": 1,
        "voice_format": 1,
    }
    assert kf.bodies[1]["cursor"] == "c1"
    kf2 = FakeKf(make_msgs(1), empty_every=0)
    SyncMsgPager(kf2.client, "wkA", parser=raw).handle(lambda p: None)
    assert kf2.bodies == [{"open_kfid": "wkA"}]


def test_token_never_in_repr() -> None:
    pager = SyncMsgPager(FakeKf([]).client, "wkA", token="TOPSECRETTOKEN", parser=raw)
    assert "TOPSECRETTOKEN" not in repr(pager)
    assert "TOPSECRETTOKEN" not in repr(pager._cfg)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"voice_format": 2}, "voice_format"),
        ({"token": ""}, "token"),
        ({"token": "x" * 129}, "token"),
    ],
)
def test_bad_options_rejected(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(KfValidationError) as ei:
        SyncMsgPager(FakeKf([]).client, "wkA", parser=raw, **kwargs)
    assert ei.value.field == field
    with pytest.raises(KfValidationError, match="open_kfid"):
        SyncMsgPager(FakeKf([]).client, "", parser=raw)


def test_non_advancing_cursor_raises_and_commits_nothing() -> None:
    kf = FakeKf(make_msgs(10), empty_every=0)
    store = MemoryCursorStore({"wkA": "c3"})
    kf.override = {"errcode": 0, "next_cursor": "c3", "has_more": 1, "msg_list": make_msgs(2)}
    handled: list[Any] = []
    with pytest.raises(CursorNotAdvancingError) as ei:
        SyncMsgPager(kf.client, "wkA", cursor_store=store, parser=raw).handle(handled.append)
    assert ei.value.open_kfid == "wkA"
    assert handled == [] and store.get("wkA") == "c3" and kf.calls == 1
    # has_more=1 with no cursor at all is the same failure
    kf.override = {"errcode": 0, "has_more": 1, "msg_list": []}
    with pytest.raises(CursorNotAdvancingError):
        SyncMsgPager(kf.client, "wkA", cursor_store=store, parser=raw).handle(handled.append)


@pytest.mark.parametrize(
    "payload",
    [
        [1, 2],
        {"errcode": 0, "next_cursor": "x", "has_more": 2, "msg_list": []},
        {"errcode": 0, "next_cursor": 5, "has_more": 0, "msg_list": []},
        {"errcode": 0, "next_cursor": "x", "has_more": 0, "msg_list": {}},
        {"errcode": 0, "next_cursor": "x", "has_more": 0, "msg_list": ["text"]},
    ],
)
def test_malformed_reply_is_typed_error(payload: Any) -> None:
    kf = FakeKf([])
    kf.override = payload
    with pytest.raises(KfResponseError):
        SyncMsgPager(kf.client, "wkA", parser=raw).handle(lambda p: None)


def test_handler_failure_redelivers_that_page_only() -> None:
    n = 500
    msgs = make_msgs(n)
    kf = FakeKf(msgs, seed=3)
    store = MemoryCursorStore()
    delivered: list[str] = []
    calls = {"n": 0}

    def flaky(page: SyncMsgPage) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            # fail mid-page: half the page was "processed" before the crash
            delivered.extend(m["msgid"] for m in page.messages[: len(page.messages) // 2])
            raise RuntimeError("handler crashed")
        delivered.extend(m["msgid"] for m in page.messages)

    failed_page: list[SyncMsgPage] = []

    def spy(page: SyncMsgPage) -> None:
        if calls["n"] == 3:
            failed_page.append(page)
        flaky(page)

    with pytest.raises(RuntimeError, match="handler crashed"):
        SyncMsgPager(kf.client, "wkA", cursor_store=store, limit=60, parser=raw).handle(spy)
    assert store.get("wkA") == failed_page[0].cursor  # cursor at the start of the failed page
    before = len(delivered)
    SyncMsgPager(kf.client, "wkA", cursor_store=store, limit=60, parser=raw).handle(flaky)
    # nothing lost; the only repeats are from the failed page, which came back first
    assert set(delivered) == {m["msgid"] for m in msgs}
    repeated = delivered[before:][: len(failed_page[0].messages)]
    assert repeated[0] == failed_page[0].messages[0]["msgid"]
    dupes = {m for m in delivered if delivered.count(m) > 1}
    assert dupes and dupes <= {m["msgid"] for m in failed_page[0].messages}


def test_iteration_commits_only_when_next_page_requested() -> None:
    kf = FakeKf(make_msgs(50), seed=2, empty_every=0)
    store = MemoryCursorStore()
    pager = SyncMsgPager(kf.client, "wkA", cursor_store=store, limit=10, parser=raw)
    it = pager.pages()
    first = next(it)
    assert store.get("wkA") is None
    second = next(it)
    assert store.get("wkA") == first.next_cursor
    it.close()  # consumer stops (e.g. break): `second` is not committed
    assert store.get("wkA") == second.cursor
    rest = list(SyncMsgPager(kf.client, "wkA", cursor_store=store, limit=10, parser=raw))
    assert rest[0].messages[0] == second.messages[0]
    assert store.get("wkA") == "c50"
    msgs = list(
        SyncMsgPager(FakeKf(make_msgs(7), empty_every=0).client, "wkA", parser=raw).messages()
    )
    assert [m["msgid"] for m in msgs] == [f"m{i:06d}" for i in range(7)]


def test_start_from_now_skips_history_once() -> None:
    msgs = make_msgs(120)
    kf = FakeKf(msgs, seed=4)
    store = MemoryCursorStore()
    handled: list[SyncMsgPage] = []
    r = SyncMsgPager(
        kf.client, "wkA", cursor_store=store, start_from_now=True, limit=50, parser=raw
    ).handle(handled.append)
    assert handled == [] and r.skipped == 120 and r.bootstrapped
    assert store.get("wkA") == "c120"
    msgs.extend(make_msgs(5, start=120))
    r2 = SyncMsgPager(kf.client, "wkA", cursor_store=store, start_from_now=True, parser=raw).handle(
        handled.append
    )
    assert not r2.bootstrapped and ids(handled) == [f"m{i:06d}" for i in range(120, 125)]


def test_dedupe_drops_repeats_across_and_within_pages() -> None:
    msgs = make_msgs(10)
    msgs.insert(5, dict(msgs[2]))  # server repeats an item
    msgs.append(dict(msgs[0]))
    kf = FakeKf(msgs, seed=5, empty_every=0)
    d = MemoryDeduper()
    got: list[SyncMsgPage] = []
    r = SyncMsgPager(kf.client, "wkA", limit=4, dedupe=d, parser=raw).handle(got.append)
    assert ids(got) == [f"m{i:06d}" for i in range(10)]
    assert r.duplicates == 2 and sum(len(p.duplicates) for p in got) <= 2


def test_dedupe_covers_crash_between_handler_and_commit() -> None:
    kf = FakeKf(make_msgs(30), seed=6, empty_every=0)

    class CrashOnCommit(MemoryCursorStore):
        crash = True

        def commit(self, open_kfid: str, cursor: str, **kw: Any) -> None:
            if self.crash:
                self.crash = False
                raise ConnectionError("store down")
            super().commit(open_kfid, cursor, **kw)

    store = CrashOnCommit()
    d = MemoryDeduper()
    got: list[str] = []
    with pytest.raises(ConnectionError):
        SyncMsgPager(kf.client, "wkA", cursor_store=store, limit=10, dedupe=d, parser=raw).handle(
            lambda p: got.extend(m["msgid"] for m in p.messages)
        )
    assert store.get("wkA") is None and len(got) > 0
    r = SyncMsgPager(kf.client, "wkA", cursor_store=store, limit=10, dedupe=d, parser=raw).handle(
        lambda p: got.extend(m["msgid"] for m in p.messages)
    )
    assert got == [f"m{i:06d}" for i in range(30)]  # exactly once despite the redelivery
    assert r.duplicates > 0


def test_stale_puller_cannot_clobber_newer_commit() -> None:
    kf = FakeKf(make_msgs(40), seed=7, empty_every=0)
    store = MemoryCursorStore()
    pager = SyncMsgPager(kf.client, "wkA", cursor_store=store, limit=10, parser=raw)
    it = pager.pages()
    next(it)
    store.commit("wkA", "c40")  # another worker finished meanwhile
    with pytest.raises(CursorConflictError):
        next(it)
    assert store.get("wkA") == "c40"


def test_memory_deduper_lru_and_ttl() -> None:
    now = [0.0]
    d = MemoryDeduper(maxsize=3, ttl=10, clock=lambda: now[0])
    d.mark("k", ["a", "b", "c", "d"])
    assert d.seen("k", ["a", "b", "c", "d"]) == {"b", "c", "d"}  # a evicted (LRU)
    assert d.seen("other", ["b"]) == set()  # per account
    now[0] = 11
    assert d.seen("k", ["b", "c", "d"]) == set()  # expired
    d.mark("k", ["e"])
    assert len(d) == 1
    with pytest.raises(KfValidationError):
        MemoryDeduper(maxsize=0)


def test_redis_deduper(redis_url: str, redis_prefix: str) -> None:
    import redis

    r = redis.Redis.from_url(redis_url)
    now = [1000.0]
    d = RedisDeduper(r, prefix=redis_prefix, ttl=10, maxsize=3, clock=lambda: now[0])
    assert d.seen("k", []) == set()
    d.mark("k", ["a", "b"])
    other = RedisDeduper(r, prefix=redis_prefix, ttl=10, clock=lambda: now[0])
    assert other.seen("k", ["a", "b", "z"]) == {"a", "b"}  # shared across instances
    now[0] += 1
    d.mark("k", ["c", "d"])
    assert d.seen("k", ["a", "b", "c", "d"]) == {"b", "c", "d"} or d.seen(
        "k", ["a", "b", "c", "d"]
    ) == {"a", "c", "d"}  # capped at 3
    now[0] += 20
    assert d.seen("k", ["c", "d"]) == set()
    assert 0 < r.pttl(redis_prefix + "k") <= 10_000
    r.close()


@pytest.mark.anyio
async def test_async_pager_same_behaviour() -> None:
    n = scaled(1000, 5000)
    msgs = make_msgs(n)
    kf = FakeKf(msgs, seed=8)
    store = MemoryCursorStore()
    got: list[SyncMsgPage] = []

    async def handler(page: SyncMsgPage) -> None:
        got.append(page)

    pager = AsyncSyncMsgPager(
        kf.aclient,
        "wkA",
        cursor_store=store.as_async(),
        limit=100,
        dedupe=MemoryDeduper().as_async(),
        parser=raw,
    )
    r = await pager.handle(handler)
    assert ids(got) == [m["msgid"] for m in msgs] and r.delivered == n
    assert store.get("wkA") == f"c{n}"

    # failure leaves the cursor at the failed page
    msgs.extend(make_msgs(30, start=n))

    def boom(page: SyncMsgPage) -> None:
        raise ValueError("nope")

    with pytest.raises(ValueError, match="nope"):
        await AsyncSyncMsgPager(
            kf.aclient, "wkA", cursor_store=store.as_async(), parser=raw
        ).handle(boom)
    assert store.get("wkA") == f"c{n}"
    seen = [
        m["msgid"]
        async for m in AsyncSyncMsgPager(
            kf.aclient, "wkA", cursor_store=store.as_async(), parser=raw
        ).messages()
    ]
    assert seen == [f"m{i:06d}" for i in range(n, n + 30)]


class StepFailed(Exception):
    """The one failure a step of the drain raises in the test below."""


@pytest.mark.anyio
@pytest.mark.parametrize("shell", ["sync", "async"])
@pytest.mark.parametrize(
    "step", ["try_acquire", "load", "fetch", "seen", "check", "mark", "commit"]
)
async def test_a_failing_step_ends_the_drain_unswallowed(step: str, shell: str) -> None:
    """Every step's failure (lease, cursor, request, dedupe, fencing check, commit) comes out
    of the pager as raised, nothing after it runs (no commit), and the lease is released."""
    kf = FakeKf(make_msgs(10), empty_every=0)

    def fail(name: str) -> None:
        if name == step:
            raise StepFailed(name)

    class Lease:
        def __init__(self, inner: Any) -> None:
            self.inner, self.token = inner, 0

        def try_acquire(self) -> bool:
            fail("try_acquire")
            return bool(self.inner.try_acquire())

        def check(self) -> None:
            fail("check")

        def release(self) -> None:
            self.inner.release()

    class Store(MemoryCursorStore):
        def lease(self, open_kfid: str, ttl: float = 30.0) -> Any:
            return Lease(super().lease(open_kfid, ttl))

        def load(self, open_kfid: str) -> Any:
            fail("load")
            return super().load(open_kfid)

        def commit(self, open_kfid: str, cursor: str, **kw: Any) -> None:
            fail("commit")
            super().commit(open_kfid, cursor, **kw)

    class Deduper(MemoryDeduper):
        def seen(self, open_kfid: str, msgids: Any) -> Any:
            fail("seen")
            return super().seen(open_kfid, msgids)

        def mark(self, open_kfid: str, msgids: Any) -> None:
            fail("mark")
            super().mark(open_kfid, msgids)

    def sync_msg(**kw: Any) -> Any:
        raise StepFailed("fetch")

    async def async_sync_msg(**kw: Any) -> Any:
        raise StepFailed("fetch")

    store, dedupe = Store(), Deduper()
    got: list[SyncMsgPage] = []
    opts: dict[str, Any] = {"limit": 5, "parser": raw}
    with pytest.raises(StepFailed) as ei:
        if shell == "sync":
            client: Any = kf.client
            if step == "fetch":
                client = SimpleNamespace(with_raw_response=SimpleNamespace(sync_msg=sync_msg))
            SyncMsgPager(client, "wkA", cursor_store=store, dedupe=dedupe, **opts).handle(
                got.append
            )
        else:
            client = kf.aclient
            if step == "fetch":
                client = SimpleNamespace(with_raw_response=SimpleNamespace(sync_msg=async_sync_msg))
            await AsyncSyncMsgPager(
                client, "wkA", cursor_store=store.as_async(), dedupe=dedupe.as_async(), **opts
            ).handle(got.append)
    assert ei.value.args == (step,)
    assert store.get("wkA") is None  # the first commit comes after every other step
    assert len(got) == (1 if step in ("mark", "commit") else 0)
    assert store.lease("wkA").inner.try_acquire()  # released on the way out


# --------------------------------------------------------------------------------------
# Against the emulator (real HTTP framing through KfClient, typed models)
# --------------------------------------------------------------------------------------


def test_emulator_drain_10000_random_page_sizes_exactly_once_in_order(emu_kf: Any) -> None:
    emu, kf = emu_kf
    kfid = emu.create_account("drain")
    n = scaled(10_000, 30_000)
    sent = list(emu.customer_send_many(kfid, n))
    rng = random.Random(42)
    store = MemoryCursorStore()
    got: list[str] = []
    types: set[str] = set()
    runs = 0
    while True:
        runs += 1
        # a fresh pager per run with a random page size; each run stops after a few pages,
        # so the drain also crosses many commit / restart boundaries
        pager = SyncMsgPager(kf, kfid, cursor_store=store, limit=rng.randint(1, 1000))
        stop_after = rng.randint(1, 5)
        for i, page in enumerate(pager.pages(), 1):
            got.extend(m.msgid for m in page.messages)
            types.update(type(m).__name__ for m in page.messages)
            if i == stop_after:
                break
        else:
            if pager.result.delivered == 0:
                break
        assert runs < n, "drain did not converge"
    # a break leaves the last page uncommitted, so it comes back: dedupe by position
    unique = list(dict.fromkeys(got))
    assert unique == sent
    assert types == {"TextMessage"}


def test_emulator_handler_failure_redelivers_only_that_page(emu_kf: Any) -> None:
    emu, kf = emu_kf
    kfid = emu.create_account("fail")
    sent = list(emu.customer_send_many(kfid, 300))
    store = MemoryCursorStore()
    dedupe = MemoryDeduper()
    seen_pages: list[list[str]] = []

    def failing(page: SyncMsgPage) -> None:
        seen_pages.append([m.msgid for m in page.messages])
        if len(seen_pages) == 3:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        SyncMsgPager(kf, kfid, cursor_store=store, limit=50).handle(failing)
    failed = seen_pages[-1]
    seen_pages.clear()
    SyncMsgPager(kf, kfid, cursor_store=store, limit=50, dedupe=dedupe).handle(
        lambda p: seen_pages.append([m.msgid for m in p.messages])
    )
    assert seen_pages[0] == failed  # the failed page first, identical
    again = [m for p in seen_pages for m in p]
    assert again == sent[sent.index(failed[0]) :]


COMMON = {"open_kfid": "wk", "external_userid": "wm", "send_time": 1, "origin": 3}


@pytest.mark.parametrize(
    ("item", "cls"),
    [
        (
            {"msgid": "1", "msgtype": "text", "text": {"content": "hi", "menu_id": "7"}},
            "TextMessage",
        ),
        ({"msgid": "2", "msgtype": "image", "image": {"media_id": "M"}}, "ImageMessage"),
        (
            {
                "msgid": "3",
                "msgtype": "location",
                "location": {"latitude": 1.5, "longitude": 2, "name": "n", "address": "a"},
            },
            "LocationMessage",
        ),
        (
            {
                "msgid": "4",
                "msgtype": "channels_shop_order",
                "channels_shop_order": {"order_id": "o"},
            },
            "ChannelsShopOrderMessage",
        ),
        ({"msgid": "5", "msgtype": "hologram", "hologram": {"depth": 3}}, "UnknownMessage"),
        ({"msgid": "6", "msgtype": "text"}, "UnknownMessage"),  # malformed known type
        (
            {
                "msgid": "7",
                "msgtype": "event",
                "event": {
                    "event_type": "enter_session",
                    "open_kfid": "wk",
                    "external_userid": "wm",
                    "welcome_code": "W",
                },
            },
            "EventMessage",
        ),
        ({"msgid": "8", "msgtype": "event", "event": {"event_type": "brand_new"}}, "EventMessage"),
    ],
)
def test_parse_message_typed_or_kept_raw(item: dict[str, Any], cls: str) -> None:
    from wxkefu_ext.pagination import parse_message

    raw_item = (
        {**COMMON, **item} if item["msgtype"] != "event" else {**item, "origin": 4, "send_time": 1}
    )
    parsed = parse_message(raw_item)
    assert type(parsed).__name__ == cls
    assert parsed.to_dict() == raw_item  # nothing lost, whatever the type


def test_unknown_item_does_not_fail_the_page() -> None:
    from wxkefu_ext.pagination import parse_message

    msgs = make_msgs(3)
    msgs[1] = {"msgid": "odd", "msgtype": "hologram", "hologram": {}}
    got: list[Any] = []
    SyncMsgPager(FakeKf(msgs, empty_every=0).client, "wkA", parser=parse_message).handle(
        lambda p: got.extend(p.messages)
    )
    assert [type(m).__name__ for m in got] == ["TextMessage", "UnknownMessage", "TextMessage"]


@pytest.mark.anyio
async def test_async_pager_through_emulator() -> None:
    from wxkefu_ext.client import AsyncKfClient
    from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, Emulator

    emu = Emulator(seed=2)
    kfid = emu.create_account("async")
    sent = list(emu.customer_send_many(kfid, 1500))
    store = MemoryCursorStore()
    got: list[str] = []
    async with AsyncKfClient(
        DEFAULT_CORP_ID,
        DEFAULT_CORP_SECRET,
        base_url=emu.base_url,
        transport=emu.async_transport(),
    ) as kf:
        pager = AsyncSyncMsgPager(kf, kfid, cursor_store=store.as_async(), limit=400)
        await pager.handle(lambda p: got.extend(m.msgid for m in p.messages))
        assert pager.last_response is not None and pager.last_response["has_more"] == 0
    assert got == sent and store.get(kfid)


def test_an_item_without_msgtype_pulled_from_the_emulator_is_kept(
    emu_kf: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Outside the spec (SyncMsgItem: the server always sends msgtype), the generated parser
    raises KeyError on it; the pager keeps it as UnknownMessage(msgtype="") with its fields,
    between the typed items around it, and commits past it."""
    import httpx

    from wxkefu_client.models.unknown_message import UnknownMessage

    emu, kf = emu_kf
    kfid = emu.create_account("untyped")
    user, _ = emu.customer_enter_session(kfid)
    before = emu.customer_send(kfid, user, "before")
    root = emu.base_url.removesuffix("/cgi-bin")
    with httpx.Client(transport=emu.transport(), base_url=root) as control:
        reply = control.post(
            "/_emulator/items/raw",
            json={"open_kfid": kfid, "item": {"msgid": "no-type-1", "hologram": {"x": 1}}},
        )
    assert reply.status_code == 200 and reply.json()["msgid"] == "no-type-1"
    after = emu.customer_send(kfid, user, "after")
    store = MemoryCursorStore()
    pages: list[SyncMsgPage] = []
    with caplog.at_level("WARNING", logger="wxkefu_ext.pagination"):
        result = SyncMsgPager(kf, kfid, cursor_store=store).handle(pages.append)
    messages = [m for p in pages for m in p.messages]
    ids = [m.msgid if hasattr(m, "msgid") else m["msgid"] for m in messages]
    assert ids[-3:] == [before, "no-type-1", after], ids
    untyped = messages[-2]
    assert isinstance(untyped, UnknownMessage) and untyped.msgtype == ""
    assert untyped["hologram"] == {"x": 1} and "send_time" in untyped  # the emulator's fields
    assert untyped.to_dict() == {**pages[-1].raw_messages[-2], "msgtype": ""}
    assert "msgtype" not in pages[-1].raw_messages[-2]  # the raw item stays verbatim
    assert "no-type-1" in caplog.text and "hologram" not in caplog.text  # no content logged
    assert result.delivered == len(messages) and store.get(kfid) == result.cursor
    assert SyncMsgPager(kf, kfid, cursor_store=store).handle(pages.append).delivered == 0


def test_parse_message_without_a_string_msgtype() -> None:
    from types import MappingProxyType

    from wxkefu_client.models.unknown_message import UnknownMessage

    items: list[Mapping[str, Any]] = [
        {"msgid": "a"},
        {"msgid": "b", "msgtype": None},
        {"msgid": "c", "msgtype": 7},
        MappingProxyType({"msgid": "d"}),  # any Mapping, not only what json.loads gives
    ]
    for item in items:
        message = parse_message(item)
        assert isinstance(message, UnknownMessage) and message.msgtype == ""
        assert message["msgid"] == item["msgid"] and "msgtype" not in message
    with pytest.raises(KfResponseError):
        parse_message(["not", "an", "object"])  # type: ignore[arg-type]
