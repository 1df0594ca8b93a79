"""The emulator's clock: wall time plus an offset that tests move forward.

Why not freeze time: callbacks carry a timestamp that receivers check against *their* clock
(``max_age``), so the emulator starts at real time and only jumps when a test asks it to — token
expiry, the 48-hour window, the 20-second welcome_code and the 3-day media/message horizons all
read :meth:`Clock.now`, so a test covers days in microseconds.
"""

from __future__ import annotations

import threading
import time

__all__ = ["Clock"]


class Clock:
    """Seconds since the epoch, advanced on demand; thread-safe."""

    __slots__ = ("_lock", "_offset")

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """The emulator's current time (unix seconds, float)."""
        return time.time() + self._offset

    def now_int(self) -> int:
        return int(self.now())

    def advance(self, seconds: float) -> float:
        """Move the clock forward by ``seconds`` (>= 0); returns the new time."""
        if not isinstance(seconds, int | float) or isinstance(seconds, bool):
            raise TypeError(f"seconds must be a number, got {type(seconds).__name__}")
        if seconds < 0:
            raise ValueError(f"the emulator clock only moves forward; got {seconds!r} seconds")
        with self._lock:
            self._offset += float(seconds)
        return self.now()

    @property
    def offset(self) -> float:
        """How far the clock has been advanced beyond wall time."""
        return self._offset

    def reset(self) -> None:
        with self._lock:
            self._offset = 0.0

    def __repr__(self) -> str:
        return f"Clock(now={self.now():.3f}, offset={self._offset:g})"
