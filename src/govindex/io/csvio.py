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
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from govindex.agency import Agency, nfc
from govindex.assessment import Assessment, Source, measurement_of
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.measures import Measurement
from govindex.points import format_points, parse_points
from govindex.rubric import Rubric
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
_FIXED = {"agency", "group", "name", "node", "score", "evidence", "not_applicable", *FLAG_COLUMNS}
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


def _csv_rows(text: str, file: str | None) -> list[Row]:
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise FileFormatError("the file is empty or has no header row", file=file, line=1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line), strict=True)
    rows: list[Row] = []
    try:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            rows.append((start, cells))
    except csv.Error as error:
        raise FileFormatError(f"not valid CSV: {error}", file=file, line=reader.line_num or 1) from None
    return rows


class _Table:
    """The shared reading of a score table, CSV or XLSX, with every problem sent to ``report``."""

    def __init__(
        self, rubric: Rubric, file: str | None, source: Source, sink: Sink | None, values: str = "points"
    ) -> None:
        self.rubric = rubric
        self.file = file
        self.source = source
        self.sink = sink
        self.failed = False
        self.values = values

    def as_points(self, group: str, node_id: str, value: Decimal, agency: str) -> Decimal:
        """The value as points: unchanged, or read on the rubric's published scale (``values="index"``)."""
        if self.values == "points":
            return value
        return index_to_points(self.rubric, group, node_id, value, agency=agency)

    def report(self, error: GovIndexError, **context: object) -> None:
        self.failed = True
        placed = error.with_context(file=self.file, **context)
        if self.sink is None:
            raise placed
        self.sink(placed)

    def header(self, rows: Sequence[Row]) -> dict[str, int] | None:
        if not rows:
            self.report(FileFormatError("the file is empty or has no header row", line=1))
            return None
        line, cells = rows[0]
        names = [nfc(cell.strip()) for cell in cells]
        while names and not names[-1]:
            names.pop()
        positions: dict[str, int] = {}
        for column, name in enumerate(names, start=1):
            if name.lower() in _FIXED:
                name = name.lower()
            if not name:
                self.report(FileFormatError("a column has no name in the header", line=line, column=column))
                continue
            if name in positions:
                self.report(
                    FileFormatError(
                        f"column {name!r} appears twice in the header (first in column {positions[name]})",
                        line=line,
                        column=column,
                    )
                )
                continue
            positions[name] = column
        if "agency" not in positions:
            self.report(FileFormatError("the header has no 'agency' column", line=line))
            return None
        if "group" not in positions and len(self.rubric.groups) > 1:
            self.report(
                FileFormatError(
                    f"the header has no 'group' column, and rubric {self.rubric.id!r} has several groups "
                    f"({', '.join(self.rubric.group_ids)})",
                    line=line,
                )
            )
            return None
        return positions

    def cell(self, cells: list[str], positions: dict[str, int], name: str) -> str:
        column = positions.get(name)
        if column is None or column > len(cells):
            return ""
        return nfc(cells[column - 1].strip())

    def fit(self, line: int, cells: list[str], width: int) -> bool:
        """Whether the row has the header's cells (extra empty cells, as Excel writes them, are fine)."""
        if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
            return True
        if len(cells) != width:
            hint = (
                "; a decimal comma in a comma-separated file must be quoted (\"9,0\"), or separate with ';'"
                if len(cells) > width
                else ""
            )
            self.report(FileFormatError(f"the row has {len(cells)} cells but the header has {width}{hint}", line=line))
            return False
        return True

    def agency_rows(self, rows: Sequence[Row], positions: dict[str, int]) -> Iterator[tuple[int, list[str], str]]:
        """The data rows that have an agency, as (line, cells, agency id); other rows are reported or skipped."""
        width = max(positions.values())
        for line, cells in rows[1:]:
            if not any(cell.strip() for cell in cells) or not self.fit(line, cells, width):
                continue
            agency_id = self.cell(cells, positions, "agency")
            if not agency_id:
                self.report(InputError("the agency cell is empty", line=line, column=positions["agency"]))
                continue
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

    def points(self, text: str, line: int, column: int, agency: str, node: str) -> Decimal | None:
        try:
            return parse_points(text)
        except GovIndexError as error:
            self.report(error, line=line, column=column, agency=agency, node=node)
            return None

    def measured(self, group: str, node: str) -> bool:
        """Whether the node is a measured leaf of the group (an unknown group or node is checked later)."""
        for candidate in self.rubric.groups:
            if candidate.id == group:
                found = candidate.tree.find(node)
                return found is not None and found.measure is not None
        return False

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
        self, assessment: Assessment, line: int, positions: dict[str, int], columns: dict[str, int]
    ) -> Assessment:
        """Check each score on its own, so that every bad cell is reported; index values become points."""
        agency = assessment.agency
        try:
            self.rubric.group(agency.group)
        except GovIndexError as error:
            self.report(error, line=line, column=positions.get("group"), agency=agency.id)
            return assessment
        converted: dict[str, Decimal] = {}
        for node_id, value in assessment.scores.items():
            try:
                measured = node_id in assessment.measurements  # points worked out from a figure, not an index value
                points = value if measured else self.as_points(agency.group, node_id, value, agency.id)
                check_assessment(self.rubric, Assessment(agency, {node_id: points}, assessment.source))
                converted[node_id] = points
            except GovIndexError as error:
                self.report(error, line=line, column=columns.get(node_id, positions.get("node")), agency=agency.id)
        if self.values == "points" or len(converted) != len(assessment.scores):
            return assessment
        return attrs.evolve(assessment, scores=converted)

    def known_nodes(self) -> set[str]:
        return {node_id for group in self.rubric.groups for node_id in group.node_ids}

    def wide(self, rows: Sequence[Row], positions: dict[str, int]) -> list[Assessment]:
        known = self.known_nodes()
        node_columns: list[tuple[str, int]] = []
        header_line = rows[0][0]
        for name, column in positions.items():
            if name in _FIXED:
                if name in {"node", "score", "evidence"}:
                    self.report(
                        FileFormatError(
                            f"column {name!r} belongs to the long form (agency,group,node,score)",
                            line=header_line,
                            column=column,
                        )
                    )
                continue
            if name not in known:
                self.report(
                    FileFormatError(
                        f"unknown node {name!r} in the header; rubric {self.rubric.id!r} has "
                        f"{', '.join(sorted(known))}",
                        line=header_line,
                        column=column,
                        node=name,
                    )
                )
                continue
            node_columns.append((name, column))
        assessments: list[Assessment] = []
        first_seen: dict[str, int] = {}
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
            scores: dict[str, Decimal] = {}
            measurements: dict[str, Measurement] = {}
            group = self.cell(cells, positions, "group") if "group" in positions else self.rubric.group_ids[0]
            for node_id, column in node_columns:
                text = self.cell(cells, positions, node_id)
                if text:
                    value = self.value(text, line, column, agency_id, node_id, group)
                    if value is not None:
                        scores[node_id] = value[0]
                        if value[1] is not None:
                            measurements[node_id] = value[1]
            assessment = self.assessment(line, cells, positions, agency_id, scores, {}, measurements=measurements)
            if assessment is not None:
                assessment = self.check(assessment, line, positions, dict(node_columns))
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
        measurements: dict[str, Measurement] | None = None,
    ) -> Assessment | None:
        group, name, not_applicable = extra or (
            self.cell(cells, positions, "group") if "group" in positions else self.rubric.group_ids[0],
            self.cell(cells, positions, "name"),
            self.cell(cells, positions, "not_applicable"),
        )
        if flags is None:
            flags = self.flags(line, cells, positions, agency_id)
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
            return Assessment(agency, scores, self.source, evidence, measurements or {})
        except GovIndexError as error:
            column: int | None
            if error.node is not None and error.node in positions:
                column = positions[error.node]
            elif error.group or "group" in error.message:
                column = positions.get("group")
            else:
                column = positions.get("agency")
            self.report(error, line=line, column=column, agency=agency_id)
            return None

    def long(self, rows: Sequence[Row], positions: dict[str, int]) -> list[Assessment]:
        for required in ("node", "score"):
            if required not in positions:  # pragma: no cover - the long form is chosen by these columns
                self.report(FileFormatError(f"the header has no {required!r} column", line=rows[0][0]))
                return []
        order: list[str] = []
        facts: dict[str, dict[str, tuple[str, int]]] = {}
        scores: dict[str, dict[str, Decimal]] = {}
        measurements: dict[str, dict[str, Measurement]] = {}
        evidence: dict[str, dict[str, str]] = {}
        given_on: dict[tuple[str, str], int] = {}
        first_line: dict[str, int] = {}
        described = ["group", "name", "not_applicable", *FLAG_COLUMNS]
        for line, cells, agency_id in self.agency_rows(rows, positions):
            if agency_id not in facts:
                order.append(agency_id)
                facts[agency_id] = {}
                scores[agency_id] = {}
                measurements[agency_id] = {}
                evidence[agency_id] = {}
                first_line[agency_id] = line
            known = facts[agency_id]
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
                group = known.get("group", (self.rubric.group_ids[0], 0))[0]
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
                        elif error.message.startswith("unknown node"):
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
            group = known["group"][0] if "group" in known else self.rubric.group_ids[0]
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
                measurements[agency_id],
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
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Read a score table given as rows of text cells (wide or long form, told apart by the header).

    With ``sink``, every problem is passed to it and the rows that can be read
    are returned; without, the first problem is raised. With
    ``values="index"`` every value is read on the rubric's published scale
    and returned as points (:func:`govindex.views.index_to_points`).
    """
    table = _Table(rubric, file, source, sink, values)
    positions = table.header(rows)
    if positions is None:
        return ()
    if "node" in positions and "score" in positions:
        return tuple(table.long(rows, positions))
    return tuple(table.wide(rows, positions))


def read_scores_csv(
    path: str | Path, rubric: Rubric, *, source: Source = Source.APPRAISED, values: str = "points"
) -> tuple[Assessment, ...]:
    """Read a score table in CSV (wide ``agency,group,<node id>...`` or long ``agency,group,node,score``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileFormatError(f"cannot read the score file: {error.strerror}", file=str(path)) from None
    return parse_scores_csv(data, rubric, file=str(path), source=source, values=values)


def parse_scores_csv(
    data: bytes | str,
    rubric: Rubric,
    *,
    file: str | None = None,
    source: Source = Source.APPRAISED,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Parse a score table; see :func:`read_scores_csv`.

    UTF-8 with or without a byte-order mark; comma or semicolon separators;
    decimal point or decimal comma; an empty cell is "not given", not 0.

    >>> from govindex import load_rubric
    >>> table = "\\ufeffagency;group;infrastructure;internal_use;public_services;security;staff;policy\\n"
    >>> table += "so-noi-vu;provincial;7,0;21,7;23,5;9,0;10;6,0\\n"
    >>> parse_scores_csv(table, load_rubric("sonla-2017-it"))[0].scores["internal_use"]
    Decimal('21.7')
    """
    return score_table_rows(_csv_rows(_decode(data, file), file), rubric, file=file, source=source, values=values)


def check_scores_csv(
    data: bytes | str, rubric: Rubric, *, file: str | None = None
) -> tuple[tuple[Assessment, ...], list[GovIndexError]]:
    """Read a CSV score table and return what could be read with **every** problem found."""
    problems: list[GovIndexError] = []
    try:
        rows = _csv_rows(_decode(data, file), file)
    except GovIndexError as error:
        return (), [error]
    return score_table_rows(rows, rubric, file=file, sink=problems.append), problems


def table_of(assessments: Iterable[Assessment], rubric: Rubric) -> tuple[list[str], list[list[str | Decimal]]]:
    """The wide score table of ``assessments``: header and rows (scores as Decimal, the rest as text).

    The cell of a measured leaf holds the figure as reported (text), as the readers expect it.
    """
    cohort = list(assessments)
    node_ids: list[str] = []
    for group in rubric.groups:
        for node in group.tree.walk():
            if node.id not in node_ids and any(node.id in a.scores for a in cohort):
                node_ids.append(node.id)
    flags = [name for name in FLAG_COLUMNS if any(getattr(a.agency, name) != _DEFAULT_FLAGS[name] for a in cohort)]
    with_na = any(a.agency.not_applicable for a in cohort)
    header = ["agency", "group", "name", *flags, *(["not_applicable"] if with_na else []), *node_ids]
    rows: list[list[str | Decimal]] = []
    for item in cohort:
        agency = item.agency
        row: list[str | Decimal] = [agency.id, agency.group, agency.name]
        row += ["true" if getattr(agency, name) else "false" for name in flags]
        if with_na:
            row.append(" ".join(sorted(agency.not_applicable)))
        # A measured leaf is written as the figure reported (95/120), which reads back to the same points.
        row += [
            item.measurements[node_id].value if node_id in item.measurements else item.scores.get(node_id, "")
            for node_id in node_ids
        ]
        rows.append(row)
    return header, rows


def dump_scores_csv(
    assessments: Iterable[Assessment], rubric: Rubric, *, delimiter: str = ",", decimal_comma: bool = False
) -> str:
    """The assessments as a wide CSV score table that :func:`parse_scores_csv` reads back.

    ``delimiter=";", decimal_comma=True`` writes what Excel writes in a
    decimal-comma locale.
    """
    header, rows = table_of(assessments, rubric)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                format_points(cell, max(0, -int(cell.as_tuple().exponent)), decimal_comma=decimal_comma)
                if isinstance(cell, Decimal)
                else cell
                for cell in row
            ]
        )
    return buffer.getvalue()
