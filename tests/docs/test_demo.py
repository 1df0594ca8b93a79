"""``make demo`` (``python -m wxkefu_ext.demo``): the full round trip, as a user runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: The transcript steps, in order.
STEPS = [
    r"local emulator started — http://127\.0\.0\.1:\d+",
    r"callback endpoint listening — http://127\.0\.0\.1:\d+/wecom/callback",
    r"access_token fetched — \S{4}…\S{4} \(masked, \d+ chars\)",
    r"Kf account created — open_kfid=\S+",
    r"contact link — https?://\S+",
    r"servicer added — zhangsan",
    r"customer entered the session — \S+",
    r"callback verified \+ decrypted — kf_msg_or_event",
    r"sync_msg pulled — \d+ item\(s\): .*event enter_session",
    r"welcome sent with the welcome_code",
    r"customer wrote",
    r"callback verified \+ decrypted",
    r"sync_msg pulled — \d+ item\(s\): .*text",
    r"reply sent — '收到: ",
    r"media uploaded and downloaded — \d+ bytes identical",
    r"file sent to the customer",
    r"session handed to the servicer — service_state=3",
    r"demo finished: \d+ steps in [\d.]+ s",
]


@pytest.fixture(scope="module")
def demo_run() -> tuple[subprocess.CompletedProcess[str], float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WXKF_")}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "wxkefu_ext.demo"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
    )
    return proc, time.monotonic() - started


def test_demo_round_trip(demo_run: tuple[subprocess.CompletedProcess[str], float]) -> None:
    proc, elapsed = demo_run
    assert proc.returncode == 0, f"{proc.stdout}\n{proc.stderr}"
    out = proc.stdout
    position = 0
    for step in STEPS:
        match = re.compile(step).search(out, position)
        assert match, f"step {step!r} missing (or out of order) in:\n{out}"
        position = match.end()
    assert "Traceback" not in proc.stderr
    assert elapsed < 30, f"demo took {elapsed:.1f} s"


def test_demo_prints_no_secret(demo_run: tuple[subprocess.CompletedProcess[str], float]) -> None:
    """The access_token is masked; neither the sync Token nor the callback keys appear.

    The demo generates its callback keys itself, so this checks the shapes: no 43-character
    EncodingAESKey-like word and no 'access_token=' followed by a value.
    """
    proc, _ = demo_run
    text = proc.stdout + proc.stderr
    assert proc.returncode == 0, text
    assert not re.search(r"(?<![A-Za-z0-9])[A-Za-z0-9]{43}(?![A-Za-z0-9])", text)
    assert not re.search(r"access_token=[^*\s]", text)
