"""The httpx.Auth that makes every Kf request carry a valid access_token and fail loudly.

Per request it:

1. refuses Official-Account credentials (Kf accepts WeCom tokens only) before anything is sent;
2. gives every send (``/kf/send_msg``, ``/kf/send_msg_on_event``) a ``msgid`` when it has none, so
   the token replay below and every transport retry carry the same id and cannot send twice;
3. adds ``access_token`` to the query (never to a header: WeCom reads the query, and a header
   would be one more place a token can leak from);
4. on errcode 40001 / 40014 / 42001 drops that token (compare-and-delete: a newer token another
   process stored stays), fetches a new one and replays the request **once** — a second
   rejection surfaces as :class:`~wxkefu_ext.errors.TokenError`, never a loop;
5. turns the final reply into a typed error: ``errcode != 0`` → the matching
   :class:`~wxkefu_ext.errors.KfApiError` subclass; a reply that should be JSON but is not (HTML
   error page, truncated body, wrong content type, missing errcode) →
   :class:`~wxkefu_ext.errors.KfResponseError`.

Bodies are read (bounded) by the retry transport underneath, which also parses JSON once; this
layer only looks at the parsed result, so media downloads keep streaming. ``sync_auth_flow`` and
``async_auth_flow`` drive one generator (:meth:`KfAuth._flow`) and differ only in how they await
the token manager.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Generator
from dataclasses import dataclass
from typing import Any, Final, TypeVar

import httpx

from wxkefu_ext._redact import Secret, redact_text
from wxkefu_ext.credentials import Credential, require_kf_capable
from wxkefu_ext.errors import (
    TOKEN_REFRESH_ERRCODES,
    KfResponseError,
    TokenError,
    raise_for_errcode,
)
from wxkefu_ext.msgid import new_msgid
from wxkefu_ext.replies import cached_json
from wxkefu_ext.replies import reply_is_json as is_json
from wxkefu_ext.retry import BINARY_PATHS, is_send
from wxkefu_ext.tokens import AsyncTokenManager, TokenManager

#: Request extension set by the client when it already put a msgid into a send's JSON body.
MSGID_EXTENSION: Final = "wxkefu.msgid"
#: Request extension set by the client when it already put this access_token into the URL (the
#: URL is built once instead of being re-parsed here: the hot path of every call).
TOKEN_EXTENSION: Final = "wxkefu.token"  # noqa: S105 - an extension name, not a token
_PREVIEW: Final = 512


def prepare(request: httpx.Request, credential: Credential) -> httpx.Request:
    """Steps 1 and 2: credential check and msgid; returns the request to send."""
    require_kf_capable(credential)
    if not is_send(request) or MSGID_EXTENSION in request.extensions:
        return request
    try:
        body = json.loads(request.content)
    except (ValueError, httpx.RequestNotRead):
        return request  # not JSON: the server will say so (47001); never guess
    if not isinstance(body, dict) or body.get("msgid"):
        return request
    body["msgid"] = new_msgid()
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    headers = httpx.Headers(request.headers)
    headers["content-length"] = str(len(content))
    extensions = {**request.extensions, MSGID_EXTENSION: body["msgid"]}
    return httpx.Request(
        request.method, request.url, headers=headers, content=content, extensions=extensions
    )


def with_token(request: httpx.Request, token: str) -> None:
    request.url = request.url.copy_merge_params({"access_token": token})


def token_rejected(response: httpx.Response) -> bool:
    if not is_json(response):
        return False
    payload = cached_json(response)
    return isinstance(payload, dict) and payload.get("errcode") in TOKEN_REFRESH_ERRCODES


def check(
    request: httpx.Request, response: httpx.Response, *, secrets: tuple[Secret, ...] = ()
) -> None:
    """Step 5: raise for errcode != 0 and for replies that are not the JSON they should be.

    ``secrets`` (the credential's) are masked in the error text along with the request's own:
    a proxy or server echoing more than the request carried must not put them into an error.
    """
    path = request.url.path
    if not is_json(response):
        if path.endswith(BINARY_PATHS) and response.status_code in (200, 206, 416):
            return  # media bytes (the JSON error case has a JSON content type)
        kind = response.headers.get("content-type") or "no content type"
        raise KfResponseError(
            f"expected a JSON reply, got {kind}",
            status=response.status_code, body=_preview(response), path=path,
            content_type=response.headers.get("content-type"),
            secrets=_masked(request, secrets),
        )  # fmt: skip
    payload = cached_json(response)
    if payload is None:
        raise KfResponseError(
            "the reply is not valid JSON (truncated or malformed)",
            status=response.status_code, body=_preview(response), path=path,
            content_type=response.headers.get("content-type"),
            secrets=_masked(request, secrets),
        )  # fmt: skip
    raise_for_errcode(scrub(payload, request, secrets=secrets), path=path)


def _masked(request: httpx.Request, secrets: tuple[Secret, ...]) -> tuple[str | Secret, ...]:
    """What an error about ``request`` must mask; computed only when there is an error (the
    query is parsed for it, which every successful call would otherwise pay)."""
    return (*query_secrets(request), *secrets)


#: Query parameters whose values are secrets (WeCom / Official Account token requests, calls).
_SECRET_PARAMS: Final = (
    "access_token",
    "corpsecret",
    "secret",
    "suite_access_token",
    "provider_access_token",
)


def query_secrets(request: httpx.Request) -> tuple[str, ...]:
    """The secret values ``request`` carries in its query, to be masked in any error text: a
    server or proxy may echo them bare (``redact_text`` alone only catches ``name=value``)."""
    params = request.url.params
    return tuple(v for name in _SECRET_PARAMS if (v := params.get(name)))


def scrub(payload: Any, request: httpx.Request, *, secrets: tuple[Secret, ...] = ()) -> Any:
    """``payload`` with the request's secrets (and ``secrets``) masked in a failing reply's
    ``errmsg``."""
    if not isinstance(payload, dict) or payload.get("errcode") in (0, None):
        return payload
    errmsg = payload.get("errmsg")
    if not isinstance(errmsg, str) or not errmsg:
        return payload
    masked = redact_text(errmsg, *query_secrets(request), *secrets)
    return payload if masked == errmsg else {**payload, "errmsg": masked}


def _preview(response: httpx.Response) -> bytes | None:
    try:
        return response.content[:_PREVIEW]
    except httpx.ResponseNotRead:
        return None


@dataclass(frozen=True, slots=True)
class _Token:
    """Step: hand me a token (after dropping ``rejected``, when set)."""

    rejected: str | None = None


_M = TypeVar("_M", TokenManager, AsyncTokenManager)


def _manager(tokens: TokenManager | AsyncTokenManager, kind: type[_M], serves: str) -> _M:
    if not isinstance(tokens, kind):
        raise TypeError(f"KfAuth with {type(tokens).__name__} cannot serve {serves}")
    return tokens


class KfAuth(httpx.Auth):
    """Token injection, one refresh-and-replay, and errcode checking (sync and async clients).

    ``tokens`` is a :class:`~wxkefu_ext.tokens.TokenManager` for ``httpx.Client`` or an
    :class:`~wxkefu_ext.tokens.AsyncTokenManager` for ``httpx.AsyncClient``.
    """

    def __init__(self, credential: Credential, tokens: TokenManager | AsyncTokenManager) -> None:
        self.credential = credential
        self.tokens = tokens
        self._secrets = (credential.secret,)

    def _flow(self, request: httpx.Request) -> Generator[_Token | httpx.Request, Any, None]:
        request = prepare(request, self.credential)
        token = request.extensions.get(TOKEN_EXTENSION)
        if not isinstance(token, str) or not token:
            token = yield _Token()
            with_token(request, token)
        response: httpx.Response = yield request
        if token_rejected(response):
            token = yield _Token(rejected=token)
            with_token(request, token)
            response = yield request  # the replay, once
            if token_rejected(response):
                payload = scrub(cached_json(response), request, secrets=self._secrets)
                raise TokenError(
                    payload["errcode"],
                    f"{payload.get('errmsg', '')} (also after fetching a fresh token: the "
                    "credential or its token is being rejected; not retrying again)",
                    path=request.url.path,
                )
        check(request, response, secrets=self._secrets)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        tokens = _manager(self.tokens, TokenManager, "httpx.Client")
        flow = self._flow(request)
        step = next(flow)
        while True:
            answer = tokens.renew(step.rejected) if isinstance(step, _Token) else (yield step)
            try:
                step = flow.send(answer)
            except StopIteration:
                return

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        tokens = _manager(self.tokens, AsyncTokenManager, "httpx.AsyncClient")
        flow = self._flow(request)
        step = next(flow)
        while True:
            if isinstance(step, _Token):
                answer: Any = await tokens.renew(step.rejected)
            else:
                answer = yield step
            try:
                step = flow.send(answer)
            except StopIteration:
                return

    def __repr__(self) -> str:
        return f"KfAuth({self.credential!r})"


#: Kept for callers of the first version; the same class serves both clients.
AsyncKfAuth = KfAuth
