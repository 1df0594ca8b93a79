"""Delete a Kf account (mirrors examples/account_del.rs).

Real API: WXKF_DEL_OPEN_KFID names the account to delete (deliberately not WXKF_OPEN_KFID).
In the emulator a throw-away account is created first.
"""

from __future__ import annotations

from _common import Session, run


def main(s: Session) -> None:
    open_kfid = s.open_kfid() if s.emulated else s.need("WXKF_DEL_OPEN_KFID")
    s.kf.account.del_(open_kfid=open_kfid)
    ids = [a.open_kfid for a in s.kf.account.list()]
    print(f"deleted {open_kfid}; still listed: {open_kfid in ids}")


if __name__ == "__main__":
    run(main)
