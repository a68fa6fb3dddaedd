"""The exact columnar engine (bộ máy tính điểm): scaled integers per group, numpy for the column work.

A cohort is held per agency group as a matrix of scores times
``10**rubric.decimals`` with a mask of the cells given
(:class:`ScoreTable`); nodes are laid out depth-first, so every node's
leaves are contiguous and one cumulative sum gives every sum. Ranks are
counted over the small range of integer scores, bands compared with bounds
scaled and rounded up. ``Decimal`` appears only at the edges: errors,
explanations, output.

Exactness guards: a scaled total that would not fit in 64 bits is carried in
Python integers; a score with more decimals than the rubric allows is
refused, never rounded; every cell is checked against 0 and its maximum
before any sum; a float is refused everywhere.

This package imports numpy; :mod:`govindex` imports it only on the first
scoring call.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govindex.engine._layout import Layout, layout_of

if TYPE_CHECKING:
    from govindex.engine._aggregate import aggregate, standing
    from govindex.engine._band import band_index, scaled_bound
    from govindex.engine._columns import Columns, NodeRanks, NodeScores
    from govindex.engine._rank import rank_denominator, rank_of, rank_values
    from govindex.engine._table import GroupTable, Points, ScoreTable, value_dtype

__all__ = [
    "Columns",
    "GroupTable",
    "Layout",
    "NodeRanks",
    "NodeScores",
    "Points",
    "ScoreTable",
    "aggregate",
    "band_index",
    "layout_of",
    "rank_denominator",
    "rank_of",
    "rank_values",
    "scaled_bound",
    "standing",
    "value_dtype",
]

# The names that need numpy, loaded on first use: importing this package
# (or its pure layout module) stays light.
_LAZY = {
    "aggregate": "_aggregate",
    "standing": "_aggregate",
    "band_index": "_band",
    "scaled_bound": "_band",
    "Columns": "_columns",
    "NodeRanks": "_columns",
    "NodeScores": "_columns",
    "rank_denominator": "_rank",
    "rank_of": "_rank",
    "rank_values": "_rank",
    "GroupTable": "_table",
    "Points": "_table",
    "ScoreTable": "_table",
    "value_dtype": "_table",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
