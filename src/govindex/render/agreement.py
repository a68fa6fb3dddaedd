"""A recomputation checked against published figures (đối chiếu với số liệu công bố), as a table and as data.

One row per agency: the published figure, the recomputed one, their
difference, the rounding bound, the agreement (exact, within rounding, a
real difference) and the ranks; then the agencies found on one side only.
A paragraph counts them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from govindex.agreement import Agreement
from govindex.catalogue.indices import RankWords
from govindex.catalogue.reports import Checked
from govindex.render.model import Cell, Column, Document, Paragraph, Table
from govindex.render.wording import named

if TYPE_CHECKING:
    from govindex.agreement import FigureCheck, PublishedCheck
    from govindex.results import Result

__all__ = ["agreement_data", "agreement_document"]

_KIND = {Agreement.EXACT: Checked.EXACT, Agreement.ROUNDING: Checked.ROUNDING, Agreement.DIFFERENT: Checked.DIFFERENT}


def _columns() -> list[Column]:
    return [
        Column("agency", key=True),
        Column("name"),
        Column("group", key=True),
        Column("group_name"),
        Column("published"),
        Column("recomputed"),
        Column("difference", signed=True),
        Column("bound"),
        Column("agreement"),
        Column("published_rank"),
        Column("computed_rank"),
    ]


def _row(item: FigureCheck, lang: str, names: Mapping[str, str], groups: Mapping[str, str]) -> list[Cell]:
    comparison = item.comparison
    rank: Cell = item.rank
    if item.rank_agreement is Agreement.ROUNDING:
        rank = f"{item.rank} ≈" + RankWords.TIES.text(lang, agencies=", ".join(item.ties))
    elif item.rank_matches is False:
        rank = Checked.RANK_DIFFERS.text(lang, rank=item.rank)
    return [
        item.agency,
        names.get(item.agency, item.agency),
        item.group,
        groups.get(item.group, item.group),
        comparison.published,
        comparison.recomputed,
        comparison.difference,
        comparison.bound,
        _KIND[comparison.kind].text(lang),
        item.published_rank,
        rank,
    ]


def agreement_document(check: PublishedCheck, lang: str = "vi", *, result: Result | None = None) -> Document:
    """The check as a document: the table of figures, then how many agree.

    ``result`` (the recomputed result) gives the agencies' and groups' names.
    """
    names = {} if result is None else {row.agency.id: row.agency.name for row in result.rows}
    groups = {} if result is None else {g.id: named(g, lang) for g in result.rubric.groups}
    rows = [_row(item, lang, names, groups) for item in check.checks]
    for agencies, entry in (
        (check.only_published, Checked.ONLY_PUBLISHED),
        (check.not_published, Checked.NOT_PUBLISHED),
    ):
        for agency in agencies:
            rows.append(
                [agency, names.get(agency, agency), None, None, None, None, None, None, entry.text(lang), None, None]
            )
    table = Table("agreement", _columns(), rows, label=Checked.TABLE.text(lang))
    counts = ", ".join(
        Checked.COUNT.text(lang, count=check.count(kind), kind=_KIND[kind].text(lang)) for kind in Agreement
    )
    wrong = sum(1 for item in check.checks if item.rank_agreement is Agreement.DIFFERENT)
    summary = Checked.SUMMARY.text(lang, count=len(check.checks), counts=counts, wrong=wrong)
    title = (
        ""
        if result is None
        else Checked.TITLE.text(
            lang, rubric=result.rubric.title_en or result.rubric.title if lang == "en" else result.rubric.title
        )
    )
    return Document(title, (table, Paragraph(summary)), lang)


def agreement_data(check: PublishedCheck) -> list[dict[str, Any]]:
    """JSON-ready data: one record per agency (``agreement`` is ``exact``, ``rounding`` or ``different``)."""
    records: list[dict[str, Any]] = []
    for item in check.checks:
        comparison = item.comparison
        records.append(
            {
                "agency": item.agency,
                "group": item.group,
                "published": f"{comparison.published:f}",
                "recomputed": f"{comparison.recomputed:f}",
                "difference": f"{comparison.difference:f}",
                "bound": f"{comparison.bound:f}",
                "agreement": comparison.kind.value,
                "published_rank": item.published_rank,
                "rank": item.rank if isinstance(item.rank, int) else f"{item.rank:f}",
                "rank_matches": item.rank_matches,
                "rank_agreement": None if item.rank_agreement is None else item.rank_agreement.value,
                "ties": list(item.ties),
            }
        )
    records += [{"agency": agency, "agreement": "only_published"} for agency in check.only_published]
    records += [{"agency": agency, "agreement": "not_published"} for agency in check.not_published]
    return records
