"""The cells of score tables as people keep them: header names, numbers, reading options and limits.

Shared by every reader of tables (:mod:`govindex.io.table`). A header cell
is compared with the names below up to Unicode form (NFC), case and spacing
(:func:`header_key`). A number cell is read by :class:`NumberText` straight
into a scaled integer (points times ``10**decimals``), without a
:class:`~decimal.Decimal`; the readers call it once per distinct text of a
column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import attrs

from govindex.agency import nfc
from govindex.catalogue.files import Files
from govindex.catalogue.hostile import system_reason
from govindex.catalogue.reading import Reading
from govindex.catalogue.vocabulary import (
    AGENCY_ID_WORDS,
    AGENCY_NAME_WORDS,
    MAXIMUM_AFTER,
    MAXIMUM_BEFORE,
    ROW_NUMBER_HEADERS,
    SCORE_COLUMN_HEADERS,
    TOTAL_WORDS,
)
from govindex.errors import FileFormatError, InputError

if TYPE_CHECKING:
    from govindex.directory import AgencyDirectory

__all__ = [
    "AGENCY_ID_HEADERS",
    "AGENCY_NAME_HEADERS",
    "BLANK_ROWS",
    "COLUMN_NAMES",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CELLS",
    "IGNORED_HEADERS",
    "TOTAL_HEADERS",
    "NumberText",
    "ReadOptions",
    "TypedNumber",
    "Upload",
    "bad_character",
    "check_text",
    "header_key",
    "read_limited",
    "split_maximum",
    "suffix_of",
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
AGENCY_ID_HEADERS = frozenset({"agency", *AGENCY_ID_WORDS})
#: Headers of the agency column that hold the agency's name (tên cơ quan, đơn vị).
AGENCY_NAME_HEADERS = frozenset(AGENCY_NAME_WORDS)
#: Headers of columns that are never read: the row number (số thứ tự).
IGNORED_HEADERS = frozenset(ROW_NUMBER_HEADERS)
#: Headers of the total column besides the root node's id and name.
TOTAL_HEADERS = frozenset(TOTAL_WORDS)

#: The other columns a table may have, by every header that names them: the column's id, then its Vietnamese names.
COLUMN_NAMES: dict[str, str] = {
    header: column
    for column in (
        "group",
        "name",
        "has_subordinate_units",
        "has_online_services",
        "has_procedures",
        "special",
        "not_applicable",
        "not_ranked",
        "node",
        "score",
        "evidence",
        "reason",
        "source",
    )
    for header in (column, *SCORE_COLUMN_HEADERS.get(column, ()))
}


def _any_of(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in words)


_MAXIMUM = re.compile(
    rf"(.*?)\s*\(\s*(?:(?:{_any_of(MAXIMUM_BEFORE)})\s*)?([0-9]+(?:[.,][0-9]+)?)\s*(?:{_any_of(MAXIMUM_AFTER)})?\s*\)"
)


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
        raise InputError(Reading.POSITIVE, name=attribute.name, value=repr(value))


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


#: What ``ReadOptions(blank_rows=...)`` takes: refuse an agency's row without any score, or report the
#: agency as not assessed (chưa đánh giá).
BLANK_ROWS = ("refuse", "not-assessed")


def _blank_rows(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in BLANK_ROWS:
        raise InputError(Reading.BLANK_ROWS, known=BLANK_ROWS, value=repr(value))


@attrs.frozen
class ReadOptions:
    """How score files are read.

    - ``sheet``: the worksheet of a workbook (default: the first with a header row);
    - ``ignore_columns``: header names of columns to leave unread (any other unknown
      column is refused; a column the reader needs cannot be left unread);
    - ``registry``: the agency directory that gives agencies named in the table their
      stable ids;
    - ``max_bytes`` and ``max_cells``: the largest file and table read; a larger one is
      refused before it is read (every reader applies both);
    - ``blank_rows``: ``"refuse"`` (the default) refuses an agency's row that holds no
      score; ``"not-assessed"`` leaves the agency out of the scoring and reports it as
      not assessed (chưa đánh giá), with the reason.
    """

    sheet: str | None = None
    ignore_columns: tuple[str, ...] = attrs.field(default=(), converter=_names)
    registry: AgencyDirectory | None = None
    max_bytes: int = attrs.field(default=DEFAULT_MAX_BYTES, validator=_positive)
    max_cells: int = attrs.field(default=DEFAULT_MAX_CELLS, validator=_positive)
    blank_rows: str = attrs.field(default="refuse", validator=_blank_rows)


@attrs.frozen
class Upload:
    """A file given as its name and its bytes (an upload to ``govindex serve``, a file a caller holds): read as
    the file of that name would be, by the extension of ``name``, with nothing written to disk. Problems name
    it by ``name``.

    >>> from govindex import load_rubric
    >>> from govindex.io import read_scores
    >>> data = open("examples/2017/bang-diem-so-nganh.csv", "rb").read()
    >>> options = ReadOptions(ignore_columns=["Ghi chú"])
    >>> cohort = read_scores(Upload("bang-diem.csv", data), load_rubric("sonla-2017-it"), options=options)
    >>> len(cohort), cohort.files, cohort.places["so-noi-vu"]
    (18, ('bang-diem.csv',), ('bang-diem.csv', None, 6))
    """

    name: str
    data: bytes = attrs.field(repr=False)

    @property
    def suffix(self) -> str:
        from pathlib import PurePath

        return PurePath(self.name).suffix

    def exists(self) -> bool:
        return True

    def __str__(self) -> str:
        return self.name


def suffix_of(source: str | Path | Upload) -> str:
    """The extension (lower case) that tells how a file or an uploaded file is read.

    >>> suffix_of("a/b.XLSX"), suffix_of(Upload("form.csv", b""))
    ('.xlsx', '.csv')
    """
    return Path(source.name if isinstance(source, Upload) else source).suffix.lower()


def read_limited(path: str | Path | Upload, max_bytes: int) -> bytes:
    """The bytes of a file, refused before reading when it is larger than ``max_bytes``.

    A device (``/dev/zero``) or a folder is refused; a pipe is read up to the limit. The bytes of an
    :class:`Upload` are checked against the limit, no file is opened.
    """
    import os
    import stat

    file = str(path)
    if isinstance(path, Upload):
        check_length(path.data, max_bytes, file)
        return path.data
    if "\x00" in file:
        from govindex.catalogue.cli import CliError

        raise FileFormatError(Files.CANNOT_READ, reason=CliError.NUL_IN_PATH, file=file.replace("\x00", "\\0"))
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISCHR(status.st_mode) or stat.S_ISBLK(status.st_mode) or stat.S_ISDIR(status.st_mode):
                raise FileFormatError(Files.DEVICE, file=file)
            if stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
                raise FileFormatError(
                    Files.TOO_LARGE, size=grouped(status.st_size), limit=grouped(max_bytes), file=file
                )
            data = _read_up_to(handle, max_bytes + 1, status.st_size if stat.S_ISREG(status.st_mode) else None)
    except IsADirectoryError:
        raise FileFormatError(Files.DEVICE, file=file) from None
    except OSError as error:
        raise FileFormatError(Files.CANNOT_READ, reason=system_reason(error), file=file) from None
    if len(data) > max_bytes:
        raise FileFormatError(Files.TOO_LARGE_STREAM, limit=grouped(max_bytes), file=file)
    return data


def _read_up_to(handle: BinaryIO, limit: int, size: int | None) -> bytes:
    """At most ``limit`` bytes of an open file, to its end, memory bounded by what it holds (never ``limit``
    reserved up front): a regular file by its stated size first, then (a pipe, a file that grew) in pieces."""
    pieces: list[bytes] = []
    left = limit
    step = min(left, size + 1) if size is not None else min(left, 1 << 20)
    while left > 0 and (piece := handle.read(step)):
        pieces.append(piece)
        left -= len(piece)
        step = min(left, 1 << 20)
    return b"".join(pieces)


def check_length(data: bytes | str, max_bytes: int, file: str | None) -> None:
    """Refuse data (bytes or text given in memory) longer than ``max_bytes``."""
    if len(data) > max_bytes:
        raise FileFormatError(Files.TOO_LARGE, size=grouped(len(data)), limit=grouped(max_bytes), file=file)


def grouped(number: int) -> str:
    """A whole number with its thousands set apart by spaces (``100 000 000``), as Vietnamese and SI write."""
    return f"{number:,}".replace(",", " ")


def too_many_cells(max_cells: int, **place: object) -> FileFormatError:
    """The refusal of a table over the cell limit."""
    return FileFormatError(Files.TOO_MANY_CELLS, limit=grouped(max_cells), **place)  # type: ignore[arg-type]


class TypedNumber(str):
    """The text of a number a workbook stores as a number (no separator was typed)."""

    __slots__ = ()


# Lone surrogates and the noncharacters U+FFFE/U+FFFF (and the other noncharacters): no writer can encode them.
_BAD_CHARACTER = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def bad_character(text: str) -> str | None:
    """The first character of ``text`` that no file can hold (a lone surrogate, a noncharacter), if any."""
    found = _BAD_CHARACTER.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def check_text(text: str, *, controls: bool = True) -> None:
    """Refuse a text with a lone surrogate, a noncharacter or (with ``controls``) a control character."""
    found = _BAD_CHARACTER.search(text) or (_CONTROL.search(text) if controls else None)
    if found is not None:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise InputError(Reading.BAD_TEXT, text=ascii(shown), char=f"U+{ord(found.group()):04X}")


_NUMBER = re.compile(r"(-?)([0-9]+)(?:([.,])([0-9]+))?")
_EXPONENT = re.compile(r"[+-]?[0-9]*[.,]?[0-9]+[eE][+-]?[0-9]+")


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def number_problem(text: str) -> InputError:
    """Why ``text`` (stripped, not empty) is not a plain number of points."""
    shown = _shown(text)
    if any(ch.isdigit() and not "0" <= ch <= "9" for ch in text):
        return InputError(Reading.FOREIGN_DIGITS, text=shown)
    if text.startswith("+"):
        return InputError(Reading.PLUS_SIGN, text=shown)
    if text.lstrip("-")[:1] in {".", ","}:
        return InputError(Reading.LEADING_SEPARATOR, text=shown)
    if _EXPONENT.fullmatch(text):
        return InputError(Reading.EXPONENT, text=shown)
    if text[-1:] in {".", ","}:
        return InputError(Reading.TRAILING_SEPARATOR, text=shown)
    if text.count(".") + text.count(",") > 1:
        return InputError(Reading.SEPARATORS, text=shown)
    return InputError(Reading.NOT_A_NUMBER, text=shown)


class NumberText:
    """Reads the text of a number cell as points times ``10**decimals``, exactly, without a Decimal.

    ``read`` gives the scaled integer, the decimal separator typed (``","``,
    ``"."`` or ``""``) and how many decimals were written, or raises an :class:`~govindex.errors.InputError` with a
    catalogue reason: not a plain number, ambiguous (``1.000``: a thousands
    separator, or three decimals where the rubric has fewer?), or more decimals
    than the rubric's. Negative values come back negative: the caller refuses
    them with the node.

    >>> NumberText(2).read("71,5"), NumberText(1).read("7.50"), NumberText(0).read("10")
    ((7150, ',', 1), (75, '.', 2), (10, '', 0))
    """

    def __init__(self, decimals: int) -> None:
        self.decimals = decimals
        self.unit = 10**decimals

    def read(self, text: str, typed: bool = False) -> tuple[int, str, int]:
        sign, whole, separator, fraction = self.parts(text, typed)
        decimals = self.decimals
        kept = fraction.rstrip("0")
        if len(kept) > decimals:
            value = f"{sign}{whole}.{fraction}"
            raise InputError(Reading.TOO_PRECISE, value=value, decimals=decimals)
        scaled = int(whole) * self.unit + (int(kept.ljust(decimals, "0")) if kept else 0)
        return (-scaled if sign else scaled), ("" if typed else separator or ""), len(fraction)

    def decimal(self, text: str, typed: bool = False) -> tuple[Decimal, str]:
        """The number as a Decimal with any decimals (an index value on a published scale), and its separator."""
        sign, whole, separator, fraction = self.parts(text, typed)
        value = Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
        return value, ("" if typed else separator or "")

    def parts(self, text: str, typed: bool) -> tuple[str, str, str, str]:
        """Sign, whole part, separator and fraction of a plain number; refused when not plain or ambiguous."""
        found = _NUMBER.fullmatch(text)
        if found is None:
            raise number_problem(text)
        sign, whole, separator, fraction = found.groups()
        decimals = self.decimals
        fraction = fraction or ""
        kept = fraction.rstrip("0")
        if not typed and len(fraction) == 3 and decimals < 3 and len(kept) <= decimals:
            plain = f"{sign}{int(whole)}" + (f".{kept}" if kept else "")
            raise InputError(
                Reading.AMBIGUOUS_NUMBER,
                text=_shown(text),
                grouped=f"{sign}{int(whole + fraction)}",
                plain=plain,
                decimals=decimals,
            )
        return sign, whole, separator or "", fraction
