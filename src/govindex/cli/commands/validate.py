"""``govindex validate [--rubric RUBRIC] FILE...``: check files and list every problem."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from govindex.catalogue.cli import ProblemHeading
from govindex.catalogue.help import Help
from govindex.catalogue.reading import Reading
from govindex.cli.commands._options import add_inputs, add_outputs, emit_value, inputs_of, outputs_of, say, warn
from govindex.cli.pipeline import load
from govindex.errors import GovIndexError

if TYPE_CHECKING:
    from govindex.io.validate import FileReport

#: The formats of the problems: lines of text, or a table.
FORMATS = ("table", "markdown", "csv", "json", "xlsx", "html")

#: How many problems of one file are listed by default.
DEFAULT_SHOWN = 200


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("validate", help=say(Help.VALIDATE), description=say(Help.VALIDATE_DESCRIPTION))
    parser.add_argument("--rubric", metavar="RUBRIC", help=say(Help.RUBRIC_OPTION))
    parser.add_argument("files", metavar="FILE", nargs="+", help=say(Help.FILES))
    parser.add_argument("--together", action="store_true", help=say(Help.TOGETHER))
    parser.add_argument("--max-problems", type=int, default=DEFAULT_SHOWN, metavar="N", help=say(Help.MAX_PROBLEMS))
    add_inputs(parser)
    add_outputs(parser, FORMATS, tables=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    inputs = inputs_of(args, sources=args.files)
    outputs = outputs_of(args)
    lang = outputs.lang
    methodology = load(inputs) if args.rubric else None
    rubric = None if methodology is None else methodology.rubric
    directory = inputs.directory()
    from govindex.io.validate import validate_files

    reports = validate_files(
        args.files,
        methodology,
        options=inputs.options(directory),
        together=args.together,
        rules=inputs.rules,
        trust_rules=inputs.trust_rules,
        values=inputs.values,
    )
    shown = max(0, args.max_problems)
    total = sum(report.total for report in reports)
    if outputs.chosen_format(FORMATS) != "table":
        emit_value(_table(reports, shown, lang), args, FORMATS)
    else:
        emit_value("".join(_lines(reports, shown, lang, total)), args, FORMATS)
    for report in reports:
        for text in report.warnings:
            warn(text, lang)
    cohort = [report for report in reports if rubric is not None and report.rubric == rubric.id]
    if rubric is not None and cohort:  # score files were checked against the rubric: who sent nothing?
        from govindex.coverage import coverage
        from govindex.io.directory import directory_of

        chosen = directory if directory is not None else directory_of(rubric)
        if chosen is not None:
            agencies = [agency for report in cohort for agency in report.places]
            for problem in coverage(chosen, rubric, agencies).warnings():
                warn(problem, lang)
    return 2 if total else 0


def _lines(reports: list[FileReport], shown: int, lang: str, total: int) -> list[str]:
    lines: list[str] = []
    for report in reports:
        lines.extend(f"{problem.describe(lang)}\n" for problem in report.problems[:shown])
        if report.total > shown:
            lines.append(Reading.MORE_PROBLEMS.text(lang, where=report.file, count=report.total - shown) + "\n")
        lines.append(f"{report.summary(lang)}\n")
    if total:
        lines.append(Reading.PROBLEMS_FOUND.text(lang, count=total) + "\n")
    return lines


def _table(reports: list[FileReport], shown: int, lang: str) -> Any:
    from govindex.render import Column, Table

    headings = [
        ("file", ProblemHeading.FILE),
        ("place", ProblemHeading.PLACE),
        ("agency", ProblemHeading.AGENCY),
        ("node", ProblemHeading.NODE),
        ("code", ProblemHeading.CODE),
        ("message", ProblemHeading.MESSAGE),
    ]
    columns = [Column(name, entry.text(lang)) for name, entry in headings]
    rows = [_row(report, problem, lang) for report in reports for problem in report.problems[:shown]]
    return Table("problems", columns, rows, title=ProblemHeading.TITLE.text(lang))


def _row(report: FileReport, problem: GovIndexError, lang: str) -> list[Any]:
    place = problem.location.partition(":")[2] if problem.file is not None else ""
    agency = problem.agency_name if lang == "vi" and problem.agency_name else problem.agency
    node = problem.node_name if lang == "vi" and problem.node_name else problem.node
    return [problem.file or report.file, place, agency, node, problem.code, problem.message_in(lang)]
