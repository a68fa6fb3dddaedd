"""Score tables in Excel ``.xlsx`` (needs the ``excel`` extra: ``pip install 'govindex[excel]'``).

The table is read from the first worksheet (or the one named) by the same
rules as CSV (:mod:`govindex.io.csvio`): wide or long form, an empty cell is
"not given", every refusal names the row and column. Numbers typed in Excel
arrive as binary floats; each is turned into the decimal it was typed as
through its shortest representation (``9.3`` stays ``9.3``), which is exact
for numbers of up to 15 significant digits. Text cells may hold numbers with
a decimal comma (``"9,3"``). Dates, times and errors (``#DIV/0!``) are refused.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from govindex._optional import require
from govindex.assessment import Assessment, Source
from govindex.errors import FileFormatError, GovIndexError
from govindex.io.csvio import Row, score_table_rows, table_of
from govindex.rubric import Rubric

__all__ = [
    "check_scores_xlsx",
    "excel_cell_text",
    "parse_scores_xlsx",
    "read_scores_xlsx",
    "write_scores_xlsx",
    "xlsx_bytes",
]

_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}


def excel_cell_text(value: Any) -> str:
    """The text a cell value stands for, numbers exactly (``9.3`` typed in Excel gives ``"9.3"``).

    >>> excel_cell_text(9.3), excel_cell_text(10), excel_cell_text(None), excel_cell_text("9,3")
    ('9.3', '10', '', '9,3')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FileFormatError(f"the number {value!r} is not finite")
        return f"{Decimal(repr(value)):f}"
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise FileFormatError(f"the number {value} is not finite")
        return f"{value:f}"
    if isinstance(value, str):
        if value.strip() in _ERRORS:
            raise FileFormatError(f"the cell holds the Excel error {value.strip()}")
        return value
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise FileFormatError(
            f"the cell holds a date or time ({value}), not a number or text; format the cell as a number or text"
        )
    raise FileFormatError(f"the cell holds {type(value).__name__} {value!r}, not a number or text")


def _open(data: bytes, file: str | None, data_only: bool) -> Any:
    openpyxl = require("openpyxl", "excel")
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileFormatError(f"not a readable .xlsx workbook ({type(error).__name__}: {error})", file=file) from None


def _sheet(workbook: Any, sheet: str | None, file: str | None) -> Any:
    if sheet is None:
        if not workbook.worksheets:
            raise FileFormatError("the workbook has no worksheet", file=file)
        return workbook.worksheets[0]
    if sheet not in workbook.sheetnames:
        raise FileFormatError(
            f"the workbook has no sheet {sheet!r}; its sheets are {', '.join(workbook.sheetnames)}", file=file
        )
    return workbook[sheet]


def _rows(data: bytes, file: str | None, sheet: str | None, report: Any) -> list[Row]:
    workbook = _open(data, file, data_only=False)
    try:
        raw = [list(values) for values in _sheet(workbook, sheet, file).iter_rows(values_only=True)]
    except GovIndexError:
        raise
    except Exception as error:
        raise FileFormatError(f"not a readable .xlsx worksheet ({type(error).__name__}: {error})", file=file) from None
    finally:
        workbook.close()
    formulas = [
        (r, c) for r, row in enumerate(raw) for c, v in enumerate(row) if isinstance(v, str) and v.startswith("=")
    ]
    if formulas:
        cached = _open(data, file, data_only=True)
        try:
            values = [list(row) for row in _sheet(cached, sheet, file).iter_rows(values_only=True)]
        finally:
            cached.close()
        for r, c in formulas:
            value = values[r][c] if r < len(values) and c < len(values[r]) else None
            if value is None:
                report(
                    FileFormatError(
                        "the cell holds a formula without a saved result; open and save the file in Excel, "
                        "or type the value",
                        file=file,
                        line=r + 1,
                        column=c + 1,
                    )
                )
            raw[r][c] = value
    rows: list[Row] = []
    for r, values in enumerate(raw, start=1):
        cells: list[str] = []
        for c, value in enumerate(values, start=1):
            try:
                cells.append(excel_cell_text(value))
            except GovIndexError as error:
                report(error.with_context(file=file, line=r, column=c))
                cells.append("")
        rows.append((r, cells))
    return rows


def _raise(error: GovIndexError) -> None:
    raise error


def parse_scores_xlsx(
    data: bytes,
    rubric: Rubric,
    *,
    file: str | None = None,
    source: Source = Source.APPRAISED,
    sheet: str | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Read a score table from the bytes of an ``.xlsx`` workbook; see :func:`read_scores_xlsx`."""
    return score_table_rows(_rows(data, file, sheet, _raise), rubric, file=file, source=source, values=values)


def read_scores_xlsx(
    path: str | Path,
    rubric: Rubric,
    *,
    source: Source = Source.APPRAISED,
    sheet: str | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Read a score table (wide or long form) from an Excel workbook."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileFormatError(f"cannot read the score file: {error.strerror}", file=str(path)) from None
    return parse_scores_xlsx(data, rubric, file=str(path), source=source, sheet=sheet, values=values)


def check_scores_xlsx(
    data: bytes, rubric: Rubric, *, file: str | None = None, sheet: str | None = None
) -> tuple[tuple[Assessment, ...], list[GovIndexError]]:
    """Read an ``.xlsx`` score table and return what could be read with **every** problem found."""
    problems: list[GovIndexError] = []
    try:
        rows = _rows(data, file, sheet, problems.append)
    except GovIndexError as error:
        return (), [*problems, error]
    return score_table_rows(rows, rubric, file=file, sink=problems.append), problems


def xlsx_bytes(
    header: list[str], rows: Iterable[list[Any]], *, title: str = "govindex", number_format: str | None = None
) -> bytes:
    """A one-sheet workbook: a bold header row, then the rows (Decimals as numbers, text as text)."""
    openpyxl = require("openpyxl", "excel")
    styles = require("openpyxl.styles", "excel")

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = styles.Font(bold=True)
    for row in rows:
        sheet.append(row)
        if number_format is not None:
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, Decimal):
                    cell.number_format = number_format
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_scores_xlsx(assessments: Iterable[Assessment], rubric: Rubric, path: str | Path) -> None:
    """Write assessments as a wide ``.xlsx`` score table that :func:`read_scores_xlsx` reads back."""
    header, rows = table_of(assessments, rubric)
    number_format = "0" if rubric.decimals == 0 else "0." + "0" * rubric.decimals
    Path(path).write_bytes(xlsx_bytes(header, rows, title="scores", number_format=number_format))
