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
from typing import TYPE_CHECKING, Any

from wxkefu_ext.emulator import inject as _inject
from wxkefu_ext.emulator._http import ApiError, Request, Response, json_response
from wxkefu_ext.emulator.console_api import ROUTES as _console_routes
from wxkefu_ext.emulator.provider_control import ROUTES as _provider_routes
from wxkefu_ext.emulator.routes import Routes, optional_text, text

if TYPE_CHECKING:
    from wxkefu_ext.emulator.scenario import Scenario

__all__ = ["handle_control"]

ROUTES = Routes("/_emulator")


@ROUTES.route("POST", "/accounts")
def _accounts(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"open_kfid": emu.create_account(str(body.get("name", "客服")))}


@ROUTES.route("POST", "/servicers")
def _servicers(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.add_servicer(
        text(body, "open_kfid"),
        text(body, "userid"),
        int(body.get("status", 0)),
        int(body.get("stop_type", 0)),
    )
    return {}


@ROUTES.route("POST", "/servicers/status")
def _servicer_status(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.set_servicer_status(
        text(body, "open_kfid"),
        text(body, "userid"),
        int(body["status"]),
        int(body.get("stop_type", 0)),
    )
    return {}


@ROUTES.route("POST", "/customer/enter_session")
def _enter(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    result = emu.customer_enter_session(
        text(body, "open_kfid"),
        optional_text(body, "external_userid"),
        scene=str(body.get("scene", "")),
        scene_param=str(body.get("scene_param", "")),
        wechat_channels=body.get("wechat_channels"),
    )
    return {"external_userid": result.external_userid, "welcome_code": result.welcome_code}


@ROUTES.route("POST", "/customer/send")
def _send(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    msgid = emu.customer_send(
        text(body, "open_kfid"),
        text(body, "external_userid"),
        body.get("text"),
        msgtype=body.get("msgtype"),
        payload=body.get("payload"),
        callback=bool(body.get("callback", True)),
    )
    return {"msgid": msgid}


@ROUTES.route("POST", "/customer/send_many")
def _send_many(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    n = body.get("n")
    if not isinstance(n, int) or isinstance(n, bool):
        raise ValueError("'n' must be an integer")
    ids = emu.customer_send_many(
        text(body, "open_kfid"),
        n,
        external_userid=optional_text(body, "external_userid"),
        callback=bool(body.get("callback", False)),
    )
    return {"msgids": ids}


@ROUTES.route("GET", "/clock")
def _clock(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"now": emu.clock.now(), "offset": emu.clock.offset}


@ROUTES.route("POST", "/clock/advance")
def _advance(emu: Scenario, body: dict[str, Any], req: Request) -> dict[str, Any]:
    emu.clock.advance(body.get("seconds"))  # type: ignore[arg-type]
    return _clock(emu, body, req)


@ROUTES.route("GET", "/faults")
def _faults_list(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"faults": [f.as_dict() for f in emu.faults]}


@ROUTES.route("POST", "/faults")
def _faults_add(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    options = {k: v for k, v in body.items() if k != "kind"}
    fault = emu.inject_fault(text(body, "kind"), **options)  # unknown options: ValueError
    return {"fault": fault.as_dict()}


@ROUTES.route("DELETE", "/faults")
def _faults_clear(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.clear_faults()
    return {}


@ROUTES.route("POST", "/tokens/invalidate")
def _invalidate(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"revoked": emu.invalidate_tokens()}


@ROUTES.route("GET", "/delivered")
def _delivered(emu: Scenario, body: dict[str, Any], req: Request) -> dict[str, Any]:
    return {"delivered": emu.delivered(req.query.get("open_kfid"), touser=req.query.get("touser"))}


@ROUTES.route("GET", "/stats")
def _stats(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return emu.stats.as_dict()


@ROUTES.route("POST", "/callback")
def _callback(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.set_callback(
        body.get("url"), token=body.get("token"), encoding_aes_key=body.get("encoding_aes_key")
    )
    return {}


@ROUTES.route("POST", "/callbacks/flush")
def _flush(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"flushed": emu.flush_callbacks(float(body.get("timeout", 5.0)))}


@ROUTES.route("POST", "/reset")
def _reset(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    emu.reset()
    return {}


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
