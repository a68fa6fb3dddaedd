"""The operations of the service: each reads the files of a request, scores them and renders the answer, the
same stages and the same bytes as the command (``govindex score``, ``validate``, ``explain``, ``publish``,
``reconcile``, ``template``). Nothing here knows HTTP: an operation takes values and gives an :class:`Answer`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from govindex.agency import Agency, slugify
from govindex.assessment import Assessment, Source
from govindex.catalogue.reading import Reading
from govindex.catalogue.render import RenderError
from govindex.catalogue.service import Service
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.io.cells import InMemory, ReadOptions
from govindex.io.cohort import read_scores
from govindex.methodology import Methodology
from govindex.render import pieces, render
from govindex.rubric import Rubric
from govindex.scoring import score

__all__ = [
    "MEDIA",
    "Answer",
    "RubricSummary",
    "explain_files",
    "publish_files",
    "reconcile_files",
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


def _rendered(value: Any, fmt: str, *, lang: str, indent: int | None = None, excel_vn: bool = False,
              table: str | None = None) -> str | bytes | Iterable[str]:
    """A value as ``govindex`` renders it for ``--format fmt`` (JSON in pieces, as the command writes it)."""
    if fmt == "json":
        return pieces(value, "json", indent=indent, lang=lang, table=table, excel_vn=excel_vn)
    return render(value, fmt, indent=indent, lang=lang, table=table, excel_vn=excel_vn)


def _scored(methodology: Methodology, files: Sequence[InMemory], options: ReadOptions, values: str) -> Any:
    cohort = read_scores(files, methodology.rubric, options=options, values=values)
    try:
        return score(methodology, cohort.table)
    except GovIndexError as error:
        raise cohort.locate(error) from None


def score_files(
    methodology: Methodology,
    files: Sequence[InMemory],
    options: ReadOptions,
    *,
    values: str = "points",
    fmt: str = "json",
    lang: str = "vi",
    indent: int | None = None,
    excel_vn: bool = False,
) -> Answer:
    """``govindex score``: the cohort of the files scored, banded and ranked."""
    result = _scored(methodology, files, options, values)
    return _answer(_rendered(result, fmt, lang=lang, indent=indent, excel_vn=excel_vn), fmt, "ket-qua")


def validate_files_report(
    methodology: Methodology | None,
    files: Sequence[InMemory],
    options: ReadOptions,
    *,
    together: bool = False,
    lang: str = "vi",
    fmt: str = "json",
    max_problems: int = 200,
) -> tuple[Answer, bool]:
    """``govindex validate``: every problem of every file; ``text`` is the command's output, ``json`` the same
    as data. Also whether every file is clean."""
    from govindex.io.validate import validate_files
    from govindex.server.problems import item_of

    reports = validate_files(files, methodology, options=options, together=together)
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
    files: Sequence[InMemory],
    options: ReadOptions,
    agency: str,
    node: str | None = None,
    *,
    values: str = "points",
    fmt: str = "json",
    lang: str = "vi",
) -> Answer:
    """``govindex explain``: how an agency's score on a node (default: the total) came to be."""
    from govindex.explanation import explanation
    from govindex.render import data
    from govindex.render.explanations import explanation_lines
    from govindex.render.json import json_text
    from govindex.render.safe import one_line

    value = explanation(_scored(methodology, files, options, values), agency, node)
    stem = f"giai-thich-{slugify(agency) or 'co-quan'}"
    if fmt == "table":
        return _answer("".join(one_line(line) + "\n" for line in explanation_lines(value, lang)), fmt, stem)
    if fmt == "json":
        lines = explanation_lines(value, lang)
        body = {"agency": agency, "node": node, "lang": lang, "lines": lines, "explanation": data(value)}
        return _answer(json_text(body), fmt, stem)
    return _answer(render(value, fmt, lang=lang), fmt, stem)


@attrs.frozen
class Appendix:
    """The options of ``govindex publish`` that shape the appendix."""

    title: str | None = None
    subtitle: str | None = None
    captions: tuple[str, ...] = ()
    mean_decimals: int | None = None
    first_table: int | None = None


def _captions(specs: Sequence[str], rubric: Rubric) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for spec in specs:
        target, sep, text = spec.partition("=")
        group_id, dot, node_id = target.partition(".")
        if not sep or not dot or not text.strip():
            raise InputError(Service.BAD_OPTION, name="caption", reason=repr(spec))
        group = rubric.group(group_id)
        if node_id not in group.node_ids:
            raise InputError(Service.BAD_OPTION, name="caption", reason=repr(spec), group=group_id, node=node_id)
        out.setdefault(group_id, {})[node_id] = text.strip()
    return out


def publish_files(
    methodology: Methodology,
    files: Sequence[InMemory],
    options: ReadOptions,
    appendix_options: Appendix,
    *,
    values: str = "points",
    fmt: str = "html",
    lang: str = "vi",
) -> Answer:
    """``govindex publish``: the appendix of the results decision, the bytes the command writes."""
    from govindex.render.appendix import appendix

    rubric = methodology.rubric
    cohort = read_scores(files, rubric, options=options, values=values)
    assessments = cohort.assessments()
    try:
        result = score(methodology, assessments)
    except GovIndexError as error:
        raise cohort.locate(error) from None
    document = appendix(
        result,
        lang=lang,
        order=[item.agency.id for item in assessments],
        title=appendix_options.title,
        subtitle=appendix_options.subtitle,
        captions=_captions(appendix_options.captions, rubric),
        mean_decimals=appendix_options.mean_decimals,
        first_table=appendix_options.first_table,
    )
    return _answer(render(document, fmt, lang=lang), fmt, "phu-luc")


def _assessments(rubric: Rubric, files: Sequence[InMemory], options: ReadOptions, source: Source,
                 values: str) -> tuple[Assessment, ...]:
    return read_scores(files, rubric, options=options, values=values, source=source).assessments()


def reconcile_files(
    methodology: Methodology,
    own: Sequence[InMemory],
    appraised: Sequence[InMemory],
    options: ReadOptions,
    *,
    values: str = "points",
    fmt: str = "json",
    lang: str = "vi",
    table: str | None = None,
    excel_vn: bool = False,
) -> Answer:
    """``govindex reconcile SELF APPRAISED``: the self-assessment against the appraisal, per agency."""
    from govindex.reconciliation import reconcile

    rubric = methodology.rubric
    mine = _assessments(rubric, own, options, Source.SELF, values)
    theirs = _assessments(rubric, appraised, options, Source.APPRAISED, values)
    outcome = reconcile(rubric, mine, theirs, rules=methodology.rules)
    return _answer(_rendered(outcome, fmt, lang=lang, table=table, excel_vn=excel_vn), fmt, "doi-chieu")


def template_form(rubric: Rubric, group_id: str, agency: str | None = None, registry: str | None = None) -> Answer:
    """``govindex template``: an agency's self-assessment form, or the appraisal team's cohort sheet."""
    from govindex.io.directory import directory_of, load_directory
    from govindex.render.forms import agency_form_bytes, cohort_sheet_bytes

    group = rubric.group(group_id)
    directory = load_directory(registry) if registry is not None else directory_of(rubric)
    if agency is not None:
        if directory is None:
            chosen = Agency(slugify(agency) or agency, agency, group.id)
        else:
            record = directory.match(agency).record
            if record.group != group.id:
                raise InputError(Service.BAD_OPTION, name="agency", reason=repr(agency), agency=record.id,
                                 group=group.id)
            chosen = Agency(record.id, record.name_in(rubric.year), group.id)
        data = agency_form_bytes(rubric, group.id, chosen)
        return Answer(data, MEDIA["xlsx"], f"phieu-tu-danh-gia-{chosen.id}.xlsx")
    agencies = []
    if directory is not None:
        agencies = [(record.id, record.name_in(rubric.year)) for record in directory.listed(group.id, rubric.year)]
    return Answer(cohort_sheet_bytes(rubric, group.id, agencies), MEDIA["xlsx"], f"bang-diem-{group.id}.xlsx")


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
