#!/usr/bin/env python3
"""`make bench`: run every ``benchmarks/bench_*.py``, print one table, write results.json.

Each benchmark module exposes ``run() -> list[dict]``; a row has the keys

    name      what is measured ("client: KfClient.request vs httpx.Client.post")
    value     our figure (float, or None when it could not be measured)
    unit      unit of value and baseline ("ms", "µs/call", "msg/s", "MB")
    baseline  the same figure for the baseline, measured in the same run
    ratio     value / baseline (or the inverse for higher-is-better figures; the module
              decides and says so in the name/target)
    target    the goal for ratio, e.g. "<= 1.15x" (None when the row is informational)
    ok        True/False against the target, None when there is no target
    note      optional free text (how it was measured, why it is missing)

Why a child process per module: benchmarks must not see each other's imports, caches,
threads or peak RSS (the streamed-download figure is a memory high-water mark, and the
import figures need an interpreter that has not imported anything). A module that is
missing gives a "not available" row; one that crashes or overruns its time gives a
failed row with the reason, and the runner exits 1 so a broken benchmark is noticed.
Missed targets are reported (ok = False) but do not change the exit status unless
``--strict`` is given: timings on a shared 2-core machine are noisy.

Usage: ``python benchmarks/run.py [--only NAME ...] [--quick] [--strict] [--json PATH]``.
The whole run is designed to finish in well under 5 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.json"

#: Modules that issue 7 asks for; each appears in the table even when it is missing.
EXPECTED = ("bench_callback", "bench_client", "bench_sync", "bench_import", "bench_media")

#: Seconds one module may take before it is stopped (5 modules must fit in 5 minutes).
DEFAULT_TIMEOUT = 150.0

#: Set for the child processes by --quick; modules may shrink their counts when it is "1".
QUICK_ENV = "WXKEFU_BENCH_QUICK"

#: The benchmark column wraps beyond this many characters.
NAME_WIDTH = 64

ROW_KEYS = ("name", "value", "unit", "baseline", "ratio", "target", "ok")


class BenchError(Exception):
    """A benchmark module broke its contract (bad rows, crash, timeout)."""


def discover(only: Sequence[str] = ()) -> list[str]:
    """Module names to run: the expected ones plus any other bench_*.py, sorted."""
    found = {p.stem for p in HERE.glob("bench_*.py")}
    names = sorted(found | set(EXPECTED))
    if only:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in only}
        unknown = wanted - set(names)
        if unknown:
            raise SystemExit(f"bench: unknown benchmark(s): {', '.join(sorted(unknown))}")
        names = [n for n in names if n in wanted]
    return names


def _finite(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def validate_row(module: str, row: Any) -> dict[str, Any]:
    """Check one row against the contract; return a normalised copy."""
    if not isinstance(row, Mapping):
        raise BenchError(f"{module}: a row is {type(row).__name__}, expected dict")
    missing = [k for k in ROW_KEYS if k not in row]
    if missing:
        raise BenchError(f"{module}: row {row.get('name')!r} lacks keys {missing}")
    out = dict(row)
    if not isinstance(out["name"], str) or not out["name"]:
        raise BenchError(f"{module}: row name must be a non-empty string")
    for key in ("value", "baseline", "ratio"):
        if out[key] is not None and not _finite(out[key]):
            raise BenchError(f"{module}: {out['name']}: {key}={out[key]!r} is not a number")
    if out["ok"] is not None and not isinstance(out["ok"], bool):
        raise BenchError(f"{module}: {out['name']}: ok must be true, false or null")
    out["module"] = module
    out["status"] = "measured"
    return out


def unavailable(module: str, reason: str, *, failed: bool = False) -> dict[str, Any]:
    """The row shown for a module that is missing (or that failed)."""
    return {
        "module": module,
        "name": f"{module.removeprefix('bench_')}: {'FAILED' if failed else 'not available'}",
        "value": None,
        "unit": "",
        "baseline": None,
        "ratio": None,
        "target": None,
        "ok": False if failed else None,
        "note": reason,
        "status": "failed" if failed else "missing",
    }


_CHILD = """
import json, sys
sys.path.insert(0, {here!r})
import importlib.util
spec = importlib.util.spec_from_file_location({name!r}, {path!r})
mod = importlib.util.module_from_spec(spec)
sys.modules[{name!r}] = mod
spec.loader.exec_module(mod)
rows = mod.run()
with open({out!r}, "w", encoding="utf-8") as fh:
    json.dump(rows, fh, default=repr)
"""


def run_module(name: str, *, timeout: float, quick: bool) -> list[dict[str, Any]]:
    """Run one module's ``run()`` in a fresh interpreter and return its validated rows."""
    path = HERE / f"{name}.py"
    if not path.is_file():
        return [unavailable(name, f"benchmarks/{name}.py does not exist (yet)")]
    if importlib.util.find_spec("wxkefu_ext") is None:
        return [unavailable(name, "wxkefu_ext is not installed (run `make venv`)", failed=True)]
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    if quick:
        env[QUICK_ENV] = "1"
    with tempfile.TemporaryDirectory(prefix="wxkefu-bench-") as tmp:
        out = Path(tmp) / "rows.json"
        code = _CHILD.format(here=str(HERE), name=name, path=str(path), out=str(out))
        try:
            proc = subprocess.run(
                [sys.executable, "-c", code],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return [unavailable(name, f"stopped after {timeout:.0f}s", failed=True)]
        if proc.returncode != 0 or not out.is_file():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            return [unavailable(name, f"exit {proc.returncode}: {tail[0]}", failed=True)]
        rows = json.loads(out.read_text(encoding="utf-8"))
    if not isinstance(rows, list) or not rows:
        return [unavailable(name, "run() returned no rows", failed=True)]
    try:
        return [validate_row(name, r) for r in rows]
    except BenchError as exc:
        return [unavailable(name, str(exc), failed=True)]


def _fmt(x: Any, unit: str = "") -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        digits = 3 if abs(x) < 10 else (1 if abs(x) < 1000 else 0)
        text = f"{x:,.{digits}f}"
    else:
        text = str(x)
    return f"{text} {unit}".rstrip()


def table(rows: Sequence[Mapping[str, Any]]) -> str:
    """A plain-text table (no dependencies, readable in CI logs)."""
    head = ("benchmark", "value", "baseline", "ratio", "target", "ok")
    body = []
    for r in rows:
        ok = {True: "yes", False: "NO", None: ""}[r["ok"]]
        ratio = "—" if r["ratio"] is None else f"{r['ratio']:.2f}x"
        body.append(
            (
                str(r["name"]),
                _fmt(r["value"], str(r["unit"])),
                _fmt(r["baseline"], str(r["unit"])),
                ratio,
                "" if r["target"] is None else str(r["target"]),
                ok,
            )
        )
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    widths[0] = min(widths[0], NAME_WIDTH)

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    out = [line(head), "  ".join("-" * w for w in widths)]
    for cells in body:
        # Long names wrap; the figures stay on the name's last line.
        parts = textwrap.wrap(cells[0], widths[0]) or [""]
        out += [line((part, *("",) * (len(cells) - 1))) for part in parts[:-1]]
        out.append(line((parts[-1], *cells[1:])))
    notes = [f"  [{r['name']}] {r['note']}" for r in rows if r.get("note")]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)


def environment() -> dict[str, Any]:
    """Where the figures were measured (ratios only compare within one run)."""
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the wxkefu benchmarks.")
    parser.add_argument("--only", nargs="+", default=(), help="module names (e.g. client)")
    parser.add_argument("--quick", action="store_true", help=f"set {QUICK_ENV}=1 (smoke run)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="s per module")
    parser.add_argument("--json", type=Path, default=RESULTS, help="where to write results")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    timings: dict[str, float] = {}
    for name in discover(args.only):
        t0 = time.perf_counter()
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        rows.extend(run_module(name, timeout=args.timeout, quick=args.quick))
        timings[name] = round(time.perf_counter() - t0, 2)
    elapsed = time.perf_counter() - started

    print(table(rows))
    print(f"\n{len(rows)} figures in {elapsed:.0f}s; written to {args.json}")
    document = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "elapsed_s": round(elapsed, 2),
        "quick": args.quick,
        "environment": environment(),
        "module_seconds": timings,
        "results": rows,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")

    failed = [r for r in rows if r["status"] == "failed"]
    missed = [r for r in rows if r["status"] == "measured" and r["ok"] is False]
    if failed:
        print(f"bench: {len(failed)} benchmark module(s) failed", file=sys.stderr)
        return 1
    if missed and args.strict:
        print(f"bench: {len(missed)} target(s) missed (--strict)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
