"""``govindex validate [--rubric RUBRIC] FILE...``: check files and list every problem."""

from __future__ import annotations

import argparse

from govindex.commands._common import add_rules, emit
from govindex.io.bundled import load_rubric
from govindex.io.rubrics import rules_plugins
from govindex.io.validate import validate_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "validate",
        help="check rubric, assessment and score files and list every problem",
        description=(
            "Check rubric files, assessment files (YAML/JSON) and score tables (CSV/XLSX). Every problem is "
            "listed with its file, line, column and path, not only the first. Exit status 2 when any is found."
        ),
    )
    parser.add_argument(
        "--rubric",
        metavar="RUBRIC",
        help="the rubric (bundled id or file) to check assessment files and score tables against",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="files to check")
    add_rules(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rubric = load_rubric(args.rubric, rules=args.rules) if args.rubric else None
    plugins = rules_plugins(args.rules)
    total = 0
    for path in args.files:
        report = validate_file(path, rubric, plugins=plugins)
        for problem in report.problems:
            emit(f"{problem}\n")
        emit(f"{report.summary()}\n")
        total += len(report.problems)
    if total:
        emit(f"{total} problem(s) found.\n")
        return 2
    return 0
