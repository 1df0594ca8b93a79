"""Issue 13 item 6: the emulator validates callback settings where they are given, and an
error while pushing never stops later pushes."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from wxkefu_ext import keygen
from wxkefu_ext._redact import Secret
from wxkefu_ext.emulator import Emulator


def test_constructor_rejects_a_malformed_key() -> None:
    with pytest.raises(ValueError, match="encoding_aes_key") as info:
        Emulator(callback_url="http://127.0.0.1:9/cb", callback_token="t", callback_aes_key="short")
    assert "short" not in str(info.value)
    with pytest.raises(ValueError, match="http"):
        Emulator(
            callback_url="ftp://x/cb",
            callback_token="t",
            callback_aes_key=keygen.generate_encoding_aes_key(),
        )


def test_set_callback_rejects_a_malformed_key_and_keeps_working() -> None:
    emu = Emulator()
    try:
        with pytest.raises(ValueError, match="43"):
            emu.set_callback("http://127.0.0.1:9/cb", token="t", encoding_aes_key="short")
    finally:
        emu.close()


def test_control_api_answers_400_with_the_reason() -> None:
    emu = Emulator()
    with emu.serve("127.0.0.1", 0) as base_url:
        root = base_url.removesuffix("/cgi-bin")
        with httpx.Client(timeout=5) as c:
            r = c.post(
                f"{root}/_emulator/callback",
                json={"url": "http://127.0.0.1:9/cb", "token": "tok", "encoding_aes_key": "short"},
            )
            assert r.status_code == 400, r.text
            assert "encoding_aes_key" in r.json()["errmsg"] and "short" not in r.text
            r = c.post(f"{root}/_emulator/callback", json={"url": "http://127.0.0.1:9/cb"})
            assert r.status_code == 400 and "token" in r.json()["errmsg"]


def test_cli_refuses_a_malformed_key() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "wxkefu_ext.emulator", "--port", "0",
         "--callback-url", "http://127.0.0.1:9/cb", "--callback-token", "t",
         "--callback-aes-key", "short"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert "encoding_aes_key" in proc.stderr and "short" not in proc.stderr.replace("--", "")


def test_a_push_error_never_stops_later_pushes() -> None:
    got: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        got.append(request)
        return httpx.Response(200, text="success")

    emu = Emulator()
    try:
        good_key = keygen.generate_encoding_aes_key()
        emu.set_callback(
            "https://bot.example/cb",
            token="tok",
            encoding_aes_key=good_key,
            transport=httpx.MockTransport(handler),
        )
        kfid = emu.create_account()
        # a key broken behind the validation's back: building the envelope raises in the pusher
        emu._callback_key = Secret("short")
        emu.customer_send(kfid, "wmA", "one")
        assert emu.flush_callbacks(5)
        emu._callback_key = Secret(good_key)
        emu.customer_send(kfid, "wmA", "two")
        assert emu.flush_callbacks(5)
        assert len(got) == 1
        assert emu.stats.callbacks_failed == 1 and emu.stats.callbacks_sent == 1
    finally:
        emu.close()


def test_an_instruction_push_error_never_stops_later_pushes() -> None:
    """The provider's instruction pusher shares the Kf pusher's thread: an envelope that cannot
    be built is a failed, counted outcome, and the next instruction still goes out."""
    from wxkefu_ext.emulator.provider import DEFAULT_SUITE_ID

    got: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        got.append(request)
        return httpx.Response(200, text="success")

    emu = Emulator()
    try:
        key = keygen.generate_encoding_aes_key()
        emu.provider.set_instruction_callback(
            DEFAULT_SUITE_ID, "https://provider.example/suite", token="tok",
            encoding_aes_key=key, transport=httpx.MockTransport(handler),
        )  # fmt: skip
        assert emu.provider.flush(5) and len(got) == 1  # the first suite_ticket, at once
        suite = emu.provider._suites[DEFAULT_SUITE_ID]
        assert suite.callback is not None
        url, token, _ = suite.callback
        suite.callback = (url, token, Secret("short"))  # broken behind the validation's back
        emu.provider.push_suite_ticket(DEFAULT_SUITE_ID)
        assert emu.provider.flush(5)
        suite.callback = (url, token, Secret(key))
        emu.provider.push_suite_ticket(DEFAULT_SUITE_ID)
        assert emu.provider.flush(5) and len(got) == 2
        log = emu.provider.instruction_log
        assert [(d.ok, d.attempts) for d in log] == [(True, 1), (False, 0), (True, 1)]
        assert log[1].error is not None and "short" not in log[1].error
        stats = emu.provider.stats
        assert (stats.instructions_sent, stats.instructions_failed) == (2, 1)
    finally:
        emu.close()


def test_flush_waits_for_the_handlers_an_asgi_receiver_spawned() -> None:
    """An ASGI callback endpoint answers first and runs its handler in a task afterwards; over
    an async transport the pusher runs those tasks before the delivery counts as done, so
    ``flush_callbacks`` means "the bot has seen it"."""
    from wxkefu_ext.callback import CallbackCrypto
    from wxkefu_ext.callback.asgi import callback_app

    events: list[object] = []
    emu = Emulator()
    try:
        token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
        app = callback_app(CallbackCrypto(token, key, emu.corp_id), events.append)
        emu.set_callback(
            "http://bot.local/callback", token=token, encoding_aes_key=key,
            transport=httpx.ASGITransport(app=app),
        )  # fmt: skip
        kfid = emu.create_account()
        emu.customer_send(kfid, "wmA", "hi")
        assert emu.flush_callbacks(10)
        assert len(events) == 1 and emu.callback_log[0].ok
        emu.customer_send(kfid, "wmA", "again")
        assert emu.flush_callbacks(10) and len(events) == 2
    finally:
        emu.close()
    assert emu.callback_log == []  # closed: the next push starts a fresh thread and log
