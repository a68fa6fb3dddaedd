"""``govindex validate [--rubric RUBRIC] FILE...``: check files and list every problem."""

from __future__ import annotations

import argparse

from govindex.catalogue.reading import Reading
from govindex.commands._common import (
    add_blank_rows,
    add_input_options,
    add_rules,
    emit,
    load_methodology_of,
    read_options,
    warn,
    warn_coverage,
)
from govindex.io.validate import validate_files


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "validate",
        help="check rubric, assessment and score files and list every problem",
        description=(
            "Check rubric files, assessment files (YAML/JSON) and score tables (CSV/XLSX). Every problem is "
            "listed with its file, line, column and path, not only the first; with --together, an agency found "
            "in two of the score files is listed too. Exit status 2 when any is found."
        ),
    )
    parser.add_argument(
        "--rubric",
        metavar="RUBRIC",
        help="the rubric (bundled id or file) to check assessment files and score tables against",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="files to check")
    parser.add_argument(
        "--together",
        action="store_true",
        help="the score files are one cohort, as 'govindex score' reads them: an agency in two of them is a problem",
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of the problems listed: vi (tiếng Việt, default) or en",
    )
    parser.add_argument(
        "--max-problems",
        type=int,
        default=DEFAULT_SHOWN,
        metavar="N",
        help=f"list at most N problems of each file, then how many more there are (default: {DEFAULT_SHOWN})",
    )
    add_input_options(parser)
    add_blank_rows(parser)
    add_rules(parser)
    parser.set_defaults(run=run)


#: How many problems of one file are listed by default.
DEFAULT_SHOWN = 200


def run(args: argparse.Namespace) -> int:
    methodology = load_methodology_of(args) if args.rubric else None
    rubric = None if methodology is None else methodology.rubric
    total = 0
    options = read_options(args)
    reports = validate_files(
        args.files,
        methodology,
        options=options,
        together=args.together,
        rules=args.rules,
        trust_rules=args.trust_rules,
    )
    shown = max(0, args.max_problems)
    for report in reports:
        for problem in report.problems[:shown]:
            emit(f"{problem.describe(args.lang)}\n")
        if report.total > shown:
            emit(Reading.MORE_PROBLEMS.text(args.lang, where=report.file, count=report.total - shown) + "\n")
        for text in report.warnings:
            warn(text)
        emit(f"{report.summary(args.lang)}\n")
        total += report.total
    cohort = [report for report in reports if rubric is not None and report.rubric == rubric.id]
    if rubric is not None and cohort:  # score files were checked against the rubric: who sent nothing?
        warn_coverage(rubric, [agency for report in cohort for agency in report.places], options.registry)
    if total:
        emit(Reading.PROBLEMS_FOUND.text(args.lang, count=total) + "\n")
        return 2
    return 0
