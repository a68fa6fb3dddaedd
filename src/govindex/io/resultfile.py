"""The JSON of ``govindex score --format json`` read back: as a period to compare, or as scores.

Read as scores, each agency gives the finest scores the result holds (every
scored node none of whose sub-criteria is in the result): scoring them again
under the same rubric gives the same totals. The agencies the result lists as
not assessed stay not assessed, with their reason. The agency facts rules
read (subordinate units, online services) are not part of a result: a rule
that reads them sees the defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from govindex.agency import Agency
from govindex.assessment import Assessment
from govindex.catalogue.files import Files
from govindex.errors import FileFormatError, GovIndexError
from govindex.io.cells import check_text
from govindex.io.converter import structure_document
from govindex.io.yamlio import MarkedDocument, join_index, join_key
from govindex.points import parse_points
from govindex.rubric import Rubric

__all__ = ["NodeEntry", "NotAssessedEntry", "ResultEntry", "ResultFile", "part_of_result", "result_file"]

Report = Callable[[GovIndexError], None]


@attrs.frozen
class NodeEntry:
    score: str
    rank: Any = None
    normalised: str | None = None


@attrs.frozen
class ResultEntry:
    agency: str
    group: str
    total: str
    band: str | None = None
    rank: Any = None
    nodes: Mapping[str, NodeEntry] = attrs.field(factory=dict, hash=False)
    normalised: str | None = None
    name: str | None = None
    band_label: str | None = None
    views: Mapping[str, Any] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class NotAssessedEntry:
    agency: str
    group: str
    reason: str
    name: str | None = None
    rule: str | None = None


@attrs.frozen
class ResultFile:
    rubric: str
    results: tuple[ResultEntry, ...]
    not_assessed: tuple[NotAssessedEntry, ...] = ()


def result_file(document: MarkedDocument) -> tuple[ResultFile | None, list[GovIndexError]]:
    """The result a document holds, or ``None`` with every problem, placed."""
    if not isinstance(document.data, dict):
        return None, [FileFormatError(Files.RESULT_NOT_MAPPING, file=document.file, line=1)]
    parsed, problems = structure_document(document, ResultFile)
    return parsed, problems


def part_of_result(document: MarkedDocument, rubric: Rubric, *, report: Report) -> Any:
    """The scores of a result file as a :class:`~govindex.io.table.TablePart`."""
    from govindex.io.parts import part_of_assessments
    from govindex.io.table import TablePart

    file = document.file
    parsed, problems = result_file(document)
    for problem in problems:
        report(problem)
    part = TablePart(file, None)
    if parsed is None:
        return part
    if parsed.rubric != rubric.id:
        report(
            document.place(
                FileFormatError(Files.WRONG_RUBRIC, given=repr(parsed.rubric), expected=repr(rubric.id)), "rubric"
            )
        )
        return part
    assessments: list[Assessment] = []
    lines: dict[str, int | None] = {}
    for index, entry in enumerate(parsed.results):
        where = join_index("results", index)
        mark = document.locate(join_key(where, "agency"))
        lines[entry.agency] = None if mark is None else mark[0]
        try:
            check_text(entry.agency, controls=False)
            check_text(entry.name or "", controls=False)
            agency = Agency(entry.agency, entry.name or entry.agency, entry.group)
            scores = _finest(rubric, entry)
        except GovIndexError as error:
            report(document.place(error.with_context(agency=entry.agency), where))
            continue
        assessments.append(Assessment(agency, scores))
    part = part_of_assessments(rubric, assessments, file, lines, report)
    for item in parsed.not_assessed:
        part.excluded.append((Agency(item.agency, item.name or item.agency, item.group), item.reason))
    return part


def _finest(rubric: Rubric, entry: ResultEntry) -> dict[str, Any]:
    """Every scored node none of whose children is scored (the total alone when no node is)."""
    tree = rubric.tree(entry.group)
    given = entry.nodes
    scores: dict[str, Any] = {}
    for node in tree.walk():
        if node is tree or node.id not in given:
            continue
        if not any(child.id in given for child in node.children):
            scores[node.id] = parse_points(given[node.id].score)
    if not scores:
        scores[tree.id] = parse_points(entry.total)
    return scores
