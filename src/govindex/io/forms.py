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

from govindex.agency import Agency
from govindex.assessment import Assessment, Source, measurement_of
from govindex.catalogue.formwords import FormColumn
from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.formlayout import (
    COHORT_HEADER,
    COHORT_SHEET,
    COLUMN,
    FORM_HEADER,
    FORM_SHEET,
    IDS_LABEL,
    INSTRUCTIONS_SHEET,
    LABELS,
    leaf_header,
    points_text,
    total_formula,
)
from govindex.io.appraisal import read_appraisal
from govindex.io.formparts import (
    FORM_KINDS,
    CellProblem,
    FormReader,
    Row,
    TotalsCheck,
    cell_text,
    check_points,
    checked_points,
    form_facts,
    form_flags,
    form_kind,
    header_row,
    read_points,
    row_node,
)
from govindex.io.workbook import Workbook
from govindex.measures import Measurement
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


def _read_agency_form(
    reader: FormReader, rows: Sequence[Row], header_at: int, source: Source
) -> tuple[Assessment, ...]:
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
    flags = form_flags(reader, labels, agency_id)
    facts = form_facts(reader, rows[:header_at], agency_id)
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


class _AgencyForm:
    """What the rows of a self-assessment form give: scores, measurements, evidence."""

    def __init__(self, reader: FormReader, group: Group, agency_id: str) -> None:
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
        node = row_node(cells, COLUMN[FormColumn.CODE], self.nodes, self.seen, line, self.fail, self.group.id)
        if node is None:
            return
        node_id = node.id
        self.reader.check_max(
            node, cell_text(cells, COLUMN[FormColumn.MAX_POINTS]), line, COLUMN[FormColumn.MAX_POINTS], self.agency_id
        )
        given = self.points[node_id] = cell_text(cells, COLUMN[FormColumn.SELF])
        if not node.is_leaf and (line, COLUMN[FormColumn.SELF]) in self.reader.formulas:
            given = ""  # a total's formula: checked by totals(), never a score
        try:
            self.leaf(node, cell_text(cells, COLUMN[FormColumn.FIGURE]), given)
        except CellProblem as problem:
            self.fail(problem.error, line, problem.column, node_id)
        note = cell_text(cells, COLUMN[FormColumn.EVIDENCE])
        remark = cell_text(cells, COLUMN[FormColumn.REMARK])
        if remark:
            remark = f"{FormColumn.REMARK.vi}: {remark}"
            note = f"{note}; {remark}" if note else remark
        if note:
            self.evidence[node_id] = note

    def totals(self) -> None:
        """Check each total's formula: the sum of its rows, and a saved result that is that sum."""
        column = COLUMN[FormColumn.SELF]
        letter = "ABCDEFGHIJ"[column - 1]
        checked = TotalsCheck(self.reader, self.group, self.seen, self.points, column)
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
        figure_column, points_column = COLUMN[FormColumn.FIGURE], COLUMN[FormColumn.SELF]
        if node.measure is None:
            if figure:
                raise CellProblem(InputError(Reading.FORM_POINTS_EXPECTED), figure_column)
            if given:
                self.scores[node.id] = checked_points(self.reader.rubric, node, given, points_column)
            return
        if not figure:
            if given:
                raise CellProblem(InputError(Reading.FORM_FIGURE_EXPECTED), points_column)
            return
        try:
            measurement = measurement_of(self.reader.rubric, self.group.id, node.id, figure)
        except GovIndexError as error:
            raise CellProblem(error, figure_column) from None
        assert measurement is not None
        if given and checked_points(self.reader.rubric, node, given, points_column) != measurement.points:
            differs = InputError(
                Reading.FORM_POINTS_DIFFER,
                given=repr(given),
                points=points_text(measurement.points),
                figure=repr(figure),
                formula=measurement.formula_vi,
            )
            raise CellProblem(differs, points_column)
        self.measurements[node.id] = measurement


def _read_cohort(reader: FormReader, rows: Sequence[Row], header_at: int, source: Source) -> tuple[Assessment, ...]:
    """A cohort sheet's agencies: every row read, every problem reported (the rows with one read without it)."""
    labels = reader.labels(rows, header_at)
    if not reader.check_rubric(labels):
        return ()
    group = reader.group(labels)
    if group is None:
        return ()
    header_line, _header = rows[header_at]
    if header_at + 1 >= len(rows) or cell_text(rows[header_at + 1][1], 3) != IDS_LABEL:
        reader.fail(FileFormatError(Reading.FORM_IDS_ROW, label=repr(IDS_LABEL)), header_line + 1, 3)
        return ()
    columns = _cohort_columns(reader, group, rows[header_at], rows[header_at + 1])
    reader.columns = {node.id: column for column, node in columns}
    out: list[Assessment] = []
    seen: dict[str, int] = {}
    for line, cells in rows[header_at + 2 :]:
        agency_id = cell_text(cells, 2)
        if not agency_id:
            if any(cell_text(cells, column) for column, _node in columns) or cell_text(cells, 3):
                reader.fail(InputError(Reading.FORM_SCORES_WITHOUT_AGENCY), line, 2)
        elif agency_id in seen:
            reader.fail(InputError(Reading.FORM_AGENCY_TWICE, first=seen[agency_id]), line, 2, agency=agency_id)
        else:
            seen[agency_id] = line
            reader.names[agency_id] = cell_text(cells, 3) or agency_id
            out.extend(_cohort_row(reader, group, line, cells, columns, source))
    reader.refuse_formulas()
    return tuple(out)


def _cohort_columns(reader: FormReader, group: Group, header_row: Row, ids_row: Row) -> list[tuple[int, Node]]:
    """The leaf of each score column of a cohort sheet, checked against the rubric (id and header)."""
    (header_line, header), (ids_line, ids) = header_row, ids_row
    nodes = {node.id: node for node in group.tree.walk()}
    columns: list[tuple[int, Node]] = []
    for column in range(len(COHORT_HEADER) + 1, max(len(ids), len(header)) + 1):
        node_id, title = cell_text(ids, column), cell_text(header, column)
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
    reader: FormReader, group: Group, line: int, cells: list[str], columns: list[tuple[int, Node]], source: Source
) -> tuple[Assessment, ...]:
    """One agency's row of a cohort sheet: its scores and measurements (a cell with a problem left out)."""
    agency_id = cell_text(cells, 2)
    scores: dict[str, Decimal] = {}
    measurements: dict[str, Measurement] = {}
    for column, node in columns:
        text = cell_text(cells, column)
        if not text:
            continue
        try:
            if node.measure is not None:
                found = measurement_of(reader.rubric, group.id, node.id, text)
                assert found is not None
                measurements[node.id] = found
            else:
                value = read_points(text)
                check_points(reader.rubric, node, value)
                scores[node.id] = value
        except GovIndexError as error:
            reader.fail(error, line, column, agency=agency_id, node=node.id)
    try:
        agency = Agency(agency_id, cell_text(cells, 3) or agency_id, group.id)
        return (Assessment(agency, scores, source, {}, measurements),)
    except GovIndexError as error:
        reader.fail(error, line, 2, agency=agency_id)
        return ()


def read_form_sheet(
    workbook: Workbook,
    found: tuple[str, str],
    rubric: Rubric,
    *,
    source: Source | None,
    report: Callable[[GovIndexError], None],
    max_cells: int,
    columns: dict[str, int] | None = None,
    warnings: list[GovIndexError] | None = None,
) -> tuple[tuple[Assessment, ...], dict[str, int | None]]:
    """A filled form's assessments (one agency), an appraisal form's, or a cohort sheet's (one per row),
    and the row of each agency.

    ``columns``, when given, receives the column of each leaf of a cohort
    sheet; ``warnings`` what deserves a look but is not wrong.
    """
    kind, sheet = found
    reader = FormReader(rubric, workbook.file, sheet, report)
    rows = list(workbook.rows(sheet, report, max_cells=max_cells, formulas=reader.formulas))
    header_at = header_row(rows, kind)
    if header_at is None:
        expected = dict((k, h) for k, _s, h in FORM_KINDS)[kind]
        reader.fail(FileFormatError(Reading.FORM_NO_HEADER, header=" | ".join(expected)), 1)
        return (), {}
    if kind in {"agency", "appraisal"}:
        if kind == "agency":
            assessments = _read_agency_form(reader, rows, header_at, source or Source.SELF)
        else:
            assessments, found_warnings = read_appraisal(reader, workbook, rows, header_at, source or Source.APPRAISED)
            if warnings is not None:
                warnings.extend(found_warnings)
        row = next((line for line, cells in rows if cell_text(cells, 1) == LABELS["agency"]), rows[header_at][0])
        return assessments, {a.agency.id: row for a in assessments}
    assessments = _read_cohort(reader, rows, header_at, source or Source.APPRAISED)
    if columns is not None:
        columns.update(reader.columns)
    lines = {cell_text(cells, 2): line for line, cells in rows[header_at + 2 :] if cell_text(cells, 2)}
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
