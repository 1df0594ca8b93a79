"""Control-API routes the browser console needs (added to :data:`.control.ROUTES`).

Why separate from :mod:`.control`: these are read models for people (one snapshot of what a
customer sees, the callbacks log) and a few customer gestures (send an image, click a menu
item) — all built on the emulator's public Python API and its :class:`~.state.State`, so the
console can do nothing a test could not.

=======  ===================================  =============================================
GET      /_emulator/accounts                  → {accounts: [{open_kfid, name, servicers}]}
GET      /_emulator/callbacks                 → {configured, url, log: [...]} (newest last)
GET      /_emulator/callback_faults           → {faults: [...], kinds: [...]}
POST     /_emulator/callback_faults           {kind, count?} → {fault}
DELETE   /_emulator/callback_faults           clear them
POST     /_emulator/customer/image            {open_kfid, external_userid} → {msgid, media_id}
POST     /_emulator/console/send          {open_kfid, external_userid, msgtype, payload}
                                              → {msgid} (customer/send, time kept precisely)
POST     /_emulator/customer/menu_click       {open_kfid, external_userid, menu_id, content}
                                              → {msgid} (a text with ``menu_id``, as WeChat)
GET      /_emulator/console/state             ?open_kfid=&external_userid= → one snapshot:
                                              accounts, sessions, conversation, callbacks,
                                              clock, faults, stats (what the page polls)
=======  ===================================  =============================================
"""

from __future__ import annotations

import struct
import threading
import weakref
import zlib
from typing import TYPE_CHECKING, Any, Final

from wxkefu_ext.emulator import callback_faults
from wxkefu_ext.emulator._http import Request
from wxkefu_ext.emulator.routes import Routes, text

if TYPE_CHECKING:
    from wxkefu_ext.emulator.scenario import Scenario as Emulator

__all__ = ["ROUTES", "snapshot"]

ROUTES = Routes("/_emulator")

STATE_NAMES: Final = {
    0: "new (未处理)",
    1: "bot (智能助手)",
    2: "queue (待接入池)",
    3: "servicer (人工接待)",
    4: "ended (已结束)",
}
#: Conversation items shown per customer (the newest).
MAX_ITEMS: Final = 300
MAX_CALLBACKS: Final = 200

# Precise times of customer messages sent through these routes: queue items only carry
# whole seconds, which would misorder a customer message and a bot reply in the same second.
_precise: weakref.WeakKeyDictionary[Emulator, dict[str, float]] = weakref.WeakKeyDictionary()
_precise_lock = threading.Lock()


def note_time(emu: Emulator, msgid: str) -> None:
    with _precise_lock:
        _precise.setdefault(emu, {})[msgid] = emu.clock.now()


def _png(rgb: tuple[int, int, int], size: int = 24) -> bytes:
    """A small solid-colour PNG: the picture a console customer "sends"."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@ROUTES.route("GET", "/accounts")
def _accounts(emu: Emulator, body: dict[str, Any], _: Request) -> dict[str, Any]:
    with emu.lock:
        return {"accounts": _account_list(emu)}


def _account_list(emu: Emulator) -> list[dict[str, Any]]:
    return [
        {
            "open_kfid": a.open_kfid,
            "name": a.name,
            "servicers": [
                {"userid": s.userid, "status": s.status}
                for s in emu.state.servicers.get(a.open_kfid, [])
            ],
        }
        for a in emu.state.accounts.values()
    ]


def _callbacks_view(emu: Emulator) -> dict[str, Any]:
    log = emu.callback_log[-MAX_CALLBACKS:]
    return {
        "configured": emu.callback_url is not None,
        "url": emu.callback_url,
        "faults": [f.as_dict() for f in callback_faults.pending(emu)],
        "log": [
            {
                "time": d.time,
                "open_kfid": d.open_kfid,
                "ok": d.ok,
                "status": d.status,
                "attempts": d.attempts,
                "error": d.error,
                "url": d.url,
                "answers": list(d.answers),
                "message": d.message,
                "fault": d.fault,
            }
            for d in log
        ],
    }


@ROUTES.route("GET", "/callbacks")
def _callbacks(emu: Emulator, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return _callbacks_view(emu)


@ROUTES.route("GET", "/callback_faults")
def _callback_faults_list(emu: Emulator, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {
        "faults": [f.as_dict() for f in callback_faults.pending(emu)],
        "kinds": list(callback_faults.CALLBACK_FAULT_KINDS),
    }


@ROUTES.route("POST", "/callback_faults")
def _callback_faults_add(emu: Emulator, body: dict[str, Any], _: Request) -> dict[str, Any]:
    count = body.get("count", 1)
    fault = callback_faults.add(emu, text(body, "kind"), count)
    return {"fault": fault.as_dict()}


@ROUTES.route("DELETE", "/callback_faults")
def _callback_faults_clear(emu: Emulator, body: dict[str, Any], _: Request) -> dict[str, Any]:
    callback_faults.clear(emu)
    return {}


def _send(emu: Emulator, open_kfid: str, user: str, msgtype: str, payload: dict[str, Any]) -> str:
    msgid = emu.customer_send(open_kfid, user, msgtype=msgtype, payload=payload)
    note_time(emu, msgid)
    return msgid


@ROUTES.route("POST", "/customer/image")
def _image(emu: Emulator, body: dict[str, Any], _: Request) -> dict[str, Any]:
    from wxkefu_ext.emulator.state import Media

    open_kfid, user = text(body, "open_kfid"), text(body, "external_userid")
    with emu.lock:
        emu.account(open_kfid)
        emu.customer(user)
        media_id = "3" + emu.new_id("", 63)
        colour = (emu.rng.randrange(40, 220), emu.rng.randrange(40, 220), 200)
        emu.state.media[media_id] = Media(
            media_id, "image", _png(colour), "customer.png", "image/png", emu.clock.now()
        )
    return {
        "msgid": _send(emu, open_kfid, user, "image", {"media_id": media_id}),
        "media_id": media_id,
    }


@ROUTES.route("POST", "/console/send")
def _console_send(emu: Emulator, body: dict[str, Any], _: Request) -> dict[str, Any]:
    payload = body.get("payload")
    if not isinstance(payload, dict):
        raise ValueError("'payload' must be an object")
    msgtype = text(body, "msgtype")
    open_kfid, user = text(body, "open_kfid"), text(body, "external_userid")
    return {"msgid": _send(emu, open_kfid, user, msgtype, payload)}


@ROUTES.route("POST", "/customer/menu_click")
def _menu_click(emu: Emulator, body: dict[str, Any], _: Request) -> dict[str, Any]:
    payload = {"content": text(body, "content"), "menu_id": text(body, "menu_id")}
    open_kfid, user = text(body, "open_kfid"), text(body, "external_userid")
    return {"msgid": _send(emu, open_kfid, user, "text", payload)}


def _conversation(emu: Emulator, open_kfid: str, user: str) -> list[dict[str, Any]]:
    """What the customer sees (and did), oldest first: their messages, the Kf account's
    messages to them, and the session events about them."""
    with _precise_lock:
        precise = dict(_precise.get(emu, {}))
    items: list[tuple[float, int, dict[str, Any]]] = []
    for q in emu.state.queues.get(open_kfid, []):
        item = q.item
        if item.get("msgtype") == "event":
            event = item.get("event") or {}
            if event.get("external_userid") != user:
                continue
            when = float(item["send_time"])
            items.append((when, q.seq, {"side": "event", "time": when, "event": event}))
        elif item.get("external_userid") == user and item.get("origin") == 3:
            msgid = str(item["msgid"])
            when = precise.get(msgid, float(item["send_time"]))
            msgtype = str(item["msgtype"])
            items.append(
                (
                    when,
                    q.seq,
                    {
                        "side": "customer",
                        "time": when,
                        "msgid": msgid,
                        "msgtype": msgtype,
                        "payload": item.get(msgtype),
                    },
                )
            )
    for n, d in enumerate(emu.state.deliveries):
        if d.open_kfid != open_kfid or d.touser != user:
            continue
        items.append(
            (
                d.time,
                n,
                {
                    "side": "kf",
                    "time": d.time,
                    "msgid": d.msgid,
                    "msgtype": d.msgtype,
                    "payload": d.payload,
                    "via": d.via,
                    "recalled": d.recalled,
                },
            )
        )
    items.sort(key=lambda t: (t[0], t[1]))
    return [i for _, _, i in items[-MAX_ITEMS:]]


def _sessions(emu: Emulator, open_kfid: str) -> list[dict[str, Any]]:
    from wxkefu_ext.emulator.world import SENDS_PER_CUSTOMER_MESSAGE, WINDOW_SECONDS

    now = emu.clock.now()
    out = []
    for (kfid, user), s in emu.state.sessions.items():
        if kfid != open_kfid:
            continue
        customer = emu.state.customers.get(user)
        window_left = max(0, int(s.window_start + WINDOW_SECONDS - now)) if s.window_start else None
        out.append(
            {
                "external_userid": user,
                "nickname": customer.nickname if customer else user,
                "state": s.state,
                "state_name": STATE_NAMES.get(s.state, str(s.state)),
                "servicer_userid": s.servicer_userid,
                "window_left": window_left,
                "sends_left": (
                    max(0, SENDS_PER_CUSTOMER_MESSAGE - s.sends_in_window) if window_left else 0
                ),
                "scene": (customer.last_enter_context.get("scene") if customer else "") or "",
            }
        )
    return out


def snapshot(emu: Emulator, open_kfid: str | None, user: str | None) -> dict[str, Any]:
    """Everything the console shows, in one consistent read."""
    with emu.lock:
        accounts = _account_list(emu)
        if open_kfid not in emu.state.accounts:
            open_kfid = None
        sessions = _sessions(emu, open_kfid) if open_kfid else []
        conversation = (
            _conversation(emu, open_kfid, user)
            if open_kfid and user and (open_kfid, user) in emu.state.sessions
            else []
        )
        clock = {"now": emu.clock.now(), "offset": emu.clock.offset}
        faults = [f.as_dict() for f in emu.fault_plan.faults]
        stats = emu.stats.as_dict()
    return {
        "accounts": accounts,
        "open_kfid": open_kfid,
        "external_userid": user,
        "sessions": sessions,
        "conversation": conversation,
        "callbacks": _callbacks_view(emu),
        "clock": clock,
        "faults": faults,
        "fault_kinds": ["errcode", "http_5xx", "drop", "delay", "random"],
        "callback_fault_kinds": list(callback_faults.CALLBACK_FAULT_KINDS),
        "stats": stats,
    }


@ROUTES.route("GET", "/console/state")
def _state(emu: Emulator, body: dict[str, Any], req: Request) -> dict[str, Any]:
    return snapshot(
        emu, req.query.get("open_kfid") or None, req.query.get("external_userid") or None
    )
