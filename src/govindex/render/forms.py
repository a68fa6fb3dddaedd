"""Writing the forms to fill in (biểu mẫu) as Excel workbooks (extra ``excel``).

The agency's self-assessment form (phiếu tự đánh giá) and the appraisal
team's cohort sheet (bảng điểm thẩm định); their layout is
:mod:`govindex.formlayout`, and :mod:`govindex.io.forms` reads them back.
They are written by the one XLSX writer (:class:`govindex.render.xlsx.WorkbookWriter`),
their words come from the catalogue (:class:`~govindex.catalogue.reports.Form`),
and the same rubric, group and agency always give the same bytes.

A name holding a control character, which a workbook cannot hold and a
form read back could not match, is refused, as is a year a workbook cannot
date (outside 1-9999). A choice answer is quoted in the cell's drop-down
list (a ``"`` doubled); answers holding a comma get no drop-down.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from govindex._optional import require
from govindex.agency import Agency
from govindex.assessment import Assessment
from govindex.catalogue import Entry
from govindex.catalogue.forms import FormText
from govindex.catalogue.formwords import FormColumn
from govindex.catalogue.render import RenderError
from govindex.catalogue.reports import Form
from govindex.errors import InputError
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
    NO,
    TITLE_COHORT,
    TITLE_FORM,
    YES,
    leaf_header,
    numbered,
    points_text,
    total_formula,
)
from govindex.points import decimals_of
from govindex.render.archive import fixed_zip
from govindex.render.safe import visible
from govindex.render.wording import cite
from govindex.render.xlsx import WorkbookWriter, number_format
from govindex.rubric import Group, Node, Rubric

__all__ = ["Fact", "agency_form_bytes", "cohort_sheet_bytes", "filled_form_bytes"]

#: An agency fact a rule reads, asked on the form: its name (an agency attribute) and its question.
Fact = tuple[str, str]

#: A form is Vietnamese in every language of the output: it is the contract with its reader.
_LANG = "vi"
#: The longest list a cell's drop-down holds (Excel's limit on the list's text).
_LIST_LIMIT = 255


def _check_text(text: str, what: Entry, **context: Any) -> None:
    """Refuse a text a workbook cannot hold (a control character, a lone surrogate)."""
    shown = visible(text)
    if shown != text:
        character = next(c for c, s in zip(text, shown, strict=True) if c != s)
        raise InputError(
            RenderError.FORM_CONTROL_CHARACTER,
            what=what,
            character=f"U+{ord(character):04X}",
            text=repr(shown),
            **context,
        )


def _check_rubric(rubric: Rubric, group: Group) -> None:
    if not 1 <= rubric.year <= 9999:
        raise InputError(RenderError.FORM_YEAR, year=str(rubric.year))
    _check_text(rubric.title, Form.WHAT_TITLE)
    basis = rubric.legal_basis
    for text in (basis.decision, basis.issuer, basis.article or ""):
        _check_text(text, Form.WHAT_BASIS)
    _check_text(group.name, Form.WHAT_GROUP, group=group.id)
    for node in group.tree.walk():
        _check_text(node.name, Form.WHAT_NODE, node=node.id)
        answers = () if node.measure is None else (node.measure.answers() or ())
        for answer in answers:
            _check_text(answer, Form.WHAT_ANSWER, node=node.id)


def _check_agency(agency_id: str, name: str) -> None:
    _check_text(agency_id, Form.WHAT_AGENCY_ID, agency=visible(agency_id))
    _check_text(name, Form.WHAT_AGENCY, agency=visible(agency_id))


def _max_cell(value: Decimal) -> Decimal | int:
    return int(value) if value == value.to_integral_value() else value


class _Book(WorkbookWriter):
    """The one XLSX writer with the styles and checks the forms share."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.validation = require("openpyxl.worksheet.datavalidation", "excel")
        self.bold = self.styles.Font(bold=True)
        self.grey = self.styles.PatternFill("solid", fgColor="EEEEEE")
        self.unlocked = self.styles.Protection(locked=False)
        #: the saved result of each formula, by (sheet position, cell): Excel shows it without recalculating
        self.results: dict[tuple[int, str], str] = {}

    def total(self, sheet: Any, row: int, column: int, formula: str, value: Decimal, decimals: int) -> Any:
        """A total's cell: ``formula`` and its result, saved so that the total shows as soon as it is opened."""
        cell = sheet.cell(row=row, column=column)
        cell.value = "=" + formula
        cell.number_format = number_format(decimals)
        self.results[self.book.index(sheet), cell.coordinate] = f"{value:f}"
        return cell

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return fixed_zip(_with_results(buffer.getvalue(), self.results))

    def text(self, sheet: Any, row: int, column: int, value: str | int | Decimal) -> Any:
        return self.put(sheet, row, column, value)

    def comment(self, text: str) -> Any:
        comments = require("openpyxl.comments", "excel")
        return comments.Comment(text, "govindex")

    def validate(self, sheet: Any, kind: str, cells: str, **options: Any) -> None:
        rule = self.validation.DataValidation(type=kind, allow_blank=True, showErrorMessage=True, **options)
        rule.add(cells)
        sheet.add_data_validation(rule)

    def choose(self, sheet: Any, cells: str, answers: Sequence[str], error: str) -> None:
        """A drop-down list of ``answers``: each quoted (``"`` doubled); none when an answer holds a comma."""
        if any("," in answer for answer in answers):
            return
        formula = '"' + ",".join(answer.replace('"', '""') for answer in answers) + '"'
        if len(formula) > _LIST_LIMIT:
            return
        self.validate(sheet, "list", cells, formula1=formula, errorTitle=Form.INVALID.vi, error=error)


_FORMULA_CELL = re.compile(rb'(<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]*</f>)(?:<v\s*/>|<v></v>)?')


def _with_results(data: bytes, results: Mapping[tuple[int, str], str]) -> bytes:
    """The workbook with each formula's saved result written in (the writer saves formulas without one)."""
    if not results:
        return data
    by_sheet: dict[str, dict[bytes, bytes]] = {}
    for (position, coordinate), value in results.items():
        by_sheet.setdefault(f"xl/worksheets/sheet{position + 1}.xml", {})[coordinate.encode()] = value.encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            values = by_sheet.get(info.filename)
            if values is not None:

                def saved(found: re.Match[bytes], values: dict[bytes, bytes] = values) -> bytes:
                    value = values.get(found.group(2))
                    return found.group(0) if value is None else found.group(1) + b"<v>" + value + b"</v>"

                content = _FORMULA_CELL.sub(saved, content)
            target.writestr(info, content)
    return out.getvalue()


def _titles(book: _Book, sheet: Any, rubric: Rubric, heading: str, width: int) -> int:
    """The title rows common to both forms; returns the next free row."""
    book.text(sheet, 1, 1, heading).font = book.styles.Font(bold=True, size=14)
    book.text(sheet, 2, 1, rubric.title).font = book.bold
    book.text(sheet, 3, 1, Form.BASIS.text(_LANG, basis=cite(rubric.legal_basis, _LANG)))
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row=row, column=1).alignment = book.styles.Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[2].height = 32
    return 4


def _label(book: _Book, sheet: Any, row: int, label: str, value: Any) -> Any:
    book.text(sheet, row, 1, label).font = book.bold
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    return book.text(sheet, row, 3, value)


def _validate_leaf(book: _Book, sheet: Any, node: Node, decimals: int, cell: str, *, points: bool) -> None:
    if points:
        book.validate(
            sheet,
            "decimal",
            cell,
            operator="between",
            formula1="0",
            formula2=f"{node.max_points:f}",
            errorTitle=Form.INVALID_POINTS.vi,
            error=Form.POINTS_RANGE.text(_LANG, maximum=points_text(node.max_points), decimals=decimals),
        )
        return
    assert node.measure is not None
    answers = node.measure.answers()
    if answers is not None:
        book.choose(sheet, cell, answers, Form.CHOOSE_ONE.text(_LANG, answers=", ".join(answers)))


def _instructions(book: _Book, rubric: Rubric, lines: Iterable[str]) -> None:
    sheet = book.sheet(INSTRUCTIONS_SHEET)
    book.text(sheet, 1, 1, Form.INSTRUCTIONS.vi).font = book.styles.Font(bold=True, size=14)
    book.text(sheet, 2, 1, rubric.title)
    for row, line in enumerate(lines, start=4):
        book.text(sheet, row, 1, line).alignment = book.styles.Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110


_HINTS = {"ratio": Form.HINT_RATIO, "steps": Form.HINT_STEPS, "yes_no": Form.HINT_YES_NO, "choice": Form.HINT_CHOICE}


def _measure_hint(node: Node) -> str:
    measure = node.measure
    if measure is None:
        return ""
    hint = _HINTS.get(measure.kind)
    return hint.vi if hint is not None else Form.HINT_OTHER.text(_LANG, kind=measure.kind)


def _yes_no(book: _Book, sheet: Any, cell: str) -> None:
    book.choose(sheet, cell, (YES, NO), Form.CHOOSE_YES_NO.vi)


def _form_head(book: _Book, sheet: Any, rubric: Rubric, group: Group, agency: Agency, facts: Sequence[Fact]) -> int:
    """The title rows, the agency's labels, its flags and the facts its rules read; returns the header row."""
    row = _titles(book, sheet, rubric, TITLE_FORM, len(FORM_HEADER))
    row = _agency_labels(book, sheet, row, rubric, group, agency)
    row = _questions(book, sheet, row, agency, facts)
    _header(book, sheet, row + 1, FORM_HEADER)
    return row + 1


def _questions(book: _Book, sheet: Any, row: int, agency: Agency, facts: Sequence[Fact]) -> int:
    """The agency's flags and the facts its rules read, answered as it states them; returns the next free row."""
    for name, label in FLAG_LABELS.items():
        cell = _label(book, sheet, row, label, YES if getattr(agency, name) else NO)
        cell.protection = book.unlocked
        _yes_no(book, sheet, cell.coordinate)
        row += 1
    for name, question in facts:
        stated = agency.attributes.get(name)
        answer = "" if stated is None else YES if stated is True else NO if stated is False else str(stated)
        cell = _label(book, sheet, row, question, answer)
        cell.protection = book.unlocked
        book.choose(sheet, cell.coordinate, (YES, NO), FormText.CHOOSE_FACT.vi)
        book.text(sheet, row, FACT_COLUMN, name).font = book.styles.Font(color="808080")
        row += 1
    return row


def _agency_labels(book: _Book, sheet: Any, row: int, rubric: Rubric, group: Group, agency: Agency) -> int:
    """The agency's name and id, its group, the year and the rubric; returns the next free row."""
    _label(book, sheet, row, LABELS["agency_name"], agency.name)
    _label(book, sheet, row + 1, LABELS["agency"], agency.id)
    _label(book, sheet, row + 2, LABELS["group"], group.id)
    book.text(sheet, row + 2, 4, group.name)
    _label(book, sheet, row + 3, LABELS["year"], rubric.year)
    _label(book, sheet, row + 4, LABELS["rubric"], rubric.id)
    return row + 5


def _header(book: _Book, sheet: Any, row: int, names: Sequence[str]) -> None:
    for column, name in enumerate(names, start=1):
        cell = book.text(sheet, row, column, name)
        cell.font = book.bold
        cell.fill = book.grey
        cell.alignment = book.styles.Alignment(wrap_text=True, horizontal="center", vertical="center")


def shown_points(tree: Node, typed: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """What each row's points cell shows: its typed points, a total the sum of its rows' (an empty cell 0)."""
    shown: dict[str, Decimal] = {}

    def visit(node: Node) -> Decimal:
        for child in node.children:
            visit(child)
        value = typed.get(node.id)
        if value is None:
            value = sum((shown[child.id] for child in node.children), Decimal(0))
        shown[node.id] = value
        return value

    visit(tree)
    return shown


def node_rows(tree: Node, header: int) -> dict[str, int]:
    """The row of each node of a form whose header row is ``header``."""
    return {node.id: header + offset for offset, (_n, _d, node) in enumerate(numbered(tree), start=1)}


def _criterion(book: _Book, sheet: Any, at: int, entry: tuple[str, int, Node], maximum_column: int) -> None:
    """A row's first cells (STT, Mã, Tiêu chí, Điểm tối đa); a criterion's row bold and grey."""
    number, depth, node = entry
    book.text(sheet, at, 1, number)
    book.text(sheet, at, 2, node.id)
    book.text(sheet, at, 3, node.name).alignment = book.styles.Alignment(indent=depth, wrap_text=True, vertical="top")
    maximum = book.text(sheet, at, maximum_column, _max_cell(node.max_points))
    maximum.number_format = number_format(decimals_of(node.max_points))


def _grey_row(book: _Book, sheet: Any, at: int, width: int) -> None:
    for column in range(1, width + 1):
        sheet.cell(row=at, column=column).font = book.bold
        sheet.cell(row=at, column=column).fill = book.grey


class _Filling:
    """What a form shows for an agency: its typed points, figures and evidence (empty for a blank form)."""

    def __init__(self, rubric: Rubric, group: Group, filled: Assessment | None) -> None:
        self.group = group.id
        self.typed: dict[str, Decimal] = {}
        self.figures: dict[str, str] = {}
        self.evidence: Mapping[str, str] = {} if filled is None else filled.evidence
        if filled is not None:
            for node in group.tree.walk():
                measurement = filled.measurements.get(node.id)
                if measurement is not None and node.measure is not None:
                    label = getattr(node.measure, "label", None)
                    self.figures[node.id] = label(measurement.value) if callable(label) else measurement.value
                    self.typed[node.id] = measurement.points
                elif node.id in filled.scores:
                    self.typed[node.id] = filled.scores[node.id]
        self.shown = shown_points(group.tree, self.typed)


def _form_row(
    book: _Book, sheet: Any, rubric: Rubric, at: int, entry: tuple[str, int, Node], rows: dict[str, int], fill: _Filling
) -> None:
    """One criterion's row: its number, id, name and maximum; the cells to fill in, unlocked and validated.

    A criterion's points are a formula adding up its rows, unless the agency typed its total.
    """
    _number, _depth, node = entry
    _criterion(book, sheet, at, entry, COLUMN[FormColumn.MAX_POINTS])
    figure = sheet.cell(row=at, column=COLUMN[FormColumn.FIGURE])
    points = sheet.cell(row=at, column=COLUMN[FormColumn.SELF])
    points.number_format = number_format(rubric.decimals)
    if node.id in fill.typed:
        book.text(sheet, at, COLUMN[FormColumn.SELF], _max_cell(fill.typed[node.id]))
    if node.id in fill.evidence:
        book.text(sheet, at, COLUMN[FormColumn.EVIDENCE], fill.evidence[node.id])
    if not node.is_leaf:
        if node.id not in fill.typed:
            letter = book.utils.get_column_letter(COLUMN[FormColumn.SELF])
            formula = total_formula(letter, [rows[child.id] for child in node.children])
            book.total(sheet, at, COLUMN[FormColumn.SELF], formula, fill.shown[node.id], rubric.decimals)
        _grey_row(book, sheet, at, len(FORM_HEADER))
        return
    for column in (COLUMN[FormColumn.EVIDENCE], COLUMN[FormColumn.REMARK]):
        sheet.cell(row=at, column=column).protection = book.unlocked
    if node.measure is not None:
        if node.id in fill.figures:
            book.text(sheet, at, COLUMN[FormColumn.FIGURE], fill.figures[node.id])
        figure.protection = book.unlocked
        figure.number_format = "@"
        points.fill = book.grey
        _validate_leaf(book, sheet, node, rubric.decimals, figure.coordinate, points=False)
        figure.comment = book.comment(_measure_hint(node))
    else:
        figure.fill = book.grey
        points.protection = book.unlocked
        _validate_leaf(book, sheet, node, rubric.decimals, points.coordinate, points=True)


def agency_form_bytes(
    rubric: Rubric,
    group_id: str,
    agency: Agency,
    *,
    filled: Assessment | None = None,
    facts: Sequence[Fact] = (),
) -> bytes:
    """The self-assessment form (phiếu tự đánh giá) of ``agency`` as the bytes of an ``.xlsx`` workbook.

    Each criterion's points are a formula adding up its rows, saved with its
    result. ``filled`` writes an assessment's points, figures and evidence in
    (a form as the agency sent it back). ``facts`` are the agency facts the
    rubric's rules read, each asked on the form as (attribute, question).
    The same arguments always give the same bytes.
    """
    group = rubric.group(group_id)
    if agency.group != group.id:
        raise InputError(
            RenderError.FORM_WRONG_GROUP, found=repr(agency.group), wanted=repr(group.id), agency=agency.id
        )
    _check_rubric(rubric, group)
    _check_agency(agency.id, agency.name)
    for _name, question in facts:
        _check_text(question, Form.WHAT_TITLE)
    book = _Book(f"{TITLE_FORM} - {agency.name}")
    sheet = book.sheet(FORM_SHEET)
    header = _form_head(book, sheet, rubric, group, agency, facts)
    rows = node_rows(group.tree, header)
    fill = _Filling(rubric, group, filled)
    for offset, entry in enumerate(numbered(group.tree), start=1):
        _form_row(book, sheet, rubric, header + offset, entry, rows, fill)
    for letter, size in zip("ABCDEFGH", (7, 16, 60, 10, 14, 12, 36, 24), strict=True):
        sheet.column_dimensions[letter].width = size
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1).coordinate
    sheet.protection.sheet = True
    basis = cite(rubric.legal_basis, _LANG)
    lines = [
        Form.FORM_1.text(_LANG, agency=agency.name, rubric=rubric.title, basis=basis),
        Form.FORM_2.text(_LANG, decimals=rubric.decimals),
        FormText.TOTALS.vi,
        Form.FORM_4.vi,
        Form.FORM_5.vi,
        Form.FORM_6.vi,
        Form.FORM_7.text(_LANG, rubric=rubric.id),
    ]
    _instructions(book, rubric, [*lines, FormText.FACTS.vi] if facts else lines)
    return book.save()


def filled_form_bytes(
    rubric: Rubric,
    agency: Agency,
    scores: Mapping[str, Decimal],
    evidence: Mapping[str, str] | None = None,
) -> bytes:
    """A self-assessment form filled with ``scores`` (points by node id) and ``evidence``, as an agency sends it."""
    from govindex.assessment import Source

    filled = Assessment(agency, scores, Source.SELF, evidence or {})
    return agency_form_bytes(rubric, agency.group, agency, filled=filled)


def cohort_sheet_bytes(
    rubric: Rubric, group_id: str, agencies: Sequence[tuple[str, str]] = (), *, empty_rows: int = 20
) -> bytes:
    """The appraisal team's cohort sheet (bảng điểm thẩm định) of a group, as ``.xlsx`` bytes.

    ``agencies`` are (id, name) pairs, one row each; without them the sheet
    has ``empty_rows`` empty rows to fill in.
    """
    group = rubric.group(group_id)
    _check_rubric(rubric, group)
    for agency_id, name in agencies:
        _check_agency(agency_id, name)
    leaves = list(group.tree.leaves())
    book = _Book(f"{TITLE_COHORT} - {group.name}")
    sheet = book.sheet(COHORT_SHEET)
    width = len(COHORT_HEADER) + len(leaves)
    row = _titles(book, sheet, rubric, TITLE_COHORT, max(width, 4))
    _label(book, sheet, row, LABELS["group"], group.id)
    book.text(sheet, row, 4, group.name)
    _label(book, sheet, row + 1, LABELS["year"], rubric.year)
    _label(book, sheet, row + 2, LABELS["rubric"], rubric.id)
    header = row + 4
    _cohort_header(book, sheet, header, leaves)
    count = len(agencies) if agencies else empty_rows
    first = header + 2
    _cohort_body(book, sheet, rubric, agencies, first, count, width)
    _cohort_columns(book, sheet, rubric, leaves, first, first + count - 1)
    sheet.freeze_panes = sheet.cell(row=first, column=len(COHORT_HEADER) + 1).coordinate
    sheet.protection.sheet = True
    basis = cite(rubric.legal_basis, _LANG)
    _instructions(
        book,
        rubric,
        [
            Form.COHORT_1.text(_LANG, group=group.name, rubric=rubric.title, basis=basis),
            Form.COHORT_2.vi,
            Form.COHORT_3.vi,
            Form.COHORT_4.vi,
            Form.COHORT_5.text(_LANG, rubric=rubric.id),
        ],
    )
    return book.save()


def _cohort_header(book: _Book, sheet: Any, header: int, leaves: list[Node]) -> None:
    for column, name in enumerate([*COHORT_HEADER, *map(leaf_header, leaves)], start=1):
        cell = book.text(sheet, header, column, name)
        cell.font = book.bold
        cell.fill = book.grey
        cell.alignment = book.styles.Alignment(wrap_text=True, horizontal="center", vertical="center")
    book.text(sheet, header + 1, 3, IDS_LABEL)
    for column, leaf in enumerate(leaves, start=len(COHORT_HEADER) + 1):
        book.text(sheet, header + 1, column, leaf.id).fill = book.grey
    sheet.row_dimensions[header].height = 60


def _cohort_body(
    book: _Book, sheet: Any, rubric: Rubric, agencies: Sequence[tuple[str, str]], first: int, count: int, width: int
) -> None:
    for offset in range(count):
        at = first + offset
        book.text(sheet, at, 1, offset + 1)
        if agencies:
            book.text(sheet, at, 2, agencies[offset][0])
            book.text(sheet, at, 3, agencies[offset][1])
        else:
            for column in (2, 3):
                sheet.cell(row=at, column=column).protection = book.unlocked
        for column in range(len(COHORT_HEADER) + 1, width + 1):
            cell = sheet.cell(row=at, column=column)
            cell.protection = book.unlocked
            cell.number_format = number_format(rubric.decimals)


def _cohort_columns(book: _Book, sheet: Any, rubric: Rubric, leaves: list[Node], first: int, last: int) -> None:
    for column, leaf in enumerate(leaves, start=len(COHORT_HEADER) + 1):
        letter = book.utils.get_column_letter(column)
        _validate_leaf(
            book, sheet, leaf, rubric.decimals, f"{letter}{first}:{letter}{last}", points=leaf.measure is None
        )
        if leaf.measure is not None:
            for at in range(first, last + 1):
                sheet.cell(row=at, column=column).number_format = "@"
        sheet.column_dimensions[letter].width = 16
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 36
