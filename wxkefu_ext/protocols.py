"""What a helper needs from a client: the few generated resource methods it calls, no more.

The message senders need ``send_msg`` / ``send_msg_on_event`` / ``recall_msg``; the sync_msg
pager (and the worker that builds pagers) needs ``with_raw_response.sync_msg`` — the raw form,
so the pager keeps the server's items as sent and parses each one itself, tolerantly.
:class:`~wxkefu_ext.client.KfClient` / :class:`~wxkefu_ext.client.AsyncKfClient` have them all
(generated from the spec by ``make gen``); the helpers take these protocols instead of the
client so they do not import it (a layer above them). Tests use real clients over
``httpx.MockTransport`` (tests/fakes.py) or the emulator, never objects with a bare
``request()``: :meth:`KfClient.request <wxkefu_ext.client.KfClient.request>` is the escape hatch
for endpoints the spec does not have yet, not what the helpers call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from wxkefu_client.models.sync_msg_req import SyncMsgReq
    from wxkefu_client.resources._base import RawResponse

__all__ = [
    "SupportsAsyncSend",
    "SupportsAsyncSyncMsg",
    "SupportsSend",
    "SupportsSyncMsg",
]


class SupportsSend(Protocol):
    """A sync client's send operations (``body`` is a generated ``Send…Req`` model)."""

    def send_msg(self, *, body: Any) -> Any: ...

    def send_msg_on_event(self, *, body: Any) -> Any: ...

    def recall_msg(self, *, open_kfid: str, msgid: str) -> Any: ...


class SupportsAsyncSend(Protocol):
    """The asyncio twin of :class:`SupportsSend`."""

    async def send_msg(self, *, body: Any) -> Any: ...

    async def send_msg_on_event(self, *, body: Any) -> Any: ...

    async def recall_msg(self, *, open_kfid: str, msgid: str) -> Any: ...


class _RawSyncMsg(Protocol):
    def sync_msg(self, *, body: SyncMsgReq) -> RawResponse[Any]: ...


class _AsyncRawSyncMsg(Protocol):
    async def sync_msg(self, *, body: SyncMsgReq) -> RawResponse[Any]: ...


class SupportsSyncMsg(Protocol):
    """A sync client's raw ``sync_msg``: ``kf.with_raw_response.sync_msg(body=SyncMsgReq)``."""

    @property
    def with_raw_response(self) -> _RawSyncMsg: ...


class SupportsAsyncSyncMsg(Protocol):
    """The asyncio twin of :class:`SupportsSyncMsg`."""

    @property
    def with_raw_response(self) -> _AsyncRawSyncMsg: ...
