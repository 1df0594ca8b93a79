"""Issue 13 item 4: a send that fails says what may have happened — msgid, maybe_delivered and
the attempt history — and re-sending with the same msgid never duplicates.

The faults come from our own TCP proxy (tests/fault_proxy.py) between a real KfClient and the
served emulator: replies lost after the server acted, 504s from a "gateway" after the backend
acted, refused connections.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
from fakes import CORP_ID, SECRET, FakeKf
from fault_proxy import FaultPlan, FaultProxy

from wxkefu_ext import messages as m
from wxkefu_ext.client import KfClient
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.errors import KfApiError, KfError
from wxkefu_ext.retry import RetryPolicy, SendAttempt, is_duplicate_msgid

from conftest import scaled

# --------------------------------------------------------------------------- the single rule

DELIVERED = [
    "invalid msgid: duplicated msgid 'a1b2'",  # the emulator
    "duplicate msgid, hint: [1733030000_12_abc], from ip: 10.0.0.1, more info at "
    "https://open.work.weixin.qq.com/devtool/query?e=40058",
    "msgid already exists",
    "Duplicated msgid",
    "msgid exists",
]
NOT_DELIVERED = [
    "invalid msgid, hint: [1733030000_12_abc], from ip: 10.0.0.1, more info at "
    "https://open.work.weixin.qq.com/devtool/query?e=40058",
    "invalid msgid: msgid too long",
    "msgid is too long (max 32 bytes)",
    "invalid msgid: only [0-9a-zA-Z_-] allowed",
    "msgid not exists",
    "invalid parameter: touser",
    "",
]


@pytest.mark.parametrize("errmsg", DELIVERED)
def test_errmsg_naming_a_duplicated_msgid_counts_as_delivered(errmsg: str) -> None:
    assert is_duplicate_msgid(40058, errmsg)
    assert not is_duplicate_msgid(40001, errmsg)


@pytest.mark.parametrize("errmsg", NOT_DELIVERED)
def test_other_40058_errmsgs_are_not_delivered(errmsg: str) -> None:
    assert not is_duplicate_msgid(40058, errmsg)


def test_a_40058_for_another_reason_raises_not_delivered() -> None:
    rejecting = {"errcode": 40058, "errmsg": "invalid msgid: msgid too long, hint: [x]"}
    fake = FakeKf(script={"/kf/send_msg": [rejecting]})
    kf = KfClient(CORP_ID, SECRET, transport=httpx.MockTransport(fake))
    with kf, pytest.raises(KfApiError) as info:
        m.send(kf, "wmU", "wkA", m.text("x"), msgid="m1")
    assert info.value.errcode == 40058
    assert info.value.msgid == "m1"  # type: ignore[attr-defined]
    assert info.value.maybe_delivered is False  # type: ignore[attr-defined]
    assert [c.body["msgid"] for c in fake.paths("/kf/send_msg")] == ["m1"]  # sent once


# --------------------------------------------------------------------------- through the proxy


@pytest.fixture
def served() -> Iterator[tuple[Emulator, str]]:
    emu = Emulator(seed=3)
    with emu.serve("127.0.0.1", 0) as base_url:
        yield emu, base_url
    emu.close()


def _client(emu: Emulator, proxy: FaultProxy) -> KfClient:
    policy = RetryPolicy(max_attempts=3, initial_backoff=0.0, max_backoff=0.0)
    return KfClient(
        emu.corp_id,
        emu.corp_secret,
        base_url=proxy.base_url("/cgi-bin"),
        retry=policy,
        timeout=5.0,
    )


def test_failed_sends_carry_msgid_maybe_delivered_and_history(
    served: tuple[Emulator, str],
) -> None:
    emu, base_url = served
    port = int(base_url.rsplit(":", 1)[1].split("/")[0])
    kfid = emu.create_account("sender")
    user, _ = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, "你好")  # opens the session (state 0)
    n = scaled(120, 1000)
    plan = FaultPlan(refuse=0.1, lose_reply=0.12, gateway_504=0.12, seed=7)
    failures: list[KfError] = []
    sent: list[str] = []
    with FaultProxy(("127.0.0.1", port), plan) as proxy:
        proxy.enabled = False
        kf = _client(emu, proxy)
        kf.access_token()  # the token fetch is not what this test is about
        proxy.enabled = True
        for i in range(n):
            if i % 4 == 0:  # at most 5 sends per customer message
                emu.customer_send(kfid, user, f"q{i}")
            msgid = f"t13-{i}"
            try:
                assert m.send(kf, user, kfid, m.text(f"hi {i}"), msgid=msgid) == msgid
            except KfError as exc:
                failures.append(exc)
            sent.append(msgid)
        assert failures, f"no send failed under {plan.fired}: the proxy injected nothing?"
        delivered_before = Counter(d["msgid"] for d in emu.delivered(kfid))
        for exc in failures:
            msgid = exc.msgid  # type: ignore[attr-defined]
            attempts = exc.send_attempts  # type: ignore[attr-defined]
            assert msgid in sent and attempts and all(isinstance(a, SendAttempt) for a in attempts)
            assert [a.number for a in attempts] == list(range(1, len(attempts) + 1))
            if delivered_before[msgid]:  # landed although the call raised
                assert exc.maybe_delivered, (msgid, attempts)  # type: ignore[attr-defined]
            assert f"msgid={msgid}" in "".join(getattr(exc, "__notes__", []))
        # the documented recovery: re-send with the same msgid, until it goes through
        proxy.enabled = False
        for i, exc in enumerate(failures):
            if i % 4 == 0:
                emu.customer_send(kfid, user, f"r{i}")
            msgid = exc.msgid  # type: ignore[attr-defined]
            assert m.send(kf, user, kfid, m.text("again"), msgid=msgid) == msgid
        kf.close()
    counts = Counter(d["msgid"] for d in emu.delivered(kfid))
    assert set(counts) == set(sent), "a message was lost"
    twice = [k for k, c in counts.items() if c > 1]
    assert not twice, f"duplicated: {twice}"
    assert plan.fired["lose_reply"] and plan.fired["gateway_504"]
    # some failure was ambiguous and really delivered (the case the issue reports)
    assert any(delivered_before[e.msgid] for e in failures)  # type: ignore[attr-defined]
