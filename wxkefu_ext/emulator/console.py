"""The emulator console: a browser page at ``/_emulator/ui`` to chat with your bot by hand.

Why in the emulator: a developer wants to *try* the bot the way a customer would on a phone —
write, send a picture or a location, click a menu item the bot sent — and watch what the
emulator does meanwhile (session state, servicer, callbacks pushed and how the bot answered
them, the clock, faults). The page is plain HTML/CSS/JS shipped as package data (no build
step, no CDN: it works offline); it only calls the control API (:mod:`.control`,
:mod:`.console_api`) and polls ``/_emulator/console/state``, so it can do nothing a test could
not.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Final

from wxkefu_ext.emulator._http import Request, Response

if TYPE_CHECKING:
    from wxkefu_ext.emulator.scenario import Scenario

__all__ = ["CONSOLE_PATH", "console_url", "serve"]

CONSOLE_PATH: Final = "/_emulator/ui"
_FILES: Final = {
    "index.html": "text/html; charset=utf-8",
    "console.css": "text/css; charset=utf-8",
    "console.js": "text/javascript; charset=utf-8",
}


def console_url(base_url: str) -> str:
    """The console's URL for an emulator served at ``base_url`` (``.../cgi-bin``)."""
    return base_url.removesuffix("/cgi-bin") + CONSOLE_PATH + "/"


def serve(emu: Scenario, request: Request) -> Response:
    """``/_emulator/ui/...`` (the page) and ``/_emulator/media/<media_id>`` (a stored image,
    so the page can show what a customer sent)."""
    if request.path.startswith("/_emulator/media/"):
        media = emu.state.media.get(request.path.rsplit("/", 1)[-1])
        if media is None or request.method.upper() not in ("GET", "HEAD"):
            return Response(404, {"content-type": "text/plain; charset=utf-8"}, b"no such media")
        return Response(200, {"content-type": media.content_type}, media.data)
    return _static(request)


def _static(request: Request) -> Response:
    if request.method.upper() not in ("GET", "HEAD"):
        return Response(405, {"allow": "GET, HEAD", "content-type": "text/plain"}, b"GET only")
    rest = request.path[len(CONSOLE_PATH) :].lstrip("/")
    if rest == "" and not request.path.endswith("/"):
        # relative asset URLs need the trailing slash
        return Response(308, {"location": CONSOLE_PATH + "/"}, b"")
    name = rest or "index.html"
    ctype = _FILES.get(name)
    if ctype is None:
        return Response(404, {"content-type": "text/plain; charset=utf-8"}, b"no such file")
    data = resources.files("wxkefu_ext.emulator").joinpath("static", name).read_bytes()
    return Response(200, {"content-type": ctype, "cache-control": "no-store"}, data)
