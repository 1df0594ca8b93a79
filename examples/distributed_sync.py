"""Distributed sync: callbacks enqueue, workers in any process pull — one per Kf account.

The callback endpoint only ``SyncQueue.enqueue(open_kfid, token)`` (a Redis pipeline) and
answers; ``SyncWorker`` processes take a per-account Redis lock, drain sync_msg with the newest
Token, commit the cursor in Redis after each handled page and drop msgids already handled. Kill a
worker mid-drain: its lock expires and another one resumes from the committed cursor.

Needs Redis (WXKEFU_REDIS_URL, default redis://127.0.0.1:6379/0). Here two workers run as
threads against the local emulator; in production run them as separate processes.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from typing import Any

import redis

from wxkefu_ext import keygen
from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent
from wxkefu_ext.callback.asgi import callback_app
from wxkefu_ext.serving import serving
from wxkefu_ext.worker import SyncQueue, SyncWorker

from _common import Session, run


def main(s: Session) -> None:
    from _emulator import corp_id, customer_writes, set_callback

    r = redis.Redis.from_url(os.environ.get("WXKEFU_REDIS_URL", "redis://127.0.0.1:6379/0"))
    prefix = f"wxkefu-example:{uuid.uuid4().hex}:"
    sync_queue = SyncQueue(r, prefix=prefix)
    seen: list[str] = []
    lock = threading.Lock()

    def on_event(event: Any) -> None:  # the web process: enqueue and return
        if isinstance(event, KfMsgOrEvent) and event.open_kfid:
            sync_queue.enqueue(event.open_kfid, event.token)

    def make_handler(name: str) -> Any:
        def handle(page: Any) -> None:
            with lock:
                for raw in page.raw_messages:
                    seen.append(raw.get("msgid", ""))
                    print(f"{name}: {raw.get('msgtype')} {raw.get('msgid')}", flush=True)

        return handle

    stop = threading.Event()
    workers = [
        SyncWorker(lambda: s.kf, r, make_handler(f"worker-{i}"), prefix=prefix, poll_interval=0.05)
        for i in (1, 2)
    ]
    threads = [threading.Thread(target=w.run_forever, args=(stop,), daemon=True) for w in workers]
    token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
    app = callback_app(CallbackCrypto(token, key, corp_id(s.emulator)), on_event)
    try:
        with serving(app) as base:
            set_callback(s.emulator, f"{base}/callback", token, key)
            for t in threads:
                t.start()
            open_kfid = s.open_kfid()
            customer = None
            for i in range(3):
                customer = customer_writes(s.emulator, open_kfid, f"消息 {i}", customer=customer)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                with lock:
                    texts = len(seen)
                if texts >= 3:
                    break
                time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            if t.is_alive():
                t.join(timeout=5)
        for k in r.scan_iter(match=prefix + "*"):
            r.delete(k)
    unique = len(set(seen))
    print(f"handled {len(seen)} message(s), {unique} unique, by {len(workers)} workers")
    if unique < 3 or unique != len(seen):
        raise SystemExit("expected every message exactly once")


if __name__ == "__main__":
    run(main)
