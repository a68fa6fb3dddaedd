"""Writing an agency's appraisal form (phiếu thẩm định), pre-filled from its self-assessment (extra ``excel``).

``govindex template RUBRIC --from SELF_FILE`` writes one per agency. The
sheet ``Phiếu thẩm định`` has the self-assessment form's first columns
(``STT | Mã | Tiêu chí | Điểm tối đa``), then ``Điểm tự đánh giá`` (the
agency's points, locked by the sheet's protection), ``Điểm thẩm định``
(pre-filled with the same points, to change), ``Lý do điều chỉnh`` and
``Tài liệu kiểm chứng`` (the agency's evidence). Criterion rows add up
their rows by formulas, saved with their results. A very hidden sheet keeps
the self-assessed points the form was made from and their checksum, so that
a form whose self-assessed column was edited is refused when it is read back
(:mod:`govindex.io.appraisal`). The same self-assessment always gives the
same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from govindex.assessment import Assessment
from govindex.catalogue.forms import FormText
from govindex.catalogue.formwords import FormColumn
from govindex.formlayout import (
    APPRAISAL_COLUMN,
    APPRAISAL_HEADER,
    APPRAISAL_SHEET,
    COPY_SHEET,
    TITLE_APPRAISAL,
    numbered,
    total_formula,
)
from govindex.render.forms import (
    Fact,
    _agency_labels,
    _Book,
    _check_agency,
    _check_rubric,
    _criterion,
    _Filling,
    _grey_row,
    _header,
    _instructions,
    _questions,
    _titles,
    _validate_leaf,
    node_rows,
    shown_points,
)
from govindex.render.wording import cite
from govindex.render.xlsx import number_format
from govindex.rubric import Node, Rubric

__all__ = ["appraisal_form_bytes", "self_checksum"]

_LANG = "vi"


def self_checksum(rubric_id: str, agency_id: str, points: Mapping[str, Decimal]) -> str:
    """The checksum of the self-assessed points an appraisal form was made from (SHA-256, hex)."""
    text = "\n".join([rubric_id, agency_id, *(f"{node}={value:f}" for node, value in sorted(points.items()))])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cell_number(value: Decimal) -> Decimal | int:
    return int(value) if value == value.to_integral_value() else value


def _copy_sheet(book: _Book, rubric: Rubric, agency_id: str, typed: Mapping[str, Decimal]) -> None:
    sheet = book.sheet(COPY_SHEET)
    for row, (node, value) in enumerate(sorted(typed.items()), start=1):
        book.text(sheet, row, 1, node)
        book.text(sheet, row, 2, f"{value:f}")
    book.text(sheet, len(typed) + 1, 1, "sha256")
    book.text(sheet, len(typed) + 1, 2, self_checksum(rubric.id, agency_id, typed))
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True


def _row(
    book: _Book,
    sheet: Any,
    rubric: Rubric,
    at: int,
    entry: tuple[str, int, Node],
    rows: dict[str, int],
    fill: _Filling,
    changes: Mapping[str, tuple[Decimal, str]],
    appraised: Mapping[str, Decimal],
) -> None:
    node = entry[2]
    column = APPRAISAL_COLUMN
    _criterion(book, sheet, at, entry, column[FormColumn.MAX_POINTS])
    if node.id in fill.evidence:
        book.text(sheet, at, column[FormColumn.EVIDENCE], fill.evidence[node.id])
    if node.is_leaf or node.id in fill.typed:
        for name, value in ((FormColumn.SELF, fill.typed.get(node.id)), (FormColumn.APPRAISED, appraised.get(node.id))):
            cell = sheet.cell(row=at, column=column[name])
            cell.number_format = number_format(rubric.decimals)
            if value is not None:
                book.text(sheet, at, column[name], _cell_number(value))
        if node.id in changes:
            book.text(sheet, at, column[FormColumn.REASON], changes[node.id][1])
    if not node.is_leaf:
        sums = shown_points(rubric.tree(fill.group), appraised)
        for name, shown in ((FormColumn.SELF, fill.shown), (FormColumn.APPRAISED, sums)):
            if node.id not in fill.typed:
                letter = book.utils.get_column_letter(column[name])
                formula = total_formula(letter, [rows[child.id] for child in node.children])
                book.total(sheet, at, column[name], formula, shown[node.id], rubric.decimals)
        _grey_row(book, sheet, at, len(APPRAISAL_HEADER))
        return
    for name in (FormColumn.APPRAISED, FormColumn.REASON, FormColumn.EVIDENCE):
        sheet.cell(row=at, column=column[name]).protection = book.unlocked
    sheet.cell(row=at, column=column[FormColumn.SELF]).fill = book.grey
    target = sheet.cell(row=at, column=column[FormColumn.APPRAISED]).coordinate
    _validate_leaf(book, sheet, node, rubric.decimals, target, points=True)


def appraisal_form_bytes(
    rubric: Rubric,
    assessment: Assessment,
    *,
    facts: Sequence[Fact] = (),
    changes: Mapping[str, tuple[Decimal, str]] | None = None,
) -> bytes:
    """The appraisal form (phiếu thẩm định) of one agency, pre-filled from its self-assessment, as ``.xlsx`` bytes.

    ``facts`` are the agency facts the rubric's rules read (as for
    :func:`~govindex.render.forms.agency_form_bytes`): the form asks the
    agency's flags and facts again, answered as the self-assessment states them.
    ``changes`` fills in appraised points that differ, each with its reason
    (node id -> (points, reason)), as the appraisal team would.
    """
    agency = assessment.agency
    group = rubric.group(agency.group)
    _check_rubric(rubric, group)
    _check_agency(agency.id, agency.name)
    fill = _Filling(rubric, group, assessment)
    book = _Book(f"{TITLE_APPRAISAL} - {agency.name}")
    sheet = book.sheet(APPRAISAL_SHEET)
    row = _titles(book, sheet, rubric, TITLE_APPRAISAL, len(APPRAISAL_HEADER))
    row = _agency_labels(book, sheet, row, rubric, group, agency)
    asked = dict(facts)
    row = _questions(book, sheet, row, agency, [*facts, *((n, f"{n}:") for n in agency.attributes if n not in asked)])
    header = row + 1
    _header(book, sheet, header, APPRAISAL_HEADER)
    rows = node_rows(group.tree, header)
    changes = changes or {}
    appraised = {**fill.typed, **{node: value for node, (value, _reason) in changes.items()}}
    for offset, entry in enumerate(numbered(group.tree), start=1):
        _row(book, sheet, rubric, header + offset, entry, rows, fill, changes, appraised)
    for letter, size in zip("ABCDEFGH", (7, 16, 60, 10, 12, 12, 36, 36), strict=True):
        sheet.column_dimensions[letter].width = size
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1).coordinate
    sheet.protection.sheet = True
    _copy_sheet(book, rubric, agency.id, fill.typed)
    basis = cite(rubric.legal_basis, _LANG)
    _instructions(
        book,
        rubric,
        [
            FormText.APPRAISAL_1.text(_LANG, agency=agency.name, rubric=rubric.title, basis=basis),
            FormText.APPRAISAL_2.vi,
            FormText.APPRAISAL_3.text(_LANG, decimals=rubric.decimals),
            FormText.APPRAISAL_4.vi,
            FormText.APPRAISAL_5.text(_LANG, rubric=rubric.id),
        ],
    )
    return book.save()
