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

Index values back to points (:func:`index_to_points`) are exact: the share
times the maximum, never rounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from govindex._convert import to_str_tuple
from govindex.catalogue.rubric import ViewText
from govindex.catalogue.scoring import CohortText, IndexText
from govindex.errors import GovIndexError, InputError, RubricError
from govindex.points import (
    ROUNDING_MODES,
    bounds_problem,
    coerce_points,
    decimals_of,
    divide,
    exact_context,
    from_scaled,
    terminating,
    to_scaled,
)
from govindex.ranking import Rank, TiePolicy, rank_column

if TYPE_CHECKING:
    from govindex.assessment import Assessment
    from govindex.rubric import Node, Rubric

__all__ = [
    "VALUES",
    "Publication",
    "View",
    "ViewScore",
    "check_view",
    "index_to_points",
    "points_from_index",
    "score_views",
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


def check_view(view: View, tree: Node, group: str) -> Decimal:
    """Refuse a view the tree cannot hold; return its maximum in this tree."""
    parents: dict[str, str] = {}
    found: dict[str, Node] = {}
    node: Node | None
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


def score_views(rubric: Rubric, group: str, members: Sequence[Mapping[str, Decimal]]) -> list[dict[str, ViewScore]]:
    """Every view of every member of one ranking group, from its node scores.

    The view's points are the exact sum of its nodes; members are ranked on
    them with the rubric's tie policy (the maximum is the same for the whole
    group, so this is the ranking on the published value before rounding).
    A member without a score on one of the view's nodes has no score on it.

    >>> from govindex import load_rubric
    >>> rubric = load_rubric("vn-dti-2022-province")
    >>> a = {"foundation": Decimal("350"), "digital_government": Decimal("150")}
    >>> b = {"foundation": Decimal("400"), "digital_government": Decimal("100")}
    >>> scored = score_views(rubric, "province", [a, b])
    >>> scored[0]["pillar_digital_government"]
    ViewScore(points=Decimal('500'), maximum=Decimal('700'), normalised=Decimal('0.7143'), rank=1)
    >>> [row["pillar_digital_government"].rank for row in scored]
    [1, 1]
    """
    if not rubric.views:
        return [{} for _ in members]
    maxima = {node.id: node.max_points for node in rubric.tree(group).walk()}
    out: list[dict[str, ViewScore]] = [{} for _ in members]
    for view in rubric.views:
        publication = view.publication or rubric.publication
        assert publication is not None  # the rubric refuses a view without a scale
        for position, scored in _view_scores(view, publication, maxima, members, rubric.tie_policy):
            out[position][view.id] = scored
    return out


def _view_sum(view: View, scores: Mapping[str, Decimal]) -> Decimal | None:
    """The exact sum of a member's scores on the view's nodes; ``None`` when one of them has none."""
    if not all(node_id in scores for node_id in view.nodes):
        return None
    with exact_context():
        return sum((scores[node_id] for node_id in view.nodes), Decimal(0))


def _view_scores(
    view: View,
    publication: Publication,
    maxima: Mapping[str, Decimal],
    members: Sequence[Mapping[str, Decimal]],
    policy: TiePolicy,
) -> list[tuple[int, ViewScore]]:
    """(member position, score) of the members with a score on every node of the view, ranked among them."""
    with exact_context():
        maximum = sum((maxima[node_id] for node_id in view.nodes), Decimal(0))
    sums = [_view_sum(view, scores) for scores in members]
    present = [(position, value) for position, value in enumerate(sums) if value is not None]
    ranks = rank_column([value for _position, value in present], policy)
    out: list[tuple[int, ViewScore]] = []
    for (position, value), rank in zip(present, ranks, strict=True):
        normalised = publication.on_scale(value, maximum)
        assert normalised is not None
        out.append((position, ViewScore(value, maximum, normalised, rank)))
    return out


def index_to_points(rubric: Rubric, group: str, node_id: str, value: Decimal, *, agency: str | None = None) -> Decimal:
    """A value published on the rubric's scale, back to points: ``value / scale × maximum``, exactly.

    0.7804 of a 100-point index on the 0-1 scale is 78.04 points. Refused: a
    rubric without a publication scale, an unknown node, a negative value, a
    value above the top of the scale, more decimals than the scale publishes,
    and points the rubric's decimals cannot hold (nothing is rounded).

    >>> from govindex import load_rubric
    >>> index_to_points(load_rubric("vn-dti-2022-province"), "province", "digital_economy", Decimal("0.7805"))
    Decimal('117.075')
    """
    publication = rubric.publication
    if publication is None:
        raise InputError(IndexText.NO_PUBLICATION, rubric=repr(rubric.id), agency=agency, node=node_id)
    try:
        node = rubric.node(group, node_id)
    except GovIndexError as error:
        raise error.with_context(agency=agency) from None
    where: dict[str, Any] = {"agency": agency, "node": node_id, "node_name": node.name}
    if value < 0:
        raise InputError(IndexText.NEGATIVE, value=value, **where)
    if decimals_of(value) > publication.decimals:
        raise InputError(
            IndexText.DECIMALS, value=value, decimals=publication.decimals, scale=publication.name, **where
        )
    if value > publication.scale:
        raise InputError(
            IndexText.ABOVE, value=value, top=publication.scale.normalize(), scale=publication.name, **where
        )
    exact = terminating(Fraction(value) * Fraction(node.max_points) / Fraction(publication.scale))
    if exact is None or decimals_of(exact) > rubric.decimals:
        raise InputError(
            IndexText.POINTS_DECIMALS,
            value=value,
            maximum=node.max_points,
            points=exact if exact is not None else IndexText.ENDLESS,
            rubric=repr(rubric.id),
            decimals=rubric.decimals,
            **where,
        )
    return from_scaled(to_scaled(exact, rubric.decimals), rubric.decimals)


def points_from_index(rubric: Rubric, assessments: Iterable[Assessment]) -> tuple[Assessment, ...]:
    """Assessments whose values are on the published scale, with every value turned into points.

    See :func:`index_to_points`; raw values become the points they stand for.
    """
    from govindex.assessment import Assessment

    out: list[Assessment] = []
    for assessment in assessments:
        if not isinstance(assessment, Assessment):
            raise InputError(CohortText.NOT_ASSESSMENT, kind=type(assessment).__name__)
        agency = assessment.agency
        converted = {
            node_id: index_to_points(rubric, agency.group, node_id, value, agency=agency.id)
            for node_id, value in assessment.scores.items()
        }
        out.append(attrs.evolve(assessment, scores=converted))
    return tuple(out)
