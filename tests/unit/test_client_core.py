"""The client core end to end: token lifecycle, msgid, retries, credentials, config, secrets.

A scripted fake WeCom (``httpx.MockTransport``) where the exact wire traffic matters (which token,
which msgid, how many gettoken calls, which delays); the emulator where state matters (accounts,
deliveries, revoked tokens, lost replies).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import respx
from fakes import FakeKf, Sleeps

from wxkefu_ext._redact import Secret
from wxkefu_ext.client import DEFAULT_BASE_URL, AsyncKfClient, KfClient
from wxkefu_ext.credentials import OfficialAccountCredential, WeComCredential
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.errors import (
    ConfigurationError,
    CredentialError,
    KfApiError,
    KfError,
    KfTransportError,
    NotFoundError,
    RateLimitError,
    SystemBusyError,
    TokenError,
)
from wxkefu_ext.retry import RetryPolicy, RetryTransport
from wxkefu_ext.tokens import AsyncTokenManager, MemoryTokenStore, TokenManager

CORP_ID = "ww0123456789abcdef"
SECRET = "S3cr3t-kf-secret-0123456789-abcdefghijklmnop"
MSGID_RE = re.compile(r"^[0-9a-zA-Z_-]{1,32}$")
SEND_BODY = {
    "touser": "wmUSER",
    "open_kfid": "wkKFID",
    "msgtype": "text",
    "text": {"content": "hi"},
}


# ---------------------------------------------------------------------------------------------
# The scripted fake WeCom (tests/fakes.py)
# ---------------------------------------------------------------------------------------------


def policy(sleeps: Sleeps, **kw: Any) -> RetryPolicy:
    return RetryPolicy(sleep=sleeps, async_sleep=sleeps.asleep, jitter=lambda: 1.0, **kw)


def make(fake: FakeKf, *, retry: RetryPolicy | None = None, **kw: Any) -> KfClient:
    return KfClient(CORP_ID, SECRET, transport=httpx.MockTransport(fake), retry=retry, **kw)


def amake(fake: FakeKf, *, retry: RetryPolicy | None = None, **kw: Any) -> AsyncKfClient:
    return AsyncKfClient(CORP_ID, SECRET, transport=httpx.MockTransport(fake), retry=retry, **kw)


# ---------------------------------------------------------------------------------------------
# Token lifecycle
# ---------------------------------------------------------------------------------------------


def test_token_is_fetched_once_and_reused_for_many_calls() -> None:
    fake = FakeKf()
    with make(fake) as kf:
        for _ in range(25):
            kf.request("POST", "/kf/account/list", json={})
        assert kf.access_token() == fake.issued[0]
    assert fake.gettoken == 1
    assert {c.token for c in fake.calls} == {fake.issued[0]}
    assert len(fake.calls) == 25


def test_gettoken_carries_corp_id_and_secret_and_nothing_else_does() -> None:
    seen: list[httpx.Request] = []

    def spy(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return fake(request)

    fake = FakeKf()
    with KfClient(CORP_ID, SECRET, transport=httpx.MockTransport(spy)) as kf:
        kf.request("POST", "/kf/account/list", json={})
    token_req, call = seen
    assert token_req.url.path == "/cgi-bin/gettoken"
    assert token_req.url.params["corpid"] == CORP_ID
    assert token_req.url.params["corpsecret"] == SECRET
    assert "access_token" not in token_req.url.params
    assert SECRET not in str(call.url) and SECRET not in call.content.decode()
    assert "authorization" not in call.headers  # the token travels in the query only


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_refresh_ahead_of_expiry_with_injected_clock() -> None:
    clock = FakeClock()
    fetched: list[str] = []

    def fetch() -> tuple[str, float]:
        fetched.append(f"t{len(fetched)}")
        return fetched[-1], 7200

    tm = TokenManager("k", MemoryTokenStore(), fetch, margin=300, clock=clock)
    assert tm.get() == "t0"
    clock.now += 7200 - 301  # just before the refresh point: still cached
    assert tm.get() == "t0"
    assert len(fetched) == 1
    clock.now += 2  # inside the margin, token still valid: refreshed ahead of expiry
    assert tm.get() == "t1"
    assert len(fetched) == 2
    clock.now += 7200 - 301
    assert tm.get() == "t1"
    clock.now += 10_000  # long expired: refreshed, never served
    assert tm.get() == "t2"
    assert tm.fetches == 3


def test_short_lived_token_refreshes_at_four_fifths_of_its_life() -> None:
    clock = FakeClock()
    fetched: list[int] = []

    def fetch() -> tuple[str, float]:
        fetched.append(1)
        return f"t{len(fetched)}", 100

    tm = TokenManager("k", MemoryTokenStore(), fetch, margin=300, clock=clock)
    tm.get()
    clock.now += 79
    tm.get()
    assert len(fetched) == 1
    clock.now += 2
    assert tm.get() == "t2"


async def _async_refresh_ahead() -> list[str]:
    clock = FakeClock()
    fetched: list[str] = []

    async def fetch() -> tuple[str, float]:
        fetched.append(f"t{len(fetched)}")
        return fetched[-1], 7200

    tm = AsyncTokenManager("k", MemoryTokenStore(), fetch, margin=300, clock=clock)
    got = [await tm.get()]
    clock.now += 6899
    got.append(await tm.get())
    clock.now += 2
    got.append(await tm.get())
    return got


def test_async_refresh_ahead_of_expiry() -> None:
    assert asyncio.run(_async_refresh_ahead()) == ["t0", "t0", "t1"]


def test_while_one_thread_refreshes_ahead_others_keep_the_valid_token() -> None:
    clock = FakeClock()
    entered, release = threading.Event(), threading.Event()
    n = itertools.count()

    def fetch() -> tuple[str, float]:
        i = next(n)
        if i == 1:
            entered.set()
            assert release.wait(5)
        return f"t{i}", 7200

    tm = TokenManager("k", MemoryTokenStore(), fetch, margin=300, clock=clock)
    assert tm.get() == "t0"
    clock.now += 7000  # in the margin
    refresher = threading.Thread(target=tm.get)
    refresher.start()
    assert entered.wait(5)
    t0 = time.monotonic()
    assert tm.get() == "t0"  # not blocked behind the refresh
    assert time.monotonic() - t0 < 1
    release.set()
    refresher.join(5)
    assert tm.get() == "t1"


@pytest.mark.parametrize("code", [40001, 40014, 42001])
def test_rejected_token_refreshed_once_and_send_replayed_with_same_msgid(code: int) -> None:
    fake = FakeKf(script={"/kf/send_msg": [code]})
    with make(fake) as kf:
        assert kf.request("POST", "/kf/send_msg", json=SEND_BODY)["errcode"] == 0
    first, replay = fake.paths("/kf/send_msg")
    assert fake.gettoken == 2
    assert first.token == fake.issued[0]
    assert replay.token == fake.issued[1] != fake.issued[0]
    assert MSGID_RE.match(first.body["msgid"])
    assert replay.body == first.body  # same msgid, same message


@pytest.mark.parametrize("code", [40001, 40014, 42001])
def test_rejected_token_refreshed_once_through_the_generated_client(code: int) -> None:
    from wxkefu_client.api.message import send_msg
    from wxkefu_client.models.outgoing_text import OutgoingText
    from wxkefu_client.models.send_text_msg_req import SendTextMsgReq

    fake = FakeKf(script={"/kf/send_msg": [code]})
    body = SendTextMsgReq(touser="wmU", open_kfid="wkK", msgtype="text", text=OutgoingText("hi"))
    with make(fake) as kf:
        resp = send_msg.sync(client=kf.client, body=body)
    assert resp is not None and resp.errcode == 0
    first, replay = fake.paths("/kf/send_msg")
    assert (first.token, replay.token) == (fake.issued[0], fake.issued[1])
    assert MSGID_RE.match(first.body["msgid"]) and replay.body["msgid"] == first.body["msgid"]


def test_resource_calls_follow_a_token_change_and_keep_their_own_parameters() -> None:
    """The client keeps each operation's URL with the token in it (the per-call fast path):
    after a rejected token the replay and every later call carry the new one, and a call with
    query parameters of its own sends them beside the token."""
    seen: list[httpx.URL] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        if request.url.path.endswith("/media/get"):
            return httpx.Response(206, content=b"ab", headers={"content-type": "image/png"})
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok", "account_list": []})

    fake = FakeKf(script={"/kf/account/list": [40014]}, default=reply)
    with make(fake) as kf:
        kf.account.list(limit=10)  # rejected once, refreshed, replayed
        kf.account.list(limit=10)
        kf.media.get(media_id="MID", range_="bytes=0-1")
    lists = fake.paths("/kf/account/list")
    assert [c.token for c in lists] == [fake.issued[0], fake.issued[1], fake.issued[1]]
    got = seen[-1]
    assert got.path == "/cgi-bin/media/get"
    assert dict(got.params) == {"media_id": "MID", "access_token": fake.issued[1]}


@pytest.mark.parametrize("code", [40001, 40014, 42001])
def test_async_rejected_token_refreshed_once_and_replayed(code: int) -> None:
    fake = FakeKf(script={"/kf/send_msg_on_event": [code]})

    async def run() -> dict[str, Any]:
        async with amake(fake) as kf:
            return await kf.request("POST", "/kf/send_msg_on_event", json={"code": "c"})

    assert asyncio.run(run())["errcode"] == 0
    first, replay = fake.paths("/kf/send_msg_on_event")
    assert fake.gettoken == 2
    assert (first.token, replay.token) == (fake.issued[0], fake.issued[1])
    assert replay.body["msgid"] == first.body["msgid"]


def test_fresh_token_rejected_too_raises_token_error_after_exactly_two_gettoken() -> None:
    fake = FakeKf(default=lambda r: 40014)
    with make(fake) as kf, pytest.raises(TokenError) as info:
        kf.request("POST", "/kf/account/list", json={})
    assert fake.gettoken == 2
    assert len(fake.calls) == 2
    assert info.value.errcode == 40014
    assert "not retrying again" in str(info.value)


def test_async_fresh_token_rejected_too_is_bounded() -> None:
    fake = FakeKf(default=lambda r: 42001)

    async def run() -> None:
        async with amake(fake) as kf:
            await kf.request("POST", "/kf/send_msg", json=SEND_BODY)

    with pytest.raises(TokenError):
        asyncio.run(run())
    assert fake.gettoken == 2
    assert len(fake.calls) == 2


def test_generated_client_fresh_token_rejected_too_is_bounded() -> None:
    from wxkefu_client.api.account import account_list
    from wxkefu_client.models.account_list_req import AccountListReq

    fake = FakeKf(default=lambda r: 40001)
    with make(fake) as kf, pytest.raises(TokenError):
        account_list.sync(client=kf.client, body=AccountListReq())
    assert (fake.gettoken, len(fake.calls)) == (2, 2)


def test_next_call_after_a_double_rejection_starts_over_cleanly() -> None:
    fake = FakeKf(script={"/kf/account/list": [40014, 40014, 40014]})
    with make(fake) as kf:
        with pytest.raises(TokenError):
            kf.request("POST", "/kf/account/list", json={})
        # the next call gets its own refresh-once: the still-rejected token is replaced
        assert kf.request("POST", "/kf/account/list", json={})["errcode"] == 0
    assert fake.gettoken == 3
    assert [c.token for c in fake.calls] == [fake.issued[0], *fake.issued[1:2] * 2, fake.issued[2]]


# ---------------------------------------------------------------------------------------------
# msgid on sends
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/kf/send_msg", "/kf/send_msg_on_event"])
def test_msgid_added_to_sends_without_one(path: str) -> None:
    fake = FakeKf()
    with make(fake) as kf:
        kf.request("POST", path, json=dict(SEND_BODY))
        kf.request("POST", path, json={**SEND_BODY, "msgid": ""})
    ids = [c.body["msgid"] for c in fake.paths(path)]
    assert all(MSGID_RE.match(i) for i in ids)
    assert len(set(ids)) == 2


@pytest.mark.parametrize("path", ["/kf/send_msg", "/kf/send_msg_on_event"])
def test_given_msgid_is_kept(path: str) -> None:
    fake = FakeKf()
    with make(fake) as kf:
        kf.request("POST", path, json={**SEND_BODY, "msgid": "mine_1-A"})
    assert fake.paths(path)[0].body["msgid"] == "mine_1-A"


def test_msgid_added_by_the_generated_client_path_and_kept_when_given() -> None:
    from wxkefu_client.api.message import send_msg
    from wxkefu_client.models.outgoing_text import OutgoingText
    from wxkefu_client.models.send_text_msg_req import SendTextMsgReq

    fake = FakeKf()
    text = OutgoingText("hi")
    with make(fake) as kf:
        send_msg.sync(client=kf.client, body=SendTextMsgReq("wmU", "wkK", "text", text))
        send_msg.sync(client=kf.client, body=SendTextMsgReq("wmU", "wkK", "text", text, "given"))
    auto, given = fake.paths("/kf/send_msg")
    assert MSGID_RE.match(auto.body["msgid"])
    assert auto.body["text"] == {"content": "hi"}
    assert given.body["msgid"] == "given"


def test_non_send_paths_get_no_msgid() -> None:
    fake = FakeKf()
    with make(fake) as kf:
        kf.request("POST", "/kf/sync_msg", json={"cursor": "c"})
    assert fake.calls[0].body == {"cursor": "c"}


# ---------------------------------------------------------------------------------------------
# Single flight in one process
# ---------------------------------------------------------------------------------------------


def test_1000_concurrent_async_calls_fetch_the_token_once() -> None:
    fake = FakeKf()

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            await asyncio.sleep(0.05)  # a slow gettoken: everyone is waiting at the same time
        return fake(request)

    async def run() -> list[dict[str, Any]]:
        async with AsyncKfClient(CORP_ID, SECRET, transport=httpx.MockTransport(handler)) as kf:
            return await asyncio.gather(
                *(kf.request("POST", "/kf/account/list", json={}) for _ in range(1000))
            )

    replies = asyncio.run(run())
    assert len(replies) == 1000
    assert fake.gettoken == 1
    assert {c.token for c in fake.calls} == {fake.issued[0]}


def test_16_threads_fetch_the_token_once() -> None:
    fake = FakeKf(token_delay=0.05)
    barrier = threading.Barrier(16)
    errors: list[BaseException] = []
    with make(fake) as kf:

        def work() -> None:
            try:
                barrier.wait(5)
                kf.request("POST", "/kf/account/list", json={})
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
    assert not errors
    assert fake.gettoken == 1
    assert len(fake.calls) == 16


# ---------------------------------------------------------------------------------------------
# Retries
# ---------------------------------------------------------------------------------------------


def _html(status: int, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status,
        text="<html>gateway</html>",
        headers={"content-type": "text/html", **(headers or {})},
    )


TRANSIENT: dict[str, Callable[[], Any]] = {
    "errcode -1": lambda: -1,
    "errcode 45009": lambda: 45009,
    "HTTP 500": lambda: _html(500),
    "HTTP 502": lambda: _html(502),
    "HTTP 503": lambda: _html(503),
    "HTTP 429": lambda: _html(429),
    "connect error": lambda: httpx.ConnectError("refused"),
    "read timeout": lambda: httpx.ReadTimeout("slow"),
}


@pytest.mark.parametrize("kind", list(TRANSIENT))
def test_transient_failures_are_retried_with_capped_exponential_backoff(kind: str) -> None:
    sleeps = Sleeps()
    fake = FakeKf(script={"/kf/account/list": [TRANSIENT[kind]() for _ in range(5)]})
    retry = policy(sleeps, max_attempts=6, initial_backoff=0.5, max_backoff=3.0)
    with make(fake, retry=retry) as kf:
        assert kf.request("POST", "/kf/account/list", json={})["errcode"] == 0
    assert len(fake.paths("/kf/account/list")) == 6
    assert sleeps.delays == [0.5, 1.0, 2.0, 3.0, 3.0]


@pytest.mark.parametrize("kind", ["errcode -1", "errcode 45009", "HTTP 503", "connect error"])
def test_send_with_msgid_is_retried_and_keeps_its_msgid(kind: str) -> None:
    sleeps = Sleeps()
    fake = FakeKf(script={"/kf/send_msg": [TRANSIENT[kind](), TRANSIENT[kind]()]})
    with make(fake, retry=policy(sleeps, max_attempts=3)) as kf:
        kf.request("POST", "/kf/send_msg", json=SEND_BODY)
    attempts = [c.body["msgid"] for c in fake.paths("/kf/send_msg")]
    assert len(attempts) == 3 and len(set(attempts)) == 1


def test_async_retries_use_the_async_sleep() -> None:
    sleeps = Sleeps()
    fake = FakeKf(script={"/kf/account/list": [-1, 45009, _html(502)]})

    async def run() -> dict[str, Any]:
        retry = policy(sleeps, max_attempts=4, initial_backoff=0.25, max_backoff=10)
        async with amake(fake, retry=retry) as kf:
            return await kf.request("POST", "/kf/account/list", json={})

    assert asyncio.run(run())["errcode"] == 0
    assert sleeps.delays == [0.25, 0.5, 1.0]


def test_retry_after_is_honoured_and_capped() -> None:
    sleeps = Sleeps()
    fake = FakeKf(
        script={
            "/kf/account/list": [
                _html(429, {"retry-after": "2.5"}),
                _html(503, {"retry-after": "3600"}),
                _html(503, {"retry-after": "0"}),
            ]
        }
    )
    with make(fake, retry=policy(sleeps, max_attempts=4, initial_backoff=0.5, max_backoff=5)) as kf:
        kf.request("POST", "/kf/account/list", json={})
    # 2.5 > backoff 0.5; 3600 capped at max_backoff; "0" never shortens the backoff (2.0)
    assert sleeps.delays == [2.5, 5.0, 2.0]


def test_default_jitter_stays_within_half_to_full_delay() -> None:
    p = RetryPolicy(initial_backoff=1.0, max_backoff=4.0)
    for attempt, base in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 4.0)]:
        for _ in range(50):
            assert 0.5 * base <= p.delay(attempt) <= base


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("errcode -1", SystemBusyError),
        ("errcode 45009", RateLimitError),
        ("connect error", KfTransportError),
    ],
)
def test_gives_up_after_max_attempts_with_the_last_typed_error(
    kind: str, error: type[KfError]
) -> None:
    sleeps = Sleeps()
    fake = FakeKf(default=lambda r: TRANSIENT[kind]())
    with make(fake, retry=policy(sleeps, max_attempts=3)) as kf, pytest.raises(error) as info:
        kf.request("POST", "/kf/account/list", json={})
    assert len(fake.paths("/kf/account/list")) == 3
    assert sleeps.delays == [0.5, 1.0]
    if isinstance(info.value, KfTransportError):
        assert info.value.attempts == 3
        assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_async_gives_up_with_typed_errors() -> None:
    sleeps = Sleeps()
    fake = FakeKf(default=lambda r: 45009)

    async def run() -> None:
        async with amake(fake, retry=policy(sleeps, max_attempts=2)) as kf:
            await kf.request("POST", "/kf/account/list", json={})

    with pytest.raises(RateLimitError):
        asyncio.run(run())
    assert len(fake.calls) == 2


def test_non_retryable_errcode_is_not_retried() -> None:
    sleeps = Sleeps()
    fake = FakeKf(default=lambda r: 95004)
    with make(fake, retry=policy(sleeps)) as kf, pytest.raises(NotFoundError):
        kf.request("POST", "/kf/account/list", json={})
    assert len(fake.calls) == 1 and sleeps.delays == []


def _raw_send(fake: FakeKf, sleeps: Sleeps, body: dict[str, Any]) -> httpx.Response:
    transport = RetryTransport(httpx.MockTransport(fake), policy(sleeps, max_attempts=5))
    with httpx.Client(transport=transport, base_url=DEFAULT_BASE_URL) as http:
        return http.post("/kf/send_msg", params={"access_token": "t"}, json=body)


@pytest.mark.parametrize("kind", ["errcode -1", "errcode 45009", "HTTP 503", "HTTP 502"])
def test_send_without_msgid_is_not_retried(kind: str) -> None:
    sleeps = Sleeps()
    fake = FakeKf(default=lambda r: TRANSIENT[kind]())
    reply = _raw_send(fake, sleeps, SEND_BODY)
    assert len(fake.calls) == 1 and sleeps.delays == []
    assert reply.status_code >= 500 or reply.json()["errcode"] != 0
    # the same send with a msgid is retried: the only difference is the msgid
    fake.calls.clear()
    _raw_send(fake, sleeps, {**SEND_BODY, "msgid": "m1"})
    assert len(fake.calls) == 5


@pytest.mark.parametrize("kind", ["connect error", "read timeout"])
def test_send_without_msgid_transport_failure_is_not_retried(kind: str) -> None:
    sleeps = Sleeps()
    fake = FakeKf(default=lambda r: TRANSIENT[kind]())
    with pytest.raises(KfTransportError) as info:
        _raw_send(fake, sleeps, SEND_BODY)
    assert len(fake.calls) == 1 and info.value.attempts == 1


def _open_session(emu: Emulator) -> tuple[str, str]:
    kfid = emu.create_account("重试")
    user = emu.customer_enter_session(kfid).external_userid
    emu.customer_send(kfid, user, "hello")
    return kfid, user


def test_send_whose_reply_was_lost_is_retried_and_delivered_exactly_once() -> None:
    emu = Emulator()
    kfid, user = _open_session(emu)
    sleeps = Sleeps()
    emu.inject_fault("drop", processed=True, path="/kf/send_msg")
    body = {"touser": user, "open_kfid": kfid, "msgtype": "text", "text": {"content": "once"}}
    with KfClient(
        emu.corp_id,
        emu.corp_secret,
        base_url=emu.base_url,
        transport=emu.transport(),
        retry=policy(sleeps),
    ) as kf:
        reply = kf.request("POST", "/kf/send_msg", json=body)
    assert reply["errcode"] == 0
    delivered = emu.delivered(kfid)
    assert len(delivered) == 1
    assert delivered[0]["msgid"] == reply["msgid"]
    assert emu.stats.requests_by_op  # the retry really reached the emulator twice
    assert len(sleeps.delays) == 1


def test_async_send_whose_reply_was_lost_is_delivered_exactly_once() -> None:
    emu = Emulator()
    kfid, user = _open_session(emu)
    sleeps = Sleeps()
    emu.inject_fault("drop", processed=True, path="/kf/send_msg")
    body = {
        "touser": user,
        "open_kfid": kfid,
        "msgtype": "text",
        "text": {"content": "once"},
        "msgid": "caller-chosen",
    }

    async def run() -> dict[str, Any]:
        async with AsyncKfClient(
            emu.corp_id,
            emu.corp_secret,
            base_url=emu.base_url,
            transport=emu.async_transport(),
            retry=policy(sleeps),
        ) as kf:
            return await kf.request("POST", "/kf/send_msg", json=body)

    assert asyncio.run(run())["msgid"] == "caller-chosen"
    assert [d["msgid"] for d in emu.delivered(kfid)] == ["caller-chosen"]


def test_duplicate_msgid_on_a_first_attempt_is_an_error_not_a_success() -> None:
    """Only a *retry* rejected as duplicate proves delivery; a caller reusing a msgid is told."""
    emu = Emulator()
    kfid, user = _open_session(emu)
    body = {
        "touser": user,
        "open_kfid": kfid,
        "msgtype": "text",
        "text": {"content": "a"},
        "msgid": "reused",
    }
    with KfClient(
        emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.transport()
    ) as kf:
        kf.request("POST", "/kf/send_msg", json=body)
        with pytest.raises(KfApiError) as info:
            kf.request("POST", "/kf/send_msg", json={**body, "text": {"content": "b"}})
    assert info.value.errcode == 40058
    assert len(emu.delivered(kfid)) == 1


def test_token_revoked_mid_run_is_refreshed_transparently_on_the_emulator() -> None:
    emu = Emulator()
    kfid, user = _open_session(emu)
    with KfClient(
        emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.transport()
    ) as kf:
        old = kf.access_token()
        emu.invalidate_tokens()
        kf.request(
            "POST",
            "/kf/send_msg",
            json={"touser": user, "open_kfid": kfid, "msgtype": "text", "text": {"content": "x"}},
        )
        assert kf.access_token() != old
    assert emu.stats.gettoken_calls == 2
    assert len(emu.delivered(kfid)) == 1


# ---------------------------------------------------------------------------------------------
# Official Account credential
# ---------------------------------------------------------------------------------------------

OA_SECRET = "oa-app-secret-0123456789abcdef"


@respx.mock(assert_all_called=False)
def test_official_account_credential_gets_a_token_but_no_kf_call(respx_mock: respx.Router) -> None:
    from wxkefu_client.api.account import account_list
    from wxkefu_client.models.account_list_req import AccountListReq

    oa = respx_mock.get("https://api.weixin.qq.com/cgi-bin/token").respond(
        json={"access_token": "oa-token-abcdefghijklmnop", "expires_in": 7200}
    )
    wecom = respx_mock.route(host="qyapi.weixin.qq.com").respond(json={"errcode": 0})
    kf = KfClient(credential=OfficialAccountCredential("wx0123456789", OA_SECRET))
    with pytest.raises(ConfigurationError) as info:
        kf.request("POST", "/kf/account/list", json={})
    assert "WeCom" in str(info.value)
    with pytest.raises(ConfigurationError):
        account_list.sync(client=kf.client, body=AccountListReq())
    assert oa.call_count == 0 and wecom.call_count == 0  # refused before any request at all
    assert kf.access_token() == "oa-token-abcdefghijklmnop"
    params = oa.calls.last.request.url.params
    assert (params["grant_type"], params["appid"], params["secret"]) == (
        "client_credential",
        "wx0123456789",
        OA_SECRET,
    )
    with pytest.raises(ConfigurationError):
        kf.request("POST", "/kf/send_msg", json=SEND_BODY)
    assert wecom.call_count == 0 and oa.call_count == 1
    kf.close()


@respx.mock(assert_all_called=False)
async def _async_oa(respx_mock: respx.Router) -> None:
    oa = respx_mock.get("https://api.weixin.qq.com/cgi-bin/token").respond(
        json={"access_token": "oa-token-async-abcdefgh", "expires_in": 7200}
    )
    wecom = respx_mock.route(host="qyapi.weixin.qq.com").respond(json={"errcode": 0})
    async with AsyncKfClient(credential=OfficialAccountCredential("wx1", OA_SECRET)) as kf:
        with pytest.raises(ConfigurationError):
            await kf.request("POST", "/kf/sync_msg", json={})
        assert oa.call_count == 0
        assert await kf.access_token() == "oa-token-async-abcdefgh"
    assert wecom.call_count == 0


def test_async_official_account_credential_is_refused_before_sending() -> None:
    asyncio.run(_async_oa())


@respx.mock
def test_official_account_token_error_is_typed(respx_mock: respx.Router) -> None:
    respx_mock.get("https://api.weixin.qq.com/cgi-bin/token").respond(
        json={"errcode": 40125, "errmsg": f"invalid appsecret {OA_SECRET}"}
    )
    kf = KfClient(credential=OfficialAccountCredential("wx1", OA_SECRET))
    with kf, pytest.raises(KfApiError) as info:
        kf.access_token()
    assert info.value.errcode == 40125
    assert OA_SECRET not in str(info.value) and OA_SECRET not in repr(info.value)


def test_credential_and_corp_pair_are_exclusive_and_validated() -> None:
    with pytest.raises(ConfigurationError):
        KfClient(CORP_ID, SECRET, credential=WeComCredential(CORP_ID, SECRET))
    with pytest.raises(ConfigurationError, match="corp_secret"):
        KfClient(CORP_ID, "  ")
    with pytest.raises(ConfigurationError, match="whitespace"):
        KfClient(CORP_ID, SECRET + "\n")
    with pytest.raises(ConfigurationError):
        KfClient()


# ---------------------------------------------------------------------------------------------
# from_env
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, ["WXKF_CORP_ID", "WXKF_APP_SECRET"]),
        ({"WXKF_CORP_ID": CORP_ID}, ["WXKF_APP_SECRET"]),
        ({"WXKF_APP_SECRET": SECRET}, ["WXKF_CORP_ID"]),
        ({"WXKF_CORP_ID": "", "WXKF_APP_SECRET": SECRET}, ["WXKF_CORP_ID"]),
    ],
)
def test_from_env_names_the_missing_variables(env: dict[str, str], missing: list[str]) -> None:
    with pytest.raises(ConfigurationError) as info:
        KfClient.from_env(env)
    for name in missing:
        assert name in str(info.value)
    assert SECRET not in str(info.value)
    with pytest.raises(ConfigurationError):
        AsyncKfClient.from_env(env)


def test_from_env_defaults_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"WXKF_CORP_ID": CORP_ID, "WXKF_APP_SECRET": SECRET}
    with KfClient.from_env(env) as kf:
        assert kf.base_url == DEFAULT_BASE_URL
        assert kf.timeout.read == 10.0
    env |= {"WXKF_BASE_URL": "http://kf.local:8080/cgi-bin/", "WXKF_TIMEOUT": "2.5"}
    fake = FakeKf()
    with KfClient.from_env(env, transport=httpx.MockTransport(fake)) as kf:
        assert kf.base_url == "http://kf.local:8080/cgi-bin"
        assert kf.timeout.read == kf.timeout.connect == 2.5
        kf.request("POST", "/kf/account/list", json={})
    assert fake.gettoken == 1
    monkeypatch.setenv("WXKF_CORP_ID", "wwFromProcessEnv")
    monkeypatch.setenv("WXKF_APP_SECRET", SECRET)
    monkeypatch.setenv("WXKF_TIMEOUT", "7")
    monkeypatch.delenv("WXKF_BASE_URL", raising=False)
    akf = AsyncKfClient.from_env()
    assert akf.credential.corp_id == "wwFromProcessEnv"  # type: ignore[union-attr]
    assert (akf.base_url, akf.timeout.read) == (DEFAULT_BASE_URL, 7.0)
    asyncio.run(akf.aclose())


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "nan", "inf"])
def test_from_env_rejects_bad_timeouts(bad: str) -> None:
    env = {"WXKF_CORP_ID": CORP_ID, "WXKF_APP_SECRET": SECRET, "WXKF_TIMEOUT": bad}
    with pytest.raises(ConfigurationError, match="WXKF_TIMEOUT"):
        KfClient.from_env(env)


# ---------------------------------------------------------------------------------------------
# The generated client through kf.client, against the emulator
# ---------------------------------------------------------------------------------------------


def test_generated_client_round_trip_on_the_emulator() -> None:
    from wxkefu_client.api.account import account_del, account_list
    from wxkefu_client.models.account_del_req import AccountDelReq
    from wxkefu_client.models.account_list_req import AccountListReq

    emu = Emulator()
    kfid = emu.create_account("售前")
    with KfClient(
        emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.transport()
    ) as kf:
        resp = account_list.sync(client=kf.client, body=AccountListReq(offset=0, limit=10))
        assert resp is not None and resp.errcode == 0
        assert [a.open_kfid for a in resp.account_list] == [kfid]  # type: ignore[union-attr]
        assert [a.name for a in resp.account_list] == ["售前"]  # type: ignore[union-attr]
        with pytest.raises(NotFoundError) as info:  # errcode != 0 from a generated call
            account_del.sync(client=kf.client, body=AccountDelReq(open_kfid="wk" + "0" * 30))
        assert info.value.errcode == 95004
        assert info.value.path == "/cgi-bin/kf/account/del"
    assert emu.stats.gettoken_calls == 1


def test_generated_async_client_round_trip_on_the_emulator() -> None:
    from wxkefu_client.api.account import account_del, account_list
    from wxkefu_client.models.account_del_req import AccountDelReq
    from wxkefu_client.models.account_list_req import AccountListReq

    emu = Emulator()
    kfids = {emu.create_account(f"a{i}") for i in range(3)}

    async def run() -> None:
        async with AsyncKfClient(
            emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.async_transport()
        ) as kf:
            pages = await asyncio.gather(
                *(account_list.asyncio(client=kf.client, body=AccountListReq()) for _ in range(20))
            )
            for page in pages:
                assert page is not None
                assert {a.open_kfid for a in page.account_list} == kfids  # type: ignore[union-attr]
            with pytest.raises(NotFoundError):
                await account_del.asyncio(client=kf.client, body=AccountDelReq(open_kfid="bad"))

    asyncio.run(run())
    assert emu.stats.gettoken_calls == 1


def test_errcode_from_generated_calls_is_typed_on_a_mock() -> None:
    from wxkefu_client.api.account import account_list
    from wxkefu_client.models.account_list_req import AccountListReq

    fake = FakeKf(
        default=lambda r: {
            "errcode": 60020,
            "errmsg": "not allow to access from your "
            "ip, hint: [1700000000_11_abc], from ip: 1.2.3.4",
        }
    )
    with make(fake) as kf, pytest.raises(KfApiError) as info:
        account_list.sync(client=kf.client, body=AccountListReq())
    from wxkefu_ext.errors import IpNotAllowedError

    assert isinstance(info.value, IpNotAllowedError)
    assert info.value.request_id == "1700000000_11_abc"
    assert info.value.from_ip == "1.2.3.4"


def test_wrong_secret_is_a_credential_error_from_gettoken() -> None:
    emu = Emulator()
    with (
        KfClient(
            emu.corp_id,
            "not-the-secret-" + "z" * 20,
            base_url=emu.base_url,
            transport=emu.transport(),
        ) as kf,
        pytest.raises(CredentialError) as info,
    ):
        kf.request("POST", "/kf/account/list", json={})
    assert info.value.errcode == 40001
    assert "z" * 20 not in str(info.value)


# ---------------------------------------------------------------------------------------------
# Secrets: never in logs, reprs or exception text
# ---------------------------------------------------------------------------------------------


def _pieces(secret: str, n: int = 10) -> Iterator[str]:
    """Every n-character slice of ``secret``: a partial leak fails as surely as a whole one."""
    for i in range(len(secret) - n + 1):
        yield secret[i : i + n]


def _assert_clean(texts: list[str], secrets: list[str]) -> None:
    blob = "\n".join(texts)
    for secret in secrets:
        for piece in _pieces(secret):
            assert piece not in blob, f"a piece of a secret leaked: …{piece[:3]}…"


def test_no_secret_or_token_in_logs_reprs_or_exceptions(caplog: pytest.LogCaptureFixture) -> None:
    secret = "EmulatorOnlySecret-9f8e7d6c5b4a-ZYXWVUT"
    corp = "wwSecretsTestCorp01"
    emu = Emulator(credentials={corp: secret})
    kfid, user = _open_session(emu)
    texts: list[str] = []
    sleeps = Sleeps()
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    body = {"touser": user, "open_kfid": kfid, "msgtype": "text", "text": {"content": "x"}}

    def expect_error(fn: Callable[[], object]) -> None:
        try:
            fn()
        except KfError as exc:
            texts.extend([str(exc), repr(exc), repr(exc.args)])
            if exc.__cause__ is not None:
                texts.append(str(exc.__cause__))
        else:
            raise AssertionError("an error was expected")

    store = MemoryTokenStore()
    with KfClient(
        corp,
        secret,
        base_url=emu.base_url,
        transport=emu.transport(),
        token_store=store,
        retry=policy(sleeps),
    ) as kf:
        kf.request("POST", "/kf/send_msg", json=body)
        emu.invalidate_tokens()  # refresh + replay
        kf.request("POST", "/kf/send_msg", json=body)
        emu.inject_fault("errcode", errcode=-1, count=5)
        expect_error(lambda: kf.request("POST", "/kf/account/list", json={}))
        emu.clear_faults()
        emu.inject_fault("drop", count=5)
        expect_error(lambda: kf.request("POST", "/kf/account/list", json={}))
        emu.clear_faults()
        emu.inject_fault("errcode", errcode=40014, count=2)
        expect_error(lambda: kf.request("POST", "/kf/account/list", json={}))
        expect_error(lambda: kf.request("POST", "/kf/account/del", json={"open_kfid": "nope"}))
        tokens = [kf.access_token(), *emu.state.tokens]
        texts += [
            repr(kf),
            str(kf),
            repr(kf.tokens),
            repr(kf.credential),
            repr(store),
            repr(store.get(kf.tokens.key)),
            repr(kf.http.auth),
            repr(kf.client),
            repr(kf.credential.corp_secret),
            kf.tokens.key,
        ]
    # a wrong secret (40001 from gettoken) and an echoing proxy that repeats the request's secrets
    with KfClient(corp, secret[::-1], base_url=emu.base_url, transport=emu.transport()) as bad:
        expect_error(bad.access_token)

    def echo(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(
                200, json={"errcode": 0, "access_token": tokens[0] + "echo", "expires_in": 7200}
            )
        if "account/list" in url:
            return httpx.Response(
                502,
                text=f"<html>bad gateway for {url} "
                f"token {request.url.params['access_token']}</html>",
            )
        return httpx.Response(
            200,
            json={
                "errcode": 40058,
                "errmsg": f"bad request {url}, "
                f"token {request.url.params['access_token']} secret {secret}",
            },
        )

    with KfClient(corp, secret, transport=httpx.MockTransport(echo), retry=policy(sleeps)) as kf2:
        expect_error(lambda: kf2.request("POST", "/kf/account/list", json={}))
        expect_error(lambda: kf2.request("POST", "/kf/sync_msg", json={}))
        texts.append(repr(kf2))
    async_kf = AsyncKfClient(corp, secret, transport=httpx.MockTransport(echo))
    texts += [repr(async_kf), repr(async_kf.tokens), repr(async_kf.http.auth)]
    asyncio.run(async_kf.aclose())
    cred = OfficialAccountCredential("wx1234567890", secret)
    texts += [repr(cred), str(cred), repr(WeComCredential(corp, secret)), repr(Secret(secret))]

    assert len(texts) > 20 and caplog.records
    texts += [r.getMessage() for r in caplog.records]
    texts += [caplog.text]
    _assert_clean(texts, [secret, *tokens, tokens[0] + "echo"])
    assert corp in "\n".join(texts)  # the non-secret corp id stays visible (useful in reports)


def test_lost_reply_then_token_rejection_then_duplicate_is_still_one_delivery() -> None:
    """Attempt 1 is delivered but its reply lost; the retry meets a token rejection; the auth
    layer's replay (with a fresh token) is then rejected as a duplicate msgid. That replay is a
    repeat of the same send, so the duplicate proves delivery: success, delivered once."""
    emu = Emulator()
    kfid, user = _open_session(emu)
    emu.inject_fault("drop", processed=True, path="/kf/send_msg")
    emu.inject_fault("errcode", errcode=40014, path="/kf/send_msg")
    body = {"touser": user, "open_kfid": kfid, "msgtype": "text", "text": {"content": "one"}}
    kf = KfClient(
        emu.corp_id, emu.corp_secret, base_url=emu.base_url,
        transport=emu.transport(), retry=policy(Sleeps()),
    )  # fmt: skip
    with kf:
        reply = kf.request("POST", "/kf/send_msg", json=body)
    assert reply["errcode"] == 0
    assert [d["msgid"] for d in emu.delivered(kfid)] == [reply["msgid"]]


def test_memory_store_and_async_manager_survive_several_event_loops() -> None:
    """One store (and one manager) used from successive ``asyncio.run`` calls, with contention
    in each: asyncio locks are per loop, so the second loop must not hit the first loop's lock."""
    store = MemoryTokenStore()
    fetched: list[str] = []

    async def fetch() -> tuple[str, float]:
        await asyncio.sleep(0.01)
        fetched.append(f"t{len(fetched)}")
        return fetched[-1], 7200

    shared = AsyncTokenManager("k", store, fetch)

    async def run() -> set[str]:
        managers = [shared, *(AsyncTokenManager("k", store, fetch) for _ in range(4))]
        got = await asyncio.gather(*(m.get() for m in managers for _ in range(10)))
        await shared.invalidate(got[0])
        return set(got)

    assert asyncio.run(run()) == {"t0"}
    assert asyncio.run(run()) == {"t1"}
    assert fetched == ["t0", "t1"]


# ---------------------------------------------------------------------------------------------
# Configuration, sharing and the auth layer (formerly only in test_client.py, test_auth.py)
# ---------------------------------------------------------------------------------------------


def test_from_env_uses_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WXKF_CORP_ID", "wwos")
    monkeypatch.setenv("WXKF_APP_SECRET", SECRET)
    monkeypatch.delenv("WXKF_BASE_URL", raising=False)
    with KfClient.from_env() as kf:
        assert "wwos" in repr(kf)


def test_bad_configuration_is_reported_before_sending() -> None:
    with pytest.raises(ConfigurationError, match="corp_secret is empty"):
        KfClient("ww1", "")
    with pytest.raises(ConfigurationError, match="required"):
        KfClient("ww1")


def test_with_options_shares_pool_and_tokens() -> None:
    fake = FakeKf()
    kf = make(fake)
    fast = kf.with_options(timeout=1.0, retry=RetryPolicy(max_attempts=1))
    assert fast.timeout.read == 1.0 and fast.retry.max_attempts == 1
    assert kf.timeout.read == 10.0 and kf.retry.max_attempts == 3
    kf.request("POST", "/kf/account/list", json={})
    fast.request("POST", "/kf/account/list", json={})
    fast.close()
    kf.request("POST", "/kf/account/list", json={})  # the copy's close left the pool open
    kf.close()
    assert fake.gettoken == 1


@pytest.mark.anyio
async def test_async_client_from_env_and_close() -> None:
    fake = FakeKf()
    env = {"WXKF_CORP_ID": "wwenv", "WXKF_APP_SECRET": SECRET}
    kf = AsyncKfClient.from_env(env, transport=httpx.MockTransport(fake))
    async with kf:
        assert await kf.access_token() == fake.issued[0]
        assert (await kf.request("POST", "/kf/account/list", json={}))["errcode"] == 0
        copy = kf.with_options(timeout=3.0)
        await copy.aclose()
        assert (await kf.request("POST", "/kf/account/list", json={}))["errcode"] == 0
    assert kf.http.is_closed
    assert SECRET not in repr(kf)


def test_token_goes_into_the_query_never_a_header_and_is_reused() -> None:
    seen: list[httpx.Headers] = []
    fake = FakeKf(default=lambda request: seen.append(request.headers))
    with make(fake) as kf:
        for _ in range(3):
            kf.request("POST", "/kf/account/list", json={})
    assert fake.gettoken == 1
    assert [c.token for c in fake.calls] == [fake.issued[0]] * 3
    for headers in seen:
        assert "authorization" not in headers
        assert all("tok-" not in v for v in headers.values())


def test_other_errcodes_raise_typed_errors_without_refreshing() -> None:
    fake = FakeKf(script={"/kf/account/del": [95000]})
    with make(fake) as kf, pytest.raises(NotFoundError) as caught:
        kf.request("POST", "/kf/account/del", json={"open_kfid": "x"})
    assert caught.value.errcode == 95000 and fake.gettoken == 1


def test_media_download_is_not_read_by_the_auth_layer() -> None:
    chunks_served = 0

    class Stream(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            nonlocal chunks_served
            for _ in range(100):
                chunks_served += 1
                yield b"x" * 1024

    def media(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "image/jpeg"}, stream=Stream())

    fake = FakeKf(default=media)
    with make(fake) as kf, kf.http.stream("GET", "/media/get", params={"media_id": "m"}) as r:
        assert chunks_served == 0  # nothing read yet: the body still streams
        assert next(r.iter_raw())
    assert chunks_served < 100


# ---------------------------------------------------------------------------------------------
# The retry transport on its own (formerly only in test_retry.py)
# ---------------------------------------------------------------------------------------------


def raw_client(fake: FakeKf, retry: RetryPolicy) -> httpx.Client:
    """The retry transport without the client: what it does with the raw replies."""
    return httpx.Client(
        base_url=DEFAULT_BASE_URL, transport=RetryTransport(httpx.MockTransport(fake), retry)
    )


def recorded(sleeps: Sleeps, attempts: int = 4) -> RetryPolicy:
    return policy(sleeps, max_attempts=attempts, initial_backoff=0.5, max_backoff=8.0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2", 2.0), ("0", 0.5), ("-5", 0.5), ("nan", 0.5), ("soon", 0.5), ("7200", 8.0)],
)
def test_retry_after_values_are_parsed_defensively(value: str, expected: float) -> None:
    sleeps = Sleeps()
    busy = httpx.Response(503, headers={"retry-after": value}, text="x")
    with raw_client(FakeKf(script={"/kf/account/list": [busy]}), recorded(sleeps)) as http:
        http.get("/kf/account/list")
    assert sleeps.delays == [expected]


def test_retry_after_http_date_is_honoured() -> None:
    import email.utils

    sleeps = Sleeps()
    when = email.utils.formatdate(time.time() + 4, usegmt=True)
    busy = httpx.Response(503, headers={"retry-after": when}, text="x")
    with raw_client(FakeKf(script={"/kf/account/list": [busy]}), recorded(sleeps)) as http:
        http.get("/kf/account/list")
    assert len(sleeps.delays) == 1 and 2.0 <= sleeps.delays[0] <= 4.5


def test_creating_calls_are_not_repeated_after_an_ambiguous_failure() -> None:
    body = {"name": "x", "media_id": "m"}
    fake = FakeKf(script={"/kf/account/add": [httpx.ReadTimeout("lost")]})
    with raw_client(fake, recorded(Sleeps())) as http, pytest.raises(KfTransportError):
        http.post("/kf/account/add", json=body)
    assert len(fake.paths("/kf/account/add")) == 1
    fake = FakeKf(script={"/kf/account/add": [httpx.ConnectError("refused")]})  # never reached
    with raw_client(fake, recorded(Sleeps())) as http:
        http.post("/kf/account/add", json=body)
    assert len(fake.paths("/kf/account/add")) == 2


def test_duplicate_msgid_on_a_retry_means_delivered(caplog: pytest.LogCaptureFixture) -> None:
    from wxkefu_ext.retry import DUPLICATE_MSGID_ERRCODE

    duplicate = {"errcode": DUPLICATE_MSGID_ERRCODE, "errmsg": "duplicate msgid"}
    fake = FakeKf(script={"/kf/send_msg": [httpx.ReadTimeout("reply lost"), duplicate]})
    with (
        caplog.at_level(logging.INFO, "wxkefu_ext.retry"),
        raw_client(fake, recorded(Sleeps())) as http,
    ):
        reply = http.post("/kf/send_msg", json={"touser": "u", "msgid": "m-7"})
    assert reply.json() == {"errcode": 0, "errmsg": "ok", "msgid": "m-7"}
    assert len(fake.paths("/kf/send_msg")) == 2
    assert any("duplicate msgid" in r.getMessage() for r in caplog.records)


def test_exhausted_transport_errors_become_kf_transport_error_without_secrets() -> None:
    refused = httpx.ConnectError("refused access_token=SECRETTOKEN")
    fake = FakeKf(script={"/kf/account/list": [refused] * 5})
    with (
        raw_client(fake, recorded(Sleeps(), attempts=2)) as http,
        pytest.raises(KfTransportError) as caught,
    ):
        http.get("/kf/account/list", params={"access_token": "SECRETTOKEN"})
    assert caught.value.attempts == 2 and len(fake.calls) == 2
    assert "SECRETTOKEN" not in str(caught.value)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_policy_validation() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError):
        RetryPolicy(initial_backoff=-1)
