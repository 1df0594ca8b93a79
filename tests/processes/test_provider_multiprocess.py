"""A provider serving three corps from several OS processes sharing the real Redis (full profile).

The emulator is served over real HTTP by this process, which also runs the suite's instruction
callback endpoint (WSGI, reached by the emulator's pusher). Three worker processes each hold
their own :class:`Provider` over the same Redis token store and permanent-code store, and call
the Kf API for every corp. Checked: the install flow, suite_ticket refresh, exactly one
get_corp_token per corp per expiry across all processes, Kf calls per corp, and a corp that
cancels gets a typed error in every process while nothing more is sent for it.

The workers measure token lifetimes on the emulator's clock: its offset is shared with them
(``multiprocessing.Value``), as a real deployment's clocks agree with WeCom's.
"""

from __future__ import annotations

import multiprocessing
import time
from typing import Any

import httpx
import pytest

from wxkefu_ext.callback import CallbackCrypto
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.emulator.provider import DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET
from wxkefu_ext.keygen import generate_encoding_aes_key, generate_token
from wxkefu_ext.provider import Provider, RedisPermanentCodeStore, SuiteCredential
from wxkefu_ext.provider.callback import instruction_wsgi_app
from wxkefu_ext.tokens import RedisTokenStore

from conftest import FULL

pytestmark = [
    pytest.mark.slow,
    pytest.mark.redis,
    pytest.mark.skipif(not FULL, reason="multi-process suite: full profile (WXKEFU_PROFILE=full)"),
]

CORPS = ("wwmpcorp00000001", "wwmpcorp00000002", "wwmpcorp00000003")
WORKERS = 3
WAIT = 90.0


def worker(
    index: int,
    base_url: str,
    redis_url: str,
    prefix: str,
    offset: Any,
    commands: Any,
    results: Any,
    targets: dict[str, tuple[str, str]],
) -> None:
    """One OS process of the provider: runs the phases the test sends, reports outcomes."""
    provider = Provider(
        SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET),
        token_store=RedisTokenStore(redis_url, prefix=prefix),
        codes=RedisPermanentCodeStore(redis_url, prefix=prefix),
        base_url=base_url,
        clock=lambda: time.time() + offset.value,
    )
    try:
        while True:
            phase = commands.get(timeout=WAIT)
            if phase == "stop":
                return
            outcome: dict[str, str] = {}
            for corp_id, (kfid, user) in targets.items():
                try:
                    kf = provider.corp(corp_id)
                    kf.request("POST", "/kf/account/list", json={})
                    body = {
                        "open_kfid": kfid,
                        "touser": user,
                        "msgtype": "text",
                        "text": {"content": f"{phase}:{index}"},
                    }
                    kf.request("POST", "/kf/send_msg", json=body)
                    outcome[corp_id] = "ok"
                except Exception as exc:  # reported to the test, which checks the type
                    outcome[corp_id] = type(exc).__name__
            results.put((phase, index, outcome))
    finally:
        provider.close()


def test_three_corps_across_processes_sharing_redis(redis_url: str, redis_prefix: str) -> None:
    emu = Emulator(seed=21)
    targets: dict[str, tuple[str, str]] = {}
    for i, corp_id in enumerate(CORPS):
        corp = emu.provider.add_corp(corp_id, f"企业{i}")
        kfid = corp.create_account(f"客服{i}")
        user, _ = corp.customer_enter_session(kfid)
        corp.customer_send(kfid, user, "你好")
        targets[corp_id] = (kfid, user)
    stats = emu.provider.stats
    ctx = multiprocessing.get_context("spawn")
    offset = ctx.Value("d", 0.0)
    results = ctx.Queue()
    commands = [ctx.Queue() for _ in range(WORKERS)]
    with emu.serve() as base_url:
        store = RedisTokenStore(redis_url, prefix=redis_prefix)
        codes = RedisPermanentCodeStore(redis_url, prefix=redis_prefix)
        endpoint = Provider(
            SuiteCredential(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET),
            token_store=store, codes=codes, base_url=base_url, clock=emu.clock.now,
        )  # fmt: skip
        token, key = generate_token(), generate_encoding_aes_key()
        app = instruction_wsgi_app(endpoint, CallbackCrypto(token, key, DEFAULT_SUITE_ID))

        def settle() -> None:
            assert emu.provider.flush(WAIT) and app.drain(WAIT)

        emu.provider.set_instruction_callback(
            DEFAULT_SUITE_ID, "http://provider.local/suite/receive", token=token,
            encoding_aes_key=key, transport=httpx.WSGITransport(app=app),
        )  # fmt: skip
        for corp_id in CORPS:  # install flow: create_auth pushed, exchanged, code in Redis
            emu.provider.authorize(DEFAULT_SUITE_ID, corp_id)
        settle()
        assert sorted(codes.corp_ids(DEFAULT_SUITE_ID)) == sorted(CORPS)

        procs = [
            ctx.Process(
                target=worker,
                args=(i, base_url, redis_url, redis_prefix, offset, commands[i], results, targets),
            )
            for i in range(WORKERS)
        ]
        for p in procs:
            p.start()

        def phase(name: str) -> dict[int, dict[str, str]]:
            for corp_id, (kfid, user) in targets.items():  # a new allowance of 5 replies
                emu.provider.corp(corp_id).customer_send(kfid, user, name)
            for q in commands:
                q.put(name)
            got: dict[int, dict[str, str]] = {}
            while len(got) < WORKERS:
                ran, index, outcome = results.get(timeout=WAIT)
                assert ran == name
                got[index] = outcome
            return got

        try:
            everything_ok = {i: dict.fromkeys(CORPS, "ok") for i in range(WORKERS)}
            assert phase("first") == everything_ok
            assert sum(stats.corp_token_calls.values()) == 0  # first tokens came with the codes
            # suite_ticket refresh: a new push 10 minutes later lands in Redis for everyone
            ticket = endpoint.suite_ticket()
            emu.clock.advance(601)
            offset.value = emu.clock.offset
            assert emu.provider.tick() == 1
            settle()
            assert endpoint.suite_ticket() != ticket
            # every token expires: one get_corp_token per corp, whichever process asks first
            emu.clock.advance(7200)
            offset.value = emu.clock.offset
            emu.provider.tick()
            settle()
            suite_tokens = stats.suite_tokens
            assert phase("expired") == everything_ok
            calls = {c: stats.corp_token_calls[(DEFAULT_SUITE_ID, c)] for c in CORPS}
            assert calls == dict.fromkeys(CORPS, 1)
            assert stats.suite_tokens == suite_tokens + 1  # fetched once, with the new ticket
            for corp_id in CORPS:
                sent = emu.provider.corp(corp_id).delivered()
                assert len(sent) == 2 * WORKERS  # each process sent once per phase, no repeats
            # cancel: the endpoint process drops the corp; every process stops for it
            cancelled = CORPS[1]
            requests, deliveries = (
                stats.kf_requests[cancelled],
                len(emu.provider.corp(cancelled).delivered()),
            )
            emu.provider.cancel_auth(DEFAULT_SUITE_ID, cancelled)
            settle()
            after = phase("after-cancel")
            for i in range(WORKERS):
                assert after[i][cancelled] == "AuthorizationCancelledError"
                assert all(after[i][c] == "ok" for c in CORPS if c != cancelled)
            assert stats.kf_requests[cancelled] == requests  # nothing sent on its behalf
            assert stats.after_cancel[cancelled] == 0
            assert len(emu.provider.corp(cancelled).delivered()) == deliveries
        finally:
            for q in commands:
                q.put("stop")
            for p in procs:
                p.join(WAIT)
                if p.is_alive():
                    p.kill()
            app.close()
            endpoint.close()
    assert all(p.exitcode == 0 for p in procs)
    emu.close()
