"""Writing results: plain-text table, CSV, JSON, Markdown and Excel (XLSX), diacritics intact."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from govindex.io._columns_out import columns_csv_rows, columns_json, fits_columns
from govindex.ranking import Rank
from govindex.render.safe import csv_text_cell, markdown_cell, one_line
from govindex.results import Result

__all__ = [
    "FORMATS",
    "markdown_table",
    "render_result",
    "render_rows",
    "result_json",
    "result_json_pieces",
    "result_rows",
    "result_to_dict",
    "result_xlsx_bytes",
    "text_table",
    "write_result_xlsx",
]

#: The output formats every result and report command accepts.
FORMATS = ("table", "csv", "json", "markdown")


def _rank(value: Rank | None) -> int | str | None:
    if value is None or isinstance(value, int):
        return value
    return str(value)


def result_to_dict(result: Result) -> dict[str, Any]:
    """The result as JSON-ready data: the document of ``govindex score --format json``.

    ``{"rubric": ID, "results": [{"agency", "name", "group", "total", "band",
    "band_label", "rank", "nodes": {NODE_ID: {"score", "rank"}}}]}``, rows
    ordered by group (in the rubric's order), rank, agency. Points are strings
    with the rubric's decimals; ``band`` is the band id and ``band_label`` its
    Vietnamese label (both null for a rubric without bands); a fractional rank
    is a string (``"2.5"``); a node's ``rank`` is null when not every agency
    of the group has a score there. Only when the rubric or its rules produce them: ``normalised`` in a
    row (the total on the published scale) and in its nodes (each node on the
    rubric's publication scale), ``views`` (``{VIEW_ID: {"score",
    "normalised", "rank"}}``), and ``not_assessed`` (agencies kept out of the
    ranking, with the reason).
    """
    fmt = result.format
    rows: list[dict[str, Any]] = []
    for row in result.rows:
        tree = result.rubric.tree(row.group)
        entry: dict[str, Any] = {
            "agency": row.agency.id,
            "name": row.agency.name,
            "group": row.group,
            "total": fmt(row.total),
            "band": row.band_id,
            "band_label": None if row.band is None else row.band.label,
            "rank": _rank(row.rank),
            "nodes": {
                node.id: {"score": fmt(row.scores[node.id]), "rank": _rank(row.node_ranks.get(node.id))}
                for node in tree.walk()
                if node is not tree and node.id in row.scores
            },
        }
        if row.normalised is not None:
            entry["normalised"] = str(row.normalised)
        publication = result.rubric.publication
        if publication is not None:
            for node in tree.walk():
                if node is not tree and node.id in row.scores:
                    value = publication.publish(row.scores[node.id], node.max_points)
                    if value is not None:
                        entry["nodes"][node.id]["normalised"] = str(value)
        if row.views:
            entry["views"] = {
                view_id: {"score": fmt(view.points), "normalised": str(view.normalised), "rank": _rank(view.rank)}
                for view_id, view in row.views.items()
            }
        rows.append(entry)
    document: dict[str, Any] = {"rubric": result.rubric.id, "results": rows}
    if result.not_assessed:
        document["not_assessed"] = _not_assessed(result)
    return document


def _not_assessed(result: Result) -> list[dict[str, str]]:
    return [
        {
            "agency": item.agency.id,
            "name": item.agency.name,
            "group": item.agency.group,
            "reason": item.reason,
            "rule": item.rule,
        }
        for item in result.not_assessed
    ]


def result_rows(result: Result) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the flat result table (one agency per row).

    Each view of the rubric adds two columns: its published value (``VIEW_ID``)
    and its rank (``VIEW_ID rank``).
    """
    node_ids: list[str] = []
    for group in result.rubric.groups:
        for node in group.tree.walk():
            if node is not group.tree and node.id not in node_ids:
                node_ids.append(node.id)
    if fits_columns(result):
        present = [
            n
            for n in node_ids
            if any(
                n in columns.layout.index and bool(columns.given[:, columns.layout.index[n]].any())
                for columns in result.column_groups
            )
        ]
        header = ["group", "rank", "agency", "name", "total", "band", *present]
        if result.scale is not None:
            header.insert(5, "normalised")
        return header, columns_csv_rows(result, present, result.scale is not None)
    present = [n for n in node_ids if any(n in row.scores for row in result.rows)]
    views = [view.id for view in result.rubric.views if any(view.id in row.views for row in result.rows)]
    normalised = result.scale is not None or any(row.normalised is not None for row in result.rows)
    header = ["group", "rank", "agency", "name", "total", "band", *present]
    for view_id in views:
        header += [view_id, f"{view_id} rank"]
    if normalised:
        header.insert(5, "normalised")
    body: list[list[str]] = []
    for row in result.rows:
        cells = [
            row.agency.group,
            str(row.rank),
            row.agency.id,
            row.agency.name,
            result.format(row.total),
            "" if row.band is None else row.band.label,
            *[result.format(row.scores[n]) if n in row.scores else "" for n in present],
        ]
        for view_id in views:
            view = row.views.get(view_id)
            cells += ["", ""] if view is None else [str(view.normalised), str(view.rank)]
        if normalised:
            cells.insert(5, "" if row.normalised is None else str(row.normalised))
        body.append(cells)
    return header, body


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns aligned with spaces; numbers right-aligned; control characters and line breaks made visible."""
    widths = [max([len(one_line(h)), *(len(one_line(r[i])) for r in rows)]) for i, h in enumerate(header)]

    def numeric(column: int) -> bool:
        return all(_is_number(r[column]) for r in rows if r[column])

    right = [numeric(i) for i in range(len(header))]
    lines = []
    for cells in [list(header), *rows]:
        lines.append(
            "  ".join(
                one_line(c).rjust(w) if r else one_line(c).ljust(w)
                for c, w, r in zip(cells, widths, right, strict=True)
            ).rstrip()
        )
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table whose cells cannot forge rows (see :func:`govindex.render.safe.markdown_cell`)."""
    lines = ["| " + " | ".join(markdown_cell(h) for h in header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(markdown_cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]], *, excel_vn: bool = False) -> str:
    """Text rows as CSV; every cell made safe for spreadsheets (:func:`govindex.render.safe.csv_text_cell`)."""
    from govindex.render.csv import csv_text as write_csv

    return write_csv(header, [[csv_text_cell(c) for c in row] for row in rows], excel_vn=excel_vn)


def json_text(data: Any, *, indent: int | None = 2) -> str:
    from govindex.render.json import json_text as write_json

    return write_json(data, indent=indent)


def render_rows(header: Sequence[str], rows: Sequence[Sequence[str]], fmt: str) -> str:
    """A flat table as ``table`` (aligned text), ``csv``, ``markdown`` or ``json`` (a list of objects)."""
    if fmt == "json":
        return json_text([dict(zip(header, row, strict=True)) for row in rows])
    if fmt == "csv":
        return csv_text(header, rows)
    if fmt == "markdown":
        return markdown_table(header, rows)
    if fmt == "table":
        return text_table(header, rows)
    from govindex.errors import UnknownNameError

    raise UnknownNameError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def result_json(result: Result, *, indent: int | None = None) -> str:
    """The score document (:func:`result_to_dict`) as JSON text, compact unless ``indent`` is given."""
    return "".join(result_json_pieces(result, indent=indent))


def result_json_pieces(result: Result, *, indent: int | None = None) -> Iterator[str]:
    """The score document as JSON text in pieces, compact (one line) unless ``indent`` is given.

    A result made by :func:`govindex.score` is written straight from its
    columns, each distinct value formatted once; the text is the same as
    ``json.dumps(result_to_dict(result), ensure_ascii=False, separators=(",", ":"))``.
    """
    if indent is None and fits_columns(result):
        tail: dict[str, Any] = {}
        if result.not_assessed:
            tail["not_assessed"] = _not_assessed(result)
        yield from columns_json(result, tail)
        yield "\n"
        return
    data = result_to_dict(result)
    if indent is None:
        yield json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    else:
        yield json_text(data, indent=indent)


def render_result(result: Result, fmt: str, *, lang: str = "vi") -> str:
    """The result in one of :data:`FORMATS`.

    ``json`` is :func:`result_to_dict`; ``csv`` the flat table of
    :func:`result_rows`; ``table`` and ``markdown`` show each agency group
    apart (STT, Tên cơ quan, Tổng điểm, Xếp loại, Xếp hạng) in ``lang``, then
    the agencies not assessed with the reason.
    """
    if fmt == "json":
        return result_json(result)
    if fmt == "csv":
        return render_rows(*result_rows(result), fmt)
    if fmt not in FORMATS:
        return render_rows(*result_rows(result), fmt)
    from govindex.render import render_document
    from govindex.render.reports import result_document

    content = render_document(result_document(result, lang), fmt)
    assert isinstance(content, str)
    return content


def result_xlsx_bytes(result: Result, *, lang: str = "vi") -> bytes:
    """The result as an Excel workbook: one sheet per agency group, then the agencies not assessed.

    Scores, totals and ranks are numbers (shown with the rubric's decimals),
    names keep their diacritics, no cell is a formula, and the same result
    gives the same bytes. Needs ``pip install 'govindex[excel]'``.
    """
    from govindex.render.reports import result_document
    from govindex.render.xlsx import workbook_bytes

    return workbook_bytes(result_document(result, lang))


def write_result_xlsx(result: Result, path: str | Path) -> None:
    """Write the result table to an ``.xlsx`` file."""
    Path(path).write_bytes(result_xlsx_bytes(result))
