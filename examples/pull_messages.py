"""Pull messages with kf/sync_msg (mirrors examples/pull_messages.rs).

The pager pulls until ``has_more == 0`` and commits the cursor after each handled page: run
it twice with the same cursor file and the second run prints only new messages.
Real API: WXKF_OPEN_KFID (and WXKF_SYNC_TOKEN, the Token of a kf_msg_or_event callback).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from wxkefu_ext.cursors import FileCursorStore
from wxkefu_ext.pagination import SyncMsgPager

from _common import Session, env, run


def main(s: Session) -> None:
    open_kfid = s.open_kfid()
    if s.emulated:
        s.customer("第一条消息")
    with tempfile.TemporaryDirectory() as tmp:
        store = FileCursorStore(Path(env("WXKF_CURSOR_FILE") or Path(tmp) / "cursors.json"))
        pager = SyncMsgPager(s.kf, open_kfid, token=env("WXKF_SYNC_TOKEN"), cursor_store=store)
        for message in pager.messages():
            data = message.to_dict()
            body = data.get(data.get("msgtype", ""), {})
            print(f"[{data.get('msgtype')}] {data.get('msgid')}: {body}")
        print(f"pulled {pager.result.delivered} message(s) in {pager.result.pages} page(s)")
        again = SyncMsgPager(s.kf, open_kfid, cursor_store=store).handle(lambda page: None)
        print(f"second drain from the stored cursor: {again.delivered} new message(s)")


if __name__ == "__main__":
    run(main)
