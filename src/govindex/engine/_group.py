"""One group during scoring: the columns :func:`govindex.scoring.score` passes from stage to stage."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from govindex.engine._columns import ViewColumns

__all__ = ["GroupScores"]


@attrs.frozen
class GroupScores:
    """One group during scoring: the rows kept (not excluded), every node's score and whether it has one."""

    rows: NDArray[np.intp]
    values: NDArray[Any]
    has: NDArray[np.bool_]
    band: NDArray[np.intp] | None = None
    ranks: Mapping[str, NDArray[np.int64]] = attrs.field(factory=dict)
    order: NDArray[np.intp] | None = None
    views: Mapping[str, ViewColumns] = attrs.field(factory=dict)
    #: each node's exact numerator over its layout denominator (``None``: the values are exact)
    exact: NDArray[Any] | None = None
