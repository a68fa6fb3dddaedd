"""The words of national indices: means and weights, scales, which value is ranked."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["AggregateText", "AggregateWords", "MergeText", "RankWords", "ShareWords"]


class AggregateText(Entry):
    """A node whose children cannot be combined as the rubric says."""

    UNKNOWN_AGGREGATE = (
        "node-aggregate-unknown",
        "cách tổng hợp {value} không có; dùng một trong {known}",
        "unknown aggregate {value}; use one of {known}",
    )
    AGGREGATE_ON_LEAF = (
        "node-aggregate-on-leaf",
        "tiêu chí không có tiêu chí con nên không thể tổng hợp theo {value}",
        "a node without children cannot aggregate by {value}",
    )
    UNKNOWN_SCALE = (
        "node-scale-unknown",
        "thang điểm {value} không có; dùng một trong {known}",
        "unknown scale {value}; use one of {known}",
    )
    SCALE_MAX = (
        "node-scale-max",
        "thang {scale} cần điểm tối đa {expected}, không phải {value}",
        "scale {scale} needs max_points {expected}, not {value}",
    )
    UNKNOWN_CONVERT = (
        "node-convert-unknown",
        "cách quy đổi {value} không có; dùng {known}",
        "unknown conversion {value}; use {known}",
    )
    CONVERT_ON_SUM = (
        "node-convert-on-sum",
        "quy đổi thang điểm chỉ dùng cho trung bình cộng hoặc bình quân gia quyền, không cho tổng",
        "a scale conversion applies to a mean or a weighted mean, not to a sum",
    )
    MEAN_SCALES = (
        "node-mean-scales",
        "trung bình của các tiêu chí con trên các thang khác nhau ({parts}) cần nêu cách quy đổi (convert: share)",
        "a mean over children on different scales ({parts}) needs a stated conversion (convert: share)",
    )
    MEAN_MAX = (
        "node-mean-max",
        "điểm tối đa {value} khác thang chung của các tiêu chí con ({expected})",
        "max_points {value} is not the children's common scale ({expected})",
    )
    WEIGHT_MISSING = (
        "node-weight-missing",
        "tiêu chí con {child} của chỉ số bình quân gia quyền không có trọng số",
        "child {child} of a weighted mean has no weight",
    )
    WEIGHT_NOT_WEIGHTED = (
        "node-weight-not-weighted",
        "tiêu chí con {child} có trọng số nhưng tiêu chí cha không tính bình quân gia quyền (aggregate: weighted)",
        "child {child} has a weight but its parent is not a weighted mean (aggregate: weighted)",
    )
    WEIGHT_NOT_POSITIVE = (
        "node-weight-not-positive",
        "trọng số {value} của tiêu chí con {child} phải là số dương",
        "the weight {value} of child {child} must be positive",
    )
    WEIGHT_SUM = (
        "node-weight-sum",
        "tổng trọng số {total} phải bằng 1 hoặc 100 (%)",
        "the weights sum to {total}, not to 1 or 100 (%)",
    )
    RANK_ON = (
        "rubric-rank-on",
        "giá trị xếp hạng {value} không có; dùng một trong {known}",
        "unknown ranked value {value}; use one of {known}",
    )
    ROUNDING = (
        "rubric-rounding",
        "quy tắc làm tròn {value} không có; dùng một trong {known}",
        "unknown rounding rule {value}; use one of {known}",
    )
    NOT_RANKED_REASON = (
        "rubric-not-ranked-reason",
        "cơ quan {unit} được đánh giá nhưng không xếp hạng phải nêu lý do",
        "agency {unit} assessed but not ranked needs a reason",
    )
    NOT_RANKED_TWICE = (
        "rubric-not-ranked-twice",
        "cơ quan {unit} được nêu hai lần trong danh sách không xếp hạng",
        "agency {unit} is listed twice as not ranked",
    )
    BANDS_ON = (
        "rubric-bands-on",
        "thang xếp loại {value} không có; dùng một trong {known}",
        "unknown scale for the bands {value}; use one of {known}",
    )
    BANDS_UNPUBLISHED = (
        "rubric-bands-unpublished",
        "xếp loại theo thang công bố nhưng bộ tiêu chí không có thang công bố (publication)",
        "bands on the published scale, but the rubric publishes on no scale (publication)",
    )
    BAND_ABOVE_SCALE = (
        "rubric-band-above-scale",
        "mức {band} bắt đầu từ {lower}, vượt thang {scale} mà các mức xếp loại dựa vào",
        "band {band} starts at {lower}, above the scale {scale} the bands are on",
    )
    EXPECT_NOT_RANKED = ("expect-not-ranked", "các đối tượng NotRanked", "NotRanked objects")
    SHARE_DECIMALS = (
        "rubric-share-decimals",
        "số chữ số thập phân của tỷ lệ xếp loại phải là 0 hoặc 2, không phải {value}",
        "share_decimals must be 0 or 2, not {value}",
    )
    AGGREGATE_DIFFERS = (
        "score-aggregate-differs",
        "điểm đã cho {given} khác {how} của các tiêu chí con ({parts} → {total})",
        "the given score {given} differs from the {how} of its children ({parts} → {total})",
    )


class RankWords(Entry):
    """Ranks compared with a published table."""

    TIES = (
        "reproduce-rank-ties",
        " (ngang nhau khi tính đến làm tròn với: {agencies})",
        " (tied, once the rounding is allowed for, with: {agencies})",
    )


class AggregateWords(Entry):
    """How a node is made from its children, as an explanation words it."""

    SUM = ("aggregate-sum", "tổng điểm của {count} tiêu chí thành phần", "the sum of {count} components")
    MEAN = (
        "aggregate-mean",
        "trung bình cộng của {count} chỉ số thành phần",
        "the mean of {count} component indices",
    )
    WEIGHTED = (
        "aggregate-weighted",
        "bình quân gia quyền của {count} chỉ số thành phần",
        "the weighted mean of {count} component indices",
    )
    LINE = ("aggregate-line", "  {how}: {formula} = {value}", "  {how}: {formula} = {value}")
    LINE_ROUNDED = (
        "aggregate-line-rounded",
        "  {how}: {formula} = {exact} → {value} (làm tròn một lần, {rounding})",
        "  {how}: {formula} = {exact} → {value} (rounded once, {rounding})",
    )
    MEAN_WORD = ("aggregate-mean-word", "trung bình cộng", "mean")
    WEIGHTED_WORD = ("aggregate-weighted-word", "bình quân gia quyền", "weighted mean")
    SHARE = (
        "aggregate-share",
        "mỗi chỉ số thành phần quy về thang của chỉ số (điểm / điểm tối đa × {scale})",
        "each component converted to this index's scale (points / maximum × {scale})",
    )


class MergeText(Entry):
    """Merged units (hợp nhất đơn vị) derived from one year's results."""

    MISSING = (
        "merge-predecessor-missing",
        "đơn vị hợp nhất {successor}: đơn vị trước hợp nhất {predecessor} không có trong kết quả",
        "merged unit {successor}: its predecessor {predecessor} is not in the results",
    )
    TWICE = (
        "merge-unit-twice",
        "đơn vị {predecessor} được nêu hai lần trong các đơn vị hợp nhất",
        "unit {predecessor} is named twice in the mergers",
    )
    GROUPS = (
        "merge-groups",
        "đơn vị hợp nhất {successor}: các đơn vị trước hợp nhất thuộc các nhóm khác nhau ({groups})",
        "merged unit {successor}: its predecessors are in different groups ({groups})",
    )
    METHOD = (
        "merge-method",
        "cách gộp {value} không có; dùng một trong {known}",
        "unknown merging method {value}; use one of {known}",
    )
    SPLIT = (
        "merge-split",
        "đơn vị {predecessor} được chia cho nhiều đơn vị ({successors}); chỉ gộp được đơn vị hợp nhất trọn vẹn",
        "unit {predecessor} was divided among several units ({successors}); only whole mergers can be derived",
    )
    NONE = (
        "merge-none",
        "danh mục {directory} không ghi nhận đơn vị nào hợp nhất từ năm {since} đến hết năm {year}: không có gì "
        "để gộp (bỏ --merge-into, hoặc chọn năm khác với --merge-year)",
        "the directory {directory} records no merger from {since} to the end of {year}: nothing to merge "
        "(leave out --merge-into, or choose another year with --merge-year)",
    )
    EMPTY = (
        "merge-empty",
        "đơn vị hợp nhất {successor} không nêu đơn vị trước hợp nhất nào",
        "merged unit {successor} names no predecessor",
    )


class ShareWords(Entry):
    """Band shares with decimals (share_decimals: 2) and their change between two years."""

    CHANGE_UP = (
        "share-change-up",
        "{band}: {before} % → {after} % (tăng {points} điểm phần trăm)",
        "{band}: {before} % → {after} % (up {points} percentage points)",
    )
    CHANGE_DOWN = (
        "share-change-down",
        "{band}: {before} % → {after} % (giảm {points} điểm phần trăm)",
        "{band}: {before} % → {after} % (down {points} percentage points)",
    )
    CHANGE_NONE = (
        "share-change-none",
        "{band}: {before} % → {after} % (không đổi)",
        "{band}: {before} % → {after} % (unchanged)",
    )

    NOTE = (
        "stat-note-share-decimals",
        "Điểm trung bình {rounding}; tỷ lệ xếp loại là số phần trăm với {decimals} chữ số thập phân theo phương pháp "
        "phần dư lớn nhất, tổng bằng 100.",
        "Means are {rounding}; band shares are percentages with {decimals} decimals by the largest-remainder method "
        "and sum to 100.",
    )
