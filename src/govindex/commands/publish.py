"""``govindex publish RUBRIC SCORES... --output FILE``: the appendix of a results decision (phụ lục)."""

from __future__ import annotations

import argparse

from govindex.assessment import Assessment
from govindex.catalogue import LANGS
from govindex.commands._common import add_input_options, add_rules, load_methodology_of, place_error, read_options
from govindex.commands._output import emit_text
from govindex.errors import GovIndexError, InputError
from govindex.io.cohort import ScoreFile, combine_score_files, read_score_file
from govindex.io.published import list_datasets, load_dataset
from govindex.render import format_for_path, render
from govindex.render.appendix import appendix
from govindex.rubric import Rubric
from govindex.scoring import score

#: The formats of the appendix, chosen by the extension of ``--output``.
FORMATS = ("docx", "xlsx", "html", "markdown")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "publish",
        help="write the appendix of a results decision (Word, Excel, HTML or Markdown)",
        description=(
            "Score the agencies and write the appendix of the results decision, laid out as Decision "
            "3247/QĐ-UBND prints it: per agency group the overall ranking split into band sections with "
            "their shares, one ranking per main index with its maximum, one per view (the DTI's pillars), the "
            "published index beside the points when the rubric has a publication scale, numbered captions; the summary "
            "(group means, the overall mean of the group means, band shares summing to 100); the agencies "
            "not assessed with the reason. The extension of --output picks the format: .docx (A4, ready to "
            "sign; charts as pictures with the extra 'plot'), .xlsx (extra 'excel'), .html (one self-contained "
            "page, printable on A4) or .md. "
            "Bundled datasets: " + ", ".join(list_datasets())
        ),
    )
    parser.add_argument("rubric", metavar="RUBRIC", help="a bundled rubric or dataset id, or a rubric file")
    parser.add_argument(
        "scores",
        metavar="SCORES",
        nargs="+",
        help="score files (CSV/XLSX tables, YAML/JSON assessment files) or a bundled dataset id; "
        "several files are one cohort",
    )
    parser.add_argument("--output", metavar="FILE", required=True, help="FILE.docx, FILE.xlsx, FILE.html or FILE.md")
    parser.add_argument("--overwrite", action="store_true", help="write over an existing --output FILE")
    parser.add_argument(
        "--values",
        choices=("points", "index"),
        default="points",
        help="how the score files' values are read: points (default) or index (shares on the published scale)",
    )
    parser.add_argument(
        "--lang", choices=LANGS, default="vi", help="vi (tiếng Việt, decimal comma; default) or en (decimal point)"
    )
    parser.add_argument("--title", metavar="TEXT", help="the appendix's title (default: the rubric's appendix title)")
    parser.add_argument(
        "--subtitle", metavar="TEXT", help="the line under the title (default: the decision it is attached to)"
    )
    parser.add_argument(
        "--caption",
        metavar="GROUP.NODE=TEXT",
        action="append",
        default=[],
        help="the caption of one table: GROUP.NODE=TEXT, the root node (total) for the overall ranking; repeatable",
    )
    parser.add_argument(
        "--mean-decimals",
        type=int,
        metavar="N",
        help="decimals of the printed means (default: the rubric's appendix section)",
    )
    parser.add_argument("--first-table", type=int, metavar="N", help="the number of the first group's table (Bảng N.)")
    add_input_options(parser)
    add_rules(parser)
    parser.set_defaults(run=run)


def _captions(specs: list[str], rubric: Rubric) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for spec in specs:
        target, sep, text = spec.partition("=")
        group_id, dot, node_id = target.partition(".")
        if not sep or not dot or not text.strip():
            raise InputError(f"--caption {spec!r}: write GROUP.NODE=TEXT, e.g. provincial.total=Bảng xếp hạng")
        group = rubric.group(group_id)
        if node_id not in group.node_ids:
            raise InputError(
                f"--caption {spec!r}: group {group_id!r} has no node {node_id!r}; its nodes are "
                f"{', '.join(group.node_ids)}"
            )
        out.setdefault(group_id, {})[node_id] = text.strip()
    return out


def _assessments(
    specs: list[str], rubric: Rubric, args: argparse.Namespace
) -> tuple[list[ScoreFile], list[Assessment]]:
    """The cohort of score files and bundled datasets; an agency in two of them is refused, naming both."""
    files: list[ScoreFile] = []
    datasets = set(list_datasets())
    options = read_options(args)
    for spec in specs:
        if spec in datasets:
            dataset = load_dataset(spec)
            if dataset.rubric != rubric.id:
                raise InputError(f"dataset {spec!r} is scored under rubric {dataset.rubric!r}, not {rubric.id!r}")
            files.append(ScoreFile(spec, dataset.assessments()))
        else:
            files.append(read_score_file(spec, rubric, options=options, values=args.values))
    return files, list(combine_score_files(files))


def run(args: argparse.Namespace) -> int:
    fmt = format_for_path(args.output, FORMATS)
    rubric_id = args.rubric
    if rubric_id in list_datasets():
        rubric_id = load_dataset(rubric_id).rubric
    methodology = load_methodology_of(args, rubric_id)
    rubric = methodology.rubric
    files, cohort = _assessments(args.scores, rubric, args)
    try:
        result = score(methodology, cohort)
    except GovIndexError as error:
        raise place_error(error, files) from None
    document = appendix(
        result,
        lang=args.lang,
        order=[item.agency.id for item in cohort],
        title=args.title,
        subtitle=args.subtitle,
        captions=_captions(args.caption, rubric),
        mean_decimals=args.mean_decimals,
        first_table=args.first_table,
    )
    emit_text(render(document, fmt, lang=args.lang), args)
    return 0
