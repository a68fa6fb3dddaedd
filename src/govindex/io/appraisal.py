"""Reading an agency's appraisal form (phiếu thẩm định) back: the appraisal, with a reason per changed score.

The form is written by :mod:`govindex.render.appraisal`. Read back, it gives
the agency's appraisal (source ``appraised``): the ``Điểm thẩm định`` of each
sub-criterion, the evidence, and the ``Lý do điều chỉnh`` of each score the
appraisal changed (:attr:`~govindex.assessment.Assessment.reasons`). It is
refused, each problem at its sheet and cell with the agency and criterion,
when:

- the ``Điểm tự đánh giá`` column was edited (it must hold the points the
  form was made with, which its very hidden sheet keeps with their checksum;
  and, when the self-assessment is given, the points of that file);
- an appraised score differs from the self-assessed one without a reason;
- a total's formula was changed or its saved result is not the sum of its rows.

A reason given on a row whose score did not change is a warning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from govindex.agency import Agency
from govindex.assessment import Assessment, Source
from govindex.catalogue.forms import Appraisal
from govindex.catalogue.formwords import FormColumn, FormWord
from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.formlayout import APPRAISAL_COLUMN, COPY_SHEET, LABELS, points_text, total_formula
from govindex.io.formparts import (
    CellProblem,
    FormReader,
    Row,
    TotalsCheck,
    cell_text,
    checked_points,
    form_facts,
    form_flags,
    form_kind,
    header_row,
    read_points,
    row_node,
)
from govindex.io.workbook import Workbook
from govindex.render.appraisal import self_checksum
from govindex.rubric import Group, Node

__all__ = ["read_appraisal"]

_SELF = APPRAISAL_COLUMN[FormColumn.SELF]
_APPRAISED = APPRAISAL_COLUMN[FormColumn.APPRAISED]
_REASON = APPRAISAL_COLUMN[FormColumn.REASON]
_EVIDENCE = APPRAISAL_COLUMN[FormColumn.EVIDENCE]


def _stored_copy(workbook: Workbook, reader: FormReader, agency_id: str) -> dict[str, Decimal] | None:
    """The self-assessed points the form was made with, when its hidden copy is whole and its checksum holds."""
    if not workbook.has_sheet(COPY_SHEET):
        return None
    rows = list(workbook.rows(COPY_SHEET, lambda _error: None, max_cells=100_000))
    copy: dict[str, Decimal] = {}
    digest = ""
    for _line, cells in rows:
        key, value = cell_text(cells, 1), cell_text(cells, 2)
        if key == "sha256":
            digest = value
            continue
        try:
            copy[key] = Decimal(value)
        except ArithmeticError:
            return None
    if digest != self_checksum(reader.rubric.id, agency_id, copy):
        return None
    return copy


class _AppraisalForm:
    """What the rows of an appraisal form give: the appraised scores, evidence and reasons."""

    def __init__(self, reader: FormReader, group: Group, agency_id: str, copy: Mapping[str, Decimal]) -> None:
        self.reader = reader
        self.group = group
        self.agency_id = agency_id
        self.copy = copy
        self.nodes = {node.id: node for node in group.tree.walk()}
        self.seen: dict[str, int] = {}
        self.mine: dict[str, str] = {}
        self.theirs: dict[str, str] = {}
        self.scores: dict[str, Decimal] = {}
        self.evidence: dict[str, str] = {}
        self.reasons: dict[str, str] = {}
        self.warnings: list[GovIndexError] = []

    def fail(self, error: GovIndexError, line: int, column: int, node: str | None = None) -> None:
        self.reader.fail(error, line, column, agency=self.agency_id, node=node)

    def row(self, line: int, cells: list[str]) -> None:
        node = row_node(cells, APPRAISAL_COLUMN[FormColumn.CODE], self.nodes, self.seen, line, self.fail, self.group.id)
        if node is None:
            return
        node_id = node.id
        column = APPRAISAL_COLUMN[FormColumn.MAX_POINTS]
        self.reader.check_max(node, cell_text(cells, column), line, column, self.agency_id)
        self.mine[node_id] = cell_text(cells, _SELF)
        self.theirs[node_id] = cell_text(cells, _APPRAISED)
        evidence = cell_text(cells, _EVIDENCE)
        if evidence:
            self.evidence[node_id] = evidence
        formulas = self.reader.formulas
        if (line, _SELF) in formulas and (line, _APPRAISED) in formulas and not node.is_leaf:
            return
        try:
            self.compare(node, line, cell_text(cells, _REASON))
        except CellProblem as problem:
            self.fail(problem.error, line, problem.column, node_id)

    def compare(self, node: Node, line: int, reason: str) -> None:
        """A row's self-assessed points (as the form was made), its appraised points and the reason between them."""
        mine_text, theirs_text = self.mine[node.id], self.theirs[node.id]
        mine = checked_points(self.reader.rubric, node, mine_text, _SELF) if mine_text else None
        if mine != self.copy.get(node.id):
            expected = self.copy.get(node.id)
            shown: Decimal | FormWord = FormWord.EMPTY if expected is None else expected
            given: str | FormWord = repr(mine_text) if mine_text else FormWord.EMPTY_QUOTED
            raise CellProblem(InputError(Appraisal.SELF_EDITED, given=given, expected=shown), _SELF)
        theirs = checked_points(self.reader.rubric, node, theirs_text, _APPRAISED) if theirs_text else None
        if theirs is not None:
            self.scores[node.id] = theirs
        if reason:
            self.reasons[node.id] = reason
        if theirs != mine and not reason:
            error = InputError(
                Appraisal.NO_REASON,
                appraised=theirs_text or FormWord.EMPTY,
                self_score=mine_text or FormWord.EMPTY,
            )
            raise CellProblem(error, _REASON)
        if theirs == mine and reason:
            warning = InputError(Appraisal.REASON_UNCHANGED, reason=repr(reason), self_score=mine_text or FormWord.EMPTY)
            self.warnings.append(
                warning.with_context(
                    file=self.reader.file,
                    sheet=self.reader.sheet,
                    line=line,
                    column=_REASON,
                    agency=self.agency_id,
                    node=node.id,
                )
            )

    def totals(self) -> None:
        """Each total's formulas, in both columns: the sum of its rows, saved as that sum."""
        for column, texts in ((_SELF, self.mine), (_APPRAISED, self.theirs)):
            letter = "ABCDEFGH"[column - 1]
            check = TotalsCheck(self.reader, self.group, self.seen, texts, column)
            for node_id, line in self.seen.items():
                node = self.nodes[node_id]
                formula = self.reader.formulas.get((line, column))
                if formula is None or node.is_leaf:
                    continue
                del self.reader.formulas[line, column]
                rows = [self.seen[child.id] for child in node.children if child.id in self.seen]
                problem = check.problem(node, formula, total_formula(letter, rows))
                if problem is not None:
                    self.fail(problem, line, column, node_id)


def read_appraisal(
    reader: FormReader, workbook: Workbook, rows: Sequence[Row], header_at: int, source: Source
) -> tuple[tuple[Assessment, ...], list[GovIndexError]]:
    """An appraisal form's agency and the warnings of its reading; every problem goes to the reader."""
    labels = reader.labels(rows, header_at)
    if not reader.check_rubric(labels):
        return (), []
    group = reader.group(labels)
    agency_line, agency_id = labels.get(LABELS["agency"], (1, ""))
    name = labels.get(LABELS["agency_name"], (1, ""))[1]
    if not agency_id:
        reader.fail(InputError(Reading.FORM_NO_AGENCY), agency_line, 3)
        return (), []
    if group is None:
        return (), []
    copy = _stored_copy(workbook, reader, agency_id)
    if copy is None:
        error = FileFormatError(Appraisal.COPY_DAMAGED, sheet_name=repr(COPY_SHEET))
        reader.fail(error, agency_line, 3, agency=agency_id)
        return (), []
    flags = form_flags(reader, labels, agency_id)
    facts = form_facts(reader, rows[:header_at], agency_id)
    form = _AppraisalForm(reader, group, agency_id, copy)
    for line, cells in rows[header_at + 1 :]:
        form.row(line, cells)
    form.totals()
    reader.refuse_formulas(agency_id)
    try:
        agency = Agency(agency_id, name or agency_id, group.id, attributes=facts, **flags)  # type: ignore[arg-type]
        found = Assessment(agency, form.scores, source, form.evidence, reasons=form.reasons)
    except GovIndexError as error:
        reader.fail(error, agency_line, 3, agency=agency_id)
        return (), form.warnings
    return (found,), form.warnings


def self_points(assessment: Assessment) -> dict[str, Decimal]:
    """The points a self-assessment gives each row of its forms: typed scores and measured points."""
    return {**assessment.scores, **{node: taken.points for node, taken in assessment.measurements.items()}}


def differences_from_self(
    data: bytes,
    file: str,
    mine: Mapping[str, Assessment],
    self_file: str,
    files: Mapping[str, str] | None = None,
) -> list[GovIndexError]:
    """Where an appraisal form's self-assessed column differs from the self-assessment file given, cell by cell.

    ``mine`` holds the self-assessments by agency id; ``files`` the file each
    was read from (a refusal names it; else ``self_file``). A workbook that is
    no appraisal form gives nothing.
    """
    from govindex.io.cells import DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS

    problems: list[GovIndexError] = []
    with Workbook(data, file, max(DEFAULT_MAX_BYTES, len(data))) as workbook:
        found = form_kind(workbook)
        if found is None or found[0] != "appraisal":
            return problems
        rows = list(workbook.rows(found[1], lambda _error: None, max_cells=DEFAULT_MAX_CELLS))
    header_at = header_row(rows, found[0])
    if header_at is None:
        return problems
    agency_id = next(
        (cell_text(cells, 3) for _l, cells in rows[:header_at] if cell_text(cells, 1) == LABELS["agency"]), ""
    )
    sheet = found[1]
    assessment = mine.get(agency_id)
    if assessment is None:  # reconcile names an agency found in one side only
        return problems
    expected = self_points(assessment)
    for line, cells in rows[header_at + 1 :]:
        node_id, text = cell_text(cells, APPRAISAL_COLUMN[FormColumn.CODE]), cell_text(cells, _SELF)
        if not node_id or (not text and node_id not in expected):
            continue
        try:
            given = read_points(text) if text else None
        except GovIndexError:
            given = None
        wanted = expected.get(node_id)
        if given != wanted and not (wanted is None and given is not None and node_id not in assessment.scores):
            problems.append(
                InputError(
                    Appraisal.SELF_DIFFERS,
                    given=text or FormWord.EMPTY,
                    expected=FormWord.EMPTY if wanted is None else points_text(wanted),
                    self_file=(files or {}).get(agency_id, self_file),
                    line=line,
                    column=_SELF,
                    node=node_id,
                    file=file,
                    sheet=sheet,
                    agency=agency_id,
                )
            )
    return problems


def check_appraisal_forms(
    paths: Sequence[str],
    mine: Sequence[Assessment],
    self_files: Sequence[str],
    files: Mapping[str, str] | None = None,
    *,
    max_bytes: int | None = None,
) -> None:
    """Refuse the appraisal forms among ``paths`` whose self-assessed column differs from the self-assessments
    read (``mine``, from ``self_files``; ``files``: the file of each agency's): every difference at its cell,
    raised at once. No file larger than ``max_bytes`` (default: the default limit) is read."""
    from govindex.errors import collected
    from govindex.io.cells import DEFAULT_MAX_BYTES, read_limited

    by_agency = {assessment.agency.id: assessment for assessment in mine}
    problems: list[GovIndexError] = []
    for path in paths:
        if path.lower().endswith(".xlsx"):
            data = read_limited(path, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
            problems.extend(differences_from_self(data, path, by_agency, ", ".join(self_files), files))
    if problems:
        raise collected(problems)
