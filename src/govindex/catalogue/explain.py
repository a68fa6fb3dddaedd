"""The words of explanations (giải trình), one entry per line of a step.

:func:`govindex.render.explain` words each step of an
:class:`~govindex.explanation.Explanation` with these. The parameters are
already written for the language: in Vietnamese names and decimal commas,
in English ids beside names, for the people who write rubrics and rules.

>>> Explain.SCORE.text("vi", points="70,0"), Explain.SCORE.text("en", points="70.0")
('  điểm: 70,0', '  score: 70.0')
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Explain", "RuleTitle"]


class Explain(Entry):
    """The lines of an explanation (the leading spaces are the indentation)."""

    HEAD = ("explain-head", "{agency}, nhóm {group}", "{agency}, group {group}")
    NOT_ASSESSED = (
        "explain-not-assessed",
        "{agency}, nhóm {group}: không đánh giá: {reason} (quy tắc {rule})",
        "{agency}, group {group}: not assessed: {reason} (rule {rule})",
    )
    BASIS = ("explain-basis", "  căn cứ: {basis}", "  legal basis: {basis}")
    NODE_HEAD = ("explain-node-head", "{node}, điểm tối đa {maximum}", "{node}, maximum {maximum}")
    VIEW_HEAD = (
        "explain-view-head",
        "{view}, gồm {nodes}, điểm tối đa {maximum}",
        "view {view}, nodes {nodes}, maximum {maximum}",
    )
    NO_SCORE = (
        "explain-no-score",
        "  không có điểm riêng: {node} được chấm chung",
        "  no score of its own: {node} was given as a whole",
    )
    GIVEN = ("explain-given", "  điểm đã chấm: {points}", "  given: {points}")
    GIVEN_WHOLE = (
        "explain-given-whole",
        "  chấm chung cả tiêu chí: {points} (không chấm riêng các tiêu chí thành phần)",
        "  given as a whole: {points} (its sub-criteria are not given separately)",
    )
    MEASURED = ("explain-measured", "  số liệu: {formula}", "  measured: {formula}")
    NOT_GIVEN = ("explain-not-given", "  chưa chấm", "  not given")
    RULE = ("explain-rule", "  điều chỉnh theo quy tắc {rule}: {before} → {after}", "  rule {rule}: {before} → {after}")
    RULE_WHY = ("explain-rule-why", "    lý do: {reason}", "    why: {reason}")
    RULE_FORMULA = ("explain-rule-formula", "    cách tính: {formula}", "    formula: {formula}")
    RULE_INPUTS = ("explain-rule-inputs", "    số liệu: {inputs}", "    inputs: {inputs}")
    RULE_BASIS = ("explain-rule-basis", "    căn cứ: {basis}", "    legal basis: {basis}")
    INPUT = ("explain-input", "{name} = {value}", "{name} = {value}")
    UNAPPLIED = (
        "explain-unapplied",
        "  quy tắc {rule} không áp dụng được: {reason}",
        "  rule {rule} could not apply: {reason}",
    )
    UNCHANGED = (
        "explain-unchanged",
        "  quy tắc {rule} đã đọc {facts} nhưng không làm thay đổi điểm nào của cơ quan",
        "  rule {rule} read {facts} and changed none of the agency's scores",
    )
    SUM = (
        "explain-sum",
        "  tổng điểm của {count} tiêu chí: {parts} = {points}",
        "  sum of its {count} children: {parts} = {points}",
    )
    PART = ("explain-part", "{node} {points}", "{node} {points}")
    BELOW = ("explain-below", "  điểm được điều chỉnh ở các tiêu chí bên dưới:", "  changed by rules below it:")
    BELOW_ONE = (
        "explain-below-one",
        "    {node}: {before} → {after} (quy tắc {rule})",
        "    {node}: {before} → {after} ({rule})",
    )
    SCORE = ("explain-score", "  điểm: {points}", "  score: {points}")
    BAND = ("explain-band", "  xếp loại: {band}", "  band: {band}")
    BAND_WORDS = ("explain-band-words", "{label} ({range})", "{label}, {range}")
    RANK = ("explain-rank", "  xếp hạng: {rank} trong nhóm {group}", "  rank: {rank} in group {group}")
    SCALE = (
        "explain-scale",
        "  điểm công bố theo thang{label}: {formula}{rule}",
        "  published {label}: {formula} (rule {rule})",
    )
    SCALE_RULE = ("explain-scale-rule", " (quy tắc {rule})", "{rule}")
    PUBLISHED = ("explain-published", "  công bố theo thang {scale}: {formula}", "  published {scale}: {formula}")
    VIEW = (
        "explain-view",
        "  {view}: {parts} = {points} trên {maximum}",
        "  view {view}: {parts} = {points} of {maximum}",
    )
    VIEW_PUBLISHED = (
        "explain-view-published",
        "    công bố theo thang {scale}: {formula}; xếp hạng {rank} trong nhóm {group}",
        "    published {scale}: {formula}; rank {rank} in group {group}",
    )
    VIEW_MISSING = (
        "explain-view-missing",
        "  chưa có điểm: không phải mọi chỉ số của nó đều có điểm",
        "  no score: not every node of the view has one",
    )
    NOT_SCORED = ("explain-not-scored", "chưa chấm", "-")
    NO_POINTS = ("explain-no-points", "{head}: không có điểm để công bố", "{head}: no points to publish")
    QUOTIENT = ("explain-quotient", "{exact} ≈ {value} ({rounding})", "{exact} → {value} ({rounding})")
    FORMULA = ("explain-formula", "{head} = {value}", "{head} = {value}")
    FORMULA_NO_SCORES = (
        "explain-formula-no-scores",
        "không cơ quan nào trong nhóm có điểm: điểm tối đa {maximum}",
        "no agency of the group has a score: the maximum {maximum}",
    )
    FORMULA_BEST = (
        "explain-formula-best",
        "điểm cao nhất trong các điểm: {scores} = {value}",
        "the highest of: {scores} = {value}",
    )
    FORMULA_FULL = ("explain-formula-full", "điểm tối đa của {node} = {maximum}", "the maximum of {node} = {maximum}")
    FORMULA_SHARE = (
        "explain-formula-share",
        "(tổng điểm đạt được {earned} / tổng điểm tối đa {maximum}) × điểm tối đa {top}",
        "(points earned {earned} / their maximum {maximum}) × the maximum {top}",
    )
    MAX_CALL = ("explain-max-call", "lớn nhất (", "max(")


class RuleTitle(Entry):
    """The names of the built-in rules (member names are the rule names in capitals)."""

    EXCLUDE = ("rule-title-exclude", "không đánh giá", "exclude")
    BEST_IN_COHORT = ("rule-title-best-in-cohort", "tính bằng điểm cao nhất của các cơ quan, đơn vị", "best_in_cohort")
    PROPORTIONAL_IMPUTATION = (
        "rule-title-proportional-imputation",
        "tính điểm theo tỷ lệ điểm đạt được",
        "proportional_imputation",
    )
    FULL_MARKS_IF_NOT_APPLICABLE = (
        "rule-title-full-marks",
        "tính điểm tối đa cho tiêu chí không liên quan",
        "full_marks_if_not_applicable",
    )
    NORMALISE = ("rule-title-normalise", "quy đổi thang điểm", "normalise")
    NOT_RANKED = ("rule-title-not-ranked", "đánh giá nhưng không xếp hạng", "not_ranked")

    @classmethod
    def of(cls, rule: str) -> RuleTitle | None:
        """The title of a built-in rule by its name, or ``None``."""
        return cls.__members__.get(rule.upper())
