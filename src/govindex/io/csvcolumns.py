"""The rows of a plain CSV table read as columns: cells found in the bytes at once, never one string per cell.

A score table as a province exports it has no quoted cell: every line is its
cells between separators. For such a table the part below the header is
read here in chunks of lines, each a matrix of cell *keys*: a cell of up to
eight bytes is its bytes packed in an unsigned 64-bit integer (no UTF-8 text
holds a NUL or a 0xFF byte, so a key stands for exactly one text), a longer
cell a key of its own. A column's distinct keys are turned into text once,
and the readers read each distinct text once (:class:`~govindex.io.table.CellReader`),
so a column of ten thousand scores on a coarse grid costs a few dozen texts.

The cells are exactly those the :mod:`csv` module gives: when the part holds
a quote, a NUL, a carriage return not followed by a line feed, or a line
whose cells are not as many as the header's, the rows are read one by one
(:class:`govindex.io.csvrows.CsvRows`), from the first line on or from the
first chunk that has such a line (:class:`RowsFrom`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

__all__ = ["ColumnChunk", "RowsFrom", "column_chunks"]

#: Lines turned into one chunk of columns.
CHUNK_LINES = 4096
#: The mark of a key that stands for one long cell (a cell's own index below it): no UTF-8 byte is 0xFF.
_LONG = np.uint64(0xFF << 56)
#: The mask of the bytes of a cell of each length (0 to 8) in its packed key.
_MASKS = np.array([(1 << (8 * length)) - 1 for length in range(8)] + [2**64 - 1], dtype=np.uint64)


class ColumnChunk:
    """A chunk of rows of a CSV table: each row's line, and each cell's key, start and end in the bytes."""

    def __init__(
        self, data: bytes, lines: list[int], starts: NDArray[Any], ends: NDArray[Any], keys: NDArray[Any]
    ) -> None:
        self.data = data
        #: the line of the file where each row is
        self.lines = lines
        self.starts = starts
        self.ends = ends
        #: each cell's key, rows by columns
        self.keys = keys

    def __len__(self) -> int:
        return len(self.lines)

    def text(self, row: int, column: int) -> str:
        """The text of one cell (``column`` counted from 0)."""
        return self.data[int(self.starts[row, column]) : int(self.ends[row, column])].decode("utf-8")

    def row(self, row: int) -> list[str]:
        """The texts of every cell of a row."""
        data = self.data
        return [
            data[start:end].decode("utf-8")
            for start, end in zip(self.starts[row].tolist(), self.ends[row].tolist(), strict=True)
        ]

    def column(self, column: int) -> list[str]:
        """The texts of every cell of a column (``column`` counted from 0)."""
        data = self.data
        return [
            data[start:end].decode("utf-8")
            for start, end in zip(self.starts[:, column].tolist(), self.ends[:, column].tolist(), strict=True)
        ]

    def distinct(self, rows: NDArray[Any] | None, column: int) -> tuple[list[str], NDArray[Any]]:
        """The distinct texts of a column over ``rows`` (all when ``None``), and the index of each row's text."""
        keys = self.keys[:, column] if rows is None else self.keys[rows, column]
        found = np.unique(keys)
        inverse = np.searchsorted(found, keys)
        width = self.keys.shape[1]
        texts = []
        for key in found.tolist():
            if key >= 0xFF << 56:
                cell = key - (0xFF << 56)
                texts.append(self.text(cell // width, cell % width))
            else:
                texts.append(key.to_bytes(8, "little").rstrip(b"\0").decode("utf-8"))
        return texts, inverse


@attrs.frozen
class RowsFrom:
    """Where the columns stop: the rows from ``line`` (at byte ``offset``) on are read one by one;
    ``cells`` were read as columns before it."""

    line: int
    offset: int
    cells: int


def column_chunks(
    data: bytes, first_line: int, width: int, delimiter: str, cells_left: int
) -> Iterator[ColumnChunk | RowsFrom] | None:
    """The rows of ``data`` from line ``first_line`` on, ``width`` cells each, in chunks of columns.

    ``None`` when the rows cannot be read so (a quote, a NUL, a lone carriage
    return, more than ``cells_left`` cells, not as many separators as rows of
    ``width`` cells hold): the caller reads them one by one, and reports what
    is wrong where it is. The chunks are made one at a time, so that memory
    holds one chunk's cells; a chunk with a row of another width ends them
    with a :class:`RowsFrom` its first row.
    """
    if width < 2 or len(delimiter) != 1 or (b"\r" in data and data.count(b"\r") != data.count(b"\r\n")):
        return None
    array = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(array == 10)
    if first_line - 1 > len(newlines):
        return iter(())
    begin = 0 if first_line == 1 else int(newlines[first_line - 2]) + 1
    if data.find(b'"', begin) >= 0 or data.find(b"\0", begin) >= 0:
        return None
    line_starts = np.concatenate(([0], newlines + 1))[first_line - 1 :]
    line_ends = np.concatenate((newlines, [len(data)]))[first_line - 1 :]
    if len(line_starts) and line_starts[-1] >= len(data):  # the text ends with a line feed: no line after it
        line_starts, line_ends = line_starts[:-1], line_ends[:-1]
    carriage = (line_ends > line_starts) & (array[np.maximum(line_ends - 1, 0)] == 13)
    line_ends = line_ends - carriage
    filled = np.flatnonzero(line_ends > line_starts)
    if len(filled) * width > cells_left or data.count(delimiter.encode(), begin) != len(filled) * (width - 1):
        return None
    return _chunks(data, array, filled, line_starts, line_ends, first_line, width, ord(delimiter))


def _chunks(
    data: bytes,
    array: NDArray[Any],
    filled: NDArray[Any],
    line_starts: NDArray[Any],
    line_ends: NDArray[Any],
    first_line: int,
    width: int,
    separator: int,
) -> Iterator[ColumnChunk | RowsFrom]:
    padded = np.zeros(len(data) + 8, dtype=np.uint8)
    padded[: len(data)] = array
    # the eight bytes from each offset on, as one little-endian integer (an unaligned view, no copy)
    words = np.ndarray(shape=(len(data) + 1,), dtype=np.dtype("<u8"), buffer=padded, strides=(1,))
    for at in range(0, len(filled), CHUNK_LINES):
        rows = filled[at : at + CHUNK_LINES]
        starts, ends = line_starts[rows], line_ends[rows]
        inner = _separators(array, starts, ends, width, separator)
        if inner is None:
            yield RowsFrom(int(rows[0]) + first_line, int(starts[0]), at * width)
            return
        cell_starts = np.empty((len(rows), width), dtype=np.int64)
        cell_ends = np.empty((len(rows), width), dtype=np.int64)
        cell_starts[:, 0] = starts
        cell_starts[:, 1:] = inner + 1
        cell_ends[:, :-1] = inner
        cell_ends[:, -1] = ends
        lengths = cell_ends - cell_starts
        keys = words[cell_starts.reshape(-1)].reshape(len(rows), width)
        keys &= _MASKS[np.minimum(lengths, 8)]
        long = lengths > 8
        if long.any():
            keys[long] = _LONG + np.flatnonzero(long.reshape(-1)).astype(np.uint64)
        yield ColumnChunk(data, (rows + first_line).tolist(), cell_starts, cell_ends, keys)


def _separators(
    array: NDArray[Any], starts: NDArray[Any], ends: NDArray[Any], width: int, separator: int
) -> NDArray[Any] | None:
    """The separators of the lines between ``starts`` and ``ends``, a row per line; ``None`` if one is not
    ``width`` cells wide."""
    low, high = int(starts[0]), int(ends[-1])
    found = np.flatnonzero(array[low:high] == separator) + low
    if len(found) != len(starts) * (width - 1):
        return None
    counts = np.searchsorted(found, ends) - np.searchsorted(found, starts)
    if not bool((counts == width - 1).all()):
        return None
    return found.reshape(len(starts), width - 1)
