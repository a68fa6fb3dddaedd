"""``full_marks_if_not_applicable``: criteria outside a special agency's mandate score full marks.

Sơn La 2024 (seed 003): *đối với cơ quan, đơn vị đặc thù, có các tiêu chí
thành phần không liên quan đến chức năng, nhiệm vụ của cơ quan, đơn vị thì
các tiêu chí đó được tính điểm tối đa.*
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from govindex._convert import FrozenDict
from govindex.catalogue.explain import RuleTitle
from govindex.catalogue.rulenotes import RuleNote, in_languages
from govindex.catalogue.rules import Rules
from govindex.errors import RuleError
from govindex.rubric import LegalBasis
from govindex.rules import Adjustment, RuleContext, RuleOutcome
from govindex.rules._text import number_text
from govindex.rules.params import Param

__all__ = ["FullMarksIfNotApplicable"]


@attrs.frozen
class FullMarksIfNotApplicable:
    """For an agency flagged ``special`` (đặc thù), every node listed in its
    ``not_applicable`` scores its maximum.

    A listed criterion with children gives full marks to every sub-criterion
    below it (and to any node in between the agency gave a score for), so the
    sums agree. A listed id that is not a node of the agency's tree is refused
    (:class:`~govindex.errors.RuleError`): a typo must not go unnoticed. The
    rule has no parameters.
    """

    schema: ClassVar[tuple[Param, ...]] = ()
    #: the agency facts the rule reads
    reads: ClassVar[tuple[str, ...]] = ("special", "not_applicable")

    legal_basis: LegalBasis | None = None

    @property
    def name(self) -> str:
        return "full_marks_if_not_applicable"

    def title(self, lang: str) -> str:
        """The rule's own name: *tính điểm tối đa cho tiêu chí không liên quan*."""
        return RuleTitle.FULL_MARKS_IF_NOT_APPLICABLE.text(lang)

    @property
    def params(self) -> Mapping[str, Any]:
        return FrozenDict({})

    def apply(self, context: RuleContext) -> RuleOutcome:
        """Give full marks to the not-applicable nodes of every special agency."""
        adjustments: list[Adjustment] = []
        for assessment in context.assessments:
            agency = assessment.agency
            if not agency.special or not agency.not_applicable:
                continue
            tree = context.tree(assessment)
            done: set[str] = set()
            for listed in sorted(agency.not_applicable):
                top = tree.find(listed)
                if top is None:
                    raise RuleError(
                        Rules.NOT_APPLICABLE_UNKNOWN,
                        rule=repr(self.name),
                        node_id=repr(listed),
                        group_id=repr(agency.group),
                        agency=agency.id,
                        agency_name=agency.name,
                        node=listed,
                    )
                for node in top.walk():
                    if node.id in done or not (node.is_leaf or node.id in assessment.scores):
                        continue
                    done.add(node.id)
                    adjustments.append(
                        Adjustment(
                            agency=agency.id,
                            node=node.id,
                            before=assessment.scores.get(node.id),
                            after=node.max_points,
                            rule=self.name,
                            inputs={"max_points": number_text(node.max_points)},
                            formula=f"max_points({node.id}) = {number_text(node.max_points)}",
                            legal_basis=self.legal_basis,
                            reason=in_languages(RuleNote.FULL_MARKS, node=listed),
                        )
                    )
        return RuleOutcome(adjustments=adjustments)
