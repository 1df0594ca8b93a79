"""Explain WeCom errcodes and catch typed errors (mirrors examples/error_help.rs).

Branch on the exception class (or ``errcode``), never on ``errmsg`` text.
"""

from __future__ import annotations

from wxkefu_ext import errors, messages

from _common import Session, run


def main(s: Session) -> None:
    for code in (40014, 45009, 95018, -40001):
        print(errors.explain(code))
    raw = (
        "Warning: wrong json format. invalid open_kfid, hint: [1700000000_1_abc], from ip: 1.2.3.4"
    )
    print(errors.explain(95000, raw))
    print(
        f"retry 45009? {errors.should_retry(45009)}; refresh on 42001? "
        f"{errors.should_refresh_token(42001)}"
    )

    # A real round trip that fails: sending from a Kf account that does not exist.
    try:
        messages.send(s.kf, "wmNoSuchCustomer", "wkNoSuchAccount", messages.text("hi"))
    except errors.KfApiError as exc:
        print(f"caught {type(exc).__name__} errcode={exc.errcode}: {exc.hint}")
    else:
        raise SystemExit("expected the send to fail")


if __name__ == "__main__":
    run(main)
