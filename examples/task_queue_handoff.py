"""Plugging the callback hand-off into a task queue you already run (Celery shown).

The callback endpoint answers WeCom with 200 only after the broker has the ``(open_kfid,
Token)`` task (``handoff=task_handoff(drain_account.delay)``); if the broker is down it answers
503 and WeCom retries. The task drains the account under its fenced Redis lease with
``StreamSyncWorker.drain_notified`` (one puller per account across all Celery workers) and asks
Celery to retry when another worker holds the account. Dramatiq: ``drain_account.send``; arq:
a function calling ``await redis.enqueue_job("drain_account", open_kfid, token)``.

Without Celery installed (or without WXKEFU_CELERY_BROKER), the example runs the same adapter
with an in-process list as the "broker" against the local emulator, and exits.
"""

from __future__ import annotations

import os
import queue
import uuid
from typing import Any

import redis

from wxkefu_ext import keygen
from wxkefu_ext.callback import CallbackCrypto
from wxkefu_ext.callback.asgi import callback_app
from wxkefu_ext.handoff import StreamSyncWorker, task_handoff
from wxkefu_ext.serving import serving
from wxkefu_ext.stores import redis_from_url

from _common import Session, run

REDIS_URL = os.environ.get("WXKEFU_REDIS_URL", "redis://127.0.0.1:6379/0")


def make_worker(kf_factory: Any, r: redis.Redis, prefix: str, seen: list[str]) -> StreamSyncWorker:
    def handle(page: Any) -> None:
        for message in page.messages:
            seen.append(message.to_dict().get("msgid", ""))

    return StreamSyncWorker(kf_factory, r, handle, prefix=prefix, sweep_interval=None)


def celery_app() -> Any:  # pragma: no cover - needs Celery and a broker
    from celery import Celery  # type: ignore[import-not-found]  # only when you use it

    from wxkefu_ext.client import KfClient

    app: Any = Celery("wxkefu", broker=os.environ["WXKEFU_CELERY_BROKER"])
    worker = make_worker(KfClient.from_env, redis_from_url(REDIS_URL), "wxkefu:stream:", [])

    def drain(task: Any, open_kfid: str, token: str | None) -> None:
        if worker.drain_notified(open_kfid, token) is None:  # another worker has the account
            raise task.retry()

    drain_account: Any = app.task(bind=True, max_retries=None, default_retry_delay=1)(drain)
    app.conf.wxkefu_handoff = task_handoff(drain_account.delay)  # the endpoint's handoff=
    return app


def main(s: Session) -> None:
    from _emulator import corp_id, customer_writes, set_callback

    r = redis_from_url(REDIS_URL)
    prefix = f"wxkefu-example:{uuid.uuid4().hex}:"
    broker: queue.Queue[tuple[str, str | None]] = queue.Queue()  # stands in for the broker
    seen: list[str] = []
    worker = make_worker(lambda: s.kf, r, prefix, seen)
    token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
    handoff = task_handoff(lambda kfid, tok: broker.put((kfid, tok)))  # drain_account.delay
    app = callback_app(CallbackCrypto(token, key, corp_id(s.emulator)), handoff=handoff)
    try:
        with serving(app) as base:
            set_callback(s.emulator, f"{base}/callback", token, key)
            open_kfid = s.open_kfid()
            customer_writes(s.emulator, open_kfid, "你好")
            kfid, tok = broker.get(timeout=10)  # the "task" a Celery worker would run
            result = worker.drain_notified(kfid, tok)
            assert result is not None
    finally:
        for k in r.scan_iter(match=prefix + "*"):
            r.delete(k)
    print(f"task drained {kfid}: {len(seen)} message(s) handled after a 200 that waited for "
          "the broker")  # fmt: skip


if __name__ == "__main__":
    run(main)
