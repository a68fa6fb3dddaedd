"""The words of ``govindex reproduce`` (tái lập kết quả công bố): its tables, its summary and its findings.

>>> ReproduceText.TITLE.text("vi", dataset="sonla-2017-it")
'Tái lập kết quả công bố sonla-2017-it'
>>> [heading.text("en") for heading in SUMMARY_HEADINGS]
['Group', 'Figure', 'Published', 'Computed', 'Outcome']
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["AGENCY_HEADINGS", "SUMMARY_HEADINGS", "ReproduceHeading", "ReproduceText"]


class ReproduceHeading(Entry):
    """The headings of the report's tables: one row per agency, one per figure of a group."""

    NUMBER = ("reproduce-heading-number", "STT", "No.")
    AGENCY = ("reproduce-heading-agency", "Tên cơ quan", "Agency")
    TOTAL = ("reproduce-heading-total", "Tổng điểm", "Total")
    COMPUTED = ("reproduce-heading-computed", "(tính lại)", "(computed)")
    BAND = ("reproduce-heading-band", "Xếp loại", "Band")
    RANK = ("reproduce-heading-rank", "Xếp hạng", "Rank")
    NODE_RANK = ("reproduce-heading-node-rank", "Hạng ({n})", "Rank ({n})")
    GROUP = ("reproduce-heading-group", "Nhóm", "Group")
    FIGURE = ("reproduce-heading-figure", "Số liệu", "Figure")
    PUBLISHED = ("reproduce-heading-published", "Công bố", "Published")
    RECOMPUTED = ("reproduce-heading-recomputed", "Tính lại", "Computed")
    OUTCOME = ("reproduce-heading-outcome", "Kết quả", "Outcome")


#: The headings of an agency's row: each figure published, then recomputed (one column per category rank follows).
AGENCY_HEADINGS = (
    ReproduceHeading.NUMBER,
    ReproduceHeading.AGENCY,
    ReproduceHeading.TOTAL,
    ReproduceHeading.COMPUTED,
    ReproduceHeading.BAND,
    ReproduceHeading.COMPUTED,
    ReproduceHeading.RANK,
    ReproduceHeading.COMPUTED,
)
#: The headings of the summary: a group's figure, published and recomputed, and how they agree.
SUMMARY_HEADINGS = (
    ReproduceHeading.GROUP,
    ReproduceHeading.FIGURE,
    ReproduceHeading.PUBLISHED,
    ReproduceHeading.RECOMPUTED,
    ReproduceHeading.OUTCOME,
)


class ReproduceText(Entry):
    """The lines of the report, the figures it names and how each agrees with the published one."""

    TITLE = ("reproduce-title", "Tái lập kết quả công bố {dataset}", "Reproduction of the published results {dataset}")
    SOURCE = (
        "reproduce-source",
        "Văn bản: Quyết định số {decision} ngày {date} của {issuer}",
        "Source: Decision {decision} of {date}, {issuer}",
    )
    TABLES = ("reproduce-tables", "Số liệu công bố: {tables}", "Figures published: {tables}")
    RUBRIC = ("reproduce-rubric", "Bộ tiêu chí: {title}", "Rubric: {title}")
    LEGEND = (
        "reproduce-legend",
        "Hạng theo hạng mục, công bố/tính lại: {items}",
        "Ranks per category, published/computed: {items}",
    )
    MARKS = (
        "reproduce-marks",
        "≠: khác số liệu công bố; ≈: chênh trong giới hạn làm tròn của các số liệu thành phần đã công bố; "
        "*: sai sót đã biết của văn bản công bố.",
        "≠: differs from the published figure; ≈: differs within the rounding of the published components; "
        "*: a known error of the source.",
    )
    SUMMARY = (
        "reproduce-summary",
        "Tổng hợp (điểm trung bình, dẫn đầu, tỷ lệ xếp loại)",
        "Summary (means, leaders, band shares)",
    )
    OVERALL_GROUP = ("reproduce-overall-group", "Toàn tỉnh", "Overall")
    # the figures checked, by the name reproduction gives them
    ASSESSED = ("reproduce-figure-assessed", "Số cơ quan được đánh giá", "Agencies assessed")
    MEAN = ("reproduce-figure-mean", "Điểm trung bình", "Mean")
    OVERALL_MEAN = (
        "reproduce-figure-overall-mean",
        "Điểm trung bình chung (trung bình cộng điểm trung bình các nhóm)",
        "Overall mean (unweighted mean of the group means)",
    )
    LEADER = ("reproduce-figure-leader", "Đứng đầu", "Leader")
    LEADER_TOTAL = ("reproduce-figure-leader-total", "Điểm của cơ quan đứng đầu", "Leader's score")
    BAND_SHARE = ("reproduce-figure-band-share", "Tỷ lệ mức {band}", "Share {band}")
    NOT_ASSESSED = ("reproduce-figure-not-assessed", "Không đánh giá", "Not assessed")
    TOTAL = ("reproduce-figure-total", "tổng điểm", "total")
    BAND = ("reproduce-figure-band", "xếp loại", "band")
    RANK = ("reproduce-figure-rank", "xếp hạng", "rank")
    NODE_RANK = ("reproduce-figure-node-rank", "xếp hạng hạng mục {node}", "rank on {node}")
    # values
    NOT_ASSESSED_VALUE = ("reproduce-value-not-assessed", "không đánh giá", "not assessed")
    ASSESSED_VALUE = ("reproduce-value-assessed", "được đánh giá", "assessed")
    NOT_FOUND = ("reproduce-value-not-found", "không có", "not found")
    EXACT = ("reproduce-value-exact", "{value} (chính xác {exact})", "{value} (exact {exact})")
    # how a figure agrees, by the status reproduction gives it
    MATCH = ("reproduce-status-match", "khớp", "match")
    ROUNDING = ("reproduce-status-rounding", "chênh do làm tròn", "within rounding")
    KNOWN_ERROR = ("reproduce-status-known-error", "sai sót của văn bản", "error of the source")
    DIFFERENT = ("reproduce-status-different", "KHÁC", "DIFFERENT")
    # the findings
    KNOWN_TITLE = (
        "reproduce-known-title",
        "Sai sót đã biết của văn bản công bố ({count}):",
        "Known errors of the source ({count}):",
    )
    KNOWN_ITEM = (
        "reproduce-known-item",
        "  - {group}, {what}: công bố {published}, đúng là {computed}{where}",
        "  - {group}, {what}: published {published}, correct {computed}{where}",
    )
    ROUNDING_TITLE = (
        "reproduce-rounding-title",
        "Chênh lệch do làm tròn các số liệu thành phần đã công bố ({count}), không phải sai khác:",
        "Differences explained by the rounding of the published components ({count}), not differences:",
    )
    ROUNDING_ITEM = (
        "reproduce-rounding-item",
        "  - {about}{what}: công bố {published}, tính lại {computed}, chênh {difference}, trong giới hạn ±{bound}",
        "  - {about}{what}: published {published}, computed {computed}, differs by {difference}, "
        "within the bound ±{bound}",
    )
    DIFF_TITLE = (
        "reproduce-diff-title",
        "Sai khác với số liệu công bố ({count}):",
        "Differences from the published figures ({count}):",
    )
    DIFF_ITEM = (
        "reproduce-diff-item",
        "  - {about}{what}: công bố {published}, tính lại {computed}",
        "  - {about}{what}: published {published}, computed {computed}",
    )
    DIFF_BOUND = (
        "reproduce-diff-bound",
        ", chênh {difference}, vượt giới hạn làm tròn ±{bound}",
        ", differs by {difference}, beyond the rounding bound ±{bound}",
    )
    STALE_KNOWN_ERROR = (
        "reproduce-stale-known-error",
        "bộ số liệu ghi đây là sai sót của văn bản công bố, nhưng số liệu này không còn sai",
        "the dataset records this as an error of the source, but it does not occur",
    )
    DONE = (
        "reproduce-done",
        "Đã kiểm tra {checked} số liệu công bố của {agencies} cơ quan: {matched} khớp, "
        "{known} là sai sót đã biết của văn bản công bố, {different} sai khác.",
        "Checked {checked} published figures of {agencies} agencies: {matched} match, "
        "{known} known error(s) of the source, {different} difference(s).",
    )
    DONE_ROUNDING = (
        "reproduce-done-rounding",
        " Ngoài ra {rounding} số liệu chênh trong giới hạn làm tròn của các số liệu thành phần đã công bố.",
        " {rounding} more differ(s) only within the rounding of the published components.",
    )
