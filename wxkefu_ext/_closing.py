"""``with`` / ``async with`` for the objects that own a connection pool (clients, providers).

Why a module: the context-manager protocol was written out identically on ``KfClient``,
``AsyncKfClient``, ``Provider`` and ``AsyncProvider``; what "leaving the block" means (close
the pool, exceptions pass through) is one decision, so it has one home. A subclass implements
``close()`` (sync) or ``aclose()`` (async); ``AsyncClosing.close`` is an alias for the habit of
httpx users who ``await client.close()``.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

__all__ = ["AsyncClosing", "Closing"]


class Closing:
    """``with obj: ...`` closes ``obj`` on the way out."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClosing:
    """``async with obj: ...`` awaits ``obj.aclose()`` on the way out."""

    async def aclose(self) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        """The same as :meth:`aclose`."""
        await self.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
