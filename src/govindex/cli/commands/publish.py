"""``govindex publish RUBRIC SCORES... --output FILE``: the appendix of a results decision (phụ lục), or with
``--each-agency`` one result sheet per agency (thông báo kết quả)."""

from __future__ import annotations

import argparse

from govindex.assessment import Source
from govindex.catalogue.help import Help
from govindex.catalogue.notranked import NotRankedWords, PublishHelp
from govindex.cli.commands._options import add_inputs, add_outputs, inputs_of, outputs_of, say, warn
from govindex.cli.pipeline import Appendix, appendix_of, read, write
from govindex.cli.pipeline import run as run_pipeline
from govindex.errors import InputError

#: The formats of the appendix, chosen by --format or the extension of ``--output``.
FORMATS = ("docx", "xlsx", "html", "markdown")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("publish", help=say(Help.PUBLISH), description=say(Help.PUBLISH_DESCRIPTION))
    parser.add_argument("rubric", metavar="RUBRIC", help=say(Help.RUBRIC))
    parser.add_argument("scores", metavar="SCORES", nargs="+", help=say(Help.SCORES))
    parser.add_argument("--title", metavar="TEXT", help=say(Help.TITLE))
    parser.add_argument("--subtitle", metavar="TEXT", help=say(Help.SUBTITLE))
    parser.add_argument("--caption", metavar="GROUP.NODE=TEXT", action="append", default=[], help=say(Help.CAPTION))
    parser.add_argument("--mean-decimals", type=int, metavar="N", help=say(Help.MEAN_DECIMALS))
    parser.add_argument("--first-table", type=int, metavar="N", help=say(Help.FIRST_TABLE))
    parser.add_argument("--missing", choices=("refuse", "list"), default="refuse", help=say(Help.MISSING))
    parser.add_argument("--each-agency", action="store_true", help=say(Help.EACH_AGENCY))
    parser.add_argument("--self", metavar="FILE", nargs="+", action="extend", default=[], help=say(Help.SELF_FILES))
    parser.add_argument("--merge-into", metavar="FILE|ID", help=say(PublishHelp.MERGE_INTO))
    parser.add_argument("--merge-year", type=int, metavar="YEAR", help=say(Help.MERGE_YEAR))
    add_inputs(parser)
    add_outputs(parser, FORMATS, tables=False, output_required=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from govindex.catalogue.directory import CoverageWords
    from govindex.catalogue.publishing import PublishError
    from govindex.render import render

    if args.self and not args.each_agency:
        raise InputError(PublishError.SELF_ONLY_WITH_SHEETS)
    inputs = inputs_of(args, sources=args.scores)
    outputs = outputs_of(args)
    fmt = (args.format or "docx") if args.each_agency else outputs.chosen_format(FORMATS)
    scored = run_pipeline(inputs)
    methodology, cohort, result = scored.methodology, scored.cohort, scored.result
    for notice in scored.notices():
        if getattr(notice, "code", None) != CoverageWords.MISSING.code:  # those missing: refused or listed
            warn(notice, outputs.lang)
    if args.each_agency:
        from govindex.cli.commands._sheets import write_sheets

        mine = read(inputs, methodology, sources=args.self, source=Source.SELF).assessments() if args.self else ()
        write_sheets(outputs, fmt, methodology, result, cohort.assessments(), mine)
        for item in result.not_ranked:  # a sheet states a rank: said, never dropped silently
            warn(NotRankedWords.NO_SHEET.text(outputs.lang, name=item.agency.name, reason=item.reason), outputs.lang)
        return 0
    shape = Appendix(
        title=args.title,
        subtitle=args.subtitle,
        captions=args.caption,
        mean_decimals=args.mean_decimals,
        first_table=args.first_table,
        missing=args.missing,
        merge_into=args.merge_into,
        merge_year=args.merge_year,
    )
    document = appendix_of(
        methodology, cohort, result, shape, outputs.lang, scored.directory, max_bytes=inputs.max_bytes
    )
    write(render(document, fmt, lang=outputs.lang), outputs, formats=FORMATS)
    return 0
