"""``proportional_imputation``: online-service sub-criteria of agencies without online services.

Sơn La 2024 (seed 003): *đối với cơ quan, đơn vị không có Dịch vụ công trực
tuyến (DVCTT) (thuộc chỉ số Hoạt động chuyển đổi số), điểm chỉ số thành phần
liên quan DVCTT = (tổng điểm thực tế đạt được đối với các chỉ số thành phần
ngoài chỉ số thành phần liên quan DVCTT / tổng điểm tối đa của các chỉ số
thành phần đó) × điểm tối đa của chỉ số thành phần tương ứng.*
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from govindex._convert import FrozenDict
from govindex.assessment import Assessment
from govindex.catalogue.explain import RuleTitle
from govindex.catalogue.rulenotes import RuleNote, in_languages
from govindex.catalogue.rules import Rules
from govindex.errors import RuleError
from govindex.points import divide
from govindex.rubric import Group, LegalBasis, Node, Rubric
from govindex.rules import Adjustment, NotApplied, RuleContext, RuleOutcome
from govindex.rules._common import check_fields, contains, tagged_leaves, untagged_parts
from govindex.rules._text import number_text, rounded_formula
from govindex.rules.params import Kind, Param, ParamProblem

__all__ = ["ProportionalImputation", "imputed_score"]


def imputed_score(
    earned: Decimal, maximum: Decimal, max_points: Decimal, decimals: int, rounding: str = "ROUND_HALF_UP"
) -> Decimal:
    """``earned / maximum × max_points``, computed exactly and rounded once.

    >>> imputed_score(Decimal("45.5"), Decimal(60), Decimal(5), 2)
    Decimal('3.79')
    """
    return divide(earned * max_points, maximum, decimals, rounding)


@attrs.frozen
class ProportionalImputation:
    """An agency without online public services (``has_online_services`` false)
    scores each sub-criterion tagged ``tag`` as

        (points earned on the untagged sub-criteria / their maximum) × the sub-criterion's maximum

    computed exactly, then rounded once to the rubric's decimals with
    ``rounding`` (default ``ROUND_HALF_UP``).

    *The untagged sub-criteria* are every sub-criterion (leaf) of the scope
    that carries no ``tag`` (neither itself nor through an ancestor). The
    scope is the agency's whole tree, or the criterion ``within`` names
    (Sơn La 2024 places the online-service components in the main index
    "Hoạt động chuyển đổi số"). A criterion of the scope without any tagged
    node below it may be given as a whole; its score stands for its
    sub-criteria. The points earned are the scores as they stand when the
    rule runs, after the rules listed before it.

    Refused (:class:`~govindex.errors.RuleError`): ``within`` not in the
    agency's tree; a tagged sub-criterion outside the scope; a scope without
    untagged sub-criteria (nothing to be proportional to); an untagged part
    of the scope without a score.
    """

    schema: ClassVar[tuple[Param, ...]] = (
        Param("tag", Kind.TAG, doc="the tag of the online-service sub-criteria"),
        Param("within", Kind.NODE, doc="the criterion the imputation is scoped to (default: the whole tree)"),
        Param("rounding", Kind.ROUNDING, doc="how the imputed score is rounded to the rubric's decimals"),
    )
    #: the agency facts the rule reads
    reads: ClassVar[tuple[str, ...]] = ("has_online_services",)

    tag: str = "online_services"
    within: str | None = None
    rounding: str = "ROUND_HALF_UP"
    legal_basis: LegalBasis | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def name(self) -> str:
        return "proportional_imputation"

    def title(self, lang: str) -> str:
        """The rule's own name: *tính điểm theo tỷ lệ điểm đạt được*."""
        return RuleTitle.PROPORTIONAL_IMPUTATION.text(lang)

    @property
    def params(self) -> Mapping[str, Any]:
        return FrozenDict({"tag": self.tag, "within": self.within, "rounding": self.rounding})

    def reads_in(self, rubric: Rubric, group: Group) -> tuple[str, ...]:
        """The agency facts the rule reads in ``group``: none where no sub-criterion carries its tag."""
        return self.reads if tagged_leaves(group.tree, self.tag) else ()

    def check_rubric(self, rubric: Rubric) -> Iterator[ParamProblem]:
        """In every group where the tag marks a sub-criterion: ``within`` names a node, the tagged
        sub-criteria lie inside it, and it has untagged sub-criteria with points."""
        for group in rubric.groups:
            targets = tagged_leaves(group.tree, self.tag)
            if not targets:
                continue
            where: dict[str, Any] = {"group_id": repr(group.id), "tag": repr(self.tag)}
            scope = group.tree if self.within is None else group.tree.find(self.within)
            if scope is None:
                values = {**where, "within": repr(self.within), "count": len(targets)}
                yield ParamProblem(Rules.WITHIN_NOT_IN_TAGGED_GROUP, "within", values=values)
                continue
            key = "within" if self.within is not None else "tag"
            outside = [target.id for target in targets if not contains(scope, target.id)]
            if outside:
                values = {**where, "nodes": outside, "scope": repr(scope.id)}
                yield ParamProblem(Rules.TAGGED_OUTSIDE_IN_GROUP, key, values=values)
            elif sum((part.max_points for part in untagged_parts(scope, self.tag)), Decimal(0)) == 0:
                values = {"group_id": repr(group.id), "scope": repr(scope.id)}
                yield ParamProblem(Rules.NOTHING_UNTAGGED_IN_GROUP, key, values=values)

    def apply(self, context: RuleContext) -> RuleOutcome:
        """Impute the tagged sub-criteria of every agency without online public services."""
        adjustments: list[Adjustment] = []
        not_applied: list[NotApplied] = []
        for assessment in context.assessments:
            if not assessment.agency.has_online_services:
                done = self._impute(context, assessment)
                if isinstance(done, NotApplied):
                    not_applied.append(done)
                else:
                    adjustments.extend(done)
        return RuleOutcome(adjustments=adjustments, not_applied=not_applied)

    def _not_applied(self, assessment: Assessment, why: dict[str, str]) -> NotApplied:
        return NotApplied(
            agency=assessment.agency.id,
            rule=self.name,
            reason=in_languages(RuleNote.IMPUTE_NOT_APPLIED, why=why),
            legal_basis=self.legal_basis,
        )

    def _scope(self, tree: Node, assessment: Assessment) -> Node:
        if self.within is None:
            return tree
        scope = tree.find(self.within)
        if scope is None:
            raise RuleError(
                Rules.WITHIN_NOT_IN_GROUP,
                rule=repr(self.name),
                within=repr(self.within),
                group_id=repr(assessment.agency.group),
                agency=assessment.agency.id,
                agency_name=assessment.agency.name,
                node=self.within,
            )
        return scope

    def _impute(self, context: RuleContext, assessment: Assessment) -> list[Adjustment] | NotApplied:
        agency = assessment.agency.id
        tree = context.tree(assessment)
        targets = tagged_leaves(tree, self.tag)
        if not targets:
            group = assessment.agency.group
            return self._not_applied(assessment, in_languages(RuleNote.IMPUTE_UNTAGGED, group=group, tag=self.tag))
        scope = self._scope(tree, assessment)
        named: dict[str, Any] = {"agency": agency, "agency_name": assessment.agency.name, "rule": repr(self.name)}
        for target in targets:
            if not contains(scope, target.id):
                raise RuleError(
                    Rules.TAGGED_OUTSIDE,
                    tag=repr(self.tag),
                    scope=repr(scope.id),
                    node=target.id,
                    node_name=target.name,
                    **named,
                )
        parts = untagged_parts(scope, self.tag)
        maximum = sum((part.max_points for part in parts), Decimal(0))
        if not parts or maximum == 0:
            raise RuleError(Rules.NOTHING_UNTAGGED, scope=repr(scope.id), node=scope.id, node_name=scope.name, **named)
        if all(context.node_score(assessment, part) is None for part in parts):
            return self._not_applied(assessment, in_languages(RuleNote.IMPUTE_UNSCORED, scope=scope.id))
        earned = Decimal(0)
        inputs: dict[str, str] = {}
        for part in parts:
            value = context.node_score(assessment, part)
            if value is None:
                raise RuleError(
                    Rules.PART_MISSING,
                    part=repr(part.id),
                    scope=repr(scope.id),
                    node=part.id,
                    node_name=part.name,
                    **named,
                )
            earned += value
            inputs[f"score of {part.id}"] = number_text(value)
        inputs["earned"] = number_text(earned)
        inputs["maximum"] = number_text(maximum)
        parts_text = ", ".join(part.id for part in parts)
        out: list[Adjustment] = []
        decimals = context.rubric.decimals
        for target in targets:
            after = imputed_score(earned, maximum, target.max_points, decimals, self.rounding)
            head = f"{number_text(earned)} / {number_text(maximum)} × {number_text(target.max_points)}"
            out.append(
                Adjustment(
                    agency=agency,
                    node=target.id,
                    before=assessment.scores.get(target.id),
                    after=after,
                    rule=self.name,
                    inputs={**inputs, "max_points": number_text(target.max_points)},
                    formula=rounded_formula(head, earned * target.max_points, maximum, decimals, self.rounding),
                    legal_basis=self.legal_basis,
                    reason=in_languages(RuleNote.IMPUTE, scope=scope.id, parts=parts_text),
                )
            )
        return out
