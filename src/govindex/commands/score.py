"""``govindex score RUBRIC SCORES``: score, band and rank a score table."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from govindex.agency import nfc
from govindex.commands._common import add_format, emit
from govindex.errors import GovIndexError
from govindex.io.assessments import read_assessments
from govindex.io.bundled import load_rubric
from govindex.io.writers import render_result
from govindex.scoring import score


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "score",
        help="score, band and rank the agencies of a score file",
        description=(
            "Score, band and rank the agencies of a score file under a rubric. The score file is a CSV or "
            "XLSX table with the header agency,group,<node id>... (group may be left out when the rubric has "
            "one group), its long form agency,group,node,score, or a YAML/JSON assessment file; a decimal "
            "point or a decimal comma; an empty cell means 'not given'."
        ),
    )
    parser.add_argument(
        "rubric", metavar="RUBRIC", help="a bundled rubric id (see `govindex rubrics`) or a rubric file"
    )
    parser.add_argument(
        "scores",
        metavar="SCORES",
        help="a score file: a CSV or XLSX table (agency,group,<node id>... or agency,group,node,score) or a YAML/JSON assessment file",
    )
    parser.add_argument(
        "--values",
        choices=("points", "index"),
        default="points",
        help=(
            "how the score file's values are read: points (default), or index: each value as a share of its "
            "node's maximum on the rubric's published scale (0.7804 of a 100-point index is 78.04 points)"
        ),
    )
    add_format(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rubric = load_rubric(args.rubric)
    assessments = read_assessments(args.scores, rubric, values=args.values)
    try:
        result = score(rubric, assessments)
    except GovIndexError as error:
        # Scores that do not add up are found after reading: point at the agency's row.
        line = column = None
        if error.file is None and Path(args.scores).suffix.lower() == ".csv":
            lines, columns = _locate(Path(args.scores))
            line = lines.get(error.agency or "")
            column = columns.get(error.node or "") if line is not None else None
        raise error.with_context(file=args.scores, line=line, column=column) from None
    emit(render_result(result, args.format))
    return 0


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
