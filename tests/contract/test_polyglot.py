"""Full profile: `make polyglot` — clients generated from the spec in six generators compile and
run against the emulator (scripts/polyglot/run.py). Skipped in the quick profile: the first run
installs Go, Java libraries and npm/PyPI tools, and a warm run still takes about a minute."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FULL

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FULL, reason="full profile only (WXKEFU_PROFILE=full)"),
]


def test_every_generator_builds_a_working_client() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "polyglot" / "run.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=2400,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-8000:]
    assert "polyglot: 6 passed, 0 failed" in out, out[-4000:]
    for lang in ("python", "pydantic", "go", "java", "openapi-fetch", "hey-api"):
        assert f"{lang}: ok" in out, f"{lang} did not report ok:\n{out[-4000:]}"
