"""score(): exact sums, refusals, bands, ranks, and how rules are applied."""

from __future__ import annotations

import random
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import english, raises
from govindex import Agency, Assessment, Node, Result, Rubric, load_rubric, score
from govindex.bands import standard_bands
from govindex.errors import InputError, RuleError, UnknownNameError
from govindex.ranking import TiePolicy
from govindex.rubric import LegalBasis
from govindex.rules import Adjustment, RuleContext, RuleOutcome, Scale
from govindex.scoring import check_assessment
from strategies import cohorts, rubric_of, rubrics

# total 10 = x 6 (x1 3 + x2 3) + y 4; one decimal.
TREE = Node(
    "total",
    "Tổng điểm",
    10,
    [Node("x", "Chỉ số X", 6, [Node("x1", "X1", 3), Node("x2", "X2", 3)]), Node("y", "Chỉ số Y", 4)],
)
SMALL = rubric_of(TREE, decimals=1, bands=standard_bands("8.5", 7, 5))


def agency(agency_id: str = "so-a", group: str = "g0") -> Agency:
    return Agency(agency_id, f"Sở {agency_id}", group)


def one(scores: Mapping[str, object], rubric: Rubric = SMALL, agency_id: str = "so-a") -> Result:
    return score(rubric, [Assessment(agency(agency_id), scores)])


def refused(scores: Mapping[str, object], rubric: Rubric = SMALL) -> InputError:
    with pytest.raises(InputError) as caught:
        one(scores, rubric)
    return caught.value


# -- properties over generated rubrics and cohorts -----------------------------------------------


@st.composite
def scored(draw: st.DrawFn) -> tuple[Rubric, list[Assessment]]:
    rubric = draw(rubrics())
    return rubric, draw(cohorts(rubric))


@given(scored())
def test_sums_are_exact_and_within_the_maxima(case: tuple[Rubric, list[Assessment]]) -> None:
    rubric, cohort = case
    result = score(rubric, cohort)
    assert len(result) == len(cohort)
    given_scores = {a.agency.id: a.scores for a in cohort}
    for row in result:
        tree = rubric.tree(row.group)
        leaves = given_scores[row.agency.id]
        # the total is the exact sum of the leaves
        assert row.total == sum(leaves.values(), Decimal(0))
        assert row.scores[tree.id] == row.total
        for node in tree.walk():
            value = row.scores[node.id]
            assert 0 <= value <= node.max_points
            assert value.as_tuple().exponent == -rubric.decimals  # carried with the rubric's decimals
            if node.children:
                assert value == sum((row.scores[c.id] for c in node.children), Decimal(0))
            else:
                assert value == leaves[node.id]
        if rubric.bands is not None:
            assert row.band == rubric.bands.classify(row.total)
        assert row.raw == leaves


@given(scored(), st.randoms(use_true_random=False))
def test_the_result_does_not_depend_on_input_order(case: tuple[Rubric, list[Assessment]], rnd: random.Random) -> None:
    rubric, cohort = case
    shuffled = list(cohort)
    rnd.shuffle(shuffled)
    assert score(rubric, shuffled) == score(rubric, cohort)


@given(scored())
def test_ranks_follow_the_scores_within_each_group(case: tuple[Rubric, list[Assessment]]) -> None:
    rubric, cohort = case
    result = score(rubric, cohort)
    for group in rubric.groups:
        rows = result.group(group.id)
        # rows are ordered by rank, then agency id
        assert [(r.rank, r.agency.id) for r in rows] == sorted((r.rank, r.agency.id) for r in rows)
        for a in rows:
            for b in rows:
                if a.total > b.total:
                    assert a.rank < b.rank
                if a.total == b.total and rubric.tie_policy is not TiePolicy.ORDINAL:
                    assert a.rank == b.rank
                for node in group.tree.walk():
                    if node is group.tree:
                        assert node.id not in a.node_ranks
                        continue
                    if a.scores[node.id] > b.scores[node.id]:
                        assert a.node_ranks[node.id] < b.node_ranks[node.id]
        if rubric.tie_policy is TiePolicy.DENSE and rows:
            assert {r.rank for r in rows} == set(range(1, len({r.total for r in rows}) + 1))


@given(scored(), st.data())
def test_a_node_given_with_its_children_is_accepted_only_when_they_agree(
    case: tuple[Rubric, list[Assessment]], data: st.DataObject
) -> None:
    rubric, cohort = case
    assessment = cohort[0]
    tree = rubric.tree(assessment.agency.group)
    parents = [node for node in tree.walk() if node.children]
    if not parents:
        return
    node = data.draw(st.sampled_from(parents))
    expected = score(rubric, [assessment]).rows[0].scores[node.id]
    agreeing = attrs.evolve(assessment, scores={**assessment.scores, node.id: expected})
    assert score(rubric, [agreeing]).rows[0].scores == score(rubric, [assessment]).rows[0].scores
    step = Decimal(1).scaleb(-rubric.decimals)
    other = expected - step if expected > 0 else expected + step
    if other > node.max_points:
        return
    disagreeing = attrs.evolve(assessment, scores={**assessment.scores, node.id: other})
    with pytest.raises(InputError) as caught:
        score(rubric, [disagreeing])
    assert caught.value.node == node.id
    assert caught.value.message_in("en").startswith(f"the score given for this node ({other}) disagrees with the sum")


# -- the band boundary that floats get wrong -------------------------------------------------------


def test_seventy_exactly_is_fair() -> None:
    parts = ["3.8", "21.9", "33.9", "2.3", "7.3", "0.8"]
    assert sum(float(p) for p in parts) != 70.0  # binary floats give 69.99999999999999
    assert sum(float(p) for p in parts) < 70.0
    rubric = load_rubric("sonla-2017-it")
    nodes = ["infrastructure", "internal_use", "public_services", "security", "staff", "policy"]
    result = score(rubric, [Assessment(Agency("so-x", "Sở X", "provincial"), dict(zip(nodes, parts, strict=True)))])
    row = result.agency("so-x")
    assert row.total == Decimal("70.0")
    assert str(row.total) == "70.0"
    assert row.band is not None and row.band.id == "fair" and row.band.label == "Khá"


# -- examples -------------------------------------------------------------------------------------


def test_a_node_score_may_be_given_at_any_level() -> None:
    assert one({"x": "5", "y": "4"}).rows[0].scores == {
        "x": Decimal("5.0"),
        "y": Decimal("4.0"),
        "total": Decimal("9.0"),
    }
    assert one({"total": "9,5"}).rows[0].total == Decimal("9.5")
    full = one({"total": "7", "x": "4", "x1": "1", "x2": "3", "y": "3"}).rows[0]
    assert full.total == Decimal("7.0")
    assert full.raw == {"total": 7, "x": 4, "x1": 1, "x2": 3, "y": 3}
    assert one({"x1": "3", "x2": "3", "y": "4"}).rows[0].band is not None


def test_node_ranks_exist_where_every_agency_has_a_score() -> None:
    cohort = [
        Assessment(agency("a"), {"x1": "1", "x2": "2", "y": "3"}),
        Assessment(agency("b"), {"x": "4", "y": "3"}),
    ]
    result = score(SMALL, cohort)
    assert result.agency("a").node_ranks == {"x": 2, "y": 1}
    assert result.agency("b").node_ranks == {"x": 1, "y": 1}
    assert "x1" in result.agency("a").scores and "x1" not in result.agency("b").scores


def test_groups_are_ranked_separately_and_rows_ordered_by_group_rank_agency() -> None:
    rubric = load_rubric("sonla-2017-web")
    cohort = [
        Assessment(Agency("huyen-b", "Huyện B", "district"), {"total": "60"}),
        Assessment(Agency("so-b", "Sở B", "provincial"), {"total": "70"}),
        Assessment(Agency("huyen-a", "Huyện A", "district"), {"total": "90"}),
        Assessment(Agency("so-a", "Sở A", "provincial"), {"total": "70"}),
        Assessment(Agency("so-c", "Sở C", "provincial"), {"total": "81.5"}),
    ]
    result = score(rubric, cohort)
    assert [(r.group, r.rank, r.agency.id, r.band_id) for r in result] == [
        ("provincial", 1, "so-c", "good"),
        ("provincial", 2, "so-a", "fair"),
        ("provincial", 2, "so-b", "fair"),
        ("district", 1, "huyen-a", "good"),
        ("district", 2, "huyen-b", "average"),
    ]
    assert [r.agency.id for r in result.group("district")] == ["huyen-a", "huyen-b"]
    assert result.scores_by_node("provincial", "total") == {
        "so-c": Decimal("81.5"),
        "so-a": Decimal("70.0"),
        "so-b": Decimal("70.0"),
    }


def test_a_rubric_built_in_memory_without_bands() -> None:
    rubric = rubric_of(TREE, decimals=2, tie_policy=TiePolicy.COMPETITION)
    result = score(
        rubric,
        [
            Assessment(agency("a"), {"total": "5.25"}),
            Assessment(agency("b"), {"total": "5.25"}),
            Assessment(agency("c"), {"total": 1}),
        ],
    )
    assert [(r.agency.id, r.rank, r.band) for r in result] == [("a", 1, None), ("b", 1, None), ("c", 3, None)]
    assert result.format(result.agency("c").total) == "1.00"


def test_an_empty_cohort() -> None:
    result = score(SMALL, [])
    assert len(result) == 0 and result.rows == ()


def test_result_lookups() -> None:
    result = one({"total": "9"})
    assert result.agency("so-a").total == Decimal("9.0")
    with raises(UnknownNameError, match=r"agency 'so-z': no result for this agency; did you mean 'so-a'\?"):
        result.agency("so-z")
    with raises(UnknownNameError, match="unknown group 'g9'"):
        result.group("g9")


# -- refusals -------------------------------------------------------------------------------------


def test_a_score_above_the_maximum() -> None:
    error = refused({"x1": "3.5", "x2": "1", "y": "1"})
    assert (error.agency, error.node) == ("so-a", "x1")
    assert error.message_in("en") == "score 3.5 is above the maximum 3"
    assert english(error) == "agency 'so-a', node 'x1': score 3.5 is above the maximum 3"


def test_a_negative_score() -> None:
    with pytest.raises(InputError) as caught:
        Assessment(agency(), {"y": "-0,5"})
    assert english(caught.value) == "agency 'so-a', node 'y': score -0.5 is negative"


def test_a_non_numeric_score() -> None:
    with pytest.raises(InputError) as caught:
        Assessment(agency(), {"y": "bốn"})
    assert english(caught.value) == "node 'y': 'bốn' is not a number of points"


def test_a_float_score() -> None:
    with pytest.raises(InputError) as caught:
        Assessment(agency(), {"y": 3.8})
    assert caught.value.node == "y"
    assert caught.value.message_in("en") == (
        "3.8 is a binary float, which cannot hold decimal points exactly; give the points as a string or a Decimal"
    )


def test_more_decimals_than_the_rubric_allows() -> None:
    error = refused({"x1": "1.25", "x2": "1", "y": "1"})
    assert (error.agency, error.node, error.message_in("en")) == (
        "so-a",
        "x1",
        "score 1.25 has more decimals than the rubric's 1",
    )
    # even beyond the precision of the decimal context, nothing is rounded away
    error = refused({"x1": "1.00000000000000000000000000001", "x2": "1", "y": "1"})
    assert error.message_in("en") == "score 1.00000000000000000000000000001 has more decimals than the rubric's 1"
    # trailing zeros are not extra precision
    assert one({"x1": "1.000", "x2": "1", "y": "1"}).rows[0].total == Decimal("3.0")


def test_an_unknown_node() -> None:
    error = refused({"z": "1"})
    assert (error.agency, error.node) == ("so-a", "z")
    assert error.message_in("en") == "unknown node 'z' for group 'g0'; the nodes are total, x, x1, x2, y"


def test_an_unknown_group() -> None:
    with pytest.raises(UnknownNameError) as caught:
        score(SMALL, [Assessment(agency(group="district"), {"total": "1"})])
    assert english(caught.value) == "agency 'so-a': unknown group 'district' in rubric 'test'; the groups are g0"


def test_an_agency_assessed_twice() -> None:
    with pytest.raises(InputError) as caught:
        score(SMALL, [Assessment(agency(), {"total": "1"}), Assessment(agency(), {"total": "2"})])
    assert english(caught.value) == "agency 'so-a': the agency is assessed twice in the same cohort"


def test_not_an_assessment() -> None:
    with raises(InputError, match="expected an Assessment, got dict"):
        score(SMALL, [{"agency": "so-a"}])  # type: ignore[list-item]


def test_a_parent_that_disagrees_with_its_children() -> None:
    error = refused({"x": "5", "x1": "3", "x2": "1", "y": "4"})
    assert (error.agency, error.node) == ("so-a", "x")
    assert (
        error.message_in("en")
        == "the score given for this node (5.0) disagrees with the sum of its sub-criteria (x1 3.0 + x2 1.0 = 4.0)"
    )
    error = refused({"total": "9", "x": "4", "y": "4"})
    assert error.node == "total"
    assert (
        error.message_in("en")
        == "the score given for this node (9.0) disagrees with the sum of its sub-criteria (x 4.0 + y 4.0 = 8.0)"
    )


def test_a_node_given_with_only_some_of_its_children() -> None:
    error = refused({"x": "5", "x1": "3", "y": "4"})
    assert (error.agency, error.node) == ("so-a", "x")
    assert (
        error.message_in("en")
        == "the node is given together with some of its sub-criteria (x1) but not all (x2 missing); give every sub-criterion or none"
    )


def test_scores_below_a_given_node_are_never_dropped() -> None:
    # total given, and one grandchild: the grandchild's score would otherwise be lost silently.
    error = refused({"total": "5", "x1": "3"})
    assert (error.agency, error.node) == ("so-a", "total")
    assert (
        error.message_in("en")
        == "the node is given together with some of its sub-criteria (x1) but not all (x2, y missing); give every sub-criterion or none"
    )


def test_missing_scores() -> None:
    error = refused({"x1": "3", "y": "4"})
    assert (error.agency, error.node) == ("so-a", "x2")
    assert error.message_in("en") == "no score for 'x2' (an empty cell is 'not given', not 0)"
    error = refused({"x1": "3"})
    assert error.message_in("en") == "no score for 'x2', 'y' (an empty cell is 'not given', not 0)"
    error = refused({})
    assert (error.node, error.message_in("en")) == (
        "total",
        "no score for 'total'; give each node or all of its sub-criteria (an empty cell is 'not given', not 0)",
    )


def test_check_assessment_names_agency_and_node() -> None:
    check_assessment(SMALL, Assessment(agency(), {"x1": "3"}))  # incomplete is for score() to judge
    with raises(InputError, match="score 5 is above the maximum 4"):
        check_assessment(SMALL, Assessment(agency(), {"y": "5"}))
    with raises(InputError, match="unknown node 'q'"):
        check_assessment(SMALL, Assessment(agency(), {"q": "1"}))
    with raises(UnknownNameError, match="unknown group 'g7'"):
        check_assessment(SMALL, Assessment(agency(group="g7"), {"y": "1"}))


# -- rules: how score() applies them ---------------------------------------------------------------


@attrs.frozen
class FillRule:
    """Sets ``node`` to ``value`` for the agencies listed (a stand-in for a methodology rule)."""

    targets: tuple[str, ...]
    node: str
    value: Decimal
    exclude: Mapping[str, str] = attrs.field(factory=dict)
    scale: Scale | None = None
    name: str = "fill"
    legal_basis: LegalBasis | None = None
    params: Mapping[str, Any] = attrs.field(factory=dict)

    def apply(self, context: RuleContext) -> RuleOutcome:
        adjustments = []
        for assessment in context.assessments:
            if assessment.agency.id in self.targets:
                before = assessment.scores.get(self.node)
                adjustments.append(
                    Adjustment(assessment.agency.id, self.node, before, self.value, self.name, formula="test")
                )
        return RuleOutcome(tuple(adjustments), self.exclude, self.scale)


def test_rules_fill_scores_and_are_recorded() -> None:
    cohort = [Assessment(agency("a"), {"x1": "1", "y": "2"}), Assessment(agency("b"), {"x1": "3", "x2": "3", "y": "4"})]
    result = score(SMALL, cohort, rules=[FillRule(("a",), "x2", Decimal("2.5"))])
    row = result.agency("a")
    assert row.scores["x2"] == Decimal("2.5") and row.total == Decimal("5.5")
    assert "x2" not in row.raw  # raw scores are kept as given
    assert result.adjustments_for("a") == (Adjustment("a", "x2", None, Decimal("2.5"), "fill", formula="test"),)
    assert result.rules == ("fill",)


def test_rules_exclude_and_scale() -> None:
    cohort = [Assessment(agency("a"), {"total": "8"}), Assessment(agency("b"), {"total": "6"})]
    rule = FillRule(
        (), "x", Decimal(0), exclude={"b": "not assessed this year"}, scale=Scale(Decimal(100), Decimal(10), 1)
    )
    result = score(SMALL, cohort, rules=[rule])
    assert [r.agency.id for r in result] == ["a"]
    assert result.agency("a").normalised == Decimal("80.0")
    assert [(n.agency.id, n.reason, n.rule) for n in result.not_assessed] == [("b", "not assessed this year", "fill")]
    with raises(UnknownNameError, match="agency 'b' was not assessed: not assessed this year \\(rule 'fill'\\)"):
        result.agency("b")


def test_a_rule_that_breaks_the_sum_is_named() -> None:
    cohort = [Assessment(agency("a"), {"x": "4", "x1": "2", "x2": "2", "y": "2"})]
    with pytest.raises(InputError) as caught:
        score(SMALL, cohort, rules=[FillRule(("a",), "x1", Decimal(3))])
    assert caught.value.message_in("en") == (
        "the score given for this node (4.0) disagrees with the sum of its sub-criteria (x1 3.0 + x2 2.0 = 5.0) after rules adjusted x1"
    )


@pytest.mark.parametrize(
    ("rule", "error", "message"),
    [
        (
            FillRule(("a",), "x1", Decimal(4)),
            RuleError,
            "rule 'fill' produced an impossible value: score 4 is above the maximum 3",
        ),
        (
            FillRule(("a",), "x1", Decimal("1.25")),
            RuleError,
            "rule 'fill' produced an impossible value: score 1.25 has more decimals than the rubric's 1",
        ),
        (FillRule(("a",), "q", Decimal(1)), RuleError, "rule 'fill' set an unknown node"),
        (
            FillRule((), "x1", Decimal(1), exclude={"zz": "gone"}),
            RuleError,
            "rule 'fill' excluded an agency that is not in the cohort",
        ),
    ],
)
def test_impossible_rule_outcomes_are_refused(rule: FillRule, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        score(SMALL, [Assessment(agency("a"), {"x1": "1", "x2": "1", "y": "1"})], rules=[rule])
    assert caught.value.message_in("en") == message  # type: ignore[attr-defined]


def test_a_rule_adjusting_an_agency_outside_the_cohort() -> None:
    @attrs.frozen
    class Stray(FillRule):
        def apply(self, context: RuleContext) -> RuleOutcome:
            return RuleOutcome((Adjustment("zz", "x1", None, Decimal(1), self.name),))

    with pytest.raises(RuleError) as caught:
        score(SMALL, [Assessment(agency("a"), {"total": "1"})], rules=[Stray((), "x1", Decimal(1))])
    assert english(caught.value) == "agency 'zz': rule 'fill' adjusted an agency that is not in the cohort"


def test_an_assessment_needs_an_agency() -> None:
    with pytest.raises(InputError) as caught:
        Assessment("so-a", {"total": "1"})  # type: ignore[arg-type]
    assert caught.value.message_in("en") == "an assessment needs an Agency, not str 'so-a'"


def test_a_result_has_one_row_per_agency() -> None:
    result = one({"total": "9"})
    with pytest.raises(InputError) as caught:
        attrs.evolve(result, rows=result.rows * 2)
    assert english(caught.value) == "agency 'so-a': the agency has two rows in the result"


def test_scores_are_read_exactly_whatever_their_form() -> None:
    forms = [{"total": "9,5"}, {"total": "9.5"}, {"total": Decimal("9.50")}, {"total": " 9,5 "}]
    totals = {str(one(scores).rows[0].total) for scores in forms}
    assert totals == {"9.5"}


@given(scored(), st.data())
def test_a_given_score_is_never_dropped(case: tuple[Rubric, list[Assessment]], data: st.DataObject) -> None:
    """Any subset of true node scores is either scored exactly as given or refused; never partly used."""
    rubric, cohort = case
    assessment = cohort[0]
    truth = score(rubric, [assessment]).rows[0].scores
    tree = rubric.tree(assessment.agency.group)
    chosen = data.draw(st.sets(st.sampled_from([node.id for node in tree.walk()]), min_size=1))
    subset = attrs.evolve(assessment, scores={node_id: truth[node_id] for node_id in chosen})
    try:
        row = score(rubric, [subset]).rows[0]
    except InputError as error:
        assert error.agency == assessment.agency.id
        assert error.node is not None
        assert error.message_in("en").startswith(("no score for", "the node is given together with some"))
        return
    assert row.total == truth[tree.id]
    for node_id in chosen:
        assert row.scores[node_id] == truth[node_id]
    # every scored node counts towards the total: its parent has a score too
    parent = {child.id: node.id for node in tree.walk() for child in node.children}
    assert all(parent[node_id] in row.scores for node_id in row.scores if node_id != tree.id)
