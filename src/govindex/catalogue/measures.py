"""The words of measures (cách tính điểm): a measure's configuration and the figures an agency reports."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["FigureText", "MeasureConfig", "MeasuredText"]


class FigureText(Entry):
    """What a reported figure should be, named in the messages about it."""

    NUMBER = ("figure-number", "một số", "a number")
    PART = ("figure-part", "một số (phần a của a/b)", "a number (the part a of a/b)")
    WHOLE = ("figure-whole", "một số (tổng b của a/b)", "a number (the whole b of a/b)")
    PERCENT = ("figure-percent", "một tỷ lệ phần trăm", "a percentage")
    SHARE = (
        "figure-share",
        "một tỷ lệ (a/b, một số từ 0 đến 1, hoặc một tỷ lệ phần trăm)",
        "a share (a/b, a number from 0 to 1, or a percentage)",
    )
    COUNT = ("figure-count", "một số (số liệu để tính bậc)", "a number (the figure the steps are counted on)")


class MeasuredText(Entry):
    """A figure an agency reported that a measure refuses (the agency corrects its figures)."""

    NOT_TEXT = (
        "measurement-not-text",
        "số liệu phải là văn bản, không phải {kind} {value}",
        "a measurement must be text, not {kind} {value}",
    )
    TOO_LONG = ("measurement-too-long", "{value} quá dài để là {what}", "{value} is too long for {what}")
    AMBIGUOUS = (
        "measurement-ambiguous",
        "{value} không rõ nghĩa: dấu phân cách hàng nghìn hay phần thập phân? Viết số không có dấu phân cách "
        "hàng nghìn ({plain}) hoặc với ít chữ số thập phân hơn",
        "{value} is ambiguous: a thousands separator or decimals? Write the number without a thousands "
        "separator ({plain}) or with fewer decimals",
    )
    NOT_A_NUMBER = (
        "measurement-not-a-number",
        "{value} không phải {what} (viết bằng chữ số, ví dụ 3 hoặc 0,5)",
        "{value} is not {what} (write it in digits, e.g. 3 or 0,5)",
    )
    WHOLE_ZERO = (
        "measurement-whole-zero",
        "{value}: tổng (b của a/b) bằng 0 nên không có tỷ lệ",
        "{value}: the whole (b of a/b) is 0, so there is no share",
    )
    ABOVE_ONE = (
        "measurement-share-above-one",
        "{value} là tỷ lệ {share}, lớn hơn 1 (100%); hãy sửa số liệu, hoặc để bộ tiêu chí ghi cap: true",
        "{value} is a share of {share}, above 1 (100%); correct the figures, or let the rubric say cap: true",
    )
    NOT_YES_NO = (
        "measurement-not-yes-no",
        "{value} không phải câu trả lời có/không; ghi có hoặc không (yes/no, 1/0)",
        "{value} is not a yes/no answer; write có or không (yes/no, 1/0)",
    )
    NOT_A_CHOICE = (
        "measurement-not-a-choice",
        "{value} không phải một trong các câu trả lời {known}",
        "{value} is not one of the answers {known}",
    )


class MeasureConfig(Entry):
    """A measure's configuration in a rubric that cannot be (the rubric's author corrects it)."""

    NOT_A_MAPPING = (
        "measure-not-a-mapping",
        "cách tính điểm phải là một ánh xạ như {{kind: ratio}}, không phải {value}",
        "a measure must be a mapping such as {{kind: ratio}}, not {value}",
    )
    NO_KIND = (
        "measure-no-kind",
        "cách tính điểm cần khóa kind (ratio, steps, yes_no hoặc choice), không phải {value}",
        "a measure needs its kind (kind: ratio, steps, yes_no or choice), not {value}",
    )
    UNKNOWN_PARAM = (
        "measure-unknown-parameter",
        "cách tính điểm {kind}: không có tham số {params}; các tham số là {allowed}",
        "measure {kind}: unknown parameter {params}; the parameters are {allowed}",
    )
    NO_PARAM = (
        "measure-takes-no-parameter",
        "cách tính điểm {kind}: không có tham số {params}; cách tính này không nhận tham số nào",
        "measure {kind}: unknown parameter {params}; this kind takes no parameters",
    )
    MISSING_PARAM = (
        "measure-missing-parameter",
        "cách tính điểm {kind}: thiếu tham số {params}",
        "measure {kind}: the parameter {params} is missing",
    )
    REFUSED = (
        "measure-factory-refused",
        "cách tính điểm {kind}: tham số {params} không dùng được: {error}",
        "measure {kind}: bad parameters {params}: {error}",
    )
    NOT_A_MEASURE = (
        "measure-factory-not-a-measure",
        "cách tính điểm {kind}: hàm tạo trả về {value}, không phải một Measure",
        "measure kind {kind}: its factory returned {value}, which is not a Measure",
    )
    CAP = (
        "measure-ratio-cap",
        "cách tính điểm ratio: cap phải là true hoặc false, không phải {value}",
        "measure ratio: cap must be true or false, not {value}",
    )
    STEPS = (
        "measure-steps-list",
        "cách tính điểm steps: steps phải là danh sách không rỗng các cặp [at_least, points], không phải {value}",
        "measure steps: steps must be a non-empty list of [at_least, points] pairs, not {value}",
    )
    STEP_PAIR = (
        "measure-step-pair",
        "cách tính điểm steps: bậc {step} phải là một cặp [at_least, points], không phải {value}",
        "measure steps: step {step} must be a pair [at_least, points], not {value}",
    )
    STEP_NUMBER = (
        "measure-step-number",
        "cách tính điểm steps: {part} của bậc {step} phải là một số không âm (số nguyên hoặc Decimal, "
        "không quá 10^12, tối đa 12 chữ số thập phân), không phải {value}",
        "measure steps: the {part} of step {step} must be a non-negative number (an int or a Decimal, at most "
        "10^12, at most 12 decimals), not {value}",
    )
    THRESHOLD = ("word-threshold", "ngưỡng", "threshold")
    POINTS = ("word-points", "số điểm", "points")
    STEP_TWICE = (
        "measure-step-twice",
        "cách tính điểm steps: ngưỡng {threshold} được cho hai lần",
        "measure steps: the threshold {threshold} is given twice",
    )
    STEP_ABOVE_MAX = (
        "measure-step-above-maximum",
        "cách tính điểm steps: bậc [{threshold}, {points}] cho nhiều điểm hơn điểm tối đa {maximum}",
        "measure steps: step [{threshold}, {points}] gives more points than the maximum {maximum}",
    )
    STEP_DECIMALS = (
        "measure-step-decimals",
        "cách tính điểm steps: bậc [{threshold}, {points}] có nhiều chữ số thập phân hơn bộ tiêu chí ({decimals})",
        "measure steps: step [{threshold}, {points}] has more decimals than the rubric's {decimals}",
    )
    CHOICES = (
        "measure-choice-mapping",
        "cách tính điểm choice: choices phải là ánh xạ không rỗng câu trả lời: tỷ lệ, không phải {value}",
        "measure choice: choices must be a non-empty mapping of answer: share, not {value}",
    )
    CHOICE_ANSWER = (
        "measure-choice-answer",
        "cách tính điểm choice: câu trả lời phải là văn bản không rỗng, không phải {value}",
        "measure choice: an answer must be non-empty text, not {value}",
    )
    CHOICE_CASE = (
        "measure-choice-case",
        "cách tính điểm choice: hai câu trả lời {first} và {second} chỉ khác nhau chữ hoa, chữ thường",
        "measure choice: the answers {first} and {second} differ only in case",
    )
    CHOICE_LABELS = (
        "measure-choice-labels",
        "cách tính điểm choice: labels phải là ánh xạ câu trả lời: nhãn (văn bản không rỗng), không phải {value}",
        "measure choice: labels must be a mapping of answer: label (non-empty text), not {value}",
    )
    CHOICE_LABEL_UNKNOWN = (
        "measure-choice-label-unknown",
        "cách tính điểm choice: labels ghi nhãn cho {value}, không phải câu trả lời nào trong {known}",
        "measure choice: labels gives a label to {value}, which is none of the answers {known}",
    )
    CHOICE_SHARE = (
        "measure-choice-share",
        "cách tính điểm choice: tỷ lệ của {answer} phải là một số từ 0 đến 1 (1 = điểm tối đa, 0,5 = một "
        "nửa), không phải {value}",
        "measure choice: the share of {answer} must be a number from 0 to 1 (1 = the maximum, 0.5 = half of "
        "it), not {value}",
    )
    CHOICE_DECIMALS = (
        "measure-choice-decimals",
        "cách tính điểm choice: {answer} cho {share} × {maximum} = {points} điểm, nhiều chữ số thập phân hơn "
        "bộ tiêu chí ({decimals})",
        "measure choice: {answer} gives {share} × {maximum} = {points} points, more decimals than the "
        "rubric's {decimals}",
    )
