"""Upload temporary media (mirrors examples/media_upload.rs).

``python media_upload.py [PATH [TYPE]]``: without a path a tiny PNG is uploaded. Type, size and
magic bytes are checked before sending; the media_id is valid 3 days.
"""

from __future__ import annotations

import sys

from wxkefu_ext import media

from _common import Session, run, tiny_png


def main(s: Session) -> None:
    if len(sys.argv) > 1:
        kind = sys.argv[2] if len(sys.argv) > 2 else "file"
        result = media.upload(s.kf, kind, sys.argv[1])  # type: ignore[arg-type]
    else:
        result = media.upload(s.kf, "image", tiny_png(), filename="pixel.png")
    print(f"uploaded {result.filename} ({result.size} bytes): media_id={result.media_id}")


if __name__ == "__main__":
    run(main)
