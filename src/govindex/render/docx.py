"""The Word writer (extra ``word``: python-docx): an A4 document whose tables hold typed text.

Headings, paragraphs and captioned tables, in Times New Roman as provincial
decisions are printed; numbers right-aligned with the document's decimal
separator; band sections as merged rows. Figures are SVG, which Word
documents do not carry portably: the DOCX keeps their data in the tables and
leaves the drawings to the HTML page. The same document gives the same bytes
(fixed document properties and archive timestamps, :mod:`govindex.render.archive`).
A title longer than the 255 characters Word's properties hold is cut there
in the properties only; the page shows it whole.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from govindex._optional import require
from govindex.render.archive import FIXED_TIME, fixed_zip
from govindex.render.model import Document, Heading, Paragraph, Table
from govindex.render.safe import visible

__all__ = ["document_docx"]

_FIXED_TIME = FIXED_TIME.replace(tzinfo=dt.UTC)
#: The longest text a property of a Word document holds.
_PROPERTY_LIMIT = 255


def _caption(doc: Any, text: str, align: Any) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = align.CENTER
    run = paragraph.add_run(visible(text))
    run.bold = True
    run.italic = True


def _table(doc: Any, table: Table, lang: str, align: Any) -> None:
    width = len(table.columns)
    right = table.numeric()
    grid = doc.add_table(rows=1, cols=width)
    grid.style = "Table Grid"
    for cell, heading in zip(grid.rows[0].cells, table.headings(lang), strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(visible(heading))
        run.bold = True
        cell.paragraphs[0].alignment = align.CENTER
    sections = table.section_at()
    rows = table.text_rows(lang)

    def section(label: str) -> None:
        cells = grid.add_row().cells
        merged = cells[0].merge(cells[-1]) if width > 1 else cells[0]
        merged.text = ""
        run = merged.paragraphs[0].add_run(visible(label))
        run.bold = True
        run.italic = True

    for index, row in enumerate(rows):
        for label in sections.get(index, []):
            section(label)
        cells = grid.add_row().cells
        for cell, text, is_number in zip(cells, row, right, strict=True):
            cell.text = visible(text)
            if is_number:
                cell.paragraphs[0].alignment = align.RIGHT
    for label in sections.get(len(rows), []):
        section(label)
    for note in table.notes:
        paragraph = doc.add_paragraph()
        paragraph.add_run(visible(note)).italic = True


def _page(doc: Any, units: Any) -> None:
    """A4, the margins of a decision, Times New Roman 13."""
    section = doc.sections[0]
    section.page_width, section.page_height = units.Mm(210), units.Mm(297)
    section.left_margin, section.right_margin = units.Mm(30), units.Mm(15)
    section.top_margin, section.bottom_margin = units.Mm(20), units.Mm(20)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = units.Pt(13)


def _head(doc: Any, document: Document, align: Any, units: Any) -> None:
    if document.title:
        title = doc.add_paragraph()
        title.alignment = align.CENTER
        run = title.add_run(visible(document.title))
        run.bold = True
        run.font.size = units.Pt(14)
    if document.subtitle:
        subtitle = doc.add_paragraph()
        subtitle.alignment = align.CENTER
        subtitle.add_run(visible(document.subtitle)).italic = True


def _block(doc: Any, block: object, document: Document, align: Any) -> None:
    if isinstance(block, Heading):
        doc.add_heading(visible(block.text), level=min(9, block.level))
    elif isinstance(block, Paragraph):
        doc.add_paragraph(visible(block.text))
    elif isinstance(block, Table):
        if block.title is not None and not document.caption_below:
            _caption(doc, block.title, align)
        _table(doc, block, document.lang, align)
        if block.title is not None and document.caption_below:
            _caption(doc, block.title, align)


def _properties(doc: Any, document: Document) -> None:
    properties = doc.core_properties
    properties.author = "govindex"
    properties.last_modified_by = "govindex"
    properties.created = _FIXED_TIME
    properties.modified = _FIXED_TIME
    properties.last_printed = _FIXED_TIME
    properties.revision = 1
    properties.title = visible(document.title)[:_PROPERTY_LIMIT]
    properties.language = document.lang


def document_docx(document: Document) -> bytes:
    """A whole document as a Word ``.docx`` file (bytes); the same document gives the same bytes."""
    docx = require("docx", "word")
    align = require("docx.enum.text", "word").WD_ALIGN_PARAGRAPH
    units = require("docx.shared", "word")
    doc = docx.Document()
    _page(doc, units)
    _head(doc, document, align, units)
    for block in document.blocks:
        _block(doc, block, document, align)
    _properties(doc, document)
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue())
