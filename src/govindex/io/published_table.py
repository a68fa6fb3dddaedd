"""Published tables (bảng kết quả công bố): the totals and ranks a decision printed, as CSV.

::

    agency,name,published,rank
    son-la,Sơn La,"0,5478",44

``agency`` and ``published`` (the total as published, on the rubric's
published scale, e.g. the PDTI on 0-1) are required; ``rank`` and ``name``
(shown only) are optional. A decimal comma is read as in score tables. An
unknown column, a repeated agency, a value that is not a plain number and a
rank that is not a whole number from 1 are refused at their line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

from govindex.agency import nfc
from govindex.agreement import PublishedFigure
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.io.cells import DEFAULT_MAX_CELLS
from govindex.io.csvrows import csv_rows, decode
from govindex.points import parse_points

__all__ = ["parse_published_table", "read_published_table"]

_COLUMNS = ("agency", "name", "published", "rank")
_WHOLE = re.compile(r"[0-9]+")


def parse_published_table(data: bytes | str, *, file: str | None = None) -> tuple[PublishedFigure, ...]:
    """The figures of a published table (see the module's documentation).

    >>> parse_published_table("agency,published,rank\\nson-la,\\"0,5478\\",44\\n")
    (PublishedFigure(agency='son-la', value=Decimal('0.5478'), rank=44),)
    """
    rows = list(csv_rows(decode(data, file), file, DEFAULT_MAX_CELLS))
    header_line, cells = rows[0]
    names = [nfc(cell.strip()).lower() for cell in cells]
    while names and not names[-1]:
        names.pop()
    positions: dict[str, int] = {}
    for column, name in enumerate(names, start=1):
        if name not in _COLUMNS:
            raise FileFormatError(
                f"unknown column {name!r} in a published table; the columns are {', '.join(_COLUMNS)}",
                file=file,
                line=header_line,
                column=column,
            )
        if name in positions:
            raise FileFormatError(f"column {name!r} appears twice", file=file, line=header_line, column=column)
        positions[name] = column
    for required in ("agency", "published"):
        if required not in positions:
            raise FileFormatError(f"a published table needs a {required!r} column", file=file, line=header_line)
    figures: list[PublishedFigure] = []
    first: dict[str, int] = {}
    width = max(positions.values())
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width or any(cell.strip() for cell in row[width:]):
            raise FileFormatError(f"the row has {len(row)} cells but the header has {width}", file=file, line=line)

        def cell(name: str, row: list[str] = row) -> str:
            return nfc(row[positions[name] - 1].strip()) if name in positions else ""

        agency = cell("agency")
        if not agency:
            raise InputError("the agency cell is empty", file=file, line=line, column=positions["agency"])
        if agency in first:
            raise InputError(
                f"the agency appears twice (first on line {first[agency]})",
                file=file,
                line=line,
                column=positions["agency"],
                agency=agency,
            )
        first[agency] = line
        try:
            value = parse_points(cell("published"))
            if value < 0:
                raise InputError(f"published value {value} is negative")
        except GovIndexError as error:
            raise error.with_context(file=file, line=line, column=positions["published"], agency=agency) from None
        rank_text = cell("rank")
        rank: int | None = None
        if rank_text:
            if not _WHOLE.fullmatch(rank_text) or int(rank_text) < 1:
                raise InputError(
                    f"rank {rank_text!r} is not a whole number from 1",
                    file=file,
                    line=line,
                    column=positions["rank"],
                    agency=agency,
                )
            rank = int(rank_text)
        figures.append(PublishedFigure(agency, value, rank))
    return tuple(figures)


def read_published_table(path: str | Path) -> tuple[PublishedFigure, ...]:
    """Read a published table from a CSV file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileFormatError(f"cannot read the published table: {error.strerror}", file=str(path)) from None
    return parse_published_table(data, file=str(path))
