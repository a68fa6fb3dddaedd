"""A province's own methodology rule for govindex, found through the ``govindex.rules`` entry point.

An agency that sent its report after the deadline (the agency attribute
``late_report`` is true) loses ``points`` on every sub-criterion tagged
``reporting``; a score never goes below 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from govindex.errors import RuleError
from govindex.points import parse_points
from govindex.rubric import LegalBasis
from govindex.rules import Adjustment, RuleContext, RuleOutcome
from govindex.rules.params import Kind, Param

__all__ = ["LateReportPenalty"]


def _points(value: object) -> Decimal:
    points = parse_points(value)
    if points < 0:
        raise RuleError(f"rule 'late_report_penalty': points must not be negative, not {points}")
    return points


@attrs.frozen
class LateReportPenalty:
    """Deduct ``points`` on the ``tag`` sub-criteria of agencies whose ``attribute`` is true."""

    #: The parameters a rubric may give, checked when the rubric is built or loaded.
    schema: ClassVar[tuple[Param, ...]] = (
        Param("points", Kind.POINTS, required=True, doc="the points deducted on each sub-criterion"),
        Param("tag", Kind.TAG, doc="the tag of the sub-criteria concerned"),
        Param("attribute", Kind.TEXT, doc="the agency attribute that says the report was late"),
    )

    points: Decimal = attrs.field(converter=_points)
    tag: str = "reporting"
    attribute: str = "late_report"
    legal_basis: LegalBasis | None = None

    @property
    def name(self) -> str:
        return "late_report_penalty"

    @property
    def reads(self) -> tuple[str, ...]:
        """The agency facts the rule reads: its attribute."""
        return (self.attribute,)

    @property
    def params(self) -> Mapping[str, Any]:
        return MappingProxyType({"points": self.points, "tag": self.tag, "attribute": self.attribute})

    def apply(self, context: RuleContext) -> RuleOutcome:
        adjustments = []
        for assessment in context.assessments:
            if assessment.agency.attributes.get(self.attribute) is not True:
                continue
            for node in context.tree(assessment).leaves():
                if self.tag not in node.tags:
                    continue
                before = assessment.scores.get(node.id)
                if before is None:
                    raise RuleError("no score to deduct from", agency=assessment.agency.id, node=node.id)
                after = max(before - self.points, Decimal(0))
                adjustments.append(
                    Adjustment(
                        agency=assessment.agency.id,
                        node=node.id,
                        before=before,
                        after=after,
                        rule=self.name,
                        inputs={"score": f"{before:f}", "penalty": f"{self.points:f}"},
                        formula=f"max({before:f} - {self.points:f}, 0) = {after:f}",
                        legal_basis=self.legal_basis,
                        reason={
                            "en": f"the agency sent its report late ({self.attribute}: true)",
                            "vi": f"cơ quan, đơn vị gửi báo cáo muộn ({self.attribute}: true)",
                        },
                    )
                )
        return RuleOutcome(adjustments=adjustments)
