"""The cells of score tables as people keep them: header names, numbers, reading options and limits.

Shared by the CSV and XLSX readers (:mod:`govindex.io.csvio`,
:mod:`govindex.io.xlsx`). A header cell is compared with the names below up
to Unicode form (NFC), case and spacing (:func:`header_key`). Every number
of a file is read by one :class:`NumberReader`, which keeps the file to one
decimal separator, and each column converts each distinct text once
(:func:`points_column`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

import attrs

from govindex.agency import nfc
from govindex.directory import AgencyDirectory
from govindex.errors import FileFormatError, InputError, cell_name
from govindex.points import decimals_of, exact_context, parse_points

__all__ = [
    "AGENCY_ID_HEADERS",
    "AGENCY_NAME_HEADERS",
    "COLUMN_NAMES",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CELLS",
    "IGNORED_HEADERS",
    "TOTAL_HEADERS",
    "CellReader",
    "NumberReader",
    "ReadOptions",
    "TypedNumber",
    "header_key",
    "points_column",
    "read_limited",
    "split_maximum",
]

#: The largest file read, in bytes (changed with ``ReadOptions(max_bytes=...)`` or ``--max-bytes``).
DEFAULT_MAX_BYTES = 100_000_000
#: The most cells a table may hold (changed with ``ReadOptions(max_cells=...)`` or ``--max-cells``).
DEFAULT_MAX_CELLS = 5_000_000


def header_key(text: str) -> str:
    """A header cell as compared: NFC, case folded, runs of spaces (and line breaks) as one space.

    >>> header_key("  Tên  cơ quan\\n")
    'tên cơ quan'
    """
    return " ".join(nfc(text).casefold().split())


#: Headers of the agency column that hold the agency's id.
AGENCY_ID_HEADERS = frozenset({"agency", "mã cơ quan", "mã đơn vị"})
#: Headers of the agency column that hold the agency's name (tên cơ quan, đơn vị).
AGENCY_NAME_HEADERS = frozenset({"tên cơ quan", "cơ quan", "tên đơn vị", "đơn vị", "cơ quan, đơn vị"})
#: Headers of columns that are never read: the row number (số thứ tự).
IGNORED_HEADERS = frozenset({"stt", "tt", "số tt", "số thứ tự"})
#: Headers of the total column besides the root node's id and name.
TOTAL_HEADERS = frozenset({"tổng điểm", "tổng số điểm", "tổng cộng"})

#: The other columns a table may have, by every header that names them.
COLUMN_NAMES: dict[str, str] = {
    "group": "group",
    "khối": "group",
    "nhóm": "group",
    "name": "name",
    "has_subordinate_units": "has_subordinate_units",
    "có đơn vị trực thuộc": "has_subordinate_units",
    "has_online_services": "has_online_services",
    "có dịch vụ công trực tuyến": "has_online_services",
    "có dvctt": "has_online_services",
    "has_procedures": "has_procedures",
    "có thủ tục hành chính": "has_procedures",
    "có tthc": "has_procedures",
    "special": "special",
    "đặc thù": "special",
    "cơ quan đặc thù": "special",
    "not_applicable": "not_applicable",
    "không áp dụng": "not_applicable",
    "tiêu chí không áp dụng": "not_applicable",
    "node": "node",
    "score": "score",
    "evidence": "evidence",
    "tài liệu kiểm chứng": "evidence",
    "source": "source",
    "nguồn": "source",
}

_MAXIMUM = re.compile(r"(.*?)\s*\(\s*(?:tối đa\s*)?([0-9]+(?:[.,][0-9]+)?)\s*(?:điểm|đ)?\s*\)")


def split_maximum(key: str) -> tuple[str, Decimal | None]:
    """A header key and the maximum written after it, if any.

    >>> split_maximum("hạ tầng kỹ thuật cntt (10 điểm)")
    ('hạ tầng kỹ thuật cntt', Decimal('10'))
    >>> split_maximum("an toàn thông tin (tối đa 7,5)"), split_maximum("nhân lực (10đ)")[1]
    (('an toàn thông tin', Decimal('7.5')), Decimal('10'))
    >>> split_maximum("policy")
    ('policy', None)
    """
    found = _MAXIMUM.fullmatch(key)
    if found is None or not found.group(1):
        return key, None
    return found.group(1), Decimal(found.group(2).replace(",", "."))


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InputError(f"{attribute.name} must be a positive whole number, not {value!r}")


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen
class ReadOptions:
    """How score files are read.

    - ``sheet``: the worksheet of a workbook (default: the first with a header row);
    - ``ignore_columns``: header names of columns to leave unread (any other unknown
      column is refused);
    - ``registry``: the agency directory that gives agencies named in the table their
      stable ids;
    - ``max_bytes`` and ``max_cells``: the largest file and table read; a larger one is
      refused before it is read.
    """

    sheet: str | None = None
    ignore_columns: tuple[str, ...] = attrs.field(default=(), converter=_names)
    registry: AgencyDirectory | None = None
    max_bytes: int = attrs.field(default=DEFAULT_MAX_BYTES, validator=_positive)
    max_cells: int = attrs.field(default=DEFAULT_MAX_CELLS, validator=_positive)


def read_limited(path: str | Path, max_bytes: int, what: str = "score file") -> bytes:
    """The bytes of a file, refused before reading when it is larger than ``max_bytes``."""
    file = str(path)
    try:
        with open(path, "rb") as handle:
            size = _size(handle.fileno())
            if size is not None and size > max_bytes:
                raise FileFormatError(too_large(size, max_bytes), file=file)
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise FileFormatError(f"cannot read the {what}: {error.strerror}", file=file) from None
    if len(data) > max_bytes:
        raise FileFormatError(too_large(None, max_bytes), file=file)
    return data


def _size(fileno: int) -> int | None:
    import os
    import stat

    status = os.fstat(fileno)
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def grouped(number: int) -> str:
    """A whole number with its thousands set apart by spaces (``100 000 000``), as Vietnamese and SI write."""
    return f"{number:,}".replace(",", " ")


def too_large(size: int | None, max_bytes: int) -> str:
    """The message for a file over the byte limit."""
    held = "more" if size is None else f"{grouped(size)} bytes, more"
    return (
        f"the file holds {held} than the {grouped(max_bytes)} bytes read; raise the limit with --max-bytes "
        "(max_bytes=) if the file is right"
    )


def too_many_cells(max_cells: int) -> str:
    """The message for a table over the cell limit."""
    return (
        f"the table has more than {grouped(max_cells)} cells; raise the limit with --max-cells (max_cells=) "
        "if the file is right"
    )


class TypedNumber(str):
    """The text of a number a workbook stores as a number (no separator was typed)."""

    __slots__ = ()


#: Reads one cell's text as the value of its column: (text, line, column) to points.
CellReader = Callable[[str, int, int], Decimal]


class NumberReader:
    """Reads the numbers of one file: strictly, and with one decimal separator for the whole file.

    ``1.000`` or ``12,500`` (three decimals where the rubric allows fewer, and
    a value the rubric would accept) is refused as ambiguous: a thousands
    separator, or decimals? A number typed
    with ``,`` after one typed with ``.`` (or the other way round) is refused,
    naming both places.
    """

    def __init__(self, decimals: int, sheet: str | None = None) -> None:
        self.decimals = decimals
        self.sheet = sheet
        self.first: tuple[str, str, int, int] | None = None

    def place(self, line: int, column: int) -> str:
        if self.sheet is not None:
            return f"cell {cell_name(line, column)[1:]}"
        return f"line {line}, column {column}"

    def points(self, text: str, line: int, column: int) -> Decimal:
        value = parse_points(text)
        if isinstance(text, TypedNumber):
            return value
        text = text.strip()
        separator = "," if "," in text else "." if "." in text else ""
        if not separator:
            return value
        whole, _, decimals = text.partition(separator)
        if len(decimals) == 3 and self.decimals < 3 and decimals_of(value) <= self.decimals:
            with exact_context():
                plain = f"{value.normalize():f}"
            raise InputError(
                f"{text!r} is ambiguous: a thousands separator ({whole.lstrip('-')}{decimals}), or decimals "
                f"({plain})? The rubric has {self.decimals} decimal(s); write the number in plain "
                f"digits, with at most {self.decimals} decimal(s)"
            )
        if self.first is None:
            self.first = (separator, text, line, column)
        elif self.first[0] != separator:
            other, example, first_line, first_column = self.first
            raise InputError(
                f"{text!r} has the decimal separator {separator!r}, but {example!r} at "
                f"{self.place(first_line, first_column)} has {other!r}; a file writes all its numbers "
                "with one decimal separator"
            )
        return value


def points_column(numbers: NumberReader) -> CellReader:
    """The reader of one column of points: each distinct text is converted once."""
    cache: dict[str, Decimal] = {}

    def read(text: str, line: int, column: int) -> Decimal:
        value = cache.get(text)
        if value is None:
            value = numbers.points(text, line, column)
            cache[text] = value
        return value

    return read
