"""Redis token store and owned lock, with real Redis and real OS processes."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import redis

from wxkefu_ext.locks import LockTimeoutError, RedisLock, acquire_lock
from wxkefu_ext.tokens import AsyncRedisTokenStore, CachedToken, RedisTokenStore, TokenManager

# --- a tiny local token server that counts gettoken calls --------------------------------------


class _TokenServer(ThreadingHTTPServer):
    daemon_threads = True
    calls = 0
    expires_in = 2
    lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: _TokenServer

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.calls += 1
            n = self.server.calls
        time.sleep(0.05)  # a slow gettoken widens the stampede window
        body = json.dumps(
            {
                "errcode": 0,
                "errmsg": "ok",
                "access_token": f"tok-{n}",
                "expires_in": self.server.expires_in,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def token_server() -> Iterator[_TokenServer]:
    server = _TokenServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _worker(base_url: str, redis_url: str, prefix: str, start: Any, out: Any) -> None:
    """One OS process: poll access_token() until it has seen the second token."""
    from wxkefu_ext.client import KfClient

    store = RedisTokenStore(redis_url, prefix=prefix)
    seen: list[str] = []
    with KfClient("wwcorp", "kf-secret", base_url=base_url, token_store=store) as kf:
        start.wait(30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            token = kf.access_token()
            if not seen or seen[-1] != token:
                seen.append(token)
            if token == "tok-2":
                break
            time.sleep(0.01)
    out.put(seen)


def test_eight_processes_fetch_once_per_expiry(
    token_server: _TokenServer, redis_url: str, redis_prefix: str
) -> None:
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    base_url = f"http://127.0.0.1:{token_server.server_address[1]}"
    procs = [
        ctx.Process(target=_worker, args=(base_url, redis_url, redis_prefix, start, out))
        for _ in range(8)
    ]
    for p in procs:
        p.start()
    time.sleep(0.5)
    start.set()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(10)
    assert token_server.calls == 2  # one gettoken for each of the two expiries
    assert all(seen == ["tok-1", "tok-2"] for seen in results), results


# --- the store -----------------------------------------------------------------------------


def test_store_roundtrip_ttl_and_compare_before_delete(redis_url: str, redis_prefix: str) -> None:
    store = RedisTokenStore(redis_url, prefix=redis_prefix)
    token = CachedToken.issue("value-1", 60, now=time.time(), margin=10)
    store.set("k", token, ttl=60)
    got = store.get("k")
    assert got is not None and got.value.reveal() == "value-1"
    raw = redis.Redis.from_url(redis_url)
    key = f"{redis_prefix}token:k"
    assert 0 < raw.pttl(key) <= 60_000
    assert not store.delete_if("k", "other-value")
    assert store.get("k") is not None
    assert store.delete_if("k", "value-1") and store.get("k") is None
    raw.set(key, b"not json")
    assert store.get("k") is None  # a damaged entry is a miss, not a crash
    assert "value-1" not in repr(store)


def test_two_managers_on_one_redis_share_the_token(redis_url: str, redis_prefix: str) -> None:
    calls = 0

    def fetch() -> tuple[str, float]:
        nonlocal calls
        calls += 1
        return "shared", 7200

    a = TokenManager("key", RedisTokenStore(redis_url, prefix=redis_prefix), fetch)
    b = TokenManager("key", RedisTokenStore(redis_url, prefix=redis_prefix), fetch)
    assert a.get() == b.get() == "shared" and calls == 1


@pytest.mark.anyio
async def test_async_store_roundtrip(redis_url: str, redis_prefix: str) -> None:
    store = AsyncRedisTokenStore(redis_url, prefix=redis_prefix)
    await store.set("k", CachedToken.issue("v", 60, now=time.time(), margin=10), ttl=60)
    got = await store.get("k")
    assert got is not None and got.value.reveal() == "v"
    async with store.lock("k", ttl=5, wait=1):
        pass
    assert await store.delete_if("k", "v")
    await store.redis.aclose()


# --- the owned lock ----------------------------------------------------------------------------


def test_lock_is_owned_another_owner_cannot_release_it(redis_url: str, redis_prefix: str) -> None:
    r = redis.Redis.from_url(redis_url)
    key = f"{redis_prefix}lock"
    mine = acquire_lock(r, key, ttl=5, renew=False)
    assert mine is not None
    assert acquire_lock(r, key, ttl=5) is None  # held
    intruder = RedisLock(r, key, ttl=5)
    intruder._held = True  # even a confused holder cannot release someone else's lock
    assert intruder.release() is False
    assert mine.owned() and r.get(key) == mine.owner.encode()
    assert mine.release() is True and r.get(key) is None


def test_lock_wait_is_bounded_with_a_clear_error(redis_url: str, redis_prefix: str) -> None:
    r = redis.Redis.from_url(redis_url)
    key = f"{redis_prefix}lock"
    held = acquire_lock(r, key, ttl=5, renew=False)
    assert held is not None
    start = time.monotonic()
    with pytest.raises(LockTimeoutError, match="still held"):
        RedisLock(r, key, ttl=5).acquire(wait=0.3)
    assert 0.3 <= time.monotonic() - start < 1.5
    held.release()


def test_lock_expires_by_itself_and_renewal_keeps_it(redis_url: str, redis_prefix: str) -> None:
    r = redis.Redis.from_url(redis_url)
    lost = acquire_lock(r, f"{redis_prefix}a", ttl=0.2, renew=False)
    assert lost is not None
    time.sleep(0.3)
    assert not lost.owned()  # a crashed holder cannot block others forever
    kept = acquire_lock(r, f"{redis_prefix}b", ttl=0.3)
    assert kept is not None
    with kept:
        time.sleep(0.6)
        assert kept.owned()
    assert r.get(f"{redis_prefix}b") is None


@pytest.mark.anyio
async def test_async_lock_is_owned_renewed_and_bounded(redis_url: str, redis_prefix: str) -> None:
    import redis.asyncio as aioredis

    from wxkefu_ext.locks import AsyncRedisLock

    r = aioredis.Redis.from_url(redis_url)
    key = f"{redis_prefix}alock"
    lock = AsyncRedisLock(r, key, ttl=0.3)
    await lock.acquire(wait=1)
    other = AsyncRedisLock(r, key, ttl=0.3)
    async with lock:
        with pytest.raises(LockTimeoutError):
            await other.acquire(wait=0.2)
        await asyncio.sleep(0.6)  # twice the TTL: only renewal keeps it
        assert await lock.owned()
        other._held = True
        assert await other.release() is False  # not the owner
    assert await r.get(key) is None
    await r.aclose()
