"""One decimal separator per file: the first number typed with a point or a comma sets it; every other is refused.

The readers keep the separator typed in each score's code
(:func:`govindex.io.table.code_of`), so that the file's columns are checked
at once, after reading, without going back to the cells: the earliest
number (in the order of the file) typed with a separator wins, and every
cell typed with the other one is a problem of its own, naming that first
number and its place.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from govindex.catalogue.reading import Reading
from govindex.errors import InputError, column_letters
from govindex.io.header import Worded
from govindex.io.table import TableContext, TablePart
from govindex.points import from_scaled

__all__ = ["check_separators"]

_SEPARATOR_OF = {1: ".", 2: ","}

#: One cell typed with a separator: (line, column, agency, node, code).
Cell = tuple[int, int, str, str, int]


def _kinds(codes: NDArray[Any]) -> NDArray[Any]:
    given = codes >= 0
    kinds = codes % 4 if codes.dtype == object else codes & 3
    return np.where(given, kinds, 0).astype(np.int8)


def _columns(context: TableContext, part: TablePart) -> list[tuple[str, str, int, NDArray[Any], list[int], list[str]]]:
    """The wide table's criterion columns: (group, node, column, codes, line of each row, agency of each row)."""
    out = []
    for group, piece in part.groups.items():
        if not piece.blocks:
            continue
        lines = piece.lines
        agencies = [agency.id for agency in piece.agencies]
        for (reader_group, node, column), reader in context.readers.items():
            if reader_group != group or reader.position is None or reader.position not in piece.blocks:
                continue
            blocks = piece.blocks[reader.position]
            codes = np.concatenate(blocks) if len(blocks) > 1 else blocks[0]
            out.append((group, node, column, codes, lines, agencies))
    return out


def _text(context: TableContext, group: str, node: str, column: int, code: int) -> str:
    """The number as typed: from the reader's record, or from the code (points, decimals written, separator)."""
    for (reader_group, reader_node, reader_column), reader in context.readers.items():
        if (reader_group, reader_node, reader_column) == (group, node, column) and code in reader.texts:
            return reader.texts[code]
    scaled, places, kind = code // 64, code // 4 % 16, code % 4
    value = from_scaled(scaled, context.rubric.decimals).quantize(from_scaled(1, places) if places else 1)
    return f"{value:f}".replace(".", _SEPARATOR_OF.get(kind, "."))


def _cells(context: TableContext, part: TablePart) -> list[Cell]:
    """Every cell typed with a separator of the kind seen second, and the first cell of each kind."""
    cells: list[Cell] = []
    for _group, node, column, codes, lines, agencies in _columns(context, part):
        kinds = _kinds(codes)
        for row in np.flatnonzero(kinds).tolist():
            cells.append((lines[row], column, agencies[row], node, int(codes[row])))
    score_column = context.header.positions.get("score", 0)
    cells.extend((line, score_column, agency, node, code) for line, agency, node, code in part.typed)
    return cells


def check_separators(context: TableContext, part: TablePart) -> None:
    """Report every number typed with the other decimal separator than the file's first one."""
    kinds_seen: set[int] = set()
    for _g, _n, _c, codes, _l, _a in _columns(context, part):
        kinds_seen.update(np.unique(_kinds(codes)).tolist())
    kinds_seen.update(code % 4 for *_rest, code in part.typed)
    kinds_seen.discard(0)
    if len(kinds_seen) < 2:
        return
    cells = sorted(_cells(context, part))
    line, column, _agency, first_node, first_code = cells[0]
    first = first_code % 4
    group_of = {agency.id: group for group, piece in part.groups.items() for agency in piece.agencies}
    example = _text(context, group_of.get(_agency, ""), first_node, column, first_code)
    place = (
        Worded(Reading.AT_LINE, line=line, at_column=column)
        if context.sheet is None
        else Worded(Reading.AT_CELL, cell=f"{column_letters(column)}{line}")
    )
    for where_line, where_column, agency, node, code in cells:
        if code % 4 == first:
            continue
        error = InputError(
            Reading.MIXED_SEPARATORS,
            text=repr(_text(context, group_of.get(agency, ""), node, where_column, code)),
            separator=repr(_SEPARATOR_OF[code % 4]),
            example=repr(example),
            place=place,
            other=repr(_SEPARATOR_OF[first]),
        )
        context.problem(error, where_line, where_column, node=node, agency=agency)
