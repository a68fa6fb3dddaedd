"""Write the 2017 score sheet of the provincial departments as people keep it, in Excel and in CSV.

    python examples/make_bang_diem_2017.py

writes ``examples/2017/bang-diem-so-nganh.xlsx`` and
``examples/2017/bang-diem-so-nganh.csv`` from the published 2017 results
bundled with govindex (Decision 3247/QĐ-UBND). The workbook has what real
sheets have: a cover sheet first, title rows above the header, an STT
column, Vietnamese headers (some with their maximum), the group by its
Vietnamese name, some numbers typed as text with a decimal comma, a total
column and a notes column. The CSV is the same sheet as Excel saves it in
Vietnam: a byte-order mark, ``;`` between cells, decimal commas and CRLF line
ends. The same input always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

from govindex import load_rubric
from govindex.io.published import load_dataset

HERE = Path(__file__).resolve().parent
XLSX = HERE / "2017" / "bang-diem-so-nganh.xlsx"
CSV = HERE / "2017" / "bang-diem-so-nganh.csv"

TITLE = "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ MỨC ĐỘ ỨNG DỤNG CNTT CÁC SỞ, BAN, NGÀNH NĂM 2017"
SUBTITLE = "(Kèm theo Quyết định số 3247/QĐ-UBND ngày 20/12/2017 của Chủ tịch UBND tỉnh Sơn La)"
#: How each criterion's column is headed: its Vietnamese name, with its maximum written three ways or not at all.
MAXIMUM = {
    "infrastructure": " ({} điểm)",
    "internal_use": " (tối đa {})",
    "public_services": " ({}đ)",
    "security": "",
    "staff": " ({} điểm)",
    "policy": "",
}
#: Agencies whose scores were typed as text with a decimal comma, as happens in real sheets.
TYPED_AS_TEXT = {"so-noi-vu", "ban-dan-toc"}
NOTES = {"so-thong-tin-va-truyen-thong": "Dẫn đầu khối", "thanh-tra-tinh": "Không có TTHC"}


def _table() -> tuple[list[str], list[list[object]]]:
    """The header and the rows of the score sheet (numbers as Decimal, text as str)."""
    rubric = load_rubric("sonla-2017-it")
    group = rubric.group("provincial")
    dataset = load_dataset("sonla-2017-it")
    criteria = list(group.tree.children)
    header = ["STT", "Tên cơ quan", "Khối"]
    header += [node.name + MAXIMUM[node.id].format(node.max_points) for node in criteria]
    header += ["Tổng điểm", "Ghi chú"]
    rows: list[list[object]] = []
    departments = [agency for agency in dataset.agencies if agency.group == group.id]
    for number, agency in enumerate(departments, start=1):
        row: list[object] = [number, agency.name, group.name]
        for node in criteria:
            value = agency.scores[node.id]
            row.append(f"{value:f}".replace(".", ",") if agency.id in TYPED_AS_TEXT else value)
        row += [agency.published.total, NOTES.get(agency.id, "")]
        rows.append(row)
    return header, rows


def _deterministic(data: bytes) -> bytes:
    """The workbook with fixed dates inside and on its zip entries."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*", r"\g<1>2017-12-20T00:00:00Z", text)
                content = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(2017, 12, 20, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, content)
    return out.getvalue()


def workbook_bytes() -> bytes:
    """The score sheet as an Excel workbook with a cover sheet first."""
    import datetime as dt

    import openpyxl
    from openpyxl.styles import Font

    header, rows = _table()
    book = openpyxl.Workbook()
    book.properties.creator = "UBND tỉnh Sơn La"
    book.properties.created = book.properties.modified = dt.datetime(2017, 12, 20)
    cover = book.active
    cover.title = "Bìa"
    cover.append(["ỦY BAN NHÂN DÂN TỈNH SƠN LA"])
    cover.append([TITLE])
    cover.append([SUBTITLE])
    sheet = book.create_sheet("Bảng điểm")
    sheet.append([TITLE])
    sheet.append([SUBTITLE])
    sheet.append([])
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic(buffer.getvalue())


def csv_bytes() -> bytes:
    """The score sheet as Excel saves it as CSV in a Vietnamese locale."""
    header, rows = _table()
    width = len(header)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([TITLE] + [""] * (width - 1))
    writer.writerow([SUBTITLE] + [""] * (width - 1))
    writer.writerow([""] * width)
    writer.writerow(header)
    for row in rows:
        writer.writerow([f"{cell:f}".replace(".", ",") if isinstance(cell, Decimal) else cell for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def main() -> None:
    XLSX.write_bytes(workbook_bytes())
    CSV.write_bytes(csv_bytes())


if __name__ == "__main__":
    main()
