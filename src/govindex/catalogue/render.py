"""Refusals of the render layer (lỗi khi xuất kết quả): formats, tables, files, charts and forms."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["RenderError"]


class RenderError(Entry):
    """What :mod:`govindex.render`, :mod:`govindex.render.plots` and the forms refuse, and why."""

    UNKNOWN_FORMAT = (
        "render-unknown-format",
        "không có định dạng {fmt}; dùng một trong {formats}",
        "unknown format {fmt}; use one of {formats}",
    )
    FORMAT_OF_PATH = (
        "render-format-of-path",
        "không biết định dạng của tệp có phần mở rộng {suffix}; dùng {known}",
        "cannot tell the output format from the extension {suffix}; use {known}",
    )
    BINARY_FORMAT = (
        "render-binary-format",
        "{fmt} là định dạng nhị phân: cần ghi ra tệp (--output TỆP.{fmt})",
        "{fmt} is binary: give --output FILE.{fmt}",
    )
    NOT_RENDERABLE = (
        "render-not-renderable",
        "không trình bày được một giá trị kiểu {kind}",
        "cannot render a value of type {kind}",
    )
    CANNOT_WRITE = (
        "render-cannot-write",
        "không ghi được tệp kết quả: {reason}",
        "cannot write the output: {reason}",
    )
    EXISTS = (
        "render-exists",
        "tệp đã có; chọn tên khác hoặc cho phép ghi đè (--force)",
        "the file exists; choose another name or allow overwriting it (--force)",
    )
    NOT_TEXT = (
        "render-not-text",
        "văn bản có ký tự không ghi được bằng UTF-8 (vị trí {position})",
        "the text holds a character UTF-8 cannot write (position {position})",
    )
    NO_NOTEBOOK = (
        "render-no-notebook",
        "không có phiên IPython hay Jupyter nào đang chạy để hiển thị kết quả",
        "no IPython or Jupyter session is running to show the values in",
    )
    PIECES_NOT_TEXT = (
        "render-pieces-not-text",
        "{fmt} là định dạng nhị phân, không viết thành từng đoạn văn bản được",
        "{fmt} is binary and cannot be written as pieces of text",
    )
    CSV_ONE_TABLE = (
        "render-csv-one-table",
        "lưu ý: tệp CSV chứa bảng {table}; kết quả còn có {others} (chọn bằng --table)",
        "note: CSV holds the table {table}; the output also has {others} (choose with --table)",
    )
    COLUMN_TWICE = (
        "render-column-twice",
        "bảng {table}: cột {columns} xuất hiện hai lần",
        "table {table}: column {columns} appears twice",
    )
    ROW_WIDTH = (
        "render-row-width",
        "bảng {table}: dòng {row} có {cells} ô nhưng bảng có {columns} cột",
        "table {table}: row {row} has {cells} cells but there are {columns} columns",
    )
    CELL_KIND = (
        "render-cell-kind",
        "bảng {table}: dòng {row} chứa {kind} {value}; ô là Decimal, int, str, bool hoặc None",
        "table {table}: row {row} holds {kind} {value}; cells are Decimal, int, str, bool or None",
    )
    SECTION_BEYOND = (
        "render-section-beyond",
        "bảng {table}: một phần bắt đầu ở dòng {row}, ngoài bảng",
        "table {table}: a section starts at row {row}, beyond the table",
    )
    NO_COLUMN = (
        "render-no-column",
        "bảng {table} không có cột {name}; các cột là {columns}",
        "table {table} has no column {name}; its columns are {columns}",
    )
    NO_TABLE = ("render-no-table", "không có bảng nào để trình bày", "there is no table to show")
    UNKNOWN_TABLE = (
        "render-unknown-table",
        "không có bảng {table}; các bảng là {tables}",
        "unknown table {table}; the tables are {tables}",
    )
    WORKBOOK_NEEDS_TABLE = (
        "render-workbook-needs-table",
        "một bảng tính cần ít nhất một bảng",
        "a workbook needs at least one table",
    )
    NOTHING_ASSESSED = (
        "render-nothing-assessed",
        "không có cơ quan nào được đánh giá theo bộ chỉ số {rubric}; không có phụ lục để viết",
        "no agency was assessed under rubric {rubric}; there is no appendix to write",
    )
    FIRST_TABLE = (
        "render-first-table",
        "số của bảng đầu tiên phải là số dương, không phải {number}",
        "the first table number must be positive, not {number}",
    )
    CHART_NO_BANDS = (
        "render-chart-no-bands",
        "bộ chỉ số {rubric} không có mức xếp loại để vẽ",
        "rubric {rubric} has no bands to chart",
    )
    CHART_NOTHING = (
        "render-chart-nothing",
        "không có cơ quan nào được đánh giá để vẽ",
        "there is no assessed agency to chart",
    )
    CHART_NO_MOVEMENT = (
        "render-chart-no-movement",
        "không có thay đổi thứ hạng nào để vẽ",
        "there is no rank movement to chart",
    )
    CHART_MOVEMENT_SHAPE = (
        "render-chart-movement-shape",
        "một thay đổi thứ hạng gồm (tên, hạng cũ, hạng mới), không phải {value}",
        "a movement is (label, old rank, new rank), not {value}",
    )
    CHART_NO_RANK = (
        "render-chart-no-rank",
        "cơ quan không có thứ hạng ở cả hai bên",
        "the agency has no rank on either side",
    )
    CHART_BAD_RANK = (
        "render-chart-bad-rank",
        "{value} không phải là một thứ hạng (một số nguyên hoặc Decimal từ 1)",
        "rank {value} is not a rank (an integer or Decimal from 1)",
    )
    CHART_FORMAT = (
        "render-chart-format",
        "không biết định dạng biểu đồ của phần mở rộng {suffix}; dùng .png hoặc .svg",
        "cannot tell the chart format from the extension {suffix}; use .png or .svg",
    )
    CHART_CANNOT_WRITE = (
        "render-chart-cannot-write",
        "không ghi được biểu đồ: {reason}",
        "cannot write the chart: {reason}",
    )
    FORM_WRONG_GROUP = (
        "render-form-wrong-group",
        "cơ quan thuộc nhóm {found}, không phải {wanted}",
        "the agency is in group {found}, not {wanted}",
    )
    FORM_CONTROL_CHARACTER = (
        "render-form-control-character",
        "{what} chứa ký tự điều khiển {character}, không ghi được vào biểu mẫu: {text}",
        "{what} holds the control character {character}, which a form cannot hold: {text}",
    )
    FORM_YEAR = (
        "render-form-year",
        "năm đánh giá {year} nằm ngoài khoảng 1-9999 mà một bảng tính ghi được",
        "the year {year} is outside 1-9999, which a workbook can hold",
    )
