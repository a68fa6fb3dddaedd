"""Score and rank a large synthetic cohort, and time it.

    python benchmarks/score_cohort.py --agencies 10000 --leaves 100

The rubric has two agency groups (``provincial`` and ``district``), each
with a three-level tree: the root ``total``, five main indices (chỉ số
chính), criteria (tiêu chí lớn) under them and ``--leaves`` scored
sub-criteria (tiêu chí thành phần) spread over the criteria. Every agency
gets a score on every leaf, as an exact :class:`~decimal.Decimal` with two
decimals, drawn from a seeded random generator, so a run is repeatable.

The figures printed are the time to build the rubric and the assessments,
the time to lay the assessments out as an in-memory score table
(:class:`govindex.engine.ScoreTable`, every score checked once), the time
:func:`govindex.score` takes to add up, band and rank that table, and the
time it takes from the assessments directly. The last line is JSON:
``{"agencies": N, "leaves": M, "seconds": S}`` with ``S`` the in-memory
scoring time (from the table).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import json
import pstats
import random
import sys
import time
from decimal import Decimal

from govindex import Agency, Assessment, Group, Node, Rubric, score
from govindex.bands import standard_bands
from govindex.engine import ScoreTable
from govindex.rubric import LegalBasis

INDICES = 5
CRITERIA_PER_INDEX = 4
DECIMALS = 2


def _split(total: int, parts: int) -> list[int]:
    """``total`` items spread as evenly as possible over ``parts`` (some may be 0)."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def build_tree(leaves: int, rng: random.Random) -> Node:
    """root -> main indices -> criteria -> ``leaves`` leaves, maxima 0.50-5.00."""
    per_criterion = _split(leaves, INDICES * CRITERIA_PER_INDEX)
    indices: list[Node] = []
    position = 0
    for i in range(INDICES):
        criteria: list[Node] = []
        for c in range(CRITERIA_PER_INDEX):
            count = per_criterion[position]
            position += 1
            if count == 0:
                continue
            subs = [
                Node(f"i{i + 1}.c{c + 1}.s{s + 1}", f"Tiêu chí thành phần {i + 1}.{c + 1}.{s + 1}", _maximum(rng))
                for s in range(count)
            ]
            criteria.append(
                Node(
                    f"i{i + 1}.c{c + 1}",
                    f"Tiêu chí {i + 1}.{c + 1}",
                    sum((n.max_points for n in subs), Decimal(0)),
                    subs,
                )
            )
        if criteria:
            indices.append(
                Node(f"i{i + 1}", f"Chỉ số {i + 1}", sum((n.max_points for n in criteria), Decimal(0)), criteria)
            )
    return Node("total", "Tổng điểm", sum((n.max_points for n in indices), Decimal(0)), indices)


def _maximum(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(50, 500)).scaleb(-DECIMALS)


def build_rubric(leaves: int, seed: int) -> Rubric:
    rng = random.Random(seed)
    groups = (
        Group("provincial", "Sở, ban, ngành", build_tree(leaves, rng)),
        Group("district", "UBND huyện, thành phố", build_tree(leaves, rng)),
    )
    # Bands at 85 %, 70 % and 50 % of the smaller maximum.
    top = min(group.tree.max_points for group in groups)
    bands = standard_bands(*(top * share for share in (Decimal("0.85"), Decimal("0.70"), Decimal("0.50"))))
    return Rubric(
        id="synthetic",
        title="Bộ chỉ số tổng hợp (synthetic)",
        year=2024,
        legal_basis=LegalBasis("0/QĐ-TEST", dt.date(2024, 1, 1), "test"),
        groups=groups,
        bands=bands,
        decimals=DECIMALS,
    )


def build_cohort(rubric: Rubric, agencies: int, seed: int) -> list[Assessment]:
    """``agencies`` assessments, alternating between the two groups, scores on every leaf."""
    rng = random.Random(seed + 1)
    leaves = {
        group.id: [(n.id, int(n.max_points.scaleb(DECIMALS))) for n in group.tree.leaves()] for group in rubric.groups
    }
    cohort: list[Assessment] = []
    for number in range(agencies):
        group = rubric.groups[number % len(rubric.groups)].id
        agency = Agency(f"agency-{number:06d}", f"Cơ quan {number}", group)
        # Scores from a coarse grid so that ties occur on every node.
        scores = {
            node_id: Decimal(rng.randint(0, 10) * scaled_max // 10).scaleb(-DECIMALS)
            for node_id, scaled_max in leaves[group]
        }
        cohort.append(Assessment(agency, scores))
    return cohort


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agencies", type=int, default=10_000, help="agencies in the cohort (default 10000)")
    parser.add_argument("--leaves", type=int, default=100, help="scored leaves per group tree (default 100)")
    parser.add_argument("--seed", type=int, default=2017, help="random seed (default 2017)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of the scoring call")
    args = parser.parse_args(argv)
    if args.agencies < 1 or args.leaves < 1:
        parser.error("--agencies and --leaves must be at least 1")

    start = time.perf_counter()
    rubric = build_rubric(args.leaves, args.seed)
    cohort = build_cohort(rubric, args.agencies, args.seed)
    built = time.perf_counter() - start

    score(rubric, cohort[:2])  # the first scoring call loads numpy: not part of any figure
    gc.collect()
    start = time.perf_counter()
    table = ScoreTable.from_assessments(rubric, cohort)
    laid_out = time.perf_counter() - start

    # Collect the garbage of the build now, so that the scoring time does not include it.
    gc.collect()
    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    result = score(rubric, table)
    if profiler is not None:
        profiler.disable()
    seconds = time.perf_counter() - start

    gc.collect()
    start = time.perf_counter()
    direct = score(rubric, cohort)
    from_assessments = time.perf_counter() - start
    assert len(direct) == len(result)

    nodes = sum(len(group.node_ids) for group in rubric.groups)
    ranks = sum(len(row.node_ranks) + 1 for row in result.rows)
    print(f"rubric: 2 groups, {nodes} nodes, {args.leaves} leaves per group")
    print(f"cohort: {len(cohort)} agencies, {sum(len(a.scores) for a in cohort)} leaf scores, built in {built:.2f} s")
    print(f"table: laid out and checked in {laid_out:.3f} s")
    print(f"scored: {len(result)} agencies, {ranks} ranks in {seconds:.3f} s (from the table)")
    print(f"scored from the assessments in {from_assessments:.3f} s (check and lay out included)")
    best = result.rows[0]
    print(f"best of {best.group}: {best.agency.id} {result.format(best.total)} (rank {best.rank})")
    if profiler is not None:
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
    print(json.dumps({"agencies": args.agencies, "leaves": args.leaves, "seconds": round(seconds, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
