"""Checking files without stopping at the first problem (``govindex validate``).

:func:`validate_file` reads a rubric, an assessment file or a score table
and lists **every** problem it finds, each with its file, line, column and
path, instead of raising the first one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.io.assessments import Place, _file_of
from govindex.io.cells import ReadOptions, read_limited
from govindex.io.csvio import check_scores_csv
from govindex.io.rubrics import methodology_of_document
from govindex.io.yamlio import Document, join_index, join_key, load_document
from govindex.methodology import Methodology
from govindex.rubric import Rubric

__all__ = ["FileReport", "validate_file", "validate_files"]


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
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One line: ``scores.csv: ok (score table, 18 agencies, checked against sonla-2017-it)``."""
        what = {
            "rubric": "rubric",
            "assessment": "assessment file",
            "scores": "score table",
            "form": "form from govindex template",
        }.get(self.kind, self.kind)
        details = [what]
        if self.count is not None:
            details.append(f"{self.count} agencies")
        if self.kind in {"assessment", "scores", "form"}:
            details.append(f"checked against {self.rubric}" if self.rubric else "not checked against a rubric")
        state = "ok" if self.ok else f"{len(self.problems)} problem(s)"
        return f"{self.file}: {state} ({', '.join(details)})"


def _unique(problems: list[GovIndexError]) -> tuple[GovIndexError, ...]:
    """The problems in the order of the file, each place reported once."""
    seen: set[tuple[str | None, int | None, int | None, str | None]] = set()
    out: list[GovIndexError] = []
    for problem in sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.column or 0)):
        key = (problem.file, problem.line, problem.column, problem.path)
        if key in seen and problem.line is not None:
            continue
        seen.add(key)
        out.append(problem)
    return tuple(out)


def _cohort_problems(
    rubric: Methodology | Rubric, assessments: tuple[object, ...], document: Document | None, file: str
) -> list[GovIndexError]:
    """Problems that only show when the whole cohort is scored (sums that disagree, missing scores)."""
    from govindex.assessment import Assessment
    from govindex.scoring import score

    cohort = [a for a in assessments if isinstance(a, Assessment)]
    try:
        score(rubric, cohort)
    except GovIndexError as error:
        if document is not None and error.agency is not None:
            ids = [a.agency.id for a in cohort]
            if error.agency in ids:
                where = join_index("agencies", ids.index(error.agency))
                if error.node is not None:
                    where = join_key(join_key(where, "scores"), error.node)
                return [document.place(error, where)]
        return [error.with_context(file=file)]
    return []


def _unread(methodology: Methodology, assessments: Iterable[object], file: str) -> tuple[str, ...]:
    """Agency facts the file gives that no rule of the rubric reads, one line each."""
    from govindex.assessment import Assessment
    from govindex.rules.check import unread_facts

    cohort = [a for a in assessments if isinstance(a, Assessment)]
    found = unread_facts(methodology.rubric, cohort, methodology.rules)
    return tuple(f"{file}: {fact.message_in('vi')}" for fact in found)


def _bound(rubric: Methodology | Rubric) -> Methodology:
    from govindex.methodology import bind

    return rubric if isinstance(rubric, Methodology) else bind(rubric)


def validate_file(
    path: str | Path,
    methodology: Methodology | Rubric | None = None,
    *,
    options: ReadOptions | None = None,
    rules: Sequence[str | Path] = (),
    trust_rules: bool = False,
) -> FileReport:
    """Check a rubric, assessment file (YAML/JSON) or score table (CSV/XLSX) and list every problem.

    Score tables need ``methodology`` (a rubric with its rules bound, or a
    bare rubric, bound against the installed rules); an assessment file is
    checked against it, or else against the bundled rubric it names, if any.
    ``options`` says how tables are read and how large a file may be. A
    rubric file's rules are checked against its trees, with the rules files
    ``rules`` (``--rules``) and, only when ``trust_rules``, the rules files
    the rubric names (``rule_files``): otherwise no code runs, and a rule
    that needs such a file is refused, naming it and how to allow it.

    >>> from govindex.io.bundled import bundled_path
    >>> validate_file(bundled_path("sonla-2021-cqs.yaml")).summary().split(": ", 1)[1]
    'ok (rubric)'
    """
    options = options or ReadOptions()
    file = str(path)
    suffix = Path(path).suffix.lower()
    bound = None if methodology is None else _bound(methodology)
    rubric = None if bound is None else bound.rubric
    if suffix in {".csv", ".xlsx"}:
        if rubric is None or bound is None:
            return FileReport(
                file,
                "scores",
                (FileFormatError("a score table is checked against a rubric: pass --rubric", file=file),),
            )
        try:
            data = read_limited(path, options.max_bytes, "file")
        except GovIndexError as error:
            return FileReport(file, "scores", (error,))
        lines: dict[str, int] = {}
        sheet: str | None = None
        kind = "scores"
        if suffix == ".csv":
            assessments, found = check_scores_csv(data, rubric, file=file, options=options, places=lines)
        else:
            from govindex.io.forms import is_form, parse_form
            from govindex.io.xlsx import check_located

            if is_form(data):
                found = []
                try:
                    assessments = parse_form(data, rubric, file=file, sink=found.append)
                except GovIndexError as error:
                    assessments, found = (), [*found, error]
                kind = "form"
                lines = {assessment.agency.id: 0 for assessment in assessments}
            else:
                sheet, assessments, found = check_located(data, rubric, file=file, options=options, places=lines)
        if not found:
            found = _cohort_problems(bound, assessments, None, file)
        places = {agency: (line or None, sheet) for agency, line in lines.items()}
        warnings = _unread(bound, assessments, file)
        return FileReport(file, kind, _unique(found), rubric.id, len(assessments), places, warnings)
    if suffix not in {".yaml", ".yml", ".json"}:
        return FileReport(
            file,
            "unknown",
            (FileFormatError(f"cannot tell the kind of file from the extension {suffix or '(none)'!r}", file=file),),
        )
    problems: list[GovIndexError] = []
    try:
        data = read_limited(path, options.max_bytes, "file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=file) from None
        document = load_document(text, file=file, sink=problems.append)
    except GovIndexError as error:
        return FileReport(file, "unknown", _unique([*problems, error]))
    data = document.data
    if isinstance(data, dict) and ("groups" in data or "legal_basis" in data):
        checked = methodology_of_document(document, folder=Path(path).parent, rules=rules, trust_rules=trust_rules)
        notes: tuple[str, ...] = ()
        if checked.not_run:
            from govindex.catalogue.results import Warnings

            notes = (f"{file}: {Warnings.RULE_FILES_NOT_RUN.text('vi', files=list(checked.not_run))}",)
        return FileReport(file, "rubric", _unique(problems + list(checked.problems)), warnings=notes)
    if isinstance(data, dict) and "agencies" in data:
        against = bound
        if against is None and isinstance(data.get("rubric"), str):
            from govindex.io.bundled import list_rubrics, load_methodology

            if data["rubric"] in list_rubrics():
                against = load_methodology(data["rubric"])
        parsed, more = _file_of(document, None if against is None else against.rubric)
        problems += more
        count = len(parsed.agencies) if parsed is not None else None
        unread: tuple[str, ...] = ()
        if parsed is not None and against is not None and not problems:
            cohort = parsed.assessments(against.rubric)
            problems += _cohort_problems(against, cohort, document, file)
            unread = _unread(against, cohort, file)
        yaml_places: dict[str, Place] = {}
        if parsed is not None:
            for index, entry in enumerate(parsed.agencies):
                mark = document.locate(join_key(join_index("agencies", index), "id"))
                yaml_places.setdefault(entry.id, (None if mark is None else mark[0], None))
        return FileReport(
            file,
            "assessment",
            _unique(problems),
            None if against is None else against.rubric.id,
            count,
            yaml_places,
            unread,
        )
    problems.append(
        FileFormatError(
            "cannot tell what this file is: a rubric has 'groups', an assessment file has 'agencies'", file=file, line=1
        )
    )
    return FileReport(file, "unknown", _unique(problems))


def validate_files(
    paths: Iterable[str | Path],
    methodology: Methodology | Rubric | None = None,
    *,
    options: ReadOptions | None = None,
    together: bool = False,
    rules: Sequence[str | Path] = (),
    trust_rules: bool = False,
) -> list[FileReport]:
    """Check several files (:func:`validate_file`).

    With ``together``, the score files are one cohort (as ``govindex score``
    reads several files): an agency found in two of them is a problem of the
    later file, naming both.
    """
    reports: list[FileReport] = []
    seen: dict[str, FileReport] = {}
    for path in paths:
        report = validate_file(path, methodology, options=options, rules=rules, trust_rules=trust_rules)
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
                    f"the agency is in two files: {_describe(first, agency_id)} and {_describe(report, agency_id)}; "
                    "each agency's scores come from one file",
                    file=report.file,
                    line=line,
                    sheet=sheet,
                    agency=agency_id,
                )
            )
        if clashes:
            report = attrs.evolve(report, problems=_unique([*report.problems, *clashes]))
        reports.append(report)
    return reports


def _describe(report: FileReport, agency_id: str) -> str:
    line, sheet = report.places.get(agency_id, (None, None))
    if line is None:
        return report.file
    return f"{report.file} ({sheet}!{line})" if sheet is not None else f"{report.file} (line {line})"
