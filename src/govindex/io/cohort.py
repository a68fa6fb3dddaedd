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
from govindex.engine._layout import layout_of
from govindex.errors import GovIndexError, InputError, collected
from govindex.io.cells import ReadOptions
from govindex.io.table import BLANK, GroupPart, TablePart, code_of, codes_dtype, split_codes
from govindex.measures import Measurement
from govindex.points import to_scaled
from govindex.rubric import Rubric
from govindex.views import VALUES

if TYPE_CHECKING:
    from govindex.engine import ScoreTable

__all__ = ["Cohort", "Place", "cohort_of_parts", "in_file_order", "part_of_assessments", "read_scores"]

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
            if not measured and not evidence:
                out.append(assessment)
                continue
            scores = {node: value for node, value in assessment.scores.items() if node not in measured}
            out.append(attrs.evolve(assessment, scores=scores, evidence=evidence, measurements=measured))
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
    for piece in every:
        measured.update(piece.measurements)
        evidence.update(piece.evidence)
    table = ScoreTable(rubric, tuple(groups), measured=measured, not_assessed=_not_assessed(parts))
    named = [part for part in parts if part.file is not None]
    columns = {str(part.file): part.columns for part in named}
    files = tuple(dict.fromkeys(str(part.file) for part in named))
    return Cohort(table, (), places, columns, evidence, files)


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
    arrays = [np.asfortranarray(array) for array in split_codes(codes[order], dtype)]
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


def where_in_file(place: Place) -> Any:
    """A file and where in it, worded for the message that holds it: ``a.csv (line 2)``, ``b.xlsx (Điểm!5)``."""
    from govindex.io.header import Worded

    file, sheet, line = place
    shown = file or "-"
    if line is None:
        return shown
    if sheet is not None:
        return f"{shown} ({sheet}!{line})"
    return Worded(Reading.FILE_LINE, where=shown, at_line=line)


def part_of_assessments(
    rubric: Rubric,
    assessments: Iterable[Assessment],
    file: str | None,
    lines: Mapping[str, int | None],
    report: Report,
    sheet: str | None = None,
    *,
    blank_rows: bool = False,
) -> TablePart:
    """A part from assessments read another way (an assessment file, a form, a dataset), checked like a table's.

    With ``blank_rows``, an agency without any score is set aside as not assessed.
    """
    import numpy as np

    part = TablePart(file, sheet)
    dtype = codes_dtype(rubric)
    for assessment in assessments:
        agency = assessment.agency
        if agency.group not in rubric.group_ids:
            try:
                rubric.group(agency.group)
            except GovIndexError as error:
                report(error.with_context(file=file, sheet=sheet, line=lines.get(agency.id), agency=agency.id))
            continue
        group = rubric.group(agency.group)
        piece = part.groups.get(group.id)
        if piece is None:
            piece = part.groups[group.id] = GroupPart(group.id, layout_of(group, rubric.decimals))
        row = np.full(piece.layout.width, BLANK, dtype=dtype)
        for node_id, value in assessment.scores.items():
            try:
                position, code = _code(piece.layout, node_id, value)
            except GovIndexError as error:
                where = {"file": file, "sheet": sheet, "line": lines.get(agency.id)}
                report(error.with_context(agency=agency.id, node=node_id, **where))
                continue
            row[position] = code
        if blank_rows and not assessment.scores and not assessment.measurements:
            part.blank.append((agency, lines.get(agency.id)))  # type: ignore[arg-type]
            continue
        piece.agencies.append(agency)
        piece.lines.append(lines.get(agency.id))  # type: ignore[arg-type]
        piece.sources.append(assessment.source)
        piece.rows.append(row)
        if assessment.measurements:
            piece.measurements[agency.id] = dict(assessment.measurements)
        if assessment.evidence:
            piece.evidence[agency.id] = dict(assessment.evidence)
        part.lines[agency.id] = lines.get(agency.id)  # type: ignore[assignment]
    return part


def _code(layout: Any, node_id: str, value: Any) -> tuple[int, int]:
    """The position and code of a score given as a Decimal, checked as a table's cell is."""
    from govindex.io.table import check_scaled
    from govindex.points import decimals_of

    position = layout.index.get(node_id)
    if position is None:
        raise InputError(
            Reading.UNKNOWN_NODE, criterion=repr(node_id), in_group=repr(layout.group_id), known=layout.ids
        )
    if decimals_of(value) > layout.decimals:
        raise InputError(Reading.TOO_PRECISE, value=value, decimals=layout.decimals)
    scaled = to_scaled(value, layout.decimals)
    check_scaled(layout, position, scaled)
    exponent = value.as_tuple().exponent
    return position, code_of(scaled, -exponent if isinstance(exponent, int) else 0)


def read_scores(
    sources: str | Path | Iterable[str | Path],
    rubric: Rubric,
    *,
    options: ReadOptions | None = None,
    values: str = "points",
    source: Source | None = None,
) -> Cohort:
    """Read score sources into one cohort: the engine's columns, with where each agency and criterion is.

    ``sources`` are paths (``.csv`` and ``.xlsx`` tables, filled forms,
    ``.yaml``/``.yml``/``.json`` assessment files, the JSON that ``govindex
    score --format json`` writes) or ids of bundled published datasets.
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

    paths = [sources] if isinstance(sources, (str, Path)) else list(sources)
    problems: list[GovIndexError] = []
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
        raise collected(in_file_order(problems))
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


def in_file_order(problems: Sequence[GovIndexError]) -> list[GovIndexError]:
    """Problems by file (in the order the files were read), then line and column (those without a line last)."""
    files: dict[str | None, int] = {}
    for problem in problems:
        files.setdefault(problem.file, len(files))
    return sorted(problems, key=lambda p: (files[p.file], p.line is None, p.line or 0, p.column is None, p.column or 0))
