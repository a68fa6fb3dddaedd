"""Problems found while reading score tables, forms and assessment files: headers, rows and cells."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Reading"]


class Reading(Entry):
    """What is wrong with a header, a row or a cell of a score table (bảng điểm)."""

    # -- the header row --------------------------------------------------------------------------------------------
    NO_HEADER = (
        "no-header-row",
        "không dòng nào ghi cột cơ quan; dòng tiêu đề cần một cột {headers}",
        "no row names the agency column; the header row needs a column {headers}",
    )
    COLUMN_WITHOUT_NAME = (
        "column-without-name",
        "một cột không có tên trong dòng tiêu đề",
        "a column has no name in the header",
    )
    COLUMN_TWICE = (
        "column-twice",
        "cột {name} xuất hiện hai lần trong dòng tiêu đề (lần đầu ở cột {first})",
        "column {name} appears twice in the header (first in column {first})",
    )
    COLUMN_SAME_AS = (
        "column-same-as",
        "cột {name} chỉ cùng một cột với {other} (cột {first})",
        "column {name} names the same column as {other} (column {first})",
    )
    TWO_NAME_COLUMNS = (
        "two-name-columns",
        "cột {name} và cột {first} cùng ghi tên cơ quan",
        "column {name} and column {first} both give the agency's name",
    )
    NO_GROUP_COLUMN = (
        "no-group-column",
        "dòng tiêu đề không có cột nhóm (group, Khối hoặc Nhóm), mà bộ tiêu chí {rubric} có nhiều nhóm ({groups})",
        "the header has no 'group' column (group, Khối or Nhóm), and rubric {rubric} has several groups ({groups})",
    )
    UNKNOWN_COLUMN = (
        "unknown-column",
        "cột {name} không phải tiêu chí nào của bộ tiêu chí {rubric} ({known}); một cột ghi tiêu chí bằng mã hoặc "
        "tên; các cột khác là agency, group, name, STT và các thông tin của cơ quan; để bỏ qua một cột, dùng "
        "--ignore-column",
        "unknown node {name} in the header; rubric {rubric} has {known} (a column names a node by its id or its "
        "name; other columns are agency, group, name, STT and the agency's facts; to leave a column unread, name "
        "it with --ignore-column)",
    )
    AMBIGUOUS_COLUMN = (
        "ambiguous-column",
        "cột {name} có thể là tiêu chí nào trong {candidates}; hãy ghi bằng mã",
        "column {name} could be any of the nodes {candidates}; name it by its id",
    )
    HEADER_MAXIMUM = (
        "header-maximum",
        "cột {name} ghi điểm tối đa {maximum}, nhưng {what} có điểm tối đa {expected} trong bộ tiêu chí {rubric}",
        "column {name} gives the maximum {maximum}, but {what} has the maximum {expected} in rubric {rubric}",
    )
    THE_TOTAL = ("the-total", "tổng điểm", "the total")
    THE_NODE = ("the-node", "tiêu chí {criterion}", "node {criterion}")
    LONG_FORM_COLUMN = (
        "long-form-column",
        "cột {name} thuộc dạng dọc (agency,group,node,score)",
        "column {name} belongs to the long form (agency,group,node,score)",
    )
    CANNOT_IGNORE = (
        "cannot-ignore-column",
        "không thể bỏ qua cột {name}: bộ đọc cần cột này ({why})",
        "column {name} cannot be left unread: the reader needs it ({why})",
    )
    WHY_AGENCY = ("why-agency", "nó cho biết cơ quan của mỗi dòng", "it says whose row it is")
    WHY_GROUP = ("why-group", "nó cho biết nhóm của mỗi cơ quan", "it gives each agency's group")
    WHY_LONG = ("why-long", "dạng dọc ghi tiêu chí và điểm ở đó", "the long form gives the node and score there")
    # -- rows and cells --------------------------------------------------------------------------------------------
    ROW_WIDTH = (
        "row-width",
        "dòng có {cells} ô nhưng dòng tiêu đề có {width}",
        "the row has {cells} cells but the header has {width}",
    )
    ROW_TOO_WIDE = (
        "row-too-wide",
        "dòng có {cells} ô nhưng dòng tiêu đề có {width}; trong tệp phân cách bằng dấu phẩy, số có dấu phẩy thập "
        "phân phải đặt trong ngoặc kép (\"9,0\"), hoặc phân cách bằng dấu ';'",
        "the row has {cells} cells but the header has {width}; a decimal comma in a comma-separated file must be "
        "quoted (\"9,0\"), or separate with ';'",
    )
    AGENCY_EMPTY = ("agency-empty", "ô cơ quan để trống", "the agency cell is empty")
    AGENCY_TWICE = (
        "agency-twice",
        "cơ quan xuất hiện hai lần (lần đầu ở dòng {first})",
        "the agency appears twice (first on line {first})",
    )
    AGENCY_TWICE_AT = (
        "agency-twice-at",
        "cơ quan xuất hiện hai lần (lần đầu ở {first})",
        "the agency appears twice (first at {first})",
    )
    AGENCY_IN_TWO_FILES = (
        "agency-in-two-files",
        "cơ quan có trong hai tệp: {first} và {second}; điểm của mỗi cơ quan lấy từ một tệp",
        "the agency is in two files: {first} and {second}; each agency's scores come from one file",
    )
    NAME_WITHOUT_LETTERS = (
        "name-without-letters",
        "tên cơ quan {name} không có chữ hay số",
        "the agency name {name} has no letters or digits",
    )
    NAME_NOT_IN_REGISTRY = (
        "name-not-in-registry",
        "tên cơ quan {name} không có trong danh mục {registry}; gần nhất là {closest} ({id}): hãy ghi tên như "
        "danh mục ghi",
        "the agency name {name} is not in registry {registry}; the closest is {closest} ({id}): write its name "
        "as the registry does",
    )
    UNKNOWN_GROUP = (
        "unknown-group-cell",
        "nhóm {given} không có trong bộ tiêu chí {rubric}; các nhóm là {groups}",
        "unknown group {given} in rubric {rubric}; the groups are {groups}",
    )
    GROUP_EMPTY = ("group-empty", "ô nhóm để trống", "the group cell is empty")
    NOT_YES_NO = (
        "not-yes-no",
        "{text} không phải có/không; hãy ghi có hoặc không (true hoặc false)",
        "{text} is not a yes/no value; write true or false (có or không)",
    )
    NOT_A_SOURCE = (
        "not-a-source",
        "{text} không phải nguồn; hãy ghi tự đánh giá (self) hoặc thẩm định (appraised)",
        "{text} is not a source; write self (tự đánh giá) or appraised (thẩm định)",
    )
    BAD_TEXT = (
        "bad-text",
        "văn bản {text} chứa ký tự {char} không dùng được (ký tự điều khiển, ký tự thay thế đơn lẻ hoặc không "
        "phải ký tự)",
        "the text {text} holds the character {char}, which is not usable (a control character, a lone surrogate "
        "or a noncharacter)",
    )
    NOT_APPLICABLE_NOT_SPECIAL = (
        "not-applicable-not-special",
        "cột không áp dụng ghi tiêu chí nhưng cơ quan không được đánh dấu đặc thù",
        "not_applicable lists criteria but the agency is not marked special (đặc thù)",
    )
    # -- the long form -----------------------------------------------------------------------------------------------
    NODE_EMPTY = ("node-empty", "ô tiêu chí để trống", "the node cell is empty")
    UNKNOWN_NODE = (
        "unknown-node-cell",
        "tiêu chí {criterion} không có trong nhóm {in_group}; các tiêu chí là {known}",
        "unknown node {criterion} for group {in_group}; the nodes are {known}",
    )
    SCORE_TWICE = (
        "score-twice",
        "điểm được ghi hai lần (lần đầu ở dòng {first})",
        "the score is given twice (first on line {first})",
    )
    FACT_DIFFERS = (
        "fact-differs",
        "{name} {given} khác với {first} đã ghi ở dòng {first_line}",
        "{name} {given} differs from {first} given on line {first_line}",
    )
    NO_GROUP_GIVEN = ("no-group-given", "không dòng nào ghi nhóm của cơ quan", "no row gives the agency's group")
    # -- numbers -----------------------------------------------------------------------------------------------------
    NOT_A_NUMBER = (
        "not-a-number",
        "{text} không phải là số điểm",
        "{text} is not a number of points",
    )
    FOREIGN_DIGITS = (
        "foreign-digits",
        "{text} có chữ số không phải 0-9 (toàn độ rộng hoặc chữ viết khác); hãy gõ số bằng 0-9",
        "{text} has digits that are not 0-9 (fullwidth or another script); type the number with 0-9",
    )
    PLUS_SIGN = (
        "plus-sign",
        "{text} bắt đầu bằng '+'; hãy viết số không có dấu",
        "{text} starts with '+'; write the number without a sign",
    )
    LEADING_SEPARATOR = (
        "leading-separator",
        "{text} bắt đầu bằng dấu thập phân; hãy viết một chữ số trước nó (0,5 chứ không phải ,5)",
        "{text} starts with a decimal separator; write a digit before it (0.5, not .5)",
    )
    EXPONENT = (
        "exponent",
        "{text} có số mũ; hãy viết số bằng chữ số thường (1000, không phải 1e3)",
        "{text} has an exponent; write the number in plain digits (1000, not 1e3)",
    )
    TRAILING_SEPARATOR = (
        "trailing-separator",
        "{text} kết thúc bằng dấu thập phân; hãy viết phần thập phân hoặc bỏ dấu",
        "{text} ends with a decimal separator; write the decimals or leave the separator out",
    )
    SEPARATORS = (
        "several-separators",
        "{text} có nhiều hơn một dấu phân cách; hãy viết một dấu thập phân và không dùng dấu phân cách hàng nghìn",
        "{text} has more than one separator; write one decimal separator and no thousands separator",
    )
    AMBIGUOUS_NUMBER = (
        "ambiguous-number",
        "{text} không rõ nghĩa: dấu phân cách hàng nghìn ({grouped}) hay phần thập phân ({plain})? Bộ tiêu chí có "
        "{decimals} chữ số thập phân; hãy viết số bằng chữ số thường, tối đa {decimals} chữ số thập phân",
        "{text} is ambiguous: a thousands separator ({grouped}), or decimals ({plain})? The rubric has {decimals} "
        "decimal(s); write the number in plain digits, with at most {decimals} decimal(s)",
    )
    MIXED_SEPARATORS = (
        "mixed-separators",
        "{text} dùng dấu thập phân {separator}, nhưng {example} ở {place} dùng {other}; một tệp viết mọi số với "
        "cùng một dấu thập phân",
        "{text} has the decimal separator {separator}, but {example} at {place} has {other}; a file writes all "
        "its numbers with one decimal separator",
    )
    AT_LINE = ("at-line", "dòng {line}, cột {at_column}", "line {line}, column {at_column}")
    FILE_LINE = ("file-line", "{where} (dòng {at_line})", "{where} (line {at_line})")
    AT_CELL = ("at-cell", "ô {cell}", "cell {cell}")
    NEGATIVE = ("score-negative", "điểm {value} là số âm", "score {value} is negative")
    ABOVE_MAXIMUM = (
        "score-above-maximum",
        "điểm {value} vượt điểm tối đa {maximum}",
        "score {value} is above the maximum {maximum}",
    )
    TOO_PRECISE = (
        "score-too-precise",
        "điểm {value} có nhiều chữ số thập phân hơn {decimals} của bộ tiêu chí",
        "score {value} has more decimals than the rubric's {decimals}",
    )
    COLUMN_MAXIMUM_FOR_GROUP = (
        "column-maximum-for-group",
        "cột ghi điểm tối đa {declared}, nhưng điểm tối đa của tiêu chí trong nhóm {in_group} là {maximum}",
        "the column gives the maximum {declared}, but the node's maximum for group {in_group} is {maximum}",
    )
    TOTAL_DISAGREES = (
        "total-disagrees",
        "điểm ghi cho tiêu chí này ({value}) khác tổng các tiêu chí con ({parts} = {computed})",
        "the score given for this node ({value}) disagrees with the sum of its sub-criteria ({parts} = {computed})",
    )
    MISSING_SCORE = (
        "missing-score",
        "thiếu điểm (ô trống nghĩa là 'chưa cho điểm', không phải 0)",
        "no score (an empty cell is 'not given', not 0)",
    )
    MISSING_NODES = (
        "missing-nodes",
        "thiếu điểm của {nodes} (ô trống nghĩa là 'chưa cho điểm', không phải 0)",
        "no score for {nodes} (an empty cell is 'not given', not 0)",
    )
    EMPTY_ROW = (
        "row-without-scores",
        "dòng của cơ quan không có điểm nào; hãy điền điểm, hoặc chấm với --blank-rows not-assessed để ghi cơ quan "
        "là chưa đánh giá",
        "the agency's row has no score; fill it in, or score with --blank-rows not-assessed to report the agency "
        "as not assessed",
    )
    NOT_ASSESSED_BLANK = (
        "not-assessed-blank-row",
        "dòng trong bảng điểm để trống",
        "its row in the score table is blank",
    )
    BLANK_ROWS = (
        "blank-rows-option",
        "blank_rows phải là {known}, không phải {value}",
        "blank_rows must be {known}, not {value}",
    )
    POSITIVE = (
        "positive-limit",
        "{name} phải là số nguyên dương, không phải {value}",
        "{name} must be a positive whole number, not {value}",
    )
    # -- forms -------------------------------------------------------------------------------------------------------
    FORM_RUBRIC = (
        "form-for-other-rubric",
        "biểu mẫu dành cho bộ tiêu chí {given}, không phải {expected}",
        "the form is for rubric {given}, not {expected}",
    )
    FORM_NO_AGENCY = (
        "form-no-agency",
        "biểu mẫu không có mã cơ quan (Mã cơ quan)",
        "the form has no agency id (Mã cơ quan)",
    )
    FORM_NOT_YES_NO = (
        "form-not-yes-no",
        "{text} không phải câu trả lời có/không; hãy ghi có hoặc không",
        "{text} is not a yes/no answer; write có or không",
    )
    FORM_NO_NODE_ID = ("form-row-without-node", "dòng không có mã tiêu chí (Mã)", "the row has no node id (Mã)")
    FORM_NODE_TWICE = (
        "form-node-twice",
        "tiêu chí xuất hiện hai lần (lần đầu ở dòng {first})",
        "the node appears twice (first on row {first})",
    )
    FORM_MAXIMUM = (
        "form-maximum",
        "điểm tối đa {given} khác điểm tối đa {expected} của bộ tiêu chí; biểu mẫu có thuộc phiên bản khác của bộ "
        "tiêu chí không?",
        "the maximum {given} differs from the rubric's {expected}; is the form from another version of the rubric?",
    )
    FORM_POINTS_DIFFER = (
        "form-points-differ",
        "điểm {given} khác {points} mà số liệu {figure} cho ({formula})",
        "the points {given} differ from the {points} that the figure {figure} gives ({formula})",
    )
    FORM_FIGURE_EXPECTED = (
        "form-figure-expected",
        "tiêu chí này được chấm từ số liệu: hãy điền 'Số liệu', không điền điểm",
        "this criterion is scored from its figure: fill in 'Số liệu', not the points",
    )
    FORM_POINTS_EXPECTED = (
        "form-points-expected",
        "tiêu chí này không chấm từ số liệu: hãy cho điểm, không điền 'Số liệu'",
        "this criterion has no scoring from a figure: give its points, not 'Số liệu'",
    )
    FORM_IDS_ROW = (
        "form-ids-row",
        "dòng dưới dòng tiêu đề phải là dòng {label}",
        "the row under the header must be the {label} row",
    )
    FORM_UNKNOWN_LEAF = (
        "form-unknown-leaf",
        "tiêu chí thành phần {criterion} không có trong nhóm {in_group}",
        "unknown leaf {criterion} for group {in_group}",
    )
    FORM_HEADER_MISMATCH = (
        "form-header-mismatch",
        "tiêu đề {given} không khớp với {expected} của bộ tiêu chí",
        "the header {given} does not match the rubric's {expected}",
    )
    FORM_SCORES_WITHOUT_AGENCY = (
        "form-scores-without-agency",
        "dòng có điểm nhưng không có mã cơ quan (Mã cơ quan)",
        "the row has scores but no agency id (Mã cơ quan)",
    )
    FORM_AGENCY_TWICE = (
        "form-agency-twice",
        "cơ quan xuất hiện hai lần (lần đầu ở dòng {first})",
        "the agency appears twice (first on row {first})",
    )
    NOT_A_FORM = (
        "not-a-form",
        "sổ tính không phải biểu mẫu của govindex template (không có trang {form} hay {cohort})",
        "the workbook is not a form from govindex template (it has no sheet {form} or {cohort})",
    )
    FORM_NO_HEADER = (
        "form-no-header",
        "trang tính không có dòng tiêu đề {header} (đã bị sửa?)",
        "the sheet has no header row {header} (was it edited?)",
    )
    # -- published tables ----------------------------------------------------------------------------------------
    PUBLISHED_COLUMN = (
        "published-table-column",
        "cột {name} không có trong bảng kết quả công bố; các cột là {known}",
        "unknown column {name} in a published table; the columns are {known}",
    )
    PUBLISHED_COLUMN_TWICE = ("published-column-twice", "cột {name} xuất hiện hai lần", "column {name} appears twice")
    PUBLISHED_NEEDS = (
        "published-table-needs",
        "bảng kết quả công bố cần một cột {name}",
        "a published table needs a {name} column",
    )
    PUBLISHED_NEGATIVE = (
        "published-negative",
        "giá trị công bố {value} là số âm",
        "published value {value} is negative",
    )
    BAD_RANK = (
        "rank-not-whole",
        "thứ hạng {rank} không phải số nguyên từ 1",
        "rank {rank} is not a whole number from 1",
    )
    # -- writing tables ----------------------------------------------------------------------------------------------
    UNKNOWN_FORM = (
        "unknown-table-form",
        "không có dạng bảng {form}; dùng wide hoặc long",
        "unknown table form {form}; use wide or long",
    )
    CANNOT_HOLD_ATTRIBUTES = (
        "table-cannot-hold-attributes",
        "bảng điểm không chứa được các thuộc tính {attributes} của cơ quan; hãy ghi tệp đánh giá (YAML hoặc JSON) "
        "để giữ chúng",
        "a score table cannot hold the agency attributes {attributes}; write an assessment file (YAML or JSON) "
        "to keep them",
    )
    CANNOT_HOLD_EVIDENCE = (
        "wide-table-cannot-hold-evidence",
        "bảng điểm dạng ngang không chứa được tài liệu kiểm chứng; hãy ghi dạng dọc, mỗi dòng một điểm cùng tài "
        "liệu kiểm chứng, hoặc tệp đánh giá",
        "the wide form of a score table cannot hold evidence (tài liệu kiểm chứng); write the long form, one "
        "score per row with its evidence, or an assessment file",
    )
    CANNOT_HOLD_CONTROL = (
        "table-cannot-hold-control",
        "văn bản {text} chứa ký tự điều khiển hoặc ký tự không dùng được, mà bảng điểm không chứa được",
        "the text {text} holds a control character or an unusable character, which a score table cannot hold",
    )
    CANNOT_HOLD_SPACES = (
        "table-cannot-hold-spaces",
        "văn bản {text} bắt đầu hoặc kết thúc bằng khoảng trắng, mà bảng điểm không giữ; hãy bỏ nó, hoặc ghi tệp "
        "đánh giá (YAML hoặc JSON)",
        "the text {text} begins or ends with white space, which a score table does not keep; remove it, or write "
        "an assessment file (YAML or JSON)",
    )
    # -- validate ----------------------------------------------------------------------------------------------------
    KIND_RUBRIC = ("kind-rubric", "bộ tiêu chí", "rubric")
    KIND_ASSESSMENT = ("kind-assessment", "tệp đánh giá", "assessment file")
    KIND_SCORES = ("kind-scores", "bảng điểm", "score table")
    KIND_FORM = ("kind-form", "biểu mẫu của govindex template", "form from govindex template")
    KIND_RESULT = ("kind-result", "tệp kết quả", "result file")
    KIND_UNKNOWN = ("kind-unknown", "không rõ loại tệp", "unknown")
    AGENCIES_COUNT = ("agencies-count", "{count} cơ quan", "{count} agencies")
    CHECKED_AGAINST = ("checked-against", "đã kiểm tra theo {rubric}", "checked against {rubric}")
    NOT_CHECKED = ("not-checked", "chưa kiểm tra theo bộ tiêu chí nào", "not checked against a rubric")
    STATE_OK = ("state-ok", "không có lỗi", "ok")
    STATE_PROBLEMS = ("state-problems", "{count} lỗi", "{count} problem(s)")
    PROBLEMS_FOUND = ("problems-found", "Tìm thấy {count} lỗi.", "{count} problem(s) found.")
    MORE_PROBLEMS = (
        "more-problems",
        "{where}: và {count} lỗi khác (--max-problems để xem thêm)",
        "{where}: and {count} more problem(s) (--max-problems shows more)",
    )
