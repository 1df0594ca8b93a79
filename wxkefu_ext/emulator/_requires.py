"""The emulator needs the ``server`` extra; imported first by the package so that a missing
module is reported as ``pip install 'wxkefu[server]'`` before anything else fails."""

from __future__ import annotations

from wxkefu_ext._extras import require

require("the emulator (wxkefu_ext.emulator)", "starlette", "uvicorn", "jsonschema", "yaml")
