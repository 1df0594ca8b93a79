"""Service providers: a suite serving several corps against the emulator, in one process.

The quick-profile twin of tests/processes/test_provider_multiprocess.py: the "processes" are
Provider instances sharing the real Redis (token store + permanent-code store), the instruction
callback is the WSGI endpoint reached through an in-process transport.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from wxkefu_client.models import SessionInfo, SessionInfoAuthType
from wxkefu_ext.callback import CallbackCrypto
from wxkefu_ext.callback.parse import KfMsgOrEvent
from wxkefu_ext.callback.wsgi import WsgiCallbackApp
from wxkefu_ext.client import KfClient
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.emulator.provider import (
    DEFAULT_CUSTOM_SUITE_ID,
    DEFAULT_CUSTOM_SUITE_SECRET,
    DEFAULT_PROVIDER_CORP_ID,
    DEFAULT_PROVIDER_SECRET,
    DEFAULT_SUITE_ID,
    DEFAULT_SUITE_SECRET,
)
from wxkefu_ext.errors import (
    AuthorizationCancelledError,
    ConfigurationError,
    CorpNotAuthorizedError,
    CredentialError,
    KfError,
    PermissionDeniedError,
    SuiteTicketMissingError,
    TokenError,
)
from wxkefu_ext.keygen import generate_encoding_aes_key, generate_token
from wxkefu_ext.provider import (
    Authorization,
    MemoryPermanentCodeStore,
    Provider,
    ProviderCredential,
    RedisPermanentCodeStore,
    SuiteCredential,
)
from wxkefu_ext.provider.callback import (
    CancelAuth,
    SuiteTicket,
    corp_router,
    instruction_wsgi_app,
    parse_instruction,
)
from wxkefu_ext.tokens import MemoryTokenStore, RedisTokenStore, TokenStore

CORPS = ("wwcorpalpha000001", "wwcorpbravo000002", "wwcorpcharlie0003")
CALLBACK_URL = "http://provider.local/suite/receive"


@dataclass
class World:
    emu: Emulator
    endpoint: Provider  # the process that serves the instruction callback
    app: WsgiCallbackApp
    store: TokenStore
    codes: Any
    accounts: dict[str, str]
    customers: dict[str, str]

    def provider(self, **kw: Any) -> Provider:
        """Another "process": its own Provider over the same stores."""
        return make_provider(self.emu, self.store, self.codes, **kw)

    def settle(self) -> None:
        assert self.emu.provider.flush(10)
        assert self.app.drain(10)


def make_provider(
    emu: Emulator, store: TokenStore, codes: Any, *, suite: SuiteCredential | None = None
) -> Provider:
    return Provider(
        suite or SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET),
        provider=ProviderCredential(DEFAULT_PROVIDER_CORP_ID, DEFAULT_PROVIDER_SECRET),
        token_store=store,
        codes=codes,
        base_url=emu.base_url,
        transport=emu.transport(),
        clock=emu.clock.now,
    )


def build_world(store: TokenStore, codes: Any, suite_id: str = DEFAULT_SUITE_ID) -> World:
    emu = Emulator(seed=7)
    secret = DEFAULT_SUITE_SECRET if suite_id == DEFAULT_SUITE_ID else DEFAULT_CUSTOM_SUITE_SECRET
    suite = SuiteCredential(suite_id, secret)
    endpoint = make_provider(emu, store, codes, suite=suite)
    token, key = generate_token(), generate_encoding_aes_key()
    app = instruction_wsgi_app(endpoint, CallbackCrypto(token, key, suite_id, max_age=600))
    emu.provider.set_instruction_callback(
        suite_id, CALLBACK_URL, token=token, encoding_aes_key=key,
        transport=httpx.WSGITransport(app=app),
    )  # fmt: skip
    accounts, customers = {}, {}
    for i, corp_id in enumerate(CORPS):
        corp = emu.provider.add_corp(corp_id, f"企业{i}")
        kfid = corp.create_account(f"客服{i}")
        emu.provider.add_servicer(corp_id, kfid, f"servicer{i}")
        user, _ = corp.customer_enter_session(kfid)
        corp.customer_send(kfid, user, f"你好 {i}")
        accounts[corp_id], customers[corp_id] = kfid, user
        emu.provider.authorize(suite_id, corp_id, state=f"s{i}")
    world = World(emu, endpoint, app, store, codes, accounts, customers)
    world.settle()
    return world


@pytest.fixture
def redis_world(redis_url: str, redis_prefix: str) -> Iterator[World]:
    world = build_world(
        RedisTokenStore(redis_url, prefix=redis_prefix),
        RedisPermanentCodeStore(redis_url, prefix=redis_prefix),
    )
    yield world
    world.app.close()
    world.endpoint.close()
    world.emu.close()


@pytest.fixture
def world() -> Iterator[World]:
    world = build_world(MemoryTokenStore(), MemoryPermanentCodeStore())
    yield world
    world.app.close()
    world.endpoint.close()
    world.emu.close()


def send_text(kf: KfClient, kfid: str, user: str, content: str) -> dict[str, Any]:
    body = {"open_kfid": kfid, "touser": user, "msgtype": "text", "text": {"content": content}}
    return kf.request("POST", "/kf/send_msg", json=body)


# ----------------------------------------------------------------------------- end to end


def test_three_corps_end_to_end_over_shared_redis(redis_world: World) -> None:
    """Install flow, Kf calls per corp from two providers, ticket refresh, one corp token per
    corp per expiry, and a cancelled corp that gets a typed error with nothing sent."""
    w, emu = redis_world, redis_world.emu
    stats = emu.provider.stats
    a, b = w.provider(), w.provider()
    # install flow: create_auth -> permanent codes stored, visible to every provider
    assert sorted(a.corp_ids()) == sorted(CORPS)
    assert b.authorization(CORPS[0]).corp_name == "企业0"
    # Kf calls per corp, each against that corp's own state
    for i, corp_id in enumerate(CORPS):
        for provider in (a, b):
            listed = provider.corp(corp_id).request("POST", "/kf/account/list", json={})
            assert [x["open_kfid"] for x in listed["account_list"]] == [w.accounts[corp_id]]
        send_text(a.corp(corp_id), w.accounts[corp_id], w.customers[corp_id], f"reply {i}")
        delivered = emu.provider.corp(corp_id).delivered()
        assert [d["payload"]["content"] for d in delivered] == [f"reply {i}"]
    # the first corp token came with the permanent code: no get_corp_token yet
    assert sum(stats.corp_token_calls.values()) == 0
    # suite_ticket refresh: 10 minutes later WeCom pushes a new ticket, the endpoint stores it
    first_ticket = a.suite_ticket()
    emu.clock.advance(601)
    assert emu.provider.tick() == 1
    w.settle()
    assert a.suite_ticket() != first_ticket and b.suite_ticket() == a.suite_ticket()
    # tokens expire: every corp fetches exactly one new token, whichever provider asks first
    emu.clock.advance(7200)
    emu.provider.tick()
    w.settle()
    suite_tokens_before = stats.suite_tokens

    def call(provider: Provider, corp_id: str) -> None:
        provider.corp(corp_id).request("POST", "/kf/account/list", json={})

    threads = [
        threading.Thread(target=call, args=(p, c)) for p in (a, b) for c in CORPS for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert {c: stats.corp_token_calls[(DEFAULT_SUITE_ID, c)] for c in CORPS} == dict.fromkeys(
        CORPS, 1
    )
    assert stats.suite_tokens == suite_tokens_before + 1  # with the refreshed ticket
    # cancel: the endpoint drops the corp, both providers stop calling for it at once
    cancelled = CORPS[1]
    requests_before = stats.kf_requests[cancelled]
    emu.provider.cancel_auth(DEFAULT_SUITE_ID, cancelled)
    w.settle()
    for provider in (a, b):
        with pytest.raises(AuthorizationCancelledError) as info:
            send_text(
                provider.corp(cancelled), w.accounts[cancelled], w.customers[cancelled], "late"
            )
        assert info.value.corp_id == cancelled and isinstance(info.value, KfError)
        with pytest.raises(AuthorizationCancelledError):
            provider.corp(cancelled)  # a new client is refused too
    assert stats.kf_requests[cancelled] == requests_before  # nothing was sent for it
    assert stats.after_cancel[cancelled] == 0
    assert [d["payload"]["content"] for d in emu.provider.corp(cancelled).delivered()] == [
        "reply 1"
    ]
    assert sorted(a.corp_ids()) == sorted(set(CORPS) - {cancelled})
    for corp_id in set(CORPS) - {cancelled}:  # the others keep working
        send_text(b.corp(corp_id), w.accounts[corp_id], w.customers[corp_id], "still here")
    a.close()
    b.close()


def test_cancel_before_the_token_expires_drops_the_cached_token(world: World) -> None:
    provider = world.provider()
    corp_id = CORPS[0]
    kf = provider.corp(corp_id)
    kf.request("POST", "/kf/account/list", json={})
    key = provider.suite.corp_key(corp_id)
    assert world.store.get(key) is not None
    world.emu.provider.cancel_auth(DEFAULT_SUITE_ID, corp_id)
    world.settle()
    assert world.store.get(key) is None
    before = world.emu.provider.stats.kf_requests[corp_id]
    with pytest.raises(AuthorizationCancelledError):
        kf.request("POST", "/kf/account/list", json={})
    with pytest.raises(AuthorizationCancelledError):
        provider.corp_access_token(corp_id)
    assert world.emu.provider.stats.kf_requests[corp_id] == before


def test_reinstall_after_cancel_works_again(world: World) -> None:
    provider = world.provider()
    corp_id = CORPS[2]
    world.emu.provider.cancel_auth(DEFAULT_SUITE_ID, corp_id)
    world.settle()
    with pytest.raises(AuthorizationCancelledError):
        provider.corp(corp_id)
    world.emu.provider.authorize(DEFAULT_SUITE_ID, corp_id)
    world.settle()
    listed = provider.corp(corp_id).request("POST", "/kf/account/list", json={})
    assert listed["account_list"][0]["open_kfid"] == world.accounts[corp_id]


# ----------------------------------------------------------------------------- tokens


def test_suite_ticket_expires_after_30_minutes_with_a_typed_error(world: World) -> None:
    provider = world.provider()
    world.emu.provider.set_instruction_callback(DEFAULT_SUITE_ID, None)  # pushes stop
    world.emu.clock.advance(1801)
    with pytest.raises(SuiteTicketMissingError, match="instruction callback"):
        provider.suite_ticket()
    world.emu.clock.advance(7200)  # the suite token expired as well: nothing can be fetched
    with pytest.raises(SuiteTicketMissingError):
        provider.suite_access_token()


def test_an_old_ticket_is_refused_by_the_server_and_by_set_suite_ticket() -> None:
    emu = Emulator()
    provider = make_provider(emu, MemoryTokenStore(), MemoryPermanentCodeStore())
    old = emu.provider.push_suite_ticket(DEFAULT_SUITE_ID)
    assert provider.set_suite_ticket(old, timestamp=emu.clock.now())
    emu.clock.advance(1700)
    newer = emu.provider.push_suite_ticket(DEFAULT_SUITE_ID)
    assert provider.set_suite_ticket(newer, timestamp=emu.clock.now())
    assert not provider.set_suite_ticket(old, timestamp=emu.clock.now() - 1700)  # stale push
    assert provider.suite_ticket() == newer
    emu.clock.advance(200)  # the old one is now 31 minutes old
    provider.store.set(provider.suite.ticket_key, _ticket(old, emu.clock.now()), ttl=60)
    with pytest.raises(CredentialError) as info:
        provider.suite_access_token()
    assert info.value.errcode == 40085 and "instruction" in info.value.hint


def _ticket(value: str, now: float) -> Any:
    from wxkefu_ext.provider.client import _ticket_token

    return _ticket_token(value, now)


def test_rejected_suite_token_is_refreshed_once(world: World) -> None:
    provider = world.provider()
    provider.service.get_pre_auth_code()
    fetched = world.emu.provider.stats.suite_tokens
    for record in world.emu.provider._tokens.values():  # WeCom invalidates it early
        if record.kind == "suite":
            record.revoked = True
    assert provider.service.get_pre_auth_code().expires_in == 1200
    assert world.emu.provider.stats.suite_tokens == fetched + 1


def test_a_suite_token_rejected_twice_raises_token_error() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path.endswith("get_suite_token"):
            return httpx.Response(200, json={"suite_access_token": "T", "expires_in": 7200})
        return httpx.Response(200, json={"errcode": 40082, "errmsg": "invalid suite_token"})

    provider = Provider(SuiteCredential("wwx", "secret-x"), transport=httpx.MockTransport(handler))
    provider.set_suite_ticket("ticket")
    with pytest.raises(TokenError) as info:
        provider.service.get_pre_auth_code()
    assert info.value.errcode == 40082
    assert calls.count("/cgi-bin/service/get_pre_auth_code") == 2  # one replay, no loop


def test_provider_token_and_session_info(world: World) -> None:
    provider = world.provider()
    assert provider.provider_access_token() == provider.provider_access_token()
    assert world.emu.provider.stats.provider_tokens == 1
    code = provider.service.get_pre_auth_code().pre_auth_code
    provider.service.set_session_info(
        pre_auth_code=code, session_info=SessionInfo(auth_type=SessionInfoAuthType.TEST)
    )
    with pytest.raises(CredentialError) as info:
        provider.service.set_session_info(pre_auth_code="PA-unknown", session_info=SessionInfo())
    assert info.value.errcode == 40077


def test_custom_app_tokens_come_from_gettoken_and_survive_a_secret_reset() -> None:
    world = build_world(MemoryTokenStore(), MemoryPermanentCodeStore(), DEFAULT_CUSTOM_SUITE_ID)
    try:
        emu, provider = world.emu, world.endpoint
        assert provider.suite.kind == "custom"
        corp_id = CORPS[0]
        kf = provider.corp(corp_id)
        assert kf.request("POST", "/kf/account/list", json={})["account_list"]
        old = provider.authorization(corp_id).permanent_code
        emu.provider.reset_permanent_code(DEFAULT_CUSTOM_SUITE_ID, corp_id)
        world.settle()
        assert provider.authorization(corp_id).permanent_code != old
        assert provider.corp(corp_id).request("POST", "/kf/account/list", json={})["account_list"]
        assert sum(emu.provider.stats.corp_token_calls.values()) == 0  # never get_corp_token
        assert emu.provider.stats.corp_tokens[(DEFAULT_CUSTOM_SUITE_ID, corp_id)] == 2
    finally:
        world.app.close()
        world.emu.close()


def test_unknown_corp_is_refused_before_sending() -> None:
    emu = Emulator()
    provider = make_provider(emu, MemoryTokenStore(), MemoryPermanentCodeStore())
    with pytest.raises(CorpNotAuthorizedError) as info:
        provider.corp("wwnever")
    assert not isinstance(info.value, AuthorizationCancelledError)
    assert emu.stats.requests == 0


# ----------------------------------------------------------------------------- resource API


def _method(root: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        root = getattr(root, part)
    return root


def test_service_operations_are_generated_resource_methods() -> None:
    """Every provider operation of the spec is a resource method of Provider / AsyncProvider by
    the naming rule (path after /cgi-bin/), plain and raw, with its token kind in the table."""
    import inspect

    from wxkefu_client import _operations as ops
    from wxkefu_ext.provider import AsyncProvider

    suite = SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET)
    sync, asyncp = Provider(suite), AsyncProvider(suite)
    assert len(ops.PROVIDER_OPERATIONS) == 9 and not set(ops.PROVIDER_OPERATIONS) & set(
        ops.OPERATIONS
    )  # the corp client does not get them
    for op in ops.PROVIDER_OPERATIONS.values():
        assert op.name == ".".join(op.path.strip("/").split("/"))
        assert op.security in (None, "SuiteAccessToken", "ProviderAccessToken")
        assert op.auth == (op.security is not None)
        assert callable(_method(sync, op.name)) and callable(
            _method(sync.with_raw_response, op.name)
        )
        assert inspect.iscoroutinefunction(_method(asyncp, op.name))
        assert inspect.iscoroutinefunction(_method(asyncp.with_raw_response, op.name))
    assert (
        ops.GET_SUITE_TOKEN.security is None and ops.GET_CORP_TOKEN.security == "SuiteAccessToken"
    )
    assert ops.TOKEN_PARAMS["SuiteAccessToken"] == "suite_access_token"
    assert "provider.service.get_suite_token" not in dir(KfClient)
    sync.close()


def test_service_calls_carry_the_token_their_security_names(world: World) -> None:
    seen: list[httpx.Request] = []
    inner = world.emu.transport()

    class Spy(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return inner.handle_request(request)

    provider = Provider(
        SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET),
        provider=ProviderCredential(DEFAULT_PROVIDER_CORP_ID, DEFAULT_PROVIDER_SECRET),
        token_store=MemoryTokenStore(), codes=world.codes, base_url=world.emu.base_url,
        transport=Spy(), clock=world.emu.clock.now,
    )  # fmt: skip
    provider.set_suite_ticket(world.endpoint.suite_ticket())
    raw = provider.with_raw_response.service.get_pre_auth_code()
    assert raw.status_code == 200 and raw.parse().pre_auth_code.startswith("PA")
    assert provider.provider_access_token()
    escape = provider.request("GET", "/service/get_pre_auth_code")  # the untyped escape hatch
    assert escape["expires_in"] == 1200 and escape["pre_auth_code"].startswith("PA")
    by_path = {r.url.path.removeprefix("/cgi-bin"): r.url.params for r in seen}
    assert "suite_access_token" in by_path["/service/get_pre_auth_code"]
    assert "access_token" not in by_path["/service/get_pre_auth_code"]
    assert set(by_path["/service/get_suite_token"]) == set()  # credentials in the body only
    assert set(by_path["/service/get_provider_token"]) == set()
    from wxkefu_client import _operations as ops
    from wxkefu_client.resources._base import Call

    with pytest.raises(KfError):  # a corp-token operation is not a provider service call
        provider._call_operation(ops.SYNC_MSG, Call())
    provider.close()


def test_install_with_v2_and_auth_info_v2(world: World) -> None:
    provider, emu = world.provider(), world.emu
    corp_id = CORPS[1]
    code = emu.provider.authorize(DEFAULT_SUITE_ID, corp_id, push=False)
    authorization = provider.install(code, v2=True)
    assert authorization.corp_id == corp_id and authorization.corp_name == "企业1"
    assert authorization.agent_id is None  # v2 does not say
    info = provider.get_auth_info(corp_id, v2=True)
    assert info.auth_corp_info.corpid == corp_id and info.auth_info.agent
    before = emu.provider.stats.corp_token_calls[(DEFAULT_SUITE_ID, corp_id)]
    listed = provider.corp(corp_id).request("POST", "/kf/account/list", json={})
    assert listed["account_list"][0]["open_kfid"] == world.accounts[corp_id]
    # no first token came with the v2 code: the corp token was fetched with get_corp_token
    assert emu.provider.stats.corp_token_calls[(DEFAULT_SUITE_ID, corp_id)] == before + 1


# ----------------------------------------------------------------------------- pool sharing


def test_a_thousand_corps_share_one_connection_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    from wxkefu_ext.deadline import DeadlineTransport

    created: list[object] = []
    for cls in (httpx.HTTPTransport, DeadlineTransport):
        original = cls.__init__

        def counting(self: Any, *args: Any, __original: Any = original, **kwargs: Any) -> None:
            created.append(self)
            __original(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", counting)
    codes = MemoryPermanentCodeStore()
    suite = SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET)
    corp_ids = [f"wwcorp{i:06d}" for i in range(1000)]
    for corp_id in corp_ids:
        codes.save(suite.suite_id, Authorization(corp_id, _secret(f"code-{corp_id}")))
    provider = Provider(suite, codes=codes)
    clients = [provider.corp(c) for c in corp_ids]
    assert len(created) == 1  # the provider's own transport, nothing per corp
    assert all(c._transport.inner is provider._transport for c in clients)  # type: ignore[attr-defined]
    assert len({id(c) for c in clients}) == 1000 and provider.corp(corp_ids[0]) is clients[0]
    provider.close()


def test_corps_reuse_the_same_connections_over_real_http() -> None:
    emu = Emulator(seed=3)
    for corp_id in CORPS:
        emu.provider.add_corp(corp_id).create_account("x")
    store, codes = MemoryTokenStore(), MemoryPermanentCodeStore()
    with emu.serve() as base_url:
        provider = Provider(
            SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET),
            token_store=store, codes=codes, base_url=base_url, clock=emu.clock.now,
        )  # fmt: skip
        provider.set_suite_ticket(emu.provider.push_suite_ticket(DEFAULT_SUITE_ID))
        for corp_id in CORPS:
            provider.install(emu.provider.authorize(DEFAULT_SUITE_ID, corp_id, push=False))
        for _ in range(5):
            for corp_id in CORPS:
                provider.corp(corp_id).request("POST", "/kf/account/list", json={})
        pool = provider._transport._connections  # type: ignore[attr-defined]
        assert len(pool.connections) == 1  # 15 calls for 3 corps, one keep-alive connection
        provider.close()


def _secret(value: str) -> Any:
    from wxkefu_ext._redact import Secret

    return Secret(value)


# ----------------------------------------------------------------------------- id rules


def test_third_party_id_rules_of_the_kf_api(world: World) -> None:
    provider, emu = world.provider(), world.emu
    corp_id = CORPS[0]
    kf = provider.corp(corp_id)
    kfid = world.accounts[corp_id]
    servicers = kf.request("GET", "/kf/servicer/list", params={"open_kfid": kfid})
    assert [s["userid"] for s in servicers["servicer_list"]] == [
        emu.provider.open_userid(corp_id, "servicer0")
    ]
    converted = kf.request(
        "POST", "/batch/userid_to_openuserid", json={"userid_list": ["servicer0", "wo-already"]}
    )
    assert (
        converted["open_userid_list"][0]["open_userid"] == servicers["servicer_list"][0]["userid"]
    )
    assert converted["invalid_userid_list"] == ["wo-already"]
    typed = kf.batch.userid_to_openuserid(userid_list=["servicer0"])  # the resource API too
    assert typed.open_userid_list[0].open_userid == emu.provider.open_userid(corp_id, "servicer0")
    customers = kf.request(
        "POST", "/kf/customer/batchget", json={"external_userid_list": [world.customers[corp_id]]}
    )["customer_list"]
    assert customers and all("unionid" not in c and c["gender"] == 0 for c in customers)
    same = kf.request(
        "POST",
        "/externalcontact/get_new_external_userid",
        json={"external_userid_list": [world.customers[corp_id]]},
    )
    assert same["items"][0]["new_external_userid"] == world.customers[corp_id]
    with pytest.raises(PermissionDeniedError) as info:
        kf.request("POST", "/kf/knowledge/list_group", json={})
    assert info.value.errcode == 48002
    # a self-built app may not convert
    self_built = KfClient(emu.corp_id, emu.corp_secret, base_url=emu.base_url,
                          transport=emu.transport())  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        self_built.request("POST", "/batch/userid_to_openuserid", json={"userid_list": ["a"]})


# ----------------------------------------------------------------------------- callbacks


def test_instruction_parsing() -> None:
    ticket = parse_instruction(
        "<xml><SuiteId><![CDATA[ww1]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType>"
        "<TimeStamp>1403610513</TimeStamp><SuiteTicket><![CDATA[T1]]></SuiteTicket></xml>"
    )
    assert ticket == SuiteTicket("ww1", "T1", 1403610513) and "T1" not in repr(ticket)
    cancel = parse_instruction(
        '{"SuiteId": "ww1", "InfoType": "cancel_auth", "TimeStamp": 1, "AuthCorpId": "wwc"}'
    )
    assert cancel == CancelAuth("ww1", "wwc", 1)
    from wxkefu_ext.callback.errors import ParseError

    with pytest.raises(ParseError):
        parse_instruction("<xml><InfoType>create_auth</InfoType><SuiteId>x</SuiteId></xml>")


def test_instruction_for_another_suite_is_not_applied(world: World) -> None:
    from wxkefu_ext.errors import ConfigurationError
    from wxkefu_ext.provider.callback import InstructionHandler

    handler = InstructionHandler(world.endpoint)
    with pytest.raises(ConfigurationError):
        handler.apply(CancelAuth("wwsomeoneelse", CORPS[0], 1))
    assert CORPS[0] in world.endpoint.corp_ids()


def test_change_auth_refreshes_the_stored_authorisation(world: World) -> None:
    before = world.endpoint.authorization(CORPS[0])
    world.emu.provider.change_auth(DEFAULT_SUITE_ID, CORPS[0])
    world.settle()
    after = world.endpoint.authorization(CORPS[0])
    assert after.permanent_code == before.permanent_code and after.agent_id == before.agent_id


def test_data_callbacks_are_routed_per_corp(world: World) -> None:
    seen: list[str] = []
    routed = corp_router(world.endpoint, lambda event: seen.append(event.to_user_name or ""))

    def event(corp_id: str) -> KfMsgOrEvent:
        return KfMsgOrEvent(to_user_name=corp_id, create_time=1, token="t", open_kfid="wk1")

    for corp_id in (*CORPS, "wwstranger"):
        routed(event(corp_id))
    world.emu.provider.cancel_auth(DEFAULT_SUITE_ID, CORPS[0])
    world.settle()
    routed(event(CORPS[0]))
    assert seen == list(CORPS)


# ----------------------------------------------------------------------------- async twin


@pytest.mark.anyio
async def test_async_provider_install_call_and_cancel() -> None:
    from wxkefu_ext.provider import AsyncProvider
    from wxkefu_ext.provider.callback import AsyncInstructionHandler, parse_instruction_fields

    emu = Emulator(seed=11)
    corp_id = CORPS[0]
    kfid = emu.provider.add_corp(corp_id).create_account("async")
    provider = AsyncProvider(
        SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET),
        base_url=emu.base_url, transport=emu.async_transport(), clock=emu.clock.now,
    )  # fmt: skip
    handler = AsyncInstructionHandler(provider)
    now = emu.clock.now_int()
    ticket = emu.provider.push_suite_ticket(DEFAULT_SUITE_ID)
    fields = {"SuiteId": DEFAULT_SUITE_ID, "InfoType": "suite_ticket", "TimeStamp": str(now)}
    await handler.apply(parse_instruction_fields({**fields, "SuiteTicket": ticket}))
    code = emu.provider.authorize(DEFAULT_SUITE_ID, corp_id, push=False)
    created = {"SuiteId": DEFAULT_SUITE_ID, "InfoType": "create_auth", "TimeStamp": str(now)}
    await handler.apply(parse_instruction_fields({**created, "AuthCode": code}))
    kf = await provider.corp(corp_id)
    listed = await kf.request("POST", "/kf/account/list", json={})
    assert (await provider.service.get_pre_auth_code()).expires_in == 1200  # resource API
    info = await provider.get_auth_info(corp_id, v2=True)
    assert info.auth_corp_info.corpid == corp_id
    assert listed["account_list"][0]["open_kfid"] == kfid
    await provider.cancel(corp_id)
    with pytest.raises(AuthorizationCancelledError):
        await kf.request("POST", "/kf/account/list", json={})
    with pytest.raises(AuthorizationCancelledError):
        await provider.corp(corp_id)
    await provider.aclose()


# ----------------------------------------------------------------------------- stores, secrets


def test_redis_permanent_code_store_roundtrip_and_tombstone(
    redis_url: str, redis_prefix: str
) -> None:
    store = RedisPermanentCodeStore(redis_url, prefix=redis_prefix)
    store.save("ww1", Authorization("wwa", _secret("code-a"), corp_name="A", agent_id=7))
    store.save("ww1", Authorization("wwb", _secret("code-b")))
    got = store.get("ww1", "wwa")
    assert got is not None and got.permanent_code.reveal() == "code-a" and got.agent_id == 7
    store.cancel("ww1", "wwa")
    tomb = store.get("ww1", "wwa")
    assert tomb is not None and tomb.cancelled and not tomb.permanent_code
    assert store.corp_ids("ww1") == ["wwb"] and store.get("ww2", "wwb") is None
    store.redis.set(f"{redis_prefix}perm:ww1:wwc", b"{not json")
    assert store.get("ww1", "wwc") is None  # damaged entry: not authorised, never a wrong code


def test_no_secret_in_reprs_keys_or_errors(world: World) -> None:
    provider = world.provider()
    auth = provider.authorization(CORPS[0])
    code = auth.permanent_code.reveal()
    texts = [repr(provider), repr(provider.suite), repr(auth), repr(provider.provider_credential)]
    texts += [provider.suite.cache_key, provider.suite.corp_key(CORPS[0])]
    bad = make_provider(
        world.emu, MemoryTokenStore(), MemoryPermanentCodeStore(),
        suite=SuiteCredential(DEFAULT_SUITE_ID, "wrong-secret-value-123"),
    )  # fmt: skip
    bad.set_suite_ticket(provider.suite_ticket())
    with pytest.raises(CredentialError) as info:
        bad.suite_access_token()
    texts.append(str(info.value))
    for text in texts:
        for secret in (
            code,
            DEFAULT_SUITE_SECRET,
            "wrong-secret-value-123",
            provider.suite_ticket(),
        ):
            assert secret not in text


def test_credentials_share_one_key_repr_and_check_shape() -> None:
    """Cache keys are shared through Redis with processes running other versions: their form
    ``<kind>:<id>:<sha256(secret)[:16]>`` is a contract, the same for every credential kind."""
    from wxkefu_ext.credentials import OfficialAccountCredential, WeComCredential

    def fp(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()[:16]

    cases: list[tuple[Any, str, str]] = [
        (WeComCredential("ww1", "s1"), f"wecom:ww1:{fp('s1')}",
         "WeComCredential(corp_id='ww1', corp_secret=Secret('***'))"),
        (OfficialAccountCredential("wx1", "s2"), f"oa:wx1:{fp('s2')}",
         "OfficialAccountCredential(appid='wx1', appsecret=Secret('***'))"),
        (SuiteCredential("ww9", "s3"), f"suite:ww9:{fp('s3')}",
         "SuiteCredential(suite_id='ww9', kind='third_party', suite_secret=Secret('***'))"),
        (SuiteCredential("dk9", "s4"), f"suite:dk9:{fp('s4')}",
         "SuiteCredential(suite_id='dk9', kind='custom', suite_secret=Secret('***'))"),
        (ProviderCredential("wwp", "s6"), f"provider:wwp:{fp('s6')}",
         "ProviderCredential(corp_id='wwp', provider_secret=Secret('***'))"),
    ]  # fmt: skip
    for cred, key, text in cases:
        assert (cred.cache_key, repr(cred), str(cred)) == (key, text, text)
        assert cred.secret.fingerprint() == key.rsplit(":", 1)[1]
    assert SuiteCredential("ww8", "s5", kind="custom").kind == "custom"
    assert SuiteCredential("ww9", "s3") == SuiteCredential("ww9", "s3")
    assert SuiteCredential("ww9", "s3") != SuiteCredential("ww9", "other")
    for make, message in [
        (lambda: SuiteCredential("", "x"), "suite_id is empty"),
        (lambda: SuiteCredential("a", " x"), "suite_secret has leading or trailing whitespace"),
        (lambda: SuiteCredential("a", "x", kind="zz"), "kind must be 'third_party' or 'custom'"),  # type: ignore[arg-type]
        (lambda: ProviderCredential(None, "x"), "corp_id must be a string, not NoneType"),  # type: ignore[arg-type]
        (lambda: ProviderCredential("a", ""), "provider_secret is empty"),
    ]:
        with pytest.raises(ConfigurationError, match=re.escape(message)):
            make()


def test_create_auth_before_the_first_ticket_is_kept_not_lost() -> None:
    from wxkefu_ext.provider.callback import CreateAuth, InstructionHandler

    emu = Emulator(seed=5)
    emu.provider.add_corp(CORPS[0]).create_account("x")
    provider = make_provider(emu, MemoryTokenStore(), MemoryPermanentCodeStore())
    handler = InstructionHandler(provider)
    code = emu.provider.authorize(DEFAULT_SUITE_ID, CORPS[0], push=False)
    handler.apply(CreateAuth(DEFAULT_SUITE_ID, code, emu.clock.now_int()))
    assert handler.pending == 1 and provider.corp_ids() == []
    ticket = emu.provider.push_suite_ticket(DEFAULT_SUITE_ID)
    handler.apply(SuiteTicket(DEFAULT_SUITE_ID, ticket, emu.clock.now_int()))
    assert handler.pending == 0 and provider.corp_ids() == [CORPS[0]]


def test_provider_success_replies_conform_to_the_spec() -> None:
    """Every provider.yaml operation succeeds once against the emulator and its reply matches
    the spec's response schema (emulator/spec drift on success; the contract run mostly sees
    refusals)."""
    schemathesis = pytest.importorskip("schemathesis")
    from pathlib import Path

    from starlette.testclient import TestClient

    spec = Path(__file__).resolve().parents[2] / "wxkefu_ext" / "data" / "wxkefu.yaml"
    schema = schemathesis.openapi.from_path(spec)
    emu = Emulator(seed=9)
    corp = emu.provider.add_corp(CORPS[0])
    kfid = corp.create_account("x")
    user, _ = corp.customer_enter_session(kfid)
    client = TestClient(emu.app, base_url="http://kf-emulator.local")
    seen: set[str] = set()

    def call(method: str, path: str, **kw: Any) -> dict[str, Any]:
        r = client.request(method, "/cgi-bin" + path, **kw)
        schema[path][method].validate_response(r)
        payload = r.json()
        assert payload.get("errcode", 0) == 0, (path, payload)
        seen.add(path)
        return dict(payload)

    ticket = emu.provider.push_suite_ticket(DEFAULT_SUITE_ID)
    body = {"suite_id": DEFAULT_SUITE_ID, "suite_secret": DEFAULT_SUITE_SECRET}
    suite = call("POST", "/service/get_suite_token", json={**body, "suite_ticket": ticket})
    assert "errcode" not in suite  # errcode only on failure, as WeCom
    q = {"suite_access_token": suite["suite_access_token"]}
    pre = call("GET", "/service/get_pre_auth_code", params=q)
    session = {"pre_auth_code": pre["pre_auth_code"], "session_info": {"auth_type": 1}}
    call("POST", "/service/set_session_info", params=q, json=session)
    code = emu.provider.authorize(DEFAULT_SUITE_ID, CORPS[0], push=False)
    perm = call("POST", "/service/get_permanent_code", params=q, json={"auth_code": code})
    grant = {"auth_corpid": CORPS[0], "permanent_code": perm["permanent_code"]}
    call("POST", "/service/get_auth_info", params=q, json=grant)
    v2 = call("POST", "/service/v2/get_auth_info", params=q, json=grant)
    assert "corp_ex_name" in v2["auth_corp_info"]
    again = emu.provider.authorize(DEFAULT_SUITE_ID, CORPS[0], push=False)
    fast = call("POST", "/service/v2/get_permanent_code", params=q, json={"auth_code": again})
    assert fast["permanent_code"] == perm["permanent_code"]
    assert "access_token" not in fast and "auth_info" not in fast  # the v2 reply is smaller
    token = call("POST", "/service/get_corp_token", params=q, json=grant)["access_token"]
    provider_body = {"corpid": DEFAULT_PROVIDER_CORP_ID, "provider_secret": DEFAULT_PROVIDER_SECRET}
    call("POST", "/service/get_provider_token", json=provider_body)
    corp_q = {"access_token": token}
    call("POST", "/batch/userid_to_openuserid", params=corp_q, json={"userid_list": ["zhangsan"]})
    call("POST", "/externalcontact/get_new_external_userid", params=corp_q,
         json={"external_userid_list": [user]})  # fmt: skip
    from wxkefu_ext.emulator.validation import operations

    provider_paths = {
        op.path for op in operations().values() if op.path.startswith(("/service/", "/batch/"))
    }
    assert provider_paths | {"/externalcontact/get_new_external_userid"} == seen
    emu.close()


def test_create_auth_racing_the_first_ticket_is_installed_once() -> None:
    """install() fails for lack of a ticket while another delivery stores one: the code is
    kept, the re-check sees the ticket, and the code is installed exactly once."""
    from wxkefu_ext.provider.callback import CreateAuth, InstructionHandler

    emu = Emulator(seed=6)
    emu.provider.add_corp(CORPS[0]).create_account("x")
    provider = make_provider(emu, MemoryTokenStore(), MemoryPermanentCodeStore())
    code = emu.provider.authorize(DEFAULT_SUITE_ID, CORPS[0], push=False)
    real_install, calls = provider.install, []

    def racing_install(auth_code: str, **kw: Any) -> Any:
        calls.append(auth_code)
        if len(calls) == 1:  # the ticket arrives right after this attempt failed
            failure = SuiteTicketMissingError("no ticket yet")
            provider.set_suite_ticket(emu.provider.push_suite_ticket(DEFAULT_SUITE_ID))
            raise failure
        return real_install(auth_code, **kw)

    provider.install = racing_install  # type: ignore[method-assign]
    handler = InstructionHandler(provider)
    handler.apply(CreateAuth(DEFAULT_SUITE_ID, code, emu.clock.now_int()))
    assert handler.pending == 0 and provider.corp_ids() == [CORPS[0]] and calls == [code, code]
