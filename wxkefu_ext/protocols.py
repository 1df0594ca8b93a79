"""What a helper needs from a client: ``request(method, path, *, params, json) -> dict``.

Message senders, the sync_msg pager and the worker take any object with this method —
:class:`~wxkefu_ext.client.KfClient` / :class:`~wxkefu_ext.client.AsyncKfClient`, or a test
double — so they do not import the client (a layer above them) and stay easy to fake. Defined
once here; the modules that use it import it instead of re-declaring the signature.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

__all__ = ["SupportsAsyncRequest", "SupportsRequest"]


class SupportsRequest(Protocol):
    """A sync client: :meth:`KfClient.request <wxkefu_ext.client.KfClient.request>`."""

    def request(
        self, method: str, path: str, *, params: Mapping[str, Any] | None = ..., json: Any = ...
    ) -> dict[str, Any]: ...


class SupportsAsyncRequest(Protocol):
    """An async client: :meth:`AsyncKfClient.request <wxkefu_ext.client.AsyncKfClient.request>`."""

    async def request(
        self, method: str, path: str, *, params: Mapping[str, Any] | None = ..., json: Any = ...
    ) -> dict[str, Any]: ...
