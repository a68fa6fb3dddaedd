"""The public API: a small surface a user can guess, every name resolves, heavy parts load only when used."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
import types
import typing
from collections import defaultdict
from pathlib import Path

import pytest

import govindex

#: The namespaces at the root: modules on purpose.
NAMESPACES = ("io", "render", "rules")
SRC = Path(govindex.__file__).parent


@pytest.mark.parametrize("name", govindex.__all__)
def test_every_public_name_resolves_to_the_object_not_a_module(name: str) -> None:
    value = getattr(govindex, name)
    assert isinstance(value, types.ModuleType) == (name in NAMESPACES), name


def test_the_root_is_small() -> None:
    assert len(govindex.__all__) <= 40
    assert len(set(govindex.__all__)) == len(govindex.__all__)


def test_the_namespaces_and_compare_are_reachable() -> None:
    assert govindex.io is importlib.import_module("govindex.io")
    assert govindex.render is importlib.import_module("govindex.render")
    assert govindex.rules is importlib.import_module("govindex.rules")
    comparison = importlib.import_module("govindex.comparison")  # the module does not hide the function
    assert callable(govindex.compare) and govindex.compare is comparison.compare


def _public_classes() -> dict[str, list[str]]:
    """Every public class defined at the top of a module of the package, by name."""
    seen: dict[str, list[str]] = defaultdict(list)
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                seen[node.name].append(module)
    return seen


def test_no_two_public_classes_share_a_name() -> None:
    seen = _public_classes()
    assert len(seen) > 100  # the walk found the package
    assert {name: modules for name, modules in seen.items() if len(modules) > 1} == {}


def _reachable() -> set[object]:
    """The objects a user reaches from the root: its names and the names of its namespaces."""
    found: set[object] = set()
    for name in govindex.__all__:
        value = getattr(govindex, name)
        if isinstance(value, types.ModuleType):
            found.update(id(getattr(value, inner)) for inner in value.__all__)
        else:
            found.add(id(value))
    return found


def _namespace(module: types.ModuleType) -> dict[str, object]:
    """The module's names, with those it imports for the type checker only."""
    names = dict(vars(module))
    assert module.__file__ is not None
    for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            source = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(source, alias.name, None)
                if value is None:
                    value = importlib.import_module(f"{node.module}.{alias.name}")
                names.setdefault(alias.asname or alias.name, value)
    return names


def _classes_in(annotation: object) -> list[type]:
    if isinstance(annotation, type):
        return [annotation]
    return [cls for arg in typing.get_args(annotation) for cls in _classes_in(arg)]


@pytest.mark.parametrize(
    "name", [name for name in govindex.__all__ if inspect.isfunction(getattr(govindex, name))]
)
def test_what_an_exported_function_returns_is_exported(name: str) -> None:
    function = getattr(govindex, name)
    returned = typing.get_type_hints(function, _namespace(sys.modules[function.__module__]))["return"]
    assert returned is not type(None), name
    reachable = _reachable()
    for cls in _classes_in(returned):
        if cls.__module__ != "builtins":
            assert id(cls) in reachable, f"{name} returns {cls.__module__}.{cls.__qualname__}"


def test_dir_lists_the_lazy_names() -> None:
    assert set(govindex.__all__) <= set(dir(govindex))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        _ = govindex.nonexistent  # type: ignore[attr-defined]


def test_import_govindex_stays_light() -> None:
    heavy = ["numpy", "pandas", "openpyxl", "docx", "matplotlib", "yaml", "cattrs", "importlib.metadata", "govindex.io"]
    code = f"import sys, govindex\nprint(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""


def test_a_lazy_name_is_imported_on_first_use() -> None:
    code = "import sys, govindex\nassert 'govindex.io.bundled' not in sys.modules\ngovindex.load_rubric\nprint('govindex.io.bundled' in sys.modules)\n"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "True"
    )


def test_the_mappings_of_frozen_values_cannot_be_changed_in_place() -> None:
    import copy
    import pickle

    from govindex import Agency, Assessment
    from govindex.rubric import RuleRef

    assessment = Assessment(Agency("so-y-te", "Sở Y tế", "provincial", attributes={"note": "x"}), {"security": "8"})
    ref = RuleRef("exclude", {"agencies": ["a"]})
    for mapping in (assessment.scores, assessment.evidence, assessment.agency.attributes, ref.params):
        with pytest.raises(TypeError, match="read-only"):
            mapping["security"] = -5  # type: ignore[index]
        with pytest.raises(TypeError, match="read-only"):
            mapping.update({"x": 1})  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(assessment)) == assessment
    assert copy.deepcopy(assessment) == assessment
    assert assessment.scores == {"security": 8}
