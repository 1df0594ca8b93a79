"""The store layer: one place for how every store talks to memory, Redis and asyncio Redis.

* :mod:`wxkefu_ext.stores.clients` — bounded Redis clients (:func:`redis_from_url`), the error
  mapping (:func:`store_errors` → :class:`~wxkefu_ext.errors.StoreUnavailableError`) and the
  persistence check;
* :mod:`wxkefu_ext.stores.steps` — the I/O a store operation describes (a command, a Lua script
  written once, a pipeline, a pause) and how each runs blocking or awaited;
* :mod:`wxkefu_ext.stores.shells` — store operations written once as flows of those steps, run
  by a blocking or an asyncio shell; one async adapter for in-process stores;
* :mod:`wxkefu_ext.stores.msgids` — the msgid dedupe window of the ``sync_msg`` pager.

The stores themselves live beside what they store: tokens (:mod:`wxkefu_ext.tokens`), cursors
and leases (:mod:`wxkefu_ext.cursors`), locks (:mod:`wxkefu_ext.locks`), callback dedupe
(:mod:`wxkefu_ext.callback.dedupe`), permanent codes (:mod:`wxkefu_ext.provider.stores`) and
the hand-off producer (:mod:`wxkefu_ext.handoff`); each is one class body for both flavours.
"""

from __future__ import annotations

from wxkefu_ext.errors import StoreUnavailableError
from wxkefu_ext.stores.clients import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_SOCKET_TIMEOUT,
    async_redis_persistence,
    async_warn_if_not_persistent,
    redis_client,
    redis_from_url,
    redis_persistence,
    store_errors,
    warn_if_not_persistent,
    warn_if_unbounded,
)

__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_SOCKET_TIMEOUT",
    "StoreUnavailableError",
    "async_redis_persistence",
    "async_warn_if_not_persistent",
    "redis_client",
    "redis_from_url",
    "redis_persistence",
    "store_errors",
    "warn_if_not_persistent",
    "warn_if_unbounded",
]
