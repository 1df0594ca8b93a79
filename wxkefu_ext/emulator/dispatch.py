"""Routing one ``/cgi-bin`` request: route by the spec, fire injected faults, run the handler.

Sans-IO (a :class:`~._http.Request` in, a :class:`~._http.Response` out), like stripe-mock's
single handler: the ASGI app and both in-process transports end here through
:meth:`Emulator.handle <wxkefu_ext.emulator.core.Emulator.handle>`. Every failure is an answer
in WeCom's shape (errcode, errmsg with ``hint: [request id]``), never an exception.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wxkefu_ext.emulator._http import REJECT_HEADER, ApiError, Request, Response, json_response
from wxkefu_ext.emulator.world import clip

if TYPE_CHECKING:
    from wxkefu_ext.emulator.faults import Firing
    from wxkefu_ext.emulator.world import World

__all__ = ["dispatch"]


def dispatch(world: World, request: Request) -> Response:
    """Answer one Kf API request (``/cgi-bin/...``) against ``world``."""
    rid = world.next_request_id()
    if not request.path.startswith("/cgi-bin/"):
        return _error(
            ApiError(
                48002,
                f"unknown path {request.method} {clip(request.path)}: the Kf API is served "
                "under /cgi-bin/, so the base URL probably lacks /cgi-bin "
                "(e.g. http://127.0.0.1:8765/cgi-bin)",
                kind="route",
                status=404,
            ),
            rid,
            request,
        )
    from wxkefu_ext.emulator import validation

    api_path = request.path[len("/cgi-bin") :]
    method = request.method.upper()
    op = validation.route(method, api_path)
    if op is None and method == "GET" and api_path == "/kf/account/list":
        op = validation.route("POST", api_path)  # older SDKs call it with GET
    if op is None:
        allowed = validation.methods_for(api_path)
        if allowed:
            error = ApiError(
                48002,
                f"method {method} not allowed for {api_path}; use {', '.join(allowed)}",
                kind="route",
                status=405,
            )
            response = _error(error, rid, request)
            response.headers["allow"] = ", ".join(allowed)
            return response
        return _error(
            ApiError(
                48002,
                f"api not found: {method} {clip(request.path)} (not in the Kf spec)",
                kind="route",
                status=404,
            ),
            rid,
            request,
        )
    firing = world.take_fault(request.path)
    if firing is not None and not firing.processed and firing.kind != "delay":
        return _fault_response(firing, rid, request)
    from wxkefu_ext.emulator.handlers import process

    try:
        response = process(world, op, request)
    except ApiError as error:
        response = _error(error, rid, request)
    response.headers.setdefault("x-request-id", rid)
    response.firing = firing
    return response


def _fault_response(firing: Firing, rid: str, request: Request) -> Response:
    if firing.kind == "http_5xx":
        body = (
            f"<html><body><h1>{firing.status} Service Unavailable</h1>"
            "wxkefu emulator fault</body></html>"
        )
        return Response(
            firing.status,
            {
                "content-type": "text/html; charset=utf-8",
                REJECT_HEADER: "fault",
                "x-request-id": rid,
            },
            body.encode(),
        )
    if firing.kind == "errcode":
        messages = {
            -1: "system busy",
            45009: "api freq out of limit",
            40014: "invalid access_token",
            42001: "access_token expired",
        }
        error = ApiError(
            firing.errcode, messages.get(firing.errcode, "injected fault"), kind="fault"
        )
        return _error(error, rid, request)
    return Response(200, {REJECT_HEADER: "fault", "x-request-id": rid}, b"", firing)


def _error(error: ApiError, rid: str, request: Request) -> Response:
    errmsg = (
        f"{error.message}, hint: [{rid}], from ip: {request.client}, "
        f"more info at https://open.work.weixin.qq.com/devtool/query?e={error.errcode}"
    )
    return json_response(
        {"errcode": error.errcode, "errmsg": errmsg},
        status=error.status,
        headers={REJECT_HEADER: error.kind, "x-request-id": rid},
    )
