"""``govindex score RUBRIC SCORES``: score, band and rank a score table."""

from __future__ import annotations

import argparse

from govindex.commands._common import add_format, emit
from govindex.io.bundled import load_rubric
from govindex.io.csvio import read_scores_csv
from govindex.io.writers import render_result
from govindex.scoring import score


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "score",
        help="score, band and rank the agencies of a score file",
        description="Score, band and rank the agencies of a score file under a rubric.",
    )
    parser.add_argument("rubric", metavar="RUBRIC", help="a bundled rubric id or a rubric file")
    parser.add_argument("scores", metavar="SCORES", help="a CSV score table: agency,group,<node id>...")
    add_format(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rubric = load_rubric(args.rubric)
    assessments = read_scores_csv(args.scores, rubric)
    emit(render_result(score(rubric, assessments), args.format))
    return 0
