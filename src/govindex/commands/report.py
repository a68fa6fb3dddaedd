"""``govindex report RUBRIC SCORES``: statistics as the decisions publish them."""

from __future__ import annotations

import argparse

from govindex.commands._common import add_input_options, add_rules, load_methodology_of, place_error, read_score_files
from govindex.commands._output import add_output_options, emit
from govindex.errors import GovIndexError
from govindex.scoring import score
from govindex.stats import statistics

_CHARTS = ("bands", "shares", "ranking")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "report",
        help="group means, band counts and shares, leaders",
        description=(
            "Score a score file and summarise it as the decisions publish it: the mean of each group, "
            "the overall mean (the unweighted mean of the group means) and the pooled mean over all "
            "agencies, band counts, band shares as whole percentages summing to 100 (largest remainder), "
            "and the leaders of each group."
        ),
    )
    parser.add_argument("rubric", metavar="RUBRIC", help="a bundled rubric id or a rubric file")
    parser.add_argument(
        "scores", metavar="SCORES", nargs="+", help="score files: CSV/XLSX tables or YAML/JSON assessment files"
    )
    add_output_options(parser)
    add_input_options(parser)
    parser.add_argument(
        "--top", type=int, default=3, metavar="N", help="leaders: the agencies ranked N or better (default: 3)"
    )
    parser.add_argument(
        "--decimals", type=int, default=None, metavar="N", help="decimals of the means (default: the rubric's)"
    )
    parser.add_argument("--plot", metavar="FILE", help="also draw a chart to FILE.png or FILE.svg (extra 'plot')")
    parser.add_argument(
        "--chart",
        choices=_CHARTS,
        default="bands",
        help="the chart --plot draws: band counts per group, band shares, or the ranking (default: bands)",
    )
    add_rules(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    methodology = load_methodology_of(args)
    rubric = methodology.rubric
    files, assessments = read_score_files(args.scores, rubric, args)
    try:
        result = score(methodology, assessments)
    except GovIndexError as error:
        raise place_error(error, files) from None
    stats = statistics(result, top=args.top, decimals=args.decimals)
    if args.plot:
        from govindex import plots

        plots.format_for_chart(args.plot)
        if args.chart == "ranking":
            figure = plots.ranking_chart(result, lang=args.lang)
        else:
            figure = plots.band_distribution(stats, shares=args.chart == "shares", lang=args.lang)
        plots.save_figure(figure, args.plot)
    emit(stats, args)
    return 0
