"""The package's public surface: every advertised name resolves, and importing stays lazy."""

from __future__ import annotations

import subprocess
import sys

import pytest

import wxkefu_ext


@pytest.mark.parametrize("name", wxkefu_ext.__all__)
def test_every_public_name_resolves_to_what_its_module_defines(name: str) -> None:
    """The lazy table must point at the real object, under its own name, in the module the
    table names — a stale entry (renamed class, moved module) fails here, not in a user's code."""
    import importlib

    module = importlib.import_module(f"wxkefu_ext.{wxkefu_ext._EXPORTS[name]}")
    value = getattr(wxkefu_ext, name)
    assert value is getattr(module, name)
    assert getattr(value, "__name__", name) == name
    assert name in getattr(module, "__all__", [name])


def test_all_and_the_lazy_table_agree() -> None:
    assert sorted(wxkefu_ext.__all__) == sorted(wxkefu_ext._EXPORTS)
    assert len(set(wxkefu_ext.__all__)) == len(wxkefu_ext.__all__)
    assert set(dir(wxkefu_ext)) >= set(wxkefu_ext.__all__)


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
