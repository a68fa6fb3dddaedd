"""``not_ranked``: agencies assessed but not ranked (đánh giá nhưng không xếp hạng), by a fact they state.

Hải Dương's first agency DTI (2023) assessed two units without public
services and did not rank them; the PAR INDEX assesses two special bodies
without ranking them. The rule leaves out of the ranking every agency that
states the fact named by ``when``; they are scored and banded, shown without
a rank and with ``reason``, and shift no other agency's rank.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import attrs

from govindex._convert import FrozenDict
from govindex.agency import Agency
from govindex.catalogue.explain import RuleTitle
from govindex.rubric import LegalBasis
from govindex.rules import RuleContext, RuleOutcome
from govindex.rules._common import check_fields
from govindex.rules.params import Kind, Param

__all__ = ["WHEN", "NotRankedByFact"]

#: What ``when`` may name: the fact an agency states, and the flag it reads.
WHEN: Mapping[str, tuple[str, Callable[[Agency], bool]]] = {
    "special": ("special", lambda agency: agency.special),
    "no_online_services": ("has_online_services", lambda agency: not agency.has_online_services),
    "no_procedures": ("has_procedures", lambda agency: not agency.has_procedures),
    "no_subordinate_units": ("has_subordinate_units", lambda agency: not agency.has_subordinate_units),
}


@attrs.frozen
class NotRankedByFact:
    """Leave out of the ranking every agency that states the fact ``when`` names.

    - ``when``: ``special`` (cơ quan đặc thù), ``no_online_services`` (không
      có dịch vụ công trực tuyến), ``no_procedures`` (không có thủ tục hành
      chính) or ``no_subordinate_units`` (không có đơn vị trực thuộc).
    - ``reason``: why, as it should be shown (required).

    The agencies are scored and banded like the others (the rules listed
    after this one still see them), then set aside before the ranking.
    """

    schema: ClassVar[tuple[Param, ...]] = (
        Param("when", Kind.CHOICE, required=True, choices=tuple(WHEN), doc="the fact that leaves an agency unranked"),
        Param("reason", Kind.TEXT, required=True, doc="why, as it should be shown"),
    )

    when: str
    reason: str
    legal_basis: LegalBasis | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def name(self) -> str:
        return "not_ranked"

    @property
    def reads(self) -> tuple[str, ...]:
        """The agency fact the rule reads."""
        return (WHEN[self.when][0],)

    def title(self, lang: str) -> str:
        """The rule's own name: *đánh giá nhưng không xếp hạng*."""
        return RuleTitle.NOT_RANKED.text(lang)

    @property
    def params(self) -> Mapping[str, Any]:
        return FrozenDict({"when": self.when, "reason": self.reason})

    def apply(self, context: RuleContext) -> RuleOutcome:
        """The agencies that state the fact, each with the reason."""
        states = WHEN[self.when][1]
        return RuleOutcome(
            not_ranked={a.agency.id: self.reason for a in context.assessments if states(a.agency)},
        )
