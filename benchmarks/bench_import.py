"""Cold import time of the toolkit vs ``import httpx``.

What "cold" means here: a fresh interpreter per measurement (nothing imported yet) with a
warm bytecode cache — what a CLI invocation, a serverless cold start or a test worker
pays. Each figure is the wall time of ``python -c "import X"`` minus the wall time of
``python -c "pass"`` (interpreter startup, site, the venv's .pth files), median of
``ROUNDS`` runs. The targets are run round-robin in a shuffled order each round, so slow
drift of the machine hits every target alike.

Why against httpx: the generated client is an httpx + attrs package, so ``import httpx``
is the floor any such client pays. Target: ≤ 1.5x. ``wxkefu_client.api.message.sync_msg``
is the expensive case: an endpoint module imports the models package, which eagerly
imports every model unless the generator templates make it lazy (codegen-notes §6).
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import time
from typing import Any

ROUNDS = 5 if os.environ.get("WXKEFU_BENCH_QUICK") == "1" else 15
TARGET = 1.5
BASELINE = "httpx"
SUBJECTS = (
    "wxkefu_ext",
    "wxkefu_ext.client",  # what `from wxkefu_ext.client import KfClient` costs
    "wxkefu_client",
    "wxkefu_client.api.message.sync_msg",
)


def _argv(module: str | None) -> list[str]:
    return [sys.executable, "-c", "pass" if module is None else f"import {module}"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a cold start still has its .pyc files
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def _wall(module: str | None, env: dict[str, str]) -> float:
    """Seconds for one fresh interpreter to start and (optionally) import a module."""
    t0 = time.perf_counter()
    subprocess.run(_argv(module), env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def importable(module: str, env: dict[str, str]) -> str | None:
    """None if ``module`` imports in a fresh interpreter, else the last line of the error.

    Also primes the bytecode cache, so the timed runs measure imports, not compiling.
    """
    proc = subprocess.run(_argv(module), env=env, capture_output=True, text=True, check=False)
    if proc.returncode == 0:
        return None
    lines = proc.stderr.strip().splitlines()
    return lines[-1] if lines else f"exit {proc.returncode}"


def heaviest_imports(module: str, env: dict[str, str], top: int = 3) -> str:
    """The modules with the largest cumulative time under ``-X importtime`` (a hint)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m and m.group(4) != module and len(m.group(3)) <= 3:  # direct children only
            rows.append((int(m.group(2)), m.group(4)))
    rows.sort(reverse=True)
    return ", ".join(f"{name} {us / 1000:.0f} ms" for us, name in rows[:top])


def measure(
    modules: list[str], rounds: int, env: dict[str, str], seed: int = 7
) -> dict[str | None, list[float]]:
    """Interleaved wall times: every round runs startup and each module once."""
    rng = random.Random(seed)
    order: list[str | None] = [None, *modules]
    samples: dict[str | None, list[float]] = {m: [] for m in order}
    for _ in range(rounds):
        rng.shuffle(order)
        for m in order:
            samples[m].append(_wall(m, env))
    return samples


def run() -> list[dict[str, Any]]:
    env = _env()
    problem = importable(BASELINE, env)
    if problem is not None:
        raise RuntimeError(f"baseline `import {BASELINE}` fails: {problem}")
    missing = {m: importable(m, env) for m in SUBJECTS}
    present = [m for m in SUBJECTS if missing[m] is None]
    samples = measure([BASELINE, *present], ROUNDS, env)
    startup = statistics.median(samples[None])

    def added_ms(module: str) -> float:
        # Paired per round (same moment, same machine state), then the median.
        diffs = [t - s for t, s in zip(samples[module], samples[None], strict=True)]
        return max(statistics.median(diffs), 0.0) * 1000

    baseline_ms = max(added_ms(BASELINE), 1e-3)

    rows: list[dict[str, Any]] = []
    for module in SUBJECTS:
        name = f"import: cold `import {module}` vs `import {BASELINE}`"
        if missing[module] is not None:
            rows.append(
                {
                    "name": name,
                    "value": None,
                    "unit": "ms",
                    "baseline": round(baseline_ms, 2),
                    "ratio": None,
                    "target": f"<= {TARGET}x",
                    "ok": None,
                    "note": f"not importable: {missing[module]}",
                }
            )
            continue
        value_ms = added_ms(module)
        ratio = value_ms / baseline_ms
        note = f"median of {ROUNDS} fresh interpreters, startup {startup * 1000:.0f} ms subtracted"
        if value_ms < 1.0:
            note += "; indistinguishable from interpreter startup"
        if ratio > TARGET:
            note += f"; heaviest direct imports: {heaviest_imports(module, env)}"
        rows.append(
            {
                "name": name,
                "value": round(value_ms, 2),
                "unit": "ms",
                "baseline": round(baseline_ms, 2),
                "ratio": round(ratio, 3),
                "target": f"<= {TARGET}x",
                "ok": ratio <= TARGET,
                "note": note,
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
