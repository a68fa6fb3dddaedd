"""``govindex reproduce DATASET``: recompute a published result and compare."""

from __future__ import annotations

import argparse

from govindex.commands._common import emit
from govindex.io.published import list_datasets, load_dataset, reproduce
from govindex.io.writers import text_table


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


def run(args: argparse.Namespace) -> int:
    dataset = load_dataset(args.dataset)
    outcome = reproduce(dataset)
    result = outcome.result
    node_ids = [n for n in result.node_ids(dataset.agencies[0].group) if n != "total"] if dataset.agencies else []
    header = ["agency", "total", "(computed)", "band", "(computed)", "rank", "(computed)"]
    header += [f"{n} rank" for n in node_ids]
    rows = []
    for agency in dataset.agencies:
        row = result.agency(agency.id)
        published = agency.published
        band = row.band.id if row.band else "-"
        cells = [
            agency.name,
            result.format(published.total),
            result.format(row.total) + _mark(result.format(published.total), result.format(row.total)),
            published.band or "-",
            band + _mark(published.band or "-", band),
            str(published.rank),
            str(row.rank) + _mark(published.rank, row.rank),
        ]
        for node_id in node_ids:
            mine = row.node_ranks.get(node_id)
            theirs = published.ranks.get(node_id)
            cells.append(f"{theirs}/{mine}" + _mark(theirs, mine))
        rows.append(cells)
    source = dataset.source
    emit(f"{dataset.dataset}: official ({source.get('decision', '?')}) vs recomputed from the category scores\n")
    if node_ids:
        emit("category ranks are shown as official/computed\n")
    emit("\n" + text_table(header, rows))
    checked = sum(3 + len(a.published.ranks) for a in dataset.agencies)
    if outcome.ok:
        emit(f"\n0 differences in {checked} published figures for {len(dataset.agencies)} agencies.\n")
        return 0
    emit(f"\n{len(outcome.differences)} difference(s) in {checked} published figures:\n")
    for diff in outcome.differences:
        emit(f"  {diff.agency}: {diff.what}: published {diff.published}, computed {diff.computed}\n")
    return 1
