"""Several score sources, one cohort: :func:`read_scores` and :class:`Cohort`.

A source is a path (a CSV or XLSX table, a filled form, a YAML/JSON
assessment file, the JSON of ``govindex score --format json``) or the id of
a bundled published dataset. Each is read into the engine's columns with its
provenance (file, sheet and line of each agency; column of each criterion),
every problem of every source is collected and raised once
(:func:`govindex.errors.collected`), and an agency found in two sources is
refused, naming both.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from govindex.agency import Agency
from govindex.assessment import Assessment, Source
from govindex.catalogue.files import Files
from govindex.catalogue.reading import Reading
from govindex.catalogue.round import RoundFiles
from govindex.errors import FileFormatError, GovIndexError, InputError, collected
from govindex.io.cells import ReadOptions, Upload
from govindex.io.parts import where_in_file
from govindex.io.table import GroupPart, TablePart, split_codes
from govindex.measures import Measurement
from govindex.rubric import Rubric
from govindex.views import VALUES

if TYPE_CHECKING:
    from govindex.engine import ScoreTable

__all__ = [
    "Cohort",
    "Place",
    "ScoreFile",
    "cohort_of_parts",
    "combine_score_files",
    "in_file_order",
    "read_assessments",
    "read_score_file",
    "read_scores",
]

#: Where an agency was found: its file, its sheet (in a workbook) and its line (row).
Place = tuple[str | None, str | None, int | None]

Report = Any


@attrs.frozen(eq=False)
class Cohort:
    """The scores of a cohort as the engine's columns, with where each agency and criterion came from.

    ``table`` is the :class:`~govindex.engine.ScoreTable` (every cell checked
    once); ``warnings`` what deserves a look but is not wrong; ``places``
    the file, sheet and line of each agency; ``columns`` the column of each
    criterion in each file; ``evidence`` the evidence given per agency and
    criterion.
    """

    table: ScoreTable
    warnings: tuple[GovIndexError, ...] = ()
    places: Mapping[str, Place] = attrs.field(factory=dict)
    columns: Mapping[str, Mapping[str, int]] = attrs.field(factory=dict)
    evidence: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    files: tuple[str, ...] = ()
    #: an appraisal's reasons per agency and criterion
    reasons: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)

    @property
    def rubric(self) -> Rubric:
        return self.table.rubric

    def __len__(self) -> int:
        return len(self.table)

    def locate(self, error: GovIndexError) -> GovIndexError:
        """An error found after reading (scores that do not add up), placed at its agency's file, sheet and cell."""
        if error.file is not None:
            return error
        place = self.places.get(error.agency) if error.agency is not None else None
        if place is None:
            return error.with_context(file=self.files[0]) if len(self.files) == 1 else error
        file, sheet, line = place
        column = None
        if line is not None and error.node is not None and file is not None:
            column = self.columns.get(file, {}).get(error.node)
        name = None
        if error.agency is not None and error.agency_name is None:
            name = _agency_name(self.table, error.agency)
        return error.with_context(file=file, sheet=sheet, line=line, column=column, agency_name=name)

    def describe(self, agency_id: str) -> Any:
        """``scores.csv (line 3)`` (worded per language), ``book.xlsx (Điểm!5)`` or the file alone."""
        return where_in_file(self.places.get(agency_id, (None, None, None)))

    def assessments(self) -> tuple[Assessment, ...]:
        """The cohort as assessments (with their evidence and measurements), in the order they were read."""
        out: list[Assessment] = []
        files: dict[str | None, int] = {file: index for index, file in enumerate(self.files)}

        def reading_order(item: Assessment) -> tuple[int, int]:
            file, _sheet, line = self.places.get(item.agency.id, (None, None, None))
            return files.get(file, len(files)), line or 0

        for assessment in sorted(self.table.assessments(), key=reading_order):
            agency_id = assessment.agency.id
            measured = self.table.measurements.get(agency_id, {})
            evidence = self.evidence.get(agency_id, {})
            reasons = self.reasons.get(agency_id, {})
            if not measured and not evidence and not reasons:
                out.append(assessment)
                continue
            scores = {node: value for node, value in assessment.scores.items() if node not in measured}
            out.append(
                attrs.evolve(assessment, scores=scores, evidence=evidence, measurements=measured, reasons=reasons)
            )
        return tuple(out)


def _agency_name(table: ScoreTable, agency_id: str) -> str | None:
    for group in table.groups:
        for agency in group.agencies:
            if agency.id == agency_id:
                return agency.name
    return None


def cohort_of_parts(rubric: Rubric, parts: Sequence[TablePart], problems: list[GovIndexError]) -> Cohort | None:
    """One cohort from the parts read (each an agency's scores in one file); an agency in two files is a problem."""
    from govindex.engine import ScoreTable, value_dtype

    places = _places(parts, problems)
    if problems:
        return None
    dtype = value_dtype(rubric)
    every = [piece for part in parts for piece in part.groups.values() if piece.agencies]
    groups = []
    for group in rubric.groups:
        pieces = [piece for piece in every if piece.group == group.id]
        if pieces:
            groups.append(_group_table(pieces, dtype))
    measured: dict[str, Mapping[str, Measurement]] = {}
    evidence: dict[str, Mapping[str, str]] = {}
    reasons: dict[str, Mapping[str, str]] = {}
    for piece in every:
        measured.update(piece.measurements)
        evidence.update(piece.evidence)
        reasons.update(piece.reasons)
    table = ScoreTable(rubric, tuple(groups), measured=measured, not_assessed=_not_assessed(parts))
    named = [part for part in parts if part.file is not None]
    columns = {str(part.file): part.columns for part in named}
    files = tuple(dict.fromkeys(str(part.file) for part in named))
    warnings = tuple(warning for part in parts for warning in part.warnings)
    return Cohort(table, warnings, places, columns, evidence, files, reasons)


def _not_assessed(parts: Sequence[TablePart]) -> tuple[tuple[Agency, str], ...]:
    """The agencies set aside while reading: blank rows, and those a result file lists as not assessed."""
    blank = Reading.NOT_ASSESSED_BLANK.text("vi")
    found = [(agency, blank) for part in parts for agency, _line in part.blank]
    return tuple(found + [item for part in parts for item in part.excluded])


def _places(parts: Sequence[TablePart], problems: list[GovIndexError]) -> dict[str, Place]:
    """Where each agency was found; an agency found in two files is a problem (added to ``problems``)."""
    places: dict[str, Place] = {}
    first_part: dict[str, TablePart] = {}
    for part in parts:
        found = [
            (agency, line)
            for piece in part.groups.values()
            for agency, line in zip(piece.agencies, piece.lines, strict=True)
        ]
        for agency, line in [*found, *part.blank]:
            _claim(agency.id, part, line, places, first_part, problems)
    return places


def _group_table(pieces: Sequence[GroupPart], dtype: Any) -> Any:
    """One group's table from its pieces (one per file): agencies by id, scores column-major, read-only."""
    import numpy as np

    from govindex.engine import GroupTable

    codes = np.concatenate([piece.codes() for piece in pieces]) if len(pieces) > 1 else pieces[0].codes()
    agencies = [agency for piece in pieces for agency in piece.agencies]
    lines = [line for piece in pieces for line in piece.lines]
    sources = [source for piece in pieces for source in piece.sources]
    order = sorted(range(len(agencies)), key=lambda i: agencies[i].id)
    arrays = [np.asfortranarray(array) for array in split_codes(_rows_in(codes, order), dtype)]
    for array in arrays:
        array.flags.writeable = False
    values, given, digits = arrays
    return GroupTable(
        pieces[0].layout,
        tuple(agencies[i] for i in order),
        values,
        given,
        tuple(sources[i] for i in order),
        None,
        tuple(lines[i] for i in order),
        digits,
    )


def _rows_in(codes: Any, order: list[int]) -> Any:
    """The rows of ``codes`` in ``order``, gathered column by column (no row-major copy of the table)."""
    import numpy as np

    if order == list(range(len(order))):
        return codes
    picked = np.empty(codes.shape, dtype=codes.dtype, order="F")
    rows = np.array(order, dtype=np.intp)
    for column in range(codes.shape[1]):
        np.take(codes[:, column], rows, out=picked[:, column])
    return picked


def _claim(
    agency_id: str,
    part: TablePart,
    line: int | None,
    places: dict[str, Place],
    first_part: dict[str, TablePart],
    clashes: list[GovIndexError],
) -> None:
    first = first_part.get(agency_id)
    if first is None:
        first_part[agency_id] = part
        places[agency_id] = (part.file, part.sheet, line)
        return
    if first is part:  # pragma: no cover - a reader refuses an agency twice in one file
        return
    clashes.append(
        InputError(
            Reading.AGENCY_IN_TWO_FILES,
            first=where_in_file(places[agency_id]),
            second=where_in_file((part.file, part.sheet, line)),
            file=part.file,
            sheet=part.sheet,
            line=line,
            agency=agency_id,
        )
    )


#: The extensions of the score files a folder stands for.
SCORE_FILE_EXTENSIONS = (".xlsx", ".csv", ".yaml", ".yml", ".json")


def score_files(
    sources: Iterable[str | Path | Upload], problems: list[GovIndexError] | None = None
) -> list[str | Path | Upload]:
    """The sources, each folder replaced by its score files (``.xlsx``, ``.csv``, ``.yaml``, ``.yml``, ``.json``,
    in name order; hidden files and spreadsheet lock files ``~$…`` left out). A folder without one is a
    problem (added to ``problems``, else raised)."""
    out: list[str | Path | Upload] = []
    for one in sources:
        if isinstance(one, Upload) or not _is_folder(one):
            out.append(one)
            continue
        found = sorted(
            item
            for item in Path(one).iterdir()
            if item.is_file() and item.suffix.lower() in SCORE_FILE_EXTENSIONS and not item.name.startswith((".", "~$"))
        )
        if not found:
            error = FileFormatError(RoundFiles.EMPTY_FOLDER, known=list(SCORE_FILE_EXTENSIONS), file=str(one))
            if problems is None:
                raise error
            problems.append(error)
        out.extend(item if isinstance(one, Path) else str(item) for item in found)
    return out


def _is_folder(path: str | Path) -> bool:
    """Whether ``path`` names a folder (a path the system cannot even look up is left to the reader to refuse)."""
    try:
        return Path(path).is_dir()
    except (OSError, ValueError):
        return False


def read_scores(
    sources: str | Path | Upload | Iterable[str | Path | Upload],
    rubric: Rubric,
    *,
    options: ReadOptions | None = None,
    values: str = "points",
    source: Source | None = None,
) -> Cohort:
    """Read score sources into one cohort: the engine's columns, with where each agency and criterion is.

    ``sources`` are paths (``.csv`` and ``.xlsx`` tables, filled forms,
    ``.yaml``/``.yml``/``.json`` assessment files, the JSON that ``govindex
    score --format json`` writes) or ids of bundled published datasets; a
    folder stands for its score files (:func:`score_files`).
    ``values="index"`` reads every value as a share of its node's maximum on
    the rubric's published scale. ``source`` overrides the sources' own
    (tables default to the appraisal). Every problem of every source is
    found before one error is raised with all of them
    (:func:`govindex.errors.collected`: ``govindex validate`` lists them).

    >>> from govindex import load_rubric
    >>> cohort = read_scores("examples/dti-index-values.csv", load_rubric("vn-dti-2022-province"), values="index")
    >>> len(cohort), cohort.places["tinh-b"], cohort.columns["examples/dti-index-values.csv"]["digital_awareness"]
    (5, ('examples/dti-index-values.csv', None, 3), 3)
    """
    options = options or ReadOptions()
    if values not in VALUES:
        raise InputError(Files.UNKNOWN_VALUES, values=repr(values), known=VALUES)
    from govindex.io.sources import read_source

    problems: list[GovIndexError] = []
    paths = score_files([sources] if isinstance(sources, (str, Path, Upload)) else list(sources), problems)
    parts: list[TablePart] = []
    with _collector_paused():
        for one in paths:
            try:
                part = read_source(one, rubric, options=options, values=values, source=source, report=problems.append)
            except GovIndexError as error:
                problems.append(error)
            else:
                parts.append(part)
        cohort = cohort_of_parts(rubric, parts, problems)
    if cohort is None:
        raise collected(in_file_order(named(problems, rubric)))
    return cohort


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a table is read: its rows make many objects and no cycle."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def named(problems: Iterable[GovIndexError], rubric: Rubric) -> list[GovIndexError]:
    """The problems with their criterion's name beside its id (Vietnamese messages name it, not its id),
    looked up in the problem's group, else in the first group that has the criterion."""
    out: list[GovIndexError] = []
    for problem in problems:
        if problem.node is not None and problem.node_name is None:
            groups = [g for g in rubric.groups if g.id == problem.group] or list(rubric.groups)
            found = next((g.tree.find(problem.node) for g in groups if problem.node in g.node_ids), None)
            if found is not None:
                problem = problem.with_context(node_name=found.name)
        out.append(problem)
    return out


def in_file_order(problems: Sequence[GovIndexError]) -> list[GovIndexError]:
    """Problems by file (in the order the files were read), then line and column (those without a line last)."""
    files: dict[str | None, int] = {}
    for problem in problems:
        files.setdefault(problem.file, len(files))
    return sorted(problems, key=lambda p: (files[p.file], p.line is None, p.line or 0, p.column is None, p.column or 0))


#: Where an agency was found in a score file: its line (row) and, in a workbook, its sheet.
FilePlace = tuple[int | None, str | None]


@attrs.frozen
class ScoreFile:
    """The assessments read from one score file, and the line (and sheet) where each agency was found."""

    file: str
    assessments: tuple[Assessment, ...]
    places: Mapping[str, FilePlace] = attrs.field(factory=dict, eq=False, hash=False)
    columns: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    #: what deserves a look but is not wrong (a reason given where no score changed)
    warnings: tuple[GovIndexError, ...] = attrs.field(default=(), eq=False, hash=False)

    def describe(self, agency_id: str) -> Any:
        """``scores.csv (line 3)`` (worded per language), ``book.xlsx (Điểm!5)`` or the file alone."""
        line, sheet = self.places.get(agency_id, (None, None))
        return where_in_file((self.file, sheet, line))


def read_score_file(
    path: str | Path | Upload,
    rubric: Rubric,
    *,
    source: Source | None = None,
    options: ReadOptions | None = None,
    values: str = "points",
) -> ScoreFile:
    """Read one score file of any supported kind (by extension; see :data:`govindex.io.sources.SOURCE_READERS`)."""
    cohort = read_scores([path], rubric, options=options, values=values, source=source)
    places = {agency: (line, sheet) for agency, (_file, sheet, line) in cohort.places.items()}
    columns = cohort.columns.get(str(path), {})
    return ScoreFile(str(path), cohort.assessments(), places, columns, cohort.warnings)


def combine_score_files(files: Iterable[ScoreFile]) -> tuple[Assessment, ...]:
    """The assessments of several score files; an agency found in two files is refused, naming both."""
    seen: dict[str, ScoreFile] = {}
    out: list[Assessment] = []
    for score_file in files:
        for assessment in score_file.assessments:
            agency_id = assessment.agency.id
            first = seen.get(agency_id)
            if first is not None:
                line, sheet = score_file.places.get(agency_id, (None, None))
                raise InputError(
                    Reading.AGENCY_IN_TWO_FILES,
                    first=first.describe(agency_id),
                    second=score_file.describe(agency_id),
                    file=score_file.file,
                    line=line,
                    sheet=sheet,
                    agency=agency_id,
                )
            seen[agency_id] = score_file
            out.append(assessment)
    return tuple(out)


def read_assessments(
    path: str | Path | Upload | Sequence[str | Path | Upload],
    rubric: Rubric,
    *,
    source: Source | None = None,
    options: ReadOptions | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Read the assessments of one score file, or of several together, of any supported kind (by extension).

    The assessments of :func:`govindex.io.read_scores` (which gives the
    engine's columns and where each agency was found): ``values="index"``
    reads every value as a share of its node's maximum on the rubric's
    published scale; ``source`` overrides the file's own source (tables
    have none; they default to the appraisal); ``options`` says how tables
    are read (sheet, columns to leave unread, agency registry, size limits).
    Given several files, an agency found in two of them is refused, naming both.
    """
    paths = [path] if isinstance(path, (str, Path, Upload)) else list(path)
    return read_scores(paths, rubric, options=options, values=values, source=source).assessments()
