"""Issue 13 item 5, with a real stalled process: a worker SIGSTOPped longer than ``lock_ttl``
while it handles a page loses the account to another worker; once resumed it neither commits
(fenced off) nor hands out another page. Full profile only (multi-process, ~3 s)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from typing import Any

import pytest
from fakes import SyncMsgServer

from wxkefu_ext.pagination import SyncMsgPage
from wxkefu_ext.stores import redis_from_url
from wxkefu_ext.worker import SyncQueue, SyncWorker, WorkerKeys

from conftest import FULL

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FULL, reason="multi-process: full profile (WXKEFU_PROFILE=full)"),
]

ITEMS = [f"m{i}" for i in range(20)]


def _client() -> Any:
    """A KfClient over sync_msg of ``ITEMS`` in pages of 5 (tests/fakes.py), one per worker."""
    item = lambda m: {"msgid": m, "msgtype": "text"}  # noqa: E731
    return SyncMsgServer(ITEMS, page=5, empty_every=0, item=item).client


def _stalling_worker(url: str, prefix: str) -> None:
    r = redis_from_url(url)

    def handler(page: SyncMsgPage) -> None:
        r.rpush(prefix + "handled", *[f"A:{m['msgid']}" for m in page.messages])
        r.set(prefix + "a-in-handler", "1")
        time.sleep(0.5)  # the parent SIGSTOPs us in here

    w = SyncWorker(_client, r, handler, prefix=prefix, lock_ttl=0.6, parser=dict)
    try:
        w.drain("wkA")
        r.set(prefix + "a-outcome", "finished")
    except Exception as exc:
        r.set(prefix + "a-outcome", type(exc).__name__)


def test_a_stalled_worker_is_fenced_off(redis_url: str, redis_prefix: str) -> None:
    r = redis_from_url(redis_url)
    SyncQueue(r, prefix=redis_prefix).enqueue("wkA", None)
    proc = multiprocessing.get_context("fork").Process(
        target=_stalling_worker, args=(redis_url, redis_prefix)
    )
    proc.start()
    try:
        deadline = time.monotonic() + 10
        while not r.get(redis_prefix + "a-in-handler"):
            assert time.monotonic() < deadline, "worker A never reached its handler"
            time.sleep(0.005)
        assert proc.pid is not None
        os.kill(proc.pid, signal.SIGSTOP)
        time.sleep(1.0)  # longer than lock_ttl: A's lock expires, A cannot renew it

        def handler(page: SyncMsgPage) -> None:
            r.rpush(redis_prefix + "handled", *[f"B:{m['msgid']}" for m in page.messages])

        b = SyncWorker(_client, r, handler, prefix=redis_prefix, lock_ttl=5, parser=dict)
        assert b.drain("wkA") is not None
        os.kill(proc.pid, signal.SIGCONT)
        proc.join(10)
    finally:
        if proc.is_alive():
            os.kill(proc.pid, signal.SIGCONT)
            proc.kill()
    handled = [x.decode() for x in r.lrange(redis_prefix + "handled", 0, -1)]
    by_a = [h[2:] for h in handled if h.startswith("A:")]
    by_b = [h[2:] for h in handled if h.startswith("B:")]
    assert by_a == ITEMS[:5]  # A handed out no page after it woke up
    assert by_b == ITEMS  # B took over from the last commit (A's page was never committed)
    assert r.get(redis_prefix + "a-outcome") == b"LockLostError"
    assert b.cursors.get("wkA") == "c20"  # A's late commit did not overwrite B's
    assert r.get(WorkerKeys(redis_prefix).lock("wkA")) is None
