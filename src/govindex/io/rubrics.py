"""Rubric files (bộ tiêu chí): YAML or JSON in the documented format (docs/files.md).

Reading is strict: a repeated or unknown key, a missing key, a value of the
wrong type, NaN, infinities, negative points, maxima that do not add up and
more decimals than the rubric allows are refused with the file, line, column
and path inside the document::

    my-rubric.yaml:14:5: groups[0].tree.children[2].max_points: unknown key 'max_point'; ...

Reading a rubric **never runs code**: its ``rule_files`` are recorded as
data. Binding its rules (:func:`methodology_of_document`, used by
:func:`govindex.io.load_methodology` and ``govindex validate``) places each
rule problem at its own key in the file (``rules[1].params.tag``), and runs
the rubric's rules files only when they are trusted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from govindex.catalogue.files import Files
from govindex.catalogue.rubric import RubricFiles
from govindex.catalogue.rules import Binding, RuleFiles
from govindex.errors import FileFormatError, GovIndexError, RuleError, collected
from govindex.io.cells import DEFAULT_MAX_BYTES, read_limited
from govindex.io.converter import structure_document, unstructure
from govindex.io.rulefiles import rule_plugins
from govindex.io.unfit import unfit_texts
from govindex.io.yamlio import MarkedDocument, dump_document, join_index, load_document
from govindex.methodology import Methodology
from govindex.plugins import Plugins
from govindex.rubric import Rubric
from govindex.rules.check import rule_files_not_run, rule_problems

__all__ = [
    "RubricCheck",
    "check_rubric_text",
    "dump_rubric",
    "methodology_of_document",
    "parse_rubric",
    "read_rubric",
    "read_text",
    "rubric_of_document",
]


def read_text(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The UTF-8 text of a rubric file (a byte-order mark is dropped), or a :class:`FileFormatError`.

    A file larger than ``max_bytes`` (``--max-bytes``) is refused before it
    is read, and so is a device (``/dev/zero``) or a folder.
    """
    try:
        data = read_limited(path, max_bytes)
    except FileFormatError as error:
        if error.reason is not Files.CANNOT_READ:
            raise
        raise FileFormatError(RubricFiles.CANNOT_READ, error=error.params["reason"], **error.context()) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(RubricFiles.NOT_UTF8, position=error.start, file=str(path)) from None


def rubric_of_document(document: MarkedDocument, plugins: Plugins | None = None) -> tuple[Rubric | None, list[GovIndexError]]:
    """Structure a rubric document: the rubric (or ``None``) and every problem, placed in the file.

    The rules stay names (:class:`~govindex.rubric.RuleRef`); measure kinds
    resolve against ``plugins`` (default: the installed ones). No code runs.
    """
    if not isinstance(document.data, dict):
        return None, [FileFormatError(RubricFiles.NOT_A_MAPPING, file=document.file, line=1)]
    measures = None if plugins is None else plugins.measures
    texts = {key: value for key, value in document.data.items() if key != "rule_files"}  # checked as paths
    unfit = list(unfit_texts(document, texts))
    rubric, problems = structure_document(document, Rubric, measures=measures)
    return (rubric if not (problems or unfit) else None), unfit + problems


def _trusted_files(rubric: Rubric, document: MarkedDocument, folder: Path) -> tuple[list[Path], list[GovIndexError]]:
    """The rubric's own rules files inside ``folder``, or each refusal placed at its ``rule_files`` entry."""
    files: list[Path] = []
    problems: list[GovIndexError] = []
    root = folder.resolve()
    for index, entry in enumerate(rubric.rule_files):
        target = (folder / entry).resolve()
        if not target.is_relative_to(root):
            problem = RuleError(RuleFiles.ENTRY_OUTSIDE, entry=repr(entry))
        elif not target.is_file():
            problem = RuleError(RuleFiles.ENTRY_MISSING, entry=repr(entry))
        else:
            files.append(folder / entry)
            continue
        problems.append(document.place(problem, join_index("rule_files", index)))
    return files, problems


def _shown_files(error: GovIndexError, folder: Path | None) -> GovIndexError:
    """A refusal of a rules file that was not allowed, naming the file as a command line would (``dir/x.py``)."""
    if folder is None or error.reason is not Binding.RULE_FILE_NOT_ALLOWED:
        return error
    files = [str(folder / entry) for entry in error.params["files"]]
    return RuleError(Binding.RULE_FILE_NOT_ALLOWED, rule=error.params["rule"], files=files, **error.context())


@attrs.frozen
class RubricCheck:
    """A rubric document bound to its rules: the methodology (``None`` when refused), every problem, the warnings."""

    methodology: Methodology | None
    problems: tuple[GovIndexError, ...] = ()
    #: the rubric's rules files that were not run (nothing of it needed them)
    not_run: tuple[str, ...] = ()


def methodology_of_document(
    document: MarkedDocument,
    *,
    folder: Path | None,
    plugins: Plugins | None = None,
    rules: Sequence[str | Path] = (),
    trust_rules: bool = False,
) -> RubricCheck:
    """Read a rubric document and bind its rules, placing every problem in the file.

    ``plugins`` (default: the installed ones) with the rules files ``rules``
    (run: ``--rules``) and, when ``trust_rules``, the rubric's own
    ``rule_files`` found in ``folder`` (run: ``--trust-rules``; ``folder``
    ``None``, a bundled rubric, never runs one).
    """
    base = Plugins.installed() if plugins is None else plugins
    rubric, problems = rubric_of_document(document, base)
    if rubric is None:
        return RubricCheck(None, tuple(problems))
    try:
        base = rule_plugins(rules, base) if rules else base
        if trust_rules and rubric.rule_files:
            if folder is None:
                raise document.place(RuleError(RuleFiles.BUNDLED), "rule_files")
            files, refused = _trusted_files(rubric, document, folder)
            if refused:
                return RubricCheck(None, tuple(refused))
            base = rule_plugins(files, base)
    except GovIndexError as error:
        return RubricCheck(None, (error,))
    rules_built, found = rule_problems(rubric, base)
    if found:
        placed = [
            _shown_files(document.place(problem.error, problem.error.path, key=problem.at_key), folder)
            for problem in found
        ]
        return RubricCheck(None, tuple(placed))
    return RubricCheck(Methodology(rubric, rules_built), (), rule_files_not_run(rubric, base))


def check_rubric_text(
    text: str, *, file: str | None = None, plugins: Plugins | None = None
) -> tuple[Rubric | None, list[GovIndexError]]:
    """Read a rubric and return it (or ``None``) with **every** problem found, instead of raising the first.

    The rules are bound too (against ``plugins``, default the installed
    rules; no rules file runs), so that their problems are listed.
    """
    problems: list[GovIndexError] = []
    try:
        document = load_document(text, file=file, sink=problems.append)
    except GovIndexError as error:
        return None, [*problems, error]
    checked = methodology_of_document(document, folder=None, plugins=plugins)
    problems += checked.problems
    rubric = checked.methodology.rubric if checked.methodology is not None else None
    return (rubric if not problems else None), problems


def parse_rubric(text: str, *, file: str | None = None, plugins: Plugins | None = None) -> Rubric:
    """Build a :class:`Rubric` from the text of a rubric file (YAML or JSON). No code runs.

    The rules stay names (bind them with :func:`govindex.bind`); measure
    kinds resolve against ``plugins`` (default: the installed ones).

    >>> parse_rubric("id: x\\ntitle: X\\nyear: 2021\\n", file="x.yaml")
    Traceback (most recent call last):
    ...
    govindex.errors.FileFormatError: x.yaml:1:1: legal_basis: thiếu khóa bắt buộc 'legal_basis' (và 1 lỗi khác; ...
    """
    document = load_document(text, file=file)
    rubric, problems = rubric_of_document(document, plugins)
    if problems:
        raise collected(problems)
    assert rubric is not None
    return rubric


def read_rubric(path: str | Path, *, plugins: Plugins | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Rubric:
    """Read a rubric file (``.yaml``, ``.yml`` or ``.json``, at most ``max_bytes``). No code runs:
    ``rule_files`` are recorded."""
    return parse_rubric(read_text(path, max_bytes=max_bytes), file=str(path), plugins=plugins)


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
