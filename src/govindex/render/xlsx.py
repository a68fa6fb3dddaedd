"""The one XLSX writer (extra ``excel``): deterministic workbooks in which no cell is a formula.

One sheet per table: the caption, the column headings, the rows (points as
numbers shown with the column's decimals, text as string cells), the band
sections as bold rows, the notes. A document's headings and paragraphs go to
a first sheet of their own. Text is always a string cell, even when it
begins with ``=``; control characters become U+FFFD, since a workbook cannot
hold them. The same tables give the same bytes: fixed timestamps in the
archive and fixed document properties.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from govindex._optional import require
from govindex.errors import InputError
from govindex.render.model import Cell, Document, Figure, Heading, Paragraph, Table, format_cell
from govindex.render.safe import visible

__all__ = ["fixed_zip", "number_format", "workbook_bytes"]

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_FIXED_TIME = dt.datetime(2000, 1, 1)
_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")
_CREATED = re.compile(rb"<dcterms:created([^>]*)>[^<]*</dcterms:created>")


def number_format(decimals: int | None) -> str:
    """The Excel number format that shows ``decimals`` places.

    >>> number_format(1), number_format(0), number_format(None)
    ('0.0', '0', 'General')
    """
    if decimals is None:
        return "General"
    return "0" if decimals == 0 else "0." + "0" * decimals


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("_", visible(name).replace("\ufffd", "_")).strip("'")[:31] or "sheet"
    candidate, number = base, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate


def _put(sheet: Any, row: int, column: int, value: Cell, decimals: int | None = None, lang: str = "en") -> Any:
    """Write one cell: a number as a number, anything else as a string cell (never a formula)."""
    if isinstance(value, bool):
        value = format_cell(value, lang=lang)
    if isinstance(value, str):
        cell = sheet.cell(row=row, column=column)
        cell.value = visible(value)
        cell.data_type = "s"
        return cell
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, Decimal):
        cell.number_format = number_format(decimals)
    return cell


def _table_sheet(workbook: Any, table: Table, lang: str, used: set[str], styles: Any, utils: Any) -> None:
    sheet = workbook.create_sheet(_sheet_name(table.name, used))
    bold = styles.Font(bold=True)
    italic = styles.Font(bold=True, italic=True)
    row_number = 1
    if table.title is not None:
        _put(sheet, 1, 1, table.title).font = bold
        row_number = 3
    for index, heading in enumerate(table.headings(lang), start=1):
        _put(sheet, row_number, index, heading).font = bold
    header_row = row_number
    sections = table.section_at()
    width = len(table.columns)
    for position, row in enumerate(table.rows):
        for label in sections.get(position, []):
            row_number += 1
            _put(sheet, row_number, 1, label).font = italic
            if width > 1:
                sheet.merge_cells(start_row=row_number, start_column=1, end_row=row_number, end_column=width)
        row_number += 1
        for index, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            _put(sheet, row_number, index, value, column.decimals, lang)
    for label in sections.get(len(table.rows), []):
        row_number += 1
        _put(sheet, row_number, 1, label).font = italic
    if table.notes:
        row_number += 1
        for note in table.notes:
            row_number += 1
            _put(sheet, row_number, 1, note)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    texts = table.text_rows(lang)
    for index, heading in enumerate(table.headings(lang), start=1):
        lengths = [len(heading), *(len(r[index - 1]) for r in texts)]
        sheet.column_dimensions[utils.get_column_letter(index)].width = min(60, max(8, *(n + 2 for n in lengths)))


def workbook_bytes(content: Document | Sequence[Table], *, lang: str | None = None) -> bytes:
    """A workbook of a document or of tables; the same content gives the same bytes."""
    openpyxl = require("openpyxl", "excel")
    styles = require("openpyxl.styles", "excel")
    utils = require("openpyxl.utils", "excel")
    document = content if isinstance(content, Document) else Document.of_tables(content, lang=lang or "en")
    language = lang or document.lang
    if not document.tables:
        raise InputError("a workbook needs at least one table")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    text_blocks = [b for b in document.blocks if isinstance(b, (Heading, Paragraph, Figure))]
    if text_blocks or document.subtitle:
        sheet = workbook.create_sheet(_sheet_name(document.title or "document", used))
        sheet.column_dimensions["A"].width = 120
        row = 0
        for text, font in [
            (document.title, styles.Font(bold=True, size=14)),
            (document.subtitle, styles.Font(italic=True)),
        ]:
            if text:
                row += 1
                _put(sheet, row, 1, text).font = font
        for block in document.blocks:
            if isinstance(block, Heading):
                row += 2 if block.level <= 1 else 1
                _put(sheet, row, 1, block.text).font = styles.Font(bold=True)
            elif isinstance(block, Paragraph):
                row += 1
                _put(sheet, row, 1, block.text).alignment = styles.Alignment(wrap_text=True)
            elif isinstance(block, Table) and block.title is not None:
                row += 1
                _put(sheet, row, 1, f"→ {block.title}")
    for table in document.tables:
        _table_sheet(workbook, table, language, used, styles, utils)
    workbook.properties.creator = "govindex"
    workbook.properties.lastModifiedBy = "govindex"
    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    if document.title:
        workbook.properties.title = visible(document.title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_zip(buffer.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """The archive with fixed entry timestamps and fixed creation/modification dates (same input, same bytes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = b"2000-01-01T00:00:00Z"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"<dcterms:modified\1>" + stamp + rb"</dcterms:modified>", content)
                content = _CREATED.sub(rb"<dcterms:created\1>" + stamp + rb"</dcterms:created>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()
