"""CSV bytes to rows: the decoding, the separator and the cells of a CSV score table.

UTF-8 with or without a byte-order mark; comma, semicolon or TAB separators
(Excel in a decimal-comma locale writes semicolons), told from the header
row. Rows come as ``(line, cells)`` with the line of the file where the row
starts; blank lines are skipped, never counted as cells. The cell limit
(``max_cells``) is checked as the rows are read, so that memory stays bounded
by it whatever the file holds.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from govindex.catalogue.files import Files
from govindex.errors import FileFormatError
from govindex.io.cells import AGENCY_ID_HEADERS, AGENCY_NAME_HEADERS, header_key, too_many_cells

if TYPE_CHECKING:
    from govindex.io.csvcolumns import ColumnChunk, RowsFrom

__all__ = ["CsvRows", "Row", "decode", "delimiter_of"]

#: A row of a table: its line (row) number and its cells as text.
Row = tuple[int, list[str]]

_AGENCY_HEADERS = AGENCY_ID_HEADERS | AGENCY_NAME_HEADERS


def decode(data: bytes | str, file: str | None) -> str:
    """The text of a CSV file: UTF-8 (a byte-order mark dropped); refused, naming the byte, when it is not UTF-8."""
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FileFormatError(Files.NOT_UTF8, byte=error.start, file=file) from None
    return data.removeprefix("\ufeff")


def _sniff(header: str) -> str:
    counts = {";": header.count(";"), ",": header.count(","), "\t": header.count("\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def delimiter_of(text: str) -> str:
    """The separator, told from the header row: the first of the first lines that names the agency column."""
    start = 0
    for _ in range(200):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        for delimiter in (";", ",", "\t"):
            try:
                cells = next(csv.reader([line], delimiter=delimiter))
            except (csv.Error, StopIteration):
                continue
            if len(cells) > 1 and any(header_key(cell) in _AGENCY_HEADERS for cell in cells):
                return delimiter
        if end < 0:
            break
        start = end + 1
    return _sniff(text[: text.find("\n")] if "\n" in text else text)


class CsvRows:
    """The rows of a CSV file that hold a cell (blank lines skipped), each with the line where it starts.

    An iterator of :data:`Row`, from the file's bytes (or its text):
    refuses text that is not UTF-8 or not CSV (an unclosed quote), and a
    table of more than ``max_cells`` cells, at the line where the limit is
    passed. From bytes, the rows not yet read may be read as columns
    instead (:meth:`rest_in_columns`; ``columns=False`` reads every row one by one).
    """

    def __init__(self, data: bytes | str, file: str | None, max_cells: int, *, columns: bool = True) -> None:
        text = decode(data, file)
        if not text.strip():
            raise FileFormatError(Files.EMPTY, file=file, line=1)
        self.file = file
        self.max_cells = max_cells
        raw = data if isinstance(data, bytes) and columns else None
        self.data = raw[3:] if raw is not None and raw.startswith(codecs.BOM_UTF8) else raw
        self.delimiter = delimiter_of(text)
        #: the line where the next row starts, and the cells read so far
        self.next_line = 1
        self.cells_read = 0
        self._rows = self._read(text, 1)

    def __iter__(self) -> Iterator[Row]:
        return self

    def __next__(self) -> Row:
        return next(self._rows)

    def _read(self, text: str, first_line: int) -> Iterator[Row]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter, strict=True)
        before = first_line - 1
        try:
            for cells in reader:
                line = self.next_line
                self.cells_read += len(cells)
                if self.cells_read > self.max_cells:
                    raise too_many_cells(self.max_cells, file=self.file, line=line)
                self.next_line = before + reader.line_num + 1
                if cells and (len(cells) > 1 or cells[0]):
                    yield line, cells
        except csv.Error as error:
            line = before + (reader.line_num or 1)
            raise FileFormatError(Files.NOT_CSV, reason=str(error), file=self.file, line=line) from None

    def rest_in_columns(self, width: int) -> Iterator[ColumnChunk | RowsFrom] | None:
        """The rows not yet read, ``width`` cells each, as chunks of columns
        (:func:`govindex.io.csvcolumns.column_chunks`); ``None`` when they must be read one by one."""
        if self.data is None:
            return None
        from govindex.io.csvcolumns import column_chunks

        return column_chunks(self.data, self.next_line, width, self.delimiter, self.max_cells - self.cells_read)

    def rows_from(self, where: RowsFrom) -> Iterator[Row]:
        """The rows from where the columns stopped, read one by one."""
        assert self.data is not None
        self.cells_read += where.cells
        self.next_line = where.line
        self._rows = self._read(self.data[where.offset :].decode("utf-8"), where.line)
        return self
