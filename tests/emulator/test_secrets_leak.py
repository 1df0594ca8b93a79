"""No secret in any log line, output, repr or exception text of a whole demo run.

The demo (:class:`wxkefu_ext.demo.Demo`, exactly what ``make demo`` runs) goes through every
feature over real HTTP: token, account + avatar upload, contact link, servicer, signed and
encrypted callbacks, sync_msg pulls, sends with a welcome code, media up and down, session
hand-over. Around it this test

* makes every logger emit at DEBUG and records every record that reaches a handler (the spy sits
  in ``Logger.callHandlers``, so records of loggers that do not propagate to the root —
  uvicorn's — are seen too, and the ``httpx`` redaction filter has already run, as it would for
  any real handler);
* captures stdout / stderr (file-descriptor level);
* provokes failures and keeps ``str()``, ``repr()`` and the formatted traceback of each: a wrong
  corp secret, a token rejected twice, forged and mis-keyed callbacks, an invalid AES key, bad
  and unknown errcodes, a server that echoes the request URL, a dropped connection;
* walks the objects the demo holds (clients, credentials, token managers and stores, callback
  crypto, emulator, cursor store, received callback events...) and takes their ``repr()``.

The secrets are the actual values: a random corp secret given to the emulator, the callback
Token and EncodingAESKey the demo generated (recorded by wrapping ``keygen``), every
access_token the emulator issued and every sync_msg Token it pushed. Not only the whole value
must be absent: no 12-character piece of it may appear (a leak of a prefix is a leak).
"""

from __future__ import annotations

import gc
import logging
import queue
import secrets
import traceback
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, ClassVar

import httpx
import pytest

import wxkefu_ext.callback as callback_pkg
import wxkefu_ext.demo as demo_mod
import wxkefu_ext.emulator as emulator_pkg
from wxkefu_ext import keygen
from wxkefu_ext.callback import CallbackCrypto, CallbackError, build_post_envelope
from wxkefu_ext.client import KfClient
from wxkefu_ext.errors import KfApiError, KfError, raise_for_errcode
from wxkefu_ext.retry import RetryPolicy

#: A secret leaks if any piece of it this long appears (the demo shows 4+4 token characters).
FRAGMENT = 12
CORP_ID = "wwleaktest0000001"


@dataclass
class Evidence:
    """Everything that left the code under test as text, by where it was seen."""

    logs: list[str] = field(default_factory=list)
    reprs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    output: str = ""

    def sources(self) -> Iterator[tuple[str, str]]:
        for text in self.logs:
            yield "log", text
        for text in self.reprs:
            yield "repr", text
        for text in self.errors:
            yield "exception", text
        yield "stdout/stderr", self.output

    def keep_error(self, exc: BaseException) -> None:
        self.errors.append(str(exc))
        self.errors.append(repr(exc))
        self.errors.append("".join(traceback.format_exception(exc)))


@dataclass
class Secrets:
    corp_secrets: list[str] = field(default_factory=list)
    callback_tokens: list[str] = field(default_factory=list)
    aes_keys: list[str] = field(default_factory=list)
    access_tokens: list[str] = field(default_factory=list)
    sync_tokens: list[str] = field(default_factory=list)

    def named(self) -> Iterator[tuple[str, str]]:
        for kind in ("corp_secrets", "callback_tokens", "aes_keys", "access_tokens", "sync_tokens"):
            for value in getattr(self, kind):
                yield kind, value


def fragments(value: str) -> set[str]:
    if len(value) <= FRAGMENT:
        return {value}
    return {value[i : i + FRAGMENT] for i in range(len(value) - FRAGMENT + 1)}


def find_leaks(found: Secrets, evidence: Evidence) -> list[str]:
    leaks = []
    for kind, value in found.named():
        pieces = fragments(value)
        for where, text in evidence.sources():
            hit = next((p for p in pieces if p in text), None)
            if hit is not None:
                at = text.index(hit)
                context = text[max(0, at - 60) : at + FRAGMENT + 20].replace("\n", " ")
                leaks.append(f"{kind[:-1]} in {where}: …{context}…")
    return leaks


# ---------------------------------------------------------------------------------------------
# Capture machinery
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def every_log_record(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every logger enabled at every level; every record that reaches handlers is formatted."""
    lines: list[str] = []
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    original = logging.Logger.callHandlers

    def spy(self: logging.Logger, record: logging.LogRecord) -> None:
        try:
            lines.append(formatter.format(record))
        except Exception as exc:  # a broken record is itself worth seeing
            lines.append(f"unformattable record {record.msg!r} {record.args!r}: {exc!r}")
        original(self, record)

    monkeypatch.setattr(logging.Logger, "callHandlers", spy)
    monkeypatch.setattr(logging.Logger, "isEnabledFor", lambda self, level: True)
    root = logging.getLogger()
    previous = root.level
    root.setLevel(logging.DEBUG)
    yield lines
    root.setLevel(previous)


class _RecordingQueue(queue.Queue[Any]):
    """The demo's callback event queue, keeping every event it was given."""

    seen: ClassVar[list[Any]] = []

    def put(self, item: Any, block: bool = True, timeout: float | None = None) -> None:
        _RecordingQueue.seen.append(item)
        super().put(item, block, timeout)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Secrets, list[Any]]]:
    """Record the real secret values and the objects the demo creates."""
    found = Secrets(corp_secrets=[secrets.token_urlsafe(32)])
    objects: list[Any] = []
    real_emulator = emulator_pkg.Emulator

    class RecordingEmulator(real_emulator):  # type: ignore[misc, valid-type]
        def __init__(self, **kwargs: Any) -> None:
            kwargs.setdefault("credentials", {CORP_ID: found.corp_secrets[0]})
            super().__init__(**kwargs)
            objects.append(self)

    class RecordingCrypto(CallbackCrypto):
        __slots__ = ()

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            objects.append(self)

    def recording(fn: Callable[..., str], into: list[str]) -> Callable[..., str]:
        def wrapper(*args: Any, **kwargs: Any) -> str:
            value = fn(*args, **kwargs)
            into.append(value)
            return value

        return wrapper

    monkeypatch.setattr(emulator_pkg, "Emulator", RecordingEmulator)
    monkeypatch.setattr(callback_pkg, "CallbackCrypto", RecordingCrypto)
    monkeypatch.setattr(
        keygen, "generate_token", recording(keygen.generate_token, found.callback_tokens)
    )
    monkeypatch.setattr(
        keygen,
        "generate_encoding_aes_key",
        recording(keygen.generate_encoding_aes_key, found.aes_keys),
    )
    monkeypatch.setattr(
        demo_mod, "queue", SimpleNamespace(Queue=_RecordingQueue, Empty=queue.Empty)
    )
    _RecordingQueue.seen = []
    yield found, objects


def reachable(roots: list[Any], limit: int = 20_000) -> list[Any]:
    """Objects of this toolkit (and exceptions) reachable from ``roots`` through references."""
    out: list[Any] = []
    seen: set[int] = set()
    stack = list(roots)
    while stack and len(seen) < limit:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type | type(reachable) | type(gc)):
            continue
        seen.add(id(obj))
        ours = any(
            (c.__module__ or "").startswith(("wxkefu_ext", "wxkefu_client"))
            for c in type(obj).__mro__
        )
        if ours or isinstance(obj, BaseException):
            out.append(obj)
        if ours or isinstance(obj, dict | list | tuple | set | frozenset | queue.Queue):
            stack.extend(gc.get_referents(obj))
    return out


# ---------------------------------------------------------------------------------------------
# Failures to provoke
# ---------------------------------------------------------------------------------------------


def provoke(demo: Any, objects: list[Any], found: Secrets, evidence: Evidence) -> None:
    """Make each kind of failure happen once with real secrets in play; keep their texts."""
    emu, kf = demo.emu, demo.kf
    base_url = str(kf.base_url)
    crypto = next(o for o in objects if isinstance(o, CallbackCrypto))
    token, key = found.callback_tokens[0], found.aes_keys[0]
    quick = RetryPolicy(max_attempts=2, sleep=lambda s: None)

    def expect(action: Callable[[], object], kind: type[BaseException] = KfError) -> None:
        with pytest.raises(kind) as caught:
            action()
        evidence.keep_error(caught.value)

    # a wrong corp secret (itself a secret) -> gettoken 40001
    wrong = secrets.token_urlsafe(32)
    found.corp_secrets.append(wrong)
    with KfClient(CORP_ID, wrong, base_url=base_url, retry=quick) as bad:
        evidence.reprs.append(repr(bad))
        expect(bad.access_token)
    # the token rejected, refreshed, and rejected again -> TokenError
    emu.inject_fault("errcode", errcode=40014, count=2, path="/kf/account/list")
    expect(lambda: kf.request("POST", "/kf/account/list", json={"offset": 0, "limit": 10}))
    # revoked for real: refreshed once, transparently (a new access_token enters the pool)
    emu.invalidate_tokens()
    kf.request("POST", "/kf/account/list", json={"offset": 0, "limit": 10})
    # a business error, a dropped connection, an HTML gateway page
    unknown = {"touser": "wmnobody", "open_kfid": demo.open_kfid, "msgtype": "text"}
    expect(lambda: kf.request("POST", "/kf/send_msg", json={**unknown, "text": {"content": "x"}}))
    emu.inject_fault("drop", count=3, path="/kf/servicer/list")
    with kf.with_options(retry=quick) as short:
        expect(lambda: short.request("GET", "/kf/servicer/list", params={"open_kfid": "wkx" * 4}))
    emu.inject_fault("http_5xx", count=3, path="/kf/account/list")
    with kf.with_options(retry=quick) as short:
        expect(lambda: short.request("POST", "/kf/account/list", json={}))
    # bad and unknown errcodes, a server echoing the token in errmsg
    live = kf.access_token()
    expect(lambda: raise_for_errcode({"errcode": "forty", "errmsg": f"access_token={live}"}))
    expect(lambda: raise_for_errcode({"errcode": 987654, "errmsg": f"bad access_token={live}"}))
    expect(lambda: raise_for_errcode({"errcode": 40014, "errmsg": f"invalid token={live}"}))
    expect(lambda: KfApiError(True, "x"), Exception)
    # a proxy that echoes the request URL and the bare secrets in its error pages and JSON
    echo_secret = secrets.token_urlsafe(40)
    found.access_tokens.append(echo_secret)

    def echo(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        bare = params.get("access_token") or params.get("corpsecret", "")
        if request.url.path.endswith("/gettoken"):
            if "fail" in request.url.params.get("corpid", ""):
                return httpx.Response(200, json={"errcode": 40001, "errmsg": f"bad {bare}"})
            return httpx.Response(
                200, json={"errcode": 0, "access_token": echo_secret, "expires_in": 7200}
            )
        if request.url.path.endswith("/kf/account/list"):
            return httpx.Response(502, text=f"<html>bad gateway for {request.url} {bare}</html>")
        if request.url.path.endswith("/kf/servicer/list"):
            return httpx.Response(200, json={"errcode": 40014, "errmsg": f"no {bare}"})
        return httpx.Response(200, json={"errcode": 40058, "errmsg": f"bad url {request.url}"})

    for corp_id in (CORP_ID, "wwfail"):
        with KfClient(
            corp_id, found.corp_secrets[0], base_url="https://kf.test/cgi-bin",
            transport=httpx.MockTransport(echo), retry=quick,
        ) as mocked:  # fmt: skip
            evidence.reprs.append(repr(mocked))
            expect(lambda: mocked.request("POST", "/kf/account/list", json={}))
            expect(lambda: mocked.request("GET", "/kf/servicer/list", params={"open_kfid": "wk1"}))
            expect(lambda: mocked.request("POST", "/kf/account/add", json={"name": "x"}))
    # callbacks: forged signature, wrong key, a key that is not a key, wrong receiver
    signed = build_post_envelope(token, key, CORP_ID, "<xml><Event>kf_msg_or_event</Event></xml>")
    params = signed.params
    expect(
        lambda: crypto.handle_post("0" * 40, params["timestamp"], params["nonce"], signed.body),
        CallbackError,
    )
    other = CallbackCrypto(token, keygen.generate_encoding_aes_key(), CORP_ID)
    evidence.reprs.append(repr(other))
    expect(
        lambda: other.handle_post(
            params["msg_signature"], params["timestamp"], params["nonce"], signed.body
        ),
        CallbackError,
    )
    expect(lambda: CallbackCrypto(token, key[:-1] + "!", CORP_ID), CallbackError)
    expect(lambda: CallbackCrypto(token, key + "A", CORP_ID), CallbackError)
    stranger = build_post_envelope(token, key, "wwsomeoneelse", "<xml/>")
    expect(
        lambda: crypto.handle_post(
            stranger.params["msg_signature"],
            stranger.params["timestamp"],
            stranger.params["nonce"],
            stranger.body,
        ),
        CallbackError,
    )


# ---------------------------------------------------------------------------------------------
# The test
# ---------------------------------------------------------------------------------------------


def test_whole_demo_run_leaks_no_secret(
    every_log_record: list[str],
    recorded: tuple[Secrets, list[Any]],
    capfd: pytest.CaptureFixture[str],
) -> None:
    found, objects = recorded
    evidence = Evidence(logs=every_log_record)
    demo: Any = None
    try:
        with ExitStack() as stack:
            demo = demo_mod.Demo(stack, demo_mod.Transcript())
            demo.run()
            emu = demo.emu
            provoke(demo, objects, found, evidence)
            emu.clear_faults()
            found.access_tokens += list(emu.state.tokens)
            found.sync_tokens += list(emu.state.sync_tokens)
            roots = [demo, emu, demo.kf, *objects, *_RecordingQueue.seen, *emu.callback_log]
            for obj in reachable(roots):
                evidence.reprs.append(repr(obj))
                evidence.reprs.append(str(obj))
    except BaseException as exc:  # the demo itself failing is evidence too, then a failure
        evidence.keep_error(exc)
        raise
    finally:
        out, err = capfd.readouterr()
        evidence.output = out + err

    # the capture really captured: the run happened and each channel saw the run
    assert "demo finished" in evidence.output
    assert len(found.access_tokens) >= 3  # the demo's, the one after revocation, the echoed one
    assert found.callback_tokens and found.aes_keys and found.sync_tokens
    assert any("kf/sync_msg" in line for line in evidence.logs), "no request was logged"
    assert len(evidence.errors) >= 3 * 12
    assert any("CallbackCrypto(" in r for r in evidence.reprs)
    assert any("KfClient(" in r for r in evidence.reprs)
    assert any("Emulator(" in r for r in evidence.reprs)

    leaks = find_leaks(found, evidence)
    assert not leaks, "secrets leaked:\n" + "\n".join(leaks[:20])


def test_the_leak_detector_sees_a_leak() -> None:
    """The checker itself can fail: a token piece in a log line is found."""
    found = Secrets(access_tokens=["A" * 5 + secrets.token_hex(20)])
    evidence = Evidence(logs=[f"GET /x?t={found.access_tokens[0][3:20]}"])
    assert find_leaks(found, evidence)
    assert not find_leaks(found, Evidence(logs=[found.access_tokens[0][:4] + "…"]))
