"""Statistics the way decisions publish them (thống kê): means, band counts and shares, leaders.

Conventions of the published decisions:

- a group's mean (điểm trung bình) is the mean of its agencies' totals;
- the overall mean is the unweighted mean of the group means (2024:
  ``(73.2 + 76.4) / 2 = 74.8``), not the mean over all agencies, which is
  given too and labelled the *pooled* mean;
- band shares (tỷ lệ xếp loại) are whole percentages that sum to 100, by the
  largest-remainder method.

Means are exact: the exact value is kept as a :class:`~fractions.Fraction`
(a mean such as 203/3 has no finite decimal form) and the value shown is a
:class:`~decimal.Decimal` rounded once to the rubric's decimals, ROUND_HALF_UP.

>>> from govindex import load_dataset, load_rubric, score
>>> dataset = load_dataset("sonla-2017-it")
>>> stats = statistics(score(load_rubric("sonla-2017-it"), dataset.assessments()))
>>> provincial = stats.group("provincial")
>>> provincial.mean, dict(provincial.band_shares)
(Decimal('67.6'), {'good': 0, 'fair': 67, 'average': 28, 'weak': 5})
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from govindex._convert import to_dict
from govindex.catalogue.reports import ReportError
from govindex.errors import InputError, UnknownNameError
from govindex.points import divide, exact, terminating
from govindex.ranking import Rank

if TYPE_CHECKING:
    from govindex.results import AgencyResult, NotAssessed, NotRankedResult, Result
    from govindex.rubric import Group, Rubric

__all__ = [
    "GroupStatistics",
    "Leader",
    "Statistics",
    "exact_text",
    "largest_remainder",
    "round_exact",
    "statistics",
]

#: The rounding of every displayed mean.
ROUNDING = "ROUND_HALF_UP"


def largest_remainder(counts: Mapping[str, int], total: int = 100) -> dict[str, int]:
    """Whole shares of ``total`` proportional to ``counts``, summing to ``total``.

    Each key first gets the integer part of its exact share; the units left
    over go to the largest remainders. Equal remainders go to the key with
    the larger count, then to the key listed first (for bands: the better
    band). The result keeps the order of ``counts``.

    >>> largest_remainder({"good": 0, "fair": 12, "average": 5, "weak": 1})
    {'good': 0, 'fair': 67, 'average': 28, 'weak': 5}
    >>> largest_remainder({"a": 1, "b": 1, "c": 1})
    {'a': 34, 'b': 33, 'c': 33}
    """
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise InputError(ReportError.SHARE_TOTAL, value=repr(total))
    for key, count in counts.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InputError(ReportError.SHARE_COUNT, value=repr(count), key=repr(key))
    size = sum(counts.values())
    if size == 0:
        raise InputError(ReportError.SHARE_EMPTY)
    shares = {key: count * total // size for key, count in counts.items()}
    left = total - sum(shares.values())
    order = sorted(
        enumerate(counts.items()),
        key=lambda item: (-(item[1][1] * total % size), -item[1][1], item[0]),
    )
    for _, (key, _count) in order[:left]:
        shares[key] += 1
    return shares


def round_exact(value: Fraction, decimals: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """An exact rational rounded once to ``decimals`` places.

    >>> round_exact(Fraction(1496, 20), 1)
    Decimal('74.8')
    >>> round_exact(Fraction(203, 3), 2)
    Decimal('67.67')
    """
    return divide(Decimal(value.numerator), Decimal(value.denominator), decimals, rounding)


def exact_text(value: Fraction) -> str:
    """The exact value as text: a finite decimal when there is one, else ``p/q``.

    >>> exact_text(Fraction(338, 5)), exact_text(Fraction(203, 3))
    ('67.6', '203/3')
    """
    exact = terminating(value)
    return f"{value.numerator}/{value.denominator}" if exact is None else f"{exact:f}"


def _mean(values: Sequence[Decimal]) -> Fraction:
    return sum((Fraction(v) for v in values), Fraction(0)) / len(values)


@attrs.frozen
class Leader:
    """An agency at the top of its group (dẫn đầu)."""

    agency: str
    name: str
    total: Decimal
    rank: Rank
    band: str | None


@attrs.frozen
class GroupStatistics:
    """The summary of one ranking group.

    ``mean`` is ``mean_exact`` rounded to the statistics' decimals
    (ROUND_HALF_UP); ``band_counts`` and ``band_shares`` list every band of
    the rubric, best first (empty when the rubric has no bands).
    """

    group: str
    name: str
    count: int
    mean: Decimal
    mean_exact: Fraction
    minimum: Decimal
    maximum: Decimal
    band_counts: Mapping[str, int] = attrs.field(converter=to_dict, hash=False)
    band_shares: Mapping[str, int | Decimal] = attrs.field(converter=to_dict, hash=False)
    leaders: tuple[Leader, ...] = ()
    name_en: str | None = None


@attrs.frozen
class Statistics:
    """Per-group and overall statistics of a result.

    ``overall_mean`` is the unweighted mean of the group means (the published
    convention); ``pooled_mean`` the mean over all agencies. Both are shown
    rounded to ``decimals`` with ``rounding``; the ``*_exact`` fields keep the
    exact values. ``band_counts`` and ``band_shares`` at this level pool all
    agencies. Agencies kept out by a rule are listed in ``not_assessed`` and
    counted nowhere else; agencies assessed but not ranked are listed in
    ``not_ranked`` (with their total, band and reason) and, like the
    published tables that rank without them, not counted in the means, the
    band counts or the shares.
    """

    rubric: Rubric
    groups: tuple[GroupStatistics, ...]
    count: int
    overall_mean: Decimal
    overall_mean_exact: Fraction
    pooled_mean: Decimal
    pooled_mean_exact: Fraction
    band_counts: Mapping[str, int] = attrs.field(converter=to_dict, hash=False)
    band_shares: Mapping[str, int | Decimal] = attrs.field(converter=to_dict, hash=False)
    decimals: int = 1
    rounding: str = ROUNDING
    top: int = 3
    not_assessed: tuple[NotAssessed, ...] = ()
    not_ranked: tuple[NotRankedResult, ...] = ()

    def group(self, group_id: str) -> GroupStatistics:
        """The statistics of one group; an unknown or empty group is refused."""
        for stats in self.groups:
            if stats.group == group_id:
                return stats
        self.rubric.group(group_id)
        raise UnknownNameError(
            ReportError.GROUP_EMPTY, name=repr(group_id), groups=", ".join(g.group for g in self.groups)
        )

    @property
    def band_ids(self) -> tuple[str, ...]:
        return () if self.rubric.bands is None else self.rubric.bands.ids


def _band_counts(rubric: Rubric, rows: Sequence[AgencyResult]) -> dict[str, int]:
    if rubric.bands is None:
        return {}
    counts = dict.fromkeys(rubric.bands.ids, 0)
    for row in rows:
        if row.band is not None:
            counts[row.band.id] += 1
    return counts


def _shares(counts: Mapping[str, int], decimals: int = 0) -> dict[str, int | Decimal]:
    """Band shares in per cent summing to exactly 100: whole, or with ``decimals`` (the rubric's
    ``share_decimals``: 33.33 %), by the largest remainder."""
    if not counts:
        return {}
    if not decimals:
        return dict(largest_remainder(counts))
    return {
        key: Decimal(units).scaleb(-decimals) for key, units in largest_remainder(counts, 100 * 10**decimals).items()
    }


def _group_statistics(
    rubric: Rubric, group: Group, rows: Sequence[AgencyResult], shown: int, top: int
) -> GroupStatistics:
    totals = [row.total for row in rows]
    exact = _mean(totals)
    counts = _band_counts(rubric, rows)
    return GroupStatistics(
        group=group.id,
        name=group.name,
        name_en=group.name_en,
        count=len(rows),
        mean=round_exact(exact, shown),
        mean_exact=exact,
        minimum=min(totals),
        maximum=max(totals),
        band_counts=counts,
        band_shares=_shares(counts, rubric.share_decimals),
        leaders=tuple(
            Leader(row.agency.id, row.agency.name, row.total, row.rank, row.band_id) for row in rows if row.rank <= top
        ),
    )


@exact
def statistics(result: Result, *, top: int = 3, decimals: int | None = None) -> Statistics:
    """Summarise a result as the decisions publish it.

    ``top``: leaders are the agencies ranked ``top`` or better in their group
    (so tied agencies are all listed). ``decimals``: the display precision of
    the means (default: the rubric's). Groups without an assessed agency are
    left out; a result without any is refused.
    """
    rubric = result.rubric
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise InputError(ReportError.TOP, value=repr(top))
    shown = rubric.decimals if decimals is None else decimals
    if isinstance(shown, bool) or not isinstance(shown, int) or not 0 <= shown <= 12:
        raise InputError(ReportError.DECIMALS, value=repr(shown))
    if not result.rows:
        raise InputError(ReportError.NOTHING_ASSESSED, rubric=repr(rubric.id))
    groups = [
        _group_statistics(rubric, group, rows, shown, top)
        for group in rubric.groups
        if (rows := result.group(group.id))
    ]
    overall = sum((g.mean_exact for g in groups), Fraction(0)) / len(groups)
    pooled = _mean([row.total for row in result.rows])
    counts = _band_counts(rubric, result.rows)
    return Statistics(
        rubric=rubric,
        groups=tuple(groups),
        count=len(result.rows),
        overall_mean=round_exact(overall, shown),
        overall_mean_exact=overall,
        pooled_mean=round_exact(pooled, shown),
        pooled_mean_exact=pooled,
        band_counts=counts,
        band_shares=_shares(counts, rubric.share_decimals),
        decimals=shown,
        top=top,
        not_assessed=result.not_assessed,
        not_ranked=result.not_ranked,
    )
