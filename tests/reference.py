"""A short, naive reference for scoring: plain Decimal, one agency at a time, obviously correct.

The engine (:mod:`govindex.engine`) must always agree with it; see
``test_engine_differential.py``. Rules are applied through the same rule
objects, but what they read (a node's standing score) is computed here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from govindex import Assessment, Node, Rubric
from govindex.errors import InputError
from govindex.points import divide, exact_context
from govindex.ranking import TiePolicy
from govindex.rules import Adjustment, Rule, Scale


@attrs.frozen
class Row:
    agency: str
    group: str
    total: Decimal
    band: str | None
    rank: Any
    scores: dict[str, Decimal]
    node_ranks: dict[str, Any]
    normalised: Decimal | None


@attrs.frozen
class Reference:
    rows: list[Row]
    excluded: dict[str, str]
    adjustments: list[Adjustment]


class Context:
    """What a rule sees (the same questions as :class:`govindex.rules.RuleContext`), answered naively."""

    def __init__(self, rubric: Rubric, assessments: Sequence[Assessment]) -> None:
        self.rubric = rubric
        self.assessments = tuple(assessments)

    def tree(self, assessment: Assessment) -> Node:
        return self.rubric.tree(assessment.agency.group)

    def cohort(self, group: str) -> tuple[Assessment, ...]:
        return tuple(a for a in self.assessments if a.agency.group == group)

    def node_score(self, assessment: Assessment, node: Node) -> Decimal | None:
        given = assessment.scores.get(node.id)
        if given is not None or node.is_leaf:
            return given
        if all(below.aggregate == "sum" for below in node.walk()):
            total = Decimal(0)
            for child in node.children:
                value = self.node_score(assessment, child)
                if value is None:
                    return None
                total += value
            return total
        exact = self._exact(assessment, node)
        return None if exact is None else _rounded(exact, self.rubric.decimals, self.rubric.rounding)

    def _exact(self, assessment: Assessment, node: Node) -> Fraction | None:
        given = assessment.scores.get(node.id)
        if given is not None or node.is_leaf:
            return None if given is None else Fraction(given)
        parts = [self._exact(assessment, child) for child in node.children]
        if any(part is None for part in parts):
            return None
        return combine(node, parts)  # type: ignore[arg-type]


def combine(node: Node, parts: Sequence[Fraction]) -> Fraction:
    """A node's exact value from its children's, written out for each aggregate."""
    children = node.children
    if node.aggregate == "sum":
        return sum(parts, Fraction(0))
    shares = list(parts)
    if node.convert == "share":
        shares = [
            Fraction(0) if child.max_points == 0 else part / Fraction(child.max_points) * Fraction(node.max_points)
            for part, child in zip(parts, children, strict=True)
        ]
    if node.aggregate == "mean":
        return sum(shares, Fraction(0)) / len(shares)
    weights = [Fraction(child.weight) for child in children]  # type: ignore[arg-type]
    return sum((w * v for w, v in zip(weights, shares, strict=True)), Fraction(0)) / sum(weights)


def _rounded(value: Fraction, decimals: int, rounding: str) -> Decimal:
    with exact_context():
        return divide(Decimal(value.numerator), Decimal(value.denominator), decimals, rounding)


def _fill_zero_leaves(tree: Node, given: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """A leaf worth no points counts as given 0, unless a node above it stands alone (given, its siblings not)."""
    out = dict(given)

    def visit(node: Node, path: list[Node]) -> None:
        for child in node.children:
            if child.is_leaf and child.max_points == 0 and child.id not in given:
                above = any(n.id in given for n in [*path, node])
                rest = [b.id for b in node.walk() if b is not node and b is not child]
                if not (above and not any(r in given for r in rest)):
                    out[child.id] = Decimal(0)
            visit(child, [*path, node])

    visit(tree, [])
    return out


def node_values(
    tree: Node, given: Mapping[str, Decimal], agency: str, decimals: int, adjusted: set[str], rounding: str
) -> tuple[dict[str, Decimal], dict[str, Fraction]]:
    """Every node's score (rounded once) and its exact value: given, or made from its children; refusals as the
    documented semantics say."""
    q = Decimal(1).scaleb(-decimals)
    values: dict[str, Decimal] = {}
    exact: dict[str, Fraction] = {}
    partial: set[str] = set()

    def scored_below(node: Node) -> bool:
        return any(below.id in values for below in node.walk())

    def topmost(node: Node, want_scored: bool) -> list[str]:
        out: list[str] = []
        for child in node.children:
            if child.id in values:
                if want_scored:
                    out.append(child.id)
            elif child.is_leaf or not scored_below(child):
                if not want_scored:
                    out.append(child.id)
            else:
                out.extend(topmost(child, want_scored))
        return out

    def visit(node: Node) -> None:
        for child in node.children:
            visit(child)
        mine = given.get(node.id)
        if node.is_leaf:
            if mine is not None:
                values[node.id] = mine
                exact[node.id] = Fraction(mine)
            return
        if all(child.id in values for child in node.children):
            exact[node.id] = combine(node, [exact[child.id] for child in node.children])
            total = _rounded(exact[node.id], decimals, rounding)
            if mine is not None and mine != total and node.aggregate != "sum":
                how = "mean" if node.aggregate == "mean" else "weighted mean"
                parts = " + ".join(f"{child.id} {values[child.id].quantize(q)}" for child in node.children)
                raise InputError(
                    f"the given score {mine.quantize(q)} differs from the {how} of its children "
                    f"({parts} → {total.quantize(q)})",
                    agency=agency,
                    node=node.id,
                )
            if mine is not None and mine != total:
                parts = " + ".join(f"{child.id} {values[child.id].quantize(q)}" for child in node.children)
                raise InputError(
                    f"the score given for this node ({mine.quantize(q)}) disagrees with the sum of its sub-criteria "
                    f"({parts} = {total.quantize(q)})"
                    + (" after rules adjusted " + ", ".join(sorted(adjusted)) if adjusted else ""),
                    agency=agency,
                    node=node.id,
                )
            values[node.id] = total
        elif any(child.id in values or child.id in partial for child in node.children):
            if mine is not None:
                raise InputError(
                    f"the node is given together with some of its sub-criteria ({', '.join(topmost(node, True))}) "
                    f"but not all ({', '.join(topmost(node, False))} missing); give every sub-criterion or none",
                    agency=agency,
                    node=node.id,
                )
            partial.add(node.id)
        elif mine is not None:
            values[node.id] = mine
            exact[node.id] = Fraction(mine)

    visit(tree)
    if tree.id not in values:
        missing: list[str] = []

        def find(node: Node) -> None:
            if node.id in values:
                return
            if node.is_leaf or not scored_below(node):
                missing.append(node.id)
                return
            for child in node.children:
                find(child)

        find(tree)
        hint = "" if all(tree.find(m).is_leaf for m in missing) else "; give each node or all of its sub-criteria"  # type: ignore[union-attr]
        raise InputError(
            f"no score for {', '.join(repr(m) for m in missing)}{hint} (an empty cell is 'not given', not 0)",
            agency=agency,
            node=missing[0],
        )
    return {node_id: value.quantize(q) for node_id, value in values.items()}, exact


def place(value: Decimal, agency: str, others: Sequence[tuple[str, Decimal]], policy: TiePolicy) -> Any:
    """One agency's rank among ``others`` (itself included), counted naively."""
    above = sum(1 for _a, v in others if v > value)
    tied = sum(1 for _a, v in others if v == value)
    if policy is TiePolicy.DENSE:
        return 1 + len({v for _a, v in others if v > value})
    if policy is TiePolicy.COMPETITION:
        return above + 1
    if policy is TiePolicy.MODIFIED_COMPETITION:
        return above + tied
    if policy is TiePolicy.ORDINAL:
        return above + 1 + sum(1 for a, v in others if v == value and a < agency)
    total = 2 * above + tied + 1
    return total // 2 if total % 2 == 0 else Decimal(total) / 2


def _rank_on(
    node_id: str,
    agency: str,
    members: Sequence[Assessment],
    values: Mapping[str, Mapping[str, Any]],
    policy: TiePolicy,
) -> Any:
    column = [(m.agency.id, values[m.agency.id][node_id]) for m in members]
    return place(values[agency][node_id], agency, column, policy)


def reference(rubric: Rubric, cohort: Sequence[Assessment], rules: Sequence[Rule]) -> Reference:
    """The result of scoring ``cohort``, one agency at a time."""
    order = {group_id: position for position, group_id in enumerate(rubric.group_ids)}
    current = sorted(cohort, key=lambda a: (order[a.agency.group], a.agency.id))
    excluded: dict[str, str] = {}
    adjustments: list[Adjustment] = []
    scale: Scale | None = None
    for rule in rules:
        outcome = rule.apply(Context(rubric, [a for a in current if a.agency.id not in excluded]))  # type: ignore[arg-type]
        for agency_id, reason in outcome.excluded.items():
            excluded.setdefault(agency_id, reason)
        if outcome.scale is not None:
            scale = outcome.scale
        changes: dict[str, dict[str, Decimal]] = {}
        for adj in outcome.adjustments:
            changes.setdefault(adj.agency, {})[adj.node] = adj.after
        current = [
            attrs.evolve(a, scores={**a.scores, **changes[a.agency.id]}) if a.agency.id in changes else a
            for a in current
        ]
        adjustments.extend(outcome.adjustments)
    changed: dict[str, set[str]] = {}
    for adj in adjustments:
        changed.setdefault(adj.agency, set()).add(adj.node)
    kept = [a for a in current if a.agency.id not in excluded]
    both = {
        a.agency.id: node_values(
            rubric.tree(a.agency.group),
            _fill_zero_leaves(rubric.tree(a.agency.group), a.scores),
            a.agency.id,
            rubric.decimals,
            changed.get(a.agency.id, set()),
            rubric.rounding,
        )
        for a in kept
    }
    values = {agency: pair[0] for agency, pair in both.items()}
    # the value ranked: the exact one (rank_on: unrounded), else as scored
    ranked_on = {agency: pair[1] if rubric.rank_on == "unrounded" else pair[0] for agency, pair in both.items()}
    rows: list[Row] = []
    for group in rubric.groups:
        members = [a for a in kept if a.agency.group == group.id]
        ranked = [
            node.id
            for node in group.tree.walk()
            if node is not group.tree and all(node.id in values[a.agency.id] for a in members)
        ]
        group_rows = []
        for a in members:
            mine = values[a.agency.id]
            total = mine[group.tree.id]

            normalised = None
            if scale is not None:
                with exact_context():
                    normalised = divide(total * scale.numerator, scale.denominator, scale.decimals, scale.rounding)
            group_rows.append(
                Row(
                    agency=a.agency.id,
                    group=group.id,
                    total=total,
                    band=None if rubric.bands is None else rubric.bands.classify(total).id,
                    rank=_rank_on(group.tree.id, a.agency.id, members, ranked_on, rubric.tie_policy),
                    scores=mine,
                    node_ranks={
                        node_id: _rank_on(node_id, a.agency.id, members, ranked_on, rubric.tie_policy)
                        for node_id in ranked
                    },
                    normalised=normalised,
                )
            )
        group_rows.sort(key=lambda row: (row.rank, row.agency))
        rows.extend(group_rows)
    return Reference(rows, excluded, adjustments)
