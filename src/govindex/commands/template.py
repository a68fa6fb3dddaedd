"""``govindex template RUBRIC --group G [--agency NAME] --output FORM.xlsx``: forms to fill in (biểu mẫu)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.agency import Agency, slugify
from govindex.directory import AgencyDirectory
from govindex.errors import FileFormatError, InputError
from govindex.io.bundled import load_rubric
from govindex.io.directory import directory_of, list_directories, load_directory
from govindex.render import write_file
from govindex.rubric import Rubric


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "template",
        help="write a form to fill in: an agency's self-assessment form or the appraisal team's cohort sheet",
        description=(
            "Write an Excel form for a group of a rubric. With --agency: that agency's self-assessment form "
            "(phiếu tự đánh giá), one row per criterion, to fill in with its figures, points and evidence. "
            "Without: the appraisal team's cohort sheet (bảng điểm thẩm định), one row per agency of the group "
            "(from the agency directory) and one column per sub-criterion. Filled forms are read back by "
            "score, report, reconcile and validate. Needs the excel extra."
        ),
    )
    parser.add_argument("rubric", metavar="RUBRIC", help="a bundled rubric id or a rubric file")
    parser.add_argument("--group", required=True, metavar="G", help="the agency group (e.g. provincial, district)")
    parser.add_argument("--agency", metavar="NAME", help="the agency (its name or id) for a self-assessment form")
    parser.add_argument(
        "--registry",
        metavar="REGISTRY",
        help="the agency directory (a file or a bundled id); default: the bundled directory of the rubric's "
        f"province, if any ({', '.join(list_directories()) or 'none'})",
    )
    parser.add_argument("--output", "-o", required=True, metavar="FORM.xlsx", help="the workbook to write")
    parser.add_argument("--overwrite", action="store_true", help="write over an existing --output file")
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


def run(args: argparse.Namespace) -> int:
    from govindex.render.forms import agency_form_bytes, cohort_sheet_bytes

    rubric = load_rubric(args.rubric)
    group = rubric.group(args.group)
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise FileFormatError("the form is an Excel workbook: name the output FILE.xlsx", file=str(output))
    registry = _registry(args, rubric)
    if args.agency is not None:
        data = agency_form_bytes(rubric, group.id, _agency(args.agency, group.id, registry, rubric.year))
    else:
        agencies = []
        if registry is not None:
            agencies = [(record.id, record.name_in(rubric.year)) for record in registry.listed(group.id, rubric.year)]
        data = cohort_sheet_bytes(rubric, group.id, agencies)
    write_file(data, output, overwrite=args.overwrite)
    return 0
