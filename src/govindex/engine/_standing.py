"""Node scores as they stand when a rule runs, read through the engine's one sum."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import NDArray

from govindex.assessment import Assessment
from govindex.engine._aggregate import standing
from govindex.engine._layout import Layout, layout_of
from govindex.points import _EXACT, from_scaled, to_scaled
from govindex.rubric import Group, Node, Rubric

__all__ = ["CurrentScores"]

_Group = tuple[Layout, dict[str, int], NDArray[Any], NDArray[np.bool_], NDArray[np.int64]]


class CurrentScores:
    """The scores of a cohort's nodes as they stand: given, or the sum of the children, or ``None``.

    Built lazily per group, on the first question about it.
    """

    def __init__(self, rubric: Rubric, assessments: Iterable[Assessment]) -> None:
        self._rubric = rubric
        self._assessments = {assessment.agency.id: assessment for assessment in assessments}
        self._groups: dict[str, _Group] = {}

    def score(self, assessment: Assessment, node: Node) -> Decimal | None:
        given = assessment.scores.get(node.id)
        if given is not None or node.is_leaf:
            return given
        group = self._rubric.group(assessment.agency.group) if self._assessments else None
        if group is None or self._assessments.get(assessment.agency.id) is not assessment:
            return _alone(self._rubric, assessment, node)
        layout = layout_of(group, self._rubric.decimals)
        position = layout.index.get(node.id)
        if position is None or layout.nodes[position] is not node:
            return _alone(self._rubric, assessment, node)
        found = self._groups.get(group.id)
        if found is None:
            members = [a for a in self._assessments.values() if a.agency.group == group.id]
            found = self._groups[group.id] = _columns(layout, members, self._rubric.rounding)
        _layout, rows, values, have, exps = found
        row = rows[assessment.agency.id]
        if not have[row, position]:
            return None
        return _decimal(int(values[row, position]), int(exps[row, position]), self._rubric.decimals)


def _decimal(scaled: int, exponent: int, decimals: int) -> Decimal:
    return from_scaled(scaled, decimals).quantize(Decimal(1).scaleb(exponent), context=_EXACT)


def _columns(layout: Layout, members: list[Assessment], rounding: str) -> _Group:
    """The members' scores as columns (every score was checked: no more decimals than the rubric's)."""
    count = len(members)
    values = np.zeros((count, layout.width), dtype=object)
    given = np.zeros((count, layout.width), dtype=np.bool_)
    exponents = np.zeros((count, layout.width), dtype=np.int64)
    rows: dict[str, int] = {}
    for row, assessment in enumerate(members):
        rows[assessment.agency.id] = row
        for node_id, value in assessment.scores.items():
            position = layout.index.get(node_id)
            if position is None:
                continue
            exponent = value.as_tuple().exponent
            assert isinstance(exponent, int)
            values[row, position] = to_scaled(value, layout.decimals)
            exponents[row, position] = exponent
            given[row, position] = True
    sums, have, exps = standing(layout, values, given, exponents, rounding)
    assert exps is not None
    return layout, rows, sums, have, exps


def _alone(rubric: Rubric, assessment: Assessment, node: Node) -> Decimal | None:
    """One assessment on a node of any tree (a rule may ask about a node of another group)."""
    decimals = rubric.decimals
    layout = layout_of(Group("standing", "standing", node), decimals)
    _layout, _rows, values, have, exps = _columns(layout, [assessment], rubric.rounding)
    if not have[0, 0]:
        return None
    return _decimal(int(values[0, 0]), int(exps[0, 0]), decimals)
