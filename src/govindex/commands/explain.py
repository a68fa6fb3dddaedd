"""``govindex explain RUBRIC SCORES AGENCY [NODE]``: how a score came to be."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.commands._common import add_input_options, add_rules, load_methodology_of, place_error, read_score_files
from govindex.commands._output import add_output_options, chosen_format, emit_text
from govindex.errors import GovIndexError
from govindex.explanation import explanation
from govindex.io.cohort import ScoreFile
from govindex.io.published import list_datasets, load_dataset
from govindex.render import data, render
from govindex.render.explanations import explanation_lines
from govindex.render.json import json_text
from govindex.render.safe import one_line
from govindex.scoring import score


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "explain",
        help="explain how an agency's score on a node (default: the total) came to be",
        description=(
            "Score the agencies of a score file under a rubric, with the rubric's rules, and explain one "
            "agency's score on one node (default: the total): the score given or the sum of its children, "
            "every rule that set or changed it with its formula, inputs and legal basis, its band and rank. "
            "In Vietnamese (the default) the explanation can be published: names instead of ids, decimal "
            "commas, bands in the decisions' words; in English the ids stand beside the names. "
            "--format markdown, html or docx writes it as a document, json as data."
        ),
    )
    parser.add_argument("rubric", metavar="RUBRIC", help="a bundled rubric id or a rubric file")
    parser.add_argument(
        "scores",
        metavar="SCORES",
        help="a score file (assessment YAML/JSON or CSV/XLSX score table) or a bundled published dataset id ("
        + ", ".join(list_datasets())
        + ")",
    )
    parser.add_argument("agency", metavar="AGENCY", help="the agency id")
    parser.add_argument("node", metavar="NODE", nargs="?", default=None, help="a node or view id (default: the total)")
    parser.add_argument(
        "--values",
        choices=("points", "index"),
        default="points",
        help="how the score file's values are read: points (default) or index (shares on the published scale)",
    )
    add_output_options(parser, FORMATS, tables=False, excel_vn=False)
    add_input_options(parser)
    add_rules(parser)
    parser.set_defaults(run=run)


#: The formats of an explanation: running text, or a document in Markdown, HTML, Word; JSON data.
FORMATS = ("table", "markdown", "html", "docx", "json")


def run(args: argparse.Namespace) -> int:
    methodology = load_methodology_of(args)
    rubric = methodology.rubric
    if args.scores in list_datasets() and not Path(args.scores).exists():
        files: list[ScoreFile] = []
        assessments = load_dataset(args.scores).assessments()
    else:
        files, assessments = read_score_files([args.scores], rubric, args, values=args.values)
    try:
        result = score(methodology, assessments)
    except GovIndexError as error:
        raise place_error(error, files) from None
    value = explanation(result, args.agency, args.node)
    fmt = chosen_format(args, FORMATS)
    if fmt == "table":
        emit_text("".join(one_line(line) + "\n" for line in explanation_lines(value, args.lang)), args)
    elif fmt == "json":
        lines = explanation_lines(value, args.lang)
        body = {"agency": args.agency, "node": args.node, "lang": args.lang, "lines": lines, "explanation": data(value)}
        emit_text(json_text(body), args)
    else:
        emit_text(render(value, fmt, lang=args.lang), args)
    return 0
