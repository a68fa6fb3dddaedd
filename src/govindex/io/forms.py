"""Forms to fill in (biểu mẫu): the agency's self-assessment form and the appraisal team's cohort sheet.

``govindex template`` writes them as Excel workbooks (needs the ``excel``
extra); the readers here recognise a filled form and read it back exactly.

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

import io
import zipfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from govindex._optional import require
from govindex.agency import Agency, nfc
from govindex.assessment import Assessment, Source, measurement_of
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.explanation import cite
from govindex.measures import Measurement
from govindex.points import decimals_of, format_points, parse_points
from govindex.rubric import Group, Node, Rubric

__all__ = [
    "COHORT_HEADER",
    "COHORT_SHEET",
    "FORM_HEADER",
    "FORM_SHEET",
    "INSTRUCTIONS_SHEET",
    "agency_form_bytes",
    "cohort_sheet_bytes",
    "is_form",
    "parse_form",
]

#: The sheet of an agency's self-assessment form.
FORM_SHEET = "Phiếu tự đánh giá"
#: The sheet of the appraisal team's cohort sheet.
COHORT_SHEET = "Bảng điểm"
#: The instructions sheet of both.
INSTRUCTIONS_SHEET = "Hướng dẫn"
#: The header row of a self-assessment form, exactly.
FORM_HEADER = (
    "STT",
    "Mã",
    "Tiêu chí",
    "Điểm tối đa",
    "Số liệu",
    "Điểm tự đánh giá",
    "Tài liệu kiểm chứng",
    "Ghi chú",
)
#: The first cells of the header row of a cohort sheet.
COHORT_HEADER = ("STT", "Mã cơ quan", "Tên cơ quan")
_IDS_LABEL = "Mã tiêu chí"

_TITLE_FORM = "PHIẾU TỰ ĐÁNH GIÁ"
_TITLE_COHORT = "BẢNG ĐIỂM THẨM ĐỊNH"
_LABELS = {
    "agency_name": "Cơ quan, đơn vị:",
    "agency": "Mã cơ quan:",
    "group": "Nhóm:",
    "year": "Năm đánh giá:",
    "rubric": "Mã bộ tiêu chí:",
}
_FLAG_LABELS = {
    "has_subordinate_units": "Có đơn vị trực thuộc:",
    "has_online_services": "Có dịch vụ công trực tuyến:",
    "has_procedures": "Có thủ tục hành chính:",
    "special": "Cơ quan đặc thù:",
}
_YES, _NO = "có", "không"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_COLUMN = {name: index for index, name in enumerate(FORM_HEADER, start=1)}


# --- writing ------------------------------------------------------------------------------------------------------


def _put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write a cell; text is always text (never a formula, whatever it starts with)."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _points_text(value: Decimal) -> str:
    return format_points(value, decimals_of(value), decimal_comma=True)


def _max_cell(value: Decimal) -> Decimal | int:
    return int(value) if value == value.to_integral_value() else value


def _number_format(decimals: int) -> str:
    return "0" if decimals == 0 else "0." + "0" * decimals


def _stt(tree: Node) -> list[tuple[str, int, Node]]:
    """(STT, depth, node) for every node, parents before children: '' for the root, then 1, 1.1, ..."""
    out: list[tuple[str, int, Node]] = []

    def visit(node: Node, number: str, depth: int) -> None:
        out.append((number, depth, node))
        for position, child in enumerate(node.children, start=1):
            visit(child, f"{number}.{position}" if number else str(position), depth + 1)

    visit(tree, "", 0)
    return out


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
            formula1=f'"{_YES},{_NO}"',
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
            error=f"Điểm từ 0 đến {_points_text(node.max_points)}, tối đa {decimals} chữ số thập phân.",
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
    book = _Book(rubric, f"{_TITLE_FORM} - {agency.name}")
    sheet = book.workbook.active
    sheet.title = FORM_SHEET
    width = len(FORM_HEADER)
    row = _titles(book, sheet, rubric, _TITLE_FORM, width)
    _label(book, sheet, row, _LABELS["agency_name"], agency.name)
    _label(book, sheet, row + 1, _LABELS["agency"], agency.id)
    _label(book, sheet, row + 2, _LABELS["group"], group.id)
    _put(sheet, row + 2, 4, group.name)
    _label(book, sheet, row + 3, _LABELS["year"], rubric.year)
    _label(book, sheet, row + 4, _LABELS["rubric"], rubric.id)
    row += 5
    for name, label in _FLAG_LABELS.items():
        cell = _label(book, sheet, row, label, _YES if getattr(agency, name) else _NO)
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
    for offset, (number, depth, node) in enumerate(_stt(group.tree), start=1):
        at = header_row + offset
        _put(sheet, at, _COLUMN["STT"], number)
        _put(sheet, at, _COLUMN["Mã"], node.id)
        name = _put(sheet, at, _COLUMN["Tiêu chí"], node.name)
        name.alignment = book.styles.Alignment(indent=depth, wrap_text=True, vertical="top")
        maximum = _put(sheet, at, _COLUMN["Điểm tối đa"], _max_cell(node.max_points))
        maximum.number_format = (
            "0" if decimals_of(node.max_points) == 0 else _number_format(decimals_of(node.max_points))
        )
        figure = sheet.cell(row=at, column=_COLUMN["Số liệu"])
        points = sheet.cell(row=at, column=_COLUMN["Điểm tự đánh giá"])
        points.number_format = number_format
        if not node.is_leaf:
            for column in range(1, width + 1):
                sheet.cell(row=at, column=column).font = book.bold
                sheet.cell(row=at, column=column).fill = book.grey
            continue
        for column in (_COLUMN["Tài liệu kiểm chứng"], _COLUMN["Ghi chú"]):
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


def _leaf_header(node: Node) -> str:
    return f"{node.name} (tối đa {_points_text(node.max_points)} điểm)"


def cohort_sheet_bytes(
    rubric: Rubric, group_id: str, agencies: Sequence[tuple[str, str]] = (), *, empty_rows: int = 20
) -> bytes:
    """The appraisal team's cohort sheet (bảng điểm thẩm định) of a group, as ``.xlsx`` bytes.

    ``agencies`` are (id, name) pairs, one row each; without them the sheet
    has ``empty_rows`` empty rows to fill in.
    """
    group = rubric.group(group_id)
    leaves = list(group.tree.leaves())
    book = _Book(rubric, f"{_TITLE_COHORT} - {group.name}")
    sheet = book.workbook.active
    sheet.title = COHORT_SHEET
    width = len(COHORT_HEADER) + len(leaves)
    row = _titles(book, sheet, rubric, _TITLE_COHORT, max(width, 4))
    _label(book, sheet, row, _LABELS["group"], group.id)
    _put(sheet, row, 4, group.name)
    _label(book, sheet, row + 1, _LABELS["year"], rubric.year)
    _label(book, sheet, row + 2, _LABELS["rubric"], rubric.id)
    header_row = row + 4
    for column, name in enumerate([*COHORT_HEADER, *map(_leaf_header, leaves)], start=1):
        cell = _put(sheet, header_row, column, name)
        cell.font = book.bold
        cell.fill = book.grey
        cell.alignment = book.styles.Alignment(wrap_text=True, horizontal="center", vertical="center")
    _put(sheet, header_row + 1, 3, _IDS_LABEL)
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


# --- reading ------------------------------------------------------------------------------------------------------

Row = tuple[int, list[str]]


class _Reader:
    """Reads a filled form's rows (as text cells), with every problem placed at its sheet and cell."""

    def __init__(self, rubric: Rubric, file: str | None, sheet: str, sink: Callable[[GovIndexError], None]) -> None:
        self.rubric = rubric
        self.file = file
        self.sheet = sheet
        self.sink = sink

    def fail(self, error: GovIndexError, line: int, column: int | None = None, **context: Any) -> None:
        self.sink(error.with_context(file=self.file, sheet=self.sheet, line=line, column=column, **context))

    def labels(self, rows: Sequence[Row], until: int) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for line, cells in rows[:until]:
            if cells and cells[0].strip():
                found[nfc(cells[0].strip())] = (line, nfc(cells[2].strip()) if len(cells) > 2 else "")
        return found

    def check_rubric(self, labels: dict[str, tuple[int, str]]) -> bool:
        line, rubric_id = labels.get(_LABELS["rubric"], (1, ""))
        if rubric_id != self.rubric.id:
            self.fail(InputError(f"the form is for rubric {rubric_id or '(none)'!r}, not {self.rubric.id!r}"), line, 3)
            return False
        return True

    def group(self, labels: dict[str, tuple[int, str]]) -> Group | None:
        line, group_id = labels.get(_LABELS["group"], (1, ""))
        try:
            return self.rubric.group(group_id)
        except GovIndexError as error:
            self.fail(error, line, 3)
            return None

    def points(self, text: str, line: int, column: int, agency: str, node: str) -> Decimal | None:
        try:
            return parse_points(text)
        except GovIndexError as error:
            self.fail(error, line, column, agency=agency, node=node)
            return None

    def check_max(self, node: Node, text: str, line: int, column: int, agency: str | None) -> None:
        try:
            given = parse_points(text) if text else None
        except GovIndexError:
            given = None
        if given != node.max_points:
            self.fail(
                InputError(
                    f"the maximum {text or '(empty)'!r} differs from the rubric's {_points_text(node.max_points)}; "
                    "is the form from another version of the rubric?"
                ),
                line,
                column,
                agency=agency,
                node=node.id,
            )


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
    labels = reader.labels(rows, header_at)
    if not reader.check_rubric(labels):
        return ()
    group = reader.group(labels)
    agency_line, agency_id = labels.get(_LABELS["agency"], (1, ""))
    name = labels.get(_LABELS["agency_name"], (1, ""))[1]
    if not agency_id:
        reader.fail(InputError("the form has no agency id (Mã cơ quan)"), agency_line, 3)
        return ()
    if group is None:
        return ()
    flags: dict[str, bool] = {}
    failed = False
    for field, label in _FLAG_LABELS.items():
        if label not in labels:
            continue
        line, text = labels[label]
        answer = _flag(text)
        if answer is None:
            reader.fail(InputError(f"{text!r} is not a yes/no answer; write có or không"), line, 3, agency=agency_id)
            failed = True
            continue
        flags[field] = answer
    nodes = {node.id: node for node in group.tree.walk()}
    scores: dict[str, Decimal] = {}
    measurements: dict[str, Measurement] = {}
    evidence: dict[str, str] = {}
    seen: dict[str, int] = {}

    def fail(error: GovIndexError, line: int, column: int, node: str | None = None) -> None:
        nonlocal failed
        failed = True
        reader.fail(error, line, column, agency=agency_id, node=node)

    for line, cells in rows[header_at + 1 :]:
        node_id = _cell(cells, _COLUMN["Mã"])
        if not node_id:
            if any(cell.strip() for cell in cells):
                fail(InputError("the row has no node id (Mã)"), line, _COLUMN["Mã"])
            continue
        node = nodes.get(node_id)
        if node is None:
            fail(
                InputError(f"unknown node {node_id!r} for group {group.id!r}; the nodes are {', '.join(nodes)}"),
                line,
                _COLUMN["Mã"],
                node_id,
            )
            continue
        if node_id in seen:
            fail(InputError(f"the node appears twice (first on row {seen[node_id]})"), line, _COLUMN["Mã"], node_id)
            continue
        seen[node_id] = line
        reader.check_max(node, _cell(cells, _COLUMN["Điểm tối đa"]), line, _COLUMN["Điểm tối đa"], agency_id)
        figure = _cell(cells, _COLUMN["Số liệu"])
        given = _cell(cells, _COLUMN["Điểm tự đánh giá"])
        if node.measure is not None:
            if figure:
                try:
                    measurement = measurement_of(reader.rubric, group.id, node_id, figure)
                except GovIndexError as error:
                    fail(error, line, _COLUMN["Số liệu"], node_id)
                    continue
                assert measurement is not None
                if given and reader.points(given, line, _COLUMN["Điểm tự đánh giá"], agency_id, node_id) not in (
                    None,
                    measurement.points,
                ):
                    fail(
                        InputError(
                            f"the points {given!r} differ from the {_points_text(measurement.points)} that the "
                            f"figure {figure!r} gives ({measurement.formula_vi})"
                        ),
                        line,
                        _COLUMN["Điểm tự đánh giá"],
                        node_id,
                    )
                    continue
                measurements[node_id] = measurement
            elif given:
                fail(
                    InputError("this criterion is scored from its figure: fill in 'Số liệu', not the points"),
                    line,
                    _COLUMN["Điểm tự đánh giá"],
                    node_id,
                )
        else:
            if figure:
                fail(
                    InputError("this criterion has no scoring from a figure: give its points, not 'Số liệu'"),
                    line,
                    _COLUMN["Số liệu"],
                    node_id,
                )
            elif given:
                value = reader.points(given, line, _COLUMN["Điểm tự đánh giá"], agency_id, node_id)
                if value is None:
                    failed = True
                else:
                    try:
                        _check_points(reader.rubric, node, value)
                    except GovIndexError as error:
                        fail(error, line, _COLUMN["Điểm tự đánh giá"], node_id)
                        continue
                    scores[node_id] = value
        note = _cell(cells, _COLUMN["Tài liệu kiểm chứng"])
        remark = _cell(cells, _COLUMN["Ghi chú"])
        if remark:
            note = f"{note}; Ghi chú: {remark}" if note else f"Ghi chú: {remark}"
        if note:
            evidence[node_id] = note
    if failed:
        return ()
    try:
        agency = Agency(
            agency_id,
            name or agency_id,
            group.id,
            has_subordinate_units=flags.get("has_subordinate_units", True),
            has_online_services=flags.get("has_online_services", True),
            has_procedures=flags.get("has_procedures", True),
            special=flags.get("special", False),
        )
        return (Assessment(agency, scores, source, evidence, measurements),)
    except GovIndexError as error:
        reader.fail(error, agency_line, 3, agency=agency_id)
        return ()


def _check_points(rubric: Rubric, node: Node, value: Decimal) -> None:
    if value > node.max_points:
        raise InputError(f"score {value} is above the maximum {node.max_points}")
    if decimals_of(value) > rubric.decimals:
        raise InputError(f"score {value} has more decimals than the rubric's {rubric.decimals}")


def _read_cohort(reader: _Reader, rows: Sequence[Row], header_at: int, source: Source) -> tuple[Assessment, ...]:
    labels = reader.labels(rows, header_at)
    if not reader.check_rubric(labels):
        return ()
    group = reader.group(labels)
    if group is None:
        return ()
    header_line, header = rows[header_at]
    if header_at + 1 >= len(rows) or _cell(rows[header_at + 1][1], 3) != _IDS_LABEL:
        reader.fail(FileFormatError(f"the row under the header must be the '{_IDS_LABEL}' row"), header_line + 1, 3)
        return ()
    ids_line, ids = rows[header_at + 1]
    nodes = {node.id: node for node in group.tree.walk()}
    columns: list[tuple[int, Node]] = []
    failed = False
    for column in range(len(COHORT_HEADER) + 1, max(len(ids), len(header)) + 1):
        node_id = _cell(ids, column)
        title = _cell(header, column)
        if not node_id and not title:
            continue
        node = nodes.get(node_id)
        if node is None or not node.is_leaf:
            reader.fail(
                InputError(f"unknown leaf {node_id!r} for group {group.id!r}"), ids_line, column, node=node_id or None
            )
            failed = True
            continue
        if title != _leaf_header(node):
            reader.fail(
                InputError(f"the header {title!r} does not match the rubric's {_leaf_header(node)!r}"),
                header_line,
                column,
                node=node_id,
            )
            failed = True
            continue
        columns.append((column, node))
    out: list[Assessment] = []
    seen: dict[str, int] = {}
    for line, cells in rows[header_at + 2 :]:
        agency_id = _cell(cells, 2)
        values = [(column, node, _cell(cells, column)) for column, node in columns]
        if not agency_id:
            if any(text for _c, _n, text in values) or _cell(cells, 3):
                reader.fail(InputError("the row has scores but no agency id (Mã cơ quan)"), line, 2)
                failed = True
            continue
        if agency_id in seen:
            reader.fail(
                InputError(f"the agency appears twice (first on row {seen[agency_id]})"), line, 2, agency=agency_id
            )
            failed = True
            continue
        seen[agency_id] = line
        scores: dict[str, Decimal] = {}
        measurements: dict[str, Measurement] = {}
        for column, node, text in values:
            if not text:
                continue
            if node.measure is not None:
                try:
                    measurement = measurement_of(reader.rubric, group.id, node.id, text)
                except GovIndexError as error:
                    reader.fail(error, line, column, agency=agency_id, node=node.id)
                    failed = True
                    continue
                assert measurement is not None
                measurements[node.id] = measurement
                continue
            value = reader.points(text, line, column, agency_id, node.id)
            if value is None:
                failed = True
                continue
            try:
                _check_points(reader.rubric, node, value)
            except GovIndexError as error:
                reader.fail(error, line, column, agency=agency_id, node=node.id)
                failed = True
                continue
            scores[node.id] = value
        try:
            agency = Agency(agency_id, _cell(cells, 3) or agency_id, group.id)
            out.append(Assessment(agency, scores, source, {}, measurements))
        except GovIndexError as error:
            reader.fail(error, line, 2, agency=agency_id)
            failed = True
    return () if failed else tuple(out)


def _form_sheets(workbook: Any) -> tuple[str, str] | None:
    """The kind and sheet of a form from ``govindex template``: a sheet of that name with the form's header row.

    A sheet a person made and happened to call "Bảng điểm" is a score table, not a form.
    """
    for kind, name, expected in (("agency", FORM_SHEET, FORM_HEADER), ("cohort", COHORT_SHEET, COHORT_HEADER)):
        if name in workbook.sheetnames and _has_form_header(workbook[name], expected):
            return kind, name
    return None


def _has_form_header(worksheet: Any, expected: Sequence[str]) -> bool:
    try:
        worksheet.reset_dimensions()
        for values in worksheet.iter_rows(max_row=40, values_only=True):
            cells = tuple(nfc(value.strip()) if isinstance(value, str) else value for value in values[: len(expected)])
            if cells == tuple(expected):
                return True
    except Exception:  # an unreadable sheet: the table reader says why
        return False
    return False


def is_form(data: bytes) -> bool:
    """Whether the bytes are an ``.xlsx`` workbook made by ``govindex template`` (a form or a cohort sheet)."""
    openpyxl = require("openpyxl", "excel")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception:  # not a workbook at all: the table reader says why
        return False
    try:
        return _form_sheets(workbook) is not None
    finally:
        workbook.close()


def _header_at(rows: Sequence[Row], expected: Sequence[str]) -> int | None:
    for index, (_line, cells) in enumerate(rows[:40]):
        if tuple(nfc(cell.strip()) for cell in cells[: len(expected)]) == tuple(expected):
            return index
    return None


def parse_form(
    data: bytes,
    rubric: Rubric,
    *,
    file: str | None = None,
    source: Source | None = None,
    sink: Callable[[GovIndexError], None] | None = None,
    places: dict[str, tuple[int, str]] | None = None,
) -> tuple[Assessment, ...]:
    """Read a filled form or cohort sheet (from ``govindex template``) back as assessments.

    A self-assessment form gives the agency's self-assessment; a cohort sheet
    the appraisal; ``source`` overrides either. With ``sink``, every problem
    is passed to it; without, the first is raised. ``places``, when given,
    receives the row and sheet where each agency was found.
    """
    from govindex.io.xlsx import _rows

    problems: list[GovIndexError] = []
    report = problems.append if sink is None else sink
    openpyxl = require("openpyxl", "excel")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception as error:
        raise FileFormatError(f"not a readable .xlsx workbook ({type(error).__name__}: {error})", file=file) from None
    try:
        found = _form_sheets(workbook)
    finally:
        workbook.close()
    if found is None:
        raise FileFormatError(
            f"the workbook is not a form from govindex template (it has no sheet {FORM_SHEET!r} or {COHORT_SHEET!r})",
            file=file,
        )
    kind, sheet = found
    rows = _rows(data, file, sheet, report)
    reader = _Reader(rubric, file, sheet, report)
    expected = FORM_HEADER if kind == "agency" else COHORT_HEADER
    header_at = _header_at(rows, expected)
    if header_at is None:
        reader.fail(FileFormatError(f"the sheet has no header row {' | '.join(expected)} (was it edited?)"), 1)
        assessments: tuple[Assessment, ...] = ()
    elif kind == "agency":
        assessments = _read_agency_form(reader, rows, header_at, source or Source.SELF)
    else:
        assessments = _read_cohort(reader, rows, header_at, source or Source.APPRAISED)
    if problems and sink is None:
        from govindex.errors import first_problem

        raise first_problem(problems)
    if places is not None and header_at is not None:
        if kind == "agency":
            row = next((line for line, cells in rows if _cell(cells, 1) == _LABELS["agency"]), rows[header_at][0])
            places.update({a.agency.id: (row, sheet) for a in assessments})
        else:
            lines = {_cell(cells, 2): line for line, cells in rows[header_at + 2 :] if _cell(cells, 2)}
            places.update({a.agency.id: (lines[a.agency.id], sheet) for a in assessments})
    return assessments


def read_form(path: str | Path, rubric: Rubric, *, source: Source | None = None) -> tuple[Assessment, ...]:
    """Read a filled form or cohort sheet from a file; see :func:`parse_form`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileFormatError(f"cannot read the form: {error.strerror}", file=str(path)) from None
    return parse_form(data, rubric, file=str(path), source=source)
