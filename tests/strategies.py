"""Hypothesis strategies and small builders shared by the tests.

The scoring core: rubric trees of any shape (:func:`trees`), rubrics
(:func:`rubrics`, :func:`rubric_of`), cohorts with a score on every leaf
(:func:`cohorts`). The methodology rules: trees whose sub-criteria carry the
tags the rules act on (:func:`tagged_trees`, :func:`example_tree`), rubrics of
two groups on one tree (:func:`rule_rubric_of`), cohorts with the agency
flags the rules read (:func:`flagged_cohorts`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from govindex import Agency, Assessment, Group, Node, Plugins, Rubric, bind
from govindex.bands import BandScheme, standard_bands
from govindex.ranking import TiePolicy
from govindex.rubric import LegalBasis, RuleRef
from govindex.rules import Rule

# --- the scoring core ----------------------------------------------------------------------------------------

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


# --- the methodology rules -----------------------------------------------------------------------------------

RULE_BASIS = LegalBasis("922/QĐ-BTTTT", dt.date(2022, 5, 20), "Bộ Thông tin và Truyền thông", article="test")
GROUPS = ("provincial", "district")
TAGS = ("subordinate_units", "online_services")


def leaf(node_id: str, max_points: str | int, *tags: str) -> Node:
    return Node(node_id, node_id, Decimal(max_points), tags=frozenset(tags))


def parent(node_id: str, *children: Node, tags: tuple[str, ...] = ()) -> Node:
    total = sum((child.max_points for child in children), Decimal(0))
    return Node(node_id, node_id, total, children=children, tags=frozenset(tags))


def rule_rubric_of(tree: Node, *, decimals: int = 2, groups: tuple[str, ...] = GROUPS) -> Rubric:
    return Rubric(
        id="test",
        title="test",
        year=2024,
        legal_basis=RULE_BASIS,
        groups=tuple(Group(g, g, tree) for g in groups),
        bands=standard_bands(85, 70, 50) if tree.max_points == 100 else None,
        decimals=decimals,
    )


def example_tree() -> Node:
    """A 100-point tree shaped like the 2024 DTI (the published index has no public sub-criteria)."""
    return parent(
        "total",
        leaf("awareness", 15),
        parent(
            "operations",
            leaf("internal", 40),
            leaf("units", 20, "subordinate_units"),
            leaf("dvc_rate", 5, "online_services"),
            leaf("dvc_records", 5, "online_services"),
        ),
        leaf("security", 15),
    )


def agency(agency_id: str, group: str = "provincial", **flags: object) -> Agency:
    return Agency(agency_id, agency_id, group, **flags)  # type: ignore[arg-type]


def scores_up_to(max_points: Decimal, decimals: int = 2) -> st.SearchStrategy[Decimal]:
    top = int(max_points * 10**decimals)
    return st.integers(0, top).map(lambda n: Decimal(n).scaleb(-decimals))


@st.composite
def tagged_trees(draw: st.DrawFn) -> Node:
    """A tree with 2-7 leaves under one or two criteria, tags drawn at random."""
    count = draw(st.integers(2, 7))
    leaves = []
    for index in range(count):
        max_points = draw(st.sampled_from(["1", "2.5", "5", "10", "12.75", "20"]))
        tag = draw(st.sampled_from(((), ("subordinate_units",), ("online_services",))))
        leaves.append(leaf(f"l{index}", max_points, *tag))
    if not any(not node.tags for node in leaves):
        leaves.append(leaf("plain", "10"))
    split = draw(st.integers(1, len(leaves)))
    first, second = leaves[:split], leaves[split:]
    children = [parent("a", *first)] + ([parent("b", *second)] if second else [])
    return parent("total", *children)


@st.composite
def flagged_cohorts(draw: st.DrawFn, tree: Node, *, flags: bool = True) -> list[Assessment]:
    """1-6 agencies over the two groups, with random flags and a score on every leaf."""
    count = draw(st.integers(1, 6))
    out = []
    leaves = list(tree.leaves())
    for index in range(count):
        group = draw(st.sampled_from(GROUPS))
        special = flags and draw(st.booleans())
        not_applicable = (
            draw(st.sets(st.sampled_from([n.id for n in tree.walk() if n is not tree]), max_size=2))
            if special
            else set()
        )
        member = Agency(
            f"agency-{index}",
            f"Agency {index}",
            group,
            has_subordinate_units=not flags or draw(st.booleans()),
            has_online_services=not flags or draw(st.booleans()),
            special=special,
            not_applicable=frozenset(not_applicable),
        )
        scores = {node.id: draw(scores_up_to(node.max_points)) for node in leaves}
        out.append(Assessment(member, scores))
    return out


def bound_rule(ref: RuleRef, plugins: Plugins | None = None, tree: Node | None = None) -> Rule:
    """The rule ``ref`` names, bound (checked and built) in a rubric of two groups on ``tree``."""
    rubric = attrs.evolve(rule_rubric_of(tree or example_tree()), rules=[ref])
    [rule] = bind(rubric, plugins).rules
    return rule
