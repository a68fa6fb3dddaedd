"""``govindex template RUBRIC``: forms to fill in (biểu mẫu): self-assessment forms, cohort sheets, appraisal forms."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.agency import Agency, slugify
from govindex.assessment import Source
from govindex.commands._common import add_input_options, add_rules, load_methodology_of, read_score_files
from govindex.directory import AgencyDirectory
from govindex.errors import FileFormatError, InputError
from govindex.formlayout import form_facts
from govindex.io.directory import directory_of, load_directory
from govindex.io.formsets import appraisal_forms, write_forms
from govindex.methodology import Methodology
from govindex.render import write_file
from govindex.rubric import Rubric


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "template",
        help="write forms to fill in: self-assessment forms, the cohort sheet, appraisal forms",
        description=(
            "Write Excel forms for a rubric. With --group and --agency: that agency's self-assessment form "
            "(phiếu tự đánh giá), one row per criterion, to fill in with its figures, points and evidence; its "
            "criterion rows add up by formulas, and it asks the agency facts the rubric's rules read. With "
            "--group alone: the appraisal team's cohort sheet (bảng điểm thẩm định), one row per agency of the "
            "group. With --from SELF_FILE...: per agency of those self-assessments, its appraisal form (phiếu "
            "thẩm định), pre-filled with the self-assessed points (locked) to change with a reason. Filled forms "
            "are read back by score, collect, reconcile and validate. Needs the excel extra."
        ),
    )
    parser.add_argument("rubric", metavar="RUBRIC", help="a bundled rubric id or a rubric file")
    parser.add_argument("--group", metavar="G", help="the agency group (e.g. provincial, district)")
    parser.add_argument("--agency", metavar="NAME", help="the agency (its name or id) for a self-assessment form")
    parser.add_argument(
        "--from",
        dest="self_files",
        metavar="SELF_FILE",
        nargs="+",
        help="self-assessment files (filled forms, tables or YAML): an appraisal form per agency they hold",
    )
    parser.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="FILE.xlsx|FOLDER",
        help="the workbook to write; with --from, a folder (one AGENCY-ID.xlsx each) or, for one agency, a file",
    )
    parser.add_argument("--force", "--overwrite", dest="force", action="store_true", help="write over existing files")
    add_input_options(parser)
    add_rules(parser)
    parser.set_defaults(run=run)


def _registry(args: argparse.Namespace, rubric: Rubric) -> AgencyDirectory | None:
    if args.registry:
        return load_directory(args.registry)
    return directory_of(rubric)


def _agency(name: str, group: str, registry: AgencyDirectory | None, year: int) -> Agency:
    if registry is None:
        return Agency(slugify(name) or name, name, group)
    record = registry.match(name).record
    if record.group != group:
        raise InputError(f"the agency is in group {record.group!r}, not {group!r}", agency=record.id)
    return Agency(record.id, record.name_in(year), group)


def _appraisal(args: argparse.Namespace, methodology: Methodology) -> int:
    rubric = methodology.rubric
    _files, assessments = read_score_files(args.self_files, rubric, args, Source.SELF)
    forms = appraisal_forms(methodology, assessments)
    write_forms(forms, Path(args.output), force=args.force)
    return 0


def run(args: argparse.Namespace) -> int:
    from govindex.render.forms import agency_form_bytes, cohort_sheet_bytes

    methodology = load_methodology_of(args)
    if args.self_files:
        return _appraisal(args, methodology)
    rubric = methodology.rubric
    if args.group is None:
        raise InputError("give --group G (a self-assessment form or a cohort sheet) or --from SELF_FILE...")
    group = rubric.group(args.group)
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise FileFormatError("the form is an Excel workbook: name the output FILE.xlsx", file=str(output))
    registry = _registry(args, rubric)
    if args.agency is not None:
        agency = _agency(args.agency, group.id, registry, rubric.year)
        facts = form_facts(rubric, methodology.rules, group.id)
        data = agency_form_bytes(rubric, group.id, agency, facts=facts)
    else:
        agencies = []
        if registry is not None:
            agencies = [(record.id, record.name_in(rubric.year)) for record in registry.listed(group.id, rubric.year)]
        data = cohort_sheet_bytes(rubric, group.id, agencies)
    write_file(data, output, overwrite=args.force)
    return 0
