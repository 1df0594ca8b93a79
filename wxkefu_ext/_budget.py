"""The per-attempt time budget as a context variable: :func:`within` sets it, the deadline
network backend (:mod:`wxkefu_ext._deadline_core`) reads it. Standard library only, so the retry
layer can set budgets without importing httpcore (see :mod:`wxkefu_ext.deadline`)."""

from __future__ import annotations

import contextvars
import time
from typing import Final

__all__ = ["out_of_time", "within"]

#: (monotonic time by which the current attempt's socket reads and writes must be done, the
#: budget in seconds it was computed from), or None outside an attempt.
DEADLINE: Final[contextvars.ContextVar[tuple[float, float] | None]] = contextvars.ContextVar(
    "wxkefu_deadline", default=None
)


class within:
    """Socket reads/writes through the deadline backend in this block share ``budget`` seconds
    in total (None: no budget, only the per-read timeouts).

    A slotted class rather than a ``@contextmanager`` generator: it is entered twice per call
    (send, then the body read), on the path whose overhead the benchmark measures."""

    __slots__ = ("_budget", "_token")

    def __init__(self, budget: float | None) -> None:
        self._budget = budget

    def __enter__(self) -> None:
        budget = self._budget
        self._token = DEADLINE.set(None if budget is None else (time.monotonic() + budget, budget))

    def __exit__(self, *exc_info: object) -> None:
        DEADLINE.reset(self._token)


def out_of_time(budget: float, *, write: bool = False) -> str:
    """The message of a budget that ran out (the retry layer and the tests read "within")."""
    if write:
        return f"request not sent within the total budget of {budget:.2f}s"
    return f"reply not complete within the total budget of {budget:.2f}s"
