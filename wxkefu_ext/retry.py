"""Retrying at the transport: transient failures are retried, sends are never duplicated.

The retry layer sits *below* authentication (an httpx transport wrapper), so a retried attempt
reuses the same request — same access_token, same body, same ``msgid``. What it retries:

* transport errors (connect/read failures, timeouts), HTTP 5xx and 429;
* errcode -1 (system busy) and 45009 (frequency limit), read from JSON bodies only.

Sending a message is not idempotent, so a request to ``/kf/send_msg`` or
``/kf/send_msg_on_event`` is retried only when its JSON body carries a ``msgid`` (the client adds
one to every send). WeCom rejects a msgid it has already seen; when a *retried* send gets that
rejection, the first attempt landed and the reply is turned into the success it really was.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Final

import httpx

_log = logging.getLogger(__name__)

SEND_PATHS: Final = ("/kf/send_msg", "/kf/send_msg_on_event")
RETRY_ERRCODES: Final = frozenset({-1, 45009})
#: The official duplicate-msgid code is undocumented; the emulator uses 40058 + "msgid" in errmsg.
DUPLICATE_MSGID_ERRCODE: Final = 40058
_MAX_INSPECT: Final = 64 * 1024  # JSON replies larger than this are not inspected for errcodes


def is_duplicate_msgid(errcode: object, errmsg: str) -> bool:
    """Does this reply reject a msgid the server has already accepted (i.e. it was delivered)?"""
    return errcode == DUPLICATE_MSGID_ERRCODE and "msgid" in errmsg.lower()


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how patiently to retry. ``max_attempts`` counts the first try."""

    max_attempts: int = 3
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    multiplier: float = 2.0
    #: returns the factor applied to each delay; full jitter in [0.5, 1.0) by default
    jitter: Callable[[], float] = field(default=lambda: 0.5 + random.random() / 2)
    sleep: Callable[[float], None] = time.sleep
    async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.initial_backoff < 0 or self.max_backoff < 0:
            raise ValueError("backoff must not be negative")

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait after failed ``attempt`` (1-based)."""
        base = min(self.max_backoff, self.initial_backoff * self.multiplier ** (attempt - 1))
        wait = base * self.jitter()
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_backoff))
        return wait


NO_RETRY: Final = RetryPolicy(max_attempts=1)


def is_send(request: httpx.Request) -> bool:
    return request.url.path.endswith(SEND_PATHS)


def _body_json(request: httpx.Request) -> Any:
    try:
        return json.loads(request.content)
    except (ValueError, httpx.RequestNotRead):
        return None


def send_msgid(request: httpx.Request) -> str | None:
    body = _body_json(request)
    if isinstance(body, dict):
        msgid = body.get("msgid")
        if isinstance(msgid, str) and msgid:
            return msgid
    return None


def retry_allowed(request: httpx.Request) -> bool:
    return not is_send(request) or send_msgid(request) is not None


def is_json(response: httpx.Response) -> bool:
    return "json" in response.headers.get("content-type", "")


def cached_json(response: httpx.Response) -> Any:
    """The reply's JSON, parsed once per response (the auth layer and client reuse it)."""
    ext = response.extensions
    if "wxkefu.json" not in ext:
        try:
            ext["wxkefu.json"] = json.loads(response.content)
        except ValueError:
            ext["wxkefu.json"] = None
    return ext["wxkefu.json"]


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _small_json(response: httpx.Response) -> bool:
    if not is_json(response):
        return False
    length = response.headers.get("content-length")
    return length is None or (length.isdigit() and int(length) <= _MAX_INSPECT)


class _Decision:
    __slots__ = ("final", "response", "wait")

    def __init__(self, final: bool, response: httpx.Response, wait: float = 0.0) -> None:
        self.final = final
        self.response = response
        self.wait = wait


def _decide(
    policy: RetryPolicy,
    request: httpx.Request,
    response: httpx.Response,
    attempt: int,
    retryable: bool,
) -> _Decision:
    """Shared by the sync and async transports, after the body (if JSON) has been read."""
    payload = cached_json(response) if _small_json(response) else None
    code = payload.get("errcode") if isinstance(payload, dict) else None
    errmsg = str(payload.get("errmsg", "")) if isinstance(payload, dict) else ""
    if attempt > 1 and is_send(request) and is_duplicate_msgid(code, errmsg):
        msgid = send_msgid(request)
        if msgid:
            _log.info("send %s: retry hit a duplicate msgid, so attempt 1 was delivered", msgid)
            ok = httpx.Response(
                200, json={"errcode": 0, "errmsg": "ok", "msgid": msgid}, request=request
            )
            return _Decision(True, ok)
    transient = response.status_code >= 500 or response.status_code == 429
    transient = transient or code in RETRY_ERRCODES
    if not transient or not retryable or attempt >= policy.max_attempts:
        return _Decision(True, response)
    return _Decision(False, response, policy.delay(attempt, _retry_after(response)))


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport (HTTPTransport, MockTransport, the emulator's...) with a RetryPolicy."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy | None = None) -> None:
        self.inner = inner
        self.policy = policy or RetryPolicy()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retryable = retry_allowed(request)
        attempt = 1
        while True:
            try:
                response = self.inner.handle_request(request)
            except httpx.TransportError as exc:
                if not retryable or attempt >= self.policy.max_attempts:
                    raise
                wait = self.policy.delay(attempt)
                _log.debug("%s failed (%s); retry %d in %.2fs", request.url.path,
                           type(exc).__name__, attempt, wait)  # fmt: skip
                self.policy.sleep(wait)
                attempt += 1
                continue
            if _small_json(response):
                response.read()
            decision = _decide(self.policy, request, response, attempt, retryable)
            if decision.final:
                if decision.response is not response:
                    response.close()
                return decision.response
            response.close()
            _log.debug("%s transient reply; retry %d in %.2fs", request.url.path, attempt,
                       decision.wait)  # fmt: skip
            self.policy.sleep(decision.wait)
            attempt += 1

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The asyncio twin of :class:`RetryTransport`."""

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy | None = None) -> None:
        self.inner = inner
        self.policy = policy or RetryPolicy()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        retryable = retry_allowed(request)
        attempt = 1
        while True:
            try:
                response = await self.inner.handle_async_request(request)
            except httpx.TransportError:
                if not retryable or attempt >= self.policy.max_attempts:
                    raise
                await self.policy.async_sleep(self.policy.delay(attempt))
                attempt += 1
                continue
            if _small_json(response):
                await response.aread()
            decision = _decide(self.policy, request, response, attempt, retryable)
            if decision.final:
                if decision.response is not response:
                    await response.aclose()
                return decision.response
            await response.aclose()
            await self.policy.async_sleep(decision.wait)
            attempt += 1

    async def aclose(self) -> None:
        await self.inner.aclose()
