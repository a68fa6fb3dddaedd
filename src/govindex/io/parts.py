"""Assessments read another way (an assessment file, a form, a dataset, a result) as a table part, checked as cells are."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from govindex.assessment import Assessment
from govindex.catalogue.reading import Reading
from govindex.engine._layout import layout_of
from govindex.errors import GovIndexError, InputError
from govindex.io.table import BLANK, GroupPart, TablePart, check_scaled, code_of, codes_dtype
from govindex.points import decimals_of, to_scaled
from govindex.rubric import Rubric

__all__ = ["part_of_assessments", "where_in_file"]

#: Where an agency was found: its file, its sheet (in a workbook) and its line (row).
Place = tuple[str | None, str | None, int | None]
Report = Callable[[GovIndexError], None]


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
        if assessment.reasons:
            piece.reasons[agency.id] = dict(assessment.reasons)
        part.lines[agency.id] = lines.get(agency.id)  # type: ignore[assignment]
    return part


def _code(layout: Any, node_id: str, value: Any) -> tuple[int, int]:
    """The position and code of a score given as a Decimal, checked as a table's cell is."""
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
