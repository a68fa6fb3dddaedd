"""``govindex rubrics``: list the bundled rubrics."""

from __future__ import annotations

import argparse

from govindex.commands._common import add_format, emit
from govindex.io.bundled import list_rubrics, load_rubric
from govindex.io.writers import render_rows


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
    emit(render_rows(header, rows, args.format))
    return 0
