"""The httpx.Auth that makes every Kf request carry a valid access_token and fail loudly.

Per request it:

1. refuses Official-Account credentials (Kf accepts WeCom tokens only) before anything is sent;
2. gives every send (``/kf/send_msg``, ``/kf/send_msg_on_event``) a ``msgid`` when it has none, so
   the token replay below and every transport retry carry the same id and cannot send twice;
3. adds ``access_token`` to the query (never to a header);
4. on errcode 40001 / 40014 / 42001 drops that token, fetches a new one and replays the request
   **once** — a second rejection surfaces as :class:`~wxkefu_ext.errors.TokenError`;
5. turns the final reply into a typed error: ``errcode != 0`` → the matching
   :class:`~wxkefu_ext.errors.KfApiError` subclass; a reply that should be JSON but is not (HTML
   error page, truncated body, wrong content type) → :class:`~wxkefu_ext.errors.KfResponseError`.

Only JSON bodies are read, so media downloads still stream. The sync and async flows differ only
in how they await the token and the body; the decisions live in the helpers they share.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncGenerator, Generator
from typing import Final

import httpx

from wxkefu_ext.credentials import Credential, require_kf_capable
from wxkefu_ext.errors import TOKEN_REFRESH_ERRCODES, KfResponseError, raise_for_errcode
from wxkefu_ext.retry import cached_json, is_json, is_send
from wxkefu_ext.tokens import AsyncTokenManager, TokenManager

#: Endpoints whose success reply is not JSON (the JSON error body still is).
BINARY_PATHS: Final = ("/media/get",)
_MAX_JSON: Final = 8 * 1024 * 1024  # a JSON reply larger than this is refused, not parsed


def prepare(request: httpx.Request, credential: Credential) -> httpx.Request:
    """Steps 1 and 2: credential check and msgid; returns the request to send."""
    require_kf_capable(credential)
    if not is_send(request):
        return request
    try:
        body = json.loads(request.content)
    except ValueError:
        return request  # not JSON: the server will say so (47001); never guess
    if not isinstance(body, dict) or body.get("msgid"):
        return request
    body["msgid"] = uuid.uuid4().hex  # 32 chars, within the ≤32 [0-9a-zA-Z_-] rule
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    headers = httpx.Headers(request.headers)
    headers["content-length"] = str(len(content))
    return httpx.Request(
        request.method, request.url, headers=headers, content=content,
        extensions=request.extensions,
    )  # fmt: skip


def with_token(request: httpx.Request, token: str) -> None:
    request.url = request.url.copy_merge_params({"access_token": token})


def needs_body(response: httpx.Response) -> bool:
    return is_json(response)


def _path(request: httpx.Request) -> str:
    return request.url.path


def token_rejected(response: httpx.Response) -> bool:
    if not is_json(response):
        return False
    payload = cached_json(response)
    return isinstance(payload, dict) and payload.get("errcode") in TOKEN_REFRESH_ERRCODES


def check(request: httpx.Request, response: httpx.Response) -> None:
    """Step 5: raise for errcode != 0 and for replies that are not the JSON they should be."""
    path = _path(request)
    if not is_json(response):
        if path.endswith(BINARY_PATHS) and response.status_code in (200, 206, 416):
            return  # media bytes (the JSON error case has a JSON content type)
        raise KfResponseError(
            "expected a JSON reply, got "
            f"{response.headers.get('content-type') or 'no content type'}",
            status=response.status_code, body=_preview(response), path=path,
            content_type=response.headers.get("content-type"),
        )  # fmt: skip
    payload = cached_json(response)
    if payload is None:
        raise KfResponseError(
            "the reply is not valid JSON (truncated or malformed)",
            status=response.status_code, body=_preview(response), path=path,
            content_type=response.headers.get("content-type"),
        )  # fmt: skip
    raise_for_errcode(payload, path=path)


def _preview(response: httpx.Response) -> bytes | None:
    try:
        return response.content[:512]
    except httpx.ResponseNotRead:
        return None


def _too_big(response: httpx.Response) -> bool:
    length = response.headers.get("content-length", "")
    return length.isdigit() and int(length) > _MAX_JSON


def _refuse_big(request: httpx.Request, response: httpx.Response) -> None:
    raise KfResponseError(
        f"JSON reply of {response.headers.get('content-length')} bytes refused (limit {_MAX_JSON})",
        status=response.status_code, path=_path(request),
        content_type=response.headers.get("content-type"),
    )  # fmt: skip


class KfAuth(httpx.Auth):
    """Token injection, one refresh-and-replay, and errcode checking for a sync client."""

    def __init__(self, credential: Credential, tokens: TokenManager) -> None:
        self.credential = credential
        self.tokens = tokens

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        request = prepare(request, self.credential)
        token = self.tokens.get()
        with_token(request, token)
        response = yield request
        if needs_body(response):
            if _too_big(response):
                _refuse_big(request, response)
            response.read()
        if token_rejected(response):
            self.tokens.invalidate(token)
            response.close()
            with_token(request, self.tokens.get())
            response = yield request
            if needs_body(response):
                if _too_big(response):
                    _refuse_big(request, response)
                response.read()
        check(request, response)

    def __repr__(self) -> str:
        return f"KfAuth({self.credential!r})"


class AsyncKfAuth(httpx.Auth):
    """The asyncio twin of :class:`KfAuth`."""

    def __init__(self, credential: Credential, tokens: AsyncTokenManager) -> None:
        self.credential = credential
        self.tokens = tokens

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request = prepare(request, self.credential)
        token = await self.tokens.get()
        with_token(request, token)
        response = yield request
        if needs_body(response):
            if _too_big(response):
                _refuse_big(request, response)
            await response.aread()
        if token_rejected(response):
            await self.tokens.invalidate(token)
            await response.aclose()
            with_token(request, await self.tokens.get())
            response = yield request
            if needs_body(response):
                if _too_big(response):
                    _refuse_big(request, response)
                await response.aread()
        check(request, response)

    def __repr__(self) -> str:
        return f"AsyncKfAuth({self.credential!r})"
