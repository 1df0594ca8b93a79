"""Requests that peer SDKs really send are accepted by the emulator (which validates every body
against the spec), and byte-limit violations are rejected with the server's errcode.

Sources of the peer requests (see shared/notes/review-2026-12/spec-for-other-languages.md A6):
silenceper/wechat sends ``"limit": 0`` (no omitempty) on sync_msg and the knowledge lists, and
always both ``member`` and ``groupchat`` on upgrade_service; PowerWeChat always sends every
sync_msg key; wechatpy sends ``null`` for optional statistics fields. The byte limits come from
the spec's ``x-max-bytes`` (UTF-8 bytes; ``maxLength`` beside it counts characters).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from emulator_api import Api

from wxkefu_ext.emulator import Emulator

ROOT_SPEC = Path(__file__).resolve().parents[2] / "openapi" / "wxkefu.yaml"


@pytest.fixture
def kfid(emu: Emulator) -> str:
    return emu.create_account("peer")


@pytest.fixture
def user(emu: Emulator, kfid: str) -> str:
    external_userid = emu.customer_enter_session(kfid).external_userid
    emu.customer_send(kfid, external_userid, "你好")
    return external_userid


def ok(reply: dict[str, Any]) -> None:
    assert reply["errcode"] == 0, reply


# --------------------------------------------------------------------------- accepted


def test_sync_msg_with_limit_zero_means_the_default(api: Api, kfid: str, user: str) -> None:
    """silenceper: `limit` has no omitempty, so 0 goes out; the items must still come back."""
    reply = api.post("/kf/sync_msg", {"open_kfid": kfid, "limit": 0})
    ok(reply)
    assert [m["msgtype"] for m in reply["msg_list"]][-1] == "text"
    assert reply["has_more"] == 0


def test_powerwechat_sends_every_sync_msg_key(api: Api, kfid: str, user: str) -> None:
    """PowerWeChat's SyncMsg always serialises cursor, token, limit, voice_format, open_kfid."""
    reply = api.post(
        "/kf/sync_msg",
        {"cursor": "", "token": "", "limit": 0, "voice_format": 0, "open_kfid": kfid},
    )
    ok(reply)
    assert reply["msg_list"]


def test_sync_msg_still_rejects_an_empty_open_kfid(api: Api, user: str) -> None:
    """Kept strict: the server answers "field `open_kfid` unexpected empty string"."""
    reply = api.post("/kf/sync_msg", {"open_kfid": "", "limit": 0})
    assert reply["errcode"] == 40058, reply
    assert "open_kfid" in reply["errmsg"]


@pytest.mark.parametrize("path", ["/kf/knowledge/list_group", "/kf/knowledge/list_intent"])
def test_knowledge_lists_with_limit_zero(api: Api, path: str) -> None:
    if path.endswith("list_intent"):
        group = api.post("/kf/knowledge/add_group", {"name": "peer"})
        ok(group)
        ok(api.post("/kf/knowledge/add_intent", {
            "group_id": group["group_id"], "question": {"text": {"content": "q"}},
            "answers": [{"text": {"content": "a"}}]}))  # fmt: skip
    reply = api.post(path, {"limit": 0})
    ok(reply)
    listed = reply.get("group_list") or reply.get("intent_list")
    assert listed, reply


def test_silenceper_upgrade_service_with_an_empty_groupchat(
    api: Api, emu: Emulator, kfid: str, user: str
) -> None:
    """silenceper's struct is not a pointer: type 1 always carries `groupchat: {chat_id: ""}`."""
    body = {
        "open_kfid": kfid,
        "external_userid": user,
        "type": 1,
        "member": {"userid": emu.state.upgrade_members[0], "wording": "专员"},
        "groupchat": {"chat_id": "", "wording": ""},
    }
    ok(api.post("/kf/customer/upgrade_service", body))


def test_upgrade_service_still_needs_the_object_of_its_type(api: Api, kfid: str, user: str) -> None:
    body = {"open_kfid": kfid, "external_userid": user, "type": 1,
            "member": {"userid": ""}, "groupchat": {"chat_id": "wrX"}}  # fmt: skip
    reply = api.post("/kf/customer/upgrade_service", body)
    assert reply["errcode"] == 40058 and "userid" in reply["errmsg"], reply


def test_wechatpy_sends_null_for_optional_statistics_fields(api: Api, kfid: str) -> None:
    today = int(time.time()) // 86400 * 86400 - 8 * 3600
    window = {"start_time": today, "end_time": today}
    ok(api.post("/kf/get_corp_statistic", {"open_kfid": None, **window}))
    ok(
        api.post(
            "/kf/get_servicer_statistic", {"open_kfid": kfid, "servicer_userid": None, **window}
        )
    )


def test_idconvert_has_no_invented_maximum(api: Api, kfid: str) -> None:
    reply = api.post("/idconvert/open_kfid", {"open_kfid_list": [kfid] * 101})
    assert reply["errcode"] != 40058, reply


def test_truncated_link_title_is_accepted(api: Api, kfid: str, user: str, emu: Emulator) -> None:
    """The docs: title/desc over the limit are truncated by the server (超过会自动截断)."""
    thumb = api.http.post(
        "/media/upload",
        params={"access_token": api.token, "type": "image"},
        files={"media": ("a.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")},
    ).json()["media_id"]
    link = {
        "title": "标" * 100,
        "desc": "d" * 600,
        "url": "https://x.example",
        "thumb_media_id": thumb,
    }
    body = {"touser": user, "open_kfid": kfid, "msgtype": "link", "link": link}
    ok(api.post("/kf/send_msg", body))


# --------------------------------------------------------------------------- byte limits


def _spec() -> Any:
    with open(ROOT_SPEC, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _byte_limited_fields() -> list[tuple[str, int]]:
    spec = _spec()
    found: list[tuple[str, int]] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if "x-max-bytes" in node:
                found.append((where, node["x-max-bytes"]))
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")

    walk(spec["components"], "#/components")
    return found


def test_every_byte_limit_sits_on_a_string_with_its_character_bound() -> None:
    spec = _spec()
    fields = _byte_limited_fields()
    assert len(fields) >= 20
    for where, limit in fields:
        node: Any = spec
        for part in where.removeprefix("#/").split("/"):
            node = node[int(part)] if isinstance(node, list) else node[part]
        assert isinstance(limit, int) and limit > 0, where
        assert node.get("maxLength") == limit, f"{where}: maxLength must equal x-max-bytes"


CJK = "汉"  # 3 bytes in UTF-8


PAYLOADS: dict[str, tuple[int, Any]] = {
    "text.content": (2048, lambda s: {"msgtype": "text", "text": {"content": s}}),
    "msgmenu.list[0].click.id": (128, lambda s: {"msgtype": "msgmenu", "msgmenu": {
        "list": [{"type": "click", "click": {"id": s, "content": "ok"}}]}}),
    "msgmenu.head_content": (1024, lambda s: {"msgtype": "msgmenu", "msgmenu": {
        "head_content": s, "list": []}}),
}  # fmt: skip


@pytest.mark.parametrize("field", sorted(PAYLOADS))
def test_byte_limits_reject_cjk_text_over_the_limit(
    api: Api, kfid: str, user: str, field: str
) -> None:
    limit, payload = PAYLOADS[field]
    chars = limit // 3 + 1  # within maxLength (characters), over the byte limit
    assert chars <= limit < 3 * chars
    reply = api.post("/kf/send_msg", {"touser": user, "open_kfid": kfid, **payload(CJK * chars)})
    assert reply["errcode"] == 40058, reply
    assert field in reply["errmsg"] and f"limit of {limit} bytes" in reply["errmsg"], reply
    fits = {"touser": user, "open_kfid": kfid, **payload(CJK * (limit // 3))}
    ok(api.post("/kf/send_msg", fits))


def test_byte_limit_on_sync_msg_cursor(api: Api, kfid: str, user: str) -> None:
    reply = api.post("/kf/sync_msg", {"open_kfid": kfid, "cursor": CJK * 22})  # 66 bytes > 64
    assert reply["errcode"] == 40058 and "cursor" in reply["errmsg"], reply
