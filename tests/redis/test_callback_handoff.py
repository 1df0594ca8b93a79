"""Issue 13 item 3: a callback hand-off that loses nothing.

Two-phase dedupe marks (a crash before the answer or a failing handler no longer swallows
WeCom's retry), the durable hand-off mode (200 only after the notification is in the Redis
stream), the Streams consumer (XREADGROUP / XACK / XAUTOCLAIM), the safety-net sweep, the
task-queue adapter — and a SIGKILLed web process under load.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from fakes import SyncMsgServer, loop_passes, text_item
from redis_proc import PrivateRedis, private_redis

from wxkefu_ext.callback import CallbackCrypto, CallbackEvent, KfMsgOrEvent, MemoryDedupeStore
from wxkefu_ext.callback.asgi import callback_app
from wxkefu_ext.callback.dedupe import AsyncRedisDedupeStore, RedisDedupeStore
from wxkefu_ext.callback.wsgi import wsgi_callback_app
from wxkefu_ext.errors import KfError, KfValidationError
from wxkefu_ext.handoff import (
    AsyncStreamHandOff,
    StreamHandOff,
    StreamKeys,
    StreamSyncWorker,
    task_handoff,
)
from wxkefu_ext.pagination import SyncMsgPage
from wxkefu_ext.stores import redis_from_url

TOKEN = "QDG6eK"
KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
CORP = "wx5823bf96d3bd56c7"
KF_EVENT = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><CreateTime>{t}</CreateTime>"
    "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
    "<Token><![CDATA[TOKEN{t}]]></Token><OpenKfId><![CDATA[{kfid}]]></OpenKfId></xml>"
)


def crypto() -> CallbackCrypto:
    return CallbackCrypto(TOKEN, KEY, CORP)


def signed_post(t: int = 1, kfid: str = "wk1") -> tuple[str, str]:
    s = crypto().build_post_envelope(KF_EVENT.format(t=t, kfid=kfid))
    return "/callback?" + urlencode(s.params), s.body


def _client(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wecom")


@pytest.fixture
def durable_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    yield from private_redis(tmp_path, persistent=True)


# --------------------------------------------------------------------------- two-phase marks


def test_memory_marks_are_two_phase() -> None:
    now = [0.0]
    store = MemoryDedupeStore(ttl=100, in_flight_ttl=5, clock=lambda: now[0])
    assert store.begin("k") == "new"
    assert store.begin("k") == "in_flight"
    store.abort("k")
    assert store.begin("k") == "new"
    now[0] = 6  # the process that marked it died: the in-flight mark expired
    assert store.begin("k") == "new"
    store.finish("k")
    assert store.begin("k") == "done"
    store.abort("k")  # never drops a done mark
    assert store.begin("k") == "done"


def test_redis_marks_are_two_phase(redis_url: str, redis_prefix: str) -> None:
    r = redis_from_url(redis_url)
    store = RedisDedupeStore(r, prefix=redis_prefix, in_flight_ttl=0.2)
    assert store.begin("k") == "new" and store.begin("k") == "in_flight"
    time.sleep(0.3)
    assert store.begin("k") == "new"
    store.finish("k")
    assert store.begin("k") == "done" and 0 < r.pttl(redis_prefix + "k") <= 600_000


@pytest.mark.anyio
async def test_a_failing_handler_runs_again_on_the_retry(redis_url: str, redis_prefix: str) -> None:
    import redis.asyncio as aredis

    client = aredis.Redis.from_url(redis_url)
    calls: list[CallbackEvent] = []

    async def flaky(event: CallbackEvent) -> None:
        calls.append(event)
        if len(calls) == 1:
            raise RuntimeError("first run fails")

    app = callback_app(crypto(), flaky, dedupe=AsyncRedisDedupeStore(client, prefix=redis_prefix))
    url, body = signed_post(5)
    async with _client(app) as c:
        for _ in range(3):  # WeCom re-sends the same delivery
            assert (await c.post(url, content=body)).status_code == 200
            await app.state.callback.drain(2)
    assert len(calls) == 2  # failed once, handled by the retry, then deduped
    await client.aclose()


@pytest.mark.anyio
async def test_a_crash_before_the_answer_lets_the_retry_through() -> None:
    store = MemoryDedupeStore(in_flight_ttl=0.2)
    calls: list[CallbackEvent] = []

    async def handler(event: CallbackEvent) -> None:
        calls.append(event)

    url, body = signed_post(6)
    key = crypto().receive_post(*_query(url), body).dedupe_key
    assert store.begin(key) == "new"  # a process marked it and died before answering
    app = callback_app(crypto(), handler, dedupe=store)
    async with _client(app) as c:
        assert (await c.post(url, content=body)).status_code == 503  # still in flight
        await asyncio.sleep(0.25)
        assert (await c.post(url, content=body)).status_code == 200  # WeCom's next retry
        await app.state.callback.drain(2)
    assert len(calls) == 1


def _query(url: str) -> tuple[str, str, str]:
    q = httpx.URL("http://x" + url).params
    return q["msg_signature"], q["timestamp"], q["nonce"]


# --------------------------------------------------------------------------- durable hand-off


@pytest.mark.anyio
async def test_asgi_answers_only_after_the_stream_has_it(redis_url: str, redis_prefix: str) -> None:
    import redis.asyncio as aredis

    client = aredis.Redis.from_url(redis_url)
    handoff = AsyncStreamHandOff(client, prefix=redis_prefix)
    app = callback_app(crypto(), handoff=handoff)
    keys = StreamKeys(redis_prefix)
    url, body = signed_post(7, "wkA")
    async with _client(app) as c:
        assert (await c.post(url, content=body)).text == "success"
        assert await client.xlen(keys.stream) == 1  # enqueued before the answer
        assert (await c.post(url, content=body)).text == "success"  # duplicate
        url2, body2 = signed_post(7, "wkA")  # re-encrypted by WeCom: same delivery
        assert (await c.post(url2, content=body2)).text == "success"
    assert await client.xlen(keys.stream) == 1
    assert await client.smembers(keys.accounts) == {b"wkA"}
    await client.aclose()


def test_wsgi_hand_off_failure_answers_503_and_the_retry_is_queued(
    durable_redis: PrivateRedis,
) -> None:
    from werkzeug.test import Client

    r = redis_from_url(durable_redis.url, socket_timeout=0.5, connect_timeout=0.3)
    app = wsgi_callback_app(crypto(), handoff=StreamHandOff(r, prefix="p:"))
    url, body = signed_post(8, "wkB")
    durable_redis.freeze()
    try:
        started = time.monotonic()
        assert Client(app).post(url, data=body).status_code == 503  # not acknowledged
        assert time.monotonic() - started < 3
    finally:
        durable_redis.thaw()
    assert Client(app).post(url, data=body).status_code == 200  # WeCom's retry
    assert r.xlen(StreamKeys("p:").stream) == 1
    app.close()


@pytest.mark.anyio
async def test_task_queue_adapter_answers_after_the_broker_took_it() -> None:
    broker: list[tuple[str, str | None]] = []
    fail = [True]

    def send(open_kfid: str, token: str | None) -> None:  # e.g. drain_account.delay
        if fail[0]:
            fail[0] = False
            raise ConnectionError("broker down")
        broker.append((open_kfid, token))

    app = callback_app(crypto(), handoff=task_handoff(send))
    url, body = signed_post(9, "wkC")
    async with _client(app) as c:
        assert (await c.post(url, content=body)).status_code == 503
        assert broker == []
        assert (await c.post(url, content=body)).status_code == 200
        assert (await c.post(url, content=body)).status_code == 200  # duplicate: not re-sent
    assert broker == [("wkC", "TOKEN9")]
    with pytest.raises(ValueError, match="exactly one"):
        callback_app(crypto())


# --------------------------------------------------------------------------- the consumer


def FakeKf(msgs: dict[str, list[str]]) -> SyncMsgServer:
    """sync_msg over in-memory lists of msgids (cursor = position, pages of 10) behind a real
    KfClient (``.client``): tests/fakes.py's server."""
    return SyncMsgServer(msgs, page=10, empty_every=0, item=text_item)


def _worker(kf: SyncMsgServer, r: Any, prefix: str, got: list[str], **kw: Any) -> StreamSyncWorker:
    def handler(page: SyncMsgPage) -> None:
        got.extend(m["msgid"] for m in page.messages)

    kw.setdefault("sweep_interval", None)
    factory = lambda: kf.client  # noqa: E731
    return StreamSyncWorker(factory, r, handler, prefix=prefix, parser=dict, block=0.05, **kw)


def test_worker_drains_acks_and_takes_over_a_dead_consumer(
    redis_url: str, redis_prefix: str
) -> None:
    r = redis_from_url(redis_url)
    handoff = StreamHandOff(r, prefix=redis_prefix)
    keys = StreamKeys(redis_prefix)
    kf = FakeKf({"wkA": ["a0", "a1"], "wkB": ["b0"]})
    got: list[str] = []
    dead = _worker(kf, r, redis_prefix, got, consumer="dead", claim_idle=0.2)
    dead._ensure_group()
    handoff.enqueue("wkA", "TA")
    handoff.enqueue("wkB", None)
    assert len(dead._read()) == 2  # read, then "SIGKILLed": never acknowledged
    alive = _worker(kf, r, redis_prefix, got, consumer="alive", claim_idle=0.2)
    assert alive.run_once() == 0  # not idle long enough to be claimed yet
    time.sleep(0.25)
    assert alive.run_once() == 2
    assert sorted(got) == ["a0", "a1", "b0"]
    assert {b.get("token") for b in kf.bodies if b["open_kfid"] == "wkA"} == {"TA"}
    assert r.xlen(keys.stream) == 0  # acknowledged and deleted
    assert r.xpending(keys.stream, "wxkefu-sync")["pending"] == 0
    assert alive.run_once() == 0 and len(got) == 3


def test_failed_drain_keeps_the_notification_pending(redis_url: str, redis_prefix: str) -> None:
    r = redis_from_url(redis_url)
    StreamHandOff(r, prefix=redis_prefix).enqueue("wkA", "T")
    kf = FakeKf({"wkA": ["a0"]})
    got: list[str] = []
    boom = [True]

    def handler(page: SyncMsgPage) -> None:
        if boom[0]:
            boom[0] = False
            raise RuntimeError("handler failed")
        got.extend(m["msgid"] for m in page.messages)

    w = StreamSyncWorker(
        lambda: kf.client,
        r,
        handler,
        prefix=redis_prefix,
        parser=dict,
        block=0.05,
        backoff_initial=0.01,
        backoff_max=0.01,
        sweep_interval=None,
    )
    assert w.run_once() == 0
    assert r.xpending(StreamKeys(redis_prefix).stream, "wxkefu-sync")["pending"] == 1
    time.sleep(0.02)
    assert w.run_once() == 1 and got == ["a0"]


def test_sweep_pulls_accounts_whose_notification_was_lost(
    redis_url: str, redis_prefix: str
) -> None:
    r = redis_from_url(redis_url)
    kf = FakeKf({"wkA": ["a0"]})
    got: list[str] = []
    w = _worker(kf, r, redis_prefix, got, sweep_interval=60)
    w.register("wkA")  # known account; its callback never arrived
    assert w.run_once() == 1 and got == ["a0"]
    kf.msgs["wkA"].append("a1")
    other = _worker(kf, r, redis_prefix, got, sweep_interval=60)
    assert other.sweep(force=True) == 0  # one sweep per account and interval, fleet-wide
    assert got == ["a0"]
    with pytest.raises(KfValidationError, match="sweep_interval"):
        _worker(kf, r, redis_prefix, got, sweep_interval=1)


@pytest.mark.parametrize("block", [0.05, 0.0])
def test_stream_worker_loop_waits_when_idle_and_stops(
    redis_url: str, redis_prefix: str, block: float
) -> None:
    """SyncWorker's loop: an idle pass waits (the blocking read, or poll_interval when the read
    does not block), a failing pass backs off; never a hot loop."""
    r = redis_from_url(redis_url)
    w = _worker(FakeKf({}), r, redis_prefix, [], poll_interval=0.05, backoff_initial=0.05)
    w.block = block
    assert 2 <= loop_passes(w, fail_pass=2) <= 10  # waited, not spun


# --------------------------------------------------------------------------- SIGKILL under load

_SERVER = textwrap.dedent(
    """
    import sys
    import redis.asyncio as aredis
    from wxkefu_ext.callback import CallbackCrypto
    from wxkefu_ext.callback.asgi import callback_app
    from wxkefu_ext.serving import bind, serve_forever
    from wxkefu_ext.handoff import AsyncStreamHandOff

    url, prefix, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    crypto = CallbackCrypto({token!r}, {key!r}, {corp!r})
    client = aredis.Redis.from_url(url, socket_timeout=2)
    app = callback_app(crypto, handoff=AsyncStreamHandOff(client, prefix=prefix))
    serve_forever(app, bind("127.0.0.1", port))
    """
).format(token=TOKEN, key=KEY, corp=CORP)


def _start_server(tmp: Path, url: str, prefix: str, port: int) -> subprocess.Popen[bytes]:
    script = tmp / "server.py"
    script.write_text(_SERVER)
    proc = subprocess.Popen([sys.executable, str(script), url, prefix, str(port)])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/callback", timeout=0.5)
            return proc
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("callback server did not start")


def test_sigkill_under_load_answers_nothing_200_that_is_not_handled(
    tmp_path: Path, durable_redis: PrivateRedis
) -> None:
    from redis_proc import free_port

    from conftest import scaled

    n = scaled(120, 500)
    prefix = "kill:"
    port = free_port()
    posts = [signed_post(1000 + i, f"wk{i}") for i in range(n)]
    acked: set[int] = set()
    proc = _start_server(tmp_path, durable_redis.url, prefix, port)

    async def fire(indices: list[int], kill_after: int | None) -> None:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=3) as c:
            gate = asyncio.Semaphore(8)  # load, but spread out so the kill lands mid-way

            async def one(i: int) -> None:
                try:
                    async with gate:
                        r = await c.post(posts[i][0], content=posts[i][1])
                except httpx.TransportError:
                    return
                if r.status_code == 200 and r.text == "success":
                    acked.add(i)

            tasks = [asyncio.create_task(one(i)) for i in indices]
            if kill_after is not None:
                while len(acked) < kill_after:
                    await asyncio.sleep(0.001)
                os.kill(proc.pid, signal.SIGKILL)
            await asyncio.gather(*tasks)

    try:
        asyncio.run(fire(list(range(n)), kill_after=n // 3))
        proc.wait(10)
        assert proc.returncode == -signal.SIGKILL
        killed_acked = set(acked)
        assert 0 < len(killed_acked) < n, "the kill did not land mid-load"
        proc = _start_server(tmp_path, durable_redis.url, prefix, port)
        # WeCom re-sends what was not answered 200
        asyncio.run(fire([i for i in range(n) if i not in acked], None))
    finally:
        proc.kill()
        proc.wait(10)
    assert len(acked) == n
    r = redis_from_url(durable_redis.url)
    kf = FakeKf({f"wk{i}": [f"m{i}"] for i in range(n)})
    got: list[str] = []
    worker = _worker(kf, r, prefix, got, sweep_interval=None, batch=1000)
    while worker.run_once():
        pass
    handled = {int(m[1:]) for m in got}
    assert killed_acked <= handled, f"acknowledged but never handled: {killed_acked - handled}"
    assert handled == set(range(n)) and len(got) == n


def test_handoff_errors_are_typed(volatile_redis_url: str) -> None:
    r = redis_from_url(volatile_redis_url, socket_timeout=0.3, connect_timeout=0.3)
    with pytest.raises(KfError):
        StreamHandOff(r, prefix="x:").enqueue("wkA", "T")


@pytest.fixture
def volatile_redis_url(tmp_path: Path) -> Iterator[str]:
    for r in private_redis(tmp_path, persistent=False):
        url = r.url
        r.kill()
        yield url


_ = KfMsgOrEvent
