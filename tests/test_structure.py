"""The structure the layers promise, read from the source: no import cycle, the core standing alone.

Every import of a govindex module counts, at the top of a file or inside a
function; the imports made for the type checker (``if TYPE_CHECKING:``)
count for cycles too, and are left aside for the layers (they never run).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import govindex

SRC = Path(govindex.__file__).parent
#: The layers above the core: the core imports none of them.
UPPER = ("govindex.render", "govindex.io", "govindex.cli")


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_of(path): path for path in SRC.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool, typing: bool = False) -> Iterator[str]:
    """The govindex modules ``module`` imports when it runs, and with ``typing`` those it imports for the
    type checker too."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node) and not typing:
            yield from (name for child in node.orelse for name in _imports(child, module, is_package))
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("govindex"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module if is_package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            if not base.startswith("govindex"):
                continue
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
        else:
            yield from _imports(node, module, is_package, typing)


def _graph(typing: bool = False) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = set()
        for name in _imports(tree, module, path.name == "__init__.py", typing):
            while name not in MODULES and "." in name:
                name = name.rpartition(".")[0]
            if name in MODULES and name != module:
                found.add(name)
        graph[module] = found
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

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
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read() -> None:
    graph = _graph()
    assert "govindex.rubric" in graph["govindex.assessment"] or "govindex.agency" in graph["govindex.assessment"]
    assert "govindex.cli.pipeline" in graph["govindex.cli.commands.score"]
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]  # the finder finds one


def test_no_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_no_import_cycle_even_for_the_type_checker() -> None:
    assert _cycles(_graph(typing=True)) == []


def test_the_core_imports_none_of_the_layers_above_it() -> None:
    graph = _graph()
    core = [
        m
        for m in graph
        if m not in {"govindex", "govindex.__main__"}
        and not m.startswith(UPPER)
        and not m.startswith("govindex.catalogue")
    ]
    crossing = sorted(
        f"{module} -> {target}" for module in core for target in graph[module] if target.startswith(UPPER)
    )
    assert crossing == []


def test_render_and_io_import_no_command_line() -> None:
    graph = _graph()
    above = ("govindex.cli",)
    crossing = sorted(
        f"{module} -> {target}"
        for module in graph
        if module.startswith(("govindex.render", "govindex.io"))
        for target in graph[module]
        if target.startswith(above)
    )
    assert crossing == []


def test_no_module_is_above_700_lines() -> None:
    lengths = {module: len(path.read_text(encoding="utf-8").splitlines()) for module, path in MODULES.items()}
    assert {module: length for module, length in lengths.items() if length > 700} == {}
