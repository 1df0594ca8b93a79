"""Token caching in one process: reuse, refresh ahead, single flight, compare-before-delete."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.credentials import OfficialAccountCredential, WeComCredential
from wxkefu_ext.tokens import (
    AsyncTokenManager,
    CachedToken,
    MemoryTokenStore,
    TokenManager,
)

from conftest import scaled


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class Fetcher:
    def __init__(self, expires_in: float = 7200, delay: float = 0.0) -> None:
        self.calls = 0
        self.expires_in = expires_in
        self.delay = delay
        self._lock = threading.Lock()

    def __call__(self) -> tuple[str, float]:
        with self._lock:
            self.calls += 1
            n = self.calls
        if self.delay:
            threading.Event().wait(self.delay)
        return f"tok-{n}", self.expires_in


def test_token_is_cached_and_reused_until_shortly_before_expiry() -> None:
    clock, fetch = Clock(), Fetcher(expires_in=7200)
    tm = TokenManager("k", MemoryTokenStore(), fetch, clock=clock)
    assert tm.get() == "tok-1" and tm.get() == "tok-1"
    clock.now += 7200 - 301  # still fresh
    assert tm.get() == "tok-1" and fetch.calls == 1
    clock.now += 2  # inside the refresh-ahead margin
    assert tm.get() == "tok-2" and fetch.calls == 2


def test_short_lived_token_margin_scales_with_its_lifetime() -> None:
    token = CachedToken.issue("zq-token-value", 10, now=0, margin=300)
    assert 0 < token.refresh_at < token.expires_at <= 10
    assert "zq-token-value" not in repr(token) and "zq-token-value" not in str(token)


def test_invalidate_does_not_clobber_a_newer_token() -> None:
    clock, store = Clock(), MemoryTokenStore()
    tm = TokenManager("k", store, Fetcher(), clock=clock)
    old = tm.get()
    store.set("k", CachedToken.issue("newer", 7200, now=clock.now, margin=300), ttl=7200)
    tm.invalidate(old)  # the rejected token is no longer the stored one: keep the newer
    assert tm.get() == "newer"
    tm.invalidate("newer")
    assert tm.get() == "tok-2"


def test_threads_with_an_empty_cache_fetch_exactly_once() -> None:
    fetch = Fetcher(delay=0.05)
    tm = TokenManager("k", MemoryTokenStore(), fetch)
    n = scaled(16, 64)
    barrier = threading.Barrier(n)
    results: list[str] = []

    def worker() -> None:
        barrier.wait()
        results.append(tm.get())

    threads = [threading.Thread(target=worker) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert fetch.calls == 1 and results == ["tok-1"] * n


def test_stale_token_is_served_while_another_thread_refreshes() -> None:
    clock = Clock()
    release = threading.Event()
    calls = 0

    def slow_fetch() -> tuple[str, float]:
        nonlocal calls
        calls += 1
        if calls == 2:
            release.wait(5)
        return f"tok-{calls}", 7200

    tm = TokenManager("k", MemoryTokenStore(), slow_fetch, clock=clock)
    assert tm.get() == "tok-1"
    clock.now += 7000  # refresh due, token still valid
    refresher = threading.Thread(target=tm.get)
    refresher.start()
    deadline = time.monotonic() + 5
    while calls < 2 and time.monotonic() < deadline:
        threading.Event().wait(0.005)
    assert calls == 2
    assert tm.get() == "tok-1"  # not blocked behind the refresh
    release.set()
    refresher.join(5)
    assert tm.get() == "tok-2"


def test_two_secrets_of_one_corp_do_not_collide_and_keys_hold_no_secret() -> None:
    a = WeComCredential("wwcorp", "secret-for-kf-aaaaaaaa")
    b = WeComCredential("wwcorp", "secret-for-app-bbbbbbb")
    oa = OfficialAccountCredential("wwcorp", "secret-for-kf-aaaaaaaa")
    keys = {a.cache_key, b.cache_key, oa.cache_key}
    assert len(keys) == 3
    for key, secret in ((a.cache_key, "secret-for-kf-aaaaaaaa"), (b.cache_key, "bbbbbbb")):
        assert secret not in key and secret[:6] not in key and "wwcorp" in key
    store = MemoryTokenStore()
    ta = TokenManager(a.cache_key, store, lambda: ("A", 7200))
    tb = TokenManager(b.cache_key, store, lambda: ("B", 7200))
    assert (ta.get(), tb.get()) == ("A", "B")


def _counting_server() -> tuple[httpx.MockTransport, list[int]]:
    count = [0]

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            count[0] += 1
            await asyncio.sleep(0.01)  # let every task pile up behind the first fetch
            return httpx.Response(200, json={"errcode": 0, "access_token": "A", "expires_in": 7200})
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})

    return httpx.MockTransport(handler), count


@pytest.mark.anyio
async def test_1000_concurrent_async_calls_fetch_exactly_once() -> None:
    transport, count = _counting_server()
    n = scaled(1000, 5000)
    async with AsyncKfClient("ww1", "sec", base_url="https://kf.test", transport=transport) as kf:
        replies = await asyncio.gather(
            *(kf.request("POST", "/kf/account/list", json={}) for _ in range(n))
        )
    assert count[0] == 1 and len(replies) == n


@pytest.mark.anyio
async def test_async_manager_invalidate_and_refetch() -> None:
    calls = 0

    async def fetch() -> tuple[str, float]:
        nonlocal calls
        calls += 1
        return f"t{calls}", 7200

    tm = AsyncTokenManager("k", MemoryTokenStore(), fetch)
    assert await tm.get() == "t1"
    await tm.invalidate("other")
    assert await tm.get() == "t1"
    await tm.invalidate("t1")
    assert await tm.get() == "t2"


def test_client_reuses_its_token_across_calls() -> None:
    count = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal count
        if request.url.path.endswith("/gettoken"):
            count += 1
            assert request.url.params["corpid"] == "ww1"
            return httpx.Response(200, json={"errcode": 0, "access_token": "A", "expires_in": 7200})
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})

    with KfClient(
        "ww1", "sec", base_url="https://kf.test", transport=httpx.MockTransport(handler)
    ) as kf:
        for _ in range(5):
            kf.request("POST", "/kf/account/list", json={})
        assert kf.access_token() == "A"
    assert count == 1


def test_token_endpoint_errors_are_typed() -> None:
    from wxkefu_ext.errors import KfApiError, KfResponseError

    def bad_secret(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"errcode": 40001, "errmsg": "invalid credential"})

    with (
        KfClient(
            "ww1", "sec", base_url="https://kf.test", transport=httpx.MockTransport(bad_secret)
        ) as kf,
        pytest.raises(KfApiError) as caught,
    ):
        kf.access_token()
    assert caught.value.errcode == 40001 and "sec" not in str(caught.value).replace("secret", "")

    def no_token(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})

    with (
        KfClient(
            "ww1", "sec", base_url="https://kf.test", transport=httpx.MockTransport(no_token)
        ) as kf,
        pytest.raises(KfResponseError),
    ):
        kf.access_token()


def test_managers_sharing_a_memory_store_fetch_once() -> None:
    fetch = Fetcher(delay=0.05)
    store = MemoryTokenStore()
    managers = [TokenManager("k", store, fetch) for _ in range(8)]
    threads = [threading.Thread(target=m.get) for m in managers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert fetch.calls == 1


def test_memory_lock_wait_is_bounded() -> None:
    from wxkefu_ext.locks import LockTimeoutError

    store = MemoryTokenStore()
    with (
        store.lock("k", ttl=1, wait=1),
        pytest.raises(LockTimeoutError, match="still held"),
        store.lock("k", ttl=1, wait=0.05),  # held (by us): the second taker gives up
    ):
        pass


@pytest.mark.anyio
async def test_async_managers_sharing_a_memory_store_fetch_once() -> None:
    calls = 0

    async def fetch() -> tuple[str, float]:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.02)
        return "t", 7200

    store = MemoryTokenStore()
    managers = [AsyncTokenManager("k", store, fetch) for _ in range(8)]
    assert await asyncio.gather(*(m.get() for m in managers for _ in range(20))) == ["t"] * 160
    assert calls == 1


def test_wx_corp_id_rejected_by_gettoken_gets_a_pointed_hint() -> None:
    from wxkefu_ext.errors import KfApiError

    def invalid_corpid(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"errcode": 40013, "errmsg": "invalid corpid"})

    transport = httpx.MockTransport(invalid_corpid)

    def rejection(corp_id: str) -> KfApiError:
        with (
            KfClient(corp_id, "sec", base_url="https://kf.test", transport=transport) as kf,
            pytest.raises(KfApiError) as caught,
        ):
            kf.access_token()
        return caught.value

    wx = rejection("wx0123456789")
    assert wx.errcode == 40013 and "ww" in wx.hint
    assert "appid" not in rejection("ww0123456789").hint
