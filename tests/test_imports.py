"""No import cycles in `sholu/`.

The graph has one node per module of the package and an edge A -> B when A imports B
anywhere: at module level, and also inside functions. A lazy import (inside the function
that needs a heavy library or a late stage) changes when B loads, not that A depends on
B, so it is no way out of a cycle; the cycles issue 12 names are all through such imports.
Imports under `if TYPE_CHECKING:` never run and are left out. `from .a import b` points at
the module `a.b` when there is one, else at `a`; importing a submodule is not counted as
importing its parent package.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HEAVY_LIBRARIES

PACKAGE = Path(__file__).resolve().parents[1] / "sholu"

def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_in(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement of a module but those under `if TYPE_CHECKING:`."""
    found, nodes = [], [tree]
    while nodes:
        node = nodes.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif isinstance(node, ast.If) and is_type_checking(node.test):
            nodes += node.orelse
        else:
            nodes += ast.iter_child_nodes(node)
    return found


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """Absolute names a statement may import: `x.y` for `from x import y`, else `x`."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        anchor = module.split(".")
        anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
        base = ".".join(anchor + ([base] if base else []))
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = set()
        for node in imports_in(tree):
            names = imported_names(node, name, path.name == "__init__.py")
            # `from a import b`: the module a.b when it exists, else a itself
            targets |= {n for n in names[:-1] if n in modules} or (
                {names[-1]} if names[-1] in modules else set())
            if isinstance(node, ast.Import):
                targets |= {n for n in names if n in modules}
        graph[name] = targets - {name}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected component of more than one module (Tarjan), sorted."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(components)


def cycle_path(graph: dict[str, set[str]], members: list[str]) -> str:
    """One closed path through a component, for the failure message: a -> b -> a."""
    inside, start = set(members), members[0]
    path, seen = [start], {start}
    while True:
        step = sorted(graph[path[-1]] & inside)
        nxt = next((m for m in step if m == start), None) if len(path) > 1 else None
        if nxt or not (fresh := [m for m in step if m not in seen]):
            return " -> ".join(path + [nxt or step[0]])
        path.append(fresh[0])
        seen.add(fresh[0])


def test_the_graph_sees_relative_and_absolute_imports():
    graph = import_graph()
    assert "sholu.store" in graph["sholu.cli"]                 # from ..store import ...
    assert "sholu.store.base" in graph["sholu.store"]          # from .base import SqlStore
    assert "sholu.nlp.models" in graph["sholu.nlp.gazetteer"]  # from .models import ...


def test_the_cycle_finder_names_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c"]]
    assert cycle_path(graph, ["a", "b", "c"]) == "a -> b -> c -> a"


def test_no_import_cycles():
    graph = import_graph()
    cycles = find_cycles(graph)
    assert not cycles, "import cycles in sholu/:\n" + "\n".join(cycle_path(graph, c) for c in cycles)


# -- start-up: what a short command must not load --------------------------------------

def modules_loaded_by(statement: str) -> set[str]:
    """Top-level names in sys.modules after `statement` in a fresh interpreter."""
    script = f"import sys\n{statement}\nprint(' '.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, cwd=PACKAGE.parent)
    return set(result.stdout.split())


@pytest.mark.parametrize("statement", [
    "import sholu.cli",
    "from sholu.store import open_store",
])
def test_the_command_line_and_the_store_import_no_heavy_library(statement):
    loaded = modules_loaded_by(statement)
    assert "sholu.cli" in loaded or "sholu.store" in loaded
    heavy = sorted(name for name in HEAVY_LIBRARIES + ("sholu.pipeline", "sholu.nlp") if name in loaded)
    assert not heavy, f"`{statement}` loads {', '.join(heavy)}: import them where first used"
