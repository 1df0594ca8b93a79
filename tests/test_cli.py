"""The ``wxkefu`` CLI: every command, exit codes, and that no secret is ever printed.

Offline commands run in-process through :func:`wxkefu_ext.cli.main`; API commands run against
an in-process emulator served over real HTTP; the long-running servers (``emulator``,
``callback serve``) run as subprocesses.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wxkefu_ext.cli import main
from wxkefu_ext.keygen import verify_encoding_aes_key, verify_token

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("WXKF_") or name == "PORT":
            monkeypatch.delenv(name, raising=False)


# ---------------------------------------------------------------------------------------------
# help, keygen, explain
# ---------------------------------------------------------------------------------------------


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    code = (
        "import sys, time; t=time.perf_counter(); from wxkefu_ext.cli import main;"
        "rc = main(['--help']); dt = time.perf_counter() - t;"
        "heavy = [m for m in ('httpx', 'wxkefu_client', 'wxkefu_ext.client', 'uvicorn',"
        " 'starlette', 'wxkefu_ext.emulator', 'redis', 'Crypto') if m in sys.modules];"
        "print(rc, heavy, dt, file=sys.stderr)"
    )
    proc = subprocess.run([PY, "-c", code], capture_output=True, text=True, timeout=30, cwd=ROOT)
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("0 []"), last
    assert "keygen" in proc.stdout and "callback" in proc.stdout
    assert float(last.rsplit(" ", 1)[1]) < 1.0


def test_console_script_entry_point() -> None:
    proc = subprocess.run(
        [PY, "-m", "wxkefu_ext.cli", "explain", "45009"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("errcode 45009")


def test_keygen_env_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["keygen"], capsys)
    assert code == 0
    values = dict(line.split("=", 1) for line in out.strip().splitlines())
    assert set(values) == {"WXKF_TOKEN", "WXKF_ENCODING_AES_KEY"}
    assert verify_token(values["WXKF_TOKEN"]) and len(values["WXKF_TOKEN"]) == 32
    key = values["WXKF_ENCODING_AES_KEY"]
    assert verify_encoding_aes_key(key, strict=True)
    assert len(base64.b64decode(key + "=")) == 32


def test_keygen_json_export_and_length(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["keygen", "--format", "json", "--token-length", "16"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert len(doc["WXKF_TOKEN"]) == 16
    code, out, _ = run(["keygen", "--format", "export"], capsys)
    assert code == 0 and out.startswith("export WXKF_TOKEN=")
    code, _, err = run(["keygen", "--format", "yaml"], capsys)
    assert code == 2 and "--format" in err
    code, _, _ = run(["keygen", "--token-length", "33"], capsys)
    assert code == 2


def test_keygen_values_differ(capsys: pytest.CaptureFixture[str]) -> None:
    run(["keygen"], capsys)
    first = capsys.readouterr()
    main(["keygen"])
    assert capsys.readouterr().out != first.out


def test_keygen_check_never_echoes_the_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad_key = "Secret" * 7 + "!"  # 43 chars, one symbol
    monkeypatch.setenv("WXKF_TOKEN", "tok en")
    monkeypatch.setenv("WXKF_ENCODING_AES_KEY", bad_key)
    code, out, err = run(["keygen", "--check"], capsys)
    assert code == 2
    assert "character 43" in err and "WXKF_TOKEN" in err
    assert bad_key not in out + err and "SecretSecret" not in out + err
    monkeypatch.setenv("WXKF_TOKEN", "abc123")
    monkeypatch.setenv("WXKF_ENCODING_AES_KEY", "a" * 42 + "A")
    code, out, err = run(["keygen", "--check"], capsys)
    assert code == 0 and "valid" in err and "a" * 42 not in out + err


def test_explain_known_negative_and_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "95018"], capsys)
    assert code == 0
    assert out.startswith("errcode 95018:") and "service_state" in out
    code, out, _ = run(["explain", "-40001"], capsys)
    assert code == 0 and "signature" in out.lower()
    code, out, _ = run(["explain", "987654"], capsys)
    assert code == 0 and "devtool/query?e=987654" in out
    code, _, err = run(["explain", "nope"], capsys)
    assert code == 2 and "integer" in err


def test_explain_errmsg_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    msg = "invalid access_token: access_token=SEKRIT1234, hint: [abc-1], from ip: 10.0.0.1"
    code, out, _ = run(["explain", "40014", msg, "--json"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["exception"] == "TokenError" and doc["refresh_token"] is True
    assert "Request id abc-1" in doc["explain"] and "10.0.0.1" in doc["explain"]
    assert "SEKRIT1234" not in out


def test_unknown_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["frobnicate"], capsys)
    assert code == 2 and "No such command" in err


def test_api_command_without_credentials_explains(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["token"], capsys)
    assert code == 2
    assert "WXKF_CORP_ID and WXKF_APP_SECRET not set" in err and out == ""
