"""Band shares from one year to the next (tỷ lệ xếp loại qua các năm), in percentage points (điểm phần trăm).

Sơn La's agency PAR index 2020 wrote "giảm 55 %" for a band whose share
fell from 85 % to 30 %: a change of 55 percentage points, not of 55 per
cent. :func:`share_changes` states each band's change in percentage points,
per ranking group and for all groups together, from two
:class:`~govindex.stats.Statistics`; shares keep the decimals each rubric
publishes them with (``share_decimals``).

>>> from govindex import Agency, Assessment, load_rubric, score
>>> from govindex.stats import statistics
>>> rubric = load_rubric("sonla-2017-web")
>>> def year(totals):
...     cohort = [Assessment(Agency(f"a{i}", f"A{i}", "provincial"), {"total": t}) for i, t in enumerate(totals)]
...     return statistics(score(rubric, cohort))
>>> changes = share_changes(year(["90", "90", "90", "60"]), year(["90", "70", "60", "60"]))
>>> [change.describe("vi") for change in changes if change.group is None][:2]
['Tốt: 75 % → 25 % (giảm 50 điểm phần trăm)', 'Khá: 0 % → 25 % (tăng 25 điểm phần trăm)']
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

import attrs

from govindex.catalogue import number
from govindex.catalogue.indices import ShareWords
from govindex.points import exact_context

if TYPE_CHECKING:
    from collections.abc import Mapping

    from govindex.stats import Statistics

__all__ = ["ShareChange", "ShareChanges", "changes_between", "share_changes"]


@attrs.frozen
class ShareChange:
    """One band's share in two years (per cent) and its change in percentage points.

    ``group`` is the ranking group, ``None`` for all groups together;
    ``label`` and ``label_en`` name the band.
    """

    group: str | None
    band: str
    label: str
    label_en: str | None
    before: Decimal
    after: Decimal

    @property
    def points(self) -> Decimal:
        """``after - before`` in percentage points (điểm phần trăm), exact."""
        with exact_context():
            return self.after - self.before

    def describe(self, lang: str = "vi") -> str:
        """``Tốt: 85 % → 30 % (giảm 55 điểm phần trăm)``."""
        change = self.points
        entry = ShareWords.CHANGE_UP if change > 0 else ShareWords.CHANGE_DOWN if change < 0 else ShareWords.CHANGE_NONE
        band = self.label_en or self.label if lang == "en" else self.label
        return entry.text(
            lang,
            band=band,
            before=number(self.before, lang),
            after=number(self.after, lang),
            points=number(abs(change), lang),
        )


@attrs.frozen
class ShareChanges:
    """The band share changes from the period labelled ``old`` to the one labelled ``new``
    (:attr:`govindex.comparison.Comparison.share_changes`)."""

    old: str
    new: str
    changes: tuple[ShareChange, ...]


def _changes(
    group: str | None, before: Mapping[str, int | Decimal], after: Mapping[str, int | Decimal], statistics: Statistics
) -> list[ShareChange]:
    bands = statistics.rubric.bands
    if bands is None:
        return []
    return [
        ShareChange(group, band.id, band.label, band.label_en, Decimal(before[band.id]), Decimal(after[band.id]))
        for band in bands.bands
        if band.id in before and band.id in after
    ]


def share_changes(before: Statistics, after: Statistics) -> tuple[ShareChange, ...]:
    """Each band's share change in percentage points: per group both years have, then for all groups together.

    Bands are matched by id (a band only one year has is left out).
    """
    out: list[ShareChange] = []
    earlier = {group.group: group for group in before.groups}
    for group in after.groups:
        old = earlier.get(group.group)
        if old is not None:
            out += _changes(group.group, old.band_shares, group.band_shares, after)
    out += _changes(None, before.band_shares, after.band_shares, after)
    return tuple(out)


def changes_between(
    periods: Sequence[tuple[str, tuple[str, ...], Statistics | None]],
) -> tuple[ShareChanges, ...]:
    """The share changes from each period to the next, as ``(label, band ids, statistics)``: only between
    periods with statistics and the same bands."""
    out: list[ShareChanges] = []
    for (old, old_bands, before), (new, new_bands, after) in pairwise(periods):
        if before is not None and after is not None and old_bands == new_bands:
            out.append(ShareChanges(old, new, share_changes(before, after)))
    return tuple(out)
