"""Shared set-up of the examples: the local emulator by default, the real API on demand.

Every example is ``def main(s: Session) -> None`` plus ``run(main)``. ``run`` picks the mode:

* ``WXKF_CORP_ID`` and ``WXKF_APP_SECRET`` set → the real WeCom API (``KfClient.from_env()``);
  ids the example needs come from the environment (``WXKF_OPEN_KFID``, ``WXKF_TOUSER``,
  ``WXKF_MEDIA_ID``, ``WXKF_WELCOME_CODE``, ...) and a missing one is a clear error;
* otherwise → an in-process emulator served over real HTTP on 127.0.0.1 (a free port), with
  whatever the example needs (a Kf account, a customer who just wrote) created on the fly.

A toolkit error ends the example with exit code 1 and the explained errcode on stderr (no
traceback, no secret).
"""

from __future__ import annotations

import os
import struct
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wxkefu_ext.client import KfClient

__all__ = ["Session", "env", "run", "tiny_png"]


def env(name: str, *alternatives: str) -> str | None:
    for n in (name, *alternatives):
        value = os.environ.get(n)
        if value:
            return value
    return None


def real_mode() -> bool:
    return bool(env("WXKF_CORP_ID") and env("WXKF_APP_SECRET"))


def tiny_png(rgb: tuple[int, int, int] = (7, 193, 96)) -> bytes:
    """A valid 1x1 PNG (an avatar / thumbnail that passes the upload checks)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + bytes(rgb))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@dataclass
class Session:
    """What an example works with: ``kf`` (a ``KfClient``) and helpers that return the ids an
    example needs — from the environment in real mode, freshly made in the emulator."""

    kf: KfClient
    emulator: Any = None
    base_url: str | None = None
    _cache: dict[str, str] = field(default_factory=dict)

    @property
    def emulated(self) -> bool:
        return self.emulator is not None

    def need(self, *names: str) -> str:
        value = env(*names)
        if not value:
            from wxkefu_ext.errors import ConfigurationError

            raise ConfigurationError(f"set {' or '.join(names)} to run this example for real")
        return value

    def media_id(self) -> str:
        """An image media_id: WXKF_MEDIA_ID, or upload a tiny PNG."""
        if "media_id" not in self._cache:
            value = env("WXKF_MEDIA_ID")
            if value is None:
                from wxkefu_ext import media

                value = media.upload(self.kf, "image", tiny_png(), filename="avatar.png").media_id
            self._cache["media_id"] = value
        return self._cache["media_id"]

    def open_kfid(self) -> str:
        """WXKF_OPEN_KFID in real mode; a new Kf account in the emulator."""
        if "open_kfid" not in self._cache:
            if not self.emulated:
                value = self.need("WXKF_OPEN_KFID")
            else:
                value = self.kf.account.add(name="示例客服", media_id=self.media_id()).open_kfid
            self._cache["open_kfid"] = value
        return self._cache["open_kfid"]

    def customer(self, text: str = "你好, 我想咨询一下") -> str:
        """WXKF_TOUSER in real mode; in the emulator a customer enters the session and writes
        ``text`` (which opens the 48 h / 5-message window)."""
        if "customer" not in self._cache:
            if not self.emulated:
                value = self.need("WXKF_TOUSER", "WXKF_EXTERNAL_USERID")
            else:
                value = self._emulated_customer(text)
            self._cache["customer"] = value
        return self._cache["customer"]

    def _emulated_customer(self, text: str) -> str:
        from _emulator import customer_writes

        return customer_writes(self.emulator, self.open_kfid(), text)

    def welcome_code(self) -> str:
        """WXKF_WELCOME_CODE in real mode (from an enter_session event, valid 20 s); in the
        emulator a new customer enters the session and the code is read from sync_msg."""
        if not self.emulated:
            return self.need("WXKF_WELCOME_CODE")
        from _emulator import enter_session_welcome_code

        return enter_session_welcome_code(self.emulator, self.kf, self.open_kfid())


@contextmanager
def session() -> Iterator[Session]:
    from wxkefu_ext.client import KfClient

    with ExitStack() as stack:
        if real_mode():
            kf = stack.enter_context(KfClient.from_env())
            yield Session(kf)
            return
        from _emulator import start

        emu, base_url, corp_id, secret = start(stack)
        kf = stack.enter_context(KfClient(corp_id, secret, base_url=base_url))
        yield Session(kf, emu, base_url)


def run(main: Callable[[Session], None]) -> None:
    """Run an example; a toolkit error exits 1 with its explanation (never a secret)."""
    from wxkefu_ext.errors import KfError

    try:
        with session() as s:
            if s.emulated:
                print(
                    f"(local emulator at {s.base_url}; set WXKF_CORP_ID/WXKF_APP_SECRET for "
                    "the real API)",
                    file=sys.stderr,
                )
            main(s)
    except KfError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
