"""A group's tree laid out for column work: nodes depth-first, every subtree's leaves contiguous.

Pure Python (no numpy), so that the readers and :func:`govindex.scoring.check_assessment`
can use the node index without loading the array library.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from govindex.aggregation import denominators, integer_factors
from govindex.points import to_scaled
from govindex.rubric import Group, Node

__all__ = ["Layout", "layout_of"]


@attrs.frozen(eq=False)
class Layout:
    """The nodes of one group's tree, parents before children (``group.node_ids`` order).

    In this depth-first order every node's subtree is a contiguous run of
    positions, and so are its leaves: node ``j`` covers the leaves
    ``leaves[leaf_start[j]:leaf_end[j]]`` (and its subtree the positions
    ``j`` to ``subtree_end[j] - 1``), so one cumulative sum over the
    leaves gives every node's sum. ``maxima`` are the nodes' maxima times
    ``10**decimals``; ``postorder`` lists the positions children first, in
    the order today's checks report problems.
    """

    group_id: str
    decimals: int
    nodes: tuple[Node, ...]
    ids: tuple[str, ...]
    index: Mapping[str, int]
    children: tuple[tuple[int, ...], ...]
    leaves: tuple[int, ...]
    leaf_start: tuple[int, ...]
    leaf_end: tuple[int, ...]
    subtree_end: tuple[int, ...]
    postorder: tuple[int, ...]
    maxima: tuple[int, ...]
    #: each node's value is an integer over this denominator (1 everywhere in a tree of sums)
    denominators: tuple[int, ...] = ()
    #: per node, the integer each child's numerator is multiplied by (empty in a tree of sums)
    factors: tuple[tuple[int, ...], ...] = ()

    @property
    def plain(self) -> bool:
        """Whether every node is the sum of its children (the fast path)."""
        return not self.factors

    @property
    def exact_maxima(self) -> tuple[int, ...]:
        """Each node's largest numerator over its denominator."""
        if self.plain:
            return self.maxima
        return tuple(m * d for m, d in zip(self.maxima, self.denominators, strict=True))

    @property
    def root(self) -> int:
        return 0

    @property
    def width(self) -> int:
        return len(self.nodes)

    def node(self, position: int) -> Node:
        return self.nodes[position]


def _build(group: Group, decimals: int) -> Layout:
    nodes: list[Node] = []
    children: list[list[int]] = []
    leaves: list[int] = []
    leaf_start: list[int] = []
    leaf_end: list[int] = []
    subtree_end: list[int] = []
    postorder: list[int] = []

    def visit(node: Node) -> int:
        position = len(nodes)
        nodes.append(node)
        children.append([])
        leaf_start.append(len(leaves))
        leaf_end.append(0)
        subtree_end.append(0)
        if node.is_leaf:
            leaves.append(position)
        for child in node.children:
            children[position].append(visit(child))
        leaf_end[position] = len(leaves)
        subtree_end[position] = len(nodes)
        postorder.append(position)
        return position

    visit(group.tree)
    ids = tuple(node.id for node in nodes)
    plain = all(node.aggregate == "sum" for node in nodes)
    below = [] if plain else denominators(nodes, children, postorder)
    factors = (
        ()
        if plain
        else tuple(
            integer_factors(node, below[j], [below[c] for c in children[j]]) if children[j] else ()
            for j, node in enumerate(nodes)
        )
    )
    return Layout(
        group_id=group.id,
        decimals=decimals,
        nodes=tuple(nodes),
        ids=ids,
        index=MappingProxyType({node_id: position for position, node_id in enumerate(ids)}),
        children=tuple(tuple(c) for c in children),
        leaves=tuple(leaves),
        leaf_start=tuple(leaf_start),
        leaf_end=tuple(leaf_end),
        subtree_end=tuple(subtree_end),
        postorder=tuple(postorder),
        maxima=tuple(to_scaled(node.max_points, decimals) for node in nodes),
        denominators=tuple(below) if below else (1,) * len(nodes),
        factors=factors,
    )


_CACHE: dict[tuple[int, int], Layout] = {}


def layout_of(group: Group, decimals: int) -> Layout:
    """The group's layout, built once per group object (and dropped with it)."""
    key = (id(group), decimals)
    found = _CACHE.get(key)
    if found is not None:
        return found
    made = _build(group, decimals)
    _CACHE[key] = made
    weakref.finalize(group, _CACHE.pop, key, None)
    return made
