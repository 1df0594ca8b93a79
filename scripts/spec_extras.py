"""Machine-readable extras added to the bundled spec by scripts/gen.py (one call, ``enrich``).

``x-errcodes`` on every operation: the sorted errcodes the operation can return, every one of
them a row of ``wxkefu_ext/data/errcodes.tsv`` (the table of wxkefu_ext.errors and the emulator),
so teams in other languages get errcode constants and hints from the same source. The codes are
gathered, not typed by hand, from:

* the operation's own description (every number there that is a known errcode);
* the emulator's handler for the operation (``ApiError(<code>, ...)`` in its body, plus the codes
  of the emulator helpers it calls: ``emu.account`` → 95000/95004, ...);
* the codes every call can get: -1 (busy) and 45009 (rate limit); secured operations also the
  token codes 41001/40014/42001 and 40058 (invalid parameter, the emulator's validation errcode).

A code missing from the table fails the bundle (typo guard).
"""

from __future__ import annotations

import ast
import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "wxkefu_ext" / "data" / "errcodes.tsv"
HANDLERS_DIR = ROOT / "wxkefu_ext" / "emulator" / "handlers"
EMULATOR_DIR = ROOT / "wxkefu_ext" / "emulator"
#: Operations the emulator serves in a method of its own (any emulator module), not in handlers/.
CORE_METHODS: Mapping[str, str] = {"getToken": "check_credentials"}

ALWAYS = (-1, 45009)
SECURED = (40058, 41001, 40014, 42001)
#: Emulator helpers (methods of the Emulator or module functions) and the codes they raise.
HELPER_CODES: Mapping[str, tuple[int, ...]] = {
    "account": (95000, 95004),
    "customer": (40096,),
    "live_media": (40007,),
    "session": (95013,),
}
_NUMBER = re.compile(r"(?<![\w.])(-1|\d{5,6})(?![\w.])")


class ExtrasError(Exception):
    """An errcode that the table does not know."""


def load_table(path: Path = TABLE) -> dict[int, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {int(row["code"]): row for row in csv.DictReader(fh, delimiter="\t")}


def _int_arg(node: ast.expr) -> int | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and isinstance(node.operand.value, int)
    ):
        return -node.operand.value
    return None


def _codes_in(
    func: ast.AST, local: Mapping[str, ast.FunctionDef] | None = None, seen: set[str] | None = None
) -> set[int]:
    """The errcodes ``func`` raises: its ``ApiError(code, ...)`` calls, the known helpers' codes,
    and those of the functions of its own module it calls (``local``), followed once each."""
    local, seen = local or {}, set() if seen is None else seen
    found: set[int] = set()
    for node in ast.walk(func):
        if not isinstance(node, ast.Call):
            continue
        callee = node.func
        name = callee.attr if isinstance(callee, ast.Attribute) else getattr(callee, "id", "")
        if name == "ApiError" and node.args and (code := _int_arg(node.args[0])) is not None:
            found.add(code)
        found.update(HELPER_CODES.get(name, ()))
        if isinstance(callee, ast.Name) and name in local and name not in seen:
            seen.add(name)
            found |= _codes_in(local[name], local, seen)
    return found


def _registered_as(func: ast.FunctionDef) -> list[str]:
    """The operationIds of a handler's ``@handles("...")`` decorators."""
    return [
        str(deco.args[0].value)
        for deco in func.decorator_list
        if isinstance(deco, ast.Call)
        and getattr(deco.func, "id", None) == "handles"
        and deco.args
        and isinstance(deco.args[0], ast.Constant)
    ]


def handler_codes(directory: Path = HANDLERS_DIR) -> dict[str, set[int]]:
    """operationId → errcodes raised by the emulator's handler for it."""
    out: dict[str, set[int]] = {}
    for path in sorted(directory.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        for func in funcs.values():
            for op_id in _registered_as(func):
                out[op_id] = _codes_in(func, funcs)
    methods: dict[str, ast.FunctionDef] = {}
    for path in sorted(EMULATOR_DIR.glob("*.py")):
        module = ast.parse(path.read_text(encoding="utf-8"))
        methods.update((n.name, n) for n in ast.walk(module) if isinstance(n, ast.FunctionDef))
    for op_id, method in CORE_METHODS.items():
        if method not in methods:
            raise ExtrasError(f"emulator method {method!r} (serving {op_id}) not found")
        out.setdefault(op_id, set()).update(_codes_in(methods[method]))
    return out


def _operations(doc: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    for item in doc.get("paths", {}).values():
        for method, op in item.items():
            if method in {"get", "post", "put", "delete", "patch"} and isinstance(op, dict):
                yield op


def enrich(doc: dict[str, Any]) -> dict[str, Any]:
    """Add ``x-errcodes`` to every operation of ``doc`` (in place; returned for chaining)."""
    table = load_table()
    by_handler = handler_codes()
    root_secured = bool(doc.get("security"))
    for op in _operations(doc):
        secured = bool(op["security"]) if "security" in op else root_secured
        codes = set(ALWAYS) | (set(SECURED) if secured else set())
        prose = _NUMBER.findall(str(op.get("description", "")))
        codes |= {int(n) for n in prose if int(n) in table}
        codes |= by_handler.get(str(op.get("operationId")), set())
        codes.discard(0)
        unknown = sorted(codes - set(table))
        if unknown:
            raise ExtrasError(f"{op.get('operationId')}: errcodes not in {TABLE.name}: {unknown}")
        # Plain sorted codes: their meaning (name, category, retry) is one lookup away in the
        # table; objects per code made the bundle big enough to stall the rendered reference.
        op["x-errcodes"] = sorted(codes)
    return doc
