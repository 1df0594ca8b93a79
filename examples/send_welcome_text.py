"""Answer enter_session with a welcome text (mirrors examples/send_welcome_text.rs).

The welcome_code comes from an enter_session event pulled with sync_msg; it is single-use and
valid 20 seconds. Real API: WXKF_WELCOME_CODE.
"""

from __future__ import annotations

from wxkefu_ext import messages

from _common import Session, run


def main(s: Session) -> None:
    code = s.welcome_code()
    msgid = messages.send_on_event(s.kf, code, messages.text("欢迎咨询! 有什么可以帮您?"))
    print(f"send_msg_on_event: welcome text msgid={msgid}")


if __name__ == "__main__":
    run(main)
