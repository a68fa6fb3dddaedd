"""Writing the forms to fill in (biểu mẫu) as Excel workbooks (extra ``excel``).

The agency's self-assessment form (phiếu tự đánh giá) and the appraisal
team's cohort sheet (bảng điểm thẩm định); their layout is
:mod:`govindex.formlayout`, and :mod:`govindex.io.forms` reads them back.
The same rubric, group and agency always give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from govindex._optional import require
from govindex.agency import Agency
from govindex.errors import InputError
from govindex.explanation import cite
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
from govindex.rubric import Node, Rubric

__all__ = ["agency_form_bytes", "cohort_sheet_bytes"]

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write a cell; text is always text (never a formula, whatever it starts with)."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _max_cell(value: Decimal) -> Decimal | int:
    return int(value) if value == value.to_integral_value() else value


def _number_format(decimals: int) -> str:
    return "0" if decimals == 0 else "0." + "0" * decimals


def _deterministic(data: bytes) -> bytes:
    """The workbook's zip with fixed timestamps: the same bytes for the same input."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, content)
    return buffer.getvalue()


class _Book:
    """An openpyxl workbook with the styles the forms share."""

    def __init__(self, rubric: Rubric, title: str) -> None:
        self.openpyxl = require("openpyxl", "excel")
        self.styles = require("openpyxl.styles", "excel")
        self.validation = require("openpyxl.worksheet.datavalidation", "excel")
        self.utils = require("openpyxl.utils", "excel")
        import datetime as dt

        self.workbook = self.openpyxl.Workbook()
        props = self.workbook.properties
        props.creator = "govindex"
        props.lastModifiedBy = "govindex"
        props.title = title
        props.created = props.modified = dt.datetime(rubric.year, 1, 1)
        self.bold = self.styles.Font(bold=True)
        self.grey = self.styles.PatternFill("solid", fgColor="EEEEEE")
        self.unlocked = self.styles.Protection(locked=False)

    def comment(self, text: str) -> Any:
        comments = require("openpyxl.comments", "excel")
        return comments.Comment(text, "govindex")

    def validate(self, sheet: Any, kind: str, cells: str, **options: Any) -> None:
        rule = self.validation.DataValidation(type=kind, allow_blank=True, showErrorMessage=True, **options)
        rule.add(cells)
        sheet.add_data_validation(rule)

    def yes_no(self, sheet: Any, cell: str) -> None:
        self.validate(
            sheet,
            "list",
            cell,
            formula1=f'"{YES},{NO}"',
            errorTitle="Giá trị không hợp lệ",
            error="Chọn có hoặc không.",
        )

    def save(self) -> bytes:
        writer = require("openpyxl.writer.excel", "excel")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            writer.ExcelWriter(self.workbook, archive).save()
        return _deterministic(buffer.getvalue())


def _titles(book: _Book, sheet: Any, rubric: Rubric, heading: str, width: int) -> int:
    """The title rows common to both forms; returns the next free row."""
    _put(sheet, 1, 1, heading).font = book.styles.Font(bold=True, size=14)
    _put(sheet, 2, 1, rubric.title).font = book.bold
    _put(sheet, 3, 1, "Căn cứ: " + cite(rubric.legal_basis, "vi"))
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row=row, column=1).alignment = book.styles.Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[2].height = 32
    return 4


def _label(book: _Book, sheet: Any, row: int, label: str, value: Any) -> Any:
    _put(sheet, row, 1, label).font = book.bold
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    return _put(sheet, row, 3, value)


def _validate_leaf(book: _Book, sheet: Any, node: Node, decimals: int, cell: str, *, points: bool) -> None:
    if points:
        book.validate(
            sheet,
            "decimal",
            cell,
            operator="between",
            formula1="0",
            formula2=f"{node.max_points:f}",
            errorTitle="Điểm không hợp lệ",
            error=f"Điểm từ 0 đến {points_text(node.max_points)}, tối đa {decimals} chữ số thập phân.",
        )
        return
    assert node.measure is not None
    answers = node.measure.answers()
    if answers is not None and sum(len(answer) + 1 for answer in answers) < 250:
        book.validate(
            sheet,
            "list",
            cell,
            formula1='"' + ",".join(answers) + '"',
            errorTitle="Giá trị không hợp lệ",
            error="Chọn một giá trị trong danh sách: " + ", ".join(answers) + ".",
        )


def _instructions(book: _Book, rubric: Rubric, lines: Sequence[str]) -> None:
    sheet = book.workbook.create_sheet(INSTRUCTIONS_SHEET)
    _put(sheet, 1, 1, "HƯỚNG DẪN").font = book.styles.Font(bold=True, size=14)
    _put(sheet, 2, 1, rubric.title)
    for row, line in enumerate(lines, start=4):
        _put(sheet, row, 1, line).alignment = book.styles.Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110


def _measure_hint(node: Node) -> str:
    measure = node.measure
    if measure is None:
        return ""
    hints = {
        "ratio": "Tỷ lệ: ghi a/b (ví dụ 95/120) hoặc tỷ lệ từ 0 đến 1 (0,79) hoặc phần trăm (79%)",
        "steps": "Số lượng: ghi bằng chữ số (ví dụ 3)",
        "yes_no": "Chọn có hoặc không",
        "choice": "Chọn một giá trị trong danh sách",
    }
    return hints.get(measure.kind, f"Số liệu theo cách tính '{measure.kind}'")


def agency_form_bytes(rubric: Rubric, group_id: str, agency: Agency) -> bytes:
    """The self-assessment form (phiếu tự đánh giá) of ``agency`` as the bytes of an ``.xlsx`` workbook.

    The same rubric, group and agency always give the same bytes.
    """
    group = rubric.group(group_id)
    if agency.group != group.id:
        raise InputError(f"the agency is in group {agency.group!r}, not {group.id!r}", agency=agency.id)
    book = _Book(rubric, f"{TITLE_FORM} - {agency.name}")
    sheet = book.workbook.active
    sheet.title = FORM_SHEET
    width = len(FORM_HEADER)
    row = _titles(book, sheet, rubric, TITLE_FORM, width)
    _label(book, sheet, row, LABELS["agency_name"], agency.name)
    _label(book, sheet, row + 1, LABELS["agency"], agency.id)
    _label(book, sheet, row + 2, LABELS["group"], group.id)
    _put(sheet, row + 2, 4, group.name)
    _label(book, sheet, row + 3, LABELS["year"], rubric.year)
    _label(book, sheet, row + 4, LABELS["rubric"], rubric.id)
    row += 5
    for name, label in FLAG_LABELS.items():
        cell = _label(book, sheet, row, label, YES if getattr(agency, name) else NO)
        cell.protection = book.unlocked
        book.yes_no(sheet, cell.coordinate)
        row += 1
    row += 1
    header_row = row
    for column, name in enumerate(FORM_HEADER, start=1):
        cell = _put(sheet, header_row, column, name)
        cell.font = book.bold
        cell.fill = book.grey
        cell.alignment = book.styles.Alignment(wrap_text=True, horizontal="center", vertical="center")
    number_format = _number_format(rubric.decimals)
    for offset, (number, depth, node) in enumerate(numbered(group.tree), start=1):
        at = header_row + offset
        _put(sheet, at, COLUMN["STT"], number)
        _put(sheet, at, COLUMN["Mã"], node.id)
        name = _put(sheet, at, COLUMN["Tiêu chí"], node.name)
        name.alignment = book.styles.Alignment(indent=depth, wrap_text=True, vertical="top")
        maximum = _put(sheet, at, COLUMN["Điểm tối đa"], _max_cell(node.max_points))
        maximum.number_format = (
            "0" if decimals_of(node.max_points) == 0 else _number_format(decimals_of(node.max_points))
        )
        figure = sheet.cell(row=at, column=COLUMN["Số liệu"])
        points = sheet.cell(row=at, column=COLUMN["Điểm tự đánh giá"])
        points.number_format = number_format
        if not node.is_leaf:
            for column in range(1, width + 1):
                sheet.cell(row=at, column=column).font = book.bold
                sheet.cell(row=at, column=column).fill = book.grey
            continue
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
    for letter, size in zip("ABCDEFGH", (7, 16, 60, 10, 14, 12, 36, 24), strict=True):
        sheet.column_dimensions[letter].width = size
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1).coordinate
    sheet.protection.sheet = True
    _instructions(
        book,
        rubric,
        [
            f"1. Phiếu này dùng để {agency.name} tự đánh giá theo {rubric.title} ({cite(rubric.legal_basis, 'vi')}).",
            "2. Điền các ô màu trắng của từng tiêu chí thành phần: cột 'Số liệu' với tiêu chí được tính điểm từ số "
            "liệu (tỷ lệ ghi a/b như 95/120 hoặc 0,79; số lượng ghi bằng chữ số; có/không; lựa chọn trong danh "
            "sách), cột 'Điểm tự đánh giá' với các tiêu chí còn lại (từ 0 đến điểm tối đa, dấu phẩy thập phân "
            f"như 7,5; tối đa {rubric.decimals} chữ số thập phân).",
            "3. Điểm của tiêu chí được tính từ số liệu và điểm của các tiêu chí lớn (dòng tô xám) do phần mềm tự "
            "cộng; không điền các ô này.",
            "4. Ghi tài liệu kiểm chứng (số, ngày văn bản; đường dẫn) cho từng tiêu chí ở cột 'Tài liệu kiểm "
            "chứng'; ghi chú khác ở cột 'Ghi chú'.",
            "5. Kiểm tra các ô 'Có đơn vị trực thuộc', 'Có dịch vụ công trực tuyến', 'Có thủ tục hành chính', "
            "'Cơ quan đặc thù' ở đầu phiếu.",
            "6. Không sửa cột 'Mã', các dòng tiêu đề và tên trang tính: phần mềm dùng chúng để đọc lại phiếu. "
            "Ô để trống là chưa chấm, không phải 0 điểm.",
            f"7. Kiểm tra phiếu: govindex validate; chấm điểm: govindex score {rubric.id} <tệp phiếu>.xlsx",
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
    leaves = list(group.tree.leaves())
    book = _Book(rubric, f"{TITLE_COHORT} - {group.name}")
    sheet = book.workbook.active
    sheet.title = COHORT_SHEET
    width = len(COHORT_HEADER) + len(leaves)
    row = _titles(book, sheet, rubric, TITLE_COHORT, max(width, 4))
    _label(book, sheet, row, LABELS["group"], group.id)
    _put(sheet, row, 4, group.name)
    _label(book, sheet, row + 1, LABELS["year"], rubric.year)
    _label(book, sheet, row + 2, LABELS["rubric"], rubric.id)
    header_row = row + 4
    for column, name in enumerate([*COHORT_HEADER, *map(leaf_header, leaves)], start=1):
        cell = _put(sheet, header_row, column, name)
        cell.font = book.bold
        cell.fill = book.grey
        cell.alignment = book.styles.Alignment(wrap_text=True, horizontal="center", vertical="center")
    _put(sheet, header_row + 1, 3, IDS_LABEL)
    for column, leaf in enumerate(leaves, start=len(COHORT_HEADER) + 1):
        _put(sheet, header_row + 1, column, leaf.id).fill = book.grey
    sheet.row_dimensions[header_row].height = 60
    count = len(agencies) if agencies else empty_rows
    first, last = header_row + 2, header_row + 1 + count
    for offset in range(count):
        at = first + offset
        _put(sheet, at, 1, offset + 1)
        if agencies:
            _put(sheet, at, 2, agencies[offset][0])
            _put(sheet, at, 3, agencies[offset][1])
        else:
            for column in (2, 3):
                sheet.cell(row=at, column=column).protection = book.unlocked
        for column in range(len(COHORT_HEADER) + 1, width + 1):
            cell = sheet.cell(row=at, column=column)
            cell.protection = book.unlocked
            cell.number_format = _number_format(rubric.decimals)
    utils = book.utils
    for column, leaf in enumerate(leaves, start=len(COHORT_HEADER) + 1):
        letter = utils.get_column_letter(column)
        cells = f"{letter}{first}:{letter}{last}"
        _validate_leaf(book, sheet, leaf, rubric.decimals, cells, points=leaf.measure is None)
        if leaf.measure is not None:
            for at in range(first, last + 1):
                sheet.cell(row=at, column=column).number_format = "@"
        sheet.column_dimensions[letter].width = 16
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 36
    sheet.freeze_panes = sheet.cell(row=first, column=len(COHORT_HEADER) + 1).coordinate
    sheet.protection.sheet = True
    _instructions(
        book,
        rubric,
        [
            f"1. Bảng điểm thẩm định nhóm '{group.name}' theo {rubric.title} ({cite(rubric.legal_basis, 'vi')}).",
            "2. Mỗi dòng là một cơ quan, đơn vị; mỗi cột là một tiêu chí thành phần, tiêu đề cột ghi điểm tối đa.",
            "3. Điền điểm thẩm định (từ 0 đến điểm tối đa, dấu phẩy thập phân như 7,5), hoặc số liệu với tiêu chí "
            "được tính điểm từ số liệu (tỷ lệ a/b như 95/120; số lượng; có/không; lựa chọn trong danh sách).",
            "4. Không sửa dòng 'Mã tiêu chí', cột 'Mã cơ quan' và các dòng tiêu đề: phần mềm dùng chúng để đọc lại "
            "bảng. Ô để trống là chưa chấm, không phải 0 điểm.",
            f"5. Chấm điểm: govindex score {rubric.id} <tệp bảng điểm>.xlsx",
        ],
    )
    return book.save()
