"""Score tables (bảng điểm) as CSV, in wide or long form; the rules that XLSX tables share.

**Wide form**: one agency per row, node ids as columns::

    agency,group,name,infrastructure,internal_use
    so-noi-vu,provincial,Sở Nội vụ,"7,0",21.7

**Long form**: one score per row, recognised by its ``node`` and ``score``
columns::

    agency,group,name,node,score
    so-noi-vu,provincial,Sở Nội vụ,infrastructure,"7,0"

Both forms may also carry ``name`` and the agency attributes that methodology
rules read: ``has_subordinate_units``, ``has_online_services``,
``has_procedures``, ``special`` (``true``/``false``, ``có``/``không``,
``1``/``0``; empty means the default) and ``not_applicable`` (node ids
separated by spaces); the long form may carry an ``evidence`` column.

UTF-8 with or without a byte-order mark; comma or semicolon separators (Excel
in a decimal-comma locale writes semicolons); decimal point or decimal comma;
text normalised to Unicode NFC. An empty cell means "not given", never 0.
Every refusal names the line (row) and column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from govindex.agency import Agency, nfc, slugify
from govindex.assessment import Assessment, Source, measurement_of
from govindex.directory import MatchKind
from govindex.engine._check import check_value, unknown_node
from govindex.engine._layout import layout_of
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.io.cells import (
    AGENCY_ID_HEADERS,
    AGENCY_NAME_HEADERS,
    COLUMN_NAMES,
    DEFAULT_MAX_CELLS,
    IGNORED_HEADERS,
    TOTAL_HEADERS,
    CellReader,
    NumberReader,
    ReadOptions,
    TypedNumber,
    header_key,
    points_column,
    read_limited,
    split_maximum,
    too_large,
    too_many_cells,
)
from govindex.measures import Measurement
from govindex.points import exact_context, format_points
from govindex.render.safe import csv_cell, unprotect_csv_cell, visible
from govindex.rubric import Node, Rubric
from govindex.scoring import check_assessment
from govindex.views import index_to_points

__all__ = [
    "FLAG_COLUMNS",
    "check_scores_csv",
    "dump_scores_csv",
    "parse_scores_csv",
    "read_scores_csv",
    "score_table_rows",
]

#: The agency flag columns a score table may carry.
FLAG_COLUMNS = ("has_subordinate_units", "has_online_services", "has_procedures", "special")
_TRUE = {"true", "yes", "1", "có", "x"}
_FALSE = {"false", "no", "0", "không"}
_FIXED = {"agency", "group", "name", "source", "node", "score", "evidence", "not_applicable", *FLAG_COLUMNS}
_SOURCES = {
    "self": Source.SELF,
    "tự đánh giá": Source.SELF,
    "appraised": Source.APPRAISED,
    "thẩm định": Source.APPRAISED,
}
_DEFAULT_FLAGS = {"has_subordinate_units": True, "has_online_services": True, "has_procedures": True, "special": False}

#: A row of a table: its line (row) number and its cells as text.
Row = tuple[int, list[str]]
Sink = Callable[[GovIndexError], None]


def _flag(cell: str) -> bool | None:
    text = nfc(cell.strip()).lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(f"{cell!r} is not a yes/no value; write true or false (có or không)")


def _source(cell: str) -> Source | None:
    text = nfc(cell.strip()).lower()
    if not text:
        return None
    found = _SOURCES.get(text)
    if found is None:
        raise InputError(f"{cell!r} is not a source; write self (tự đánh giá) or appraised (thẩm định)")
    return found


def _sniff_delimiter(header: str) -> str:
    counts = {";": header.count(";"), ",": header.count(","), "\t": header.count("\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _decode(data: bytes | str, file: str | None) -> str:
    if isinstance(data, bytes):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FileFormatError(
                f"not UTF-8 text (byte {error.start}); save the table as 'CSV UTF-8' in Excel", file=file
            ) from None
    return data.removeprefix("\ufeff")


def _delimiter(text: str) -> str:
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
    return _sniff_delimiter(text[: text.find("\n")] if "\n" in text else text)


def _csv_rows(text: str, file: str | None, max_cells: int | None = None) -> list[Row]:
    if not text.strip():
        raise FileFormatError("the file is empty or has no header row", file=file, line=1)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    limit = max_cells if max_cells is not None else DEFAULT_MAX_CELLS
    count = 0
    try:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            count += len(cells)
            if count > limit:
                raise FileFormatError(
                    too_many_cells(limit),
                    file=file,
                    line=start,
                )
            rows.append((start, cells))
    except csv.Error as error:
        raise FileFormatError(f"not valid CSV: {error}", file=file, line=reader.line_num or 1) from None
    return rows


def _subtotal(node: Node, scores: dict[str, Decimal]) -> Decimal | None:
    """A node's value from a row's scores: given, or the sum of its children; ``None`` if one is missing."""
    given = scores.get(node.id)
    if given is not None:
        return given
    if not node.children:
        return None
    total = Decimal(0)
    for child in node.children:
        part = _subtotal(child, scores)
        if part is None:
            return None
        total += part
    return total


def _agency_headers() -> str:
    return "agency, Tên cơ quan, Cơ quan, Tên đơn vị, Đơn vị or 'Cơ quan, đơn vị'"


def find_header(rows: Sequence[Row]) -> int | None:
    """The index of the header row: the first row with a cell that names the agency column."""
    for index, (_line, cells) in enumerate(rows):
        for cell in cells:
            if cell and header_key(cell) in _AGENCY_HEADERS:
                return index
    return None


_AGENCY_HEADERS = AGENCY_ID_HEADERS | AGENCY_NAME_HEADERS


class _Table:
    """The shared reading of a score table, CSV or XLSX, with every problem sent to ``report``."""

    def __init__(
        self,
        rubric: Rubric,
        file: str | None,
        source: Source,
        sink: Sink | None,
        options: ReadOptions | None = None,
        sheet: str | None = None,
        values: str = "points",
        protected: bool = False,
    ) -> None:
        self.rubric = rubric
        #: Whether text cells may carry the apostrophe of :func:`govindex.render.safe.csv_cell` (CSV).
        self.protected = protected
        self.file = file
        self.source = source
        self.sink = sink
        self.options = options or ReadOptions()
        self.sheet = sheet
        self.failed = False
        self.problems = 0
        self.values = values
        self.numbers = NumberReader(rubric.decimals, sheet)
        self.start = 1
        self.width = 0
        self.by_name = False
        self.places: dict[str, int] = {}
        self.readers: dict[str, CellReader] = {}
        self.mismatched: dict[int, dict[str, Decimal]] = {}
        self.declared: dict[int, Decimal] = {}
        self.agency_ids: dict[str, tuple[str, str | None] | None] = {}
        self.measured_nodes: dict[tuple[str, str], bool] = {}
        self.registry_groups: dict[str, str] = {}
        self.group_ids = self._group_lookup()
        self._node_keys: dict[str, set[str]] | None = None
        #: Per group, node and distinct value: the problem with it (an error) or None; each checked once.
        self._checked: dict[tuple[str, str, Decimal, bool], Decimal | GovIndexError] = {}

    def _group_lookup(self) -> dict[str, str]:
        lookup: dict[str, str] = {}
        for group in self.rubric.groups:
            for label in (group.name, group.name_en):
                if label:
                    lookup.setdefault(header_key(label), group.id)
        for group in self.rubric.groups:
            lookup[header_key(group.id)] = group.id
        return lookup

    def as_points(self, group: str, node_id: str, value: Decimal, agency: str | None) -> Decimal:
        """The value as points: unchanged, or read on the rubric's published scale (``values="index"``)."""
        if self.values == "points":
            return value
        return index_to_points(self.rubric, group, node_id, value, agency=agency)

    def report(self, error: GovIndexError, **context: object) -> None:
        self.failed = True
        self.problems += 1
        placed = error.with_context(file=self.file, sheet=self.sheet, **context)
        if self.sink is None:
            raise placed
        self.sink(placed)

    def header(self, rows: Sequence[Row]) -> dict[str, int] | None:
        if not rows:
            self.report(FileFormatError("the file is empty or has no header row", line=1))
            return None
        index = find_header(rows)
        if index is None:
            self.report(
                FileFormatError(
                    f"no row names the agency column; the header row needs a column {_agency_headers()}",
                    line=rows[0][0],
                )
            )
            return None
        self.start = index + 1
        line, cells = rows[index]
        names = [cell.strip() for cell in cells]
        while names and not names[-1]:
            names.pop()
        self.width = len(names)
        ignored = {header_key(name) for name in self.options.ignore_columns}
        positions: dict[str, int] = {}
        for column, name in enumerate(names, start=1):
            key = header_key(name)
            if not key:
                self.report(FileFormatError("a column has no name in the header", line=line, column=column))
                continue
            if key in ignored or key in IGNORED_HEADERS:
                continue
            canonical = self.classify(key, name, line, column)
            if canonical is None:
                continue
            if canonical in positions:
                first = positions[canonical]
                same = header_key(names[first - 1]) == key
                self.report(
                    FileFormatError(
                        f"column {name!r} appears twice in the header (first in column {first})"
                        if same
                        else f"column {name!r} names the same column as {names[first - 1]!r} (column {first})",
                        line=line,
                        column=column,
                    )
                )
                continue
            positions[canonical] = column
        if "@name" in positions:
            named = positions.pop("@name")
            if "agency" not in positions:
                positions["agency"] = named
                self.by_name = True
            elif "name" in positions:
                self.report(
                    FileFormatError(
                        f"column {names[named - 1]!r} and column {positions['name']} both give the agency's name",
                        line=line,
                        column=named,
                    )
                )
            else:
                positions["name"] = named
        if "agency" not in positions:  # pragma: no cover - the header row is found by its agency column
            return None
        if "group" not in positions and len(self.rubric.groups) > 1 and self.options.registry is None:
            self.report(
                FileFormatError(
                    f"the header has no 'group' column (group, Khối or Nhóm), and rubric {self.rubric.id!r} has "
                    f"several groups ({', '.join(self.rubric.group_ids)})",
                    line=line,
                )
            )
            return None
        return positions

    def classify(self, key: str, name: str, line: int, column: int) -> str | None:
        """What a header cell names: a fixed column, ``@name``, ``@total`` or a node id (``None``: refused)."""
        if key in AGENCY_ID_HEADERS:
            return "agency"
        if key in AGENCY_NAME_HEADERS:
            return "@name"
        if key in COLUMN_NAMES:
            return COLUMN_NAMES[key]
        base, maximum = split_maximum(key)
        roots = {group.tree.id for group in self.rubric.groups}
        candidates = self.node_keys().get(base, set())
        if base in TOTAL_HEADERS:
            candidates = roots
        if not candidates:
            known = sorted({node_id for group in self.rubric.groups for node_id in group.node_ids})
            self.report(
                FileFormatError(
                    f"unknown node {name!r} in the header; rubric {self.rubric.id!r} has {', '.join(known)} "
                    "(a column names a node by its id or its name; other columns are agency, group, name, STT "
                    "and the agency's facts; to leave a column unread, name it with --ignore-column)",
                    line=line,
                    column=column,
                    node=name,
                )
            )
            return None
        if len(candidates) > 1 and not candidates <= roots:
            self.report(
                FileFormatError(
                    f"column {name!r} could be any of the nodes {', '.join(sorted(candidates))}; name it by its id",
                    line=line,
                    column=column,
                )
            )
            return None
        node_id = "@total" if candidates <= roots else next(iter(candidates))
        if maximum is not None and not self.check_maximum(node_id, name, maximum, line, column):
            return None
        return node_id

    def node_keys(self) -> dict[str, set[str]]:
        """Each header key a node answers to (its id, or its name where no id reads the same), built once."""
        if self._node_keys is not None:
            return self._node_keys
        keys: dict[str, set[str]] = {}
        for group in self.rubric.groups:
            for node in group.tree.walk():
                keys.setdefault(header_key(node.id), set()).add(node.id)
        for group in self.rubric.groups:
            id_keys = {header_key(node.id) for node in group.tree.walk()}
            for node in group.tree.walk():
                for label in (node.name, node.name_en):
                    if label and header_key(label) not in id_keys:
                        keys.setdefault(header_key(label), set()).add(node.id)
        self._node_keys = keys
        return keys

    def check_maximum(self, node_id: str, name: str, maximum: Decimal, line: int, column: int) -> bool:
        """Whether the maximum written in a header matches the node's (in the groups that have it)."""
        maxima: dict[str, Decimal] = {}
        for group in self.rubric.groups:
            for node in group.tree.walk():
                if (node_id == "@total" and node is group.tree) or node.id == node_id:
                    maxima[group.id] = node.max_points
        if maximum not in maxima.values():
            shown = ", ".join(sorted({str(value) for value in maxima.values()}))
            what = "the total" if node_id == "@total" else f"node {node_id!r}"
            self.report(
                FileFormatError(
                    f"column {name!r} gives the maximum {maximum}, but {what} has the maximum {shown} "
                    f"in rubric {self.rubric.id!r}",
                    line=line,
                    column=column,
                )
            )
            return False
        self.declared[column] = maximum
        wrong = {group_id: value for group_id, value in maxima.items() if value != maximum}
        if wrong:
            self.mismatched[column] = wrong
        return True

    def cell(self, cells: list[str], positions: dict[str, int], name: str) -> str:
        column = positions.get(name)
        if column is None or column > len(cells):
            return ""
        text = cells[column - 1]
        if type(text) is TypedNumber:
            return text
        if self.protected and text.startswith("'"):
            return nfc(unprotect_csv_cell(text.rstrip()))
        return nfc(text.strip())

    def fit(self, line: int, cells: list[str], width: int) -> bool:
        """Whether the row has the header's cells (extra empty cells, as Excel writes them, are fine)."""
        if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
            return True
        if len(cells) > width or (len(cells) < width and self.sheet is None):
            hint = (
                "; a decimal comma in a comma-separated file must be quoted (\"9,0\"), or separate with ';'"
                if len(cells) > width
                else ""
            )
            self.report(FileFormatError(f"the row has {len(cells)} cells but the header has {width}{hint}", line=line))
            return False
        return True

    def agency_id(self, text: str, line: int, column: int) -> str | None:
        """The agency id a cell of the agency column stands for (a name is looked up, never guessed)."""
        if not self.by_name:
            return text
        if text in self.agency_ids:
            found = self.agency_ids[text]
            return None if found is None else found[0]
        registry = self.options.registry
        result: tuple[str, str | None] | None
        if registry is None:
            slug = slugify(text)
            result = (slug, None) if slug else None
            if result is None:
                self.report(InputError(f"the agency name {text!r} has no letters or digits", line=line, column=column))
        else:
            try:
                match = registry.match(text)
            except GovIndexError as error:
                self.report(error, line=line, column=column)
                result = None
            else:
                if match.kind is MatchKind.LOOSE:
                    self.report(
                        InputError(
                            f"the agency name {text!r} is not in registry {registry.id!r}; the closest is "
                            f"{match.matched!r} ({match.id}): write its name as the registry does",
                            line=line,
                            column=column,
                        )
                    )
                    result = None
                else:
                    result = (match.id, match.record.group)
                    self.registry_groups[match.id] = match.record.group
        self.agency_ids[text] = result
        return None if result is None else result[0]

    def agency_rows(self, rows: Sequence[Row], positions: dict[str, int]) -> Iterator[tuple[int, list[str], str]]:
        """The data rows that have an agency, as (line, cells, agency id); other rows are reported or skipped."""
        width = max(self.width, *positions.values())
        agency_column = positions["agency"]
        for line, cells in rows[self.start :]:
            if not any(cell.strip() for cell in cells) or not self.fit(line, cells, width):
                continue
            text = self.cell(cells, positions, "agency")
            if not text:
                self.report(InputError("the agency cell is empty", line=line, column=agency_column))
                continue
            agency_id = self.agency_id(text, line, agency_column)
            if agency_id is not None:
                yield line, cells, agency_id

    def flags(self, line: int, cells: list[str], positions: dict[str, int], agency: str) -> dict[str, bool]:
        out: dict[str, bool] = {}
        for name in FLAG_COLUMNS:
            if name not in positions:
                continue
            try:
                value = _flag(self.cell(cells, positions, name))
            except GovIndexError as error:
                self.report(error, line=line, column=positions[name], agency=agency)
                continue
            if value is not None:
                out[name] = value
        return out

    def column_reader(self, node_id: str) -> CellReader:
        """The function that reads a cell of this node's column (one per column; each distinct text once)."""
        reader = self.readers.get(node_id)
        if reader is None:
            reader = self.readers[node_id] = points_column(self.numbers)
        return reader

    def points(self, text: str, line: int, column: int, agency: str, node: str) -> Decimal | None:
        try:
            return self.column_reader(node)(text, line, column)
        except GovIndexError as error:
            self.report(error, line=line, column=column, agency=agency, node=node)
            return None

    def measured(self, group: str, node: str) -> bool:
        """Whether the node is a measured leaf of the group (an unknown group or node is checked later)."""
        known = self.measured_nodes.get((group, node))
        if known is not None:
            return known
        answer = False
        for candidate in self.rubric.groups:
            if candidate.id == group:
                found = candidate.tree.find(node)
                answer = found is not None and found.measure is not None
        self.measured_nodes[(group, node)] = answer
        return answer

    def value(
        self, text: str, line: int, column: int, agency: str, node: str, group: str
    ) -> tuple[Decimal, Measurement | None] | None:
        """A cell's points: the measurement of a measured leaf (``95/120``, ``có``), else a number of points."""
        if not self.measured(group, node):
            points = self.points(text, line, column, agency, node)
            return None if points is None else (points, None)
        try:
            measurement = measurement_of(self.rubric, group, node, text)
        except GovIndexError as error:
            self.report(error, line=line, column=column, agency=agency, node=node)
            return None
        assert measurement is not None
        return measurement.points, measurement

    def check(
        self,
        assessment: Assessment,
        line: int,
        positions: dict[str, int],
        columns: dict[str, int],
        done: Container[str] = (),
    ) -> Assessment:
        """Check each score on its own, so that every bad cell is reported; index values become points.

        ``done`` names the nodes whose values were checked (and converted) before: kept as they are.
        """
        agency = assessment.agency
        try:
            self.rubric.group(agency.group)
        except GovIndexError as error:
            self.report(error, line=line, column=positions.get("group"), agency=agency.id)
            return assessment
        converted: dict[str, Decimal] = {}
        measurements = assessment.measurements  # points worked out from a figure, not an index value
        for node_id, value in assessment.scores.items():
            if node_id in done:
                converted[node_id] = value
                continue
            try:
                converted[node_id] = self.checked_points(agency, node_id, value, node_id in measurements)
            except GovIndexError as error:
                self.report(error, line=line, column=columns.get(node_id, positions.get("node")), agency=agency.id)
        if self.values == "points" or len(converted) != len(assessment.scores):
            return assessment
        return attrs.evolve(assessment, scores=converted)

    def checked_points(self, agency: Agency, node_id: str, value: Decimal, measured: bool) -> Decimal:
        """A given value as checked points: read on the published scale if asked, then refused as scoring would
        refuse it (unknown node, out of range, too precise).

        The verdict depends only on the group, the node and the value, so each distinct value of a column is
        converted and checked once; a refusal is raised again, with this agency, for every cell that holds it.
        """
        key = (agency.group, node_id, value, measured)
        verdict = self._checked.get(key)
        if verdict is None:
            try:
                points = value if measured else self.as_points(agency.group, node_id, value, None)
                layout = layout_of(self.rubric.group(agency.group), self.rubric.decimals)
                position = layout.index.get(node_id)
                if position is None:
                    raise unknown_node(layout, node_id, None)
                check_value(layout, position, points, None, self.rubric.decimals)
                verdict = points
            except GovIndexError as error:
                verdict = error
            self._checked[key] = verdict
        if isinstance(verdict, GovIndexError):
            raise verdict.with_context(agency=agency.id)
        return verdict

    def group_of(self, line: int, cells: list[str], positions: dict[str, int], agency_id: str) -> str:
        """The row's group id: from the group column (an id or a name), the registry, or the only group."""
        if "group" in positions:
            text = self.cell(cells, positions, "group")
            return self.group_ids.get(header_key(text), text)
        named = self.registry_groups.get(agency_id)
        if named is not None and named in self.rubric.group_ids:
            return named
        registry = self.options.registry
        if registry is not None and len(self.rubric.groups) > 1:
            try:
                return registry.resolve(agency_id).group
            except GovIndexError as error:
                self.report(error, line=line, column=positions["agency"], agency=agency_id)
        return self.rubric.group_ids[0]

    def total(
        self, text: str, line: int, column: int, agency_id: str, group_id: str, scores: dict[str, Decimal]
    ) -> None:
        """The total column: checked against the sum of the row's criteria, or the total given alone."""
        if group_id not in self.rubric.group_ids:
            return
        root = self.rubric.group(group_id).tree
        value = self.points(text, line, column, agency_id, root.id)
        if value is None:
            return
        if not scores:
            scores[root.id] = value
            return
        with exact_context():
            parts = [(child.id, _subtotal(child, scores)) for child in root.children]
        if any(part is None for _, part in parts):
            scores[root.id] = value
            return
        with exact_context():
            computed = sum((part for _, part in parts if part is not None), Decimal(0))
        if computed != value:
            decimals = self.rubric.decimals
            shown = " + ".join(f"{child} {format_points(part, decimals)}" for child, part in parts if part is not None)
            self.report(
                InputError(
                    f"the score given for this node ({value}) disagrees with the sum of its sub-criteria "
                    f"({shown} = {format_points(computed, decimals)})"
                ),
                line=line,
                column=column,
                agency=agency_id,
                node=root.id,
            )

    def known_nodes(self) -> set[str]:
        return {node_id for group in self.rubric.groups for node_id in group.node_ids}

    def wide(self, rows: Sequence[Row], positions: dict[str, int]) -> list[Assessment]:
        node_columns: list[tuple[str, int]] = []
        header_line = rows[self.start - 1][0]
        for name, column in positions.items():
            if name in _FIXED or name == "@total":
                if name in {"node", "score", "evidence"}:
                    self.report(
                        FileFormatError(
                            f"column {name!r} belongs to the long form (agency,group,node,score)",
                            line=header_line,
                            column=column,
                        )
                    )
                continue
            node_columns.append((name, column))
        total_column = positions.get("@total")
        assessments: list[Assessment] = []
        first_seen = self.places
        #: Per group, per node column: each cell text read without a problem and its points (read once),
        #: and each text whose points also passed the checks, with the points it stands for.
        parsed: dict[str, list[tuple[dict[str, Decimal], dict[str, Decimal]]]] = {}
        for line, cells, agency_id in self.agency_rows(rows, positions):
            if agency_id in first_seen:
                self.report(
                    InputError(f"the agency appears twice (first on line {first_seen[agency_id]})"),
                    line=line,
                    column=positions["agency"],
                    agency=agency_id,
                )
            duplicate = agency_id in first_seen
            first_seen.setdefault(agency_id, line)
            group_id = self.group_of(line, cells, positions, agency_id)
            memos = parsed.get(group_id)
            if memos is None:
                memos = parsed[group_id] = [({}, {}) for _ in node_columns]
            scores: dict[str, Decimal] = {}
            measurements: dict[str, Measurement] = {}
            pending: list[tuple[str, str, dict[str, Decimal]]] = []
            done: set[str] = set()
            typed = False
            width = len(cells)
            for (node_id, column), (memo, passed) in zip(node_columns, memos, strict=True):
                raw = cells[column - 1] if column <= width else ""
                if not raw:
                    continue
                if type(raw) is str:
                    hit = passed.get(raw)
                    if hit is not None:  # this text was read and checked in this column before: the same points
                        scores[node_id] = hit
                        done.add(node_id)
                        continue
                    hit = memo.get(raw)
                    if hit is not None:
                        scores[node_id] = hit
                        pending.append((node_id, raw, passed))
                        continue
                text = self.cell(cells, positions, node_id)
                if text:
                    if column in self.mismatched and group_id in self.mismatched[column]:
                        self.report(
                            InputError(
                                f"the column gives the maximum {self.declared[column]}, but the node's maximum "
                                f"for group {group_id!r} is {self.mismatched[column][group_id]}"
                            ),
                            line=line,
                            column=column,
                            agency=agency_id,
                            node=node_id,
                        )
                        continue
                    value = self.value(text, line, column, agency_id, node_id, group_id)
                    if value is not None:
                        scores[node_id] = value[0]
                        if value[1] is not None:
                            measurements[node_id] = value[1]
                        elif type(raw) is str:
                            memo[raw] = value[0]
                            pending.append((node_id, raw, passed))
                        else:  # a number the workbook typed: checked with the row, not remembered
                            typed = True
            given = len(scores)
            if total_column is not None:
                text = self.cell(cells, positions, "@total")
                if text:
                    self.total(text, line, total_column, agency_id, group_id, scores)
            assessment = self.assessment(
                line, cells, positions, agency_id, scores, {}, group=group_id, measurements=measurements
            )
            if assessment is not None:
                if pending or typed or measurements or len(scores) != given or group_id not in self.rubric.group_ids:
                    columns = dict(node_columns)
                    if total_column is not None and group_id in self.rubric.group_ids:
                        columns.setdefault(self.rubric.group(group_id).tree.id, total_column)
                    problems = self.problems
                    assessment = self.check(assessment, line, positions, columns, done)
                    if self.problems == problems:
                        for node_id, raw, passed in pending:
                            passed[raw] = assessment.scores[node_id]
                if not duplicate:
                    assessments.append(assessment)
        return assessments

    def assessment(
        self,
        line: int,
        cells: list[str],
        positions: dict[str, int],
        agency_id: str,
        scores: dict[str, Decimal],
        evidence: dict[str, str],
        flags: dict[str, bool] | None = None,
        extra: tuple[str, str, str] | None = None,
        group: str | None = None,
        measurements: dict[str, Measurement] | None = None,
        source_text: tuple[int, str] | None = None,
    ) -> Assessment | None:
        group, name, not_applicable = extra or (
            group if group is not None else self.group_of(line, cells, positions, agency_id),
            self.cell(cells, positions, "name") or (self.cell(cells, positions, "agency") if self.by_name else ""),
            self.cell(cells, positions, "not_applicable"),
        )
        if flags is None:
            flags = self.flags(line, cells, positions, agency_id)
        if source_text is None:
            source_text = (line, self.cell(cells, positions, "source"))
        try:
            source = _source(source_text[1]) or self.source
        except GovIndexError as error:
            self.report(error, line=source_text[0], column=positions.get("source"), agency=agency_id)
            return None
        merged = {**_DEFAULT_FLAGS, **flags}
        try:
            agency = Agency(
                agency_id,
                name or agency_id,
                group,
                has_subordinate_units=merged["has_subordinate_units"],
                has_online_services=merged["has_online_services"],
                has_procedures=merged["has_procedures"],
                special=merged["special"],
                not_applicable=frozenset(not_applicable.split()),
            )
            return Assessment(agency, scores, source, evidence, measurements or {})
        except GovIndexError as error:
            column: int | None
            if error.node is not None and error.node in positions:
                column = positions[error.node]
            elif error.group or error.code in {"agency-no-group", "rubric-unknown-group"}:
                column = positions.get("group")
            else:
                column = positions.get("agency")
            self.report(error, line=line, column=column, agency=agency_id)
            return None

    def long(self, rows: Sequence[Row], positions: dict[str, int]) -> list[Assessment]:
        for required in ("node", "score"):
            if required not in positions:  # pragma: no cover - the long form is chosen by these columns
                self.report(FileFormatError(f"the header has no {required!r} column", line=rows[self.start - 1][0]))
                return []
        order: list[str] = []
        facts: dict[str, dict[str, tuple[str, int]]] = {}
        scores: dict[str, dict[str, Decimal]] = {}
        measurements: dict[str, dict[str, Measurement]] = {}
        evidence: dict[str, dict[str, str]] = {}
        given_on: dict[tuple[str, str], int] = {}
        first_line: dict[str, int] = {}
        described = ["group", "name", "source", "not_applicable", *FLAG_COLUMNS]
        for line, cells, agency_id in self.agency_rows(rows, positions):
            if agency_id not in facts:
                order.append(agency_id)
                facts[agency_id] = {}
                scores[agency_id] = {}
                measurements[agency_id] = {}
                evidence[agency_id] = {}
                first_line[agency_id] = line
                self.places.setdefault(agency_id, line)
            known = facts[agency_id]
            if self.by_name and "name" not in known and "name" not in positions:
                known["name"] = (self.cell(cells, positions, "agency"), line)
            for column_name in described:
                given = self.cell(cells, positions, column_name)
                if not given:
                    continue
                if column_name in known and known[column_name][0] != given:
                    self.report(
                        InputError(
                            f"{column_name} {given!r} differs from {known[column_name][0]!r} "
                            f"given on line {known[column_name][1]}"
                        ),
                        line=line,
                        column=positions[column_name],
                        agency=agency_id,
                    )
                    continue
                known.setdefault(column_name, (given, line))
            node_id = self.cell(cells, positions, "node")
            if not node_id:
                self.report(InputError("the node cell is empty", line=line, column=positions["node"], agency=agency_id))
                continue
            key = (agency_id, node_id)
            if key in given_on:
                self.report(
                    InputError(f"the score is given twice (first on line {given_on[key]})"),
                    line=line,
                    column=positions["node"],
                    agency=agency_id,
                    node=node_id,
                )
                continue
            given_on[key] = line
            text = self.cell(cells, positions, "score")
            if text:
                group = (
                    self.group_ids.get(header_key(known["group"][0]), known["group"][0])
                    if "group" in known
                    else self.group_of(line, cells, positions, agency_id)
                )
                read = self.value(text, line, positions["score"], agency_id, node_id, group)
                points = None if read is None else read[0]
                if read is not None and points is not None:
                    try:
                        if read[1] is None:
                            points = self.as_points(group, node_id, points, agency_id)
                        check_assessment(
                            self.rubric, Assessment(Agency(agency_id, agency_id, group), {node_id: points})
                        )
                    except GovIndexError as error:
                        if error.node is None:
                            column = positions.get("group")
                        elif error.code == "score-unknown-node":
                            column = positions["node"]
                        else:
                            column = positions["score"]
                        self.report(error, line=line, column=column, agency=agency_id)
                        continue
                    scores[agency_id][node_id] = points
                    if read[1] is not None:
                        measurements[agency_id][node_id] = read[1]
            note = self.cell(cells, positions, "evidence")
            if note:
                evidence[agency_id][node_id] = note
        assessments: list[Assessment] = []
        for agency_id in order:
            known = facts[agency_id]
            line = first_line[agency_id]
            flags: dict[str, bool] = {}
            for name in FLAG_COLUMNS:
                if name in known:
                    try:
                        flag = _flag(known[name][0])
                    except GovIndexError as error:
                        self.report(error, line=known[name][1], column=positions[name], agency=agency_id)
                        continue
                    if flag is not None:
                        flags[name] = flag
            group = (
                self.group_ids.get(header_key(known["group"][0]), known["group"][0])
                if "group" in known
                else self.group_of(line, [], positions, agency_id)
            )
            if "group" in positions and "group" not in known:
                self.report(
                    InputError("no row gives the agency's group"),
                    line=line,
                    column=positions["group"],
                    agency=agency_id,
                )
                continue
            made = self.assessment(
                line,
                [],
                positions,
                agency_id,
                scores[agency_id],
                evidence[agency_id],
                flags,
                (group, known.get("name", ("", 0))[0], known.get("not_applicable", ("", 0))[0]),
                measurements=measurements[agency_id],
                source_text=(known["source"][1], known["source"][0]) if "source" in known else (line, ""),
            )
            if made is not None:
                assessments.append(made)
        return assessments


def score_table_rows(
    rows: Sequence[Row],
    rubric: Rubric,
    *,
    file: str | None = None,
    source: Source = Source.APPRAISED,
    sink: Sink | None = None,
    options: ReadOptions | None = None,
    sheet: str | None = None,
    places: dict[str, int] | None = None,
    columns: dict[str, int] | None = None,
    values: str = "points",
    protected: bool = False,
) -> tuple[Assessment, ...]:
    """Read a score table given as rows of text cells (wide or long form, told apart by the header).

    The header row is the first that names the agency column; the rows above
    it (titles) are skipped. With ``sink``, every problem is passed to it and
    the rows that can be read are returned; without, the first problem is
    raised. ``places``, if given, receives the line of each agency's row, and
    ``columns`` the column of each node of a wide table. With
    ``values="index"`` every value is read on the rubric's published scale
    and returned as points (:func:`govindex.views.index_to_points`). With
    ``protected`` (CSV), a text cell protected by a leading apostrophe
    (:func:`govindex.render.safe.csv_cell`) is read without it.
    """
    table = _Table(rubric, file, source, sink, options, sheet, values, protected)
    if places is not None:
        table.places = places
    positions = table.header(rows)
    if positions is None:
        return ()
    if columns is not None:
        for name, column in positions.items():
            if name == "@total":
                for group in rubric.groups:
                    columns.setdefault(group.tree.id, column)
            elif name not in _FIXED:
                columns[name] = column
    if "node" in positions and "score" in positions:
        return tuple(table.long(rows, positions))
    return tuple(table.wide(rows, positions))


def read_scores_csv(
    path: str | Path,
    rubric: Rubric,
    *,
    source: Source = Source.APPRAISED,
    options: ReadOptions | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Read a score table in CSV (wide ``agency,group,<node id>...`` or long ``agency,group,node,score``).

    A file larger than ``options.max_bytes`` is refused before it is read.
    """
    options = options or ReadOptions()
    data = read_limited(path, options.max_bytes)
    return parse_scores_csv(data, rubric, file=str(path), source=source, options=options, values=values)


def parse_scores_csv(
    data: bytes | str,
    rubric: Rubric,
    *,
    file: str | None = None,
    source: Source = Source.APPRAISED,
    options: ReadOptions | None = None,
    places: dict[str, int] | None = None,
    columns: dict[str, int] | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Parse a score table; see :func:`read_scores_csv`.

    UTF-8 with or without a byte-order mark; comma or semicolon separators;
    decimal point or decimal comma (one of them for the whole file); an
    empty cell is "not given", not 0.

    >>> from govindex import load_rubric
    >>> table = "\\ufeffagency;group;infrastructure;internal_use;public_services;security;staff;policy\\n"
    >>> table += "so-noi-vu;provincial;7,0;21,7;23,5;9,0;10;6,0\\n"
    >>> parse_scores_csv(table, load_rubric("sonla-2017-it"))[0].scores["internal_use"]
    Decimal('21.7')
    """
    options = options or ReadOptions()
    _check_length(data, options, file)
    rows = _csv_rows(_decode(data, file), file, options.max_cells)
    return score_table_rows(
        rows,
        rubric,
        file=file,
        source=source,
        options=options,
        places=places,
        columns=columns,
        values=values,
        protected=True,
    )


def _check_length(data: bytes | str, options: ReadOptions, file: str | None) -> None:
    if len(data) > options.max_bytes:
        raise FileFormatError(too_large(len(data), options.max_bytes), file=file)


def check_scores_csv(
    data: bytes | str,
    rubric: Rubric,
    *,
    file: str | None = None,
    options: ReadOptions | None = None,
    places: dict[str, int] | None = None,
) -> tuple[tuple[Assessment, ...], list[GovIndexError]]:
    """Read a CSV score table and return what could be read with **every** problem found."""
    options = options or ReadOptions()
    problems: list[GovIndexError] = []
    try:
        _check_length(data, options, file)
        rows = _csv_rows(_decode(data, file), file, options.max_cells)
    except GovIndexError as error:
        return (), [error]
    found = score_table_rows(
        rows, rubric, file=file, sink=problems.append, options=options, places=places, protected=True
    )
    return found, problems


def table_of(
    assessments: Iterable[Assessment], rubric: Rubric, *, form: str | None = None, what: str = "a score table"
) -> tuple[list[str], list[list[str | Decimal]]]:
    """The score table of ``assessments``: header and rows (scores as Decimal, the rest as text).

    ``form`` is ``"wide"`` (one row per agency), ``"long"`` (one row per score,
    with its evidence) or ``None``: long when an assessment carries evidence,
    else wide. The cell of a measured leaf holds the figure as reported (text),
    as the readers expect it. A ``source`` column is written when an
    assessment is self-assessed (tự đánh giá). What a table cannot hold is
    refused, never dropped: agency attributes, or evidence in the wide form.
    """
    cohort = list(assessments)
    if form not in (None, "wide", "long"):
        raise InputError(f"unknown table form {form!r}; use wide or long")
    for item in cohort:
        if item.agency.attributes:
            raise InputError(
                f"{what} cannot hold the agency attributes {', '.join(sorted(item.agency.attributes))}; "
                "write an assessment file (YAML or JSON) to keep them",
                agency=item.agency.id,
            )
    with_evidence = any(a.evidence for a in cohort)
    if form is None:
        form = "long" if with_evidence else "wide"
    if form == "wide" and with_evidence:
        first = next(a for a in cohort if a.evidence)
        raise InputError(
            f"the wide form of {what} cannot hold evidence (tài liệu kiểm chứng); write the long form, "
            "one score per row with its evidence, or an assessment file",
            agency=first.agency.id,
            node=next(iter(first.evidence)),
        )
    node_ids: list[str] = []
    for group in rubric.groups:
        for node in group.tree.walk():
            if node.id not in node_ids and any(node.id in a.scores or node.id in a.evidence for a in cohort):
                node_ids.append(node.id)
    flags = [name for name in FLAG_COLUMNS if any(getattr(a.agency, name) != _DEFAULT_FLAGS[name] for a in cohort)]
    with_na = any(a.agency.not_applicable for a in cohort)
    with_source = any(a.source is not Source.APPRAISED for a in cohort)
    facts = ["agency", "group", "name", *(["source"] if with_source else []), *flags]
    facts += ["not_applicable"] if with_na else []
    header = [*facts, *(node_ids if form == "wide" else ["node", "score", "evidence"])]
    rows: list[list[str | Decimal]] = []
    for item in cohort:
        agency = item.agency
        row: list[str | Decimal] = [agency.id, agency.group, agency.name]
        row += [item.source.value] if with_source else []
        row += ["true" if getattr(agency, name) else "false" for name in flags]
        if with_na:
            row.append(" ".join(sorted(agency.not_applicable)))

        # A measured leaf is written as the figure reported (95/120), which reads back to the same points.
        def value(node_id: str, item: Assessment = item) -> str | Decimal:
            if node_id in item.measurements:
                return item.measurements[node_id].value
            return item.scores.get(node_id, "")

        if form == "wide":
            rows.append([*row, *(value(node_id) for node_id in node_ids)])
            continue
        given = [node_id for node_id in node_ids if node_id in item.scores or node_id in item.evidence]
        if not given:  # an agency without scores still has its row, with an empty score
            given = [rubric.group(agency.group).tree.id if agency.group in rubric.group_ids else "total"]
        rows += [[*row, node_id, value(node_id), item.evidence.get(node_id, "")] for node_id in given]
    return header, rows


def dump_scores_csv(
    assessments: Iterable[Assessment],
    rubric: Rubric,
    *,
    delimiter: str = ",",
    decimal_comma: bool = False,
    form: str | None = None,
) -> str:
    """The assessments as a CSV score table that :func:`parse_scores_csv` reads back unchanged.

    ``delimiter=";", decimal_comma=True`` writes what Excel writes in a
    decimal-comma locale. Each score keeps its digits (``20.50`` stays
    ``20.50``). ``form`` as in :func:`table_of`: evidence is written in the
    long form. A text cell that begins with ``=``, ``+``, ``-``, ``@``, TAB or
    CR gets a leading apostrophe (:func:`govindex.render.safe.csv_cell`), which
    the reader removes again.
    """
    header, rows = table_of(assessments, rubric, form=form, what="a CSV score table")
    lines = [delimiter.join(_quoted(name, delimiter) for name in header)]
    for row in rows:
        lines.append(
            delimiter.join(
                _quoted(
                    format_points(cell, max(0, -int(cell.as_tuple().exponent)), decimal_comma=decimal_comma)
                    if isinstance(cell, Decimal)
                    else _protected(cell),
                    delimiter,
                )
                for cell in row
            )
        )
    return "".join(line + "\n" for line in lines)


def _quoted(cell: str, delimiter: str) -> str:
    """A CSV field: quoted when it holds the separator, a quote or a line break (CR too, which csv leaves bare)."""
    if delimiter in cell or '"' in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _protected(text: str) -> str:
    """A text cell as written: :func:`csv_cell`, which the reader undoes (see :func:`check_text_cell`)."""
    check_text_cell(text, protected=True)
    return csv_cell(text)


def check_text_cell(text: str, *, protected: bool = False) -> None:
    """Refuse a text a score table would not give back: a control character, or surrounding white space.

    The readers strip a cell's surrounding white space; in CSV (``protected``) a
    leading TAB or CR is kept by the apostrophe of :func:`csv_cell`.
    """
    if visible(text) != text:
        raise InputError(f"the text {text!r} holds a control character, which a score table cannot hold")
    kept = csv_cell(text) if protected else text
    if kept != kept.strip():
        raise InputError(
            f"the text {text!r} begins or ends with white space, which a score table does not keep; "
            "remove it, or write an assessment file (YAML or JSON)"
        )
