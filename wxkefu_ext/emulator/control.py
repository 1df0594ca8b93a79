"""The HTTP control API under ``/_emulator/...`` — the Python API for other processes.

Routes (JSON bodies and answers; no access_token; never affected by faults):

=======  ===============================  =================================================
POST     /_emulator/accounts              {name} → {open_kfid}
POST     /_emulator/servicers             {open_kfid, userid, status?, stop_type?}
POST     /_emulator/servicers/status      {open_kfid, userid, status, stop_type?} (+ event)
POST     /_emulator/customer/enter_session {open_kfid, external_userid?, scene?, scene_param?}
                                          → {external_userid, welcome_code}
POST     /_emulator/customer/send         {open_kfid, external_userid, text? | msgtype+payload}
                                          → {msgid}
POST     /_emulator/customer/send_many    {open_kfid, n, external_userid?, callback?} → {msgids}
GET      /_emulator/clock                 → {now, offset}
POST     /_emulator/clock/advance         {seconds} → {now, offset}
GET      /_emulator/faults                → {faults: [...]}
POST     /_emulator/faults                {kind, count?, path?, errcode?, delay?, probability?,
                                           status?, processed?} → {fault}
DELETE   /_emulator/faults                clear all faults
POST     /_emulator/tokens/invalidate     → {revoked}
GET      /_emulator/delivered             ?open_kfid=&touser= → {delivered: [...]}
GET      /_emulator/stats                 → counters
POST     /_emulator/callback              {url, token, encoding_aes_key} (url null: off)
POST     /_emulator/callbacks/flush       {timeout?} → {flushed}
POST     /_emulator/reset
POST     /_emulator/items/raw         {open_kfid, item, callback?} → {msgid} (inject.py)
...      /_emulator/provider/...          the service-provider side (see :mod:`.provider_control`)
GET      /_emulator/ui                    the browser console (see :mod:`.console`)
...      (console read models)            see :mod:`.console_api`
=======  ===============================  =================================================

Errors: HTTP 400 (bad input) / 404 (unknown route) with ``{"errcode": 40058|404, "errmsg"}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wxkefu_ext.emulator import inject as _inject
from wxkefu_ext.emulator._http import ApiError, Request, Response, json_response
from wxkefu_ext.emulator.console_api import ROUTES as _console_routes
from wxkefu_ext.emulator.provider_control import ROUTES as _provider_routes

if TYPE_CHECKING:
    from wxkefu_ext.emulator.scenario import Scenario

__all__ = ["handle_control"]

Route = Callable[["Scenario", dict[str, Any], Request], dict[str, Any]]


def _str(body: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name!r} must be a non-empty string")
    return value


def _accounts(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"open_kfid": emu.create_account(str(body.get("name", "客服")))}


def _servicers(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.add_servicer(
        str(_str(body, "open_kfid")),
        str(_str(body, "userid")),
        int(body.get("status", 0)),
        int(body.get("stop_type", 0)),
    )
    return {}


def _servicer_status(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.set_servicer_status(
        str(_str(body, "open_kfid")),
        str(_str(body, "userid")),
        int(body["status"]),
        int(body.get("stop_type", 0)),
    )
    return {}


def _enter(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    result = emu.customer_enter_session(
        str(_str(body, "open_kfid")),
        _str(body, "external_userid", required=False),
        scene=str(body.get("scene", "")),
        scene_param=str(body.get("scene_param", "")),
        wechat_channels=body.get("wechat_channels"),
    )
    return {"external_userid": result.external_userid, "welcome_code": result.welcome_code}


def _send(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    msgid = emu.customer_send(
        str(_str(body, "open_kfid")),
        str(_str(body, "external_userid")),
        body.get("text"),
        msgtype=body.get("msgtype"),
        payload=body.get("payload"),
        callback=bool(body.get("callback", True)),
    )
    return {"msgid": msgid}


def _send_many(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    n = body.get("n")
    if not isinstance(n, int) or isinstance(n, bool):
        raise ValueError("'n' must be an integer")
    ids = emu.customer_send_many(
        str(_str(body, "open_kfid")),
        n,
        external_userid=_str(body, "external_userid", required=False),
        callback=bool(body.get("callback", False)),
    )
    return {"msgids": ids}


def _clock(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"now": emu.clock.now(), "offset": emu.clock.offset}


def _advance(emu: Scenario, body: dict[str, Any], req: Request) -> dict[str, Any]:
    emu.clock.advance(body.get("seconds"))  # type: ignore[arg-type]
    return _clock(emu, body, req)


def _faults_list(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"faults": [f.as_dict() for f in emu.faults]}


def _faults_add(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    options = {k: v for k, v in body.items() if k != "kind"}
    fault = emu.inject_fault(str(_str(body, "kind")), **options)  # unknown options: ValueError
    return {"fault": fault.as_dict()}


def _faults_clear(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.clear_faults()
    return {}


def _invalidate(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"revoked": emu.invalidate_tokens()}


def _delivered(emu: Scenario, body: dict[str, Any], req: Request) -> dict[str, Any]:
    return {"delivered": emu.delivered(req.query.get("open_kfid"), touser=req.query.get("touser"))}


def _stats(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return emu.stats.as_dict()


def _callback(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.set_callback(
        body.get("url"), token=body.get("token"), encoding_aes_key=body.get("encoding_aes_key")
    )
    return {}


def _flush(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"flushed": emu.flush_callbacks(float(body.get("timeout", 5.0)))}


def _reset(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.reset()
    return {}


ROUTES: dict[tuple[str, str], Route] = {
    ("POST", "/_emulator/accounts"): _accounts,
    ("POST", "/_emulator/servicers"): _servicers,
    ("POST", "/_emulator/servicers/status"): _servicer_status,
    ("POST", "/_emulator/customer/enter_session"): _enter,
    ("POST", "/_emulator/customer/send"): _send,
    ("POST", "/_emulator/customer/send_many"): _send_many,
    ("GET", "/_emulator/clock"): _clock,
    ("POST", "/_emulator/clock/advance"): _advance,
    ("GET", "/_emulator/faults"): _faults_list,
    ("POST", "/_emulator/faults"): _faults_add,
    ("DELETE", "/_emulator/faults"): _faults_clear,
    ("POST", "/_emulator/tokens/invalidate"): _invalidate,
    ("GET", "/_emulator/delivered"): _delivered,
    ("GET", "/_emulator/stats"): _stats,
    ("POST", "/_emulator/callback"): _callback,
    ("POST", "/_emulator/callbacks/flush"): _flush,
    ("POST", "/_emulator/reset"): _reset,
}
ROUTES.update(_inject.ROUTES)  # POST /_emulator/items/raw (see inject.py)

# The browser console's read models and customer gestures (see console_api).
ROUTES.update(_console_routes)
# Suites, corps, the authorisation flow and tickets of the provider side (see provider_control).
ROUTES.update(_provider_routes)


def handle_control(emu: Scenario, request: Request) -> Response:
    if request.path.startswith(("/_emulator/ui", "/_emulator/media/")):
        from wxkefu_ext.emulator.console import serve

        return serve(emu, request)
    route = ROUTES.get((request.method.upper(), request.path.rstrip("/")))
    if route is None:
        known = sorted({p for _, p in ROUTES})
        return json_response(
            {
                "errcode": 404,
                "errmsg": f"no control route {request.method} {request.path[:80]}; "
                f"known: {', '.join(known)}",
            },
            status=404,
        )
    try:
        body = json.loads(request.body.decode("utf-8")) if request.body.strip() else {}
        if not isinstance(body, dict):
            raise ValueError("the body must be a JSON object")
        result = route(emu, body, request)
    except ApiError as exc:
        return json_response({"errcode": exc.errcode, "errmsg": exc.message}, status=400)
    except (ValueError, TypeError, KeyError) as exc:
        return json_response(
            {"errcode": 40058, "errmsg": f"{type(exc).__name__}: {exc}"}, status=400
        )
    return json_response({"errcode": 0, "errmsg": "ok", **result})
