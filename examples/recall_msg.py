"""Send a message, then recall it (mirrors examples/recall_msg.rs).

Only messages sent through the API can be recalled, within 2 minutes; a recalled message still
counts toward the 5-per-48 h allowance.
"""

from __future__ import annotations

from wxkefu_ext import messages

from _common import Session, run


def main(s: Session) -> None:
    open_kfid = s.open_kfid()
    touser = s.customer()
    msgid = messages.send(s.kf, touser, open_kfid, messages.text("oops, wrong customer"))
    messages.recall(s.kf, open_kfid, msgid)
    print(f"recalled msgid={msgid}")


if __name__ == "__main__":
    run(main)
