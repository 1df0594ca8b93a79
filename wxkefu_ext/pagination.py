"""The ``kf/sync_msg`` pager: every message once, in order, with the cursor committed after use.

Why this exists (peers.md A.1, A.7, B.4-B.6): hand-written pull loops stop on an empty
``msg_list`` (the server may return an empty page with ``has_more = 1``), lose the callback Token,
fail a whole page on one unknown ``msgtype``, spin forever on a cursor that does not move, and
save the cursor before or regardless of processing. This module gets those right once:

* pages are pulled until ``has_more == 0``; a page with ``has_more == 1`` whose ``next_cursor`` is
  the cursor it was requested with raises :class:`CursorNotAdvancingError` instead of looping;
* each item is parsed into the generated model of its ``msgtype``; an unknown type (or a known one
  whose fields do not parse, or an item with no ``msgtype`` at all) becomes ``UnknownMessage``
  with the raw data kept — a page never fails because of its content;
* the cursor is committed to the :mod:`~wxkefu_ext.cursors` store only after the page handler
  returned; if it raises, nothing is committed and the same page comes back on the next drain;
* ``start_from_now`` skips history on the very first run (the store says "new": nothing was ever
  committed for the account): the backlog is pulled without calling the handler and the final
  cursor is committed. A cursor the store reports *lost* is never mistaken for a first run: it
  raises :class:`~wxkefu_ext.cursors.CursorLostError` unless ``on_lost`` chose ``"replay"``
  (re-read the 3-day window; needs ``dedupe``) or ``"skip"`` (jump to now, logged);
* a pager holds the store's per-account *lease* while it drains (``exclusive=True``): two pagers
  on the same account and store never both hand a page to their handlers — the second waits
  (at most ``lock_wait`` seconds) and then drains what is left from the committed cursor. With
  the Redis stores the lease is a fenced lock, checked before each page is handed out and again
  by the commit script;
* ``dedupe`` drops msgids already handed to the handler within a window (memory or Redis), so the
  page-level at-least-once of commit-after-handler becomes effectively exactly-once.

Delivery guarantee, exactly: **at-least-once per page** (a page is handed out again when its
handler raised, or the process died before the commit). With a deduper: each msgid is handed
out once, except when the process dies (or the lease is lost) between the handler returning and
the msgids being marked — that page comes back. A holder stalled longer than the lease TTL
*inside* its handler overlaps with the next owner for that page; the fencing token
(``page.fencing_token``) lets a handler's own writes be fenced too.

The logic lives once, in the flows of :class:`_PagerBase` (sans-IO generators that *yield* the
steps of I/O they need: "take the lease", "load the cursor", "fetch this body", "which of these
ids were seen", "mark", "commit"), driven by :mod:`wxkefu_ext._flows` — blocking in
:class:`SyncMsgPager`, awaited in :class:`AsyncSyncMsgPager`. A drain is a run of flows, each up
to the next page to hand out (``_next_page``), its progress kept on a small per-drain state
(lease, cursor, the page handed out and not yet committed), so the shells' ``pages()`` only
loop and ``yield``.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
)
from contextlib import aclosing, closing
from dataclasses import dataclass, field
from typing import Any, Final, Generic, Literal, TypeVar

from wxkefu_client import _limits, _operations, _parse  # generated from the spec
from wxkefu_ext import _flows
from wxkefu_ext._redact import Secret
from wxkefu_ext.cursors import (
    ANY,
    AsyncCursorStore,
    AsyncRedisLease,
    CursorLostError,
    CursorRead,
    CursorStore,
    MemoryCursorStore,
    RedisLease,
)
from wxkefu_ext.errors import KfError, KfResponseError, KfValidationError
from wxkefu_ext.locks import LockTimeoutError
from wxkefu_ext.protocols import SupportsAsyncSyncMsg, SupportsSyncMsg
from wxkefu_ext.replies import cached_json
from wxkefu_ext.stores.msgids import DEFAULT_DEDUPE_WINDOW as DEFAULT_DEDUPE_WINDOW
from wxkefu_ext.stores.msgids import (  # the msgid window lives in the store layer
    AsyncMsgIdDeduper,
    AsyncRedisDeduper,
    MemoryDeduper,
    MsgIdDeduper,
    RedisDeduper,
)

_log = logging.getLogger(__name__)

#: What a pager does with a cursor the store reports lost (see module docstring).
OnLost = Literal["raise", "replay", "skip"]

__all__ = [
    "AsyncMsgIdDeduper",
    "AsyncRedisDeduper",
    "AsyncSyncMsgPager",
    "CursorNotAdvancingError",
    "DrainResult",
    "MemoryDeduper",
    "MsgIdDeduper",
    "RedisDeduper",
    "SyncMsgPage",
    "SyncMsgPager",
    "parse_message",
]

SYNC_MSG_PATH: Final = _operations.SYNC_MSG.path
MAX_LIMIT: Final = int(_limits.LIMITS["SyncMsgReq"]["limit"].maximum or 0)  # from the spec
#: sync_msg's callback token, in bytes (spec: SyncMsgReq.token)
_TOKEN_MAX_BYTES: Final = _limits.LIMITS["SyncMsgReq"]["token"].byte_limit or 0


class CursorNotAdvancingError(KfError):
    """The server said ``has_more = 1`` but returned the cursor the page was requested with (or
    none): pulling again would loop forever on the same page. Nothing was committed."""

    open_kfid: str

    def __init__(self, open_kfid: str) -> None:
        super().__init__(
            f"sync_msg for {open_kfid!r} answered has_more=1 without advancing next_cursor; "
            "stopping instead of re-reading the same page forever"
        )
        self.open_kfid = open_kfid


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------


def parse_message(raw: Mapping[str, Any]) -> Any:
    """Parse one ``msg_list`` item into its generated model (``TextMessage``, ``EventMessage``…).

    Never raises for content: an unknown ``msgtype`` or fields that do not fit the known model
    give ``UnknownMessage`` with the whole item kept (``to_dict()`` returns it unchanged). An
    item with no string ``msgtype`` at all is outside the spec (SyncMsgItem: the server always
    sends one) and the generated parser cannot take it; it is kept too, as ``UnknownMessage``
    with ``msgtype == ""`` and every other field the server sent in ``additional_properties``
    (``msg["msgid"]``), so ``to_dict()`` gives the item with ``"msgtype": ""``; the verbatim
    item stays in ``SyncMsgPage.raw_messages``. Such an item is logged (msgid only) and handed
    out like any other: it neither fails the page nor is lost. Only a non-object item raises
    :class:`KfResponseError`.
    """
    if type(raw) is dict and type(raw.get("msgtype")) is str:  # the hot path (json.loads)
        return _parse.parse_message(raw)
    if not isinstance(raw, Mapping):
        raise KfResponseError(f"sync_msg item is a {type(raw).__name__}, not an object")
    item = dict(raw)
    return _parse.parse_message(item) if type(item.get("msgtype")) is str else _untyped(item)


def _untyped(raw: dict[str, Any]) -> Any:
    """An item without a string ``msgtype`` as the catch-all (see :func:`parse_message`)."""
    from wxkefu_client.models.unknown_message import UnknownMessage

    _log.warning(
        "sync_msg item %s has no string msgtype (outside the spec); kept as UnknownMessage "
        "with msgtype ''",
        _msgid(raw) or "(no msgid)",
    )
    message = UnknownMessage(msgtype="")
    message.additional_properties = {k: v for k, v in raw.items() if k != "msgtype"}
    return message


# ---------------------------------------------------------------------------------------------
# Pages and results
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class SyncMsgPage:
    """One ``sync_msg`` reply, after de-duplication.

    ``messages`` are the typed items still to handle (duplicates removed) and ``raw_messages``
    their raw dicts in the same order; ``duplicates`` the msgids dropped as already seen;
    ``cursor`` the cursor the page was requested with (None = first pull) and ``next_cursor``
    what will be committed once the handler returns. ``response`` is the full raw reply (for
    debugging — it holds customer messages, so do not log it by default).
    """

    open_kfid: str
    number: int
    cursor: str | None
    next_cursor: str
    has_more: bool
    messages: list[Any]
    raw_messages: list[dict[str, Any]]
    duplicates: list[str]
    response: dict[str, Any] = field(repr=False)
    #: The fencing token of the lease the page was pulled under (0: unfenced / local lease).
    fencing_token: int = 0

    def __len__(self) -> int:
        return len(self.messages)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.messages)

    @property
    def msgids(self) -> list[str]:
        return [m for m in (_msgid(r) for r in self.raw_messages) if m]


@dataclass(slots=True)
class DrainResult:
    """What one drain did. ``skipped`` counts history items passed over by ``start_from_now``."""

    pages: int = 0
    delivered: int = 0
    duplicates: int = 0
    skipped: int = 0
    cursor: str | None = None
    bootstrapped: bool = False
    #: The store reported the cursor lost and ``on_lost`` chose replay or skip.
    lost: bool = False


def _msgid(raw: Mapping[str, Any]) -> str | None:
    value = raw.get("msgid")
    return value if isinstance(value, str) and value else None


# ---------------------------------------------------------------------------------------------
# The sans-IO core
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Config:
    open_kfid: str
    token: Secret | None
    limit: int | None
    voice_format: int | None
    start_from_now: bool
    dedupe: bool
    compare_and_set: bool
    parser: Callable[[Mapping[str, Any]], Any]
    on_lost: OnLost = "raise"


def _make_config(
    open_kfid: str,
    token: str | Secret | None,
    limit: int | None,
    voice_format: int | None,
    start_from_now: bool,
    dedupe: bool,
    compare_and_set: bool,
    parser: Callable[[Mapping[str, Any]], Any],
    on_lost: OnLost = "raise",
) -> _Config:
    if not isinstance(open_kfid, str) or not open_kfid:
        raise KfValidationError(
            "must be a non-empty string (the Kf account to pull)", field="open_kfid"
        )
    if token is not None:
        token = token if isinstance(token, Secret) else Secret(token)
        if not token:
            raise KfValidationError(
                "must not be empty; pass None when there is none", field="token"
            )
        if len(token.reveal().encode()) > _TOKEN_MAX_BYTES:
            raise KfValidationError("is too long", field="token", limit=f"{_TOKEN_MAX_BYTES} bytes")
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT
    ):
        raise KfValidationError("out of range", field="limit", limit=f"1..{MAX_LIMIT}")
    if voice_format is not None and voice_format not in (0, 1):
        raise KfValidationError("must be 0 (AMR) or 1 (SILK)", field="voice_format", limit="0|1")
    if on_lost not in ("raise", "replay", "skip"):
        raise KfValidationError("must be 'raise', 'replay' or 'skip'", field="on_lost")
    if on_lost == "replay" and not dedupe:
        raise KfValidationError(
            "on_lost='replay' needs a deduper (dedupe=...), else the replay re-delivers",
            field="on_lost",
        )
    return _Config(
        open_kfid,
        token,
        limit,
        voice_format,
        start_from_now,
        dedupe,
        compare_and_set,
        parser,
        on_lost,
    )


def _request_body(cfg: _Config, cursor: str | None) -> dict[str, Any]:
    # Omit unset fields; never send "" (peers.md B.4).
    body: dict[str, Any] = {"open_kfid": cfg.open_kfid}
    if cursor:
        body["cursor"] = cursor
    if cfg.token is not None:
        body["token"] = cfg.token.reveal()
    if cfg.limit is not None:
        body["limit"] = cfg.limit
    if cfg.voice_format is not None:
        body["voice_format"] = cfg.voice_format
    return body


def _parse_page(cfg: _Config, number: int, cursor: str | None, payload: Any) -> SyncMsgPage:
    if not isinstance(payload, dict):
        raise KfResponseError("sync_msg reply is not a JSON object", path=SYNC_MSG_PATH)
    has_more = payload.get("has_more", 0)
    if isinstance(has_more, bool):
        has_more = int(has_more)
    if has_more not in (0, 1):
        raise KfResponseError(f"sync_msg has_more is {has_more!r}, not 0/1", path=SYNC_MSG_PATH)
    next_cursor = payload.get("next_cursor")
    if next_cursor is None:
        next_cursor = ""
    if not isinstance(next_cursor, str):
        raise KfResponseError("sync_msg next_cursor is not a string", path=SYNC_MSG_PATH)
    items = payload.get("msg_list")
    if items is None:
        items = []
    if not isinstance(items, list):
        raise KfResponseError("sync_msg msg_list is not a list", path=SYNC_MSG_PATH)
    for item in items:
        if not isinstance(item, dict):
            raise KfResponseError(
                f"sync_msg msg_list holds a {type(item).__name__}, not an object",
                path=SYNC_MSG_PATH,
            )
    if has_more and (not next_cursor or next_cursor == cursor):
        raise CursorNotAdvancingError(cfg.open_kfid)
    return SyncMsgPage(
        open_kfid=cfg.open_kfid,
        number=number,
        cursor=cursor,
        next_cursor=next_cursor,
        has_more=bool(has_more),
        messages=[],
        raw_messages=items,
        duplicates=[],
        response=payload,
    )


# A step is ``(callable, args, kwargs)``: the blocking shell calls it (:func:`_call`), the asyncio
# one awaits the call (:func:`_acall`), both through :mod:`wxkefu_ext._flows`. Each decision
# (lease wait, cursor read, fencing, which commit, dedupe, paging) is made once, in the flows of
# :class:`_PagerBase`; the shells only know how to call and how to hand a page to their consumer.
_Step = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]
#: One flow of a drain: runs up to the next page to hand out and returns it (None: drained).
_PageFlow = _flows.Flow[_Step, "SyncMsgPage | None"]


def _do(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> _Step:
    return fn, args, kwargs


def _call(step: _Step) -> Any:
    fn, args, kwargs = step
    return fn(*args, **kwargs)


async def _acall(step: _Step) -> Any:
    fn, args, kwargs = step
    return await fn(*args, **kwargs)


@dataclass(slots=True)
class _Drain:
    """One drain's progress between the pages it hands out (each flow resumes from here)."""

    #: How the shell waits between lease attempts (``time.sleep`` / ``asyncio.sleep``).
    sleep: Callable[[float], Any]
    started: bool = False
    #: The lease pages are pulled under (given or acquired; None: not exclusive).
    lease: Any = None
    #: The lease this drain acquired itself (released when the drain ends, however it ends).
    held: Any = None
    #: ``store.commit_fenced`` when the lease is a fenced Redis one.
    fenced: Any = None
    stored: str | None = None
    cursor: str | None = None
    bootstrap: bool = False
    number: int = 0
    done: bool = False
    #: The page handed out, its kept items and msgids: marked and committed on the next request.
    pending: tuple[SyncMsgPage, list[dict[str, Any]], set[str]] | None = None


def _lease_waits(open_kfid: str, wait: float) -> Iterator[float]:
    """The pauses between lease attempts (5 ms doubling to 50 ms), until ``wait`` is spent."""
    deadline = time.monotonic() + wait
    delay = 0.005
    while time.monotonic() < deadline:
        yield delay
        delay = min(delay * 2, 0.05)
    raise _lease_timeout(open_kfid, wait)


def _sync_msg_req(body: dict[str, Any]) -> Any:
    """The generated ``SyncMsgReq`` of a request body (unset fields stay unset, never "")."""
    from wxkefu_client.models.sync_msg_req import SyncMsgReq

    return SyncMsgReq.from_dict(body)


def _fetch(kf: Any, body: dict[str, Any]) -> _flows.Flow[_Step, Any]:
    """One page through the resource method ``kf.with_raw_response.sync_msg`` (the raw form, so
    the pager keeps the server's items as sent and parses each once, tolerantly)."""
    raw = yield _do(kf.with_raw_response.sync_msg, body=_sync_msg_req(body))
    return cached_json(raw.http_response)


# ---------------------------------------------------------------------------------------------
# Shells
# ---------------------------------------------------------------------------------------------


PageHandler = Callable[[SyncMsgPage], object]
AsyncPageHandler = Callable[[SyncMsgPage], Awaitable[object] | object]
#: What ``pages()`` returns: a generator, so that a drain that stops early can close it at once
AsyncPageGenerator = AsyncGenerator[SyncMsgPage, None]
PageGenerator = Generator[SyncMsgPage, None, None]

#: Default seconds a pager waits for another pager of the same account to finish.
DEFAULT_LOCK_WAIT: Final = 60.0
#: Default TTL of a Redis lease (renewed every third of it while held).
DEFAULT_LEASE_TTL: Final = 30.0


def _lease_timeout(open_kfid: str, wait: float) -> LockTimeoutError:
    return LockTimeoutError(
        f"another pager kept {open_kfid!r} for more than {wait:.1f}s; nothing was pulled"
    )


KfT = TypeVar("KfT")
StoreT = TypeVar("StoreT")
DedupeT = TypeVar("DedupeT")


class _PagerBase(Generic[KfT, StoreT, DedupeT]):
    """The pager's configuration and state, shared by the blocking and the asyncio shell."""

    def __init__(
        self,
        kf: KfT,
        open_kfid: str,
        *,
        token: str | Secret | None = None,
        cursor_store: StoreT | None = None,
        limit: int | None = None,
        voice_format: int | None = None,
        start_from_now: bool = False,
        dedupe: DedupeT | None = None,
        compare_and_set: bool = True,
        parser: Callable[[Mapping[str, Any]], Any] = parse_message,
        on_lost: OnLost = "raise",
        exclusive: bool = True,
        lock_wait: float = DEFAULT_LOCK_WAIT,
        lease: Any = None,
    ) -> None:
        self._cfg = _make_config(
            open_kfid,
            token,
            limit,
            voice_format,
            start_from_now,
            dedupe is not None,
            compare_and_set,
            parser,
            on_lost,
        )
        if not lock_wait >= 0:
            raise KfValidationError("must be >= 0 seconds", field="lock_wait")
        self._kf = kf
        self.cursor_store: StoreT = cursor_store or self._default_store()
        self._dedupe: Any = dedupe
        self._exclusive = exclusive
        self._lock_wait = lock_wait
        self._given_lease = lease
        #: The last raw sync_msg reply (for debugging; holds customer messages).
        self.last_response: dict[str, Any] | None = None
        #: Counters of the last (or running) drain.
        self.result = DrainResult()

    def _default_store(self) -> StoreT:
        raise NotImplementedError

    def _next_page(self, drain: _Drain) -> _PageFlow:
        """The flow up to the next page with messages (None once ``has_more == 0``): settles the
        page handed out before (mark, commit), pulls, de-duplicates, and checks the lease."""
        cfg, result = self._cfg, self.result
        if (pending := drain.pending) is not None:
            drain.pending = None
            result.delivered += len(pending[1])
            yield from self._settle(drain, pending[0], pending[2])
        elif not drain.started:
            yield from self._begin(drain)
        while not drain.done:
            drain.number += 1
            body = _request_body(cfg, drain.cursor)
            payload = self.last_response = yield from _fetch(self._kf, body)
            page = _parse_page(cfg, drain.number, drain.cursor, payload)
            result.pages += 1
            if drain.bootstrap:
                result.skipped += len(page.raw_messages)
                self._advance(drain, page)
                continue
            seen: set[str] = set()
            if cfg.dedupe:
                fresh_ids = [m for m in (_msgid(r) for r in page.raw_messages) if m]
                if fresh_ids:
                    seen = set((yield _do(self._dedupe.seen, cfg.open_kfid, fresh_ids)))
            kept: list[dict[str, Any]] = []
            in_page: set[str] = set()
            for raw in page.raw_messages:
                msgid = _msgid(raw)
                if msgid is not None and (msgid in seen or msgid in in_page):
                    page.duplicates.append(msgid)
                    continue
                if msgid is not None:
                    in_page.add(msgid)
                kept.append(raw)
            page.raw_messages = kept
            page.messages = [cfg.parser(r) for r in kept]
            result.duplicates += len(page.duplicates)
            if kept:
                if (lease := drain.lease) is not None:
                    yield _do(lease.check)  # fenced: never hand out a page after losing it
                    page.fencing_token = lease.token
                drain.pending = page, kept, in_page
                return page
            yield from self._settle(drain, page, in_page)
        if drain.bootstrap and drain.cursor and drain.cursor != drain.stored:
            yield from self._commit(drain, drain.cursor, drain.stored)
        return None

    def _begin(self, drain: _Drain) -> _flows.Flow[_Step, None]:
        """Take the lease (waiting up to ``lock_wait``), read the cursor, decide on bootstrap."""
        drain.started = True
        store: Any = self.cursor_store  # a sync or an async store: the shell calls or awaits
        cfg, kfid = self._cfg, self._cfg.open_kfid
        lease = self._given_lease
        make = getattr(store, "lease", None)
        if lease is None and self._exclusive and make is not None:
            candidate = make(kfid, DEFAULT_LEASE_TTL)
            waits = _lease_waits(kfid, self._lock_wait)
            while not (yield _do(candidate.try_acquire)):
                yield _do(drain.sleep, next(waits))
            lease = drain.held = candidate
        drain.lease = lease
        if isinstance(lease, RedisLease | AsyncRedisLease):
            drain.fenced = getattr(store, "commit_fenced", None)
        load = getattr(store, "load", None)
        if load is not None:
            read: CursorRead = yield _do(load, kfid)
        else:
            cursor = yield _do(store.get, kfid)
            read = CursorRead(cursor, "ok" if cursor is not None else "new")
        if read.status == "lost":
            if cfg.on_lost == "raise":
                raise CursorLostError(kfid, read.reason or "the store reports it lost")
            self.result.lost = True
            _log.warning(
                "sync_msg cursor of %s lost (%s); on_lost=%r: %s",
                kfid,
                read.reason,
                cfg.on_lost,
                "re-reading the 3-day window, dropping msgids already seen"
                if cfg.on_lost == "replay"
                else "skipping to now WITHOUT handing out what arrived meanwhile",
            )
        drain.stored = drain.cursor = read.cursor
        drain.bootstrap = self.result.bootstrapped = read.cursor is None and (
            (read.status == "new" and cfg.start_from_now)
            or (read.status == "lost" and cfg.on_lost == "skip")
        )

    def _settle(
        self, drain: _Drain, page: SyncMsgPage, in_page: set[str]
    ) -> _flows.Flow[_Step, None]:
        """After a page was used (or had nothing to use): mark its msgids, commit, move on."""
        if self._cfg.dedupe and in_page:
            yield _do(self._dedupe.mark, self._cfg.open_kfid, sorted(in_page))
        if page.next_cursor and page.next_cursor != drain.cursor:
            yield from self._commit(drain, page.next_cursor, drain.cursor)
        self._advance(drain, page)

    def _advance(self, drain: _Drain, page: SyncMsgPage) -> None:
        if page.next_cursor:
            drain.cursor = page.next_cursor
        self.result.cursor = drain.cursor
        if not page.has_more:
            drain.done = True

    def _commit(self, drain: _Drain, cursor: str, previous: str | None) -> _flows.Flow[_Step, None]:
        """Commit ``cursor`` (expecting ``previous`` under compare-and-set), fenced by the lease."""
        kfid = self._cfg.open_kfid
        expected = previous if self._cfg.compare_and_set else ANY
        if drain.fenced is not None:
            yield _do(drain.fenced, kfid, cursor, expected=expected, lease=drain.lease)
        else:
            if drain.lease is not None:
                yield _do(drain.lease.check)
            store: Any = self.cursor_store  # a sync or an async store
            yield _do(store.commit, kfid, cursor, expected=expected)

    def _drain(self, sleep: Callable[[float], Any]) -> _Drain:
        """A new drain: fresh counters (``sleep`` waits between lease tries)."""
        self.result = DrainResult()
        return _Drain(sleep)

    @property
    def open_kfid(self) -> str:
        return self._cfg.open_kfid

    def __repr__(self) -> str:
        token = "set" if self._cfg.token is not None else "none"
        return f"{type(self).__name__}(open_kfid={self._cfg.open_kfid!r}, token={token})"


class AsyncSyncMsgPager(_PagerBase[SupportsAsyncSyncMsg, AsyncCursorStore, AsyncMsgIdDeduper]):
    """Pager over ``kf/sync_msg`` for one Kf account; its calls block or are awaited, as its
    client's do.

    ``kf`` is a :class:`~wxkefu_ext.client.AsyncKfClient` (the pager calls its resource method
    ``kf.with_raw_response.sync_msg(body=SyncMsgReq(...))`` and keeps the reply's raw items, so
    ``parser`` sees exactly what the server sent); ``token`` the callback's one-time Token
    (10 min; without it the endpoint is strictly rate-limited); ``cursor_store`` defaults to a
    fresh :class:`~wxkefu_ext.cursors.MemoryCursorStore`. The memory and file stores and the
    memory deduper do no I/O: asyncio pagers take them through their ``as_async()`` views.

    Two ways to consume::

        await pager.handle(lambda page: ...)    # commits after each successful call
        async for page in pager.pages(): ...    # commits page N when page N+1 is requested

    With ``pages()``, leaving the loop early (``break`` or an exception) does *not* commit the
    current page: it is delivered again next time.
    """

    def _default_store(self) -> AsyncCursorStore:
        return MemoryCursorStore().as_async()  # unasync: return MemoryCursorStore()

    async def pages(self) -> AsyncPageGenerator:
        """Pages with messages to handle (empty and all-duplicate pages are committed silently).
        The account's lease is held from the first read of the cursor until the generator ends."""
        drain = self._drain(asyncio.sleep)
        try:
            while (page := await _flows.arun(self._next_page(drain), _acall)) is not None:
                yield page
        finally:
            if drain.held is not None:
                await drain.held.release()

    def __aiter__(self) -> AsyncIterator[SyncMsgPage]:
        return self.pages()

    async def messages(self) -> AsyncIterator[Any]:
        """Typed messages one by one; a page is committed once all its messages were taken."""
        async with aclosing(self.pages()) as pages:
            async for page in pages:
                for message in page.messages:  # unasync: yield from page.messages
                    yield message  # unasync: drop

    async def handle(self, page_handler: AsyncPageHandler) -> DrainResult:
        """Drain to ``has_more == 0``, calling ``page_handler(page)`` for each page with
        messages (awaiting what it returns when that is awaitable, in asyncio); the cursor is
        committed after each call returns. An exception from the handler propagates and leaves
        the cursor at the start of that page."""
        async with aclosing(self.pages()) as pages:
            async for page in pages:
                outcome = page_handler(page)  # unasync: page_handler(page)
                if inspect.isawaitable(outcome):  # unasync: drop
                    await outcome  # unasync: drop
        return self.result


# ---- sync twin of AsyncSyncMsgPager, generated by `make gen`: edit that ----
class SyncMsgPager(_PagerBase[SupportsSyncMsg, CursorStore, MsgIdDeduper]):
    """Pager over ``kf/sync_msg`` for one Kf account; its calls block or are awaited, as its
    client's do.

    ``kf`` is a :class:`~wxkefu_ext.client.KfClient` (the pager calls its resource method
    ``kf.with_raw_response.sync_msg(body=SyncMsgReq(...))`` and keeps the reply's raw items, so
    ``parser`` sees exactly what the server sent); ``token`` the callback's one-time Token
    (10 min; without it the endpoint is strictly rate-limited); ``cursor_store`` defaults to a
    fresh :class:`~wxkefu_ext.cursors.MemoryCursorStore`. The memory and file stores and the
    memory deduper do no I/O: asyncio pagers take them through their ``as_async()`` views.

    Two ways to consume::

        pager.handle(lambda page: ...)    # commits after each successful call
        for page in pager.pages(): ...    # commits page N when page N+1 is requested

    With ``pages()``, leaving the loop early (``break`` or an exception) does *not* commit the
    current page: it is delivered again next time.
    """

    def _default_store(self) -> CursorStore:
        return MemoryCursorStore()

    def pages(self) -> PageGenerator:
        """Pages with messages to handle (empty and all-duplicate pages are committed silently).
        The account's lease is held from the first read of the cursor until the generator ends."""
        drain = self._drain(time.sleep)
        try:
            while (page := _flows.run(self._next_page(drain), _call)) is not None:
                yield page
        finally:
            if drain.held is not None:
                drain.held.release()

    def __iter__(self) -> Iterator[SyncMsgPage]:
        return self.pages()

    def messages(self) -> Iterator[Any]:
        """Typed messages one by one; a page is committed once all its messages were taken."""
        with closing(self.pages()) as pages:
            for page in pages:
                yield from page.messages

    def handle(self, page_handler: PageHandler) -> DrainResult:
        """Drain to ``has_more == 0``, calling ``page_handler(page)`` for each page with
        messages (awaiting what it returns when that is awaitable, in asyncio); the cursor is
        committed after each call returns. An exception from the handler propagates and leaves
        the cursor at the start of that page."""
        with closing(self.pages()) as pages:
            for page in pages:
                page_handler(page)
        return self.result


# ---- end of generated code ----
