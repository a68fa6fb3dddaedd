"""The CSV writer: one table, column ids as header, numbers as numbers, text safe for spreadsheets.

Text cells go through :func:`govindex.render.safe.csv_cell`: a cell that
would start a formula (``=``, ``+``, ``-``, ``@``, TAB, CR) gets a leading
apostrophe and control characters show as U+FFFD. Numbers keep the column's
display decimals. ``excel_vn=True`` writes the dialect Excel reads in a
Vietnamese locale, which govindex's readers accept too: a UTF-8 byte order
mark, ``;`` between cells, a decimal comma and CRLF line ends.

>>> from decimal import Decimal
>>> from govindex.render.model import Column, Table
>>> table = Table("t", [Column("name"), Column("total", decimals=1)], [["=1+1", Decimal("83.8")]])
>>> print(table_csv(table), end="")
name,total
'=1+1,83.8
>>> table_csv(table, excel_vn=True)
"\\ufeffname;total\\r\\n'=1+1;83,8\\r\\n"
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from govindex.render.model import Cell, Column, Table, format_cell, is_number
from govindex.render.safe import csv_cell

__all__ = ["csv_text", "csv_value", "table_csv"]


def csv_value(value: Cell, decimals: int | None = None, *, excel_vn: bool = False, signed: bool = False) -> str:
    """One cell as CSV text: numbers with ``decimals`` (a decimal comma for ``excel_vn``), text made safe."""
    if isinstance(value, str):
        return csv_cell(value)
    text = format_cell(value, decimals, "vi" if excel_vn and not isinstance(value, bool) else "en")
    if signed and is_number(value) and value > 0:  # type: ignore[operator]
        text = "+" + text
    return text


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]], *, excel_vn: bool = False) -> str:
    """Rows of text already made safe (by :func:`csv_value`) as CSV in the chosen dialect."""
    buffer = io.StringIO()
    delimiter, end = (";", "\r\n") if excel_vn else (",", "\n")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=end)
    # The csv module quotes a field only for the characters of its own line end: a bare CR in a
    # "\n" file would go out unquoted and split the row for other readers, so such rows are all quoted.
    quoted = csv.writer(buffer, delimiter=delimiter, lineterminator=end, quoting=csv.QUOTE_ALL)
    for row in [[csv_cell(h) for h in header], *rows]:
        (quoted if any("\r" in cell or "\n" in cell for cell in row) else writer).writerow(row)
    return ("\ufeff" if excel_vn else "") + buffer.getvalue()


def table_csv(table: Table, *, excel_vn: bool = False) -> str:
    """One table as CSV with the column ids as header; band sections and notes are left out."""
    columns: Sequence[Column] = table.columns
    rows = [
        [
            csv_value(cell, column.decimals, excel_vn=excel_vn, signed=column.signed)
            for cell, column in zip(row, columns, strict=True)
        ]
        for row in table.rows
    ]
    return csv_text([column.id for column in columns], rows, excel_vn=excel_vn)
