"""Customer info and the upgrade service (专员 / 客户群 recommendation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wxkefu_ext.emulator._http import ApiError
from wxkefu_ext.emulator.handlers.call import handles
from wxkefu_ext.emulator.world import WINDOW_SECONDS

if TYPE_CHECKING:
    from wxkefu_ext.emulator.handlers.call import Call
    from wxkefu_ext.emulator.world import World


@handles("customerBatchget")
def customer_batchget(emu: World, call: Call) -> dict[str, Any]:
    now = emu.clock.now()
    want_context = call.body.get("need_enter_session_context") == 1
    found: list[dict[str, Any]] = []
    invalid: list[str] = []
    for userid in call.body["external_userid_list"]:
        customer = emu.state.customers.get(userid)
        recent = customer is not None and any(
            t is not None and now - t < WINDOW_SECONDS
            for t in (customer.last_enter_at, customer.last_message_at)
        )
        if customer is None or not recent:
            invalid.append(userid)
            continue
        entry: dict[str, Any] = {
            "external_userid": customer.external_userid,
            "nickname": customer.nickname,
            "avatar": f"https://wx.qlogo.cn/mmhead/emulator/{customer.external_userid[-8:]}/0",
            "gender": customer.gender,
        }
        if customer.unionid:
            entry["unionid"] = customer.unionid
        entered_recently = (
            customer.last_enter_at is not None and now - customer.last_enter_at < WINDOW_SECONDS
        )
        if want_context and entered_recently:
            entry["enter_session_context"] = dict(customer.last_enter_context)
        found.append(entry)
    out: dict[str, Any] = {"customer_list": found}
    if invalid:
        out["invalid_external_userid"] = invalid
    return out


@handles("getUpgradeServiceConfig")
def get_upgrade_service_config(emu: World, call: Call) -> dict[str, Any]:
    return {
        "member_range": {
            "userid_list": list(emu.state.upgrade_members),
            "department_id_list": list(emu.state.upgrade_departments),
        },
        "groupchat_range": {"chat_id_list": list(emu.state.upgrade_chats)},
    }


@handles("upgradeService")
def upgrade_service(emu: World, call: Call) -> dict[str, Any]:
    kfid = emu.account(call.body["open_kfid"]).open_kfid
    customer = emu.customer(call.body["external_userid"])
    session = emu.session(kfid, customer.external_userid, create=True)
    if call.body["type"] == 1:
        userid = call.body["member"]["userid"]
        if userid not in emu.state.upgrade_members:
            raise ApiError(95021, f"userid {userid!r} is not configured in the upgrade service")
        session.upgrade = {"type": 1, "member": dict(call.body["member"])}
        emu.record("upgrade", kfid, customer.external_userid, detail="member")
    else:
        chat_id = call.body["groupchat"]["chat_id"]
        if chat_id not in emu.state.upgrade_chats:
            raise ApiError(95021, f"chat_id {chat_id!r} is not configured in the upgrade service")
        session.upgrade = {"type": 2, "groupchat": dict(call.body["groupchat"])}
        emu.record("upgrade", kfid, customer.external_userid, detail="groupchat")
    return {}


@handles("cancelUpgradeService")
def cancel_upgrade_service(emu: World, call: Call) -> dict[str, Any]:
    kfid = emu.account(call.body["open_kfid"]).open_kfid
    customer = emu.customer(call.body["external_userid"])
    emu.session(kfid, customer.external_userid, create=True).upgrade = None
    return {}
