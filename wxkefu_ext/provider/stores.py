"""Where permanent codes (永久授权码) live: a small protocol, memory and Redis implementations.

A permanent code is what a provider keeps per authorising corp: every corp token is derived
from it, and for a 代开发 app it *is* the app's secret. Losing it means the corp must reinstall,
so production deployments plug a durable store here (their database) by implementing
:class:`PermanentCodeStore` (or :class:`AsyncPermanentCodeStore`); :class:`RedisPermanentCodeStore`
shares codes between processes but keeps them only as long as Redis does.

A cancelled authorisation is kept as a tombstone (``cancelled=True``, no code), so that every
process can tell "cancelled" (:class:`~wxkefu_ext.errors.AuthorizationCancelledError`) from
"never authorised" (:class:`~wxkefu_ext.errors.CorpNotAuthorizedError`). Codes are stored as
plain text in Redis, like the access tokens of the token store: protect that Redis.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from wxkefu_ext._redact import Secret
from wxkefu_ext.stores.clients import redis_client
from wxkefu_ext.stores.shells import AsyncShell, Shell, SyncShell, operation
from wxkefu_ext.stores.steps import Cmd, Flow, Pipe, text

__all__ = [
    "AsyncPermanentCodeStore",
    "AsyncRedisPermanentCodeStore",
    "Authorization",
    "MemoryPermanentCodeStore",
    "PermanentCodeStore",
    "RedisPermanentCodeStore",
]


@dataclass(frozen=True, slots=True)
class Authorization:
    """One corp's authorisation of one suite: its permanent code (a secret) and what
    ``get_permanent_code`` said about it."""

    corp_id: str
    permanent_code: Secret = field(repr=False)
    corp_name: str = ""
    agent_id: int | None = None
    cancelled: bool = False

    def dumps(self) -> str:
        return json.dumps(
            {
                "corp_id": self.corp_id,
                "code": self.permanent_code.reveal(),
                "name": self.corp_name,
                "agent_id": self.agent_id,
                "cancelled": self.cancelled,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def loads(cls, raw: str | bytes) -> Authorization | None:
        try:
            data = json.loads(raw)
            agent = data.get("agent_id")
            return cls(
                corp_id=str(data["corp_id"]),
                permanent_code=Secret(str(data.get("code") or "")),
                corp_name=str(data.get("name") or ""),
                agent_id=agent if isinstance(agent, int) and not isinstance(agent, bool) else None,
                cancelled=bool(data.get("cancelled")),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None  # a damaged entry reads as "not authorised"; never as a wrong code

    @classmethod
    def tombstone(cls, corp_id: str) -> Authorization:
        return cls(corp_id, Secret(""), cancelled=True)


@runtime_checkable
class PermanentCodeStore(Protocol):
    """Permanent codes per (suite_id, corp_id). ``get`` returns tombstones too."""

    def get(self, suite_id: str, corp_id: str) -> Authorization | None: ...
    def save(self, suite_id: str, authorization: Authorization) -> None: ...
    def cancel(self, suite_id: str, corp_id: str) -> None:
        """Replace the code by a tombstone (the corp cancelled)."""

    def corp_ids(self, suite_id: str) -> list[str]:
        """Corps currently authorised (tombstones excluded), sorted."""


@runtime_checkable
class AsyncPermanentCodeStore(Protocol):
    async def get(self, suite_id: str, corp_id: str) -> Authorization | None: ...
    async def save(self, suite_id: str, authorization: Authorization) -> None: ...
    async def cancel(self, suite_id: str, corp_id: str) -> None: ...
    async def corp_ids(self, suite_id: str) -> list[str]: ...


class MemoryPermanentCodeStore:
    """Codes in this process (tests, single-process deployments)."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str], Authorization] = {}
        self._lock = threading.Lock()

    def get(self, suite_id: str, corp_id: str) -> Authorization | None:
        return self._data.get((suite_id, corp_id))

    def save(self, suite_id: str, authorization: Authorization) -> None:
        with self._lock:
            self._data[(suite_id, authorization.corp_id)] = authorization

    def cancel(self, suite_id: str, corp_id: str) -> None:
        with self._lock:
            self._data[(suite_id, corp_id)] = Authorization.tombstone(corp_id)

    def corp_ids(self, suite_id: str) -> list[str]:
        return sorted(c for (s, c), a in self._data.items() if s == suite_id and not a.cancelled)

    def __repr__(self) -> str:
        return f"MemoryPermanentCodeStore({len(self._data)} entries)"


class _RedisCodes(Shell):
    """The Redis store's operations, once for both flavours: the code under
    ``{prefix}perm:{suite_id}:{corp_id}``, the authorised corps in the set
    ``{prefix}perm-corps:{suite_id}`` (no expiry)."""

    def __init__(self, redis: Any, *, prefix: str = "wxkefu:") -> None:
        self.redis = redis_client(
            redis, asyncio=isinstance(self, AsyncShell), what="a Redis permanent-code store"
        )
        self.prefix = prefix

    def _key(self, suite_id: str, corp_id: str) -> str:
        return f"{self.prefix}perm:{suite_id}:{corp_id}"

    def _set(self, suite_id: str) -> str:
        return f"{self.prefix}perm-corps:{suite_id}"

    @operation("read permanent code")
    def get(self, suite_id: str, corp_id: str) -> Flow[Authorization | None]:
        raw = yield Cmd("get", self._key(suite_id, corp_id))
        return None if raw is None else Authorization.loads(raw)

    @operation("save permanent code")
    def save(self, suite_id: str, authorization: Authorization) -> Flow[None]:
        membership = "srem" if authorization.cancelled else "sadd"
        yield Pipe(
            Cmd("set", self._key(suite_id, authorization.corp_id), authorization.dumps()),
            Cmd(membership, self._set(suite_id), authorization.corp_id),
        )

    @operation("cancel permanent code")
    def cancel(self, suite_id: str, corp_id: str) -> Flow[None]:
        yield from _RedisCodes.save.flow(self, suite_id, Authorization.tombstone(corp_id))

    @operation("list authorised corps")
    def corp_ids(self, suite_id: str) -> Flow[list[str]]:
        return sorted(text(v) for v in (yield Cmd("smembers", self._set(suite_id))))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(prefix={self.prefix!r})"


class RedisPermanentCodeStore(_RedisCodes, SyncShell):
    """Codes shared by every process using the same Redis and prefix (no expiry)."""


class AsyncRedisPermanentCodeStore(_RedisCodes, AsyncShell):
    """:class:`RedisPermanentCodeStore` for asyncio (``redis.asyncio``); same keys."""
