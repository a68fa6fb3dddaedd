"""A plain CSV table read as columns gives exactly what reading it row by row gives.

:func:`govindex.io.csvcolumns.column_chunks` finds the cells of the rows
below the header in the bytes; the wide reader then reads each distinct
text of a column once. Whatever a table holds (blank lines, rows of empty
cells, problems, long cells, Vietnamese text, line ends of Windows), the
agencies, codes, lines, measurements and every problem with its place are
those of the row-by-row reading (:mod:`csv`), which answers whenever the
columns cannot. The codes then split into points, given cells and decimals
written, in place, exactly as one code at a time would.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from filekit import RUBRIC
from govindex.errors import GovIndexError
from govindex.io.cells import ReadOptions
from govindex.io.csvcolumns import CHUNK_LINES, column_chunks
from govindex.io.csvrows import CsvRows
from govindex.io.reading import read_table
from govindex.io.rubrics import parse_rubric
from govindex.io.table import BLANK, PROBLEM, code_of, split_codes

_RUBRIC = parse_rubric(RUBRIC)
_HEADER = ["agency", "group", "name", "infra", "ops", "total"]


def _read(data: bytes, *, columns: bool, **options: Any) -> tuple[Any, list[tuple[Any, ...]]]:
    """What a table gives: per group the agencies, lines, sources and codes; and every problem with its place."""
    problems: list[GovIndexError] = []
    rows = CsvRows(data, "t.csv", ReadOptions(**options).max_cells, columns=columns)
    part = read_table(
        rows, _RUBRIC, file="t.csv", options=ReadOptions(**options), report=problems.append, protected=True
    )
    groups = {
        group: (
            [(a.id, a.name, a.group, a.not_ranked) for a in piece.agencies],
            piece.lines,
            piece.sources,
            piece.codes().tolist(),
            piece.measurements,
        )
        for group, piece in part.groups.items()
    }
    shape = (groups, part.lines, part.columns, [(a.id, line) for a, line in part.blank])
    placed = sorted(
        (str(p.code), p.line or 0, p.column or 0, p.agency or "", p.node or "", p.message_in("en"))
        for problem in problems
        for p in problem.problems
    )
    return shape, placed


def test_a_plain_table_is_read_as_columns_with_the_cells_csv_gives() -> None:
    data = "agency,group,name,infra,ops,total\r\nso-a,provincial,Sở A,35.5,50,\r\n\r\nso-b,provincial,Sở Bắc Yên dài,30,,\r\n"
    encoded = data.encode()
    chunks = column_chunks(encoded, 2, 6, ",", 10_000)
    assert chunks is not None
    (chunk,) = list(chunks)
    assert chunk.lines == [2, 4]
    expected = [row for row in csv.reader(io.StringIO(data, newline="")) if row][1:]
    assert [chunk.row(i) for i in range(len(chunk))] == expected
    assert chunk.column(2) == ["Sở A", "Sở Bắc Yên dài"]
    texts, index = chunk.distinct(None, 2)  # a long cell keeps its own key
    assert [texts[i] for i in index.tolist()] == ["Sở A", "Sở Bắc Yên dài"]
    texts, index = chunk.distinct(np.array([1]), 4)
    assert [texts[i] for i in index.tolist()] == [""]


def test_a_table_the_columns_cannot_hold_is_left_to_the_rows() -> None:
    header = b"agency,group,name,infra,ops,total\n"
    assert column_chunks(header + b'so-a,provincial,"A, B",1,2,\n', 2, 6, ",", 10_000) is None  # a quote
    assert column_chunks(header + b"so-a,provincial,A\0,1,2,\n", 2, 6, ",", 10_000) is None  # a NUL
    assert column_chunks(header + b"so-a,provincial,A,1,2,\rso-b,provincial,B,1,2,\n", 2, 6, ",", 10_000) is None
    assert column_chunks(header + b"so-a,provincial,A,1,2\n", 2, 6, ",", 10_000) is None  # a short row
    assert column_chunks(header + b"so-a,provincial,A,1,2,,\n", 2, 6, ",", 10_000) is None  # a long row
    # a long row and a short one: as many separators as two rows hold, the columns stop at the first chunk
    (stop,) = column_chunks(header + b"so-a,provincial,A,1,2,,\nso-b,provincial,B,1,2\n", 2, 6, ",", 10_000) or []
    assert (stop.line, stop.offset, stop.cells) == (2, len(header), 0)
    assert column_chunks(header + b"so-a,provincial,A,1,2,\n", 2, 6, ",", 5) is None  # over the cell limit
    assert list(column_chunks(header, 2, 6, ",", 10_000) or [None]) == []


_CELLS = st.sampled_from(
    ["", " ", "0", "1", "35.5", "40", "40.00", "41", "-1", "abc", "1,5", "12.345", "7.25 ", "=1+1", "'5", "đ", "1e3"]
)
_NAMES = st.sampled_from(["so-a", "so-b", "so-c", "huyen-d", "", " so-e", "x" * 12, "Sở Nội vụ"])
_GROUPS = st.sampled_from(["provincial", "district", "", "nowhere", "Sở, ban, ngành"])


@st.composite
def _tables(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [delimiter.join(_HEADER)]
    if draw(st.booleans()):
        lines.insert(0, "Bảng điểm")
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            lines.append("")
        elif kind == 1:
            lines.append(delimiter * 5)
        else:
            name = draw(_NAMES)
            group = draw(_GROUPS)
            cells = [
                name,
                group,
                draw(st.sampled_from(["", "Sở Y tế", "UBND huyện"])),
                *draw(st.lists(_CELLS, min_size=3, max_size=3)),
            ]
            odd = draw(st.integers(0, 30))
            if odd == 0:
                cells.append("")  # a row one cell too wide: read row by row
            elif odd == 1:
                cells.pop()  # one cell too narrow (with a wide row, as many separators as rows of the header's)
            lines.append(delimiter.join(cell.replace(delimiter, "") for cell in cells))
    text = end.join(lines) + (end if draw(st.booleans()) else "")
    return text.encode("utf-8")


@settings(max_examples=300)
@given(_tables(), st.sampled_from(["refuse", "not-assessed"]))
def test_columns_read_what_the_rows_read(data: bytes, blank_rows: str) -> None:
    assert _read(data, columns=True, blank_rows=blank_rows) == _read(data, columns=False, blank_rows=blank_rows)


def test_chunks_of_a_large_table_read_what_the_rows_read() -> None:
    rows = ["agency,group,name,infra,ops,total"]
    for i in range(2 * CHUNK_LINES + 7):
        group = "district" if i % 3 == 0 else "provincial"
        scores = f",,{i % 101}" if group == "district" else f"{i % 41},{(i * 7) % 60}.5,"
        rows.append(f"a-{i},{group},Cơ quan {i},{scores}")
    rows[100] = "a-98,provincial,again,1,2,"  # a repeated agency
    rows[5000] = "a-4999,provincial,B,41,0,"  # above the maximum
    data = ("\n".join(rows) + "\n").encode()
    fast, slow = _read(data, columns=True), _read(data, columns=False)
    assert fast == slow
    assert len(fast[1]) == 2
    # a row too wide and one too narrow in the second chunk: from it on, the rows are read one by one
    rows[CHUNK_LINES + 10] += ",9"
    rows[CHUNK_LINES + 20] = rows[CHUNK_LINES + 20].rsplit(",", 1)[0]
    data = ("\n".join(rows) + "\n").encode()
    chunks = column_chunks(data, 2, 6, ",", 10**6)
    assert chunks is not None
    kinds = [type(chunk).__name__ for chunk in chunks]
    assert kinds == ["ColumnChunk", "RowsFrom"]
    fast, slow = _read(data, columns=True), _read(data, columns=False)
    assert fast == slow
    assert [(p[0], p[1]) for p in fast[1] if p[0] == "row-too-wide" or p[0] == "row-width"] == [
        ("row-too-wide", CHUNK_LINES + 11),
        ("row-width", CHUNK_LINES + 21),
    ]


_CODES = st.one_of(
    st.sampled_from([BLANK, PROBLEM]),
    st.builds(code_of, st.integers(0, 2**40), st.integers(0, 15), st.sampled_from(["", ".", ","])),
)


@given(st.lists(st.lists(_CODES, min_size=3, max_size=3), min_size=1, max_size=12), st.booleans())
def test_codes_split_into_points_given_cells_and_decimals_written(rows: list[list[int]], by_column: bool) -> None:
    codes = np.array(rows, dtype=np.int64, order="F" if by_column else "C")
    values, given, digits = split_codes(codes.copy(order="K"), np.int64)
    for row, cells in enumerate(rows):
        for column, code in enumerate(cells):
            assert bool(given[row, column]) is (code >= 0)
            assert int(values[row, column]) == (code // 64 if code >= 0 else 0)
            assert int(digits[row, column]) == (code // 4 % 16 if code >= 0 else 0)
    objects = np.array(rows, dtype=object)
    split = split_codes(objects, object)
    assert [part.tolist() for part in split] == [values.tolist(), given.tolist(), digits.tolist()]
