"""Scoring (chấm điểm): rubric + assessments + rules -> :class:`Result`.

The pipeline is pure:

1. check every assessment against the rubric (known group and nodes, scores
   in ``[0, max_points]`` with no more decimals than the rubric allows, no
   agency twice);
2. run the rubric's rules in order, recording every value they set;
3. add up each tree bottom-up (a node's score is its given value or else the
   sum of its children's; both given must agree) in exact scaled integers;
4. band the totals and rank each group on the total and on every node.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from govindex.assessment import Assessment
from govindex.errors import GovIndexError, InputError, RuleError
from govindex.points import decimals_of, divide, from_scaled
from govindex.ranking import Rank, rank_sorted
from govindex.results import AgencyResult, NotAssessed, Result
from govindex.rubric import Group, Node, Rubric
from govindex.rules import Adjustment, Rule, RuleContext, Scale

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


def check_assessment(rubric: Rubric, assessment: Assessment) -> None:
    """Refuse an assessment the rubric cannot score, naming agency and node."""
    agency = assessment.agency.id
    try:
        group = rubric.group(assessment.agency.group)
    except GovIndexError as error:
        raise error.with_context(agency=agency) from None
    index = _node_index(group)
    for node_id, value in assessment.scores.items():
        node = index.get(node_id)
        if node is None:
            raise InputError(
                f"unknown node {node_id!r} for group {group.id!r}; the nodes are {', '.join(group.node_ids)}",
                agency=agency,
                node=node_id,
            )
        _check_value(rubric, node, value, agency)


def _node_index(group: Group) -> dict[str, Node]:
    return {node.id: node for node in group.tree.walk()}


@attrs.frozen
class _Plan:
    """A group's tree flattened for fast exact sums (children before parents)."""

    order: tuple[tuple[str, tuple[str, ...]], ...]
    root: str

    @classmethod
    def of(cls, group: Group) -> _Plan:
        post: list[tuple[str, tuple[str, ...]]] = []

        def visit(node: Node) -> None:
            for child in node.children:
                visit(child)
            post.append((node.id, tuple(child.id for child in node.children)))

        visit(group.tree)
        return cls(tuple(post), group.tree.id)


def _aggregate(plan: _Plan, given: dict[str, int], agency: str, adjusted: set[str], decimals: int) -> dict[str, int]:
    values: dict[str, int] = {}
    for node_id, children in plan.order:
        mine = given.get(node_id)
        if not children:
            if mine is not None:
                values[node_id] = mine
            continue
        present = [values[c] for c in children if c in values]
        if len(present) == len(children):
            total = sum(present)
            if mine is not None and mine != total:
                raise InputError(
                    f"the score given for this node ({from_scaled(mine, decimals)}) disagrees with the sum of its children "
                    f"({from_scaled(total, decimals)}: {', '.join(children)})"
                    + (" after rules adjusted " + ", ".join(sorted(adjusted)) if adjusted else ""),
                    agency=agency,
                    node=node_id,
                )
            values[node_id] = total
        elif mine is not None:
            if present:
                missing = [c for c in children if c not in values]
                raise InputError(
                    "the node is given together with some of its children but not all: "
                    f"{', '.join(missing)} missing; give every child or none",
                    agency=agency,
                    node=node_id,
                )
            values[node_id] = mine
    return values


def _missing(group: Group, values: dict[str, int]) -> list[str]:
    """Top-most nodes without a score."""
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


def score(
    rubric: Rubric,
    assessments: Iterable[Assessment],
    *,
    rules: Sequence[Rule] | None = None,
) -> Result:
    """Score, band and rank a cohort under ``rubric``.

    ``rules`` defaults to the rules the rubric names (resolved through
    :func:`govindex.rules.registry.resolve_rules`); pass ``()`` to score
    without any rule.

    >>> from govindex import load_rubric, Agency, Assessment
    >>> rubric = load_rubric("sonla-2017-web")
    >>> agency = Agency("so-noi-vu", "Sở Nội vụ", "provincial")
    >>> result = score(rubric, [Assessment(agency, {"total": "81,5"})])
    >>> result.agency("so-noi-vu").band.label
    'Tốt'
    """
    cohort = list(assessments)
    seen: dict[str, Assessment] = {}
    for assessment in cohort:
        if not isinstance(assessment, Assessment):
            raise InputError(f"expected an Assessment, got {type(assessment).__name__}")
        key = assessment.agency.id
        if key in seen:
            raise InputError("the agency is assessed twice in the same cohort", agency=key)
        seen[key] = assessment
        check_assessment(rubric, assessment)
    cohort.sort(key=lambda a: (rubric.group_ids.index(a.agency.group), a.agency.id))

    if rules is None:
        from govindex.rules.registry import resolve_rules

        rules = resolve_rules(rubric.rules)

    adjustments: list[Adjustment] = []
    excluded: dict[str, tuple[str, str]] = {}
    scale: Scale | None = None
    current = tuple(cohort)
    for rule in rules:
        context = RuleContext(rubric, tuple(a for a in current if a.agency.id not in excluded))
        outcome = rule.apply(context)
        for agency_id, reason in outcome.excluded.items():
            if agency_id not in seen:
                raise RuleError(f"rule {rule.name!r} excluded an agency that is not in the cohort", agency=agency_id)
            excluded.setdefault(agency_id, (reason, rule.name))
        if outcome.scale is not None:
            scale = outcome.scale
        if outcome.adjustments:
            current = _apply(rubric, current, outcome.adjustments, rule.name)
            adjustments.extend(outcome.adjustments)

    adjusted_nodes: dict[str, set[str]] = {}
    for adj in adjustments:
        adjusted_nodes.setdefault(adj.agency, set()).add(adj.node)

    decimals = rubric.decimals
    factor = 10**decimals
    plans = {group.id: _Plan.of(group) for group in rubric.groups}
    scored: dict[str, list[tuple[Assessment, dict[str, int]]]] = {g: [] for g in rubric.group_ids}
    for assessment in current:
        agency_id = assessment.agency.id
        if agency_id in excluded:
            continue
        group = rubric.group(assessment.agency.group)
        given = {node: int(value * factor) for node, value in assessment.scores.items()}
        values = _aggregate(plans[group.id], given, agency_id, adjusted_nodes.get(agency_id, set()), decimals)
        if group.tree.id not in values:
            missing = _missing(group, values)
            raise InputError(
                f"no score for {', '.join(repr(m) for m in missing)}: give the node or all of its sub-criteria "
                "(an empty cell is 'not given', not 0)",
                agency=agency_id,
                node=missing[0],
            )
        scored[group.id].append((assessment, values))

    raw = {a.agency.id: a.scores for a in cohort}
    rows: list[AgencyResult] = []
    for group in rubric.groups:
        members = scored[group.id]
        if not members:
            continue
        root = group.tree.id
        node_ranks: dict[str, dict[str, Rank]] = {}
        for node_id, _children in plans[group.id].order:
            column = [(a.agency.id, values[node_id]) for a, values in members if node_id in values]
            if len(column) != len(members):
                continue
            column.sort(key=lambda item: (-item[1], item[0]))
            node_ranks[node_id] = rank_sorted(column, rubric.tie_policy)
        total_ranks = node_ranks[root]
        group_rows = []
        for assessment, values in members:
            agency_id = assessment.agency.id
            total = from_scaled(values[root], decimals)
            group_rows.append(
                AgencyResult(
                    agency=assessment.agency,
                    total=total,
                    band=None if rubric.bands is None else rubric.bands.classify(total),
                    rank=total_ranks[agency_id],
                    scores={node: from_scaled(v, decimals) for node, v in values.items()},
                    node_ranks={node: ranks[agency_id] for node, ranks in node_ranks.items() if node != root},
                    raw=raw[agency_id],
                    source=assessment.source,
                    normalised=None
                    if scale is None
                    else divide(total * scale.numerator, scale.denominator, scale.decimals, scale.rounding),
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
        rows=tuple(rows),
        adjustments=tuple(adjustments),
        not_assessed=not_assessed,
        rules=tuple(rule.name for rule in rules),
        scale=scale,
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
        out.append(attrs.evolve(assessment, scores={**assessment.scores, **changes}))
    return tuple(out)
