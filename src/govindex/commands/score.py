"""``govindex score RUBRIC SCORES...``: score, band and rank the agencies of score files."""

from __future__ import annotations

import argparse

from govindex.agency import Agency
from govindex.commands._common import (
    add_blank_rows,
    add_input_options,
    add_rules,
    load_methodology_of,
    read_options,
    warn,
    warn_coverage,
    warn_unchanged,
)
from govindex.commands._output import add_output_options, emit
from govindex.errors import GovIndexError
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
    add_blank_rows(parser)
    add_rules(parser)
    parser.add_argument(
        "--merge-into",
        metavar="FILE|ID",
        help=(
            "score the units after the mergers of the next year in this agency directory instead: a merged "
            "unit's main indices are the mean of its predecessors' (as the DTI 2024), ranked as a cohort of its own"
        ),
    )
    parser.add_argument(
        "--merge-year",
        type=int,
        metavar="YEAR",
        help="with --merge-into: the mergers up to the end of YEAR (default: the year after the rubric's)",
    )
    parser.set_defaults(run=run)


#: The formats of ``score``: per group in text, Markdown, Excel and HTML; flat in CSV and JSON.
FORMATS = ("table", "markdown", "csv", "json", "xlsx", "html")


def run(args: argparse.Namespace) -> int:
    from govindex.io.cohort import read_scores

    methodology = load_methodology_of(args)
    rubric = methodology.rubric
    cohort = read_scores(args.scores, rubric, options=read_options(args), values=args.values)
    try:
        result = score(methodology, cohort.table)
    except GovIndexError as error:
        raise cohort.locate(error) from None
    plain = Agency("-", "-", "-")
    stated = any(
        agency.flags != plain.flags or agency.attributes for group in cohort.table.groups for agency in group.agencies
    )
    if stated:  # an agency states a fact: does a rule read it? (the assessments are made only then)
        for fact in unread_facts(rubric, cohort.assessments(), methodology.rules):
            warn(f"{', '.join(args.scores)}: {fact.message_in(args.lang)}")
    warn_unchanged(result, args.lang)
    warn_coverage(rubric, list(cohort.places), args.registry, args.lang)
    if args.merge_into is not None:
        from govindex.io.directory import load_directory
        from govindex.merging import merge, mergers_from_directory

        year = rubric.year + 1 if args.merge_year is None else args.merge_year
        result = merge(result, mergers_from_directory(load_directory(args.merge_into), result, year))
    emit(result, args, FORMATS)  # JSON written as made, from the columns
    return 0
