"""``govindex collect RUBRIC FILE... --output FILE``: every agency of every form in one file (gộp phiếu)."""

from __future__ import annotations

import argparse

from govindex.catalogue.forms import Collect
from govindex.catalogue.help import Help
from govindex.cli.commands._options import add_inputs, add_lang, emit, inputs_of, say, warn
from govindex.cli.pipeline import Outputs, load, notices, read, write_content


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("collect", help=say(Help.COLLECT), description=say(Help.COLLECT_DESCRIPTION))
    parser.add_argument("rubric", metavar="RUBRIC", help=say(Help.RUBRIC))
    parser.add_argument("files", metavar="FILE", nargs="+", help=say(Help.COLLECT_FILES))
    parser.add_argument("--output", "-o", required=True, metavar="FILE", help=say(Help.COLLECT_OUTPUT))
    parser.add_argument("--force", action="store_true", help=say(Help.FORCE))
    add_inputs(parser)
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from govindex.io.collect import collected_bytes, files_of

    files = files_of(args.files)
    inputs = inputs_of(args, sources=files)
    methodology = load(inputs)
    directory = inputs.directory()
    cohort = read(inputs, methodology, directory=directory)
    for notice in notices(methodology, cohort, directory=directory):
        warn(notice, args.lang)
    assessments = cohort.assessments()
    data = collected_bytes(assessments, methodology.rubric, args.output)
    write_content(data, Outputs(output=args.output, force=args.force))
    emit(Collect.WROTE.text(args.lang, count=len(assessments), files=len(files), output=args.output) + "\n")
    return 0
