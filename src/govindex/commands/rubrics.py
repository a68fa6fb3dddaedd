"""``govindex rubrics``: list the bundled rubrics."""

from __future__ import annotations

import argparse

from govindex.commands._common import add_format, emit
from govindex.io.bundled import list_rubrics, load_rubric
from govindex.io.writers import csv_text, json_text, markdown_table, text_table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("rubrics", help="list the bundled rubrics", description="List the bundled rubrics.")
    add_format(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    header = ["id", "year", "decision", "groups", "max_points", "title"]
    rows = []
    for rubric_id in list_rubrics():
        rubric = load_rubric(rubric_id)
        maxima = sorted({str(group.tree.max_points) for group in rubric.groups})
        rows.append(
            [
                rubric.id,
                str(rubric.year),
                rubric.legal_basis.decision,
                ",".join(rubric.group_ids),
                "/".join(maxima),
                rubric.title_en or rubric.title,
            ]
        )
    if args.format == "json":
        emit(json_text([dict(zip(header, row, strict=True)) for row in rows]))
    elif args.format == "csv":
        emit(csv_text(header, rows))
    elif args.format == "markdown":
        emit(markdown_table(header, rows))
    else:
        emit(text_table(header, rows))
    return 0
