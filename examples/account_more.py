"""Update, list and get the contact link of Kf accounts (mirrors examples/account_more.rs)."""

from __future__ import annotations

from _common import Session, run


def main(s: Session) -> None:
    open_kfid = s.open_kfid()
    s.kf.request("POST", "/kf/account/update", json={"open_kfid": open_kfid, "name": "客服B"})
    page = s.kf.request("POST", "/kf/account/list", json={"offset": 0, "limit": 100})
    for account in page.get("account_list", []):
        print(f"account {account['open_kfid']} name={account.get('name')!r}")
    link = s.kf.request(
        "POST", "/kf/add_contact_way", json={"open_kfid": open_kfid, "scene": "example"}
    )
    print(f"contact link: {link['url']}")


if __name__ == "__main__":
    run(main)
