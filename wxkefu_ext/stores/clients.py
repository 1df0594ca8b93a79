"""Redis clients with bounded calls, typed store errors and the persistence check.

(Part of :mod:`wxkefu_ext.stores`; import the names from there.)

Why: a Redis client built with ``redis.Redis.from_url(url)`` has no socket timeout, so a frozen
Redis (SIGSTOP, a stalled VM, a half-open connection) blocks the caller for as long as the
freeze lasts, and a dead one surfaces as ``redis.exceptions.ConnectionError`` — not a
:class:`~wxkefu_ext.errors.KfError`. Every Redis client this project builds from a URL comes
from :func:`redis_from_url` (connect and socket timeouts, one reconnect attempt), and every
store call runs inside :func:`store_errors`, which turns any Redis or socket failure into
:class:`~wxkefu_ext.errors.StoreUnavailableError`.

Bounds (defaults): a call to an unreachable Redis fails after at most
``2 × DEFAULT_CONNECT_TIMEOUT`` (2 s each); a call to a frozen one after at most
``2 × DEFAULT_SOCKET_TIMEOUT`` (5 s each: the first attempt and the one retry) — 10 s in all.
A client the *user* passes in keeps the user's timeouts; :func:`warn_if_unbounded` logs a
warning when it has none.

Persistence: cursors, the per-account cursor record and the sync queue must survive a Redis
restart, so that Redis needs AOF (``appendonly yes``, preferably ``appendfsync everysec`` or
``always``) or at least RDB snapshots. :func:`redis_persistence` reads the setting and
:func:`warn_if_not_persistent` logs a warning at start-up when there is none.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any, Final

from wxkefu_ext._extras import missing_extra
from wxkefu_ext.errors import StoreUnavailableError

_log = logging.getLogger("wxkefu_ext.stores")  # one logger for the whole store layer

#: Seconds to establish a TCP connection to Redis.
DEFAULT_CONNECT_TIMEOUT: Final = 2.0
#: Seconds a single Redis command may wait for its reply.
DEFAULT_SOCKET_TIMEOUT: Final = 5.0


def redis_from_url(
    url: str,
    *,
    asyncio: bool = False,
    socket_timeout: float = DEFAULT_SOCKET_TIMEOUT,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    **kwargs: Any,
) -> Any:
    """A ``redis.Redis`` (or ``redis.asyncio.Redis`` with ``asyncio=True``) whose every call is
    bounded: ``socket_connect_timeout=connect_timeout``, ``socket_timeout=socket_timeout``,
    health checks every 30 s and one retry after a connection error (a pooled connection that
    died in a Redis restart is replaced once, not forever)."""
    if not socket_timeout > 0 or not connect_timeout > 0:
        raise ValueError("socket_timeout and connect_timeout must be positive")
    try:
        from redis.backoff import NoBackoff
    except ImportError as exc:  # the "redis" extra
        raise missing_extra("a Redis client from a URL", exc) from exc

    options: dict[str, Any] = {
        "socket_timeout": socket_timeout,
        "socket_connect_timeout": connect_timeout,
        "health_check_interval": 30,
        **kwargs,
    }
    if asyncio:
        import redis.asyncio as aioredis
        from redis.asyncio.retry import Retry as AsyncRetry

        options.setdefault("retry", AsyncRetry(NoBackoff(), 1))
        return aioredis.Redis.from_url(url, **options)
    import redis
    from redis.retry import Retry

    options.setdefault("retry", Retry(NoBackoff(), 1))
    return redis.Redis.from_url(url, **options)


def redis_client(redis_or_url: Any, *, asyncio: bool, what: str) -> Any:
    """``redis_or_url`` itself, or a bounded client built from it when it is a URL (what every
    Redis store accepts); ``what`` names the feature when the "redis" extra is missing."""
    if not isinstance(redis_or_url, str):
        return redis_or_url
    try:
        import redis  # noqa: F401 - only to name the missing extra
    except ImportError as exc:  # the "redis" extra
        raise missing_extra(what, exc) from exc
    return redis_from_url(redis_or_url, asyncio=asyncio)


def _is_store_failure(exc: BaseException) -> bool:
    try:
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - redis not installed: only OSError applies
        return isinstance(exc, OSError | TimeoutError)
    return isinstance(exc, RedisError | OSError | TimeoutError)


@contextlib.contextmanager
def store_errors(operation: str) -> Iterator[None]:
    """Run a store call; a Redis/socket failure becomes :class:`StoreUnavailableError`.

    ``operation`` is a fixed description ("commit cursor", "enqueue"...). The original
    exception is chained (``__cause__``); its class name and text go into the message (Redis
    error texts carry host:port, never a password)."""
    try:
        yield
    except StoreUnavailableError:
        raise
    except Exception as exc:
        if not _is_store_failure(exc):
            raise
        detail = str(exc).split("\n", 1)[0][:200] or "no detail"
        raise StoreUnavailableError(
            f"store unavailable during {operation}: {type(exc).__name__}: {detail}",
            operation=operation,
        ) from exc


def _pool_kwargs(client: Any) -> dict[str, Any]:
    pool = getattr(client, "connection_pool", None)
    kwargs = getattr(pool, "connection_kwargs", None)
    return kwargs if isinstance(kwargs, dict) else {}


def warn_if_unbounded(client: Any, what: str) -> bool:
    """Log a warning (once per call) when ``client`` has no socket timeout; return whether it is
    bounded. Clients that do not look like redis-py are not judged (``True``)."""
    kwargs = _pool_kwargs(client)
    if not kwargs:
        return True
    if kwargs.get("socket_timeout") is None:
        _log.warning(
            "the Redis client for %s has no socket_timeout: a frozen Redis would block it for "
            "as long as the freeze lasts; build it with wxkefu_ext.stores.redis_from_url()",
            what,
        )
        return False
    return True


def _persistence_from_config(config: dict[Any, Any]) -> bool | None:
    def text(name: str) -> str | None:
        value = config.get(name, config.get(name.encode()))
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    aof, save = text("appendonly"), text("save")
    if aof is None and save is None:
        return None
    return (aof or "").lower() == "yes" or bool((save or "").strip())


async def async_redis_persistence(client: Any) -> bool | None:
    """Whether ``client``'s Redis persists data across a restart: AOF on, or RDB ``save``
    points set. ``None`` when it cannot be told (``CONFIG`` disabled, as on some managed
    services — check their documentation)."""
    try:
        with store_errors("check persistence"):
            config = dict(await client.config_get("appendonly"))
            config.update(await client.config_get("save"))
    except Exception:
        return None
    return _persistence_from_config(config)


# ---- sync twin of async_redis_persistence, generated by `make gen`: edit that ----
def redis_persistence(client: Any) -> bool | None:
    """Whether ``client``'s Redis persists data across a restart: AOF on, or RDB ``save``
    points set. ``None`` when it cannot be told (``CONFIG`` disabled, as on some managed
    services — check their documentation)."""
    try:
        with store_errors("check persistence"):
            config = dict(client.config_get("appendonly"))
            config.update(client.config_get("save"))
    except Exception:
        return None
    return _persistence_from_config(config)


# ---- end of generated code ----


def _warn(persistent: bool | None, what: str) -> bool:
    if persistent is False:
        _log.warning(
            "the Redis holding %s has no persistence (appendonly no, no save points): a restart "
            "of that Redis loses every cursor; wxkefu then raises CursorLostError (or follows "
            "the on_lost policy) instead of silently starting over. Enable appendonly yes.",
            what,
        )
    return persistent is not False


def warn_if_not_persistent(client: Any, what: str = "sync_msg cursors") -> bool:
    """Log a warning when ``client``'s Redis has no persistence; ``False`` then."""
    return _warn(redis_persistence(client), what)


async def async_warn_if_not_persistent(client: Any, what: str = "sync_msg cursors") -> bool:
    """Awaitable :func:`warn_if_not_persistent`."""
    return _warn(await async_redis_persistence(client), what)
