"""Moved to :mod:`wxkefu_ext.serving` (the one uvicorn helper); kept as an alias so that code
written against the old private path keeps importing."""

from __future__ import annotations

from wxkefu_ext.serving import bind, serve_forever, serving, url_of

__all__ = ["bind", "serve_forever", "serving", "url_of"]
