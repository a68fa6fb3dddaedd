"""Hypothesis strategies for the scoring core: rubric trees, cohorts, scores."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from govindex import Agency, Assessment, BandScheme, Group, LegalBasis, Node, Rubric, TiePolicy, standard_bands

BASIS = LegalBasis("1/QĐ-UBND", dt.date(2024, 1, 1), "UBND tỉnh")


def points(decimals: int, maximum: Decimal) -> st.SearchStrategy[Decimal]:
    """Decimals in [0, maximum] with at most ``decimals`` places."""
    top = int(maximum.scaleb(decimals))
    return st.integers(0, top).map(lambda n: Decimal(n).scaleb(-decimals))


@st.composite
def trees(draw: st.DrawFn, decimals: int = 1, max_depth: int = 3, prefix: str = "n") -> Node:
    """A tree of any shape up to ``max_depth`` levels below the root, ids unique."""
    counter = iter(range(10_000))

    def build(depth: int) -> Node:
        number = next(counter)
        if depth >= max_depth or (depth > 0 and draw(st.booleans())):
            maximum = Decimal(draw(st.integers(1, 200))).scaleb(-decimals)
            return Node(f"{prefix}{number}", f"Tiêu chí {number}", maximum)
        children = [build(depth + 1) for _ in range(draw(st.integers(1, 3)))]
        return Node(
            f"{prefix}{number}", f"Chỉ số {number}", sum((c.max_points for c in children), Decimal(0)), children
        )

    root = build(0)
    return Node("total", "Tổng điểm", root.max_points, root.children) if root.children else root


def rubric_of(
    *group_trees: Node, decimals: int = 1, bands: BandScheme | None = None, tie_policy: TiePolicy = TiePolicy.DENSE
) -> Rubric:
    groups = [Group(f"g{i}", f"Nhóm {i}", tree) for i, tree in enumerate(group_trees)]
    return Rubric("test", "Bộ chỉ số thử", 2024, BASIS, groups, bands=bands, decimals=decimals, tie_policy=tie_policy)


@st.composite
def rubrics(draw: st.DrawFn, groups: int = 2) -> Rubric:
    decimals = draw(st.integers(0, 2))
    group_trees = [draw(trees(decimals=decimals)) for _ in range(groups)]
    top = min(tree.max_points for tree in group_trees)
    cuts = sorted(draw(st.lists(points(decimals, top), min_size=3, max_size=3, unique=True)), reverse=True)
    bands = standard_bands(*cuts) if cuts[2] > 0 else None
    return rubric_of(*group_trees, decimals=decimals, bands=bands, tie_policy=draw(st.sampled_from(list(TiePolicy))))


def leaf_scores(draw: st.DrawFn, tree: Node, decimals: int) -> dict[str, Decimal]:
    """A score on every leaf; zero and full marks are frequent, so ties are common."""
    return {
        leaf.id: draw(st.sampled_from([Decimal(0), leaf.max_points]) | points(decimals, leaf.max_points))
        for leaf in tree.leaves()
    }


@st.composite
def cohorts(draw: st.DrawFn, rubric: Rubric, min_size: int = 1, max_size: int = 10) -> list[Assessment]:
    """Assessments with a score on every leaf, agencies spread over the groups."""
    size = draw(st.integers(min_size, max_size))
    cohort = []
    for number in range(size):
        group = rubric.groups[draw(st.integers(0, len(rubric.groups) - 1))]
        agency = Agency(f"agency-{number:02d}", f"Cơ quan {number}", group.id)
        cohort.append(Assessment(agency, leaf_scores(draw, group.tree, rubric.decimals)))
    return cohort
