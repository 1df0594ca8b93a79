"""A ready-made WSGI callback endpoint, also usable as a Flask view.

Why: same contract as :mod:`wxkefu_ext.callback.asgi` for sync stacks (Flask, Django,
gunicorn sync workers): verify, decrypt and parse in the request, begin the two-phase dedupe
mark, then either call ``handoff(event)`` *before* answering (durable mode: 200 only once it
returned, 503 and the mark dropped when it raised) or answer ``success`` at once and run the
handler on a **bounded** thread pool (in-memory mode: a crash loses the deliveries answered but
not yet handled; a handler that raises drops the mark so a re-send runs it again). When
``max_pending`` deliveries are already queued the endpoint answers 503 and drops the mark, so
WeCom's retry is handled later instead of piling up memory. Handler exceptions are logged,
never sent back.

Usage::

    app = wsgi_callback_app(CallbackCrypto(token, key, corp_id), on_event)   # any WSGI server
    flask_app.add_url_rule("/callback", view_func=flask_view(crypto, on_event),
                           methods=["GET", "POST"])
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any, Literal, TypeAlias

from wxkefu_ext.callback import _delivery
from wxkefu_ext.callback._http import (
    SUCCESS,
    Reply,
    error_reply,
    event_label,
    handle_get,
    handle_post,
    logger,
    parse_query,
    too_large,
)
from wxkefu_ext.callback.core import CallbackCrypto, ReceivedCallback
from wxkefu_ext.callback.dedupe import DedupeStore, MemoryDedupeStore
from wxkefu_ext.callback.parse import CallbackEvent
from wxkefu_ext.errors import CallbackError

__all__ = ["SyncEventHandler", "WsgiCallbackApp", "flask_view", "wsgi_callback_app"]

SyncEventHandler: TypeAlias = Callable[[CallbackEvent], object]
StartResponse: TypeAlias = Callable[..., Any]
_STATUS_TEXT = {
    200: "200 OK",
    400: "400 Bad Request",
    403: "403 Forbidden",
    405: "405 Method Not Allowed",
    413: "413 Content Too Large",
    503: "503 Service Unavailable",
}


class WsgiCallbackApp:
    """A WSGI application for one callback URL, with its handler thread pool."""

    def __init__(
        self,
        crypto: CallbackCrypto,
        handler: SyncEventHandler | None = None,
        *,
        dedupe: DedupeStore | Literal["memory"] | None = "memory",
        max_workers: int = 4,
        max_pending: int = 1000,
        handoff: Any = None,
    ) -> None:
        if max_workers < 1 or max_pending < 1:
            raise ValueError("max_workers and max_pending must be at least 1")
        if (handler is None) == (handoff is None):
            raise ValueError("pass exactly one of handler (in-memory) or handoff (durable)")
        self.crypto = crypto
        self.handler = handler
        self.handoff = handoff
        self._once = callable(getattr(handoff, "handoff_once", None))
        self.dedupe: DedupeStore | None = (
            None if self._once else MemoryDedupeStore() if dedupe == "memory" else dedupe
        )
        self._pool = ThreadPoolExecutor(max_workers, thread_name_prefix="wxkefu-callback")
        self._slots = threading.BoundedSemaphore(max_pending)
        self._idle = threading.Condition()
        self._running = 0

    # -- background --------------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Handler runs queued or running."""
        with self._idle:
            return self._running

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until no handler is queued or running; ``False`` if ``timeout`` expired."""
        with self._idle:
            return self._idle.wait_for(lambda: self._running == 0, timeout)

    def close(self, wait: bool = True) -> None:
        """Stop the pool (after running the queued handlers when ``wait``)."""
        self._pool.shutdown(wait=wait)

    def _run(self, received: ReceivedCallback) -> None:
        assert self.handler is not None
        try:
            self.handler(received.event)
        except Exception:
            logger.exception("callback handler failed for %s", event_label(received))
            _delivery.abort(self.dedupe, received.dedupe_key)  # a re-send runs it again
        else:
            _delivery.finish(self.dedupe, received.dedupe_key)
        finally:
            self._slots.release()
            with self._idle:
                self._running -= 1
                self._idle.notify_all()

    def _forget(self, key: str) -> None:
        _delivery.abort(self.dedupe, key)

    def _hand_off(self, received: ReceivedCallback) -> Reply:
        try:
            if self._once:
                if not self.handoff.handoff_once(received.dedupe_key, received.event):
                    logger.info("duplicate callback delivery ignored: %s", event_label(received))
                return Reply(200, SUCCESS)
            self.handoff(received.event)
        except Exception:
            logger.exception("callback hand-off failed for %s; answering 503 so WeCom "
                             "retries", event_label(received))  # fmt: skip
            self._forget(received.dedupe_key)
            return Reply(503, "hand-off failed, retry later")
        _delivery.finish(self.dedupe, received.dedupe_key)
        return Reply(200, SUCCESS)

    def _dispatch(self, received: ReceivedCallback) -> Reply:
        phase = _delivery.begin(self.dedupe, received.dedupe_key)
        if phase == "done":
            logger.info("duplicate callback delivery ignored: %s", event_label(received))
            return Reply(200, SUCCESS)
        if phase == "in_flight":
            logger.info("callback delivery still in flight: %s; 503", event_label(received))
            return Reply(503, "being handled, retry later")
        if self.handoff is not None:
            return self._hand_off(received)
        if not self._slots.acquire(blocking=False):
            self._forget(received.dedupe_key)
            logger.warning("callback queue full; answering 503 so WeCom retries later")
            return Reply(503, "busy, retry later")
        with self._idle:
            self._running += 1
        try:
            self._pool.submit(self._run, received)
        except RuntimeError:  # pool shut down
            self._slots.release()
            with self._idle:
                self._running -= 1
            self._forget(received.dedupe_key)
            return Reply(503, "shutting down")
        return Reply(200, SUCCESS)

    # -- requests ----------------------------------------------------------------------------

    def respond(
        self,
        method: str,
        query_string: bytes | str,
        read_body: Callable[[int], bytes | None],
    ) -> Reply:
        """The answer to one request. ``read_body(limit)`` returns the body, or ``None`` when
        it is larger than ``limit`` bytes."""
        try:
            query = parse_query(query_string)
        except CallbackError as exc:
            return error_reply(exc, method)
        if method in ("GET", "HEAD"):
            return handle_get(self.crypto, query)
        if method != "POST":
            return Reply(405, "method not allowed")
        limit = self.crypto.max_bytes
        body = read_body(limit)
        if body is None:
            return too_large(limit)
        outcome = handle_post(self.crypto, query, body)
        if isinstance(outcome, Reply):
            return outcome
        return self._dispatch(outcome)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        def read_body(limit: int) -> bytes | None:
            return _read_wsgi_body(environ, limit)

        reply = self.respond(
            str(environ.get("REQUEST_METHOD", "GET")).upper(),
            str(environ.get("QUERY_STRING", "")).encode("latin-1", "replace"),
            read_body,
        )
        body = reply.body
        headers = [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
        ]
        if reply.status == 405:
            headers.append(("Allow", "GET, POST"))
        start_response(_STATUS_TEXT.get(reply.status, f"{reply.status} Error"), headers)
        return [body]


def _read_wsgi_body(environ: dict[str, Any], limit: int) -> bytes | None:
    stream: IO[bytes] | None = environ.get("wsgi.input")
    if stream is None:
        return b""
    length_text = str(environ.get("CONTENT_LENGTH") or "").strip()
    if length_text.isdigit():
        length = int(length_text)
        if length > limit:
            return None
        return stream.read(length)
    if environ.get("wsgi.input_terminated"):
        data = stream.read(limit + 1)
        return None if len(data) > limit else data
    return b""  # no length and no terminated stream: reading could block


def wsgi_callback_app(
    crypto: CallbackCrypto,
    handler: SyncEventHandler | None = None,
    *,
    dedupe: DedupeStore | Literal["memory"] | None = "memory",
    max_workers: int = 4,
    max_pending: int = 1000,
    handoff: Any = None,
) -> WsgiCallbackApp:
    """A WSGI app answering the callback's GET and POST (see :class:`WsgiCallbackApp`)."""
    return WsgiCallbackApp(
        crypto,
        handler,
        dedupe=dedupe,
        max_workers=max_workers,
        max_pending=max_pending,
        handoff=handoff,
    )


def flask_view(
    crypto: CallbackCrypto,
    handler: SyncEventHandler,
    *,
    dedupe: DedupeStore | Literal["memory"] | None = "memory",
    max_workers: int = 4,
    max_pending: int = 1000,
) -> Callable[[], Any]:
    """A Flask view function for ``methods=["GET", "POST"]``. The underlying
    :class:`WsgiCallbackApp` (``.drain()``, ``.close()``) is the view's ``callback_app``."""
    core = wsgi_callback_app(
        crypto, handler, dedupe=dedupe, max_workers=max_workers, max_pending=max_pending
    )

    def wxkefu_callback() -> Any:
        from flask import Response, request

        def read_body(limit: int) -> bytes | None:
            if request.content_length is not None and request.content_length > limit:
                return None
            data: bytes = request.stream.read(limit + 1)
            return None if len(data) > limit else data

        reply = core.respond(request.method, request.query_string, read_body)
        response = Response(reply.text, status=reply.status, mimetype="text/plain")
        if reply.status == 405:
            response.headers["Allow"] = "GET, POST"
        return response

    wxkefu_callback.callback_app = core  # type: ignore[attr-defined]
    return wxkefu_callback
