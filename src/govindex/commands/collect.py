"""``govindex collect RUBRIC FILE... --output FILE``: every agency of every form in one file (gộp phiếu)."""

from __future__ import annotations

import argparse

from govindex.catalogue.forms import Collect
from govindex.commands._common import add_input_options, emit, load_methodology_of, read_options, warn_coverage
from govindex.io.collect import collect, collected_bytes, files_of
from govindex.render import write_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "collect",
        help="collect filled forms and score files into one file, checked together",
        description=(
            "Read filled forms (self-assessment, appraisal, cohort sheets) and score files together, every "
            "problem of every file listed and an agency found in two files refused naming both, then write "
            "every agency in one file: YAML or JSON (source, flags, facts, scores, evidence and reasons), or a "
            "long CSV or XLSX table (with evidence), by the extension of --output."
        ),
    )
    parser.add_argument("rubric", metavar="RUBRIC", help="a bundled rubric id or a rubric file")
    parser.add_argument(
        "files", metavar="FILE", nargs="+", help="filled forms and score files; a folder stands for its score files"
    )
    parser.add_argument(
        "--output", "-o", required=True, metavar="FILE", help="the file to write (.xlsx .csv .yaml .json)"
    )
    parser.add_argument("--force", action="store_true", help="write over an existing --output file")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="the language of messages")
    add_input_options(parser)
    parser.set_defaults(run=run, rules=[], trust_rules=False)


def run(args: argparse.Namespace) -> int:
    rubric = load_methodology_of(args).rubric
    assessments = collect(args.files, rubric, options=read_options(args))
    data = collected_bytes(assessments, rubric, args.output)
    agencies = [assessment.agency.id for assessment in assessments]
    warn_coverage(rubric, agencies, args.registry, args.lang)
    write_file(data, args.output, overwrite=args.force)
    files = len(files_of(args.files))
    emit(Collect.WROTE.text(args.lang, count=len(assessments), files=files, output=args.output) + "\n")
    return 0
