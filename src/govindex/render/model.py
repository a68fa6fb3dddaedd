"""The table/document model (bảng, văn bản) that every writer of :mod:`govindex.render` reads.

A :class:`Table` holds typed cells: points stay :class:`~decimal.Decimal`
with a display precision per column, counts and ranks are ``int``. A
:class:`Document` is a title and a sequence of blocks: :class:`Heading`,
:class:`Paragraph`, :class:`Table` and :class:`Figure` (an SVG drawing).
Writers turn a document into text, Markdown, CSV, XLSX, HTML, DOCX or JSON;
the model itself never formats anything but a cell, and imports no writer.

A column marked ``key`` holds identifiers (agency, group and criterion ids):
data for CSV, JSON and DataFrames; the documents people read show them in
English only, since Vietnamese output names every agency and criterion.

>>> from decimal import Decimal
>>> table = Table(
...     "demo",
...     (Column("agency", key=True), Column("name"), Column("total", decimals=1)),
...     (("so-noi-vu", "Sở Nội vụ", Decimal("77.2")), ("so-y-te", "Sở Y tế", Decimal("72.85"))),
... )
>>> table.shown("vi").text_rows("vi")
[['Sở Nội vụ', '77,2'], ['Sở Y tế', '72,9']]
>>> table.headings("en")
['Agency id', 'Agency', 'Total']
>>> table.rows[1][2]
Decimal('72.85')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TypeAlias

import attrs

from govindex.catalogue.render import RenderError
from govindex.catalogue.words import HeadingText, Word
from govindex.errors import InputError, UnknownNameError, check_lang
from govindex.points import exact_context, quantize

__all__ = [
    "Block",
    "Cell",
    "Column",
    "Document",
    "Figure",
    "Heading",
    "Paragraph",
    "Table",
    "format_cell",
    "format_number",
]

#: A table cell: points as Decimal, counts and ranks as int, text, a flag, or empty.
Cell: TypeAlias = Decimal | int | str | bool | None


def format_number(value: Decimal | int, decimals: int | None = None, lang: str = "en") -> str:
    """A number as text: ``decimals`` places (ROUND_HALF_UP), a decimal comma in Vietnamese.

    >>> format_number(Decimal("67.65"), 1, "vi"), format_number(Decimal("67.65"), 1), format_number(Decimal("1E+1"))
    ('67,7', '67.7', '10')
    """
    if isinstance(value, Decimal):
        if decimals is not None and value.is_finite():
            with exact_context():
                value = quantize(value, decimals)
        text = f"{value:f}"
    else:
        text = str(value)
    return text.replace(".", ",") if lang == "vi" else text


def format_cell(value: Cell, decimals: int | None = None, lang: str = "en") -> str:
    """A cell as text: numbers by :func:`format_number`, flags as yes/no (có/không), empty for ``None``.

    >>> format_cell(Decimal("67.65"), 1), format_cell(True, lang="vi"), format_cell(None)
    ('67.7', 'có', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return (Word.YES if value else Word.NO).text(lang)
    if isinstance(value, (Decimal, int)):
        return format_number(value, decimals, lang)
    return value


def _is_cell(value: object) -> bool:
    return value is None or isinstance(value, (Decimal, int, str, bool))


def is_number(value: Cell) -> bool:
    return isinstance(value, (Decimal, int)) and not isinstance(value, bool)


@attrs.frozen
class Column:
    """A column: its id (CSV header, DataFrame column), its heading, a display precision.

    ``label`` is the heading in the document's language; without it the
    heading of a well-known id comes from the catalogue
    (:class:`~govindex.catalogue.words.HeadingText`), else it is the id.
    ``label_en`` is an English heading for a table built once for both
    languages. ``unit`` follows every number shown (``%``); ``signed`` shows
    a ``+`` on positive numbers (places gained, score changes); ``key`` marks
    a column of identifiers, shown to people in English only.
    """

    id: str
    label: str | None = None
    decimals: int | None = None
    label_en: str | None = None
    unit: str = ""
    signed: bool = False
    key: bool = False

    def show(self, value: Cell, lang: str = "en") -> str:
        """A cell of this column as display text."""
        text = format_cell(value, self.decimals, lang)
        if is_number(value):
            if self.signed and value > 0:  # type: ignore[operator]
                text = "+" + text
            text += self.unit
        return text

    def heading_in(self, lang: str) -> str:
        """The heading in ``lang``."""
        known = HeadingText.of(self.id)
        if lang == "en":
            return self.label_en or self.label or (known.en if known is not None else self.id)
        return self.label or (known.vi if known is not None else self.id)


def _rows(value: Iterable[Iterable[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(row) for row in value)


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(value)


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _sections(value: Mapping[int, str] | Iterable[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((int(k), str(v)) for k, v in items))


def _check_rows(name: str, width: int, rows: tuple[tuple[Cell, ...], ...]) -> None:
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise InputError(RenderError.ROW_WIDTH, table=repr(name), row=number, cells=len(row), columns=width)
        for cell in row:
            if not _is_cell(cell):
                raise InputError(
                    RenderError.CELL_KIND, table=repr(name), row=number, kind=type(cell).__name__, value=repr(cell)
                )


@attrs.frozen
class Table:
    """A named table of typed cells, with an optional title (its caption) and notes shown under it.

    ``name`` is its id (``--table NAME``, a DataFrame's name); ``label`` the
    short name people read (an Excel sheet's name), by default the name.
    ``sections`` are labelled breaks: ``(index, label)`` shows ``label`` as a
    row of its own before row ``index`` (the band sections of a ranking,
    "A. Mức khá (67%)"). CSV and JSON leave them out; the rows are the data.
    """

    name: str
    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(converter=_rows)
    title: str | None = None
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    sections: tuple[tuple[int, str], ...] = attrs.field(default=(), converter=_sections)
    label: str | None = None

    def __attrs_post_init__(self) -> None:
        ids = [column.id for column in self.columns]
        if len(set(ids)) != len(ids):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            raise InputError(RenderError.COLUMN_TWICE, table=repr(self.name), columns=", ".join(map(repr, twice)))
        _check_rows(self.name, len(self.columns), self.rows)
        for index, _label in self.sections:
            if not 0 <= index <= len(self.rows):
                raise InputError(RenderError.SECTION_BEYOND, table=repr(self.name), row=index)

    @property
    def heading(self) -> str:
        return self.title if self.title is not None else self.name

    @property
    def sheet_name(self) -> str:
        """The name of the table's sheet in a workbook (before it is made valid there)."""
        return self.label or self.name

    def column(self, column_id: str) -> tuple[Cell, ...]:
        """The cells of one column, by id."""
        for index, column in enumerate(self.columns):
            if column.id == column_id:
                return tuple(row[index] for row in self.rows)
        raise UnknownNameError(
            RenderError.NO_COLUMN,
            table=repr(self.name),
            name=repr(column_id),
            columns=", ".join(c.id for c in self.columns),
        )

    def shown(self, lang: str) -> Table:
        """The table as people read it in ``lang``: without its ``key`` columns in Vietnamese."""
        if lang == "en" or not any(column.key for column in self.columns):
            return self
        keep = [index for index, column in enumerate(self.columns) if not column.key]
        return attrs.evolve(
            self,
            columns=[self.columns[i] for i in keep],
            rows=[[row[i] for i in keep] for row in self.rows],
        )

    def headings(self, lang: str = "vi") -> list[str]:
        return [column.heading_in(lang) for column in self.columns]

    def text_rows(self, lang: str = "en") -> list[list[str]]:
        """Every row as display text (not yet made safe for any medium)."""
        return [[column.show(cell, lang) for cell, column in zip(row, self.columns, strict=True)] for row in self.rows]

    def numeric(self) -> list[bool]:
        """Per column: whether every non-empty cell is a number (right-aligned)."""
        flags = []
        for index in range(len(self.columns)):
            cells = [row[index] for row in self.rows if row[index] is not None]
            flags.append(bool(cells) and all(is_number(c) for c in cells))
        return flags

    def records(self) -> list[dict[str, Cell]]:
        """The rows as mappings from column id to the exact cell value."""
        ids = [column.id for column in self.columns]
        return [dict(zip(ids, row, strict=True)) for row in self.rows]

    def section_at(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for index, label in self.sections:
            out.setdefault(index, []).append(label)
        return out


@attrs.frozen
class Heading:
    """A heading; level 1 is a part of the document (an agency group), 2 a section in it."""

    text: str
    level: int = 1


@attrs.frozen
class Paragraph:
    """A paragraph of running text."""

    text: str


@attrs.frozen
class Figure:
    """A drawing as SVG text (generated by :mod:`govindex.render.svg`, never from input) with its caption."""

    svg: str
    caption: str
    name: str = "figure"


Block: TypeAlias = Heading | Paragraph | Table | Figure


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


@attrs.frozen
class Document:
    """A titled sequence of blocks in one language (``vi`` or ``en``).

    ``caption_below`` puts each table's caption under it, as decisions print
    "Bảng 1. ..." after the table.
    """

    title: str
    blocks: tuple[Block, ...] = attrs.field(converter=_blocks)
    lang: str = "vi"
    subtitle: str | None = None
    caption_below: bool = False

    def __attrs_post_init__(self) -> None:
        check_lang(self.lang)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Table))

    def table(self, name: str | None = None) -> Table:
        """One table by name (default: the first); an unknown name lists the known ones."""
        tables = self.tables
        if not tables:
            raise InputError(RenderError.NO_TABLE)
        if name is None:
            return tables[0]
        for table in tables:
            if table.name == name:
                return table
        raise UnknownNameError(RenderError.UNKNOWN_TABLE, table=repr(name), tables=", ".join(t.name for t in tables))

    def only(self, name: str) -> Document:
        """The document narrowed to one table (by name)."""
        return Document(self.title, (self.table(name),), self.lang, self.subtitle, self.caption_below)

    def shown(self) -> Document:
        """The document as people read it: every table :meth:`Table.shown` in the document's language."""
        blocks = [block.shown(self.lang) if isinstance(block, Table) else block for block in self.blocks]
        return attrs.evolve(self, blocks=blocks)

    @classmethod
    def of_tables(cls, tables: Iterable[Table], *, title: str = "", lang: str = "vi") -> Document:
        """A document of tables, each shown under its title."""
        return cls(title, tuple(tables), lang)
