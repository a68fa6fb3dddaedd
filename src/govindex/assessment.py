"""Assessments (đánh giá): the scores one agency received, and who gave them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal

import attrs

from govindex._convert import FrozenDict, to_dict
from govindex.agency import Agency
from govindex.errors import InputError
from govindex.points import parse_points

__all__ = ["Assessment", "Source"]


class Source(enum.Enum):
    """Who gave the scores: the agency itself or the provincial appraisal team."""

    SELF = "self"  # tự đánh giá
    APPRAISED = "appraised"  # thẩm định


def _to_points(value: Mapping[str, object]) -> FrozenDict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for node_id, raw in value.items():
        if type(raw) is Decimal and raw.is_finite():  # the common case, without a call
            out[node_id] = raw
            continue
        try:
            out[node_id] = parse_points(raw)
        except InputError as error:
            raise error.with_context(node=node_id) from None
    return FrozenDict(out)


@attrs.frozen
class Assessment:
    """The scores one agency received, per node id.

    A score may be given for any node, the root included; a node without a
    given score is the sum of its children. Scores are read exactly: a
    ``Decimal``, an ``int`` or text with a decimal point or a decimal comma;
    a ``float`` or a negative score is refused. ``evidence`` holds optional
    notes (tài liệu kiểm chứng) per node.

    >>> from govindex import Agency
    >>> assessment = Assessment(Agency("so-y-te", "Sở Y tế", "provincial"), {"security": "8,0", "staff": 10})
    >>> assessment.scores
    {'security': Decimal('8.0'), 'staff': Decimal('10')}
    >>> assessment.source
    <Source.APPRAISED: 'appraised'>
    """

    agency: Agency
    scores: Mapping[str, Decimal] = attrs.field(converter=_to_points, hash=False)
    source: Source = Source.APPRAISED
    evidence: Mapping[str, str] = attrs.field(factory=dict, converter=to_dict, hash=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.agency, Agency):
            raise InputError(f"an assessment needs an Agency, not {type(self.agency).__name__} {self.agency!r}")
        if self.scores and min(self.scores.values()) < 0:
            for node_id, value in self.scores.items():
                if value < 0:
                    raise InputError(f"score {value} is negative", agency=self.agency.id, node=node_id)
        for node_id in self.evidence:
            if not isinstance(self.evidence[node_id], str):
                raise InputError("evidence must be text", agency=self.agency.id, node=node_id)

    @property
    def agency_id(self) -> str:
        return self.agency.id
