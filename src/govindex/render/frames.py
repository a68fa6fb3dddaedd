"""pandas DataFrames (extra ``pandas``) of tables: points stay Decimal unless floats are asked for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from govindex._optional import require
from govindex.render.model import Table, is_number

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["table_frame", "typed_series"]


def _dtype(items: list[Any], floats: bool) -> str:
    """The dtype a column's cells call for (see :func:`typed_series`)."""
    present = [v for v in items if v is not None]
    if not present:
        return "object"
    complete = len(present) == len(items)
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int64" if complete else "Int64"
    if complete and all(isinstance(v, bool) for v in present):
        return "bool"
    if floats and all(is_number(v) for v in present):
        return "float64"
    return "object"


def typed_series(pandas: Any, values: Sequence[Any] | Any, *, floats: bool = False) -> Any:
    """A column with the type its cells call for.

    Integers (counts, ranks) are ``int64``, or nullable ``Int64`` when a cell
    is empty; flags ``bool``; points stay :class:`~decimal.Decimal` objects
    (``object``) unless ``floats`` asks for ``float64``; an array of numbers
    (already floats, asked for) stays as it is.
    """
    dtype = getattr(values, "dtype", None)
    if dtype is not None and dtype.kind in "fiu":
        return pandas.Series(values)
    items = values.tolist() if hasattr(values, "tolist") else list(values)
    kind = _dtype(items, floats)
    if kind == "float64":
        # float-ok: the caller asked for floats explicitly.
        return pandas.Series(items, dtype="object").astype("float64")
    return pandas.Series(items, dtype=kind)


def table_frame(table: Table, *, floats: bool = False) -> pd.DataFrame:
    """A DataFrame with one column per column id.

    Points stay :class:`~decimal.Decimal` objects (``object`` dtype) unless
    ``floats=True`` asks for ``float64`` columns; counts and ranks are
    integers (nullable ``Int64`` when a cell is empty).
    """
    pandas = require("pandas", "pandas")
    data = {
        column.id: typed_series(pandas, [row[index] for row in table.rows], floats=floats)
        for index, column in enumerate(table.columns)
    }
    frame: pd.DataFrame = pandas.DataFrame(data, columns=[column.id for column in table.columns])
    frame.attrs["name"] = table.name
    if table.title is not None:
        frame.attrs["title"] = table.title
    return frame
