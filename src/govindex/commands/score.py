"""``govindex score RUBRIC SCORES...``: score, band and rank the agencies of score files."""

from __future__ import annotations

import argparse

from govindex.commands._common import add_input_options, add_rules, place_error, read_score_files, warn, warn_coverage
from govindex.commands._output import add_output_options, emit
from govindex.errors import GovIndexError
from govindex.io.bundled import load_rubric
from govindex.rules.check import unread_facts
from govindex.scoring import score


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "score",
        help="score, band and rank the agencies of one or more score files",
        description=(
            "Score, band and rank the agencies of one or more score files under a rubric. A score file is a "
            "CSV or XLSX table (a header row naming the agency column, by id or by name, then a column per "
            "criterion by id or by name; title rows above it are skipped), its long form agency,group,node,"
            "score, or a YAML/JSON assessment file; a decimal point or a decimal comma; an empty cell means "
            "'not given'. Several files are read together; an agency found in two of them is refused."
        ),
    )
    parser.add_argument(
        "rubric", metavar="RUBRIC", help="a bundled rubric id (see `govindex rubrics`) or a rubric file"
    )
    parser.add_argument(
        "scores",
        metavar="SCORES",
        nargs="+",
        help="score files: CSV or XLSX tables (wide or long form) or YAML/JSON assessment files",
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
    add_output_options(parser, FORMATS, tables=False)
    parser.add_argument(
        "--indent",
        type=int,
        metavar="N",
        help="indent JSON by N spaces (default: compact JSON on one line)",
    )
    add_input_options(parser)
    add_rules(parser)
    parser.set_defaults(run=run)


#: The formats of ``score``: per group in text, Markdown, Excel and HTML; flat in CSV and JSON.
FORMATS = ("table", "markdown", "csv", "json", "xlsx", "html")


def run(args: argparse.Namespace) -> int:
    rubric = load_rubric(args.rubric, rules=args.rules)
    files, assessments = read_score_files(args.scores, rubric, args, values=args.values)
    try:
        result = score(rubric, assessments)
    except GovIndexError as error:
        raise place_error(error, files) from None
    for fact in unread_facts(rubric, assessments):
        warn(f"{', '.join(args.scores)}: {fact.message()}")
    warn_coverage(rubric, (item.agency.id for item in assessments), args.registry, args.lang)
    emit(result, args, FORMATS)  # JSON written as made, from the columns
    return 0
