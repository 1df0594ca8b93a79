#!/usr/bin/env python3
"""`make polyglot`: prove that openapi/wxkefu.yaml generates WORKING clients in other languages.

For each generator: generate from the bundled spec, unchanged, into a temporary folder; compile
or type-check the result together with a short program in that language (scripts/polyglot/<lang>/);
run the program against an emulator served on 127.0.0.1. Each program gets a token, uploads an
avatar, creates and lists an account, makes the customer write through the control API, injects
an item of a type the spec does not know (``POST /_emulator/items/raw``), pulls with sync_msg and
dispatches every item by its type (the unknown one must keep its raw fields), sends a text reply
and checks the delivery through the control API. Then, as a service provider (third-party app),
each program runs the authorisation flow with the generated `/service/*` calls: get_suite_token
→ get_pre_auth_code → set_session_info → the corp installs (``POST /_emulator/provider/install``,
which yields an auth_code) → v2/get_permanent_code → v2/get_auth_info → get_corp_token, and lists
the corp's Kf accounts with that corp token. The suite, a corp of its own per language with one
Kf account, and a fresh suite_ticket are set up here (:func:`provider_env`), the same for all.

Tools are installed on first use and reused afterwards (stamp files under build/polyglot/):
Debian packages (golang-go, Jackson, Apache httpclient/httpmime, jsr305, javax.annotation) through
apt-get when missing; openapi-generator-cli and datamodel-code-generator in a venv of their own;
the TypeScript tools from scripts/polyglot/package.json (exact versions, package-lock.json).

Usage: scripts/polyglot/run.py [--only go,java,...] [--keep]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "scripts" / "polyglot"
SPEC = ROOT / "openapi" / "wxkefu.yaml"
GENERATORS = ROOT / "openapi" / "generators"
TOOLS = ROOT / "build" / "polyglot"
VENV = TOOLS / "venv"
NODE = TOOLS / "node"
PROJECT_PY = ROOT / ".venv" / "bin" / "python"
CORP_ID = "wwemulator0000001"
CORP_SECRET = "emulator-corp-secret-0000000000000000000000"
SUITE_ID = "wwpolyglotsuite01"
SUITE_SECRET = "polyglot-suite-secret-000000000000000"

APT_PACKAGES = (
    "golang-go",
    "golang-gopkg-validator.v2-dev",
    "libjackson2-core-java",
    "libjackson2-databind-java",
    "libjackson2-annotations-java",
    "libhttpclient-java",
    "libhttpmime-java",
    "libjsr305-java",
    "libgeronimo-annotation-1.3-spec-java",
)
JARS = (
    "jackson-annotations",
    "jackson-core",
    "jackson-databind",
    "httpclient",
    "httpcore",
    "httpmime",
    "commons-logging",
    "jsr305",
    "geronimo-annotation-1.3-spec",
)
STEP_TIMEOUT = 600


class PolyglotError(Exception):
    """One step of one language failed; the message names the step and carries its output."""


def run(argv: Sequence[str | Path], *, cwd: Path | None = None, env: dict[str, str] | None = None,
        step: str, timeout: float = STEP_TIMEOUT) -> str:  # fmt: skip
    """Run a command; return stdout+stderr, or raise PolyglotError naming ``step``."""
    try:
        proc = subprocess.run(
            [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True,
            timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        raise PolyglotError(f"{step}: timed out after {timeout:.0f}s") from exc
    out = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise PolyglotError(f"{step} failed (exit {proc.returncode}):\n{out[-6000:]}")
    return out


def _stamp_ok(stamp: Path, digest: str) -> bool:
    return stamp.is_file() and stamp.read_text() == digest


def _digest(*files: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()


# --------------------------------------------------------------------------- tools


def ensure_apt() -> None:
    """Install the Debian packages that are missing (dpkg-query first: no apt call when done)."""
    missing = []
    for pkg in APT_PACKAGES:
        q = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in q.stdout:
            missing.append(pkg)
    if not missing:
        return
    print(f"polyglot: apt-get install {' '.join(missing)}", flush=True)
    run(["apt-get", "update", "-q"], step="apt-get update", timeout=900)
    run(["apt-get", "install", "-y", "-q", *missing], step="apt-get install", timeout=900)


def ensure_venv() -> None:
    req = HERE / "requirements.txt"
    stamp = VENV / ".installed"
    if _stamp_ok(stamp, _digest(req)):
        return
    print("polyglot: installing", req.relative_to(ROOT), flush=True)
    if not (VENV / "bin" / "python").exists():
        run([sys.executable, "-m", "venv", VENV], step="venv")
    run([VENV / "bin" / "python", "-m", "pip", "install", "-q", "-r", req], step="pip install",
        timeout=900)  # fmt: skip
    stamp.write_text(_digest(req))


def ensure_node() -> None:
    files = (HERE / "package.json", HERE / "package-lock.json")
    stamp = NODE / ".installed"
    if _stamp_ok(stamp, _digest(*files)):
        return
    print("polyglot: npm ci (scripts/polyglot/package.json)", flush=True)
    NODE.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy2(f, NODE / f.name)
    run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NODE, step="npm ci", timeout=900)
    stamp.write_text(_digest(*files))


def generator_jar() -> Path:
    code = (
        "import openapi_generator_cli, pathlib; "
        "print(pathlib.Path(openapi_generator_cli.__file__).parent / 'openapi-generator.jar')"
    )
    out = run([VENV / "bin" / "python", "-c", code], step="locate openapi-generator.jar")
    return Path(out.strip().splitlines()[-1])


def jsr310_jar() -> Path:
    """jackson-datatype-jsr310 is not packaged in Debian bookworm; the generator's own jar bundles
    it, so its classes are copied out into a small jar of their own (once)."""
    target = TOOLS / "jackson-datatype-jsr310.jar"
    if target.is_file():
        return target
    src = generator_jar()
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w") as zout:
        for name in zin.namelist():
            if name.startswith("com/fasterxml/jackson/datatype/jsr310/"):
                zout.writestr(name, zin.read(name))
    tmp.replace(target)
    return target


def openapi_generator(generator: str, out: Path) -> None:
    run([VENV / "bin" / "openapi-generator-cli", "generate", "-g", generator,
         "-c", GENERATORS / f"{generator}.yaml", "-i", SPEC, "-o", out],
        step=f"openapi-generator {generator}")  # fmt: skip


# --------------------------------------------------------------------------- languages


def lang_go(work: Path, env: dict[str, str]) -> None:
    gopath = work / "gopath"
    openapi_generator("go", gopath / "src" / "wxkefu")
    shutil.rmtree(gopath / "src" / "wxkefu" / "test", ignore_errors=True)
    prog = gopath / "src" / "kfcheck"
    prog.mkdir(parents=True)
    shutil.copy2(HERE / "go" / "main.go", prog / "main.go")
    goenv = env | {
        "GOPATH": f"{gopath}:/usr/share/gocode",
        "GO111MODULE": "off",
        "GOFLAGS": "",
        "GOCACHE": str(TOOLS / "gocache"),
    }
    run(["go", "build", "-o", work / "kfcheck", "."], cwd=prog, env=goenv, step="go build")
    run(["go", "vet", ".", "../wxkefu"], cwd=prog, env=goenv, step="go vet")
    print(run([work / "kfcheck"], env=env, step="go program", timeout=120).strip())


def lang_java(work: Path, env: dict[str, str]) -> None:
    src = work / "java"
    openapi_generator("java", src)
    cp = ":".join([*(f"/usr/share/java/{j}.jar" for j in JARS), str(jsr310_jar())])
    files = [*sorted((src / "src" / "main" / "java").rglob("*.java")), HERE / "java" / "Main.java"]
    listing = work / "sources.txt"
    listing.write_text("\n".join(str(f) for f in files))
    classes = work / "classes"
    run(["javac", "-nowarn", "-encoding", "UTF-8", "-d", classes, "-cp", cp, f"@{listing}"],
        step="javac")  # fmt: skip
    print(run(["java", "-cp", f"{classes}:{cp}", "Main"], env=env, step="java program",
              timeout=120).strip().splitlines()[0])  # fmt: skip


TSC = ["--strict", "--noUncheckedIndexedAccess", "--target", "es2022", "--module", "nodenext",
       "--moduleResolution", "nodenext", "--types", "node", "--outDir", "out"]  # fmt: skip


def _ts_work(name: str) -> Path:
    """TS programs are compiled and run inside build/polyglot/node/ so that Node's ESM resolution
    finds the pinned packages (no global installs, no NODE_PATH for ESM)."""
    work = NODE / f"work-{name}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    return work


def _ts_compile_and_run(work: Path, program: str, env: dict[str, str]) -> None:
    shutil.copy2(HERE / "ts" / f"{program}.mts", work / f"{program}.mts")
    run([NODE / "node_modules" / ".bin" / "tsc", *TSC, f"{program}.mts"], cwd=work,
        step=f"tsc --strict ({program})")  # fmt: skip
    print(run(["node", f"out/{program}.mjs"], cwd=work, env=env, step=f"{program} program",
              timeout=120).strip())  # fmt: skip


def lang_openapi_fetch(_: Path, env: dict[str, str]) -> None:
    work = _ts_work("openapi-fetch")
    try:
        # --default-non-nullable false: a request field with a `default` (sync_msg `limit`) stays
        # optional, as the spec says; openapi-typescript 7 otherwise makes it required.
        run([NODE / "node_modules" / ".bin" / "openapi-typescript", SPEC,
             "--default-non-nullable", "false", "-o", work / "schema.d.ts"],
            cwd=work, step="openapi-typescript")  # fmt: skip
        _ts_compile_and_run(work, "openapi-fetch", env)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def lang_hey_api(_: Path, env: dict[str, str]) -> None:
    work = _ts_work("hey-api")
    try:
        run([NODE / "node_modules" / ".bin" / "openapi-ts", "-i", SPEC, "-o", work / "gen"],
            cwd=work, step="@hey-api/openapi-ts")  # fmt: skip
        _ts_compile_and_run(work, "hey-api", env)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def lang_python(work: Path, env: dict[str, str]) -> None:
    """Ours: openapi-python-client with the project's config and templates (scripts/gen.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import gen  # scripts/gen.py: the same generation `make gen` runs

    pkg = gen.generate(SPEC, work)
    prog = work / "ours.py"
    shutil.copy2(HERE / "python" / "ours.py", prog)
    pyenv = env | {"PYTHONPATH": str(pkg.parent)}
    venv_bin = Path(sys.executable).parent
    run([venv_bin / "mypy", "--strict", "--no-incremental", prog], cwd=work, env=pyenv,
        step="mypy --strict (openapi-python-client)")  # fmt: skip
    print(run([sys.executable, prog], cwd=work, env=pyenv, step="python program",
              timeout=120).strip())  # fmt: skip


def lang_pydantic(work: Path, env: dict[str, str]) -> None:
    shutil.copy2(GENERATORS / "datamodel-codegen.toml", work / "pyproject.toml")
    run([VENV / "bin" / "datamodel-codegen", "--input", SPEC, "--output", work / "models.py"],
        cwd=work, step="datamodel-codegen")  # fmt: skip
    shutil.copy2(HERE / "python" / "pydantic_models.py", work / "prog.py")
    shutil.copy2(HERE / "python" / "mypy-pydantic.ini", work / "mypy.ini")
    run([VENV / "bin" / "mypy", "--config-file", "mypy.ini", "--no-incremental", "prog.py",
         "models.py"], cwd=work, step="mypy --strict (pydantic)")  # fmt: skip
    print(run([VENV / "bin" / "python", "prog.py"], cwd=work, env=env, step="pydantic program",
              timeout=120).strip())  # fmt: skip


LANGS: dict[str, Callable[[Path, dict[str, str]], None]] = {
    "python": lang_python,
    "pydantic": lang_pydantic,
    "go": lang_go,
    "java": lang_java,
    "openapi-fetch": lang_openapi_fetch,
    "hey-api": lang_hey_api,
}


# --------------------------------------------------------------------------- emulator


class Emulator:
    """`python -m wxkefu_ext.emulator --port 0` as a child process; ``base`` is its …/cgi-bin."""

    def __init__(self) -> None:
        py = PROJECT_PY if PROJECT_PY.exists() else Path(sys.executable)
        self.proc = subprocess.Popen(
            [str(py), "-m", "wxkefu_ext.emulator", "--host", "127.0.0.1", "--port", "0"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://127.0.0.1:"):
            self.close()
            raise PolyglotError(f"emulator did not start (first line {line!r})")
        self.base = line

    def control(self, path: str, body: dict[str, str]) -> dict[str, str]:
        """POST to the emulator's control API; its reply, which must carry errcode 0."""
        request = urllib.request.Request(
            self.base.removesuffix("/cgi-bin") + path, data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"}, method="POST",
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                out: dict[str, str] = json.loads(reply.read())
        except OSError as exc:  # HTTPError (a 400 with the reason) included
            raise PolyglotError(f"control {path}: {exc}") from exc
        if out.get("errcode") != 0:
            raise PolyglotError(f"control {path}: {out}")
        return out

    def provider_env(self, lang: str) -> dict[str, str]:
        """The provider side for one language: a corp of its own with one Kf account, and a
        fresh suite_ticket (valid 30 minutes on the emulator clock; a Java build may take
        minutes, so each language gets its own). The program does the rest itself."""
        corp_id = f"wwpolyglot-{lang}"
        self.control("/_emulator/provider/corps", {"corp_id": corp_id, "name": f"{lang} 企业"})
        kfid = self.control("/_emulator/provider/corps/accounts", {"corp_id": corp_id})
        ticket = self.control("/_emulator/provider/suite_ticket", {"suite_id": SUITE_ID})
        return {"KF_SUITE_ID": SUITE_ID, "KF_SUITE_SECRET": SUITE_SECRET,
                "KF_SUITE_TICKET": ticket["suite_ticket"], "KF_PROVIDER_CORP_ID": corp_id,
                "KF_PROVIDER_KFID": kfid["open_kfid"]}  # fmt: skip

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated subset of " + ",".join(LANGS))
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    chosen = [x for x in args.only.split(",") if x] or list(LANGS)
    unknown = set(chosen) - set(LANGS)
    if unknown:
        parser.error(f"unknown language(s) {sorted(unknown)}; known: {', '.join(LANGS)}")
    TOOLS.mkdir(parents=True, exist_ok=True)
    ensure_apt()
    ensure_venv()
    ensure_node()
    failed: list[str] = []
    passed: list[str] = []
    emu = Emulator()
    try:
        emu.control("/_emulator/provider/suites", {"suite_id": SUITE_ID, "secret": SUITE_SECRET})
        kf_env = {"KF_BASE": emu.base, "KF_CORP_ID": CORP_ID, "KF_CORP_SECRET": CORP_SECRET}
        for name in chosen:
            work = Path(tempfile.mkdtemp(prefix=f"wxkefu-polyglot-{name}-"))
            t0 = time.monotonic()
            try:
                env = os.environ | kf_env | emu.provider_env(name)
                LANGS[name](work, env)
            except PolyglotError as exc:
                failed.append(name)
                print(f"polyglot: {name} FAILED\n{exc}", flush=True)
            else:
                passed.append(name)
                print(f"polyglot: {name} ok ({time.monotonic() - t0:.1f}s)", flush=True)
            finally:
                if not args.keep:
                    shutil.rmtree(work, ignore_errors=True)
                else:
                    print(f"polyglot: kept {work}")
    finally:
        emu.close()
    print(
        f"polyglot: {len(passed)} passed, {len(failed)} failed"
        + (f": {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
