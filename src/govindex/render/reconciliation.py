"""A reconciliation of self-assessment and appraisal (đối chiếu) as tables and as data.

``agencies`` (totals, bands, ranks), ``differences`` (per criterion, largest
first) and ``unmatched`` (the agencies not compared, with why).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govindex.catalogue.reports import Reconciled
from govindex.reconciliation import UnmatchedKind
from govindex.render.model import Cell, Column, Document, Table
from govindex.render.wording import named

if TYPE_CHECKING:
    from govindex.ranking import Rank
    from govindex.reconciliation import AgencyReconciliation, Reconciliation, Unmatched

__all__ = ["reconciliation_data", "reconciliation_document", "unmatched_text"]

_UNMATCHED = {
    UnmatchedKind.ONLY_SELF: Reconciled.ONLY_SELF,
    UnmatchedKind.ONLY_APPRAISED: Reconciled.ONLY_APPRAISED,
    UnmatchedKind.NOT_ASSESSED_SELF: Reconciled.NOT_ASSESSED_SELF,
    UnmatchedKind.NOT_ASSESSED_APPRAISED: Reconciled.NOT_ASSESSED_APPRAISED,
}


def unmatched_text(item: Unmatched, lang: str) -> str:
    """Why an agency was not compared, in words."""
    entry = _UNMATCHED[item.kind]
    return entry.text(lang, reason=item.reason) if item.reason is not None else entry.text(lang)


def _agencies(outcome: Reconciliation, lang: str) -> Table:
    rubric = outcome.rubric
    decimals = rubric.decimals
    bands = rubric.bands
    groups = {g.id: named(g, lang) for g in rubric.groups}

    def label(band_id: str | None) -> str | None:
        if band_id is None or bands is None:
            return None
        band = bands.band(band_id)
        return (band.label_en or band.label) if lang == "en" else band.label

    columns = [
        Column("group", key=True),
        Column("group_name"),
        Column("agency", key=True),
        Column("name"),
        Column("self_total", decimals=decimals),
        Column("appraised_total", decimals=decimals),
        Column("difference", decimals=decimals),
        Column("self_band"),
        Column("appraised_band"),
        Column("self_rank"),
        Column("appraised_rank"),
        Column("places"),
    ]
    rows: list[list[Cell]] = [
        [
            item.group,
            groups.get(item.group, item.group),
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
    ]
    return Table(
        "agencies",
        columns,
        rows,
        Reconciled.AGENCIES.text(lang),
        [Reconciled.NOTE.text(lang)],
        label=Reconciled.AGENCIES_SHORT.text(lang),
    )


def _differences(outcome: Reconciliation, lang: str) -> Table:
    """The differences per criterion; with the appraisal's reason for each (lý do) when it gives any."""
    decimals = outcome.rubric.decimals
    reasons = any(d.reason for item in outcome.agencies for d in item.differences)
    rows: list[list[Cell]] = []
    for item in outcome.agencies:
        for d in item.differences:
            rows.append(
                [
                    item.group,
                    item.agency.id,
                    item.agency.name,
                    d.node,
                    d.name,
                    d.max_points,
                    d.self_score,
                    d.appraised,
                    d.difference,
                ]
            )
            if reasons:
                rows[-1].append(d.reason or "")
    columns = [
        Column("group", key=True),
        Column("agency", key=True),
        Column("name"),
        Column("node", key=True),
        Column("node_name"),
        Column("max_points", decimals=decimals),
        Column("self", decimals=decimals),
        Column("appraised", decimals=decimals),
        Column("difference", decimals=decimals),
        *([Column("reason")] if reasons else []),
    ]
    return Table(
        "differences", columns, rows, Reconciled.DIFFERENCES.text(lang), label=Reconciled.DIFFERENCES_SHORT.text(lang)
    )


def _unmatched(outcome: Reconciliation, lang: str) -> Table:
    groups = {g.id: named(g, lang) for g in outcome.rubric.groups}
    rows: list[list[Cell]] = [
        [
            item.agency.id,
            item.agency.name,
            item.agency.group,
            groups.get(item.agency.group, item.agency.group),
            unmatched_text(item, lang),
        ]
        for item in outcome.unmatched
    ]
    columns = [
        Column("agency", key=True),
        Column("name"),
        Column("group", key=True),
        Column("group_name"),
        Column("status"),
    ]
    return Table("unmatched", columns, rows, Reconciled.UNMATCHED.text(lang), label=Reconciled.UNMATCHED.text(lang))


def reconciliation_document(outcome: Reconciliation, lang: str = "vi") -> Document:
    """``agencies`` (totals, bands, ranks), ``differences`` (per node), ``unmatched`` (if any)."""
    tables = [_agencies(outcome, lang), _differences(outcome, lang)]
    if outcome.unmatched:
        tables.append(_unmatched(outcome, lang))
    rubric = outcome.rubric
    title = Reconciled.TITLE.text(lang, rubric=(rubric.title_en or rubric.title) if lang == "en" else rubric.title)
    return Document(title, tables, lang)


# --- data ----------------------------------------------------------------------------------------


def _rank(value: Rank) -> int | str:
    return value if isinstance(value, int) else f"{value:f}"


def _agency_data(outcome: Reconciliation, item: AgencyReconciliation) -> dict[str, Any]:
    def fmt(value: Decimal | None) -> str | None:
        return None if value is None else outcome.self_result.format(value)

    return {
        "agency": item.agency.id,
        "name": item.agency.name,
        "group": item.group,
        "self_total": fmt(item.self_total),
        "appraised_total": fmt(item.appraised_total),
        "total_difference": fmt(item.total_difference),
        "self_band": item.self_band,
        "appraised_band": item.appraised_band,
        "band_changed": item.band_changed,
        "self_rank": _rank(item.self_rank),
        "appraised_rank": _rank(item.appraised_rank),
        "places": _rank(item.places),
        "nodes": [
            {
                "node": d.node,
                "self": fmt(d.self_score),
                "appraised": fmt(d.appraised),
                "difference": fmt(d.difference),
                **({"reason": d.reason} if d.reason else {}),
            }
            for d in item.differences
        ],
    }


def reconciliation_data(outcome: Reconciliation) -> dict[str, Any]:
    """JSON-ready data; points are strings with the rubric's decimals; ``status`` says why an agency is unmatched."""
    return {
        "rubric": outcome.rubric.id,
        "difference": "appraised - self",
        "agencies": [_agency_data(outcome, item) for item in outcome.agencies],
        "unmatched": [
            {
                "agency": item.agency.id,
                "name": item.agency.name,
                "group": item.agency.group,
                "status": item.kind.value,
                "reason": item.reason,
            }
            for item in outcome.unmatched
        ],
    }
