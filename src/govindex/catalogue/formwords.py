"""The words of the forms' layout (bố cục biểu mẫu): sheet names, titles, column headers and labels.

A form is written in Vietnamese whatever the language of the output: these
words are the contract between the writer and the reader of a form
(:mod:`govindex.formlayout` takes every one of them from here), so a form
written is always a form read. The English is for those who translate a
form, and for a message that names a column in English.

>>> FormColumn.SELF.vi, FormColumn.SELF.en
('Điểm tự đánh giá', 'Self-assessed points')
>>> FormWord.LEAF_HEADER.text("vi", name="Hạ tầng", points="10")
'Hạ tầng (tối đa 10 điểm)'
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["FormColumn", "FormLabel", "FormWord"]


class FormColumn(Entry):
    """The header of each column of a form (phiếu) and of a cohort sheet (bảng điểm)."""

    NUMBER = ("form-column-number", "STT", "No.")
    CODE = ("form-column-code", "Mã", "Id")
    CRITERION = ("form-column-criterion", "Tiêu chí", "Criterion")
    MAX_POINTS = ("form-column-max-points", "Điểm tối đa", "Maximum points")
    FIGURE = ("form-column-figure", "Số liệu", "Figure")
    SELF = ("form-column-self", "Điểm tự đánh giá", "Self-assessed points")
    APPRAISED = ("form-column-appraised", "Điểm thẩm định", "Appraised points")
    REASON = ("form-column-reason", "Lý do điều chỉnh", "Reason for the change")
    EVIDENCE = ("form-column-evidence", "Tài liệu kiểm chứng", "Evidence")
    REMARK = ("form-column-remark", "Ghi chú", "Remarks")
    AGENCY = ("form-column-agency", "Mã cơ quan", "Agency id")
    AGENCY_NAME = ("form-column-agency-name", "Tên cơ quan", "Agency")
    NODE_IDS = ("form-column-node-ids", "Mã tiêu chí", "Criterion id")


class FormLabel(Entry):
    """The labels at the top of a form, each left of the cell that answers it (the member's name is the field)."""

    AGENCY_NAME = ("form-label-agency-name", "Cơ quan, đơn vị:", "Agency:")
    AGENCY = ("form-label-agency", "Mã cơ quan:", "Agency id:")
    GROUP = ("form-label-group", "Nhóm:", "Group:")
    YEAR = ("form-label-year", "Năm đánh giá:", "Year assessed:")
    RUBRIC = ("form-label-rubric", "Mã bộ tiêu chí:", "Rubric id:")
    HAS_SUBORDINATE_UNITS = ("form-label-subordinate-units", "Có đơn vị trực thuộc:", "Has subordinate units:")
    HAS_ONLINE_SERVICES = ("form-label-online-services", "Có dịch vụ công trực tuyến:", "Has online public services:")
    HAS_PROCEDURES = ("form-label-procedures", "Có thủ tục hành chính:", "Has administrative procedures:")
    SPECIAL = ("form-label-special", "Cơ quan đặc thù:", "Special agency:")

    @property
    def field(self) -> str:
        """The field the label asks for (``agency_name``, ``has_procedures``)."""
        return self.name.lower()


class FormWord(Entry):
    """The sheets, titles and other words of the forms."""

    FORM_SHEET = ("form-sheet-self", "Phiếu tự đánh giá", "Self-assessment form")
    COHORT_SHEET = ("form-sheet-cohort", "Bảng điểm", "Score sheet")
    INSTRUCTIONS_SHEET = ("form-sheet-instructions", "Hướng dẫn", "Instructions")
    APPRAISAL_SHEET = ("form-sheet-appraisal", "Phiếu thẩm định", "Appraisal form")
    COPY_SHEET = ("form-sheet-copy", "Dữ liệu tự đánh giá", "Self-assessment data")
    TITLE_FORM = ("form-title-self", "PHIẾU TỰ ĐÁNH GIÁ", "SELF-ASSESSMENT FORM")
    TITLE_COHORT = ("form-title-cohort", "BẢNG ĐIỂM THẨM ĐỊNH", "APPRAISAL SCORE SHEET")
    TITLE_APPRAISAL = ("form-title-appraisal", "PHIẾU THẨM ĐỊNH", "APPRAISAL FORM")
    LEAF_HEADER = ("form-leaf-header", "{name} (tối đa {points} điểm)", "{name} (at most {points} points)")
    EMPTY = ("form-empty-cell", "(trống)", "(empty)")
    EMPTY_QUOTED = ("form-empty-cell-quoted", "'(trống)'", "'(empty)'")
