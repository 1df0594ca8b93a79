"""KfClient / AsyncKfClient: configuration, pool sharing, masking, and the emulator round trip."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

import httpx
import pytest

from wxkefu_ext.client import DEFAULT_BASE_URL, AsyncKfClient, KfClient
from wxkefu_ext.errors import ConfigurationError, KfApiError, KfTransportError
from wxkefu_ext.retry import RetryPolicy

from conftest import scaled

if TYPE_CHECKING:
    from wxkefu_ext.emulator import Emulator

SECRET = "corp-secret-9f8e7d6c5b4a"
TOKEN = "access-token-1a2b3c4d5e6f"
BASE = "https://kf.test/cgi-bin"


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/gettoken"):
        return httpx.Response(200, json={"errcode": 0, "access_token": TOKEN, "expires_in": 7200})
    if request.url.path.endswith("/kf/account/del"):
        return httpx.Response(
            200, json={"errcode": 95000, "errmsg": f"invalid open_kfid access_token={TOKEN}"}
        )
    return httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})


def make(**kw: object) -> KfClient:
    return KfClient("wwcorp", SECRET, base_url=BASE, transport=httpx.MockTransport(handler), **kw)  # type: ignore[arg-type]


def test_from_env_reads_the_variables() -> None:
    env = {"WXKF_CORP_ID": "wwenv", "WXKF_APP_SECRET": SECRET, "WXKF_TIMEOUT": "2.5"}
    with KfClient.from_env(env) as kf:
        assert kf.credential.cache_key.startswith("wecom:wwenv:")
        assert kf.base_url == DEFAULT_BASE_URL and kf.timeout.read == 2.5
    env["WXKF_BASE_URL"] = "http://127.0.0.1:9/cgi-bin/"
    with KfClient.from_env(env) as kf:
        assert kf.base_url == "http://127.0.0.1:9/cgi-bin"


def test_from_env_names_every_missing_variable() -> None:
    with pytest.raises(ConfigurationError) as caught:
        KfClient.from_env({})
    assert "WXKF_CORP_ID" in str(caught.value) and "WXKF_APP_SECRET" in str(caught.value)
    for bad in ("x", "0", "-1", "nan", "inf"):
        with pytest.raises(ConfigurationError, match="WXKF_TIMEOUT"):
            KfClient.from_env({"WXKF_CORP_ID": "ww", "WXKF_APP_SECRET": "s", "WXKF_TIMEOUT": bad})


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


def test_secrets_never_in_repr_logs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    kf = make()
    with kf:
        kf.request("POST", "/kf/account/list", json={})
        with pytest.raises(KfApiError) as caught:
            kf.request("POST", "/kf/account/del", json={"open_kfid": "x"})
        texts = [repr(kf), str(kf), repr(kf.credential), repr(kf.tokens), repr(kf.http.auth)]
        texts += [str(caught.value), repr(caught.value), caplog.text]
    for text in texts:
        assert SECRET not in text and TOKEN not in text


def test_with_options_shares_pool_and_tokens() -> None:
    gettoken = 0

    def counting(request: httpx.Request) -> httpx.Response:
        nonlocal gettoken
        gettoken += request.url.path.endswith("/gettoken")
        return handler(request)

    kf = KfClient("ww1", SECRET, base_url=BASE, transport=httpx.MockTransport(counting))
    fast = kf.with_options(timeout=1.0, retry=RetryPolicy(max_attempts=1))
    assert fast.timeout.read == 1.0 and fast.retry.max_attempts == 1
    assert kf.timeout.read == 10.0 and kf.retry.max_attempts == 3
    kf.request("POST", "/kf/account/list", json={})
    fast.request("POST", "/kf/account/list", json={})
    fast.close()
    kf.request("POST", "/kf/account/list", json={})  # the copy's close left the pool open
    kf.close()
    assert gettoken == 1


def test_emulator_round_trip_with_generated_client() -> None:
    from wxkefu_client.api.account import account_list
    from wxkefu_client.models import AccountListReq
    from wxkefu_ext.emulator import Emulator

    emu = Emulator(seed=0)
    try:
        kf = KfClient(
            emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.transport()
        )
        with kf:
            reply = account_list.sync(client=kf.client, body=AccountListReq(offset=0, limit=10))
            assert reply is not None and reply.errcode == 0
            assert kf.request("POST", "/kf/account/list", json={"limit": 10})["errcode"] == 0
            with pytest.raises(KfApiError):
                kf.request("POST", "/kf/send_msg", json={"touser": "u", "open_kfid": "nope",
                                                          "msgtype": "text",
                                                          "text": {"content": "hi"}})  # fmt: skip
    finally:
        emu.close()


@pytest.mark.anyio
async def test_async_client_from_env_and_close() -> None:
    env = {"WXKF_CORP_ID": "wwenv", "WXKF_APP_SECRET": SECRET}
    kf = AsyncKfClient.from_env(env, transport=httpx.MockTransport(handler), base_url=BASE)
    async with kf:
        assert await kf.access_token() == TOKEN
        assert (await kf.request("POST", "/kf/account/list", json={}))["errcode"] == 0
        copy = kf.with_options(timeout=3.0)
        await copy.aclose()
        assert (await kf.request("POST", "/kf/account/list", json={}))["errcode"] == 0
    assert kf.http.is_closed
    assert SECRET not in repr(kf)


# --- against the stateful emulator -----------------------------------------------------------


@pytest.fixture
def emu() -> Iterator[Emulator]:
    from wxkefu_ext.emulator import Emulator

    emulator = Emulator(seed=0)
    yield emulator
    emulator.close()


def _emu_client(emu: Emulator, attempts: int = 4) -> KfClient:
    retry = RetryPolicy(max_attempts=attempts, sleep=lambda s: None)
    return KfClient(
        emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.transport(), retry=retry
    )


def _text(user: str, kfid: str, content: str) -> dict[str, object]:
    return {"touser": user, "open_kfid": kfid, "msgtype": "text", "text": {"content": content}}


def test_emulator_revoked_token_is_refreshed_transparently(emu: Emulator) -> None:
    with _emu_client(emu) as kf:
        kf.request("POST", "/kf/account/list", json={})
        emu.invalidate_tokens()
        assert kf.request("POST", "/kf/account/list", json={})["errcode"] == 0
    assert emu.stats.gettoken_calls == 2


def test_emulator_lost_reply_of_a_send_is_retried_and_delivered_once(emu: Emulator) -> None:
    kfid = emu.create_account("客服")
    user, _ = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, "你好")
    emu.inject_fault("drop", path="/kf/send_msg", processed=True)  # sent, answer lost
    with _emu_client(emu) as kf:
        reply = kf.request("POST", "/kf/send_msg", json=_text(user, kfid, "hi"))
    delivered = emu.delivered(kfid, touser=user)
    assert len(delivered) == 1 and reply["errcode"] == 0
    assert reply["msgid"] == delivered[0]["msgid"]


def test_emulator_random_faults_never_duplicate_a_send(emu: Emulator) -> None:
    kfid = emu.create_account("客服")
    user, _ = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, "你好")
    emu.inject_fault("random", count=None, probability=0.4, path="/kf/send_msg")
    sent = 0
    with _emu_client(emu, attempts=8) as kf:
        for i in range(scaled(4, 5)):  # the 48 h window allows 5 replies per customer message
            try:
                kf.request("POST", "/kf/send_msg", json=_text(user, kfid, f"m{i}"))
                sent += 1
            except (KfApiError, KfTransportError):
                pass
    contents = [d.get("text", {}).get("content") for d in emu.delivered(kfid, touser=user)]
    assert len(contents) == len(set(contents))  # never twice
    assert emu.stats.faults_fired > 0
    assert sent == len(contents) == scaled(4, 5)  # seeded faults: every send got through once
