"""Answer enter_session with a welcome menu (mirrors examples/send_welcome_menu.rs).

Clicking a ``click`` item makes the customer send a text whose ``menu_id`` is the item's id.
"""

from __future__ import annotations

from wxkefu_ext import messages

from _common import Session, run


def main(s: Session) -> None:
    code = s.welcome_code()
    menu = messages.msgmenu(
        [
            messages.menu_click("查询订单", id="order"),
            messages.menu_click("人工客服", id="human"),
            messages.menu_view("https://kf.weixin.qq.com/", "帮助中心"),
            messages.menu_text("工作时间 9:00-18:00"),
        ],
        head_content="您好, 请选择:",
        tail_content="感谢您的耐心",
    )
    msgid = messages.send_on_event(s.kf, code, menu)
    print(f"send_msg_on_event: welcome menu with 4 items msgid={msgid}")


if __name__ == "__main__":
    run(main)
