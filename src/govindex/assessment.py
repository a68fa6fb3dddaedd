"""Assessments (đánh giá): the scores one agency received, and who gave them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from govindex._convert import FrozenDict, to_dict
from govindex.agency import Agency
from govindex.catalogue.reading import Reading
from govindex.catalogue.scoring import CohortText
from govindex.errors import GovIndexError, InputError
from govindex.measures import Measurement
from govindex.points import parse_points

if TYPE_CHECKING:
    from govindex.rubric import Rubric

__all__ = ["Assessment", "Source", "measurement_of"]


class Source(enum.Enum):
    """Who gave the scores: the agency itself, the provincial appraisal team, or a published decision.

    A published dataset (the figures of a decision or a national report, as
    :func:`govindex.load_dataset` bundles them) is ``PUBLISHED``.
    """

    SELF = "self"  # tự đánh giá
    APPRAISED = "appraised"  # thẩm định
    PUBLISHED = "published"  # đã công bố


_is_finite = Decimal.is_finite


def _to_points(value: Mapping[str, object]) -> FrozenDict[str, Decimal]:
    try:  # the common case, checked in one pass: every value already a finite Decimal
        if all(map(_is_finite, value.values())):  # type: ignore[arg-type]
            return cast("FrozenDict[str, Decimal]", value if type(value) is FrozenDict else FrozenDict(value))
    except TypeError:  # a value that is not a Decimal: read each one below
        pass
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


def measurement_of(rubric: Rubric, group_id: str, node_id: str, value: object) -> Measurement | None:
    """The measurement of ``value`` on a measured leaf, or ``None`` if the node has no measure.

    ``value`` is the text as reported (``"95/120"``, ``"có"``); a whole number
    or a Decimal is taken as its digits. An impossible measurement raises an
    :class:`~govindex.errors.InputError` naming the node.

    >>> from govindex import load_rubric
    >>> measurement_of(load_rubric("sonla-2017-it"), "provincial", "staff", "10") is None
    True
    """
    node = rubric.node(group_id, node_id)
    if node.measure is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise InputError(
            CohortText.MEASUREMENT_TYPE,
            kind=type(value).__name__,
            value=repr(value)[:60],
            node=node_id,
            node_name=node.name,
        )
    text = value if isinstance(value, str) else f"{value:f}" if isinstance(value, Decimal) else str(value)
    try:
        return node.measure.measure(text, node.max_points, rubric.decimals)
    except GovIndexError as error:
        raise error.with_context(node=node_id, node_name=node.name) from None


def _to_measurements(value: Mapping[str, Measurement]) -> FrozenDict[str, Measurement]:
    return FrozenDict(value)


@attrs.frozen
class _Formula:
    """A measurement's working as a parameter of a message, in the message's language."""

    measurement: Measurement

    def message_in(self, lang: str) -> str:
        return self.measurement.formula_in(lang)


@attrs.frozen
class Assessment:
    """The scores one agency received, per node id.

    A score may be given for any node, the root included; a node without a
    given score is the sum of its children. Scores are read exactly: a
    ``Decimal``, an ``int`` or text with a decimal point or a decimal comma;
    a ``float`` or a negative score is refused. ``evidence`` holds optional
    notes (tài liệu kiểm chứng) per node, ``reasons`` an appraisal's reason for
    each score it changed (lý do điều chỉnh). ``measurements`` holds, for measured
    leaves, what the agency reported (:class:`~govindex.measures.Measurement`);
    their points are the leaves' scores (see :meth:`measured`).

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
    measurements: Mapping[str, Measurement] = attrs.field(factory=dict, converter=_to_measurements, hash=False)
    #: an appraisal's reason for each score it changed (lý do điều chỉnh), per node
    reasons: Mapping[str, str] = attrs.field(factory=dict, converter=to_dict, hash=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.agency, Agency):
            raise InputError(CohortText.ASSESSMENT_AGENCY, kind=type(self.agency).__name__, value=repr(self.agency)[:60])
        where: dict[str, Any] = {"agency": self.agency.id, "agency_name": self.agency.name}
        if self.measurements:
            self._check_measurements()
        if self.scores and min(self.scores.values()) < 0:
            for node_id, value in self.scores.items():
                if value < 0:
                    raise InputError(Reading.NEGATIVE, value=value, node=node_id, **where)
        for node_id in self.evidence:
            if not isinstance(self.evidence[node_id], str):
                raise InputError(CohortText.EVIDENCE, node=node_id, **where)

    @property
    def agency_id(self) -> str:
        return self.agency.id

    def _check_measurements(self) -> None:
        """Every measurement is one, and its points are the node's score (filled in when not given)."""
        scores = dict(self.scores)
        where: dict[str, Any] = {"agency": self.agency.id, "agency_name": self.agency.name}
        for node_id, measurement in self.measurements.items():
            if not isinstance(measurement, Measurement):
                raise InputError(CohortText.NOT_MEASUREMENT, value=repr(measurement)[:60], node=node_id, **where)
            given = scores.setdefault(node_id, measurement.points)
            if given != measurement.points:
                raise InputError(
                    CohortText.MEASUREMENT_DIFFERS,
                    given=given,
                    points=measurement.points,
                    value=repr(measurement.value),
                    formula=_Formula(measurement),
                    node=node_id,
                    **where,
                )
        if len(scores) != len(self.scores):
            object.__setattr__(self, "scores", FrozenDict(scores))

    @classmethod
    def measured(
        cls,
        rubric: Rubric,
        agency: Agency,
        measurements: Mapping[str, object],
        scores: Mapping[str, object] | None = None,
        source: Source = Source.APPRAISED,
        evidence: Mapping[str, str] | None = None,
    ) -> Assessment:
        """An assessment from what the agency reported on measured leaves (and scores for the rest).

        Each measurement is turned into points by the leaf's measure in
        ``rubric`` (``measure:``); an impossible one is refused, naming agency
        and node.

        >>> import datetime as dt
        >>> from govindex import Group, Node, Rubric
        >>> from govindex.rubric import LegalBasis
        >>> tree = Node("total", "Tổng điểm", 4, [
        ...     Node("may_tinh", "Tỷ lệ máy tính/CBCC", 2, measure={"kind": "ratio"}),
        ...     Node("website", "Có Trang thông tin điện tử", 2, measure={"kind": "yes_no"})])
        >>> rubric = Rubric("demo", "Demo", 2024, LegalBasis("1/QĐ-UBND", dt.date(2024, 1, 2), "UBND tỉnh"),
        ...                 [Group("provincial", "Sở, ban, ngành", tree)])
        >>> agency = Agency("so-noi-vu", "Sở Nội vụ", "provincial")
        >>> taken = Assessment.measured(rubric, agency, {"may_tinh": "95/120", "website": "có"})
        >>> taken.scores
        {'may_tinh': Decimal('1.58'), 'website': Decimal('2')}
        >>> taken.measurements["may_tinh"].formula_in("vi")
        '95/120 = 0,7917 × 2 = 1,58'
        >>> Assessment.measured(rubric, agency, {"website": "maybe"})
        Traceback (most recent call last):
        ...
        govindex.errors.InputError: cơ quan 'Sở Nội vụ', tiêu chí 'Có Trang thông tin điện tử': 'maybe' không phải câu trả lời có/không; ...
        """
        taken: dict[str, Measurement] = {}
        for node_id, value in measurements.items():
            try:
                measurement = measurement_of(rubric, agency.group, node_id, value)
            except GovIndexError as error:
                raise error.with_context(agency=agency.id, agency_name=agency.name, node=node_id) from None
            if measurement is None:
                raise InputError(CohortText.NO_MEASURE, agency=agency.id, agency_name=agency.name, node=node_id)
            taken[node_id] = measurement
        return cls(agency, dict(scores or {}), source, dict(evidence or {}), taken)
