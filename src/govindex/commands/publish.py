"""``govindex publish RUBRIC SCORES... --output FILE``: the appendix of a results decision (phụ lục)."""

from __future__ import annotations

import argparse

from govindex.assessment import Assessment, Source
from govindex.catalogue import LANGS
from govindex.catalogue.directory import CoverageWords
from govindex.catalogue.publishing import PublishError
from govindex.commands._common import (
    add_input_options,
    add_rules,
    load_methodology_of,
    place_error,
    read_options,
    warn,
)
from govindex.commands._output import emit_text
from govindex.commands._sheets import write_sheets
from govindex.coverage import Coverage, coverage
from govindex.errors import GovIndexError, InputError
from govindex.io.cohort import ScoreFile, combine_score_files, read_score_file
from govindex.io.directory import directory_of, load_directory
from govindex.io.published import list_datasets, load_dataset
from govindex.render import format_for_path, render
from govindex.render.appendix import appendix, not_sent
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
            "not assessed with the reason; the agencies of the province's list that sent no form (chưa nộp "
            "phiếu), with --missing list. Every page says where the scores come from (tự đánh giá, thẩm định, "
            "đã công bố). The extension of --output picks the format: .docx (A4, ready to "
            "sign; charts as pictures with the extra 'plot'), .xlsx (extra 'excel'), .html (one self-contained "
            "page, printable on A4) or .md. With --each-agency: one result sheet per agency (thông báo kết quả) "
            "in the folder --output. "
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
    parser.add_argument(
        "--output",
        metavar="FILE",
        required=True,
        help="FILE.docx, FILE.xlsx, FILE.html or FILE.md; with --each-agency a folder (made if missing)",
    )
    parser.add_argument(
        "--force", "--overwrite", dest="overwrite", action="store_true", help="write over existing output files"
    )
    parser.add_argument(
        "--missing",
        choices=("refuse", "list"),
        default="refuse",
        help="agencies of the province's list that sent no form (chưa nộp phiếu): refuse to publish (default) "
        "or list them in a section of the appendix; the list is the rubric's province's directory or --registry",
    )
    parser.add_argument(
        "--each-agency",
        action="store_true",
        help="write one result sheet per agency (thông báo kết quả) into the folder --output, named from the "
        "agency's id: total, band, rank, each criterion, the rules applied and the evidence",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="the format of the result sheets of --each-agency (default: docx)",
    )
    parser.add_argument(
        "--self",
        metavar="FILE",
        nargs="+",
        action="extend",
        default=[],
        help="with --each-agency: the agencies' self-assessments (tự đánh giá), shown beside the scores of SCORES",
    )
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
    specs: list[str], rubric: Rubric, args: argparse.Namespace, source: Source | None = None
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
            files.append(read_score_file(spec, rubric, options=options, values=args.values, source=source))
    return files, list(combine_score_files(files))


def _coverage(args: argparse.Namespace, rubric: Rubric, cohort: list[Assessment]) -> Coverage | None:
    """The round's agencies against the province's list: warnings for the groups of which nothing was found
    and the agencies it does not know; a refusal, naming them, of those that sent no form unless --missing
    list."""
    directory = load_directory(args.registry) if args.registry else directory_of(rubric)
    if directory is None:
        return None
    found = coverage(directory, rubric, [item.agency.id for item in cohort])
    missing = not_sent(found)
    for problem in found.warnings():
        if problem.code != CoverageWords.MISSING.code:
            warn(problem.describe(args.lang))
    if missing and args.missing == "refuse":
        names = "; ".join(record.name_in(found.year) for _group, record in missing)
        raise InputError(
            PublishError.MISSING, count=len(missing), directory=found.directory, year=found.year, names=names
        )
    return found


def run(args: argparse.Namespace) -> int:
    if args.self and not args.each_agency:
        raise InputError(PublishError.SELF_ONLY_WITH_SHEETS)
    fmt = args.format or "docx" if args.each_agency else format_for_path(args.output, FORMATS)
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
    if args.each_agency:
        mine: list[Assessment] = []
        if args.self:
            _files, mine = _assessments(args.self, rubric, args, Source.SELF)
        write_sheets(args, methodology, result, cohort, mine)
        return 0
    found = _coverage(args, rubric, cohort)
    document = appendix(
        result,
        lang=args.lang,
        order=[item.agency.id for item in cohort],
        title=args.title,
        subtitle=args.subtitle,
        captions=_captions(args.caption, rubric),
        mean_decimals=args.mean_decimals,
        first_table=args.first_table,
        coverage=found,
    )
    emit_text(render(document, fmt, lang=args.lang), args)
    return 0
