"""Optional dependencies: which extra brings which module, and the error that says so.

The core distribution (``pip install wxkefu``) has only what the client needs (httpx, httpcore,
attrs, pycryptodome). Everything else is an extra — ``redis`` (shared token store from a URL),
``server`` (ASGI callback endpoint, the emulator, serving over HTTP), ``cli`` (the ``wxkefu``
command) and ``all``. A module that needs one fails at import (or, for a single lazy feature, at
first use) with :class:`~wxkefu_ext.errors.MissingExtraError` naming the extra to install,
instead of a bare ``ModuleNotFoundError: No module named 'yaml'``.
"""

from __future__ import annotations

import importlib.util
from types import MappingProxyType
from typing import Final

from wxkefu_ext.errors import MissingExtraError

__all__ = ["EXTRA_OF", "missing_extra", "require"]

#: Top-level module → the extra of ``pyproject.toml`` that installs it.
EXTRA_OF: Final = MappingProxyType(
    {
        "redis": "redis",
        "starlette": "server",
        "uvicorn": "server",
        "jsonschema": "server",
        "yaml": "server",
        "typer": "cli",
        "rich": "cli",
    }
)


def require(feature: str, *modules: str) -> None:
    """Raise :class:`MissingExtraError` unless every top-level module in ``modules`` can be
    imported. Looks the modules up without importing them (cheap at import time)."""
    missing = tuple(m for m in modules if importlib.util.find_spec(m) is None)
    if missing:
        raise MissingExtraError(feature, EXTRA_OF[missing[0]], missing)


def missing_extra(feature: str, exc: ImportError) -> ImportError:
    """The error to raise (``from exc``) when importing an optional module failed: a
    :class:`MissingExtraError` when it is one of ours, else ``exc`` itself."""
    root = (exc.name or "").partition(".")[0]
    if root in EXTRA_OF:
        return MissingExtraError(feature, EXTRA_OF[root], (root,))
    return exc
