"""The words of scoring (chấm điểm): points as read, scores the rubric refuses, sums that do not add up."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govindex.catalogue import Entry, number

__all__ = ["AgencyText", "CohortText", "IndexText", "PointsText", "RankText", "ScoreText", "Stage", "Terms"]


@attrs.frozen
class Terms:
    """A sum as a parameter of a message: ``a 7 + b 21,5``, each number written for the language.

    >>> Terms((("a", Decimal("7.0")), ("b", Decimal("21.5")))).message_in("vi")
    'a 7,0 + b 21,5'
    """

    items: tuple[tuple[str, Decimal], ...]

    def message_in(self, lang: str) -> str:
        return " + ".join(f"{name} {number(value, lang)}" for name, value in self.items)

    def __str__(self) -> str:
        return self.message_in("en")


class PointsText(Entry):
    """A number of points that cannot be read exactly."""

    NOT_POINTS = ("points-not-a-number", "{value} không phải một số điểm", "{value} is not a number of points")
    NOT_FINITE = (
        "points-not-finite",
        "{value} không phải một số điểm hữu hạn",
        "{value} is not a finite number of points",
    )
    FLOAT = (
        "points-float",
        "{value} là số thực nhị phân (float), không giữ được chính xác phần thập phân; hãy cho điểm dưới dạng "
        "văn bản hoặc Decimal",
        "{value} is a binary float, which cannot hold decimal points exactly; give the points as a string or a Decimal",
    )
    OTHER_DIGITS = (
        "points-other-digits",
        "{value} có chữ số không phải 0-9 (toàn khổ hoặc chữ viết khác); hãy gõ số bằng 0-9",
        "{value} has digits that are not 0-9 (fullwidth or another script); type the number with 0-9",
    )
    PLUS = (
        "points-plus",
        "{value} bắt đầu bằng dấu '+'; viết số không có dấu",
        "{value} starts with '+'; write the number without a sign",
    )
    LEADING_SEPARATOR = (
        "points-leading-separator",
        "{value} bắt đầu bằng dấu thập phân; viết một chữ số trước nó (0{separator}5, không phải {separator}5)",
        "{value} starts with a decimal separator; write a digit before it (0{separator}5, not {separator}5)",
    )
    EXPONENT = (
        "points-exponent",
        "{value} có số mũ; viết số bằng chữ số thông thường (1000, không phải 1e3)",
        "{value} has an exponent; write the number in plain digits (1000, not 1e3)",
    )
    TRAILING_SEPARATOR = (
        "points-trailing-separator",
        "{value} kết thúc bằng dấu thập phân; viết phần thập phân hoặc bỏ dấu",
        "{value} ends with a decimal separator; write the decimals or leave the separator out",
    )
    TWO_SEPARATORS = (
        "points-two-separators",
        "{value} có nhiều hơn một dấu phân cách; viết một dấu thập phân và không có dấu phân cách hàng nghìn",
        "{value} has more than one separator; write one decimal separator and no thousands separator",
    )
    ROUNDING = (
        "points-rounding-mode",
        "không có cách làm tròn {value}; dùng một trong {known}",
        "unknown rounding mode {value}; use one of {known}",
    )
    TOO_PRECISE = (
        "points-too-precise",
        "{value} có nhiều hơn {decimals} chữ số thập phân",
        "{value} has more than {decimals} decimals",
    )
    DIVIDE_BY_ZERO = ("points-divide-by-zero", "không chia được {value} cho 0", "cannot divide {value} by zero")


class ScoreText(Entry):
    """A score the rubric cannot hold, or scores of one agency that do not add up."""

    UNKNOWN_NODE = (
        "score-unknown-node",
        "nhóm {group_id} không có tiêu chí {node_id}; các tiêu chí là {known}",
        "unknown node {node_id} for group {group_id}; the nodes are {known}",
    )
    SUM = (
        "score-sum-disagrees",
        "điểm đã cho của tiêu chí này ({given}) khác tổng điểm các tiêu chí con ({parts} = {total})",
        "the score given for this node ({given}) disagrees with the sum of its sub-criteria ({parts} = {total})",
    )
    SUM_AFTER_RULES = (
        "score-sum-disagrees-after-rules",
        "điểm đã cho của tiêu chí này ({given}) khác tổng điểm các tiêu chí con ({parts} = {total}) sau khi "
        "quy tắc điều chỉnh {adjusted}",
        "the score given for this node ({given}) disagrees with the sum of its sub-criteria ({parts} = {total}) "
        "after rules adjusted {adjusted}",
    )
    PARTIAL = (
        "score-partial-children",
        "tiêu chí được cho điểm cùng với một số tiêu chí con ({scored}) nhưng không phải tất cả (thiếu {missing}); "
        "hãy cho điểm mọi tiêu chí con hoặc không tiêu chí con nào",
        "the node is given together with some of its sub-criteria ({scored}) but not all ({missing} missing); give "
        "every sub-criterion or none",
    )
    MISSING = (
        "score-missing",
        "không có điểm của {missing} (ô trống là 'chưa cho điểm', không phải 0)",
        "no score for {missing} (an empty cell is 'not given', not 0)",
    )
    MISSING_NODES = (
        "score-missing-nodes",
        "không có điểm của {missing}; hãy cho điểm mỗi tiêu chí hoặc mọi tiêu chí con của nó (ô trống là "
        "'chưa cho điểm', không phải 0)",
        "no score for {missing}; give each node or all of its sub-criteria (an empty cell is 'not given', not 0)",
    )


class CohortText(Entry):
    """A cohort (the agencies scored together) that cannot be scored as given."""

    NOT_ASSESSMENT = (
        "cohort-not-assessment",
        "cần một Assessment, không phải {kind}",
        "expected an Assessment, got {kind}",
    )
    NOT_AGENCY = ("cohort-not-agency", "cần một Agency, không phải {kind}", "expected an Agency, got {kind}")
    TWICE = (
        "cohort-agency-twice",
        "cơ quan được chấm điểm hai lần trong cùng một lượt",
        "the agency is assessed twice in the same cohort",
    )
    WRONG_GROUP = (
        "cohort-wrong-group",
        "cơ quan thuộc nhóm {actual}, không phải {expected}",
        "the agency belongs to group {actual}, not {expected}",
    )
    MASK = (
        "cohort-given-mask",
        "given phải là mảng giá trị đúng/sai có kích thước {shape}, không phải {dtype} {actual}",
        "given must be an array of booleans of shape {shape}, not {dtype} {actual}",
    )
    INTEGERS = (
        "cohort-integers",
        "{name} phải chứa số nguyên (điểm nhân 10**decimals), không phải {dtype}; số thực không giữ được chính "
        "xác phần thập phân",
        "{name} must hold integers (scores times 10**decimals), not {dtype}; a float cannot hold decimal points "
        "exactly",
    )
    INTEGER_ITEM = (
        "cohort-integer-item",
        "{name} phải chứa số nguyên (điểm nhân 10**decimals), không phải {kind} {value}",
        "{name} must hold integers (scores times 10**decimals), not {kind} {value}",
    )
    SHAPE = (
        "cohort-shape",
        "{name} phải có kích thước {shape} (cơ quan, tiêu chí theo chiều sâu), không phải {actual}",
        "{name} must have the shape {shape} (agencies, nodes depth-first), not {actual}",
    )
    ASSESSMENT_AGENCY = (
        "assessment-not-agency",
        "một kết quả chấm điểm cần một Agency, không phải {kind} {value}",
        "an assessment needs an Agency, not {kind} {value}",
    )
    EVIDENCE = ("assessment-evidence", "tài liệu kiểm chứng phải là văn bản", "evidence must be text")
    MEASUREMENT_TYPE = (
        "assessment-measurement-type",
        "số liệu phải là văn bản hoặc một số viết chính xác, không phải {kind} {value}",
        "a measurement must be text or a number written exactly, not {kind} {value}",
    )
    NOT_MEASUREMENT = (
        "assessment-not-measurement",
        "số liệu phải là một Measurement (xem Assessment.measured), không phải {value}",
        "a measurement must be a Measurement (see Assessment.measured), not {value}",
    )
    MEASUREMENT_DIFFERS = (
        "assessment-measurement-differs",
        "điểm {given} khác với {points} mà số liệu {value} cho ({formula})",
        "the score {given} differs from the {points} that the measurement {value} gives ({formula})",
    )
    NO_MEASURE = (
        "assessment-no-measure",
        "tiêu chí không có cách tính điểm trong bộ tiêu chí; hãy cho điểm của nó",
        "the node has no measure in the rubric; give its points as a score",
    )


class AgencyText(Entry):
    """An agency that cannot be."""

    ID = (
        "agency-id",
        "mã cơ quan {value} phải là văn bản không rỗng, không có khoảng trắng ở đầu hay cuối",
        "agency id {value} must be non-empty text without surrounding spaces",
    )
    NO_GROUP = ("agency-no-group", "cơ quan không thuộc nhóm nào", "agency has no group")
    NOT_SPECIAL = (
        "agency-not-applicable-not-special",
        "not_applicable liệt kê tiêu chí nhưng cơ quan không được ghi là đặc thù (special)",
        "not_applicable lists criteria but the agency is not marked special (đặc thù)",
    )
    ATTRIBUTE = (
        "agency-attribute",
        "thuộc tính {key} phải gắn một tên với văn bản, đúng/sai hoặc số nguyên, không phải {value}",
        "attribute {key} must map a name to a string, boolean or integer, not {value}",
    )


class RankText(Entry):
    """Values that cannot be ranked."""

    TWICE = ("rank-key-twice", "không xếp hạng được một khóa hai lần: {keys}", "cannot rank the same key twice: {keys}")
    NOT_EXACT = (
        "rank-not-exact",
        "không xếp hạng được {value}: điểm phải là số điểm chính xác (Decimal hoặc số nguyên)",
        "cannot rank {value}: scores must be exact points (Decimal or int)",
    )
    NOT_FINITE = (
        "rank-not-finite",
        "không xếp hạng được {value}: điểm phải là số hữu hạn",
        "cannot rank {value}: scores must be finite",
    )


class IndexText(Entry):
    """Values given on a published scale (``--values index``) that cannot be turned back into points."""

    NO_PUBLICATION = (
        "index-no-publication",
        "bộ tiêu chí {rubric} không ghi thang công bố (publication:), nên không đọc được giá trị chỉ số",
        "rubric {rubric} states no publication scale (publication: in the rubric), so its values cannot be read "
        "as index values",
    )
    NEGATIVE = ("index-negative", "giá trị chỉ số {value} là số âm", "index value {value} is negative")
    DECIMALS = (
        "index-decimals",
        "giá trị chỉ số {value} có nhiều chữ số thập phân hơn thang công bố ({decimals}, thang {scale})",
        "index value {value} has more decimals than the published scale's {decimals} ({scale})",
    )
    ABOVE = (
        "index-above-scale",
        "giá trị chỉ số {value} vượt {top}, mức cao nhất của thang công bố ({scale}); một tỷ lệ không thể "
        "vượt toàn phần",
        "index value {value} is above {top}, the top of the published scale ({scale}); a share cannot exceed the whole",
    )
    POINTS_DECIMALS = (
        "index-points-decimals",
        "giá trị chỉ số {value} của điểm tối đa {maximum} là {points} điểm, nhiều chữ số thập phân hơn bộ tiêu "
        "chí {rubric} cho phép ({decimals}); việc quy đổi không bao giờ làm tròn",
        "index value {value} of the maximum {maximum} is {points} points, more decimals than rubric {rubric} "
        "allows ({decimals}); the conversion never rounds",
    )
    ENDLESS = ("word-endless-decimal", "một số thập phân vô hạn", "a decimal that does not end")


class Stage(Entry):
    """Scoring as a whole: what it is given, and what rules do in it."""

    TABLE_RUBRIC = (
        "score-table-rubric",
        "bảng điểm được đọc theo bộ tiêu chí {read}, không phải {scored}",
        "the score table was read under rubric {read}, not {scored}",
    )
    VALUES = (
        "score-values-kind",
        "không có loại giá trị {value}; dùng {first} hoặc {second}",
        "unknown kind of values {value}; use {first} or {second}",
    )
    NOT_A_METHODOLOGY = (
        "score-not-a-methodology",
        "cần một Methodology hoặc một Rubric, không phải {kind}",
        "expected a Methodology or a Rubric, not {kind}",
    )
    RULE_EXCLUDED_UNKNOWN = (
        "rule-excluded-unknown-agency",
        "quy tắc {rule} loại một cơ quan không có trong lượt chấm điểm",
        "rule {rule} excluded an agency that is not in the cohort",
    )
    RULE_ADJUSTED_UNKNOWN = (
        "rule-adjusted-unknown-agency",
        "quy tắc {rule} điều chỉnh một cơ quan không có trong lượt chấm điểm",
        "rule {rule} adjusted an agency that is not in the cohort",
    )
    RULE_UNKNOWN_NODE = (
        "rule-set-unknown-node",
        "quy tắc {rule} đặt điểm cho một tiêu chí không có",
        "rule {rule} set an unknown node",
    )
    RULE_IMPOSSIBLE = (
        "rule-impossible-value",
        "quy tắc {rule} cho một giá trị không thể có: {error}",
        "rule {rule} produced an impossible value: {error}",
    )
