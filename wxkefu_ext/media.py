"""Temporary media both ways: checked uploads and streamed, resumable downloads.

Why (codegen-notes §4, peers.md B.11): the generated ``media_upload`` sends no ``filename`` unless
one is set (the part then looks like a plain form field), and the generated ``media_get`` loads the
whole body into memory and returns a JSON error that arrives with HTTP 200 as if it were the file.
This module

* checks uploads before sending — size (> 5 bytes, ≤ the per-type cap), type by magic bytes and
  extension (image JPG/PNG, voice AMR, video MP4) — and sends them through the resource method
  ``kf.media.upload`` with a filename and a MIME type always set (the typed reply's
  ``media_id`` / ``type`` / ``created_at`` are checked there);
* downloads through the streaming resource method ``kf.with_streaming_response.media.get``
  (same auth, retry and connection pool as every call; the plain ``kf.media.get`` reads the
  whole body, which a large file must not): in constant memory, straight into
  ``<target>.part`` and renamed on success;
* resumes: an existing ``.part`` (or a connection cut mid-body) continues with
  ``Range: bytes=<have>-``; the ``Content-Range`` of the 206 must start exactly there;
* turns a JSON body (HTTP 200 ``{"errcode": 40007, ...}``) into the typed
  :class:`~wxkefu_ext.errors.KfApiError` — never a saved "file".

The decisions (which Range to ask for, whether a reply continues the partial data, when the file
is complete, when to resume or give up) live in :class:`_DownloadCore` and :class:`_Download`;
the blocking and async functions only move bytes.
"""

from __future__ import annotations

import io
import json
import mimetypes
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, Final, Literal, TypedDict, Unpack, cast
from urllib.parse import unquote

import httpx

from wxkefu_client import _operations as _ops
from wxkefu_ext.errors import (
    KfResponseError,
    KfTransportError,
    KfValidationError,
    raise_for_errcode,
)

__all__ = [
    "LIMITS",
    "DownloadOptions",
    "DownloadResult",
    "MediaType",
    "UploadResult",
    "async_download",
    "async_download_to",
    "async_upload",
    "download",
    "download_to",
    "upload",
]

MediaType = Literal["image", "voice", "video", "file"]

GET_PATH: Final = _ops.MEDIA_GET.path
MB: Final = 1024 * 1024
MIN_BYTES: Final = 6  # "every file must be larger than 5 bytes"
_MAX_ERROR_BODY: Final = 64 * 1024


@dataclass(frozen=True, slots=True)
class _Limit:
    max_bytes: int
    extensions: tuple[str, ...]  # empty = any
    default_ext: str


#: Per-type upload caps (ENDPOINTS.md §2.24; the generic endpoint's 10 MB image limit).
LIMITS: Final[Mapping[str, _Limit]] = {
    "image": _Limit(10 * MB, (".jpg", ".jpeg", ".png"), ".jpg"),
    "voice": _Limit(2 * MB, (".amr",), ".amr"),
    "video": _Limit(10 * MB, (".mp4",), ".mp4"),
    "file": _Limit(20 * MB, (), ".bin"),
}


# ---------------------------------------------------------------------------------------------
# Upload
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UploadResult:
    """``media_id`` (valid 3 days), its ``type`` and ``created_at`` (unix seconds)."""

    media_id: str
    type: str
    created_at: int | None
    filename: str
    size: int


def _sniff(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if data.startswith(b"#!AMR"):
        return ".amr"
    if data[4:8] == b"ftyp":
        return ".mp4"
    return None


class _TooBig(Exception):
    pass


def _read_source(source: Any, max_bytes: int) -> tuple[bytes, str | None]:
    """Bytes (at most ``max_bytes + 1``, enough to detect "too big") and a name if known."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), None
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise KfValidationError(
                f"cannot read {path.name!r}: {exc.strerror}", field="source"
            ) from exc
        if size > max_bytes:
            raise _TooBig
        return path.read_bytes(), path.name
    read = getattr(source, "read", None)
    if callable(read):
        data = read(max_bytes + 1)
        if not isinstance(data, bytes | bytearray):
            raise KfValidationError("stream must be opened in binary mode", field="source")
        name = getattr(source, "name", None)
        return bytes(data), os.path.basename(name) if isinstance(name, str) else None
    raise KfValidationError(
        f"must be a path, bytes or a binary stream, got {type(source).__name__}", field="source"
    )


def _prepare_upload(
    media_type: str, source: Any, filename: str | None, content_type: str | None
) -> tuple[bytes, str, str]:
    limit = LIMITS.get(media_type)
    if limit is None:
        raise KfValidationError(
            f"unknown media type {media_type!r}", field="media_type", limit="image|voice|video|file"
        )
    try:
        data, source_name = _read_source(source, limit.max_bytes)
    except _TooBig:
        data, source_name = b"", None
        too_big = True
    else:
        too_big = len(data) > limit.max_bytes
    if too_big:
        raise KfValidationError(
            f"{media_type} is larger than allowed",
            field="source",
            limit=f"{limit.max_bytes // MB} MB for {media_type}",
        )
    if len(data) < MIN_BYTES:
        raise KfValidationError(
            f"{media_type} has {len(data)} bytes", field="source", limit="more than 5 bytes"
        )
    sniffed = _sniff(data)
    if limit.extensions and sniffed not in limit.extensions:
        raise KfValidationError(
            f"content is not a valid {media_type} (magic bytes)",
            field="source",
            limit="/".join(e.lstrip(".") for e in limit.extensions),
        )
    name = filename or source_name or f"{media_type}{sniffed or limit.default_ext}"
    if not name or "/" in name or "\\" in name or any(ord(c) < 32 for c in name):
        raise KfValidationError("must be a plain file name", field="filename")
    ext = os.path.splitext(name)[1].lower()
    if limit.extensions and ext not in limit.extensions:
        raise KfValidationError(
            f"extension {ext or '(none)'!r} does not fit {media_type}",
            field="filename",
            limit="/".join(limit.extensions),
        )
    mime = content_type or _MIME_KNOWN.get(ext) or mimetypes.guess_type(name)[0]
    return data, name, mime or "application/octet-stream"


#: Fixed types for the checked formats (platform MIME databases differ, e.g. for .amr).
_MIME_KNOWN: Final = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".amr": "audio/amr",
    ".mp4": "video/mp4",
}


def _upload_args(media_type: MediaType, body: bytes | IO[bytes], name: str, mime: str) -> Any:
    """The arguments of the resource method ``kf.media.upload`` (generated models: the
    multipart part always carries a filename and a MIME type)."""
    from wxkefu_client.models.media_type import MediaType as Kind
    from wxkefu_client.types import File

    payload = cast(BinaryIO, io.BytesIO(body) if isinstance(body, bytes) else body)
    return {
        "media": File(payload=payload, file_name=name, mime_type=mime),
        "type_": Kind(media_type),
    }


def _upload_result(reply: Any, name: str, size: int) -> UploadResult:
    """The typed reply (``media_id``, ``type_``, ``created_at`` present: the resource API checked
    them) as this module's :class:`UploadResult`."""
    kind = getattr(reply.type_, "value", reply.type_)
    try:
        created_at = int(reply.created_at)
    except (TypeError, ValueError):
        created_at = None
    return UploadResult(reply.media_id, str(kind), created_at, name, size)


class _Counting(io.BytesIO):
    """The upload's bytes, reporting how much httpx has read (it reads the multipart file part
    in chunks, and seeks back to 0 if the request is replayed)."""

    def __init__(self, data: bytes, on_progress: Callable[[int, int], None]) -> None:
        super().__init__(data)
        self._total = len(data)
        self._on_progress = on_progress

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        self._on_progress(self.tell(), self._total)
        return chunk


async def async_upload(
    kf: Any,
    media_type: MediaType,
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    filename: str | None = None,
    content_type: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> UploadResult:
    """Upload temporary media (valid 3 days) from a path, bytes or a binary stream.

    Raises :class:`KfValidationError` before sending when the type, size (> 5 bytes and at most
    image 10 MB, voice 2 MB, video 10 MB, file 20 MB) or file name does not fit.
    ``on_progress(sent, total)`` is called as the file's bytes are read into the request.
    The whole file is read before sending (it is at most 20 MB).
    """
    data, name, mime = _prepare_upload(media_type, source, filename, content_type)
    body: bytes | IO[bytes] = data if on_progress is None else _Counting(data, on_progress)
    reply = await kf.media.upload(**_upload_args(media_type, body, name, mime))
    return _upload_result(reply, name, len(data))


# ---- sync twin of async_upload, generated by `make gen`: edit that ----
def upload(
    kf: Any,
    media_type: MediaType,
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    filename: str | None = None,
    content_type: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> UploadResult:
    """Upload temporary media (valid 3 days) from a path, bytes or a binary stream.

    Raises :class:`KfValidationError` before sending when the type, size (> 5 bytes and at most
    image 10 MB, voice 2 MB, video 10 MB, file 20 MB) or file name does not fit.
    ``on_progress(sent, total)`` is called as the file's bytes are read into the request.
    The whole file is read before sending (it is at most 20 MB).
    """
    data, name, mime = _prepare_upload(media_type, source, filename, content_type)
    body: bytes | IO[bytes] = data if on_progress is None else _Counting(data, on_progress)
    reply = kf.media.upload(**_upload_args(media_type, body, name, mime))
    return _upload_result(reply, name, len(data))


# ---- end of generated code ----


# ---------------------------------------------------------------------------------------------
# Download: the sans-IO core
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class DownloadResult:
    """What :func:`download_to` produced. ``size`` is the size of the finished file (or of
    the bytes written to a stream), ``total_size`` the full media size when the server said so,
    ``resumed`` how many times the transfer continued from a partial state (an existing
    ``.part`` file counts once), ``resumed_bytes`` how many bytes that ``.part`` file already
    held (0 when the download started from scratch or the server sent the whole file again)."""

    path: str | None
    size: int
    total_size: int | None
    content_type: str | None
    filename: str | None
    content_range: str | None
    status_code: int
    resumed: int
    resumed_bytes: int = 0


_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.I)
_UNSATISFIED = re.compile(r"^\s*bytes\s+\*/(\d+)\s*$", re.I)
_FILENAME_STAR = re.compile(r"filename\*\s*=\s*([^']*)'[^']*'([^;]+)", re.I)
_FILENAME = re.compile(r'filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))', re.I)


def content_disposition_filename(value: str | None) -> str | None:
    """File name from a Content-Disposition header (RFC 6266 ``filename*`` wins), made safe."""
    if not value:
        return None
    name: str | None = None
    star = _FILENAME_STAR.search(value)
    if star:
        try:
            name = unquote(star.group(2).strip(), encoding=star.group(1) or "utf-8")
        except LookupError:
            name = unquote(star.group(2).strip())
    else:
        plain = _FILENAME.search(value)
        if plain:
            name = plain.group(1) if plain.group(1) is not None else plain.group(2).strip()
    if not name:
        return None
    name = os.path.basename(name.replace("\\", "/"))
    return name or None


def _is_json(content_type: str | None) -> bool:
    ct = (content_type or "").split(";")[0].strip().lower()
    return ct == "application/json" or ct.endswith("+json") or ct == "text/json"


class _DownloadCore:
    """Range bookkeeping for one download. ``have`` = bytes already held for this request
    window (in the partial file or written to the stream)."""

    def __init__(self, media_id: str, have: int, window: tuple[int, int | None] | None) -> None:
        if not isinstance(media_id, str) or not media_id:
            raise KfValidationError("must be a non-empty string", field="media_id")
        start, end = window if window is not None else (0, None)
        if start < 0 or (end is not None and end < start):
            raise KfValidationError(
                "must be (start, end) with 0 <= start <= end", field="range", limit="bytes"
            )
        self.media_id = media_id
        self.start = start
        self.end = end
        self.have = have
        self.expected: int | None = None  # bytes this window should have in total
        self.total: int | None = None
        self.content_type: str | None = None
        self.filename: str | None = None
        self.content_range: str | None = None
        self.status = 0
        self.resumed = 0
        self.resumed_from = have  # bytes already held when the call started (a .part file)

    def range_header(self) -> str | None:
        """The next request's ``Range`` (None for the whole file from the start)."""
        first = self.start + self.have
        if first == 0 and self.end is None:
            return None
        last = "" if self.end is None else str(self.end)
        return f"bytes={first}-{last}"

    @property
    def complete(self) -> bool:
        return self.expected is not None and self.have >= self.expected

    def on_response(
        self, status: int, headers: Mapping[str, str]
    ) -> Literal["write", "restart", "done", "error"]:
        """Decide what a reply means. "error" → the shell reads the (small) body and calls
        :meth:`raise_error`."""
        self.status = status
        ctype = headers.get("content-type")
        if _is_json(ctype):
            return "error"
        self.content_type = ctype or self.content_type
        self.filename = (
            content_disposition_filename(headers.get("content-disposition")) or self.filename
        )
        length = headers.get("content-length")
        if status == 206:
            cr = headers.get("content-range", "")
            match = _CONTENT_RANGE.match(cr)
            first = self.start + self.have
            if not match or int(match.group(1)) != first:
                raise KfResponseError(
                    f"Content-Range {cr!r} does not continue at byte {first}",
                    status=status,
                    path=GET_PATH,
                )
            self.content_range = cr
            if match.group(3) != "*":
                self.total = int(match.group(3))
            self.expected = self.have + int(match.group(2)) - int(match.group(1)) + 1
            return "write"
        if status == 200:
            if self.start != 0 or self.end is not None:
                # a window was asked for but the whole file came back: do not mix them up
                raise KfResponseError(
                    "server ignored the Range header (HTTP 200 for a partial request)",
                    status=status,
                    path=GET_PATH,
                )
            self.content_range = None
            if length is not None and length.isdigit():
                self.total = int(length)
                self.expected = int(length)
            restart = self.have > 0
            if restart:
                self.have = 0
                self.resumed_from = 0  # the server sent the whole file again
            return "restart" if restart else "write"
        if status == 416 and self.have > 0:
            match = _UNSATISFIED.match(headers.get("content-range", ""))
            if match and int(match.group(1)) == self.start + self.have and self.end is None:
                self.total = int(match.group(1))
                self.expected = self.have
                return "done"
        raise KfResponseError(
            "unexpected reply to media/get", status=status, path=GET_PATH, content_type=ctype
        )

    def raise_error(self, body: bytes) -> None:
        try:
            payload = json.loads(body)
        except ValueError:
            raise KfResponseError(
                "media/get returned a broken JSON body",
                status=self.status,
                body=body,
                path=GET_PATH,
                content_type="application/json",
            ) from None
        if not isinstance(payload, dict):
            raise KfResponseError("media/get returned a JSON non-object", path=GET_PATH)
        raise_for_errcode(payload, path=GET_PATH)
        raise KfResponseError(
            "media/get returned JSON with errcode 0 instead of the file",
            status=self.status,
            body=body,
            path=GET_PATH,
            content_type="application/json",
        )

    def check_finished(self) -> None:
        """After the body ended without a transport error: is the window complete?"""
        if self.expected is not None and self.have != self.expected:
            raise _Short(self.have, self.expected)

    def result(self, path: str | None, size: int) -> DownloadResult:
        return DownloadResult(
            path=path,
            size=size,
            total_size=self.total,
            content_type=self.content_type,
            filename=self.filename,
            content_range=self.content_range,
            status_code=self.status,
            # continuing a .part file from an earlier call is a resume too
            resumed=self.resumed + (1 if self.resumed_from else 0),
            resumed_bytes=self.resumed_from,
        )


class _Short(Exception):
    def __init__(self, have: int, expected: int) -> None:
        super().__init__(f"body ended after {have} of {expected} bytes")


_INTERRUPTED = (httpx.TransportError, _Short)


# ---------------------------------------------------------------------------------------------
# Download: shells
# ---------------------------------------------------------------------------------------------


class _Sink:
    """Where the bytes go: a ``.part`` file next to the target path, or a caller's stream."""

    def __init__(self, target: str | os.PathLike[str] | IO[bytes], resume: bool) -> None:
        self.stream: IO[bytes]
        self.path: Path | None = None
        self.part: Path | None = None
        if isinstance(target, str | os.PathLike):
            self.path = Path(target)
            self.part = self.path.with_name(self.path.name + ".part")
            if not resume:
                self.part.unlink(missing_ok=True)
            self.stream = open(self.part, "ab")  # noqa: SIM115 - closed in finish()/abort()
            self.stream.seek(0, os.SEEK_END)
            self.base = 0
            self.initial = self.stream.tell()
        else:
            if not hasattr(target, "write"):
                raise KfValidationError(
                    "must be a path or a writable binary stream", field="target"
                )
            self.stream = target
            try:
                self.base = target.tell()
            except (OSError, AttributeError, ValueError):
                self.base = -1  # not seekable: restarts are impossible
            self.initial = 0

    def restart(self) -> None:
        if self.part is not None:
            self.stream.seek(0)
            self.stream.truncate()
        elif self.base >= 0:
            self.stream.seek(self.base)
            self.stream.truncate()
        else:
            raise KfResponseError("server restarted the transfer; the target stream cannot rewind")

    def write(self, chunk: bytes) -> None:
        self.stream.write(chunk)

    def finish(self) -> tuple[str | None, int]:
        if self.part is None or self.path is None:
            self.stream.flush()
            return None, -1
        self.stream.flush()
        os.fsync(self.stream.fileno())
        size = self.stream.tell()
        self.stream.close()
        os.replace(self.part, self.path)
        return str(self.path), size

    def close(self) -> None:
        """After a failure: keep a non-empty ``.part`` for resuming, drop an empty one."""
        if self.part is not None and not self.stream.closed:
            self.stream.flush()
            empty = self.stream.tell() == 0
            self.stream.close()
            if empty:
                self.part.unlink(missing_ok=True)


class DownloadOptions(TypedDict, total=False):
    """The keyword options of :func:`download_to` / :func:`async_download_to`.

    Bytes are written as they arrive (``chunk_size=None``, so a cut loses nothing already
    received) or re-cut into ``chunk_size`` pieces (a cut then drops the unwritten remainder,
    which the resume re-reads). ``resume=True`` continues an existing ``.part`` file with
    ``Range: bytes=<size>-``; a connection cut mid-body is continued the same way up to
    ``max_resumes`` times within the call. ``range=(start, end)`` (inclusive; ``end=None`` = to
    the end) downloads a window. ``on_progress(done, total)`` is called after each chunk with
    the bytes held so far and the expected total (from Content-Length / Content-Range; None
    when the server did not say).
    """

    chunk_size: int | None
    resume: bool
    range: tuple[int, int | None] | None
    max_resumes: int
    on_progress: Callable[[int, int | None], None] | None


class _Download:
    """One download call: the Range core, the sink and the resume budget together, so that the
    blocking and the asyncio function share every decision and only move bytes."""

    def __init__(
        self,
        media_id: str,
        target: str | os.PathLike[str] | IO[bytes],
        *,
        chunk_size: int | None = None,
        resume: bool = True,
        range: tuple[int, int | None] | None = None,
        max_resumes: int = 3,
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> None:
        if chunk_size is not None and chunk_size < 1:
            raise KfValidationError("must be positive", field="chunk_size")
        self.core = core = _DownloadCore(media_id, 0, range)
        self.sink = _Sink(target, resume)
        core.have = core.resumed_from = self.sink.initial
        self.chunk_size = chunk_size
        self.max_resumes = max_resumes
        self.on_progress = on_progress
        self.attempts = 0
        self.finished = False
        self.wants_body = False
        self.error: bytearray | None = None  # the JSON error body being read, when it is one

    def request(self) -> dict[str, Any]:
        """The next attempt's arguments of ``kf.with_streaming_response.media.get``
        (``range_`` when resuming or downloading a window)."""
        self.attempts += 1
        rng = self.core.range_header()
        return {"media_id": self.core.media_id} if rng is None else {
            "media_id": self.core.media_id, "range_": rng
        }  # fmt: skip

    def begin(self, status: int, headers: Mapping[str, str]) -> bool:
        """Take a reply's head; True when its body is to be read (:meth:`take` each chunk)."""
        action = self.core.on_response(status, headers)
        if action == "restart":
            self.sink.restart()
        self.wants_body = action in ("write", "restart")
        self.error = bytearray() if action == "error" else None
        return self.wants_body or self.error is not None

    def take(self, chunk: bytes) -> None:
        """Write one chunk, or keep it of a JSON error body (raised once past its cap)."""
        if self.error is not None:
            self.error += chunk
            if len(self.error) > _MAX_ERROR_BODY:
                self._fail(self.error)
            return
        self.sink.write(chunk)
        self.core.have += len(chunk)
        if self.on_progress is not None:
            self.on_progress(self.core.have, self.core.expected)

    def _fail(self, body: bytearray) -> None:
        self.core.raise_error(bytes(body[:_MAX_ERROR_BODY]))

    def end_of_body(self) -> None:
        if self.error is not None:
            self._fail(self.error)
        if self.wants_body:
            self.core.check_finished()
        self.finished = True

    def interrupted(self, exc: BaseException) -> None:
        """A cut mid-transfer: resume (the next :meth:`request` asks for the rest), or give up
        once ``max_resumes`` is spent — the partial data is kept for the next call."""
        if self.attempts > self.max_resumes:
            raise KfTransportError(
                f"media download interrupted ({type(exc).__name__}: {exc}); the partial data is "
                "kept and the next call with resume=True continues it",
                path=GET_PATH,
                attempts=self.attempts,
            ) from exc
        self.core.resumed += 1

    def __enter__(self) -> _Download:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.sink.close()  # keeps a non-empty .part after a failure, for the next call

    def result(self) -> DownloadResult:
        path, size = self.sink.finish()
        return self.core.result(path, size if path else self.core.have)


async def async_download_to(
    kf: Any,
    media_id: str,
    path_or_file: str | os.PathLike[str] | IO[bytes],
    **options: Unpack[DownloadOptions],
) -> DownloadResult:
    """Stream media ``media_id`` into a file path (via ``<path>.part`` + rename) or a binary
    stream — memory use does not grow with the file; resumable with Range (options:
    :class:`DownloadOptions`). A JSON error body raises the matching
    :class:`~wxkefu_ext.errors.KfApiError`; the target path is then not created.
    """
    get = kf.with_streaming_response.media.get
    with _Download(media_id, path_or_file, **options) as dl:  # file writes: small, local, direct
        while not dl.finished:
            async with get(**dl.request()) as r:
                try:  # inside the block: a cut body is the httpx error, resumed here
                    if dl.begin(r.status_code, r.headers):
                        async for chunk in r.aiter_bytes(dl.chunk_size):
                            dl.take(chunk)
                    dl.end_of_body()
                except _INTERRUPTED as exc:
                    dl.interrupted(exc)
        return dl.result()


# ---- sync twin of async_download_to, generated by `make gen`: edit that ----
def download_to(
    kf: Any,
    media_id: str,
    path_or_file: str | os.PathLike[str] | IO[bytes],
    **options: Unpack[DownloadOptions],
) -> DownloadResult:
    """Stream media ``media_id`` into a file path (via ``<path>.part`` + rename) or a binary
    stream — memory use does not grow with the file; resumable with Range (options:
    :class:`DownloadOptions`). A JSON error body raises the matching
    :class:`~wxkefu_ext.errors.KfApiError`; the target path is then not created.
    """
    get = kf.with_streaming_response.media.get
    with _Download(media_id, path_or_file, **options) as dl:  # file writes: small, local, direct
        while not dl.finished:
            with get(**dl.request()) as r:
                try:  # inside the block: a cut body is the httpx error, resumed here
                    if dl.begin(r.status_code, r.headers):
                        for chunk in r.iter_bytes(dl.chunk_size):
                            dl.take(chunk)
                    dl.end_of_body()
                except _INTERRUPTED as exc:
                    dl.interrupted(exc)
        return dl.result()


# ---- end of generated code ----


async def async_download(kf: Any, media_id: str, *, max_bytes: int | None = None) -> bytes:
    """The whole media in memory (for small files; use :func:`async_download_to` for big ones).
    ``max_bytes`` refuses anything larger before it is all read."""
    buf = _CappedBuffer(max_bytes)
    await async_download_to(kf, media_id, buf)
    return buf.getvalue()


# ---- sync twin of async_download, generated by `make gen`: edit that ----
def download(kf: Any, media_id: str, *, max_bytes: int | None = None) -> bytes:
    """The whole media in memory (for small files; use :func:`download_to` for big ones).
    ``max_bytes`` refuses anything larger before it is all read."""
    buf = _CappedBuffer(max_bytes)
    download_to(kf, media_id, buf)
    return buf.getvalue()


# ---- end of generated code ----


class _CappedBuffer(io.BytesIO):
    def __init__(self, cap: int | None) -> None:
        super().__init__()
        self._cap = cap

    def write(self, data: Any) -> int:
        if self._cap is not None and self.tell() + len(data) > self._cap:
            raise KfValidationError(
                "media is larger than max_bytes", field="max_bytes", limit=self._cap
            )
        return super().write(data)
