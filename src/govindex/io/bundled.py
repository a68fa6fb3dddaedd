"""The rubrics and published results that ship with govindex."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from govindex.errors import UnknownNameError
from govindex.io.rubrics import read_rubric
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
    return read_rubric(_root() / f"{rubric_id}.yaml")


def load_rubric(name: str | Path) -> Rubric:
    """A bundled rubric by id (``"sonla-2017-it"``) or a rubric file by path."""
    if isinstance(name, Path) or name.endswith((".yaml", ".yml", ".json")) or "/" in name or "\\" in name:
        return read_rubric(name)
    if name not in list_rubrics():
        raise UnknownNameError(f"unknown rubric {name!r}; the bundled rubrics are {', '.join(list_rubrics())}")
    return _load_bundled(name)
