"""``normalise``: publish totals on another scale (per 100, or 0-1)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

import attrs

from govindex._convert import FrozenDict
from govindex.catalogue.explain import RuleTitle
from govindex.catalogue.rules import Rules
from govindex.errors import GovIndexError, RuleError
from govindex.points import parse_points
from govindex.rubric import LegalBasis
from govindex.rules import RuleContext, RuleOutcome, Scale
from govindex.rules._common import check_fields
from govindex.rules._text import number_text
from govindex.rules.params import Kind, Param

__all__ = ["Normalise"]


def _points(value: object) -> Any:
    """A number of points read exactly (anything else is left for the schema's check to refuse)."""
    try:
        return parse_points(value)
    except GovIndexError:
        return value


@attrs.frozen
class Normalise:
    """Publish each total also as ``total × to / out_of``, rounded once to
    ``decimals`` with ``rounding`` (in :attr:`AgencyResult.normalised
    <govindex.results.AgencyResult.normalised>`). Ranks and bands stay on the
    points.

    - ``to``: the top of the new scale: ``100`` (the PAR INDEX component,
      11.3008 of 13.5 points is 83.71) or ``1`` (the national DTI, 261.3 of
      1000 points is 0.2613).
    - ``out_of``: the points that map to ``to``; default the maximum of the
      rubric's total, which must then be the same in every group.
    - ``decimals`` (required), ``rounding`` (default ``ROUND_HALF_UP``),
      ``label`` (e.g. ``"per 100"``).
    """

    schema: ClassVar[tuple[Param, ...]] = (
        Param("to", Kind.POINTS, required=True, minimum=0, doc="the top of the new scale"),
        Param("decimals", Kind.INTEGER, required=True, minimum=0, maximum=12, doc="decimals of the published value"),
        Param("out_of", Kind.POINTS, minimum=0, doc="the points that map to 'to' (default: the total's maximum)"),
        Param("rounding", Kind.ROUNDING, doc="how the published value is rounded"),
        Param("label", Kind.TEXT, doc="the scale's name"),
    )
    #: the agency facts the rule reads
    reads: ClassVar[tuple[str, ...]] = ()

    to: Decimal = attrs.field(converter=_points)
    decimals: int
    out_of: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(_points))
    rounding: str = "ROUND_HALF_UP"
    label: str | None = None
    legal_basis: LegalBasis | None = None

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    @property
    def name(self) -> str:
        return "normalise"

    def title(self, lang: str) -> str:
        """The rule's own name: *quy đổi thang điểm*."""
        return RuleTitle.NORMALISE.text(lang)

    @property
    def params(self) -> Mapping[str, Any]:
        return FrozenDict(
            {
                "to": self.to,
                "out_of": self.out_of,
                "decimals": self.decimals,
                "rounding": self.rounding,
                "label": self.label,
            }
        )

    def apply(self, context: RuleContext) -> RuleOutcome:
        """The :class:`~govindex.rules.Scale` for the rubric."""
        out_of = self.out_of
        if out_of is None:
            maxima = {group.tree.max_points for group in context.rubric.groups}
            if len(maxima) != 1:
                shown = [f"{g.id} {number_text(g.tree.max_points)}" for g in context.rubric.groups]
                raise RuleError(Rules.MAXIMA_DIFFER, rule=repr(self.name), maxima=shown)
            out_of = maxima.pop()
            if out_of == 0:
                raise RuleError(Rules.MAXIMUM_ZERO, rule=repr(self.name))
        label = self.label or f"per {number_text(self.to)}"
        return RuleOutcome(
            scale=Scale(
                numerator=self.to,
                denominator=out_of,
                decimals=self.decimals,
                rounding=self.rounding,
                label=label,
                rule=self.name,
                legal_basis=self.legal_basis,
            )
        )
