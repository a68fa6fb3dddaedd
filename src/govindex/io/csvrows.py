"""CSV bytes to rows: the decoding, the separator and the cells of a CSV score table.

UTF-8 with or without a byte-order mark; comma, semicolon or TAB separators
(Excel in a decimal-comma locale writes semicolons), told from the header
row. Rows come as ``(line, cells)`` with the line of the file where the row
starts; blank lines are skipped, never counted as cells. The cell limit
(``max_cells``) is checked as the rows are read, so that memory stays bounded
by it whatever the file holds.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from govindex.catalogue.files import Files
from govindex.errors import FileFormatError
from govindex.io.cells import AGENCY_ID_HEADERS, AGENCY_NAME_HEADERS, header_key, too_many_cells

__all__ = ["Row", "csv_rows", "decode", "delimiter_of"]

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


def csv_rows(text: str, file: str | None, max_cells: int) -> Iterator[Row]:
    """The rows of a CSV text that hold a cell (blank lines skipped), each with the line where it starts.

    Refuses text that is not CSV (an unclosed quote), and a table of more than
    ``max_cells`` cells, at the line where the limit is passed.
    """
    if not text.strip():
        raise FileFormatError(Files.EMPTY, file=file, line=1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text), strict=True)
    count = 0
    start = 1
    try:
        for cells in reader:
            count += len(cells)
            if count > max_cells:
                raise too_many_cells(max_cells, file=file, line=start)
            if cells and (len(cells) > 1 or cells[0]):
                yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileFormatError(Files.NOT_CSV, reason=str(error), file=file, line=reader.line_num or 1) from None
