"""Banding (xếp loại): ordered half-open bands such as Tốt, Khá, Trung bình, Yếu."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from govindex.catalogue.rubric import BandLabel, BandText
from govindex.errors import RubricError, UnknownNameError
from govindex.points import bounds_problem, coerce_points, exact

__all__ = ["Band", "BandScheme", "standard_bands"]


def _finite(instance: Any, attribute: Any, value: Any) -> None:
    band = repr(getattr(instance, "id", "?"))
    if value is not None and (not isinstance(value, Decimal) or not value.is_finite()):
        raise RubricError(BandText.BOUND, band=band, bound=attribute.name, value=repr(value)[:60])
    problem = None if value is None else bounds_problem(value)
    if problem is not None:
        raise RubricError(BandText.BOUND_BOUNDS, band=band, bound=attribute.name, value=value, problem=problem)


def _optional_points(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else coerce_points(value)


@attrs.frozen
class Band:
    """One band: the scores in ``[lower, upper)``; the best band has no upper bound.

    ``label`` is the Vietnamese name (``Tốt``), ``label_en`` the English one.
    """

    id: str
    label: str
    lower: Decimal = attrs.field(converter=coerce_points, validator=_finite)
    upper: Decimal | None = attrs.field(default=None, converter=_optional_points, validator=_finite)
    label_en: str | None = None

    @exact
    def __attrs_post_init__(self) -> None:
        if not self.id or self.id != self.id.strip() or " " in self.id:
            raise RubricError(BandText.BAD_ID, band=repr(self.id))
        if self.upper is not None and self.upper <= self.lower:
            raise RubricError(BandText.LOWER_ABOVE_UPPER, band=repr(self.id), lower=self.lower, upper=self.upper)

    def contains(self, score: Decimal) -> bool:
        """Whether ``score`` falls in this band (inclusive at the bottom)."""
        return score >= self.lower and (self.upper is None or score < self.upper)

    def describe(self) -> str:
        """``[70, 85)`` style notation."""
        return f"[{self.lower}, {self.upper})" if self.upper is not None else f"[{self.lower}, ∞)"


def _band_tuple(value: Iterable[Band]) -> tuple[Band, ...]:
    return tuple(value)


def _check_pair(better: Band, worse: Band) -> None:
    """Two neighbouring bands meet: no gap, no overlap, and only the better one may be unbounded."""
    if worse.upper is None:
        raise RubricError(BandText.ONLY_BEST, band=repr(worse.id))
    ranges: dict[str, Any] = {
        "worse": repr(worse.id),
        "worse_range": worse.describe(),
        "better": repr(better.id),
        "better_range": better.describe(),
    }
    if worse.upper < better.lower:
        raise RubricError(BandText.GAP, upper=worse.upper, lower=better.lower, **ranges)
    if worse.upper > better.lower:
        raise RubricError(BandText.OVERLAP, lower=better.lower, upper=worse.upper, **ranges)


@attrs.frozen
class BandScheme:
    """Bands ordered from best to worst, covering ``[lowest.lower, ∞)`` without gaps or overlaps."""

    bands: tuple[Band, ...] = attrs.field(converter=_band_tuple)

    @exact
    def __attrs_post_init__(self) -> None:
        if not self.bands:
            raise RubricError(BandText.EMPTY)
        seen: set[str] = set()
        for band in self.bands:
            if band.id in seen:
                raise RubricError(BandText.TWICE, band=repr(band.id))
            seen.add(band.id)
        unbounded = [band.id for band in self.bands if band.upper is None]
        if len(unbounded) > 1:
            raise RubricError(BandText.UNBOUNDED, bands=[repr(band) for band in unbounded])
        if unbounded and self.bands[0].upper is not None:
            raise RubricError(BandText.ORDER, best=repr(unbounded[0]), first=repr(self.bands[0].id))
        if self.bands[0].upper is not None:
            raise RubricError(BandText.BEST_BOUNDED, band=repr(self.bands[0].id), upper=self.bands[0].upper)
        for better, worse in zip(self.bands, self.bands[1:], strict=False):
            _check_pair(better, worse)

    @property
    def floor(self) -> Decimal:
        """The lowest score that falls in a band."""
        return self.bands[-1].lower

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(band.id for band in self.bands)

    def band(self, band_id: str) -> Band:
        """The band with this id."""
        for band in self.bands:
            if band.id == band_id:
                return band
        raise UnknownNameError(BandText.UNKNOWN, band=repr(band_id), known=list(self.ids))

    def classify(self, score: Decimal) -> Band:
        """The one band that contains ``score``.

        >>> standard_bands(80, 65, 50).classify(Decimal("65")).label
        'Khá'
        """
        for band in self.bands:
            if score >= band.lower:
                return band
        lowest = self.bands[-1]
        raise RubricError(BandText.BELOW, score=score, band=repr(lowest.id), range=lowest.describe())


def standard_bands(good: Decimal | int | str, fair: Decimal | int | str, average: Decimal | int | str) -> BandScheme:
    """The four bands Tốt/Khá/Trung bình/Yếu with the given lower thresholds.

    >>> scheme = standard_bands(85, 70, 50)
    >>> scheme.classify(Decimal("70.0")).id
    'fair'
    >>> scheme.classify(Decimal("69.9")).label
    'Trung bình'
    """
    g, f, a = coerce_points(good), coerce_points(fair), coerce_points(average)
    return BandScheme(
        (
            Band("good", BandLabel.GOOD.vi, g, None, BandLabel.GOOD.en),
            Band("fair", BandLabel.FAIR.vi, f, g, BandLabel.FAIR.en),
            Band("average", BandLabel.AVERAGE.vi, a, f, BandLabel.AVERAGE.en),
            Band("weak", BandLabel.WEAK.vi, Decimal(0), a, BandLabel.WEAK.en),
        )
    )
