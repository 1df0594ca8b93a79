"""A private ``redis-server`` a test can start, SIGKILL, restart (with or without persistence)
and freeze (SIGSTOP) — on a free loopback port, never the shared Redis.

Used by the issue-13 fault tests. Every wait is bounded; the process is always killed at the
end of the test (fixture finaliser).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateRedis:
    def __init__(self, workdir: Path, *, persistent: bool) -> None:
        if REDIS_SERVER is None:
            pytest.skip("redis-server is not installed")
        self.workdir = workdir
        self.persistent = persistent
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.frozen = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> PrivateRedis:
        assert REDIS_SERVER is not None
        args = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--dir",
                str(self.workdir), "--protected-mode", "no", "--loglevel", "warning"]  # fmt: skip
        if self.persistent:
            args += ["--appendonly", "yes", "--appendfsync", "always", "--save", ""]
        else:
            args += ["--appendonly", "no", "--save", ""]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.proc.returncode}")
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start within 10 s")

    def kill(self) -> None:
        """SIGKILL (no shutdown save: without AOF everything is gone)."""
        if self.proc is not None and self.proc.poll() is None:
            if self.frozen:
                os.kill(self.proc.pid, signal.SIGCONT)
                self.frozen = False
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None

    def restart(self) -> None:
        self.kill()
        self.start()

    def freeze(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        if self.proc is not None and self.frozen:
            os.kill(self.proc.pid, signal.SIGCONT)
        self.frozen = False


def private_redis(tmp_path: Path, *, persistent: bool) -> Iterator[PrivateRedis]:
    """Body of a fixture: ``yield from private_redis(tmp_path, persistent=False)``."""
    r = PrivateRedis(tmp_path, persistent=persistent).start()
    try:
        yield r
    finally:
        r.kill()
