"""full_marks_if_not_applicable: criteria outside a special agency's mandate score full marks (Sơn La 2024)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import english
from govindex import Assessment, Rubric, score
from govindex.errors import RuleError
from govindex.rules.builtin import FullMarksIfNotApplicable
from strategies import RULE_BASIS, agency, example_tree, flagged_cohorts, rule_rubric_of, tagged_trees

RUBRIC = rule_rubric_of(example_tree())
SCORES = {"awareness": 12, "internal": 30, "units": 10, "dvc_rate": 2, "dvc_records": 0, "security": 13}


def test_special_agency_scores_the_maximum_on_listed_sub_criteria() -> None:
    # Seed 003: "các tiêu chí không liên quan đến chức năng, nhiệm vụ của cơ quan, đơn vị thì được tính điểm tối đa".
    thanh_tra = Assessment(agency("thanh-tra-tinh", special=True, not_applicable={"dvc_records"}), SCORES)
    result = score(RUBRIC, [thanh_tra], rules=[FullMarksIfNotApplicable(legal_basis=RULE_BASIS)])
    row = result.agency("thanh-tra-tinh")
    assert row.scores["dvc_records"] == Decimal(5)
    assert row.raw["dvc_records"] == Decimal(0)
    (adj,) = result.adjustments
    assert (adj.before, adj.after, adj.formula) == (Decimal(0), Decimal(5), "max_points(dvc_records) = 5")
    assert dict(adj.inputs) == {"max_points": "5"}
    assert "đặc thù" in (adj.reason_in("vi") or "")


def test_a_listed_criterion_gives_full_marks_to_everything_below_it() -> None:
    given_parent = {**SCORES, "operations": 42}
    thanh_tra = Assessment(agency("thanh-tra-tinh", special=True, not_applicable={"operations"}), given_parent)
    result = score(RUBRIC, [thanh_tra], rules=[FullMarksIfNotApplicable()])
    row = result.agency("thanh-tra-tinh")
    assert row.scores["operations"] == Decimal(70)
    assert [adj.node for adj in result.adjustments] == ["operations", "internal", "units", "dvc_rate", "dvc_records"]
    assert row.total == Decimal(12 + 70 + 13)


def test_unknown_not_applicable_node_is_refused() -> None:
    thanh_tra = Assessment(agency("thanh-tra-tinh", special=True, not_applicable={"dvc-record"}), SCORES)
    with pytest.raises(RuleError) as caught:
        score(RUBRIC, [thanh_tra], rules=[FullMarksIfNotApplicable()])
    assert english(caught.value) == (
        "agency 'thanh-tra-tinh', node 'dvc-record': rule 'full_marks_if_not_applicable': not_applicable names "
        "'dvc-record', which is not a node of group 'provincial'"
    )


def test_the_rule_takes_no_parameters() -> None:
    from govindex.rubric import RuleRef
    from strategies import bound_rule

    with pytest.raises(RuleError) as caught:
        bound_rule(RuleRef("full_marks_if_not_applicable", {"points": 1}))
    assert caught.value.describe("en") == (
        "rules[0].params.points: rule 'full_marks_if_not_applicable': unknown parameter 'points'; the rule takes no "
        "parameters"
    )


@st.composite
def _cases(draw: st.DrawFn) -> tuple[Rubric, list[Assessment]]:
    tree = draw(tagged_trees())
    return rule_rubric_of(tree), draw(flagged_cohorts(tree))


@given(_cases())
def test_not_applicable_nodes_end_at_their_maximum(case: tuple[Rubric, list[Assessment]]) -> None:
    rubric, assessments = case
    result = score(rubric, assessments, rules=[FullMarksIfNotApplicable()])
    for assessment in assessments:
        row = result.agency(assessment.agency.id)
        for node_id in assessment.agency.not_applicable:
            assert row.scores[node_id] == rubric.node(row.group, node_id).max_points
