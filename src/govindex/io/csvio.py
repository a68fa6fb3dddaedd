"""Score tables as CSV (wide form: one agency per row, node ids as columns).

Besides ``agency``, ``group``, ``name`` and the node ids, a table may carry
the agency attributes that methodology rules read: ``has_subordinate_units``,
``has_online_services``, ``has_procedures``, ``special`` (``true``/``false``,
``có``/``không``, ``1``/``0``; empty means the default) and
``not_applicable`` (node ids separated by spaces).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from govindex.agency import Agency, nfc
from govindex.assessment import Assessment, Source
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.points import parse_points
from govindex.rubric import Rubric
from govindex.scoring import check_assessment

__all__ = ["parse_scores_csv", "read_scores_csv"]


_FLAG_COLUMNS = ("has_subordinate_units", "has_online_services", "has_procedures", "special")
_TRUE = {"true", "yes", "1", "có", "x"}
_FALSE = {"false", "no", "0", "không"}


def _flag(cell: str) -> bool | None:
    text = nfc(cell.strip()).lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(f"{cell!r} is not a yes/no value; write true or false (có or không)")


def _sniff_delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def read_scores_csv(path: str | Path, rubric: Rubric, *, source: Source = Source.APPRAISED) -> tuple[Assessment, ...]:
    """Read a wide score table (header ``agency,group,<node id>...``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileFormatError(f"cannot read the score file: {error.strerror}", file=str(path)) from None
    return parse_scores_csv(data, rubric, file=str(path), source=source)


def parse_scores_csv(
    data: bytes | str, rubric: Rubric, *, file: str | None = None, source: Source = Source.APPRAISED
) -> tuple[Assessment, ...]:
    """Parse a wide score table; see :func:`read_scores_csv`.

    UTF-8 with or without a byte-order mark; comma or semicolon separators;
    decimal point or decimal comma; an empty cell is "not given", not 0.
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=file) from None
    else:
        text = data.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise FileFormatError("the file is empty or has no header row", file=file, line=1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line), strict=True)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise FileFormatError(f"not valid CSV: {error}", file=file, line=reader.line_num) from None
    header = [nfc(cell.strip()) for cell in rows[0]]
    if "agency" not in header:
        raise FileFormatError("the header has no 'agency' column", file=file, line=1)
    positions: dict[str, int] = {}
    for column, name in enumerate(header, start=1):
        if not name:
            raise FileFormatError("a column has no name in the header", file=file, line=1, column=column)
        if name in positions:
            raise FileFormatError(f"column {name!r} appears twice in the header", file=file, line=1, column=column)
        positions[name] = column
    if "group" not in positions and len(rubric.groups) > 1:
        raise FileFormatError(
            f"the header has no 'group' column, and rubric {rubric.id!r} has several groups "
            f"({', '.join(rubric.group_ids)})",
            file=file,
            line=1,
        )
    known_nodes = {node_id for group in rubric.groups for node_id in group.node_ids}
    node_columns: list[tuple[str, int]] = []
    for name, column in positions.items():
        if name in {"agency", "group", "name"} or name in _FLAG_COLUMNS or name == "not_applicable":
            continue
        if name not in known_nodes:
            raise FileFormatError(
                f"unknown node {name!r} in the header; rubric {rubric.id!r} has {', '.join(sorted(known_nodes))}",
                file=file,
                line=1,
                column=column,
                node=name,
            )
        node_columns.append((name, column))

    assessments: list[Assessment] = []
    first_seen: dict[str, int] = {}
    for line_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise FileFormatError(
                f"the row has {len(row)} cells but the header has {len(header)}", file=file, line=line_number
            )
        agency_id = nfc(row[positions["agency"] - 1].strip())
        if not agency_id:
            raise InputError("the agency cell is empty", file=file, line=line_number, column=positions["agency"])
        if agency_id in first_seen:
            raise InputError(
                f"the agency appears twice (first on line {first_seen[agency_id]})",
                file=file,
                line=line_number,
                column=positions["agency"],
                agency=agency_id,
            )
        first_seen[agency_id] = line_number
        group = row[positions["group"] - 1].strip() if "group" in positions else rubric.group_ids[0]
        name = nfc(row[positions["name"] - 1].strip()) if "name" in positions else agency_id
        scores = {}
        for node_id, column in node_columns:
            cell = row[column - 1].strip()
            if not cell:
                continue
            try:
                scores[node_id] = parse_points(cell)
            except GovIndexError as error:
                raise error.with_context(
                    file=file, line=line_number, column=column, agency=agency_id, node=node_id
                ) from None
        flags: dict[str, bool] = {}
        for flag_name in _FLAG_COLUMNS:
            if flag_name in positions:
                try:
                    value = _flag(row[positions[flag_name] - 1])
                except GovIndexError as error:
                    raise error.with_context(
                        file=file, line=line_number, column=positions[flag_name], agency=agency_id
                    ) from None
                if value is not None:
                    flags[flag_name] = value
        not_applicable = (
            frozenset(row[positions["not_applicable"] - 1].split()) if "not_applicable" in positions else frozenset()
        )
        try:
            agency = Agency(
                agency_id,
                name or agency_id,
                group,
                has_subordinate_units=flags.get("has_subordinate_units", True),
                has_online_services=flags.get("has_online_services", True),
                has_procedures=flags.get("has_procedures", True),
                special=flags.get("special", False),
                not_applicable=not_applicable,
            )
            assessment = Assessment(agency, scores, source)
            check_assessment(rubric, assessment)
        except GovIndexError as error:
            where = positions.get(error.node or "", positions.get("group") if error.group else None)
            raise error.with_context(file=file, line=line_number, column=where, agency=agency_id) from None
        assessments.append(assessment)
    return tuple(assessments)
