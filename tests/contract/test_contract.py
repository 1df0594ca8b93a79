"""Contract tests: schemathesis over every operation of the spec against the in-process
emulator (positive and negative data), with the errcode-aware check of tests/contract_hooks.py.

Bounded and seeded: a few examples per operation in the quick profile; deeper with
``WXKEFU_CONTRACT_DEEP=1`` (``make contract``) or ``WXKEFU_PROFILE=full``. A realistic
scenario at the end validates success responses (the random data mostly meets business
refusals) against the spec's response schemas through schemathesis too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.config import SchemathesisConfig  # noqa: E402

from wxkefu_ext.emulator import Emulator  # noqa: E402

import contract_hooks  # noqa: E402, F401 - registers the errcode check

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "wxkefu_ext" / "data" / "wxkefu.yaml"
DEEP = os.environ.get("WXKEFU_CONTRACT_DEEP") == "1" or os.environ.get("WXKEFU_PROFILE") == "full"
MAX_EXAMPLES = 60 if DEEP else 6

EMU = Emulator(seed=0)
CONFIG = SchemathesisConfig.from_path(ROOT / "schemathesis.toml")
if not DEEP:
    # Quick profile: examples and random data only. The coverage phase (every boundary of
    # every schema, ~3,000 cases built while collecting) runs in the full profile and
    # `make contract`; it cost more CPU than the rest of this module.
    CONFIG.projects.default.phases.coverage.enabled = False
schema = schemathesis.openapi.from_path(SPEC, config=CONFIG)
schema.app = EMU.app


@schema.auth()
class EmulatorToken:
    """A real token from the emulator (re-issued when the clock or a test revoked it)."""

    def get(self, case: Any, ctx: Any) -> str:
        return EMU.issue_token()

    def set(self, case: Any, data: str, ctx: Any) -> None:
        security = case.operation.definition.raw.get("security")
        if security == [{"SuiteAccessToken": []}]:  # provider.yaml: the suite's token instead
            query = {"suite_access_token": EMU.provider.issue_suite_token()}
        else:
            query = {"access_token": data}
        case.query = {**(case.query or {}), **query}


def _seed_state() -> None:
    kfid = EMU.create_account("contract")
    EMU.add_servicer(kfid, "alice")
    user, _ = EMU.customer_enter_session(kfid)
    EMU.customer_send_many(kfid, 3, external_userid=user)


_seed_state()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation(case: Any) -> None:
    case.call_and_validate()


def test_every_operation_is_covered() -> None:
    from wxkefu_ext.emulator.handlers import _handlers
    from wxkefu_ext.emulator.validation import operations

    ids = {op.operation_id for op in operations().values()}
    assert len(ids) == 45 and ids == set(_handlers())  # 34 Kf + 11 provider.yaml (v1, v2)


def test_success_responses_conform_in_a_realistic_scenario() -> None:
    """Drive a full conversation through the ASGI app and validate each reply against the
    operation's response schema with schemathesis (catches emulator/spec drift on success)."""
    from starlette.testclient import TestClient

    emu = Emulator(seed=1)
    client = TestClient(emu.app, base_url="http://kf-emulator.local")
    token = emu.issue_token()
    kfid = emu.create_account("scenario")
    emu.add_servicer(kfid, "alice")
    user, welcome = emu.customer_enter_session(kfid, scene="s", scene_param="p")
    emu.customer_send(kfid, user, "你好")
    emu.customer_send(
        kfid,
        user,
        msgtype="location",
        payload={"latitude": 1.5, "longitude": 2.5, "name": "n", "address": "a"},
    )
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 64
    q = {"access_token": token}

    def call(method: str, path: str, **kw: Any) -> Any:
        r = client.request(method, "/cgi-bin" + path, params={**q, **kw.pop("params", {})}, **kw)
        schema[path][method.upper()].validate_response(r)
        if r.headers.get("content-type", "").startswith("application/json"):
            assert r.json()["errcode"] == 0, (path, r.json())
        return r

    media_id = call(
        "POST",
        "/media/upload",
        params={"type": "image"},
        files={"media": ("a.jpg", jpeg, "image/jpeg")},
    ).json()["media_id"]
    call("GET", "/media/get", params={"media_id": media_id})
    call("GET", "/media/get", params={"media_id": media_id}, headers={"Range": "bytes=0-3"})
    call("POST", "/media/uploadimg", files={"media": ("a.jpg", jpeg, "image/jpeg")})
    call("POST", "/kf/account/add", json={"name": "x", "media_id": media_id})
    call("POST", "/kf/account/update", json={"open_kfid": kfid, "name": "y"})
    call("POST", "/kf/account/list", json={})
    call("POST", "/kf/add_contact_way", json={"open_kfid": kfid, "scene": "s"})
    call("GET", "/kf/get_corp_qualification")
    call("POST", "/idconvert/open_kfid", json={"open_kfid_list": [kfid, "wkNOPE0000"]})
    call(
        "POST",
        "/kf/servicer/add",
        json={"open_kfid": kfid, "userid_list": ["bob"], "department_id_list": [2]},
    )
    call("GET", "/kf/servicer/list", params={"open_kfid": kfid})
    call("POST", "/kf/servicer/del", json={"open_kfid": kfid, "userid_list": ["bob"]})
    call("POST", "/kf/sync_msg", json={"open_kfid": kfid, "limit": 2})
    call("POST", "/kf/sync_msg", json={"open_kfid": kfid})
    call(
        "POST",
        "/kf/send_msg_on_event",
        json={"code": welcome, "msgtype": "text", "text": {"content": "欢迎"}},
    )
    msgid = call(
        "POST",
        "/kf/send_msg",
        json={"open_kfid": kfid, "touser": user, "msgtype": "text", "text": {"content": "hi"}},
    ).json()["msgid"]
    call("POST", "/kf/recall_msg", json={"open_kfid": kfid, "msgid": msgid})
    call(
        "POST",
        "/kf/customer/batchget",
        json={"external_userid_list": [user, "wmX"], "need_enter_session_context": 1},
    )
    call("GET", "/kf/customer/get_upgrade_service_config")
    call(
        "POST",
        "/kf/customer/upgrade_service",
        json={
            "open_kfid": kfid,
            "external_userid": user,
            "type": 2,
            "groupchat": {"chat_id": "wrEmulatorGroupChat"},
        },
    )
    call(
        "POST",
        "/kf/customer/cancel_upgrade_service",
        json={"open_kfid": kfid, "external_userid": user},
    )
    body = {"open_kfid": kfid, "external_userid": user}
    call(
        "POST",
        "/kf/service_state/trans",
        json={**body, "service_state": 3, "servicer_userid": "alice"},
    )
    call("POST", "/kf/service_state/get", json=body)
    gid = call("POST", "/kf/knowledge/add_group", json={"name": "g"}).json()["group_id"]
    call("POST", "/kf/knowledge/mod_group", json={"group_id": gid, "name": "h"})
    call("POST", "/kf/knowledge/list_group", json={})
    intent = {
        "group_id": gid,
        "question": {"text": {"content": "q"}},
        "answers": [
            {
                "text": {"content": "a"},
                "attachments": [{"msgtype": "image", "image": {"media_id": media_id}}],
            }
        ],
    }
    iid = call("POST", "/kf/knowledge/add_intent", json=intent).json()["intent_id"]
    call(
        "POST",
        "/kf/knowledge/mod_intent",
        json={"intent_id": iid, "question": {"text": {"content": "q2"}}},
    )
    call("POST", "/kf/knowledge/list_intent", json={})
    call("POST", "/kf/knowledge/del_intent", json={"intent_id": iid})
    call("POST", "/kf/knowledge/del_group", json={"group_id": gid})
    emu.clock.advance(86400)
    q["access_token"] = emu.issue_token()
    from wxkefu_ext.emulator.handlers.stats import day_start

    day = day_start(emu.clock.now()) - 86400
    call(
        "POST",
        "/kf/get_corp_statistic",
        json={"open_kfid": kfid, "start_time": day, "end_time": day},
    )
    call(
        "POST",
        "/kf/get_servicer_statistic",
        json={"open_kfid": kfid, "start_time": day, "end_time": day},
    )
    call("POST", "/kf/account/del", json={"open_kfid": kfid})
    call("GET", "/gettoken", params={"corpid": emu.corp_id, "corpsecret": emu.corp_secret})
