"""XLSX bytes to rows: the one place that knows how a workbook is stored.

A workbook is opened once (:class:`Workbook`): its archive is opened, its
sheet list, shared strings and number formats read, and each sheet's XML is
then parsed incrementally, by the standard library (:mod:`zipfile` and
:mod:`xml.parsers.expat`), never through a spreadsheet library. Its sheets
give rows of text cells, ``(row number, cells)``, by the same shape as CSV
rows (:mod:`govindex.io.csvrows`). Only the rows and cells the file holds
are made, whatever its stored ``<dimension>`` says: a row numbered
2,000,000,000 is one row, never two billion empty ones, and every cell made
counts against the cell limit, so memory stays bounded by ``max_cells``.
Numbers typed in Excel arrive as binary floats; each is turned into the
decimal it was typed as through its shortest representation (``9.3`` stays
``9.3``) and marked :class:`~govindex.io.cells.TypedNumber`. A formula gives
its saved result; one without a saved result, dates, times and Excel errors
(``#DIV/0!``) are problems of their cell. A document type declaration (the
way to an entity bomb) makes the file unreadable.

To read workbooks another way, this module is the one to change.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any
from xml.parsers import expat

import attrs

from govindex.catalogue.files import Files
from govindex.errors import FileFormatError, GovIndexError, column_letters
from govindex.io.cells import TypedNumber, check_length, grouped, too_many_cells

__all__ = ["MAX_COLUMN", "MAX_ROW", "Formula", "Workbook", "excel_cell_text"]

#: Excel's own limits: a cell beyond them is refused.
MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
_CHUNK = 1 << 16
#: The number formats Excel builds in that show a date or time (the others show numbers).
_DATE_IDS = frozenset({*range(14, 23), *range(45, 48)})
_TIMEDELTA_IDS = frozenset({46})
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_TIMEDELTA = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?")
_COORDINATE = re.compile(r"([A-Za-z]{1,3})([0-9]+)")

Sink = Callable[[GovIndexError], None]
Row = tuple[int, list[str]]


@attrs.frozen
class Formula:
    """A formula cell: its formula text (without ``=``) and whether the file saved its result."""

    text: str
    saved: bool


def excel_cell_text(value: Any) -> str:
    """The text a cell value stands for, numbers exactly (``9.3`` typed in Excel gives ``"9.3"``).

    >>> excel_cell_text(9.3), excel_cell_text(10), excel_cell_text(None), excel_cell_text("9,3")
    ('9.3', '10', '', '9,3')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return TypedNumber(value)
    if isinstance(value, float):  # float-ok: to the decimal typed, through the shortest repr
        if not math.isfinite(value):
            raise FileFormatError(Files.NOT_FINITE, value=repr(value))
        return TypedNumber(f"{Decimal(repr(value)):f}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise FileFormatError(Files.NOT_FINITE, value=str(value))
        return TypedNumber(f"{value:f}")
    if isinstance(value, str):
        if value.strip() in _ERRORS:
            raise FileFormatError(Files.EXCEL_ERROR, value=value.strip())
        return value
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise FileFormatError(Files.DATE_CELL, value=str(value))
    raise FileFormatError(Files.OTHER_CELL, kind=type(value).__name__, value=repr(value)[:40])


def _unreadable(error: BaseException) -> str:
    return f"{type(error).__name__}: {str(error)[:200]}"


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _no_doctype(*_args: object) -> None:
    raise ValueError("a document type declaration is not allowed in a workbook")


def _parser(start: Callable[..., None], end: Callable[[str], None], text: Callable[[str], None]) -> Any:
    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = _no_doctype
    parser.EntityDeclHandler = _no_doctype
    parser.buffer_text = True
    return parser


def _parse_whole(data: bytes, start: Callable[..., None], end: Callable[[str], None] | None = None) -> list[str]:
    """Parse a small part of the archive; returns the text of its elements, in order, when ``end`` gathers it."""
    texts: list[str] = []
    parser = _parser(start, end or (lambda _name: None), texts.append)
    parser.Parse(data, True)
    return texts


def is_date_format(code: str) -> bool:
    """Whether a number format shows a date or time (Excel's rule: a d, m, y, h or s outside quotes and brackets)."""
    code = _STRIP.sub("", code.split(";")[0])
    return re.search(r"(?<![_\\])[dmhysDMHYS]", code) is not None


class _Parts:
    """The parts of the archive every sheet needs: sheet names and paths, shared strings, date styles."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.sheets: dict[str, str] = {}
        self.date1904 = False
        book = self._workbook_path()
        self._sheets(book)
        folder = posixpath.dirname(book)
        self.strings = self._strings(self._related(book, "sharedStrings", folder))
        self.dates, self.timedeltas = self._styles(self._related(book, "styles", folder))

    def read(self, name: str) -> bytes | None:
        try:
            return self.archive.read(name)
        except KeyError:
            return None

    def _rels(self, path: str) -> dict[str, tuple[str, str]]:
        """A part's relationships: id -> (type's last word, target path in the archive)."""
        folder, name = posixpath.split(path)
        data = self.read(posixpath.join(folder, "_rels", f"{name}.rels"))
        found: dict[str, tuple[str, str]] = {}
        if data is None:
            return found

        def start(tag: str, attributes: dict[str, str]) -> None:
            if _local(tag) == "Relationship" and attributes.get("TargetMode") != "External":
                target = attributes.get("Target", "")
                full = (
                    target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                )
                found[attributes.get("Id", "")] = (attributes.get("Type", "").rpartition("/")[2], full)

        _parse_whole(data, start)
        return found

    def _workbook_path(self) -> str:
        for kind, target in self._rels("").values():
            if kind == "officeDocument":
                return target
        return "xl/workbook.xml"

    def _related(self, book: str, kind: str, folder: str) -> str | None:
        for found, target in self._rels(book).values():
            if found == kind:
                return target
        default = posixpath.join(folder, f"{kind}.xml")
        return default if default in self.archive.NameToInfo else None

    def _sheets(self, book: str) -> None:
        data = self.read(book)
        if data is None:
            raise ValueError(f"the archive has no {book}")
        rels = self._rels(book)
        listed: list[tuple[str, str]] = []

        def start(tag: str, attributes: dict[str, str]) -> None:
            name = _local(tag)
            if name == "sheet":
                rid = next((v for k, v in attributes.items() if _local(k) == "id"), "")
                listed.append((attributes.get("name", ""), rels.get(rid, ("", ""))[1]))
            elif name == "workbookPr":
                self.date1904 = attributes.get("date1904", "").lower() in {"1", "true"}

        _parse_whole(data, start)
        self.sheets = dict(listed)

    def _strings(self, path: str | None) -> list[str]:
        data = None if path is None else self.read(path)
        if data is None:
            return []
        strings: list[str] = []
        parts: list[str] = []
        state = {"in_text": False, "phonetic": 0}

        def start(tag: str, _attributes: dict[str, str]) -> None:
            name = _local(tag)
            if name == "si":
                parts.clear()
            elif name == "rPh":
                state["phonetic"] += 1
            elif name == "t" and not state["phonetic"]:
                state["in_text"] = True

        def end(tag: str) -> None:
            name = _local(tag)
            if name == "si":
                strings.append("".join(parts))
            elif name == "rPh":
                state["phonetic"] -= 1
            elif name == "t":
                state["in_text"] = False

        def text(data: str) -> None:
            if state["in_text"]:
                parts.append(data)

        parser = _parser(start, end, text)
        parser.Parse(data, True)
        return strings

    def _styles(self, path: str | None) -> tuple[frozenset[int], frozenset[int]]:
        """The cell styles (their index) whose number format shows a date, and those that show a duration."""
        data = None if path is None else self.read(path)
        if data is None:
            return frozenset(), frozenset()
        codes: dict[int, str] = {}
        formats: list[int] = []
        where: list[str] = []

        def start(tag: str, attributes: dict[str, str]) -> None:
            name = _local(tag)
            if name == "numFmt":
                codes[int(attributes.get("numFmtId", "-1"))] = attributes.get("formatCode", "")
            elif name == "cellXfs":
                where.append(name)
            elif name == "xf" and where:
                formats.append(int(attributes.get("numFmtId", "0")))

        def end(tag: str) -> None:
            if _local(tag) == "cellXfs":
                where.clear()

        _parse_whole(data, start, end)
        dates: set[int] = set()
        timedeltas: set[int] = set()
        for index, number in enumerate(formats):
            code = codes.get(number)
            if (number in _DATE_IDS and code is None) or (code is not None and is_date_format(code)):
                dates.add(index)
            if (number in _TIMEDELTA_IDS and code is None) or (code is not None and _TIMEDELTA.search(code)):
                timedeltas.add(index)
        return frozenset(dates), frozenset(timedeltas)


_WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
_MAC_EPOCH = dt.datetime(1904, 1, 1)


def _from_excel(value: float, *, date1904: bool, duration: bool) -> dt.datetime | dt.time | dt.timedelta:  # float-ok
    """The date, time or duration an Excel serial number stands for (only to name it in a refusal)."""
    if duration:
        return dt.timedelta(days=value)
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= value < 1 and diff.days == 0:
        return (dt.datetime.min + diff).time()
    if 0 < value < 60 and not date1904:
        day += 1
    return (_MAC_EPOCH if date1904 else _WINDOWS_EPOCH) + dt.timedelta(days=day) + diff


class _SheetParser:
    """The incremental parse of one sheet's XML: complete rows as ``(number, cells)``, each cell a dict."""

    def __init__(self, parts: _Parts) -> None:
        self.parts = parts
        self.done: list[tuple[int, list[dict[str, Any]]]] = []
        self.row = 0
        self.cells: list[dict[str, Any]] = []
        self.column = 0
        self.kind: str | None = None
        self.style = 0
        self.value: list[str] | None = None
        self.formula: list[str] | None = None
        self.inline: list[str] | None = None
        self.capture: list[str] | None = None
        self.phonetic = 0
        self.parser = _parser(self.start, self.end, self.text)

    def feed(self, data: bytes, final: bool = False) -> list[tuple[int, list[dict[str, Any]]]]:
        self.parser.Parse(data, final)
        done, self.done = self.done, []
        return done

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        name = _local(tag)
        if name == "c":
            self.start_cell(attributes)
        elif name == "row":
            self.row = int(attributes["r"]) if "r" in attributes else self.row + 1
            self.column = 0
            self.cells = []
        elif name == "v":
            self.value = self.capture = []
        elif name == "f":
            self.formula = self.capture = []
        elif name == "is":
            self.inline = []
        elif name == "rPh":
            self.phonetic += 1
        elif name == "t" and self.inline is not None and not self.phonetic:
            self.capture = self.inline

    def start_cell(self, attributes: dict[str, str]) -> None:
        coordinate = attributes.get("r")
        if coordinate:
            match = _COORDINATE.fullmatch(coordinate)
            if match is None:
                raise ValueError(f"the cell reference {coordinate[:20]!r} is not one")
            column = 0
            for letter in match[1].upper():
                column = column * 26 + ord(letter) - 64
            self.column, self.row = column, int(match[2])
        else:
            self.column += 1
        self.kind = attributes.get("t")
        self.style = int(attributes.get("s", "0") or "0")
        self.value = self.formula = self.inline = self.capture = None

    def end(self, tag: str) -> None:
        name = _local(tag)
        if name == "c":
            self.cells.append(self.cell())
        elif name == "row":  # a row without cells too: it counts against the limits
            self.done.append((self.row, self.cells))
            self.cells = []
        elif name in {"v", "f", "t"}:
            self.capture = None
        elif name == "rPh":
            self.phonetic -= 1

    def text(self, data: str) -> None:
        if self.capture is not None:
            self.capture.append(data)

    def cell(self) -> dict[str, Any]:
        saved = None if self.value is None else "".join(self.value)
        cell: dict[str, Any] = {"row": self.row, "column": self.column, "value": None}
        try:
            cell["value"] = self.cast(saved)
        except (ValueError, IndexError, OverflowError):
            text = saved or ""
            cell["problem"] = (
                FileFormatError(Files.FORMULA_BAD_RESULT, saved=repr(text[:40]))
                if self.formula is not None
                else FileFormatError(Files.OTHER_CELL, kind="text", value=repr(text[:40]))
            )
        if self.formula is not None:
            cell["formula"] = Formula("".join(self.formula), cell["value"] is not None)
        return cell

    def cast(self, saved: str | None) -> Any:
        kind = self.kind
        if kind == "inlineStr":
            return None if self.inline is None else "".join(self.inline)
        if saved is None or (saved == "" and kind not in {"s", "str"}):
            return None
        if kind == "s":
            return self.parts.strings[int(saved)]
        if kind in {"str", "e"}:
            return saved
        if kind == "b":
            return bool(int(saved))
        if kind == "d":
            return dt.datetime.fromisoformat(saved)
        if kind not in {None, "n"}:
            raise ValueError(kind)
        # Excel saves a typed number as a binary double; its shortest repr is the decimal typed
        number: float | int = (  # float-ok
            float(saved) if any(c in saved for c in ".Ee") or saved.lower() in _SPECIAL else int(saved)  # float-ok
        )
        if self.style in self.parts.dates and isinstance(number, int | float) and math.isfinite(number):
            return _from_excel(number, date1904=self.parts.date1904, duration=self.style in self.parts.timedeltas)
        return number


_SPECIAL = {"inf", "-inf", "nan", "infinity", "-infinity"}


class Workbook:
    """An ``.xlsx`` workbook opened once from its bytes, refused when it is too large, packed or unpacked.

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, data: bytes, file: str | None, max_bytes: int) -> None:
        check_length(data, max_bytes, file)
        self.file = file
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
            size = sum(info.file_size for info in self._archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise FileFormatError(Files.NOT_XLSX, reason=_unreadable(error), file=file) from None
        if size > 10 * max_bytes:
            self._archive.close()
            raise FileFormatError(Files.UNZIPPED_TOO_LARGE, size=grouped(size), limit=grouped(max_bytes), file=file)
        try:
            self._parts = _Parts(self._archive)
        except Exception as error:  # a damaged archive or part fails in many ways
            self._archive.close()
            raise FileFormatError(Files.NOT_XLSX, reason=_unreadable(error), file=file) from None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()

    @property
    def sheetnames(self) -> list[str]:
        """The sheets' names, in the file's order."""
        return list(self._parts.sheets)

    def has_sheet(self, name: str) -> bool:
        return name in self._parts.sheets

    def _stream(self, sheet: str) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        path = self._parts.sheets[sheet]
        parser = _SheetParser(self._parts)
        with self._archive.open(path) as stream:
            while chunk := stream.read(_CHUNK):
                yield from parser.feed(chunk)
        yield from parser.feed(b"", True)

    def values(self, sheet: str, *, max_rows: int | None = None, max_cells: int) -> Iterator[tuple[int, list[Any]]]:
        """The sheet's rows that hold a cell: ``(row number, cells)``, sparse rows made dense (``None`` between).

        A row without cells is not given, but it counts as one cell against
        ``max_cells`` and is refused beyond Excel's limits like any other.

        Each cell is a dict: its ``value`` (a formula's saved result), a
        ``problem`` when it cannot be read, its ``formula`` (:class:`Formula`)
        when it holds one. Problems of the sheet stop the reading: a cell
        beyond Excel's limits, more than ``max_cells`` cells, XML that is not.
        """
        count = seen = 0
        try:
            for number, cells in self._stream(sheet):
                width = max((int(cell["column"]) for cell in cells), default=1)
                first = min((int(cell["column"]) for cell in cells), default=1)
                if not (1 <= number <= MAX_ROW and first >= 1 and width <= MAX_COLUMN):
                    raise FileFormatError(
                        Files.BEYOND_SHEET, cell=f"{column_letters(width)}{number}", file=self.file, sheet=sheet
                    )
                count += width  # an empty row counts as one cell: no file holds more rows than the limit allows
                if count > max_cells:
                    raise too_many_cells(max_cells, file=self.file, sheet=sheet, line=number)
                if not cells:
                    continue
                seen += 1
                if max_rows is not None and seen > max_rows:
                    return
                values: list[Any] = [None] * width
                for cell in cells:
                    values[cell["column"] - 1] = cell
                yield number, values
        except GovIndexError:
            raise
        except Exception as error:  # XML that is not, a part missing, a number that is not one
            raise FileFormatError(
                Files.SHEET_UNREADABLE, sheet_name=repr(sheet), reason=_unreadable(error), file=self.file
            ) from None

    def rows(
        self,
        sheet: str,
        report: Sink,
        *,
        max_cells: int,
        max_rows: int | None = None,
        formulas: dict[tuple[int, int], Formula] | None = None,
    ) -> Iterator[Row]:
        """The sheet's rows as text cells (:func:`excel_cell_text`); a cell's problem goes to ``report``, placed.

        With ``formulas``, each formula cell is noted there by (row, column)
        and one without a saved result is an empty cell, for the caller to judge.
        """
        for number, values in self.values(sheet, max_rows=max_rows, max_cells=max_cells):
            texts: list[str] = []
            for column, cell in enumerate(values, start=1):
                texts.append(self._text(sheet, number, column, cell, report, formulas))
            yield number, texts

    def _text(
        self,
        sheet: str,
        number: int,
        column: int,
        cell: dict[str, Any] | None,
        report: Sink,
        formulas: dict[tuple[int, int], Formula] | None,
    ) -> str:
        if cell is None:
            return ""
        problem = cell.get("problem")
        formula = cell.get("formula")
        if formula is not None:
            if formulas is not None:
                formulas[number, column] = formula
            elif problem is None and not formula.saved:
                problem = FileFormatError(Files.FORMULA_NOT_SAVED)
        if problem is None:
            try:
                return excel_cell_text(cell["value"])
            except GovIndexError as error:
                problem = error
        report(problem.with_context(file=self.file, sheet=sheet, line=number, column=column))
        return ""

    def find_sheet(self, found: Callable[[list[str]], bool], *, max_cells: int, max_rows: int = 200) -> str | None:
        """The first sheet with a row (among its first ``max_rows``) for which ``found`` holds."""
        for name in self.sheetnames:
            if self.find_in(name, found, max_cells=max_cells, max_rows=max_rows):
                return name
        return None

    def find_in(
        self, sheet: str, found: Callable[[list[str]], bool], *, max_rows: int, max_cells: int = 5_000_000
    ) -> bool:
        """Whether a row of ``sheet`` (among its first ``max_rows``) is one for which ``found`` holds."""
        try:
            return any(found(cells) for _n, cells in self.rows(sheet, _ignore, max_cells=max_cells, max_rows=max_rows))
        except GovIndexError:  # an unreadable sheet is not the one; reading it says why
            return False


def _ignore(error: GovIndexError) -> None:
    del error
