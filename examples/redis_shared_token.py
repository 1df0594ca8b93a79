"""One access_token shared by several clients (processes) through Redis.

gettoken is rate-limited and every new token may invalidate nothing but still costs a call:
with a shared Redis token store, N workers fetch one token between them (single-flight under a
Redis lock) and all refresh together when WeCom rejects it (40014/42001).

Needs Redis (WXKEFU_REDIS_URL, default redis://127.0.0.1:6379/0).
"""

from __future__ import annotations

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import redis

from wxkefu_ext.client import KfClient
from wxkefu_ext.tokens import RedisTokenStore

from _common import Session, run

CLIENTS = 4


def main(s: Session) -> None:
    from _emulator import corp_id, secret

    r = redis.Redis.from_url(os.environ.get("WXKEFU_REDIS_URL", "redis://127.0.0.1:6379/0"))
    prefix = f"wxkefu-example:{uuid.uuid4().hex}:"
    cid, sec = (
        (corp_id(s.emulator), secret(s.emulator))
        if s.emulated
        else (s.need("WXKF_CORP_ID"), s.need("WXKF_APP_SECRET"))
    )
    clients = [
        KfClient(cid, sec, base_url=s.base_url, token_store=RedisTokenStore(r, prefix=prefix))
        if s.base_url
        else KfClient(cid, sec, token_store=RedisTokenStore(r, prefix=prefix))
        for _ in range(CLIENTS)
    ]
    try:
        with ThreadPoolExecutor(CLIENTS) as pool:
            tokens = list(pool.map(lambda kf: str(_raw(kf.access_token())), clients))
    finally:
        for kf in clients:
            kf.close()
        for key in r.scan_iter(match=prefix + "*"):
            r.delete(key)
    if len(set(tokens)) != 1:
        raise SystemExit(f"expected one shared token, got {len(set(tokens))}")
    print(f"one gettoken for {CLIENTS} clients (token {tokens[0][:4]}…, masked)")


def _raw(token: object) -> str:
    reveal = getattr(token, "reveal", None)
    return str(reveal() if callable(reveal) else token)


if __name__ == "__main__":
    run(main)
