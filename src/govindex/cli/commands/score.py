"""``govindex score RUBRIC SCORES...``: score, band and rank the agencies of score files."""

from __future__ import annotations

import argparse

from govindex.catalogue.help import Help
from govindex.cli.commands._options import add_inputs, add_outputs, emit_value, inputs_of, say, warn
from govindex.cli.pipeline import load, merged, notices, read, score_cohort

#: The formats of ``score``: per group in text, Markdown, Excel and HTML; flat in CSV and JSON.
FORMATS = ("table", "markdown", "csv", "json", "xlsx", "html")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("score", help=say(Help.SCORE), description=say(Help.SCORE_DESCRIPTION))
    parser.add_argument("rubric", metavar="RUBRIC", help=say(Help.RUBRIC))
    parser.add_argument("scores", metavar="SCORES", nargs="+", help=say(Help.SCORES))
    add_inputs(parser)
    add_outputs(parser, FORMATS, tables=False)
    parser.add_argument("--merge-into", metavar="FILE|ID", help=say(Help.MERGE_INTO))
    parser.add_argument("--merge-year", type=int, metavar="YEAR", help=say(Help.MERGE_YEAR))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    inputs = inputs_of(args, sources=args.scores)
    methodology = load(inputs)
    directory = inputs.directory()
    cohort = read(inputs, methodology, directory=directory)
    result = score_cohort(methodology, cohort)
    for notice in notices(methodology, cohort, result, directory):
        warn(notice, args.lang)
    if args.merge_into is not None:  # the units after the next year's mergers, each the mean of its predecessors
        result = merged(result, args.merge_into, args.merge_year, max_bytes=args.max_bytes)
    emit_value(result, args, FORMATS)  # JSON written as made, from the columns
    return 0
