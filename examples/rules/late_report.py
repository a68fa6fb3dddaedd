"""A province's own methodology rule, loaded from this file by the rubric next to it.

An agency that sent its digital-transformation report after the deadline
(the agency attribute ``late_report`` is true) loses ``points`` on every
sub-criterion tagged ``reporting`` (gửi báo cáo muộn: trừ điểm), never
below 0. A tag on a criterion marks every sub-criterion below it: the rule
reads a node's tags through ``context.tags_of``, never ``node.tags`` alone.

A rules file is Python code and is run as such: govindex never runs it when
it reads the rubric that names it (``rule_files``), only when the user allows
it (``--trust-rules``, or ``--rules late_report.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from govindex.points import parse_points
from govindex.rubric import LegalBasis
from govindex.rules import Adjustment, RuleContext, RuleOutcome
from govindex.rules.params import Kind, Param


@attrs.frozen
class LatePenalty:
    """Deduct ``points`` on the sub-criteria tagged ``tag`` of agencies that reported late."""

    # The parameters a rubric may give, checked when the rubric is loaded.
    schema: ClassVar[tuple[Param, ...]] = (
        Param("points", Kind.POINTS, required=True, doc="the points deducted on each sub-criterion"),
        Param("tag", Kind.TAG, doc="the tag of the sub-criteria concerned"),
    )
    # The agency facts the rule reads.
    reads: ClassVar[tuple[str, ...]] = ("late_report",)
    # How a form asks for each fact the rule reads (govindex template writes the question on the form).
    questions: ClassVar[Mapping[str, Mapping[str, str]]] = MappingProxyType(
        {"late_report": {"vi": "Gửi báo cáo định kỳ muộn hạn (có/không)", "en": "Sent the periodic report late"}}
    )

    points: Decimal = attrs.field(converter=parse_points)
    tag: str = "reporting"
    legal_basis: LegalBasis | None = None

    @property
    def name(self) -> str:
        return "late_penalty"

    def title(self, lang: str) -> str:
        """The rule's own name, in Vietnamese or English."""
        return "trừ điểm báo cáo muộn" if lang == "vi" else "late report penalty"

    @property
    def params(self) -> Mapping[str, Any]:
        return MappingProxyType({"points": self.points, "tag": self.tag})

    def apply(self, context: RuleContext) -> RuleOutcome:
        changes = []
        for assessment in context.assessments:
            if assessment.agency.attributes.get("late_report") is not True:
                continue
            for node in context.tree(assessment).leaves():
                before = assessment.scores.get(node.id)
                if self.tag not in context.tags_of(assessment, node) or before is None:
                    continue
                after = max(before - self.points, Decimal(0))
                changes.append(
                    Adjustment(
                        agency=assessment.agency.id,
                        node=node.id,
                        before=before,
                        after=after,
                        rule=self.name,
                        inputs={"score": f"{before:f}", "penalty": f"{self.points:f}"},
                        formula=f"max({before:f} - {self.points:f}, 0) = {after:f}",
                        legal_basis=self.legal_basis,
                        reason={"en": "the report was sent late", "vi": "gửi báo cáo muộn"},
                    )
                )
        return RuleOutcome(adjustments=changes)


#: The rules this file defines, by the name a rubric uses.
RULES = {"late_penalty": LatePenalty}
