"""The rubrics and published results that ship with govindex."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from govindex.catalogue.rubric import RubricFiles
from govindex.errors import UnknownNameError, collected
from govindex.io.cells import DEFAULT_MAX_BYTES
from govindex.io.rubrics import methodology_of_document, read_rubric, read_text
from govindex.io.yamlio import load_document
from govindex.methodology import Methodology, bind
from govindex.plugins import Plugins
from govindex.rubric import Rubric

__all__ = ["bundled_path", "list_rubrics", "load_methodology", "load_rubric"]


def _root() -> Path:
    packaged = Path(str(resources.files("govindex"))) / "rubrics"
    if packaged.is_dir():
        return packaged
    # A source checkout (editable install): rubrics/ sits at the repository root.
    checkout = Path(__file__).resolve().parents[3] / "rubrics"
    if checkout.is_dir():
        return checkout
    raise UnknownNameError(RubricFiles.MISSING)


def bundled_path(*parts: str) -> Path:
    """The path of a bundled file, e.g. ``bundled_path("published", "sonla-2017-it.yaml")``."""
    return _root().joinpath(*parts)


def list_rubrics() -> tuple[str, ...]:
    """The ids of the bundled rubrics."""
    return tuple(sorted(path.stem for path in _root().glob("*.yaml")))


@cache
def _load_bundled(rubric_id: str) -> Rubric:
    # Cached and shared: a Rubric is frozen all the way down (tuples, frozensets, read-only mappings).
    return read_rubric(_root() / f"{rubric_id}.yaml")


def _is_path(name: str | Path) -> bool:
    return isinstance(name, Path) or name.endswith((".yaml", ".yml", ".json")) or "/" in name or "\\" in name


def _bundled_id(name: str) -> str:
    if name not in list_rubrics():
        raise UnknownNameError(RubricFiles.UNKNOWN, name=repr(name), known=list(list_rubrics()))
    return name


def load_rubric(name: str | Path, *, plugins: Plugins | None = None) -> Rubric:
    """A bundled rubric by id (``"sonla-2017-it"``) or a rubric file by path. No code runs.

    The rubric's rules stay names (:class:`~govindex.rubric.RuleRef`) and its
    ``rule_files`` are recorded: bind them with :func:`govindex.bind`, or
    load the rubric with its rules bound by :func:`load_methodology`.
    ``plugins`` is where measure kinds resolve (default: the installed ones).
    """
    if _is_path(name):
        return read_rubric(name, plugins=plugins)
    rubric_id = _bundled_id(str(name))
    if plugins is None or plugins.measures == Plugins.installed().measures:
        return _load_bundled(rubric_id)
    return read_rubric(_root() / f"{rubric_id}.yaml", plugins=plugins)


def load_methodology(
    name: str | Path,
    *,
    rules: Sequence[str | Path] = (),
    trust_rules: bool = False,
    plugins: Plugins | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Methodology:
    """A rubric (bundled id or file) with its rules bound: what the command line scores with.

    ``rules`` are rules files to **run** (``--rules FILE``) whose rules the
    rubric's names may resolve to; ``trust_rules`` (``--trust-rules``)
    **runs** the rules files the rubric itself names (``rule_files``, next to
    the rubric file; a bundled rubric never runs one). Without either, a rule
    name that only a rubric's rules file gives is refused, naming the file and
    how to allow it. Every problem of the rules is reported at its place in
    the rubric file. ``plugins`` is the base (default: the installed rules and
    measure kinds). A rubric file larger than ``max_bytes`` is refused before it is read.

    >>> [rule.name for rule in load_methodology("sonla-2024-dti").rules]
    ['best_in_cohort', 'proportional_imputation', 'full_marks_if_not_applicable']
    """
    if not _is_path(name):
        rubric = load_rubric(name, plugins=plugins)
        base = Plugins.installed() if plugins is None else plugins
        if rules:
            from govindex.io.rulefiles import rule_plugins

            base = rule_plugins(rules, base)
        return bind(rubric, base)
    path = Path(name)
    document = load_document(read_text(path, max_bytes=max_bytes), file=str(path))
    checked = methodology_of_document(
        document, folder=path.parent, plugins=plugins, rules=rules, trust_rules=trust_rules
    )
    if checked.problems:
        raise collected(list(checked.problems))
    assert checked.methodology is not None
    return checked.methodology
