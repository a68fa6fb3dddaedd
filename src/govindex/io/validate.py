"""Checking files without stopping at the first problem (``govindex validate``).

:func:`validate_file` reads a rubric, an assessment file, a score table or a
filled form and lists **every** problem it finds (every missing score too),
each with its file, line (or sheet and cell), agency and criterion. The
problems are counted in full; at most :data:`KEEP` of them are kept in
memory, so that a file with a million bad columns cannot fill it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from govindex.catalogue.files import Files
from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.io.assessments import _file_of
from govindex.io.cells import ReadOptions, Upload, read_limited, suffix_of
from govindex.io.cohort import FilePlace as Place
from govindex.io.cohort import named, score_files
from govindex.io.rubrics import methodology_of_document
from govindex.io.yamlio import MarkedDocument, join_index, join_key, load_document
from govindex.methodology import Methodology
from govindex.rubric import Rubric

__all__ = ["KEEP", "FileReport", "Problems", "validate_file", "validate_files"]

#: The most problems of one file kept in memory (all of them are counted).
KEEP = 10_000


class Problems:
    """A bounded collector of problems: every one counted, the first :data:`KEEP` kept."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self.kept: list[GovIndexError] = []
        self.count = 0

    def add(self, error: GovIndexError) -> None:
        for problem in error.problems:
            self.count += 1
            if len(self.kept) < self.keep:
                self.kept.append(problem)

    def __bool__(self) -> bool:
        return self.count > 0


@attrs.frozen
class FileReport:
    """What :func:`validate_file` found in one file."""

    file: str
    kind: str
    problems: tuple[GovIndexError, ...] = ()
    rubric: str | None = None
    count: int | None = None
    places: Mapping[str, Place] = attrs.field(factory=dict, eq=False, hash=False, repr=False)
    #: what is not wrong but deserves a look: agency facts that no rule of the rubric reads
    warnings: tuple[FileNote, ...] = ()
    #: how many problems were found (``problems`` holds at most :data:`KEEP` of them)
    found: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total(self) -> int:
        """How many problems the file has."""
        return len(self.problems) if self.found is None else max(self.found, len(self.problems))

    def summary(self, lang: str = "vi") -> str:
        """One line: ``scores.csv: ok (score table, 18 agencies, checked against sonla-2017-it)`` (``lang="en"``)."""
        kinds = {
            "rubric": Reading.KIND_RUBRIC,
            "assessment": Reading.KIND_ASSESSMENT,
            "scores": Reading.KIND_SCORES,
            "form": Reading.KIND_FORM,
            "result": Reading.KIND_RESULT,
        }
        kind = kinds.get(self.kind)
        details = [kind.text(lang) if kind is not None else Reading.KIND_UNKNOWN.text(lang)]
        if self.count is not None:
            details.append(Reading.AGENCIES_COUNT.text(lang, count=self.count))
        if self.kind in {"assessment", "scores", "form", "result"}:
            checked = Reading.CHECKED_AGAINST.text(lang, rubric=self.rubric) if self.rubric else None
            details.append(checked or Reading.NOT_CHECKED.text(lang))
        state = Reading.STATE_OK.text(lang) if self.ok else Reading.STATE_PROBLEMS.text(lang, count=self.total)
        return f"{self.file}: {state} ({', '.join(details)})"


def _unique(problems: Iterable[GovIndexError]) -> tuple[GovIndexError, ...]:
    """The problems in the order of the file, each place reported once."""
    seen: set[tuple[str | None, str | None, int | None, int | None, str | None, str | None]] = set()
    out: list[GovIndexError] = []
    for problem in sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.column or 0)):
        key = (problem.file, problem.sheet, problem.line, problem.column, problem.path, problem.node)
        if key in seen and problem.line is not None:
            continue
        seen.add(key)
        out.append(problem)
    return tuple(out)


@attrs.frozen(eq=False)
class FileNote:
    """A warning about a file (not a problem), worded in either language: ``describe(lang)``."""

    file: str
    words: Callable[[str], str]

    def describe(self, lang: str = "vi") -> str:
        return f"{self.file}: {self.words(lang)}"

    def __str__(self) -> str:
        return self.describe()


def _unread(methodology: Methodology, assessments: Iterable[object], file: str) -> tuple[FileNote, ...]:
    """Agency facts the file gives that no rule of the rubric reads, one line each."""
    from govindex.assessment import Assessment
    from govindex.rules.check import unread_facts

    cohort = [a for a in assessments if isinstance(a, Assessment)]
    found = unread_facts(methodology.rubric, cohort, methodology.rules)
    return tuple(FileNote(file, fact.message_in) for fact in found)


def _bound(rubric: Methodology | Rubric | None) -> Methodology | None:
    """The rubric with its rules bound (a bare rubric against the installed rules)."""
    from govindex.scoring import methodology_of

    return None if rubric is None else methodology_of(rubric)


def _score_file(
    path: str | Path | Upload, methodology: Methodology | None, options: ReadOptions, values: str = "points"
) -> FileReport:
    """A score table, a filled form or a result file: read, then checked as a cohort when it reads cleanly."""
    from govindex.io.checks import cohort_problems
    from govindex.io.cohort import cohort_of_parts
    from govindex.io.sources import read_source

    file = str(path)
    if methodology is None:
        return FileReport(file, "scores", (FileFormatError(Files.NEEDS_RUBRIC, file=file),))
    rubric = methodology.rubric
    problems = Problems()
    kind = "scores"
    count: int | None = None
    places: dict[str, Place] = {}
    warnings: tuple[FileNote, ...] = ()
    try:
        part = read_source(path, rubric, options=options, values=values, report=problems.add)
    except GovIndexError as error:
        problems.add(error)
    else:
        kind = part.kind
        count = len(part.lines)
        places = {agency: (line, part.sheet) for agency, line in part.lines.items()}
        clean = not problems
        cohort = cohort_of_parts(rubric, [part], [])
        if cohort is not None:
            found = cohort_problems(cohort, failed=part.failed, bad_cells=part.bad_cells, methodology=methodology)
            for problem in found:
                problems.add(problem)
            if clean:
                warnings = _unread(methodology, cohort.assessments(), file)
    return FileReport(
        file, kind, _unique(named(problems.kept, rubric)), rubric.id, count, places, warnings, problems.count
    )


def _document(path: str | Path | Upload, options: ReadOptions, problems: Problems) -> MarkedDocument | None:
    file = str(path)
    try:
        data = read_limited(path, options.max_bytes)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FileFormatError(Files.NOT_UTF8, byte=error.start, file=file) from None
        return load_document(text, file=file, sink=problems.add)
    except GovIndexError as error:
        problems.add(error)
        return None


def _named_methodology(document: MarkedDocument) -> Methodology | None:
    """The bundled rubric an assessment file names (``rubric:``), with its rules bound; ``None`` without one."""
    from govindex.io.bundled import list_rubrics, load_methodology

    named = document.data.get("rubric")
    return load_methodology(named) if isinstance(named, str) and named in list_rubrics() else None


def _assessment_file(document: MarkedDocument, methodology: Methodology | None, problems: Problems, file: str) -> FileReport:
    bound = methodology if methodology is not None else _named_methodology(document)
    against = None if bound is None else bound.rubric
    parsed, more = _file_of(document, against)
    for problem in more:
        problems.add(problem)
    count = len(parsed.agencies) if parsed is not None else None
    unread: tuple[FileNote, ...] = ()
    if parsed is not None and bound is not None and against is not None and not problems:
        assessments = parsed.assessments(against)
        for problem in _cohort_problems(bound, assessments, document):
            problems.add(problem)
        unread = _unread(bound, assessments, file)
    places: dict[str, Place] = {}
    if parsed is not None:
        for index, entry in enumerate(parsed.agencies):
            mark = document.locate(join_key(join_index("agencies", index), "id"))
            places.setdefault(entry.id, (None if mark is None else mark[0], None))
    return FileReport(
        file,
        "assessment",
        _unique(problems.kept),
        None if against is None else against.id,
        count,
        places,
        unread,
        problems.count,
    )


def _cohort_problems(
    methodology: Methodology, assessments: tuple[object, ...], document: MarkedDocument
) -> list[GovIndexError]:
    """Every problem scoring finds in an assessment file's cohort, at its path in the document."""
    from govindex.assessment import Assessment
    from govindex.io.checks import cohort_problems
    from govindex.io.cohort import cohort_of_parts
    from govindex.io.parts import part_of_assessments

    rubric = methodology.rubric
    cohort_list = [a for a in assessments if isinstance(a, Assessment)]
    found: list[GovIndexError] = []
    part = part_of_assessments(rubric, cohort_list, None, {}, found.append)
    cohort = cohort_of_parts(rubric, [part], found)
    if cohort is None:
        return [document.place(error) for error in found]
    ids = [a.agency.id for a in cohort_list]
    out: list[GovIndexError] = []
    for error in cohort_problems(cohort, methodology=methodology):
        if error.agency in ids:
            where = join_index("agencies", ids.index(error.agency))
            if error.node is not None:
                where = join_key(join_key(where, "scores"), error.node)
            out.append(document.place(error, where))
        else:
            out.append(error.with_context(file=document.file))
    return out


def validate_file(
    path: str | Path | Upload,
    methodology: Methodology | Rubric | None = None,
    *,
    options: ReadOptions | None = None,
    rules: Sequence[str | Path] = (),
    trust_rules: bool = False,
    values: str = "points",
) -> FileReport:
    """Check a rubric, assessment file (YAML/JSON), score table (CSV/XLSX) or filled form and list every problem.

    Score tables need ``methodology`` (a rubric with its rules bound, or a
    bare rubric, bound against the installed rules); an assessment file is
    checked against it, or else against the bundled rubric it names, if any.
    ``options`` says how tables are read and how large a file may be. A
    rubric file's rules are checked against its trees, with the rules files
    ``rules`` (``--rules``) and, only when ``trust_rules``, the rules files the
    rubric names (``rule_files``): otherwise no code runs, and a rule that
    needs such a file is refused, naming it and how to allow it.

    >>> from govindex.io.bundled import bundled_path
    >>> validate_file(bundled_path("sonla-2021-cqs.yaml")).summary("en").split(": ", 1)[1]
    'ok (rubric)'
    >>> validate_file(bundled_path("sonla-2021-cqs.yaml")).summary().split(": ", 1)[1]
    'không có lỗi (bộ tiêu chí)'
    """
    options = options or ReadOptions()
    file = str(path)
    suffix = suffix_of(path)
    bound = _bound(methodology)
    if suffix in {".csv", ".xlsx"}:
        return _score_file(path, bound, options, values)
    if suffix not in {".yaml", ".yml", ".json"}:
        error = FileFormatError(Files.UNKNOWN_EXTENSION_VALIDATE, extension=repr(suffix or "(none)"), file=file)
        return FileReport(file, "unknown", (error,))
    problems = Problems()
    document = _document(path, options, problems)
    if document is None:
        return FileReport(file, "unknown", _unique(problems.kept), found=problems.count)
    return _document_report(path, document, bound, options, (rules, trust_rules), problems)


def _document_report(
    path: str | Path | Upload,
    document: MarkedDocument,
    methodology: Methodology | None,
    options: ReadOptions,
    allowed: tuple[Sequence[str | Path], bool],
    problems: Problems,
) -> FileReport:
    """A YAML/JSON file's report, by what it holds: a rubric, an assessment file or a result."""
    file = str(path)
    data = document.data
    if isinstance(data, dict) and ("groups" in data or "legal_basis" in data):
        rules, trust_rules = allowed
        folder = None if isinstance(path, Upload) else Path(path).parent  # a file in memory never runs a rules file
        checked = methodology_of_document(document, folder=folder, rules=rules, trust_rules=trust_rules)
        for problem in checked.problems:
            problems.add(problem)
        notes: tuple[FileNote, ...] = ()
        if checked.not_run:
            from govindex.catalogue.results import Warnings

            files = list(checked.not_run)
            notes = (FileNote(file, lambda lang: Warnings.RULE_FILES_NOT_RUN.text(lang, files=files)),)
        return FileReport(file, "rubric", _unique(problems.kept), warnings=notes, found=problems.count)
    if isinstance(data, dict) and "agencies" in data:
        return _assessment_file(document, methodology, problems, file)
    if isinstance(data, dict) and "results" in data and methodology is not None and not problems:
        return _score_file(path, methodology, options)
    problems.add(FileFormatError(Files.UNKNOWN_KIND, file=file, line=1))
    return FileReport(file, "unknown", _unique(problems.kept), found=problems.count)


def _each_file(paths: Iterable[str | Path | Upload]) -> Iterator[str | Path | Upload]:
    for path in paths:
        found = score_files([path], [])
        yield from found or [path]


def validate_files(
    paths: Iterable[str | Path | Upload],
    methodology: Methodology | Rubric | None = None,
    *,
    options: ReadOptions | None = None,
    together: bool = False,
    rules: Sequence[str | Path] = (),
    trust_rules: bool = False,
    values: str = "points",
) -> list[FileReport]:
    """Check several files (:func:`validate_file`).

    A folder stands for its score files (:func:`govindex.io.cohort.score_files`); one without any is
    reported as the file it is. With ``together``, the score files are one cohort (as ``govindex score``
    reads several files): an agency found in two of them is a problem of the
    later file, naming both.
    """
    reports: list[FileReport] = []
    seen: dict[str, FileReport] = {}
    for path in _each_file(paths):
        report = validate_file(path, methodology, options=options, rules=rules, trust_rules=trust_rules, values=values)
        if not together:
            reports.append(report)
            continue
        clashes: list[GovIndexError] = []
        for agency_id, (line, sheet) in report.places.items():
            first = seen.get(agency_id)
            if first is None:
                seen[agency_id] = report
                continue
            clashes.append(
                InputError(
                    Reading.AGENCY_IN_TWO_FILES,
                    first=_describe(first, agency_id),
                    second=_describe(report, agency_id),
                    file=report.file,
                    line=line,
                    sheet=sheet,
                    agency=agency_id,
                )
            )
        if clashes:
            total = report.total + len(clashes)
            report = attrs.evolve(report, problems=_unique([*report.problems, *clashes]), found=total)
        reports.append(report)
    return reports


def _describe(report: FileReport, agency_id: str) -> Any:
    from govindex.io.parts import where_in_file

    line, sheet = report.places.get(agency_id, (None, None))
    return where_in_file((report.file, sheet, line))
