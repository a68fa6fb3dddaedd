"""A scored group as read-only columns, and the per-agency views made from them when read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from govindex.agency import Agency
from govindex.assessment import Source
from govindex.bands import BandScheme
from govindex.engine._layout import Layout
from govindex.engine._rank import rank_of
from govindex.engine._table import GroupTable, Points
from govindex.ranking import Rank
from govindex.views import Publication

__all__ = ["Columns", "NodeRanks", "NodeScores", "ViewColumns"]


@attrs.frozen(eq=False)
class ViewColumns:
    """One view of a group (an aggregate that overlaps the tree): scaled points, whether each agency has them, ranks."""

    points: NDArray[Any]
    has: NDArray[np.bool_]
    ranks: NDArray[np.int64]
    maximum: Decimal
    publication: Publication


@attrs.frozen(eq=False)
class Columns:
    """One ranking group's result as columns (for fast writers and analysis).

    - ``agencies`` / ``agency_ids``: the agencies scored, ordered by id;
    - ``node_ids``: the group's nodes depth-first (parents first), the root first;
    - ``decimals``: the rubric's; ``scores[i, j]`` is agency ``i``'s score on
      node ``j`` times ``10**decimals`` (an ``int64`` array, or ``object``
      holding Python integers when a total would not fit in 64 bits);
    - ``given[i, j]``: whether agency ``i`` has a score on node ``j``;
    - ``ranks``: per ranked node id (the root for the total, then every node
      that all agencies of the group have a score for), an integer array of
      ranks, stored times ``rank_denominator`` (2 under the fractional tie
      policy, where 2.5 is stored as 5, else 1);
    - ``band``: per agency the position of its band in ``bands.bands``
      (``None`` for a rubric without bands);
    - ``order``: the rows best first (by rank, then agency id);
    - ``views``: per view of the rubric, its scaled points, whether each
      agency has them, and the ranks (:class:`ViewColumns`).

    Every array is read-only.
    """

    layout: Layout = attrs.field(repr=False)
    agencies: tuple[Agency, ...]
    scores: NDArray[Any]
    given: NDArray[np.bool_]
    ranks: Mapping[str, NDArray[np.int64]]
    rank_denominator: int
    band: NDArray[np.intp] | None
    bands: BandScheme | None
    order: NDArray[np.intp]
    sources: tuple[Source, ...] = attrs.field(repr=False)
    _table: GroupTable = attrs.field(repr=False, alias="table")
    _rows: NDArray[np.intp] = attrs.field(repr=False, alias="rows")
    _points: Points = attrs.field(repr=False, alias="points")
    views: Mapping[str, ViewColumns] = attrs.field(factory=dict, repr=False)
    publication: Publication | None = attrs.field(default=None, repr=False)

    @property
    def group_id(self) -> str:
        return self.layout.group_id

    @property
    def agency_ids(self) -> tuple[str, ...]:
        return tuple(agency.id for agency in self.agencies)

    @property
    def node_ids(self) -> tuple[str, ...]:
        return self.layout.ids

    @property
    def decimals(self) -> int:
        return self.layout.decimals

    @property
    def totals(self) -> NDArray[Any]:
        """The scaled totals (the root's column)."""
        return self.scores[:, 0]

    def __len__(self) -> int:
        return len(self.agencies)

    def point(self, scaled: int) -> Decimal:
        """A scaled score as points, with the rubric's decimals."""
        return self._points[scaled]

    def rank(self, node_id: str, row: int) -> Rank:
        return rank_of(int(self.ranks[node_id][row]), self.rank_denominator)

    def raw(self, row: int) -> Mapping[str, Decimal]:
        """Agency ``row``'s scores as given, before any rule (read-only)."""
        return self._table.given_scores(int(self._rows[row]), self._points)


class NodeScores(Mapping[str, Decimal]):
    """One agency's node scores, read from the columns (read-only)."""

    __slots__ = ("_columns", "_row")

    def __init__(self, columns: Columns, row: int) -> None:
        self._columns = columns
        self._row = row

    def __getitem__(self, node_id: str) -> Decimal:
        columns = self._columns
        position = columns.layout.index.get(node_id)
        if position is None or not columns.given[self._row, position]:
            raise KeyError(node_id)
        return columns.point(columns.scores[self._row, position])

    def __iter__(self) -> Iterator[str]:
        ids = self._columns.layout.ids
        return (ids[j] for j in np.flatnonzero(self._columns.given[self._row]).tolist())

    def __len__(self) -> int:
        return int(self._columns.given[self._row].sum())

    def __repr__(self) -> str:
        return repr(dict(self))


class NodeRanks(Mapping[str, Rank]):
    """One agency's ranks on the nodes that every agency of its group has a score for (read-only)."""

    __slots__ = ("_columns", "_row")

    def __init__(self, columns: Columns, row: int) -> None:
        self._columns = columns
        self._row = row

    def __getitem__(self, node_id: str) -> Rank:
        if node_id == self._columns.layout.ids[0] or node_id not in self._columns.ranks:
            raise KeyError(node_id)
        return self._columns.rank(node_id, self._row)

    def __iter__(self) -> Iterator[str]:
        root = self._columns.layout.ids[0]
        return (node_id for node_id in self._columns.ranks if node_id != root)

    def __len__(self) -> int:
        return len(self._columns.ranks) - 1

    def __repr__(self) -> str:
        return repr(dict(self))


def read_only(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return (
        mapping if isinstance(mapping, (MappingProxyType, NodeScores, NodeRanks)) else MappingProxyType(dict(mapping))
    )
