"""media: upload checks, streamed/resumable download, JSON-error-with-200 → typed error."""

from __future__ import annotations

import hashlib
import io
import random
import re
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from fakes import CORP_ID, SECRET, FakeKf

from wxkefu_ext import media
from wxkefu_ext.errors import (
    KfApiError,
    KfResponseError,
    KfTransportError,
    KfValidationError,
    NotFoundError,
)

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 60
AMR = b"#!AMR\n" + b"\x00" * 60
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 60
BLOB = bytes(random.Random(7).getrandbits(8) for _ in range(300_000))


def Kf(handler: Any, *, asynchronous: bool = False) -> Any:
    """A real client whose media calls go to ``handler`` (see :func:`client_kf`)."""
    return client_kf(handler, asynchronous=asynchronous)


def client_kf(handler: Any, *, asynchronous: bool = False) -> Any:
    """A real KfClient / AsyncKfClient whose calls after the token go to ``handler`` (uploads
    go through the resource API ``kf.media.upload``)."""
    from wxkefu_ext.client import AsyncKfClient, KfClient

    cls: Any = AsyncKfClient if asynchronous else KfClient
    return cls(CORP_ID, SECRET, transport=httpx.MockTransport(FakeKf(default=handler)))


class Cut(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that sends ``n`` bytes of ``data`` and then drops the connection."""

    def __init__(self, data: bytes, n: int) -> None:
        self.data, self.n = data, n

    def __iter__(self) -> Iterator[bytes]:
        yield self.data[: self.n]
        raise httpx.RemoteProtocolError("peer closed connection")

    async def __aiter__(self) -> Any:
        yield self.data[: self.n]
        raise httpx.RemoteProtocolError("peer closed connection")


def media_server(data: bytes, *, cut_first_at: int | None = None) -> Any:
    """Handler serving ``data`` with Range support; optionally the first reply is cut."""
    state = {"calls": 0, "ranges": []}

    def handler(request: httpx.Request) -> httpx.Response:
        state["calls"] += 1
        assert request.url.path == "/cgi-bin/media/get"
        if request.url.params.get("media_id") != "MID":
            return httpx.Response(200, json={"errcode": 40007, "errmsg": "invalid media_id"})
        rng = request.headers.get("range")
        state["ranges"].append(rng)
        headers = {
            "content-type": "image/jpeg",
            "content-disposition": 'attachment; filename="pic.jpg"',
            "accept-ranges": "bytes",
        }
        start, end, status = 0, len(data) - 1, 200
        if rng:
            m = re.match(r"bytes=(\d+)-(\d*)", rng)
            assert m
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2) else len(data) - 1
            if start >= len(data):
                return httpx.Response(416, headers={"content-range": f"bytes */{len(data)}"})
            status = 206
            headers["content-range"] = f"bytes {start}-{end}/{len(data)}"
        body = data[start : end + 1]
        headers["content-length"] = str(len(body))
        if cut_first_at is not None and state["calls"] == 1:
            return httpx.Response(status, headers=headers, stream=Cut(body, cut_first_at))
        return httpx.Response(status, headers=headers, content=body)

    return handler, state


# ------------------------------------------------------------------------------- upload


def upload_recorder() -> tuple[Any, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            json={
                "errcode": 0,
                "errmsg": "ok",
                "type": request.url.params["type"],
                "media_id": "MEDIA1",
                "created_at": "1700000000",
            },
        )

    return client_kf(handler), seen


@pytest.mark.parametrize(
    ("kind", "data", "filename", "mime"),
    [
        ("image", JPEG, "image.jpg", "image/jpeg"),
        ("image", PNG, "image.png", "image/png"),
        ("voice", AMR, "voice.amr", "audio/amr"),
        ("video", MP4, "video.mp4", "video/mp4"),
        ("file", b"hello world", "file.bin", "application/octet-stream"),
    ],
)
def test_upload_sets_filename_and_mime(kind: Any, data: bytes, filename: str, mime: str) -> None:
    kf, seen = upload_recorder()
    res = media.upload(kf, kind, data)
    assert res.media_id == "MEDIA1" and res.created_at == 1700000000 and res.type == kind
    req = seen[0]
    assert req.url.params["type"] == kind
    body = req.read()
    assert f'name="media"; filename="{filename}"'.encode() in body
    assert f"Content-Type: {mime}".encode() in body
    assert data in body


def test_upload_from_path_and_stream(tmp_path: Path) -> None:
    kf, seen = upload_recorder()
    p = tmp_path / "报告.pdf"
    p.write_bytes(b"%PDF-1.4 something")
    assert media.upload(kf, "file", p).filename == "报告.pdf"
    assert b"application/pdf" in seen[0].read()
    with open(tmp_path / "报告.pdf", "rb") as fh:
        assert media.upload(kf, "file", fh).filename == "报告.pdf"
    assert media.upload(kf, "image", io.BytesIO(PNG), filename="x.png").filename == "x.png"


@pytest.mark.parametrize(
    ("kind", "source", "kw", "field", "text"),
    [
        ("image", b"\xff\xd8\xff", {}, "source", "more than 5 bytes"),
        ("image", JPEG + b"\0" * (10 * 1024 * 1024), {}, "source", "10 MB"),
        ("voice", AMR + b"\0" * (2 * 1024 * 1024), {}, "source", "2 MB"),
        ("file", b"\0" * (20 * 1024 * 1024 + 1), {}, "source", "20 MB"),
        ("image", b"GIF89a-not-allowed", {}, "source", "jpg/jpeg/png"),
        ("voice", MP4, {}, "source", "amr"),
        ("video", JPEG, {}, "source", "mp4"),
        ("image", JPEG, {"filename": "a.gif"}, "filename", ".jpg"),
        ("image", JPEG, {"filename": "../x.jpg"}, "filename", "plain"),
        ("sticker", JPEG, {}, "media_type", "image|voice"),
        ("file", "no/such/file.bin", {}, "source", "cannot read"),
        ("file", 123, {}, "source", "path, bytes"),
    ],
)
def test_upload_checks_before_sending(
    kind: Any, source: Any, kw: Any, field: str, text: str
) -> None:
    kf, seen = upload_recorder()
    with pytest.raises(KfValidationError) as ei:
        media.upload(kf, kind, source, **kw)
    assert ei.value.field == field and text in str(ei.value)
    assert seen == []


def test_upload_big_path_is_not_read(tmp_path: Path) -> None:
    p = tmp_path / "big.amr"
    with open(p, "wb") as fh:
        fh.truncate(3 * 1024 * 1024)
    kf, seen = upload_recorder()
    with pytest.raises(KfValidationError, match="2 MB"):
        media.upload(kf, "voice", p)
    assert seen == []


def test_upload_error_reply_is_typed() -> None:
    kf = client_kf(
        lambda r: httpx.Response(200, json={"errcode": 40004, "errmsg": "invalid media type"})
    )
    with pytest.raises(KfApiError) as ei:
        media.upload(kf, "image", JPEG)
    assert getattr(ei.value, "errcode", None) == 40004


# ------------------------------------------------------------------------------- download


def test_download_to_memory_and_headers() -> None:
    handler, _ = media_server(BLOB)
    kf = Kf(handler)
    assert media.download(kf, "MID") == BLOB
    with pytest.raises(KfValidationError, match="max_bytes"):
        media.download(kf, "MID", max_bytes=1000)


def test_json_error_with_200_is_typed_and_saves_nothing(tmp_path: Path) -> None:
    handler, _ = media_server(BLOB)
    target = tmp_path / "out.jpg"
    with pytest.raises(NotFoundError) as ei:
        media.download_to(Kf(handler), "BAD", target)
    assert ei.value.errcode == 40007
    assert not target.exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(NotFoundError):
        media.download(Kf(handler), "BAD")


def test_download_to_path_streams_into_part_then_renames(tmp_path: Path) -> None:
    handler, state = media_server(BLOB)
    target = tmp_path / "out.jpg"
    res = media.download_to(Kf(handler), "MID", target, chunk_size=4096)
    assert target.read_bytes() == BLOB
    assert not (tmp_path / "out.jpg.part").exists()
    assert res.size == len(BLOB) and res.total_size == len(BLOB)
    assert res.filename == "pic.jpg" and res.content_type == "image/jpeg"
    assert res.status_code == 200 and res.resumed == 0 and state["ranges"] == [None]


def test_cut_connection_is_resumed_within_the_call(tmp_path: Path) -> None:
    handler, state = media_server(BLOB, cut_first_at=100_000)
    target = tmp_path / "out.jpg"
    res = media.download_to(Kf(handler), "MID", target)
    assert target.read_bytes() == BLOB
    assert res.resumed == 1 and state["ranges"][0] is None and len(state["ranges"]) == 2
    # resumed at a chunk boundary no later than the cut (bytes buffered in a chunk are re-read)
    offset = int(state["ranges"][1].removeprefix("bytes=").rstrip("-"))
    assert 0 < offset <= 100_000
    assert res.content_range == f"bytes {offset}-{len(BLOB) - 1}/{len(BLOB)}"


def test_interrupted_download_resumes_next_call(tmp_path: Path) -> None:
    handler, state = media_server(BLOB, cut_first_at=123_457)
    target = tmp_path / "out.jpg"
    with pytest.raises(KfTransportError, match="interrupted"):
        media.download_to(Kf(handler), "MID", target, max_resumes=0)
    assert not target.exists()
    assert (tmp_path / "out.jpg.part").stat().st_size == 123_457
    res = media.download_to(Kf(handler), "MID", target)
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(BLOB).digest()
    assert state["ranges"][-1] == "bytes=123457-" and res.status_code == 206


def test_resume_false_starts_over_and_complete_part_is_accepted(tmp_path: Path) -> None:
    handler, state = media_server(BLOB)
    target = tmp_path / "out.jpg"
    (tmp_path / "out.jpg.part").write_bytes(b"garbage")
    media.download_to(Kf(handler), "MID", target, resume=False)
    assert target.read_bytes() == BLOB and state["ranges"][-1] is None
    # a .part that already holds everything: 416 with the total → just finish
    (tmp_path / "out2.jpg.part").write_bytes(BLOB)
    res = media.download_to(Kf(handler), "MID", tmp_path / "out2.jpg")
    assert (tmp_path / "out2.jpg").read_bytes() == BLOB and res.status_code == 416


def test_range_window_and_bad_content_range(tmp_path: Path) -> None:
    handler, _ = media_server(BLOB)
    buf = io.BytesIO()
    res = media.download_to(Kf(handler), "MID", buf, range=(1000, 1999))
    assert buf.getvalue() == BLOB[1000:2000] and res.status_code == 206
    assert res.content_range == f"bytes 1000-1999/{len(BLOB)}"

    def wrong_range(request: httpx.Request) -> httpx.Response:
        return httpx.Response(206, headers={"content-range": "bytes 0-9/100"}, content=b"x" * 10)

    with pytest.raises(KfResponseError, match="does not continue"):
        media.download_to(Kf(wrong_range), "MID", io.BytesIO(), range=(50, 59))

    def ignores_range(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 10)

    with pytest.raises(KfResponseError, match="ignored the Range"):
        media.download_to(Kf(ignores_range), "MID", io.BytesIO(), range=(5, None))
    with pytest.raises(KfValidationError, match="range"):
        media.download_to(Kf(ignores_range), "MID", io.BytesIO(), range=(9, 3))


def test_server_ignoring_range_on_resume_restarts_cleanly(tmp_path: Path) -> None:
    def no_ranges(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-length": str(len(BLOB))}, content=BLOB)

    (tmp_path / "o.bin.part").write_bytes(b"stale-partial")
    media.download_to(Kf(no_ranges), "MID", tmp_path / "o.bin")
    assert (tmp_path / "o.bin").read_bytes() == BLOB


def test_content_disposition_parsing() -> None:
    f = media.content_disposition_filename
    assert f('attachment; filename="a b.jpg"') == "a b.jpg"
    assert f("attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf") == "报告.pdf"
    assert f('attachment; filename="../../etc/passwd"') == "passwd"
    assert f("inline") is None and f(None) is None


@pytest.mark.anyio
async def test_async_download_and_upload(tmp_path: Path) -> None:
    handler, state = media_server(BLOB, cut_first_at=5000)
    assert state["calls"] == 0
    kf = Kf(handler, asynchronous=True)
    target = tmp_path / "a.jpg"
    res = await media.async_download_to(kf, "MID", target, chunk_size=1000)
    assert target.read_bytes() == BLOB and res.resumed == 1
    assert await media.async_download(kf, "MID") == BLOB
    with pytest.raises(NotFoundError):
        await media.async_download(kf, "NOPE")

    def up(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "errcode": 0,
                "errmsg": "ok",
                "type": "voice",
                "media_id": "V1",
                "created_at": "1",
            },
        )

    async with client_kf(up, asynchronous=True) as akf:
        assert (await media.async_upload(akf, "voice", AMR)).media_id == "V1"


# ----------------------------------------------------- a real socket that drops mid-body


class _CuttingHandler(BaseHTTPRequestHandler):
    data = BLOB
    cut_next = True

    def log_message(self, *a: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/cgi-bin/gettoken"):
            token = b'{"errcode":0,"access_token":"T","expires_in":7200}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(token)))
            self.end_headers()
            self.wfile.write(token)
            return
        rng = self.headers.get("Range")
        start = int(re.match(r"bytes=(\d+)-", rng).group(1)) if rng else 0  # type: ignore[union-attr]
        body = self.data[start:]
        self.send_response(206 if start else 200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        if start:
            self.send_header(
                "Content-Range", f"bytes {start}-{len(self.data) - 1}/{len(self.data)}"
            )
        self.end_headers()
        if type(self).cut_next:
            type(self).cut_next = False
            self.wfile.write(body[: len(body) // 3])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(body)


def test_resume_over_real_tcp_connection_cut(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CuttingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        from wxkefu_ext.client import KfClient

        base_url = f"http://127.0.0.1:{server.server_port}/cgi-bin"
        with KfClient(CORP_ID, SECRET, base_url=base_url) as kf:
            res = media.download_to(kf, "MID", tmp_path / "x.bin")
        assert (tmp_path / "x.bin").read_bytes() == BLOB and res.resumed == 1
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------------------
# Through KfClient and the emulator
# --------------------------------------------------------------------------------------


def test_emulator_upload_download_and_dropped_connection(emu_kf: Any, tmp_path: Path) -> None:
    emu, kf = emu_kf
    data = b"\xff\xd8\xff\xe0" + BLOB * 4
    up = media.upload(kf, "image", data, filename="photo.jpg")
    assert media.download(kf, up.media_id) == data
    # a served emulator closes the socket mid-body: the download resumes with Range
    from wxkefu_ext.client import KfClient
    from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET

    with (
        emu.serve("127.0.0.1") as base_url,
        KfClient(DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, base_url=base_url) as real,
    ):
        emu.inject_fault("drop", path="/media/get")
        res = real_res = media.download_to(real, up.media_id, tmp_path / "photo.jpg")
    assert (tmp_path / "photo.jpg").read_bytes() == data
    assert real_res.size == len(data) and res.resumed >= 1
    with pytest.raises(NotFoundError):
        media.download_to(kf, "no-such-media", tmp_path / "nope.jpg")
    assert not (tmp_path / "nope.jpg").exists()


@pytest.mark.anyio
async def test_async_download_reports_progress_like_the_blocking_one() -> None:
    handler, _ = media_server(BLOB)
    seen: list[tuple[int, int | None]] = []
    buf = io.BytesIO()
    await media.async_download_to(
        Kf(handler, asynchronous=True), "MID", buf, on_progress=lambda d, t: seen.append((d, t))
    )
    assert buf.getvalue() == BLOB and seen[-1] == (len(BLOB), len(BLOB))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.anyio
async def test_oversized_json_error_body_is_typed_and_writes_nothing() -> None:
    """A big JSON error reply to media/get is an error of its errcode (both flavours), never
    written into the target."""

    def big(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"errcode": 40007, "errmsg": "x" * 200_000})

    out = io.BytesIO()
    with pytest.raises(NotFoundError):
        media.download_to(Kf(big), "MID", out, chunk_size=1000)
    with pytest.raises(NotFoundError):
        await media.async_download_to(Kf(big, asynchronous=True), "MID", out, chunk_size=1000)
    assert out.getvalue() == b""
