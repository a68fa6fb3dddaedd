"""The rubrics and published results that ship with govindex."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import attrs

from govindex.errors import UnknownNameError
from govindex.io.rubrics import read_rubric, rules_plugins
from govindex.rubric import Rubric

__all__ = ["bundled_path", "list_rubrics", "load_rubric"]


def _root() -> Path:
    packaged = Path(str(resources.files("govindex"))) / "rubrics"
    if packaged.is_dir():
        return packaged
    # A source checkout (editable install): rubrics/ sits at the repository root.
    checkout = Path(__file__).resolve().parents[3] / "rubrics"
    if checkout.is_dir():
        return checkout
    raise UnknownNameError("the bundled rubrics are missing from this installation of govindex")


def bundled_path(*parts: str) -> Path:
    """The path of a bundled file, e.g. ``bundled_path("published", "sonla-2017-it.yaml")``."""
    return _root().joinpath(*parts)


def list_rubrics() -> tuple[str, ...]:
    """The ids of the bundled rubrics."""
    return tuple(sorted(path.stem for path in _root().glob("*.yaml")))


@cache
def _load_bundled(rubric_id: str) -> Rubric:
    # Cached and shared: a Rubric is frozen all the way down (tuples, frozensets, read-only mappings).
    return read_rubric(_root() / f"{rubric_id}.yaml", run_rule_files=False)


def load_rubric(name: str | Path, *, rules: Sequence[str | Path] = ()) -> Rubric:
    """A bundled rubric by id (``"sonla-2017-it"``) or a rubric file by path.

    ``rules`` are rules files (Python, see :mod:`govindex.io.rulefiles`) whose
    rules the rubric's names may resolve to. A rubric file also runs the
    rules files its ``rule_files`` key names; a bundled rubric never runs one.
    """
    if isinstance(name, Path) or name.endswith((".yaml", ".yml", ".json")) or "/" in name or "\\" in name:
        return read_rubric(name, rules=rules)
    if name not in list_rubrics():
        raise UnknownNameError(f"unknown rubric {name!r}; the bundled rubrics are {', '.join(list_rubrics())}")
    bundled = _load_bundled(name)
    plugins = rules_plugins(rules)
    return bundled if plugins is None else attrs.evolve(bundled, plugins=plugins)
