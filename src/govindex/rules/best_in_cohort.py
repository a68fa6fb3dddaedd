"""``best_in_cohort``: agencies without subordinate units take the cohort's best score.

Sơn La 2024 (Bộ chỉ số đánh giá chuyển đổi số, seed 003): *đối với cơ quan,
đơn vị không có đơn vị trực thuộc thì nội dung của các tiêu chí thành phần có
điều chỉnh đến đơn vị trực thuộc được tính điểm bằng với số điểm cao nhất của
các cơ quan, đơn vị đạt được tại những tiêu chí này.*
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from govindex._convert import FrozenDict
from govindex.assessment import Assessment
from govindex.catalogue.explain import RuleTitle
from govindex.catalogue.rulenotes import RuleNote, in_languages
from govindex.catalogue.rules import Rules
from govindex.errors import RuleError
from govindex.rubric import Group, LegalBasis, Node, Rubric
from govindex.rules import Adjustment, NotApplied, RuleContext, RuleOutcome
from govindex.rules._common import check_fields, tagged_leaves
from govindex.rules._text import number_text
from govindex.rules.params import Kind, Param

__all__ = ["BestInCohort"]

COHORTS = ("group", "all")
FALLBACKS = ("refuse", "max_points", "keep")


@attrs.frozen
class BestInCohort:
    """An agency without subordinate units (``has_subordinate_units`` false) scores,
    on every sub-criterion tagged ``tag``, the highest score an agency of its
    cohort *with* subordinate units has on it.

    - ``tag``: the tag of the sub-criteria concerned (default
      ``subordinate_units``; a tag on a criterion marks every sub-criterion
      below it).
    - ``cohort``: ``group`` (default: the agency's ranking group) or ``all``
      (every agency scored under the rubric; the sub-criterion is matched by
      node id and must have the same maximum in every group).
    - ``fallback``: what happens when no agency of the cohort with subordinate
      units has a score on the sub-criterion: ``refuse`` (default: a
      :class:`~govindex.errors.RuleError` naming agency and node, since the
      decision gives no value to take), ``max_points`` (the sub-criterion's
      maximum, recorded as such) or ``keep`` (the agency's own score stays).

    Agencies without subordinate units never count towards the best score:
    they did not achieve a score on these sub-criteria.
    """

    schema: ClassVar[tuple[Param, ...]] = (
        Param("tag", Kind.TAG, doc="the tag of the sub-criteria concerned"),
        Param("cohort", Kind.CHOICE, choices=COHORTS, doc="whose best score counts"),
        Param("fallback", Kind.CHOICE, choices=FALLBACKS, doc="when no agency of the cohort has a score"),
    )
    #: the agency facts the rule reads
    reads: ClassVar[tuple[str, ...]] = ("has_subordinate_units",)

    tag: str = "subordinate_units"
    cohort: str = "group"
    fallback: str = "refuse"
    legal_basis: LegalBasis | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def name(self) -> str:
        return "best_in_cohort"

    def title(self, lang: str) -> str:
        """The rule's own name: *tính bằng điểm cao nhất của các cơ quan, đơn vị*."""
        return RuleTitle.BEST_IN_COHORT.text(lang)

    @property
    def params(self) -> Mapping[str, Any]:
        return FrozenDict({"tag": self.tag, "cohort": self.cohort, "fallback": self.fallback})

    def reads_in(self, rubric: Rubric, group: Group) -> tuple[str, ...]:
        """The agency facts the rule reads in ``group``: none where no sub-criterion carries its tag."""
        return self.reads if tagged_leaves(group.tree, self.tag) else ()

    def apply(self, context: RuleContext) -> RuleOutcome:
        """Set the tagged sub-criteria of every agency without subordinate units."""
        indexes = {group.id: {node.id: node for node in group.tree.walk()} for group in context.rubric.groups}
        contributors: dict[str, list[Assessment]] = {}
        for member in context.assessments:
            if member.agency.has_subordinate_units:
                key = "all" if self.cohort == "all" else member.agency.group
                contributors.setdefault(key, []).append(member)
        # cached per cohort, sub-criterion and maximum (under cohort: all a maximum that differs must be refused)
        best: dict[tuple[str, str, Decimal], dict[str, Decimal]] = {}
        adjustments: list[Adjustment] = []
        not_applied: list[NotApplied] = []
        for assessment in context.assessments:
            agency = assessment.agency
            if agency.has_subordinate_units:
                continue
            key = "all" if self.cohort == "all" else agency.group
            leaves = tagged_leaves(context.tree(assessment), self.tag)
            if not leaves:
                not_applied.append(
                    self._not_applied(
                        agency.id, None, in_languages(RuleNote.BEST_UNTAGGED, group=agency.group, tag=self.tag)
                    )
                )
            for leaf in leaves:
                cached = (key, leaf.id, leaf.max_points)
                if cached not in best:
                    best[cached] = self._values(context, indexes, contributors.get(key, []), leaf, agency.id)
                values = best[cached]
                adjustment = self._adjust(assessment, leaf, values)
                if adjustment is not None:
                    adjustments.append(adjustment)
                elif not values:  # fallback: keep
                    cohort = self._describe_cohort(agency.group)
                    not_applied.append(
                        self._not_applied(agency.id, leaf.id, in_languages(RuleNote.BEST_KEEP, cohort=cohort))
                    )
        return RuleOutcome(adjustments=adjustments, not_applied=not_applied)

    def _not_applied(self, agency: str, node: str | None, why: dict[str, str]) -> NotApplied:
        return NotApplied(
            agency=agency,
            rule=self.name,
            node=node,
            reason=in_languages(RuleNote.BEST_NOT_APPLIED, why=why),
            legal_basis=self.legal_basis,
        )

    def _values(
        self,
        context: RuleContext,
        indexes: dict[str, dict[str, Node]],
        contributors: list[Assessment],
        leaf: Node,
        agency_id: str,
    ) -> dict[str, Decimal]:
        values: dict[str, Decimal] = {}
        for member in contributors:
            node = indexes[member.agency.group].get(leaf.id)
            if node is None:
                continue
            if node.max_points != leaf.max_points:
                raise RuleError(
                    Rules.BEST_MAXIMA,
                    rule=repr(self.name),
                    here=leaf.max_points,
                    there=node.max_points,
                    group_id=repr(member.agency.group),
                    agency=agency_id,
                    node=leaf.id,
                    node_name=leaf.name,
                )
            value = context.node_score(member, node)
            if value is not None:
                values[member.agency.id] = value
        return dict(sorted(values.items()))

    def _describe_cohort(self, group: str) -> dict[str, str]:
        if self.cohort == "all":
            return in_languages(RuleNote.COHORT_ALL)
        return in_languages(RuleNote.COHORT_GROUP, group=group)

    def _adjust(self, assessment: Assessment, leaf: Node, values: dict[str, Decimal]) -> Adjustment | None:
        agency = assessment.agency
        before = assessment.scores.get(leaf.id)
        cohort = self._describe_cohort(agency.group)
        if values:
            best = max(values.values())
            leaders = [agency_id for agency_id, value in values.items() if value == best]
            listed = ", ".join(f"{agency_id} {number_text(value)}" for agency_id, value in values.items())
            return Adjustment(
                agency=agency.id,
                node=leaf.id,
                before=before,
                after=best,
                rule=self.name,
                inputs={agency_id: number_text(value) for agency_id, value in values.items()},
                formula=f"max({listed}) = {number_text(best)} ({', '.join(leaders)})",
                legal_basis=self.legal_basis,
                reason=in_languages(RuleNote.BEST, cohort=cohort),
            )
        if self.fallback == "keep":
            return None
        if self.fallback == "refuse":
            where: dict[str, Any] = {
                "agency": agency.id,
                "agency_name": agency.name,
                "node": leaf.id,
                "node_name": leaf.name,
            }
            if self.cohort == "all":
                raise RuleError(Rules.BEST_NONE_IN_ALL, rule=repr(self.name), **where)
            raise RuleError(Rules.BEST_NONE_IN_GROUP, rule=repr(self.name), group_id=agency.group, **where)
        return Adjustment(
            agency=agency.id,
            node=leaf.id,
            before=before,
            after=leaf.max_points,
            rule=self.name,
            inputs={"max_points": number_text(leaf.max_points)},
            formula=f"no score in {cohort['en']}: fallback max_points = {number_text(leaf.max_points)}",
            legal_basis=self.legal_basis,
            reason=in_languages(RuleNote.BEST_FALLBACK, cohort=cohort),
        )
