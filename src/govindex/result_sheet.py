"""An agency's result sheet (thông báo kết quả đánh giá), as data: what the province sends each agency.

:func:`result_sheets` makes, per agency ranked in a :class:`~govindex.results.Result`,
one :class:`ResultSheet`: its total, band and rank in its group, each
criterion's score against its maximum, the self-assessed score beside the
appraised one with the reason for each change where both are given, the
evidence the agency listed (tài liệu kiểm chứng), and the explanations of
the criteria a rule set or changed (worded as ``govindex explain`` words
them by :mod:`govindex.render.result_sheet`). It holds data only; the
writers of :mod:`govindex.render` make it a document in any format, so the
command line and the HTTP service give the same sheet.

>>> from govindex import Agency, Assessment, load_rubric, score
>>> rubric = load_rubric("sonla-2017-it")
>>> noi_vu = Agency("so-noi-vu", "Sở Nội vụ", "provincial")
>>> scores = {"infrastructure": 8, "internal_use": 23, "public_services": 25, "security": 9, "staff": 10, "policy": 7}
>>> appraised = [Assessment(noi_vu, dict(scores, security=7), evidence={"security": "Quy chế an toàn thông tin"})]
>>> mine = score(rubric, [Assessment(noi_vu, scores, Source.SELF)])
>>> sheet = result_sheet(score(rubric, appraised), "so-noi-vu", assessments=appraised, self_result=mine,
...                      reasons={"so-noi-vu": {"security": "thiếu tài liệu kiểm chứng"}})
>>> sheet.total, sheet.self_total, sheet.rank, sheet.ranked
(Decimal('80.0'), Decimal('82.0'), 1, 1)
>>> line = sheet.line("security")
>>> line.self_score, line.score, line.difference, line.reason, line.evidence
(Decimal('9.0'), Decimal('7.0'), Decimal('-2.0'), 'thiếu tài liệu kiểm chứng', 'Quy chế an toàn thông tin')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from govindex.assessment import Assessment, Source
from govindex.errors import GovIndexError
from govindex.explanation import Adjusted, Explanation, Unapplied, explanation
from govindex.points import exact

if TYPE_CHECKING:
    from govindex.agency import Agency
    from govindex.bands import Band
    from govindex.ranking import Rank
    from govindex.results import AgencyResult, Result
    from govindex.rubric import Group, Node, Rubric

__all__ = ["CriterionLine", "ResultSheet", "result_sheet", "result_sheets"]

#: Reasons for the appraisal's changes: agency id -> node id -> reason (lý do điều chỉnh).
Reasons = Mapping[str, Mapping[str, str]]


@attrs.frozen
class CriterionLine:
    """One criterion of the sheet: its score against its maximum, and beside it what the agency gave.

    ``depth`` is 0 for the total, 1 for a main criterion, and so on.
    ``self_score`` is the self-assessed score (after the rubric's rules) when
    a self-assessment was given beside the appraisal; ``reason`` the
    appraisal's reason for changing it; ``evidence`` what the agency listed.
    """

    node: Node
    depth: int
    score: Decimal | None
    self_score: Decimal | None = None
    reason: str | None = None
    evidence: str | None = None

    @property
    def maximum(self) -> Decimal:
        return self.node.max_points

    @property
    def difference(self) -> Decimal | None:
        """``score - self_score`` (negative when the appraisal took points off), or ``None``."""
        if self.score is None or self.self_score is None:
            return None
        return self.score - self.self_score


@attrs.frozen
class ResultSheet:
    """One agency's result: total, band, rank among the ``ranked`` agencies of its group, each criterion,
    and the explanations of the criteria a rule set or changed (``rules``; the total's also names the
    rules that could not act on the agency).

    ``source`` says who gave the scores shown; ``compared`` whether a
    self-assessment is shown beside them (``self_total`` its total).
    """

    rubric: Rubric
    agency: Agency
    group: Group
    source: Source
    total: Decimal
    band: Band | None
    rank: Rank
    ranked: int
    lines: tuple[CriterionLine, ...]
    rules: tuple[Explanation, ...] = ()
    normalised: Decimal | None = None
    compared: bool = False
    self_total: Decimal | None = None

    def line(self, node_id: str) -> CriterionLine:
        """The line of one criterion, by node id."""
        for line in self.lines:
            if line.node.id == node_id:
                return line
        raise KeyError(node_id)

    @property
    def evidence(self) -> tuple[CriterionLine, ...]:
        """The lines that list evidence."""
        return tuple(line for line in self.lines if line.evidence)


def _reasons_of(assessment: Assessment | None, given: Mapping[str, str]) -> dict[str, str]:
    """The reasons given for an agency: those the appraisal carries (its form's "Lý do điều chỉnh"
    column), then those passed in, which win."""
    found: dict[str, str] = (
        {} if assessment is None else {key: value for key, value in assessment.reasons.items() if value}
    )
    found.update({key: value for key, value in given.items() if value})
    return found


def _rule_explanations(result: Result, row: AgencyResult, tree: Node) -> tuple[Explanation, ...]:
    agency_id = row.agency.id
    changed = {adj.node for adj in result.adjustments_for(agency_id)}
    found: list[Explanation] = []
    for node in tree.walk():
        if node.id in changed or (node is tree and result.not_applied_for(agency_id)):
            value = explanation(result, agency_id, node.id)
            keep = tuple(
                step
                for step in value.steps
                if isinstance(step, Adjusted) or (node is tree and isinstance(step, Unapplied))
            )
            if keep:
                found.append(attrs.evolve(value, steps=keep))
    return tuple(found)


def _depths(tree: Node) -> list[tuple[Node, int]]:
    out: list[tuple[Node, int]] = []

    def visit(node: Node, depth: int) -> None:
        out.append((node, depth))
        for child in node.children:
            visit(child, depth + 1)

    visit(tree, 0)
    return out


def _self_row(self_result: Result | None, agency_id: str) -> AgencyResult | None:
    if self_result is None:
        return None
    try:
        return self_result.agency(agency_id)
    except GovIndexError:  # not in the self-assessed cohort, or kept out of it by a rule
        return None


def _sheet(
    result: Result,
    row: AgencyResult,
    given: tuple[Assessment | None, Assessment | None],
    mine: AgencyResult | None,
    reasons: Mapping[str, str],
) -> ResultSheet:
    group = result.rubric.group(row.agency.group)
    why = _reasons_of(given[0], reasons)
    evidence = {node: text for item in reversed(given) if item is not None for node, text in item.evidence.items()}
    lines = []
    for node, depth in _depths(group.tree):
        self_score = None if mine is None else mine.scores.get(node.id)
        score = row.scores.get(node.id)
        changed = self_score is not None and score is not None and self_score != score
        reason = why.get(node.id) if (changed or mine is None) else None
        lines.append(CriterionLine(node, depth, score, self_score, reason, evidence.get(node.id)))
    return ResultSheet(
        result.rubric,
        row.agency,
        group,
        row.source,
        row.total,
        row.band,
        row.rank,
        len(result.group(group.id)),
        tuple(lines),
        _rule_explanations(result, row, group.tree),
        row.normalised,
        mine is not None,
        None if mine is None else mine.total,
    )


@exact
def result_sheet(
    result: Result,
    agency_id: str,
    *,
    assessments: Iterable[Assessment] = (),
    self_result: Result | None = None,
    self_assessments: Iterable[Assessment] = (),
    reasons: Reasons | None = None,
) -> ResultSheet:
    """The result sheet of one agency ranked in ``result``.

    ``assessments``: the cohort scored (their evidence is shown; an
    assessment that carries reasons gives them). ``self_result``: the
    self-assessed cohort scored under the same rubric; where it ranks the
    agency, its scores are shown beside ``result``'s; ``self_assessments``
    its cohort, whose evidence is shown where the appraisal lists none for a
    criterion. ``reasons``: agency id
    -> node id -> the reason for the change (they win over those carried).
    An agency not ranked in ``result`` is refused as
    :meth:`~govindex.results.Result.agency` refuses it.
    """
    row = result.agency(agency_id)
    given = next((item for item in assessments if item.agency.id == agency_id), None)
    own = next((item for item in self_assessments if item.agency.id == agency_id), None)
    mine = _self_row(self_result, agency_id)
    return _sheet(result, row, (given, own), mine, (reasons or {}).get(agency_id, {}))


@exact
def result_sheets(
    result: Result,
    *,
    assessments: Iterable[Assessment] = (),
    self_result: Result | None = None,
    self_assessments: Iterable[Assessment] = (),
    reasons: Reasons | None = None,
) -> tuple[ResultSheet, ...]:
    """The result sheet of every agency ranked in ``result``, group after group, best first
    (see :func:`result_sheet`)."""
    given = {item.agency.id: item for item in assessments}
    own = {item.agency.id: item for item in self_assessments}
    why = reasons or {}
    return tuple(
        _sheet(
            result,
            row,
            (given.get(row.agency.id), own.get(row.agency.id)),
            _self_row(self_result, row.agency.id),
            why.get(row.agency.id, {}),
        )
        for row in result.rows
    )
