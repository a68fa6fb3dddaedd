"""Score tables in Excel ``.xlsx`` (needs the ``excel`` extra: ``pip install 'govindex[excel]'``).

The table is read from the first worksheet with a header row that names the
agency column (or the one named) by the same rules as CSV
(:mod:`govindex.io.csvio`): title rows above the header are skipped, wide or
long form, an empty cell is "not given", every refusal names the sheet and
cell. Every row is read, whatever the sheet's stored ``<dimension>`` says. Numbers typed in Excel
arrive as binary floats; each is turned into the decimal it was typed as
through its shortest representation (``9.3`` stays ``9.3``), which is exact
for numbers of up to 15 significant digits. Text cells may hold numbers with
a decimal comma (``"9,3"``). Dates, times and errors (``#DIV/0!``) are refused.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from govindex._optional import require
from govindex.assessment import Assessment, Source
from govindex.errors import FileFormatError, GovIndexError
from govindex.io.cells import (
    DEFAULT_MAX_CELLS,
    ReadOptions,
    TypedNumber,
    grouped,
    header_key,
    read_limited,
    too_large,
    too_many_cells,
)
from govindex.io.csvio import _AGENCY_HEADERS, Row, check_text_cell, score_table_rows, table_of
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

#: How many rows of a sheet are searched for the header row when choosing the sheet.
_HEADER_SEARCH = 200
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
        return TypedNumber(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FileFormatError(f"the number {value!r} is not finite")
        return TypedNumber(f"{Decimal(repr(value)):f}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise FileFormatError(f"the number {value} is not finite")
        return TypedNumber(f"{value:f}")
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


def _check_unzipped(data: bytes, file: str | None, max_bytes: int) -> None:
    """Refuse a workbook whose parts expand past ten times the byte limit (a zip bomb) before reading it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileFormatError(f"not a readable .xlsx workbook ({type(error).__name__}: {error})", file=file) from None
    if size > 10 * max_bytes:
        raise FileFormatError(
            f"the workbook expands to {grouped(size)} bytes when unzipped, more than 10 times the "
            f"{grouped(max_bytes)} bytes read; raise the limit with --max-bytes (max_bytes=) if the file is right",
            file=file,
        )


def _values(worksheet: Any, file: str | None, limit: int | None = None) -> Iterator[list[Any]]:
    """The values of a worksheet's rows, every row whatever the sheet's stored ``<dimension>`` says."""
    worksheet.reset_dimensions()
    try:
        for index, values in enumerate(worksheet.iter_rows(values_only=True)):
            if limit is not None and index >= limit:
                return
            yield list(values)
    except GovIndexError:
        raise
    except Exception as error:
        raise FileFormatError(
            f"sheet {worksheet.title!r} is not readable ({type(error).__name__}: {error})", file=file
        ) from None


def _has_header(worksheet: Any, file: str | None) -> bool:
    for values in _values(worksheet, file, _HEADER_SEARCH):
        for value in values:
            if isinstance(value, str) and header_key(value) in _AGENCY_HEADERS:
                return True
    return False


def _sheet(workbook: Any, sheet: str | None, file: str | None) -> Any:
    if sheet is None:
        if not workbook.worksheets:
            raise FileFormatError("the workbook has no worksheet", file=file)
        for worksheet in workbook.worksheets:
            if _has_header(worksheet, file):
                return worksheet
        raise FileFormatError(
            "no sheet has a header row that names the agency column (agency, Tên cơ quan, Cơ quan, Tên đơn vị, "
            f"Đơn vị or 'Cơ quan, đơn vị'); the sheets are {', '.join(workbook.sheetnames)}",
            file=file,
        )
    if sheet not in workbook.sheetnames:
        raise FileFormatError(
            f"the workbook has no sheet {sheet!r}; its sheets are {', '.join(workbook.sheetnames)}", file=file
        )
    return workbook[sheet]


def _bad_cache(data: bytes, worksheet_path: str) -> tuple[int, int, str] | None:
    """The first formula cell whose saved number is not a number: (row, column, the saved text)."""
    from xml.etree.ElementTree import iterparse

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(worksheet_path.lstrip("/")) as part:
            for _event, element in iterparse(part):
                if element.tag != main + "c":
                    continue
                saved = element.find(main + "v")
                if element.get("t", "n") == "n" and saved is not None:
                    try:
                        float(saved.text or "")  # float-ok: only asks whether Excel saved a number
                    except ValueError:
                        row, column = _coordinate(element.get("r", ""))
                        return row, column, saved.text or ""
                element.clear()
    except (KeyError, zipfile.BadZipFile, OSError, SyntaxError):
        return None
    return None


def _coordinate(reference: str) -> tuple[int, int]:
    letters = "".join(ch for ch in reference if ch.isalpha()).upper()
    digits = "".join(ch for ch in reference if ch.isdigit())
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(digits or 0), column


def _rows(
    data: bytes, file: str | None, sheet: str | None, report: Any, max_cells: int = DEFAULT_MAX_CELLS
) -> list[Row]:
    """The rows of a sheet (the named one, else the first with a header row) as text cells."""
    return _sheet_rows(data, file, sheet, report, max_cells)[1]


def _sheet_rows(
    data: bytes, file: str | None, sheet: str | None, report: Any, max_cells: int = DEFAULT_MAX_CELLS
) -> tuple[str, list[Row]]:
    """The title of the sheet read and its rows as text cells."""
    workbook = _open(data, file, data_only=False)
    try:
        worksheet = _sheet(workbook, sheet, file)
        title: str = worksheet.title
        worksheet_path: str = getattr(worksheet, "_worksheet_path", "")
        raw: list[list[Any]] = []
        count = 0
        for values in _values(worksheet, file):
            count += len(values)
            if count > max_cells:
                raise FileFormatError(
                    too_many_cells(max_cells),
                    file=file,
                    sheet=title,
                    line=len(raw) + 1,
                )
            raw.append(values)
    finally:
        workbook.close()
    formulas = [
        (r, c) for r, row in enumerate(raw) for c, v in enumerate(row) if isinstance(v, str) and v.startswith("=")
    ]
    if formulas:
        cached = _open(data, file, data_only=True)
        try:
            values = list(_values(cached[title], file))
        except FileFormatError:
            bad = _bad_cache(data, worksheet_path)
            if bad is None:
                raise
            raise FileFormatError(
                f"the formula's saved result {bad[2][:40]!r} is not a number; open and save the file in Excel, "
                "or type the value",
                file=file,
                sheet=title,
                line=bad[0],
                column=bad[1],
            ) from None
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
                        sheet=title,
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
                report(error.with_context(file=file, sheet=title, line=r, column=c))
                cells.append("")
        rows.append((r, cells))
    return title, rows


def _raise(error: GovIndexError) -> None:
    raise error


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
    options = options or ReadOptions()
    if sheet is not None:
        options = attrs.evolve(options, sheet=sheet)
    return read_located(data, rubric, file, source, options, places, values=values)[1]


def read_located(
    data: bytes,
    rubric: Rubric,
    file: str | None,
    source: Source,
    options: ReadOptions,
    places: dict[str, int] | None = None,
    columns: dict[str, int] | None = None,
    values: str = "points",
) -> tuple[str, tuple[Assessment, ...]]:
    """The sheet read and its assessments; ``places`` receives the row of each agency, ``columns`` the nodes'."""
    _check_size(data, file, options)
    title, rows = _sheet_rows(data, file, options.sheet, _raise, options.max_cells)
    found = score_table_rows(
        rows,
        rubric,
        file=file,
        source=source,
        options=options,
        sheet=title,
        places=places,
        columns=columns,
        values=values,
    )
    return title, found


def _check_size(data: bytes, file: str | None, options: ReadOptions) -> None:
    require("openpyxl", "excel")
    if len(data) > options.max_bytes:
        raise FileFormatError(too_large(len(data), options.max_bytes), file=file)
    _check_unzipped(data, file, options.max_bytes)


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


def check_located(
    data: bytes,
    rubric: Rubric,
    *,
    file: str | None = None,
    sheet: str | None = None,
    options: ReadOptions | None = None,
    places: dict[str, int] | None = None,
) -> tuple[str | None, tuple[Assessment, ...], list[GovIndexError]]:
    """:func:`check_scores_xlsx` with the name of the sheet read (``None`` when none could be)."""
    options = options or ReadOptions()
    sheet = sheet if sheet is not None else options.sheet
    problems: list[GovIndexError] = []
    try:
        _check_size(data, file, options)
        title, rows = _sheet_rows(data, file, sheet, problems.append, options.max_cells)
    except GovIndexError as error:
        return None, (), [*problems, error]
    found = score_table_rows(rows, rubric, file=file, sink=problems.append, options=options, sheet=title, places=places)
    return title, found, problems


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
    header, rows = table_of(assessments, rubric, form=form, what="an XLSX score table")
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
