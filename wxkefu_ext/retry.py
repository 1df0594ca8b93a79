"""Retrying at the transport: transient failures are retried, sends are never duplicated.

The retry layer sits *below* authentication (an httpx transport wrapper), so a retried attempt
reuses the same request — same access_token, same body, same ``msgid``. What it retries:

* failures where the server certainly did not act: connect errors and pool timeouts, HTTP 429
  and 503, errcode -1 (system busy) and 45009 (frequency limit) — for every request;
* failures where it may have acted (read errors and timeouts, other 5xx) — only for requests
  that are safe to repeat: not the creating calls in :data:`NON_IDEMPOTENT_PATHS`.

Sending a message is not idempotent, so a request to ``/kf/send_msg`` or
``/kf/send_msg_on_event`` is retried only when its JSON body carries a ``msgid`` (the client adds
one to every send). WeCom rejects a msgid it has already seen; when a *retried* send gets that
rejection (a retry here, or the auth layer's replay of the same request after a token
rejection), the first attempt landed and the reply is turned into the success it really was.

The transport also reads every body the layers above must inspect, capped and within a total
time budget, and parses JSON once for everyone (how: :mod:`wxkefu_ext.replies`; the same budget
bounds the wait for the *headers* when the client built the transport, see
:mod:`wxkefu_ext.deadline`). Media bytes are left streaming.

The decisions live in one generator (:func:`_flow`); :class:`RetryTransport` and
:class:`AsyncRetryTransport` only execute its steps (send, read, pause), driven by
:mod:`wxkefu_ext._flows`.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import json
import logging
import random
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import httpx

from wxkefu_client import _operations as _ops
from wxkefu_ext._flows import arun, run
from wxkefu_ext.deadline import out_of_time, within
from wxkefu_ext.replies import (
    async_read_body,
    body_budget,
    body_limit,
    content_length,
    is_json,
    oversized,
    parse_json,
    read_body,
    too_slow,
)

if TYPE_CHECKING:
    from wxkefu_ext.errors import KfError

_log = logging.getLogger(__name__)

RETRY_ERRCODES: Final = frozenset({-1, 45009})
#: The official duplicate-msgid code is undocumented; the emulator uses 40058 + "msgid" in errmsg.
DUPLICATE_MSGID_ERRCODE: Final = 40058
# From the spec (generated table): sends (``x-wxkefu-send``); creating calls, not repeated
# after an *ambiguous* failure (read error/timeout, 5xx) because the server may have acted
# already (``x-wxkefu-creates``); binary replies that must keep streaming (their JSON errors
# do not).
SEND_PATHS: Final = _ops.SEND_PATHS
NON_IDEMPOTENT_PATHS: Final = _ops.NON_IDEMPOTENT_PATHS
BINARY_PATHS: Final = _ops.BINARY_PATHS


#: An errmsg that *names a duplicated msgid*: "duplicate(d) msgid", "msgid ... duplicated",
#: "msgid (already) exists/used/sent" (not "msgid not exists"). Not "invalid msgid", "msgid too
#: long", "msgid is empty": 40058 is WeCom's generic invalid-parameter code, so "msgid" alone
#: proves nothing.
_DUPLICATE_MSGID_TEXT: Final = re.compile(
    r"\bduplicat\w*[\s:_-]+(?:\w+[\s:_-]+){0,2}?msg_?id\b"
    r"|\bmsg_?id\b[^,;.]{0,40}?\b(?<!not )(?<!no )"
    r"(?:duplicat\w*|(?:already\s+)?(?:exists?|used|sent|taken)\b)",
    re.IGNORECASE,
)


def is_duplicate_msgid(errcode: object, errmsg: str) -> bool:
    """Does this reply reject a msgid the server has already accepted (i.e. it was delivered)?

    The single rule for "a repeated send was delivered earlier" (used by the retry layer and
    :mod:`wxkefu_ext.messages`): errcode 40058 *and* an errmsg naming a duplicated msgid."""
    return (
        errcode == DUPLICATE_MSGID_ERRCODE
        and isinstance(errmsg, str)
        and _DUPLICATE_MSGID_TEXT.search(errmsg) is not None
    )


@dataclass(frozen=True, slots=True)
class SendAttempt:
    """One attempt of a request, as the retry layer saw it.

    ``outcome`` is ``"ok"``, ``"errcode"``, ``"http"`` or the transport exception's class name;
    ``may_have_reached`` is False only when the server certainly did not act (connect failure,
    HTTP 429/503, errcode -1/45009, a definite errcode rejection)."""

    number: int
    outcome: str
    status: int | None = None
    errcode: int | None = None
    may_have_reached: bool = False


_ATTEMPTS: Final[contextvars.ContextVar[list[SendAttempt] | None]] = contextvars.ContextVar(
    "wxkefu_attempts", default=None
)


class recording_attempts:
    """Collect every attempt of a *send* (``/kf/send_msg``, ``/kf/send_msg_on_event``) the
    retry layer makes inside the block (including the auth layer's replay after a token
    rejection) into a list."""

    def __init__(self) -> None:
        self.attempts: list[SendAttempt] = []
        self._reset: contextvars.Token[list[SendAttempt] | None] | None = None

    def __enter__(self) -> list[SendAttempt]:
        self._reset = _ATTEMPTS.set(self.attempts)
        return self.attempts

    def __exit__(self, *exc: object) -> None:
        if self._reset is not None:
            _ATTEMPTS.reset(self._reset)


def _record(attempt: SendAttempt) -> None:
    sink = _ATTEMPTS.get()
    if sink is not None:
        sink.append(SendAttempt(len(sink) + 1, attempt.outcome, attempt.status, attempt.errcode,
                                attempt.may_have_reached))  # fmt: skip


def _record_response(response: httpx.Response) -> None:
    if _ATTEMPTS.get() is None:
        return
    payload = response.extensions.get("wxkefu.json")
    code = payload.get("errcode") if isinstance(payload, dict) else None
    code = code if isinstance(code, int) and not isinstance(code, bool) else None
    status = response.status_code
    if status in (429, 503) or code in RETRY_ERRCODES:
        outcome, reached = "http" if code is None else "errcode", False
    elif status >= 500 or (status == 200 and code is None):
        outcome, reached = "http", True  # a gateway may fail after the backend acted
    elif code == 0:
        outcome, reached = "ok", True
    elif isinstance(payload, dict) and is_duplicate_msgid(code, str(payload.get("errmsg", ""))):
        outcome, reached = "errcode", True  # the msgid was accepted by an earlier attempt
    else:
        outcome, reached = ("errcode" if code is not None else "http"), False
    _record(SendAttempt(0, outcome, status, code, reached))


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


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds from ``Retry-After`` (delta-seconds or HTTP-date); None when absent or unusable.

    The policy caps it at ``max_backoff``: a proxy asking for an hour must not stall a caller.
    """
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, seconds) if seconds == seconds else None  # NaN is not a delay


# ---------------------------------------------------------------------------------------------
# The sans-IO core: one generator decides, the sync and async transports only execute its steps
# ---------------------------------------------------------------------------------------------


class _Send:
    """Step: send ``request`` once within ``budget`` seconds (headers included, where the
    transport allows); the shell answers with the response, or the TransportError is thrown in.
    One per flow, re-yielded for every attempt."""

    __slots__ = ("budget", "request")

    def __init__(self, request: httpx.Request, budget: float | None) -> None:
        self.request, self.budget = request, budget


#: Request extension: how many times this request object was sent, across retry flows. The auth
#: layer replays the *same* request after a token rejection, through a new flow; a send whose
#: earlier attempt may have landed must still read "duplicate msgid" as delivered.
SENT_EXTENSION: Final = "wxkefu.sent"


@dataclass(frozen=True, slots=True)
class _Read:
    """Step: read at most ``limit`` bytes of ``response`` to ``request`` within ``budget``
    seconds.

    The shell answers with a fully read response (a new one when the body was cut or decoded)
    and whether the body was cut; a TransportError that interrupts the read is thrown in.
    """

    request: httpx.Request
    response: httpx.Response
    limit: int
    budget: float | None


@dataclass(frozen=True, slots=True)
class _Pause:
    seconds: float
    close: httpx.Response | None


@dataclass(frozen=True, slots=True)
class _Close:
    """Step: close ``response`` unread (the shell knows whether that is ``close`` or ``aclose``)."""

    response: httpx.Response


_Step = _Send | _Read | _Pause | _Close


def _ambiguous(exc: httpx.TransportError) -> bool:
    """Could the server have acted on the request? (connect-phase failures: certainly not)"""
    return not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def _flow(policy: RetryPolicy, request: httpx.Request) -> Generator[_Step, Any, httpx.Response]:
    """Send ``request`` until it succeeds, fails for good or the policy is used up."""
    path = request.url.path  # decoded on every access: once per call here
    send = path.endswith(SEND_PATHS)
    allowed = not send or send_msgid(request) is not None  # retry_allowed, path known
    idempotent = allowed and not path.endswith(NON_IDEMPOTENT_PATHS)
    budget = body_budget(request)
    sending = _Send(request, budget)
    attempt = 1
    while True:
        request.extensions[SENT_EXTENSION] = request.extensions.get(SENT_EXTENSION, 0) + 1
        try:
            outcome = yield sending
        except httpx.TransportError as exc:  # thrown in by the driver (wxkefu_ext._flows)
            outcome = exc
        js = False
        if isinstance(outcome, httpx.Response):
            js = is_json(outcome)
            limit = body_limit(path, js)
            if limit is not None:
                size = content_length(outcome)
                if js and size is not None and size > limit:
                    yield _Close(outcome)
                    raise oversized(request, outcome, size)
                try:
                    outcome = yield _Read(request, outcome, limit, budget)
                except httpx.TransportError as exc:
                    outcome = exc
        if isinstance(outcome, httpx.TransportError):
            if send:
                _record(
                    SendAttempt(0, type(outcome).__name__, may_have_reached=_ambiguous(outcome))
                )
            retry = (idempotent or not _ambiguous(outcome)) and allowed
            if not retry or attempt >= policy.max_attempts:
                raise _transport_error(outcome, path, attempt) from outcome
            wait = policy.delay(attempt)
            if _log.isEnabledFor(logging.DEBUG):
                _log.debug("%s: %s; attempt %d in %.2fs", path, type(outcome).__name__,
                           attempt + 1, wait)  # fmt: skip
            yield _Pause(wait, None)
            attempt += 1
            continue
        response, cut = outcome if isinstance(outcome, tuple) else (outcome, False)
        if cut and js:
            response.close()
            raise oversized(request, response, None)
        if js:
            response.extensions["wxkefu.json"] = parse_json(response.content)
        if send:  # not the gettoken a send may trigger
            _record_response(response)
        final, wait = _decide(policy, request, response, attempt, allowed, idempotent)
        if final is not None:
            if final is not response:
                response.close()
            return final
        if _log.isEnabledFor(logging.DEBUG):
            _log.debug("%s: transient reply (HTTP %d); attempt %d in %.2fs", path,
                       response.status_code, attempt + 1, wait)  # fmt: skip
        yield _Pause(wait, response)
        attempt += 1


def _transport_error(exc: httpx.TransportError, path: str, attempts: int) -> KfError:
    from wxkefu_ext.errors import KfTransportError

    detail = str(exc) or "no detail"
    return KfTransportError(f"{type(exc).__name__}: {detail}", path=path, attempts=attempts)


def _decide(
    policy: RetryPolicy,
    request: httpx.Request,
    response: httpx.Response,
    attempt: int,
    allowed: bool,
    idempotent: bool,
) -> tuple[httpx.Response | None, float]:
    """(final response, 0) or (None, seconds to wait before the next attempt)."""
    payload = response.extensions.get("wxkefu.json")
    code = payload.get("errcode") if isinstance(payload, dict) else None
    repeated = request.extensions.get(SENT_EXTENSION, 0) > 1  # this flow or an earlier one
    if code == DUPLICATE_MSGID_ERRCODE and repeated and is_send(request):
        errmsg = str(payload.get("errmsg", "")) if isinstance(payload, dict) else ""
        msgid = send_msgid(request)
        if msgid and is_duplicate_msgid(code, errmsg):
            _log.info("send %s: a retry was rejected as duplicate msgid, so an earlier attempt "
                      "was delivered; reporting success", msgid)  # fmt: skip
            ok = {"errcode": 0, "errmsg": "ok", "msgid": msgid}
            return httpx.Response(200, json=ok, request=request, extensions={"wxkefu.json": ok}), 0
    status = response.status_code
    if status in (429, 503) or code in RETRY_ERRCODES:
        retry = allowed  # the server says it did not act on the request
    elif status >= 500:
        retry = idempotent  # a gateway may fail after the backend acted
    else:
        retry = False
    if not retry or attempt >= policy.max_attempts:
        return response, 0.0
    return None, policy.delay(attempt, _retry_after(response))


# ---------------------------------------------------------------------------------------------
# The shells
# ---------------------------------------------------------------------------------------------


@asynccontextmanager
async def _bounded(step: _Send | _Read, message: Callable[[float], str]) -> AsyncIterator[None]:
    """The block runs within ``step.budget`` seconds in total (``asyncio.timeout``: a send with
    its headers, or a whole body read); running out is an httpx.ReadTimeout."""
    if step.budget is None:
        yield
        return
    try:
        async with asyncio.timeout(step.budget):
            yield
    except TimeoutError:
        raise httpx.ReadTimeout(message(step.budget), request=step.request) from None


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps a transport (AsyncHTTPTransport, MockTransport, the emulator's...) with a RetryPolicy.

    Besides retrying, it reads every reply body the layers above must inspect (JSON, and a
    bounded preview of unexpected non-JSON replies) with a size cap and a total time budget, parses
    JSON once (``response.extensions["wxkefu.json"]``) and leaves media bytes streaming.
    A transport failure that outlives the policy is raised as
    :class:`~wxkefu_ext.errors.KfTransportError`.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy | None = None) -> None:
        self.inner = inner
        self.policy = policy or RetryPolicy()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await arun(_flow(self.policy, request), self._perform)

    async def _perform(self, step: _Step) -> Any:
        """One step of the shared flow (a send, or a body read, within the step's budget)."""
        if isinstance(step, _Send):
            async with _bounded(step, out_of_time):  # unasync: with within(step.budget):
                return await self.inner.handle_async_request(step.request)
        if isinstance(step, _Read):
            async with _bounded(step, too_slow):  # unasync: with within(step.budget):
                return await async_read_body(step.request, step.response, step.limit, step.budget)
        if isinstance(step, _Close):
            await step.response.aclose()
            return None
        if step.close is not None:
            await step.close.aclose()
        await self.policy.async_sleep(step.seconds)
        return None

    async def aclose(self) -> None:
        await self.inner.aclose()


# ---- sync twin of AsyncRetryTransport, generated by `make gen`: edit that ----
class RetryTransport(httpx.BaseTransport):
    """Wraps a transport (HTTPTransport, MockTransport, the emulator's...) with a RetryPolicy.

    Besides retrying, it reads every reply body the layers above must inspect (JSON, and a
    bounded preview of unexpected non-JSON replies) with a size cap and a total time budget, parses
    JSON once (``response.extensions["wxkefu.json"]``) and leaves media bytes streaming.
    A transport failure that outlives the policy is raised as
    :class:`~wxkefu_ext.errors.KfTransportError`.
    """

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy | None = None) -> None:
        self.inner = inner
        self.policy = policy or RetryPolicy()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return run(_flow(self.policy, request), self._perform)

    def _perform(self, step: _Step) -> Any:
        """One step of the shared flow (a send, or a body read, within the step's budget)."""
        if isinstance(step, _Send):
            with within(step.budget):
                return self.inner.handle_request(step.request)
        if isinstance(step, _Read):
            with within(step.budget):
                return read_body(step.request, step.response, step.limit, step.budget)
        if isinstance(step, _Close):
            step.response.close()
            return None
        if step.close is not None:
            step.close.close()
        self.policy.sleep(step.seconds)
        return None

    def close(self) -> None:
        self.inner.close()


# ---- end of generated code ----
