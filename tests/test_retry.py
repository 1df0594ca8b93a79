"""RetryPolicy and the retrying transport: what is retried, how long it waits, what never is."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator

import httpx
import pytest

from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.errors import KfTransportError, RateLimitError, SystemBusyError
from wxkefu_ext.retry import (
    DUPLICATE_MSGID_ERRCODE,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
)

BASE = "https://kf.test/cgi-bin"
Handler = Callable[[httpx.Request], httpx.Response]


def policy(delays: list[float], attempts: int = 4, **kw: float) -> RetryPolicy:
    return RetryPolicy(
        max_attempts=attempts,
        initial_backoff=kw.get("initial", 0.5),
        max_backoff=kw.get("cap", 8.0),
        jitter=lambda: 1.0,
        sleep=delays.append,
    )


def scripted(replies: list[httpx.Response | Exception]) -> tuple[Handler, list[httpx.Request]]:
    """A handler that plays ``replies`` in order (then keeps answering ok) and logs requests."""
    seen: list[httpx.Request] = []
    queue: Iterator[httpx.Response | Exception] = iter(replies)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        reply = next(queue, None)
        if reply is None:
            return httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})
        if isinstance(reply, Exception):
            raise reply
        return reply

    return handler, seen


def raw_client(handler: Handler, retry: RetryPolicy) -> httpx.Client:
    return httpx.Client(
        base_url=BASE, transport=RetryTransport(httpx.MockTransport(handler), retry)
    )


def err(code: int, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json={"errcode": code, "errmsg": "busy"})


@pytest.mark.parametrize(
    "first",
    [
        err(-1),
        err(45009),
        httpx.Response(502, text="bad gateway"),
        httpx.Response(503, text="unavailable"),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
    ],
    ids=["errcode-1", "errcode45009", "http502", "http503", "connect", "read-timeout"],
)
def test_transient_failures_are_retried_with_backoff(first: httpx.Response | Exception) -> None:
    delays: list[float] = []
    handler, seen = scripted([first, first])
    with raw_client(handler, policy(delays)) as http:
        reply = http.post("/kf/account/list", json={})
    assert reply.json()["errcode"] == 0
    assert len(seen) == 3
    assert delays == [0.5, 1.0]


def test_backoff_is_exponential_and_capped_and_jitter_applies() -> None:
    p = RetryPolicy(initial_backoff=0.5, max_backoff=3.0, jitter=lambda: 0.5)
    assert [p.delay(n) for n in range(1, 6)] == [0.25, 0.5, 1.0, 1.5, 1.5]
    assert RetryPolicy(jitter=lambda: 1.0).delay(1, retry_after=5.0) == 5.0
    assert RetryPolicy(jitter=lambda: 1.0).delay(1, retry_after=100.0) == 8.0  # capped


def test_default_jitter_stays_within_half_and_full_delay() -> None:
    p = RetryPolicy()
    samples = {p.delay(3) for _ in range(200)}
    assert all(1.0 <= s <= 2.0 for s in samples) and len(samples) > 1


def test_retry_after_header_is_honoured() -> None:
    delays: list[float] = []
    limited = httpx.Response(429, headers={"retry-after": "3"}, text="slow down")
    handler, seen = scripted([limited])
    with raw_client(handler, policy(delays)) as http:
        assert http.post("/kf/account/list", json={}).status_code == 200
    assert delays == [3.0] and len(seen) == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2", 2.0), ("0", 0.5), ("-5", 0.5), ("nan", 0.5), ("soon", 0.5), ("7200", 8.0)],
)
def test_retry_after_values_are_parsed_defensively(value: str, expected: float) -> None:
    delays: list[float] = []
    handler, _ = scripted([httpx.Response(503, headers={"retry-after": value}, text="x")])
    with raw_client(handler, policy(delays)) as http:
        http.get("/kf/account/list")
    assert delays == [expected]


def test_retry_after_http_date_is_honoured() -> None:
    import email.utils
    import time

    delays: list[float] = []
    when = email.utils.formatdate(time.time() + 4, usegmt=True)
    handler, _ = scripted([httpx.Response(503, headers={"retry-after": when}, text="x")])
    with raw_client(handler, policy(delays)) as http:
        http.get("/kf/account/list")
    assert len(delays) == 1 and 2.0 <= delays[0] <= 4.5


def test_policy_is_used_up_then_the_last_reply_is_returned_and_raised_by_the_client() -> None:
    delays: list[float] = []
    handler, seen = scripted([err(45009)] * 10)
    kf = KfClient("ww1", "sec", base_url=BASE, transport=httpx.MockTransport(
        _with_token(handler)), retry=policy(delays, attempts=3))  # fmt: skip
    with kf, pytest.raises(RateLimitError):
        kf.request("POST", "/kf/account/list", json={})
    assert len(seen) == 3 and delays == [0.5, 1.0]


def test_exhausted_transport_errors_become_kf_transport_error_without_secrets() -> None:
    handler, seen = scripted([httpx.ConnectError("refused access_token=SECRETTOKEN")] * 5)
    with (
        raw_client(handler, policy([], attempts=2)) as http,
        pytest.raises(KfTransportError) as caught,
    ):
        http.get("/kf/account/list", params={"access_token": "SECRETTOKEN"})
    assert caught.value.attempts == 2 and len(seen) == 2
    assert "SECRETTOKEN" not in str(caught.value)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_send_without_msgid_is_never_retried() -> None:
    delays: list[float] = []
    handler, seen = scripted([httpx.ReadTimeout("lost"), err(-1)])
    with raw_client(handler, policy(delays)) as http, pytest.raises(KfTransportError):
        http.post("/kf/send_msg", json={"touser": "u", "msgtype": "text"})
    assert len(seen) == 1 and delays == []
    handler, seen = scripted([err(-1)])
    with raw_client(handler, policy(delays)) as http:
        assert http.post("/kf/send_msg_on_event", json={"code": "c"}).json()["errcode"] == -1
    assert len(seen) == 1


def test_send_with_msgid_is_retried_with_the_same_body() -> None:
    handler, seen = scripted([httpx.ReadTimeout("lost"), err(-1)])
    with raw_client(handler, policy([])) as http:
        http.post("/kf/send_msg", json={"touser": "u", "msgid": "m-1"})
    assert [json.loads(r.content)["msgid"] for r in seen] == ["m-1"] * 3


def test_client_adds_a_msgid_so_its_sends_are_retried() -> None:
    handler, seen = scripted([httpx.ReadTimeout("lost")])
    kf = KfClient("ww1", "sec", base_url=BASE, transport=httpx.MockTransport(
        _with_token(handler)), retry=policy([]))  # fmt: skip
    with kf:
        kf.request("POST", "/kf/send_msg", json={"touser": "u"})
    ids = [json.loads(r.content)["msgid"] for r in seen]
    assert len(ids) == 2 and ids[0] == ids[1] and len(ids[0]) <= 32


def test_creating_calls_are_not_repeated_after_an_ambiguous_failure() -> None:
    handler, seen = scripted([httpx.ReadTimeout("lost")])
    with raw_client(handler, policy([])) as http, pytest.raises(KfTransportError):
        http.post("/kf/account/add", json={"name": "x", "media_id": "m"})
    assert len(seen) == 1
    handler, seen = scripted([httpx.ConnectError("refused")])  # never reached the server
    with raw_client(handler, policy([])) as http:
        http.post("/kf/account/add", json={"name": "x", "media_id": "m"})
    assert len(seen) == 2


def _duplicate() -> httpx.Response:
    return httpx.Response(
        200, json={"errcode": DUPLICATE_MSGID_ERRCODE, "errmsg": "duplicate msgid"}
    )


def test_duplicate_msgid_on_a_retry_means_delivered(caplog: pytest.LogCaptureFixture) -> None:
    handler, seen = scripted([httpx.ReadTimeout("reply lost"), _duplicate()])
    with caplog.at_level(logging.INFO, "wxkefu_ext.retry"), raw_client(handler, policy([])) as http:
        reply = http.post("/kf/send_msg", json={"touser": "u", "msgid": "m-7"})
    assert reply.json() == {"errcode": 0, "errmsg": "ok", "msgid": "m-7"}
    assert len(seen) == 2
    assert any("duplicate msgid" in r.getMessage() for r in caplog.records)


def test_duplicate_msgid_on_the_first_attempt_is_an_error() -> None:
    handler, seen = scripted([_duplicate()])
    with raw_client(handler, policy([])) as http:
        reply = http.post("/kf/send_msg", json={"touser": "u", "msgid": "m-7"})
    assert reply.json()["errcode"] == DUPLICATE_MSGID_ERRCODE and len(seen) == 1


def test_4xx_and_business_errors_are_not_retried() -> None:
    handler, seen = scripted([httpx.Response(404, text="nope"), err(95000)])
    with raw_client(handler, policy([])) as http:
        assert http.get("/kf/account/list").status_code == 404
        assert http.get("/kf/account/list").json()["errcode"] == 95000
    assert len(seen) == 2


def test_policy_validation() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError):
        RetryPolicy(initial_backoff=-1)


@pytest.mark.anyio
async def test_async_transport_retries_with_injected_sleep() -> None:
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    handler, seen = scripted([err(-1), httpx.ConnectError("x")])
    retry = RetryPolicy(jitter=lambda: 1.0, async_sleep=record)
    transport = AsyncRetryTransport(httpx.MockTransport(handler), retry)
    async with httpx.AsyncClient(base_url=BASE, transport=transport) as http:
        assert (await http.post("/kf/account/list", json={})).json()["errcode"] == 0
    assert delays == [0.5, 1.0] and len(seen) == 3


@pytest.mark.anyio
async def test_async_client_raises_system_busy_after_the_policy() -> None:
    async def no_sleep(seconds: float) -> None:
        return None

    handler, seen = scripted([err(-1)] * 5)
    retry = RetryPolicy(max_attempts=2, async_sleep=no_sleep)
    async with AsyncKfClient(
        "ww1",
        "sec",
        base_url=BASE,
        transport=httpx.MockTransport(_with_token(handler)),
        retry=retry,
    ) as kf:
        with pytest.raises(SystemBusyError):
            await kf.request("POST", "/kf/account/list", json={})
    assert len(seen) == 2


def _with_token(handler: Handler) -> Handler:
    """Answer gettoken, pass everything else to ``handler``."""

    def wrapped(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(200, json={"errcode": 0, "access_token": "t", "expires_in": 60})
        return handler(request)

    return wrapped
