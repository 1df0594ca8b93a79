"""Customer basic info (mirrors examples/customer_batchget.rs).

Only customers who entered a session or wrote within 48 h are returned; others are listed in
``invalid_external_userid``.
"""

from __future__ import annotations

from wxkefu_client.types import Unset

from _common import Session, run


def main(s: Session) -> None:
    s.open_kfid()
    customer = s.customer()
    reply = s.kf.customer.batchget(external_userid_list=[customer, "wmUnknownCustomer"])
    for c in reply.customer_list:
        print(f"customer {c.external_userid}: nickname={c.nickname!r}")
    invalid = (
        [] if isinstance(reply.invalid_external_userid, Unset) else reply.invalid_external_userid
    )
    print(f"invalid: {invalid}")


if __name__ == "__main__":
    run(main)
