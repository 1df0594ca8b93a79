"""Sans-IO request/response types shared by the ASGI app and the in-process transports.

The emulator's logic is synchronous and never touches a socket: the Starlette app
(:mod:`.app`) and the sync transport (:mod:`.transport`) both turn their request into a
:class:`Request`, call :meth:`Emulator.handle`, and write the :class:`Response` back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, Final

from wxkefu_ext.emulator.faults import Firing

__all__ = ["ApiError", "Request", "Response", "UploadedFile", "json_response", "parse_multipart"]

#: Header naming why the emulator rejected a request: schema | json | auth | business | fault |
#: route. Debug aid for humans and the contract tests' errcode check.
REJECT_HEADER: Final = "x-wxkefu-emulator-rejected"


class ApiError(Exception):
    """A WeCom-style error answer: HTTP 200 (unless ``status``) with ``errcode``/``errmsg``."""

    def __init__(self, errcode: int, message: str, *, kind: str = "business", status: int = 200):
        super().__init__(message)
        self.errcode = errcode
        self.message = message
        self.kind = kind
        self.status = status


@dataclass(slots=True)
class Request:
    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]  # lower-case names
    body: bytes
    client: str = "127.0.0.1"


@dataclass(slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    firing: Firing | None = field(default=None)


@dataclass(frozen=True, slots=True)
class UploadedFile:
    field: str
    filename: str | None
    content_type: str | None
    data: bytes


def json_response(
    payload: Mapping[str, Any], *, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out = {"content-type": "application/json; charset=utf-8"}
    if headers:
        out.update(headers)
    return Response(status, out, body)


def parse_multipart(content_type: str, body: bytes) -> list[UploadedFile]:
    """The parts of a ``multipart/form-data`` body (stdlib parser; no python-multipart)."""
    if "multipart/form-data" not in content_type.lower() or "boundary=" not in content_type:
        raise ApiError(
            44001,
            "media file is empty: expected a multipart/form-data body with a 'media' part",
            kind="schema",
        )
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise ApiError(44001, "media file is empty: unreadable multipart body", kind="schema")
    parts: list[UploadedFile] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        filename = part.get_filename()
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        ctype = part.get("content-type")
        parts.append(UploadedFile(name, filename, str(ctype) if ctype else None, data))
    return parts
