"""Bands by comparing scaled totals with the bounds scaled and rounded up (exact for bounds with any decimals)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import NDArray

from govindex.bands import BandScheme
from govindex.catalogue.rubric import BandText
from govindex.errors import RubricError
from govindex.points import from_scaled

__all__ = ["band_index", "scaled_bound"]


def scaled_bound(bound: Decimal, decimals: int) -> int:
    """The least scaled score at or above ``bound``: ``ceil(bound × 10**decimals)``, exactly.

    A score ``s`` with ``decimals`` places is at or above ``bound`` exactly
    when ``s × 10**decimals`` is at or above this integer.

    >>> scaled_bound(Decimal("70"), 1), scaled_bound(Decimal("69.95"), 1), scaled_bound(Decimal("-0.5"), 0)
    (700, 700, 0)
    """
    numerator, denominator = bound.as_integer_ratio()
    scaled: int = -((-numerator * 10**decimals) // denominator)
    return scaled


def band_index(totals: NDArray[Any], bands: BandScheme, decimals: int) -> NDArray[np.intp]:
    """For each scaled total, the position of its band in ``bands.bands`` (best first)."""
    lowers = [scaled_bound(band.lower, decimals) for band in bands.bands]  # descending
    ascending = lowers[::-1]
    if totals.dtype != object and all(-(2**63) <= bound < 2**63 for bound in ascending):
        bounds: NDArray[Any] = np.array(ascending, dtype=np.int64)
    else:
        bounds = np.array(ascending, dtype=object)
    below = np.searchsorted(bounds, totals, side="right").astype(np.intp) - 1
    if totals.size and int(below.min()) < 0:
        lowest = bands.bands[-1]
        score = from_scaled(int(totals[int(np.argmin(below))]), decimals)
        raise RubricError(BandText.BELOW, score=score, band=repr(lowest.id), range=lowest.describe())
    return (len(lowers) - 1 - below).astype(np.intp)
