"""How a control-API route is declared, once for all of them (:mod:`.control`,
:mod:`.console_api`, :mod:`.inject`, :mod:`.provider_control`): the route signature, a table
that registers a function where it is defined, and the readers of a body's text fields (a bad
value is a ``ValueError``, which the control API answers with HTTP 400 and the reason)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wxkefu_ext.emulator._http import Request
    from wxkefu_ext.emulator.scenario import Scenario

__all__ = ["Route", "Routes", "optional_text", "text"]

#: ``route(emulator, JSON body, request) -> JSON answer`` (merged into ``{"errcode": 0, ...}``)
Route = Callable[["Scenario", dict[str, Any], "Request"], dict[str, Any]]


class Routes(dict[tuple[str, str], Route]):
    """``(METHOD, path) -> route``; ``@routes.route("POST", "/x")`` registers ``prefix + "/x"``."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def route(self, method: str, path: str) -> Callable[[Route], Route]:
        def register(fn: Route) -> Route:
            self[(method, self.prefix + path)] = fn
            return fn

        return register


def text(body: dict[str, Any], name: str, default: str | None = None) -> str:
    """``body[name]``: a non-empty string, or ``default`` (any string) when absent."""
    value = body.get(name, default)
    if not isinstance(value, str) or (not value and default is None):
        raise ValueError(f"{name!r} must be a non-empty string")
    return value


def optional_text(body: dict[str, Any], name: str) -> str | None:
    """``body[name]`` as :func:`text` would read it, or None when absent or null."""
    return None if body.get(name) is None else text(body, name)
