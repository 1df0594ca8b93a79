"""Fetch a WeCom (Kf) access_token (mirrors wxkefu-rs examples/get_token.rs).

The client caches the token and refreshes it on 40014/42001 by itself; you rarely need it
directly. It is a credential: this example prints only a masked form.
"""

from __future__ import annotations

from _common import Session, run


def main(s: Session) -> None:
    token = s.kf.access_token()
    raw = token.reveal() if hasattr(token, "reveal") else str(token)
    again = s.kf.access_token()
    again_raw = again.reveal() if hasattr(again, "reveal") else str(again)
    print(f"access_token={raw[:4]}…{raw[-4:]} ({len(raw)} chars, masked)")
    print(f"second call served from the cache: {again_raw == raw}")


if __name__ == "__main__":
    run(main)
