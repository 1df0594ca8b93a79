"""Pushing encrypted, signed ``kf_msg_or_event`` callbacks, in a background thread.

Why a thread of its own: a callback receiver typically calls ``sync_msg`` on the emulator while
handling the POST; sending from the request path would deadlock a single-threaded server, and
tests want the customer's action to return at once. :meth:`CallbackPusher.flush` gives tests a
deterministic point to wait for. Like WeCom, a delivery that fails (exception or non-2xx) is
retried, up to 3 attempts.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

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
    """The outcome of one callback: HTTP ``status`` (None if never answered), ``attempts``."""

    open_kfid: str
    status: int | None
    attempts: int
    error: str | None = None

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
        self._queue.put((url, token, key, corp_id, open_kfid, sync_token, timestamp))

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

        loop: asyncio.AbstractEventLoop | None = None
        sync_client: httpx.Client | None = None
        async_client: httpx.AsyncClient | None = None
        if self._transport is not None and isinstance(self._transport, httpx.AsyncBaseTransport):
            loop = asyncio.new_event_loop()
            async_client = httpx.AsyncClient(transport=self._transport, timeout=TIMEOUT)
        else:
            sync_client = httpx.Client(transport=self._transport, timeout=TIMEOUT)
        try:
            while True:
                job = self._queue.get()
                try:
                    if job is _STOP:
                        return
                    self._deliver(job, sync_client, async_client, loop)
                finally:
                    self._queue.task_done()
        finally:
            if sync_client is not None:
                sync_client.close()
            if async_client is not None and loop is not None:
                loop.run_until_complete(async_client.aclose())
                loop.close()

    def _deliver(
        self,
        job: tuple[str, Secret, Secret, str, str, str, int],
        sync_client: httpx.Client | None,
        async_client: httpx.AsyncClient | None,
        loop: asyncio.AbstractEventLoop | None,
    ) -> None:
        from wxkefu_ext.callback import build_post_envelope

        url, token, key, corp_id, open_kfid, sync_token, timestamp = job
        message = kf_msg_or_event_xml(corp_id, timestamp, sync_token, open_kfid)
        status: int | None = None
        error: str | None = None
        attempt = 0
        for attempt in range(1, ATTEMPTS + 1):
            signed = build_post_envelope(token, key, corp_id, message, timestamp=timestamp)
            headers = {"content-type": signed.content_type}
            try:
                if async_client is not None and loop is not None:
                    response = loop.run_until_complete(
                        async_client.post(
                            url, params=signed.params, content=signed.body, headers=headers
                        )
                    )
                else:
                    assert sync_client is not None
                    response = sync_client.post(
                        url, params=signed.params, content=signed.body, headers=headers
                    )
                status, error = response.status_code, None
                if 200 <= status < 300:
                    break
            except Exception as exc:  # any failure is reported and retried, never raised
                status, error = (
                    None,
                    redact_text(f"{type(exc).__name__}: {exc}", token, key, sync_token),
                )
            time.sleep(0.05 * attempt)
        outcome = CallbackDelivery(open_kfid, status, attempt, error)
        with self._log_lock:
            self._log.append(outcome)
        self._world.count_callback(outcome.ok)
        if not outcome.ok:
            _log.warning(
                "callback for %s failed after %d attempts: %s", open_kfid, attempt, error or status
            )
