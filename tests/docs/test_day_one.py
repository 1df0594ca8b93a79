"""Day-one rough edges (issue 16), each tried the way a new user meets it: the ``wxkefu`` CLI
and ``python -m wxkefu_ext.emulator`` in subprocesses, a pty for the terminal case.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import io
import json
import logging
import os
import pty
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, Emulator
from wxkefu_ext.testing import kf_client, kf_emulator, kf_emulator_url  # noqa: F401 - fixtures

CLI = [sys.executable, "-m", "wxkefu_ext.cli"]
EMULATOR = [sys.executable, "-m", "wxkefu_ext.emulator"]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WXKF_", "WXKEFU_DEBUG"))}
    env.update({"COLUMNS": "80", "PYTHONIOENCODING": "utf-8", **extra})
    return env


def _cli_env(base_url: str, **extra: str) -> dict[str, str]:
    return _env(
        WXKF_BASE_URL=base_url,
        WXKF_CORP_ID=DEFAULT_CORP_ID,
        WXKF_APP_SECRET=DEFAULT_CORP_SECRET,
        **extra,
    )


def _run(argv: list[str], env: dict[str, str], **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=60, check=False, **kw
    )


def _run_pty(argv: list[str], env: dict[str, str], timeout: float = 60) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal (80 columns): what a person sees."""
    main, child = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 80, 0, 0))
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=child, stderr=child)
    os.close(child)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.2)
            if ready:
                try:
                    data = os.read(main, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(main)
    return code, ANSI.sub("", b"".join(chunks).decode("utf-8", "replace"))


@pytest.fixture
def served() -> Iterator[tuple[Emulator, str]]:
    emu = Emulator()
    with emu.serve("127.0.0.1", 0) as base_url:
        yield emu, base_url


@contextlib.contextmanager
def _busy_port() -> Iterator[int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        yield int(s.getsockname()[1])


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --------------------------------------------------------------------------- (a) accounts list


def _accounts(emu: Emulator, n: int = 3) -> list[str]:
    return [emu.create_account(f"客服{i}号-很长的名字abc"[:16]) for i in range(n)]


def test_accounts_list_piped_is_tab_separated_with_whole_ids(
    served: tuple[Emulator, str],
) -> None:
    emu, base_url = served
    ids = _accounts(emu)
    proc = _run([*CLI, "accounts", "list"], _cli_env(base_url))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 3
    fields = [line.split("\t") for line in lines]
    assert [f[0] for f in fields] == ids  # whole ids, first column, no header
    assert all(len(f) == 4 for f in fields)
    assert fields[0][1] == emu.state.accounts[ids[0]].name
    assert "…" not in proc.stdout


def test_accounts_list_on_an_80_column_terminal_never_clips_an_id(
    served: tuple[Emulator, str],
) -> None:
    emu, base_url = served
    ids = _accounts(emu)
    code, screen = _run_pty([*CLI, "accounts", "list"], _cli_env(base_url))
    assert code == 0, screen
    assert "open_kfid" in screen and "\t" not in screen  # a table, with a header
    for open_kfid in ids:
        assert re.search(rf"(^|\s){open_kfid}(\s|$)", screen, re.M), (open_kfid, screen)
    # and the clipped id the issue saw would have been rejected: the whole one works
    proc = _run([*CLI, "accounts", "link", "--kf", ids[0]], _cli_env(base_url))
    assert proc.returncode == 0 and proc.stdout.startswith("http"), proc.stderr


# --------------------------------------------------------------------------- (b) busy port


@pytest.mark.parametrize("entry", ["wxkefu emulator", "python -m wxkefu_ext.emulator"])
def test_busy_port_is_a_usage_error_from_both_entry_points(entry: str) -> None:
    argv = [*CLI, "emulator"] if entry.startswith("wxkefu") else list(EMULATOR)
    with _busy_port() as port:
        proc = _run([*argv, "--port", str(port)], _env())
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert f"127.0.0.1:{port} is in use; choose another with --port" in proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert proc.stdout == ""


def _banner(argv: list[str], env: dict[str, str]) -> tuple[str, list[str]]:
    """Start an emulator, read its banner, stop it (SIGTERM → clean exit 0)."""
    proc = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline().strip()
        lines: list[str] = []
        while not lines or lines[-1] != "Ctrl-C to stop":
            line = proc.stderr.readline()
            assert line, f"banner ended early: {lines}"
            lines.append(line.rstrip("\n"))
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return first, lines


def test_both_entry_points_print_the_same_pasteable_banner() -> None:
    # (d): WXKF_APP_SECRET already set to the demo secret used to turn it into *** here
    env = _env(WXKF_APP_SECRET=DEFAULT_CORP_SECRET)
    url1, lines1 = _banner([*CLI, "emulator", "--port", "0"], env)
    url2, lines2 = _banner([*EMULATOR, "--port", "0"], env)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/cgi-bin", url1), url1
    port1, port2 = url1.split(":")[2].split("/")[0], url2.split(":")[2].split("/")[0]
    assert [line.replace(port1, "PORT") for line in lines1] == [
        line.replace(port2, "PORT") for line in lines2
    ]
    exports = [line for line in lines1 if line.startswith("export ")]
    assert f"export WXKF_APP_SECRET={DEFAULT_CORP_SECRET}  # emulator demo secret" in exports
    assert "***" not in "\n".join(lines1)
    assert f"console:     {url1.removesuffix('/cgi-bin')}/_emulator/ui/" in lines1


def test_the_export_lines_work_when_pasted_into_a_shell(served: tuple[Emulator, str]) -> None:
    from wxkefu_ext.emulator.launcher import banner_lines

    emu, base_url = served
    exports = "\n".join(line for line in banner_lines(emu, base_url) if line.startswith("export"))
    script = f"{exports}\n{' '.join(CLI)} token"
    proc = _run(["bash", "-c", script], _env())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("access_token=")


# --------------------------------------------------------------------------- (c) /cgi-bin


def test_a_base_url_without_cgi_bin_is_named_by_emulator_and_client(
    served: tuple[Emulator, str],
) -> None:
    _, base_url = served
    root = base_url.removesuffix("/cgi-bin")
    answer = httpx.post(f"{root}/kf/account/list", json={}).json()
    assert answer["errcode"] == 48002
    assert "unknown path" in answer["errmsg"] and "lacks /cgi-bin" in answer["errmsg"]
    proc = _run([*CLI, "accounts", "list"], _cli_env(root))
    assert proc.returncode == 1, proc.stderr
    assert "base URL probably lacks /cgi-bin" in proc.stderr
    assert "admin console" not in proc.stderr and "可调用接口的应用" not in proc.stderr
    # a real permission 48002 keeps its admin-console hint
    from wxkefu_ext.errors import KfApiError

    assert "admin console" in str(KfApiError(48002, "api forbidden"))


# --------------------------------------------------------------------------- (e) transport


@pytest.mark.parametrize("debug", [False, True])
def test_transport_errors_name_host_and_port_and_keep_the_exit_code(debug: bool) -> None:
    port = _closed_port()
    extra = {"WXKEFU_DEBUG": "1"} if debug else {}
    proc = _run([*CLI, "token"], _cli_env(f"http://127.0.0.1:{port}/cgi-bin", **extra))
    assert proc.returncode == 3, proc.stderr  # documented: 3 network or malformed reply
    assert f"127.0.0.1:{port}" in proc.stderr
    assert "check WXKF_BASE_URL" in proc.stderr
    assert ("Traceback" in proc.stderr) is debug
    assert DEFAULT_CORP_SECRET not in proc.stderr


# --------------------------------------------------------------------------- (f) media


def test_upload_and_download_report_progress_with_totals(kf_client: Any) -> None:  # noqa: F811
    from wxkefu_ext import media

    data = b"%PDF" + os.urandom(300_000)
    ups: list[tuple[int, int]] = []
    up = media.upload(
        kf_client, "file", data, filename="a.pdf", on_progress=lambda *a: ups.append(a)
    )
    assert ups and ups[-1] == (len(data), len(data)) and all(t == len(data) for _, t in ups)
    downs: list[tuple[int, int | None]] = []
    out = io.BytesIO()
    media.download_to(kf_client, up.media_id, out, on_progress=lambda *a: downs.append(a))
    assert out.getvalue() == data
    assert downs[-1] == (len(data), len(data))
    assert all(total == len(data) for _, total in downs)  # total from Content-Length, never "?"


def test_a_resumed_download_reports_the_resumed_bytes(
    served: tuple[Emulator, str], tmp_path: Path
) -> None:
    _, base_url = served
    from wxkefu_ext import media
    from wxkefu_ext.client import KfClient

    data = b"%PDF" + os.urandom(200_000)
    with KfClient(DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, base_url=base_url) as kf:
        media_id = media.upload(kf, "file", data, filename="r.pdf").media_id
    target = tmp_path / "r.pdf"
    (tmp_path / "r.pdf.part").write_bytes(data[:50_000])  # an interrupted earlier run
    proc = _run([*CLI, "media", "get", media_id, "-o", str(target), "--json"], _cli_env(base_url))
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["resumed"] == 1 and info["resumed_bytes"] == 50_000
    assert info["size"] == len(data) and target.read_bytes() == data
    # without a part file: nothing resumed
    target.unlink()
    proc = _run([*CLI, "media", "get", media_id, "-o", str(target), "--json"], _cli_env(base_url))
    info = json.loads(proc.stdout)
    assert info["resumed"] == 0 and info["resumed_bytes"] == 0


def test_media_progress_bars_on_a_terminal_show_totals(
    served: tuple[Emulator, str], tmp_path: Path
) -> None:
    _, base_url = served
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF" + os.urandom(3 * 1024 * 1024))
    code, screen = _run_pty([*CLI, "media", "upload", "file", str(big)], _cli_env(base_url))
    assert code == 0, screen
    media_id = next(line for line in screen.splitlines() if line.startswith("3")).strip()
    # done/total both known (rich counts decimal MB): "100% 3.1/3.1 MB"
    assert re.search(r"uploading big\.pdf.*100% (\d+\.\d)/\1 MB", screen), screen
    target = tmp_path / "down.pdf"
    code, screen = _run_pty([*CLI, "media", "get", media_id, "-o", str(target)], _cli_env(base_url))
    assert code == 0, screen
    assert re.search(r"downloading down\.pdf.*100% (\d+\.\d)/\1 MB", screen), screen
    final_frame = screen.split("downloading down.pdf")[-1].splitlines()[0]
    assert "?" not in final_frame and "100%" in final_frame, final_frame


# --------------------------------------------------------------------------- (g)


def test_accounts_add_checks_the_name_before_uploading_the_avatar(
    served: tuple[Emulator, str], tmp_path: Path
) -> None:
    emu, base_url = served
    avatar = tmp_path / "a.png"
    avatar.write_bytes(_png())
    proc = _run(
        [*CLI, "accounts", "add", "这个名字一共有十七个字符长长长长长长", "--avatar", str(avatar)],
        _cli_env(base_url),
    )
    assert proc.returncode == 2, proc.stderr
    assert "name" in proc.stderr and "1..16 characters" in proc.stderr
    assert emu.state.media == {} and emu.stats.requests == 0  # nothing was sent at all


def test_explain_41050_says_single_use_and_20_seconds() -> None:
    proc = _run([*CLI, "explain", "41050"], _env())
    assert proc.returncode == 0
    assert "single-use" in proc.stdout and "20 s" in proc.stdout


def test_reusing_a_msgid_for_a_different_message_is_refused(
    kf_emulator: Emulator,  # noqa: F811
    kf_client: Any,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    from wxkefu_ext import messages
    from wxkefu_ext.client import KfClient
    from wxkefu_ext.errors import KfValidationError

    kfid = kf_emulator.create_account()
    user, _ = kf_emulator.customer_enter_session(kfid)
    kf_emulator.customer_send(kfid, user, "hi")
    assert messages.send(kf_client, user, kfid, messages.text("first"), msgid="m1") == "m1"
    # the same message again under the same msgid: idempotent, delivered once
    assert messages.send(kf_client, user, kfid, messages.text("first"), msgid="m1") == "m1"
    with pytest.raises(KfValidationError) as info:
        messages.send(kf_client, user, kfid, messages.text("second"), msgid="m1")
    text = str(info.value)
    assert "m1" in text and "first" in text and "second" in text
    assert [d["payload"]["content"] for d in kf_emulator.delivered(kfid)] == ["first"]
    # another client (another process) reusing m1: cannot compare, so it warns
    other = KfClient(
        kf_emulator.corp_id,
        kf_emulator.corp_secret,
        base_url=kf_emulator.base_url,
        transport=kf_emulator.transport(),
    )
    with other, caplog.at_level(logging.WARNING, logger="wxkefu_ext.messages"):
        assert messages.send(other, user, kfid, messages.text("third"), msgid="m1") == "m1"
    assert "m1" in caplog.text and "NOT delivered" in caplog.text
    assert [d["payload"]["content"] for d in kf_emulator.delivered(kfid)] == ["first"]


# --------------------------------------------------------------------------- (h)


def test_version() -> None:
    proc = _run([*CLI, "--version"], _env())
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"wxkefu {importlib.metadata.version('wxkefu')}"


def test_the_account_is_always_given_with_kf(served: tuple[Emulator, str]) -> None:
    emu, base_url = served
    kfid = emu.create_account("x")
    env = _cli_env(base_url)
    assert _run([*CLI, "accounts", "link", kfid], env).returncode == 2  # positional: no more
    proc = _run([*CLI, "accounts", "link"], _cli_env(base_url, WXKF_OPEN_KFID=kfid))
    assert proc.returncode == 0 and proc.stdout.startswith("http"), proc.stderr
    proc = _run([*CLI, "accounts", "del", "--kf", kfid], env)
    assert proc.returncode == 0, proc.stderr
    assert kfid not in emu.state.accounts
    for command in (["accounts", "del"], ["accounts", "link"], ["send", "text"], ["recall"]):
        help_text = _run([*CLI, *command, "--help"], env).stdout
        assert "--kf" in help_text, command


def test_token_does_not_claim_a_cache_it_does_not_have(served: tuple[Emulator, str]) -> None:
    emu, base_url = served
    first = _run([*CLI, "token"], _cli_env(base_url))
    second = _run([*CLI, "token"], _cli_env(base_url))
    assert first.returncode == second.returncode == 0
    assert "cached by the client" not in first.stderr
    assert "nothing is cached between runs" in first.stderr
    assert emu.stats.gettoken_calls == 2  # what the message says: each run fetches one


# --------------------------------------------------------------------------- (i)


def test_kf_emulator_url_sets_the_environment_it_promises(
    kf_emulator_url: str,  # noqa: F811
) -> None:
    from wxkefu_ext.client import KfClient

    assert os.environ["WXKF_BASE_URL"] == kf_emulator_url
    with KfClient.from_env() as kf:
        assert (
            kf.request("POST", "/kf/account/list", json={"offset": 0, "limit": 10})["errcode"] == 0
        )
    proc = _run([*CLI, "accounts", "list"], {**os.environ})
    assert proc.returncode == 0, proc.stderr


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x07\xc1\x60"))
        + chunk(b"IEND", b"")
    )
