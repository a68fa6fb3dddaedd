"""The words of the Word writer (bản Word): the appendix line, pictures of charts, and why a chart has none."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["DocxWords"]


class DocxWords(Entry):
    """What a Word document says beyond the document it writes, and its refusals."""

    APPENDIX_MARK = ("docx-appendix-mark", "PHỤ LỤC", "APPENDIX")
    PICTURE_NAME = ("docx-picture-name", "Hình {number}", "Figure {number}")
    PICTURE_PART = (
        "docx-picture-part",
        "{caption} (phần {part}/{parts})",
        "{caption} (part {part} of {parts})",
    )
    FIGURE_NEEDS_PLOT = (
        "docx-figure-needs-plot",
        "[Biểu đồ “{caption}” không có trong bản Word này vì máy chưa cài matplotlib: cài bằng lệnh "
        "pip install '.[plot]' rồi xuất lại tệp, hoặc xem biểu đồ trong bản HTML.]",
        "[The chart “{caption}” is not in this Word file because matplotlib is not installed: install it "
        "with pip install '.[plot]' and write the file again, or see the chart in the HTML page.]",
    )
    FIGURE_TOO_LONG = (
        "docx-figure-too-long",
        "[Biểu đồ “{caption}” không có trong bản Word này: biểu đồ cần {pages} trang A4, quá {limit} trang; "
        "số liệu của biểu đồ có trong bảng ở trên, biểu đồ có trong bản HTML.]",
        "[The chart “{caption}” is not in this Word file: it would take {pages} A4 pages, more than {limit}; "
        "its figures are in the table above and the chart is in the HTML page.]",
    )
    FIGURE_UNDRAWABLE = (
        "docx-figure-undrawable",
        "[Biểu đồ “{caption}” không vẽ được trong bản Word này ({element}); xem biểu đồ trong bản HTML.]",
        "[The chart “{caption}” cannot be drawn in this Word file ({element}); see it in the HTML page.]",
    )
    UNKNOWN_BLOCK = (
        "docx-unknown-block",
        "văn bản có một khối loại {kind} mà bản Word chưa viết được",
        "the document holds a {kind} block, which the Word writer cannot write",
    )
