"""The wide form of a score table: one agency per row, a column per criterion, read a block of rows at a time.

Each row's agency and facts are read one by one; its criteria wait in a block
of rows of its group, and a block is turned into columns at once: each column
of cells is mapped through its :class:`~govindex.io.table.CellReader` (each
distinct text read once) into codes, a row's problems reported at their cells.
A plain CSV table comes as chunks of columns instead
(:mod:`govindex.io.csvcolumns`): each row's facts are read from its fact
cells, and each criterion column of a chunk from its distinct texts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from numpy.typing import NDArray

from govindex.agency import Agency
from govindex.assessment import Source
from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, InputError
from govindex.io.csvcolumns import ColumnChunk, RowsFrom
from govindex.io.csvrows import CsvRows
from govindex.io.header import FACTS
from govindex.io.table import _BLOCK, BLANK, PROBLEM, CellReader, GroupPart, Row, TableContext, TablePart

__all__ = ["read_wide"]

#: Rows waiting to be turned into columns: (line, the row's cells or its row in a chunk, agency, source).
Block = list[tuple[int, Any, Agency, Source]]
#: A criterion column of a block as codes, and the text of each row's cell, for its reader.
CodesOf = Callable[[CellReader], tuple[NDArray[Any], Callable[[int], str]]]


def _row_codes(context: TableContext, block: Block) -> CodesOf:
    """The columns of rows read one by one: each cell's text looked up in its column's reader."""
    columns = list(zip(*(cells for _line, cells, _agency, _source in block), strict=True))

    def codes_of(reader: CellReader) -> tuple[NDArray[Any], Callable[[int], str]]:
        texts = columns[reader.column - 1]
        return np.fromiter(map(reader.__getitem__, texts), dtype=context.dtype, count=len(texts)), texts.__getitem__

    return codes_of


def _chunk_codes(context: TableContext, chunk: ColumnChunk, block: Block) -> CodesOf:
    """The columns of a chunk: each distinct text of a column looked up once in its reader."""
    rows = None if len(block) == len(chunk) else np.array([row for _line, row, _agency, _source in block])

    def codes_of(reader: CellReader) -> tuple[NDArray[Any], Callable[[int], str]]:
        texts, index = chunk.distinct(rows, reader.column - 1)
        table = np.fromiter(map(reader.__getitem__, texts), dtype=context.dtype, count=len(texts))
        return table[index], lambda row: texts[int(index[row])]

    return codes_of


def read_wide(context: TableContext, rows: Iterator[Row], part: TablePart) -> None:
    """Read the rows of a wide table into ``part``: a plain CSV table's as chunks of columns, else one by one."""
    reader = _WideReader(context, part)
    chunks = rows.rest_in_columns(reader.width) if isinstance(rows, CsvRows) else None
    if chunks is None:
        reader.read(rows)
        return
    for chunk in chunks:
        if isinstance(chunk, RowsFrom):  # a row of another width: the rest one by one, its problems reported
            assert isinstance(rows, CsvRows)
            reader.read(rows.rows_from(chunk))
        else:
            reader.read_chunk(chunk)


class _WideReader:
    """One agency per row: the row's facts read one by one, its criteria a block of rows at a time."""

    def __init__(self, context: TableContext, part: TablePart) -> None:
        self.context = context
        self.part = part
        header = context.header
        self.nodes = header.nodes()
        for name in ("node", "score", "evidence", "reason"):
            if name in header.positions:
                context.problem(
                    FileFormatError(Reading.LONG_FORM_COLUMN, name=repr(name)), header.line, header.positions[name]
                )
        for node, column in self.nodes:
            if node == "@total":
                for group in context.rubric.groups:
                    part.columns.setdefault(group.tree.id, column)
            else:
                part.columns[node] = column
        self.width = max(header.width, *header.positions.values())
        self.agency_column = header.positions["agency"]
        self.pending: dict[str, Block] = {}
        #: the lines of rows that repeat an agency: their cells are checked, the rows not kept
        self.duplicates: set[int] = set()

    def read(self, rows: Iterator[Row]) -> None:
        for line, cells in rows:
            if not self.fits(line, cells):
                continue
            admitted = self.admit(line, cells)
            if admitted is None:
                continue
            group, agency, source = admitted
            block = self.pending.setdefault(group, [])
            block.append((line, cells, agency, source))
            if len(block) >= _BLOCK:
                self.flush(group)
        for group in list(self.pending):
            self.flush(group)

    def read_chunk(self, chunk: ColumnChunk) -> None:
        """A chunk of rows as columns: each row's facts from its fact cells, each criterion column at once."""
        facts = sorted({column - 1 for name, column in self.context.header.positions.items() if name in FACTS})
        template = [""] * self.width
        agency = self.agency_column - 1
        texts = [(column, chunk.column(column)) for column in facts]
        pending: dict[str, Block] = {}
        for row, line in enumerate(chunk.lines):
            cells = template.copy()
            for column, column_texts in texts:
                cells[column] = column_texts[row]
            if not cells[agency].strip() and not self.fits(line, chunk.row(row)):
                continue  # a row of empty cells
            admitted = self.admit(line, cells)
            if admitted is not None:
                pending.setdefault(admitted[0], []).append((line, row, admitted[1], admitted[2]))
        for group, block in pending.items():
            self.convert(group, block, _chunk_codes(self.context, chunk, block))

    def admit(self, line: int, cells: list[str]) -> tuple[str, Agency, Source] | None:
        """The row's group, agency and source; ``None`` when the row is refused (its problems reported)."""
        context = self.context
        text = context.cell(cells, "agency")
        if not text:
            context.problem(InputError(Reading.AGENCY_EMPTY), line, self.agency_column)
            return None
        agency_id = context.agency_id(text, line, self.agency_column)
        if agency_id is None:
            return None
        seen = self.part.lines
        if agency_id in seen:  # refused, and its cells still checked
            context.problem(
                InputError(Reading.AGENCY_TWICE, first=seen[agency_id]), line, self.agency_column, agency=agency_id
            )
            self.duplicates.add(line)
        seen.setdefault(agency_id, line)
        group = context.group_of(cells, line, agency_id)
        if group is None:
            return None
        made = context.agency(cells, line, agency_id, group)
        if made is None:
            return None
        return group, made[0], made[1]

    def fits(self, line: int, cells: list[str]) -> bool:
        """Whether the row holds a cell and has the header's cells (extra empty cells, as Excel writes, are fine)."""
        width = self.width
        if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
            del cells[width:]
        agency = self.agency_column
        if not (len(cells) >= agency and cells[agency - 1].strip()) and not any(cell.strip() for cell in cells):
            return False
        if len(cells) > width or (len(cells) < width and self.context.sheet is None):
            reason = Reading.ROW_TOO_WIDE if len(cells) > width else Reading.ROW_WIDTH
            self.context.problem(FileFormatError(reason, cells=len(cells), width=width), line)
            return False
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        return True

    def flush(self, group: str) -> None:
        block = self.pending.pop(group, [])
        if block:
            self.convert(group, block, _row_codes(self.context, block))

    def convert(self, group: str, block: Block, codes_of: CodesOf) -> None:
        """The block's criterion cells turned into codes, column by column, and the block kept."""
        context = self.context
        part = self.part.groups.get(group)
        if part is None:
            part = self.part.groups[group] = GroupPart(group, context.layouts[group])
        nonblank = np.zeros(len(block), dtype=np.bool_)
        converted: list[tuple[int, NDArray[Any]]] = []
        layout = part.layout
        for node, column in self.nodes:
            node_id = layout.ids[0] if node == "@total" else node
            reader = context.reader(group, node_id, column)
            codes, text_of = codes_of(reader)
            if reader.problems or reader.measured:
                self.details(reader, codes, block, part, text_of)
            nonblank |= codes != BLANK
            if reader.position is not None:
                converted.append((reader.position, codes))
        self.keep(part, block, nonblank, converted)

    def keep(
        self, part: GroupPart, block: Block, nonblank: NDArray[Any], converted: list[tuple[int, NDArray[Any]]]
    ) -> None:
        """The block's rows kept (not blank when blank rows are set aside, not a repeated agency), as columns."""
        keep = self.blank_rows(nonblank, block)
        if self.duplicates:
            keep = keep & np.array([line not in self.duplicates for line, *_rest in block], dtype=np.bool_)
        everything = bool(keep.all())
        for (line, _cells, agency, source), kept in zip(block, keep.tolist(), strict=True):
            if kept:
                part.agencies.append(agency)
                part.lines.append(line)
                part.sources.append(source)
        for position, codes in converted:
            part.blocks.setdefault(position, []).append(codes if everything else codes[keep])

    def details(
        self, reader: CellReader, codes: NDArray[Any], block: Block, part: GroupPart, text_of: Callable[[int], str]
    ) -> None:
        """Report each cell with a problem, and keep each measured cell's measurement."""
        context = self.context
        if reader.problems:
            for row in np.flatnonzero(codes == PROBLEM).tolist():
                line, _cells, agency, _source = block[row]
                error = reader.problems[text_of(row)]
                context.problem(error, line, reader.column, agency=agency.id, node=reader.node, agency_name=agency.name)
        if reader.measured:
            for row in np.flatnonzero(codes >= 0).tolist():
                agency = block[row][2]
                found = reader.measured.get(context.text(text_of(row)))
                if found is not None:
                    part.measurements.setdefault(agency.id, {})[reader.node] = found

    def blank_rows(self, nonblank: NDArray[Any], block: Block) -> NDArray[Any]:
        """Which rows are kept: with ``blank_rows="not-assessed"``, a row without a score is set aside as not assessed.

        Otherwise it is kept: scoring refuses it (``govindex validate`` says the row is blank).
        """
        if nonblank.all() or not self.nodes or self.context.options.blank_rows != "not-assessed":
            return np.ones(len(block), dtype=np.bool_)
        for row in np.flatnonzero(~nonblank).tolist():
            line, _cells, agency, _source = block[row]
            self.part.blank.append((agency, line))
        return nonblank
