"""``govindex rubrics``: list the bundled rubrics."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from govindex.catalogue.help import Help
from govindex.catalogue.listing import Listing
from govindex.cli.commands._options import add_outputs, emit_value, outputs_of, say

if TYPE_CHECKING:
    from govindex.render.model import Cell
    from govindex.rubric import Rubric


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("rubrics", help=say(Help.RUBRICS), description=say(Help.RUBRICS_DESCRIPTION))
    add_outputs(parser, tables=False)
    parser.set_defaults(run=run)


def _published(rubric: Rubric, lang: str) -> str:
    """The scale totals are published on: the rubric's own, or a ``normalise`` rule's."""
    if rubric.publication is not None:
        return Listing.DECIMALS.text(lang, label=rubric.publication.name, decimals=rubric.publication.decimals)
    for ref in rubric.rules:
        if ref.name == "normalise":
            label = ref.params.get("label") or Listing.PER.text(lang, to=ref.params.get("to"))
            return Listing.DECIMALS.text(lang, label=label, decimals=ref.params.get("decimals"))
    return Listing.NONE.text(lang)


def run(args: argparse.Namespace) -> int:
    from govindex.io.bundled import list_rubrics, load_rubric
    from govindex.render import Column, Table

    lang = outputs_of(args).lang
    rows: list[list[Cell]] = []
    for rubric_id in list_rubrics():
        rubric = load_rubric(rubric_id)
        maxima = sorted({str(group.tree.max_points) for group in rubric.groups})
        groups = [group.id for group in rubric.groups] if lang == "en" else [group.name for group in rubric.groups]
        views = [view.id if lang == "en" else view.name for view in rubric.views]
        rows.append(
            [
                rubric.id,
                str(rubric.year),
                rubric.legal_basis.decision,
                ("; " if lang != "en" else ",").join(groups),
                "/".join(maxima),
                Listing[rubric.tie_policy.name].text(lang),
                _published(rubric, lang),
                ("; " if lang != "en" else ",").join(views) or Listing.NONE.text(lang),
                (rubric.title_en or rubric.title) if lang == "en" else rubric.title,
            ]
        )
    columns = [
        Column("id"),
        Column("year"),
        Column("decision"),
        Column("groups"),
        Column("max_points", Listing.MAX_POINTS.text(lang)),
        Column("ties"),
        Column("published", Listing.SCALE.text(lang)),
        Column("views"),
        Column("title"),
    ]
    emit_value(Table(Listing.TABLE.text(lang), columns, rows), args)
    return 0
