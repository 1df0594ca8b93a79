"""Runtime of the generated resource API (``kf.account.list(...)``): calls, pages, raw replies.

Copied verbatim by ``scripts/gen.py`` from ``openapi/templates/resources/_base.py``; the
per-namespace modules next to it are generated from the spec. Nothing here knows an endpoint:
the generated code passes an :class:`~wxkefu_client._operations.Operation` from the table.

The object behind a resource (``KfClient`` / ``AsyncKfClient``) implements :class:`Caller` /
:class:`AsyncCaller`: it sends the request through its auth/retry stack (which raises for
``errcode != 0``), and maps a malformed success reply to its own typed error through
``_operation_error``. This module imports nothing heavy, so ``import wxkefu_client.resources``
stays cheap; ``attrs`` is reached only when a next page is requested.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from contextlib import AbstractAsyncContextManager, AbstractContextManager
    from typing import Protocol

    import httpx

    from .._operations import Operation
    from ..types import File

    # The protocols only type the generated code; nothing checks them at run time.
    class Caller(Protocol):
        """What a synchronous resource needs from its client."""

        def _call_operation(self, op: Operation, call: Call) -> tuple[httpx.Response, Any]:
            """Send ``call`` (errcode checked); return the reply and its parsed JSON (or None)."""
            ...

        def _operation_error(self, op: Operation, message: str) -> Exception:
            """The typed error for a success reply that does not have the documented shape."""
            ...

    class AsyncCaller(Protocol):
        """What an asyncio resource needs from its client."""

        async def _call_operation(self, op: Operation, call: Call) -> tuple[httpx.Response, Any]:
            """Like :meth:`Caller._call_operation`, awaited."""
            ...

        def _operation_error(self, op: Operation, message: str) -> Exception:
            """Like :meth:`Caller._operation_error`."""
            ...

    class StreamCaller(Protocol):
        """What ``kf.with_streaming_response`` needs from a synchronous client."""

        def _stream_operation(
            self, op: Operation, call: Call
        ) -> AbstractContextManager[httpx.Response]:
            """Send ``call``; the context gives the reply with its body unread. A JSON reply
            (a failed download answers HTTP 200 + errcode) is read and checked before."""
            ...

    class AsyncStreamCaller(Protocol):
        """What ``kf.with_streaming_response`` needs from an asyncio client."""

        def _stream_operation(
            self, op: Operation, call: Call
        ) -> AbstractAsyncContextManager[httpx.Response]:
            """Like :meth:`StreamCaller._stream_operation`, as an ``async with`` context."""
            ...

    class _Errors(Protocol):
        def _operation_error(self, op: Operation, message: str) -> Exception: ...


T = TypeVar("T")
ItemT = TypeVar("ItemT")
RespT = TypeVar("RespT")
ModelT = TypeVar("ModelT")


class Call:
    """What one operation sends: query parameters, a JSON body, multipart files, headers.

    A plain slotted class rather than a dataclass: it is built once per call and this module
    is imported with the client, so both creation and import stay cheap."""

    __slots__ = ("files", "headers", "json", "params")

    def __init__(
        self,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        files: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.params = params
        self.json = json
        self.files = files
        self.headers = headers


def body_of(cls: Callable[..., ModelT], body: ModelT | None, fields: Mapping[str, Any]) -> ModelT:
    """The request model: ``body=`` as given, or built from the keyword fields (not both)."""
    if body is not None:
        if fields:
            raise TypeError(f"pass body= or keyword fields, not both (got {sorted(fields)})")
        return body
    return cls(**fields)


def union_body(
    members: Mapping[str, Callable[..., Any]], tag: str, body: Any, fields: Mapping[str, Any]
) -> Any:
    """A union request model chosen by its tag field (``msgtype="text"`` → ``SendTextMsgReq``)."""
    if body is not None:
        if fields:
            raise TypeError(f"pass body= or keyword fields, not both (got {sorted(fields)})")
        return body
    value = fields.get(tag)
    value = getattr(value, "value", value)
    cls = members.get(value) if isinstance(value, str) else None
    if cls is None:
        raise TypeError(f"{tag} must be one of {sorted(members)}, got {value!r}")
    return cls(**fields)


def query(values: Mapping[str, Any]) -> dict[str, Any]:
    """Query parameters without the unset ones; enums sent by value."""
    from ..types import Unset

    out: dict[str, Any] = {}
    for name, value in values.items():
        if value is None or isinstance(value, Unset):
            continue
        out[name] = getattr(value, "value", value)
    return out


def parse(
    kf: _Errors, op: Operation, cls: Any, payload: Any, required: tuple[str, ...] = ()
) -> Any:
    """``cls.from_dict(payload)`` (through the generated fast parser, which dispatches unions
    on their tag), checking that the success-guaranteed fields are present.

    The static return types of the resource methods promise those fields (``...Ok`` classes in
    ``results``); this check is what makes the promise true — a reply without them is a typed
    error, never an object whose "present" field is ``UNSET``.
    """
    if not isinstance(payload, dict):
        raise kf._operation_error(op, f"reply is not a JSON object for {cls.__name__}")
    from .._parse import parser

    try:
        result = parser(cls)(payload)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise kf._operation_error(
            op, f"reply does not fit {cls.__name__}: {type(exc).__name__}: {exc}"
        ) from None
    if required:
        from ..types import Unset

        missing = [name for name in required if isinstance(getattr(result, name), Unset)]
        if missing:
            raise kf._operation_error(
                op, f"success reply lacks {', '.join(missing)} (documented as present)"
            )
    return result


_FILENAME = re.compile(r"""filename\*?=(?:UTF-8'')?"?([^";]+)"?""", re.IGNORECASE)


def file_of(response: httpx.Response) -> File:
    """A binary reply as the generated :class:`~wxkefu_client.types.File` (whole body read)."""
    from ..types import File

    disposition = response.headers.get("content-disposition", "")
    match = _FILENAME.search(disposition)
    return File(
        payload=BytesIO(response.content),
        file_name=match.group(1) if match else None,
        mime_type=response.headers.get("content-type"),
    )


def next_offset(body: Any, items: list[Any], default_limit: int) -> Any:
    """The request of the next offset page, or None after a short (last) page."""
    from ..types import Unset

    limit = default_limit if isinstance(body.limit, Unset) else body.limit
    if not items or len(items) < limit:
        return None
    from attrs import evolve

    offset = 0 if isinstance(body.offset, Unset) else body.offset
    return evolve(body, offset=offset + len(items))


def next_cursor(kf: _Errors, op: Operation, body: Any, result: Any) -> Any:
    """The request of the next cursor page, or None when ``has_more`` is 0.

    A reply with ``has_more`` set but no new cursor would make iteration re-read the same page
    forever, so it is a typed error instead.
    """
    from attrs import evolve

    from ..types import Unset

    has_more = getattr(result, "has_more", 0)
    if isinstance(has_more, Unset) or not int(getattr(has_more, "value", has_more)):
        return None
    cursor = getattr(result, "next_cursor", None)
    if not isinstance(cursor, str) or not cursor or cursor == getattr(body, "cursor", None):
        raise kf._operation_error(op, "has_more is set but next_cursor does not advance")
    return evolve(body, cursor=cursor)


class SyncPage(Generic[ItemT, RespT]):
    """One page of a paged list operation; iterating it yields every item of this page and of
    every following page (fetched on demand). ``response`` is this page's typed reply."""

    __slots__ = ("_next", "items", "response")

    def __init__(
        self,
        response: RespT,
        items: list[ItemT],
        next_page: Callable[[], SyncPage[ItemT, RespT]] | None,
    ) -> None:
        self.response = response
        self.items = items
        self._next = next_page

    def has_next_page(self) -> bool:
        return self._next is not None

    def get_next_page(self) -> SyncPage[ItemT, RespT]:
        """Fetch the following page (``StopIteration`` if this one is the last)."""
        if self._next is None:
            raise StopIteration("no next page")
        return self._next()

    def iter_pages(self) -> Iterator[SyncPage[ItemT, RespT]]:
        page: SyncPage[ItemT, RespT] | None = self
        while page is not None:
            yield page
            page = page._next() if page._next is not None else None

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            yield from page.items

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.items)}, more={self.has_next_page()})"


class AsyncPage(Generic[ItemT, RespT]):
    """The asyncio :class:`SyncPage`: ``async for item in page`` walks every following page."""

    __slots__ = ("_next", "items", "response")

    def __init__(
        self,
        response: RespT,
        items: list[ItemT],
        next_page: Callable[[], Awaitable[AsyncPage[ItemT, RespT]]] | None,
    ) -> None:
        self.response = response
        self.items = items
        self._next = next_page

    def has_next_page(self) -> bool:
        return self._next is not None

    async def get_next_page(self) -> AsyncPage[ItemT, RespT]:
        if self._next is None:
            raise StopAsyncIteration("no next page")
        return await self._next()

    async def iter_pages(self) -> AsyncIterator[AsyncPage[ItemT, RespT]]:
        page: AsyncPage[ItemT, RespT] | None = self
        while page is not None:
            yield page
            page = await page._next() if page._next is not None else None

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.items)}, more={self.has_next_page()})"


class RawResponse(Generic[T]):
    """The HTTP reply of one call (``kf.with_raw_response.account.list(...)``); ``parse()``
    gives what the plain method returns. A non-zero errcode has raised already, as usual."""

    __slots__ = ("_parse", "_parsed", "http_response")

    def __init__(self, http_response: httpx.Response, parse: Callable[[], T]) -> None:
        self.http_response = http_response
        self._parse = parse
        self._parsed: tuple[T] | None = None

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The ``x-request-id`` header, when the server (or a proxy) sent one."""
        value = self.http_response.headers.get("x-request-id")
        return None if value is None else str(value)

    @property
    def content(self) -> bytes:
        return self.http_response.content

    def parse(self) -> T:
        """The typed result (parsed once)."""
        if self._parsed is None:
            self._parsed = (self._parse(),)
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code})"
