"""Properties every built-in rule keeps, run together as the 2024 rubric lists them."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govindex import Assessment, Rubric, score
from govindex.rules.builtin import BestInCohort, FullMarksIfNotApplicable, ProportionalImputation
from strategies import flagged_cohorts, rule_rubric_of, tagged_trees

RULES = (BestInCohort(fallback="max_points"), ProportionalImputation(), FullMarksIfNotApplicable())


@st.composite
def _cases(draw: st.DrawFn) -> tuple[Rubric, list[Assessment]]:
    tree = draw(tagged_trees())
    return rule_rubric_of(tree), draw(flagged_cohorts(tree))


@given(_cases(), st.permutations(RULES))
def test_no_rule_leaves_zero_to_max(case: tuple[Rubric, list[Assessment]], rules: list[object]) -> None:
    rubric, assessments = case
    result = score(rubric, assessments, rules=rules)  # type: ignore[arg-type]
    for adj in result.adjustments:
        node = rubric.node(result.agency(adj.agency).group, adj.node)
        assert Decimal(0) <= adj.after <= node.max_points
    for assessment in assessments:  # raw scores are never overwritten
        assert dict(result.agency(assessment.agency.id).raw) == dict(assessment.scores)
    for row in result.rows:
        for node in rubric.tree(row.group).walk():
            assert Decimal(0) <= row.scores[node.id] <= node.max_points


@given(_cases())
def test_rules_are_deterministic(case: tuple[Rubric, list[Assessment]]) -> None:
    rubric, assessments = case
    first = score(rubric, assessments, rules=RULES)
    second = score(rubric, list(reversed(assessments)), rules=RULES)
    assert first.adjustments == second.adjustments
    assert [dict(row.scores) for row in first.rows] == [dict(row.scores) for row in second.rows]
    for adj_a, adj_b in zip(first.adjustments, second.adjustments, strict=True):
        assert (adj_a.formula, dict(adj_a.inputs), dict(adj_a.reason)) == (
            adj_b.formula,
            dict(adj_b.inputs),
            dict(adj_b.reason),
        )


@given(st.data())
def test_an_agency_without_flags_is_untouched(data: st.DataObject) -> None:
    tree = data.draw(tagged_trees())
    rubric = rule_rubric_of(tree)
    flagged = data.draw(flagged_cohorts(tree))
    plain = data.draw(flagged_cohorts(tree, flags=False))
    plain = [
        Assessment(a.agency.__class__(f"plain-{a.agency.id}", a.agency.name, a.agency.group), a.scores) for a in plain
    ]
    result = score(rubric, [*flagged, *plain], rules=RULES)
    for assessment in plain:
        assert result.adjustments_for(assessment.agency.id) == ()
        row = result.agency(assessment.agency.id)
        assert {k: row.scores[k] for k in assessment.scores} == dict(assessment.scores)
        assert dict(row.raw) == dict(assessment.scores)
