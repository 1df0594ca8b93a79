"""Polyglot check (Python): the openapi-python-client package generated with the project's own
config and templates (what `make gen` commits), checked with ``mypy --strict`` and run against the
emulator by scripts/polyglot/run.py. Env: KF_BASE (…/cgi-bin), KF_CORP_ID, KF_CORP_SECRET, and for
the provider step KF_SUITE_ID, KF_SUITE_SECRET, KF_SUITE_TICKET, KF_PROVIDER_CORP_ID,
KF_PROVIDER_KFID."""

from __future__ import annotations

import io
import os
import sys
from typing import Any, NoReturn

import httpx

from wxkefu_client import AuthenticatedClient, Client
from wxkefu_client.api.account import account_add, account_list
from wxkefu_client.api.media import media_get, media_upload
from wxkefu_client.api.message import send_msg, sync_msg
from wxkefu_client.api.provider import (
    get_auth_info_v2,
    get_corp_token,
    get_permanent_code_v2,
    get_pre_auth_code,
    get_suite_token,
    set_session_info,
)
from wxkefu_client.api.token import get_token
from wxkefu_client.models import (
    AccountAddReq,
    AccountListReq,
    BaseResp,
    EnterSessionEvent,
    EventMessage,
    GetAuthInfoV2Req,
    GetCorpTokenReq,
    GetPermanentCodeV2Req,
    GetSuiteTokenReq,
    HasMoreKnown,
    MediaType,
    MediaUploadForm,
    OutgoingText,
    SendTextMsgReq,
    SessionInfo,
    SessionInfoAuthType,
    SetSessionInfoReq,
    SyncMsgReq,
    TextMessage,
    UnknownEvent,
    UnknownMessage,
)
from wxkefu_client.types import UNSET, File, Unset


def fail(msg: str) -> NoReturn:
    print(f"python: {msg}", file=sys.stderr)
    sys.exit(1)


BASE = os.environ["KF_BASE"]
CTL = BASE.removesuffix("/cgi-bin")


def control(method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    """The emulator's control API (not part of the spec), with plain httpx."""
    out: dict[str, Any] = httpx.request(method, CTL + path, json=body, timeout=10).json()
    if out.get("errcode") != 0:
        fail(f"control {path}: {out}")
    return out


def main() -> None:
    anon = Client(base_url=BASE)
    tok = get_token.sync(
        client=anon, corpid=os.environ["KF_CORP_ID"], corpsecret=os.environ["KF_CORP_SECRET"]
    )
    if tok is None or tok.errcode != 0 or not isinstance(tok.access_token, str):
        fail(f"gettoken {tok}")
    # The token is a query apiKey: httpx merges client-level params into every request.
    client = Client(base_url=BASE, httpx_args={"params": {"access_token": tok.access_token}})

    png = b"\x89PNG\r\n\x1a\n\0\0"
    up = media_upload.sync(
        client=client,
        type_=MediaType.IMAGE,
        body=MediaUploadForm(
            media=File(payload=io.BytesIO(png), file_name="avatar.png", mime_type="image/png")
        ),
    )
    if up is None or up.errcode != 0 or not isinstance(up.media_id, str):
        fail(f"media/upload {up}")
    # media/get: the file (parsed as File), or a JSON errcode body with HTTP 200 too.
    got = media_get.sync_detailed(client=client, media_id=up.media_id)
    if got.headers.get("content-type", "").startswith("application/json") or not isinstance(
        got.parsed, File
    ):
        fail(f"media/get {got.status_code} {got.content!r}")
    if got.parsed.payload.read() != png:
        fail("media/get bytes differ")
    bad = media_get.sync_detailed(client=client, media_id="no-such-media")
    if not bad.headers.get("content-type", "").startswith("application/json"):
        fail(f"media/get error is not JSON: {bad.headers}")
    if BaseResp.from_dict(httpx.Response(200, content=bad.content).json()).errcode != 40007:
        fail(f"media/get error {bad.content!r}")
    added = account_add.sync(
        client=client, body=AccountAddReq(name="Py 客服", media_id=up.media_id)
    )
    if added is None or not isinstance(added.open_kfid, str):
        fail(f"account/add {added}")
    kfid = added.open_kfid
    listed = account_list.sync(client=client, body=AccountListReq())
    if listed is None or not any(a.open_kfid == kfid for a in listed.account_list or []):
        fail(f"account/list misses {kfid}")

    user = str(
        control("POST", "/_emulator/customer/enter_session", {"open_kfid": kfid})["external_userid"]
    )
    control(
        "POST",
        "/_emulator/customer/send",
        {"open_kfid": kfid, "external_userid": user, "text": "你好 from python"},
    )
    control("POST", "/_emulator/items/raw", {"open_kfid": kfid, "item": {
        "open_kfid": kfid, "external_userid": user, "origin": 3, "msgtype": "hologram",
        "hologram": {"media_id": "HOLO1", "duration": 12}, "future_field": "kept"}})  # fmt: skip
    # An item with no msgtype at all (the server should never send one): it must not fail the page.

    counts = {"text": 0, "enter_session": 0, "unknown": 0}
    cursor: str | None = None
    for _ in range(10):
        page = sync_msg.sync(client=client, body=SyncMsgReq(open_kfid=kfid, cursor=cursor or UNSET))
        if page is None or page.errcode != 0:
            fail(f"sync_msg {page}")
        for item in page.msg_list or []:
            match item:
                case TextMessage(text=text):
                    if text.content != "你好 from python":
                        fail(f"text {text.content!r}")
                    counts["text"] += 1
                case EventMessage(event=EnterSessionEvent()):
                    counts["enter_session"] += 1
                case EventMessage(event=UnknownEvent(event_type=kind)):
                    print(f"python: unknown event {kind}")
                case UnknownMessage(msgtype="hologram"):
                    raw = item.additional_properties
                    if (
                        raw.get("hologram", {}).get("media_id") != "HOLO1"
                        or raw.get("future_field") != "kept"
                    ):
                        fail(f"raw fields lost: {raw}")
                    counts["unknown"] += 1
                case _:
                    print(f"python: other item {type(item).__name__}")
        cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
        if page.has_more == HasMoreKnown.HAS_MORE_NO:
            break
    if counts != {"text": 1, "enter_session": 1, "unknown": 1}:
        fail(f"dispatch counts {counts}")

    # The trade-off the spec states (SyncMsgItem): an item with no msgtype at all is outside the
    # spec (the server always sends it) and the generated from_dict fails the page on it.
    untyped = {"open_kfid": kfid, "external_userid": user, "origin": 3, "untyped_field": "kept"}
    control("POST", "/_emulator/items/raw", {"open_kfid": kfid, "item": untyped})
    try:
        sync_msg.sync(client=client, body=SyncMsgReq(open_kfid=kfid, cursor=cursor or UNSET))
    except KeyError:
        pass
    else:
        fail("an item without msgtype decoded: update the description of SyncMsgItem")

    reply = SendTextMsgReq(
        touser=user,
        open_kfid=kfid,
        msgid="py_reply_1",
        msgtype="text",
        text=OutgoingText(content="收到 (python)"),
    )
    sent = send_msg.sync(client=client, body=reply)
    if sent is None or sent.errcode != 0:
        fail(f"send_msg {sent}")
    delivered = control("GET", f"/_emulator/delivered?open_kfid={kfid}")["delivered"]
    if [d["msgid"] for d in delivered] != ["py_reply_1"]:
        fail(f"delivery not seen: {delivered}")
    provider()
    print("python: ok")


def provider() -> None:
    """As a third-party app: suite token → pre-auth code → the corp installs → permanent code →
    corp token, then a Kf call on the corp's behalf."""
    corp_id = os.environ["KF_PROVIDER_CORP_ID"]
    anon = Client(base_url=BASE)
    suite = get_suite_token.sync(client=anon, body=GetSuiteTokenReq(
        suite_id=os.environ["KF_SUITE_ID"], suite_secret=os.environ["KF_SUITE_SECRET"],
        suite_ticket=os.environ["KF_SUITE_TICKET"]))  # fmt: skip
    # errcode is sent only on failure: absent means success.
    if (
        suite is None
        or suite.errcode not in (UNSET, 0)
        or not isinstance(suite.suite_access_token, str)
    ):
        fail(f"get_suite_token {suite}")
    # Non-root security (SuiteAccessToken) makes the generated calls ask for an
    # AuthenticatedClient, which knows only header auth; the scheme is a query apiKey, so the
    # token also goes into the client's params (the header copy is ignored by the server).
    token = suite.suite_access_token
    svc = AuthenticatedClient(
        base_url=BASE, token=token, httpx_args={"params": {"suite_access_token": token}}
    )
    pre = get_pre_auth_code.sync(client=svc)
    if pre is None or pre.errcode != 0 or not isinstance(pre.pre_auth_code, str):
        fail(f"get_pre_auth_code {pre}")
    session = SessionInfo(auth_type=SessionInfoAuthType.TEST)
    configured = set_session_info.sync(
        client=svc, body=SetSessionInfoReq(pre_auth_code=pre.pre_auth_code, session_info=session)
    )
    if configured is None or configured.errcode != 0:
        fail(f"set_session_info {configured}")
    install = {"pre_auth_code": pre.pre_auth_code, "corp_id": corp_id, "state": "py"}
    installed = control("POST", "/_emulator/provider/install", install)  # yields the auth_code
    perm = get_permanent_code_v2.sync(
        client=svc, body=GetPermanentCodeV2Req(auth_code=installed["auth_code"])
    )
    if perm is None or perm.errcode != 0 or not isinstance(perm.permanent_code, str):
        fail(f"v2/get_permanent_code {perm}")
    if isinstance(perm.auth_corp_info, Unset) or perm.auth_corp_info.corpid != corp_id:
        fail(f"v2/get_permanent_code corp {perm.auth_corp_info}")
    if perm.state != "py":
        fail(f"v2/get_permanent_code state {perm.state!r}")
    code = perm.permanent_code
    info = get_auth_info_v2.sync(
        client=svc, body=GetAuthInfoV2Req(auth_corpid=corp_id, permanent_code=code)
    )
    if info is None or info.errcode != 0 or isinstance(info.auth_corp_info, Unset):
        fail(f"v2/get_auth_info {info}")
    ex_name = info.auth_corp_info.corp_ex_name
    # name_list is untyped in the spec (the only sample shows a string): Any here.
    if isinstance(ex_name, Unset) or not isinstance(ex_name.name_list, (str, list)):
        fail(f"v2/get_auth_info corp_ex_name {ex_name}")
    corp = get_corp_token.sync(
        client=svc, body=GetCorpTokenReq(auth_corpid=corp_id, permanent_code=code)
    )
    if corp is None or corp.errcode not in (UNSET, 0) or not isinstance(corp.access_token, str):
        fail(f"get_corp_token {corp}")
    kf = Client(base_url=BASE, httpx_args={"params": {"access_token": corp.access_token}})
    listed = account_list.sync(client=kf, body=AccountListReq())
    if listed is None or listed.errcode != 0:
        fail(f"account/list (corp token) {listed}")
    if [a.open_kfid for a in listed.account_list or []] != [os.environ["KF_PROVIDER_KFID"]]:
        fail(f"account/list (corp token) {listed.account_list}")


if __name__ == "__main__":
    main()
