"""XLSX bytes to rows: the one place that knows the workbook library (openpyxl, the ``excel`` extra).

A workbook is opened once (:class:`Workbook`); its sheets give rows of text
cells, ``(row number, cells)``, by the same shape as CSV rows
(:mod:`govindex.io.csvrows`). Only the rows and cells the file holds are
made: a row numbered 2,000,000,000 is one row, never two billion empty ones,
and every cell made counts against the cell limit, so memory stays bounded
by ``max_cells`` whatever the file claims. Numbers typed in Excel arrive as
binary floats; each is turned into the decimal it was typed as through its
shortest representation (``9.3`` stays ``9.3``) and marked
:class:`~govindex.io.cells.TypedNumber`. A formula gives its saved result;
one without a saved result, dates, times and Excel errors (``#DIV/0!``) are
problems of their cell.

To read workbooks with another library, this module is the one to change.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from govindex._optional import require
from govindex.catalogue.files import Files
from govindex.errors import FileFormatError, GovIndexError, column_letters
from govindex.io.cells import TypedNumber, check_length, grouped, too_many_cells

__all__ = ["MAX_COLUMN", "MAX_ROW", "Workbook", "excel_cell_text"]

#: Excel's own limits: a cell beyond them is refused.
MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}

Sink = Callable[[GovIndexError], None]
Row = tuple[int, list[str]]


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
            raise FileFormatError(Files.NOT_FINITE, value=repr(value))
        return TypedNumber(f"{Decimal(repr(value)):f}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise FileFormatError(Files.NOT_FINITE, value=str(value))
        return TypedNumber(f"{value:f}")
    if isinstance(value, str):
        if value.strip() in _ERRORS:
            raise FileFormatError(Files.EXCEL_ERROR, value=value.strip())
        return value
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise FileFormatError(Files.DATE_CELL, value=str(value))
    raise FileFormatError(Files.OTHER_CELL, kind=type(value).__name__, value=repr(value)[:40])


def _unreadable(error: BaseException) -> str:
    return f"{type(error).__name__}: {str(error)[:200]}"


class Workbook:
    """An ``.xlsx`` workbook opened once from its bytes, refused when it is too large, packed or unpacked.

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, data: bytes, file: str | None, max_bytes: int) -> None:
        openpyxl = require("openpyxl", "excel")
        check_length(data, max_bytes, file)
        self.file = file
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                size = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise FileFormatError(Files.NOT_XLSX, reason=_unreadable(error), file=file) from None
        if size > 10 * max_bytes:
            raise FileFormatError(Files.UNZIPPED_TOO_LARGE, size=grouped(size), limit=grouped(max_bytes), file=file)
        try:
            self._book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise FileFormatError(Files.NOT_XLSX, reason=_unreadable(error), file=file) from None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._book.close()

    @property
    def sheetnames(self) -> list[str]:  # the workbook library's names, in the file's order
        names: list[str] = self._book.sheetnames
        return names

    def has_sheet(self, name: str) -> bool:
        return name in self._book.sheetnames

    def values(self, sheet: str, *, max_rows: int | None = None, max_cells: int) -> Iterator[tuple[int, list[Any]]]:
        """The raw values of the sheet's rows that hold a cell: ``(row number, values)``, sparse rows made dense.

        Formula cells give their saved result. Problems stop the reading:
        a cell beyond Excel's limits, more than ``max_cells`` cells.
        """
        from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped]

        worksheet = self._book[sheet]
        count = 0
        parser = _parser_class()(
            worksheet._get_source(),
            worksheet._shared_strings,
            data_only=True,
            epoch=self._book.epoch,
            date_formats=self._book._date_formats,
            timedelta_formats=self._book._timedelta_formats,
        )
        assert isinstance(parser, WorkSheetParser)
        seen = 0
        try:
            for number, cells in parser.parse():
                if not cells:
                    continue
                seen += 1
                if max_rows is not None and seen > max_rows:
                    return
                width = max(cell["column"] for cell in cells)
                if number > MAX_ROW or width > MAX_COLUMN or number < 1:
                    far = max(cells, key=lambda cell: cell["column"])
                    raise FileFormatError(
                        Files.BEYOND_SHEET,
                        cell=f"{column_letters(far['column'])}{number}",
                        file=self.file,
                        sheet=sheet,
                    )
                count += width
                if count > max_cells:
                    raise too_many_cells(max_cells, file=self.file, sheet=sheet, line=number)
                values: list[Any] = [None] * width
                for cell in cells:
                    values[cell["column"] - 1] = cell
                yield number, values
        except GovIndexError:
            raise
        except Exception as error:
            raise FileFormatError(
                Files.SHEET_UNREADABLE, sheet_name=repr(sheet), reason=_unreadable(error), file=self.file
            ) from None
        finally:
            parser.source.close()

    def rows(self, sheet: str, report: Sink, *, max_cells: int, max_rows: int | None = None) -> Iterator[Row]:
        """The sheet's rows as text cells (:func:`excel_cell_text`); a cell's problem goes to ``report``, placed."""
        for number, values in self.values(sheet, max_rows=max_rows, max_cells=max_cells):
            texts: list[str] = []
            for column, cell in enumerate(values, start=1):
                if cell is None:
                    texts.append("")
                    continue
                problem = cell.get("problem")
                if problem is None:
                    try:
                        texts.append(excel_cell_text(cell["value"]))
                        continue
                    except GovIndexError as error:
                        problem = error
                report(problem.with_context(file=self.file, sheet=sheet, line=number, column=column))
                texts.append("")
            yield number, texts

    def find_sheet(self, found: Callable[[list[str]], bool], *, max_cells: int, max_rows: int = 200) -> str | None:
        """The first sheet with a row (among its first ``max_rows``) for which ``found`` holds."""
        for name in self.sheetnames:
            if self.find_in(name, found, max_cells=max_cells, max_rows=max_rows):
                return name
        return None

    def find_in(
        self, sheet: str, found: Callable[[list[str]], bool], *, max_rows: int, max_cells: int = 5_000_000
    ) -> bool:
        """Whether a row of ``sheet`` (among its first ``max_rows``) is one for which ``found`` holds."""
        try:
            return any(found(cells) for _n, cells in self.rows(sheet, _ignore, max_cells=max_cells, max_rows=max_rows))
        except GovIndexError:  # an unreadable sheet is not the one; reading it says why
            return False


def _ignore(error: GovIndexError) -> None:
    del error


@functools.cache
def _parser_class() -> type:
    from openpyxl.utils.cell import coordinate_to_tuple  # type: ignore[import-untyped]
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]
        """openpyxl's sheet parser, noting a formula without a saved result or with a saved result not a number."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            formula = element.find(FORMULA_TAG) is not None
            try:
                cell: dict[str, Any] = super().parse_cell(element)
            except (ValueError, TypeError, KeyError, IndexError, OverflowError):
                coordinate = element.get("r")
                # a coordinate that cannot be read makes the sheet unreadable (raised again here)
                row, column = coordinate_to_tuple(coordinate) if coordinate else (self.row_counter, self.col_counter)
                saved = element.findtext(VALUE_TAG, "") or ""
                problem = (
                    FileFormatError(Files.FORMULA_BAD_RESULT, saved=repr(saved[:40]))
                    if formula
                    else FileFormatError(Files.OTHER_CELL, kind="text", value=repr(saved[:40]))
                )
                return {"row": row, "column": max(1, column), "value": None, "problem": problem}
            if formula and cell["value"] is None:
                cell["problem"] = FileFormatError(Files.FORMULA_NOT_SAVED)
            return cell

    return Parser
