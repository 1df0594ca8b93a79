"""What a handler receives (:class:`Call`) and what it is (:data:`Handler`).

Apart from :mod:`.handlers` itself so that the handler modules, which the package imports, need
not import the package back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wxkefu_ext.emulator._http import Request, Response, UploadedFile

if TYPE_CHECKING:
    from wxkefu_ext.emulator.world import World

__all__ = ["Call", "Handler"]


@dataclass(slots=True)
class Call:
    """What a handler gets: the parsed ``body`` (JSON ops), ``query``, uploaded ``files``."""

    request: Request
    body: dict[str, Any]
    query: Mapping[str, str]
    corp_id: str = ""
    files: list[UploadedFile] = field(default_factory=list)


Handler = Callable[["World", Call], "dict[str, Any] | Response"]
