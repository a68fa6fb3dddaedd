"""Which value is ranked (``rank_on``): the exact value of a mean, or the value as published."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from govindex.engine._aggregate import round_column
from govindex.engine._layout import Layout

if TYPE_CHECKING:
    from govindex.engine._group import GroupScores
    from govindex.rubric import Rubric

__all__ = ["publication_column", "ranked_values"]


def publication_column(rubric: Rubric, layout: Layout, values: NDArray[Any], j: int) -> NDArray[Any] | None:
    """Node ``j``'s values as the rubric publishes them, as integers at the publication's decimals
    (``None``: the rubric publishes the values as scored, or the node is worth nothing)."""
    publication = rubric.publication
    maximum = layout.nodes[j].max_points
    if publication is None or maximum == 0:
        return None
    # published = points / maximum × scale at `decimals`: scaled value × a / b, rounded once
    ratio = Fraction(publication.scale) * 10**publication.decimals / (Fraction(maximum) * 10**rubric.decimals)
    numerators = values[:, j].astype(object) * ratio.numerator
    return round_column(numerators, ratio.denominator, publication.rounding)


def ranked_values(
    rubric: Rubric, layout: Layout, scores: GroupScores, positions: Sequence[int]
) -> dict[int, NDArray[Any]]:
    """The columns to rank instead of the scored values, by node position.

    ``rank_on: unrounded``: a mean's exact numerators (one denominator per
    node, so their order is the exact values' order); ``published``: the
    values as printed, so that values printed alike share a place.
    """
    out: dict[int, NDArray[Any]] = {}
    if rubric.rank_on == "unrounded":
        if scores.exact is None:
            return out
        for j in positions:
            if layout.denominators[j] != 1:
                out[j] = np.asarray(scores.exact[:, j])
        return out
    for j in positions:
        column = publication_column(rubric, layout, scores.values, j)
        if column is not None:
            out[j] = column
    return out
