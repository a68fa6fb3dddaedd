"""The words of ``govindex publish`` for a round: where the scores come from, who sent nothing, each agency's result sheet.

>>> ScoreSource.SELF.text("vi")
'Kết quả tự đánh giá của các cơ quan, chưa thẩm định'
>>> Missing.REASON.text("en")
'sent no form'
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Missing", "PublishError", "ScoreSource", "Sheet"]


class ScoreSource(Entry):
    """Who gave the scores a document shows (:class:`govindex.assessment.Source`)."""

    SELF = (
        "source-self",
        "Kết quả tự đánh giá của các cơ quan, chưa thẩm định",
        "Scores self-assessed by the agencies, not yet appraised",
    )
    APPRAISED = ("source-appraised", "Kết quả thẩm định", "Appraised scores")
    PUBLISHED = ("source-published", "Kết quả đã công bố", "Published scores")
    SELF_SHORT = ("source-self-short", "tự đánh giá", "self-assessed")
    APPRAISED_SHORT = ("source-appraised-short", "thẩm định", "appraised")
    PUBLISHED_SHORT = ("source-published-short", "đã công bố", "published")
    MIXED = (
        "source-mixed",
        "Điểm của các cơ quan không cùng một nguồn: {parts}",
        "The agencies' scores do not all come from one source: {parts}",
    )
    MIXED_PART = ("source-mixed-part", "{source} ({count} cơ quan: {names})", "{source} ({count} agencies: {names})")
    CHART = ("source-chart", "{caption} ({source})", "{caption} ({source})")


class Missing(Entry):
    """The agencies of the province's list that sent nothing (chưa nộp phiếu), in the appendix."""

    TITLE = ("missing-title", "Cơ quan chưa nộp phiếu", "Agencies that sent no form")
    SHORT = ("missing-short", "Chưa nộp phiếu", "No form")
    TEXT = (
        "missing-text",
        "{count} cơ quan trong danh sách cơ quan của tỉnh ({directory}, năm {year}) chưa nộp phiếu đánh giá, "
        "nên không được chấm điểm và không xếp hạng.",
        "{count} agencies of the province's list ({directory}, {year}) sent no assessment form, so they are "
        "neither scored nor ranked.",
    )
    REASON = ("missing-reason", "chưa nộp phiếu", "sent no form")
    NONE_EXCLUDED = (
        "missing-none-excluded",
        "Không có cơ quan nào bị loại theo quy định của bộ tiêu chí; {count} cơ quan chưa nộp phiếu được nêu "
        "tại mục \u201cCơ quan chưa nộp phiếu\u201d.",
        "No agency was kept out by the rubric's rules; {count} agencies that sent no form are listed under "
        "\u201cAgencies that sent no form\u201d.",
    )


class PublishError(Entry):
    """The refusals of ``govindex publish`` of a round."""

    MISSING = (
        "publish-missing",
        "{count} cơ quan trong danh sách cơ quan của tỉnh ({directory}, năm {year}) chưa nộp phiếu: {names}. "
        "Không lập phụ lục khi chưa nói cách xử lý các cơ quan này: thêm --missing list để nêu tên các cơ quan "
        "này trong phụ lục (mục \u201cCơ quan chưa nộp phiếu\u201d), hoặc bổ sung phiếu của các cơ quan này",
        "{count} agencies of the province's list ({directory}, {year}) sent no form: {names}. No appendix is "
        "written until you say how to treat them: add --missing list to name them in the appendix (section "
        "\u201cAgencies that sent no form\u201d), or add their forms",
    )
    SHEETS_OUTPUT = (
        "publish-sheets-output",
        "--each-agency ghi mỗi cơ quan một tệp vào một thư mục: --output {output} là một tệp, không phải thư mục",
        "--each-agency writes one file per agency into a folder: --output {output} is a file, not a folder",
    )
    SHEETS_EXIST = (
        "publish-sheets-exist",
        "{count} tệp đã có trong thư mục {folder}: {names}; không tệp nào được ghi. Thêm --force để ghi đè",
        "{count} files already exist in {folder}: {names}; nothing was written. Add --force to write over them",
    )
    SELF_ONLY_WITH_SHEETS = (
        "publish-self-only-with-sheets",
        "--self chỉ dùng cùng --each-agency (thông báo kết quả từng cơ quan)",
        "--self is only used with --each-agency (a result sheet per agency)",
    )


class Sheet(Entry):
    """The words of an agency's result sheet (thông báo kết quả đánh giá)."""

    TITLE = ("sheet-title", "Thông báo kết quả đánh giá", "Result of the assessment")
    SUBTITLE = ("sheet-subtitle", "{agency} — {rubric}", "{agency} — {rubric}")
    AGENCY = ("sheet-agency", "Cơ quan: {agency} (nhóm {group}).", "Agency: {agency} (group {group}).")
    TOTAL = (
        "sheet-total",
        "Tổng điểm: {total}/{maximum} điểm; xếp loại: {band}; xếp hạng: {rank}/{count} trong nhóm {group}.",
        "Total: {total} of {maximum} points; band: {band}; rank: {rank} of {count} in the group {group}.",
    )
    INDEX = ("sheet-index", "{scale}: {value}.", "{scale}: {value}.")
    NO_BAND = ("sheet-no-band", "không xếp loại", "no band")
    SELF_TOTAL = (
        "sheet-self-total",
        "Tổng điểm tự đánh giá: {self_total}; tổng điểm thẩm định: {appraised}; chênh lệch: {difference}.",
        "Self-assessed total: {self_total}; appraised total: {appraised}; difference: {difference}.",
    )
    CRITERIA = ("sheet-criteria", "Điểm từng tiêu chí", "Score on each criterion")
    CODE = ("sheet-code", "Mã", "Code")
    CRITERION = ("sheet-criterion", "Tiêu chí", "Criterion")
    MAXIMUM = ("sheet-maximum", "Điểm tối đa", "Maximum")
    SCORE = ("sheet-score", "Điểm", "Score")
    SELF = ("sheet-self", "Điểm tự đánh giá", "Self-assessed")
    APPRAISED = ("sheet-appraised", "Điểm thẩm định", "Appraised")
    DIFFERENCE = ("sheet-difference", "Chênh lệch", "Difference")
    REASON = ("sheet-reason", "Lý do điều chỉnh", "Reason for the change")
    EVIDENCE = ("sheet-evidence", "Tài liệu kiểm chứng", "Evidence")
    RULES = ("sheet-rules", "Các quy định đã áp dụng", "Rules applied")
    NO_RULES = (
        "sheet-no-rules",
        "Không có quy định nào của bộ tiêu chí làm thay đổi điểm của cơ quan.",
        "No rule of the rubric changed the agency's scores.",
    )
    NO_EVIDENCE = (
        "sheet-no-evidence",
        "Cơ quan không ghi tài liệu kiểm chứng.",
        "The agency listed no evidence.",
    )
