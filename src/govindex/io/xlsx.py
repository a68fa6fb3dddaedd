"""Score tables in Excel ``.xlsx`` (needs the ``excel`` extra: ``pip install '.[excel]'``).

The table is read from the first worksheet with a header row that names the
agency column (or the one named) by the same rules as CSV
(:mod:`govindex.io.table`): title rows above the header are skipped, wide or
long form, an empty cell is "not given", every refusal names the sheet and
cell. The workbook's rows come from :mod:`govindex.io.workbook` (only the
rows and cells the file holds, whatever its stored ``<dimension>`` says).
Numbers typed in Excel are read as the decimal they were typed as
(``9.3`` stays ``9.3``); text cells may hold numbers with a decimal comma
(``"9,3"``). Dates, times and errors (``#DIV/0!``) are refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from govindex.assessment import Assessment, Source
from govindex.errors import GovIndexError, collected
from govindex.io.cells import ReadOptions, read_limited
from govindex.io.cohort import cohort_of_parts, in_file_order
from govindex.io.csvio import check_text_cell, table_of
from govindex.io.workbook import excel_cell_text
from govindex.rubric import Rubric

__all__ = [
    "check_scores_xlsx",
    "excel_cell_text",
    "parse_scores_xlsx",
    "read_scores_xlsx",
    "scores_xlsx_bytes",
    "write_scores_xlsx",
    "xlsx_bytes",
]


def check_located(
    data: bytes,
    rubric: Rubric,
    *,
    file: str | None = None,
    sheet: str | None = None,
    options: ReadOptions | None = None,
    places: dict[str, int] | None = None,
    source: Source = Source.APPRAISED,
    values: str = "points",
) -> tuple[str | None, tuple[Assessment, ...], list[GovIndexError]]:
    """The sheet read (``None`` when none could be), its assessments and **every** problem found."""
    from govindex.io.sources import read_workbook
    from govindex.io.workbook import Workbook

    options = options or ReadOptions()
    if sheet is not None:
        options = attrs.evolve(options, sheet=sheet)
    problems: list[GovIndexError] = []
    try:
        with Workbook(data, file, options.max_bytes) as workbook:
            part = read_workbook(
                workbook, rubric, options=options, values=values, source=source, report=problems.append
            )
    except GovIndexError as error:
        return None, (), [*problems, error]
    if places is not None:
        places.update({agency: line for agency, line in part.lines.items() if line is not None})
    cohort = cohort_of_parts(rubric, [part], problems)
    return part.sheet, (() if cohort is None else cohort.assessments()), in_file_order(problems)


def parse_scores_xlsx(
    data: bytes,
    rubric: Rubric,
    *,
    file: str | None = None,
    source: Source = Source.APPRAISED,
    sheet: str | None = None,
    options: ReadOptions | None = None,
    places: dict[str, int] | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Read a score table from the bytes of an ``.xlsx`` workbook; see :func:`read_scores_xlsx`."""
    _title, found, problems = check_located(
        data, rubric, file=file, sheet=sheet, options=options, places=places, source=source, values=values
    )
    if problems:
        raise collected(in_file_order(problems))
    return found


def read_scores_xlsx(
    path: str | Path,
    rubric: Rubric,
    *,
    source: Source = Source.APPRAISED,
    sheet: str | None = None,
    options: ReadOptions | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Read a score table (wide or long form) from an Excel workbook.

    The sheet is ``sheet`` (or ``options.sheet``), else the first sheet with a
    header row that names the agency column (a cover sheet first is skipped).
    A file larger than ``options.max_bytes`` is refused before it is read.
    :func:`govindex.io.read_scores` gives the engine's columns instead.
    """
    options = options or ReadOptions()
    data = read_limited(path, options.max_bytes)
    return parse_scores_xlsx(data, rubric, file=str(path), source=source, sheet=sheet, options=options, values=values)


def check_scores_xlsx(
    data: bytes,
    rubric: Rubric,
    *,
    file: str | None = None,
    sheet: str | None = None,
    options: ReadOptions | None = None,
    places: dict[str, int] | None = None,
) -> tuple[tuple[Assessment, ...], list[GovIndexError]]:
    """Read an ``.xlsx`` score table and return what could be read with **every** problem found."""
    return check_located(data, rubric, file=file, sheet=sheet, options=options, places=places)[1:]


def xlsx_bytes(
    header: list[str], rows: Iterable[list[Any]], *, title: str = "govindex", decimals: int | None = None
) -> bytes:
    """A one-sheet workbook: the header row, then the rows (Decimals as numbers, text as string cells).

    Written by the one XLSX writer, :func:`govindex.render.xlsx.workbook_bytes`:
    no cell is a formula and the same rows give the same bytes.
    """
    from govindex.render.model import Column, Table
    from govindex.render.xlsx import workbook_bytes

    columns = [Column(name, name, decimals=decimals) for name in header]  # the header as written, never reworded
    return workbook_bytes([Table(title[:31] or "sheet", columns, rows)], lang="en")


def write_scores_xlsx(
    assessments: Iterable[Assessment], rubric: Rubric, path: str | Path, *, form: str | None = None
) -> None:
    """Write assessments as an ``.xlsx`` score table that :func:`read_scores_xlsx` reads back unchanged.

    Text is always a string cell, never a formula. A score is a number cell
    shown with the rubric's decimals when a number gives back its digits, and
    a text cell holding its exact digits when it would not (``20.50``, ``7.0``):
    the reader reads either. ``form`` as in :func:`govindex.io.csvio.table_of`:
    evidence is written in the long form; agency attributes are refused.
    """
    Path(path).write_bytes(scores_xlsx_bytes(assessments, rubric, form=form))


def scores_xlsx_bytes(assessments: Iterable[Assessment], rubric: Rubric, *, form: str | None = None) -> bytes:
    """The bytes of the workbook :func:`write_scores_xlsx` writes (the same assessments, the same bytes)."""
    header, rows = table_of(assessments, rubric, form=form)
    cells: list[list[Any]] = []
    for row in rows:
        for cell in row:
            if isinstance(cell, str):
                check_text_cell(cell)
        cells.append([_exact_cell(cell) if isinstance(cell, Decimal) else cell for cell in row])
    return xlsx_bytes(header, cells, title="scores", decimals=rubric.decimals)


def _exact_cell(value: Decimal) -> Decimal | str:
    """A score as a number cell if reading that number back gives the same digits, else as its digits in text."""
    written = f"{value:f}"
    number = float(value)  # float-ok: an Excel number cell is a double; does it keep these digits?
    if f"{Decimal(repr(number)):f}".removesuffix(".0") == written and abs(number) < 1e15:
        return value
    return written
