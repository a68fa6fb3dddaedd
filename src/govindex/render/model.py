"""The table/document model (bảng, văn bản) that every writer of :mod:`govindex.render` reads.

A :class:`Table` holds typed cells: points stay :class:`~decimal.Decimal`
with a display precision per column, counts and ranks are ``int``. A
:class:`Document` is a title and a sequence of blocks: :class:`Heading`,
:class:`Paragraph`, :class:`Table` and :class:`Figure` (an SVG drawing).
Writers turn a document into text, Markdown, CSV, XLSX, HTML, DOCX or JSON;
the model itself never formats anything but a cell.

>>> from decimal import Decimal
>>> table = Table(
...     "demo",
...     (Column("agency", "Cơ quan"), Column("total", "Tổng điểm", decimals=1)),
...     (("so-noi-vu", Decimal("77.2")), ("so-y-te", Decimal("72.85"))),
... )
>>> table.text_rows("vi")
[['so-noi-vu', '77,2'], ['so-y-te', '72,9']]
>>> table.rows[1][1]
Decimal('72.85')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TypeAlias

import attrs

from govindex.errors import InputError, UnknownNameError
from govindex.points import quantize
from govindex.render.words import check_lang, column_label

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
        if decimals is not None:
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
        if lang == "vi":
            return "có" if value else "không"
        return "yes" if value else "no"
    if isinstance(value, (Decimal, int)):
        return format_number(value, decimals, lang)
    return value


def _is_cell(value: object) -> bool:
    return value is None or isinstance(value, (Decimal, int, str, bool))


def is_number(value: Cell) -> bool:
    return isinstance(value, (Decimal, int)) and not isinstance(value, bool)


@attrs.frozen
class Column:
    """A column: its id (CSV header, DataFrame column), labels for people, a display precision.

    ``label`` is the Vietnamese heading, ``label_en`` the English one. A
    Vietnamese heading without a label comes from the vocabulary of
    :mod:`govindex.render.words`; otherwise the heading is the id. ``unit``
    follows every number shown (``%``); ``signed`` shows a ``+`` on positive
    numbers (places gained, score changes).
    """

    id: str
    label: str | None = None
    decimals: int | None = None
    label_en: str | None = None
    unit: str = ""
    signed: bool = False

    @property
    def heading(self) -> str:
        return self.heading_in("vi")

    def show(self, value: Cell, lang: str = "en") -> str:
        """A cell of this column as display text."""
        text = format_cell(value, self.decimals, lang)
        if is_number(value):
            if self.signed and value > 0:  # type: ignore[operator]
                text = "+" + text
            text += self.unit
        return text

    def heading_in(self, lang: str) -> str:
        if lang == "en":
            return self.label_en or self.label or self.id
        return self.label or column_label(self.id, "vi") or self.id


def _rows(value: Iterable[Iterable[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(row) for row in value)


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(value)


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _sections(value: Mapping[int, str] | Iterable[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((int(k), str(v)) for k, v in items))


@attrs.frozen
class Table:
    """A named table of typed cells, with an optional title (its caption) and notes shown under it.

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

    def __attrs_post_init__(self) -> None:
        ids = [column.id for column in self.columns]
        if len(set(ids)) != len(ids):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            raise InputError(f"table {self.name!r}: column {', '.join(map(repr, twice))} appears twice")
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise InputError(
                    f"table {self.name!r}: row {number} has {len(row)} cells but there are {len(self.columns)} columns"
                )
            for cell in row:
                if not _is_cell(cell):
                    raise InputError(
                        f"table {self.name!r}: row {number} holds {type(cell).__name__} {cell!r}; "
                        "cells are Decimal, int, str, bool or None"
                    )
        for index, _label in self.sections:
            if not 0 <= index <= len(self.rows):
                raise InputError(f"table {self.name!r}: a section starts at row {index}, beyond the table")

    @property
    def heading(self) -> str:
        return self.title if self.title is not None else self.name

    def column(self, column_id: str) -> tuple[Cell, ...]:
        """The cells of one column, by id."""
        for index, column in enumerate(self.columns):
            if column.id == column_id:
                return tuple(row[index] for row in self.rows)
        raise UnknownNameError(
            f"table {self.name!r} has no column {column_id!r}; its columns are {', '.join(c.id for c in self.columns)}"
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

    # Thin delegations to the writers, for the REPL and notebooks.
    def to_text(self, lang: str = "en") -> str:
        from govindex.render.text import table_text

        return table_text(self, lang)

    def to_markdown(self, lang: str = "en") -> str:
        from govindex.render.markdown import table_markdown

        return table_markdown(self, lang)

    def to_csv(self, *, excel_vn: bool = False) -> str:
        from govindex.render.csv import table_csv

        return table_csv(self, excel_vn=excel_vn)

    def to_html(self, lang: str = "en") -> str:
        from govindex.render.html import table_html

        return table_html(self, lang)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_frame(self, *, floats: bool = False) -> object:
        """A pandas DataFrame (extra ``pandas``); see :func:`govindex.render.frames.table_frame`."""
        from govindex.render.frames import table_frame

        return table_frame(self, floats=floats)


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
            raise InputError("there is no table to show")
        if name is None:
            return tables[0]
        for table in tables:
            if table.name == name:
                return table
        raise UnknownNameError(f"unknown table {name!r}; the tables are {', '.join(t.name for t in tables)}")

    @classmethod
    def of_tables(cls, tables: Iterable[Table], *, title: str = "", lang: str = "vi") -> Document:
        """A document of tables, each shown under its title."""
        return cls(title, tuple(tables), lang)
