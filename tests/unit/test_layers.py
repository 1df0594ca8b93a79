"""Structure of ``wxkefu_ext``: no import cycle, and no private attribute of another module.

Part 1 — the import graph has no cycle: layers import downward only.

Why a small AST walk and not grimp: we want *every* import statement to count — the ones under
``if TYPE_CHECKING:`` and the ones hidden inside functions too, because a lazy import is exactly
how a circle gets papered over — and the walk is forty lines with no compiled dependency.

Edges: each ``import a.b`` / ``from a import b`` inside a module of the package, resolved to the
module it names (``from pkg import name`` is an edge to ``pkg.name`` when that is a module, else
to ``pkg``). Importing ``a.b.c`` also runs ``a/__init__`` and ``a/b/__init__``; those implicit
edges are added for packages that are not ancestors of the importing module (an ancestor is
already initialised by then). That is what turns "crypto imports callback.errors while
callback/__init__ re-exports crypto" into the cycle it is at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "wxkefu_ext"
PACKAGE = "wxkefu_ext"


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_package(name: str, modules: dict[str, Path]) -> bool:
    return name in modules and modules[name].name == "__init__.py"


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if _is_package(name, modules) else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            for alias in node.names:
                sub = f"{origin}.{alias.name}"
                targets.add(sub if sub in modules else origin)
    edges: set[str] = set()
    ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
    for target in targets:
        if not (target == PACKAGE or target.startswith(PACKAGE + ".")):
            continue
        while target not in modules and "." in target:
            target = target.rpartition(".")[0]
        parts = target.split(".")
        for i in range(1, len(parts) + 1):
            step = ".".join(parts[:i])
            if step == target or (step not in ancestors and _is_package(step, modules)):
                edges.add(step)
    edges.discard(name)
    return edges


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        cycles.append(sorted(component))
    return cycles


def test_wxkefu_ext_has_no_import_cycle() -> None:
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": set(), "c": {"a", "b"}}, []),
    ],
)
def test_cycle_finder_finds_cycles(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert find_cycles(graph) == expected


def test_graph_sees_lazy_and_type_checking_imports() -> None:
    """The walk must not miss the kinds of import that hide circles."""
    graph = import_graph()
    # wxkefu_ext/__init__ names its modules under TYPE_CHECKING only
    assert "wxkefu_ext.client" in graph["wxkefu_ext"]
    # the emulator facade imports its shells inside methods
    assert "wxkefu_ext.emulator.transport" in graph["wxkefu_ext.emulator.core"]


# ---------------------------------------------------------------------------------------------
# No private attribute of a dependency (or of another module's object)
# ---------------------------------------------------------------------------------------------

#: Public-looking but undocumented attributes of dependencies (uvicorn's ``Server.servers``).
UNDOCUMENTED = frozenset({"servers"})
#: ``other._value`` in Secret.__eq__: a class reading its own private field on another instance.
ALLOWED = frozenset({("wxkefu_ext/_redact.py", "other._value")})


def private_uses(source: str, filename: str) -> list[str]:
    """``x._name`` or ``x.servers`` where ``x`` is not ``self``/``cls``, and
    ``getattr(x, "_name")``, as "file:line: code" strings. This is the grep for
    ``._pool`` / ``._network_backend`` / ``.servers``, made exact: it ignores docstrings and
    comments, and catches any other private name too (``emu._lock``)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Attribute):
            private = node.attr.startswith("_") and not node.attr.startswith("__")
            own = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if not own and (private or node.attr in UNDOCUMENTED):
                found.append(f"{filename}:{node.lineno}: {ast.unparse(node)}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and (
                (node.args[1].value.startswith("_") and not node.args[1].value.startswith("__"))
                or node.args[1].value in UNDOCUMENTED
            )
        ):
            found.append(f"{filename}:{node.lineno}: {ast.unparse(node)}")
    return [f for f in found if (f.split(":")[0], f.split(": ", 1)[1]) not in ALLOWED]


def test_no_private_attribute_of_another_object() -> None:
    found: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        name = str(path.relative_to(ROOT.parent))
        found += private_uses(path.read_text(encoding="utf-8"), name)
    assert not found, "private attributes used across objects:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("code", "hits"),
    [
        ("pool = getattr(transport, '_pool', None)", 1),
        ("pool._network_backend = backend", 1),
        ("port = server.servers[0].sockets[0]", 1),
        ("with emu._lock: pass", 1),
        ("transport._pool", 1),
        ("self._pool = make(); cls._cache = {}; x.__class__", 0),
    ],
)
def test_private_use_finder(code: str, hits: int) -> None:
    assert len(private_uses(code, "probe.py")) == hits
