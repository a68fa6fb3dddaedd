"""``govindex compare OLD NEW...``: year over year, across reorganised agencies."""

from __future__ import annotations

import argparse

from govindex.commands._output import add_output_options, emit
from govindex.compare import compare
from govindex.io.comparisons import read_period
from govindex.io.directory import list_directories, load_directory

_INPUTS = (
    "Each input is [LABEL=]SOURCE, where SOURCE is RUBRIC:SCORES (a rubric id or file and a CSV, "
    "YAML or JSON score file), RESULT.json (written by 'govindex score --format json') or a "
    "bundled published dataset id. A four-digit LABEL (2025=...) is also the period's year; "
    "otherwise the year is the assessment file's or the rubric's."
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "compare",
        help="compare results across years: rank movement, score and band change, mergers",
        description=(
            "Compare two or more results, oldest first: per agency the rank in each period and the "
            "places gained (+) or lost (-) within its group, the score and band change, and, with a "
            "registry, mergers and abolitions. " + _INPUTS
        ),
    )
    parser.add_argument("old", metavar="OLD", help="the older result")
    parser.add_argument("new", metavar="NEW", nargs="+", help="one or more newer results, oldest first")
    parser.add_argument(
        "--registry",
        metavar="FILE",
        help="an agency registry (a file, or a bundled id: "
        + (", ".join(list_directories()) or "none")
        + ") to match names and follow lineage",
    )
    add_output_options(parser, tables=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    periods = [read_period(spec) for spec in [args.old, *args.new]]
    registry = None if args.registry is None else load_directory(args.registry)
    comparison = compare(*periods, registry=registry)
    emit(comparison, args)
    return 0
