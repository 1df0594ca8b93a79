"""Faults on the emulator's *callbacks* (the API faults of :mod:`.faults` hit ``/cgi-bin`` calls).

Why: a bot must survive a callback it cannot verify or cannot receive — WeCom retries, and the
messages stay in ``sync_msg`` for the next callback to drain. These faults make the emulator's
pusher send a real broken delivery, so the bot's endpoint gives its real answer:

* ``"bad_signature"`` — signed with a wrong callback Token (the endpoint must refuse it);
* ``"bad_aes_key"`` — encrypted with a wrong EncodingAESKey (decryption must fail);
* ``"unreachable"`` — posted to a closed port on 127.0.0.1 (connection refused).

Each applies to the next ``count`` pushes (``None``: until cleared); every retry of a faulty
push carries the same fault, so the delivery fails and shows up as failed in the callbacks log.
State is kept per :class:`~wxkefu_ext.emulator.Emulator` (weakly), next to it rather than in it.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from wxkefu_ext._redact import Secret

if TYPE_CHECKING:
    from wxkefu_ext.emulator.world import World as Emulator

__all__ = ["CALLBACK_FAULT_KINDS", "CallbackFault", "add", "apply_fault", "clear", "pending"]

CALLBACK_FAULT_KINDS: Final = ("bad_signature", "bad_aes_key", "unreachable")
#: A fixed, valid but wrong key/token (43 chars of base64): the endpoint cannot decrypt/verify.
_WRONG_KEY: Final = "W" * 43
_WRONG_TOKEN: Final = "wrong-callback-token"  # noqa: S105 - deliberately wrong
#: Port 9 (discard) is closed on a normal machine: connection refused at once.
_UNREACHABLE: Final = "http://127.0.0.1:9/unreachable-callback"


@dataclass(slots=True)
class CallbackFault:
    kind: str
    count: int | None = 1
    fired: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "count": self.count, "fired": self.fired}


_plans: weakref.WeakKeyDictionary[Emulator, list[CallbackFault]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def add(emu: Emulator, kind: str, count: int | None = 1) -> CallbackFault:
    """Make the next ``count`` callback pushes of ``emu`` fail with ``kind``."""
    if kind not in CALLBACK_FAULT_KINDS:
        raise ValueError(
            f"unknown callback fault {kind!r}; expected one of {list(CALLBACK_FAULT_KINDS)}"
        )
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
        raise ValueError(f"count must be a positive int or None, got {count!r}")
    fault = CallbackFault(kind, count)
    with _lock:
        _plans.setdefault(emu, []).append(fault)
    return fault


def clear(emu: Emulator) -> None:
    with _lock:
        _plans.pop(emu, None)


def pending(emu: Emulator) -> list[CallbackFault]:
    with _lock:
        return list(_plans.get(emu, ()))


def apply_fault(
    emu: Emulator, url: str, token: Secret, key: Secret
) -> tuple[str | None, str, Secret, Secret]:
    """Called by the pusher once per push: (fault kind or None, url, token, key) to use."""
    with _lock:
        faults = _plans.get(emu)
        if not faults:
            return None, url, token, key
        fault = faults[0]
        fault.fired += 1
        if fault.count is not None and fault.fired >= fault.count:
            faults.pop(0)
    if fault.kind == "bad_signature":
        return fault.kind, url, Secret(_WRONG_TOKEN), key
    if fault.kind == "bad_aes_key":
        return fault.kind, url, token, Secret(_WRONG_KEY)
    return fault.kind, _UNREACHABLE, token, key
