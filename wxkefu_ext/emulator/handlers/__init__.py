"""Operation handlers, one module per area, and :func:`process` that runs one of them.

Order of checks per request, as on the real server: access_token, query parameters, body
(JSON syntax → 47001, schema → 40058 naming the field), then the business rules of the
handler. Handlers run under the emulator's lock, so each request is atomic.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from wxkefu_ext.emulator._http import (
    ApiError,
    Request,
    Response,
    UploadedFile,
    json_response,
    parse_multipart,
)
from wxkefu_ext.emulator.handlers.call import HANDLERS, Call, Handler
from wxkefu_ext.emulator.validation import Operation, validate_body, validate_query

if TYPE_CHECKING:
    from wxkefu_ext.emulator.world import World

__all__ = ["Call", "Handler", "process"]


#: Specific errcodes for missing/invalid query parameters (else 40058).
_QUERY_ERRCODES: Final[dict[tuple[str, str], tuple[int, int]]] = {
    # (operationId, parameter): (missing, invalid)
    ("getToken", "corpid"): (41002, 40013),
    ("getToken", "corpsecret"): (41004, 40001),
    ("mediaUpload", "type"): (40005, 40005),
    ("mediaGet", "media_id"): (40007, 40007),
    ("servicerList", "open_kfid"): (95000, 95000),
}


def _handlers() -> dict[str, Handler]:
    from wxkefu_ext.emulator.handlers import (
        accounts,
        customers,
        knowledge,
        media,
        messages,
        provider,
        sessions,
        stats,
    )

    # importing a module registered its handlers (@handles); the names themselves are not used
    del accounts, customers, knowledge, media, messages, provider, sessions, stats
    return dict(HANDLERS)


_TABLE: dict[str, Handler] = {}


def _parse_json(op: Operation, raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        if op.body_required:
            raise ApiError(47001, "Warning: wrong json format. request body is empty", kind="json")
        return {}
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(
            47001,
            f"Warning: wrong json format. {type(exc).__name__} at {getattr(exc, 'pos', '?')}",
            kind="json",
        ) from None
    if not isinstance(doc, dict):
        raise ApiError(
            47001,
            f"Warning: wrong json format. body is a JSON {type(doc).__name__}, not an object",
            kind="json",
        )
    return doc


def process(emu: World, op: Operation, request: Request) -> Response:
    if not _TABLE:
        _TABLE.update(_handlers())
    handler = _TABLE.get(op.operation_id)
    if handler is None:  # pragma: no cover - every operation of the spec has a handler
        raise ApiError(
            48002, f"operation {op.operation_id} is not implemented by the emulator", kind="route"
        )
    with emu.lock:
        emu.stats.requests_by_op[op.operation_id] += 1
        if op.operation_id == "getToken":
            emu.stats.gettoken_calls += 1
        corp_id = emu.check_token(request.query.get("access_token")) if op.needs_token else ""
        problem = validate_query(op, request.query)
        if problem is not None:
            missing, invalid = _QUERY_ERRCODES.get((op.operation_id, problem.field), (40058, 40058))
            code = missing if problem.field not in request.query else invalid
            raise ApiError(code, problem.message, kind=problem.kind)
        files: list[UploadedFile] = []
        body: dict[str, Any] = {}
        if op.content_type == "multipart/form-data":
            files = parse_multipart(request.headers.get("content-type", ""), request.body)
        elif op.body_ref is not None:
            body = _parse_json(op, request.body)
            problem = validate_body(op, body)
            if problem is not None:
                raise ApiError(problem.errcode, problem.message, kind=problem.kind)
        result = handler(emu, Call(request, body, request.query, corp_id, files))
    if isinstance(result, Response):
        return result
    return json_response({"errcode": 0, "errmsg": "ok", **result})
