"""An agency's result sheet (thông báo kết quả đánh giá) as a document, in any format of :mod:`govindex.render`.

:func:`result_sheet_document` turns a :class:`~govindex.result_sheet.ResultSheet`
into a :class:`~govindex.render.model.Document`: the title, the agency, where
the scores come from, the total with band and rank in the group, one table
of every criterion (score against maximum; self-assessed against appraised
with the difference and the reason where both are given; the evidence), and
the rules applied, worded as ``govindex explain`` words them
(:func:`~govindex.render.explanations.rule_lines`). :func:`sheet_file_names`
gives each sheet its file name, from the agency's id.

>>> from govindex import load_dataset, load_rubric, score
>>> from govindex.result_sheet import result_sheets
>>> result = score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())
>>> sheet = result_sheets(result)[0]
>>> document = result_sheet_document(sheet)
>>> document.title, document.blocks[1].text
('Thông báo kết quả đánh giá', 'Kết quả đã công bố.')
>>> document.blocks[2].text
'Tổng điểm: 83,8/100 điểm; xếp loại: Mức khá; xếp hạng: 1/18 trong nhóm Sở, ban, ngành cấp tỉnh.'
>>> sheet_file_names([sheet], "docx")
['so-thong-tin-va-truyen-thong.docx']
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from govindex.agency import slugify
from govindex.assessment import Source
from govindex.catalogue.publishing import ScoreSource, Sheet
from govindex.errors import check_lang
from govindex.render.explanations import rule_lines
from govindex.render.model import Block, Cell, Column, Document, Heading, Paragraph, Table, format_number
from govindex.render.wording import band_label, named, plain_number
from govindex.result_sheet import ResultSheet

__all__ = ["result_sheet_document", "sheet_file_names"]

_STATEMENT = {
    Source.SELF: ScoreSource.SELF,
    Source.APPRAISED: ScoreSource.APPRAISED,
    Source.PUBLISHED: ScoreSource.PUBLISHED,
}
#: The extension of each format's file.
EXTENSIONS = {"docx": "docx", "xlsx": "xlsx", "html": "html", "markdown": "md"}
#: Non-breaking spaces that indent a sub-criterion's name, per level.
_INDENT = "\u00a0\u00a0\u00a0"


def _points(value: Decimal, sheet: ResultSheet, lang: str) -> str:
    return format_number(value, sheet.rubric.decimals, lang)


def _heads(sheet: ResultSheet, lang: str) -> list[Block]:
    group = named(sheet.group, lang)
    statement = _STATEMENT[sheet.source].text(lang)
    band = band_label(sheet.band, lang) if sheet.band is not None else Sheet.NO_BAND.text(lang)
    blocks: list[Block] = [
        Paragraph(Sheet.AGENCY.text(lang, agency=sheet.agency.name, group=group)),
        Paragraph(statement if statement.endswith(".") else statement + "."),
        Paragraph(
            Sheet.TOTAL.text(
                lang,
                total=_points(sheet.total, sheet, lang),
                maximum=plain_number(sheet.group.tree.max_points, lang),
                band=band,
                rank=format_number(sheet.rank, None, lang),
                count=sheet.ranked,
                group=group,
            )
        ),
    ]
    publication = sheet.rubric.publication
    if sheet.normalised is not None and publication is not None and publication.name:
        value = format_number(sheet.normalised, publication.decimals, lang)
        blocks.append(Paragraph(Sheet.INDEX.text(lang, scale=publication.name, value=value)))
    if sheet.compared and sheet.self_total is not None:
        difference = sheet.total - sheet.self_total
        shown = ("+" if difference > 0 else "") + _points(difference, sheet, lang)
        blocks.append(
            Paragraph(
                Sheet.SELF_TOTAL.text(
                    lang,
                    self_total=_points(sheet.self_total, sheet, lang),
                    appraised=_points(sheet.total, sheet, lang),
                    difference=shown,
                )
            )
        )
    return blocks


def _criteria(sheet: ResultSheet, lang: str) -> Table:
    decimals = sheet.rubric.decimals
    evidence = bool(sheet.evidence)
    reasons = any(line.reason for line in sheet.lines)
    columns = [
        Column("code", Sheet.CODE.text(lang)),
        Column("criterion", Sheet.CRITERION.text(lang)),
        Column("maximum", Sheet.MAXIMUM.text(lang)),
    ]
    if sheet.compared:
        columns += [
            Column("self", Sheet.SELF.text(lang), decimals),
            Column("appraised", Sheet.APPRAISED.text(lang), decimals),
            Column("difference", Sheet.DIFFERENCE.text(lang), decimals, signed=True),
        ]
    else:
        columns.append(Column("score", Sheet.SCORE.text(lang), decimals))
    if reasons:
        columns.append(Column("reason", Sheet.REASON.text(lang)))
    if evidence:
        columns.append(Column("evidence", Sheet.EVIDENCE.text(lang)))
    rows: list[list[Cell]] = []
    for line in sheet.lines:
        name = _INDENT * max(0, line.depth - 1) + named(line.node, lang)
        row: list[Cell] = [line.node.id, name, line.maximum]
        row += [line.self_score, line.score, line.difference] if sheet.compared else [line.score]
        if reasons:
            row.append(line.reason)
        if evidence:
            row.append(line.evidence)
        rows.append(row)
    title = Sheet.CRITERIA.text(lang)
    return Table("criteria", columns, rows, title, label=title)


def _rules(sheet: ResultSheet, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(Sheet.RULES.text(lang), 1)]
    lines = [line for value in sheet.rules for line in rule_lines(value, lang)]
    if not lines:
        return [*blocks, Paragraph(Sheet.NO_RULES.text(lang))]
    for line in lines:
        stripped = line.lstrip(" ")
        blocks.append(Paragraph("\u00a0" * (len(line) - len(stripped)) + stripped))
    return blocks


def result_sheet_document(sheet: ResultSheet, lang: str = "vi") -> Document:
    """The sheet as a document: its title, the agency and the source, the total, the criteria, the rules."""
    check_lang(lang)
    rubric = sheet.rubric
    subtitle = Sheet.SUBTITLE.text(
        lang, agency=sheet.agency.name, rubric=(rubric.title_en or rubric.title) if lang == "en" else rubric.title
    )
    blocks: list[Block] = [*_heads(sheet, lang), _criteria(sheet, lang)]
    if not sheet.evidence:
        blocks.append(Paragraph(Sheet.NO_EVIDENCE.text(lang)))
    blocks += _rules(sheet, lang)
    return Document(Sheet.TITLE.text(lang), blocks, lang, subtitle=subtitle)


def sheet_file_names(sheets: Sequence[ResultSheet], fmt: str) -> list[str]:
    """Each sheet's file name: the agency's id as a slug (``so-noi-vu.docx``), made unique in order
    (``-2``, ``-3``, … after a slug already taken); the same sheets always get the same names."""
    extension = EXTENSIONS[fmt]
    taken: set[str] = set()
    names = []
    for sheet in sheets:
        base = slugify(sheet.agency.id) or "co-quan"
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        names.append(f"{candidate}.{extension}")
    return names
