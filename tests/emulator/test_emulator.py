"""The emulator's behaviour: tokens on its clock, validation, every business rule with its
official errcode, sync_msg cursors, media ranges, callbacks, faults, the control API."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

import httpx
import pytest
from emulator_api import Api

from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, Emulator

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4


def text(kfid: str, user: str, content: str = "hi", **extra: Any) -> dict[str, Any]:
    return {
        "open_kfid": kfid,
        "touser": user,
        "msgtype": "text",
        "text": {"content": content},
        **extra,
    }


def code(reply: dict[str, Any]) -> int:
    return int(reply["errcode"])


# ------------------------------------------------------------------------------ tokens


def test_gettoken_errors_and_token_lifecycle_on_the_clock(emu: Emulator, api: Api) -> None:
    def gettoken(**q: str) -> dict[str, Any]:
        return dict(api.http.get("/gettoken", params=q).json())

    assert code(gettoken(corpid="ww-nope", corpsecret="x")) == 40013
    assert code(gettoken(corpid=DEFAULT_CORP_ID, corpsecret="wrong")) == 40001
    assert code(gettoken(corpsecret="x")) == 41002
    assert code(gettoken(corpid=DEFAULT_CORP_ID)) == 41004
    ok = gettoken(corpid=DEFAULT_CORP_ID, corpsecret=DEFAULT_CORP_SECRET)
    # Same token while valid; expires_in counts down on the real clock (a slow first request
    # under load may cross a second, so allow one).
    assert 7199 <= ok["expires_in"] <= 7200 and ok["access_token"] == api.token
    assert code(api.post("/kf/account/list", {})) == 0
    assert code(dict(api.http.post("/kf/account/list", json={}).json())) == 41001
    emu.clock.advance(7201)
    assert code(api.post("/kf/account/list", {})) == 42001
    fresh = gettoken(corpid=DEFAULT_CORP_ID, corpsecret=DEFAULT_CORP_SECRET)
    assert fresh["access_token"] != api.token
    api.token = fresh["access_token"]
    assert emu.invalidate_tokens() >= 1
    assert code(api.post("/kf/account/list", {})) == 40014
    assert emu.stats.gettoken_calls == 6


# ------------------------------------------------------------------------------ validation


def test_invalid_json_schema_violations_and_unknown_paths(api: Api) -> None:
    r = api.http.post("/kf/sync_msg", params={"access_token": api.token}, content=b"{oops")
    assert r.status_code == 200 and r.json()["errcode"] == 47001
    assert "Warning: wrong json format." in r.json()["errmsg"]
    kfid = api.emu.create_account()
    bad = api.post("/kf/sync_msg", {"open_kfid": kfid, "limit": 1001})
    assert code(bad) == 40058 and "limit" in bad["errmsg"]
    missing = api.post(
        "/kf/send_msg", {"open_kfid": kfid, "touser": "wm1", "msgtype": "text", "text": {}}
    )
    assert code(missing) == 40058 and "text.content" in missing["errmsg"]
    assert (
        code(api.post("/kf/send_msg", {"open_kfid": kfid, "touser": "wm1", "msgtype": "nope"}))
        == 40008
    )
    r = api.http.post("/kf/no_such_api", params={"access_token": api.token}, json={})
    assert r.status_code == 404 and r.json()["errcode"] != 0 and "errmsg" in r.json()
    r = api.http.put("/kf/sync_msg", params={"access_token": api.token}, json={})
    assert r.status_code == 405 and "POST" in r.headers["allow"]


@pytest.mark.parametrize(
    "body", [b"", b"null", b"[]", b"1", b'"x"', b"\xff\xfe", b'{"a":', b"{}" * 3]
)
def test_junk_bodies_never_give_a_5xx(api: Api, body: bytes) -> None:
    from wxkefu_ext.emulator.validation import operations

    for (method, path), _op in operations().items():
        r = api.http.request(method, path, params={"access_token": api.token}, content=body)
        assert r.status_code < 500, (method, path, r.text)
        if r.headers.get("content-type", "").startswith("application/json"):
            assert "errcode" in r.json() and "errmsg" in r.json()


# ------------------------------------------------------------------------------ accounts


def test_accounts_media_check_paging_and_unknown_ids(api: Api) -> None:
    assert code(api.post("/kf/account/add", {"name": "a", "media_id": "nope"})) == 40007
    avatar = api.upload("image", JPEG, "a.jpg")
    ids = [
        api.post("/kf/account/add", {"name": f"n{i}", "media_id": avatar})["open_kfid"]
        for i in range(5)
    ]
    page = api.post("/kf/account/list", {"offset": 3, "limit": 100})["account_list"]
    assert [a["open_kfid"] for a in page] == ids[3:]
    assert code(api.post("/kf/account/del", {"open_kfid": ids[0]})) == 0
    assert code(api.post("/kf/account/del", {"open_kfid": ids[0]})) == 95004
    assert code(api.post("/kf/account/update", {"open_kfid": "bogus"})) == 95000
    assert api.post("/kf/add_contact_way", {"open_kfid": ids[1], "scene": "s1"})["url"].startswith(
        "https://"
    )


# ------------------------------------------------------------------------------ sessions


def _session_in(emu: Emulator, api: Api, state: int) -> tuple[str, str]:
    kfid = emu.create_account()
    emu.add_servicer(kfid, "alice")
    user, _ = emu.customer_enter_session(kfid)
    if state == 4:
        return kfid, user
    emu.customer_send(kfid, user, "hello")
    body = {"open_kfid": kfid, "external_userid": user}
    path = {0: [], 1: [1], 2: [2], 3: [3]}[state]
    for target in path:
        extra = {"servicer_userid": "alice"} if target == 3 else {}
        assert (
            code(api.post("/kf/service_state/trans", {**body, "service_state": target, **extra}))
            == 0
        )
    assert api.post("/kf/service_state/get", body)["service_state"] == state
    return kfid, user


ALLOWED = {0: {1, 2, 3}, 1: {2, 3}, 2: {3}, 3: {3, 4}, 4: set()}


@pytest.mark.parametrize("start", [0, 1, 2, 3, 4])
def test_service_state_transition_matrix(emu: Emulator, api: Api, start: int) -> None:
    for target in (1, 2, 3, 4):
        kfid, user = _session_in(emu, api, start)
        extra = {"servicer_userid": "alice"} if target == 3 else {}
        body = {"open_kfid": kfid, "external_userid": user, "service_state": target, **extra}
        reply = api.post("/kf/service_state/trans", body)
        assert code(reply) == (0 if target in ALLOWED[start] else 95016), (start, target)
        if code(reply) == 0:
            assert ("msg_code" in reply) == (target in (2, 3, 4) and target != start)


def test_trans_servicer_rules(emu: Emulator, api: Api) -> None:
    kfid, user = _session_in(emu, api, 0)
    body = {"open_kfid": kfid, "external_userid": user, "service_state": 3}
    assert code(api.post("/kf/service_state/trans", {**body, "servicer_userid": "bob"})) == 95014
    emu.add_servicer(kfid, "carol", status=1, stop_type=1)
    assert code(api.post("/kf/service_state/trans", {**body, "servicer_userid": "carol"})) == 95019
    listed = api.get("/kf/servicer/list", open_kfid=kfid).json()["servicer_list"]
    assert {"userid": "carol", "status": 1, "stop_type": 1} in listed
    unknown = {"open_kfid": kfid, "external_userid": "wmUNKNOWN"}
    assert code(api.post("/kf/service_state/get", unknown)) == 40096


# ------------------------------------------------------------------------------ sending


def test_send_window_count_state_and_duplicates(emu: Emulator, api: Api) -> None:
    kfid = emu.create_account()
    user, _ = emu.customer_enter_session(kfid)
    assert code(api.post("/kf/send_msg", text(kfid, user))) == 95018  # never wrote: state 4
    emu.customer_send(kfid, user, "q1")
    for i in range(5):
        assert code(api.post("/kf/send_msg", text(kfid, user, f"a{i}", msgid=f"m{i}"))) == 0
    assert code(api.post("/kf/send_msg", text(kfid, user, "sixth"))) == 95001
    dup = api.post("/kf/send_msg", text(kfid, user, "again", msgid="m4"))
    assert code(dup) == 40058 and "msgid" in dup["errmsg"] and "duplicated" in dup["errmsg"]
    emu.customer_send(kfid, user, "q2")  # a new allowance
    assert code(api.post("/kf/send_msg", text(kfid, user))) == 0
    emu.clock.advance(48 * 3600 + 1)
    api.token = emu.issue_token()
    assert code(api.post("/kf/send_msg", text(kfid, user))) == 95002
    assert len(emu.delivered(kfid)) == 6 and emu.stats.deliveries == 6
    emu.customer_send(kfid, user, "q3")
    body = {"open_kfid": kfid, "external_userid": user, "service_state": 2}
    assert code(api.post("/kf/service_state/trans", body)) == 0
    assert code(api.post("/kf/send_msg", text(kfid, user))) == 95018  # pool: not 0/1
    assert code(api.post("/kf/send_msg", text(kfid, "wmNOBODY"))) == 40096
    assert code(api.post("/kf/send_msg", text("wkNOSUCHACCOUNT", user))) == 95004


def test_media_must_exist_for_sends(emu: Emulator, api: Api) -> None:
    kfid = emu.create_account()
    user, _ = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, "hi")
    image = {
        "open_kfid": kfid,
        "touser": user,
        "msgtype": "image",
        "image": {"media_id": "missing"},
    }
    assert code(api.post("/kf/send_msg", image)) == 40007
    image["image"] = {"media_id": api.upload("image", JPEG)}
    assert code(api.post("/kf/send_msg", image)) == 0


def test_recall_only_api_messages_within_two_minutes(emu: Emulator, api: Api) -> None:
    kfid = emu.create_account()
    user, _ = emu.customer_enter_session(kfid)
    customer_msgid = emu.customer_send(kfid, user, "hi")
    first = api.post("/kf/send_msg", text(kfid, user))["msgid"]
    second = api.post("/kf/send_msg", text(kfid, user))["msgid"]
    assert code(api.post("/kf/recall_msg", {"open_kfid": kfid, "msgid": customer_msgid})) == 95028
    assert code(api.post("/kf/recall_msg", {"open_kfid": kfid, "msgid": first})) == 0
    assert code(api.post("/kf/recall_msg", {"open_kfid": kfid, "msgid": first})) == 95028
    emu.clock.advance(121)
    assert code(api.post("/kf/recall_msg", {"open_kfid": kfid, "msgid": second})) == 95029
    assert [d["recalled"] for d in emu.delivered(kfid)] == [True, False]


def test_welcome_code_single_use_20_seconds_text_or_menu(emu: Emulator, api: Api) -> None:
    kfid = emu.create_account()
    user, welcome = emu.customer_enter_session(kfid)
    assert welcome
    image = {"code": welcome, "msgtype": "image", "image": {"media_id": "m"}}
    assert code(api.post("/kf/send_msg_on_event", image)) == 40008  # oneOf: text | msgmenu only
    ok = {"code": welcome, "msgtype": "text", "text": {"content": "welcome"}, "msgid": "w1"}
    assert code(api.post("/kf/send_msg_on_event", ok)) == 0
    assert code(api.post("/kf/send_msg_on_event", {**ok, "msgid": "w2"})) == 41050  # used
    assert "msgid" in api.post("/kf/send_msg_on_event", ok)["errmsg"]  # a retry that landed
    _user2, again = emu.customer_enter_session(kfid, user)
    assert again is None  # welcomed within 48 h
    _, late = emu.customer_enter_session(kfid)
    assert late is not None
    emu.clock.advance(21)
    late_body = {"code": late, "msgtype": "text", "text": {"content": "x"}}
    assert code(api.post("/kf/send_msg_on_event", late_body)) == 42003
    assert [d["touser"] for d in emu.delivered(kfid)] == [user]


def test_msg_code_bound_to_its_state(emu: Emulator, api: Api) -> None:
    kfid, user = _session_in(emu, api, 0)
    body = {"open_kfid": kfid, "external_userid": user}
    pool_code = api.post("/kf/service_state/trans", {**body, "service_state": 2})["msg_code"]
    emu.add_servicer(kfid, "alice")
    api.post("/kf/service_state/trans", {**body, "service_state": 3, "servicer_userid": "alice"})
    msg = {"code": pool_code, "msgtype": "text", "text": {"content": "queued"}}
    assert code(api.post("/kf/send_msg_on_event", msg)) == 95018  # left state 2


# ------------------------------------------------------------------------------ sync_msg


def test_sync_msg_cursor_limit_has_more_and_replay(emu: Emulator, api: Api) -> None:
    kfid = emu.create_account()
    sent = emu.customer_send_many(kfid, 25)
    got: list[str] = []
    cursors: list[str] = []
    body: dict[str, Any] = {"open_kfid": kfid, "limit": 10}
    while True:
        page = api.post("/kf/sync_msg", body)
        got += [m["msgid"] for m in page["msg_list"]]
        cursors.append(page["next_cursor"])
        body["cursor"] = page["next_cursor"]
        if not page["has_more"]:
            break
    assert got == sent and len(cursors) == len(set(cursors)) == 3
    replay = api.post("/kf/sync_msg", {"open_kfid": kfid, "limit": 10, "cursor": cursors[0]})
    assert [m["msgid"] for m in replay["msg_list"]] == sent[10:20]  # re-reading is idempotent
    tail = api.post("/kf/sync_msg", {"open_kfid": kfid, "cursor": cursors[-1]})
    assert tail["msg_list"] == [] and tail["has_more"] == 0
    other = emu.create_account()
    assert code(api.post("/kf/sync_msg", {"open_kfid": other, "cursor": cursors[0]})) == 50100
    assert code(api.post("/kf/sync_msg", {"open_kfid": kfid, "cursor": "garbage"})) == 50100


def test_sync_msg_three_day_window(emu: Emulator, api: Api) -> None:
    kfid = emu.create_account()
    old = emu.customer_send_many(kfid, 3)
    emu.clock.advance(2 * 86400)
    new = emu.customer_send_many(kfid, 2)
    emu.clock.advance(86400 + 1)
    api.token = emu.issue_token()
    page = api.post("/kf/sync_msg", {"open_kfid": kfid})
    assert [m["msgid"] for m in page["msg_list"]] == new and not set(old) & {
        m["msgid"] for m in page["msg_list"]
    }


def test_sync_token_from_callback_valid_ten_minutes(emu: Emulator, api: Api) -> None:
    from wxkefu_ext import keygen
    from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent

    received: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(200, text="success")

    token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
    emu.set_callback(
        "https://bot.example/cb",
        token=token,
        encoding_aes_key=key,
        transport=httpx.MockTransport(handler),
    )
    kfid = emu.create_account()
    user, _ = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, "hi")
    assert emu.flush_callbacks(5)
    assert len(received) == 2 and emu.stats.callbacks_sent == 2
    crypto = CallbackCrypto(token, key, emu.corp_id, max_age=300)
    events = []
    for req in received:
        q = req.url.params
        events.append(
            crypto.handle_post(q["msg_signature"], q["timestamp"], q["nonce"], req.content)
        )
    assert all(isinstance(e, KfMsgOrEvent) and e.open_kfid == kfid for e in events)
    sync_token = events[-1].token  # type: ignore[union-attr]
    assert code(api.post("/kf/sync_msg", {"open_kfid": kfid, "token": sync_token})) == 0
    assert code(api.post("/kf/sync_msg", {"open_kfid": kfid, "token": "forged"})) == 95007
    other = emu.create_account()
    assert code(api.post("/kf/sync_msg", {"open_kfid": other, "token": sync_token})) == 95007
    emu.clock.advance(601)
    assert code(api.post("/kf/sync_msg", {"open_kfid": kfid, "token": sync_token})) == 95007
    assert all(d.ok for d in emu.callback_log)


def test_failing_callback_receiver_is_retried_and_counted(emu: Emulator) -> None:
    from wxkefu_ext import keygen

    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(500)

    emu.set_callback(
        "https://bot.example/cb",
        token=keygen.generate_token(),
        encoding_aes_key=keygen.generate_encoding_aes_key(),
        transport=httpx.MockTransport(handler),
    )
    emu.customer_send(emu.create_account(), "wmX", "hi")
    assert emu.flush_callbacks(5)
    assert len(calls) == 3 and emu.stats.callbacks_failed == 1 and not emu.callback_log[0].ok


# ------------------------------------------------------------------------------ media


def test_media_ranges_expiry_and_json_errors(emu: Emulator, api: Api) -> None:
    data = bytes(range(256)) * 8
    mid = api.upload("file", data, "r.bin")
    whole = api.get("/media/get", media_id=mid)
    assert (
        whole.status_code == 200
        and whole.content == data
        and whole.headers["accept-ranges"] == "bytes"
    )
    assert 'filename="r.bin"' in whole.headers["content-disposition"]
    part = api.http.get(
        "/media/get",
        params={"access_token": api.token, "media_id": mid},
        headers={"Range": "bytes=10-19"},
    )
    assert part.status_code == 206 and part.content == data[10:20]
    assert part.headers["content-range"] == f"bytes 10-19/{len(data)}"
    suffix = api.http.get(
        "/media/get",
        params={"access_token": api.token, "media_id": mid},
        headers={"Range": "bytes=-5"},
    )
    assert suffix.status_code == 206 and suffix.content == data[-5:]
    over = api.http.get(
        "/media/get",
        params={"access_token": api.token, "media_id": mid},
        headers={"Range": f"bytes={len(data)}-"},
    )
    assert over.status_code == 416 and over.headers["content-range"] == f"bytes */{len(data)}"
    bad = api.get("/media/get", media_id="nope")
    assert bad.status_code == 200 and bad.headers["content-type"].startswith("application/json")
    assert bad.json()["errcode"] == 40007
    emu.clock.advance(3 * 86400)
    api.token = emu.issue_token()
    assert api.get("/media/get", media_id=mid).json()["errcode"] == 40007
    r = api.http.post(
        "/media/upload",
        params={"access_token": api.token, "type": "image"},
        files={"media": ("x.jpg", b"not an image", "image/jpeg")},
    )
    assert r.json()["errcode"] == 40004
    r = api.http.post(
        "/media/upload",
        params={"access_token": api.token, "type": "file"},
        files={"media": ("x", b"12345", "text/plain")},
    )
    assert r.json()["errcode"] == 40006


# ------------------------------------------------------------------------------ faults


def test_fault_kinds(emu: Emulator, api: Api) -> None:
    emu.inject_fault("http_5xx", path="/kf/account/list", status=502)
    r = api.http.post("/kf/account/list", params={"access_token": api.token}, json={})
    assert r.status_code == 502 and r.headers["content-type"].startswith("text/html")
    assert code(api.post("/kf/account/list", {})) == 0  # count=1: used up
    emu.inject_fault("errcode", errcode=45009, count=2)
    assert [code(api.post("/kf/account/list", {})) for _ in range(3)] == [45009, 45009, 0]
    emu.inject_fault("drop", path="/kf/account/add")
    with pytest.raises(httpx.RemoteProtocolError):
        api.http.post(
            "/kf/account/add",
            params={"access_token": api.token},
            json={"name": "a", "media_id": "m"},
        )
    emu.inject_fault("delay", delay=0.2, path="/kf/*")
    t0 = time.monotonic()
    assert code(api.post("/kf/account/list", {})) == 0
    assert time.monotonic() - t0 >= 0.2
    assert emu.stats.faults_fired == 5 and emu.faults == []


@pytest.mark.parametrize(
    ("kind", "options", "reason"),
    [
        ("bogus", {}, "unknown fault kind"),
        ("drop", {"cnt": 2}, "unknown fault option"),
        ("drop", {"count": 0}, "count must be"),
        ("drop", {"probability": 1.5}, "probability"),
        ("errcode", {}, "needs errcode"),
        ("delay", {"delay": -1}, "needs delay"),
        ("http_5xx", {"status": 404}, "status must be 5xx"),
    ],
)
def test_a_bad_fault_is_refused_with_its_reason(
    emu: Emulator, kind: str, options: dict[str, Any], reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        emu.inject_fault(kind, **options)
    assert emu.faults == []


def test_dropped_after_processing_then_retry_is_a_duplicate(emu: Emulator, api: Api) -> None:
    kfid = emu.create_account()
    user, _ = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, "hi")
    emu.inject_fault("drop", path="/kf/send_msg", processed=True)
    with pytest.raises(httpx.RemoteProtocolError):
        api.http.post(
            "/kf/send_msg", params={"access_token": api.token}, json=text(kfid, user, msgid="once")
        )
    retry = api.post("/kf/send_msg", text(kfid, user, msgid="once"))
    assert code(retry) == 40058 and "msgid" in retry["errmsg"]
    assert [d["msgid"] for d in emu.delivered(kfid)] == ["once"]


def test_probability_faults_are_seeded() -> None:
    def run() -> list[int | str]:
        e = Emulator(seed=7)
        a = Api(e)
        e.inject_fault("random", probability=0.3, count=None)
        out: list[int | str] = []
        for _ in range(60):
            try:
                r = a.http.post("/kf/account/list", params={"access_token": a.token}, json={})
                out.append(r.status_code if r.status_code != 200 else r.json()["errcode"])
            except httpx.RemoteProtocolError:
                out.append("drop")
        return out

    first, second = run(), run()
    assert first == second
    failures = [x for x in first if x != 0]
    assert 5 <= len(failures) <= 35 and {"drop", -1} & set(failures)


@pytest.mark.anyio
async def test_async_transport_and_drop(emu: Emulator) -> None:
    token = emu.issue_token()
    async with httpx.AsyncClient(base_url=emu.base_url, transport=emu.async_transport()) as client:
        r = await client.post("/kf/account/list", params={"access_token": token}, json={})
        assert r.json()["errcode"] == 0
        emu.inject_fault("drop")
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post("/kf/account/list", params={"access_token": token}, json={})


# ------------------------------------------------------------------------------ other areas


def test_knowledge_groups_and_intents(emu: Emulator, api: Api) -> None:
    groups = api.post("/kf/knowledge/list_group", {})["group_list"]
    default = next(g for g in groups if g["is_default"] == 1)
    assert code(api.post("/kf/knowledge/del_group", {"group_id": default["group_id"]})) != 0
    gid = api.post("/kf/knowledge/add_group", {"name": "售后"})["group_id"]
    assert code(api.post("/kf/knowledge/add_group", {"name": "售后"})) != 0  # unique names
    intent = {
        "group_id": gid,
        "question": {"text": {"content": "怎么退货"}},
        "answers": [{"text": {"content": "七天无理由"}}],
    }
    iid = api.post("/kf/knowledge/add_intent", intent)["intent_id"]
    assert (
        code(api.post("/kf/knowledge/add_intent", {**intent, "group_id": default["group_id"]})) != 0
    )
    listed = api.post("/kf/knowledge/list_intent", {"group_id": gid})["intent_list"]
    assert [i["intent_id"] for i in listed] == [iid]
    for i in range(3):
        api.post("/kf/knowledge/add_group", {"name": f"g{i}"})
    page = api.post("/kf/knowledge/list_group", {"limit": 2})
    assert page["has_more"] == 1 and len(page["group_list"]) == 2
    rest = api.post("/kf/knowledge/list_group", {"cursor": page["next_cursor"], "limit": 100})
    assert rest["has_more"] == 0 and len(rest["group_list"]) == 3


def test_statistics_count_what_happened(emu: Emulator, api: Api) -> None:
    from wxkefu_ext.emulator.handlers.stats import day_start

    kfid = emu.create_account()
    for _ in range(2):
        user, _ = emu.customer_enter_session(kfid)
        emu.customer_send(kfid, user, "a")
        emu.customer_send(kfid, user, "b")
    api.post("/kf/send_msg", text(kfid, user))
    today = day_start(emu.clock.now())
    emu.clock.advance(86400)
    api.token = emu.issue_token()
    stats = api.post(
        "/kf/get_corp_statistic", {"open_kfid": kfid, "start_time": today, "end_time": today}
    )
    s = stats["statistic_list"][0]["statistic"]
    assert (
        s["session_cnt"],
        s["customer_cnt"],
        s["customer_msg_cnt"],
        s["ai_session_reply_cnt"],
    ) == (2, 2, 4, 1)


def test_customer_batchget_48_hours(emu: Emulator, api: Api) -> None:
    kfid = emu.create_account()
    user, _ = emu.customer_enter_session(kfid, scene="ad", scene_param="x=1")
    got = api.post(
        "/kf/customer/batchget",
        {"external_userid_list": [user, "wmNOBODY"], "need_enter_session_context": 1},
    )
    assert got["customer_list"][0]["enter_session_context"]["scene_param"] == "x=1"
    assert got["invalid_external_userid"] == ["wmNOBODY"]
    emu.clock.advance(48 * 3600 + 1)
    api.token = emu.issue_token()
    assert api.post("/kf/customer/batchget", {"external_userid_list": [user]})[
        "invalid_external_userid"
    ] == [user]


def test_upgrade_service_config(emu: Emulator, api: Api) -> None:
    kfid, user = _session_in(emu, api, 0)
    config = api.get("/kf/customer/get_upgrade_service_config").json()
    member = config["member_range"]["userid_list"][0]
    body = {"open_kfid": kfid, "external_userid": user, "type": 1, "member": {"userid": member}}
    assert code(api.post("/kf/customer/upgrade_service", body)) == 0
    body["member"] = {"userid": "stranger"}
    assert code(api.post("/kf/customer/upgrade_service", body)) == 95021


# ------------------------------------------------------------------------------ served


def test_served_emulator_control_api_and_real_callback() -> None:
    from wxkefu_ext import keygen

    emu = Emulator()
    with emu.serve("127.0.0.1", 0) as base_url:
        root = base_url.removesuffix("/cgi-bin")
        with httpx.Client(timeout=5) as c:
            kfid = c.post(f"{root}/_emulator/accounts", json={"name": "x"}).json()["open_kfid"]
            entered = c.post(
                f"{root}/_emulator/customer/enter_session", json={"open_kfid": kfid}
            ).json()
            sent = c.post(
                f"{root}/_emulator/customer/send",
                json={
                    "open_kfid": kfid,
                    "external_userid": entered["external_userid"],
                    "text": "hi",
                },
            ).json()
            token = c.get(
                f"{base_url}/gettoken",
                params={"corpid": DEFAULT_CORP_ID, "corpsecret": DEFAULT_CORP_SECRET},
            ).json()["access_token"]
            page = c.post(
                f"{base_url}/kf/sync_msg", params={"access_token": token}, json={"open_kfid": kfid}
            ).json()
            assert page["msg_list"][-1]["msgid"] == sent["msgid"]
            assert c.post(f"{root}/_emulator/faults", json={"kind": "drop"}).json()["errcode"] == 0
            with pytest.raises(httpx.TransportError):
                c.post(f"{base_url}/kf/account/list", params={"access_token": token}, json={})
            assert c.post(f"{root}/_emulator/faults", json={"kind": "bogus"}).status_code == 400
            odd = c.post(f"{root}/_emulator/faults", json={"kind": "drop", "cnt": 2})
            assert odd.status_code == 400 and "cnt" in odd.text
            c.post(f"{root}/_emulator/clock/advance", json={"seconds": 7201})
            assert (
                c.post(
                    f"{base_url}/kf/account/list", params={"access_token": token}, json={}
                ).json()["errcode"]
                == 42001
            )
            stats = c.get(f"{root}/_emulator/stats").json()
            assert stats["requests_by_op"]["syncMsg"] == 1 and stats["faults_fired"] == 1
            c.post(
                f"{root}/_emulator/callback",
                json={
                    "url": f"{base_url}/../nowhere",
                    "token": keygen.generate_token(),
                    "encoding_aes_key": keygen.generate_encoding_aes_key(),
                },
            )
            assert c.post(f"{root}/_emulator/reset").json()["errcode"] == 0
            assert c.get(f"{root}/_emulator/delivered").json()["delivered"] == []


def test_module_entry_point_prints_base_url() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "wxkefu_ext.emulator", "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("http://127.0.0.1:") and line.endswith("/cgi-bin")
        r = httpx.get(
            f"{line}/gettoken",
            params={"corpid": DEFAULT_CORP_ID, "corpsecret": DEFAULT_CORP_SECRET},
        )
        assert json.loads(r.text)["errcode"] == 0
    finally:
        proc.terminate()
        proc.wait(10)


# ------------------------------------------------------------------------------ clients


def test_generated_client_runs_against_the_emulator_with_only_the_base_url_changed(
    emu: Emulator,
) -> None:
    from wxkefu_client import Client
    from wxkefu_client.api.message import send_msg, sync_msg
    from wxkefu_client.api.token import get_token
    from wxkefu_client.models import SendTextMsgReq, SyncMsgReq
    from wxkefu_client.models.outgoing_text import OutgoingText

    kfid = emu.create_account()
    user, _ = emu.customer_enter_session(kfid)
    sent = emu.customer_send(kfid, user, "hi")
    with Client(base_url=emu.base_url, httpx_args={"transport": emu.transport()}) as anon:
        tok = get_token.sync(client=anon, corpid=DEFAULT_CORP_ID, corpsecret=DEFAULT_CORP_SECRET)
    assert tok is not None and tok.errcode == 0 and isinstance(tok.access_token, str)
    args = {"transport": emu.transport(), "params": {"access_token": tok.access_token}}
    with Client(base_url=emu.base_url, httpx_args=args) as client:
        page = sync_msg.sync(client=client, body=SyncMsgReq(open_kfid=kfid))
        assert page is not None and page.errcode == 0
        assert [type(m).__name__ for m in page.msg_list] == ["EventMessage", "TextMessage"]  # type: ignore[union-attr]
        assert page.msg_list[-1].msgid == sent  # type: ignore[index]
        body = SendTextMsgReq(
            touser=user, open_kfid=kfid, msgtype="text", text=OutgoingText(content="yo")
        )
        reply = send_msg.sync(client=client, body=body)
        assert reply is not None and reply.errcode == 0
    assert emu.delivered(kfid)[0]["text"] == {"content": "yo"}


def test_kf_client_runs_against_the_emulator(emu: Emulator) -> None:
    import wxkefu_ext.client as client_mod

    kfid = emu.create_account()
    user, _ = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, "hi")
    with client_mod.KfClient(
        DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, base_url=emu.base_url, transport=emu.transport()
    ) as kf:
        page = kf.request("POST", "/kf/sync_msg", json={"open_kfid": kfid})
        assert page["msg_list"][-1]["text"]["content"] == "hi"
        emu.invalidate_tokens()  # the client refreshes once on 40014
        assert kf.request("POST", "/kf/account/list", json={})["account_list"]
    assert emu.stats.gettoken_calls == 2
