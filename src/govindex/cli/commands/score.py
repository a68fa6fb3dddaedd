"""``govindex score RUBRIC SCORES...``: score, band and rank the agencies of score files."""

from __future__ import annotations

import argparse

from govindex.catalogue.help import Help
from govindex.cli.commands._options import add_inputs, add_outputs, emit_value, inputs_of, say, warn
from govindex.cli.pipeline import merged
from govindex.cli.pipeline import run as run_pipeline

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
    scored = run_pipeline(inputs_of(args, sources=args.scores))
    for notice in scored.notices():
        warn(notice, args.lang)
    result = scored.result
    if args.merge_into is not None:  # the units after the next year's mergers, each the mean of its predecessors
        result = merged(result, args.merge_into, args.merge_year, max_bytes=args.max_bytes)
    emit_value(result, args, FORMATS)  # JSON written as made, from the columns
    return 0
