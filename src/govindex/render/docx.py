"""The Word writer: a document as a ``.docx`` file fit to print and sign, written directly as WordprocessingML.

The page is A4 portrait with the margins Vietnamese administrative documents
use, set out in Decree 30/2020/NĐ-CP on clerical work (Nghị định về công tác
văn thư, Appendix I): top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right
15–20 mm; this writer takes the smallest of each range (20, 20, 30, 15 mm),
which gives a ranking table the widest line, 165 mm. Everything is in Times
New Roman and black, headings included; the language of the styles and of
every run is the document's (``vi-VN`` or ``en-GB``); the page number is a
PAGE field centred in the footer.

A document laid out as a decision prints it (``caption_below``, the appendix
of :mod:`govindex.render.appendix`) opens as Sơn La prints its appendix: the
line "PHỤ LỤC", the title in capitals, then the decision it is attached to
(the document's subtitle), in italics.

Tables have column widths fitted to their content (the row number and the
numbers narrow, the numbers right-aligned, names wide), their header row
repeated on every page, no row split across pages, and the caption kept with
the table; band sections are rows that span the table. Charts (the SVG
drawings of :class:`~govindex.render.model.Figure`) become pictures of the
same chart (:mod:`govindex.render._chart_png`, extra ``plot``); where a
chart cannot be drawn, a line in its place says why.

Table rows are written as XML text directly, a few at a time, into the
archive, so ten thousand agencies take seconds, not minutes. The same
document gives the same bytes (fixed document properties and archive dates).

>>> import io, zipfile
>>> from govindex.render.model import Column, Document, Table
>>> table = Table("t", [Column("stt"), Column("name")], [[1, "Sở Nội vụ"]], "Bảng 1. Xếp hạng")
>>> data = document_docx(Document("Kết quả", [table], caption_below=True))
>>> body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
>>> "PHỤ LỤC" in body and "<w:tblHeader/>" in body and "<w:cantSplit/>" in body
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from govindex.catalogue.docx import DocxWords
from govindex.errors import InputError
from govindex.render._chart_png import NotDrawn, Picture, chart_pictures
from govindex.render._ooxml import (
    FOOTER_ID,
    LANGUAGE_TAGS,
    WP,
    Part,
    R,
    W,
    app_xml,
    content_types_xml,
    core_xml,
    document_rels_xml,
    footer_xml,
    package,
    package_rels_xml,
    picture_xml,
    run_text,
    settings_xml,
    styles_xml,
)
from govindex.render.model import Block, Cell, Column, Document, Figure, Heading, Paragraph, Table

__all__ = ["column_widths", "document_docx"]


def _twips(millimetres: int) -> int:
    """Millimetres in twentieths of a point, rounded up (a margin is never narrower than it is said to be)."""
    return -(-millimetres * 14400 // 254)


# A4 portrait; margins from Decree 30/2020/NĐ-CP, Appendix I (top 20–25, bottom 20–25, left 30–35, right 15–20 mm).
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
TOP_MM, BOTTOM_MM, LEFT_MM, RIGHT_MM = 20, 20, 30, 15
#: The width of the text (and of every table), in twips: the page less its margins, 165 mm.
TEXT_WIDTH = _twips(PAGE_WIDTH_MM) - _twips(LEFT_MM) - _twips(RIGHT_MM)
_EMU_PER_MM = 36000
#: The largest picture: the text's width, and a page's height less room for the caption.
PICTURE_WIDTH = (PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM) * _EMU_PER_MM
PICTURE_HEIGHT = 225 * _EMU_PER_MM
#: A chart that would need more pictures than this is left to the HTML page (with a line saying so).
MAX_CHART_PAGES = 10
#: Table text in half-points (12 pt); the body is 13 pt.
TABLE_SIZE = 24

# Estimated widths in twips at 12 pt: a character of text or a digit (half an em), a bold heading character,
# and what a cell adds (its left and right margins of 85 twips, and some air).
_CHAR, _BOLD, _PAD = 120, 132, 230
#: A numeric column's heading stays on one line up to this many characters (Tổng điểm, Xếp hạng).
_ONE_LINE_HEADING = 12


def _share(amount: int, weights: Sequence[int]) -> list[int]:
    """``amount`` split in proportion to ``weights`` (whole numbers summing exactly to it, largest remainder)."""
    total = sum(weights)
    if total <= 0:
        weights, total = [1] * len(weights), len(weights)
    parts = [amount * w // total for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))
    for i in order[: amount - sum(parts)]:
        parts[i] += 1
    return parts


def _heading_chars(heading: str) -> int:
    """The characters a numeric column's heading needs across: one line when short, else the best of two."""
    if len(heading) <= _ONE_LINE_HEADING:
        return len(heading)
    words = heading.split()
    splits = [max(len(" ".join(words[:i])), len(" ".join(words[i:]))) for i in range(1, len(words))]
    return min(splits, default=len(heading))


def _longest_word(texts: Iterable[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


def _wants(
    headings: Sequence[str], columns: Sequence[Sequence[str]], numeric: Sequence[bool], total: int
) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Per column: the width a numeric column needs; a text column's natural width and its least width."""
    fixed: dict[int, int] = {}
    natural: dict[int, int] = {}
    minimum: dict[int, int] = {}
    for index, (heading, cells, is_number) in enumerate(zip(headings, columns, numeric, strict=True)):
        longest = max(map(len, cells), default=0)
        if is_number:
            fixed[index] = max(longest * _CHAR, _heading_chars(heading) * _BOLD) + _PAD
        else:
            word = max(_longest_word(cells) * _CHAR, _longest_word([heading]) * _BOLD) + _PAD
            minimum[index] = min(word, total // 2)
            natural[index] = max(longest * _CHAR + _PAD, minimum[index])
    return fixed, natural, minimum


def _spread(wanted: dict[int, int], amount: int) -> dict[int, int]:
    """``amount`` split over the columns of ``wanted`` in proportion to what they want."""
    keys = sorted(wanted)
    return dict(zip(keys, _share(amount, [wanted[i] for i in keys]), strict=True))


def column_widths(
    headings: Sequence[str], columns: Sequence[Sequence[str]], numeric: Sequence[bool], total: int
) -> list[int]:
    """Column widths (twips, summing to ``total``) fitted to the cells: numbers as narrow as they allow, text wide.

    A numeric column gets the width of its longest number or its heading;
    text columns share the rest in proportion to their longest line, each at
    least as wide as its longest word. When even that does not fit, every
    column shrinks in proportion (Word wraps the rest); a table of numbers
    alone shares the spare width in proportion too.

    >>> column_widths(["STT", "Tên cơ quan", "Tổng điểm"], [["1"], ["Sở Nội vụ"], ["77,2"]], [True, False, True], 9354)
    [626, 7310, 1418]
    """
    fixed, natural, minimum = _wants(headings, columns, numeric, total)
    rest = total - sum(fixed.values()) - sum(minimum.values())
    if rest < 0 or not natural:
        widths = _spread({**fixed, **minimum}, total)
    else:
        extra = _spread(natural, rest)
        widths = {**fixed, **{i: minimum[i] + extra[i] for i in natural}}
    return [widths[i] for i in range(len(headings))]


class _Body:
    """The body of one document as XML text in pieces, collecting its pictures as it goes."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lang = document.lang
        self.tag = LANGUAGE_TAGS[document.lang]
        self.run = f'<w:r><w:rPr><w:lang w:val="{self.tag}"/></w:rPr>'
        self.pictures: list[Picture] = []

    def paragraph(self, style: str, text: str, *, keep: bool = False) -> str:
        keep_next = "<w:keepNext/>" if keep else ""
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep_next}</w:pPr>{self.run}{run_text(text)}</w:r></w:p>'

    def pieces(self) -> Iterator[str]:
        yield (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}"><w:body>'
        )
        yield from self.head()
        for block in self.document.blocks:
            yield from self.block(block)
        yield (
            f'<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_ID}"/>'
            f'<w:pgSz w:w="{_twips(PAGE_WIDTH_MM)}" w:h="{_twips(PAGE_HEIGHT_MM)}"/>'
            f'<w:pgMar w:top="{_twips(TOP_MM)}" w:right="{_twips(RIGHT_MM)}" w:bottom="{_twips(BOTTOM_MM)}" '
            f'w:left="{_twips(LEFT_MM)}" w:header="567" w:footer="567" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>'
        )

    def head(self) -> Iterator[str]:
        """The appendix line, the title and the line under it."""
        document = self.document
        if document.caption_below:
            yield self.paragraph("AppendixMark", DocxWords.APPENDIX_MARK.text(self.lang), keep=True)
        if document.title:
            yield self.paragraph("AppendixTitle" if document.caption_below else "Title", document.title)
        if document.subtitle:
            yield self.paragraph("Subtitle", document.subtitle)

    def block(self, block: Block) -> Iterator[str]:
        if isinstance(block, Heading):
            yield self.paragraph(f"Heading{min(max(block.level, 1), 3)}", block.text)
        elif isinstance(block, Paragraph):
            yield self.paragraph("Normal", block.text)
        elif isinstance(block, Table):
            yield from self.table(block)
        elif isinstance(block, Figure):
            yield from self.figure(block)
        else:
            raise InputError(DocxWords.UNKNOWN_BLOCK, kind=type(block).__name__)

    def figure(self, figure: Figure) -> Iterator[str]:
        """The chart as one picture (or page-high pictures), its caption under it; else a line saying why not."""
        try:
            pictures = chart_pictures(
                figure.svg, max_width=PICTURE_WIDTH, page_height=PICTURE_HEIGHT, max_pages=MAX_CHART_PAGES
            )
        except NotDrawn as reason:
            yield self.paragraph("Note", reason.text(self.lang, figure.caption))
            return
        for part, picture in enumerate(pictures, start=1):
            self.pictures.append(picture)
            number = len(self.pictures)
            description = figure.caption
            if len(pictures) > 1:
                description = DocxWords.PICTURE_PART.text(
                    self.lang, caption=figure.caption, part=part, parts=len(pictures)
                )
            name = DocxWords.PICTURE_NAME.text(self.lang, number=number)
            yield (
                '<w:p><w:pPr><w:pStyle w:val="Figure"/><w:keepNext/></w:pPr>'
                f"{picture_xml(number, name, description, picture.width, picture.height)}</w:p>"
            )
        yield self.paragraph("Caption", figure.caption)

    def table(self, table: Table) -> Iterator[str]:
        """A captioned table: fitted columns, a repeated header row, rows kept whole, band sections spanning it."""
        below = self.document.caption_below
        headings = table.headings(self.lang)
        columns, numeric = _texts(table, self.lang)
        widths = column_widths(headings, columns, numeric, TEXT_WIDTH)
        rows = list(zip(*columns, strict=True)) if columns else [() for _ in table.rows]
        if table.title is not None and not below:
            yield self.paragraph("Caption", table.title, keep=bool(widths))
        if widths:  # a table without columns has nothing to draw: its caption and notes stand alone
            yield from self.grid(table, headings, rows, numeric, widths, keep_last=below and table.title is not None)
        after = [self.paragraph("Caption", table.title)] if table.title is not None and below else []
        after += [self.paragraph("Note", note) for note in table.notes]
        # A paragraph after every table: two tables in a row would merge, and a body cannot end with a table.
        yield "".join(after) or '<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr></w:p>'

    def grid(
        self,
        table: Table,
        headings: Sequence[str],
        rows: Sequence[tuple[str, ...]],
        numeric: Sequence[bool],
        widths: Sequence[int],
        *,
        keep_last: bool,
    ) -> Iterator[str]:
        """The table itself: its properties and column grid, the header row, the rows."""
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        yield (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        )
        yield self.header_row(headings, widths)
        yield from self.body_rows(table, rows, numeric, widths, keep_last=keep_last)
        yield "</w:tbl>"

    def cell(self, width: int, style: str, *, keep: bool = False, span: int = 1, centre: bool = False) -> str:
        """The opening of a cell up to its text (close it with ``</w:t></w:r></w:p></w:tc>``)."""
        properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        properties += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        properties += '<w:vAlign w:val="center"/>' if centre else ""
        keep_next = "<w:keepNext/>" if keep else ""
        return (
            f'<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>{keep_next}</w:pPr>'
            f'{self.run}<w:t xml:space="preserve">'
        )

    def header_row(self, headings: Sequence[str], widths: Sequence[int]) -> str:
        cells = "".join(
            self.cell(width, "TableHeading", keep=True, centre=True) + _cell_text(heading) + _CLOSE
            for heading, width in zip(headings, widths, strict=True)
        )
        return f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>"

    def body_rows(
        self,
        table: Table,
        rows: Sequence[tuple[str, ...]],
        numeric: Sequence[bool],
        widths: Sequence[int],
        *,
        keep_last: bool,
    ) -> Iterator[str]:
        """The rows in batches; the last row is kept with the caption under the table."""
        styles = ["TableNumber" if n else "TableText" for n in numeric]
        plain = _row_template([self.cell(w, s) for w, s in zip(widths, styles, strict=True)])
        kept = _row_template([self.cell(w, s, keep=True) for w, s in zip(widths, styles, strict=True)])
        section = _row_template([self.cell(sum(widths), "TableSection", keep=True, span=len(widths))])
        sections = table.section_at()
        batch: list[str] = []
        last = len(rows) - 1
        for index, row in enumerate(rows):
            for label in sections.get(index, ()):
                batch.append(section % _cell_text(label))
            template = kept if keep_last and index == last else plain
            batch.append(template % (row if _PLAIN.fullmatch("".join(row)) else tuple(map(_cell_text, row))))
            if len(batch) >= 512:
                yield "".join(batch)
                batch = []
        batch.extend(section % _cell_text(label) for label in sections.get(len(rows), ()))
        yield "".join(batch)


_ROW_PROPERTIES = "<w:trPr><w:cantSplit/></w:trPr>"
_CLOSE = "</w:t></w:r></w:p></w:tc>"
_PLAIN = re.compile(r"[^&<>\"'\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]*")


def _row_template(openings: Sequence[str]) -> str:
    """A row as a ``%`` template: one ``%s`` per cell, for its (escaped) text."""
    return f"<w:tr>{_ROW_PROPERTIES}" + "".join(o.replace("%", "%%") + "%s" + _CLOSE for o in openings) + "</w:tr>"


def _cell_text(text: str) -> str:
    """A cell's text inside an open ``<w:t>``: as is when plain (nearly always), else escaped with its breaks."""
    if _PLAIN.fullmatch(text):
        return text
    inner = run_text(text)
    return inner[len('<w:t xml:space="preserve">') : -len("</w:t>")]


def _cacheable(column: Column, kinds: set[type], values: Sequence[Cell]) -> bool:
    """Whether a value alone determines its text in this column, so equal values share one formatting.

    One kind of value: whole numbers, flags, or Decimals shown with fixed
    decimals (1.0 and 1.00 then print alike) and all finite (a signalling
    NaN cannot even be looked up).
    """
    if len(kinds) != 1:
        return False
    if kinds <= {int, bool}:
        return True
    if kinds != {Decimal} or column.decimals is None:
        return False
    return all(value.is_finite() for value in values if isinstance(value, Decimal))


def _column_texts(table: Table, index: int, lang: str) -> tuple[list[str], bool]:
    """One column as display text, and whether it is numeric (every non-empty cell a number, right-aligned).

    The text is :meth:`Column.show`'s; each distinct value is formatted once
    where that gives the same text (a cohort repeats its scores and ranks).
    """
    column = table.columns[index]
    values = [row[index] for row in table.rows]
    kinds = set(map(type, values)) - {type(None)}
    numeric = bool(kinds) and kinds <= {Decimal, int}
    if not _cacheable(column, kinds, values):
        return [column.show(value, lang) for value in values], numeric
    seen: dict[Cell, str] = {}
    for value in values:
        if value not in seen:
            seen[value] = column.show(value, lang)
    return [seen[value] for value in values], numeric


def _texts(table: Table, lang: str) -> tuple[list[list[str]], list[bool]]:
    """Every column of ``table`` as display text (the same text as :meth:`Table.text_rows`), and which are numeric."""
    pairs = [_column_texts(table, index, lang) for index in range(len(table.columns))]
    return [texts for texts, _numeric in pairs], [numeric for _texts, numeric in pairs]


def document_docx(document: Document) -> bytes:
    """A whole document as a Word ``.docx`` file (bytes); the same document gives the same bytes."""
    tag = LANGUAGE_TAGS[document.lang]
    body = _Body(document)

    def parts() -> Iterator[Part]:
        yield "[Content_Types].xml", content_types_xml()
        yield "_rels/.rels", package_rels_xml()
        yield "docProps/core.xml", core_xml(document.title, tag)
        yield "docProps/app.xml", app_xml()
        yield "word/styles.xml", styles_xml(tag, TABLE_SIZE)
        yield "word/settings.xml", settings_xml(tag, document.lang)
        yield "word/footer1.xml", footer_xml()
        yield "word/document.xml", body.pieces()
        for number, picture in enumerate(body.pictures, start=1):
            yield f"word/media/image{number}.png", picture.png
        yield "word/_rels/document.xml.rels", document_rels_xml(len(body.pictures))

    return package(parts())
