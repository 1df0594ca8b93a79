"""ASGI (Starlette) and WSGI/Flask callback endpoints: answers, background handoff, dedupe."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import pytest

from wxkefu_ext.callback import (
    AsyncRedisDedupeStore,
    CallbackCrypto,
    CallbackEvent,
    KfMsgOrEvent,
    MemoryDedupeStore,
    RedisDedupeStore,
)
from wxkefu_ext.callback.asgi import callback_app
from wxkefu_ext.callback.wsgi import flask_view, wsgi_callback_app

TOKEN = "QDG6eK"
KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
CORP = "wx5823bf96d3bd56c7"
KF_EVENT = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><CreateTime>{t}</CreateTime>"
    "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
    "<Token><![CDATA[TOKEN{t}]]></Token><OpenKfId><![CDATA[wk1]]></OpenKfId></xml>"
)


def crypto() -> CallbackCrypto:
    return CallbackCrypto(TOKEN, KEY, CORP)


def signed_post(t: int = 1) -> tuple[str, str]:
    s = crypto().build_post_envelope(KF_EVENT.format(t=t))
    return "/callback?" + urlencode(s.params), s.body


def url_check(echo: str = "echo-42", *, encode_plus: bool = True) -> str:
    p = crypto().build_url_check(echo)
    if encode_plus:
        return "/callback?" + urlencode(p)
    # a proxy that decoded %2B back to '+' before the app saw it
    return "/callback?" + "&".join(f"{k}={quote(v, safe='+/=')}" for k, v in p.items())


# -- ASGI ------------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.events: list[CallbackEvent] = []
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def __call__(self, event: CallbackEvent) -> None:
        self.started.set()
        await self.release.wait()
        self.events.append(event)


def _client(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://wecom")


@pytest.mark.anyio
async def test_asgi_url_check_answers_plain_echo() -> None:
    app = callback_app(crypto(), Recorder())
    async with _client(app) as c:
        for encode_plus in (True, False):
            r = await c.get(url_check(encode_plus=encode_plus))
            assert r.status_code == 200 and r.text == "echo-42"
            assert r.headers["content-type"].startswith("text/plain")
        bad = url_check().replace("msg_signature=", "msg_signature=0")
        r = await c.get(bad)
        assert r.status_code == 403 and r.text.startswith("-40001")
        r = await c.get("/callback?timestamp=1&nonce=2")
        assert r.status_code == 400 and r.text.startswith("-40002")


@pytest.mark.anyio
async def test_asgi_post_answers_before_the_handler_finishes() -> None:
    rec = Recorder()
    app = callback_app(crypto(), rec)
    endpoint = app.state.callback
    url, body = signed_post()
    async with _client(app) as c:
        t0 = time.perf_counter()
        r = await c.post(url, content=body)
        elapsed = time.perf_counter() - t0
    assert r.status_code == 200 and r.text == "success"
    assert elapsed < 1.0
    await asyncio.wait_for(rec.started.wait(), 2)
    assert rec.events == [] and endpoint.pending == 1  # still running after the answer
    rec.release.set()
    assert await endpoint.drain(2)
    assert len(rec.events) == 1 and isinstance(rec.events[0], KfMsgOrEvent)
    assert rec.events[0].token == "TOKEN1"


@pytest.mark.anyio
async def test_asgi_sync_handler_runs_in_a_thread() -> None:
    gate = threading.Event()
    seen: list[str] = []

    def handler(event: CallbackEvent) -> None:
        gate.wait(5)
        seen.append(threading.current_thread().name)

    app = callback_app(crypto(), handler)
    url, body = signed_post()
    async with _client(app) as c:
        r = await c.post(url, content=body)
    assert r.text == "success" and seen == []  # the blocked handler did not block the answer
    gate.set()
    assert await app.state.callback.drain(5)
    assert seen and seen[0] != threading.main_thread().name


@pytest.mark.anyio
async def test_asgi_duplicate_delivery_handled_once() -> None:
    rec = Recorder()
    rec.release.set()
    app = callback_app(crypto(), rec)
    url, body = signed_post(7)
    url2, body2 = signed_post(7)  # WeCom re-encrypting the same event
    assert body2 != body
    async with _client(app) as c:
        assert (await c.post(url, content=body)).text == "success"
        await app.state.callback.drain(2)  # handled: the mark is "done"
        for u, b in ((url, body), (url2, body2)):
            r = await c.post(u, content=b)
            assert r.text == "success"
    await app.state.callback.drain(2)
    assert len(rec.events) == 1


@pytest.mark.anyio
async def test_asgi_handler_errors_are_logged_not_returned(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def boom(event: CallbackEvent) -> None:
        raise RuntimeError("handler exploded")

    app = callback_app(crypto(), boom)
    url, body = signed_post()
    with caplog.at_level(logging.ERROR, logger="wxkefu_ext.callback"):
        async with _client(app) as c:
            r = await c.post(url, content=body)
        await app.state.callback.drain(2)
    assert r.status_code == 200 and "exploded" not in r.text
    assert any("handler failed" in rec.message and rec.exc_info for rec in caplog.records)


@pytest.mark.anyio
async def test_asgi_rejections(caplog: pytest.LogCaptureFixture) -> None:
    app = callback_app(crypto(), Recorder())
    url, body = signed_post()
    with caplog.at_level(logging.WARNING, logger="wxkefu_ext.callback"):
        async with _client(app) as c:
            r = await c.post(url, content="x" * (crypto().max_bytes + 1))
            assert r.status_code == 413 and r.text.startswith("-40091")
            r = await c.post(url, content="<xml>junk")
            assert r.status_code == 400
            r = await c.post(url.replace("nonce=", "nonce=9"), content=body)
            assert r.status_code == 403
            r = await c.put(url, content=body)
            assert r.status_code == 405
    text = " ".join(r.getMessage() for r in caplog.records)
    assert "-40001" in text and TOKEN not in text and KEY not in text


@pytest.mark.anyio
async def test_asgi_redis_dedupe_across_two_apps(redis_url: str, redis_prefix: str) -> None:
    import redis.asyncio as aredis

    client = aredis.Redis.from_url(redis_url)
    seen: list[CallbackEvent] = []

    async def handler(event: CallbackEvent) -> None:
        seen.append(event)

    apps = [
        callback_app(crypto(), handler, dedupe=AsyncRedisDedupeStore(client, prefix=redis_prefix))
        for _ in range(2)
    ]
    url, body = signed_post(3)
    for app in apps:  # two processes behind a load balancer
        async with _client(app) as c:
            assert (await c.post(url, content=body)).text == "success"
        await app.state.callback.drain(2)
    assert len(seen) == 1
    await client.aclose()


# -- WSGI / Flask ----------------------------------------------------------------------------


def test_wsgi_url_check_and_post_with_background_handoff() -> None:
    from werkzeug.test import Client

    gate = threading.Event()
    seen: list[CallbackEvent] = []

    def handler(event: CallbackEvent) -> None:
        gate.wait(5)
        seen.append(event)

    app = wsgi_callback_app(crypto(), handler)
    client = Client(app)
    r = client.get(url_check(encode_plus=False))
    assert r.status_code == 200 and r.get_data(as_text=True) == "echo-42"
    url, body = signed_post()
    t0 = time.perf_counter()
    r = client.post(url, data=body)
    assert r.status_code == 200 and r.get_data(as_text=True) == "success"
    assert time.perf_counter() - t0 < 1.0
    assert seen == [] and app.pending == 1
    gate.set()
    assert app.drain(5)
    assert len(seen) == 1 and isinstance(seen[0], KfMsgOrEvent)
    assert client.post(url, data=body).get_data(as_text=True) == "success"  # duplicate
    assert app.drain(5) and len(seen) == 1
    assert client.put(url, data=body).status_code == 405
    app.close()


def test_wsgi_full_queue_answers_503_and_retry_is_handled() -> None:
    from werkzeug.test import Client

    gate = threading.Event()
    seen: list[CallbackEvent] = []

    def handler(event: CallbackEvent) -> None:
        gate.wait(5)
        seen.append(event)

    app = wsgi_callback_app(crypto(), handler, max_workers=1, max_pending=1)
    client = Client(app)
    first, second = signed_post(1), signed_post(2)
    assert client.post(first[0], data=first[1]).status_code == 200
    assert client.post(second[0], data=second[1]).status_code == 503
    gate.set()
    assert app.drain(5)
    assert client.post(second[0], data=second[1]).status_code == 200  # WeCom's retry
    assert app.drain(5)
    assert sorted(e.create_time or 0 for e in seen) == [1, 2]
    app.close()


def test_wsgi_handler_errors_logged(caplog: pytest.LogCaptureFixture) -> None:
    from werkzeug.test import Client

    def handler(event: CallbackEvent) -> None:
        raise ValueError("bad handler")

    app = wsgi_callback_app(crypto(), handler)
    url, body = signed_post()
    with caplog.at_level(logging.ERROR, logger="wxkefu_ext.callback"):
        r = Client(app).post(url, data=body)
        assert app.drain(5)
    assert r.status_code == 200 and "bad handler" not in r.get_data(as_text=True)
    assert any("handler failed" in rec.message for rec in caplog.records)
    app.close()


def test_flask_view() -> None:
    import flask

    seen: list[CallbackEvent] = []
    view = flask_view(crypto(), seen.append)
    app = flask.Flask(__name__)
    app.add_url_rule("/callback", view_func=view, methods=["GET", "POST"])
    client = app.test_client()
    r = client.get(url_check())
    assert r.status_code == 200 and r.get_data(as_text=True) == "echo-42"
    url, body = signed_post()
    for _ in range(3):
        assert client.post(url, data=body).get_data(as_text=True) == "success"
    assert view.callback_app.drain(5)  # type: ignore[attr-defined]
    assert len(seen) == 1
    r = client.post(url.replace("nonce=", "nonce=1"), data=body)
    assert r.status_code == 403
    r = client.post(url, data="x" * (crypto().max_bytes + 1))
    assert r.status_code == 413
    view.callback_app.close()  # type: ignore[attr-defined]


def test_wsgi_redis_dedupe_across_processes(redis_url: str, redis_prefix: str) -> None:
    import redis
    from werkzeug.test import Client

    r = redis.Redis.from_url(redis_url)
    seen: list[CallbackEvent] = []
    apps = [
        wsgi_callback_app(crypto(), seen.append, dedupe=RedisDedupeStore(r, prefix=redis_prefix))
        for _ in range(3)
    ]
    url, body = signed_post(9)
    for app in apps:
        assert Client(app).post(url, data=body).status_code == 200
        assert app.drain(5)
        app.close()
    assert len(seen) == 1
    assert r.ttl(next(iter(r.scan_iter(match=redis_prefix + "*")))) > 0  # keys expire
    r.close()


# -- dedupe store ----------------------------------------------------------------------------


def test_memory_dedupe_ttl_and_bound() -> None:
    now = [0.0]
    store = MemoryDedupeStore(ttl=10, max_entries=3, clock=lambda: now[0])
    assert store.add("a") and not store.add("a")
    now[0] = 11
    assert store.add("a")  # expired
    for k in "bcd":
        store.add(k)
    assert len(store) == 3 and store.add("a")  # oldest dropped to stay bounded
    store.discard("a")
    assert store.add("a")


@pytest.mark.anyio
async def test_asgi_backlog_answers_503_and_the_retry_is_handled() -> None:
    rec = Recorder()
    app = callback_app(crypto(), rec, max_pending=1)
    first, second = signed_post(1), signed_post(2)
    async with _client(app) as c:
        assert (await c.post(first[0], content=first[1])).status_code == 200
        assert (await c.post(second[0], content=second[1])).status_code == 503
        rec.release.set()
        assert await app.state.callback.drain(2)
        assert (await c.post(second[0], content=second[1])).status_code == 200
    assert await app.state.callback.drain(2)
    assert sorted(e.create_time or 0 for e in rec.events) == [1, 2]
