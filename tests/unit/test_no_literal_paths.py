"""No hand-typed API path in the project's own code: paths come from the spec's operation table.

A string literal that is (or starts with) a path of the spec — ``"/kf/account/list"``,
``"/media/get"``, ``"/gettoken"`` — may appear only in ``generated/``, the emulator and
``tests/``; everywhere else the code calls the resource API (``kf.account.list(...)``) or reads
``wxkefu_client._operations``. Docstrings and comments may name endpoints (they are prose).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from wxkefu_client._operations import OPERATIONS, PROVIDER_OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("wxkefu_ext", "examples", "benchmarks", "scripts")
#: The emulator serves the paths; scripts/polyglot/ holds stand-alone programs of *other*
#: generators' clients (pydantic, Go, Java...) that check the spec from outside, as a user of
#: those would write them — they must not lean on our generated table.
EXEMPT = ("wxkefu_ext/emulator/", "scripts/polyglot/")
#: every path of the spec: the corp client's operations and the service provider's
PATHS = sorted(
    {op.path for op in [*OPERATIONS.values(), *PROVIDER_OPERATIONS.values()]}, key=len, reverse=True
)


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def literal_paths(source: str) -> list[tuple[int, str]]:
    """(line, literal) for every string constant that names an API path of the spec."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in skip:
            value = node.value
            text = value.decode("latin-1") if isinstance(value, bytes) else value
            if not isinstance(text, str):
                continue
            bare = text.split("?", 1)[0].removeprefix("/cgi-bin")
            if any(bare == p or bare.endswith(p) for p in PATHS) and "/" in bare:
                found.append((node.lineno, text))
    return found


def _files() -> list[Path]:
    out = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if not rel.startswith(EXEMPT):
                out.append(path)
    return out


def test_the_scanner_finds_a_hand_typed_path() -> None:
    """The check can fail: each form a path literal takes is caught."""
    code = 'kf.request("POST", "/kf/account/list", json={})\nurl = base + "/cgi-bin/gettoken"\n'
    assert [t for _, t in literal_paths(code)] == ["/kf/account/list", "/cgi-bin/gettoken"]
    assert literal_paths('x = b"/cgi-bin/media/get?media_id=1"\n')
    assert not literal_paths('"""Calls /kf/sync_msg (prose)."""\nx = "kf.account.list"\n')


def test_the_provider_side_is_scanned_too() -> None:
    """wxkefu_ext/provider/ is checked, and the service paths (suite, provider, v2) count."""
    scanned = {p.relative_to(ROOT).as_posix() for p in _files()}
    assert {"wxkefu_ext/provider/client.py", "wxkefu_ext/provider/callback.py"} <= scanned
    code = 'SUITE = "/service/get_suite_token"\nx = base + "/cgi-bin/service/v2/get_auth_info"\n'
    assert [t for _, t in literal_paths(code)] == [
        "/service/get_suite_token",
        "/cgi-bin/service/v2/get_auth_info",
    ]


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_hand_typed_api_path(path: Path) -> None:
    hits = literal_paths(path.read_text(encoding="utf-8"))
    assert not hits, (
        f"{path.relative_to(ROOT)} types API paths by hand: {hits}; call the resource API "
        "(kf.account.list(...)) or read wxkefu_client._operations"
    )
