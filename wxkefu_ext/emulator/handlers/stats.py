"""Statistics computed from what happened (per day, China time, available the next day)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from wxkefu_ext.emulator._http import ApiError
from wxkefu_ext.emulator.handlers.call import handles

if TYPE_CHECKING:
    from wxkefu_ext.emulator.handlers.call import Call
    from wxkefu_ext.emulator.state import StatEvent
    from wxkefu_ext.emulator.world import World

DAY: Final = 86_400
TZ_OFFSET: Final = 8 * 3600  # stat days start at 00:00 Asia/Shanghai
MAX_SPAN_DAYS: Final = 31
MAX_AGE_DAYS: Final = 180


def day_start(ts: float) -> int:
    return int((ts + TZ_OFFSET) // DAY * DAY - TZ_OFFSET)


def _days(emu: World, body: dict[str, Any]) -> list[int]:
    start, end = day_start(body["start_time"]), day_start(body["end_time"])
    if start > end:
        raise ApiError(40058, "invalid parameter: start_time is after end_time")
    if start < day_start(emu.clock.now()) - MAX_AGE_DAYS * DAY:
        raise ApiError(40058, f"invalid parameter: start_time is more than {MAX_AGE_DAYS} days ago")
    if (end - start) // DAY + 1 > MAX_SPAN_DAYS:
        raise ApiError(40058, f"invalid parameter: the range spans more than {MAX_SPAN_DAYS} days")
    return list(range(start, end + 1, DAY))


def _by_day(emu: World, open_kfid: str | None) -> dict[int, list[StatEvent]]:
    out: dict[int, list[StatEvent]] = {}
    for ev in emu.state.stat_events:
        if open_kfid is None or ev.open_kfid == open_kfid:
            out.setdefault(day_start(ev.time), []).append(ev)
    return out


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


@handles("getCorpStatistic")
def corp_statistic(emu: World, call: Call) -> dict[str, Any]:
    kfid = call.body.get("open_kfid") or None
    if kfid is not None:
        emu.account(kfid)
    today = day_start(emu.clock.now())
    events = _by_day(emu, kfid)
    out = []
    for day in _days(emu, call.body):
        item: dict[str, Any] = {"stat_time": day}
        if day < today:  # a day's numbers exist from the next day on
            evs = events.get(day, [])
            sessions = {(e.open_kfid, e.external_userid) for e in evs if e.kind == "session"}
            replied = {(e.open_kfid, e.external_userid) for e in evs if e.kind == "ai_reply"}
            transferred = {
                (e.open_kfid, e.external_userid)
                for e in evs
                if e.kind == "transfer" and e.detail.startswith("1->")
            }
            item["statistic"] = {
                "session_cnt": len(sessions),
                "customer_cnt": len({e.external_userid for e in evs if e.kind == "customer_msg"}),
                "customer_msg_cnt": sum(1 for e in evs if e.kind == "customer_msg"),
                "upgrade_service_customer_cnt": len(
                    {e.external_userid for e in evs if e.kind == "upgrade"}
                ),
                "ai_session_reply_cnt": len(replied),
                "ai_transfer_rate": _ratio(len(transferred), len(replied)),
                "msg_rejected_customer_cnt": 0,
            }
        out.append(item)
    return {"statistic_list": out}


@handles("getServicerStatistic")
def servicer_statistic(emu: World, call: Call) -> dict[str, Any]:
    kfid = emu.account(call.body["open_kfid"]).open_kfid
    who = call.body.get("servicer_userid") or None
    today = day_start(emu.clock.now())
    events = _by_day(emu, kfid)
    out = []
    for day in _days(emu, call.body):
        item: dict[str, Any] = {"stat_time": day}
        if day < today:
            evs = events.get(day, [])
            mine = [
                e
                for e in evs
                if e.kind == "servicer_session" and (who is None or e.servicer_userid == who)
            ]
            msgs = [
                e
                for e in evs
                if e.kind == "customer_msg"
                and e.servicer_userid
                and (who is None or e.servicer_userid == who)
            ]
            upgrades = [
                e
                for e in evs
                if e.kind == "upgrade"
                and (e.open_kfid, e.external_userid)
                in {(m.open_kfid, m.external_userid) for m in mine}
            ]
            item["statistic"] = {
                "session_cnt": len(mine),
                "customer_cnt": len({e.external_userid for e in mine}),
                "customer_msg_cnt": len(msgs),
                "upgrade_service_customer_cnt": len({e.external_userid for e in upgrades}),
                "upgrade_service_member_invite_cnt": sum(
                    1 for e in upgrades if e.detail == "member"
                ),
                "upgrade_service_member_customer_cnt": len(
                    {e.external_userid for e in upgrades if e.detail == "member"}
                ),
                "upgrade_service_groupchat_invite_cnt": sum(
                    1 for e in upgrades if e.detail == "groupchat"
                ),
                "upgrade_service_groupchat_customer_cnt": len(
                    {e.external_userid for e in upgrades if e.detail == "groupchat"}
                ),
                "msg_rejected_customer_cnt": 0,
            }
        out.append(item)
    return {"statistic_list": out}
