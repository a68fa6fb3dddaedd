"""``govindex score RUBRIC SCORES``: score, band and rank a score table."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path
from typing import Any

from govindex.agency import nfc
from govindex.commands._common import add_format, emit
from govindex.errors import GovIndexError
from govindex.io.bundled import load_rubric
from govindex.io.csvio import read_scores_csv
from govindex.io.writers import json_text, render_result
from govindex.ranking import Rank
from govindex.results import Result
from govindex.scoring import score


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "score",
        help="score, band and rank the agencies of a score file",
        description=(
            "Score, band and rank the agencies of a score file under a rubric. The score file is a CSV "
            "table with the header agency,group,<node id>... (group may be left out when the rubric has "
            "one group); a decimal point or a decimal comma; an empty cell means 'not given'."
        ),
    )
    parser.add_argument(
        "rubric", metavar="RUBRIC", help="a bundled rubric id (see `govindex rubrics`) or a rubric file"
    )
    parser.add_argument("scores", metavar="SCORES", help="a CSV score table: agency,group,<node id>...")
    add_format(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rubric = load_rubric(args.rubric)
    assessments = read_scores_csv(args.scores, rubric)
    try:
        result = score(rubric, assessments)
    except GovIndexError as error:
        # Scores that do not add up are found after reading: point at the agency's row.
        line = column = None
        if error.file is None:
            lines, columns = _locate(Path(args.scores))
            line = lines.get(error.agency or "")
            column = columns.get(error.node or "") if line is not None else None
        raise error.with_context(file=args.scores, line=line, column=column) from None
    emit(json_text(score_json(result)) if args.format == "json" else render_result(result, args.format))
    return 0


def _rank(value: Rank | None) -> int | str | None:
    """Ranks are JSON integers; a fractional rank such as 2.5 is a string, like points."""
    return value if value is None or isinstance(value, int) else str(value)


def score_json(result: Result) -> dict[str, Any]:
    """The JSON document of ``govindex score --format json``.

    ``{"rubric": ID, "results": [{"agency", "group", "total", "band", "rank",
    "nodes": {NODE_ID: {"score", "rank"}}}]}``, rows ordered by group (in the
    rubric's order), rank, agency. Points are strings with the rubric's
    decimals; ``band`` is the band id (null for a rubric without bands); a
    node's ``rank`` is null when not every agency of the group has a score
    there. Only when rules produce them: ``normalised`` in a row, and
    ``not_assessed`` (agencies kept out of the ranking, with the reason).
    """
    fmt = result.format
    rows: list[dict[str, Any]] = []
    for row in result.rows:
        tree = result.rubric.tree(row.group)
        entry: dict[str, Any] = {
            "agency": row.agency.id,
            "group": row.group,
            "total": fmt(row.total),
            "band": row.band_id,
            "rank": _rank(row.rank),
            "nodes": {
                node.id: {"score": fmt(row.scores[node.id]), "rank": _rank(row.node_ranks.get(node.id))}
                for node in tree.walk()
                if node is not tree and node.id in row.scores
            },
        }
        if row.normalised is not None:
            entry["normalised"] = str(row.normalised)
        rows.append(entry)
    document: dict[str, Any] = {"rubric": result.rubric.id, "results": rows}
    if result.not_assessed:
        document["not_assessed"] = [
            {"agency": item.agency.id, "group": item.agency.group, "reason": item.reason, "rule": item.rule}
            for item in result.not_assessed
        ]
    return document


def _locate(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """The row of each agency and the column of each header name in a score table.

    Rows are counted as the reader counts them. Only used to place an
    error: anything unreadable gives no position rather than a second error.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        header = [nfc(cell.strip()) for cell in rows[0]]
        agency = header.index("agency")
    except (OSError, UnicodeDecodeError, csv.Error, IndexError, ValueError):
        return {}, {}
    lines: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if agency < len(row):
            lines.setdefault(nfc(row[agency].strip()), number)
    columns: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        columns.setdefault(name, number)
    return lines, columns
