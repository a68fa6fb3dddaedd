"""The render layer: one table/document model, one writer per format.

Domain values (results, statistics, reconciliations, comparisons, the
appendix of a results decision) are described as a
:class:`~govindex.render.model.Document` of headings, paragraphs, tables with
typed cells and SVG figures; one writer per format writes any document:

========  ==========================================  =============
format    writer                                      extension
========  ==========================================  =============
table     aligned plain text (:mod:`.text`)           ``.txt``
markdown  GitHub-flavoured Markdown (:mod:`.markdown`) ``.md``
csv       one table, safe cells (:mod:`.csv`)          ``.csv``
json      the value's data (:mod:`.json`)              ``.json``
xlsx      Excel workbook, extra ``excel`` (:mod:`.xlsx`) ``.xlsx``
html      self-contained page (:mod:`.html`)           ``.html``
docx      Word document, extra ``word`` (:mod:`.docx`) ``.docx``
========  ==========================================  =============

>>> from govindex import load_dataset, load_rubric, score
>>> stats = score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments()).statistics()
>>> print(render(stats, "csv", table="leaders"), end="")
group,rank,agency,name,total,band
provincial,1,so-thong-tin-va-truyen-thong,Sở Thông tin và Truyền thông,83.8,Khá
provincial,2,so-noi-vu,Sở Nội vụ,77.2,Khá
provincial,3,so-giao-duc-va-dao-tao,Sở Giáo dục và Đào tạo,75.8,Khá
district,1,huyen-song-ma,UBND huyện Sông Mã,70.0,Khá
district,2,huyen-yen-chau,UBND huyện Yên Châu,69.8,Trung bình
district,3,huyen-phu-yen,UBND huyện Phù Yên,61.6,Trung bình
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govindex.errors import FileFormatError, UnknownNameError
from govindex.render.model import Cell, Column, Document, Figure, Heading, Paragraph, Table, format_cell
from govindex.render.words import LANGS, check_lang

__all__ = [
    "BINARY",
    "EXTENSIONS",
    "FORMATS",
    "LANGS",
    "Cell",
    "Column",
    "Document",
    "Figure",
    "Heading",
    "Paragraph",
    "Table",
    "data_of",
    "document_of",
    "format_cell",
    "format_for_path",
    "render",
    "render_document",
    "write_file",
]

#: Every output format; ``xlsx`` and ``docx`` are binary.
FORMATS = ("table", "markdown", "csv", "json", "xlsx", "html", "docx")

#: The formats written as bytes.
BINARY = ("xlsx", "docx")

#: The format each output file extension asks for.
EXTENSIONS = {
    ".txt": "table",
    ".csv": "csv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}


def format_for_path(path: str | Path, allowed: tuple[str, ...] = FORMATS) -> str:
    """The output format a file name asks for, by its extension.

    >>> format_for_path("appendix.docx"), format_for_path("report.XLSX")
    ('docx', 'xlsx')
    """
    suffix = Path(path).suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None or fmt not in allowed:
        known = sorted(ext for ext, f in EXTENSIONS.items() if f in allowed)
        raise FileFormatError(
            f"cannot tell the output format from the extension {suffix or '(none)'!r}; use {', '.join(known)}",
            file=str(path),
        )
    return fmt


def document_of(value: Any, lang: str = "vi") -> Document:
    """A document of a result, statistics, reconciliation, comparison, table or document."""
    check_lang(lang)
    if isinstance(value, Document):
        return value
    from govindex.render.reports import tables_of

    return Document.of_tables(tables_of(value), lang=lang)


def data_of(value: Any) -> Any:
    """The JSON-ready data of a value: its ``to_dict()``, or the records of a document's tables."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    document = document_of(value)
    return {
        "title": document.title,
        "tables": {
            table.name: {"title": table.title, "rows": [_json_record(r) for r in table.records()]}
            for table in document.tables
        },
    }


def _json_record(record: dict[str, Cell]) -> dict[str, Any]:
    from decimal import Decimal

    return {k: (f"{v:f}" if isinstance(v, Decimal) else v) for k, v in record.items()}


def render_document(
    document: Document, fmt: str, *, table: str | None = None, excel_vn: bool = False, data: Any = None
) -> str | bytes:
    """A document in one of :data:`FORMATS` (``xlsx`` and ``docx`` as bytes, the rest as text).

    CSV holds one table (``table`` names it, by default the first); ``table``
    also narrows the other formats to that table. JSON writes ``data`` when
    given, else the records of the tables.
    """
    if fmt not in FORMATS:
        raise UnknownNameError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if table is not None:
        document = Document(document.title, (document.table(table),), document.lang, document.subtitle)
    if fmt == "csv":
        from govindex.render.csv import table_csv

        return table_csv(document.table(), excel_vn=excel_vn)
    if fmt == "json":
        from govindex.render.json import json_text

        return json_text(data_of(document) if data is None else data)
    if fmt == "table":
        from govindex.render.text import document_text

        return document_text(document)
    if fmt == "markdown":
        from govindex.render.markdown import document_markdown

        return document_markdown(document)
    if fmt == "html":
        from govindex.render.html import document_html

        return document_html(document)
    if fmt == "xlsx":
        from govindex.render.xlsx import workbook_bytes

        return workbook_bytes(document)
    from govindex.render.docx import document_docx

    return document_docx(document)


def render(
    value: Any, fmt: str = "table", *, lang: str = "vi", table: str | None = None, excel_vn: bool = False
) -> str | bytes:
    """Any reportable value in one of :data:`FORMATS`; JSON is the value's own data."""
    document = document_of(value, lang)
    data = None
    if fmt == "json" and table is None and not isinstance(value, Document):
        data = data_of(value)
    return render_document(document, fmt, table=table, excel_vn=excel_vn, data=data)


def write_file(content: str | bytes | Iterable[str], path: str | Path) -> None:
    """Write rendered content to ``path`` (text as UTF-8); a failure names the file.

    Text may come in pieces (an iterable of strings), written as they come,
    so a large document is never held whole in memory.
    """
    target = Path(path)
    try:
        if isinstance(content, bytes):
            target.write_bytes(content)
        elif isinstance(content, str):
            target.write_text(content, encoding="utf-8", newline="")
        else:
            with target.open("w", encoding="utf-8", newline="") as stream:
                for piece in content:
                    stream.write(piece)
    except OSError as error:
        raise FileFormatError(f"cannot write the output: {error.strerror}", file=str(path)) from None
