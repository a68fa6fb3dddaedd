"""The criteria tree (cây tiêu chí): the nodes of a rubric and the decision that issues it.

A :class:`Node` is a main index (chỉ số chính / hạng mục), an intermediate
criterion (tiêu chí lớn) or a scored sub-criterion (tiêu chí thành phần). A
parent's maximum (điểm tối đa) is the sum of its children's maxima; a tree
that breaks this cannot be built. :class:`LegalBasis` names the decision
(quyết định) behind a rubric, a rule or a result. The rubric itself, its
groups and views are in :mod:`govindex.rubric`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from govindex._convert import to_frozenset, to_str_tuple
from govindex.aggregation import AGGREGATES, CONVERSIONS, SCALES, weight_total
from govindex.catalogue import Entry
from govindex.catalogue.indices import AggregateText
from govindex.catalogue.rubric import RubricText
from govindex.catalogue.scoring import Terms
from govindex.errors import GovIndexError, RubricError
from govindex.measures import Measure, resolve_measure
from govindex.points import bounds_problem, coerce_points, exact

__all__ = ["RESERVED_IDS", "Index", "LegalBasis", "Node", "SubCriterion", "check_id", "shown"]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")

#: Ids that cannot name a node, because score files use them as column names.
RESERVED_IDS = frozenset({"agency", "group", "name", "node", "score", "source"})


def shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_id(kind: Entry, value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise RubricError(RubricText.BAD_ID, kind=kind, value=shown(value))


@attrs.frozen
class LegalBasis:
    """The decision (quyết định) that issues a rubric, a rule or a result.

    ``date`` may be ``None`` when the sources give the decision's number but
    not its date; ``year`` then says the year it was issued in.

    >>> LegalBasis("1287/QĐ-UBND", None, "UBND tỉnh Sơn La", year=2024).cite()
    'Decision 1287/QĐ-UBND of 2024 (UBND tỉnh Sơn La)'
    """

    decision: str
    date: dt.date | None
    issuer: str
    title: str | None = None
    article: str | None = None
    year: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.date is not None and self.year is not None and self.date.year != self.year:
            raise RubricError(RubricText.BASIS_YEAR, decision=self.decision, year=self.year, date=self.date.isoformat())

    @property
    def when(self) -> str:
        """The date (``2017-08-09``), else the year, else ``date unknown``."""
        if self.date is not None:
            return self.date.isoformat()
        return str(self.year) if self.year is not None else "date unknown"

    def cite(self) -> str:
        """``Decision 2166/QĐ-UBND of 2017-08-09 (UBND tỉnh Sơn La)``."""
        article = f", {self.article}" if self.article else ""
        return f"Decision {self.decision} of {self.when} ({self.issuer}){article}"


def _tuple_of_nodes(value: Any) -> tuple[Node, ...]:
    return tuple(value)


def _optional_points(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else coerce_points(value)


def _to_measure(value: Measure | Mapping[str, Any] | None) -> Measure | None:
    if value is None:
        return None
    return resolve_measure(value)


@attrs.frozen(eq=True)
class Node:
    """A criterion of the rubric tree, with its maximum points (điểm tối đa).

    ``children`` empty makes the node a scored leaf (tiêu chí thành phần).
    ``aggregate`` says how a node is made from its children (:mod:`govindex.aggregation`):
    ``sum`` (the default; its maximum is the sum of theirs), ``mean`` or
    ``weighted`` (a ``weight`` on every child, summing to 1 or 100 %); a
    mean's children share one scale (its maximum) unless ``convert: share``
    states the conversion. ``scale`` states the node's scale (``points``,
    ``0-1``, ``0-10``, ``0-100``; the last three fix its maximum).
    ``tags`` mark nodes that methodology rules act on (``online_services``,
    ``subordinate_units``). ``components`` names parts that a decision lists
    without publishing their maxima: documentation only, never scored.

    Points may be given as ``Decimal``, ``int`` or text (``"2,5"``), never as
    a float; a parent's maximum must be the sum of its children's.

    >>> staff = Node("staff", "Nhân lực CNTT", 10, [Node("s1", "Cán bộ chuyên trách", "6,5"), Node("s2", "Đào tạo", "3.5")])
    >>> staff.max_points, [leaf.id for leaf in staff.leaves()]
    (Decimal('10'), ['s1', 's2'])
    """

    id: str
    name: str
    max_points: Decimal = attrs.field(converter=coerce_points)
    children: tuple[Node, ...] = attrs.field(default=(), converter=_tuple_of_nodes)
    name_en: str | None = None
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    components: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    notes: str | None = None
    measure: Measure | None = attrs.field(default=None, converter=_to_measure)
    aggregate: str = "sum"
    weight: Decimal | None = attrs.field(default=None, converter=_optional_points)
    scale: str | None = None
    convert: str | None = None

    @exact
    def __attrs_post_init__(self) -> None:
        check_id(RubricText.NODE, self.id)
        where: dict[str, Any] = {"node": self.id, "node_name": self.name if isinstance(self.name, str) else None}
        if self.id in RESERVED_IDS:
            raise RubricError(RubricText.RESERVED_ID, value=repr(self.id), reserved=sorted(RESERVED_IDS), **where)
        maximum = self.max_points
        if not isinstance(maximum, Decimal) or not maximum.is_finite() or maximum < 0:
            raise RubricError(RubricText.MAX_POINTS, value=shown(maximum), **where)
        problem = bounds_problem(maximum)
        if problem is not None:
            raise RubricError(RubricText.MAX_POINTS_BOUNDS, value=maximum, problem=problem, **where)
        if self.measure is not None:
            if self.children:
                raise RubricError(RubricText.MEASURE_NOT_LEAF, **where)
            try:
                self.measure.validate(maximum, None)
            except GovIndexError as error:
                raise error.with_context(**where) from None
        self._check_method(where)
        if self.children:
            self._check_children(where)

    def _check_method(self, where: dict[str, Any]) -> None:
        """The node's aggregate, scale and conversion are known and fit it."""
        if self.aggregate not in AGGREGATES:
            raise RubricError(
                AggregateText.UNKNOWN_AGGREGATE,
                value=shown(self.aggregate),
                known=list(AGGREGATES),
                path="aggregate",
                **where,
            )
        if self.aggregate != "sum" and not self.children:
            raise RubricError(AggregateText.AGGREGATE_ON_LEAF, value=self.aggregate, path="aggregate", **where)
        if self.scale is not None:
            if self.scale not in SCALES:
                raise RubricError(
                    AggregateText.UNKNOWN_SCALE, value=shown(self.scale), known=list(SCALES), path="scale", **where
                )
            expected = SCALES[self.scale]
            if expected is not None and self.max_points != expected:
                raise RubricError(
                    AggregateText.SCALE_MAX,
                    scale=self.scale,
                    expected=expected,
                    value=self.max_points,
                    path="max_points",
                    **where,
                )
        if self.convert is not None:
            if self.convert not in CONVERSIONS:
                raise RubricError(
                    AggregateText.UNKNOWN_CONVERT,
                    value=shown(self.convert),
                    known=list(CONVERSIONS),
                    path="convert",
                    **where,
                )
            if self.aggregate == "sum":
                raise RubricError(AggregateText.CONVERT_ON_SUM, path="convert", **where)

    def _check_children(self, where: dict[str, Any]) -> None:
        seen: set[str] = set()
        for child in self.children:
            if child.id in seen:
                raise RubricError(RubricText.CHILD_TWICE, child=repr(child.id), **where)
            seen.add(child.id)
        if self.aggregate != "weighted":
            for index, child in enumerate(self.children):
                if child.weight is not None:
                    raise RubricError(
                        AggregateText.WEIGHT_NOT_WEIGHTED,
                        child=repr(child.id),
                        path=f"children[{index}].weight",
                        **where,
                    )
        if self.aggregate == "sum":
            total = sum((child.max_points for child in self.children), Decimal(0))
            if total != self.max_points:
                parts = Terms(tuple((child.id, child.max_points) for child in self.children))
                raise RubricError(RubricText.SUM, value=self.max_points, parts=parts, total=total, **where)
            return
        if self.aggregate == "weighted":
            self._check_weights(where)
        if self.convert is None:
            self._check_one_scale(where)

    def _check_weights(self, where: dict[str, Any]) -> None:
        for index, child in enumerate(self.children):
            if child.weight is None:
                raise RubricError(
                    AggregateText.WEIGHT_MISSING, child=repr(child.id), path=f"children[{index}]", **where
                )
            if not isinstance(child.weight, Decimal) or not child.weight.is_finite() or child.weight <= 0:
                raise RubricError(
                    AggregateText.WEIGHT_NOT_POSITIVE,
                    child=repr(child.id),
                    value=child.weight,
                    path=f"children[{index}].weight",
                    **where,
                )
        total = weight_total([child.weight for child in self.children if child.weight is not None])
        if total not in (1, 100):
            raise RubricError(AggregateText.WEIGHT_SUM, total=total, path="children", **where)

    def _check_one_scale(self, where: dict[str, Any]) -> None:
        """A mean's children on one scale (one maximum, one stated scale), which is the node's."""
        scales = {(child.max_points, child.scale or "points") for child in self.children}
        if len(scales) > 1:
            parts = Terms(tuple((child.id, child.max_points) for child in self.children))
            raise RubricError(AggregateText.MEAN_SCALES, parts=parts, path="aggregate", **where)
        common = self.children[0].max_points
        if common != self.max_points:
            raise RubricError(
                AggregateText.MEAN_MAX, value=self.max_points, expected=common, path="max_points", **where
            )

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, parents before children."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def leaves(self) -> Iterator[Node]:
        return (node for node in self.walk() if node.is_leaf)

    def find(self, node_id: str) -> Node | None:
        return next((node for node in self.walk() if node.id == node_id), None)


#: A main index (chỉ số chính / hạng mục): a :class:`Node` near the root.
Index = Node
#: A scored sub-criterion (tiêu chí thành phần): a :class:`Node` without children.
SubCriterion = Node
