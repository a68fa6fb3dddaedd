"""``govindex template RUBRIC``: forms to fill in (biểu mẫu): self-assessment forms, cohort sheets, appraisal forms."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.assessment import Source
from govindex.catalogue.cli import CliError
from govindex.catalogue.help import Help
from govindex.catalogue.round import RoundFiles, RoundHelp
from govindex.cli.commands._options import add_inputs, add_lang, inputs_of, say
from govindex.cli.pipeline import Inputs, Outputs, form_of, forms_of, load, read, write_content
from govindex.errors import FileFormatError, InputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("template", help=say(Help.TEMPLATE), description=say(Help.TEMPLATE_DESCRIPTION))
    parser.add_argument("rubric", metavar="RUBRIC", help=say(Help.RUBRIC))
    parser.add_argument("--group", metavar="G", help=say(Help.GROUP))
    parser.add_argument("--agency", metavar="NAME", help=say(Help.FORM_AGENCY))
    parser.add_argument("--each-agency", action="store_true", help=say(RoundHelp.EACH_AGENCY))
    parser.add_argument("--from", dest="self_files", metavar="SELF_FILE", nargs="+", help=say(Help.TEMPLATE_FROM))
    parser.add_argument("--output", "-o", required=True, metavar="FILE.xlsx|FOLDER", help=say(Help.TEMPLATE_OUTPUT))
    parser.add_argument("--force", action="store_true", help=say(Help.FORCE))
    add_inputs(parser)
    add_lang(parser)
    parser.set_defaults(run=run)


def _appraisal(args: argparse.Namespace, inputs: Inputs) -> int:
    """An appraisal form (phiếu thẩm định) per agency of the self-assessments given."""
    from govindex.io.formsets import appraisal_forms, write_forms

    methodology = load(inputs)
    assessments = read(inputs, methodology, sources=args.self_files, source=Source.SELF).assessments()
    write_forms(appraisal_forms(methodology, assessments), Path(args.output), force=args.force)
    return 0


def _each_agency(args: argparse.Namespace, inputs: Inputs) -> int:
    """The blank self-assessment form of every agency of the directory (phiếu tự đánh giá của mọi cơ quan)."""
    from govindex.io.formsets import write_forms

    if args.agency is not None or args.self_files:
        raise InputError(RoundFiles.EACH_AGENCY_AGENCY)
    forms = forms_of(load(inputs), args.group, inputs.directory())
    write_forms(forms, Path(args.output), force=args.force, folder=True)
    return 0


def run(args: argparse.Namespace) -> int:
    inputs = inputs_of(args)
    if args.each_agency:
        return _each_agency(args, inputs)
    if args.self_files:
        return _appraisal(args, inputs)
    if args.group is None:
        raise InputError(CliError.TEMPLATE_WHAT)
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise FileFormatError(CliError.FORM_XLSX, file=str(output))
    data, _name = form_of(load(inputs), args.group, args.agency, inputs.directory())
    write_content(data, Outputs(output=output, force=args.force))
    return 0
