"""What a handler receives (:class:`Call`), what it is (:data:`Handler`), and where it is
registered (:func:`handles` fills :data:`HANDLERS`).

Apart from :mod:`.handlers` itself so that the handler modules, which the package imports, need
not import the package back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from wxkefu_ext.emulator._http import Request, Response, UploadedFile

if TYPE_CHECKING:
    from wxkefu_ext.emulator.world import World

__all__ = ["HANDLERS", "Call", "Handler", "handles"]


@dataclass(slots=True)
class Call:
    """What a handler gets: the parsed ``body`` (JSON ops), ``query``, uploaded ``files``."""

    request: Request
    body: dict[str, Any]
    query: Mapping[str, str]
    corp_id: str = ""
    files: list[UploadedFile] = field(default_factory=list)


Handler = Callable[["World", Call], "dict[str, Any] | Response"]

H = TypeVar("H", bound=Handler)

#: operationId → its handler; each handler module registers its own with :func:`handles`
HANDLERS: dict[str, Handler] = {}


def handles(operation_id: str) -> Callable[[H], H]:
    """Register the decorated function as the handler of the spec's ``operation_id``.

    The operationId stands beside the function that serves it, so there is no table to keep
    in step; registering one twice is a programming error and fails at import."""

    def register(handler: H) -> H:
        if operation_id in HANDLERS:
            raise RuntimeError(f"{operation_id} has two emulator handlers")
        HANDLERS[operation_id] = handler
        return handler

    return register
