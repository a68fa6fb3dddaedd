"""The layout of the forms govindex writes and reads back (biểu mẫu): sheet names, header rows, labels.

A form is a file format shared by the writer (:mod:`govindex.render.forms`)
and the reader (:mod:`govindex.io.forms`): both take every sheet name,
header and label from here, so that a form written is always a form read.
The texts are Vietnamese in every language of the output: they are the
form's contract with the reader, kept with the other words in
:mod:`govindex.catalogue.formwords`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from govindex.catalogue.formwords import FormColumn, FormLabel, FormWord
from govindex.catalogue.measures_words import AnswerText
from govindex.points import decimals_of, format_points
from govindex.rubric import Node, Rubric
from govindex.rules.check import FLAG_DEFAULTS, reads_of

__all__ = [
    "APPRAISAL_COLUMN",
    "APPRAISAL_COLUMNS",
    "APPRAISAL_HEADER",
    "APPRAISAL_SHEET",
    "COHORT_HEADER",
    "COHORT_SHEET",
    "COLUMN",
    "COPY_SHEET",
    "FACT_COLUMN",
    "FLAG_LABELS",
    "FORM_COLUMNS",
    "FORM_HEADER",
    "FORM_SHEET",
    "IDS_LABEL",
    "INSTRUCTIONS_SHEET",
    "LABELS",
    "NO",
    "TITLE_APPRAISAL",
    "TITLE_COHORT",
    "TITLE_FORM",
    "YES",
    "form_facts",
    "leaf_header",
    "numbered",
    "points_text",
    "total_formula",
]

#: The sheet of an agency's self-assessment form.
FORM_SHEET = FormWord.FORM_SHEET.vi
#: The sheet of the appraisal team's cohort sheet.
COHORT_SHEET = FormWord.COHORT_SHEET.vi
#: The instructions sheet of both.
INSTRUCTIONS_SHEET = FormWord.INSTRUCTIONS_SHEET.vi
#: The columns of a self-assessment form, in order.
FORM_COLUMNS = (
    FormColumn.NUMBER,
    FormColumn.CODE,
    FormColumn.CRITERION,
    FormColumn.MAX_POINTS,
    FormColumn.FIGURE,
    FormColumn.SELF,
    FormColumn.EVIDENCE,
    FormColumn.REMARK,
)
#: The header row of a self-assessment form, exactly.
FORM_HEADER = tuple(column.vi for column in FORM_COLUMNS)
#: The sheet of an agency's appraisal form (phiếu thẩm định), made from its self-assessment.
APPRAISAL_SHEET = FormWord.APPRAISAL_SHEET.vi
#: The columns of an appraisal form, in order: the self-assessment form's first columns, then the appraisal's.
APPRAISAL_COLUMNS = (
    *FORM_COLUMNS[:4],
    FormColumn.SELF,
    FormColumn.APPRAISED,
    FormColumn.REASON,
    FormColumn.EVIDENCE,
)
#: The header row of an appraisal form, exactly.
APPRAISAL_HEADER = tuple(column.vi for column in APPRAISAL_COLUMNS)
#: The very hidden sheet of an appraisal form that keeps the self-assessment it was made from, and its checksum.
COPY_SHEET = FormWord.COPY_SHEET.vi
#: The column, right of a form's labels, that holds the name of an agency fact a rule reads.
FACT_COLUMN = 8
#: The first cells of the header row of a cohort sheet.
COHORT_HEADER = tuple(column.vi for column in (FormColumn.NUMBER, FormColumn.AGENCY, FormColumn.AGENCY_NAME))
IDS_LABEL = FormColumn.NODE_IDS.vi

TITLE_FORM = FormWord.TITLE_FORM.vi
TITLE_COHORT = FormWord.TITLE_COHORT.vi
TITLE_APPRAISAL = FormWord.TITLE_APPRAISAL.vi
LABELS = {
    label.field: label.vi
    for label in (FormLabel.AGENCY_NAME, FormLabel.AGENCY, FormLabel.GROUP, FormLabel.YEAR, FormLabel.RUBRIC)
}
FLAG_LABELS = {
    label.field: label.vi
    for label in (
        FormLabel.HAS_SUBORDINATE_UNITS,
        FormLabel.HAS_ONLINE_SERVICES,
        FormLabel.HAS_PROCEDURES,
        FormLabel.SPECIAL,
    )
}
YES, NO = AnswerText.YES.vi, AnswerText.NO.vi
#: The column (1-based) of each header of a self-assessment form, and of an appraisal form.
COLUMN = {column: index for index, column in enumerate(FORM_COLUMNS, start=1)}
APPRAISAL_COLUMN = {column: index for index, column in enumerate(APPRAISAL_COLUMNS, start=1)}


def numbered(tree: Node) -> list[tuple[str, int, Node]]:
    """(STT, depth, node) for every node, parents before children: '' for the root, then 1, 1.1, ..."""
    out: list[tuple[str, int, Node]] = []

    def visit(node: Node, number: str, depth: int) -> None:
        out.append((number, depth, node))
        for position, child in enumerate(node.children, start=1):
            visit(child, f"{number}.{position}" if number else str(position), depth + 1)

    visit(tree, "", 0)
    return out


def points_text(value: Decimal) -> str:
    """Points as a form writes them: every decimal they have, a decimal comma."""
    return format_points(value, decimals_of(value), decimal_comma=True)


def leaf_header(node: Node) -> str:
    """The header of a leaf's column in a cohort sheet: its name and maximum."""
    return FormWord.LEAF_HEADER.text("vi", name=node.name, points=points_text(node.max_points))


def total_formula(column: str, rows: list[int]) -> str:
    """The formula of a total's cell (without ``=``): the sum of its rows' cells in ``column``.

    >>> total_formula("F", [14, 15, 19])
    'SUM(F14,F15,F19)'
    """
    return "SUM(" + ",".join(f"{column}{row}" for row in rows) + ")"


def form_facts(rubric: Rubric, rules: Any, group_id: str) -> list[tuple[str, str]]:
    """The agency facts the rules read in a group, beyond the flags every form asks: (name, question).

    A rule words its facts with ``questions`` (fact -> {"vi": ..., "en": ...});
    a fact it does not word is asked by its name.
    """
    group = rubric.group(group_id)
    out: dict[str, str] = {}
    for rule in rules:
        questions = getattr(rule, "questions", None) or {}
        for fact in reads_of(rule, rubric, group) or ():
            name = fact.removeprefix("attributes.")
            if name in FLAG_DEFAULTS or name == "not_applicable" or name in out:
                continue
            worded = questions.get(fact) or questions.get(name) or {}
            out[name] = str(worded.get("vi") or name) + ":"
    return list(out.items())
