"""The words of agencies assessed but not ranked (đánh giá nhưng không xếp hạng) and of band share changes."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["MergedWords", "NotRankedText", "NotRankedWords", "PublishHelp", "ShareChangeWords"]


class NotRankedText(Entry):
    """An agency left out of the ranking that cannot be."""

    NO_REASON = (
        "agency-not-ranked-no-reason",
        "cơ quan được đánh giá nhưng không xếp hạng phải nêu lý do: ghi lý do vào ô không xếp hạng (not_ranked),"
        " không chỉ {value}",
        "an agency assessed but not ranked needs a reason: write the reason in its not_ranked cell, not only {value}",
    )
    NOT_TEXT = (
        "agency-not-ranked-not-text",
        "lý do không xếp hạng phải là một đoạn chữ, không phải {value}",
        "the reason an agency is not ranked must be text, not {value}",
    )
    RULE_UNKNOWN = (
        "rule-not-ranked-unknown",
        "quy tắc {rule} không xếp hạng cơ quan {unit}, nhưng cơ quan này không có trong kết quả",
        "rule {rule} leaves agency {unit} out of the ranking, but it is not in the cohort",
    )
    RULE_NO_REASON = (
        "rule-not-ranked-no-reason",
        "quy tắc {rule} không xếp hạng cơ quan {unit} mà không nêu lý do",
        "rule {rule} leaves agency {unit} out of the ranking without a reason",
    )
    NO_ROW = (
        "result-not-ranked",
        "cơ quan {unit} được đánh giá nhưng không xếp hạng ({reason}): tổng điểm {total}, không có thứ hạng",
        "agency {unit} is assessed but not ranked ({reason}): total {total}, no rank",
    )


class NotRankedWords(Entry):
    """How the appendix and the statistics show an agency assessed but not ranked."""

    SECTION = ("appendix-not-ranked-section", "Đánh giá, không xếp hạng", "Assessed, not ranked")
    NOTE = ("appendix-not-ranked-note", "(*) {name}: không xếp hạng. {reason}", "(*) {name}: not ranked. {reason}")
    MARKED = ("appendix-not-ranked-marked", "{name} (*)", "{name} (*)")
    TITLE = (
        "stat-not-ranked-title",
        "Cơ quan, đơn vị được đánh giá nhưng không xếp hạng",
        "Agencies assessed but not ranked",
    )
    SHORT = ("stat-not-ranked-short", "Không xếp hạng", "Not ranked")
    STAT_NOTE = (
        "stat-not-ranked-note",
        "{count} cơ quan, đơn vị được đánh giá nhưng không xếp hạng; không tính vào điểm trung bình và tỷ lệ xếp loại",
        "{count} agencies assessed but not ranked; not counted in the means and the band shares",
    )
    NO_SHEET = (
        "publish-not-ranked-no-sheet",
        "không lập thông báo kết quả cho {name}: được đánh giá nhưng không xếp hạng ({reason})",
        "no result sheet for {name}: assessed but not ranked ({reason})",
    )
    IN_PERIOD = (
        "compare-not-ranked-in-period",
        "năm {period} được đánh giá nhưng không xếp hạng: {reason}",
        "assessed but not ranked in {period}: {reason}",
    )
    BY_RUBRIC = ("not-ranked-by-rubric", "theo bộ tiêu chí", "by the rubric")
    BY_DATA = ("not-ranked-by-data", "theo dữ liệu chấm điểm", "by the score data")
    BY_RULE = ("not-ranked-by-rule", "theo quy tắc {rule}", "by the rule {rule}")
    WHEN_SPECIAL = ("not-ranked-when-special", "cơ quan đặc thù", "special agency")
    WHEN_NO_ONLINE_SERVICES = (
        "not-ranked-when-no-online-services",
        "không có dịch vụ công trực tuyến",
        "no online public services",
    )
    WHEN_NO_PROCEDURES = (
        "not-ranked-when-no-procedures",
        "không có thủ tục hành chính",
        "no administrative procedures",
    )
    WHEN_NO_SUBORDINATE_UNITS = (
        "not-ranked-when-no-subordinate-units",
        "không có đơn vị trực thuộc",
        "no subordinate units",
    )


class ShareChangeWords(Entry):
    """The change of the band shares between two years, in percentage points (điểm phần trăm)."""

    TITLE = (
        "compare-share-changes-title",
        "Thay đổi tỷ lệ xếp loại (điểm phần trăm)",
        "Change of the band shares (percentage points)",
    )
    SHORT = ("compare-share-changes-short", "Tỷ lệ xếp loại", "Band shares")
    ALL_GROUPS = ("compare-share-changes-all", "Tất cả các khối", "All groups")
    FROM = ("compare-share-from", "Từ", "From")
    TO = ("compare-share-to", "Đến", "To")
    BEFORE = ("compare-share-before", "Tỷ lệ trước (%)", "Share before (%)")
    AFTER = ("compare-share-after", "Tỷ lệ sau (%)", "Share after (%)")
    CHANGE = ("compare-share-change", "Thay đổi (điểm phần trăm)", "Change (percentage points)")


class MergedWords(Entry):
    """The second cohort of an appendix: the units after the mergers (đơn vị sau sắp xếp, hợp nhất)."""

    HEADING = (
        "appendix-merged-heading",
        "Xếp hạng các đơn vị sau sắp xếp, hợp nhất năm {year}",
        "Ranking of the units after the mergers of {year}",
    )
    TEXT = (
        "appendix-merged-text",
        "{count} đơn vị sau sắp xếp, hợp nhất năm {year}; kết quả của đơn vị hợp nhất tính từ kết quả của các đơn"
        " vị tiền thân; xếp hạng thành nhóm riêng, cùng năm đánh giá với bảng trên.",
        "{count} units after the mergers of {year}; a merged unit's results follow from its predecessors';"
        " ranked as a cohort of its own, for the same year as the ranking above.",
    )
    LABEL = ("appendix-merged-label", "{label} (sau hợp nhất)", "{label} (after the mergers)")


class PublishHelp(Entry):
    """The help of ``govindex publish --merge-into``."""

    MERGE_INTO = (
        "help-publish-merge-into",
        "công bố thêm, trong cùng phụ lục, bảng xếp hạng các đơn vị sau sắp xếp theo danh mục cơ quan này (tệp hoặc"
        " mã): chỉ số chính của đơn vị hợp nhất là trung bình của các đơn vị tiền thân (như DTI 2024), xếp hạng"
        " thành nhóm riêng",
        "also publish, in the same appendix, the ranking of the units after the mergers in this agency directory"
        " (file or id): a merged unit's main indices are the mean of its predecessors' (as the DTI 2024), ranked"
        " as a cohort of its own",
    )
