"""Ranks by counting over the small range of scaled integer scores; a stable sort when the range is wide."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import NDArray

from govindex.ranking import Rank, TiePolicy

__all__ = ["rank_columns", "rank_denominator", "rank_of", "rank_values"]

#: Count over at most this many bins per column (or four per agency, when more).
_COUNTING_BINS = 1 << 20
#: Scores ranked together in one pass (columns x agencies).
_BLOCK = 1 << 19


def rank_denominator(policy: TiePolicy) -> int:
    """Ranks are stored as integers: the rank itself, or twice it under ``FRACTIONAL`` (2.5 is 5)."""
    return 2 if policy is TiePolicy.FRACTIONAL else 1


def rank_of(stored: int, denominator: int) -> Rank:
    """A stored rank as a :data:`~govindex.ranking.Rank`: an int, or a Decimal such as 2.5."""
    if denominator == 1 or stored % 2 == 0:
        return stored // denominator
    return Decimal(stored) / 2


def rank_values(column: NDArray[Any], policy: TiePolicy) -> NDArray[np.int64]:
    """The rank of each score, higher first, rows in agency-id order (the ``ORDINAL`` tie-break).

    The result holds integer ranks, twice the rank under ``FRACTIONAL``.
    """
    count = column.shape[0]
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    if policy is TiePolicy.ORDINAL:
        order = np.argsort(-column, kind="stable")
        ranks = np.empty(count, dtype=np.int64)
        ranks[order] = np.arange(1, count + 1, dtype=np.int64)
        return ranks
    if column.dtype != object:
        top = int(column.max())
        span = top - int(column.min()) + 1
        if span <= max(_COUNTING_BINS, 4 * count):
            # bin 0 holds the best score
            slot = top - column
            counts = np.bincount(slot, minlength=span)
            ranked: NDArray[np.int64] = _places(counts, policy)[slot]
            return ranked
    _distinct, slot, counts = np.unique(-column, return_inverse=True, return_counts=True)
    places: NDArray[np.int64] = _places(counts.astype(np.int64), policy)[slot.reshape(-1)]
    return places


def rank_columns(values: NDArray[Any], positions: list[int], policy: TiePolicy) -> list[NDArray[np.int64]]:
    """:func:`rank_values` for several columns of ``values`` at once.

    The columns whose range of scores is small are ranked together: their
    bins laid end to end, one count over all of them, then each bin's place
    within its own column.
    """
    count = values.shape[0]
    if count == 0 or policy is TiePolicy.ORDINAL or values.dtype == object or not positions:
        return [rank_values(values[:, j], policy) for j in positions]
    # a few columns at a time, so that the work stays in the processor's cache on large cohorts
    step = max(1, _BLOCK // count)
    if len(positions) > step:
        out: list[NDArray[np.int64]] = []
        for start in range(0, len(positions), step):
            out.extend(rank_columns(values, positions[start : start + step], policy))
        return out
    by_node = values.T[positions]  # columns x agencies
    tops = by_node.max(axis=1)
    spans = tops - by_node.min(axis=1) + 1
    if int(spans.sum()) > max(_COUNTING_BINS, 4 * count * len(positions)):
        return [rank_values(values[:, j], policy) for j in positions]
    starts = np.cumsum(spans) - spans
    slot = (tops + starts)[:, None] - by_node  # bins of one column end to end, its best score first
    counts = np.bincount(slot.ravel(), minlength=int(spans.sum()))
    column_of = np.repeat(np.arange(len(positions)), spans)
    if policy is TiePolicy.DENSE:
        seen = np.cumsum(counts > 0, dtype=np.int64)
        places = seen - (seen[starts] - (counts[starts] > 0))[column_of]
    else:
        running = np.cumsum(counts, dtype=np.int64)
        before = running - counts - (running[starts] - counts[starts])[column_of]
        if policy is TiePolicy.COMPETITION:
            places = before + 1
        elif policy is TiePolicy.MODIFIED_COMPETITION:
            places = before + counts
        else:
            places = 2 * before + counts + 1
    ranked = places.astype(np.int32)[slot] if count < 2**30 else places[slot]  # half the memory for the ranks
    return [ranked[k] for k in range(len(positions))]


def _places(counts: NDArray[np.int64], policy: TiePolicy) -> NDArray[np.int64]:
    """The rank of each bin, bins ordered best first, from how many agencies each holds."""
    if policy is TiePolicy.DENSE:
        return np.cumsum(counts > 0, dtype=np.int64)
    before = np.cumsum(counts, dtype=np.int64) - counts
    if policy is TiePolicy.COMPETITION:
        return before + 1
    if policy is TiePolicy.MODIFIED_COMPETITION:
        return before + counts
    return 2 * before + counts + 1  # FRACTIONAL, doubled: the mean of before+1 .. before+count
