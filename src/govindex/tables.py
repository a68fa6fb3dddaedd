"""Generic tables (bảng) and their renderings: text, Markdown, CSV, HTML, XLSX, pandas.

A :class:`Table` holds typed cells (points stay :class:`~decimal.Decimal`)
and a column's display precision. Reports (statistics, reconciliation, year
over year) describe themselves as tables and inherit every output format from
:class:`Tabular`; the same helpers serve any code that builds a :class:`Table`.

>>> from decimal import Decimal
>>> table = Table(
...     "demo",
...     (Column("agency", "Cơ quan"), Column("total", "Tổng điểm", decimals=1)),
...     (("so-noi-vu", Decimal("77.2")), ("so-y-te", Decimal("72.85"))),
... )
>>> print(table.to_markdown(), end="")
| Cơ quan | Tổng điểm |
| --- | ---: |
| so-noi-vu | 77.2 |
| so-y-te | 72.9 |

Display rounding is ROUND_HALF_UP to the column's decimals; the cell keeps
its exact value (``table.rows[1][1]`` is still ``Decimal('72.85')``).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from govindex._optional import require
from govindex.errors import InputError, UnknownNameError
from govindex.points import quantize

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMATS",
    "Cell",
    "Column",
    "Table",
    "Tabular",
    "format_cell",
    "render_tables",
    "tables_to_html",
    "tables_to_markdown",
    "tables_to_text",
    "write_xlsx",
]

#: A table cell: points as Decimal, counts and ranks as int, text, a flag, or empty.
Cell: TypeAlias = Decimal | int | str | bool | None

#: The output formats of every report; ``xlsx`` is binary.
FORMATS = ("table", "csv", "json", "markdown", "xlsx")

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def format_cell(value: Cell, decimals: int | None = None) -> str:
    """A cell as text: Decimals with ``decimals`` places (ROUND_HALF_UP), empty for ``None``.

    >>> format_cell(Decimal("67.65"), 1)
    '67.7'
    >>> format_cell(Decimal("1E+1"))
    '10'
    >>> format_cell(None)
    ''
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        if decimals is not None:
            value = quantize(value, decimals)
        return f"{value:f}"
    return str(value)


def _is_cell(value: object) -> bool:
    return value is None or isinstance(value, (Decimal, int, str, bool))


@attrs.frozen
class Column:
    """A column: its id (CSV header, DataFrame column), a label for people, a display precision."""

    id: str
    label: str | None = None
    decimals: int | None = None

    @property
    def heading(self) -> str:
        return self.id if self.label is None else self.label


def _rows(value: Iterable[Iterable[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(row) for row in value)


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(value)


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Table:
    """A named table of typed cells, with an optional title and notes shown under it."""

    name: str
    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(converter=_rows)
    title: str | None = None
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)

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

    def text_rows(self) -> list[list[str]]:
        """Every row as display text."""
        return [
            [format_cell(cell, column.decimals) for cell, column in zip(row, self.columns, strict=True)]
            for row in self.rows
        ]

    def numeric(self) -> list[bool]:
        """Per column: whether every non-empty cell is a number (right-aligned)."""
        flags = []
        for index in range(len(self.columns)):
            cells = [row[index] for row in self.rows if row[index] is not None]
            flags.append(bool(cells) and all(_is_number(c) for c in cells))
        return flags

    def records(self) -> list[dict[str, Cell]]:
        """The rows as mappings from column id to the exact cell value."""
        ids = [column.id for column in self.columns]
        return [dict(zip(ids, row, strict=True)) for row in self.rows]

    def to_text(self) -> str:
        """Aligned plain text (numbers right-aligned), notes below."""
        header = [column.heading for column in self.columns]
        body = self.text_rows()
        right = self.numeric()
        widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]
        lines = []
        for cells in [header, *body]:
            lines.append(
                "  ".join(
                    c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True)
                ).rstrip()
            )
        lines.insert(1, "  ".join("-" * w for w in widths))
        text = "\n".join(lines) + "\n"
        if self.notes:
            text += "\n" + "".join(f"{note}\n" for note in self.notes)
        return text

    def to_markdown(self) -> str:
        """A GitHub-flavoured Markdown table (numbers right-aligned), notes below."""

        def cell(text: str) -> str:
            return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

        align = [" ---: " if r else " --- " for r in self.numeric()]
        lines = ["| " + " | ".join(cell(c.heading) for c in self.columns) + " |", "|" + "|".join(align) + "|"]
        lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in self.text_rows()]
        text = "\n".join(lines) + "\n"
        if self.notes:
            text += "\n" + "".join(f"{note}\n" for note in self.notes)
        return text

    def to_csv(self) -> str:
        """CSV with the column ids as header; Decimals with the column's decimals."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([column.id for column in self.columns])
        writer.writerows(self.text_rows())
        return buffer.getvalue()

    def to_html(self) -> str:
        """An HTML ``<table>`` with every text escaped."""
        right = self.numeric()
        parts = ['<table class="govindex">']
        if self.title is not None:
            parts.append(f"<caption>{html.escape(self.title)}</caption>")
        parts.append(
            "<thead><tr>" + "".join(f"<th>{html.escape(c.heading)}</th>" for c in self.columns) + "</tr></thead>"
        )
        parts.append("<tbody>")
        for row in self.text_rows():
            cells = "".join(
                f'<td style="text-align: right">{html.escape(c)}</td>' if r else f"<td>{html.escape(c)}</td>"
                for c, r in zip(row, right, strict=True)
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table>")
        for note in self.notes:
            parts.append(f"<p>{html.escape(note)}</p>")
        return "\n".join(parts) + "\n"

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_frame(self, *, floats: bool = False) -> pd.DataFrame:
        """A pandas DataFrame (extra ``pandas``), one column per column id.

        Points stay :class:`~decimal.Decimal` objects (``object`` dtype) unless
        ``floats=True`` asks for ``float64`` columns; counts and ranks are
        integers (nullable ``Int64`` when a cell is empty).
        """
        pandas = require("pandas", "pandas")
        data: dict[str, Any] = {}
        for index, column in enumerate(self.columns):
            values = [row[index] for row in self.rows]
            present = [v for v in values if v is not None]
            if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
                dtype = "int64" if len(present) == len(values) else "Int64"
                data[column.id] = pandas.Series(values, dtype=dtype)
            elif present and all(isinstance(v, bool) for v in present) and len(present) == len(values):
                data[column.id] = pandas.Series(values, dtype="bool")
            elif floats and present and all(_is_number(v) for v in present):
                # float-ok: the caller asked for floats explicitly.
                data[column.id] = pandas.Series(values, dtype="object").astype("float64")
            else:
                data[column.id] = pandas.Series(values, dtype="object")
        frame: pd.DataFrame = pandas.DataFrame(data, columns=[column.id for column in self.columns])
        frame.attrs["name"] = self.name
        if self.title is not None:
            frame.attrs["title"] = self.title
        return frame


def _is_number(value: Cell) -> bool:
    return isinstance(value, (Decimal, int)) and not isinstance(value, bool)


def tables_to_text(tables: Sequence[Table]) -> str:
    """Several tables as plain text, each under its title."""
    return "\n".join(f"{table.heading}\n\n{table.to_text()}" for table in tables)


def tables_to_markdown(tables: Sequence[Table], *, level: int = 2) -> str:
    """Several tables as Markdown, each under a heading of the given level."""
    marks = "#" * level
    return "\n".join(f"{marks} {table.heading}\n\n{table.to_markdown()}" for table in tables)


def tables_to_html(tables: Sequence[Table]) -> str:
    """Several tables as one escaped HTML fragment."""
    return '<div class="govindex-report">\n' + "".join(table.to_html() for table in tables) + "</div>\n"


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("_", name).strip("'")[:31] or "sheet"
    candidate, number = base, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate


_FIXED_TIME = dt.datetime(1980, 1, 1)


def _number_format(decimals: int | None) -> str:
    if decimals is None:
        return "General"
    return "0" if decimals == 0 else "0." + "0" * decimals


def write_xlsx(tables: Sequence[Table]) -> bytes:
    """An Excel workbook (extra ``excel``) with one sheet per table; the same tables give the same bytes.

    Points are written as numbers with the column's display precision as
    the number format; the header row holds the column labels.
    """
    openpyxl = require("openpyxl", "excel")
    styles = require("openpyxl.styles", "excel")
    if not tables:
        raise InputError("a workbook needs at least one table")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    bold = styles.Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table.name, used))
        row_number = 1
        if table.title is not None:
            sheet.cell(row=1, column=1, value=table.title).font = bold
            row_number = 3
        for index, column in enumerate(table.columns, start=1):
            sheet.cell(row=row_number, column=index, value=column.heading).font = bold
        header_row = row_number
        for row in table.rows:
            row_number += 1
            for index, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
                cell = sheet.cell(row=row_number, column=index, value=value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
                if isinstance(value, Decimal):
                    cell.number_format = _number_format(column.decimals)
        if table.notes:
            row_number += 1
            for note in table.notes:
                row_number += 1
                sheet.cell(row=row_number, column=1, value=note)
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        for index, column in enumerate(table.columns, start=1):
            texts = [column.heading, *(format_cell(r[index - 1], column.decimals) for r in table.rows)]
            letter = openpyxl.utils.get_column_letter(index)
            sheet.column_dimensions[letter].width = min(60, max(8, *(len(t) + 2 for t in texts)))
    workbook.properties.creator = "govindex"
    workbook.properties.created = _FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _normalise_zip(buffer.getvalue())


_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")


def _normalise_zip(data: bytes) -> bytes:
    """Fixed timestamps inside the archive, so that the same workbook gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"<dcterms:modified\1>1980-01-01T00:00:00Z</dcterms:modified>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()


def render_tables(
    tables: Sequence[Table], data: Mapping[str, Any], fmt: str, *, table: str | None = None
) -> str | bytes:
    """Tables (and their JSON-ready ``data``) in one of :data:`FORMATS`.

    CSV holds one table: ``table`` names it, by default the first. XLSX is
    returned as bytes, everything else as text.
    """
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "xlsx":
        return write_xlsx(tables)
    if fmt == "csv":
        return _pick(tables, table).to_csv()
    chosen = tables if table is None else (_pick(tables, table),)
    if fmt == "markdown":
        return tables_to_markdown(chosen)
    if fmt == "table":
        return tables_to_text(chosen)
    raise UnknownNameError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _pick(tables: Sequence[Table], name: str | None) -> Table:
    if not tables:
        raise InputError("there is no table to show")
    if name is None:
        return tables[0]
    for table in tables:
        if table.name == name:
            return table
    raise UnknownNameError(f"unknown table {name!r}; the tables are {', '.join(t.name for t in tables)}")


class Tabular:
    """Mixin: every output format for an object that can describe itself as tables.

    A subclass defines :meth:`tables` (the tables, main one first) and
    :meth:`to_dict` (JSON-ready data, points as strings); it then renders as
    text, Markdown, CSV, JSON, XLSX, HTML (``_repr_html_`` for Jupyter) and
    pandas DataFrames.
    """

    __slots__ = ()

    def tables(self) -> tuple[Table, ...]:  # pragma: no cover - abstract
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def table(self, name: str | None = None) -> Table:
        """One table by name (default: the main one); an unknown name lists the known ones."""
        return _pick(self.tables(), name)

    def table_names(self) -> tuple[str, ...]:
        return tuple(table.name for table in self.tables())

    def render(self, fmt: str = "table", *, table: str | None = None) -> str | bytes:
        """The report in one of :data:`FORMATS` (``xlsx`` as bytes)."""
        return render_tables(self.tables(), self.to_dict(), fmt, table=table)

    def to_text(self) -> str:
        return tables_to_text(self.tables())

    def to_markdown(self) -> str:
        return tables_to_markdown(self.tables())

    def to_csv(self, table: str | None = None) -> str:
        """One table as CSV (default: the main one)."""
        return self.table(table).to_csv()

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_xlsx(self) -> bytes:
        """A workbook with one sheet per table (extra ``excel``)."""
        return write_xlsx(self.tables())

    def to_html(self) -> str:
        return tables_to_html(self.tables())

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_frame(self, table: str | None = None, *, floats: bool = False) -> pd.DataFrame:
        """One table as a pandas DataFrame (extra ``pandas``); see :meth:`Table.to_frame`."""
        return self.table(table).to_frame(floats=floats)

    def to_frames(self, *, floats: bool = False) -> dict[str, pd.DataFrame]:
        """Every table as a DataFrame, by table name."""
        return {table.name: table.to_frame(floats=floats) for table in self.tables()}
