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
