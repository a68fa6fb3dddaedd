"""The layout of the forms govindex writes and reads back (biểu mẫu): sheet names, header rows, labels.

A form is a file format shared by the writer (:mod:`govindex.render.forms`)
and the reader (:mod:`govindex.io.forms`): both take every sheet name,
header and label from here, so that a form written is always a form read.
The texts are Vietnamese in every language of the output: they are the
form's contract with the reader, not wording.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from govindex.points import decimals_of, format_points
from govindex.rubric import Node, Rubric
from govindex.rules.check import FLAG_DEFAULTS, reads_of

__all__ = [
    "APPRAISAL_COLUMN",
    "APPRAISAL_HEADER",
    "APPRAISAL_SHEET",
    "COHORT_HEADER",
    "COHORT_SHEET",
    "COLUMN",
    "COPY_SHEET",
    "FACT_COLUMN",
    "FLAG_LABELS",
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
FORM_SHEET = "Phiếu tự đánh giá"
#: The sheet of the appraisal team's cohort sheet.
COHORT_SHEET = "Bảng điểm"
#: The instructions sheet of both.
INSTRUCTIONS_SHEET = "Hướng dẫn"
#: The header row of a self-assessment form, exactly.
FORM_HEADER = (
    "STT",
    "Mã",
    "Tiêu chí",
    "Điểm tối đa",
    "Số liệu",
    "Điểm tự đánh giá",
    "Tài liệu kiểm chứng",
    "Ghi chú",
)
#: The sheet of an agency's appraisal form (phiếu thẩm định), made from its self-assessment.
APPRAISAL_SHEET = "Phiếu thẩm định"
#: The header row of an appraisal form, exactly: the self-assessment form's first columns, then the appraisal's.
APPRAISAL_HEADER = (
    "STT",
    "Mã",
    "Tiêu chí",
    "Điểm tối đa",
    "Điểm tự đánh giá",
    "Điểm thẩm định",
    "Lý do điều chỉnh",
    "Tài liệu kiểm chứng",
)
#: The very hidden sheet of an appraisal form that keeps the self-assessment it was made from, and its checksum.
COPY_SHEET = "Dữ liệu tự đánh giá"
#: The column, right of a form's labels, that holds the name of an agency fact a rule reads.
FACT_COLUMN = 8
#: The first cells of the header row of a cohort sheet.
COHORT_HEADER = ("STT", "Mã cơ quan", "Tên cơ quan")
IDS_LABEL = "Mã tiêu chí"

TITLE_FORM = "PHIẾU TỰ ĐÁNH GIÁ"
TITLE_COHORT = "BẢNG ĐIỂM THẨM ĐỊNH"
TITLE_APPRAISAL = "PHIẾU THẨM ĐỊNH"
LABELS = {
    "agency_name": "Cơ quan, đơn vị:",
    "agency": "Mã cơ quan:",
    "group": "Nhóm:",
    "year": "Năm đánh giá:",
    "rubric": "Mã bộ tiêu chí:",
}
FLAG_LABELS = {
    "has_subordinate_units": "Có đơn vị trực thuộc:",
    "has_online_services": "Có dịch vụ công trực tuyến:",
    "has_procedures": "Có thủ tục hành chính:",
    "special": "Cơ quan đặc thù:",
}
YES, NO = "có", "không"
COLUMN = {name: index for index, name in enumerate(FORM_HEADER, start=1)}
APPRAISAL_COLUMN = {name: index for index, name in enumerate(APPRAISAL_HEADER, start=1)}


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
    return f"{node.name} (tối đa {points_text(node.max_points)} điểm)"


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
