"""``govindex template RUBRIC``: forms to fill in (biểu mẫu): self-assessment forms, cohort sheets, appraisal forms."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.agency import Agency, slugify
from govindex.assessment import Source
from govindex.catalogue.cli import CliError, Help
from govindex.commands._options import add_inputs, add_lang, inputs_of, say
from govindex.directory import AgencyDirectory
from govindex.errors import FileFormatError, InputError
from govindex.pipeline import Inputs, Outputs, load, read, write_content


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("template", help=say(Help.TEMPLATE), description=say(Help.TEMPLATE_DESCRIPTION))
    parser.add_argument("rubric", metavar="RUBRIC", help=say(Help.RUBRIC))
    parser.add_argument("--group", metavar="G", help=say(Help.GROUP))
    parser.add_argument("--agency", metavar="NAME", help=say(Help.FORM_AGENCY))
    parser.add_argument("--from", dest="self_files", metavar="SELF_FILE", nargs="+", help=say(Help.TEMPLATE_FROM))
    parser.add_argument("--output", "-o", required=True, metavar="FILE.xlsx|FOLDER", help=say(Help.TEMPLATE_OUTPUT))
    parser.add_argument("--force", action="store_true", help=say(Help.FORCE))
    add_inputs(parser)
    add_lang(parser)
    parser.set_defaults(run=run)


def _agency(name: str, group: str, registry: AgencyDirectory | None, year: int) -> Agency:
    if registry is None:
        return Agency(slugify(name) or name, name, group)
    record = registry.match(name).record
    if record.group != group:
        raise InputError(CliError.AGENCY_GROUP, found=repr(record.group), expected=repr(group), agency=record.id)
    return Agency(record.id, record.name_in(year), group)


def _appraisal(args: argparse.Namespace, inputs: Inputs) -> int:
    """An appraisal form (phiếu thẩm định) per agency of the self-assessments given."""
    from govindex.io.formsets import appraisal_forms, write_forms

    methodology = load(inputs)
    assessments = read(inputs, methodology, sources=args.self_files, source=Source.SELF).assessments()
    write_forms(appraisal_forms(methodology, assessments), Path(args.output), force=args.force)
    return 0


def run(args: argparse.Namespace) -> int:
    from govindex.formlayout import form_facts
    from govindex.io.directory import directory_of
    from govindex.render.forms import agency_form_bytes, cohort_sheet_bytes

    inputs = inputs_of(args)
    if args.self_files:
        return _appraisal(args, inputs)
    if args.group is None:
        raise InputError(CliError.TEMPLATE_WHAT)
    methodology = load(inputs)
    rubric = methodology.rubric
    group = rubric.group(args.group)
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise FileFormatError(CliError.FORM_XLSX, file=str(output))
    registry = inputs.directory() or directory_of(rubric)
    if args.agency is not None:
        agency = _agency(args.agency, group.id, registry, rubric.year)
        facts = form_facts(rubric, methodology.rules, group.id)
        data = agency_form_bytes(rubric, group.id, agency, facts=facts)
    else:
        agencies = []
        if registry is not None:
            agencies = [(record.id, record.name_in(rubric.year)) for record in registry.listed(group.id, rubric.year)]
        data = cohort_sheet_bytes(rubric, group.id, agencies)
    write_content(data, Outputs(output=output, force=args.force))
    return 0
