"""Publication scales and views (thang công bố, trụ cột): values as an index publishes them.

A national index publishes points as a share of their maximum on a stated
scale: the provincial DTI prints each main index and the total on 0-1 with
four decimals (261.3 of 1000 points is 0.2613). A :class:`Publication` says
which scale, how many decimals and which rounding; the value is
``points / maximum × scale``, rounded once.

A :class:`View` is an aggregate that overlaps the tree: a named set of nodes
whose points are added up and published on a scale. The DTI's three pillars
(trụ cột) are views: Chính quyền số = (the foundation + Hoạt động chính quyền
số) / 700. A view never holds a node together with one of its ancestors,
which would count the same points twice.

>>> pillar = View("pillar", "Chính quyền số", ("foundation", "government"), publication=Publication(1, 4))
>>> pillar.publication.on_scale(Decimal("501.2"), Decimal(700))
Decimal('0.7160')

Index values back to points (:func:`govindex.index_values.index_to_points`)
are exact: the share times the maximum, never rounded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from govindex._convert import to_str_tuple
from govindex.catalogue.rubric import ViewText
from govindex.errors import RubricError
from govindex.points import (
    ROUNDING_MODES,
    bounds_problem,
    coerce_points,
    divide,
    exact_context,
    terminating,
)
from govindex.ranking import Rank

if TYPE_CHECKING:
    from collections.abc import Iterator


class TreeNode(Protocol):
    """What a view needs of a rubric's node: its id, maximum and children (:class:`govindex.rubric.Node`)."""

    @property
    def id(self) -> str: ...

    @property
    def max_points(self) -> Decimal: ...

    @property
    def children(self) -> Sequence[TreeNode]: ...

    def walk(self) -> Iterator[TreeNode]: ...


__all__ = [
    "VALUES",
    "Publication",
    "View",
    "ViewScore",
    "check_view",
]

#: How the values of an assessment are read: ``points`` (as scored) or
#: ``index`` (a share of each node's maximum on the rubric's published scale).
VALUES = ("points", "index")


def _number_text(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@attrs.frozen
class Publication:
    """The scale on which values are published (thang công bố).

    ``value = points / maximum × scale``, rounded once to ``decimals`` with
    ``rounding`` (a :mod:`decimal` mode name). The DTI: ``Publication(1, 4)``
    (0-1, four decimals, half-up); the PAR INDEX component:
    ``Publication(100, 2)``.

    >>> Publication(1, 4).on_scale(Decimal("716.355"), Decimal(1000))
    Decimal('0.7164')
    >>> Publication(100, 2).on_scale(Decimal("11.3008"), Decimal("13.5"))
    Decimal('83.71')
    """

    scale: Decimal = attrs.field(converter=coerce_points)
    decimals: int
    rounding: str = ROUND_HALF_UP
    label: str | None = None

    def __attrs_post_init__(self) -> None:
        scale = self.scale
        if not isinstance(scale, Decimal) or not scale.is_finite() or scale <= 0 or bounds_problem(scale) is not None:
            raise RubricError(ViewText.SCALE, value=_shown(scale), path="scale")
        if isinstance(self.decimals, bool) or not isinstance(self.decimals, int) or not 0 <= self.decimals <= 12:
            raise RubricError(ViewText.DECIMALS, value=_shown(self.decimals), path="decimals")
        if self.rounding not in ROUNDING_MODES:
            raise RubricError(
                ViewText.ROUNDING,
                value=_shown(self.rounding),
                known=sorted(ROUNDING_MODES),
                path="rounding",
            )
        if self.label is not None and not isinstance(self.label, str):
            raise RubricError(ViewText.LABEL, value=_shown(self.label), path="label")

    @property
    def name(self) -> str:
        """The label, or ``0-1`` / ``0-100`` from the scale."""
        return self.label or f"0-{_number_text(self.scale)}"

    def on_scale(self, points: Decimal, maximum: Decimal) -> Decimal | None:
        """``points / maximum × scale`` rounded once; ``None`` for a node worth no points."""
        if maximum == 0:
            return None
        with exact_context():
            numerator = points * self.scale
        return divide(numerator, maximum, self.decimals, self.rounding)

    def formula(self, points: Decimal, maximum: Decimal) -> str:
        """The computation with its numbers, e.g. ``716.355 / 1000 × 1 = 0.716355 → 0.7164 (ROUND_HALF_UP)``."""
        value = self.on_scale(points, maximum)
        head = f"{_number_text(points)} / {_number_text(maximum)} × {_number_text(self.scale)}"
        if value is None:
            return f"{head}: no points to put on the scale"
        with exact_context():
            numerator = points * self.scale
        exact = terminating(Fraction(numerator) / Fraction(maximum))
        if exact is not None and exact == value:
            return f"{head} = {value:f}"
        shown = f"{exact:f}" if exact is not None else f"{divide(numerator, maximum, self.decimals + 6):f}…"
        return f"{head} = {shown} → {value:f} ({self.rounding})"


def _to_publication(value: Publication | Mapping[str, Any] | None) -> Publication | None:
    if value is None or isinstance(value, Publication):
        return value
    if isinstance(value, Mapping):
        return Publication(**value)
    raise RubricError(ViewText.NOT_PUBLICATION, value=type(value).__name__)


@attrs.frozen
class View:
    """An aggregate over nodes that overlaps the tree (trụ cột, nhóm chỉ số).

    ``nodes`` are node ids of every group's tree; the view's points are their
    sum, its maximum the sum of their maxima, and its value is published on
    ``publication`` (default: the rubric's). The rubric checks the ids when it
    is built.
    """

    id: str
    name: str
    nodes: tuple[str, ...] = attrs.field(converter=to_str_tuple)
    name_en: str | None = None
    publication: Publication | None = attrs.field(default=None, converter=_to_publication)
    notes: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.nodes:
            raise RubricError(ViewText.NO_NODE, view=repr(self.id))
        seen: set[str] = set()
        for node_id in self.nodes:
            if node_id in seen:
                raise RubricError(ViewText.NODE_TWICE, view=repr(self.id), node_id=repr(node_id), node=node_id)
            seen.add(node_id)


def check_view(view: View, tree: TreeNode, group: str) -> Decimal:
    """Refuse a view the tree cannot hold; return its maximum in this tree."""
    parents: dict[str, str] = {}
    found: dict[str, TreeNode] = {}
    node: TreeNode | None
    for node in tree.walk():
        found[node.id] = node
        for child in node.children:
            parents[child.id] = node.id
    maximum = Decimal(0)
    chosen = set(view.nodes)
    for node_id in view.nodes:
        node = found.get(node_id)
        if node is None:
            raise RubricError(
                ViewText.UNKNOWN_NODE,
                view=repr(view.id),
                node_id=repr(node_id),
                group_id=repr(group),
                group=group,
                node=node_id,
            )
        above = parents.get(node_id)
        while above is not None:
            if above in chosen:
                raise RubricError(
                    ViewText.NESTED,
                    view=repr(view.id),
                    above=repr(above),
                    node_id=repr(node_id),
                    group=group,
                    node=node_id,
                )
            above = parents.get(above)
        maximum += node.max_points
    if maximum == 0:
        raise RubricError(ViewText.NO_POINTS, view=repr(view.id), group=group)
    return maximum


@attrs.frozen
class ViewScore:
    """An agency's score on a view: points, maximum, published value and rank in its group."""

    points: Decimal
    maximum: Decimal
    normalised: Decimal
    rank: Rank
