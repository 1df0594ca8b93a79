"""Reading replies: how much of a body to read, within what time, and its JSON parsed once.

The retry transport reads every body the layers above must inspect — JSON replies (capped at
:data:`MAX_JSON_BYTES`) and a :data:`MAX_PREVIEW_BYTES` preview of unexpected non-JSON replies
(an HTML error page) — and leaves media bytes streaming. httpx times single reads only, so a
server dribbling one byte per second would hold a call forever: a body must arrive within
:func:`body_budget` seconds in total. The parsed JSON is kept on the response
(``response.extensions["wxkefu.json"]``) for the auth layer, the client and the pager.

Apart from :mod:`wxkefu_ext.retry`, which decides what to send again, because reading is the
same whatever the policy: this module knows bodies, not attempts.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any, Final

import httpx

from wxkefu_client import _operations as _ops

if TYPE_CHECKING:
    from wxkefu_ext.errors import KfError

__all__ = [
    "BODY_BUDGET_FACTOR",
    "MAX_JSON_BYTES",
    "MAX_PREVIEW_BYTES",
    "async_read_body",
    "body_budget",
    "body_limit",
    "cached_json",
    "content_length",
    "is_json",
    "oversized",
    "parse_json",
    "read_body",
    "reply_is_json",
    "too_slow",
]

#: A JSON reply larger than this is refused (sync_msg's biggest pages are a few MB).
MAX_JSON_BYTES: Final = 32 * 1024 * 1024
#: How much of an unexpected non-JSON reply (HTML error page...) is kept for the error message.
MAX_PREVIEW_BYTES: Final = 16 * 1024
#: A reply's headers, and then its body, must each arrive within this many read timeouts in total
#: (slow-loris guard: httpx only times single reads).
BODY_BUDGET_FACTOR: Final = 3.0


def is_json(response: httpx.Response) -> bool:
    return "json" in response.headers.get("content-type", "")


def reply_is_json(response: httpx.Response) -> bool:
    """:func:`is_json` without re-reading headers when the retry transport already decided."""
    ext = response.extensions
    if "wxkefu.json" in ext:
        return True
    if "wxkefu.read" in ext:
        return False
    return is_json(response)


def cached_json(response: httpx.Response) -> Any:
    """The reply's JSON, parsed once per response (the auth layer and client reuse it)."""
    ext = response.extensions
    if "wxkefu.json" not in ext:
        ext["wxkefu.json"] = parse_json(response.content)
    return ext["wxkefu.json"]


def parse_json(content: bytes) -> Any:
    """The parsed body, or None when it is not JSON (the client's check reports that as
    :class:`~wxkefu_ext.errors.KfResponseError`)."""
    try:
        return json.loads(content)
    except ValueError:
        return None


def content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "")
    return int(value) if value.isdigit() else None


def body_budget(request: httpx.Request) -> float | None:
    """Total seconds a reply body may take: a slow-loris guard (httpx times single reads only)."""
    timeout = request.extensions.get("timeout")
    read = timeout.get("read") if isinstance(timeout, dict) else None
    return None if read is None else max(float(read), 0.05) * BODY_BUDGET_FACTOR


def body_limit(path: str, js: bool) -> int | None:
    """How much of the body to read here: None = leave it streaming (media bytes)."""
    if js:
        return MAX_JSON_BYTES
    if path.endswith(_ops.BINARY_PATHS):
        return None
    return MAX_PREVIEW_BYTES  # an HTML error page or similar: keep a preview for the error


def oversized(request: httpx.Request, response: httpx.Response, size: int | None) -> KfError:
    """The error for a JSON reply above :data:`MAX_JSON_BYTES` (``size`` when it was declared)."""
    from wxkefu_ext.errors import KfResponseError

    what = f"{size} bytes" if size is not None else f"more than {MAX_JSON_BYTES} bytes"
    return KfResponseError(
        f"JSON reply of {what} refused (limit {MAX_JSON_BYTES} bytes)",
        status=response.status_code, path=request.url.path,
        content_type=response.headers.get("content-type"),
    )  # fmt: skip


def too_slow(budget: float) -> str:
    return f"reply body not complete within {budget:.2f}s"


def _settle(response: httpx.Response, raw: bytes, limit: int) -> tuple[httpx.Response, bool]:
    """Give ``response`` the body read so far; (response, whether the body was cut at limit)."""
    if len(raw) > limit:
        return _rebuild(response, raw[:limit], True), True
    response.stream = httpx.ByteStream(raw)
    try:
        response.read()  # decodes (gzip...) from the in-memory bytes; nothing touches the network
    except httpx.DecodingError:
        return _rebuild(response, raw, True), True  # undecodable: keep a raw preview for the error
    response.extensions["wxkefu.read"] = True
    return response, False


def _rebuild(response: httpx.Response, body: bytes, cut: bool) -> httpx.Response:
    headers = response.headers
    if "content-encoding" in headers or cut:
        headers = headers.copy()
        headers.pop("content-encoding", None)
        headers["content-length"] = str(len(body))
    extensions = dict(response.extensions)
    extensions["wxkefu.truncated"] = cut
    extensions["wxkefu.read"] = True
    return httpx.Response(
        response.status_code, headers=headers, content=body, extensions=extensions,
        request=response.request if _has_request(response) else None,
    )  # fmt: skip


def _has_request(response: httpx.Response) -> bool:
    try:
        response.request  # noqa: B018 - the property raises when unset
    except RuntimeError:
        return False
    return True


async def async_read_body(
    request: httpx.Request, response: httpx.Response, limit: int, budget: float | None
) -> tuple[httpx.Response, bool]:
    """Read at most ``limit`` bytes of ``response`` (raw, so that it can still decode them
    once), checking ``budget`` between chunks; (the response with its body, whether the body
    was cut at ``limit``). A read of the socket itself is cut by the transport's own deadline
    (:func:`~wxkefu_ext.deadline.within`, ``asyncio.timeout``), where there is one."""
    stream = response.stream
    if not isinstance(stream, httpx.AsyncByteStream):
        raise TypeError("the retry transport needs a transport of its own flavour underneath")
    deadline = None if budget is None else time.monotonic() + budget
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in stream:
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise httpx.ReadTimeout(too_slow(budget or 0.0), request=request)
    finally:
        await stream.aclose()
    return _settle(response, b"".join(chunks), limit)


# ---- sync twin of async_read_body, generated by `make gen`: edit that ----
def read_body(
    request: httpx.Request, response: httpx.Response, limit: int, budget: float | None
) -> tuple[httpx.Response, bool]:
    """Read at most ``limit`` bytes of ``response`` (raw, so that it can still decode them
    once), checking ``budget`` between chunks; (the response with its body, whether the body
    was cut at ``limit``). A read of the socket itself is cut by the transport's own deadline
    (:func:`~wxkefu_ext.deadline.within`, ``asyncio.timeout``), where there is one."""
    stream = response.stream
    if not isinstance(stream, httpx.SyncByteStream):
        raise TypeError("the retry transport needs a transport of its own flavour underneath")
    deadline = None if budget is None else time.monotonic() + budget
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in stream:
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise httpx.ReadTimeout(too_slow(budget or 0.0), request=request)
    finally:
        stream.close()
    return _settle(response, b"".join(chunks), limit)


# ---- end of generated code ----
