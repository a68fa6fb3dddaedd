"""``govindex reconcile SELF APPRAISED`` (or ``SELF... --appraised APPRAISED...``): self-assessment against appraisal."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.assessment import Source
from govindex.catalogue.reports import Reconciled
from govindex.commands._common import add_input_options, add_rules, load_methodology_of, read_score_files, warn
from govindex.commands._output import add_output_options, chosen_format, emit, emit_text
from govindex.errors import FileFormatError, InputError
from govindex.io.appraisal import check_appraisal_forms
from govindex.io.bundled import list_rubrics
from govindex.io.yamlio import load_yaml
from govindex.methodology import Methodology
from govindex.reconciliation import reconcile
from govindex.rubric import Rubric


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "reconcile",
        help="compare a self-assessment with the appraisal (đối chiếu)",
        description=(
            "Score a self-assessment (tự đánh giá) and the appraisal (thẩm định) of the same agencies under "
            "one rubric, and list per agency the nodes that differ (largest first; difference = appraised - "
            "self) and the effect on total, band and rank. Agencies found in one file only are listed as such."
        ),
    )
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="SELF APPRAISED: the self-assessment and the appraisal (CSV/XLSX tables, forms or YAML/JSON "
        "files); with --appraised, every FILE is part of the self-assessment; with --published, one FILE",
    )
    parser.add_argument(
        "--appraised",
        metavar="FILE",
        nargs="+",
        help="the appraisal as one or more files (then the FILEs before are the self-assessment)",
    )
    parser.add_argument(
        "--published",
        metavar="TABLE",
        help=(
            "instead of an appraisal, a published table (CSV: agency,published[,rank]): score SELF and tell, per "
            "agency, an exact match, a difference the rounding of published components explains, or a real "
            "difference; exit 1 on a real difference"
        ),
    )
    parser.add_argument(
        "--values",
        choices=("points", "index"),
        default="points",
        help="how the score files' values are read: points (default) or index (shares on the published scale)",
    )
    parser.add_argument(
        "--rubric",
        metavar="RUBRIC",
        help="a bundled rubric id or a rubric file (default: the rubric the YAML/JSON files name)",
    )
    add_output_options(parser)
    parser.add_argument(
        "--plot", metavar="FILE", help="also draw the rank movement (self -> appraised) to FILE.png or FILE.svg"
    )
    add_input_options(parser)
    add_rules(parser)
    parser.set_defaults(run=run)


def _header(path: str) -> dict[str, object]:
    """The top-level keys of a YAML/JSON assessment file (nothing for a CSV table)."""
    if Path(path).suffix.lower() not in {".yaml", ".yml", ".json"}:
        return {}
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FileFormatError(f"cannot read the file: {error.strerror}", file=path) from None
    except UnicodeDecodeError as error:
        raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=path) from None
    data = load_yaml(text, file=path)
    return data if isinstance(data, dict) else {}


def _files(headers: dict[str, dict[str, object]]) -> str:
    return "two files" if len(headers) == 2 else "files"


def _rubric(args: argparse.Namespace, headers: dict[str, dict[str, object]]) -> Methodology:
    if args.rubric:
        return load_methodology_of(args)
    named = {path: header["rubric"] for path, header in headers.items() if header.get("rubric") is not None}
    if not named:
        raise InputError("neither file names its rubric; give --rubric RUBRIC")
    if len(set(map(str, named.values()))) > 1:
        shown = "; ".join(f"{path} names {value!r}" for path, value in named.items())
        raise InputError(f"the {_files(headers)} are for different rubrics ({shown}); give --rubric RUBRIC")
    path, rubric_id = next(iter(named.items()))
    if not isinstance(rubric_id, str) or rubric_id not in list_rubrics():
        raise InputError(
            "the file names a rubric that is not bundled (a data file names its rubric by id, never by a path); "
            "give --rubric RUBRIC (a bundled id or a rubric file)",
            file=path,
            path="rubric",
        )
    return load_methodology_of(args, rubric_id)


def run(args: argparse.Namespace) -> int:
    if args.published is not None:
        if args.appraised or len(args.files) > 1:
            raise InputError("give either APPRAISED or --published TABLE, not both")
        return _against_published(args)
    if args.appraised:
        self_files, appraised_files = list(args.files), list(args.appraised)
    elif len(args.files) == 2:
        self_files, appraised_files = [args.files[0]], [args.files[1]]
    elif len(args.files) == 1:
        raise InputError("give the appraisal (APPRAISED) or a published table (--published TABLE)")
    else:
        raise InputError(
            "give the self-assessment and the appraisal: govindex reconcile SELF APPRAISED, "
            "or several files with govindex reconcile SELF... --appraised APPRAISED..."
        )
    headers = {path: _header(path) for path in [*self_files, *appraised_files]}
    for paths, expected, other in (
        (self_files, Source.SELF, Source.APPRAISED),
        (appraised_files, Source.APPRAISED, Source.SELF),
    ):
        for path in paths:
            if headers[path].get("source") == other.value:
                raise InputError(
                    f"the file says source: {other.value}, but it is given as the {expected.value} file "
                    f"(govindex reconcile SELF APPRAISED); are the {_files(headers)} swapped?",
                    file=path,
                    path="source",
                )
    methodology = _rubric(args, headers)
    rubric = methodology.rubric
    mine = read_score_files(self_files, rubric, args, Source.SELF, values=args.values)[1]
    read, theirs = read_score_files(appraised_files, rubric, args, Source.APPRAISED, values=args.values)
    check_appraisal_forms(appraised_files, mine, self_files)
    for score_file in read:
        for warning in score_file.warnings:
            warn(warning.describe(args.lang))
    outcome = reconcile(rubric, mine, theirs, rules=methodology.rules)
    if args.plot:
        from govindex import plots

        plots.format_for_chart(args.plot)
        if not outcome.agencies:
            raise InputError("no agency is in both files; there is no rank movement to draw")
        figure = plots.slope_chart(
            outcome.rank_movements(),
            labels=(Reconciled.SELF.text(args.lang), Reconciled.APPRAISED.text(args.lang)),
            title=Reconciled.CHART_TITLE.text(args.lang, rubric=_title(rubric, args.lang)),
            lang=args.lang,
        )
        plots.save_figure(figure, args.plot)
    emit(outcome, args)
    return 0


def _title(rubric: Rubric, lang: str) -> str:
    return (rubric.title_en or rubric.title) if lang == "en" else rubric.title


def _against_published(args: argparse.Namespace) -> int:
    """``govindex reconcile SCORES --published TABLE``: a recomputation against the published figures."""
    from govindex.agreement import check_published
    from govindex.io.published_table import read_published_table
    from govindex.render import render
    from govindex.render.agreement import agreement_document
    from govindex.scoring import score

    if args.table or args.plot:
        raise InputError("with --published, give neither --table nor --plot")
    methodology = _rubric(args, {path: _header(path) for path in args.files})
    rubric = methodology.rubric
    assessments = read_score_files(args.files, rubric, args, values=args.values)[1]
    figures = read_published_table(args.published)
    publication = rubric.publication
    decimals = publication.decimals if args.values == "index" and publication is not None else None
    result = score(methodology, assessments)
    check = check_published(result, figures, component_decimals=decimals)
    fmt = chosen_format(args)
    if fmt == "json":
        emit(check, args)
    else:
        document = agreement_document(check, args.lang, result=result)
        emit_text(render(document, fmt, lang=args.lang, excel_vn=getattr(args, "excel_vn", False)), args)
    return 0 if check.ok else 1
