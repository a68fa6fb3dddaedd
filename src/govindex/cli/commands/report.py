"""``govindex report RUBRIC SCORES...``: statistics as the decisions publish them."""

from __future__ import annotations

import argparse

from govindex.catalogue.help import Help
from govindex.cli.commands._options import add_inputs, add_outputs, emit_value, inputs_of, say
from govindex.cli.pipeline import run as run_pipeline

_CHARTS = ("bands", "shares", "ranking")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("report", help=say(Help.REPORT), description=say(Help.REPORT_DESCRIPTION))
    parser.add_argument("rubric", metavar="RUBRIC", help=say(Help.RUBRIC))
    parser.add_argument("scores", metavar="SCORES", nargs="+", help=say(Help.SCORES))
    parser.add_argument("--top", type=int, default=3, metavar="N", help=say(Help.TOP))
    parser.add_argument("--decimals", type=int, default=None, metavar="N", help=say(Help.DECIMALS))
    parser.add_argument("--plot", metavar="FILE", help=say(Help.PLOT))
    parser.add_argument("--chart", choices=_CHARTS, default="bands", help=say(Help.CHART))
    add_inputs(parser)
    add_outputs(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from govindex.stats import statistics

    result = run_pipeline(inputs_of(args, sources=args.scores)).result
    stats = statistics(result, top=args.top, decimals=args.decimals)
    if args.plot:
        from govindex.render import plots

        plots.format_for_chart(args.plot)
        if args.chart == "ranking":
            figure = plots.ranking_chart(result, lang=args.lang)
        else:
            figure = plots.band_distribution(stats, shares=args.chart == "shares", lang=args.lang)
        plots.save_figure(figure, args.plot, overwrite=args.force)
    emit_value(stats, args)
    return 0
