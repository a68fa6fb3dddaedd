"""``govindex validate [--rubric RUBRIC] FILE...``: check files and list every problem."""

from __future__ import annotations

import argparse

from govindex.commands._common import (
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
    add_input_options(parser)
    add_rules(parser)
    parser.set_defaults(run=run)


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
    for report in reports:
        for problem in report.problems:
            emit(f"{problem}\n")
        for text in report.warnings:
            warn(text)
        emit(f"{report.summary()}\n")
        total += len(report.problems)
    cohort = [report for report in reports if rubric is not None and report.rubric == rubric.id]
    if rubric is not None and cohort:  # score files were checked against the rubric: who sent nothing?
        warn_coverage(rubric, [agency for report in cohort for agency in report.places], options.registry)
    if total:
        emit(f"{total} problem(s) found.\n")
        return 2
    return 0
