"""Scoring (chấm điểm): rubric + assessments + rules -> :class:`Result`.

The pipeline is pure:

1. check every assessment against the rubric (known group and nodes, scores
   in ``[0, max_points]`` with no more decimals than the rubric allows, no
   agency twice);
2. run the rubric's rules in order, recording every value they set;
3. add up each tree bottom-up (a node's score is its given value or else the
   sum of its children's; both given must agree) in exact scaled integers;
4. band the totals and rank each group on the total and on every node;
5. publish: the rubric's views and its totals on its published scale
   (:mod:`govindex.views`).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import cast

import attrs

from govindex.assessment import Assessment
from govindex.bands import Band
from govindex.errors import GovIndexError, InputError, RuleError
from govindex.points import decimals_of, divide, exact, from_scaled, to_scaled
from govindex.ranking import Rank, rank_column
from govindex.results import AgencyResult, NotAssessed, Result
from govindex.rubric import Group, Node, Rubric
from govindex.rules import Adjustment, Rule, RuleContext, Scale
from govindex.views import VALUES, add_published_values, points_from_index

__all__ = ["check_assessment", "score"]


def _check_value(rubric: Rubric, node: Node, value: Decimal, agency: str) -> None:
    if value < 0:
        raise InputError(f"score {value} is negative", agency=agency, node=node.id)
    if value > node.max_points:
        raise InputError(f"score {value} is above the maximum {node.max_points}", agency=agency, node=node.id)
    if decimals_of(value) > rubric.decimals:
        raise InputError(
            f"score {value} has more decimals than the rubric's {rubric.decimals}", agency=agency, node=node.id
        )


def _unknown_node(group: Group, node_id: str, agency: str) -> InputError:
    return InputError(
        f"unknown node {node_id!r} for group {group.id!r}; the nodes are {', '.join(group.node_ids)}",
        agency=agency,
        node=node_id,
    )


def _group_of(rubric: Rubric, assessment: Assessment) -> Group:
    try:
        return rubric.group(assessment.agency.group)
    except GovIndexError as error:
        raise error.with_context(agency=assessment.agency.id) from None


def check_assessment(rubric: Rubric, assessment: Assessment) -> None:
    """Refuse an assessment the rubric cannot score, naming agency and node.

    Checks what does not depend on the rest of the cohort or on the rules:
    the group is known, every node is known, and every score lies in
    ``[0, max_points]`` with no more decimals than the rubric allows.
    Whether the scores add up (a node and its children agree, nothing is
    missing) is checked by :func:`score`, after the rules have run.

    >>> from govindex import Agency, load_rubric
    >>> check_assessment(load_rubric("sonla-2017-it"), Assessment(Agency("so-a", "Sở A", "provincial"), {"staff": "12"}))
    Traceback (most recent call last):
    ...
    govindex.errors.InputError: agency 'so-a', node 'staff': score 12 is above the maximum 10
    """
    agency = assessment.agency.id
    group = _group_of(rubric, assessment)
    index = _node_index(group)
    for node_id, value in assessment.scores.items():
        node = index.get(node_id)
        if node is None:
            raise _unknown_node(group, node_id, agency)
        _check_value(rubric, node, value, agency)


def _node_index(group: Group) -> dict[str, Node]:
    return {node.id: node for node in group.tree.walk()}


class _Plan:
    """A group's tree flattened for fast exact sums in scaled integers.

    ``order`` lists (node id, child ids) with children before parents;
    ``maxima`` holds every node's maximum times ``10**decimals``.
    """

    __slots__ = ("group", "internal", "leaves", "maxima", "nodes", "order", "root", "zero_leaves")

    def __init__(self, group: Group, decimals: int) -> None:
        post: list[tuple[str, tuple[str, ...]]] = []

        def visit(node: Node) -> None:
            for child in node.children:
                visit(child)
            post.append((node.id, tuple(child.id for child in node.children)))

        visit(group.tree)
        self.group = group
        self.order: tuple[tuple[str, tuple[str, ...]], ...] = tuple(post)
        self.root = group.tree.id
        self.nodes = _node_index(group)
        self.maxima = {node_id: to_scaled(node.max_points, decimals) for node_id, node in self.nodes.items()}
        self.leaves = frozenset(node_id for node_id, children in post if not children)
        # Leaves worth no points (the DTI's smart city): each with its ancestors and the rest of its parent's subtree.
        self.zero_leaves: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
        for node in group.tree.walk():
            for child in node.children:
                if child.is_leaf and child.max_points == 0:
                    ancestors = _ancestors(group.tree, node.id)
                    rest = frozenset(below.id for below in node.walk() if below is not node and below is not child)
                    self.zero_leaves[child.id] = (ancestors, rest)
        # For the common case (exactly the leaves given): each parent, children first, with a getter of its
        # children's values that always returns a tuple.
        self.internal: tuple[tuple[str, Callable[[dict[str, int]], tuple[int, ...]]], ...] = tuple(
            (node_id, _tuple_getter(children)) for node_id, children in post if children
        )


def _ancestors(tree: Node, node_id: str) -> tuple[str, ...]:
    """``node_id`` and the nodes above it."""
    path: list[str] = []

    def find(node: Node) -> bool:
        path.append(node.id)
        if node.id == node_id or any(find(child) for child in node.children):
            return True
        path.pop()
        return False

    find(tree)
    return tuple(path)


def _with_zero_leaves(plan: _Plan, given: dict[str, int]) -> dict[str, int]:
    """The given scores with 0 for each leaf worth no points that is not given.

    Not when the leaf's parent (or a node above it) is given as a whole and
    none of the leaf's siblings is given: that node's score then stands alone.
    """
    filled: dict[str, int] | None = None
    for leaf, (ancestors, rest) in plan.zero_leaves.items():
        if leaf in given:
            continue
        if any(node_id in given for node_id in ancestors) and not any(node_id in given for node_id in rest):
            continue
        if filled is None:
            filled = dict(given)
        filled[leaf] = 0
    return given if filled is None else filled


def _tuple_getter(keys: tuple[str, ...]) -> Callable[[dict[str, int]], tuple[int, ...]]:
    if len(keys) == 1:
        key = keys[0]
        return lambda values: (values[key],)
    getter: Callable[[dict[str, int]], tuple[int, ...]] = operator.itemgetter(*keys)
    return getter


class _Scaler(dict[Decimal, int | None]):
    """Exact Decimal -> scaled integer, converted once per distinct value.

    Real score tables repeat a few hundred distinct values, so a lookup
    replaces most conversions. ``None`` marks a value with too many decimals.
    """

    def __init__(self, decimals: int) -> None:
        super().__init__()
        self.decimals = decimals

    def __missing__(self, value: Decimal) -> int | None:
        try:
            scaled: int | None = to_scaled(value, self.decimals)
        except InputError:
            scaled = None
        self[value] = scaled
        return scaled


class _Points(dict[int, Decimal]):
    """Scaled integer -> Decimal with the rubric's decimals, made once per value."""

    def __init__(self, decimals: int) -> None:
        super().__init__()
        self.decimals = decimals

    def __missing__(self, scaled: int) -> Decimal:
        value = from_scaled(scaled, self.decimals)
        self[scaled] = value
        return value


def _scale_scores(
    rubric: Rubric, plan: _Plan, assessment: Assessment, scale: _Scaler, *, by_rule: str | None = None
) -> dict[str, int]:
    """The assessment's scores as scaled integers, each checked against its node."""
    scores = assessment.scores
    maxima = plan.maxima
    scaled = {node_id: scale[value] for node_id, value in scores.items()}
    # The whole check in a few passes at C speed; the slow loop below only finds what is wrong.
    if scaled.keys() <= maxima.keys() and None not in scaled.values():
        checked = cast(dict[str, int], scaled)
        above: Callable[[int, int], bool] = operator.gt
        if (not checked or min(checked.values()) >= 0) and not any(
            map(above, checked.values(), map(maxima.__getitem__, checked))
        ):
            return checked
    agency = assessment.agency.id
    for node_id, value in scores.items():
        try:
            if node_id not in maxima:
                raise _unknown_node(plan.group, node_id, agency)
            _check_value(rubric, plan.nodes[node_id], value, agency)
        except InputError as error:
            if by_rule is None:
                raise
            raise RuleError(
                f"rule {by_rule!r} produced an impossible value: {error.message}", agency=agency, node=node_id
            ) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _aggregate(plan: _Plan, given: dict[str, int], agency: str, adjusted: set[str], points: _Points) -> dict[str, int]:
    """Every node's score, bottom-up: the given value, else the sum of the children.

    A node given together with its children must agree with their sum; a
    node given together with only some of them is refused, since the others'
    scores would be lost.
    """
    if given.keys() == plan.leaves:
        values = dict(given)
        for node_id, children_of in plan.internal:
            values[node_id] = sum(children_of(values))
        return values
    values = {}
    partial: set[str] = set()  # nodes without a score that have scored nodes below them
    for node_id, children in plan.order:
        mine = given.get(node_id)
        if not children:
            if mine is not None:
                values[node_id] = mine
            continue
        present = [values[child] for child in children if child in values]
        if len(present) == len(children):
            total = sum(present)
            if mine is not None and mine != total:
                raise InputError(
                    f"the score given for this node ({points[mine]}) disagrees with the sum of its sub-criteria "
                    f"({' + '.join(f'{child} {points[values[child]]}' for child in children)} = {points[total]})"
                    + (" after rules adjusted " + ", ".join(sorted(adjusted)) if adjusted else ""),
                    agency=agency,
                    node=node_id,
                )
            values[node_id] = total
        elif present or any(child in partial for child in children):
            if mine is not None:
                scored = _topmost(plan, node_id, values, want_scored=True)
                missing = _topmost(plan, node_id, values, want_scored=False)
                raise InputError(
                    f"the node is given together with some of its sub-criteria ({', '.join(scored)}) but not all "
                    f"({', '.join(missing)} missing); give every sub-criterion or none",
                    agency=agency,
                    node=node_id,
                )
            partial.add(node_id)
        elif mine is not None:
            values[node_id] = mine
    return values


def _topmost(plan: _Plan, node_id: str, values: dict[str, int], *, want_scored: bool) -> list[str]:
    """The top-most nodes below ``node_id`` that have a score (or that lack one and have none below)."""
    out: list[str] = []
    stack = list(reversed(plan.nodes[node_id].children))
    while stack:
        node = stack.pop()
        if node.id in values:
            if want_scored:
                out.append(node.id)
            continue
        if node.is_leaf or not any(below.id in values for below in node.walk()):
            if not want_scored:
                out.append(node.id)
            continue
        stack.extend(reversed(node.children))
    return out


def _missing(group: Group, values: dict[str, int]) -> list[str]:
    """Top-most nodes without a score."""
    if group.tree.is_leaf:
        return [group.tree.id]
    out: list[str] = []
    stack = [group.tree]
    while stack:
        node = stack.pop()
        if node.id in values:
            continue
        if node.is_leaf or not any(below.id in values for below in node.walk()):
            out.append(node.id)
            continue
        stack.extend(reversed(node.children))
    return out


@exact
def score(
    rubric: Rubric,
    assessments: Iterable[Assessment],
    *,
    rules: Sequence[Rule] | None = None,
    values: str = "points",
) -> Result:
    """Score, band and rank a cohort under ``rubric``.

    ``rules`` defaults to the rules the rubric names (resolved through
    :func:`govindex.rules.plugins.resolve_rules`); pass ``()`` to score
    without any rule. ``values="index"`` reads every given value as a share
    of its node's maximum on the rubric's published scale (0.7804 of a
    100-point index is 78.04 points; see :func:`govindex.views.index_to_points`).

    Every agency's node scores are added up exactly (in integers scaled by
    ``10**rubric.decimals``); totals are banded with the rubric's band
    scheme; each group is ranked on the total and on every node that all
    its agencies have a score for, under the rubric's tie policy.

    >>> from govindex import load_rubric, Agency, Assessment
    >>> rubric = load_rubric("sonla-2017-web")
    >>> agency = Agency("so-noi-vu", "Sở Nội vụ", "provincial")
    >>> result = score(rubric, [Assessment(agency, {"total": "81,5"})])
    >>> result.agency("so-noi-vu").band.label
    'Tốt'
    """
    if values not in VALUES:
        raise InputError(f"unknown kind of values {values!r}; use {' or '.join(map(repr, VALUES))}")
    cohort = list(assessments) if values == "points" else list(points_from_index(rubric, assessments))
    decimals = rubric.decimals
    plans = {group.id: _Plan(group, decimals) for group in rubric.groups}
    group_order = {group_id: position for position, group_id in enumerate(rubric.group_ids)}
    scale = _Scaler(decimals)
    seen: dict[str, Assessment] = {}
    given: dict[str, dict[str, int]] = {}
    for assessment in cohort:
        if not isinstance(assessment, Assessment):
            raise InputError(f"expected an Assessment, got {type(assessment).__name__}")
        key = assessment.agency.id
        if key in seen:
            raise InputError("the agency is assessed twice in the same cohort", agency=key)
        seen[key] = assessment
        plan = plans.get(assessment.agency.group)
        if plan is None:
            _group_of(rubric, assessment)
            raise AssertionError("unreachable")  # pragma: no cover
        given[key] = _scale_scores(rubric, plan, assessment, scale)
    cohort.sort(key=lambda a: (group_order[a.agency.group], a.agency.id))

    if rules is None:
        from govindex.rules.plugins import resolve_rules

        rules = resolve_rules(rubric.rules)

    adjustments: list[Adjustment] = []
    excluded: dict[str, tuple[str, str]] = {}
    normalise: Scale | None = None
    current = tuple(cohort)
    for rule in rules:
        context = RuleContext(rubric, tuple(a for a in current if a.agency.id not in excluded))
        outcome = rule.apply(context)
        for agency_id, reason in outcome.excluded.items():
            if agency_id not in seen:
                raise RuleError(f"rule {rule.name!r} excluded an agency that is not in the cohort", agency=agency_id)
            excluded.setdefault(agency_id, (reason, rule.name))
        if outcome.scale is not None:
            normalise = outcome.scale
        if outcome.adjustments:
            current = _apply(rubric, current, outcome.adjustments, rule.name)
            changed = {adj.agency for adj in outcome.adjustments}
            for assessment in current:
                if assessment.agency.id in changed:
                    plan = plans[assessment.agency.group]
                    given[assessment.agency.id] = _scale_scores(rubric, plan, assessment, scale, by_rule=rule.name)
            adjustments.extend(outcome.adjustments)

    adjusted_nodes: dict[str, set[str]] = {}
    for adj in adjustments:
        adjusted_nodes.setdefault(adj.agency, set()).add(adj.node)

    points = _Points(decimals)
    no_adjustment: set[str] = set()
    scored: dict[str, list[tuple[Assessment, dict[str, int]]]] = {g: [] for g in rubric.group_ids}
    for assessment in current:
        agency_id = assessment.agency.id
        if agency_id in excluded:
            continue
        plan = plans[assessment.agency.group]
        node_values = _aggregate(
            plan,
            _with_zero_leaves(plan, given[agency_id]),
            agency_id,
            adjusted_nodes.get(agency_id, no_adjustment),
            points,
        )
        if plan.root not in node_values:
            missing = _missing(plan.group, node_values)
            hint = "" if all(plan.nodes[m].is_leaf for m in missing) else "; give each node or all of its sub-criteria"
            raise InputError(
                f"no score for {', '.join(repr(m) for m in missing)}{hint} (an empty cell is 'not given', not 0)",
                agency=agency_id,
                node=missing[0],
            )
        scored[plan.group.id].append((assessment, node_values))

    raw = {a.agency.id: a.scores for a in cohort}
    bands = rubric.bands
    band_of: dict[Decimal, Band] = {}
    rows: list[AgencyResult] = []
    for group in rubric.groups:
        members = scored[group.id]  # ordered by agency id
        if not members:
            continue
        plan = plans[group.id]
        root = plan.root
        ranked_nodes: list[str] = []
        rank_lists: list[list[Rank]] = []
        walk = plan.group.node_ids  # parents before children, in the rubric's order
        for node_id in walk[1:]:
            try:
                column = [node_values[node_id] for _a, node_values in members]
            except KeyError:
                continue  # not every agency of the group has a score here: no rank
            ranked_nodes.append(node_id)
            rank_lists.append(rank_column(column, rubric.tie_policy))
        total_ranks = rank_column([node_values[root] for _a, node_values in members], rubric.tie_policy)
        per_member = list(zip(*rank_lists, strict=True)) if rank_lists else [()] * len(members)
        group_rows = []
        for position, (assessment, node_values) in enumerate(members):
            agency_id = assessment.agency.id
            total = points[node_values[root]]
            band = None
            if bands is not None:
                band = band_of.get(total)
                if band is None:
                    band = band_of[total] = bands.classify(total)
            group_rows.append(
                AgencyResult(
                    agency=assessment.agency,
                    total=total,
                    band=band,
                    rank=total_ranks[position],
                    scores=dict(zip(walk, map(points.__getitem__, map(node_values.__getitem__, walk)), strict=True))
                    if len(node_values) == len(walk)
                    else {node: points[node_values[node]] for node in walk if node in node_values},
                    node_ranks=dict(zip(ranked_nodes, per_member[position], strict=True)),
                    raw=raw[agency_id],
                    source=assessment.source,
                    normalised=None
                    if normalise is None
                    else divide(
                        total * normalise.numerator, normalise.denominator, normalise.decimals, normalise.rounding
                    ),
                )
            )
        group_rows.sort(key=lambda row: (row.rank, -row.total, row.agency.id))
        rows.extend(group_rows)

    not_assessed = tuple(
        NotAssessed(seen[agency_id].agency, reason, rule_name)
        for agency_id, (reason, rule_name) in sorted(excluded.items())
    )
    return Result(
        rubric=rubric,
        rows=add_published_values(rubric, rows),
        measurements={a.agency.id: a.measurements for a in cohort if a.measurements},
        adjustments=tuple(adjustments),
        not_assessed=not_assessed,
        rules=tuple(rule.name for rule in rules),
        scale=normalise,
    )


def _apply(
    rubric: Rubric, current: tuple[Assessment, ...], adjustments: Sequence[Adjustment], rule: str
) -> tuple[Assessment, ...]:
    by_agency: dict[str, dict[str, Decimal]] = {}
    for adj in adjustments:
        by_agency.setdefault(adj.agency, {})[adj.node] = adj.after
    known = {a.agency.id for a in current}
    for agency_id in by_agency:
        if agency_id not in known:
            raise RuleError(f"rule {rule!r} adjusted an agency that is not in the cohort", agency=agency_id)
    out: list[Assessment] = []
    for assessment in current:
        changes = by_agency.get(assessment.agency.id)
        if not changes:
            out.append(assessment)
            continue
        group = rubric.group(assessment.agency.group)
        index = _node_index(group)
        for node_id, value in changes.items():
            node = index.get(node_id)
            if node is None:
                raise RuleError(f"rule {rule!r} set an unknown node", agency=assessment.agency.id, node=node_id)
            try:
                _check_value(rubric, node, value, assessment.agency.id)
            except InputError as error:
                raise RuleError(
                    f"rule {rule!r} produced an impossible value: {error.message}",
                    agency=assessment.agency.id,
                    node=node_id,
                ) from None
        # A rule's value replaces a measured leaf's points; the measurement stays in the result's record.
        kept = {node: taken for node, taken in assessment.measurements.items() if node not in changes}
        out.append(attrs.evolve(assessment, scores={**assessment.scores, **changes}, measurements=kept))
    return tuple(out)
