"""Writing the forms to fill in (biểu mẫu) as Excel workbooks (extra ``excel``).

The agency's self-assessment form (phiếu tự đánh giá) and the appraisal
team's cohort sheet (bảng điểm thẩm định); their layout is
:mod:`govindex.formlayout`, and :mod:`govindex.io.forms` reads them back.
They are written by the one XLSX writer (:class:`govindex.render.xlsx.Workbook`),
their words come from the catalogue (:class:`~govindex.catalogue.reports.Form`),
and the same rubric, group and agency always give the same bytes.

A name holding a control character, which a workbook cannot hold and a
form read back could not match, is refused, as is a year a workbook cannot
date (outside 1-9999). A choice answer is quoted in the cell's drop-down
list (a ``"`` doubled); answers holding a comma get no drop-down.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from govindex._optional import require
from govindex.agency import Agency
from govindex.catalogue import Entry
from govindex.catalogue.render import RenderError
from govindex.catalogue.reports import Form
from govindex.errors import InputError
from govindex.formlayout import (
    COHORT_HEADER,
    COHORT_SHEET,
    COLUMN,
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
)
from govindex.points import decimals_of
from govindex.render.safe import visible
from govindex.render.wording import cite
from govindex.render.xlsx import Workbook, number_format
from govindex.rubric import Group, Node, Rubric

__all__ = ["agency_form_bytes", "cohort_sheet_bytes"]

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


class _Book(Workbook):
    """The one XLSX writer with the styles and checks the forms share."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.validation = require("openpyxl.worksheet.datavalidation", "excel")
        self.bold = self.styles.Font(bold=True)
        self.grey = self.styles.PatternFill("solid", fgColor="EEEEEE")
        self.unlocked = self.styles.Protection(locked=False)

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


def _form_head(book: _Book, sheet: Any, rubric: Rubric, group: Group, agency: Agency) -> int:
    """The title rows, the agency's labels and its facts; returns the header row."""
    row = _titles(book, sheet, rubric, TITLE_FORM, len(FORM_HEADER))
    _label(book, sheet, row, LABELS["agency_name"], agency.name)
    _label(book, sheet, row + 1, LABELS["agency"], agency.id)
    _label(book, sheet, row + 2, LABELS["group"], group.id)
    book.text(sheet, row + 2, 4, group.name)
    _label(book, sheet, row + 3, LABELS["year"], rubric.year)
    _label(book, sheet, row + 4, LABELS["rubric"], rubric.id)
    row += 5
    for name, label in FLAG_LABELS.items():
        cell = _label(book, sheet, row, label, YES if getattr(agency, name) else NO)
        cell.protection = book.unlocked
        _yes_no(book, sheet, cell.coordinate)
        row += 1
    header = row + 1
    for column, name in enumerate(FORM_HEADER, start=1):
        cell = book.text(sheet, header, column, name)
        cell.font = book.bold
        cell.fill = book.grey
        cell.alignment = book.styles.Alignment(wrap_text=True, horizontal="center", vertical="center")
    return header


def _form_row(book: _Book, sheet: Any, rubric: Rubric, at: int, entry: tuple[str, int, Node]) -> None:
    """One criterion's row: its number, id, name and maximum; the cells to fill in, unlocked and validated."""
    number, depth, node = entry
    book.text(sheet, at, COLUMN["STT"], number)
    book.text(sheet, at, COLUMN["Mã"], node.id)
    book.text(sheet, at, COLUMN["Tiêu chí"], node.name).alignment = book.styles.Alignment(
        indent=depth, wrap_text=True, vertical="top"
    )
    maximum = book.text(sheet, at, COLUMN["Điểm tối đa"], _max_cell(node.max_points))
    maximum.number_format = number_format(decimals_of(node.max_points))
    figure = sheet.cell(row=at, column=COLUMN["Số liệu"])
    points = sheet.cell(row=at, column=COLUMN["Điểm tự đánh giá"])
    points.number_format = number_format(rubric.decimals)
    if not node.is_leaf:
        for column in range(1, len(FORM_HEADER) + 1):
            sheet.cell(row=at, column=column).font = book.bold
            sheet.cell(row=at, column=column).fill = book.grey
        return
    for column in (COLUMN["Tài liệu kiểm chứng"], COLUMN["Ghi chú"]):
        sheet.cell(row=at, column=column).protection = book.unlocked
    if node.measure is not None:
        figure.protection = book.unlocked
        figure.number_format = "@"
        points.fill = book.grey
        _validate_leaf(book, sheet, node, rubric.decimals, figure.coordinate, points=False)
        figure.comment = book.comment(_measure_hint(node))
    else:
        figure.fill = book.grey
        points.protection = book.unlocked
        _validate_leaf(book, sheet, node, rubric.decimals, points.coordinate, points=True)


def agency_form_bytes(rubric: Rubric, group_id: str, agency: Agency) -> bytes:
    """The self-assessment form (phiếu tự đánh giá) of ``agency`` as the bytes of an ``.xlsx`` workbook.

    The same rubric, group and agency always give the same bytes.
    """
    group = rubric.group(group_id)
    if agency.group != group.id:
        raise InputError(
            RenderError.FORM_WRONG_GROUP, found=repr(agency.group), wanted=repr(group.id), agency=agency.id
        )
    _check_rubric(rubric, group)
    _check_agency(agency.id, agency.name)
    book = _Book(f"{TITLE_FORM} - {agency.name}")
    sheet = book.sheet(FORM_SHEET)
    header = _form_head(book, sheet, rubric, group, agency)
    for offset, entry in enumerate(numbered(group.tree), start=1):
        _form_row(book, sheet, rubric, header + offset, entry)
    for letter, size in zip("ABCDEFGH", (7, 16, 60, 10, 14, 12, 36, 24), strict=True):
        sheet.column_dimensions[letter].width = size
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1).coordinate
    sheet.protection.sheet = True
    basis = cite(rubric.legal_basis, _LANG)
    _instructions(
        book,
        rubric,
        [
            Form.FORM_1.text(_LANG, agency=agency.name, rubric=rubric.title, basis=basis),
            Form.FORM_2.text(_LANG, decimals=rubric.decimals),
            Form.FORM_3.vi,
            Form.FORM_4.vi,
            Form.FORM_5.vi,
            Form.FORM_6.vi,
            Form.FORM_7.text(_LANG, rubric=rubric.id),
        ],
    )
    return book.save()


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
