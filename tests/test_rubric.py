"""The rubric tree: construction, validation, the bundled 2017 rubrics."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from errorcheck import english, raises
from govindex import Group, Node, Rubric, load_rubric
from govindex.bands import Band, BandScheme, standard_bands
from govindex.errors import RubricError, UnknownNameError
from govindex.ranking import TiePolicy
from govindex.rubric import LegalBasis
from strategies import BASIS, rubric_of, trees


def leaf(node_id: str, maximum: str | int) -> Node:
    return Node(node_id, node_id.title(), Decimal(maximum))


def test_a_node_is_built_in_memory_with_plain_numbers() -> None:
    tree = Node("total", "Tổng điểm", 15, [Node("a", "A", "10"), Node("b", "B", "2,5"), Node("c", "C", Decimal("2.5"))])
    assert tree.max_points == Decimal(15)
    assert [child.max_points for child in tree.children] == [Decimal(10), Decimal("2.5"), Decimal("2.5")]
    assert isinstance(tree.children, tuple)


def test_a_parent_maximum_must_be_the_sum_of_its_children() -> None:
    with pytest.raises(RubricError) as caught:
        Node("security", "An toàn thông tin", Decimal(10), [leaf("s1", 3), leaf("s2", 4)])
    assert caught.value.node == "security"
    assert caught.value.message_in("en") == "max_points 10 is not the sum of its children's maxima (s1 3 + s2 4 = 7)"
    assert english(caught.value) == (
        "node 'security': max_points 10 is not the sum of its children's maxima (s1 3 + s2 4 = 7)"
    )


def test_the_sum_check_is_exact() -> None:
    # 0.1 + 0.2 == 0.3 exactly in Decimal (it is not in binary floats).
    Node("x", "X", Decimal("0.3"), [leaf("a", "0.1"), leaf("b", "0.2")])
    assert 0.1 + 0.2 != 0.3


@pytest.mark.parametrize(
    ("maximum", "shown"),
    [
        (10.0, "10.0"),
        (Decimal(-1), "Decimal('-1')"),
        (Decimal("NaN"), "Decimal('NaN')"),
        ("ten", "'ten'"),
        (True, "True"),
    ],
)
def test_a_maximum_must_be_finite_non_negative_points(maximum: object, shown: str) -> None:
    with pytest.raises(RubricError) as caught:
        Node("a", "A", maximum)  # type: ignore[arg-type]
    assert caught.value.node == "a"
    assert caught.value.message_in("en") == (
        f"max_points must be a finite, non-negative number of points (a Decimal, an int or text such as '2.5'), not {shown}"
    )


def test_node_ids() -> None:
    with raises(RubricError, match="node id 'bad id' must start with a letter or digit"):
        leaf("bad id", 1)
    with raises(RubricError, match="node id 'agency' is reserved for score-file columns"):
        leaf("agency", 1)
    with pytest.raises(RubricError) as caught:
        Node("p", "P", Decimal(2), [leaf("a", 1), leaf("a", 1)])
    assert caught.value.message_in("en") == "child 'a' appears twice"
    assert caught.value.node == "p"


def test_a_node_id_is_used_once_per_tree() -> None:
    tree = Node(
        "total",
        "T",
        Decimal(2),
        [Node("a", "A", Decimal(1), [leaf("x", 1)]), Node("b", "B", Decimal(1), [leaf("x", 1)])],
    )
    with pytest.raises(RubricError) as caught:
        Group("provincial", "Sở", tree)
    assert caught.value.message_in("en") == "node id 'x' is used twice in the tree"
    assert (caught.value.group, caught.value.node) == ("provincial", "x")


@given(trees(decimals=2))
def test_tree_invariants(tree: Node) -> None:
    nodes = list(tree.walk())
    assert nodes[0] is tree
    assert len({node.id for node in nodes}) == len(nodes)
    # parents come before their children
    position = {node.id: i for i, node in enumerate(nodes)}
    for node in nodes:
        for child in node.children:
            assert position[node.id] < position[child.id]
        assert node.max_points == (
            sum((c.max_points for c in node.children), Decimal(0)) if node.children else node.max_points
        )
    assert tree.max_points == sum((leaf.max_points for leaf in tree.leaves()), Decimal(0))
    assert all(tree.find(node.id) is node for node in nodes)
    assert tree.find("missing") is None


def test_rubric_settings_are_validated() -> None:
    tree = Node("total", "T", Decimal(10))
    group = Group("g", "G", tree)
    with raises(RubricError, match="rubric 'r' has no agency group"):
        Rubric("r", "R", 2024, BASIS, [])
    with raises(RubricError, match="group 'g' appears twice in rubric 'r'"):
        Rubric("r", "R", 2024, BASIS, [group, group])
    with raises(RubricError, match="rubric 'r': decimals must be an integer from 0 to 12, not 13"):
        Rubric("r", "R", 2024, BASIS, [group], decimals=13)
    with pytest.raises(RubricError) as caught:
        Rubric("r", "R", 2024, BASIS, [Group("g", "G", Node("total", "T", Decimal("9.55")))], decimals=1)
    assert caught.value.message_in("en") == "max_points 9.55 has more decimals than the rubric's 1"
    assert (caught.value.group, caught.value.node) == ("g", "total")
    with raises(RubricError, match="rubric 'r': groups must be Group objects, not Node"):
        Rubric("r", "R", 2024, BASIS, [tree])  # type: ignore[list-item]


def test_every_score_from_zero_must_fall_in_a_band() -> None:
    tree = Node("total", "T", Decimal(100))
    bands = BandScheme([Band("pass", "Đạt", Decimal(50)), Band("fail", "Không đạt", Decimal(10), Decimal(50))])
    with pytest.raises(RubricError) as caught:
        Rubric("r", "R", 2024, BASIS, [Group("g", "G", tree)], bands=bands)
    assert caught.value.message_in("en") == (
        "rubric 'r': the lowest band 'fail' starts at 10, so scores in [0, 10) would fall in no band"
    )


def test_tie_policy_by_name() -> None:
    tree = Node("total", "T", Decimal(10))
    rubric = Rubric("r", "R", 2024, BASIS, [Group("g", "G", tree)], tie_policy="competition")  # type: ignore[arg-type]
    assert rubric.tie_policy is TiePolicy.COMPETITION
    with pytest.raises(RubricError) as caught:
        Rubric("r", "R", 2024, BASIS, [Group("g", "G", tree)], tie_policy="olympic")  # type: ignore[arg-type]
    assert caught.value.message_in("en") == (
        "unknown tie policy 'olympic'; use one of dense, competition, modified_competition, ordinal, fractional"
    )


def test_lookups_name_what_is_unknown() -> None:
    rubric = load_rubric("sonla-2017-it")
    with pytest.raises(UnknownNameError) as caught:
        rubric.group("commune")
    assert (
        caught.value.message_in("en")
        == "unknown group 'commune' in rubric 'sonla-2017-it'; the groups are provincial, district"
    )
    with pytest.raises(UnknownNameError) as caught:
        rubric.node("provincial", "commune")
    assert caught.value.message_in("en") == "unknown node 'commune' in group 'provincial' of rubric 'sonla-2017-it'"
    assert rubric.node("district", "commune").max_points == Decimal(15)


def test_rubrics_are_values() -> None:
    rubric = rubric_of(Node("total", "T", Decimal(10)))
    assert rubric == rubric_of(Node("total", "T", Decimal(10)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rubric.decimals = 2  # type: ignore[misc]
    changed = attrs.evolve(rubric, bands=standard_bands(8, 6, 4))
    assert changed.bands is not None and changed.bands.classify(Decimal(6)).id == "fair"
    assert rubric.bands is None


PROVINCIAL = {
    "infrastructure": 10,
    "internal_use": 25,
    "public_services": 35,
    "security": 10,
    "staff": 10,
    "policy": 10,
}
DISTRICT = {
    "infrastructure": 5,
    "internal_use": 25,
    "public_services": 30,
    "commune": 15,
    "security": 5,
    "staff": 10,
    "policy": 10,
}


def test_bundled_2017_it_rubric() -> None:
    rubric = load_rubric("sonla-2017-it")
    assert rubric.year == 2017
    assert rubric.legal_basis.decision == "2166/QĐ-UBND"
    assert rubric.legal_basis.date == dt.date(2017, 8, 9)
    assert rubric.results_basis is not None and rubric.results_basis.decision == "3247/QĐ-UBND"
    assert rubric.decimals == 1
    assert rubric.tie_policy is TiePolicy.DENSE
    assert rubric.group_ids == ("provincial", "district")
    for group_id, expected in (("provincial", PROVINCIAL), ("district", DISTRICT)):
        tree = rubric.tree(group_id)
        assert tree.id == "total"
        assert tree.max_points == 100
        assert {child.id: child.max_points for child in tree.children} == expected
    assert rubric.bands is not None
    assert [(b.id, b.label, b.lower, b.upper) for b in rubric.bands.bands] == [
        ("good", "Tốt", 85, None),
        ("fair", "Khá", 70, 85),
        ("average", "Trung bình", 50, 70),
        ("weak", "Yếu", 0, 50),
    ]
    # The seven named sub-criteria of the provincial infrastructure category are documented, not scored.
    assert len(rubric.node("provincial", "infrastructure").components) == 7


def test_bundled_2017_web_rubric() -> None:
    rubric = load_rubric("sonla-2017-web")
    assert rubric.group_ids == ("provincial", "district")
    for group in rubric.groups:
        assert group.tree.is_leaf and group.tree.max_points == 100
        assert len(group.tree.components) == 11
    assert rubric.bands is not None
    assert [b.lower for b in rubric.bands.bands] == [80, 65, 50, 0]


def test_legal_basis_cites_itself() -> None:
    basis = LegalBasis("2166/QĐ-UBND", dt.date(2017, 8, 9), "UBND tỉnh Sơn La", article="Điều 1")
    assert basis.cite() == "Decision 2166/QĐ-UBND of 2017-08-09 (UBND tỉnh Sơn La), Điều 1"
