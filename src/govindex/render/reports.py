"""Results, statistics, reconciliations and comparisons as tables and documents.

The domain values carry data only; this module describes each of them as
:class:`~govindex.render.model.Table` objects (main table first), which every
writer of :mod:`govindex.render` can write.

>>> from govindex import load_dataset, load_rubric, score
>>> result = score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())
>>> table = result_table(result)
>>> table.rows[0][:6]
('provincial', 1, 'so-thong-tin-va-truyen-thong', 'Sở Thông tin và Truyền thông', Decimal('83.8'), 'Khá')
>>> ranking = result_document(result).table("provincial")
>>> ranking.headings("vi"), ranking.text_rows("vi")[0]
(['STT', 'Tên cơ quan', 'Tổng điểm', 'Xếp loại', 'Xếp hạng'], ['1', 'Sở Thông tin và Truyền thông', '83,8', 'Khá', '1'])
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from govindex.render.model import Block, Cell, Column, Document, Table
from govindex.render.words import check_lang, word

if TYPE_CHECKING:
    from govindex.compare import Comparison
    from govindex.reconciliation import Reconciliation
    from govindex.results import Result
    from govindex.stats import Statistics

__all__ = [
    "comparison_table",
    "not_assessed_table",
    "reconciliation_tables",
    "result_document",
    "result_table",
    "result_tables",
    "statistics_tables",
]


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


def not_assessed_table(result: Result, lang: str = "en") -> Table:
    """The agencies kept out of the ranking, with the reason and the rule."""
    return Table(
        "not_assessed",
        [Column("agency"), Column("name"), Column("group"), Column("reason"), Column("rule")],
        [[i.agency.id, i.agency.name, i.agency.group, i.reason, i.rule] for i in result.not_assessed],
        word("not_assessed", lang) if lang == "en" else "Không đánh giá / not assessed",
    )


def result_tables(result: Result) -> tuple[Table, ...]:
    """The flat result table, then the agencies not assessed (if any) with the reason."""
    tables = [result_table(result)]
    if result.not_assessed:
        tables.append(not_assessed_table(result))
    return tuple(tables)


def result_document(result: Result, lang: str = "vi") -> Document:
    """The result per agency group: STT, Tên cơ quan, Tổng điểm, Xếp loại, Xếp hạng; then who was not assessed.

    Rows keep the result's order (rank, then agency id). Every agency of the
    input appears: ranked in its group, or in the table of agencies not
    assessed with the reason.
    """
    check_lang(lang)
    rubric = result.rubric
    en = lang == "en"
    blocks: list[Block] = []
    normalised = result.scale is not None or any(row.normalised is not None for row in result.rows)
    decimals = result.scale.decimals if result.scale is not None else None
    if decimals is None and rubric.publication is not None:
        decimals = rubric.publication.decimals
    views = [view for view in rubric.views if any(view.id in row.views for row in result.rows)]
    for group in rubric.groups:
        rows = result.group(group.id)
        if not rows:
            continue
        name = (group.name_en or group.name) if en else group.name
        columns = [
            Column("stt", label_en="No."),
            Column("name", label_en="Agency"),
            Column("total", decimals=rubric.decimals, label_en="Total"),
        ]
        if normalised:
            columns.append(Column("normalised", "Chỉ số", decimals, "Index"))
        if rubric.bands is not None:
            columns.append(Column("band", label_en="Band"))
        columns.append(Column("rank", label_en="Rank"))
        for view in views:
            view_en = view.name_en or view.name
            columns += [
                Column(view.id, view.name, label_en=view_en),
                Column(f"{view.id} rank", f"Xếp hạng {view.name}", label_en=f"Rank, {view_en}"),
            ]
        body: list[list[Cell]] = []
        for position, row in enumerate(rows, start=1):
            cells: list[Cell] = [position, row.agency.name, row.total]
            if normalised:
                cells.append(row.normalised)
            if rubric.bands is not None:
                band = row.band
                cells.append(None if band is None else ((band.label_en or band.label) if en else band.label))
            cells.append(row.rank)
            for view in views:
                value = row.views.get(view.id)
                cells += [None, None] if value is None else [value.normalised, value.rank]
            body.append(cells)
        blocks.append(Table(group.id, columns, body, name))
    if result.not_assessed:
        groups = {g.id: ((g.name_en or g.name) if en else g.name) for g in rubric.groups}
        blocks.append(
            Table(
                "not_assessed",
                [
                    Column("stt", label_en="No."),
                    Column("name", label_en="Agency"),
                    Column("group_name", label_en="Group"),
                    Column("reason", label_en="Reason"),
                ],
                [
                    [n, i.agency.name, groups.get(i.agency.group, i.agency.group), i.reason]
                    for n, i in enumerate(result.not_assessed, start=1)
                ],
                word("not_assessed", lang),
            )
        )
    title = (rubric.title_en or rubric.title) if en else rubric.title
    return Document(title, blocks, lang)


def statistics_tables(stats: Statistics) -> tuple[Table, ...]:
    """``groups`` (one row per group, then the overall and pooled rows), ``leaders``, ``not_assessed``."""
    from govindex.stats import exact_text

    rubric = stats.rubric
    bands = () if rubric.bands is None else rubric.bands.bands
    columns = [
        Column("group"),
        Column("name", "Khối", label_en="name"),
        Column("agencies"),
        Column("mean", decimals=stats.decimals),
        Column("min", decimals=stats.decimals),
        Column("max", decimals=stats.decimals),
    ]
    for band in bands:
        columns.append(Column(f"{band.id}_count", band.label, label_en=band.label_en))
    for band in bands:
        columns.append(
            Column(
                f"{band.id}_share", f"{band.label} %", label_en=None if band.label_en is None else f"{band.label_en} %"
            )
        )
    rows: list[list[Cell]] = []
    for g in stats.groups:
        rows.append(
            [
                g.group,
                g.name,
                g.count,
                g.mean,
                g.minimum,
                g.maximum,
                *(g.band_counts[b.id] for b in bands),
                *(g.band_shares[b.id] for b in bands),
            ]
        )
    rows.append(
        [
            "overall",
            "overall: mean of the group means",
            stats.count,
            stats.overall_mean,
            min(g.minimum for g in stats.groups),
            max(g.maximum for g in stats.groups),
            *(stats.band_counts[b.id] for b in bands),
            *(stats.band_shares[b.id] for b in bands),
        ]
    )
    rows.append(
        [
            "pooled",
            "pooled: mean over all agencies",
            stats.count,
            stats.pooled_mean,
            None,
            None,
            *(None for _ in bands),
            *(None for _ in bands),
        ]
    )
    notes = [
        f"Means are rounded to {stats.decimals} decimal(s), {stats.rounding}; band shares are whole "
        "percentages by the largest-remainder method and sum to 100."
    ]
    exact = [(g.group, g.mean, g.mean_exact) for g in stats.groups]
    exact += [
        ("overall", stats.overall_mean, stats.overall_mean_exact),
        ("pooled", stats.pooled_mean, stats.pooled_mean_exact),
    ]
    inexact = [f"{name} {exact_text(value)}" for name, shown, value in exact if Fraction(shown) != value]
    if inexact:
        notes.append("Exact means: " + "; ".join(inexact) + ".")
    groups = Table("groups", columns, rows, "Thống kê theo nhóm / statistics per group", notes)
    leader_rows: list[list[Cell]] = []
    for g in stats.groups:
        for leader in g.leaders:
            band_label = None
            if leader.band is not None and rubric.bands is not None:
                band_label = rubric.bands.band(leader.band).label
            leader_rows.append([g.group, leader.rank, leader.agency, leader.name, leader.total, band_label])
    leaders = Table(
        "leaders",
        [
            Column("group"),
            Column("rank"),
            Column("agency"),
            Column("name"),
            Column("total", decimals=rubric.decimals),
            Column("band"),
        ],
        leader_rows,
        f"Dẫn đầu (hạng 1-{stats.top}) / leaders (ranks 1-{stats.top})",
    )
    out = [groups, leaders]
    if stats.not_assessed:
        out.append(
            Table(
                "not_assessed",
                [Column("agency"), Column("name"), Column("group"), Column("reason")],
                [[i.agency.id, i.agency.name, i.agency.group, i.reason] for i in stats.not_assessed],
                "Không đánh giá / not assessed",
            )
        )
    return tuple(out)


def reconciliation_tables(outcome: Reconciliation) -> tuple[Table, ...]:
    """``agencies`` (totals, bands, ranks), ``differences`` (per node), ``unmatched`` (if any)."""
    decimals = outcome.rubric.decimals
    bands = outcome.rubric.bands

    def label(band_id: str | None) -> str | None:
        return None if band_id is None or bands is None else bands.band(band_id).label

    agencies = Table(
        "agencies",
        [
            Column("group"),
            Column("agency"),
            Column("name"),
            Column("self_total", decimals=decimals),
            Column("appraised_total", decimals=decimals),
            Column("difference", decimals=decimals),
            Column("self_band"),
            Column("appraised_band"),
            Column("self_rank"),
            Column("appraised_rank"),
            Column("places"),
        ],
        [
            [
                item.group,
                item.agency.id,
                item.agency.name,
                item.self_total,
                item.appraised_total,
                item.total_difference,
                label(item.self_band),
                label(item.appraised_band),
                item.self_rank,
                item.appraised_rank,
                item.places,
            ]
            for item in outcome.agencies
        ],
        "Đối chiếu tự đánh giá và thẩm định / self-assessment against appraisal",
        [
            "difference = appraised - self; places = self rank - appraised rank (positive: ranked higher by the appraisal)."
        ],
    )
    rows: list[list[Cell]] = []
    for item in outcome.agencies:
        for d in item.differences:
            rows.append(
                [item.group, item.agency.id, d.node, d.name, d.max_points, d.self_score, d.appraised, d.difference]
            )
    differences = Table(
        "differences",
        [
            Column("group"),
            Column("agency"),
            Column("node"),
            Column("node_name"),
            Column("max_points", decimals=decimals),
            Column("self", decimals=decimals),
            Column("appraised", decimals=decimals),
            Column("difference", decimals=decimals),
        ],
        rows,
        "Chênh lệch theo tiêu chí / differences per criterion (largest first)",
    )
    out = [agencies, differences]
    if outcome.unmatched:
        out.append(
            Table(
                "unmatched",
                [Column("agency"), Column("name"), Column("group"), Column("status")],
                [[a.id, a.name, a.group, status] for a, status in outcome.unmatched],
                "Không đối chiếu được / not compared",
            )
        )
    return tuple(out)


def comparison_table(comparison: Comparison) -> Table:
    """The comparison, one agency per row: rank, score and band per period, places and changes, status."""
    periods = comparison.periods
    columns = [Column("group"), Column("agency"), Column("name")]
    for period in periods:
        columns += [
            Column(f"rank {period.label}"),
            Column(f"score {period.label}", decimals=period.decimals),
            Column(f"band {period.label}"),
        ]
    pairs = list(pairwise(periods))
    spans = [(old, new) for old, new in pairs]
    if len(periods) > 2:
        spans.append((periods[0], periods[-1]))
    for old, new in spans:
        columns += [
            Column(f"places {old.label}→{new.label}", signed=True),
            Column(
                f"change {old.label}→{new.label}",
                decimals=comparison.change_decimals(old, new),
                signed=True,
            ),
        ]
    columns.append(Column("status"))
    body: list[list[Cell]] = []
    for row in comparison.rows:
        cells: list[Cell] = [row.group, row.agency, row.name]
        for standing in row.standings:
            if standing is None:
                cells += [None, None, None]
            else:
                cells += [standing.rank, standing.score, standing.band_label or standing.band]
        for step in row.steps:
            cells += [step.places, step.score_change]
        if len(periods) > 2:
            cells += [row.places, row.score_change]
        cells.append("; ".join([row.describe(), *comparison.standing_notes(row)]))
        body.append(cells)
    return Table("comparison", columns, body, " → ".join(comparison.labels))


def tables_of(value: Any) -> tuple[Table, ...]:
    """The tables of a result, statistics, reconciliation or comparison, main table first."""
    from govindex.compare import Comparison
    from govindex.reconciliation import Reconciliation
    from govindex.results import Result
    from govindex.stats import Statistics

    if isinstance(value, Result):
        return result_tables(value)
    if isinstance(value, Statistics):
        return statistics_tables(value)
    if isinstance(value, Reconciliation):
        return reconciliation_tables(value)
    if isinstance(value, Comparison):
        return (comparison_table(value),)
    if isinstance(value, Table):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        items = tuple(value)
        if all(isinstance(item, Table) for item in items):
            return items
    raise TypeError(f"cannot describe {type(value).__name__} as tables")
