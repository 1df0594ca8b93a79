"""Create a Kf account; the avatar must be uploaded first (mirrors examples/account_add.rs).

Real API: WXKF_MEDIA_ID (an image media_id) or the example uploads a tiny PNG.
"""

from __future__ import annotations

from _common import Session, run


def main(s: Session) -> None:
    account = s.kf.account.add(name="客服A", media_id=s.media_id())
    print(f"open_kfid={account.open_kfid}")  # typed: present on success, never None


if __name__ == "__main__":
    run(main)
