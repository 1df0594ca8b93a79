"""Tokens shared through the real Redis: one gettoken per expiry across processes, keys that
never hold a secret, compare-and-delete invalidation, and the owned lock underneath.

The multi-process test counts gettoken calls on a small local token server (a thread in this
process), so what is counted is what really went over the wire.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import multiprocessing as mp
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import redis as redis_lib

from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.errors import TokenError
from wxkefu_ext.locks import AsyncRedisLock, LockTimeoutError, RedisLock, acquire_lock
from wxkefu_ext.tokens import (
    AsyncRedisTokenStore,
    AsyncTokenManager,
    CachedToken,
    MemoryTokenStore,
    RedisTokenStore,
    TokenManager,
)

from conftest import scaled

CORP_ID = "ww5ba7e0c1d2f3a4b5"
SECRET_A = "KfSecretA-7Hq2Lx9Pz4Vn6Bw1Rt8Ym3Jc5Gd0Fs"
SECRET_B = "KfSecretB-3Wk8Ue1Qo6Zi9Xa2Nl5Hb7Tp4Cv0Dr"


def label(secret: str) -> str:
    """A token prefix telling which secret it was issued for (without containing it)."""
    return "s" + hashlib.sha256(secret.encode()).hexdigest()[:6]


class TokenServer:
    """``GET /cgi-bin/gettoken`` on 127.0.0.1: counts calls, issues ``expires_in``-second tokens
    (one per secret), and ``POST /cgi-bin/kf/...`` that rejects unknown or expired tokens."""

    def __init__(self, expires_in: float = 7200, delay: float = 0.05) -> None:
        self.expires_in = expires_in
        self.delay = delay
        self.lock = threading.Lock()
        self.fetches: list[tuple[float, str, str]] = []  # (time, secret, token)
        self.valid: dict[str, float] = {}  # token -> expires at (monotonic)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, payload: dict[str, Any]) -> None:
                body = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path != "/cgi-bin/gettoken":
                    self._json({"errcode": 404, "errmsg": "no route"})
                    return
                time.sleep(outer.delay)  # a slow gettoken keeps every waiter waiting
                self._json(outer.issue(query.get("corpsecret", "")))

            def do_POST(self) -> None:
                url = urlparse(self.path)
                token = parse_qs(url.query).get("access_token", [""])[0]
                self.rfile.read(int(self.headers.get("content-length", "0")))
                with outer.lock:
                    expires = outer.valid.get(token)
                if expires is None:
                    self._json({"errcode": 40014, "errmsg": "invalid access_token"})
                elif expires <= time.monotonic():
                    self._json({"errcode": 42001, "errmsg": "access_token expired"})
                else:
                    self._json({"errcode": 0, "errmsg": "ok"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/cgi-bin"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def issue(self, secret: str) -> dict[str, Any]:
        with self.lock:
            n = len(self.fetches) + 1
            token = f"{label(secret)}-token-{n:04d}-" + "q" * 20
            self.fetches.append((time.monotonic(), secret, token))
            self.valid[token] = time.monotonic() + self.expires_in
        return {"errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": self.expires_in}

    def revoke(self, token: str) -> None:
        with self.lock:
            self.valid.pop(token, None)

    @property
    def count(self) -> int:
        with self.lock:
            return len(self.fetches)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def token_server() -> Iterator[TokenServer]:
    server = TokenServer()
    yield server
    server.close()


@pytest.fixture
def r(redis_url: str) -> Iterator[redis_lib.Redis]:
    client = redis_lib.Redis.from_url(redis_url)
    yield client
    client.close()


def _kf(server: TokenServer, redis_url: str, prefix: str, secret: str = SECRET_A) -> KfClient:
    store = RedisTokenStore(redis_url, prefix=prefix)
    return KfClient(CORP_ID, secret, base_url=server.base_url, token_store=store, timeout=5)


# ---------------------------------------------------------------------------------------------
# 8 OS processes
# ---------------------------------------------------------------------------------------------


def _process_main(
    base_url: str, redis_url: str, prefix: str, ready: Any, go: Any, duration: float, out: Any
) -> None:
    """One process: wait for the start signal, then ask for the token in a loop."""
    store = RedisTokenStore(redis_url, prefix=prefix)
    seen: list[tuple[float, str]] = []
    error = ""
    with KfClient(CORP_ID, SECRET_A, base_url=base_url, token_store=store, timeout=5) as kf:
        ready.release()
        go.wait(60)
        end = time.monotonic() + duration
        try:
            while time.monotonic() < end:
                seen.append((time.monotonic(), kf.access_token()))
                time.sleep(0.01)
        except Exception as exc:  # reported to the parent, which fails the test
            error = f"{type(exc).__name__}: {exc}"
        fetches = kf.tokens.fetches
    out.put((seen, fetches, error))


@pytest.mark.slow
def test_8_processes_share_one_gettoken_per_expiry(
    redis_url: str, redis_prefix: str, token_server: TokenServer
) -> None:
    expires_in, duration = 3.0, scaled(6.6, 13.0)  # refreshes at 0, 2.4, 4.8 (, ...): 2+ expiries
    token_server.expires_in = expires_in
    ctx = mp.get_context("spawn")
    ready, go, out = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    args = (token_server.base_url, redis_url, redis_prefix, ready, go, duration, out)
    procs = [ctx.Process(target=_process_main, args=args) for _ in range(8)]
    for p in procs:
        p.start()
    try:
        for _ in procs:
            assert ready.acquire(timeout=60), "a worker process did not start"
        assert token_server.count == 0
        go.set()
        results = [out.get(timeout=60) for _ in procs]
    finally:
        for p in procs:
            p.join(10)
            if p.is_alive():
                p.kill()
    errors = [e for _, _, e in results if e]
    assert not errors, errors
    fetch_times = [t for t, _, _ in token_server.fetches]
    expected = int(duration // (expires_in * 0.8)) + 1  # one per refresh period
    assert len(fetch_times) == expected, fetch_times
    gaps = [b - a for a, b in itertools.pairwise(fetch_times)]
    assert all(g > expires_in * 0.6 for g in gaps), gaps  # never two fetches for one expiry
    assert sum(f for _, f, _ in results) == len(fetch_times)  # the processes' own counters agree
    # every token any process used was issued by the server and still valid when used
    issued = {tok: t for t, _, tok in token_server.fetches}
    uses = [(t, tok) for seen, _, _ in results for t, tok in seen]
    assert len(uses) > 8 * 10
    for used_at, tok in uses:
        assert tok in issued
        assert used_at < issued[tok] + expires_in, "a process used an expired token"


# ---------------------------------------------------------------------------------------------
# Keys: no collisions, no secrets
# ---------------------------------------------------------------------------------------------


def test_two_secrets_of_one_corp_do_not_collide(
    redis_url: str, redis_prefix: str, token_server: TokenServer, r: redis_lib.Redis
) -> None:
    with (
        _kf(token_server, redis_url, redis_prefix, SECRET_A) as a,
        _kf(token_server, redis_url, redis_prefix, SECRET_B) as b,
    ):
        ta, tb = a.access_token(), b.access_token()
        assert ta != tb
        assert ta.startswith(label(SECRET_A)) and tb.startswith(label(SECRET_B))
        assert a.tokens.key != b.tokens.key
        for _ in range(3):  # each keeps its own, no ping-pong refetching
            assert (a.access_token(), b.access_token()) == (ta, tb)
            a.request("POST", "/kf/account/list", json={})
            b.request("POST", "/kf/account/list", json={})
    assert token_server.count == 2
    keys = sorted(k.decode() for k in r.scan_iter(match=redis_prefix + "*"))
    assert len(keys) == 2 and all(":token:" in k for k in keys)


def test_redis_keys_and_values_hold_no_part_of_the_secret(
    redis_url: str, redis_prefix: str, token_server: TokenServer, r: redis_lib.Redis
) -> None:
    token_server.delay = 0.4
    with _kf(token_server, redis_url, redis_prefix) as kf:
        seen_keys: set[str] = set()
        t = threading.Thread(target=kf.access_token)
        t.start()
        deadline = time.monotonic() + 3
        while t.is_alive() and time.monotonic() < deadline:  # catch the refresh lock key too
            seen_keys |= {k.decode() for k in r.scan_iter(match=redis_prefix + "*")}
            time.sleep(0.02)
        t.join()
        seen_keys |= {k.decode() for k in r.scan_iter(match=redis_prefix + "*")}
        values = [r.get(k) or b"" for k in seen_keys if r.exists(k)]
    assert any("lock" in k for k in seen_keys), seen_keys  # the lock was observed while held
    blob = "\n".join(seen_keys) + "\n" + b"\n".join(values).decode()
    for i in range(len(SECRET_A) - 5):
        assert SECRET_A[i : i + 6] not in blob
    assert CORP_ID in blob  # the key is still recognisable (corp id + secret hash)


# ---------------------------------------------------------------------------------------------
# Invalidation: compare-and-delete
# ---------------------------------------------------------------------------------------------


def test_late_rejection_does_not_delete_a_newer_token(redis_url: str, redis_prefix: str) -> None:
    issued: list[str] = []

    def fetch() -> tuple[str, float]:
        issued.append(f"tok{len(issued)}")
        return issued[-1], 7200

    store = RedisTokenStore(redis_url, prefix=redis_prefix)
    a = TokenManager("corp:hash", store, fetch)
    b = TokenManager("corp:hash", RedisTokenStore(redis_url, prefix=redis_prefix), fetch)
    old = a.get()
    b.invalidate(old)  # process B saw `old` rejected and refreshed
    new = b.get()
    assert new != old
    a.invalidate(old)  # process A reports the same rejection late: must not drop `new`
    assert a.get() == new
    assert issued == ["tok0", "tok1"]
    assert store.delete_if("corp:hash", "some-other-token") is False
    assert store.delete_if("corp:hash", new) is True
    assert store.get("corp:hash") is None


def test_revoked_token_across_two_clients_costs_one_refetch(
    redis_url: str, redis_prefix: str, token_server: TokenServer
) -> None:
    with (
        _kf(token_server, redis_url, redis_prefix) as a,
        _kf(token_server, redis_url, redis_prefix) as b,
    ):
        first = a.access_token()
        token_server.revoke(first)
        a.request("POST", "/kf/account/list", json={})  # 40014 -> refresh -> replay
        b.request("POST", "/kf/account/list", json={})  # uses the new shared token directly
        assert a.access_token() == b.access_token() != first
    assert token_server.count == 2


def test_damaged_redis_entry_is_a_miss_and_compare_and_delete_survives_it(
    redis_url: str, redis_prefix: str, r: redis_lib.Redis
) -> None:
    store = RedisTokenStore(redis_url, prefix=redis_prefix)
    r.set(f"{redis_prefix}token:k", b"\x00not json{")
    assert store.get("k") is None
    assert store.delete_if("k", "anything") is False
    r.set(f"{redis_prefix}token:k", json.dumps({"no": "fields"}))
    assert store.delete_if("k", "anything") is False
    tm = TokenManager("k", store, lambda: ("fresh", 7200))
    assert tm.get() == "fresh"  # overwritten
    assert tm.get() == "fresh" and tm.fetches == 1


def test_async_store_shares_tokens_and_compare_and_deletes(
    redis_url: str, redis_prefix: str
) -> None:
    calls: list[int] = []

    async def fetch() -> tuple[str, float]:
        calls.append(1)
        await asyncio.sleep(0.05)
        return f"atok{len(calls)}", 7200

    async def run() -> None:
        stores = [AsyncRedisTokenStore(redis_url, prefix=redis_prefix) for _ in range(3)]
        managers = [AsyncTokenManager("k", s, fetch) for s in stores]
        got = await asyncio.gather(*(managers[i % 3].get() for i in range(300)))
        assert set(got) == {"atok1"}
        await managers[0].invalidate("atok1")
        assert await managers[1].get() == "atok2"
        await managers[2].invalidate("atok1")  # late: keeps atok2
        assert await managers[2].get() == "atok2"
        for s in stores:
            await s.redis.aclose()

    asyncio.run(run())
    assert len(calls) == 2


def test_async_clients_on_redis_fetch_once(
    redis_url: str, redis_prefix: str, token_server: TokenServer
) -> None:
    async def run() -> None:
        clients = [
            AsyncKfClient(
                CORP_ID,
                SECRET_A,
                base_url=token_server.base_url,
                token_store=AsyncRedisTokenStore(redis_url, prefix=redis_prefix),
            )
            for _ in range(4)
        ]
        try:
            replies = await asyncio.gather(
                *(clients[i % 4].request("POST", "/kf/account/list", json={}) for i in range(100))
            )
            assert all(rep["errcode"] == 0 for rep in replies)
        finally:
            for c in clients:
                await c.aclose()

    asyncio.run(run())
    assert token_server.count == 1


def test_threads_with_separate_clients_on_redis_fetch_once(
    redis_url: str, redis_prefix: str, token_server: TokenServer
) -> None:
    clients = [_kf(token_server, redis_url, redis_prefix) for _ in range(8)]
    barrier = threading.Barrier(16)
    got: list[str] = []

    def work(kf: KfClient) -> None:
        barrier.wait(5)
        got.append(kf.access_token())

    threads = [threading.Thread(target=work, args=(clients[i % 8],)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    for c in clients:
        c.close()
    assert len(got) == 16 and len(set(got)) == 1
    assert token_server.count == 1


# ---------------------------------------------------------------------------------------------
# Refresh lock behaviour seen by token users
# ---------------------------------------------------------------------------------------------


def _lock_key(prefix: str, key: str) -> str:
    return f"{prefix}token-lock:{key}"


def test_refresh_lock_held_elsewhere_bounded_wait_then_typed_error(
    redis_url: str, redis_prefix: str, r: redis_lib.Redis
) -> None:
    store = RedisTokenStore(redis_url, prefix=redis_prefix)
    r.set(_lock_key(redis_prefix, "k"), "someone-else", px=30_000)
    tm = TokenManager("k", store, lambda: ("never", 7200), lock_wait=0.3)
    t0 = time.monotonic()
    with pytest.raises(LockTimeoutError, match="lock"):
        tm.get()
    assert 0.25 < time.monotonic() - t0 < 2
    assert tm.fetches == 0


def test_refresh_lock_held_elsewhere_serves_the_still_valid_token(
    redis_url: str, redis_prefix: str, r: redis_lib.Redis
) -> None:
    store = RedisTokenStore(redis_url, prefix=redis_prefix)
    now = time.time()
    store.set("k", CachedToken.issue("old", 100, now=now - 90, margin=300), ttl=10)  # in margin
    r.set(_lock_key(redis_prefix, "k"), "someone-else", px=30_000)
    tm = TokenManager("k", store, lambda: ("new", 7200), lock_wait=5)
    t0 = time.monotonic()
    assert tm.get() == "old"  # no waiting: another process is refreshing
    assert time.monotonic() - t0 < 0.5 and tm.fetches == 0


def test_crashed_refresher_lock_expires_and_another_takes_over(
    redis_url: str, redis_prefix: str, r: redis_lib.Redis
) -> None:
    store = RedisTokenStore(redis_url, prefix=redis_prefix)
    r.set(_lock_key(redis_prefix, "k"), "crashed-owner", px=300)
    tm = TokenManager("k", store, lambda: ("after-crash", 7200), lock_wait=3)
    assert tm.get() == "after-crash"
    assert r.get(_lock_key(redis_prefix, "k")) is None  # released after the refresh


def test_a_failing_gettoken_surfaces_its_error_and_releases_the_lock(
    redis_url: str, redis_prefix: str, r: redis_lib.Redis
) -> None:
    def fetch() -> tuple[str, float]:
        raise TokenError(40014, "boom")

    tm = TokenManager("k", RedisTokenStore(redis_url, prefix=redis_prefix), fetch)
    with pytest.raises(TokenError):
        tm.get()
    assert r.get(_lock_key(redis_prefix, "k")) is None


# ---------------------------------------------------------------------------------------------
# The owned lock
# ---------------------------------------------------------------------------------------------


def test_lock_is_owned_another_owner_cannot_release_it(
    redis_prefix: str, r: redis_lib.Redis
) -> None:
    key = redis_prefix + "lock:owned"
    a = acquire_lock(r, key, ttl=5, renew=False)
    assert a is not None and a.owned()
    assert acquire_lock(r, key, ttl=5) is None  # held
    intruder = RedisLock(r, key, ttl=5)
    intruder._held = True  # even a buggy holder that believes it owns the lock ...
    assert intruder.release() is False  # ... cannot delete someone else's
    assert a.owned()
    assert a.release() is True
    assert r.get(key) is None
    assert a.release() is False  # idempotent


def test_expired_holder_cannot_release_the_next_holders_lock(
    redis_prefix: str, r: redis_lib.Redis
) -> None:
    key = redis_prefix + "lock:expired"
    slow = acquire_lock(r, key, ttl=0.1, renew=False)
    assert slow is not None
    time.sleep(0.2)
    nxt = acquire_lock(r, key, ttl=5, renew=False)
    assert nxt is not None
    assert not slow.owned()
    assert slow.release() is False
    assert nxt.owned() and r.get(key) == nxt.owner.encode()
    nxt.release()


def test_bounded_wait_raises_lock_timeout(redis_prefix: str, r: redis_lib.Redis) -> None:
    key = redis_prefix + "lock:wait"
    holder = acquire_lock(r, key, ttl=10, renew=False)
    assert holder is not None
    waiter = RedisLock(r, key, ttl=10)
    t0 = time.monotonic()
    with pytest.raises(LockTimeoutError, match=r"0\.3s"):
        waiter.acquire(wait=0.3)
    assert 0.28 < time.monotonic() - t0 < 1.5
    holder.release()
    waiter.acquire(wait=0.3)  # free now
    assert waiter.owned()
    waiter.release()


def test_renewal_keeps_a_long_holder_past_its_ttl(redis_prefix: str, r: redis_lib.Redis) -> None:
    key = redis_prefix + "lock:renew"
    lock = acquire_lock(r, key, ttl=0.3)
    assert lock is not None
    with lock:
        time.sleep(1.0)  # > 3 TTLs
        assert lock.owned()
        assert acquire_lock(r, key, ttl=1) is None
    assert r.get(key) is None  # released on exit
    unrenewed = acquire_lock(r, key, ttl=0.3, renew=False)
    assert unrenewed is not None
    with unrenewed:
        time.sleep(0.5)
        assert not unrenewed.owned()  # without renewal it would have lapsed (the test can fail)


def test_async_lock_bounded_wait_and_renewal(redis_url: str, redis_prefix: str) -> None:
    import redis.asyncio as aioredis

    async def run() -> None:
        ar = aioredis.Redis.from_url(redis_url)
        key = redis_prefix + "alock"
        try:
            holder = AsyncRedisLock(ar, key, ttl=0.3)
            assert await holder.try_acquire()
            async with holder:
                await asyncio.sleep(1.0)
                assert await holder.owned()
                other = AsyncRedisLock(ar, key, ttl=1)
                with pytest.raises(LockTimeoutError):
                    await other.acquire(wait=0.2)
                other._held = True
                assert await other.release() is False
            assert await ar.get(key) is None
        finally:
            await ar.aclose()

    asyncio.run(run())


def test_lock_rejects_a_non_positive_ttl(r: redis_lib.Redis) -> None:
    with pytest.raises(ValueError, match="ttl"):
        RedisLock(r, "x", ttl=0)
    with pytest.raises(ValueError, match="ttl"):
        AsyncRedisLock(r, "x", ttl=-1)


def test_redis_store_repr_has_no_secret(redis_url: str, redis_prefix: str) -> None:
    store = RedisTokenStore(redis_url, prefix=redis_prefix)
    store.set(
        "k", CachedToken.issue("super-secret-token-value", 7200, now=time.time(), margin=1), ttl=60
    )
    assert "super-secret" not in repr(store) + repr(store.get("k"))
    assert isinstance(httpx.URL(redis_url), httpx.URL)


# ---------------------------------------------------------------------------------------------
# One process, memory store (formerly only in test_tokens.py)
# ---------------------------------------------------------------------------------------------


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
