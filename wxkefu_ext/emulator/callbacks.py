"""Pushing encrypted, signed ``kf_msg_or_event`` callbacks, in a background thread.

Why a thread of its own: a callback receiver typically calls ``sync_msg`` on the emulator while
handling the POST; sending from the request path would deadlock a single-threaded server, and
tests want the customer's action to return at once. :meth:`CallbackPusher.flush` gives tests a
deterministic point to wait for. Like WeCom, a delivery that fails (exception or non-2xx) is
retried, up to 3 attempts; an error of any kind while pushing is logged and counted
(``callbacks_failed``) and never stops later pushes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from wxkefu_ext._redact import Secret, redact_text

if TYPE_CHECKING:
    import httpx

    from wxkefu_ext.emulator.world import World

__all__ = ["CallbackDelivery", "CallbackPusher", "kf_msg_or_event_xml"]

_log = logging.getLogger("wxkefu_ext.emulator")
ATTEMPTS: Final = 3
TIMEOUT: Final = 5.0
_STOP: Final = object()


@dataclass(frozen=True, slots=True)
class CallbackDelivery:
    """The outcome of one callback: HTTP ``status`` (None if never answered), ``attempts``.

    For people watching (the console, ``GET /_emulator/callbacks``): ``time`` (emulator clock
    at the push), ``url``, ``message`` (the decrypted XML, its sync Token masked: a 10-minute
    credential), ``answers`` (one line per attempt: the HTTP status and the start of the
    body, or the error), and ``fault`` (the callback fault that was applied, if any)."""

    open_kfid: str
    status: int | None
    attempts: int
    error: str | None = None
    time: float = 0.0
    url: str = ""
    message: str = ""
    answers: tuple[str, ...] = ()
    fault: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def kf_msg_or_event_xml(corp_id: str, create_time: int, sync_token: str, open_kfid: str) -> str:
    """The decrypted callback message (§6.2)."""
    return (
        f"<xml><ToUserName><![CDATA[{corp_id}]]></ToUserName>"
        f"<CreateTime>{create_time}</CreateTime>"
        "<MsgType><![CDATA[event]]></MsgType>"
        "<Event><![CDATA[kf_msg_or_event]]></Event>"
        f"<Token><![CDATA[{sync_token}]]></Token>"
        f"<OpenKfId><![CDATA[{open_kfid}]]></OpenKfId></xml>"
    )


@dataclass(frozen=True, slots=True)
class _Job:
    """One queued callback: where it goes, how it is sealed, and what it announces."""

    url: str
    token: Secret
    key: Secret
    corp_id: str
    open_kfid: str
    sync_token: str
    timestamp: int


#: ``post(url, params=..., content=..., headers=...)``: the pusher thread's HTTP client.
_Post: TypeAlias = Callable[..., "httpx.Response"]


class CallbackPusher:
    def __init__(
        self, world: World, transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None
    ) -> None:
        self._world = world
        self._transport = transport
        self._queue: queue.Queue[Any] = queue.Queue()
        self._log: list[CallbackDelivery] = []
        self._log_lock = threading.Lock()
        self._thread = threading.Thread(
            target=self._run, name="wxkefu-emulator-callbacks", daemon=True
        )
        self._thread.start()

    def push(
        self,
        url: str,
        token: Secret,
        key: Secret,
        corp_id: str,
        open_kfid: str,
        sync_token: str,
        timestamp: int,
    ) -> None:
        self._queue.put(_Job(url, token, key, corp_id, open_kfid, sync_token, timestamp))

    def flush(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._queue.all_tasks_done:
            while self._queue.unfinished_tasks:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._queue.all_tasks_done.wait(remaining)
        return True

    def log(self) -> list[CallbackDelivery]:
        with self._log_lock:
            return list(self._log)

    def close(self) -> None:
        self._queue.put(_STOP)
        self._thread.join(TIMEOUT * ATTEMPTS + 1)

    # -- worker -------------------------------------------------------------------------

    def _run(self) -> None:
        import httpx

        with contextlib.ExitStack() as stack:
            post: _Post
            if isinstance(self._transport, httpx.AsyncBaseTransport):
                loop = stack.enter_context(contextlib.closing(asyncio.new_event_loop()))
                client = httpx.AsyncClient(transport=self._transport, timeout=TIMEOUT)
                stack.callback(lambda: loop.run_until_complete(client.aclose()))

                def post(url: str, **kwargs: Any) -> httpx.Response:
                    return loop.run_until_complete(client.post(url, **kwargs))

            else:
                post = stack.enter_context(
                    httpx.Client(transport=self._transport, timeout=TIMEOUT)
                ).post
            while True:
                job = self._queue.get()
                try:
                    if job is _STOP:
                        return
                    self._deliver_safely(job, post)
                finally:
                    self._queue.task_done()

    def _deliver_safely(self, job: _Job, post: _Post) -> None:
        """One delivery whose failure — of any kind, even building the envelope — is logged
        and counted but never ends the pusher thread, so later pushes still go out."""
        try:
            self._deliver(job, post)
        except Exception as exc:
            error = redact_text(f"{type(exc).__name__}: {exc}", job.token, job.key, job.sync_token)
            with self._log_lock:
                self._log.append(CallbackDelivery(job.open_kfid, None, 0, error))
            self._world.count_callback(False)
            _log.warning("callback for %s could not be built or sent: %s", job.open_kfid, error)

    def _deliver(self, job: _Job, post: _Post) -> None:
        from wxkefu_ext.emulator.callback_faults import apply_fault

        fault, url, token, key = apply_fault(self._world, job.url, job.token, job.key)
        if fault == "unreachable":
            # over the real network even with an in-process callback transport
            import httpx

            with httpx.Client(timeout=TIMEOUT) as direct:
                self._attempts(job, fault, url, token, key, direct.post)
            return
        self._attempts(job, fault, url, token, key, post)

    def _attempts(
        self, job: _Job, fault: str | None, url: str, token: Secret, key: Secret, post: _Post
    ) -> None:
        from wxkefu_ext.callback import build_post_envelope

        corp_id, open_kfid = job.corp_id, job.open_kfid
        sync_token, timestamp = job.sync_token, job.timestamp
        message = kf_msg_or_event_xml(corp_id, timestamp, sync_token, open_kfid)
        status: int | None = None
        error: str | None = None
        answers: list[str] = []
        attempt = 0
        for attempt in range(1, ATTEMPTS + 1):
            signed = build_post_envelope(token, key, corp_id, message, timestamp=timestamp)
            headers = {"content-type": signed.content_type}
            try:
                response = post(url, params=signed.params, content=signed.body, headers=headers)
                status, error = response.status_code, None
                answers.append(_answer_line(status, response.content))
                if 200 <= status < 300:
                    break
            except Exception as exc:  # any failure is reported and retried, never raised
                status, error = (
                    None,
                    redact_text(f"{type(exc).__name__}: {exc}", token, key, sync_token),
                )
                answers.append(error)
            time.sleep(0.05 * attempt)
        outcome = CallbackDelivery(
            open_kfid,
            status,
            attempt,
            error,
            time=float(timestamp),
            url=url,
            message=message.replace(sync_token, _mask_token(sync_token)),
            answers=tuple(answers),
            fault=fault,
        )
        with self._log_lock:
            self._log.append(outcome)
        self._world.count_callback(outcome.ok)
        if not outcome.ok:
            _log.warning(
                "callback for %s failed after %d attempts: %s", open_kfid, attempt, error or status
            )


def _answer_line(status: int, body: bytes, limit: int = 200) -> str:
    text = body[:limit].decode("utf-8", "replace").strip()
    return f"HTTP {status}" + (f": {text}" if text else "")


def _mask_token(token: str) -> str:
    return f"{token[:3]}…({len(token)} chars, masked)"
