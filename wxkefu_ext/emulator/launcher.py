"""Running the emulator from a shell: one code path for ``wxkefu emulator`` and
``python -m wxkefu_ext.emulator`` (same banner, same busy-port answer, same ``--bot``).

Why one module: the two entry points used to differ — one printed a traceback on a busy port,
the other "internal error ... please report it" — and their banners disagreed. Here a busy
port is an ordinary usage error (exit 2, "choose another with --port"), the banner is printed
once, and ``--bot SCRIPT`` starts your callback server wired to the emulator so the browser
console (``/_emulator/ui/``) has a bot to chat with.

Banner: the base URL alone on the first line of stdout (scripts read it), then on stderr the
``export`` lines (pasteable as printed: the emulator's demo secret is not a secret of any corp,
so it is never masked there), the console URL and the control API.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

if TYPE_CHECKING:
    from wxkefu_ext.emulator.core import Emulator

__all__ = ["EXIT_USAGE", "BotProcess", "banner_lines", "port_problem", "run", "start_bot"]

EXIT_USAGE: Final = 2
BOT_STARTUP_TIMEOUT: Final = 20.0
#: The account created for a newcomer when a bot is attached (so the console opens ready).
BOT_ACCOUNT_NAME: Final = "示例客服"


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (in use, bad address), or None."""
    if port == 0:
        return None
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe = socket.socket(family, socket.SOCK_STREAM)
    try:
        # same option uvicorn sets: a port in TIME_WAIT is free, one with a listener is not
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
    except OSError as exc:
        shown = f"[{host}]" if ":" in host else host
        if exc.errno == errno.EADDRINUSE:
            return f"{shown}:{port} is in use; choose another with --port"
        return f"cannot listen on {shown}:{port} ({exc.strerror}); choose another --host/--port"
    finally:
        probe.close()
    return None


def banner_lines(emu: Emulator, base_url: str) -> list[str]:
    """The stderr part of the banner (the base URL itself goes alone to stdout)."""
    from wxkefu_ext.emulator.console import console_url

    root = base_url.removesuffix("/cgi-bin")
    return [
        f"export WXKF_BASE_URL={base_url}",
        f"export WXKF_CORP_ID={emu.corp_id}",
        f"export WXKF_APP_SECRET={emu.corp_secret}  # emulator demo secret",
        f"console:     {console_url(base_url)}",
        f"control API: {root}/_emulator/...",
    ]


@dataclass
class BotProcess:
    """A bot script we started, listening on ``url`` (its callback endpoint)."""

    process: subprocess.Popen[bytes]
    url: str

    def stop(self, timeout: float = 5.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def start_bot(emu: Emulator, base_url: str, script: Path, log: IO[str]) -> BotProcess:
    """Run ``script`` (e.g. ``examples/bot.py``) as the emulator's callback receiver.

    The script gets the emulator as its WeCom (``WXKF_BASE_URL``, ``WXKF_CORP_ID``,
    ``WXKF_APP_SECRET``), a fresh callback ``WXKF_TOKEN`` / ``WXKF_ENCODING_AES_KEY``, and
    ``HOST=127.0.0.1`` / ``PORT``; it must serve the callback on ``http://HOST:PORT/callback``
    (as ``examples/bot.py`` does). Its output goes to ``log``.
    """
    from wxkefu_ext import keygen

    if not script.is_file():
        raise FileNotFoundError(f"bot script {script} not found")
    token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
    port = _free_port("127.0.0.1")
    env = {
        **os.environ,
        "WXKF_BASE_URL": base_url,
        "WXKF_CORP_ID": emu.corp_id,
        "WXKF_APP_SECRET": emu.corp_secret,
        "WXKF_TOKEN": token,
        "WXKF_ENCODING_AES_KEY": key,
        "WXKF_RECEIVER_ID": emu.corp_id,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(  # noqa: S603 - the user's own script, by path
        [sys.executable, str(script)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    threading.Thread(target=_copy, args=(process, log), daemon=True).start()
    bot = BotProcess(process, f"http://127.0.0.1:{port}/callback")
    deadline = time.monotonic() + BOT_STARTUP_TIMEOUT
    while not _listening("127.0.0.1", port):
        if process.poll() is not None or time.monotonic() > deadline:
            bot.stop()
            raise RuntimeError(
                f"the bot {script} did not start listening on 127.0.0.1:{port} within "
                f"{BOT_STARTUP_TIMEOUT:.0f} s (exit code {process.poll()}); see its output above"
            )
        time.sleep(0.05)
    emu.set_callback(bot.url, token=token, encoding_aes_key=key)
    return bot


def _copy(process: subprocess.Popen[bytes], log: IO[str]) -> None:
    assert process.stdout is not None
    for raw in process.stdout:
        with contextlib.suppress(ValueError, OSError):
            log.write(raw.decode("utf-8", "replace"))
            log.flush()


def _listening(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.2)
        return s.connect_ex((host, port)) == 0


@contextlib.contextmanager
def _maybe_bot(emu: Emulator, base_url: str, bot: Path | None, err: IO[str]) -> Iterator[None]:
    if bot is None:
        yield
        return
    process = start_bot(emu, base_url, bot, err)
    try:
        if not emu.state.accounts:
            emu.create_account(BOT_ACCOUNT_NAME)
        yield
    finally:
        process.stop()


@contextlib.contextmanager
def _stop_on_sigterm(event: threading.Event) -> Iterator[None]:
    """SIGTERM (``kill``, ``timeout``, a CI runner) ends the wait like Ctrl-C, so the bot we
    started is stopped too instead of being left orphaned."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda *_: event.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(
    emu: Emulator,
    host: str,
    port: int,
    *,
    bot: Path | None = None,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Serve ``emu`` on ``host:port`` until Ctrl-C (or ``stop``); returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    problem = port_problem(host, port)
    if problem is not None:
        err.write(f"error: {problem}\n")
        return EXIT_USAGE
    if bot is not None and not bot.is_file():
        err.write(f"error: bot script {bot} not found\n")
        return EXIT_USAGE
    with contextlib.ExitStack() as stack:
        try:
            base_url = stack.enter_context(emu.serve(host, port))
        except RuntimeError as exc:  # taken between the probe and uvicorn's bind
            err.write(f"error: {port_problem(host, port) or exc}\n")
            return EXIT_USAGE
        out.write(base_url + "\n")
        out.flush()
        for line in banner_lines(emu, base_url):
            err.write(line + "\n")
        err.flush()
        with _maybe_bot(emu, base_url, bot, err):
            if bot is not None:
                from wxkefu_ext.emulator.console import console_url

                err.write(
                    f"bot: {bot} receives the callbacks; chat with it at {console_url(base_url)}\n"
                )
            event = stop or threading.Event()
            with _stop_on_sigterm(event), contextlib.suppress(KeyboardInterrupt):
                err.write("Ctrl-C to stop\n")
                err.flush()
                event.wait()
    err.write("stopped\n")
    return 0
