"""Reports (báo cáo): results, statistics and reconciliations as tables, and writing them out.

Every report object (:class:`~govindex.stats.Statistics`,
:class:`~govindex.reconcile.Reconciliation`) is :class:`~govindex.tables.Tabular`:
it renders as text, Markdown, CSV, JSON and XLSX, converts to pandas
DataFrames and shows as an HTML table in Jupyter. This module adds the
same for a :class:`~govindex.results.Result` and writes any of them to a file.

>>> from govindex import load_dataset, load_rubric, score
>>> result = score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())
>>> table = result_table(result)
>>> table.rows[0][:6]
('provincial', 1, 'so-thong-tin-va-truyen-thong', 'Sở Thông tin và Truyền thông', Decimal('83.8'), 'Khá')
>>> format_for_path("report.xlsx")
'xlsx'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from govindex.errors import FileFormatError, InputError
from govindex.results import Result
from govindex.tables import FORMATS, Cell, Column, Table, Tabular, tables_to_html

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMATS",
    "format_for_path",
    "result_table",
    "result_tables",
    "result_to_frame",
    "result_to_html",
    "write_report",
]

_EXTENSIONS = {
    ".txt": "table",
    ".csv": "csv",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
}


def result_table(result: Result) -> Table:
    """The result, one agency per row: group, rank, agency, name, total, band, then every node's score.

    Points are the exact Decimals of the result; nodes an agency's tree does
    not have are empty.
    """
    rubric = result.rubric
    node_ids: list[str] = []
    for group in rubric.groups:
        for node in group.tree.walk():
            if node is not group.tree and node.id not in node_ids:
                node_ids.append(node.id)
    present = [n for n in node_ids if any(n in row.scores for row in result.rows)]
    columns = [
        Column("group"),
        Column("rank"),
        Column("agency"),
        Column("name"),
        Column("total", decimals=rubric.decimals),
        Column("band"),
    ]
    if result.scale is not None:
        columns.append(Column("normalised", decimals=result.scale.decimals))
    columns += [Column(n, decimals=rubric.decimals) for n in present]
    rows: list[list[Cell]] = []
    for row in result.rows:
        cells: list[Cell] = [
            row.agency.group,
            row.rank,
            row.agency.id,
            row.agency.name,
            row.total,
            None if row.band is None else row.band.label,
        ]
        if result.scale is not None:
            cells.append(row.normalised)
        cells += [row.scores.get(n) for n in present]
        rows.append(cells)
    title = f"{rubric.title_en or rubric.title} ({rubric.id})"
    return Table("results", columns, rows, title)


def result_tables(result: Result) -> tuple[Table, ...]:
    """The result table, then the agencies not assessed (if any) with the reason."""
    tables = [result_table(result)]
    if result.not_assessed:
        tables.append(
            Table(
                "not_assessed",
                [Column("agency"), Column("name"), Column("group"), Column("reason"), Column("rule")],
                [[i.agency.id, i.agency.name, i.agency.group, i.reason, i.rule] for i in result.not_assessed],
                "Không đánh giá / not assessed",
            )
        )
    return tuple(tables)


def result_to_frame(result: Result, *, floats: bool = False) -> pd.DataFrame:
    """The result table as a pandas DataFrame; see :meth:`govindex.tables.Table.to_frame`."""
    return result_table(result).to_frame(floats=floats)


def result_to_html(result: Result) -> str:
    """The result as an escaped HTML fragment (Jupyter shows it)."""
    return tables_to_html(result_tables(result))


def format_for_path(path: str | Path) -> str:
    """The report format a file name asks for, by its extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in _EXTENSIONS:
        raise FileFormatError(
            f"cannot tell the output format from the extension {suffix or '(none)'!r}; "
            f"use {', '.join(sorted(_EXTENSIONS))} or give --format",
            file=str(path),
        )
    return _EXTENSIONS[suffix]


def write_report(report: Tabular, path: str | Path, fmt: str | None = None, *, table: str | None = None) -> None:
    """Write a report to ``path`` in ``fmt`` (default: from the extension); text as UTF-8."""
    chosen = format_for_path(path) if fmt is None else fmt
    if chosen not in FORMATS:
        raise InputError(f"unknown format {chosen!r}; use one of {', '.join(FORMATS)}")
    content = report.render(chosen, table=table)
    target = Path(path)
    try:
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    except OSError as error:
        raise FileFormatError(f"cannot write the report: {error.strerror}", file=str(path)) from None
