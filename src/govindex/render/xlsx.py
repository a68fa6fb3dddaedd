"""The one XLSX writer (extra ``excel``): deterministic workbooks in which no cell is a formula.

:class:`WorkbookWriter` is the writer every workbook of govindex goes through: the
documents below and the forms to fill in (:mod:`govindex.render.forms`). Text
is always a string cell, even when it begins with ``=``; control characters,
lone surrogates and U+FFFE/U+FFFF become U+FFFD, since a workbook cannot hold
them; sheet names are made valid and unique; the document properties and
the archive's timestamps are fixed (:mod:`govindex.render.archive`), so the
same content gives the same bytes.

A document becomes one sheet per table (:func:`workbook_bytes`): the caption,
the column headings, the rows (points as numbers shown with the column's
decimals, text as string cells), the band sections as bold rows, the notes.
A document's headings and paragraphs go to a first sheet of their own.
Every sheet of a document prints on A4, fitted to the page's width, and a
table's heading row is repeated at the top of every printed page (its print
titles).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from govindex._optional import require
from govindex.catalogue.render import RenderError
from govindex.catalogue.words import Word
from govindex.errors import InputError
from govindex.render.archive import FIXED_TIME, fixed_zip
from govindex.render.model import Cell, Document, Figure, Heading, Paragraph, Table, format_cell
from govindex.render.safe import visible

__all__ = ["WorkbookWriter", "number_format", "workbook_bytes"]

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
#: The longest title a workbook's properties hold.
_TITLE_LIMIT = 255


def number_format(decimals: int | None) -> str:
    """The Excel number format that shows ``decimals`` places.

    >>> number_format(1), number_format(0), number_format(None)
    ('0.0', '0', 'General')
    """
    if decimals is None:
        return "General"
    return "0" if decimals == 0 else "0." + "0" * decimals


class WorkbookWriter:
    """A workbook being written: valid unique sheet names, safe cells, fixed properties, the same bytes."""

    def __init__(self, title: str | None = None) -> None:
        openpyxl = require("openpyxl", "excel")
        self.styles: Any = require("openpyxl.styles", "excel")
        self.utils: Any = require("openpyxl.utils", "excel")
        self.book: Any = openpyxl.Workbook()
        self.book.remove(self.book.active)
        self._used: set[str] = set()
        properties = self.book.properties
        properties.creator = "govindex"
        properties.lastModifiedBy = "govindex"
        properties.created = FIXED_TIME
        properties.modified = FIXED_TIME
        if title:
            properties.title = visible(title)[:_TITLE_LIMIT]

    def sheet(self, name: str) -> Any:
        """A new sheet named ``name``, made valid (no ``[]:*?/\\``, 31 characters) and unique."""
        base = _SHEET_FORBIDDEN.sub("_", visible(name).replace("\ufffd", "_")).strip("'")[:31] or "_"
        candidate, number = base, 2
        while candidate.lower() in self._used:
            suffix = f" ({number})"
            candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
        self._used.add(candidate.lower())
        return self.book.create_sheet(candidate)

    def put(self, sheet: Any, row: int, column: int, value: Cell, decimals: int | None = None, lang: str = "en") -> Any:
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

    def save(self) -> bytes:
        """The workbook's bytes; the same content always gives the same bytes."""
        buffer = io.BytesIO()
        self.book.save(buffer)
        return fixed_zip(buffer.getvalue())


def _rows(book: WorkbookWriter, sheet: Any, table: Table, lang: str, first: int) -> int:
    """The table's rows from row ``first`` on, band sections as merged italic rows; the last row written."""
    italic = book.styles.Font(bold=True, italic=True)
    sections = table.section_at()
    width = len(table.columns)
    at = first - 1

    def section(label: str) -> None:
        nonlocal at
        at += 1
        book.put(sheet, at, 1, label).font = italic
        if width > 1:
            sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=width)

    for position, row in enumerate(table.rows):
        for label in sections.get(position, []):
            section(label)
        at += 1
        for index, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            book.put(sheet, at, index, value, column.decimals, lang)
    for label in sections.get(len(table.rows), []):
        section(label)
    return at


def _widths(book: WorkbookWriter, sheet: Any, table: Table, lang: str) -> None:
    texts = table.text_rows(lang)
    for index, heading in enumerate(table.headings(lang), start=1):
        longest = max([len(heading), *(len(row[index - 1]) for row in texts)])
        sheet.column_dimensions[book.utils.get_column_letter(index)].width = min(60, max(8, longest + 2))


def _print_setup(sheet: Any, header: int | None = None) -> None:
    """A4 portrait, as wide as the page (as many pages down as it takes), the heading row on every page."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_PORTRAIT
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    if header is not None:
        sheet.print_title_rows = f"{header}:{header}"


def _table_sheet(book: WorkbookWriter, table: Table, lang: str) -> None:
    sheet = book.sheet(table.sheet_name)
    bold = book.styles.Font(bold=True)
    header = 1
    if table.title is not None:
        book.put(sheet, 1, 1, table.title).font = bold
        header = 3
    for index, heading in enumerate(table.headings(lang), start=1):
        book.put(sheet, header, index, heading).font = bold
    last = _rows(book, sheet, table, lang, header + 1)
    for offset, note in enumerate(table.notes, start=2):
        book.put(sheet, last + offset, 1, note)
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    _widths(book, sheet, table, lang)
    _print_setup(sheet, header)


def _text_sheet(book: WorkbookWriter, document: Document) -> None:
    """The document's title, subtitle, headings and paragraphs on a first sheet of their own."""
    sheet = book.sheet(document.title or Word.DOCUMENT.text(document.lang))
    sheet.column_dimensions["A"].width = 120
    _print_setup(sheet)
    styles = book.styles
    row = 0
    for text, font in (
        (document.title, styles.Font(bold=True, size=14)),
        (document.subtitle, styles.Font(italic=True)),
    ):
        if text:
            row += 1
            book.put(sheet, row, 1, text).font = font
    for block in document.blocks:
        if isinstance(block, Heading):
            row += 2 if block.level <= 1 else 1
            book.put(sheet, row, 1, block.text).font = styles.Font(bold=True)
        elif isinstance(block, Paragraph):
            row += 1
            book.put(sheet, row, 1, block.text).alignment = styles.Alignment(wrap_text=True)
        elif isinstance(block, Table) and block.title is not None:
            row += 1
            book.put(sheet, row, 1, f"→ {block.title}")


def workbook_bytes(content: Document | Sequence[Table], *, lang: str | None = None) -> bytes:
    """A workbook of a document or of tables; the same content gives the same bytes."""
    document = content if isinstance(content, Document) else Document.of_tables(content, lang=lang or "en")
    language = lang or document.lang
    if not document.tables:
        raise InputError(RenderError.WORKBOOK_NEEDS_TABLE)
    book = WorkbookWriter(document.title)
    if document.subtitle or any(isinstance(b, (Heading, Paragraph, Figure)) for b in document.blocks):
        _text_sheet(book, document)
    for table in document.tables:
        _table_sheet(book, table, language)
    return book.save()
