"""The words of rubrics (bộ tiêu chí): a tree, its bands, views and publication scale that cannot be."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["BandLabel", "BandText", "Bounds", "RubricFiles", "RubricText", "ViewText"]


class RubricFiles(Entry):
    """Rubric files and the bundled rubrics."""

    CANNOT_READ = ("rubric-file-unreadable", "không đọc được bộ tiêu chí: {error}", "cannot read the rubric: {error}")
    NOT_UTF8 = (
        "rubric-file-not-utf8",
        "không phải văn bản UTF-8 (byte {position})",
        "not UTF-8 text (byte {position})",
    )
    NOT_A_MAPPING = (
        "rubric-file-not-a-mapping",
        "tệp bộ tiêu chí phải chứa một ánh xạ (id: ..., groups: ...) ở cấp ngoài cùng",
        "a rubric file must hold a mapping (id: ..., groups: ...) at its top",
    )
    UNKNOWN = (
        "rubric-unknown-bundled",
        "không có bộ tiêu chí {name}; các bộ tiêu chí kèm theo là {known}",
        "unknown rubric {name}; the bundled rubrics are {known}",
    )
    MISSING = (
        "rubrics-missing",
        "bản cài đặt govindex này thiếu các bộ tiêu chí kèm theo",
        "the bundled rubrics are missing from this installation of govindex",
    )


class Bounds(Entry):
    """Why a value a rubric states is out of bounds (a maximum, a band bound, a scale)."""

    NOT_FINITE = ("bounds-not-finite", "phải là một số hữu hạn", "must be a finite number")
    TOO_LARGE = ("bounds-too-large", "không được vượt quá 1000000000000", "must be at most 1000000000000")
    TOO_PRECISE = ("bounds-too-precise", "có hơn 12 chữ số thập phân", "has more than 12 decimals")


class RubricText(Entry):
    """A rubric, a node or a group that cannot be built."""

    RUBRIC = ("word-rubric", "bộ tiêu chí", "rubric")
    NODE = ("word-node", "tiêu chí", "node")
    GROUP = ("word-group", "nhóm", "group")
    VIEW = ("word-view", "chỉ số gộp", "view")
    BAD_ID = (
        "rubric-bad-id",
        "mã {kind} {value} phải bắt đầu bằng chữ cái hoặc chữ số và chỉ gồm chữ cái, chữ số, '_', '.', '-'",
        "{kind} id {value} must start with a letter or digit and contain only letters, digits, '_', '.', '-'",
    )
    RESERVED_ID = (
        "rubric-reserved-id",
        "mã tiêu chí {value} được dành cho tên cột của bảng điểm ({reserved})",
        "node id {value} is reserved for score-file columns ({reserved})",
    )
    BASIS_YEAR = (
        "legal-basis-year",
        "quyết định {decision}: năm {year} không khớp với ngày ban hành {date}",
        "decision {decision}: year {year} does not match its date {date}",
    )
    YEAR = (
        "rubric-year",
        "bộ tiêu chí {rubric}: năm phải là số nguyên từ 1 đến 9999, không phải {value}",
        "rubric {rubric}: the year must be a whole number from 1 to 9999, not {value}",
    )
    MAX_POINTS = (
        "node-max-points",
        "điểm tối đa phải là một số điểm hữu hạn, không âm (Decimal, số nguyên hoặc văn bản như '2,5'), "
        "không phải {value}",
        "max_points must be a finite, non-negative number of points (a Decimal, an int or text such as '2.5'), "
        "not {value}",
    )
    MAX_POINTS_BOUNDS = ("node-max-points-bounds", "điểm tối đa {value} {problem}", "max_points {value} {problem}")
    MEASURE_NOT_LEAF = (
        "node-measure-not-leaf",
        "cách tính điểm chỉ dành cho tiêu chí thành phần (không có tiêu chí con); tiêu chí này có tiêu chí con",
        "a measure belongs to a scored leaf (tiêu chí thành phần); this node has children",
    )
    CHILD_TWICE = ("node-child-twice", "tiêu chí con {child} xuất hiện hai lần", "child {child} appears twice")
    SUM = (
        "node-max-points-sum",
        "điểm tối đa {value} khác tổng điểm tối đa của các tiêu chí con ({parts} = {total})",
        "max_points {value} is not the sum of its children's maxima ({parts} = {total})",
    )
    NODE_TWICE = (
        "group-node-twice",
        "mã tiêu chí {node_id} được dùng hai lần trong cây",
        "node id {node_id} is used twice in the tree",
    )
    MEAN_DECIMALS = (
        "appendix-mean-decimals",
        "phụ lục: mean_decimals phải là số nguyên từ 0 đến 12, không phải {value}",
        "appendix: mean_decimals must be an integer from 0 to 12, not {value}",
    )
    FIRST_TABLE = (
        "appendix-first-table",
        "phụ lục: first_table phải là số nguyên dương, không phải {value}",
        "appendix: first_table must be a positive integer, not {value}",
    )
    CAPTION_GROUP = (
        "appendix-caption-group",
        "phụ lục: một chú thích ghi nhóm không có {group_id}; các nhóm là {groups}",
        "appendix: a caption names the unknown group {group_id}; the groups are {groups}",
    )
    CAPTION_NODE = (
        "appendix-caption-node",
        "phụ lục: một chú thích ghi tiêu chí không có {node_id}",
        "appendix: a caption names the unknown node {node_id}",
    )
    TIE_POLICY = (
        "rubric-tie-policy",
        "cách xếp hạng đồng hạng không có {value}; dùng một trong {known}",
        "unknown tie policy {value}; use one of {known}",
    )
    NO_GROUP = ("rubric-no-group", "bộ tiêu chí {rubric} không có nhóm nào", "rubric {rubric} has no agency group")
    DECIMALS = (
        "rubric-decimals",
        "bộ tiêu chí {rubric}: số chữ số thập phân phải là số nguyên từ 0 đến {limit}, không phải {value}",
        "rubric {rubric}: decimals must be an integer from 0 to {limit}, not {value}",
    )
    NOT_OF_TYPE = (
        "rubric-field-type",
        "bộ tiêu chí {rubric}: {field} phải là {expected}, không phải {value}",
        "rubric {rubric}: {field} must be {expected}, not {value}",
    )
    BAND_FLOOR = (
        "rubric-band-floor",
        "bộ tiêu chí {rubric}: mức thấp nhất {band} bắt đầu từ {lower}, nên điểm trong [0, {lower}) không thuộc "
        "mức nào",
        "rubric {rubric}: the lowest band {band} starts at {lower}, so scores in [0, {lower}) would fall in no band",
    )
    GROUP_TWICE = (
        "rubric-group-twice",
        "nhóm {group_id} xuất hiện hai lần trong bộ tiêu chí {rubric}",
        "group {group_id} appears twice in rubric {rubric}",
    )
    NODE_DECIMALS = (
        "node-decimals",
        "điểm tối đa {value} có nhiều chữ số thập phân hơn bộ tiêu chí ({decimals})",
        "max_points {value} has more decimals than the rubric's {decimals}",
    )
    RULE_FILE = (
        "rubric-rule-file",
        "rule_files: {value} không phải đường dẫn của một tệp quy tắc; ghi đường dẫn tương đối tới một tệp .py "
        "nằm trong thư mục của bộ tiêu chí, không có ký tự điều khiển, không có '..', không phải đường dẫn tuyệt "
        "đối",
        "rule_files: {value} is not the path of a rules file; name a .py file inside the rubric's folder by a "
        "relative path, without control characters, without '..', not an absolute path",
    )
    RULE_FILE_TWICE = (
        "rubric-rule-file-twice",
        "rule_files: {value} được ghi hai lần",
        "rule_files: {value} is listed twice",
    )
    UNKNOWN_VIEW = (
        "rubric-unknown-view",
        "bộ tiêu chí {rubric} không có chỉ số gộp {view}; các chỉ số gộp là {known}",
        "unknown view {view} in rubric {rubric}; the views are {known}",
    )
    UNKNOWN_GROUP = (
        "rubric-unknown-group",
        "bộ tiêu chí {rubric} không có nhóm {group_id}; các nhóm là {known}",
        "unknown group {group_id} in rubric {rubric}; the groups are {known}",
    )
    UNKNOWN_NODE = (
        "rubric-unknown-node",
        "nhóm {group_id} của bộ tiêu chí {rubric} không có tiêu chí {node_id}",
        "unknown node {node_id} in group {group_id} of rubric {rubric}",
    )
    GROUP_UNKNOWN_NODE = (
        "group-unknown-node",
        "nhóm {group_id} không có tiêu chí {node_id}",
        "group {group_id} has no node {node_id}",
    )
    RULE_NAME = (
        "rule-ref-name",
        "tên quy tắc phải là văn bản không rỗng, không phải {value}",
        "a rule's name must be non-empty text, not {value}",
    )
    NONE = ("word-none", "không có", "none")
    EXPECT_BANDS = ("expect-band-scheme", "một BandScheme", "a BandScheme")
    EXPECT_GROUP = ("expect-group", "các đối tượng Group", "Group objects")
    EXPECT_APPENDIX = ("expect-appendix", "một AppendixLayout", "an AppendixLayout")
    EXPECT_PUBLICATION = ("expect-publication", "một Publication", "a Publication")
    EXPECT_VIEW = ("expect-view", "các đối tượng View", "View objects")
    EXPECT_RULE_REF = ("expect-rule-ref", "các đối tượng RuleRef", "RuleRef objects")


class ViewText(Entry):
    """Publication scales and views (thang công bố, chỉ số gộp) that cannot be."""

    SCALE = (
        "publication-scale",
        "thang công bố: scale phải là một số dương (1, 100), không quá 10^12 và tối đa 12 chữ số thập phân, "
        "không phải {value}",
        "publication: scale must be a positive number (1, 100), at most 10^12 with at most 12 decimals, not {value}",
    )
    DECIMALS = (
        "publication-decimals",
        "thang công bố: decimals phải là số nguyên từ 0 đến 12, không phải {value}",
        "publication: decimals must be a whole number from 0 to 12, not {value}",
    )
    ROUNDING = (
        "publication-rounding",
        "thang công bố: không có cách làm tròn {value}; dùng một trong {known}",
        "publication: unknown rounding {value}; use one of {known}",
    )
    LABEL = (
        "publication-label",
        "thang công bố: label phải là văn bản, không phải {value}",
        "publication: label must be text, not {value}",
    )
    NOT_PUBLICATION = (
        "publication-type",
        "publication phải là một Publication, không phải {value}",
        "publication must be a Publication, not {value}",
    )
    NO_NODE = ("view-no-node", "chỉ số gộp {view} không ghi tiêu chí nào", "view {view} names no node")
    NODE_TWICE = (
        "view-node-twice",
        "chỉ số gộp {view} ghi tiêu chí {node_id} hai lần",
        "view {view} names node {node_id} twice",
    )
    VIEW_TWICE = (
        "view-twice",
        "chỉ số gộp {view} xuất hiện hai lần trong bộ tiêu chí {rubric}",
        "view {view} appears twice in rubric {rubric}",
    )
    ID_TAKEN = (
        "view-id-taken",
        "mã chỉ số gộp {view} đã là mã một tiêu chí hoặc tên cột của bảng điểm; hãy đặt mã riêng",
        "view id {view} is already a node id or a score-file column; give the view its own id",
    )
    NO_SCALE = (
        "view-no-scale",
        "chỉ số gộp {view} không ghi thang công bố và bộ tiêu chí {rubric} cũng không có (ghi cho chỉ số gộp "
        "hoặc bộ tiêu chí publication: {{scale: 1, decimals: 4}})",
        "view {view} states no publication scale and rubric {rubric} has none (give the view or the rubric "
        "publication: {{scale: 1, decimals: 4}})",
    )
    UNKNOWN_NODE = (
        "view-unknown-node",
        "chỉ số gộp {view} ghi tiêu chí {node_id}, mà cây của nhóm {group_id} không có",
        "view {view} names node {node_id}, which the tree of group {group_id} does not have",
    )
    NESTED = (
        "view-nested",
        "chỉ số gộp {view} ghi cả {above} và {node_id}, là tiêu chí nằm trong nó: điểm sẽ bị tính hai lần",
        "view {view} names both {above} and {node_id}, which lies inside it: its points would count twice",
    )
    NO_POINTS = (
        "view-no-points",
        "chỉ số gộp {view}: các tiêu chí của nó không có điểm nào, nên nó không có giá trị",
        "view {view}: its nodes are worth no points, so it has no value",
    )
    PUBLICATION_AND_NORMALISE = (
        "rubric-publication-and-normalise",
        "bộ tiêu chí {rubric} ghi cả thang công bố lẫn quy tắc 'normalise'; chỉ ghi thang một lần",
        "rubric {rubric} states a publication scale and a 'normalise' rule; state the scale once",
    )


class BandLabel(Entry):
    """The labels of the four standard bands (:func:`govindex.bands.standard_bands`), by the band's id."""

    GOOD = ("band-label-good", "Tốt", "Good")
    FAIR = ("band-label-fair", "Khá", "Fair")
    AVERAGE = ("band-label-average", "Trung bình", "Average")
    WEAK = ("band-label-weak", "Yếu", "Weak")


class BandText(Entry):
    """Band schemes (xếp loại) that cannot be."""

    BOUND = (
        "band-bound",
        "mức {band}: {bound} phải là một số Decimal hữu hạn, không phải {value}",
        "band {band}: {bound} must be a finite Decimal, not {value}",
    )
    BOUND_BOUNDS = (
        "band-bound-bounds",
        "mức {band}: {bound} {value} {problem}",
        "band {band}: {bound} {value} {problem}",
    )
    BAD_ID = ("band-bad-id", "mã mức {band} phải là một từ không rỗng", "band id {band} must be a non-empty word")
    LOWER_ABOVE_UPPER = (
        "band-lower-above-upper",
        "mức {band}: cận dưới {lower} không nhỏ hơn cận trên {upper}",
        "band {band}: lower bound {lower} is not below upper bound {upper}",
    )
    EMPTY = ("band-scheme-empty", "cách xếp loại cần ít nhất một mức", "a band scheme needs at least one band")
    TWICE = (
        "band-twice",
        "mức {band} xuất hiện hai lần trong cách xếp loại",
        "band {band} appears twice in the band scheme",
    )
    UNBOUNDED = (
        "band-unbounded",
        "các mức {bands} đều không có cận trên; chỉ mức cao nhất được như vậy",
        "bands {bands} all have no upper bound; only the best band may",
    )
    ORDER = (
        "band-order",
        "hãy liệt kê các mức từ cao xuống thấp: mức cao nhất {best} (không có cận trên) đứng sau {first}",
        "list the bands from best to worst: the best band {best} (no upper bound) comes after {first}",
    )
    BEST_BOUNDED = (
        "band-best-bounded",
        "mức {band}: mức cao nhất không được có cận trên (điểm từ {upper} trở lên sẽ không thuộc mức nào)",
        "band {band}: the best band must have no upper bound (scores from {upper} up would fall in no band)",
    )
    ONLY_BEST = (
        "band-only-best-unbounded",
        "mức {band}: chỉ mức cao nhất được không có cận trên",
        "band {band}: only the best band may have no upper bound",
    )
    GAP = (
        "band-gap",
        "có khoảng trống giữa mức {worse} {worse_range} và mức {better} {better_range}: điểm trong [{upper}, {lower}) "
        "không thuộc mức nào",
        "gap between bands {worse} {worse_range} and {better} {better_range}: scores in [{upper}, {lower}) fall in "
        "no band",
    )
    OVERLAP = (
        "band-overlap",
        "mức {worse} {worse_range} và mức {better} {better_range} chồng lên nhau trên [{lower}, {upper})",
        "bands {worse} {worse_range} and {better} {better_range} overlap on [{lower}, {upper})",
    )
    UNKNOWN = ("band-unknown", "không có mức {band}; các mức là {known}", "unknown band {band}; the bands are {known}")
    BELOW = (
        "band-below-lowest",
        "điểm {score} thấp hơn mức thấp nhất {band} {range}",
        "score {score} is below the lowest band {band} {range}",
    )
