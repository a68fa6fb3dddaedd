"""The words of reports (báo cáo): results, statistics, reconciliations, comparisons, the appendix, charts.

Every title, caption, note, status and label these documents show, in
Vietnamese and English; and the refusals of the statistics, the
reconciliation and the comparison.

>>> Compared.MERGED_INTO.text("vi", successor="Sở Khoa học và Công nghệ")
'sáp nhập vào Sở Khoa học và Công nghệ'
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = [
    "AppendixText",
    "Chart",
    "Checked",
    "Compared",
    "Form",
    "Reconciled",
    "ReportError",
    "Rounding",
    "Stat",
    "Summary",
]


class Summary(Entry):
    """The words of a result's own document."""

    NOT_ASSESSED = ("summary-not-assessed", "Cơ quan không đánh giá", "Agencies not assessed")
    NOT_ASSESSED_SHORT = ("summary-not-assessed-short", "Không đánh giá", "Not assessed")
    NONE_NOT_ASSESSED = (
        "summary-none-not-assessed",
        "Không có cơ quan nào bị loại khỏi đánh giá.",
        "Every agency was assessed.",
    )
    RESULTS = ("summary-results", "Kết quả", "Results")


class Rounding(Entry):
    """Rounding modes as a reader words them (member names are the :mod:`decimal` mode names)."""

    ROUND_HALF_UP = ("rounding-half-up", "làm tròn", "rounded half up")
    ROUND_HALF_EVEN = ("rounding-half-even", "làm tròn về số chẵn gần nhất", "rounded half to even")
    ROUND_HALF_DOWN = ("rounding-half-down", "làm tròn, 5 làm tròn xuống", "rounded half down")
    ROUND_DOWN = ("rounding-down", "bỏ phần thừa", "truncated")
    ROUND_FLOOR = ("rounding-floor", "làm tròn xuống", "rounded down")
    ROUND_UP = ("rounding-up", "làm tròn lên", "rounded up")
    ROUND_CEILING = ("rounding-ceiling", "làm tròn lên", "rounded up (ceiling)")
    ROUND_05UP = ("rounding-05up", "làm tròn", "rounded (05 up)")
    TO_PLACES = ("rounding-to-places", "{mode} đến {decimals} chữ số thập phân", "{mode} to {decimals} decimal(s)")
    TO_UNITS = ("rounding-to-units", "{mode} đến hàng đơn vị", "{mode} to whole units")

    @classmethod
    def of(cls, mode: str) -> Rounding | None:
        """The words of a :mod:`decimal` rounding mode (``ROUND_HALF_UP``), or ``None``."""
        return cls.__members__.get(mode) if mode.startswith("ROUND_") else None


class Stat(Entry):
    """The words of the statistics (thống kê)."""

    TITLE = ("stat-title", "Thống kê kết quả: {rubric}", "Statistics: {rubric}")
    GROUPS = ("stat-groups", "Thống kê theo nhóm", "Statistics per group")
    GROUPS_SHORT = ("stat-groups-short", "Thống kê", "Statistics")
    LEADERS = ("stat-leaders", "Dẫn đầu (hạng 1-{top})", "Leaders (ranks 1-{top})")
    LEADERS_SHORT = ("stat-leaders-short", "Dẫn đầu", "Leaders")
    OVERALL = (
        "stat-overall",
        "Chung: trung bình cộng điểm trung bình các khối",
        "Overall: the mean of the group means",
    )
    POOLED = ("stat-pooled", "Chung: trung bình của mọi cơ quan", "Pooled: the mean over all agencies")
    NOTE = (
        "stat-note",
        "Điểm trung bình {rounding}; tỷ lệ xếp loại là số phần trăm nguyên theo phương pháp phần dư lớn nhất, "
        "tổng bằng 100.",
        "Means are {rounding}; band shares are whole percentages by the largest-remainder method and sum to 100.",
    )
    EXACT = ("stat-exact", "Điểm trung bình chính xác: {means}.", "Exact means: {means}.")
    EXACT_ONE = ("stat-exact-one", "{name} {value}", "{name} {value}")


class Reconciled(Entry):
    """The words of a reconciliation of self-assessment and appraisal (đối chiếu)."""

    TITLE = (
        "reconciled-title",
        "Đối chiếu tự đánh giá và thẩm định: {rubric}",
        "Self-assessment against appraisal: {rubric}",
    )
    AGENCIES = ("reconciled-agencies", "Đối chiếu tự đánh giá và thẩm định", "Self-assessment against appraisal")
    AGENCIES_SHORT = ("reconciled-agencies-short", "Đối chiếu", "Agencies")
    NOTE = (
        "reconciled-note",
        "Chênh lệch = thẩm định - tự đánh giá; số bậc thay đổi = hạng tự đánh giá - hạng thẩm định "
        "(dương: thẩm định xếp cao hơn).",
        "Difference = appraised - self; places = self rank - appraised rank (positive: ranked higher by the appraisal).",
    )
    DIFFERENCES = (
        "reconciled-differences",
        "Chênh lệch theo tiêu chí (lớn nhất trước)",
        "Differences per criterion (largest first)",
    )
    DIFFERENCES_SHORT = ("reconciled-differences-short", "Chênh lệch", "Differences")
    UNMATCHED = ("reconciled-unmatched", "Không đối chiếu được", "Not compared")
    ONLY_SELF = ("reconciled-only-self", "chỉ có trong tự đánh giá", "only in the self-assessment")
    ONLY_APPRAISED = ("reconciled-only-appraised", "chỉ có trong kết quả thẩm định", "only in the appraisal")
    NOT_ASSESSED_SELF = (
        "reconciled-not-assessed-self",
        "không đánh giá trong tự đánh giá: {reason}",
        "not assessed in the self-assessment: {reason}",
    )
    NOT_ASSESSED_APPRAISED = (
        "reconciled-not-assessed-appraised",
        "không đánh giá trong kết quả thẩm định: {reason}",
        "not assessed in the appraisal: {reason}",
    )
    SELF = ("reconciled-self", "Tự đánh giá", "Self-assessed")
    APPRAISED = ("reconciled-appraised", "Thẩm định", "Appraised")
    CHART_TITLE = (
        "reconciled-chart-title",
        "Thứ hạng: tự đánh giá → thẩm định ({rubric})",
        "Rank: self-assessment → appraisal ({rubric})",
    )


class Compared(Entry):
    """What happened to an agency between two periods, and the notes of a comparison (so sánh qua các năm)."""

    TITLE = ("status-title", "So sánh kết quả {periods}", "Comparison of {periods}")
    TABLE = ("status-table", "So sánh", "Comparison")
    CONTINUING = ("status-continuing", "tiếp tục", "continuing")
    MERGED_ABSORBED = ("status-merged-absorbed", "hợp nhất: tiếp nhận {agencies}", "merged: absorbed {agencies}")
    MERGED_FORMED = ("status-merged-formed", "hợp nhất: hình thành từ {agencies}", "merged: formed from {agencies}")
    MERGED_INTO = ("status-merged-into", "sáp nhập vào {successor}", "merged into {successor}")
    ABOLISHED = ("status-abolished", "giải thể", "abolished")
    NEW = ("status-new", "thành lập mới", "new")
    NEW_SPLIT = ("status-new-split", "thành lập mới (chia tách từ {agencies})", "new (split from {agencies})")
    ENTERED = (
        "status-entered",
        "mới có trong kết quả (không có trong kết quả trước)",
        "entered (not in the older result)",
    )
    LEFT = ("status-left", "không còn trong kết quả (không có trong kết quả sau)", "left (not in the newer result)")
    ABSENT = ("status-absent", "không có", "absent")
    WHEN = ("status-when", "{status} ({when})", "{status} ({when})")
    RENAMED = ("status-renamed", "đổi tên từ “{name}” ({when})", "renamed from {name!r} ({when})")
    SPLIT_OFF = ("status-split-off", "{agency} chia tách từ cơ quan này ({when})", "{agency} split from it ({when})")
    GROUP_CHANGED = (
        "status-group-changed",
        "chuyển từ nhóm {old} sang nhóm {new}; không so sánh thứ hạng",
        "group changed from {old} to {new}; places not compared",
    )
    SCALE_CHANGED = (
        "status-scale-changed",
        "không so sánh điểm trên thang {old} và thang {new}",
        "scores out of {old} and {new} are not compared",
    )
    NOT_ASSESSED = ("status-not-assessed", "{period}: không đánh giá: {reason}", "{period}: not assessed: {reason}")


class AppendixText(Entry):
    """The words of the appendix of a results decision (phụ lục kết quả)."""

    TITLE = ("appendix-title", "Kết quả đánh giá, xếp hạng: {rubric}", "Results: {rubric}")
    SUBTITLE = (
        "appendix-subtitle",
        "(Kèm theo Quyết định số {decision} ngày {date} của {issuer})",
        "(Appendix to Decision {decision} of {date}, {issuer})",
    )
    CAPTION = ("appendix-caption", "Bảng {number}. {text}", "Table {number}. {text}")
    OVERALL = ("appendix-overall", "Xếp hạng tổng thể: {group}", "Overall ranking: {group}")
    NODE = ("appendix-node", "Xếp hạng hạng mục {node}: {group}", "Ranking on {node}: {group}")
    VIEW = ("appendix-view", "Xếp hạng {view}: {group}", "Ranking on {view}: {group}")
    MAXIMUM = ("appendix-maximum", "{caption} (điểm tối đa {maximum} điểm)", "{caption} (maximum {maximum} points)")
    PUBLISHED = ("appendix-published", "{caption} (công bố theo thang {scale})", "{caption} (published on {scale})")
    TABLE_NAME = ("appendix-table-name", "Bảng {number}", "Table {number}")
    GROUP_PART = ("appendix-group-part", "{number}. {group}", "{number}. {group}")
    GROUP_TEXT = (
        "appendix-group-text",
        "Đánh giá {count} cơ quan, đơn vị; điểm trung bình {mean}/{maximum} điểm; {leader} đứng đầu với {top} điểm.",
        "{count} agencies assessed; mean {mean}/{maximum} points; {leader} leads with {top} points.",
    )
    SCORE = ("appendix-score", "Điểm hạng mục", "Score")
    POINTS = ("appendix-points", "Điểm", "Points")
    BANDS = ("appendix-bands", "Các mức xếp loại", "Bands")
    BAND_LINE = ("appendix-band-line", "{band}: {range}.", "{band}: {range}.")
    SECTION = ("appendix-section", "{letter}. {band} ({share}%)", "{letter}. {band} ({share}%)")
    SUMMARY = ("appendix-summary", "Tổng hợp kết quả", "Summary")
    SUMMARY_TEXT = (
        "appendix-summary-text",
        "Điểm trung bình chung: {overall}/{maximum} điểm, là trung bình cộng điểm trung bình các khối "
        "(trong đó: {means}); tỷ lệ xếp loại làm tròn đến phần trăm, tổng bằng 100%.",
        "Overall mean: {overall}/{maximum} points, the mean of the group means ({means}); "
        "band shares are whole percentages that sum to 100 (largest remainder).",
    )
    GROUP_MEAN = ("appendix-group-mean", "{group} {mean}", "{group} {mean}")
    MEANS = ("appendix-means", "Điểm trung bình theo khối", "Means per group")
    MEANS_SHORT = ("appendix-means-short", "Điểm trung bình", "Means")
    OVERALL_MEAN = (
        "appendix-overall-mean",
        "Điểm trung bình chung (trung bình cộng điểm trung bình các khối)",
        "Overall mean (the mean of the group means)",
    )
    SHARES = ("appendix-shares", "Tỷ lệ xếp loại", "Band shares")
    CHART_TOTALS = ("appendix-chart-totals", "Tổng điểm các cơ quan: {group}", "Totals of the agencies: {group}")


class Chart(Entry):
    """The titles and labels of charts (biểu đồ)."""

    BANDS_TITLE = ("chart-bands-title", "Xếp loại theo nhóm: {rubric}", "Bands per group: {rubric}")
    OVERALL = ("chart-overall", "Chung", "Overall")
    SHARE_AXIS = ("chart-share-axis", "Tỷ lệ cơ quan (%)", "Share of agencies (%)")
    COUNT_AXIS = ("chart-count-axis", "Số cơ quan", "Agencies")
    RANKING_TITLE = ("chart-ranking-title", "Xếp hạng: {rubric}", "Ranking: {rubric}")
    MOVEMENT_TITLE = ("chart-movement-title", "Thay đổi thứ hạng: {old} → {new}", "Rank movement: {old} → {new}")
    BEFORE = ("chart-before", "Trước", "Before")
    AFTER = ("chart-after", "Sau", "After")
    RANKED = ("chart-ranked", "{rank}. {name}", "{rank}. {name}")
    SHARE = ("chart-share", "{share}%", "{share}%")


class Checked(Entry):
    """The words of a recomputation checked against published figures (đối chiếu với số liệu công bố)."""

    TITLE = ("checked-title", "Đối chiếu với số liệu công bố: {rubric}", "Against the published figures: {rubric}")
    TABLE = ("checked-table", "Đối chiếu", "Agreement")
    EXACT = ("checked-exact", "khớp", "exact")
    ROUNDING = ("checked-rounding", "chênh do làm tròn", "rounding")
    DIFFERENT = ("checked-different", "chênh lệch thực sự", "different")
    ONLY_PUBLISHED = ("checked-only-published", "chỉ có trong số liệu công bố", "only in the published table")
    NOT_PUBLISHED = ("checked-not-published", "không có trong số liệu công bố", "not in the published table")
    RANK_DIFFERS = ("checked-rank-differs", "{rank} ≠", "{rank} ≠")
    SUMMARY = (
        "checked-summary",
        "{count} số liệu công bố: {counts}; {wrong} thứ hạng khác.",
        "{count} published figures: {counts}; {wrong} rank(s) differ.",
    )
    COUNT = ("checked-count", "{count} {kind}", "{count} {kind}")


class ReportError(Entry):
    """What the statistics, the reconciliation and the comparison refuse, and why."""

    TOP = (
        "report-top",
        "top phải là số nguyên không âm, không phải {value}",
        "top must be a non-negative integer, not {value}",
    )
    DECIMALS = (
        "report-decimals",
        "số chữ số thập phân phải là số nguyên từ 0 đến 12, không phải {value}",
        "decimals must be an integer from 0 to 12, not {value}",
    )
    NOTHING_ASSESSED = (
        "report-nothing-assessed",
        "không có cơ quan nào được đánh giá theo bộ chỉ số {rubric}; không có gì để tổng hợp",
        "no agency was assessed under rubric {rubric}; there is nothing to summarise",
    )
    GROUP_EMPTY = (
        "report-group-empty",
        "nhóm {name} không có cơ quan nào được đánh giá; các nhóm có kết quả là {groups}",
        "group {name} has no assessed agency; the groups with results are {groups}",
    )
    SHARE_TOTAL = (
        "report-share-total",
        "tổng để chia phải là số nguyên không âm, không phải {value}",
        "the total to share must be a non-negative integer, not {value}",
    )
    SHARE_COUNT = (
        "report-share-count",
        "số lượng {value} của {key} không phải là số nguyên không âm",
        "count {value} of {key} is not a non-negative integer",
    )
    SHARE_EMPTY = (
        "report-share-empty",
        "không chia được tỷ lệ phần trăm của một nhóm rỗng",
        "cannot share out percentages of an empty group",
    )
    ONLY_SELF = ("report-only-self", "cơ quan chỉ có trong tự đánh giá", "the agency is in the self-assessment only")
    ONLY_APPRAISED = (
        "report-only-appraised",
        "cơ quan chỉ có trong kết quả thẩm định",
        "the agency is in the appraisal only",
    )
    NOT_ASSESSED_SELF = (
        "report-not-assessed-self",
        "cơ quan không được đánh giá trong tự đánh giá: {reason}",
        "the agency was not assessed in the self-assessment: {reason}",
    )
    NOT_ASSESSED_APPRAISED = (
        "report-not-assessed-appraised",
        "cơ quan không được đánh giá trong kết quả thẩm định: {reason}",
        "the agency was not assessed in the appraisal: {reason}",
    )
    NO_SUCH_AGENCY = (
        "report-no-such-agency",
        "không có cơ quan này trong cả hai kết quả",
        "no such agency in either assessment",
    )
    NOT_AN_ASSESSMENT = (
        "report-not-an-assessment",
        "cần một Assessment trong {side}, không phải {kind}",
        "expected an Assessment in the {side}, got {kind}",
    )
    TWICE = ("report-twice", "cơ quan xuất hiện hai lần trong {side}", "the agency appears twice in the {side}")
    SIDE_SELF = ("report-side-self", "tự đánh giá", "self-assessment")
    SIDE_APPRAISED = ("report-side-appraised", "kết quả thẩm định", "appraisal")
    GROUPS_DIFFER = (
        "report-groups-differ",
        "tự đánh giá xếp cơ quan vào nhóm {mine}, kết quả thẩm định xếp vào nhóm {theirs}",
        "the self-assessment puts the agency in group {mine} and the appraisal in group {theirs}",
    )
    PERIOD_LABEL = (
        "report-period-label",
        "mỗi kỳ so sánh cần một nhãn (ví dụ năm của nó)",
        "a period needs a label (for example its year)",
    )
    PERIOD_TWICE = (
        "report-period-twice",
        "cơ quan xuất hiện hai lần trong kỳ {period}",
        "the agency appears twice in period {period}",
    )
    TWO_PERIODS = (
        "report-two-periods",
        "cần ít nhất hai kỳ để so sánh, không phải {count}",
        "a comparison needs at least two periods, got {count}",
    )
    SAME_LABEL = (
        "report-same-label",
        "hai kỳ cùng nhãn {label}; đặt cho mỗi kỳ một nhãn riêng (NHÃN=TỆP trên dòng lệnh, "
        "Period.from_result(result, label=...) trong Python)",
        "two periods are labelled {label}; give each a label of its own "
        "(LABEL=INPUT on the command line, Period.from_result(result, label=...) in Python)",
    )
    OLDEST_FIRST = (
        "report-oldest-first",
        "các kỳ phải theo thứ tự từ cũ đến mới: {later} ({later_year}) đứng sau {earlier} ({earlier_year})",
        "periods must be given oldest first: {later} ({later_year}) comes after {earlier} ({earlier_year})",
    )
    NOT_IN_REGISTRY = ("report-not-in-registry", "{message}", "{message}")
    ID_AND_NAME_DIFFER = (
        "report-id-and-name-differ",
        "mã chỉ {record} nhưng tên {name} là {other} trong danh mục {registry}",
        "the id names {record} but the name {name} is {other} in registry {registry}",
    )
    SAME_AGENCY = (
        "report-same-agency",
        "{first} và {second} là cùng một cơ quan {same} trong danh mục {registry}",
        "{first} and {second} are the same agency {same} in registry {registry}",
    )
    ENDED_BEFORE = (
        "report-ended-before",
        "cơ quan có trong kỳ {period} ({year}) nhưng danh mục {registry} ghi {event}; kiểm tra năm của kỳ hoặc danh mục",
        "the agency is in period {period} ({year}) but registry {registry} records it {event}; "
        "check the period's year or the registry",
    )
    NO_ROW = ("report-no-row", "không có cơ quan {name} trong bảng so sánh", "no agency {name} in the comparison")
    SERIES_EMPTY = (
        "report-series-empty",
        "một chuỗi số liệu cần ít nhất một điểm",
        "a series needs at least one point",
    )
    SERIES_ORDER = (
        "report-series-order",
        "các điểm phải theo năm tăng dần: {later} đứng sau {earlier}",
        "the points must be in increasing years: {later} comes after {earlier}",
    )


class Form(Entry):
    """The words of the forms to fill in (biểu mẫu): instructions, hints, validation messages.

    A form is written in Vietnamese whatever the language of the output (its
    sheets and headers are the contract with its reader,
    :mod:`govindex.formlayout`); the English wording is for those who
    translate it.
    """

    BASIS = ("form-basis", "Căn cứ: {basis}", "Legal basis: {basis}")
    INSTRUCTIONS = ("form-instructions", "HƯỚNG DẪN", "INSTRUCTIONS")
    INVALID = ("form-invalid", "Giá trị không hợp lệ", "Invalid value")
    CHOOSE_YES_NO = ("form-choose-yes-no", "Chọn có hoặc không.", "Choose yes or no.")
    INVALID_POINTS = ("form-invalid-points", "Điểm không hợp lệ", "Invalid points")
    POINTS_RANGE = (
        "form-points-range",
        "Điểm từ 0 đến {maximum}, tối đa {decimals} chữ số thập phân.",
        "Points from 0 to {maximum}, at most {decimals} decimal(s).",
    )
    CHOOSE_ONE = (
        "form-choose-one",
        "Chọn một giá trị trong danh sách: {answers}.",
        "Choose a value of the list: {answers}.",
    )
    HINT_RATIO = (
        "form-hint-ratio",
        "Tỷ lệ: ghi a/b (ví dụ 95/120) hoặc tỷ lệ từ 0 đến 1 (0,79) hoặc phần trăm (79%)",
        "Ratio: write a/b (95/120), a share from 0 to 1 (0.79) or a percentage (79%)",
    )
    HINT_STEPS = ("form-hint-steps", "Số lượng: ghi bằng chữ số (ví dụ 3)", "Count: write it in digits (3)")
    HINT_YES_NO = ("form-hint-yes-no", "Chọn có hoặc không", "Choose yes or no")
    HINT_CHOICE = ("form-hint-choice", "Chọn một giá trị trong danh sách", "Choose a value of the list")
    HINT_OTHER = ("form-hint-other", "Số liệu theo cách tính '{kind}'", "A figure for the measure '{kind}'")
    FORM_1 = (
        "form-form-1",
        "1. Phiếu này dùng để {agency} tự đánh giá theo {rubric} ({basis}).",
        "1. This form is {agency}'s self-assessment under {rubric} ({basis}).",
    )
    FORM_2 = (
        "form-form-2",
        "2. Điền các ô màu trắng của từng tiêu chí thành phần: cột 'Số liệu' với tiêu chí được tính điểm từ số "
        "liệu (tỷ lệ ghi a/b như 95/120 hoặc 0,79; số lượng ghi bằng chữ số; có/không; lựa chọn trong danh "
        "sách), cột 'Điểm tự đánh giá' với các tiêu chí còn lại (từ 0 đến điểm tối đa, dấu phẩy thập phân "
        "như 7,5; tối đa {decimals} chữ số thập phân).",
        "2. Fill in the white cells of each sub-criterion: the 'Số liệu' column for a criterion scored from a "
        "figure (a ratio as a/b such as 95/120 or 0.79; a count in digits; yes/no; a choice of the list), the "
        "'Điểm tự đánh giá' column for the others (from 0 to the maximum, a decimal comma as in 7,5; at most "
        "{decimals} decimal(s)).",
    )
    FORM_4 = (
        "form-form-4",
        "4. Ghi tài liệu kiểm chứng (số, ngày văn bản; đường dẫn) cho từng tiêu chí ở cột 'Tài liệu kiểm "
        "chứng'; ghi chú khác ở cột 'Ghi chú'.",
        "4. Write the evidence (number and date of a document; a link) of each criterion in the 'Tài liệu kiểm "
        "chứng' column; other notes in the 'Ghi chú' column.",
    )
    FORM_5 = (
        "form-form-5",
        "5. Kiểm tra các ô 'Có đơn vị trực thuộc', 'Có dịch vụ công trực tuyến', 'Có thủ tục hành chính', "
        "'Cơ quan đặc thù' ở đầu phiếu.",
        "5. Check the cells 'Có đơn vị trực thuộc', 'Có dịch vụ công trực tuyến', 'Có thủ tục hành chính', "
        "'Cơ quan đặc thù' at the top of the form.",
    )
    FORM_6 = (
        "form-form-6",
        "6. Không sửa cột 'Mã', các dòng tiêu đề và tên trang tính: phần mềm dùng chúng để đọc lại phiếu. "
        "Ô để trống là chưa chấm, không phải 0 điểm.",
        "6. Do not change the 'Mã' column, the header rows or the sheet names: the software reads the form back "
        "by them. An empty cell is not scored, not 0 points.",
    )
    FORM_7 = (
        "form-form-7",
        "7. Kiểm tra phiếu: govindex validate; chấm điểm: govindex score {rubric} <tệp phiếu>.xlsx",
        "7. Check the form: govindex validate; score it: govindex score {rubric} <form>.xlsx",
    )
    COHORT_1 = (
        "form-cohort-1",
        "1. Bảng điểm thẩm định nhóm '{group}' theo {rubric} ({basis}).",
        "1. The appraisal's cohort sheet of the group '{group}' under {rubric} ({basis}).",
    )
    COHORT_2 = (
        "form-cohort-2",
        "2. Mỗi dòng là một cơ quan, đơn vị; mỗi cột là một tiêu chí thành phần, tiêu đề cột ghi điểm tối đa.",
        "2. One row per agency; one column per sub-criterion, its maximum in the header.",
    )
    COHORT_3 = (
        "form-cohort-3",
        "3. Điền điểm thẩm định (từ 0 đến điểm tối đa, dấu phẩy thập phân như 7,5), hoặc số liệu với tiêu chí "
        "được tính điểm từ số liệu (tỷ lệ a/b như 95/120; số lượng; có/không; lựa chọn trong danh sách).",
        "3. Fill in the appraised points (from 0 to the maximum, a decimal comma as in 7,5), or the figure of a "
        "criterion scored from a figure (a ratio a/b such as 95/120; a count; yes/no; a choice of the list).",
    )
    COHORT_4 = (
        "form-cohort-4",
        "4. Không sửa dòng 'Mã tiêu chí', cột 'Mã cơ quan' và các dòng tiêu đề: phần mềm dùng chúng để đọc lại "
        "bảng. Ô để trống là chưa chấm, không phải 0 điểm.",
        "4. Do not change the 'Mã tiêu chí' row, the 'Mã cơ quan' column or the header rows: the software reads "
        "the sheet back by them. An empty cell is not scored, not 0 points.",
    )
    COHORT_5 = (
        "form-cohort-5",
        "5. Chấm điểm: govindex score {rubric} <tệp bảng điểm>.xlsx",
        "5. Score it: govindex score {rubric} <sheet>.xlsx",
    )
    WHAT_AGENCY = ("form-what-agency", "tên cơ quan", "the agency's name")
    WHAT_AGENCY_ID = ("form-what-agency-id", "mã cơ quan", "the agency's id")
    WHAT_TITLE = ("form-what-title", "tên bộ chỉ số", "the rubric's title")
    WHAT_BASIS = ("form-what-basis", "căn cứ của bộ chỉ số", "the rubric's legal basis")
    WHAT_GROUP = ("form-what-group", "tên nhóm", "the group's name")
    WHAT_NODE = ("form-what-node", "tên tiêu chí", "the criterion's name")
    WHAT_ANSWER = ("form-what-answer", "một lựa chọn của tiêu chí", "an answer of the criterion")
