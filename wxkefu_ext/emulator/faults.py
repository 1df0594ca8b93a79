"""Fault injection: what goes wrong on the next calls (or on a seeded share of them).

Kinds:

* ``"http_5xx"`` — an HTML gateway error with HTTP ``status`` (default 503); nothing processed.
* ``"drop"`` — the connection dies: in-process transports raise
  :class:`httpx.RemoteProtocolError`, a served emulator closes the socket mid-body. With
  ``processed=True`` the request takes effect first and only the answer is lost (the case that
  makes retried sends need a msgid).
* ``"delay"`` — the answer comes ``delay`` seconds late (the request is processed normally).
* ``"errcode"`` — HTTP 200 ``{"errcode": errcode}`` (e.g. -1, 45009, 40014); nothing processed.
* ``"random"`` — each matching call fails with one of the above (5xx, drop before/after
  processing, -1, 45009), picked by the emulator's seeded RNG; use with ``probability``.

A fault matches every ``/cgi-bin`` path, or only ``path`` (with or without the ``/cgi-bin``
prefix; ``*`` globs allowed). ``count`` bounds how often it fires (None = until cleared);
``probability`` makes each matching call fail with that chance (seeded, reproducible).
"""

from __future__ import annotations

import fnmatch
import random
from dataclasses import asdict, dataclass, field
from typing import Any, Final, TypedDict, Unpack

__all__ = ["FAULT_KINDS", "Fault", "FaultOptions", "FaultPlan", "Firing"]

FAULT_KINDS: Final = frozenset({"http_5xx", "drop", "delay", "errcode", "random"})
_RANDOM_ERRCODES: Final = (-1, 45009)


@dataclass(slots=True)
class Fault:
    kind: str
    count: int | None = 1
    path: str | None = None
    errcode: int | None = None
    delay: float | None = None
    probability: float | None = None
    status: int = 503
    processed: bool = False
    fired: int = 0
    id: int = 0

    def matches(self, path: str) -> bool:
        if self.path is None:
            return True
        want = self.path if self.path.startswith("/cgi-bin") else "/cgi-bin" + self.path
        return fnmatch.fnmatchcase(path, want)

    def exhausted(self) -> bool:
        return self.count is not None and self.fired >= self.count

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class FaultOptions(TypedDict, total=False):
    """The options of a fault besides its kind (defaults and meaning: :class:`Fault` and the
    module docstring); what :meth:`FaultPlan.add`, ``Scenario.inject_fault`` and the control
    API's ``POST /_emulator/faults`` accept."""

    count: int | None
    path: str | None
    errcode: int | None
    delay: float | None
    probability: float | None
    status: int
    processed: bool


@dataclass(frozen=True, slots=True)
class Firing:
    """The concrete failure chosen for one request."""

    kind: str  # http_5xx | drop | delay | errcode
    status: int = 503
    errcode: int = -1
    delay: float = 0.0
    processed: bool = False


@dataclass
class FaultPlan:
    rng: random.Random
    faults: list[Fault] = field(default_factory=list)
    _next_id: int = 1

    def add(self, kind: str, **options: Unpack[FaultOptions]) -> Fault:
        unknown = set(options) - FaultOptions.__optional_keys__
        if unknown:
            raise ValueError(f"unknown fault option(s): {sorted(unknown)}")
        fault = Fault(kind, **options, id=self._next_id)
        _check(fault)
        self._next_id += 1
        self.faults.append(fault)
        return fault

    def clear(self) -> None:
        self.faults.clear()

    def pick(self, path: str) -> Firing | None:
        """The failure for a request to ``path`` (consuming one use of the fault), or None."""
        for fault in self.faults:
            if fault.exhausted() or not fault.matches(path):
                continue
            if fault.probability is not None and self.rng.random() >= fault.probability:
                continue
            fault.fired += 1
            firing = self._firing(fault)
            self.faults = [f for f in self.faults if not f.exhausted()]
            return firing
        return None

    def _firing(self, fault: Fault) -> Firing:
        if fault.kind == "random":
            roll = self.rng.randrange(5)
            if roll == 0:
                return Firing("http_5xx", status=self.rng.choice((500, 502, 503)))
            if roll == 1:
                return Firing("drop", processed=False)
            if roll == 2:
                return Firing("drop", processed=True)
            return Firing("errcode", errcode=self.rng.choice(_RANDOM_ERRCODES))
        return Firing(
            fault.kind,
            status=fault.status,
            errcode=fault.errcode if fault.errcode is not None else -1,
            delay=float(fault.delay or 0.0),
            processed=fault.processed,
        )


def _check(fault: Fault) -> None:
    """ValueError naming what is wrong with a fault's options."""
    kind, count, probability = fault.kind, fault.count, fault.probability
    if kind not in FAULT_KINDS:
        raise ValueError(f"unknown fault kind {kind!r}; expected one of {sorted(FAULT_KINDS)}")
    if count is not None and (not isinstance(count, int) or count < 1):
        raise ValueError(f"count must be a positive int or None, got {count!r}")
    if probability is not None and not 0.0 < float(probability) <= 1.0:
        raise ValueError(f"probability must be in (0, 1], got {probability!r}")
    if kind == "errcode" and (fault.errcode is None or isinstance(fault.errcode, bool)):
        raise ValueError("an 'errcode' fault needs errcode=<int> (e.g. -1, 45009, 40014)")
    if kind == "delay" and (fault.delay is None or fault.delay < 0):
        raise ValueError("a 'delay' fault needs delay=<seconds >= 0>")
    if kind == "http_5xx" and not 500 <= fault.status <= 599:
        raise ValueError(f"status must be 5xx, got {fault.status!r}")
