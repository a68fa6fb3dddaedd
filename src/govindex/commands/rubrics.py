"""``govindex rubrics``: list the bundled rubrics."""

from __future__ import annotations

import argparse

from govindex.catalogue.help import Help
from govindex.commands._options import add_outputs, emit_value, say
from govindex.io.bundled import list_rubrics, load_rubric
from govindex.render import Column, Table
from govindex.render.model import Cell
from govindex.rubric import Rubric


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("rubrics", help=say(Help.RUBRICS), description=say(Help.RUBRICS_DESCRIPTION))
    add_outputs(parser, tables=False)
    parser.set_defaults(run=run)


def _published(rubric: Rubric) -> str:
    """The scale totals are published on: the rubric's own, or a ``normalise`` rule's."""
    if rubric.publication is not None:
        return f"{rubric.publication.name}, {rubric.publication.decimals} decimals"
    for ref in rubric.rules:
        if ref.name == "normalise":
            label = ref.params.get("label") or f"per {ref.params.get('to')}"
            return f"{label}, {ref.params.get('decimals')} decimals"
    return "-"


def run(args: argparse.Namespace) -> int:
    ids = ["id", "year", "decision", "groups", "max_points", "ties", "published", "views", "title"]
    rows: list[list[Cell]] = []
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
                rubric.tie_policy.value,
                _published(rubric),
                ",".join(view.id for view in rubric.views) or "-",
                rubric.title_en or rubric.title,
            ]
        )
    table = Table("rubrics", [Column(name, name) for name in ids], rows)
    emit_value(table, args)
    return 0
