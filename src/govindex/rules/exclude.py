"""``exclude``: agencies not assessed in a year are kept out of ranks and statistics.

Sơn La 2017 (Decision 3247/QĐ-UBND, seed 002): *18 sở, ngành cấp tỉnh (trừ
Văn phòng UBND tỉnh không đánh giá)*.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs

from govindex._convert import FrozenDict
from govindex.errors import RuleError
from govindex.rubric import LegalBasis
from govindex.rules import RuleContext, RuleOutcome
from govindex.rules.params import Kind, Param

__all__ = ["Exclude"]


def _agency_ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise RuleError(f"rule 'exclude': agencies must be a list of agency ids, not {value!r}")
    ids = tuple(value)
    for agency_id in ids:
        if not isinstance(agency_id, str) or not agency_id.strip():
            raise RuleError(f"rule 'exclude': agency id {agency_id!r} must be non-empty text")
    repeated = sorted({agency_id for agency_id in ids if ids.count(agency_id) > 1})
    if repeated:
        raise RuleError(f"rule 'exclude': agencies lists {', '.join(repeated)} more than once")
    return ids


@attrs.frozen
class Exclude:
    """Keep the listed agencies out of ranks, bands and statistics; the result
    lists them as not assessed (:class:`~govindex.results.NotAssessed`) with
    ``reason``.

    - ``agencies``: the agency ids (a listed agency absent from the cohort is
      simply not there to exclude: the published 2017 tables do not contain
      the Office at all).
    - ``reason``: why, as it should be shown (required).

    Rules listed after ``exclude`` do not see the excluded agencies (they do
    not count towards a cohort's best score, for instance).
    """

    schema: ClassVar[tuple[Param, ...]] = (
        Param("agencies", Kind.TEXTS, required=True, doc="the ids of the agencies not assessed"),
        Param("reason", Kind.TEXT, required=True, doc="why, as it should be shown"),
    )
    #: the agency facts the rule reads (it reads agency ids only)
    reads: ClassVar[tuple[str, ...]] = ()

    agencies: tuple[str, ...] = attrs.field(converter=_agency_ids)
    reason: str = attrs.field()
    legal_basis: LegalBasis | None = None

    @reason.validator
    def _check_reason(self, _attribute: Any, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise RuleError(f"rule 'exclude': reason must be non-empty text, not {value!r}")

    @property
    def name(self) -> str:
        return "exclude"

    @property
    def params(self) -> Mapping[str, Any]:
        return FrozenDict({"agencies": self.agencies, "reason": self.reason})

    def apply(self, context: RuleContext) -> RuleOutcome:
        """Exclude the listed agencies that are in the cohort."""
        present = {assessment.agency.id for assessment in context.assessments}
        return RuleOutcome(excluded={agency_id: self.reason for agency_id in self.agencies if agency_id in present})
