"""`make polyglot` — clients generated from the spec in six generators compile and run against the
emulator (scripts/polyglot/run.py), Kf calls and the provider's `/service/*` flow alike. The run
itself is full profile only: the first run installs Go, Java libraries and npm/PyPI tools, and a
warm run still takes about a minute. The spec rule it depends on is checked in every profile."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FULL

ROOT = Path(__file__).resolve().parents[2]


def test_webhooks_share_no_tag_with_paths() -> None:
    """openapi-generator (Go, Java) writes one API file per tag and lets a tag's webhooks
    overwrite its paths: a shared tag silently drops those operations from the client."""
    spec = yaml.safe_load((ROOT / "openapi" / "wxkefu.yaml").read_text(encoding="utf-8"))

    def tags(section: str) -> set[str]:
        return {
            tag
            for item in spec.get(section, {}).values()
            for op in item.values()
            if isinstance(op, dict)
            for tag in op.get("tags", [])
        }

    assert tags("webhooks"), "no tagged webhooks: the check would pass vacuously"
    assert tags("paths") & tags("webhooks") == set()


@pytest.mark.slow
@pytest.mark.skipif(not FULL, reason="full profile only (WXKEFU_PROFILE=full)")
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
