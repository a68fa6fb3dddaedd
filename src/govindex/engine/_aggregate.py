"""A node is its given value or the sum of its children: the one implementation, for a whole group at once.

Scoring uses it strictly (a node given together with its children must
agree with their sum; a node given with only some of them is refused; every
agency needs a total); the methodology rules use it leniently, to read a
node's score as it stands before those checks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from govindex.aggregation import round_ratio
from govindex.catalogue.indices import AggregateText, AggregateWords
from govindex.catalogue.scoring import ScoreText, Terms
from govindex.engine._layout import Layout
from govindex.engine._table import Points
from govindex.errors import InputError

__all__ = ["Sums", "aggregate", "aggregate_exact", "round_column", "standing"]

Sums = tuple[NDArray[Any], NDArray[np.bool_]]

#: Scores added up together in one block (leaves x agencies).
_BLOCK = 1 << 19


def _leaf_sums(layout: Layout, values: NDArray[Any]) -> NDArray[Any]:
    """Every node's sum in one pass: a cumulative sum over the leaves, depth-first."""
    count = values.shape[0]
    by_node = values.T  # nodes x agencies: contiguous rows when the table is column-major
    leaves, ends, starts = list(layout.leaves), list(layout.leaf_end), list(layout.leaf_start)
    sums = np.empty((layout.width, count), dtype=values.dtype)
    # a block of agencies at a time, so that the running sums stay in the processor's cache
    step = max(1024, _BLOCK // max(1, len(leaves)))
    for first in range(0, count, step):
        block = slice(first, min(count, first + step))
        running = np.zeros((len(leaves) + 1, block.stop - block.start), dtype=values.dtype)
        np.cumsum(by_node[leaves, block], axis=0, out=running[1:])
        np.subtract(running[ends], running[starts], out=sums[:, block])
    out: NDArray[Any] = sums.T
    return out


def _only_leaves(layout: Layout, given: NDArray[np.bool_]) -> bool:
    """Whether every agency gives exactly the leaves (the common case)."""
    by_node = given.T
    if len(layout.leaves) == layout.width:
        return bool(by_node.all())
    internal = [j for j in range(layout.width) if layout.children[j]]
    return bool(by_node[list(layout.leaves)].all()) and not bool(by_node[internal].any())


def standing(
    layout: Layout,
    values: NDArray[Any],
    given: NDArray[np.bool_],
    exponents: NDArray[np.int64] | None = None,
    rounding: str = "ROUND_HALF_UP",
) -> tuple[NDArray[Any], NDArray[np.bool_], NDArray[np.int64] | None]:
    """Every node's score as it stands: its given value, else the sum of its children when all have one.

    Used by rules, before any consistency check: a given value wins. With
    ``exponents`` (the decimal exponent of each given value), a sum also
    carries the exponent a Decimal sum of its parts would have (the least of
    theirs), so that a rule shows ``45.5`` as written, not ``45.50``; a mean
    carries the rubric's decimals, rounded once with ``rounding``.
    """
    out = values.copy(order="F")
    have = given.copy(order="F")
    exps = None if exponents is None else exponents.copy(order="F")
    exact = None if layout.plain else values.astype(object) * 1
    for j in layout.postorder:
        children = list(layout.children[j])
        if not children:
            continue
        complete = have[:, children].all(axis=1) & ~given[:, j]
        if exact is not None:
            denominator = layout.denominators[j]
            numerators = sum(
                (exact[:, c] * factor for factor, c in zip(layout.factors[j], children, strict=True)),
                np.zeros(values.shape[0], dtype=object),
            )
            exact[:, j] = np.where(complete, numerators, exact[:, j] * denominator)
            if complete.any():
                out[complete, j] = round_column(numerators[complete], denominator, "ROUND_HALF_UP")
        elif complete.any():
            out[complete, j] = out[complete][:, children].sum(axis=1)
        if exps is not None and complete.any():
            exps[complete, j] = exps[complete][:, children].min(axis=1)
        have[:, j] |= complete
    return out, have, exps


def round_column(numerators: NDArray[Any], denominator: int, rounding: str) -> NDArray[Any]:
    """Non-negative integers over ``denominator``, each rounded once to an integer with ``rounding``."""
    if denominator == 1:
        return numerators
    if numerators.dtype == object:
        return np.array([round_ratio(int(n), denominator, rounding) for n in numerators], dtype=object)
    quotient, remainder = np.divmod(numerators, denominator)
    twice = 2 * remainder
    if rounding == "ROUND_HALF_UP":
        up = twice >= denominator
    elif rounding == "ROUND_HALF_DOWN":
        up = twice > denominator
    elif rounding == "ROUND_HALF_EVEN":
        up = (twice > denominator) | ((twice == denominator) & (quotient % 2 == 1))
    elif rounding in ("ROUND_UP", "ROUND_CEILING"):
        up = remainder > 0
    elif rounding == "ROUND_05UP":
        up = (remainder > 0) & np.isin(quotient % 10, (0, 5))
    else:
        up = np.zeros(numerators.shape, dtype=np.bool_)
    out: NDArray[Any] = quotient + up.astype(quotient.dtype)
    return out


#: Exact numerators below this bound stay in 64-bit integers.
_INT64_SAFE = 2**62


def aggregate_exact(
    layout: Layout,
    values: NDArray[Any],
    given: NDArray[np.bool_],
    agencies: Sequence[str],
    points: Points,
    adjusted: Callable[[str], set[str]] = lambda _agency: set(),
    rounding: str = "ROUND_HALF_UP",
) -> tuple[NDArray[Any], NDArray[np.bool_], NDArray[Any] | None]:
    """:func:`aggregate` with the exact numerators: every node's value rounded once (with ``rounding``) at the
    rubric's decimals, whether it has one, and each node's numerator over ``layout.denominators`` (``None`` in a
    tree of sums, where the values are exact)."""
    if layout.plain:
        out, have = aggregate(layout, values, given, agencies, points, adjusted)
        return out, have, None
    if values.dtype != object and max(layout.exact_maxima) >= _INT64_SAFE:
        values = values.astype(object)
    exact = values.copy(order="F")

    def combine(j: int, children: list[int], out: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any]]:
        numerators = np.zeros(values.shape[0], dtype=values.dtype)
        for factor, c in zip(layout.factors[j], children, strict=True):
            numerators = numerators + exact[:, c] * factor
        return round_column(numerators, layout.denominators[j], rounding), numerators

    def keep(j: int, complete: NDArray[np.bool_], numerators: NDArray[Any]) -> None:
        own = np.where(given[:, j], values[:, j] * layout.denominators[j], 0)
        exact[:, j] = np.where(complete, numerators, own)

    out, have = _bottom_up(layout, values, given, agencies, points, adjusted, combine, keep)
    return out, have, exact


def aggregate(
    layout: Layout,
    values: NDArray[Any],
    given: NDArray[np.bool_],
    agencies: Sequence[str],
    points: Points,
    adjusted: Callable[[str], set[str]] = lambda _agency: set(),
) -> Sums:
    """Every node's score for every agency of the group (and whether it has one), checked; refuses the first agency whose scores do not add up.

    Bottom-up, a node's score is its given value or the sum of its
    children's. A node given together with all its children must agree with
    their sum; a node given together with only some of them is refused (the
    others' scores would be lost); every agency needs a total. A tree with means is made exactly and
    rounded once, half up (:func:`aggregate_exact` takes the rubric's rounding).
    """
    if not layout.plain:
        out, have, _exact = aggregate_exact(layout, values, given, agencies, points, adjusted)
        return out, have
    if _only_leaves(layout, given):
        everywhere: NDArray[np.bool_] = np.broadcast_to(np.True_, given.shape)  # read-only, no memory
        return _leaf_sums(layout, values), everywhere

    def combine(_j: int, children: list[int], out: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any]]:
        sums = out[:, children].sum(axis=1) if values.shape[0] else np.zeros(0, dtype=values.dtype)
        return sums, sums

    return _bottom_up(layout, values, given, agencies, points, adjusted, combine, None)


#: A node's value from its children's, for every agency: (the value, its exact numerator), from the index of the
#: node, its children's and the values so far.
Combine = Callable[[int, list[int], NDArray[Any]], tuple[NDArray[Any], NDArray[Any]]]


def _bottom_up(
    layout: Layout,
    values: NDArray[Any],
    given: NDArray[np.bool_],
    agencies: Sequence[str],
    points: Points,
    adjusted: Callable[[str], set[str]],
    combine: Combine,
    keep: Callable[[int, NDArray[np.bool_], NDArray[Any]], None] | None,
) -> Sums:
    """Each node bottom-up: its children's values combined where all have one, else its own given value;
    a node given beside its children must agree with them. Refuses the first agency that does not add up."""
    out = values.copy(order="F")
    have = given.copy(order="F")
    partial = np.zeros(given.shape, dtype=np.bool_)
    wrong = np.zeros(given.shape, dtype=np.bool_)
    for j in layout.postorder:
        children = list(layout.children[j])
        if not children:
            continue
        complete: NDArray[np.bool_] = np.asarray(have[:, children].all(axis=1))
        some = have[:, children].any(axis=1) | partial[:, children].any(axis=1)
        mine = given[:, j]
        combined, numerators = combine(j, children, out)
        wrong[:, j] = mine & ((complete & (combined != values[:, j])) | (~complete & some))
        partial[:, j] = ~complete & some
        if keep is not None:
            keep(j, complete, numerators)
        out[:, j] = np.where(complete, combined, np.where(mine, values[:, j], 0))
        have[:, j] = complete | (mine & ~some)
    failed = wrong.any(axis=1) | ~have[:, 0]
    if failed.any():
        row = int(np.flatnonzero(failed)[0])
        raise _problem(
            layout, agencies[row], values[row], given[row], out[row], have[row], wrong[row], points, adjusted
        )
    return out, have


def _problem(
    layout: Layout,
    agency: str,
    values: NDArray[Any],
    given: NDArray[np.bool_],
    out: NDArray[Any],
    have: NDArray[np.bool_],
    wrong: NDArray[np.bool_],
    points: Points,
    adjusted: Callable[[str], set[str]],
) -> InputError:
    ids = layout.ids
    for j in layout.postorder:
        if not wrong[j]:
            continue
        children = layout.children[j]
        where: dict[str, Any] = {"agency": agency, "node": ids[j], "node_name": layout.nodes[j].name}
        if all(have[c] for c in children):
            changed = adjusted(agency)
            parts = Terms(tuple((ids[c], points[out[c]]) for c in children))
            sums: dict[str, Any] = {"given": points[values[j]], "parts": parts, "total": points[out[j]]}
            method = layout.nodes[j].aggregate
            if method != "sum":
                how = AggregateWords.MEAN_WORD if method == "mean" else AggregateWords.WEIGHTED_WORD
                return InputError(AggregateText.AGGREGATE_DIFFERS, how=how, **sums, **where)
            if changed:
                return InputError(ScoreText.SUM_AFTER_RULES, adjusted=sorted(changed), **sums, **where)
            return InputError(ScoreText.SUM, **sums, **where)
        scored = _topmost(layout, j, have, want_scored=True)
        missing = _topmost(layout, j, have, want_scored=False)
        return InputError(ScoreText.PARTIAL, scored=scored, missing=missing, **where)
    missing = _missing(layout, have)
    leaves_only = all(not layout.children[layout.index[m]] for m in missing)
    return InputError(
        ScoreText.MISSING if leaves_only else ScoreText.MISSING_NODES,
        missing=[repr(m) for m in missing],
        agency=agency,
        node=missing[0],
        node_name=layout.nodes[layout.index[missing[0]]].name,
    )


def _topmost(layout: Layout, start: int, have: NDArray[np.bool_], *, want_scored: bool) -> list[str]:
    """The top-most nodes below ``start`` that have a score (or that lack one and have none below)."""
    out: list[str] = []
    stack = list(reversed(layout.children[start]))
    while stack:
        j = stack.pop()
        if have[j]:
            if want_scored:
                out.append(layout.ids[j])
            continue
        below = range(j, layout.subtree_end[j])
        if not layout.children[j] or not any(have[k] for k in below):
            if not want_scored:
                out.append(layout.ids[j])
            continue
        stack.extend(reversed(layout.children[j]))
    return out


def _missing(layout: Layout, have: NDArray[np.bool_]) -> list[str]:
    """Top-most nodes without a score."""
    if not layout.children[0]:
        return [layout.ids[0]]
    out: list[str] = []
    stack = [0]
    while stack:
        j = stack.pop()
        if have[j]:
            continue
        if not layout.children[j] or not have[j : layout.subtree_end[j]].any():
            out.append(layout.ids[j])
            continue
        stack.extend(reversed(layout.children[j]))
    return out
