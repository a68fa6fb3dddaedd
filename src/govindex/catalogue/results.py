"""The words of results (kết quả): finding an agency's result, warnings about facts, published figures."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["PublishedText", "ResultText", "Warnings"]


class ResultText(Entry):
    """Asking a result for what it does not hold."""

    TWO_ROWS = ("result-two-rows", "cơ quan có hai dòng trong kết quả", "the agency has two rows in the result")
    NO_COLUMNS = (
        "result-no-columns",
        "kết quả này được dựng từ các dòng, không phải bởi score(): nó không có cột",
        "this result was built from rows, not by score(): it has no columns",
    )
    GROUP_NOT_SCORED = (
        "result-group-not-scored",
        "không có cơ quan nào của nhóm này được chấm điểm",
        "no agency of this group was scored",
    )
    NOT_ASSESSED = (
        "result-not-assessed",
        "cơ quan {agency_id} không được đánh giá: {reason} (quy tắc {rule})",
        "agency {agency_id} was not assessed: {reason} (rule {rule})",
    )
    NO_RESULT_CLOSE = (
        "result-no-agency-close",
        "không có kết quả của cơ quan này; có phải {close}?",
        "no result for this agency; did you mean {close}?",
    )
    NO_RESULT = (
        "result-no-agency",
        "không có kết quả của cơ quan này; các cơ quan là {known}",
        "no result for this agency; the agencies are {known}",
    )


class Warnings(Entry):
    """What is not wrong but deserves a look: facts that change nothing."""

    MORE = ("and-more-agencies", "và {count} cơ quan khác", "and {count} more")
    UNREAD_NO_RULE = (
        "fact-read-by-no-rule",
        "{fact}: {value} (cơ quan {agencies}, nhóm {group_id}) không được quy tắc nào đọc: không quy tắc nào "
        "của bộ tiêu chí đọc thông tin này",
        "{fact}: {value} (agencies {agencies}, group {group_id}) is read by no rule: no rule of the rubric reads it",
    )
    UNREAD_UNTAGGED = (
        "fact-read-nowhere-untagged",
        "{fact}: {value} (cơ quan {agencies}, nhóm {group_id}) không được quy tắc nào đọc: không tiêu chí nào "
        "của nhóm {group_id} gắn nhãn {tags}, nên {rules} không tác động được",
        "{fact}: {value} (agencies {agencies}, group {group_id}) is read by no rule: no node of group "
        "{group_id} is tagged {tags}, so {rules} cannot act on it",
    )
    UNREAD_NOT_ACTED = (
        "fact-read-nowhere",
        "{fact}: {value} (cơ quan {agencies}, nhóm {group_id}) không được quy tắc nào đọc: không tiêu chí nào "
        "của nhóm {group_id} là tiêu chí mà {rules} tác động, nên quy tắc không tác động được",
        "{fact}: {value} (agencies {agencies}, group {group_id}) is read by no rule: no node of group "
        "{group_id} is one {rules} acts on, so it cannot act on it",
    )
    UNCHANGED = (
        "rule-changed-nothing",
        "quy tắc {rule} đọc {facts} của cơ quan {agency_id} nhưng không làm thay đổi điểm nào của cơ quan này",
        "rule {rule} reads {facts} of agency {agency_id} but changed none of its scores",
    )
    RULE_FILES_NOT_RUN = (
        "rule-files-not-run",
        "bộ tiêu chí ghi tệp quy tắc {files}, tệp này không được chạy (cho phép bằng --trust-rules hoặc --rules "
        "{files})",
        "the rubric names the rules file {files}, which was not run (allow it with --trust-rules or --rules {files})",
    )


class PublishedText(Entry):
    """Published datasets and figures (kết quả đã công bố) that cannot be checked as given."""

    ROUNDING_DECIMALS = (
        "published-rounding-decimals",
        "published_rounding: {what} phải là số nguyên từ 0 đến 12, không phải {value}",
        "published_rounding: {what} must be a whole number from 0 to 12, not {value}",
    )
    KNOWN_ERROR_FIGURE = (
        "known-error-figure",
        "một lỗi đã biết ghi số liệu {figure}; các số liệu là {known}",
        "a known error names figure {figure}; the figures are {known}",
    )
    KNOWN_ERROR_ITEMS = (
        "known-error-items",
        "một lỗi đã biết về {figure} phải cho giá trị đã công bố và giá trị đúng của cùng các mục (đã công bố: "
        "{published}; đúng: {correct})",
        "a known error on {figure} must give the published and the correct value of the same items (published: "
        "{published}; correct: {correct})",
    )
    KNOWN_ERROR_SAME = (
        "known-error-same",
        "một lỗi đã biết về {figure} cho cùng giá trị đã công bố và giá trị đúng của {items}: đó không phải lỗi",
        "a known error on {figure} gives the same published and correct value for {items}: that is no error",
    )
    DATASET_VALUES = (
        "dataset-values",
        "bộ số liệu {dataset}: values phải là {first} hoặc {second}, không phải {value}",
        "dataset {dataset}: values must be {first} or {second}, not {value}",
    )
    DATASET_ROUNDED = (
        "dataset-rounded-figures",
        "bộ số liệu {dataset}: published_rounding ghi {figures}; các số liệu có thể ghi cách làm tròn là {known}",
        "dataset {dataset}: published_rounding names {figures}; the figures whose rounding can be stated are {known}",
    )
    DATASET_TWICE = (
        "dataset-agency-twice",
        "cơ quan được liệt kê hai lần trong bộ số liệu",
        "the agency is listed twice in the dataset",
    )
    DATASET_RUBRIC = (
        "published-dataset-rubric",
        "bộ số liệu {dataset} được công bố theo bộ tiêu chí {published}, không phải {rubric}",
        "dataset {dataset} is published under rubric {published}, not {rubric}",
    )
    BAND_WITHOUT_BANDS = (
        "published-band-without-bands",
        "mức xếp loại {band} được công bố nhưng bộ tiêu chí {rubric} không có xếp loại",
        "a band {band} is published but rubric {rubric} has no bands",
    )
    RANK_UNKNOWN_NODE = (
        "published-rank-unknown-node",
        "thứ hạng được công bố cho tiêu chí {node_id}, mà nhóm {group_id} của bộ tiêu chí {rubric} không có",
        "a rank is published for node {node_id}, which group {group_id} of rubric {rubric} does not have",
    )
    SUMMARY_EMPTY_GROUP = (
        "published-summary-empty-group",
        "có số liệu tổng hợp được công bố cho nhóm {group_id} nhưng không cơ quan nào của nhóm được chấm điểm",
        "a summary is published for group {group_id} but no agency of it is scored",
    )
    LEADER_UNKNOWN = (
        "published-leader-unknown",
        "cơ quan dẫn đầu {leader} của nhóm {group_id} không phải cơ quan của bộ số liệu trong nhóm đó",
        "the leader {leader} of group {group_id} is not an agency of the dataset in that group",
    )
    SHARE_UNKNOWN_BAND = (
        "published-share-unknown-band",
        "có tỷ lệ được công bố cho mức {band}; các mức của bộ tiêu chí {rubric} là {known}",
        "a share is published for band {band}; the bands of rubric {rubric} are {known}",
    )
    NOT_EXACT = (
        "published-not-exact",
        "giá trị {what} phải chính xác (Decimal hoặc số nguyên), không phải {value}",
        "the {what} value must be exact (a Decimal or an int), not {value}",
    )
    NOT_FINITE = (
        "published-not-finite",
        "giá trị {what} {value} không phải số hữu hạn",
        "the {what} value {value} is not a finite number",
    )
    NEGATIVE_BOUND = (
        "published-negative-bound",
        "giới hạn làm tròn không thể âm ({value})",
        "a rounding bound cannot be negative ({value})",
    )
    DECIMALS = (
        "published-decimals",
        "số chữ số thập phân phải là số nguyên từ 0, không phải {value}",
        "a number of decimals must be a whole number from 0, not {value}",
    )
    MAXIMUM = (
        "published-maximum",
        "điểm tối đa phải là số dương, không phải {value}",
        "the maximum must be positive, not {value}",
    )
    NOT_FIGURE = (
        "published-not-figure",
        "cần một PublishedFigure, không phải {kind}",
        "expected a PublishedFigure, got {kind}",
    )
    FIGURE_TWICE = (
        "published-figure-twice",
        "bảng đã công bố có cơ quan này hai lần",
        "the published table has the agency twice",
    )
    RECOMPUTED = ("word-recomputed", "tính lại", "recomputed")
    PUBLISHED = ("word-published", "đã công bố", "published")
    MAXIMUM_WORD = ("word-maximum", "điểm tối đa", "maximum")
    BOUND = ("word-bound", "giới hạn làm tròn", "bound")
    WEIGHT = ("word-weight", "trọng số", "weight")
