"""A client library for accessing WeCom 微信客服 (Kf) server API"""
# Lazy (PEP 562): importing a submodule such as ``wxkefu_client._operations`` (the endpoint
# table the extension's transport layers read at import time) must not pay for httpx + attrs.

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import client

        value = getattr(client, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
