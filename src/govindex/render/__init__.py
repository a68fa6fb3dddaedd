"""The render layer: the only way out of govindex. One document model, one writer per format, every word.

Domain values (results, statistics, reconciliations, comparisons,
explanations, checks against published figures) carry data only and never
render themselves; this package dispatches on their type
(:mod:`govindex.render.dispatch`):

- :func:`document`: the :class:`~govindex.render.model.Document` people
  read, in Vietnamese (the default) or English;
- :func:`render`: the value in one of :data:`FORMATS`;
- :func:`pieces`: its JSON in pieces (a result is written from its columns,
  never held whole);
- :func:`data`: its JSON-ready data (cattrs unstructure hooks);
- :func:`frame`: a pandas DataFrame (a result's built from its columns);
- :func:`html` and :func:`notebook`: HTML for Jupyter;
- :func:`explain`: how an agency's score came to be, in words;
- :func:`write_file`: rendered content to a file, never over an existing one
  unless told.

========  ==========================================  =============
format    writer                                      extension
========  ==========================================  =============
table     aligned plain text (:mod:`.text`)           ``.txt``
markdown  GitHub-flavoured Markdown (:mod:`.markdown`) ``.md``
csv       one table, safe cells (:mod:`.csv`)          ``.csv``
json      the value's data (:mod:`.json`)              ``.json``
xlsx      Excel workbook, extra ``excel`` (:mod:`.xlsx`) ``.xlsx``
html      self-contained page (:mod:`.web`)           ``.html``
docx      Word document, A4 to sign (:mod:`.docx`)     ``.docx``
========  ==========================================  =============

>>> from govindex import load_dataset, load_rubric, score, statistics
>>> stats = statistics(score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments()))
>>> print(render(stats, "csv", table="leaders"), end="")
group,group_name,rank,agency,name,total,band
provincial,"Sở, ban, ngành cấp tỉnh",1,so-thong-tin-va-truyen-thong,Sở Thông tin và Truyền thông,83.8,Khá
provincial,"Sở, ban, ngành cấp tỉnh",2,so-noi-vu,Sở Nội vụ,77.2,Khá
provincial,"Sở, ban, ngành cấp tỉnh",3,so-giao-duc-va-dao-tao,Sở Giáo dục và Đào tạo,75.8,Khá
district,"UBND huyện, thành phố",1,huyen-song-ma,UBND huyện Sông Mã,70.0,Khá
district,"UBND huyện, thành phố",2,huyen-yen-chau,UBND huyện Yên Châu,69.8,Trung bình
district,"UBND huyện, thành phố",3,huyen-phu-yen,UBND huyện Phù Yên,61.6,Trung bình
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govindex.catalogue import LANGS
from govindex.catalogue.hostile import system_reason
from govindex.catalogue.render import RenderError
from govindex.errors import FileFormatError, InputError, UnknownNameError, check_lang
from govindex.render.model import Cell, Column, Document, Figure, Heading, Paragraph, Table, format_cell

if TYPE_CHECKING:
    import pandas as pd

    from govindex.results import Result

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
    "data",
    "document",
    "explain",
    "format_cell",
    "format_for_path",
    "frame",
    "html",
    "notebook",
    "pieces",
    "render",
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

#: The types a notebook shows as HTML once :func:`notebook` has run: (module, class name).
NOTEBOOK_TYPES = (
    ("govindex.results", "Result"),
    ("govindex.stats", "Statistics"),
    ("govindex.reconciliation", "Reconciliation"),
    ("govindex.comparison", "Comparison"),
    ("govindex.explanation", "Explanation"),
    ("govindex.agreement", "PublishedCheck"),
    ("govindex.render.model", "Table"),
    ("govindex.render.model", "Document"),
)


def _registered(value: object = None) -> None:
    """Load the registrations the value needs: a result's alone, else every renderer's (once)."""
    from govindex.results import Result

    if isinstance(value, Result):
        from govindex.render.results import register

        register()
        return
    import govindex.render.registry  # noqa: F401  (registers on import)


def format_for_path(path: str | Path, allowed: tuple[str, ...] = FORMATS) -> str:
    """The output format a file name asks for, by its extension.

    >>> format_for_path("appendix.docx"), format_for_path("report.XLSX")
    ('docx', 'xlsx')
    """
    suffix = Path(path).suffix.lower()
    fmt = EXTENSIONS.get(suffix)
    if fmt is None or fmt not in allowed:
        known = sorted(ext for ext, f in EXTENSIONS.items() if f in allowed)
        raise FileFormatError(RenderError.FORMAT_OF_PATH, suffix=repr(suffix or "(none)"), known=known, file=str(path))
    return fmt


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UnknownNameError(RenderError.UNKNOWN_FORMAT, fmt=repr(fmt), formats=FORMATS)


def document(value: Any, lang: str = "vi") -> Document:
    """The document of a value (a result, statistics, a reconciliation, a comparison, an explanation...)."""
    check_lang(lang)
    _registered(value)
    from govindex.render.dispatch import describe

    return describe(value, lang)


def data(value: Any) -> Any:
    """The JSON-ready data of a value (points as exact text, never floats), by its cattrs unstructure hook."""
    _registered(value)
    from govindex.render.dispatch import converter

    return converter.unstructure(value)


def frame(value: Any, table: str | None = None, *, floats: bool = False) -> pd.DataFrame:
    """A pandas DataFrame (extra ``pandas``) of a value, or of one table of its document.

    A result's is built from its columns: one agency per row, every node's
    score. Points stay :class:`~decimal.Decimal` objects unless ``floats``.
    """
    _registered(value)
    from govindex.render.dispatch import frame_of

    return frame_of(value, table, floats)


def pieces(
    value: Any,
    fmt: str = "json",
    *,
    lang: str = "vi",
    table: str | None = None,
    excel_vn: bool = False,
    indent: int | None = None,
) -> Iterator[str]:
    """The value rendered as text in pieces, for writing as they come: a result's JSON is never held whole."""
    check_lang(lang)
    _check_format(fmt)
    if fmt in BINARY:
        raise InputError(RenderError.PIECES_NOT_TEXT, fmt=fmt)
    if fmt == "json" and table is None:
        return _json(value, indent)
    content = render(value, fmt, lang=lang, table=table, excel_vn=excel_vn, indent=indent)
    assert isinstance(content, str)
    return iter((content,))


def _json(value: Any, indent: int | None) -> Iterator[str]:
    """The JSON of a value: in pieces when it is written so (a result), else its data at once."""
    _registered(value)
    from govindex.render.dispatch import pieces_of
    from govindex.render.json import json_text

    found = pieces_of(value, indent)
    if found is not None:
        return found
    return iter((json_text(data(value), indent=2 if indent is None else indent),))


def _result_csv(value: Any, excel_vn: bool) -> str | None:
    from govindex.results import Result

    if not isinstance(value, Result):
        return None
    from govindex.render.results import result_csv

    return result_csv(value, excel_vn=excel_vn)


def render(
    value: Any,
    fmt: str = "table",
    *,
    lang: str = "vi",
    table: str | None = None,
    excel_vn: bool = False,
    indent: int | None = None,
) -> str | bytes:
    """A value in one of :data:`FORMATS` (``xlsx`` and ``docx`` as bytes, the rest as text).

    ``table`` narrows every format to one table of the document; CSV holds
    one table (by default the first; a result's CSV is its flat table, one
    agency per row). JSON is the value's data (:func:`data`): a result's on
    one line unless ``indent`` is given, any other value indented by 2
    unless ``indent`` says otherwise. ``excel_vn`` writes CSV as Excel reads
    it in Vietnam.
    """
    check_lang(lang)
    _check_format(fmt)
    if fmt == "json" and table is None:
        return "".join(_json(value, indent))
    if fmt == "csv" and table is None:
        flat = _result_csv(value, excel_vn)
        if flat is not None:
            return flat
    shown = document(value, lang)
    if table is not None:
        shown = shown.only(table)
    return write(shown, fmt, excel_vn=excel_vn, indent=indent)


def write(document: Document, fmt: str, *, excel_vn: bool = False, indent: int | None = None) -> str | bytes:
    """A document with the writer of ``fmt``; the documents people read without their id columns in Vietnamese."""
    _check_format(fmt)
    if fmt == "csv":
        from govindex.render.csv import table_csv

        return table_csv(document.table(), excel_vn=excel_vn)
    if fmt == "json":
        from govindex.render.json import json_text

        return json_text(data(document), indent=2 if indent is None else indent)
    readable = document.shown()
    if fmt == "table":
        from govindex.render.text import document_text

        return document_text(readable)
    if fmt == "markdown":
        from govindex.render.markdown import document_markdown

        return document_markdown(readable)
    if fmt == "html":
        from govindex.render.web import document_html

        return document_html(readable)
    if fmt == "xlsx":
        from govindex.render.xlsx import workbook_bytes

        return workbook_bytes(readable)
    from govindex.render.docx import document_docx

    return document_docx(readable)


def html(value: Any, lang: str = "vi") -> str:
    """The value's tables as one escaped HTML fragment: what a notebook shows (see :func:`notebook`)."""
    from govindex.render.web import tables_html

    shown = document(value, lang).shown()
    return tables_html(shown.tables, lang)


def notebook(lang: str = "vi", *, shell: Any = None) -> None:
    """Show govindex's values as HTML tables in IPython and Jupyter, in ``lang``.

    Run it once in a notebook: then a result, statistics, a reconciliation, a
    comparison, an explanation or a table left as the last expression of a
    cell shows as an HTML table (:func:`html`), every name escaped.
    ``shell`` is the IPython shell (by default the running one).
    """
    check_lang(lang)
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = None if ipython is None else ipython.get_ipython()
    if shell is None:
        raise InputError(RenderError.NO_NOTEBOOK)
    formatter = shell.display_formatter.formatters["text/html"]
    for module, name in NOTEBOOK_TYPES:
        formatter.for_type_by_name(module, name, lambda value: html(value, lang))


def explain(result: Result, agency: str, node: str | None = None, *, lang: str = "vi") -> str:
    """How the agency's score on ``node`` (default: the total; a view's id too) came to be, as plain text.

    Vietnamese (the default) can be published: names, decimal commas, the
    decisions' words; English keeps the ids beside the names.
    """
    from govindex.render.explanations import explain as words

    return words(result, agency, node, lang=lang)


def write_file(content: str | bytes | Iterable[str], path: str | Path, *, overwrite: bool = False) -> None:
    """Write rendered content to ``path`` (text as UTF-8); an existing file is kept unless ``overwrite``.

    Text may come in pieces (an iterable of strings), written as they come,
    so a large document is never held whole in memory. The content goes to a
    file beside the target first, which then takes the target's name, so a
    failure leaves no half-written file. A failure names the file.
    """
    target = Path(path)
    if not overwrite and target.exists():
        raise FileFormatError(RenderError.EXISTS, file=str(path))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with temporary.open("wb") as stream:
            if isinstance(content, bytes):
                stream.write(content)
            else:
                for piece in (content,) if isinstance(content, str) else content:
                    stream.write(piece.encode("utf-8"))
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise FileFormatError(RenderError.CANNOT_WRITE, reason=system_reason(error), file=str(path)) from None
    except UnicodeEncodeError as error:
        temporary.unlink(missing_ok=True)
        raise FileFormatError(RenderError.NOT_TEXT, position=error.start, file=str(path)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
