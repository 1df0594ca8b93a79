"""A client-only install works, and every extra installs and imports.

Quick profile: a subprocess of this venv with the optional modules made unimportable
(``sys.modules[name] = None``, which is what Python does for a module that is not there) creates
a ``KfClient`` and calls the emulator served by another process; each feature that needs an
extra raises :class:`MissingExtraError` naming it.

Full profile (``slow``): the real thing — a fresh virtualenv, ``pip install <repo>`` without
extras (starlette, uvicorn, typer, rich and redis must then be absent), the same client call,
then each extra installed and imported; and the httpx2 check of CONTRIBUTING.md (our code under
``httpx2.alias_httpx()``).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import textwrap
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET

REPO = Path(__file__).resolve().parents[2]
OPTIONAL = ("redis", "starlette", "uvicorn", "jsonschema", "yaml", "typer", "rich")


@contextlib.contextmanager
def emulator_process() -> Iterator[str]:
    """``python -m wxkefu_ext.emulator --port 0`` of this (full) venv; yields its base URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "wxkefu_ext.emulator", "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("http://127.0.0.1:"), line
        yield line
    finally:
        proc.terminate()
        proc.wait(10)


#: Run in the client-only interpreter: a real call, then what each missing extra says.
CLIENT_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from wxkefu_ext.client import KfClient
    from wxkefu_ext.errors import MissingExtraError

    base_url, corp_id, secret = sys.argv[1:4]
    out = {}
    with KfClient(corp_id, secret, base_url=base_url) as kf:
        out["errcode"] = kf.request("POST", "/kf/account/list", json={})["errcode"]
        out["token"] = bool(kf.access_token())

    def extra_of(fn):
        try:
            fn()
        except MissingExtraError as exc:
            return [exc.extra, str(exc)]
        return None

    def emulator():
        import wxkefu_ext.emulator
    def cli():
        import wxkefu_ext.cli
    def asgi():
        import wxkefu_ext.callback.asgi
    def redis_store():
        from wxkefu_ext.tokens import RedisTokenStore
        RedisTokenStore("redis://127.0.0.1:6379/0")
    def serving():
        from wxkefu_ext.serving import serving
        with serving(object()):
            pass

    out["extras"] = {f.__name__: extra_of(f) for f in (emulator, cli, asgi, redis_store, serving)}
    optional = %r
    out["loaded"] = sorted(m for m in optional if sys.modules.get(m) is not None)
    print(json.dumps(out))
    """
)


def _check_client_only(result: dict[str, object]) -> None:
    assert result["errcode"] == 0 and result["token"] is True
    extras = result["extras"]
    assert isinstance(extras, dict)
    expected = {
        "emulator": "server",
        "cli": "cli",
        "asgi": "server",
        "redis_store": "redis",
        "serving": "server",
    }
    for feature, extra in expected.items():
        got = extras[feature]
        assert got is not None, f"{feature} did not raise MissingExtraError"
        assert got[0] == extra and f"pip install 'wxkefu[{extra}]'" in got[1], got
    assert result["loaded"] == []


def test_client_works_without_the_optional_modules() -> None:
    block = f"import sys\nfor m in {OPTIONAL!r}: sys.modules[m] = None\n"
    script = block + CLIENT_SCRIPT % (OPTIONAL,)
    with emulator_process() as base_url:
        done = subprocess.run(
            [sys.executable, "-c", script, base_url, DEFAULT_CORP_ID, DEFAULT_CORP_SECRET],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    _check_client_only(json.loads(done.stdout.strip().splitlines()[-1]))


def test_missing_extra_error_is_an_import_error_and_a_kf_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wxkefu_ext._extras import missing_extra, require
    from wxkefu_ext.errors import KfError, MissingExtraError

    require("a probe", "json", "typer")  # both importable: nothing happens
    monkeypatch.setitem(sys.modules, "typer", None)  # what a missing module looks like
    with pytest.raises(MissingExtraError) as info:
        require("a probe", "json", "typer")
    # an unknown module has no extra: the error is not ours to rename
    other = ModuleNotFoundError("No module named 'nope'", name="nope")
    assert missing_extra("x", other) is other
    err = missing_extra("the probe", ModuleNotFoundError("x", name="yaml.constructor"))
    assert isinstance(err, MissingExtraError) and isinstance(err, ImportError)
    assert isinstance(err, KfError) and err.extra == "server" and err.missing == ("yaml",)
    assert info.value.missing == ("typer",) and info.value.extra == "cli"
    assert (
        str(info.value) == "a probe needs typer, which is not installed: pip install 'wxkefu[cli]'"
    )


# ---------------------------------------------------------------------------------------------
# Full profile: real virtualenvs
# ---------------------------------------------------------------------------------------------


def _venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    return path / "bin" / "python"


def _pip(python: Path, *args: str) -> None:
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def _run(python: Path, code: str, *args: str) -> str:
    done = subprocess.run(
        [str(python), "-c", code, *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_fresh_venv_client_only_then_each_extra(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (wheel,) = wheels.glob("wxkefu-*.whl")
    python = _venv(tmp_path / "venv")
    # as `make venv` does; pip < 25 does not show PEP 639's License-Expression field
    _pip(python, "--upgrade", "pip")

    _pip(python, str(wheel))  # no extras
    absent = _run(
        python,
        "import importlib.util, json; "
        f"print(json.dumps([m for m in {OPTIONAL!r} if importlib.util.find_spec(m)]))",
    )
    assert json.loads(absent) == [], f"installed without extras: {absent}"
    with emulator_process() as base_url:
        out = _run(
            python, CLIENT_SCRIPT % (OPTIONAL,), base_url, DEFAULT_CORP_ID, DEFAULT_CORP_SECRET
        )
    _check_client_only(json.loads(out.strip().splitlines()[-1]))
    show = subprocess.run(
        [str(python), "-m", "pip", "show", "wxkefu"], capture_output=True, text=True, timeout=60
    ).stdout
    assert "License-Expression: MIT" in show, show

    _pip(python, f"{wheel}[cli]")
    version = subprocess.run(
        [str(python.parent / "wxkefu"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0 and version.stdout.startswith("wxkefu "), version

    _pip(python, f"{wheel}[redis]")
    _run(
        python,
        "import redis; from wxkefu_ext.tokens import RedisTokenStore; "
        "RedisTokenStore('redis://127.0.0.1:6379/0')",
    )

    _pip(python, f"{wheel}[server]")
    _run(
        python,
        "import wxkefu_ext.callback.asgi, wxkefu_ext.serving\n"
        "from wxkefu_ext.emulator import Emulator\n"
        "emu = Emulator(); kfid = emu.create_account('x')\n"
        "with emu.serve() as url:\n"
        "    from wxkefu_ext.client import KfClient\n"
        "    with KfClient(emu.corp_id, emu.corp_secret, base_url=url) as kf:\n"
        "        assert kf.request('POST', '/kf/account/list', json={})['errcode'] == 0\n",
    )

    python_all = _venv(tmp_path / "venv-all")
    _pip(python_all, f"{wheel}[all]")
    present = _run(
        python_all,
        "import importlib.util, json; "
        f"print(json.dumps([m for m in {OPTIONAL!r} if not importlib.util.find_spec(m)]))",
    )
    assert json.loads(present) == [], f"missing with [all]: {present}"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_httpx2_alias(tmp_path: Path) -> None:
    """CONTRIBUTING.md's httpx2 claim: with ``httpx2.alias_httpx()``, our suites that exercise
    the transports, the deadline and the secret redaction pass unchanged."""
    target = tmp_path / "httpx2"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "--no-deps", "--target", str(target), "httpx2>=2.16,<3", "httpcore2>=2.16,<3",
         "truststore>=0.10"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    code = (
        "import httpx2; httpx2.alias_httpx()\n"
        "import httpx, sys, pytest\n"
        "assert httpx.__name__ == 'httpx2', httpx\n"
        "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', *sys.argv[1:]]))\n"
    )
    suites = ["unit/test_deadline.py", "unit/test_hostile_replies.py", "unit/test_client_core.py"]
    suites += ["emulator/test_secrets_leak.py"]
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", code, *(str(REPO / "tests" / s) for s in suites)],
        capture_output=True,
        text=True,
        timeout=800,
        env=env,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout[-5000:]
