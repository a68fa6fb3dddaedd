"""Self-assessment against appraisal (đối chiếu tự đánh giá với kết quả thẩm định).

Two assessments of the same agencies under one rubric: the agencies' own
scores (tự đánh giá, ``self``) and the provincial appraisal (thẩm định,
``appraised``). Both cohorts are scored in full (rules included); for each
agency the per-node differences are listed largest first, with the effect on
its total, band and rank. An agency found in only one of the two is reported
as such, never dropped.

A difference is ``appraised - self``: negative when the appraisal took points
off the self-assessment.

>>> from decimal import Decimal
>>> from govindex import Agency, Assessment, load_rubric
>>> rubric = load_rubric("sonla-2017-web")
>>> a, b = Agency("so-noi-vu", "Sở Nội vụ", "provincial"), Agency("so-y-te", "Sở Y tế", "provincial")
>>> mine = [Assessment(a, {"total": "82"}), Assessment(b, {"total": "78"})]
>>> theirs = [Assessment(a, {"total": "76.5"}), Assessment(b, {"total": "79"})]
>>> row = reconcile(rubric, mine, theirs).agency("so-noi-vu")
>>> row.total_difference, row.self_band, row.appraised_band, row.self_rank, row.appraised_rank
(Decimal('-5.5'), 'good', 'fair', 1, 2)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from govindex.assessment import Assessment
from govindex.catalogue.reports import ReportError
from govindex.errors import InputError, UnknownNameError
from govindex.points import exact
from govindex.scoring import score

if TYPE_CHECKING:
    from govindex.agency import Agency
    from govindex.ranking import Rank
    from govindex.results import AgencyResult, NotAssessed, Result
    from govindex.rubric import Rubric
    from govindex.rules import Rule

__all__ = ["AgencyReconciliation", "NodeDifference", "Reconciliation", "Unmatched", "UnmatchedKind", "reconcile"]


@attrs.frozen
class NodeDifference:
    """One node scored differently: the self-assessed and appraised scores (after rules).

    One side is ``None`` when only that assessment gives the node a score
    (for instance a self-assessment that gives a category's total while the
    appraisal scores its sub-criteria).
    """

    node: str
    name: str
    max_points: Decimal
    self_score: Decimal | None
    appraised: Decimal | None
    #: the appraisal's reason for the change (lý do điều chỉnh), when it gives one
    reason: str | None = None

    @property
    def difference(self) -> Decimal | None:
        """``appraised - self``, or ``None`` when one side has no score."""
        if self.self_score is None or self.appraised is None:
            return None
        return self.appraised - self.self_score


class UnmatchedKind(enum.Enum):
    """Why an agency could not be compared."""

    ONLY_SELF = "only_self"  # in the self-assessment only
    ONLY_APPRAISED = "only_appraised"  # in the appraisal only
    NOT_ASSESSED_SELF = "not_assessed_self"  # a rule kept it out of the self-assessed cohort
    NOT_ASSESSED_APPRAISED = "not_assessed_appraised"  # a rule kept it out of the appraised cohort


@attrs.frozen
class Unmatched:
    """An agency not compared: why (``kind``) and, when a rule kept it out, the rule's reason."""

    agency: Agency
    kind: UnmatchedKind
    reason: str | None = None


@attrs.frozen
class AgencyReconciliation:
    """One agency in both assessments: its two results and the nodes that differ, largest first."""

    agency: Agency
    self_result: AgencyResult
    appraised_result: AgencyResult
    differences: tuple[NodeDifference, ...]

    @property
    def group(self) -> str:
        return self.agency.group

    @property
    def self_total(self) -> Decimal:
        return self.self_result.total

    @property
    def appraised_total(self) -> Decimal:
        return self.appraised_result.total

    @property
    def total_difference(self) -> Decimal:
        """``appraised total - self total``."""
        return self.appraised_result.total - self.self_result.total

    @property
    def self_band(self) -> str | None:
        return self.self_result.band_id

    @property
    def appraised_band(self) -> str | None:
        return self.appraised_result.band_id

    @property
    def band_changed(self) -> bool:
        return self.self_band != self.appraised_band

    @property
    def self_rank(self) -> Rank:
        """The rank in the self-assessed cohort."""
        return self.self_result.rank

    @property
    def appraised_rank(self) -> Rank:
        """The rank in the appraised cohort."""
        return self.appraised_result.rank

    @property
    def places(self) -> Rank:
        """Places gained by the appraisal: ``self rank - appraised rank`` (negative: places lost)."""
        return self.self_result.rank - self.appraised_result.rank


@attrs.frozen
class Reconciliation:
    """Self-assessment against appraisal for a whole cohort.

    ``agencies`` are ordered by group, appraised rank, then id. ``only_self``
    and ``only_appraised`` list the agencies found in one assessment only;
    ``not_assessed_self`` and ``not_assessed_appraised`` those a rule kept out
    of one cohort's ranking.
    """

    rubric: Rubric
    self_result: Result
    appraised_result: Result
    agencies: tuple[AgencyReconciliation, ...]
    only_self: tuple[Agency, ...] = ()
    only_appraised: tuple[Agency, ...] = ()
    not_assessed_self: tuple[NotAssessed, ...] = ()
    not_assessed_appraised: tuple[NotAssessed, ...] = ()

    def agency(self, agency_id: str) -> AgencyReconciliation:
        """The reconciliation of one agency; an agency found in one assessment only is refused, saying which."""
        for item in self.agencies:
            if item.agency.id == agency_id:
                return item
        if any(a.id == agency_id for a in self.only_self):
            raise UnknownNameError(ReportError.ONLY_SELF, agency=agency_id)
        if any(a.id == agency_id for a in self.only_appraised):
            raise UnknownNameError(ReportError.ONLY_APPRAISED, agency=agency_id)
        for entry, items in (
            (ReportError.NOT_ASSESSED_SELF, self.not_assessed_self),
            (ReportError.NOT_ASSESSED_APPRAISED, self.not_assessed_appraised),
        ):
            for skipped in items:
                if skipped.agency.id == agency_id:
                    raise UnknownNameError(entry, agency=agency_id, reason=skipped.reason)
        raise UnknownNameError(ReportError.NO_SUCH_AGENCY, agency=agency_id)

    @property
    def unmatched(self) -> tuple[Unmatched, ...]:
        """Every agency not compared, with why, in a stable order."""
        out = [Unmatched(a, UnmatchedKind.ONLY_SELF) for a in self.only_self]
        out += [Unmatched(a, UnmatchedKind.ONLY_APPRAISED) for a in self.only_appraised]
        out += [Unmatched(n.agency, UnmatchedKind.NOT_ASSESSED_SELF, n.reason) for n in self.not_assessed_self]
        out += [
            Unmatched(n.agency, UnmatchedKind.NOT_ASSESSED_APPRAISED, n.reason) for n in self.not_assessed_appraised
        ]
        return tuple(out)

    def rank_movements(self) -> tuple[tuple[str, Rank, Rank], ...]:
        """``(name, self rank, appraised rank)`` per compared agency, for :func:`govindex.render.plots.slope_chart`."""
        return tuple((item.agency.name, item.self_rank, item.appraised_rank) for item in self.agencies)


def _differences(
    rubric: Rubric, mine: AgencyResult, theirs: AgencyResult, reasons: Mapping[str, str]
) -> tuple[NodeDifference, ...]:
    tree = rubric.tree(mine.agency.group)
    found: list[tuple[int, NodeDifference]] = []
    for position, node in enumerate(tree.walk()):
        if node is tree:
            continue
        a, b = mine.scores.get(node.id), theirs.scores.get(node.id)
        if a == b:  # equal, or both without a score
            continue
        reason = reasons.get(node.id)
        found.append((position, NodeDifference(node.id, node.name, node.max_points, a, b, reason)))

    def key(item: tuple[int, NodeDifference]) -> tuple[int, Decimal, int]:
        difference = item[1].difference
        return (1, Decimal(0), item[0]) if difference is None else (0, -abs(difference), item[0])

    return tuple(d for _, d in sorted(found, key=key))


def _ids(assessments: Sequence[Assessment], side: ReportError) -> dict[str, Assessment]:
    out: dict[str, Assessment] = {}
    for assessment in assessments:
        if not isinstance(assessment, Assessment):
            raise InputError(ReportError.NOT_AN_ASSESSMENT, side=side, kind=type(assessment).__name__)
        if assessment.agency.id in out:
            raise InputError(ReportError.TWICE, side=side, agency=assessment.agency.id)
        out[assessment.agency.id] = assessment
    return out


@exact
def reconcile(
    rubric: Rubric,
    self_assessed: Iterable[Assessment],
    appraised: Iterable[Assessment],
    *,
    rules: Sequence[Rule] | None = None,
) -> Reconciliation:
    """Compare a self-assessment (tự đánh giá) with the appraisal (thẩm định) under one rubric.

    Each cohort is scored as given, with the same rules (default: the
    rubric's), so an agency's ranks are its place among the self-assessments
    and among the appraisals. An agency in both must be in the same group.
    """
    mine_list, theirs_list = list(self_assessed), list(appraised)
    mine, theirs = _ids(mine_list, ReportError.SIDE_SELF), _ids(theirs_list, ReportError.SIDE_APPRAISED)
    for agency_id in sorted(mine.keys() & theirs.keys()):
        a, b = mine[agency_id].agency.group, theirs[agency_id].agency.group
        if a != b:
            raise InputError(ReportError.GROUPS_DIFFER, mine=repr(a), theirs=repr(b), agency=agency_id)
    self_result = score(rubric, mine_list, rules=rules)
    appraised_result = score(rubric, theirs_list, rules=rules)
    self_rows = {row.agency.id: row for row in self_result.rows}
    compared = [
        AgencyReconciliation(
            row.agency,
            self_rows[row.agency.id],
            row,
            _differences(rubric, self_rows[row.agency.id], row, theirs[row.agency.id].reasons),
        )
        for row in appraised_result.rows
        if row.agency.id in self_rows
    ]
    return Reconciliation(
        rubric=rubric,
        self_result=self_result,
        appraised_result=appraised_result,
        agencies=tuple(compared),
        only_self=tuple(mine[i].agency for i in sorted(mine.keys() - theirs.keys())),
        only_appraised=tuple(theirs[i].agency for i in sorted(theirs.keys() - mine.keys())),
        not_assessed_self=tuple(n for n in self_result.not_assessed if n.agency.id in theirs),
        not_assessed_appraised=tuple(n for n in appraised_result.not_assessed if n.agency.id in mine),
    )
