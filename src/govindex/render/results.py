"""A result (kết quả) as people read it, as data, as a flat table, as JSON in pieces, as a DataFrame.

- :func:`result_document`: per agency group STT, Tên cơ quan, Tổng điểm,
  (Chỉ số), Xếp loại, Xếp hạng and each view with its rank; then the agencies
  not assessed with the reason;
- :func:`result_data`: the score document of ``govindex score --format json``
  (the model the JSON writer is held to);
- :func:`flat_table`: one agency per row, every node's score (CSV, DataFrames);
- :func:`result_pieces`, :func:`result_csv`, :func:`result_frame`: the JSON,
  the CSV and the DataFrame, written from the columns of a result made by
  :func:`govindex.score` (:mod:`govindex.render.columns`), each exactly what
  the model above gives.

>>> from govindex import load_dataset, load_rubric, score
>>> result = score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())
>>> flat_table(result).rows[0][:6]
('provincial', 1, 'so-thong-tin-va-truyen-thong', 'Sở Thông tin và Truyền thông', Decimal('83.8'), 'Khá')
>>> ranking = result_document(result).table("provincial")
>>> ranking.headings("vi"), ranking.text_rows("vi")[0]
(['STT', 'Tên cơ quan', 'Tổng điểm', 'Xếp loại', 'Xếp hạng'], ['1', 'Sở Thông tin và Truyền thông', '83,8', 'Khá', '1'])
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from govindex._optional import require
from govindex.catalogue.notranked import NotRankedWords
from govindex.catalogue.reports import Summary
from govindex.catalogue.words import HeadingText
from govindex.ranking import Rank
from govindex.render.columns import (
    FlatLayout,
    csv_rows,
    flat_layout,
    frame_columns,
    json_pieces,
    json_rows,
    rows_layout,
)
from govindex.render.csv import csv_text, table_csv
from govindex.render.frames import table_frame, typed_series
from govindex.render.json import encode_string, json_text
from govindex.render.model import Block, Cell, Column, Document, Table
from govindex.render.wording import named

if TYPE_CHECKING:
    import pandas as pd

    from govindex.results import AgencyResult, Result
    from govindex.rubric import Group
    from govindex.views import View

__all__ = [
    "flat_table",
    "register",
    "result_csv",
    "result_data",
    "result_document",
    "result_frame",
    "result_pieces",
]


def _rank(value: Rank | None) -> int | str | None:
    if value is None or isinstance(value, int):
        return value
    return f"{value:f}"


# --- the data of the score document ----------------------------------------------------------------


def _row_data(result: Result, row: AgencyResult) -> dict[str, Any]:
    fmt = result.format
    tree = result.rubric.tree(row.group)
    publication = result.rubric.publication
    nodes: dict[str, Any] = {}
    for node in tree.walk():
        if node is tree or node.id not in row.scores:
            continue
        score = row.scores[node.id]
        nodes[node.id] = {"score": fmt(score), "rank": _rank(row.node_ranks.get(node.id))}
        published = None if publication is None else publication.on_scale(score, node.max_points)
        if published is not None:
            nodes[node.id]["normalised"] = f"{published:f}"
    entry: dict[str, Any] = {
        "agency": row.agency.id,
        "name": row.agency.name,
        "group": row.group,
        "total": fmt(row.total),
        "band": row.band_id,
        "band_label": None if row.band is None else row.band.label,
        "rank": _rank(row.rank),
        "nodes": nodes,
    }
    if row.normalised is not None:
        entry["normalised"] = f"{row.normalised:f}"
    if row.views:
        entry["views"] = {
            view_id: {"score": fmt(view.points), "normalised": f"{view.normalised:f}", "rank": _rank(view.rank)}
            for view_id, view in row.views.items()
        }
    return entry


def _not_assessed_data(result: Result) -> list[dict[str, str]]:
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


def _not_ranked_data(result: Result) -> list[dict[str, Any]]:
    """The agencies scored and banded but not ranked, with the reason and what left them out (``rubric``, a rule's
    name, ``data``); points with the rubric's decimals."""
    return [
        {
            "agency": item.agency.id,
            "name": item.agency.name,
            "group": item.agency.group,
            "total": result.format(item.total),
            "band": None if item.band is None else item.band.id,
            "reason": item.reason,
            "by": item.by,
        }
        for item in result.not_ranked
    ]


def result_data(result: Result) -> dict[str, Any]:
    """The result as JSON-ready data: the document of ``govindex score --format json``.

    ``{"rubric": ID, "results": [{"agency", "name", "group", "total", "band",
    "band_label", "rank", "nodes": {NODE_ID: {"score", "rank"}}}]}``, rows
    ordered by group (in the rubric's order), rank, agency. Points are strings
    with the rubric's decimals; ``band`` is the band id and ``band_label`` its
    Vietnamese label (both null for a rubric without bands); a fractional rank
    is a string (``"2.5"``); a node's ``rank`` is null when not every agency
    of the group has a score there. Only when the rubric or its rules produce
    them: ``normalised`` in a row (the total on the published scale) and in
    its nodes (each node on the rubric's publication scale), ``views``
    (``{VIEW_ID: {"score", "normalised", "rank"}}``), and ``not_assessed``
    (agencies kept out of the ranking, with the reason) and ``not_ranked``
    (agencies scored and banded but not ranked: total, band, reason).
    """
    document: dict[str, Any] = {"rubric": result.rubric.id, "results": [_row_data(result, row) for row in result.rows]}
    if result.not_assessed:
        document["not_assessed"] = _not_assessed_data(result)
    if result.not_ranked:
        document["not_ranked"] = _not_ranked_data(result)
    return document


def result_pieces(result: Result, *, indent: int | None = None) -> Iterator[str]:
    """The score document (:func:`result_data`) as JSON text in pieces, compact unless ``indent`` is given.

    A result made by :func:`govindex.score` is written straight from its
    columns, each distinct value formatted once, never held whole; the text
    is exactly ``json_text(result_data(result), indent=indent)``.
    """
    if not result.column_groups:
        yield json_text(result_data(result), indent=indent)
        return
    tail = ""
    if result.not_assessed:
        tail = ',"not_assessed":' + json_text(_not_assessed_data(result), indent=None).rstrip("\n")
    if result.not_ranked:
        tail += ',"not_ranked":' + json_text(_not_ranked_data(result), indent=None).rstrip("\n")
    if indent is None:
        yield from json_pieces(result, tail)
        yield "\n"
        return
    yield from _indented(result, indent)


def _indented(result: Result, indent: int) -> Iterator[str]:
    """The score document indented by ``indent`` spaces, still written one agency at a time."""
    pad = " " * indent
    yield "{\n" + pad + '"rubric": ' + encode_string(result.rubric.id) + ",\n" + pad + '"results": ['
    first = True
    for row in json_rows(result):
        text = json_text(json.loads(row), indent=indent).rstrip("\n")
        yield ("\n" if first else ",\n") + textwrap.indent(text, pad * 2)
        first = False
    yield ("]" if first else "\n" + pad + "]")
    if result.not_assessed:
        text = json_text(_not_assessed_data(result), indent=indent).rstrip("\n")
        yield ",\n" + pad + '"not_assessed": ' + textwrap.indent(text, pad)[len(pad) :]
    if result.not_ranked:
        text = json_text(_not_ranked_data(result), indent=indent).rstrip("\n")
        yield ",\n" + pad + '"not_ranked": ' + textwrap.indent(text, pad)[len(pad) :]
    yield "\n}\n"


# --- the flat table: one agency per row ------------------------------------------------------------


def _flat_columns(result: Result, layout: FlatLayout, lang: str) -> list[Column]:
    rubric = result.rubric
    columns = [
        Column("group", key=True),
        Column("rank"),
        Column("agency", key=True),
        Column("name"),
        Column("total", decimals=rubric.decimals),
    ]
    if layout.normalised:
        columns.append(Column("normalised", decimals=layout.normalised_decimals))
    columns.append(Column("band"))
    names = {node.id: node for group in rubric.groups for node in group.tree.walk()}
    columns += [Column(n, named(names[n], lang), rubric.decimals) for n in layout.nodes]
    for view_id in layout.views:
        view = rubric.view(view_id)
        columns += [
            Column(view_id, named(view, lang)),
            Column(f"{view_id} rank", HeadingText.RANK_OF.text(lang, name=named(view, lang))),
        ]
    return columns


def _flat_row(row: AgencyResult, layout: FlatLayout) -> list[Cell]:
    cells: list[Cell] = [
        row.agency.group,
        row.rank,
        row.agency.id,
        row.agency.name,
        row.total,
    ]
    if layout.normalised:
        cells.append(row.normalised)
    cells.append(None if row.band is None else row.band.label)
    cells += [row.scores.get(n) for n in layout.nodes]
    for view_id in layout.views:
        view = row.views.get(view_id)
        cells += [None, None] if view is None else [view.normalised, view.rank]
    return cells


def flat_table(result: Result, lang: str = "vi") -> Table:
    """The result, one agency per row: group, rank, agency, name, total, (normalised), band, nodes, views.

    Points are the exact Decimals of the result; nodes an agency's tree does
    not have are empty; each view of the rubric adds its published value
    (``VIEW_ID``) and its rank (``VIEW_ID rank``). Built from the rows (the
    model the columnar writers are held to).
    """
    layout = rows_layout(result)
    rows = [_flat_row(row, layout) for row in result.rows]
    return Table(
        "results", _flat_columns(result, layout, lang), rows, _title(result, lang), label=Summary.RESULTS.text(lang)
    )


def result_csv(result: Result, *, excel_vn: bool = False) -> str:
    """The flat table as CSV (column ids as header), from the columns when the result has them."""
    if not result.column_groups:
        return table_csv(flat_table(result), excel_vn=excel_vn)
    layout = flat_layout(result)
    header = [column.id for column in _flat_columns(result, layout, "en")]
    rows = csv_rows(result, layout)
    if excel_vn:
        numeric = _numeric_positions(layout)
        rows = [[cell.replace(".", ",") if i in numeric else cell for i, cell in enumerate(row)] for row in rows]
    return csv_text(header, rows, excel_vn=excel_vn)


def _numeric_positions(layout: FlatLayout) -> set[int]:
    at = 7 if layout.normalised else 6
    positions = {1, 4, *range(at, at + len(layout.nodes) + 2 * len(layout.views))}
    if layout.normalised:
        positions.add(5)
    return positions


def result_frame(result: Result, *, floats: bool = False) -> pd.DataFrame:
    """The flat table as a pandas DataFrame (extra ``pandas``), built from the columns.

    Points are Decimal objects (``object`` dtype) unless ``floats=True``;
    ranks are integers (Decimal for a fractional rank), ``None`` (or NaN)
    where there is no value.
    """
    pandas = require("pandas", "pandas")
    if not result.column_groups:
        return table_frame(flat_table(result), floats=floats)
    layout = flat_layout(result)
    data = frame_columns(result, layout, floats=floats)
    ids = [column.id for column in _flat_columns(result, layout, "en")]
    ranks = {"rank", *(f"{view_id} rank" for view_id in layout.views)}
    frame: pd.DataFrame = pandas.DataFrame(
        {
            name: typed_series(pandas, data[name], floats=floats)
            if name in ranks
            else pandas.Series(data[name], dtype=data[name].dtype, copy=False)
            for name in ids
        },
        columns=ids,
    )
    frame.attrs["name"] = "results"
    return frame


# --- the document people read ----------------------------------------------------------------------


def _title(result: Result, lang: str) -> str:
    rubric = result.rubric
    return (rubric.title_en or rubric.title) if lang == "en" else rubric.title


def _views(result: Result) -> list[View]:
    """The views of the rubric on which some agency has a score."""
    return [view for view in result.rubric.views if any(view.id in row.views for row in result.rows)]


def _group_columns(
    result: Result, views: list[View], lang: str, normalised: bool, decimals: int | None
) -> list[Column]:
    rubric = result.rubric
    columns = [Column("stt"), Column("name"), Column("total", decimals=rubric.decimals)]
    if normalised:
        columns.append(Column("normalised", HeadingText.INDEX.text(lang), decimals))
    if rubric.bands is not None:
        columns.append(Column("band"))
    columns.append(Column("rank"))
    for view in views:
        columns += [
            Column(view.id, named(view, lang)),
            Column(f"{view.id} rank", HeadingText.RANK_OF.text(lang, name=named(view, lang))),
        ]
    return columns


def _group_row(
    result: Result, views: list[View], position: int, row: AgencyResult, lang: str, normalised: bool
) -> list[Cell]:
    rubric = result.rubric
    cells: list[Cell] = [position, row.agency.name, row.total]
    if normalised:
        cells.append(row.normalised)
    if rubric.bands is not None:
        band = row.band
        cells.append(None if band is None else ((band.label_en or band.label) if lang == "en" else band.label))
    cells.append(row.rank)
    for view in views:
        value = row.views.get(view.id)
        cells += [None, None] if value is None else [value.normalised, value.rank]
    return cells


def _group_table(result: Result, views: list[View], group: Group, rows: tuple[AgencyResult, ...], lang: str) -> Table:
    rubric = result.rubric
    normalised = result.scale is not None or any(row.normalised is not None for row in rows)
    decimals = result.scale.decimals if result.scale is not None else None
    if decimals is None and rubric.publication is not None:
        decimals = rubric.publication.decimals
    columns = _group_columns(result, views, lang, normalised, decimals)
    body = [_group_row(result, views, position, row, lang, normalised) for position, row in enumerate(rows, start=1)]
    name = named(group, lang)
    return Table(group.id, columns, body, name, label=name)


def not_assessed_table(result: Result, lang: str) -> Table:
    """The agencies kept out of the ranking, with the group's name and the reason."""
    groups = {g.id: named(g, lang) for g in result.rubric.groups}
    rows: list[list[Cell]] = [
        [n, item.agency.name, item.agency.id, groups.get(item.agency.group, item.agency.group), item.reason, item.rule]
        for n, item in enumerate(result.not_assessed, start=1)
    ]
    columns = [
        Column("stt"),
        Column("name"),
        Column("agency", key=True),
        Column("group_name"),
        Column("reason"),
        Column("rule", key=True),
    ]
    return Table(
        "not_assessed", columns, rows, Summary.NOT_ASSESSED.text(lang), label=Summary.NOT_ASSESSED_SHORT.text(lang)
    )


def not_ranked_table(result: Result, lang: str) -> Table:
    """The agencies scored and banded but not ranked: a row without a rank, the reason in the last column."""
    groups = {g.id: named(g, lang) for g in result.rubric.groups}
    rows: list[list[Cell]] = []
    for n, item in enumerate(result.not_ranked, start=1):
        band = (
            None
            if item.band is None
            else ((item.band.label_en or item.band.label) if lang == "en" else item.band.label)
        )
        group = groups.get(item.agency.group, item.agency.group)
        rows.append([n, item.agency.name, item.agency.id, group, item.total, band, None, item.reason])
    columns = [
        Column("stt"),
        Column("name"),
        Column("agency", key=True),
        Column("group_name"),
        Column("total", decimals=result.rubric.decimals),
        Column("band"),
        Column("rank"),
        Column("reason"),
    ]
    return Table("not_ranked", columns, rows, NotRankedWords.TITLE.text(lang), label=NotRankedWords.SHORT.text(lang))


def result_document(result: Result, lang: str = "vi") -> Document:
    """The result per agency group, then the agencies assessed but not ranked, then those not assessed.

    Rows keep the result's order (rank, then agency id). Every agency of the
    input appears: ranked in its group, in the table of agencies not ranked,
    or in the table of agencies not assessed with the reason.
    """
    rubric = result.rubric
    views = _views(result)
    blocks: list[Block] = []
    for group in rubric.groups:
        rows = result.group(group.id)
        if rows:
            blocks.append(_group_table(result, views, group, rows, lang))
    if result.not_ranked:
        blocks.append(not_ranked_table(result, lang))
    if result.not_assessed:
        blocks.append(not_assessed_table(result, lang))
    return Document(_title(result, lang), blocks, lang)


_registered: list[bool] = []


def register() -> None:
    """Register how a result is described, written as data, in pieces and as a DataFrame (once)."""
    if _registered:
        return
    from govindex.render.dispatch import converter, describe, frame_of, pieces_of
    from govindex.results import Result

    describe.register(Result)(lambda value, lang: result_document(value, lang))
    pieces_of.register(Result)(lambda value, indent: result_pieces(value, indent=indent))
    frame_of.register(Result)(_frame_of)
    converter.register_unstructure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, Result), result_data
    )
    _registered.append(True)


def _frame_of(value: Result, table: str | None, floats: bool) -> pd.DataFrame:
    if table is None or table == "results":
        return result_frame(value, floats=floats)
    return table_frame(result_document(value, "en").table(table), floats=floats)
