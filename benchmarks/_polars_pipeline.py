"""The polars float pipeline that the benchmarks compare govindex with (when polars is installed).

It does what ``_pandas_pipeline.py`` does, the way a polars user would write
it: per agency group, every internal node is the float sum of its children
(bottom up), the total is banded, and agencies are dense-ranked (higher
first) within their group on every node::

    python benchmarks/_polars_pipeline.py RUBRIC.yaml SCORES.csv OUT.json

It reads the tree and bands from the govindex rubric YAML, the wide score
table with ``polars.read_csv``, and writes one JSON record per agency with
``write_json``. polars is not a dependency of govindex.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import polars as pl
from _pandas_pipeline import Tree, tree_of


def score_frame(frame: pl.DataFrame, trees: dict[str, Tree], bands: list[tuple[str, float]]) -> pl.DataFrame:
    """Sums, band and dense ranks of every agency of ``frame`` (columns ``agency``, ``group``, leaves)."""
    parts: list[pl.DataFrame] = []
    for group, tree in trees.items():
        part = frame.filter(pl.col("group") == group).select(["agency", "group", *tree.leaves])
        depth = {tree.root: 0}
        for node in tree.nodes:
            for kid in tree.children.get(node, []):
                depth[kid] = depth[node] + 1
        for level in sorted({depth[node] for node in tree.bottom_up}, reverse=True):
            nodes = [node for node in tree.bottom_up if depth[node] == level]
            part = part.with_columns(
                [pl.sum_horizontal([pl.col(kid) for kid in tree.children[node]]).alias(node) for node in nodes]
            )
        total = pl.col(tree.root)
        band: Any = pl.lit("")
        for band_id, lower in reversed(bands):
            band = pl.when(total >= lower).then(pl.lit(band_id)).otherwise(band)
        ranks = [
            pl.col(node).rank("dense", descending=True).cast(pl.Int64).alias(f"{node}_rank") for node in tree.nodes
        ]
        parts.append(part.select([pl.col("agency"), pl.col("group"), band.alias("band"), *tree.nodes, *ranks]))
    return pl.concat(parts, how="diagonal")


def main(argv: list[str] | None = None) -> int:
    import yaml

    parser = argparse.ArgumentParser(description="polars read_csv + sums, bands, dense ranks + write_json")
    parser.add_argument("rubric")
    parser.add_argument("scores")
    parser.add_argument("output")
    args = parser.parse_args(argv)
    with open(args.rubric, encoding="utf-8") as handle:
        rubric = yaml.safe_load(handle)
    trees = {group["id"]: tree_of(group["tree"]) for group in rubric["groups"]}
    bands = [(band["id"], float(band["lower"])) for band in rubric["bands"]]
    frame = pl.read_csv(args.scores, schema_overrides={"agency": pl.Utf8, "group": pl.Utf8})
    score_frame(frame, trees, bands).write_json(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
