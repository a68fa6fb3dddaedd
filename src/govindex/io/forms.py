"""Forms to fill in (biểu mẫu): the agency's self-assessment form and the appraisal team's cohort sheet.

``govindex template`` writes them as Excel workbooks (:mod:`govindex.render.forms`,
extra ``excel``); the readers here recognise a filled form and read it back exactly.

**Self-assessment form** (phiếu tự đánh giá) of one agency, sheet
``Phiếu tự đánh giá``: title rows (the rubric, its decision, the agency, its
id and group, the year, the rubric id, the agency's facts that rules read),
then the header row::

    STT | Mã | Tiêu chí | Điểm tối đa | Số liệu | Điểm tự đánh giá | Tài liệu kiểm chứng | Ghi chú

and one row per node of the group's tree, parents before children, the node
id under ``Mã`` and the name indented by depth under ``Tiêu chí``. The agency
fills in, on each leaf, either ``Số liệu`` (the figure a measured leaf is
scored from: ``95/120``, ``3``, ``có``) or ``Điểm tự đánh giá`` (the points of
a leaf without a measure), and the evidence. Parent rows are computed and
protected; the cells to fill are unlocked and validated (a decimal from 0 to
the maximum; a list for yes/no and choice measures). A form is read back as
the agency's self-assessment (source ``self``); ``Ghi chú`` is kept with the
evidence (``…; Ghi chú: …``).

**Cohort sheet** (bảng điểm thẩm định) of a group, sheet ``Bảng điểm``: title
rows, then a header row ``STT | Mã cơ quan | Tên cơ quan | <leaf name> (tối đa N
điểm) ...``, a row ``Mã tiêu chí`` with the leaf ids, and one row per agency
(those of the bundled agency directory when there is one). It is read back as
the appraisal (source ``appraised``).

Every refusal names the file, the sheet and cell (``form.xlsx:Phiếu tự đánh giá!F20``), the agency
and the node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from govindex.agency import Agency, nfc
from govindex.assessment import Assessment, Source, measurement_of
from govindex.catalogue.forms import Totals
from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.formlayout import (
    COHORT_HEADER,
    COHORT_SHEET,
    COLUMN,
    FACT_COLUMN,
    FLAG_LABELS,
    FORM_HEADER,
    FORM_SHEET,
    IDS_LABEL,
    INSTRUCTIONS_SHEET,
    LABELS,
    leaf_header,
    points_text,
    total_formula,
)
from govindex.io.workbook import Formula, Workbook
from govindex.measures import Measurement
from govindex.points import decimals_of, parse_points
from govindex.rubric import Group, Node, Rubric

__all__ = [
    "COHORT_HEADER",
    "COHORT_SHEET",
    "FORM_HEADER",
    "FORM_SHEET",
    "INSTRUCTIONS_SHEET",
    "form_kind",
    "is_form",
    "parse_form",
    "read_form",
    "read_form_sheet",
]


# --- reading ------------------------------------------------------------------------------------------------------

Row = tuple[int, list[str]]
Formulas = dict[tuple[int, int], Formula]


class _Reader:
    """Reads a filled form's rows (as text cells), with every problem placed at its sheet and cell."""

    def __init__(self, rubric: Rubric, file: str | None, sheet: str, sink: Callable[[GovIndexError], None]) -> None:
        self.rubric = rubric
        self.file = file
        self.sheet = sheet
        self.sink = sink
        #: the column of each leaf of a cohort sheet
        self.columns: dict[str, int] = {}
        #: the name of each agency read, for the places of its problems
        self.names: dict[str, str] = {}
        #: the formula cells of the sheet, by (row, column); those a reader accepts are taken out
        self.formulas: Formulas = {}

    def refuse_formulas(self, agency: str | None = None) -> None:
        """Refuse every formula left: a formula where a value is typed is never trusted."""
        for (line, column), formula in sorted(self.formulas.items()):
            self.fail(InputError(Totals.FORMULA_NOT_ALLOWED, formula=repr(formula.text)[1:-1]), line, column, agency=agency)

    def fail(self, error: GovIndexError, line: int, column: int | None = None, **context: Any) -> None:
        agency = context.get("agency") or error.agency
        if agency in self.names and "agency_name" not in context:
            context["agency_name"] = self.names[agency]
        self.sink(error.with_context(file=self.file, sheet=self.sheet, line=line, column=column, **context))

    def labels(self, rows: Sequence[Row], until: int) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for line, cells in rows[:until]:
            if cells and cells[0].strip():
                found[nfc(cells[0].strip())] = (line, nfc(cells[2].strip()) if len(cells) > 2 else "")
        return found

    def check_rubric(self, labels: dict[str, tuple[int, str]]) -> bool:
        line, rubric_id = labels.get(LABELS["rubric"], (1, ""))
        if rubric_id != self.rubric.id:
            self.fail(
                InputError(Reading.FORM_RUBRIC, given=repr(rubric_id or "(none)"), expected=repr(self.rubric.id)),
                line,
                3,
            )
            return False
        return True

    def group(self, labels: dict[str, tuple[int, str]]) -> Group | None:
        line, group_id = labels.get(LABELS["group"], (1, ""))
        try:
            return self.rubric.group(group_id)
        except GovIndexError as error:
            self.fail(error, line, 3)
            return None

    def check_max(self, node: Node, text: str, line: int, column: int, agency: str | None) -> None:
        try:
            given = read_points(text) if text else None
        except GovIndexError:
            given = None
        if given != node.max_points:
            self.fail(
                InputError(Reading.FORM_MAXIMUM, given=repr(text or "(empty)"), expected=points_text(node.max_points)),
                line,
                column,
                agency=agency,
                node=node.id,
            )


def read_points(text: str) -> Decimal:
    """A number typed in a form (a decimal point or comma), refused with the reader's words when it is not one."""
    from govindex.io.cells import _NUMBER, number_problem

    if _NUMBER.fullmatch(text) is None:
        raise number_problem(text)
    return parse_points(text)


def _cell(cells: list[str], column: int) -> str:
    return nfc(cells[column - 1].strip()) if column <= len(cells) else ""


def _flag(text: str) -> bool | None:
    folded = text.casefold()
    if folded in {"có", "yes", "true", "1", "x"}:
        return True
    if folded in {"không", "no", "false", "0"}:
        return False
    return None


def _read_agency_form(reader: _Reader, rows: Sequence[Row], header_at: int, source: Source) -> tuple[Assessment, ...]:
    """A self-assessment form's agency: every row read, every problem reported (a cell with one left out)."""
    labels = reader.labels(rows, header_at)
    if not reader.check_rubric(labels):
        return ()
    group = reader.group(labels)
    agency_line, agency_id = labels.get(LABELS["agency"], (1, ""))
    name = labels.get(LABELS["agency_name"], (1, ""))[1]
    if not agency_id:
        reader.fail(InputError(Reading.FORM_NO_AGENCY), agency_line, 3)
        return ()
    if group is None:
        return ()
    flags = _form_flags(reader, labels, agency_id)
    facts = _form_facts(reader, rows[:header_at], agency_id)
    form = _AgencyForm(reader, group, agency_id)
    for line, cells in rows[header_at + 1 :]:
        form.row(line, cells)
    form.totals()
    reader.refuse_formulas(agency_id)
    if form.failed and not form.scores and not form.measurements:
        return ()
    try:
        agency = Agency(agency_id, name or agency_id, group.id, attributes=facts, **flags)  # type: ignore[arg-type]
        return (Assessment(agency, form.scores, source, form.evidence, form.measurements),)
    except GovIndexError as error:
        reader.fail(error, agency_line, 3, agency=agency_id)
        return ()


def _form_flags(reader: _Reader, labels: dict[str, tuple[int, str]], agency_id: str) -> dict[str, bool]:
    """The agency's facts a form states (có/không); an answer that is neither is refused."""
    flags: dict[str, bool] = {}
    for field, label in FLAG_LABELS.items():
        if label not in labels:
            continue
        line, text = labels[label]
        answer = _flag(text)
        if answer is None:
            reader.fail(InputError(Reading.FORM_NOT_YES_NO, text=repr(text)), line, 3, agency=agency_id)
        else:
            flags[field] = answer
    return flags


def _form_facts(reader: _Reader, rows: Sequence[Row], agency_id: str) -> dict[str, str | bool]:
    """The agency facts a form asks for its rubric's rules (có/không, or as written); an empty answer is none."""
    facts: dict[str, str | bool] = {}
    for line, cells in rows:
        name = _cell(cells, FACT_COLUMN)
        if not name or not _cell(cells, 1):
            continue
        text = _cell(cells, 3)
        if not text:
            continue
        answer = _flag(text)
        facts[name] = text if answer is None else answer
        del line
    return facts


class _CellProblem(Exception):
    """A problem of one cell of a form's row: the error and its column."""

    def __init__(self, error: GovIndexError, column: int) -> None:
        super().__init__(error)
        self.error = error
        self.column = column


class _AgencyForm:
    """What the rows of a self-assessment form give: scores, measurements, evidence."""

    def __init__(self, reader: _Reader, group: Group, agency_id: str) -> None:
        self.reader = reader
        self.group = group
        self.agency_id = agency_id
        self.nodes = {node.id: node for node in group.tree.walk()}
        self.scores: dict[str, Decimal] = {}
        self.measurements: dict[str, Measurement] = {}
        self.evidence: dict[str, str] = {}
        self.seen: dict[str, int] = {}
        #: the text of each row's points cell (a total's saved result), for the totals' check
        self.points: dict[str, str] = {}
        self.failed = False

    def fail(self, error: GovIndexError, line: int, column: int, node: str | None = None) -> None:
        self.failed = True
        self.reader.fail(error, line, column, agency=self.agency_id, node=node)

    def row(self, line: int, cells: list[str]) -> None:
        node_id = _cell(cells, COLUMN["Mã"])
        node = self.nodes.get(node_id)
        if not node_id:
            if any(cell.strip() for cell in cells):
                self.fail(InputError(Reading.FORM_NO_NODE_ID), line, COLUMN["Mã"])
            return
        if node is None:
            known = list(self.nodes)
            error = InputError(Reading.UNKNOWN_NODE, criterion=repr(node_id), in_group=repr(self.group.id), known=known)
            self.fail(error, line, COLUMN["Mã"], node_id)
            return
        if node_id in self.seen:
            self.fail(InputError(Reading.FORM_NODE_TWICE, first=self.seen[node_id]), line, COLUMN["Mã"], node_id)
            return
        self.seen[node_id] = line
        self.reader.check_max(node, _cell(cells, COLUMN["Điểm tối đa"]), line, COLUMN["Điểm tối đa"], self.agency_id)
        given = self.points[node_id] = _cell(cells, COLUMN["Điểm tự đánh giá"])
        if not node.is_leaf and (line, COLUMN["Điểm tự đánh giá"]) in self.reader.formulas:
            given = ""  # a total's formula: checked by totals(), never a score
        try:
            self.leaf(node, _cell(cells, COLUMN["Số liệu"]), given)
        except _CellProblem as problem:
            self.fail(problem.error, line, problem.column, node_id)
        note = _cell(cells, COLUMN["Tài liệu kiểm chứng"])
        remark = _cell(cells, COLUMN["Ghi chú"])
        if remark:
            note = f"{note}; Ghi chú: {remark}" if note else f"Ghi chú: {remark}"
        if note:
            self.evidence[node_id] = note

    def totals(self) -> None:
        """Check each total's formula: the sum of its rows, and a saved result that is that sum."""
        column = COLUMN["Điểm tự đánh giá"]
        letter = "ABCDEFGHIJ"[column - 1]
        checked = _TotalsCheck(self.reader, self.group, self.seen, self.points, column)
        for node_id, line in self.seen.items():
            node = self.nodes[node_id]
            formula = self.reader.formulas.get((line, column))
            if formula is None or node.is_leaf:
                continue
            del self.reader.formulas[line, column]
            expected = total_formula(letter, [self.seen[child.id] for child in node.children if child.id in self.seen])
            problem = checked.problem(node, formula, expected)
            if problem is not None:
                self.fail(problem, line, column, node_id)

    def leaf(self, node: Node, figure: str, given: str) -> None:
        """A row's figure (a measured leaf) or points (any other leaf); the other one must be empty."""
        figure_column, points_column = COLUMN["Số liệu"], COLUMN["Điểm tự đánh giá"]
        if node.measure is None:
            if figure:
                raise _CellProblem(InputError(Reading.FORM_POINTS_EXPECTED), figure_column)
            if given:
                self.scores[node.id] = _checked(self.reader.rubric, node, given, points_column)
            return
        if not figure:
            if given:
                raise _CellProblem(InputError(Reading.FORM_FIGURE_EXPECTED), points_column)
            return
        try:
            measurement = measurement_of(self.reader.rubric, self.group.id, node.id, figure)
        except GovIndexError as error:
            raise _CellProblem(error, figure_column) from None
        assert measurement is not None
        if given and _checked(self.reader.rubric, node, given, points_column) != measurement.points:
            differs = InputError(
                Reading.FORM_POINTS_DIFFER,
                given=repr(given),
                points=points_text(measurement.points),
                figure=repr(figure),
                formula=measurement.formula_vi,
            )
            raise _CellProblem(differs, points_column)
        self.measurements[node.id] = measurement


class _TotalsCheck:
    """The totals of a form checked as Excel computes them: each cell's shown number, an empty cell 0."""

    def __init__(self, reader: _Reader, group: Group, seen: dict[str, int], points: dict[str, str], column: int):
        self.reader = reader
        self.seen = seen
        self.points = points
        self.column = column
        self.tolerance = Decimal(1).scaleb(-(reader.rubric.decimals + 3))
        self.totals = {line for line, at in reader.formulas if at == column}

    def shown(self, node: Node) -> Decimal:
        """What the node's points cell shows: its number, a total without a saved result the sum of its rows."""
        text = self.points.get(node.id, "")
        if text:
            try:
                return read_points(text)
            except GovIndexError:
                return Decimal(0)
        return self.sum(node) if self.seen.get(node.id) in self.totals else Decimal(0)

    def sum(self, node: Node) -> Decimal:
        return sum((self.shown(child) for child in node.children), Decimal(0))

    def problem(self, node: Node, formula: Formula, expected: str) -> GovIndexError | None:
        given = formula.text.replace(" ", "").upper()
        if given != expected:
            return InputError(Totals.FORMULA_CHANGED, given=repr(formula.text)[1:-1], expected=expected)
        text = self.points.get(node.id, "")
        if not formula.saved or not text:
            return None
        total = self.sum(node)
        try:
            saved = read_points(text)
        except GovIndexError:
            saved = None
        if saved is None or abs(saved - total) > self.tolerance:
            return InputError(Totals.TOTAL_DIFFERS, saved=text, total=points_text(total))
        return None


def _checked(rubric: Rubric, node: Node, text: str, column: int) -> Decimal:
    """Points typed in a form, checked against the node (a problem carries its column)."""
    try:
        value = read_points(text)
        _check_points(rubric, node, value)
    except GovIndexError as error:
        raise _CellProblem(error, column) from None
    return value


def _check_points(rubric: Rubric, node: Node, value: Decimal) -> None:
    if value < 0:
        raise InputError(Reading.NEGATIVE, value=value)
    if value > node.max_points:
        raise InputError(Reading.ABOVE_MAXIMUM, value=value, maximum=node.max_points)
    if decimals_of(value) > rubric.decimals:
        raise InputError(Reading.TOO_PRECISE, value=value, decimals=rubric.decimals)


def _read_cohort(reader: _Reader, rows: Sequence[Row], header_at: int, source: Source) -> tuple[Assessment, ...]:
    """A cohort sheet's agencies: every row read, every problem reported (the rows with one read without it)."""
    labels = reader.labels(rows, header_at)
    if not reader.check_rubric(labels):
        return ()
    group = reader.group(labels)
    if group is None:
        return ()
    header_line, _header = rows[header_at]
    if header_at + 1 >= len(rows) or _cell(rows[header_at + 1][1], 3) != IDS_LABEL:
        reader.fail(FileFormatError(Reading.FORM_IDS_ROW, label=repr(IDS_LABEL)), header_line + 1, 3)
        return ()
    columns = _cohort_columns(reader, group, rows[header_at], rows[header_at + 1])
    reader.columns = {node.id: column for column, node in columns}
    out: list[Assessment] = []
    seen: dict[str, int] = {}
    for line, cells in rows[header_at + 2 :]:
        agency_id = _cell(cells, 2)
        if not agency_id:
            if any(_cell(cells, column) for column, _node in columns) or _cell(cells, 3):
                reader.fail(InputError(Reading.FORM_SCORES_WITHOUT_AGENCY), line, 2)
        elif agency_id in seen:
            reader.fail(InputError(Reading.FORM_AGENCY_TWICE, first=seen[agency_id]), line, 2, agency=agency_id)
        else:
            seen[agency_id] = line
            reader.names[agency_id] = _cell(cells, 3) or agency_id
            out.extend(_cohort_row(reader, group, line, cells, columns, source))
    reader.refuse_formulas()
    return tuple(out)


def _cohort_columns(reader: _Reader, group: Group, header_row: Row, ids_row: Row) -> list[tuple[int, Node]]:
    """The leaf of each score column of a cohort sheet, checked against the rubric (id and header)."""
    (header_line, header), (ids_line, ids) = header_row, ids_row
    nodes = {node.id: node for node in group.tree.walk()}
    columns: list[tuple[int, Node]] = []
    for column in range(len(COHORT_HEADER) + 1, max(len(ids), len(header)) + 1):
        node_id, title = _cell(ids, column), _cell(header, column)
        node = nodes.get(node_id)
        if not node_id and not title:
            continue
        if node is None or not node.is_leaf:
            error = InputError(Reading.FORM_UNKNOWN_LEAF, criterion=repr(node_id), in_group=repr(group.id))
            reader.fail(error, ids_line, column, node=node_id or None)
        elif title != leaf_header(node):
            error = InputError(Reading.FORM_HEADER_MISMATCH, given=repr(title), expected=repr(leaf_header(node)))
            reader.fail(error, header_line, column, node=node_id)
        else:
            columns.append((column, node))
    return columns


def _cohort_row(
    reader: _Reader, group: Group, line: int, cells: list[str], columns: list[tuple[int, Node]], source: Source
) -> tuple[Assessment, ...]:
    """One agency's row of a cohort sheet: its scores and measurements (a cell with a problem left out)."""
    agency_id = _cell(cells, 2)
    scores: dict[str, Decimal] = {}
    measurements: dict[str, Measurement] = {}
    for column, node in columns:
        text = _cell(cells, column)
        if not text:
            continue
        try:
            if node.measure is not None:
                found = measurement_of(reader.rubric, group.id, node.id, text)
                assert found is not None
                measurements[node.id] = found
            else:
                value = read_points(text)
                _check_points(reader.rubric, node, value)
                scores[node.id] = value
        except GovIndexError as error:
            reader.fail(error, line, column, agency=agency_id, node=node.id)
    try:
        agency = Agency(agency_id, _cell(cells, 3) or agency_id, group.id)
        return (Assessment(agency, scores, source, {}, measurements),)
    except GovIndexError as error:
        reader.fail(error, line, 2, agency=agency_id)
        return ()


def form_kind(workbook: Workbook) -> tuple[str, str] | None:
    """The kind and sheet of a form from ``govindex template``: a sheet of that name with the form's header row.

    A sheet a person made and happened to call "Bảng điểm" is a score table, not a form.
    """
    for kind, name, expected in (("agency", FORM_SHEET, FORM_HEADER), ("cohort", COHORT_SHEET, COHORT_HEADER)):
        if workbook.has_sheet(name) and workbook.find_in(name, _header_test(expected), max_rows=40):
            return kind, name
    return None


def _header_test(expected: Sequence[str]) -> Callable[[list[str]], bool]:
    wanted = tuple(expected)

    def test(cells: list[str]) -> bool:
        return tuple(nfc(cell.strip()) for cell in cells[: len(wanted)]) == wanted

    return test


def _header_at(rows: Sequence[Row], expected: Sequence[str]) -> int | None:
    test = _header_test(expected)
    for index, (_line, cells) in enumerate(rows[:40]):
        if test(cells):
            return index
    return None


def read_form_sheet(
    workbook: Workbook,
    found: tuple[str, str],
    rubric: Rubric,
    *,
    source: Source | None,
    report: Callable[[GovIndexError], None],
    max_cells: int,
    columns: dict[str, int] | None = None,
) -> tuple[tuple[Assessment, ...], dict[str, int | None]]:
    """A filled form's assessments (one agency) or a cohort sheet's (one per row), and the row of each agency.

    ``columns``, when given, receives the column of each leaf of a cohort sheet.
    """
    kind, sheet = found
    reader = _Reader(rubric, workbook.file, sheet, report)
    rows = list(workbook.rows(sheet, report, max_cells=max_cells, formulas=reader.formulas))
    expected = FORM_HEADER if kind == "agency" else COHORT_HEADER
    header_at = _header_at(rows, expected)
    if header_at is None:
        reader.fail(FileFormatError(Reading.FORM_NO_HEADER, header=" | ".join(expected)), 1)
        return (), {}
    if kind == "agency":
        assessments = _read_agency_form(reader, rows, header_at, source or Source.SELF)
        row = next((line for line, cells in rows if _cell(cells, 1) == LABELS["agency"]), rows[header_at][0])
        return assessments, {a.agency.id: row for a in assessments}
    assessments = _read_cohort(reader, rows, header_at, source or Source.APPRAISED)
    if columns is not None:
        columns.update(reader.columns)
    lines = {_cell(cells, 2): line for line, cells in rows[header_at + 2 :] if _cell(cells, 2)}
    return assessments, {a.agency.id: lines.get(a.agency.id) for a in assessments}


def is_form(data: bytes) -> bool:
    """Whether the bytes are an ``.xlsx`` workbook made by ``govindex template`` (a form or a cohort sheet)."""
    from govindex.io.cells import DEFAULT_MAX_BYTES

    try:
        with Workbook(data, None, max(DEFAULT_MAX_BYTES, len(data))) as workbook:
            return form_kind(workbook) is not None
    except GovIndexError:  # not a workbook at all: the table reader says why
        return False


def parse_form(
    data: bytes,
    rubric: Rubric,
    *,
    file: str | None = None,
    source: Source | None = None,
    sink: Callable[[GovIndexError], None] | None = None,
    places: dict[str, tuple[int, str]] | None = None,
    max_bytes: int | None = None,
    max_cells: int | None = None,
) -> tuple[Assessment, ...]:
    """Read a filled form or cohort sheet (from ``govindex template``) back as assessments.

    A self-assessment form gives the agency's self-assessment; a cohort sheet
    the appraisal; ``source`` overrides either. With ``sink``, every problem
    is passed to it; without, every problem is raised at once
    (:func:`govindex.errors.collected`). ``places``, when given, receives the
    row and sheet where each agency was found. ``max_bytes`` and ``max_cells``
    bound the workbook as for score tables.
    """
    from govindex.errors import collected
    from govindex.io.cells import DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS

    problems: list[GovIndexError] = []
    report = problems.append if sink is None else sink
    with Workbook(data, file, max_bytes or DEFAULT_MAX_BYTES) as workbook:
        found = form_kind(workbook)
        if found is None:
            raise FileFormatError(Reading.NOT_A_FORM, form=repr(FORM_SHEET), cohort=repr(COHORT_SHEET), file=file)
        assessments, lines = read_form_sheet(
            workbook, found, rubric, source=source, report=report, max_cells=max_cells or DEFAULT_MAX_CELLS
        )
    if problems and sink is None:
        raise collected(problems)
    if places is not None:
        places.update({agency: (line or 0, found[1]) for agency, line in lines.items()})
    return assessments


def read_form(path: str | Path, rubric: Rubric, *, source: Source | None = None) -> tuple[Assessment, ...]:
    """Read a filled form or cohort sheet from a file; see :func:`parse_form`."""
    from govindex.io.cells import DEFAULT_MAX_BYTES, read_limited

    data = read_limited(path, DEFAULT_MAX_BYTES)
    return parse_form(data, rubric, file=str(path), source=source)
