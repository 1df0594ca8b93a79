"""The package's public surface: every advertised name resolves, and importing stays lazy."""

from __future__ import annotations

import subprocess
import sys

import pytest

import wxkefu_ext


@pytest.mark.parametrize("name", wxkefu_ext.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(wxkefu_ext, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        _ = wxkefu_ext.no_such_thing  # type: ignore[attr-defined]


def test_import_is_lazy() -> None:
    code = (
        "import sys, wxkefu_ext; "
        "heavy = [m for m in ('httpx', 'wxkefu_client', 'starlette', 'redis', 'Crypto') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
