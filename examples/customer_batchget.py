"""Customer basic info (mirrors examples/customer_batchget.rs).

Only customers who entered a session or wrote within 48 h are returned; others are listed in
``invalid_external_userid``.
"""

from __future__ import annotations

from _common import Session, run


def main(s: Session) -> None:
    s.open_kfid()
    customer = s.customer()
    reply = s.kf.request(
        "POST",
        "/kf/customer/batchget",
        json={"external_userid_list": [customer, "wmUnknownCustomer"]},
    )
    for c in reply.get("customer_list", []):
        print(f"customer {c['external_userid']}: nickname={c.get('nickname')!r}")
    print(f"invalid: {reply.get('invalid_external_userid', [])}")


if __name__ == "__main__":
    run(main)
