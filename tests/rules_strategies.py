"""Hypothesis strategies and small builders shared by the rule tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from govindex import Agency, Assessment, Group, LegalBasis, Node, Rubric, standard_bands

BASIS = LegalBasis("922/QĐ-BTTTT", dt.date(2022, 5, 20), "Bộ Thông tin và Truyền thông", article="test")
GROUPS = ("provincial", "district")
TAGS = ("subordinate_units", "online_services")


def leaf(node_id: str, max_points: str | int, *tags: str) -> Node:
    return Node(node_id, node_id, Decimal(max_points), tags=frozenset(tags))


def parent(node_id: str, *children: Node, tags: tuple[str, ...] = ()) -> Node:
    total = sum((child.max_points for child in children), Decimal(0))
    return Node(node_id, node_id, total, children=children, tags=frozenset(tags))


def rubric_of(tree: Node, *, decimals: int = 2, groups: tuple[str, ...] = GROUPS) -> Rubric:
    return Rubric(
        id="test",
        title="test",
        year=2024,
        legal_basis=BASIS,
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


def points(max_points: Decimal, decimals: int = 2) -> st.SearchStrategy[Decimal]:
    top = int(max_points * 10**decimals)
    return st.integers(0, top).map(lambda n: Decimal(n).scaleb(-decimals))


@st.composite
def trees(draw: st.DrawFn) -> Node:
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
def cohorts(draw: st.DrawFn, tree: Node, *, flags: bool = True) -> list[Assessment]:
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
        scores = {node.id: draw(points(node.max_points)) for node in leaves}
        out.append(Assessment(member, scores))
    return out
