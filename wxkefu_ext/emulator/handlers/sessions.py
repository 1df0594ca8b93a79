"""Servicers (接待人员) and session state (service_state get / trans)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from wxkefu_ext.emulator._http import ApiError
from wxkefu_ext.emulator.handlers.call import handles
from wxkefu_ext.emulator.state import Servicer

if TYPE_CHECKING:
    from wxkefu_ext.emulator.handlers.call import Call
    from wxkefu_ext.emulator.world import World

#: §2.11: which target states the API may move a session to, by current state.
TRANSITIONS: Final[dict[int, frozenset[int]]] = {
    0: frozenset({1, 2, 3}),
    1: frozenset({2, 3}),
    2: frozenset({3}),
    3: frozenset({3, 4}),
    4: frozenset(),
}
MAX_SERVICERS: Final = 2000
MAX_DEPARTMENTS: Final = 20
_USERID: Final = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
_CODE_RULES: Final[dict[int, tuple[str, float, tuple[str, ...]]]] = {
    2: ("pool", 48 * 3600, ("text",)),
    3: ("servicer", 48 * 3600, ("text",)),
    4: ("end", 20, ("text", "msgmenu")),
}


def _servicers_of(emu: World, call: Call) -> tuple[str, list[Servicer]]:
    """The account the body names (or its official error) and the account's reception list."""
    kfid = emu.account(call.body["open_kfid"]).open_kfid
    return kfid, emu.state.servicers[kfid]


@handles("servicerAdd")
def servicer_add(emu: World, call: Call) -> dict[str, Any]:
    kfid, servicers = _servicers_of(emu, call)
    results: list[dict[str, Any]] = []
    for userid in call.body.get("userid_list", ()):
        if not _USERID.match(userid):
            results.append({"userid": userid, "errcode": 60111, "errmsg": "userid not found"})
        elif emu.servicer(kfid, userid) is not None:
            results.append({"userid": userid, "errcode": 0, "errmsg": "ignored"})
        elif sum(1 for s in servicers if s.userid) >= MAX_SERVICERS:
            results.append({"userid": userid, "errcode": 95014, "errmsg": "servicer limit reached"})
        else:
            servicers.append(Servicer(userid=userid))
            results.append({"userid": userid, "errcode": 0, "errmsg": "success"})
    for dep in call.body.get("department_id_list", ()):
        if any(s.department_id == dep for s in servicers):
            results.append({"department_id": dep, "errcode": 0, "errmsg": "ignored"})
        elif sum(1 for s in servicers if s.department_id is not None) >= MAX_DEPARTMENTS:
            results.append(
                {"department_id": dep, "errcode": 60003, "errmsg": "department limit reached"}
            )
        else:
            servicers.append(Servicer(department_id=dep))
            results.append({"department_id": dep, "errcode": 0, "errmsg": "success"})
    return {"result_list": results}


@handles("servicerDel")
def servicer_del(emu: World, call: Call) -> dict[str, Any]:
    kfid, servicers = _servicers_of(emu, call)
    results: list[dict[str, Any]] = []
    for userid in call.body.get("userid_list", ()):
        found = emu.servicer(kfid, userid)
        if found is None:
            results.append({"userid": userid, "errcode": 95014, "errmsg": "user is not a servicer"})
        else:
            servicers.remove(found)
            results.append({"userid": userid, "errcode": 0, "errmsg": "success"})
    for dep in call.body.get("department_id_list", ()):
        match = [s for s in servicers if s.department_id == dep]
        if not match:
            results.append(
                {"department_id": dep, "errcode": 60003, "errmsg": "department is not a servicer"}
            )
        else:
            servicers.remove(match[0])
            results.append({"department_id": dep, "errcode": 0, "errmsg": "success"})
    return {"result_list": results}


@handles("servicerList")
def servicer_list(emu: World, call: Call) -> dict[str, Any]:
    kfid = emu.account(call.query["open_kfid"]).open_kfid
    out: list[dict[str, Any]] = []
    for s in emu.state.servicers[kfid]:
        if s.department_id is not None:
            out.append({"department_id": s.department_id})
            continue
        entry: dict[str, Any] = {"userid": s.userid, "status": s.status}
        if s.status == 1:
            entry["stop_type"] = s.stop_type
        out.append(entry)
    return {"servicer_list": out}


@handles("serviceStateGet")
def service_state_get(emu: World, call: Call) -> dict[str, Any]:
    kfid = emu.account(call.body["open_kfid"]).open_kfid
    customer = emu.customer(call.body["external_userid"])
    session = emu.session(kfid, customer.external_userid, create=True)
    out: dict[str, Any] = {"service_state": session.state}
    if session.state == 3:
        out["servicer_userid"] = session.servicer_userid
    return out


@handles("serviceStateTrans")
def service_state_trans(emu: World, call: Call) -> dict[str, Any]:
    kfid = emu.account(call.body["open_kfid"]).open_kfid
    customer = emu.customer(call.body["external_userid"])
    session = emu.session(kfid, customer.external_userid, create=True)
    target = int(call.body["service_state"])
    if target not in TRANSITIONS[session.state]:
        raise ApiError(
            95016, f"service_state transition {session.state} -> {target} is not allowed"
        )
    servicer_userid = ""
    if target == 3:
        servicer_userid = str(call.body["servicer_userid"])
        servicer = emu.servicer(kfid, servicer_userid)
        if servicer is None:
            raise ApiError(95014, f"{servicer_userid!r} is not a servicer of this kf account")
        if servicer.status != 0:
            raise ApiError(
                95019, f"servicer {servicer_userid!r} has stopped receiving or is suspended"
            )
    old = session.state
    out: dict[str, Any] = {}
    if target in _CODE_RULES and target not in session.coded_states:
        session.coded_states.add(target)
        kind, lifetime, msgtypes = _CODE_RULES[target]
        out["msg_code"] = emu.new_code(
            kind, kfid, customer.external_userid, lifetime, target, msgtypes
        )
    session.state = target
    session.servicer_userid = servicer_userid
    emu.record("transfer", kfid, customer.external_userid, servicer_userid, f"{old}->{target}")
    if target == 3:
        emu.record("servicer_session", kfid, customer.external_userid, servicer_userid)
    return out
