"""``exclude``: agencies not assessed in a year are kept out of ranks and statistics.

Sơn La 2017 (Decision 3247/QĐ-UBND, seed 002): *18 sở, ngành cấp tỉnh (trừ
Văn phòng UBND tỉnh không đánh giá)*.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs

from govindex._convert import FrozenDict
from govindex.catalogue.explain import RuleTitle
from govindex.catalogue.rules import Params
from govindex.errors import RuleError
from govindex.rubric import LegalBasis
from govindex.rules import RuleContext, RuleOutcome
from govindex.rules._common import check_fields
from govindex.rules.params import Kind, Param

__all__ = ["Exclude"]


def _agency_ids(value: Iterable[str]) -> Any:
    """A list of agency ids as a tuple (anything else is left for the schema's check to refuse)."""
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value


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
    reason: str
    legal_basis: LegalBasis | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)
        repeated = sorted({agency_id for agency_id in self.agencies if self.agencies.count(agency_id) > 1})
        if repeated:
            raise RuleError(Params.TEXTS_TWICE, rule=repr(self.name), key="agencies", value=repeated)

    @property
    def name(self) -> str:
        return "exclude"

    def title(self, lang: str) -> str:
        """The rule's own name: *không đánh giá*."""
        return RuleTitle.EXCLUDE.text(lang)

    @property
    def params(self) -> Mapping[str, Any]:
        return FrozenDict({"agencies": self.agencies, "reason": self.reason})

    def apply(self, context: RuleContext) -> RuleOutcome:
        """Exclude the listed agencies that are in the cohort."""
        present = {assessment.agency.id for assessment in context.assessments}
        return RuleOutcome(excluded={agency_id: self.reason for agency_id in self.agencies if agency_id in present})
