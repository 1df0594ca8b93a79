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
from typing import IO, Any, Literal, TypeAlias, TypedDict, Unpack

from wxkefu_ext.callback._delivery import CallbackCore, Effect, ReadBody, Spawn, drive
from wxkefu_ext.callback._http import Reply
from wxkefu_ext.callback.core import CallbackCrypto, ReceivedCallback
from wxkefu_ext.callback.dedupe import DedupeStore
from wxkefu_ext.callback.parse import CallbackEvent

__all__ = ["SyncEventHandler", "WsgiCallbackApp", "WsgiOptions", "flask_view", "wsgi_callback_app"]

SyncEventHandler: TypeAlias = Callable[[CallbackEvent], object]
StartResponse: TypeAlias = Callable[..., Any]


class WsgiOptions(TypedDict, total=False):
    """The keyword options of :class:`WsgiCallbackApp`, :func:`wsgi_callback_app` and
    :func:`flask_view`: ``dedupe`` (default ``"memory"``), ``max_workers`` (4), ``max_pending``
    (1000), ``handoff`` (default None: in-memory mode with ``handler``)."""

    dedupe: DedupeStore | Literal["memory"] | None
    max_workers: int
    max_pending: int
    handoff: Any


_STATUS_TEXT = {
    200: "200 OK",
    400: "400 Bad Request",
    403: "403 Forbidden",
    405: "405 Method Not Allowed",
    413: "413 Content Too Large",
    503: "503 Service Unavailable",
}


class WsgiCallbackApp:
    """A WSGI application for one callback URL, with its handler thread pool: a thread shell
    over :class:`~wxkefu_ext.callback._delivery.CallbackCore`, which makes every decision."""

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
        self.core = CallbackCore(crypto, handler, handoff, dedupe)
        self._pool = ThreadPoolExecutor(max_workers, thread_name_prefix="wxkefu-callback")
        self._slots = threading.BoundedSemaphore(max_pending)
        self._idle = threading.Condition()
        self._running = 0

    @property
    def crypto(self) -> CallbackCrypto:
        return self.core.crypto

    @property
    def dedupe(self) -> DedupeStore | None:
        """The dedupe store in use (None with ``handoff_once`` or ``dedupe=None``)."""
        store: DedupeStore | None = self.core.dedupe
        return store

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

    def _count(self, delta: int) -> None:
        with self._idle:
            self._running += delta
            self._idle.notify_all()

    def _run(self, received: ReceivedCallback) -> None:
        try:
            drive(self.core.run(received), _call)
        finally:
            self._slots.release()
            self._count(-1)

    def _spawn(self, received: ReceivedCallback) -> str:
        if not self._slots.acquire(blocking=False):
            return "busy"
        self._count(+1)
        try:
            self._pool.submit(self._run, received)
        except RuntimeError:  # pool shut down
            self._slots.release()
            self._count(-1)
            return "closed"
        return "started"

    # -- requests ----------------------------------------------------------------------------

    def respond(
        self,
        method: str,
        query_string: bytes | str,
        read_body: Callable[[int], bytes | None],
    ) -> Reply:
        """The answer to one request. ``read_body(limit)`` returns the body, or ``None`` when
        it is larger than ``limit`` bytes."""

        def perform(effect: Effect) -> Any:
            if isinstance(effect, ReadBody):
                return read_body(effect.limit)
            if isinstance(effect, Spawn):
                return self._spawn(effect.received)
            return _call(effect)

        return drive(self.core.respond(method, query_string), perform)

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


def _call(effect: Effect) -> Any:
    """A store, hand-off or handler call, in the calling thread."""
    assert not isinstance(effect, ReadBody | Spawn)
    return effect.fn(*effect.args)


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
    crypto: CallbackCrypto, handler: SyncEventHandler | None = None, **options: Unpack[WsgiOptions]
) -> WsgiCallbackApp:
    """A WSGI app answering the callback's GET and POST (see :class:`WsgiCallbackApp`)."""
    return WsgiCallbackApp(crypto, handler, **options)


def flask_view(
    crypto: CallbackCrypto, handler: SyncEventHandler | None = None, **options: Unpack[WsgiOptions]
) -> Callable[[], Any]:
    """A Flask view function for ``methods=["GET", "POST"]``. The underlying
    :class:`WsgiCallbackApp` (``.drain()``, ``.close()``) is the view's ``callback_app``."""
    core = WsgiCallbackApp(crypto, handler, **options)

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
