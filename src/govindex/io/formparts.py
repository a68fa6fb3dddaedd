"""What the readers of forms share: the reader that places each problem, cells, points, flags, facts, totals.

The self-assessment form and the cohort sheet (:mod:`govindex.io.forms`) and
the appraisal form (:mod:`govindex.io.appraisal`) are read with these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from govindex.agency import nfc
from govindex.catalogue.forms import Totals
from govindex.catalogue.reading import Reading
from govindex.catalogue.vocabulary import FALSE_WORDS, TRUE_WORDS
from govindex.errors import GovIndexError, InputError
from govindex.formlayout import (
    APPRAISAL_HEADER,
    APPRAISAL_SHEET,
    COHORT_HEADER,
    COHORT_SHEET,
    FACT_COLUMN,
    FLAG_LABELS,
    FORM_HEADER,
    FORM_SHEET,
    LABELS,
    points_text,
)
from govindex.io.workbook import Formula, Workbook
from govindex.points import decimals_of, parse_points
from govindex.rubric import Group, Node, Rubric

__all__ = [
    "FORM_KINDS",
    "CellProblem",
    "FormReader",
    "Formulas",
    "Row",
    "TotalsCheck",
    "cell_text",
    "check_points",
    "checked_points",
    "flag",
    "form_facts",
    "form_flags",
    "form_kind",
    "header_row",
    "read_points",
]

# --- reading ------------------------------------------------------------------------------------------------------

Row = tuple[int, list[str]]
Formulas = dict[tuple[int, int], Formula]


class FormReader:
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
            self.fail(
                InputError(Totals.FORMULA_NOT_ALLOWED, formula=repr(formula.text)[1:-1]), line, column, agency=agency
            )

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


def cell_text(cells: list[str], column: int) -> str:
    return nfc(cells[column - 1].strip()) if column <= len(cells) else ""


def row_node(
    cells: list[str],
    column: int,
    nodes: dict[str, Node],
    seen: dict[str, int],
    line: int,
    fail: Callable[..., None],
    group: str,
) -> Node | None:
    """The criterion a form's row is for, by its code (Mã) in ``column``, its line kept in ``seen``. A row
    with text but no code, an unknown code or a code seen before is reported through ``fail(error, line,
    column[, node])``, and gives ``None``; so does an empty row, silently."""
    node_id = cell_text(cells, column)
    if not node_id:
        if any(cell.strip() for cell in cells):
            fail(InputError(Reading.FORM_NO_NODE_ID), line, column)
        return None
    node = nodes.get(node_id)
    if node is None:
        known = list(nodes)
        fail(
            InputError(Reading.UNKNOWN_NODE, criterion=repr(node_id), in_group=repr(group), known=known),
            line,
            column,
            node_id,
        )
        return None
    if node_id in seen:
        fail(InputError(Reading.FORM_NODE_TWICE, first=seen[node_id]), line, column, node_id)
        return None
    seen[node_id] = line
    return node


def flag(text: str) -> bool | None:
    folded = text.casefold()
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    return None


def form_flags(reader: FormReader, labels: dict[str, tuple[int, str]], agency_id: str) -> dict[str, bool]:
    """The agency's facts a form states (có/không); an answer that is neither is refused."""
    flags: dict[str, bool] = {}
    for field, label in FLAG_LABELS.items():
        if label not in labels:
            continue
        line, text = labels[label]
        answer = flag(text)
        if answer is None:
            reader.fail(InputError(Reading.FORM_NOT_YES_NO, text=repr(text)), line, 3, agency=agency_id)
        else:
            flags[field] = answer
    return flags


def form_facts(reader: FormReader, rows: Sequence[Row], agency_id: str) -> dict[str, str | bool]:
    """The agency facts a form asks for its rubric's rules (có/không, or as written); an empty answer is none."""
    facts: dict[str, str | bool] = {}
    for line, cells in rows:
        name = cell_text(cells, FACT_COLUMN)
        if not name or not cell_text(cells, 1):
            continue
        text = cell_text(cells, 3)
        if not text:
            continue
        answer = flag(text)
        facts[name] = text if answer is None else answer
        del line
    return facts


class CellProblem(Exception):
    """A problem of one cell of a form's row: the error and its column."""

    def __init__(self, error: GovIndexError, column: int) -> None:
        super().__init__(error)
        self.error = error
        self.column = column


class TotalsCheck:
    """The totals of a form checked as Excel computes them: each cell's shown number, an empty cell 0."""

    def __init__(self, reader: FormReader, group: Group, seen: dict[str, int], points: dict[str, str], column: int):
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
            return InputError(Totals.TOTAL_DIFFERS, saved=text, total=total)
        return None


def checked_points(rubric: Rubric, node: Node, text: str, column: int) -> Decimal:
    """Points typed in a form, checked against the node (a problem carries its column)."""
    try:
        value = read_points(text)
        check_points(rubric, node, value)
    except GovIndexError as error:
        raise CellProblem(error, column) from None
    return value


def check_points(rubric: Rubric, node: Node, value: Decimal) -> None:
    if value < 0:
        raise InputError(Reading.NEGATIVE, value=value)
    if value > node.max_points:
        raise InputError(Reading.ABOVE_MAXIMUM, value=value, maximum=node.max_points)
    if decimals_of(value) > rubric.decimals:
        raise InputError(Reading.TOO_PRECISE, value=value, decimals=rubric.decimals)


#: The kinds of forms from ``govindex template``: kind, sheet, header row.
FORM_KINDS = (
    ("agency", FORM_SHEET, FORM_HEADER),
    ("appraisal", APPRAISAL_SHEET, APPRAISAL_HEADER),
    ("cohort", COHORT_SHEET, COHORT_HEADER),
)


def form_kind(workbook: Workbook) -> tuple[str, str] | None:
    """The kind and sheet of a form from ``govindex template``: a sheet of that name with the form's header row.

    A sheet a person made and happened to call "Bảng điểm" is a score table, not a form.
    """
    for kind, name, expected in FORM_KINDS:
        if workbook.has_sheet(name) and workbook.find_in(name, _header_test(expected), max_rows=40):
            return kind, name
    return None


def _header_test(expected: Sequence[str]) -> Callable[[list[str]], bool]:
    wanted = tuple(expected)

    def test(cells: list[str]) -> bool:
        return tuple(nfc(cell.strip()) for cell in cells[: len(wanted)]) == wanted

    return test


def header_row(rows: Sequence[Row], kind: str) -> int | None:
    """The index of a form's header row among its rows (within the first 40), by the form's kind."""
    test = _header_test(next(header for found, _sheet, header in FORM_KINDS if found == kind))
    for index, (_line, cells) in enumerate(rows[:40]):
        if test(cells):
            return index
    return None
