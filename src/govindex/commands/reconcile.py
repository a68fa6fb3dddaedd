"""``govindex reconcile SELF APPRAISED``: self-assessment against appraisal (đối chiếu)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.assessment import Source
from govindex.commands._common import add_rules
from govindex.commands._output import add_output_options, emit_report
from govindex.errors import FileFormatError, InputError
from govindex.io.assessments import read_assessments
from govindex.io.bundled import load_rubric
from govindex.io.yamlio import load_yaml
from govindex.reconcile import reconcile
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
    parser.add_argument("self_file", metavar="SELF", help="the self-assessment: CSV table or YAML/JSON assessment file")
    parser.add_argument("appraised_file", metavar="APPRAISED", help="the appraisal: CSV table or YAML/JSON file")
    parser.add_argument(
        "--rubric",
        metavar="RUBRIC",
        help="a bundled rubric id or a rubric file (default: the rubric the YAML/JSON files name)",
    )
    add_output_options(parser)
    parser.add_argument(
        "--plot", metavar="FILE", help="also draw the rank movement (self -> appraised) to FILE.png or FILE.svg"
    )
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


def _rubric(args: argparse.Namespace, headers: dict[str, dict[str, object]]) -> Rubric:
    if args.rubric:
        return load_rubric(args.rubric, rules=args.rules)
    named = {path: header["rubric"] for path, header in headers.items() if header.get("rubric") is not None}
    if not named:
        raise InputError("neither file names its rubric; give --rubric RUBRIC")
    if len(set(map(str, named.values()))) > 1:
        shown = "; ".join(f"{path} names {value!r}" for path, value in named.items())
        raise InputError(f"the two files are for different rubrics ({shown}); give --rubric RUBRIC")
    return load_rubric(str(next(iter(named.values()))), rules=args.rules)


def run(args: argparse.Namespace) -> int:
    headers = {args.self_file: _header(args.self_file), args.appraised_file: _header(args.appraised_file)}
    for path, expected, other in (
        (args.self_file, Source.SELF, Source.APPRAISED),
        (args.appraised_file, Source.APPRAISED, Source.SELF),
    ):
        if headers[path].get("source") == other.value:
            raise InputError(
                f"the file says source: {other.value}, but it is given as the {expected.value} file "
                "(govindex reconcile SELF APPRAISED); are the two files swapped?",
                file=path,
                path="source",
            )
    rubric = _rubric(args, headers)
    mine = read_assessments(args.self_file, rubric, source=Source.SELF)
    theirs = read_assessments(args.appraised_file, rubric, source=Source.APPRAISED)
    outcome = reconcile(rubric, mine, theirs)
    if args.plot:
        from govindex import plots

        plots.format_for_chart(args.plot)
        if not outcome.agencies:
            raise InputError("no agency is in both files; there is no rank movement to draw")
        figure = plots.slope_chart(
            outcome.rank_movements(),
            labels=("Tự đánh giá / self", "Thẩm định / appraised"),
            title=f"Thứ hạng: tự đánh giá → thẩm định / rank: self → appraised ({rubric.id})",
        )
        plots.save_figure(figure, args.plot)
    emit_report(outcome, args)
    return 0
