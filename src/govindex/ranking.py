"""Ranking (xếp hạng) with explicit tie policies.

Higher scores rank first. How equal scores share places is the rubric's
:class:`TiePolicy`; Sơn La ranks densely, so 71.5, 71.5
and 70.9 rank 8, 8, 9 in Decision 3247/QĐ-UBND:

>>> Ranker().rank({"a": Decimal("71.5"), "b": Decimal("71.5"), "c": Decimal("70.9")})
{'a': 1, 'b': 1, 'c': 2}
>>> Ranker(TiePolicy.FRACTIONAL).rank({"a": Decimal(90), "b": Decimal(80), "c": Decimal(80), "d": Decimal(70)})
{'a': 1, 'b': Decimal('2.5'), 'c': Decimal('2.5'), 'd': 4}
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TypeAlias

import attrs

from govindex.catalogue.scoring import RankText
from govindex.errors import InputError

__all__ = ["Rank", "Ranker", "TiePolicy", "rank", "rank_column"]


class TiePolicy(enum.Enum):
    """How equal scores are ranked (cách xếp hạng khi bằng điểm).

    For the scores 90, 80, 80, 70:

    - ``DENSE``: 1, 2, 2, 3 (the Sơn La convention)
    - ``COMPETITION``: 1, 2, 2, 4
    - ``MODIFIED_COMPETITION``: 1, 3, 3, 4
    - ``ORDINAL``: 1, 2, 3, 4, ties broken by agency id
    - ``FRACTIONAL``: 1, 2.5, 2.5, 4
    """

    DENSE = "dense"
    COMPETITION = "competition"
    MODIFIED_COMPETITION = "modified_competition"
    ORDINAL = "ordinal"
    FRACTIONAL = "fractional"


#: An integer rank, or a Decimal such as 2.5 under the fractional policy.
Rank: TypeAlias = int | Decimal


@attrs.frozen
class Ranker:
    """Ranks scores, higher first, under a :class:`TiePolicy`.

    For the scores 90, 80, 80, 70:

    - ``DENSE`` (the Sơn La convention): 1, 2, 2, 3; equal scores share a
      rank and the next score takes the next integer;
    - ``COMPETITION`` (standard competition, "1224"): 1, 2, 2, 4;
    - ``MODIFIED_COMPETITION`` ("1334"): 1, 3, 3, 4;
    - ``ORDINAL``: 1, 2, 3, 4, ties broken by the key (the agency id) in
      ascending order, a stated and stable key, so the same input always
      gives the same ranks whatever its order;
    - ``FRACTIONAL``: 1, 2.5, 2.5, 4; tied items get the mean of the places
      they take, a :class:`~decimal.Decimal` when it is not whole.

    >>> scores = {"a": Decimal(90), "b": Decimal(80), "c": Decimal(80), "d": Decimal(70)}
    >>> Ranker(TiePolicy.COMPETITION).rank(scores)
    {'a': 1, 'b': 2, 'c': 2, 'd': 4}
    >>> Ranker(TiePolicy.MODIFIED_COMPETITION).rank(scores)
    {'a': 1, 'b': 3, 'c': 3, 'd': 4}
    >>> Ranker(TiePolicy.ORDINAL).rank(scores)
    {'a': 1, 'b': 2, 'c': 3, 'd': 4}
    """

    policy: TiePolicy = TiePolicy.DENSE

    def rank(self, scores: Mapping[str, Decimal] | Iterable[tuple[str, Decimal]]) -> dict[str, Rank]:
        """Map each key to its rank; the result is ordered by rank, then key.

        Scores are exact points (``Decimal`` or ``int``); a float or a key
        given twice is refused.
        """
        items = list(scores.items()) if isinstance(scores, Mapping) else list(scores)
        counts = Counter(key for key, _ in items)
        duplicated = sorted(key for key, count in counts.items() if count > 1)
        if duplicated:
            raise InputError(RankText.TWICE, keys=list(duplicated))
        for key, value in items:
            if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
                raise InputError(RankText.NOT_EXACT, value=repr(value)[:60], agency=key)
            if isinstance(value, Decimal) and not value.is_finite():
                raise InputError(RankText.NOT_FINITE, value=str(value), agency=key)
        items.sort(key=lambda item: item[0])
        ranks = rank_column([value for _, value in items], self.policy)
        ordered = sorted(zip(ranks, (key for key, _ in items), strict=True))
        return {key: place for place, key in ordered}


def rank_column(values: Sequence[int | Decimal], policy: TiePolicy) -> list[Rank]:
    """The rank of each value, higher first, in the order given.

    Under ``ORDINAL`` ties are broken by position: list the values in the
    order of the stable key (the agency id). The work is one pass over the
    distinct values, so ranking many agencies on many nodes stays fast.

    >>> rank_column([Decimal("70.9"), Decimal("71.5"), Decimal("71.5")], TiePolicy.DENSE)
    [2, 1, 1]
    """
    if policy is TiePolicy.ORDINAL:
        order = sorted(range(len(values)), key=values.__getitem__, reverse=True)
        ordinal: list[Rank] = [0] * len(values)
        for place, position in enumerate(order, start=1):
            ordinal[position] = place
        return ordinal
    counts = Counter(values)
    place_of: dict[int | Decimal, Rank] = {}
    before = 0
    for dense, value in enumerate(sorted(counts, reverse=True), start=1):
        count = counts[value]
        if policy is TiePolicy.DENSE:
            place_of[value] = dense
        elif policy is TiePolicy.COMPETITION:
            place_of[value] = before + 1
        elif policy is TiePolicy.MODIFIED_COMPETITION:
            place_of[value] = before + count
        else:
            place_of[value] = _mean_place(before + 1, before + count)
        before += count
    return [place_of[value] for value in values]


def _mean_place(first: int, last: int) -> Rank:
    """The mean of the places ``first..last``: an int when whole, else a Decimal (x.5)."""
    total = first + last
    return total // 2 if total % 2 == 0 else Decimal(total) / 2


def rank(scores: Mapping[str, Decimal], policy: TiePolicy = TiePolicy.DENSE) -> dict[str, Rank]:
    """Shorthand for ``Ranker(policy).rank(scores)``.

    >>> rank({"a": Decimal("71.5"), "b": Decimal("71.5"), "c": Decimal("70.9")}, TiePolicy.COMPETITION)
    {'a': 1, 'b': 1, 'c': 3}
    """
    return Ranker(policy).rank(scores)
