"""wxkefu_ext: the hand-written layer around the generated WeCom Kf client.

The names below are the public API. They are loaded on first use, so ``import wxkefu_ext`` costs
almost nothing (a CLI, a callback endpoint or a worker pays only for what it touches). Modules:

* ``client`` — :class:`KfClient` / :class:`AsyncKfClient` (token, retries, typed errors)
* ``tokens`` / ``locks`` / ``credentials`` / ``retry`` / ``auth`` — what the client is made of
* ``errors`` — the errcode table, :func:`explain`, the exception hierarchy
* ``callback`` / ``crypto`` / ``keygen`` — receiving callbacks safely
* ``pagination`` / ``cursors`` / ``worker`` — pulling messages exactly once
* ``messages`` / ``media`` — sending messages, moving media
* ``emulator`` / ``testing`` — the local Kf server and pytest fixtures
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "KfClient": "client",
    "AsyncKfClient": "client",
    "RetryPolicy": "retry",
    "WeComCredential": "credentials",
    "OfficialAccountCredential": "credentials",
    "MemoryTokenStore": "tokens",
    "RedisTokenStore": "tokens",
    "AsyncRedisTokenStore": "tokens",
    "KfError": "errors",
    "KfApiError": "errors",
    "explain": "errors",
    "CallbackCrypto": "callback",
    "parse_callback": "callback",
    "SyncMsgPager": "pagination",
    "AsyncSyncMsgPager": "pagination",
    "MemoryCursorStore": "cursors",
    "FileCursorStore": "cursors",
    "RedisCursorStore": "cursors",
    "AsyncRedisCursorStore": "cursors",
    "SyncWorker": "worker",
    "SyncQueue": "worker",
    "Emulator": "emulator",
    "generate_token": "keygen",
    "generate_encoding_aes_key": "keygen",
}

__all__ = [
    "AsyncKfClient",
    "AsyncRedisCursorStore",
    "AsyncRedisTokenStore",
    "AsyncSyncMsgPager",
    "CallbackCrypto",
    "Emulator",
    "FileCursorStore",
    "KfApiError",
    "KfClient",
    "KfError",
    "MemoryCursorStore",
    "MemoryTokenStore",
    "OfficialAccountCredential",
    "RedisCursorStore",
    "RedisTokenStore",
    "RetryPolicy",
    "SyncMsgPager",
    "SyncQueue",
    "SyncWorker",
    "WeComCredential",
    "explain",
    "generate_encoding_aes_key",
    "generate_token",
    "parse_callback",
]

if TYPE_CHECKING:
    from wxkefu_ext.callback import CallbackCrypto, parse_callback
    from wxkefu_ext.client import AsyncKfClient, KfClient
    from wxkefu_ext.credentials import OfficialAccountCredential, WeComCredential
    from wxkefu_ext.cursors import (
        AsyncRedisCursorStore,
        FileCursorStore,
        MemoryCursorStore,
        RedisCursorStore,
    )
    from wxkefu_ext.emulator import Emulator
    from wxkefu_ext.errors import KfApiError, KfError, explain
    from wxkefu_ext.keygen import generate_encoding_aes_key, generate_token
    from wxkefu_ext.pagination import AsyncSyncMsgPager, SyncMsgPager
    from wxkefu_ext.retry import RetryPolicy
    from wxkefu_ext.tokens import AsyncRedisTokenStore, MemoryTokenStore, RedisTokenStore
    from wxkefu_ext.worker import SyncQueue, SyncWorker


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'wxkefu_ext' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"wxkefu_ext.{module}"), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
