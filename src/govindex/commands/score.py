"""``govindex score RUBRIC SCORES``: score, band and rank a score table."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from govindex.commands._common import add_format, emit
from govindex.errors import GovIndexError
from govindex.io.assessments import read_assessments
from govindex.io.bundled import load_rubric
from govindex.io.csvio import read_score_table
from govindex.io.writers import render_result, result_json_pieces
from govindex.scoring import score

if TYPE_CHECKING:
    from govindex.assessment import Assessment
    from govindex.engine import ScoreTable


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
    parser.add_argument(
        "--indent",
        type=int,
        metavar="N",
        help="indent JSON by N spaces (default: compact JSON, one line)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rubric = load_rubric(args.rubric)
    if Path(args.scores).suffix.lower() == ".csv":
        # straight from the cells to the engine's columns; errors found later name the agency's line
        cohort: ScoreTable | tuple[Assessment, ...] = read_score_table(args.scores, rubric, values=args.values)
    else:
        cohort = read_assessments(args.scores, rubric, values=args.values)
    try:
        result = score(rubric, cohort)
    except GovIndexError as error:
        raise error.with_context(file=args.scores) from None
    if args.format == "json":
        for piece in result_json_pieces(result, indent=args.indent):
            emit(piece)
    else:
        emit(render_result(result, args.format, indent=args.indent))
    return 0
