"""Every script in examples/ runs against the emulator: exit 0 and its meaningful line.

Each runs in a subprocess with a clean environment (no WXKF_* variables → emulator mode) and a
timeout, exactly as a user would start it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

#: script → a regex its stdout must match (the line that proves it did its job).
EXPECTED: dict[str, str] = {
    "get_token.py": r"access_token=\S{4}…\S{4} \(\d+ chars, masked\)",
    "callback_server.py": r"verified \+ decrypted: kf_msg_or_event open_kfid=\S+",
    "keygen_example.py": r"ENCODING_AES_KEY=[A-Za-z0-9]{43}\n",
    "error_help.py": r"caught \w+Error errcode=\d+",
    "pull_messages.py": r"pulled [1-9]\d* message\(s\).*\n.*second drain .*: 0 new",
    "send_text.py": r"send_msg: errcode=0 msgid=\S+",
    "send_image.py": r"sent image media_id=\S+ msgid=\S+",
    "send_link.py": r"sent link msgid=\S+\nrejected before sending: link\.",
    "send_welcome_text.py": r"welcome text msgid=\S+",
    "send_welcome_menu.py": r"welcome menu with 4 items msgid=\S+",
    "recall_msg.py": r"recalled msgid=\S+",
    "media_upload.py": r"uploaded pixel\.png \(\d+ bytes\): media_id=\S+",
    "media_get.py": r"bytes identical to the upload\nrange 0-7: 8 bytes, status 206",
    "customer_batchget.py": r"invalid: \['wmUnknownCustomer'\]",
    "account_add.py": r"open_kfid=\S+",
    "account_del.py": r"deleted \S+; still listed: False",
    "account_more.py": r"account \S+ name='客服B'(.|\n)*contact link: https?://\S+",
    "bot.py": r"bot: welcomed \S+(.|\n)*bot: replied to(.|\n)*bot round-trip complete",
    "redis_shared_token.py": r"one gettoken for \d+ clients",
    "distributed_sync.py": r"handled \d+ message\(s\), \d+ unique, by 2 workers",
    "task_queue_handoff.py": r"task drained \S+: [1-9]\d* message\(s\) handled after a 200",
    "provider_bot.py": r"installed in 3 corps\n(.|\n)*bot: replied in 3 corps\n"
    r"refused for \S+: AuthorizationCancelledError",
}
NEEDS_REDIS = {"redis_shared_token.py", "distributed_sync.py", "task_queue_handoff.py"}
OFFLINE = {"keygen_example.py"}


def test_every_example_is_tested() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py") if not p.name.startswith("_")}
    assert scripts == set(EXPECTED)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WXKF_")}
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("PORT", None)
    return env


@pytest.mark.parametrize("script", sorted(EXPECTED))
def test_example_runs_against_the_emulator(script: str, request: pytest.FixtureRequest) -> None:
    if script in NEEDS_REDIS:
        request.getfixturevalue("redis_url")
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / script)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        env=_env(),
    )
    assert proc.returncode == 0, f"{script} failed:\n{proc.stdout}\n{proc.stderr}"
    assert re.search(EXPECTED[script], proc.stdout), proc.stdout
    assert "Traceback" not in proc.stderr


def test_example_failure_is_explained_not_a_traceback(tmp_path: Path) -> None:
    """Real mode with a wrong base URL: exit 1, one explained line, no secret."""
    env = _env()
    env.update(
        WXKF_CORP_ID="wwdeadbeef00000000",
        WXKF_APP_SECRET="sup3r-s3cret-value-0123456789",
        WXKF_BASE_URL="http://127.0.0.1:9/cgi-bin",
    )
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "get_token.py")],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        env=env,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("error: ")
    assert "Traceback" not in proc.stderr
    assert "sup3r-s3cret" not in proc.stdout + proc.stderr


# ---------------------------------------------------------------------------------------------
# Type-checked as users will run them: README snippets and every example under mypy --strict
# ---------------------------------------------------------------------------------------------

README = ROOT / "README.md"


def readme_snippets() -> list[str]:
    """Every ```python block of the README (```py marks an illustration that is not a whole
    program, e.g. a conftest.py + test file pair)."""
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def _mypy(*targets: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["MYPYPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "generated")])
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--explicit-package-bases",
         "--no-incremental", "--cache-dir", os.devnull, *targets],
        capture_output=True, text=True, timeout=300, cwd=cwd, env=env,
    )  # fmt: skip


def test_readme_has_a_runnable_snippet() -> None:
    snippets = readme_snippets()
    assert snippets, "the README lost its Python snippet"
    assert any("base_url=" in s and "kf.account.list" in s for s in snippets)


@pytest.mark.slow  # a cold mypy --strict run, ~30 s of CPU: full profile
def test_readme_snippets_pass_mypy_strict(tmp_path: Path) -> None:
    files = []
    for i, code in enumerate(readme_snippets()):
        path = tmp_path / f"readme_snippet_{i}.py"
        path.write_text(code, encoding="utf-8")
        files.append(str(path))
    proc = _mypy(*files, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("index", range(len(readme_snippets())))
def test_readme_snippet_runs_as_written(index: int, tmp_path: Path) -> None:
    path = tmp_path / "snippet.py"
    path.write_text(readme_snippets()[index], encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=60, cwd=tmp_path,
        env=_env(),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "created wk" in proc.stdout and "sent " in proc.stdout


@pytest.mark.slow  # a cold mypy --strict run, ~30 s of CPU: full profile
def test_examples_pass_mypy_strict() -> None:
    proc = _mypy(".", cwd=EXAMPLES)
    assert proc.returncode == 0, proc.stdout + proc.stderr
