"""Upload an image and send it (mirrors examples/send_image.rs).

Real API: WXKF_OPEN_KFID, WXKF_TOUSER and WXKF_MEDIA_ID (or the example uploads a tiny PNG).
"""

from __future__ import annotations

from wxkefu_ext import messages

from _common import Session, run


def main(s: Session) -> None:
    open_kfid = s.open_kfid()
    touser = s.customer()
    media_id = s.media_id()
    msgid = messages.send(s.kf, touser, open_kfid, messages.image(media_id))
    print(f"sent image media_id={media_id} msgid={msgid}")


if __name__ == "__main__":
    run(main)
