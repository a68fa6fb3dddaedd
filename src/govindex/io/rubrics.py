"""Rubric files (bộ tiêu chí): YAML or JSON in the documented format (docs/files.md).

Reading is strict: a repeated or unknown key, a missing key, a value of the
wrong type, NaN, infinities, negative points, maxima that do not add up and
more decimals than the rubric allows are refused with the file, line, column
and path inside the document::

    my-rubric.yaml:14:5: groups[0].tree.children[2].max_points: unknown key 'max_point'; ...
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from govindex.errors import FileFormatError, GovIndexError, RuleError, first_problem
from govindex.io.converter import structure_document, unstructure
from govindex.io.rulefiles import load_rule_file, plugins_with
from govindex.io.yamlio import Document, dump_document, join_index, load_document
from govindex.rubric import Rubric, RuleRef
from govindex.rules.check import rule_problems
from govindex.rules.plugins import RuleFile, RulePlugins

__all__ = ["check_rubric_text", "dump_rubric", "parse_rubric", "read_rubric", "read_text", "rules_plugins"]


def read_text(path: str | Path, what: str = "file") -> str:
    """The UTF-8 text of a file (a byte-order mark is dropped), or a :class:`FileFormatError`."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FileFormatError(f"cannot read the {what}: {error.strerror}", file=str(path)) from None
    except UnicodeDecodeError as error:
        raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=str(path)) from None


def _relative_rule_file(entry: object, folder: Path) -> tuple[Path | None, str | None]:
    """The path of a ``rule_files`` entry inside ``folder``, or why it is refused."""
    if not isinstance(entry, str) or not entry.strip():
        return None, f"a rules file is named by a path (text), not {entry!r}"
    if Path(entry).is_absolute():
        return None, f"{entry!r} is an absolute path; name a rules file relative to the rubric's folder"
    target = (folder / entry).resolve()
    if not target.is_relative_to(folder.resolve()):
        return None, f"{entry!r} lies outside the rubric's folder; a rubric runs only rules files next to it"
    if not target.is_file():
        return None, f"the rules file {entry!r} does not exist (paths are relative to the rubric's folder)"
    return target, None


def _rule_files(document: Document, folder: Path | None) -> tuple[list[RuleFile], list[GovIndexError]]:
    """Load the rules files the rubric's ``rule_files`` key names, placing each problem at its entry."""
    data = document.data
    entries = data.get("rule_files") if isinstance(data, dict) else None
    if not entries:
        return [], []
    if not isinstance(entries, list):
        return [], []  # the converter reports the wrong type
    if folder is None:
        return [], [
            document.place(
                RuleError(
                    "this rubric names rules files, which are run only for a rubric read from a file "
                    "(a bundled rubric never runs a file)"
                ),
                "rule_files",
            )
        ]
    loaded: list[RuleFile] = []
    problems: list[GovIndexError] = []
    for index, entry in enumerate(entries):
        where = join_index("rule_files", index)
        target, why = _relative_rule_file(entry, folder)
        if target is None:
            problems.append(document.place(RuleError(why or "refused"), where))
            continue
        try:
            loaded.append(load_rule_file(target, shown=str(folder / str(entry))))
        except GovIndexError as error:
            problems.append(error if error.line is not None else document.place(error.with_context(file=None), where))
    return loaded, problems


def _rubric_of(
    document: Document, *, folder: Path | None = None, plugins: RulePlugins | None = None
) -> tuple[Rubric | None, list[GovIndexError]]:
    """Structure a rubric document and check its rules, with every problem placed in the file.

    The rules are checked apart from the rest, so that each problem of a rule
    configuration is reported at its own key (``rules[1].params.tag``).
    ``folder`` is where the rubric's ``rule_files`` are looked up (``None``:
    they are refused); ``plugins`` are the rules loaded beside (``--rules``).
    """
    data = document.data
    if not isinstance(data, dict):
        return None, [
            FileFormatError(
                "a rubric file must hold a mapping (id: ..., groups: ...) at its top", file=document.file, line=1
            )
        ]
    bare = Document(
        {key: value for key, value in data.items() if key != "rules"}, document.file, document.marks, document.key_marks
    )
    rubric, problems = structure_document(bare, Rubric)
    refs: tuple[RuleRef, ...] = ()
    if "rules" in data:
        refs, more = structure_document(document, tuple[RuleRef, ...], at="rules", data=data["rules"])
        problems += more
    files, more = _rule_files(document, folder)
    problems += more
    if rubric is None or problems:
        return None, problems
    try:
        plugins = plugins_with(files, plugins)
    except GovIndexError as error:
        return None, [error]
    _, found = rule_problems(rubric, refs, plugins)
    if found:
        return None, [document.place(problem.error, problem.error.path, key=problem.at_key) for problem in found]
    return attrs.evolve(rubric, rules=refs, plugins=plugins), []


def check_rubric_text(
    text: str, *, file: str | None = None, folder: Path | None = None, plugins: RulePlugins | None = None
) -> tuple[Rubric | None, list[GovIndexError]]:
    """Read a rubric and return it (or ``None``) with **every** problem found, instead of raising the first."""
    problems: list[GovIndexError] = []
    try:
        document = load_document(text, file=file, sink=problems.append)
    except GovIndexError as error:
        return None, [*problems, error]
    rubric, more = _rubric_of(document, folder=folder, plugins=plugins)
    return (rubric if not problems else None), problems + more


def parse_rubric(
    text: str, *, file: str | None = None, folder: Path | None = None, plugins: RulePlugins | None = None
) -> Rubric:
    """Build a :class:`Rubric` from the text of a rubric file (YAML or JSON).

    Its rules are resolved against ``plugins`` (default: the installed rules)
    and the rules files its ``rule_files`` key names, found in ``folder``
    (without ``folder`` a rubric that names rules files is refused).

    >>> parse_rubric("id: x\\ntitle: X\\nyear: 2021\\n", file="x.yaml")
    Traceback (most recent call last):
    ...
    govindex.errors.FileFormatError: x.yaml:1:1: legal_basis: thiếu khóa bắt buộc 'legal_basis' (và 1 lỗi khác; ...
    """
    document = load_document(text, file=file)
    rubric, problems = _rubric_of(document, folder=folder, plugins=plugins)
    if problems:
        raise first_problem(problems)
    assert rubric is not None
    return rubric


def rules_plugins(files: Sequence[str | Path]) -> RulePlugins | None:
    """The installed rules with the rules files ``files`` (``--rules``); ``None`` when there are none."""
    if not files:
        return None
    return plugins_with(load_rule_file(path) for path in files)


def read_rubric(path: str | Path, *, rules: Sequence[str | Path] = (), run_rule_files: bool = True) -> Rubric:
    """Read a rubric file (``.yaml``, ``.yml`` or ``.json``).

    ``rules`` are rules files to load beside the rubric (``--rules``). The
    rubric's own ``rule_files`` are run from its folder unless
    ``run_rule_files`` is false (bundled rubrics).
    """
    folder = Path(path).parent if run_rule_files else None
    return parse_rubric(read_text(path, "rubric"), file=str(path), folder=folder, plugins=rules_plugins(rules))


def dump_rubric(rubric: Rubric, format: str = "yaml") -> str:
    """The rubric as YAML (or ``format="json"``) text in the documented format.

    Fields at their default values are left out; the same rubric always gives
    the same text, and reading it back gives an equal rubric.

    >>> from govindex import load_rubric
    >>> parse_rubric(dump_rubric(load_rubric("sonla-2017-it"))) == load_rubric("sonla-2017-it")
    True
    """
    data = unstructure(rubric)
    return dump_document(data, format)
