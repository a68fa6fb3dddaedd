"""Statistics (thống kê) as tables and as data: means, band counts and shares, leaders.

>>> from govindex import load_dataset, load_rubric, score, statistics
>>> stats = statistics(score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments()))
>>> [table.name for table in statistics_document(stats).tables]
['groups', 'leaders', 'not_assessed']
>>> statistics_document(stats, "vi").table("groups").shown("vi").headings("vi")[:4]
['Khối', 'Số cơ quan', 'Điểm trung bình', 'Thấp nhất']
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from govindex.catalogue.indices import ShareWords
from govindex.catalogue.notranked import NotRankedWords
from govindex.catalogue.reports import Stat, Summary
from govindex.catalogue.words import HeadingText
from govindex.points import exact_context, quantize
from govindex.render.model import Cell, Column, Document, Table
from govindex.render.wording import named, rounding_words
from govindex.stats import exact_text as exact_in_points

if TYPE_CHECKING:
    from govindex.bands import Band
    from govindex.stats import GroupStatistics, Leader, Statistics

__all__ = ["exact_text", "statistics_data", "statistics_document"]


def exact_text(value: Fraction, lang: str = "en") -> str:
    """An exact mean as text: a finite decimal when there is one, else ``p/q``.

    >>> exact_text(Fraction(338, 5)), exact_text(Fraction(338, 5), "vi"), exact_text(Fraction(203, 3))
    ('67.6', '67,6', '203/3')
    """
    text = exact_in_points(value)
    return text.replace(".", ",") if lang == "vi" else text


def _bands(stats: Statistics) -> tuple[Band, ...]:
    return () if stats.rubric.bands is None else stats.rubric.bands.bands


def _group_columns(stats: Statistics, lang: str) -> list[Column]:
    decimals = stats.decimals
    columns = [
        Column("group", key=True),
        Column("name", HeadingText.GROUP_NAME.text(lang)),
        Column("agencies"),
        Column("mean", decimals=decimals),
        Column("min", decimals=decimals),
        Column("max", decimals=decimals),
    ]
    bands = _bands(stats)
    columns += [Column(f"{b.id}_count", HeadingText.COUNT_OF.text(lang, name=_label(b, lang))) for b in bands]
    columns += [Column(f"{b.id}_share", HeadingText.SHARE_OF.text(lang, name=_label(b, lang))) for b in bands]
    return columns


def _label(band: Band, lang: str) -> str:
    return (band.label_en or band.label) if lang == "en" else band.label


def _group_rows(stats: Statistics, lang: str) -> list[list[Cell]]:
    bands = _bands(stats)
    rows: list[list[Cell]] = []
    for g in stats.groups:
        name = named(stats.rubric.group(g.group), lang)
        counts = [g.band_counts[b.id] for b in bands]
        shares = [g.band_shares[b.id] for b in bands]
        rows.append([g.group, name, g.count, g.mean, g.minimum, g.maximum, *counts, *shares])
    rows.append(
        [
            "overall",
            Stat.OVERALL.text(lang),
            stats.count,
            stats.overall_mean,
            min(g.minimum for g in stats.groups),
            max(g.maximum for g in stats.groups),
            *(stats.band_counts[b.id] for b in bands),
            *(stats.band_shares[b.id] for b in bands),
        ]
    )
    rows.append(
        ["pooled", Stat.POOLED.text(lang), stats.count, stats.pooled_mean, None, None, *([None] * (2 * len(bands)))]
    )
    return rows


def _notes(stats: Statistics, lang: str) -> list[str]:
    rounding = rounding_words(stats.rounding, stats.decimals, lang)
    places = stats.rubric.share_decimals
    notes = [
        ShareWords.NOTE.text(lang, rounding=rounding, decimals=places)
        if places
        else Stat.NOTE.text(lang, rounding=rounding)
    ]
    exact = [(named(stats.rubric.group(g.group), lang), g.mean, g.mean_exact) for g in stats.groups]
    exact += [
        (Stat.OVERALL.text(lang), stats.overall_mean, stats.overall_mean_exact),
        (Stat.POOLED.text(lang), stats.pooled_mean, stats.pooled_mean_exact),
    ]
    inexact = [
        Stat.EXACT_ONE.text(lang, name=name, value=exact_text(value, lang))
        for name, shown, value in exact
        if Fraction(shown) != value
    ]
    if inexact:
        notes.append(Stat.EXACT.text(lang, means="; ".join(inexact)))
    if stats.not_ranked:
        notes.append(NotRankedWords.STAT_NOTE.text(lang, count=len(stats.not_ranked)))
    return notes


def _leaders(stats: Statistics, lang: str) -> Table:
    rubric = stats.rubric
    rows: list[list[Cell]] = []
    for g in stats.groups:
        group_name = named(rubric.group(g.group), lang)
        for leader in g.leaders:
            band = None
            if leader.band is not None and rubric.bands is not None:
                band = _label(rubric.bands.band(leader.band), lang)
            rows.append([g.group, group_name, leader.rank, leader.agency, leader.name, leader.total, band])
    columns = [
        Column("group", key=True),
        Column("group_name"),
        Column("rank"),
        Column("agency", key=True),
        Column("name"),
        Column("total", decimals=rubric.decimals),
        Column("band"),
    ]
    return Table("leaders", columns, rows, Stat.LEADERS.text(lang, top=stats.top), label=Stat.LEADERS_SHORT.text(lang))


def _not_assessed(stats: Statistics, lang: str) -> Table:
    groups = {g.id: named(g, lang) for g in stats.rubric.groups}
    rows: list[list[Cell]] = [
        [i.agency.id, i.agency.name, i.agency.group, groups.get(i.agency.group, i.agency.group), i.reason]
        for i in stats.not_assessed
    ]
    columns = [
        Column("agency", key=True),
        Column("name"),
        Column("group", key=True),
        Column("group_name"),
        Column("reason"),
    ]
    return Table(
        "not_assessed", columns, rows, Summary.NOT_ASSESSED.text(lang), label=Summary.NOT_ASSESSED_SHORT.text(lang)
    )


def _not_ranked(stats: Statistics, lang: str) -> Table:
    """The agencies assessed but not ranked as the publisher shows them: a row without a rank, the reason in a note."""
    rubric = stats.rubric
    groups = {g.id: named(g, lang) for g in rubric.groups}
    rows: list[list[Cell]] = []
    notes: list[str] = []
    for item in stats.not_ranked:
        band = None if item.band is None else _label(item.band, lang)
        group_name = groups.get(item.agency.group, item.agency.group)
        rows.append([item.agency.id, item.agency.name, item.agency.group, group_name, item.total, band, None])
        notes.append(NotRankedWords.NOTE.text(lang, name=item.agency.name, reason=item.reason))
    columns = [
        Column("agency", key=True),
        Column("name"),
        Column("group", key=True),
        Column("group_name"),
        Column("total", decimals=rubric.decimals),
        Column("band"),
        Column("rank"),
    ]
    return Table(
        "not_ranked", columns, rows, NotRankedWords.TITLE.text(lang), notes, label=NotRankedWords.SHORT.text(lang)
    )


def statistics_document(stats: Statistics, lang: str = "vi") -> Document:
    """``groups`` (one row per group, then the overall and pooled rows), ``leaders``, ``not_ranked`` (agencies
    assessed but not ranked), ``not_assessed``."""
    groups = Table(
        "groups",
        _group_columns(stats, lang),
        _group_rows(stats, lang),
        Stat.GROUPS.text(lang),
        _notes(stats, lang),
        label=Stat.GROUPS_SHORT.text(lang),
    )
    tables = [groups, _leaders(stats, lang)]
    if stats.not_ranked:
        tables.append(_not_ranked(stats, lang))
    if stats.not_assessed:
        tables.append(_not_assessed(stats, lang))
    rubric = stats.rubric
    title = Stat.TITLE.text(lang, rubric=(rubric.title_en or rubric.title) if lang == "en" else rubric.title)
    return Document(title, tables, lang)


# --- data ----------------------------------------------------------------------------------------


def _fmt(stats: Statistics, value: Decimal) -> str:
    with exact_context():
        return f"{quantize(value, stats.decimals):f}"


def _leader_data(stats: Statistics, leader: Leader) -> dict[str, Any]:
    return {
        "agency": leader.agency,
        "name": leader.name,
        "total": _fmt(stats, leader.total),
        "rank": leader.rank if isinstance(leader.rank, int) else f"{leader.rank:f}",
        "band": leader.band,
    }


def _group_data(stats: Statistics, g: GroupStatistics) -> dict[str, Any]:
    return {
        "name": g.name,
        "agencies": g.count,
        "mean": _fmt(stats, g.mean),
        "mean_exact": exact_text(g.mean_exact),
        "min": _fmt(stats, g.minimum),
        "max": _fmt(stats, g.maximum),
        "band_counts": dict(g.band_counts),
        "band_shares": dict(g.band_shares),
        "leaders": [_leader_data(stats, leader) for leader in g.leaders],
    }


def statistics_data(stats: Statistics) -> dict[str, Any]:
    """JSON-ready data; means and points are strings, ``*_exact`` the exact values."""
    return {
        "rubric": stats.rubric.id,
        "decimals": stats.decimals,
        "rounding": stats.rounding,
        "groups": {g.group: _group_data(stats, g) for g in stats.groups},
        "overall_mean": _fmt(stats, stats.overall_mean),
        "overall_mean_exact": exact_text(stats.overall_mean_exact),
        "overall_mean_method": "unweighted mean of the group means",
        "pooled_mean": _fmt(stats, stats.pooled_mean),
        "pooled_mean_exact": exact_text(stats.pooled_mean_exact),
        "pooled_mean_method": "mean over all agencies",
        "agencies": stats.count,
        "band_counts": dict(stats.band_counts),
        "band_shares": dict(stats.band_shares),
        "leaders_top": stats.top,
        "not_assessed": [
            {"agency": item.agency.id, "name": item.agency.name, "group": item.agency.group, "reason": item.reason}
            for item in stats.not_assessed
        ],
        "not_ranked": [
            {
                "agency": item.agency.id,
                "name": item.agency.name,
                "group": item.agency.group,
                "total": f"{item.total:f}",
                "band": None if item.band is None else item.band.id,
                "rank": None,
                "reason": item.reason,
                "by": item.by,
            }
            for item in stats.not_ranked
        ],
    }
