"""How a node is made from its children (cách tổng hợp): a sum, a mean or a weighted mean, exactly.

A rubric node states ``aggregate``:

- ``sum`` (the default): the sum of its children's points (Sơn La, the DTI);
- ``mean``: their plain mean (trung bình cộng), the Vietnam ICT Index of a
  province is the mean of three components on 0-1;
- ``weighted``: their weighted mean (bình quân gia quyền) with a ``weight``
  on every child, summing to 1 or to 100 (%), as the PCI's ten sub-indices.

A mean needs its children on one scale (the same maximum); children on
different scales need ``convert: share``: each child is first taken as its
share of its maximum times the node's maximum.

Every node's value is a rational combination of its children's,
``value = Σ coefficient × child``, with the coefficients as fractions
(:func:`coefficients`). The engine carries each node as an integer over a
fixed denominator (:func:`denominators`), so a mean of three is never cut:
it is rounded once, with the rubric's rounding rule, where it is published.

>>> from govindex.rubric import Node
>>> ict = Node("ict", "ICT Index", 1, [Node("a", "a", 1), Node("b", "b", 1), Node("c", "c", 1)], aggregate="mean")
>>> [str(c) for c in coefficients(ict)]
['1/3', '1/3', '1/3']
>>> round_ratio(20001, 3, "ROUND_HALF_UP")
6667
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import Protocol


class AggregateNode(Protocol):
    """What aggregation reads of a rubric's node (:class:`govindex.rubric.Node`): how it is made from its
    children, their weights and maxima."""

    @property
    def aggregate(self) -> str: ...

    @property
    def convert(self) -> str | None: ...

    @property
    def weight(self) -> Decimal | None: ...

    @property
    def max_points(self) -> Decimal: ...

    @property
    def children(self) -> Sequence[AggregateNode]: ...

__all__ = [
    "AGGREGATES",
    "BANDS_ON",
    "CONVERSIONS",
    "RANK_ON",
    "SCALES",
    "coefficients",
    "denominators",
    "exact_value",
    "integer_factors",
    "round_ratio",
    "weight_total",
]

#: How a node may be made from its children.
AGGREGATES = ("sum", "mean", "weighted")

#: The scales a node may state, with the maximum each implies (``points``: its own ``max_points``).
SCALES: dict[str, Decimal | None] = {
    "points": None,
    "0-1": Decimal(1),
    "0-10": Decimal(10),
    "0-100": Decimal(100),
}

#: How children on different scales are brought to their parent's: ``share`` = points / maximum × the parent's maximum.
CONVERSIONS = ("share",)

#: What a rubric's band bounds are: points of the tree, or values on its published scale.
BANDS_ON = ("points", "published")

#: Which value a rubric ranks: the exact (unrounded) value, or the value as published (rounded).
RANK_ON = ("unrounded", "published")


def weight_total(weights: Sequence[Decimal]) -> Decimal:
    """The sum of the weights (1 or 100 for a valid weighted mean)."""
    return sum(weights, Decimal(0))


def coefficients(node: AggregateNode) -> tuple[Fraction, ...]:
    """Each child's coefficient in ``value = Σ coefficient × child`` (exact fractions).

    Sum: 1 each. Mean: 1/n. Weighted: weight / total weight. With
    ``convert: share`` each is multiplied by ``node.max / child.max`` (a
    child worth nothing counts 0).
    """
    children = node.children
    if node.aggregate == "sum" or not children:
        return tuple(Fraction(1) for _ in children)
    if node.aggregate == "mean":
        base = [Fraction(1, len(children)) for _ in children]
    else:
        total = Fraction(weight_total([child.weight or Decimal(0) for child in children]))
        base = [Fraction(child.weight or Decimal(0)) / total for child in children]
    if node.convert != "share":
        return tuple(base)
    return tuple(
        Fraction(0) if child.max_points == 0 else share * Fraction(node.max_points) / Fraction(child.max_points)
        for share, child in zip(base, children, strict=True)
    )


def denominators(nodes: Sequence[AggregateNode], children: Sequence[Sequence[int]], postorder: Sequence[int]) -> list[int]:
    """Each node's fixed denominator: a node's value is an integer over it (1 for leaves and sums of them)."""
    out = [1] * len(nodes)
    for j in postorder:
        kids = children[j]
        if not kids:
            continue
        found = 1
        for coefficient, c in zip(coefficients(nodes[j]), kids, strict=True):
            found = lcm(found, coefficient.denominator * out[c])
        out[j] = found
    return out


def integer_factors(node: AggregateNode, denominator: int, child_denominators: Sequence[int]) -> tuple[int, ...]:
    """The integer each child's numerator is multiplied by to give the node's numerator over ``denominator``."""
    out = []
    for coefficient, below in zip(coefficients(node), child_denominators, strict=True):
        factor = coefficient * denominator / below
        assert factor.denominator == 1, "the denominator is a multiple of every child's"
        out.append(factor.numerator)
    return tuple(out)


def exact_value(node: AggregateNode, values: Sequence[Fraction]) -> Fraction:
    """The node's exact value from its children's (in order), as a fraction."""
    return sum((c * v for c, v in zip(coefficients(node), values, strict=True)), Fraction(0))


def round_ratio(numerator: int, denominator: int, rounding: str) -> int:
    """``numerator / denominator`` (both non-negative, the denominator positive) rounded once to an integer."""
    quotient, remainder = divmod(numerator, denominator)
    if remainder == 0:
        return quotient
    twice = 2 * remainder
    if rounding == "ROUND_HALF_UP":
        up = twice >= denominator
    elif rounding == "ROUND_HALF_DOWN":
        up = twice > denominator
    elif rounding == "ROUND_HALF_EVEN":
        up = twice > denominator or (twice == denominator and quotient % 2 == 1)
    elif rounding in ("ROUND_UP", "ROUND_CEILING"):
        up = True
    elif rounding == "ROUND_05UP":
        up = quotient % 10 in (0, 5)
    else:  # ROUND_DOWN, ROUND_FLOOR
        up = False
    return quotient + 1 if up else quotient
