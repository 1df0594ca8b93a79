"""Pushing signed callbacks from a thread of their own, as WeCom does: the one machinery under
the Kf ``kf_msg_or_event`` pusher (:mod:`.callbacks`) and the provider's instruction pusher
(:mod:`.provider`).

Why a thread: a receiver typically calls back into the emulator (``sync_msg``, ``get_suite_token``)
while handling the POST; sending from the request path would deadlock a single-threaded server,
and tests want the customer's action to return at once. :meth:`Pusher.flush` gives tests a
deterministic point to wait for. A delivery is retried up to :data:`ATTEMPTS` times until a 2xx;
an error of any kind — even building the envelope — is recorded as a failed outcome and never
stops later pushes. The thread starts on the first push and stops on :meth:`Pusher.close`
(started again, with a fresh log, by the next push).
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Generic, TypeAlias, TypeVar

from wxkefu_ext._redact import Secret, redact_text

if TYPE_CHECKING:
    import httpx

__all__ = ["ATTEMPTS", "TIMEOUT", "Attempts", "Post", "PostFor", "Pusher", "post_signed"]

ATTEMPTS: Final = 3
TIMEOUT: Final = 5.0
_STOP: Final = object()

J = TypeVar("J")
D = TypeVar("D")

#: ``post(url, params=..., content=..., headers=...)``: an HTTP client's post, in the thread.
Post: TypeAlias = Callable[..., "httpx.Response"]
Transport: TypeAlias = "httpx.BaseTransport | httpx.AsyncBaseTransport | None"
#: the thread's ``post`` over a transport (None: the real network)
PostFor: TypeAlias = Callable[[Transport], Post]


@dataclass(frozen=True, slots=True)
class Attempts:
    """How one delivery went: the last HTTP ``status`` (None if never answered), the last
    ``error`` (redacted), one ``answers`` line per attempt, and how many attempts were made."""

    status: int | None
    error: str | None
    answers: tuple[str, ...]
    count: int


def post_signed(
    post: Post,
    url: str,
    token: Secret,
    key: Secret,
    receiver_id: str,
    message: str,
    *,
    timestamp: int | None = None,
    hide: tuple[str, ...] = (),
) -> Attempts:
    """POST ``message`` encrypted and signed for ``receiver_id``, sealed afresh per attempt,
    until a 2xx or :data:`ATTEMPTS` tries. A failed send is an answer, never raised; its text
    is scrubbed of the token, the key and ``hide``. Building the envelope may raise."""
    from wxkefu_ext.callback import build_post_envelope

    status: int | None = None
    error: str | None = None
    answers: list[str] = []
    attempt = 0
    for attempt in range(1, ATTEMPTS + 1):
        signed = build_post_envelope(token, key, receiver_id, message, timestamp=timestamp)
        headers = {"content-type": signed.content_type}
        try:
            response = post(url, params=signed.params, content=signed.body, headers=headers)
            status, error = response.status_code, None
            answers.append(_answer_line(status, response.content))
            if 200 <= status < 300:
                break
        except Exception as exc:  # any failure is reported and retried, never raised
            status, error = None, redact_text(f"{type(exc).__name__}: {exc}", token, key, *hide)
            answers.append(error)
        time.sleep(0.05 * attempt)
    return Attempts(status, error, tuple(answers), attempt)


class Pusher(Generic[J, D]):
    """A queue of jobs ``J`` delivered in order by one thread, and the log of their outcomes
    ``D``. A subclass says how a job is delivered (:meth:`_deliver`), what an exception while
    delivering it means (:meth:`_broken`), and what a finished outcome counts (:meth:`_settled`)."""

    def __init__(self, thread_name: str) -> None:
        self._name = thread_name
        self._lock = threading.Lock()
        self._queue: queue.Queue[Any] | None = None
        self._thread: threading.Thread | None = None
        self._log: list[D] = []

    def push(self, job: J) -> None:
        with self._lock:
            if self._queue is None:
                self._queue = queue.Queue()
                self._thread = threading.Thread(
                    target=self._run, args=(self._queue, self._log), name=self._name, daemon=True
                )
                self._thread.start()
            self._queue.put(job)

    def flush(self, timeout: float) -> bool:
        """Wait (at most ``timeout`` s) until every queued delivery is done; False on timeout."""
        jobs = self._queue
        if jobs is None:
            return True
        with jobs.all_tasks_done:
            return jobs.all_tasks_done.wait_for(lambda: not jobs.unfinished_tasks, timeout)

    def log(self) -> list[D]:
        """Every outcome since the thread started, oldest first."""
        with self._lock:
            return list(self._log)

    def close(self) -> None:
        """Stop the thread after the deliveries already queued (bounded wait)."""
        with self._lock:
            jobs, thread = self._queue, self._thread
            self._queue, self._thread, self._log = None, None, []  # the next push starts afresh
        if jobs is not None and thread is not None:
            jobs.put(_STOP)
            thread.join(TIMEOUT * ATTEMPTS + 1)

    # -- subclass --------------------------------------------------------------------------

    def _deliver(self, job: J, post_for: PostFor) -> D:
        raise NotImplementedError

    def _broken(self, job: J, exc: Exception) -> D:
        """The outcome of a job whose delivery raised (the envelope could not be built)."""
        raise NotImplementedError

    def _settled(self, outcome: D) -> None:
        """Count and report a finished delivery (called in the thread, after logging it)."""

    # -- the thread ------------------------------------------------------------------------

    def _run(self, jobs: queue.Queue[Any], log: list[D]) -> None:
        with contextlib.ExitStack() as stack:
            post_for = _Clients(stack).post_for
            for job in iter(jobs.get, _STOP):
                try:
                    try:
                        outcome = self._deliver(job, post_for)
                    except Exception as exc:  # never ends the thread: later pushes still go out
                        outcome = self._broken(job, exc)
                    with self._lock:
                        log.append(outcome)
                    self._settled(outcome)
                finally:
                    jobs.task_done()
            jobs.task_done()  # the stop marker itself


class _Clients:
    """The thread's HTTP clients, one per transport, closed when the thread ends. An async
    transport runs on the thread's own event loop, and the tasks its app spawned while answering
    (an ASGI endpoint's background handlers) run before the delivery counts as done."""

    def __init__(self, stack: contextlib.ExitStack) -> None:
        self._stack = stack
        self._posts: dict[int, tuple[Transport, Post]] = {}  # keeps each transport alive
        self._loop: asyncio.AbstractEventLoop | None = None

    def post_for(self, transport: Transport) -> Post:
        found = self._posts.get(id(transport))
        if found is None:
            found = self._posts[id(transport)] = (transport, self._open(transport))
        return found[1]

    def _open(self, transport: Transport) -> Post:
        import httpx

        if not isinstance(transport, httpx.AsyncBaseTransport):
            client = httpx.Client(transport=transport, timeout=TIMEOUT)
            return self._stack.enter_context(client).post
        if self._loop is None:
            self._loop = self._stack.enter_context(contextlib.closing(asyncio.new_event_loop()))
        loop = self._loop
        async_client = httpx.AsyncClient(transport=transport, timeout=TIMEOUT)
        self._stack.callback(lambda: loop.run_until_complete(async_client.aclose()))

        def post(url: str, **kwargs: Any) -> httpx.Response:
            response = loop.run_until_complete(async_client.post(url, **kwargs))
            spawned = asyncio.all_tasks(loop)
            if spawned:
                loop.run_until_complete(asyncio.wait(spawned, timeout=TIMEOUT))
            return response

        return post


def _answer_line(status: int, body: bytes, limit: int = 200) -> str:
    text = body[:limit].decode("utf-8", "replace").strip()
    return f"HTTP {status}" + (f": {text}" if text else "")
