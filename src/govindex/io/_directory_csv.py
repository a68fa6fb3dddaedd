"""The CSV a province keeps of its agencies (danh sách cơ quan, đơn vị): read strictly, written to read back.

Private to :mod:`govindex.io.directory`, which exports
:func:`parse_directory_csv` and :func:`dump_directory_csv`; the format is
documented there and in ``docs/comparing-years.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import attrs

from govindex._lineage import ID_PATTERN
from govindex.agency import nfc
from govindex.catalogue import Entry
from govindex.catalogue.directory import DirectoryFile, Lineage
from govindex.catalogue.vocabulary import DIRECTORY_HEADERS, ROW_NUMBER_HEADERS, DirectoryColumn
from govindex.directory import INITIAL, AgencyDirectory, AgencyRecord, EventKind, Level, LineageEvent, Moment, fold_name
from govindex.errors import FileFormatError, GovIndexError, InputError, collected
from govindex.io.unfit import UNFIT, unfit_error
from govindex.render.safe import csv_cell, unprotect_csv_cell, visible

__all__ = ["COLUMNS", "REQUIRED", "alone", "dump_directory_csv", "parse_directory_csv"]

#: Every column of a directory CSV, by the headers that name it (English first, then Vietnamese).
COLUMNS: dict[str, tuple[str, ...]] = {column: (column, *headers) for column, headers in DIRECTORY_HEADERS.items()}
#: The columns every directory CSV has.
REQUIRED = ("code", "name", "level", "predecessors", "from", "until")
#: Headers of the row number (số thứ tự), never read.
_IGNORED = frozenset(fold_name(header) for header in ROW_NUMBER_HEADERS)
_HEADERS = {fold_name(header): column for column, headers in COLUMNS.items() for header in headers}
_DATE_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR = re.compile(r"\d{4}")
_LIST = re.compile(r"[;,\s]+")
_T = TypeVar("_T")
#: The most cells a directory CSV may hold.
MAX_CELLS = 1_000_000


def alone(problem: GovIndexError) -> GovIndexError:
    """One of several problems raised together (:func:`~govindex.errors.collected`), without the others."""
    if problem.reason is None:
        return problem
    return type(problem)(problem.reason, **problem.context(), **problem.params)


def _moment(text: str) -> Moment:
    """A cell of ``from`` or ``until``: a day as Vietnamese spreadsheets write it, an ISO day, or a year."""
    try:
        found = _DATE_DMY.fullmatch(text)
        if found is not None:
            day, month, year = (int(part) for part in found.groups())
            return Moment(year, dt.date(year, month, day))
        found = _DATE_ISO.fullmatch(text)
        if found is not None:
            year, month, day = (int(part) for part in found.groups())
            return Moment(year, dt.date(year, month, day))
    except ValueError:
        pass
    else:
        if _YEAR.fullmatch(text) and int(text) >= 1:
            return Moment(int(text))
    raise InputError(DirectoryFile.BAD_DATE, text=text)


@attrs.frozen
class _Row:
    """One unit as the file gives it: its cells by column, where each is, and the values read."""

    line: int
    cells: Mapping[str, str]
    positions: Mapping[str, int]
    predecessors: tuple[str, ...] = ()
    start: Moment | None = None
    end: Moment | None = None
    level: Level | None = None

    @property
    def code(self) -> str:
        return self.cells["code"]


class _Reader:
    """Reads the rows of one file, collecting every problem with its line and column."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.problems: list[GovIndexError] = []

    def refuse(
        self, error: GovIndexError, line: int | None = None, column: int | None = None, texts: Mapping[str, str] = {}
    ) -> None:
        agency = {"agency": texts["code"], "agency_name": texts.get("name") or None} if texts.get("code") else {}
        self.problems.append(error.with_context(file=self.file, line=line, column=column, **agency))

    def header(self, rows: Sequence[tuple[int, list[str]]]) -> tuple[int, dict[str, int]]:
        """The position of the header row and the column of each field (1-based)."""
        for position, (line, cells) in enumerate(rows):
            if {"code", "name"} <= {_HEADERS.get(fold_name(cell)) for cell in cells}:
                return position, self.columns(line, cells)
        raise FileFormatError(DirectoryFile.NO_HEADER, columns=list(REQUIRED), file=self.file, line=1)

    def columns(self, line: int, cells: list[str]) -> dict[str, int]:
        positions: dict[str, int] = {}
        for number, cell in enumerate(cells, start=1):
            key = fold_name(cell)
            column = _HEADERS.get(key)
            if column is None and (key in _IGNORED or not cell.strip()):
                continue
            if column is None:
                self.refuse(
                    FileFormatError(DirectoryFile.UNKNOWN_COLUMN, header=cell.strip(), columns=list(COLUMNS)),
                    line,
                    number,
                )
            elif column in positions:
                self.refuse(
                    FileFormatError(DirectoryFile.COLUMN_TWICE, field=column, first=positions[column], second=number),
                    line,
                    number,
                )
            else:
                positions[column] = number
        for column in REQUIRED:
            if column not in positions:
                self.refuse(
                    FileFormatError(DirectoryFile.MISSING_COLUMN, field=column, headers=list(COLUMNS[column])), line
                )
        return positions

    def rows(self, table: Sequence[tuple[int, list[str]]], positions: Mapping[str, int]) -> list[_Row]:
        """The rows under the header that read, each code once (a code used twice is refused)."""
        rows: list[_Row] = []
        first: dict[str, int] = {}
        for line, cells in table:
            if not any(cell.strip() for cell in cells):
                continue
            row = self.row(line, cells, positions)
            code = _code(cells, positions)
            if code in first:
                twice = InputError(DirectoryFile.CODE_TWICE, code=code, first=first[code])
                self.refuse(twice, line, positions["code"], row.cells if row is not None else {"code": code})
                continue
            if code:
                first[code] = line
            if row is not None:
                rows.append(row)
        return rows

    def row(self, line: int, cells: list[str], positions: Mapping[str, int]) -> _Row | None:
        """The row read, or ``None`` when it is refused (its problems kept)."""
        width = max(positions.values())
        if len(cells) < width or any(cell.strip() for cell in cells[width:]):
            problem = InputError(DirectoryFile.ROW_WIDTH, count=len(cells), width=width)
            self.refuse(problem, line, texts={"code": _code(cells, positions)})
            return None
        texts = {column: nfc(unprotect_csv_cell(cells[number - 1].strip())) for column, number in positions.items()}
        before = len(self.problems)
        for column in ("code", "name", "level"):
            if not texts[column]:
                self.refuse(InputError(DirectoryFile.EMPTY_CELL, field=column), line, positions[column], texts)
        for column, text in texts.items():
            if (found := UNFIT.search(text)) is not None:
                self.refuse(unfit_error(text, found.group()), line, positions[column], texts)
        if texts["code"] and not ID_PATTERN.fullmatch(texts["code"]):
            self.refuse(InputError(Lineage.ID_NOT_SLUG, id=repr(texts["code"])), line, positions["code"], texts)
        level = self.value(Level.parse, texts, "level", line, positions)
        start, end = self.span(texts, line, positions)
        if len(self.problems) > before:
            return None
        predecessors = tuple(code for code in _LIST.split(texts["predecessors"]) if code)
        return _Row(line, texts, positions, predecessors, start, end, level)

    def span(
        self, texts: Mapping[str, str], line: int, positions: Mapping[str, int]
    ) -> tuple[Moment | None, Moment | None]:
        """The ``from`` and ``until`` of a row; an end that is not after the start is refused."""
        start = self.value(_moment, texts, "from", line, positions)
        end = self.value(_moment, texts, "until", line, positions)
        if start is not None and end is not None and end.last <= start.first:
            problem = InputError(DirectoryFile.NOT_AFTER_START, until=end, start=start)
            self.refuse(problem, line, positions["until"], texts)
        return start, end

    def value(
        self, parse: Callable[[str], _T], texts: Mapping[str, str], column: str, line: int, positions: Mapping[str, int]
    ) -> _T | None:
        """The cell of ``column`` parsed, or ``None`` for an empty cell or a refused one (the problem kept)."""
        if not texts[column]:
            return None
        try:
            return parse(texts[column])
        except GovIndexError as error:
            self.refuse(error, line, positions[column], texts)
            return None


def _code(cells: Sequence[str], positions: Mapping[str, int]) -> str:
    """The code a row gives, as written (empty when the row is too short to have one)."""
    number = positions["code"]
    return cells[number - 1].strip() if len(cells) >= number else ""


def _table(text: str, file: str | None) -> list[tuple[int, list[str]]]:
    """The rows of the CSV text, each with its line, read with the separator of its header row."""
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    count = 0
    try:
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            count += len(cells)
            if count > MAX_CELLS:
                raise FileFormatError(DirectoryFile.TOO_MANY_CELLS, limit=MAX_CELLS, file=file, line=line)
            rows.append((line, cells))
    except csv.Error as error:
        raise FileFormatError(DirectoryFile.NOT_CSV, detail=str(error), file=file, line=reader.line_num or 1) from None
    return rows


def _delimiter(text: str) -> str:
    """The separator of the first line that names the code and name columns (``;`` as Excel writes in Vietnam)."""
    for line in text.splitlines()[:100]:
        for delimiter in (";", ",", "\t"):
            try:
                cells = next(csv.reader([line], delimiter=delimiter))
            except (csv.Error, StopIteration):
                continue
            found = {_HEADERS.get(fold_name(cell)) for cell in cells}
            if {"code", "name"} <= found:
                return delimiter
    return ","


def _records(rows: Sequence[_Row]) -> list[AgencyRecord | GovIndexError]:
    """Each row as a record, its events stated as a directory states them.

    A unit formed from one predecessor that went on, or was divided, is
    ``split_from`` it; any other unit with a start is ``created``. A unit that
    ended with one successor is ``merged_into`` it; one that ended with none
    or several is ``abolished``. Every predecessor stays listed.
    """
    successors: dict[str, list[str]] = {}
    for row in rows:
        for predecessor in row.predecessors:
            successors.setdefault(predecessor, []).append(row.code)
    ends = {row.code: row.end for row in rows}
    out: list[AgencyRecord | GovIndexError] = []
    for row in rows:
        cells = row.cells
        try:
            record = AgencyRecord(
                row.code,
                cells["name"],
                cells.get("group", ""),
                name_en=cells.get("name_en") or None,
                aliases=[alias.strip() for alias in cells.get("aliases", "").split(";") if alias.strip()],
                events=_events(row, successors, ends),
                notes=cells.get("notes") or None,
                level=row.level,
                predecessors=row.predecessors,
            )
        except GovIndexError as error:
            out.append(error)
        else:
            out.append(record)
    return out


def _events(row: _Row, successors: Mapping[str, list[str]], ends: Mapping[str, Moment | None]) -> list[LineageEvent]:
    """The start and end of a row's unit as events (see :func:`_records`)."""
    events: list[LineageEvent] = []
    merged_here = [p for p in row.predecessors if ends.get(p) is not None and successors.get(p) == [row.code]]
    if row.start is not None:
        parent = row.predecessors[0] if len(row.predecessors) == 1 and not merged_here else None
        kind = EventKind.CREATED if parent is None else EventKind.SPLIT_FROM
        events.append(LineageEvent(kind, date=row.start.date, year=row.start.year, parent=parent))
    if row.end is not None:
        following = successors.get(row.code, [])
        into = following[0] if len(following) == 1 else None
        kind = EventKind.ABOLISHED if into is None else EventKind.MERGED_INTO
        events.append(LineageEvent(kind, date=row.end.date, year=row.end.year, into=into))
    return events


#: The column a directory's refusal is about, by its reason.
_COLUMN_OF: dict[Entry, str] = {
    Lineage.ID_NOT_SLUG: "code",
    Lineage.NO_NAME: "name",
    Lineage.NO_GROUP: "level",
    Lineage.NAME_WITHOUT_LETTERS: "name",
    Lineage.NAME_OF_TWO: "name",
    Lineage.DUPLICATE_ID: "code",
}
_PATH = re.compile(r"agencies\[(\d+)\](?:\.(events|predecessors)\[(\d+)\])?|(events|predecessors)\[(\d+)\]")


def _place(error: GovIndexError, row: _Row, record: AgencyRecord | None, file: str | None) -> GovIndexError:
    """A directory's refusal at the row and cell it is about, without the path inside the directory."""
    column = _COLUMN_OF.get(error.reason) if error.reason is not None else None
    found = _PATH.fullmatch(error.path or "")
    if found is not None:
        field, number = (found.group(2), found.group(3)) if found.group(1) else (found.group(4), found.group(5))
        if field == "predecessors":
            column = "predecessors"
        elif field == "events" and record is not None:
            column = "from" if record.events[int(number)].event in INITIAL else "until"
    placed = error.with_context(
        file=file,
        line=row.line,
        column=row.positions.get(column or "code"),
        agency=row.code,
        agency_name=row.cells["name"] or None,
    )
    placed.path = None
    return placed


def _row_of(error: GovIndexError, rows: Sequence[_Row]) -> int | None:
    found = _PATH.fullmatch(error.path or "")
    if found is not None and found.group(1):
        return int(found.group(1))
    codes = [row.code for row in rows]
    return codes.index(error.agency) if error.agency in codes else None


def _directory(
    directory_id: str, rows: Sequence[_Row], file: str | None, problems: list[GovIndexError]
) -> AgencyDirectory | None:
    built = _records(rows)
    records = [item for item in built if isinstance(item, AgencyRecord)]
    for row, item in zip(rows, built, strict=True):
        if isinstance(item, GovIndexError):
            problems.append(_place(item, row, None, file))
    if problems:
        return None
    try:
        return AgencyDirectory(directory_id, records)
    except GovIndexError as error:
        for problem in map(alone, error.problems):
            position = _row_of(problem, rows)
            if position is None:
                problems.append(problem.with_context(file=file))
            else:
                problems.append(_place(problem, rows[position], records[position], file))
    return None


def parse_directory_csv(data: bytes | str, *, id: str, file: str | None = None) -> AgencyDirectory:
    """Read a directory from the text (or bytes, UTF-8 with or without BOM) of its CSV; see
    :mod:`govindex.io.directory` for the format. Every problem of the file is refused at once, each
    with its line, column and agency."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FileFormatError(DirectoryFile.NOT_UTF8, byte=error.start, file=file) from None
    text = data.removeprefix("\ufeff")
    reader = _Reader(file)
    table = _table(text, file)
    start, positions = reader.header(table)
    if reader.problems:  # without every column, the rows cannot be read
        raise collected(reader.problems)
    rows = reader.rows(table[start + 1 :], positions)
    problems = reader.problems
    directory = None if problems else _directory(id, rows, file, problems)
    if directory is None:
        raise collected(sorted(problems, key=lambda problem: (problem.line or 0, problem.column or 0)))
    return directory


def _check_cell(text: str, problems: list[GovIndexError], agency: str) -> str:
    """A text cell as written (:func:`csv_cell`); a control character or surrounding space is refused."""
    if visible(text) != text:
        problems.append(InputError(DirectoryFile.CONTROL_CHARACTER, text=visible(text), agency=agency))
    elif text != text.strip():
        problems.append(InputError(DirectoryFile.SURROUNDING_SPACE, text=text, agency=agency))
    return csv_cell(text)


def _lost(directory: AgencyDirectory) -> list[GovIndexError]:
    """What a CSV cannot hold, each refused with its agency."""
    problems: list[GovIndexError] = []
    if directory.name or directory.notes or directory.sources or directory.incomplete:
        problems.append(InputError(DirectoryFile.CANNOT_WRITE, what=DirectoryFile.WHAT_DIRECTORY_DETAILS))
    for record in directory:
        if record.level is None:
            problems.append(InputError(DirectoryFile.CANNOT_WRITE, what=DirectoryFile.WHAT_LEVEL, agency=record.id))
        if any(event.event is EventKind.RENAMED for event in record.events):
            problems.append(InputError(DirectoryFile.CANNOT_WRITE, what=DirectoryFile.WHAT_RENAME, agency=record.id))
        if any(event.note or event.basis for event in record.events):
            problems.append(
                InputError(DirectoryFile.CANNOT_WRITE, what=DirectoryFile.WHAT_EVENT_NOTE, agency=record.id)
            )
        for alias in record.aliases:
            if ";" in alias:
                problems.append(InputError(DirectoryFile.SEPARATOR_IN_ALIAS, alias=alias, agency=record.id))
    return problems


def _optional_columns(directory: AgencyDirectory) -> list[str]:
    columns = []
    if any(record.level is None or record.group != record.level.group for record in directory):
        columns.append("group")
    for column, present in (
        ("aliases", any(record.aliases for record in directory)),
        ("name_en", any(record.name_en for record in directory)),
        ("notes", any(record.notes for record in directory)),
    ):
        if present:
            columns.append(column)
    return columns


def _cells(
    record: AgencyRecord, directory: AgencyDirectory, lang: str, problems: list[GovIndexError]
) -> dict[str, str]:
    start, end = record.start, record.end
    level = record.level
    texts = {
        "code": record.id,
        "name": record.name,
        "level": "" if level is None else level.label("vi") if lang == "vi" else level.value,
        "predecessors": ", ".join(link.predecessor for link in directory.links_into(record.id)),
        "from": "" if start is None else start.moment.text(lang),
        "until": "" if end is None else end.moment.text(lang),
        "group": record.group,
        "aliases": "; ".join(record.aliases),
        "name_en": record.name_en or "",
        "notes": record.notes or "",
    }
    return {column: _check_cell(text, problems, record.id) for column, text in texts.items()}


def dump_directory_csv(directory: AgencyDirectory, *, lang: str = "vi", excel_vn: bool = False) -> str:
    """The directory as the CSV :func:`parse_directory_csv` reads back equal.

    Headers, levels and days are written in ``lang`` (``Mã``, ``xã``,
    ``01/07/2025``; or ``code``, ``commune``, ``2025-07-01``); with
    ``excel_vn``, as Excel keeps a CSV in Vietnam (a BOM, ``;`` between
    cells). A directory holding what a CSV cannot (a rename, an event's note,
    a unit without a level, the directory's own notes and sources) is
    refused rather than written short, and so is one the CSV would not give
    back (a unit that took another in after its recorded start: keep it in
    YAML).
    """
    problems = _lost(directory)
    columns = [*REQUIRED, *_optional_columns(directory)]
    delimiter = ";" if excel_vn else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([DirectoryColumn[column.upper()].text(lang) for column in columns])
    for record in directory:
        cells = _cells(record, directory, lang, problems)
        writer.writerow([cells[column] for column in columns])
    if problems:
        raise collected(problems)
    text = out.getvalue()
    try:
        parse_directory_csv(text, id=directory.id)
    except GovIndexError as error:
        raise InputError(DirectoryFile.WOULD_NOT_READ_BACK, problem=error.problems[0], agency=error.agency) from None
    return ("\ufeff" if excel_vn else "") + text
