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
from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, GovIndexError, InputError, collected
from govindex.io.cells import DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS, number_problem, read_limited
from govindex.io.csvrows import CsvRows
from govindex.points import parse_points

__all__ = ["parse_published_table", "read_published_table"]

_COLUMNS = ("agency", "name", "published", "rank")
_WHOLE = re.compile(r"[0-9]+")
_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


def parse_published_table(data: bytes | str, *, file: str | None = None) -> tuple[PublishedFigure, ...]:
    """The figures of a published table (see the module's documentation); every problem is refused at once.

    >>> parse_published_table("agency,published,rank\\nson-la,\\"0,5478\\",44\\n")
    (PublishedFigure(agency='son-la', value=Decimal('0.5478'), rank=44),)
    """
    rows = CsvRows(data, file, DEFAULT_MAX_CELLS, columns=False)
    header_line, cells = next(rows)
    positions = _positions(header_line, cells, file)
    problems: list[GovIndexError] = []
    figures: list[PublishedFigure] = []
    first: dict[str, int] = {}
    width = max(positions.values())
    for line, row in rows:
        try:
            figure = _figure(line, row, positions, width, first)
        except GovIndexError as error:
            problems.append(error.with_context(file=file, line=line))
            continue
        if figure is not None:
            figures.append(figure)
    if problems:
        raise collected(problems)
    return tuple(figures)


def _positions(line: int, cells: list[str], file: str | None) -> dict[str, int]:
    """The column of each of the table's columns; an unknown or repeated one, or a missing one, is refused."""
    names = [nfc(cell.strip()).lower() for cell in cells]
    while names and not names[-1]:
        names.pop()
    positions: dict[str, int] = {}
    problems: list[GovIndexError] = []
    for column, name in enumerate(names, start=1):
        if name not in _COLUMNS:
            problems.append(FileFormatError(Reading.PUBLISHED_COLUMN, name=repr(name), known=_COLUMNS, column=column))
        elif name in positions:
            problems.append(FileFormatError(Reading.PUBLISHED_COLUMN_TWICE, name=repr(name), column=column))
        else:
            positions[name] = column
    for required in ("agency", "published"):
        if required not in positions and not problems:
            problems.append(FileFormatError(Reading.PUBLISHED_NEEDS, name=repr(required)))
    if problems:
        raise collected([problem.with_context(file=file, line=line) for problem in problems])
    return positions


def _figure(
    line: int, row: list[str], positions: dict[str, int], width: int, first: dict[str, int]
) -> PublishedFigure | None:
    """One row's figure (``None`` for a blank row); its problem is raised with its column and agency."""
    if not any(cell.strip() for cell in row):
        return None
    if len(row) < width or any(cell.strip() for cell in row[width:]):
        raise FileFormatError(Reading.ROW_WIDTH, cells=len(row), width=width)

    def cell(name: str) -> str:
        return nfc(row[positions[name] - 1].strip()) if name in positions else ""

    agency = cell("agency")
    if not agency:
        raise InputError(Reading.AGENCY_EMPTY, column=positions["agency"])
    if agency in first:
        raise InputError(Reading.AGENCY_TWICE, first=first[agency], column=positions["agency"], agency=agency)
    first[agency] = line
    text = cell("published")
    if not _NUMBER.fullmatch(text):
        raise number_problem(text or "''").with_context(column=positions["published"], agency=agency)
    value = parse_points(text)
    if value < 0:
        raise InputError(Reading.PUBLISHED_NEGATIVE, value=value, column=positions["published"], agency=agency)
    rank_text = cell("rank")
    if rank_text and (not _WHOLE.fullmatch(rank_text) or int(rank_text) < 1):
        raise InputError(Reading.BAD_RANK, rank=repr(rank_text), column=positions["rank"], agency=agency)
    return PublishedFigure(agency, value, int(rank_text) if rank_text else None)


def read_published_table(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[PublishedFigure, ...]:
    """Read a published table from a CSV file (at most ``max_bytes``: ``--max-bytes``)."""
    return parse_published_table(read_limited(path, max_bytes), file=str(path))
