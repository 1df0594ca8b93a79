"""Control-API route that queues a raw ``sync_msg`` item, verbatim.

Why: clients generated from the spec in other languages (``make polyglot``) must prove that an
item of a type the spec does not know yet — or a known item carrying a field the spec does not
list — reaches the program with every raw field intact. ``customer/send`` builds the item itself
(header + ``msgtype`` + payload), so it cannot produce such items; this route takes the item as
given and only fills ``msgid`` and ``send_time`` when they are missing.

==== ============================ ============================================================
POST /_emulator/items/raw         {open_kfid, item: {...}, callback?} → {msgid}
==== ============================ ============================================================

The item must be a JSON object whose ``msgtype`` (when present) is a string; nothing else is
checked, on purpose: the point is to send what a newer server might send.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from wxkefu_ext.emulator.routes import Routes, text

if TYPE_CHECKING:
    from wxkefu_ext.emulator._http import Request
    from wxkefu_ext.emulator.scenario import Scenario

__all__ = ["ROUTES", "inject_raw_item"]


def inject_raw_item(
    emu: Scenario, open_kfid: str, item: Mapping[str, Any], *, callback: bool = False
) -> str:
    """Queue ``item`` for ``open_kfid``'s ``sync_msg`` exactly as given (a copy), adding only a
    missing ``msgid`` / ``send_time``; fire the callback when asked. Returns the item's msgid."""
    if not isinstance(item, Mapping):
        raise ValueError("'item' must be a JSON object")
    if "msgtype" in item and not isinstance(item["msgtype"], str):
        raise ValueError("'item.msgtype' must be a string when present")
    raw = dict(item)
    with emu.lock:  # the emulator's state lock; every queue change happens under it
        emu.account(open_kfid)
        raw.setdefault("msgid", emu.new_msgid())
        raw.setdefault("send_time", emu.clock.now_int())
        emu.enqueue_item(open_kfid, raw)
        if callback:
            emu.fire_callback(open_kfid)
    return str(raw["msgid"])


ROUTES = Routes("/_emulator")


@ROUTES.route("POST", "/items/raw")
def _raw_item(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    open_kfid = text(body, "open_kfid")
    item = body.get("item")
    if not isinstance(item, dict):
        raise ValueError("'item' must be a JSON object")
    return {"msgid": inject_raw_item(emu, open_kfid, item, callback=bool(body.get("callback")))}
