"""The notes of the built-in rules (ghi chú của quy tắc): why a rule changed a score, or could not.

A rule gives its note in every language (:func:`in_languages`), English
first, as :class:`~govindex.rules.Adjustment` and
:class:`~govindex.rules.NotApplied` have always held it.

>>> in_languages(RuleNote.COHORT_GROUP, group="so")
{'en': 'group so', 'vi': 'nhóm so'}
>>> in_languages(RuleNote.BEST_KEEP, cohort=in_languages(RuleNote.COHORT_ALL))["en"][:30]
'no agency of all agencies with'
"""

from __future__ import annotations

from collections.abc import Mapping

from govindex.catalogue import Entry

__all__ = ["RuleNote", "in_languages"]

#: The languages of a rule's note, in the order a note holds them.
NOTE_LANGS = ("en", "vi")


class RuleNote(Entry):
    """The notes of ``best_in_cohort``, ``proportional_imputation`` and ``full_marks_if_not_applicable``."""

    COHORT_ALL = ("note-cohort-all", "tất cả cơ quan, đơn vị", "all agencies")
    COHORT_GROUP = ("note-cohort-group", "nhóm {group}", "group {group}")
    BEST_NOT_APPLIED = (
        "note-best-not-applied",
        "cơ quan, đơn vị không có đơn vị trực thuộc nhưng {why}",
        "the agency has no subordinate units (has_subordinate_units: false), but {why}",
    )
    BEST_UNTAGGED = (
        "note-best-untagged",
        "nhóm {group} không có tiêu chí thành phần nào gắn nhãn {tag}",
        "no sub-criterion of group {group} is tagged {tag}",
    )
    BEST_KEEP = (
        "note-best-keep",
        "không có cơ quan nào ({cohort}) có đơn vị trực thuộc được chấm điểm ở tiêu chí này; "
        "theo tham số fallback: keep, giữ nguyên điểm của cơ quan, đơn vị",
        "no agency of {cohort} with subordinate units has a score on this sub-criterion; "
        "with fallback: keep the agency's own score stands",
    )
    BEST = (
        "note-best",
        "cơ quan, đơn vị không có đơn vị trực thuộc: tiêu chí thành phần liên quan đến đơn vị trực "
        "thuộc được tính bằng số điểm cao nhất các cơ quan, đơn vị ({cohort}) đạt được",
        "the agency has no subordinate units (has_subordinate_units: false): it scores the highest "
        "score of the agencies of {cohort} with subordinate units on this sub-criterion",
    )
    BEST_FALLBACK = (
        "note-best-fallback",
        "cơ quan, đơn vị không có đơn vị trực thuộc và không có cơ quan nào "
        "({cohort}) có điểm ở tiêu chí này: tính điểm tối đa theo tham số fallback",
        "the agency has no subordinate units and no agency of "
        "{cohort} with subordinate units has a score here: the rule's fallback gives the maximum",
    )
    IMPUTE_NOT_APPLIED = (
        "note-impute-not-applied",
        "cơ quan, đơn vị không có dịch vụ công trực tuyến nhưng {why}",
        "the agency has no online public services (has_online_services: false), but {why}",
    )
    IMPUTE_UNTAGGED = (
        "note-impute-untagged",
        "nhóm {group} không có tiêu chí thành phần nào gắn nhãn {tag}: không có điểm để tính theo tỷ lệ",
        "no sub-criterion of group {group} is tagged {tag}, so there is nothing to impute",
    )
    IMPUTE_UNSCORED = (
        "note-impute-unscored",
        "không có chỉ số thành phần ngoài DVCTT nào của {scope} được chấm điểm riêng nên không tính "
        "được theo tỷ lệ: giữ nguyên điểm đã chấm",
        "no untagged sub-criterion of {scope} was scored on its own, so there is nothing to impute "
        "in proportion to: the scores stand as given",
    )
    IMPUTE = (
        "note-impute",
        "cơ quan, đơn vị không có dịch vụ công trực tuyến (DVCTT): (tổng điểm thực tế đạt "
        "được ở các chỉ số thành phần ngoài DVCTT của {scope} / tổng điểm tối đa của các "
        "chỉ số thành phần đó) × điểm tối đa của chỉ số thành phần này; gồm: {parts}",
        "the agency has no online public services (has_online_services: false): "
        "(points earned on the untagged sub-criteria of "
        "{scope} / their maximum) × this sub-criterion's maximum; untagged: {parts}",
    )
    FULL_MARKS = (
        "note-full-marks",
        "cơ quan, đơn vị đặc thù; {node} không liên quan đến chức năng, nhiệm vụ của cơ quan, đơn vị: tính điểm tối đa",
        "the agency is special (đặc thù) and {node} is not related to its mandate (not_applicable): full marks",
    )


def in_languages(entry: Entry, **params: str | Mapping[str, str]) -> dict[str, str]:
    """``entry`` in every language, English first; a parameter given per language (``{"en": ..., "vi": ...}``,
    such as another note) is put in each language's words."""
    return {
        lang: entry.text(
            lang, **{name: value if isinstance(value, str) else value[lang] for name, value in params.items()}
        )
        for lang in NOTE_LANGS
    }
