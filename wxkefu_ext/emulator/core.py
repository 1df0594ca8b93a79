"""The :class:`Emulator` facade: the control API plus the ways in (ASGI app, transports, HTTP).

Layers, each importing only the ones below it (``tests/unit/test_layers.py`` checks there is no
import cycle):

* :mod:`.world` — state, Kf business limits, the helpers every rule uses;
* :mod:`.handlers` — one function per Kf operation, acting on a ``World``;
* :mod:`.dispatch` — spec routing, injected faults, WeCom-shaped errors;
* :mod:`.scenario` — the control API (customers, admin console, faults, callbacks);
* :mod:`.control` — the same control API over HTTP (``/_emulator/...``);
* :mod:`.app`, :mod:`.transport`, :mod:`.server` — ASGI, in-process httpx, uvicorn;
* this module — :class:`Emulator`, which ties them together.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

from wxkefu_ext.emulator._http import Request, Response
from wxkefu_ext.emulator.scenario import EnterResult, Scenario
from wxkefu_ext.emulator.world import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, EmulatorStats

if TYPE_CHECKING:
    import httpx

    from wxkefu_ext.emulator.provider import ProviderEmulator

__all__ = [
    "BASE_URL",
    "DEFAULT_CORP_ID",
    "DEFAULT_CORP_SECRET",
    "Emulator",
    "EmulatorStats",
    "EnterResult",
]

#: Base URL for in-process use (the host is never resolved).
BASE_URL: Final = "http://kf-emulator.local/cgi-bin"


class Emulator(Scenario):
    """A stateful local WeCom Kf server; see the package docstring for the whole API."""

    @property
    def base_url(self) -> str:
        """``http://kf-emulator.local/cgi-bin`` — pair it with :meth:`transport`."""
        return BASE_URL

    @cached_property
    def app(self) -> Any:
        """The Starlette ASGI app serving ``/cgi-bin/...`` and ``/_emulator/...``."""
        from wxkefu_ext.emulator.app import build_app

        return build_app(self.handle)

    def transport(self) -> httpx.BaseTransport:
        """A sync httpx transport that runs requests through the emulator in-process."""
        from wxkefu_ext.emulator.transport import EmulatorTransport

        return EmulatorTransport(self.handle)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An async httpx transport over :attr:`app` (``httpx.ASGITransport``)."""
        from wxkefu_ext.emulator.transport import EmulatorAsyncTransport

        return EmulatorAsyncTransport(self.app)

    @contextmanager
    def serve(self, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
        """Serve over real HTTP (uvicorn in a background thread); yields the base URL."""
        from wxkefu_ext.emulator.server import serve

        try:
            with serve(self.app, host, port) as base_url:
                yield base_url
        finally:
            self.close()

    @property
    def provider(self) -> ProviderEmulator:
        """The service-provider side (suites, authorised corps): :mod:`.provider`."""
        from wxkefu_ext.emulator.provider import provider_of

        return provider_of(self, type(self))

    def close(self) -> None:
        super().close()
        from wxkefu_ext.emulator.provider import drop_provider

        drop_provider(self, close_only=True)

    def reset(self) -> None:
        from wxkefu_ext.emulator.provider import drop_provider

        drop_provider(self)  # the provider side starts afresh too
        super().reset()

    def handle(self, request: Request) -> Response:
        """Answer one HTTP request (sans-IO; the ASGI app and transports call this)."""
        if request.path.startswith("/_emulator"):
            from wxkefu_ext.emulator.control import handle_control

            return handle_control(self, request)
        from wxkefu_ext.emulator.provider import existing_provider

        provider = existing_provider(self)
        if provider is not None and (routed := provider.route(request)) is not None:
            return routed  # a call made for a provider-authorised corp: its own Kf state
        from wxkefu_ext.emulator.dispatch import dispatch

        return dispatch(self, request)

    def __enter__(self) -> Emulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"Emulator(corp_id={self.corp_id!r}, accounts={len(self.state.accounts)}, "
            f"callback_url={self.callback_url!r})"
        )
