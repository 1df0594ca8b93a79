"""Update, list and get the contact link of Kf accounts (mirrors examples/account_more.rs)."""

from __future__ import annotations

from _common import Session, run


def main(s: Session) -> None:
    open_kfid = s.open_kfid()
    s.kf.account.update(open_kfid=open_kfid, name="客服B")
    for account in s.kf.account.list(limit=100):  # iterates every page
        print(f"account {account.open_kfid} name={account.name!r}")
    link = s.kf.add_contact_way(open_kfid=open_kfid, scene="example")
    print(f"contact link: {link.url}")


if __name__ == "__main__":
    run(main)
