"""Issue 13 item 2: every store failure is a StoreUnavailableError (a KfError), within a bound.

A private Redis (tests/redis_proc.py) is SIGKILLed or frozen with SIGSTOP under each store.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from fakes import SyncMsgServer
from redis_proc import PrivateRedis

from wxkefu_ext.cursors import RedisCursorStore
from wxkefu_ext.errors import KfError, StoreUnavailableError
from wxkefu_ext.locks import RedisLock
from wxkefu_ext.pagination import RedisDeduper, SyncMsgPager
from wxkefu_ext.stores import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_SOCKET_TIMEOUT,
    redis_from_url,
    warn_if_not_persistent,
)
from wxkefu_ext.tokens import RedisTokenStore
from wxkefu_ext.worker import SyncQueue, SyncWorker

SOCKET_TIMEOUT = 0.25
CONNECT_TIMEOUT = 0.3
#: first attempt + one retry, each bounded by the socket (or connect) timeout, plus slack
BOUND = 2 * SOCKET_TIMEOUT + 2 * CONNECT_TIMEOUT + 1.0


def _client(url: str) -> Any:
    return redis_from_url(url, socket_timeout=SOCKET_TIMEOUT, connect_timeout=CONNECT_TIMEOUT)


def _operations(r: Any, kf: SyncMsgServer) -> dict[str, Callable[[], object]]:
    """Each store operation, and a pager drain over ``kf`` (which the store must fail first:
    the callers check ``kf.calls == 0``)."""
    cursors = RedisCursorStore(r, prefix="t:c:")
    return {
        "cursor load": lambda: cursors.load("wkA"),
        "cursor commit": lambda: cursors.commit("wkA", "c1"),
        "lock": lambda: RedisLock(r, "t:lock", ttl=5, fencing=True).try_acquire(),
        "msgid dedupe": lambda: RedisDeduper(r, prefix="t:s:").seen("wkA", ["m1"]),
        "sync queue": lambda: SyncQueue(r, prefix="t:q:").enqueue("wkA", "TOK"),
        "pager drain": lambda: SyncMsgPager(kf.client, "wkA", cursor_store=cursors).handle(
            lambda p: None
        ),
    }


def _assert_typed_and_bounded(op: Callable[[], object], name: str) -> None:
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError) as info:
        op()
    took = time.monotonic() - started
    assert isinstance(info.value, KfError)
    assert took < BOUND, f"{name}: {took:.2f}s > {BOUND:.2f}s"


def test_killed_redis_raises_store_unavailable_quickly(volatile_redis: PrivateRedis) -> None:
    r = _client(volatile_redis.url)
    kf = SyncMsgServer(["m1"])
    ops = _operations(r, kf)
    ops["cursor load"]()  # connected once: the pooled connection dies with the server
    volatile_redis.kill()
    for name, op in ops.items():
        _assert_typed_and_bounded(op, name)
    assert kf.calls == 0, "the pager pulled although its store was down"


def test_frozen_redis_cannot_hang_a_drain(volatile_redis: PrivateRedis) -> None:
    r = _client(volatile_redis.url)
    kf = SyncMsgServer(["m1"])
    ops = _operations(r, kf)
    ops["cursor load"]()
    volatile_redis.freeze()
    try:
        for name, op in ops.items():
            _assert_typed_and_bounded(op, name)
    finally:
        volatile_redis.thaw()
    assert kf.calls == 0, "the pager pulled although its store was frozen"
    assert ops["cursor load"]() is not None  # back to normal once thawed


def test_token_store_from_url_is_bounded_and_typed(volatile_redis: PrivateRedis) -> None:
    from wxkefu_ext.tokens import CachedToken

    store = RedisTokenStore(volatile_redis.url)
    kwargs = store.redis.connection_pool.connection_kwargs
    assert kwargs["socket_timeout"] == DEFAULT_SOCKET_TIMEOUT
    assert kwargs["socket_connect_timeout"] == DEFAULT_CONNECT_TIMEOUT
    store.get("k")
    volatile_redis.kill()
    with pytest.raises(StoreUnavailableError):
        store.set("k", CachedToken.issue("v", 60, now=time.time(), margin=5), ttl=60)


def test_persistence_warning(
    volatile_redis: PrivateRedis, durable_redis: PrivateRedis, caplog: Any
) -> None:
    with caplog.at_level(logging.WARNING, logger="wxkefu_ext.stores"):
        assert warn_if_not_persistent(_client(durable_redis.url)) is True
        assert not caplog.records
        assert warn_if_not_persistent(_client(volatile_redis.url)) is False
    assert "no persistence" in caplog.records[0].getMessage()


def test_worker_warns_at_start_up_without_persistence(
    volatile_redis: PrivateRedis, caplog: Any
) -> None:
    stop = threading.Event()
    kf = SyncMsgServer()
    r = _client(volatile_redis.url)
    w = SyncWorker(lambda: kf.client, r, lambda p: None, poll_interval=0.05)
    with caplog.at_level(logging.WARNING, logger="wxkefu_ext.stores"):
        t = threading.Thread(target=w.run_forever, args=(stop,))
        t.start()
        time.sleep(0.2)
        stop.set()
        t.join(5)
    assert any("no persistence" in r.getMessage() for r in caplog.records)
    assert kf.calls == 0  # nothing was queued


def test_unbounded_client_is_warned_about(redis_url: str, caplog: Any) -> None:
    import redis

    with caplog.at_level(logging.WARNING, logger="wxkefu_ext.stores"):
        RedisCursorStore(redis.Redis.from_url(redis_url), prefix="t:")
    assert any("no socket_timeout" in r.getMessage() for r in caplog.records)
