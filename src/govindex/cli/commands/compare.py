"""``govindex compare OLD NEW...``: year over year, across reorganised agencies."""

from __future__ import annotations

import argparse
from pathlib import Path

import attrs

from govindex.catalogue.help import Help
from govindex.cli.commands._options import add_inputs, add_outputs, emit_value, inputs_of, say
from govindex.cli.pipeline import load, read, score_cohort
from govindex.results import Result


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("compare", help=say(Help.COMPARE), description=say(Help.COMPARE_DESCRIPTION))
    parser.add_argument("old", metavar="OLD", help=say(Help.OLD))
    parser.add_argument("new", metavar="NEW", nargs="+", help=say(Help.NEW))
    add_inputs(parser)
    add_outputs(parser, tables=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from govindex.comparison import compare
    from govindex.io.comparisons import read_period

    inputs = inputs_of(args)
    directory = inputs.directory()

    def scorer(rubric: str, path: Path) -> Result:
        chosen = attrs.evolve(inputs, rubric=rubric)
        methodology = load(chosen)
        return score_cohort(methodology, read(chosen, methodology, sources=[path], directory=directory))

    periods = [read_period(spec, scorer=scorer, max_bytes=inputs.max_bytes) for spec in [args.old, *args.new]]
    comparison = compare(*periods, registry=directory)
    emit_value(comparison, args)
    return 0
