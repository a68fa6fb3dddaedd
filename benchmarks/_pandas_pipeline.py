"""The pandas float pipeline that the benchmarks compare govindex with.

It does what ``govindex score`` does, the way a pandas user would write it:
per agency group, every internal node is the float sum of its children
(bottom up), the total is banded by comparing it with the band bounds, and
agencies are dense-ranked (higher first) within their group, on the main
indices and the total only (``rank="main"``) or on every node
(``rank="all"``).

As a script it is the pandas side of the whole-process comparison::

    python benchmarks/_pandas_pipeline.py RUBRIC.yaml SCORES.csv OUT.json [--rank main|all]

It reads the tree and bands from the govindex rubric YAML, the wide score
table with ``pandas.read_csv``, and writes one JSON record per agency with
``to_json``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Tree:
    """A group's tree as the pipeline needs it."""

    root: str
    children: dict[str, list[str]]  # internal node -> its children
    bottom_up: list[str]  # internal nodes, children before parents
    leaves: list[str]
    nodes: list[str]  # every node, depth first


def tree_of(data: dict[str, Any]) -> Tree:
    """A tree from a rubric's ``tree`` mapping (id, children, ...)."""
    children: dict[str, list[str]] = {}
    post: list[str] = []
    leaves: list[str] = []
    nodes: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        nodes.append(node["id"])
        kids = node.get("children") or []
        if not kids:
            leaves.append(node["id"])
            return
        children[node["id"]] = [kid["id"] for kid in kids]
        for kid in kids:
            walk(kid)
        post.append(node["id"])

    walk(data)
    return Tree(data["id"], children, post, leaves, nodes)


def score_frame(
    frame: pd.DataFrame, trees: dict[str, Tree], bands: Sequence[tuple[str, float]], rank: str = "main"
) -> pd.DataFrame:
    """Sums, band and dense ranks of every agency of ``frame`` (columns ``agency``, ``group``, leaves)."""
    parts: list[pd.DataFrame] = []
    for group, part in frame.groupby("group", sort=False):
        tree = trees[str(group)]
        columns: dict[str, pd.Series] = {leaf: part[leaf] for leaf in tree.leaves}
        for node in tree.bottom_up:
            kids = tree.children[node]
            total = columns[kids[0]]
            for kid in kids[1:]:
                total = total + columns[kid]
            columns[node] = total
        scores = pd.DataFrame(columns, index=part.index)[tree.nodes]
        ranked = [tree.root, *tree.children[tree.root]] if rank == "main" else tree.nodes
        ranks = scores[ranked].rank(method="dense", ascending=False).astype("int64")
        ranks.columns = [f"{node}_rank" for node in ranked]
        total = scores[tree.root].to_numpy()
        band = np.select([total >= lower for _, lower in bands], [band_id for band_id, _ in bands], default="")
        head = pd.DataFrame({"agency": part["agency"], "group": part["group"], "band": band}, index=part.index)
        parts.append(pd.concat([head, scores, ranks], axis=1))
    return pd.concat(parts)


def main(argv: list[str] | None = None) -> int:
    import yaml

    parser = argparse.ArgumentParser(description="pandas read_csv + sums, bands, dense ranks + to_json")
    parser.add_argument("rubric")
    parser.add_argument("scores")
    parser.add_argument("output")
    parser.add_argument("--rank", choices=("main", "all"), default="all")
    args = parser.parse_args(argv)
    with open(args.rubric, encoding="utf-8") as handle:
        rubric = yaml.safe_load(handle)
    trees = {group["id"]: tree_of(group["tree"]) for group in rubric["groups"]}
    bands = [(band["id"], float(band["lower"])) for band in rubric["bands"]]
    frame = pd.read_csv(args.scores, dtype={"agency": str, "group": str})
    result = score_frame(frame, trees, bands, args.rank)
    result.to_json(args.output, orient="records", force_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
