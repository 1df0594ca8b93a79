"""Download temporary media, streamed and resumable (mirrors examples/media_get.rs).

Real API: WXKF_MEDIA_ID. The body goes to ``<file>.part`` and is renamed when complete; a JSON
error body (HTTP 200!) raises the typed error instead of being saved as the "file".
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from wxkefu_ext import media

from _common import Session, env, run, tiny_png


def main(s: Session) -> None:
    expected = None
    media_id = env("WXKF_MEDIA_ID")
    if media_id is None:
        expected = tiny_png((200, 30, 30))
        media_id = media.upload(s.kf, "image", expected, filename="red.png").media_id
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "download.bin"
        result = media.download_to(s.kf, media_id, target)
        data = target.read_bytes()
        print(f"downloaded {result.size} bytes ({result.content_type}) to {target.name}")
        if expected is not None:
            assert data == expected, "downloaded bytes differ from the upload"
            print("bytes identical to the upload")
        # Only a window of the file, with HTTP Range:
        head = media.download_to(s.kf, media_id, target.with_suffix(".head"), range=(0, 7))
        print(f"range 0-7: {head.size} bytes, status {head.status_code}")


if __name__ == "__main__":
    run(main)
