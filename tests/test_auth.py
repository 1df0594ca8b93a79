"""KfAuth: token in the query, one refresh-and-replay, msgid before the first send, OA refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.credentials import OfficialAccountCredential
from wxkefu_ext.errors import ConfigurationError, KfApiError, TokenError
from wxkefu_ext.retry import RetryPolicy

BASE = "https://kf.test/cgi-bin"
FAST = RetryPolicy(max_attempts=3, sleep=lambda s: None)


class FakeWeCom:
    """A scripted Kf server: issues tok-1, tok-2, ...; ``reject`` tokens get ``reject_code``."""

    def __init__(self, reject_code: int = 40014) -> None:
        self.gettoken = 0
        self.calls: list[httpx.Request] = []
        self.rejected: set[str] = set()
        self.reject_code = reject_code

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            self.gettoken += 1
            return httpx.Response(
                200,
                json={
                    "errcode": 0,
                    "errmsg": "ok",
                    "access_token": f"tok-{self.gettoken}",
                    "expires_in": 7200,
                },
            )
        # a copy: the auth flow mutates the URL of the same Request object for the replay
        self.calls.append(
            httpx.Request(
                request.method, request.url, headers=request.headers, content=request.content
            )
        )
        if request.url.params.get("access_token") in self.rejected:
            return httpx.Response(
                200, json={"errcode": self.reject_code, "errmsg": "invalid access_token"}
            )
        body = json.loads(request.content) if request.content else {}
        return httpx.Response(200, json={"errcode": 0, "errmsg": "ok", "echo": body})


def make(server: Callable[[httpx.Request], httpx.Response], **kw: Any) -> KfClient:
    return KfClient(
        "wwcorp", "s3cret-value", base_url=BASE, transport=httpx.MockTransport(server), **kw
    )


def test_token_goes_into_the_query_never_a_header_and_is_reused() -> None:
    server = FakeWeCom()
    with make(server) as kf:
        for _ in range(3):
            kf.request("POST", "/kf/account/list", json={})
    assert server.gettoken == 1
    assert [r.url.params["access_token"] for r in server.calls] == ["tok-1"] * 3
    for r in server.calls:
        assert "authorization" not in r.headers
        assert all("tok-" not in v for v in r.headers.values())


@pytest.mark.parametrize("code", [40001, 40014, 42001])
def test_rejected_token_is_refreshed_once_and_the_send_replayed_with_the_same_msgid(
    code: int,
) -> None:
    server = FakeWeCom(reject_code=code)
    with make(server) as kf:
        kf.request("POST", "/kf/account/list", json={})  # caches tok-1
        server.rejected.add("tok-1")
        reply = kf.request(
            "POST", "/kf/send_msg", json={"touser": "u", "msgtype": "text", "text": {}}
        )
    first, replay = server.calls[-2:]
    assert first.url.params["access_token"] == "tok-1"
    assert replay.url.params["access_token"] == "tok-2"
    assert server.gettoken == 2
    first_id = json.loads(first.content)["msgid"]
    assert first_id and len(first_id) <= 32
    assert json.loads(replay.content)["msgid"] == first_id == reply["echo"]["msgid"]


def test_generated_send_gets_a_msgid_from_auth_and_keeps_it_across_the_replay() -> None:
    from wxkefu_client.api.message import send_msg
    from wxkefu_client.models import SendTextMsgReq

    server = FakeWeCom()
    with make(server) as kf:
        kf.access_token()
        server.rejected.add("tok-1")
        body = SendTextMsgReq.from_dict(
            {"touser": "u", "open_kfid": "wk1", "msgtype": "text", "text": {"content": "hi"}}
        )
        send_msg.sync_detailed(client=kf.client, body=body)
    ids = {json.loads(r.content)["msgid"] for r in server.calls}
    assert len(server.calls) == 2 and len(ids) == 1


def test_caller_msgid_is_kept() -> None:
    server = FakeWeCom()
    with make(server) as kf:
        kf.request("POST", "/kf/send_msg_on_event", json={"code": "c", "msgid": "mine-1"})
    assert json.loads(server.calls[0].content)["msgid"] == "mine-1"


def test_no_loop_when_the_fresh_token_is_rejected_too() -> None:
    server = FakeWeCom()

    def always_reject(request: httpx.Request) -> httpx.Response:
        response = server(request)
        if not request.url.path.endswith("/gettoken"):
            return httpx.Response(200, json={"errcode": 42001, "errmsg": "expired"})
        return response

    with make(always_reject) as kf, pytest.raises(TokenError) as caught:
        kf.request("POST", "/kf/account/list", json={})
    assert len(server.calls) == 2  # the original and exactly one replay
    assert server.gettoken == 2
    assert caught.value.errcode == 42001
    assert "tok-" not in str(caught.value) and "s3cret" not in str(caught.value)


def test_other_errcodes_raise_typed_errors_without_refreshing() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(200, json={"errcode": 0, "access_token": "t", "expires_in": 60})
        return httpx.Response(200, json={"errcode": 95000, "errmsg": "invalid open_kfid"})

    with make(handler) as kf, pytest.raises(KfApiError) as caught:
        kf.request("POST", "/kf/account/del", json={"open_kfid": "x"})
    assert caught.value.errcode == 95000


def test_official_account_credential_is_refused_before_any_request() -> None:
    server = FakeWeCom()
    cred = OfficialAccountCredential("wx1234", "oa-secret-value")
    kf = KfClient(credential=cred, base_url=BASE, transport=httpx.MockTransport(server))
    with kf, pytest.raises(ConfigurationError) as caught:
        kf.request("POST", "/kf/account/list", json={})
    assert server.calls == [] and server.gettoken == 0
    text = str(caught.value)
    assert "WeCom" in text and "ww" in text and "oa-secret-value" not in text


def test_official_account_can_still_fetch_its_own_token() -> None:
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200, json={"access_token": "oa-tok", "expires_in": 7200})

    cred = OfficialAccountCredential("wx1234", "oa-secret-value")
    with KfClient(credential=cred, base_url=BASE, transport=httpx.MockTransport(handler)) as kf:
        assert kf.access_token() == "oa-tok"
    assert seen[0].host == "api.weixin.qq.com" and seen[0].path == "/cgi-bin/token"
    assert seen[0].params["grant_type"] == "client_credential"
    assert seen[0].params["appid"] == "wx1234"


def test_media_download_is_not_read_by_the_auth_layer() -> None:
    chunks_served = 0

    class Stream(httpx.SyncByteStream):
        def __iter__(self) -> Any:
            nonlocal chunks_served
            for _ in range(100):
                chunks_served += 1
                yield b"x" * 1024

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(200, json={"errcode": 0, "access_token": "t", "expires_in": 60})
        return httpx.Response(200, headers={"content-type": "image/jpeg"}, stream=Stream())

    with make(handler) as kf, kf.http.stream("GET", "/media/get", params={"media_id": "m"}) as r:
        assert chunks_served == 0  # nothing read yet: the body still streams
        first = next(r.iter_raw())
        assert first
    assert chunks_served < 100


@pytest.mark.anyio
async def test_async_refresh_and_replay() -> None:
    server = FakeWeCom()
    async with AsyncKfClient(
        "wwcorp", "s3cret-value", base_url=BASE, transport=httpx.MockTransport(server)
    ) as kf:
        await kf.access_token()
        server.rejected.add("tok-1")
        reply = await kf.request("POST", "/kf/send_msg", json={"touser": "u"})
    first, replay = server.calls
    assert replay.url.params["access_token"] == "tok-2"
    assert json.loads(first.content)["msgid"] == json.loads(replay.content)["msgid"]
    assert reply["echo"]["msgid"]


@pytest.mark.anyio
async def test_async_generated_call_raises_typed_errors() -> None:
    from wxkefu_client.api.account import account_list
    from wxkefu_client.models import AccountListReq

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(200, json={"errcode": 0, "access_token": "t", "expires_in": 60})
        return httpx.Response(200, json={"errcode": 60020, "errmsg": "not allow to access"})

    async with AsyncKfClient(
        "wwcorp", "s3cret-value", base_url=BASE, transport=httpx.MockTransport(handler)
    ) as kf:
        with pytest.raises(KfApiError) as caught:
            await account_list.asyncio(client=kf.client, body=AccountListReq())
    assert caught.value.errcode == 60020
