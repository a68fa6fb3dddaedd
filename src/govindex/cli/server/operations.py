"""The operations of the service: each reads the files of a request, scores them and renders the answer, the
same stages and the same bytes as the command (``govindex score``, ``validate``, ``explain``, ``publish``,
``reconcile``, ``template``). Nothing here knows HTTP: an operation takes values and gives an :class:`Answer`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from govindex.agency import slugify
from govindex.assessment import Source
from govindex.catalogue.reading import Reading
from govindex.catalogue.render import RenderError
from govindex.cli.pipeline import (
    Appendix,
    Inputs,
    Outputs,
    appendix_of,
    explained,
    form_of,
    read,
    rendered,
    score_cohort,
)
from govindex.errors import FileFormatError
from govindex.io.cells import Upload
from govindex.methodology import Methodology
from govindex.render import render
from govindex.rubric import Rubric

__all__ = [
    "MEDIA",
    "Answer",
    "Appendix",
    "RubricSummary",
    "explain_files",
    "publish_files",
    "reconcile_files",
    "result_sheet_files",
    "rubric_summary",
    "score_files",
    "template_form",
    "validate_files_report",
]

#: The media type of each output format.
MEDIA = {
    "table": "text/plain; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

#: The extension of each output format (the name of a download).
EXTENSIONS = {"table": "txt", "text": "txt", "markdown": "md", "csv": "csv", "json": "json", "html": "html"}


@attrs.frozen
class Answer:
    """What an operation gives: the bytes, their media type, and the name to save them as."""

    content: bytes
    media_type: str
    filename: str


def _encoded(content: str | bytes | Iterable[str]) -> bytes:
    """Rendered content as the bytes the command line writes (text as UTF-8)."""
    if isinstance(content, bytes):
        return content
    text = content if isinstance(content, str) else "".join(content)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise FileFormatError(RenderError.NOT_TEXT, position=error.start) from None


def _answer(content: str | bytes | Iterable[str], fmt: str, stem: str) -> Answer:
    return Answer(_encoded(content), MEDIA[fmt], f"{stem}.{EXTENSIONS.get(fmt, fmt)}")


def _scored(methodology: Methodology, files: Sequence[Upload], inputs: Inputs) -> Any:
    return score_cohort(methodology, read(inputs, methodology, sources=files))


def score_files(
    methodology: Methodology,
    files: Sequence[Upload],
    inputs: Inputs,
    *,
    fmt: str = "json",
    lang: str = "vi",
    indent: int | None = None,
    excel_vn: bool = False,
) -> Answer:
    """``govindex score``: the cohort of the files scored, banded and ranked."""
    result = _scored(methodology, files, inputs)
    outputs = Outputs(format=fmt, lang=lang, indent=indent, excel_vn=excel_vn)
    return _answer(rendered(result, outputs), fmt, "ket-qua")


def validate_files_report(
    methodology: Methodology | None,
    files: Sequence[Upload],
    inputs: Inputs,
    *,
    together: bool = False,
    lang: str = "vi",
    fmt: str = "json",
    max_problems: int = 200,
) -> tuple[Answer, bool]:
    """``govindex validate``: every problem of every file; ``text`` is the command's output, ``json`` the same
    as data. Also whether every file is clean."""
    from govindex.cli.server.problems import item_of
    from govindex.io.validate import validate_files

    reports = validate_files(files, methodology, options=inputs.options(), together=together)
    total = sum(report.total for report in reports)
    shown = max(0, max_problems)
    if fmt == "text":
        lines: list[str] = []
        for report in reports:
            lines += [f"{problem.describe(lang)}\n" for problem in report.problems[:shown]]
            if report.total > shown:
                lines.append(Reading.MORE_PROBLEMS.text(lang, where=report.file, count=report.total - shown) + "\n")
            lines.append(f"{report.summary(lang)}\n")
        if total:
            lines.append(Reading.PROBLEMS_FOUND.text(lang, count=total) + "\n")
        return _answer("".join(lines), "text", "kiem-tra"), not total
    data = {
        "ok": not total,
        "total": total,
        "lang": lang,
        "files": [
            {
                "file": report.file,
                "kind": report.kind,
                "rubric": report.rubric,
                "ok": report.ok,
                "total": report.total,
                "summary": report.summary(lang),
                "problems": [attrs.asdict(item_of(problem, lang)) for problem in report.problems[:shown]],
            }
            for report in reports
        ],
    }
    from govindex.render.json import json_text

    return _answer(json_text(data), "json", "kiem-tra"), not total


def explain_files(
    methodology: Methodology,
    files: Sequence[Upload],
    inputs: Inputs,
    agency: str,
    node: str | None = None,
    *,
    fmt: str = "json",
    lang: str = "vi",
) -> Answer:
    """``govindex explain``: how an agency's score on a node (default: the total) came to be."""
    result = _scored(methodology, files, inputs)
    stem = f"giai-thich-{slugify(agency) or 'co-quan'}"
    return _answer(explained(result, agency, node, Outputs(format=fmt, lang=lang)), fmt, stem)


def publish_files(
    methodology: Methodology,
    files: Sequence[Upload],
    inputs: Inputs,
    appendix_options: Appendix,
    *,
    fmt: str = "html",
    lang: str = "vi",
) -> Answer:
    """``govindex publish``: the appendix of the results decision, the bytes the command writes."""
    cohort = read(inputs, methodology, sources=files)
    result = score_cohort(methodology, cohort)
    document = appendix_of(methodology, cohort, result, appendix_options, lang, inputs.directory())
    return _answer(render(document, fmt, lang=lang), fmt, "phu-luc")


def result_sheet_files(
    methodology: Methodology,
    files: Sequence[Upload],
    inputs: Inputs,
    agency: str,
    *,
    fmt: str = "docx",
    lang: str = "vi",
) -> Answer:
    """``govindex publish --each-agency``, for one agency: its result sheet (thông báo kết quả), the bytes the
    command writes into its folder; ``agency`` is an id or a name."""
    from govindex.cli.pipeline import find_agency
    from govindex.render.result_sheet import result_sheet_document, sheet_file_names
    from govindex.result_sheet import result_sheet

    cohort = read(inputs, methodology, sources=files)
    result = score_cohort(methodology, cohort)
    sheet = result_sheet(result, find_agency(result, agency), assessments=cohort.assessments())
    content = render(result_sheet_document(sheet, lang), fmt, lang=lang)
    return Answer(_encoded(content), MEDIA[fmt], sheet_file_names([sheet], fmt)[0])


def reconcile_files(
    methodology: Methodology,
    own: Sequence[Upload],
    appraised: Sequence[Upload],
    inputs: Inputs,
    *,
    fmt: str = "json",
    lang: str = "vi",
    table: str | None = None,
    excel_vn: bool = False,
) -> Answer:
    """``govindex reconcile SELF APPRAISED``: the self-assessment against the appraisal, per agency."""
    from govindex.reconciliation import reconcile

    mine = read(inputs, methodology, sources=own, source=Source.SELF).assessments()
    theirs = read(inputs, methodology, sources=appraised, source=Source.APPRAISED).assessments()
    outcome = reconcile(methodology.rubric, mine, theirs, rules=methodology.rules)
    outputs = Outputs(format=fmt, lang=lang, table=table, excel_vn=excel_vn)
    return _answer(rendered(outcome, outputs), fmt, "doi-chieu")


def template_form(
    methodology: Methodology, group_id: str, agency: str | None = None, registry: str | None = None
) -> Answer:
    """``govindex template``: an agency's self-assessment form, or the appraisal team's cohort sheet."""
    from govindex.io.directory import load_directory

    directory = load_directory(registry) if registry is not None else None
    data, name = form_of(methodology, group_id, agency, directory)
    return Answer(data, MEDIA["xlsx"], name)


@attrs.frozen
class CriterionSummary:
    """A main criterion of a group: its id, its name and its maximum points (as decimal text)."""

    id: str
    name: str
    max_points: str


@attrs.frozen
class GroupSummary:
    """An agency group of a rubric with its maximum and its main criteria."""

    id: str
    name: str
    max_points: str
    criteria: tuple[CriterionSummary, ...]


@attrs.frozen
class RubricSummary:
    """A bundled rubric in a few fields: what the page and a client need to choose it and its group."""

    id: str
    year: int
    title: str
    title_en: str | None
    decision: str
    groups: tuple[GroupSummary, ...]


def rubric_summary(rubric: Rubric) -> RubricSummary:
    """A rubric's summary (:class:`RubricSummary`)."""
    groups = tuple(
        GroupSummary(
            group.id,
            group.name,
            str(group.tree.max_points),
            tuple(CriterionSummary(node.id, node.name, str(node.max_points)) for node in group.tree.children),
        )
        for group in rubric.groups
    )
    return RubricSummary(rubric.id, rubric.year, rubric.title, rubric.title_en, rubric.legal_basis.decision, groups)
