"""Explanations (giải trình): how a number in a result came to be, as data.

:func:`explanation` gathers, for one agency and one node (default: the
total), the typed steps that made its score: the score as given
(:class:`Given`, or :class:`GivenWhole` for a criterion scored as a whole),
what the agency reported on a measured leaf (:class:`Measured`), every rule
that set or changed it (:class:`Adjusted`, with the rule's
:class:`~govindex.rules.Adjustment`: reason, inputs, legal basis), the rules
that could not act (:class:`Unapplied`), the sum of its children
(:class:`Summed`) and the rules that changed a score below it
(:class:`AdjustedBelow`), the score (:class:`Scored`), and for the total its
band (:class:`Banded`), rank (:class:`Ranked`), published value
(:class:`Scaled`, :class:`OnPublicationScale`) and views (:class:`ViewScored`).

The steps hold data only; :func:`govindex.render.explain` words them in
Vietnamese (names, decimal commas, the decisions' words) or English (ids
beside names).

>>> from govindex import load_dataset, load_rubric, score
>>> result = score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())
>>> [step.kind for step in explanation(result, "huyen-song-ma").steps]
['sum', 'score', 'band', 'rank']
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, ClassVar, TypeAlias

import attrs

from govindex._convert import to_dict
from govindex.aggregation import exact_value
from govindex.points import exact

if TYPE_CHECKING:
    from govindex.agency import Agency
    from govindex.bands import Band
    from govindex.measures import Measurement
    from govindex.ranking import Rank
    from govindex.results import AgencyResult, NotAssessed, Result
    from govindex.rubric import Group, LegalBasis, Node, Rubric
    from govindex.rules import Adjustment, NotApplied, Scale, Unchanged
    from govindex.views import Publication, View, ViewScore

__all__ = [
    "Adjusted",
    "AdjustedBelow",
    "Averaged",
    "Banded",
    "Explanation",
    "ExplanationStep",
    "Given",
    "GivenWhole",
    "Measured",
    "NoScore",
    "NotGiven",
    "OnPublicationScale",
    "Ranked",
    "Scaled",
    "Scored",
    "Summed",
    "Unapplied",
    "UnchangedBy",
    "ViewMissing",
    "ViewScored",
    "explanation",
]


@attrs.frozen
class Given:
    """The score given for the node (điểm đã chấm)."""

    kind: ClassVar[str] = "given"
    value: Decimal


@attrs.frozen
class GivenWhole:
    """A criterion scored as a whole: its sub-criteria have no score of their own."""

    kind: ClassVar[str] = "given_whole"
    value: Decimal


@attrs.frozen
class Measured:
    """A leaf scored from what the agency reported (số liệu), and how that gives the points."""

    kind: ClassVar[str] = "measured"
    measurement: Measurement


@attrs.frozen
class NotGiven:
    """A leaf without a score (chưa chấm)."""

    kind: ClassVar[str] = "not_given"


@attrs.frozen
class NoScore:
    """A node without a score of its own: ``node``, an ancestor, was scored as a whole."""

    kind: ClassVar[str] = "no_score"
    node: Node


@attrs.frozen
class Adjusted:
    """A rule that set or changed the score (điều chỉnh theo quy tắc)."""

    kind: ClassVar[str] = "rule"
    adjustment: Adjustment


@attrs.frozen
class Unapplied:
    """A rule that concerned the agency but could not act on it, and why."""

    kind: ClassVar[str] = "not_applied"
    item: NotApplied


@attrs.frozen
class UnchangedBy:
    """A rule that read a fact the agency states and changed nothing for it (a possible mistake)."""

    kind: ClassVar[str] = "unchanged"
    item: Unchanged


@attrs.frozen
class Summed:
    """The score as the sum of the node's children, with theirs."""

    kind: ClassVar[str] = "sum"
    value: Decimal
    parts: tuple[tuple[Node, Decimal], ...]


@attrs.frozen
class Averaged:
    """The score as the mean or weighted mean of the node's children (their values, weights, the exact value)."""

    kind: ClassVar[str] = "mean"
    value: Decimal
    node: Node
    parts: tuple[tuple[Node, Decimal], ...]
    exact: Fraction
    rounding: str


@attrs.frozen
class AdjustedBelow:
    """The rules that changed a score below the node."""

    kind: ClassVar[str] = "below"
    changes: tuple[tuple[Node, Adjustment], ...]


@attrs.frozen
class Scored:
    """The node's score."""

    kind: ClassVar[str] = "score"
    value: Decimal


@attrs.frozen
class Banded:
    """The band of the total (xếp loại)."""

    kind: ClassVar[str] = "band"
    band: Band


@attrs.frozen
class Ranked:
    """The rank in the agency's group (xếp hạng)."""

    kind: ClassVar[str] = "rank"
    rank: Rank


@attrs.frozen
class Scaled:
    """The total put on a rule's own scale (``normalise``)."""

    kind: ClassVar[str] = "scale"
    scale: Scale
    total: Decimal


@attrs.frozen
class OnPublicationScale:
    """A value on the rubric's publication scale: ``value / maximum × scale``."""

    kind: ClassVar[str] = "published"
    value: Decimal
    maximum: Decimal
    publication: Publication


@attrs.frozen
class ViewScored:
    """A view of the rubric (a DTI pillar): its nodes, their sum, its published value and rank."""

    kind: ClassVar[str] = "view"
    view: View
    view_score: ViewScore
    parts: tuple[tuple[Node, Decimal], ...]
    publication: Publication | None


@attrs.frozen
class ViewMissing:
    """A view the agency has no score on: not every node of it has one."""

    kind: ClassVar[str] = "view_missing"
    view: View


#: One step of an explanation.
ExplanationStep: TypeAlias = (
    Given
    | GivenWhole
    | Measured
    | NotGiven
    | NoScore
    | Adjusted
    | Unapplied
    | UnchangedBy
    | Summed
    | Averaged
    | AdjustedBelow
    | Scored
    | Banded
    | Ranked
    | Scaled
    | OnPublicationScale
    | ViewScored
    | ViewMissing
)


@attrs.frozen
class Explanation:
    """How one agency's score on one node came to be: data, worded by :func:`govindex.render.explain`.

    ``not_assessed`` is set (and ``steps`` empty) for an agency a rule kept
    out; ``basis`` is then the legal basis of that rule. ``names`` maps the
    ids of the result's agencies to their names (a rule's inputs may name
    other agencies). ``view`` is set when the explanation is of a view of
    the rubric (an aggregate overlapping the tree); ``node`` is then the
    group's tree and ``maximum`` the view's maximum.
    """

    rubric: Rubric
    agency: Agency
    group: Group
    node: Node
    steps: tuple[ExplanationStep, ...] = ()
    not_assessed: NotAssessed | None = None
    basis: LegalBasis | None = None
    names: Mapping[str, str] = attrs.field(factory=dict, converter=to_dict, hash=False)
    view: View | None = None
    maximum: Decimal | None = None
    #: each rule's own name per language (:meth:`~govindex.results.Result.rule_title`)
    rule_titles: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, converter=to_dict, hash=False)


def _parent_given(row: AgencyResult, tree: Node, node_id: str) -> Node | None:
    """The nearest ancestor of ``node_id`` that was scored as a whole."""
    path: list[Node] = []

    def find(node: Node) -> bool:
        if node.id == node_id:
            return True
        path.append(node)
        if any(find(child) for child in node.children):
            return True
        path.pop()
        return False

    find(tree)
    for ancestor in reversed(path):
        if ancestor.id in row.scores:
            return ancestor
    return None


def _names(result: Result) -> dict[str, str]:
    names = {row.agency.id: row.agency.name for row in result.rows}
    names.update({item.agency.id: item.agency.name for item in result.not_assessed})
    return names


def _not_assessed(result: Result, skipped: NotAssessed, node_id: str | None, names: dict[str, str]) -> Explanation:
    rubric = result.rubric
    group = rubric.group(skipped.agency.group)
    node = group.tree if node_id is None else rubric.node(group.id, node_id)
    basis = next(
        (ref.legal_basis for ref in rubric.rules if ref.name == skipped.rule and ref.legal_basis is not None), None
    )
    return Explanation(rubric, skipped.agency, group, node, (), skipped, basis, names, rule_titles=result.rule_titles)


def _given(result: Result, row: AgencyResult, node: Node) -> list[ExplanationStep]:
    """How the node's own score was given: as given (and measured), or not given."""
    if node.id in row.raw:
        whole = node.children and not any(child.id in row.scores for child in node.children)
        steps: list[ExplanationStep] = [GivenWhole(row.raw[node.id]) if whole else Given(row.raw[node.id])]
        measurement = result.measurements.get(row.agency.id, {}).get(node.id)
        if measurement is not None:
            steps.append(Measured(measurement))
        return steps
    return [NotGiven()] if node.is_leaf else []


def _rules(result: Result, row: AgencyResult, node: Node, tree: Node) -> list[ExplanationStep]:
    agency_id = row.agency.id
    steps: list[ExplanationStep] = [Adjusted(adj) for adj in result.adjustments_for(agency_id, node.id)]
    steps += [Unapplied(item) for item in result.not_applied_for(agency_id) if node is tree or item.node == node.id]
    if node is tree:
        steps += [UnchangedBy(item) for item in result.unchanged_for(agency_id)]
    return steps


def _exact_of(row: AgencyResult, node: Node) -> Fraction:
    """A node's exact value from the scores below it (a mean is not cut where it was published)."""
    if node.is_leaf or not all(child.id in row.scores for child in node.children):
        return Fraction(row.scores[node.id])
    return exact_value(node, [_exact_of(row, child) for child in node.children])


def _sum(result: Result, row: AgencyResult, node: Node) -> list[ExplanationStep]:
    if not node.children or not all(child.id in row.scores for child in node.children):
        return []
    parts = tuple((child, row.scores[child.id]) for child in node.children)
    steps: list[ExplanationStep] = [
        Summed(row.scores[node.id], parts)
        if node.aggregate == "sum"
        else Averaged(row.scores[node.id], node, parts, _exact_of(row, node), result.rubric.rounding)
    ]
    below = {item.id: item for item in node.walk() if item is not node}
    changes = tuple((below[adj.node], adj) for adj in result.adjustments_for(row.agency.id) if adj.node in below)
    if changes:
        steps.append(AdjustedBelow(changes))
    return steps


def _standing(result: Result, row: AgencyResult, node: Node, tree: Node) -> list[ExplanationStep]:
    """Band, rank and published values: of the total, or of a node."""
    rubric = result.rubric
    steps: list[ExplanationStep] = []
    publication = rubric.publication
    if node is not tree:
        if node.id in row.node_ranks:
            steps.append(Ranked(row.node_ranks[node.id]))
        if publication is not None and node.max_points != 0:
            steps.append(OnPublicationScale(row.scores[node.id], node.max_points, publication))
        return steps
    if row.band is not None:
        steps.append(Banded(row.band))
    steps.append(Ranked(row.rank))
    if result.scale is not None and row.normalised is not None:
        steps.append(Scaled(result.scale, row.total))
    elif publication is not None and node.max_points != 0:
        steps.append(OnPublicationScale(row.scores[node.id], node.max_points, publication))
    steps += [_view_step(result, row, view_id) for view_id in row.views]
    return steps


@exact
def explanation(result: Result, agency_id: str, node_id: str | None = None) -> Explanation:
    """The steps that made the agency's score on ``node_id`` (default: the total).

    ``node_id`` may also name a view of the rubric. An agency that a rule
    kept out of the assessment is explained as not assessed, with the
    reason. An unknown agency or node is refused.
    """
    rubric = result.rubric
    names = _names(result)
    for skipped in result.not_assessed:
        if skipped.agency.id == agency_id:
            return _not_assessed(result, skipped, node_id, names)
    row = result.agency(agency_id)
    group = rubric.group(row.agency.group)
    tree = group.tree
    if node_id is not None and tree.find(node_id) is None and any(v.id == node_id for v in rubric.views):
        return _view_explanation(result, row, group, node_id, names)
    node = tree if node_id is None else rubric.node(group.id, node_id)
    if node.id not in row.scores:
        steps: tuple[ExplanationStep, ...] = (NoScore(_parent_given(row, tree, node.id) or tree),)
        return Explanation(rubric, row.agency, group, node, steps, names=names, rule_titles=result.rule_titles)
    made = [
        *_given(result, row, node),
        *_rules(result, row, node, tree),
        *_sum(result, row, node),
        Scored(row.scores[node.id]),
        *_standing(result, row, node, tree),
    ]
    return Explanation(rubric, row.agency, group, node, tuple(made), names=names, rule_titles=result.rule_titles)


def _view_step(result: Result, row: AgencyResult, view_id: str) -> ViewScored:
    view = result.rubric.view(view_id)
    publication = view.publication or result.rubric.publication
    group = result.rubric.group(row.agency.group)
    parts = tuple((result.rubric.node(group.id, node_id), row.scores[node_id]) for node_id in view.nodes)
    return ViewScored(view, row.views[view_id], parts, publication)


def _view_explanation(
    result: Result, row: AgencyResult, group: Group, view_id: str, names: Mapping[str, str]
) -> Explanation:
    view = result.rubric.view(view_id)
    tree = group.tree
    maximum = sum((node.max_points for node in tree.walk() if node.id in view.nodes), Decimal(0))
    step: ExplanationStep = ViewMissing(view) if view_id not in row.views else _view_step(result, row, view_id)
    return Explanation(
        result.rubric, row.agency, group, tree, (step,), names=names, view=view, maximum=maximum, rule_titles=result.rule_titles
    )
