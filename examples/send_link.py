"""Send a link card (图文链接) (mirrors examples/send_link.rs).

Limits are checked before sending: title ≤128 bytes, desc ≤512 bytes, http(s) URL.
"""

from __future__ import annotations

from wxkefu_ext import messages
from wxkefu_ext.errors import KfValidationError

from _common import Session, run


def main(s: Session) -> None:
    open_kfid = s.open_kfid()
    touser = s.customer()
    card = messages.link(
        "wxkefu 使用指南",
        "https://kf.weixin.qq.com/",
        s.media_id(),
        desc="WeCom 微信客服 toolkit for Python",
    )
    msgid = messages.send(s.kf, touser, open_kfid, card)
    print(f"sent link msgid={msgid}")
    try:
        messages.link("x" * 200, "ftp://example.com", s.media_id())
    except KfValidationError as exc:
        print(f"rejected before sending: {exc}")


if __name__ == "__main__":
    run(main)
