"""``govindex reconcile SELF APPRAISED`` (or ``SELF... --appraised APPRAISED...``): self-assessment against appraisal."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.assessment import Source
from govindex.catalogue.cli import CliError
from govindex.catalogue.files import Files
from govindex.catalogue.help import Help
from govindex.catalogue.reports import Reconciled
from govindex.cli.commands._options import add_inputs, add_outputs, emit_value, inputs_of, outputs_of, say, warn
from govindex.cli.pipeline import Inputs, load, read, score_cohort, write
from govindex.errors import FileFormatError, InputError
from govindex.methodology import Methodology
from govindex.rubric import Rubric


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("reconcile", help=say(Help.RECONCILE), description=say(Help.RECONCILE_DESCRIPTION))
    parser.add_argument("files", metavar="FILE", nargs="+", help=say(Help.RECONCILE_FILES))
    parser.add_argument("--appraised", metavar="FILE", nargs="+", help=say(Help.APPRAISED))
    parser.add_argument("--published", metavar="TABLE", help=say(Help.PUBLISHED))
    parser.add_argument("--rubric", metavar="RUBRIC", help=say(Help.RUBRIC_OPTION))
    parser.add_argument("--plot", metavar="FILE", help=say(Help.PLOT))
    add_inputs(parser)
    add_outputs(parser)
    parser.set_defaults(run=run)


def _header(path: str, max_bytes: int) -> dict[str, object]:
    """The top-level keys of a YAML/JSON assessment file (nothing for a CSV table)."""
    from govindex.io.cells import read_limited
    from govindex.io.yamlio import load_yaml

    if Path(path).suffix.lower() not in {".yaml", ".yml", ".json"}:
        return {}
    data = read_limited(path, max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(Files.NOT_UTF8, byte=error.start, file=path) from None
    found = load_yaml(text, file=path)
    return found if isinstance(found, dict) else {}


def _methodology(inputs: Inputs, headers: dict[str, dict[str, object]]) -> Methodology:
    """The rubric given (--rubric), else the one bundled rubric the YAML/JSON files name."""
    from govindex.io.bundled import list_rubrics

    if inputs.rubric is not None:
        return load(inputs)
    named = {path: header["rubric"] for path, header in headers.items() if header.get("rubric") is not None}
    if not named:
        raise InputError(CliError.NO_RUBRIC)
    if len(set(map(str, named.values()))) > 1:
        raise InputError(CliError.RUBRICS_DIFFER, shown=[f"{path}: {value!r}" for path, value in named.items()])
    path, rubric_id = next(iter(named.items()))
    if not isinstance(rubric_id, str) or rubric_id not in list_rubrics():
        raise InputError(CliError.RUBRIC_NOT_BUNDLED, file=path, path="rubric")
    return load(Inputs(rubric=rubric_id, rules=inputs.rules, trust_rules=inputs.trust_rules))


def _sides(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    if args.appraised:
        return list(args.files), list(args.appraised)
    if len(args.files) == 2:
        return [args.files[0]], [args.files[1]]
    if len(args.files) == 1:
        raise InputError(CliError.NO_APPRAISAL)
    raise InputError(CliError.RECONCILE_FILES)


def run(args: argparse.Namespace) -> int:
    from govindex.reconciliation import reconcile

    if args.published is not None:
        if args.appraised or len(args.files) > 1:
            raise InputError(CliError.APPRAISED_AND_PUBLISHED)
        return _against_published(args)
    from govindex.io.cohort import score_files

    # a folder stands for its files, each checked as given alone (its source, an appraisal form's self column)
    self_files, appraised_files = ([str(path) for path in score_files(side)] for side in _sides(args))
    inputs = inputs_of(args)
    lang = outputs_of(args).lang
    headers = {path: _header(path, inputs.max_bytes) for path in [*self_files, *appraised_files]}
    for paths, expected, other in (
        (self_files, Source.SELF, Source.APPRAISED),
        (appraised_files, Source.APPRAISED, Source.SELF),
    ):
        for path in paths:
            if headers[path].get("source") == other.value:
                raise InputError(CliError.SWAPPED, stated=other.value, given=expected.value, file=path, path="source")
    methodology = _methodology(inputs, headers)
    directory = inputs.directory()
    own = read(inputs, methodology, sources=self_files, source=Source.SELF, directory=directory)
    mine = own.assessments()
    theirs = read(inputs, methodology, sources=appraised_files, source=Source.APPRAISED, directory=directory)
    from govindex.io.appraisal import check_appraisal_forms

    where = {agency_id: place[0] for agency_id, place in own.places.items() if place[0] is not None}
    check_appraisal_forms(appraised_files, mine, self_files, where, max_bytes=inputs.max_bytes)
    for warning in theirs.warnings:
        warn(warning, lang)
    outcome = reconcile(methodology.rubric, mine, theirs.assessments(), rules=methodology.rules)
    if args.plot:
        from govindex.render import plots

        plots.format_for_chart(args.plot)
        if not outcome.agencies:
            raise InputError(CliError.NOTHING_TO_DRAW)
        figure = plots.slope_chart(
            outcome.rank_movements(),
            labels=(Reconciled.SELF.text(lang), Reconciled.APPRAISED.text(lang)),
            title=Reconciled.CHART_TITLE.text(lang, rubric=_title(methodology.rubric, lang)),
            lang=lang,
        )
        plots.save_figure(figure, args.plot, overwrite=args.force)
    emit_value(outcome, args)
    return 0


def _title(rubric: Rubric, lang: str) -> str:
    return (rubric.title_en or rubric.title) if lang == "en" else rubric.title


def _against_published(args: argparse.Namespace) -> int:
    """``govindex reconcile SCORES... --published TABLE``: a recomputation against the published figures."""
    from govindex.agreement import check_published
    from govindex.io.published_table import read_published_table
    from govindex.render import render
    from govindex.render.agreement import agreement_document

    if args.table or args.plot:
        raise InputError(CliError.PUBLISHED_OPTIONS)
    inputs = inputs_of(args, sources=args.files)
    outputs = outputs_of(args)
    methodology = _methodology(inputs, {path: _header(path, inputs.max_bytes) for path in args.files})
    cohort = read(inputs, methodology)
    result = score_cohort(methodology, cohort)
    figures = read_published_table(args.published, max_bytes=inputs.max_bytes)
    publication = methodology.rubric.publication
    decimals = publication.decimals if inputs.values == "index" and publication is not None else None
    check = check_published(result, figures, component_decimals=decimals)
    if outputs.chosen_format() == "json":
        emit_value(check, args)
    else:
        document = agreement_document(check, outputs.lang, result=result)
        write(render(document, outputs.chosen_format(), lang=outputs.lang, excel_vn=outputs.excel_vn), outputs)
    return 0 if check.ok else 1
