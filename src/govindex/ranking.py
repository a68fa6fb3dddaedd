"""Ranking (xếp hạng) with explicit tie policies.

>>> Ranker().rank({"a": Decimal("71.5"), "b": Decimal("71.5"), "c": Decimal("70.9")})
{'a': 1, 'b': 1, 'c': 2}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TypeAlias

import attrs

from govindex.errors import InputError
from govindex.rubric import TiePolicy

__all__ = ["Rank", "Ranker", "rank"]

#: An integer rank, or a Decimal such as 2.5 under the fractional policy.
Rank: TypeAlias = int | Decimal


@attrs.frozen
class Ranker:
    """Ranks scores, higher first, under a :class:`TiePolicy`.

    Ties under ``ORDINAL`` are broken by the item key in ascending order, a
    stated and stable key (the agency id), so the same input always gives
    the same ranks whatever its order.
    """

    policy: TiePolicy = TiePolicy.DENSE

    def rank(self, scores: Mapping[str, Decimal] | Iterable[tuple[str, Decimal]]) -> dict[str, Rank]:
        """Map each key to its rank; the result is ordered by rank, then key."""
        items = list(scores.items()) if isinstance(scores, Mapping) else list(scores)
        keys = [key for key, _ in items]
        if len(set(keys)) != len(keys):
            duplicated = sorted({key for key in keys if keys.count(key) > 1})
            raise InputError(f"cannot rank the same key twice: {', '.join(duplicated)}")
        return rank_sorted(sorted(items, key=lambda item: (-item[1], item[0])), self.policy)


def rank_sorted(ordered: list[tuple[str, Decimal]] | list[tuple[str, int]], policy: TiePolicy) -> dict[str, Rank]:
    """Rank items already sorted best first (ties ordered by key)."""
    result: dict[str, Rank] = {}
    position = 0
    dense = 0
    count = len(ordered)
    while position < count:
        end = position + 1
        value = ordered[position][1]
        while end < count and ordered[end][1] == value:
            end += 1
        dense += 1
        for offset in range(position, end):
            key = ordered[offset][0]
            if policy is TiePolicy.DENSE:
                result[key] = dense
            elif policy is TiePolicy.COMPETITION:
                result[key] = position + 1
            elif policy is TiePolicy.MODIFIED_COMPETITION:
                result[key] = end
            elif policy is TiePolicy.ORDINAL:
                result[key] = offset + 1
            else:
                result[key] = Decimal(position + 1 + end) / 2
        position = end
    return result


def rank(scores: Mapping[str, Decimal], policy: TiePolicy = TiePolicy.DENSE) -> dict[str, Rank]:
    """Shorthand for ``Ranker(policy).rank(scores)``."""
    return Ranker(policy).rank(scores)
