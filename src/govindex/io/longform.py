"""The long form of a score table: one score per row (``agency,group,node,score``), read into the same columns.

An agency's facts (group, name, source, flags, not applicable) may be given
on any of its rows, and must agree where given twice; each node is scored
once per agency; ``evidence`` (tài liệu kiểm chứng) and an appraisal's
``reason`` (lý do điều chỉnh) are kept per score.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from govindex.catalogue.reading import Reading
from govindex.errors import GovIndexError, InputError
from govindex.io.cells import check_text
from govindex.io.header import FLAG_COLUMNS
from govindex.io.table import BLANK, PROBLEM, GroupPart, Row, TableContext, TablePart

__all__ = ["read_long"]

_DESCRIBED = ("group", "name", "source", "not_applicable", "not_ranked", *FLAG_COLUMNS)


class _Agency:
    """What the rows of one agency gave so far."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.facts: dict[str, tuple[str, int]] = {}
        self.scores: dict[str, tuple[str, int]] = {}
        self.evidence: dict[str, str] = {}
        self.reasons: dict[str, str] = {}


def read_long(context: TableContext, rows: Iterator[Row], part: TablePart) -> None:
    """Read the rows of a long table into ``part``."""
    positions = context.header.positions
    agencies: dict[str, _Agency] = {}
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        text = context.cell(cells, "agency")
        if not text:
            context.problem(InputError(Reading.AGENCY_EMPTY), line, positions["agency"])
            continue
        agency_id = context.agency_id(text, line, positions["agency"])
        if agency_id is None:
            continue
        found = agencies.get(agency_id)
        if found is None:
            found = agencies[agency_id] = _Agency(line)
            part.lines[agency_id] = line
            if context.header.by_name:
                found.facts["@agency"] = (text, line)
        _facts(context, cells, line, agency_id, found)
        node = context.cell(cells, "node")
        if not node:
            context.problem(InputError(Reading.NODE_EMPTY), line, positions["node"], agency=agency_id)
            continue
        if node in found.scores:
            first = found.scores[node][1]
            context.problem(
                InputError(Reading.SCORE_TWICE, first=first), line, positions["node"], agency=agency_id, node=node
            )
            continue
        found.scores[node] = (_raw(cells, positions["score"]), line)
        for column, kept in (("evidence", found.evidence), ("reason", found.reasons)):
            note = context.cell(cells, column)
            if not note:
                continue
            try:
                check_text(note, controls=False)
            except GovIndexError as error:
                context.problem(error, line, positions[column], agency=agency_id, node=node)
                continue
            kept[node] = note
    for agency_id, found in agencies.items():
        _agency(context, agency_id, found, part)


def _raw(cells: list[str], column: int) -> str:
    return cells[column - 1] if column <= len(cells) else ""


def _facts(context: TableContext, cells: list[str], line: int, agency_id: str, found: _Agency) -> None:
    positions = context.header.positions
    for name in _DESCRIBED:
        given = context.cell(cells, name)
        if not given:
            continue
        first = found.facts.get(name)
        if first is not None and first[0] != given:
            context.problem(
                InputError(
                    Reading.FACT_DIFFERS, name=name, given=repr(given), first=repr(first[0]), first_line=first[1]
                ),
                line,
                positions[name],
                agency=agency_id,
            )
            continue
        found.facts.setdefault(name, (given, line))


def _agency(context: TableContext, agency_id: str, found: _Agency, part: TablePart) -> None:
    """One agency of a long table: its facts, then its scores as a row of codes (a cell with a problem left out)."""
    positions = context.header.positions
    if "group" in positions and "group" not in found.facts:
        context.problem(InputError(Reading.NO_GROUP_GIVEN), found.line, positions["group"], agency=agency_id)
        return
    cells = [""] * max(positions.values())
    if "group" in found.facts:
        cells[positions["group"] - 1] = found.facts["group"][0]
    group = context.group_of(cells, found.facts.get("group", ("", found.line))[1], agency_id)
    made = None if group is None else context.agency([], found.line, agency_id, group, found.facts)
    if group is None or made is None:
        return
    agency, source = made
    group_part = part.groups.get(group)
    if group_part is None:
        group_part = part.groups[group] = GroupPart(group, context.layouts[group])
    row = _row(context, part, group_part, agency.name, agency_id, found)
    if found.evidence:
        group_part.evidence[agency_id] = found.evidence
    if found.reasons:
        group_part.reasons[agency_id] = found.reasons
    if not (row != BLANK).any() and context.options.blank_rows == "not-assessed":
        part.blank.append((agency, found.line))
        return
    group_part.agencies.append(agency)
    group_part.lines.append(found.line)
    group_part.sources.append(source)
    group_part.rows.append(row)


def _row(
    context: TableContext, part: TablePart, group_part: GroupPart, name: str, agency_id: str, found: _Agency
) -> Any:
    """The codes of an agency's scores, nodes depth-first; each cell's problem reported at its line."""
    positions = context.header.positions
    row = np.full(group_part.layout.width, BLANK, dtype=context.dtype)
    column = positions["score"]
    for node, (raw, line) in found.scores.items():
        reader = context.reader(group_part.group, node, column)
        code = reader[raw]
        if code >= 0 and code % 4:
            part.typed.append((line, agency_id, node, code))
        if code == PROBLEM:
            where = positions["node"] if reader.position is None else column
            context.problem(reader.problems[raw], line, where, agency=agency_id, node=node, agency_name=name)
        elif code != BLANK and reader.position is not None:
            row[reader.position] = code
            measured = reader.measured.get(context.text(raw))
            if measured is not None:
                group_part.measurements.setdefault(agency_id, {})[node] = measured
    return row
