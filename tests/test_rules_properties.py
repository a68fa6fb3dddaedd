"""Properties every built-in rule keeps, run together as the 2024 rubric lists them."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govindex import Assessment, GovIndexError, Rubric, score
from govindex.rules import Rule, RuleContext
from govindex.rules.builtin import BestInCohort, Exclude, FullMarksIfNotApplicable, Normalise, ProportionalImputation
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


def _scrambled(draw: st.DrawFn, assessments: list[Assessment]) -> tuple[Assessment, ...]:
    """The cohort in another order, each assessment's scores in another order too."""
    out = []
    for assessment in draw(st.permutations(assessments)):
        order = draw(st.permutations(list(assessment.scores)))
        out.append(attrs.evolve(assessment, scores={node: assessment.scores[node] for node in order}))
    return tuple(out)


def _outcome(rule: Rule, context: RuleContext) -> object:
    """Everything a rule's outcome says, in an order of its own (a rule may list agencies in any order)."""
    try:
        outcome = rule.apply(context)
    except GovIndexError as error:
        return ("refused", type(error), error.code)
    adjustments = sorted(
        (
            (adj.agency, adj.node, adj.before, adj.after, adj.rule, list(adj.inputs.items()), adj.formula),
            sorted(adj.reason.items()),
        )
        for adj in outcome.adjustments
    )
    not_applied = sorted(
        (item.agency, item.node or "", item.rule, sorted(item.reason.items())) for item in outcome.not_applied
    )
    return adjustments, sorted(outcome.excluded.items()), outcome.scale, not_applied


@st.composite
def _rules(draw: st.DrawFn, cohort: list[Assessment]) -> Rule:
    ids = [assessment.agency.id for assessment in cohort]
    return draw(
        st.sampled_from(
            [
                BestInCohort(fallback="max_points"),
                BestInCohort(fallback="keep", cohort="all"),
                ProportionalImputation(),
                ProportionalImputation(within="a"),
                FullMarksIfNotApplicable(),
                Exclude(agencies=draw(st.lists(st.sampled_from([*ids, "absent"]), unique=True)), reason="r"),
                Normalise(to=Decimal(100), decimals=2),
            ]
        )
    )


@given(st.data())
def test_no_rule_depends_on_the_order_of_the_cohort_or_of_the_scores(data: st.DataObject) -> None:
    """Every built-in rule, applied to the cohort in any order (and each agency's scores in any order),
    says exactly the same: the same values, inputs listed in the same order, the same formulas."""
    tree = data.draw(tagged_trees())
    rubric = rule_rubric_of(tree)
    cohort = data.draw(flagged_cohorts(tree))
    rule = data.draw(_rules(cohort))
    ordered = tuple(sorted(cohort, key=lambda a: (rubric.group_ids.index(a.agency.group), a.agency.id)))
    scrambled = data.draw(st.composite(lambda draw: _scrambled(draw, cohort))())
    assert _outcome(rule, RuleContext(rubric, ordered)) == _outcome(rule, RuleContext(rubric, scrambled))
