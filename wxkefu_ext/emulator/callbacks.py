"""The ``kf_msg_or_event`` callbacks an emulator pushes: the message, the outcome the console
and ``GET /_emulator/callbacks`` show, and the pusher (on the shared :mod:`.pusher` thread, which
retries up to 3 attempts, logs and counts every failure — ``callbacks_failed`` — and never stops
later pushes). Callback faults (:mod:`.callback_faults`) are applied per push.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wxkefu_ext._redact import Secret, redact_text
from wxkefu_ext.emulator.pusher import PostFor, Pusher, post_signed

if TYPE_CHECKING:
    import httpx

    from wxkefu_ext.emulator.world import World

__all__ = ["CallbackDelivery", "CallbackJob", "CallbackPusher", "kf_msg_or_event_xml"]

_log = logging.getLogger("wxkefu_ext.emulator")


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
class CallbackJob:
    """One queued callback: where it goes (over which transport), how it is sealed, and what
    it announces."""

    url: str
    token: Secret
    key: Secret
    corp_id: str
    open_kfid: str
    sync_token: str
    timestamp: int
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None


class CallbackPusher(Pusher[CallbackJob, CallbackDelivery]):
    """The ``kf_msg_or_event`` pushes of one emulator; applies the callback faults it has."""

    def __init__(self, world: World) -> None:
        super().__init__("wxkefu-emulator-callbacks")
        self._world = world

    def _deliver(self, job: CallbackJob, post_for: PostFor) -> CallbackDelivery:
        from wxkefu_ext.emulator.callback_faults import apply_fault

        fault, url, token, key = apply_fault(self._world, job.url, job.token, job.key)
        # "unreachable" goes over the real network even with an in-process callback transport
        post = post_for(None if fault == "unreachable" else job.transport)
        message = kf_msg_or_event_xml(job.corp_id, job.timestamp, job.sync_token, job.open_kfid)
        done = post_signed(
            post, url, token, key, job.corp_id, message, timestamp=job.timestamp,
            hide=(job.sync_token,),
        )  # fmt: skip
        return CallbackDelivery(
            job.open_kfid,
            done.status,
            done.count,
            done.error,
            time=float(job.timestamp),
            url=url,
            message=message.replace(job.sync_token, _mask_token(job.sync_token)),
            answers=done.answers,
            fault=fault,
        )

    def _broken(self, job: CallbackJob, exc: Exception) -> CallbackDelivery:
        error = redact_text(f"{type(exc).__name__}: {exc}", job.token, job.key, job.sync_token)
        return CallbackDelivery(job.open_kfid, None, 0, error)

    def _settled(self, outcome: CallbackDelivery) -> None:
        self._world.count_callback(outcome.ok)
        if not outcome.ok:
            _log.warning(
                "callback for %s failed after %d attempts: %s",
                outcome.open_kfid, outcome.attempts, outcome.error or outcome.status,
            )  # fmt: skip


def _mask_token(token: str) -> str:
    return f"{token[:3]}…({len(token)} chars, masked)"
