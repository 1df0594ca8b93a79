"""Temporary media: multipart upload (size/format checks), download with Range/206/416,
3-day expiry, JSON errors with HTTP 200 for a bad media_id; permanent images (uploadimg)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote

from wxkefu_ext.emulator._http import ApiError, Response
from wxkefu_ext.emulator.handlers.accounts import live_media
from wxkefu_ext.emulator.handlers.call import handles
from wxkefu_ext.emulator.state import Media

if TYPE_CHECKING:
    from wxkefu_ext.emulator.handlers.call import Call
    from wxkefu_ext.emulator.world import World

MB: Final = 1024 * 1024
#: type -> (max bytes, errcode when bigger)
LIMITS: Final[dict[str, tuple[int, int]]] = {
    "image": (10 * MB, 40009),
    "voice": (2 * MB, 40006),
    "video": (10 * MB, 40011),
    "file": (20 * MB, 40006),
}
DEFAULT_TYPES: Final = {
    "image": "image/jpeg",
    "voice": "audio/amr",
    "video": "video/mp4",
    "file": "application/octet-stream",
}
_RANGE: Final = re.compile(r"^bytes=(\d*)-(\d*)$")


def _media_part(call: Call) -> tuple[bytes, str, str]:
    for part in call.files:
        if part.field == "media":
            if not part.filename:
                raise ApiError(
                    44001, "media part has no filename in its Content-Disposition", kind="schema"
                )
            return part.data, part.filename, part.content_type or ""
    raise ApiError(
        44001, "media file is empty: no 'media' part in the multipart body", kind="schema"
    )


def _is_image(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


@handles("mediaUpload")
def media_upload(emu: World, call: Call) -> dict[str, Any]:
    kind = call.query["type"]
    data, filename, ctype = _media_part(call)
    if len(data) <= 5:
        raise ApiError(
            40006, f"invalid file size: {len(data)} bytes (every file must be larger than 5 bytes)"
        )
    limit, code = LIMITS[kind]
    if len(data) > limit:
        raise ApiError(code, f"invalid {kind} size: {len(data)} bytes > {limit // MB} MB")
    if kind == "image":
        sniffed = _is_image(data)
        if sniffed is None:
            raise ApiError(40004, "invalid media type: images must be JPG or PNG")
        ctype = sniffed
    elif kind == "voice" and not data.startswith(b"#!AMR"):
        raise ApiError(40004, "invalid media type: voice must be AMR")
    if kind != "image" and not ctype.startswith(
        ("audio/", "video/", "image/", "application/octet-stream")
    ):
        ctype = ""  # what media/get may answer with: octet-stream or image/audio/video
    media_id = "3" + emu.new_id("", 63)
    now = emu.clock.now()
    emu.state.media[media_id] = Media(
        media_id, kind, data, filename, ctype or DEFAULT_TYPES[kind], now
    )
    return {"type": kind, "media_id": media_id, "created_at": str(int(now))}


@handles("mediaUploadimg")
def media_uploadimg(emu: World, call: Call) -> dict[str, Any]:
    data, _filename, _ctype = _media_part(call)
    if len(data) <= 5 or len(data) > 2 * MB:
        raise ApiError(40009, f"invalid image size: {len(data)} bytes (6 bytes .. 2 MB)")
    if _is_image(data) is None:
        raise ApiError(40004, "invalid media type: images must be JPG or PNG")
    return {"url": f"https://wework.qpic.cn/wwpic/emulator/{emu.new_id('', 24)}/0"}


@handles("mediaGet")
def media_get(emu: World, call: Call) -> Response:
    media = live_media(emu, call.query["media_id"])
    size = len(media.data)
    headers = {
        "content-type": media.content_type,
        "content-disposition": f'attachment; filename="{quote(media.filename)}"',
        "accept-ranges": "bytes",
    }
    wanted = call.request.headers.get("range")
    match = _RANGE.match(wanted.strip()) if wanted else None
    if match is None or (not match.group(1) and not match.group(2)):
        return Response(200, headers, media.data)  # no (or unparsable) Range: the whole file
    first_s, last_s = match.groups()
    if first_s:
        first = int(first_s)
        last = min(int(last_s), size - 1) if last_s else size - 1
    else:
        first, last = max(size - int(last_s), 0), size - 1
    if first >= size or last < first:
        return Response(416, {"content-range": f"bytes */{size}", "accept-ranges": "bytes"}, b"")
    headers["content-range"] = f"bytes {first}-{last}/{size}"
    return Response(206, headers, media.data[first : last + 1])
