"""``govindex reproduce DATASET``: recompute a published result and compare."""

from __future__ import annotations

import argparse
from decimal import Decimal

from govindex.commands._common import emit
from govindex.errors import GovIndexError
from govindex.io.published import list_datasets, load_dataset, reproduce
from govindex.io.writers import text_table
from govindex.results import Result


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "reproduce",
        help="recompute a bundled published result and compare it with the official one",
        description=(
            "Recompute a published result from its scores, print the official and recomputed "
            "tables side by side, and exit 1 on any difference. Bundled datasets: " + ", ".join(list_datasets())
        ),
    )
    parser.add_argument("dataset", metavar="DATASET", help="a bundled dataset id or a dataset file")
    parser.set_defaults(run=run)


def _mark(published: object, computed: object) -> str:
    return "" if str(published) == str(computed) else " ≠"


def _points(result: Result, value: Decimal) -> str:
    """A published figure with the rubric's decimals, or as printed when it has more (it then differs)."""
    try:
        return result.format(value)
    except GovIndexError:
        return str(value)


def _dash(value: object) -> str:
    return "-" if value is None else str(value)


def run(args: argparse.Namespace) -> int:
    dataset = load_dataset(args.dataset)
    outcome = reproduce(dataset)
    result = outcome.result
    groups = {agency.group for agency in dataset.agencies}
    node_ids: list[str] = []
    for group in result.rubric.groups:
        if group.id in groups:
            node_ids += [n for n in group.node_ids if n != group.tree.id and n not in node_ids]
    header = ["agency", "total", "(computed)", "band", "(computed)", "rank", "(computed)"]
    header += [f"{n} rank" for n in node_ids]
    rows = []
    for agency in dataset.agencies:
        row = result.agency(agency.id)
        published = agency.published
        band = row.band.id if row.band else "-"
        cells = [
            agency.name,
            _points(result, published.total),
            result.format(row.total) + _mark(_points(result, published.total), result.format(row.total)),
            published.band or "-",
            band + ("" if published.band is None else _mark(published.band, band)),
            _dash(published.rank),
            str(row.rank) + ("" if published.rank is None else _mark(published.rank, row.rank)),
        ]
        for node_id in node_ids:
            mine = row.node_ranks.get(node_id)
            theirs = published.ranks.get(node_id)
            if theirs is None and mine is None:
                cells.append("")
            else:
                cells.append(f"{_dash(theirs)}/{_dash(mine)}" + _mark(theirs, mine))
        rows.append(cells)
    source = dataset.source
    emit(f"{dataset.dataset}: official ({source.get('decision', '?')}) vs recomputed from the category scores\n")
    if node_ids:
        emit("category ranks are shown as official/computed\n")
    emit("\n" + text_table(header, rows))
    checked = outcome.checked
    if outcome.ok:
        emit(f"\n0 differences in {checked} published figures for {len(dataset.agencies)} agencies.\n")
        return 0
    emit(f"\n{len(outcome.differences)} difference(s) in {checked} published figures:\n")
    for diff in outcome.differences:
        emit(f"  {diff.agency}: {diff.what}: published {diff.published}, computed {diff.computed}\n")
    return 1
