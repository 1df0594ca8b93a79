"""Send a text message to a customer (mirrors examples/send_text.rs).

Real API: WXKF_OPEN_KFID and WXKF_TOUSER (the customer's external_userid, who must have
written within 48 h). A msgid is always sent, so retries cannot duplicate the message.
"""

from __future__ import annotations

from wxkefu_ext import messages

from _common import Session, run


def main(s: Session) -> None:
    open_kfid = s.open_kfid()
    touser = s.customer()
    msgid = messages.send(s.kf, touser, open_kfid, messages.text("hello from wxkefu"))
    print(f"send_msg: errcode=0 msgid={msgid}")


if __name__ == "__main__":
    run(main)
