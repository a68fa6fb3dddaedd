"""What :mod:`govindex.render` can render, dispatched on the type of the value.

The domain values carry data only and import nothing of this layer; each
renderer registers here what it describes (:mod:`govindex.render.registry`
fills these when :mod:`govindex.render` is first used):

- :func:`describe`: the :class:`~govindex.render.model.Document` people read;
- :data:`converter`: a :mod:`cattrs` converter whose unstructure hooks give
  the JSON-ready data of each value;
- :func:`frame_of`: the pandas DataFrame of a value (by default one table of
  its document);
- :func:`pieces_of`: the JSON text of a value in pieces, for the values
  written without being held whole (a result); by default ``None``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import cattrs

from govindex.catalogue.render import RenderError
from govindex.errors import InputError
from govindex.render.frames import table_frame
from govindex.render.model import Document, Table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["converter", "describe", "frame_of", "pieces_of"]

#: The converter whose unstructure hooks give every value's JSON-ready data.
converter = cattrs.Converter()
converter.register_unstructure_hook(Decimal, lambda value: f"{value:f}")
converter.register_unstructure_hook(
    Fraction, lambda value: f"{value.numerator}/{value.denominator}" if value.denominator != 1 else str(value.numerator)
)


@functools.singledispatch
def describe(value: object, lang: str) -> Document:
    """The document of a value, in ``lang``."""
    raise InputError(RenderError.NOT_RENDERABLE, kind=type(value).__name__)


@describe.register(Document)
def _(value: Document, lang: str) -> Document:
    return value


@describe.register(Table)
def _(value: Table, lang: str) -> Document:
    return Document.of_tables([value], lang=lang)


@functools.singledispatch
def frame_of(value: object, table: str | None, floats: bool) -> pd.DataFrame:
    """A DataFrame of a value: one table of its document (by default the first)."""
    return table_frame(describe(value, "en").table(table), floats=floats)


@functools.singledispatch
def pieces_of(value: object, indent: int | None) -> Iterator[str] | None:
    """The JSON text of a value in pieces, when it is written so; else ``None``."""
    return None


def _records(document: Document) -> dict[str, Any]:
    return {
        "title": document.title,
        "tables": {
            table.name: {"title": table.title, "rows": [converter.unstructure(r) for r in table.records()]}
            for table in document.tables
        },
    }


converter.register_unstructure_hook_func(lambda kind: kind is Document, _records)
converter.register_unstructure_hook_func(
    lambda kind: kind is Table, lambda table: [converter.unstructure(r) for r in table.records()]
)
