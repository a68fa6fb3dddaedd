"""pandas DataFrames (extra ``pandas``) of tables: points stay Decimal unless floats are asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govindex._optional import require
from govindex.render.model import Table, is_number

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["table_frame"]


def table_frame(table: Table, *, floats: bool = False) -> pd.DataFrame:
    """A DataFrame with one column per column id.

    Points stay :class:`~decimal.Decimal` objects (``object`` dtype) unless
    ``floats=True`` asks for ``float64`` columns; counts and ranks are
    integers (nullable ``Int64`` when a cell is empty).
    """
    pandas = require("pandas", "pandas")
    data: dict[str, Any] = {}
    for index, column in enumerate(table.columns):
        values = [row[index] for row in table.rows]
        present = [v for v in values if v is not None]
        if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
            dtype = "int64" if len(present) == len(values) else "Int64"
            data[column.id] = pandas.Series(values, dtype=dtype)
        elif present and all(isinstance(v, bool) for v in present) and len(present) == len(values):
            data[column.id] = pandas.Series(values, dtype="bool")
        elif floats and present and all(is_number(v) for v in present):
            # float-ok: the caller asked for floats explicitly.
            data[column.id] = pandas.Series(values, dtype="object").astype("float64")
        else:
            data[column.id] = pandas.Series(values, dtype="object")
    frame: pd.DataFrame = pandas.DataFrame(data, columns=[column.id for column in table.columns])
    frame.attrs["name"] = table.name
    if table.title is not None:
        frame.attrs["title"] = table.title
    return frame
