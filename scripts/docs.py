#!/usr/bin/env python3
"""`make docs`: the API reference page and the spec's second linter and second generator.

Why this exists: teams that do not use Python read ``openapi/wxkefu.yaml`` through a
rendered page, and the spec must not depend on one tool's reading of it. So this script

1. installs the pinned Node tools (``package.json`` / ``package-lock.json``) with
   ``npm ci`` when ``node_modules`` is missing or was installed from another lock file;
2. lints the spec with ``redocly lint`` and ``redocly.yaml`` (an independent linter:
   errors fail the build, warnings are printed);
3. renders ``site/index.html`` with ``redocly build-docs --inlineBundle`` (Redoc, one
   self-contained file: it loads nothing from a CDN, so it works offline and from disk);
4. generates ``site/wxkefu.d.ts`` with ``openapi-typescript`` (a second, independent
   generator) and type-checks ``scripts/ts-consumer.ts`` against it with
   ``tsc --noEmit --strict``, so a TypeScript team can really use the spec.

Usage: ``python scripts/docs.py [--spec PATH] [--out DIR] [--skip-lint]``. Exit status 0 on
success, 1 when a step fails, 2 when a prerequisite (node, npm, the spec) is missing.
Telemetry and update checks of the Node tools are turned off; nothing is fetched at
build time except the npm packages themselves by ``npm ci``.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "openapi" / "wxkefu.yaml"
DEFAULT_OUT = ROOT / "site"
REDOCLY_CONFIG = ROOT / "redocly.yaml"
TS_CONSUMER = ROOT / "scripts" / "ts-consumer.ts"
MIN_NODE_MAJOR = 20

#: Written into node_modules after a successful ``npm ci``: the sha256 of the lock file it
#: installed. A different hash means node_modules is stale and is reinstalled.
STAMP_NAME = ".wxkefu-lock.sha256"

#: Node tools this script runs, relative to node_modules/.bin.
TOOLS = ("redocly", "openapi-typescript", "tsc")

#: Redocly prints a boxed Node 20 end-of-life banner on every run; it is noise here.
_BANNER_LINE = re.compile(r"^\s*[╔║╚═].*$")


class DocsError(Exception):
    """A step of the docs build failed; the message says which and why."""


class PrerequisiteError(DocsError):
    """Something the build needs (node, npm, the spec, a config file) is missing."""


@dataclass(frozen=True)
class DocsResult:
    """What a successful build produced."""

    html: Path
    typescript: Path
    spec_copy: Path
    lint_output: str


def node_env() -> dict[str, str]:
    """The environment for every Node tool: no telemetry, no update or funding notices."""
    env = dict(os.environ)
    env.update(
        {
            "REDOCLY_TELEMETRY": "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
            "npm_config_audit": "false",
            "npm_config_fund": "false",
            "npm_config_update_notifier": "false",
            "NO_UPDATE_NOTIFIER": "1",
            "NODE_NO_WARNINGS": "1",
        }
    )
    return env


def strip_banner(text: str) -> str:
    """Drop Redocly's boxed deprecation banner and the blank lines around it."""
    lines = [ln for ln in text.splitlines() if not _BANNER_LINE.match(ln)]
    return "\n".join(lines).strip("\n")


def check_node() -> tuple[str, str]:
    """Return the paths of ``node`` and ``npm``, or raise with an actionable message."""
    node = shutil.which("node")
    npm = shutil.which("npm")
    missing = [name for name, path in (("node", node), ("npm", npm)) if path is None]
    if missing or node is None or npm is None:
        raise PrerequisiteError(
            f"{' and '.join(missing)} not found on PATH: `make docs` needs Node.js "
            f">= {MIN_NODE_MAJOR} with npm (Debian: `apt-get install nodejs npm`)"
        )
    out = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    match = re.match(r"v(\d+)\.", out.stdout.strip())
    if out.returncode != 0 or match is None:
        raise PrerequisiteError(f"`node --version` failed: {out.stdout}{out.stderr}".strip())
    if int(match.group(1)) < MIN_NODE_MAJOR:
        raise PrerequisiteError(
            f"Node.js {out.stdout.strip()} is too old: the pinned docs tools need "
            f">= {MIN_NODE_MAJOR}"
        )
    return node, npm


def lock_digest(root: Path = ROOT) -> str:
    """sha256 of package-lock.json: identifies the exact tool set node_modules must hold."""
    lock = root / "package-lock.json"
    if not lock.is_file():
        raise PrerequisiteError(f"{lock} is missing: it pins the docs tools (run `npm install`)")
    return hashlib.sha256(lock.read_bytes()).hexdigest()


def node_modules_current(root: Path = ROOT) -> bool:
    """True when node_modules was installed from the current lock file and has every tool."""
    modules = root / "node_modules"
    stamp = modules / STAMP_NAME
    if not stamp.is_file() or stamp.read_text().strip() != lock_digest(root):
        return False
    return all((modules / ".bin" / tool).exists() for tool in TOOLS)


@contextlib.contextmanager
def _install_lock(root: Path) -> Iterator[None]:
    """Serialise ``npm ci`` between concurrent builds (``make docs`` and the tests)."""
    key = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"wxkefu-npm-{key}.lock"
    with path.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_node_deps(root: Path = ROOT, *, log: bool = True) -> None:
    """Run ``npm ci`` when node_modules is missing or stale (safe to call every time)."""
    _, npm = check_node()
    with _install_lock(root):
        if node_modules_current(root):
            return
        digest = lock_digest(root)
        if log:
            print("docs: installing pinned Node tools with `npm ci` ...", flush=True)
        proc = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=root,
            env=node_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise DocsError(
                "`npm ci` failed (is the npm registry reachable?):\n"
                + strip_banner(proc.stdout + proc.stderr)
            )
        (root / "node_modules" / STAMP_NAME).write_text(digest + "\n")
        missing = [t for t in TOOLS if not (root / "node_modules" / ".bin" / t).exists()]
        if missing:
            raise DocsError(f"`npm ci` succeeded but these tools are missing: {missing}")


def tool(name: str, root: Path = ROOT) -> str:
    """Path of a pinned Node tool in node_modules/.bin."""
    return str(root / "node_modules" / ".bin" / name)


def run_tool(step: str, argv: Sequence[str], *, cwd: Path = ROOT) -> str:
    """Run one Node tool; return its (banner-free) output or raise naming the step."""
    proc = subprocess.run(
        list(argv), cwd=cwd, env=node_env(), capture_output=True, text=True, check=False
    )
    output = strip_banner(proc.stdout + "\n" + proc.stderr)
    if proc.returncode != 0:
        raise DocsError(f"{step} failed (exit {proc.returncode}):\n{output}")
    return output


def lint(spec: Path, *, root: Path = ROOT, config: Path = REDOCLY_CONFIG) -> str:
    """``redocly lint`` with the project's rules; raises DocsError on any error-level finding."""
    return run_tool(
        "redocly lint",
        [tool("redocly", root), "lint", str(spec), "--config", str(config), "--format=stylish"],
        cwd=root,
    )


def build_html(spec: Path, html: Path, *, root: Path = ROOT) -> None:
    """Render the self-contained Redoc page (scripts inlined: no CDN at view time)."""
    run_tool(
        "redocly build-docs",
        [
            tool("redocly", root),
            "build-docs",
            str(spec),
            "--output",
            str(html),
            "--inlineBundle",
            "--config",
            str(REDOCLY_CONFIG),
            "--title",
            "wxkefu — WeCom Kf API reference",
        ],
        cwd=root,
    )
    if not html.is_file() or html.stat().st_size == 0:
        raise DocsError(f"redocly build-docs reported success but wrote no {html}")


def build_typescript(spec: Path, dts: Path, *, root: Path = ROOT) -> None:
    """Generate TypeScript types and compile the consumer file against them (strict)."""
    # Run outside the repository: openapi-typescript would pick up ./redocly.yaml and re-validate
    # the examples without .redocly.lint-ignore.yaml (the open discriminated unions Ajv cannot
    # compile, see that file); `redocly lint` above already checked the spec with both.
    with tempfile.TemporaryDirectory(prefix="wxkefu-ots-") as neutral:
        run_tool(
            "openapi-typescript",
            [tool("openapi-typescript", root), str(spec.resolve()), "--output", str(dts.resolve())],
            cwd=Path(neutral),
        )
    if not dts.is_file() or dts.stat().st_size == 0:
        raise DocsError(f"openapi-typescript reported success but wrote no {dts}")
    # The consumer imports "./wxkefu": compile a copy placed beside a copy of the types,
    # so the check never depends on where --out points.
    with tempfile.TemporaryDirectory(prefix="wxkefu-tsc-") as tmp:
        shutil.copyfile(dts, Path(tmp) / "wxkefu.d.ts")
        shutil.copyfile(TS_CONSUMER, Path(tmp) / "ts-consumer.ts")
        try:
            run_tool(
                "tsc --noEmit --strict on scripts/ts-consumer.ts (against the generated types)",
                [
                    tool("tsc", root),
                    "--noEmit",
                    "--strict",
                    "--noUncheckedIndexedAccess",
                    "--target",
                    "ES2022",
                    "--module",
                    "ESNext",
                    "--moduleResolution",
                    "Bundler",
                    "ts-consumer.ts",
                ],
                cwd=Path(tmp),
            )
        except DocsError as exc:
            # Point the reader at the file they edit, not at the temporary copy.
            text = re.sub(r"^ts-consumer\.ts\(", "scripts/ts-consumer.ts(", str(exc), flags=re.M)
            raise DocsError(text) from None


def build_docs(
    spec: Path = DEFAULT_SPEC,
    out: Path = DEFAULT_OUT,
    *,
    root: Path = ROOT,
    skip_lint: bool = False,
    log: bool = True,
) -> DocsResult:
    """Run every step; return the produced files. Raises DocsError/PrerequisiteError."""
    spec = spec.resolve()
    if not spec.is_file():
        raise PrerequisiteError(
            f"spec {spec} not found: `make gen` bundles openapi/src/*.yaml into it"
        )
    for needed in (REDOCLY_CONFIG, TS_CONSUMER):
        if not needed.is_file():
            raise PrerequisiteError(f"{needed} is missing")
    ensure_node_deps(root, log=log)
    out.mkdir(parents=True, exist_ok=True)

    def step(name: str) -> float:
        if log:
            print(f"docs: {name} ...", flush=True)
        return time.perf_counter()

    lint_output = ""
    if not skip_lint:
        t0 = step("redocly lint")
        lint_output = lint(spec, root=root)
        if log:
            print(_summarise_lint(lint_output), f"({time.perf_counter() - t0:.1f}s)")
    html = out / "index.html"
    t0 = step("redocly build-docs")
    build_html(spec, html, root=root)
    if log:
        print(
            f"docs:   wrote {html} ({html.stat().st_size // 1024} KiB, "
            f"{time.perf_counter() - t0:.1f}s)"
        )
    dts = out / "wxkefu.d.ts"
    t0 = step("openapi-typescript + tsc --strict")
    build_typescript(spec, dts, root=root)
    if log:
        print(
            f"docs:   wrote {dts}; scripts/ts-consumer.ts compiles "
            f"({time.perf_counter() - t0:.1f}s)"
        )
    # Other-language teams want the raw spec next to the page.
    spec_copy = out / "wxkefu.yaml"
    shutil.copyfile(spec, spec_copy)
    return DocsResult(html=html, typescript=dts, spec_copy=spec_copy, lint_output=lint_output)


def _summarise_lint(output: str) -> str:
    """The lint findings (warnings included) without Redocly's chatter."""
    keep = [
        ln
        for ln in output.splitlines()
        if ln.strip()
        and not ln.startswith(("validating ", "run `redocly lint"))
        and "validated in" not in ln
    ]
    return "\n".join("docs:   " + ln for ln in keep)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="bundled OpenAPI file")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--skip-lint", action="store_true", help="do not run redocly lint")
    args = parser.parse_args(argv)
    try:
        result = build_docs(args.spec, args.out, skip_lint=args.skip_lint)
    except PrerequisiteError as exc:
        print(f"docs: error: {exc}", file=sys.stderr)
        return 2
    except DocsError as exc:
        print(f"docs: error: {exc}", file=sys.stderr)
        return 1
    print(f"docs: done — open {result.html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
