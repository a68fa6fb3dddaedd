"""Index values and views of a scored cohort (chỉ số công bố): values published on a rubric's scale read
back as exact points, and every view (trụ cột) of a group's members scored and ranked.

:func:`index_to_points` is exact: the share times the maximum, never rounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from govindex.catalogue.scoring import CohortText, IndexText
from govindex.errors import GovIndexError, InputError
from govindex.points import (
    decimals_of,
    exact_context,
    from_scaled,
    terminating,
    to_scaled,
)
from govindex.ranking import TiePolicy, rank_column
from govindex.views import Publication, View, ViewScore

if TYPE_CHECKING:
    from govindex.assessment import Assessment
    from govindex.rubric import Rubric

__all__ = ["index_to_points", "points_from_index", "score_views"]


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
