"""Rows to a table part: the header found, then the wide or the long form read (:func:`read_table`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govindex.assessment import Source
from govindex.catalogue.files import Files
from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, GovIndexError
from govindex.io.cells import ReadOptions
from govindex.io.header import AGENCY_LIST, is_header, read_header
from govindex.io.table import Report, Row, TableContext, TablePart
from govindex.rubric import Rubric

__all__ = ["find_header", "read_table"]


def find_header(rows: Iterator[Row], report: Report, file: str | None, sheet: str | None) -> Row | None:
    """The header row: the first that names the agency column (title rows above it are skipped)."""
    first: int | None = None
    for line, cells in rows:
        if first is None:
            first = line
        if is_header(cells):
            return line, cells
    if first is None:
        report(FileFormatError(Files.EMPTY, file=file, sheet=sheet, line=1))
    else:
        report(FileFormatError(Reading.NO_HEADER, headers=AGENCY_LIST, file=file, sheet=sheet, line=first))
    return None


def read_table(
    rows: Iterable[Row],
    rubric: Rubric,
    *,
    file: str | None,
    sheet: str | None = None,
    source: Source = Source.APPRAISED,
    options: ReadOptions,
    values: str = "points",
    report: Report,
    protected: bool = False,
) -> TablePart:
    """Read a score table from its rows into per-group columns; every problem goes to ``report``.

    ``protected`` (CSV): a text cell protected by a leading apostrophe
    (:func:`govindex.render.safe.csv_cell`) is read without it.
    """
    part = TablePart(file, sheet)
    iterator = iter(rows)
    found = find_header(iterator, report, file, sheet)
    if found is None:
        return part
    line, cells = found

    def placed(error: GovIndexError) -> None:
        report(error.with_context(file=file, sheet=sheet))

    header = read_header(cells, line, rubric, options, placed)
    if header is None:
        return part
    context = TableContext(rubric, header, file, sheet, source, options, values, report, protected)
    # the column work needs numpy, imported by the first table read (``import govindex`` stays light)
    from govindex.io.longform import read_long
    from govindex.io.separators import check_separators
    from govindex.io.wide import read_wide

    if header.long:
        read_long(context, iterator, part)
    else:
        read_wide(context, iterator, part)
    check_separators(context, part)
    return part
