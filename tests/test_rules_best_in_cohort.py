"""best_in_cohort: agencies without subordinate units take the cohort's best score (Sơn La 2024)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import english, raises
from govindex import Assessment, score
from govindex.errors import RuleError
from govindex.rules import RuleContext
from govindex.rules._common import tagged_leaves
from govindex.rules.builtin import BestInCohort
from strategies import RULE_BASIS, agency, example_tree, flagged_cohorts, rule_rubric_of, tagged_trees

RUBRIC = rule_rubric_of(example_tree())
SCORES = {"awareness": 14, "internal": 38, "units": 18, "dvc_rate": 5, "dvc_records": "4.5", "security": 14}


def _with(units: str | int, **kwargs: object) -> dict[str, object]:
    return {**SCORES, "units": units, **kwargs}


def test_agency_without_subordinate_units_scores_the_group_best() -> None:
    # Seed 003: "... được tính điểm bằng với số điểm cao nhất của các cơ quan, đơn vị đạt được tại những tiêu chí này".
    cohort = [
        Assessment(agency("so-thong-tin-va-truyen-thong"), _with(18)),
        Assessment(agency("so-noi-vu"), _with("16.5")),
        Assessment(agency("ban-dan-toc", has_subordinate_units=False), _with(0)),
        Assessment(agency("huyen-phu-yen", "district"), _with(20)),
    ]
    result = score(RUBRIC, cohort, rules=[BestInCohort(legal_basis=RULE_BASIS)])
    row = result.agency("ban-dan-toc")
    assert row.scores["units"] == Decimal("18")
    assert row.raw["units"] == Decimal("0")
    (adj,) = result.adjustments
    assert (adj.agency, adj.node, adj.before, adj.after, adj.rule) == (
        "ban-dan-toc",
        "units",
        Decimal(0),
        Decimal(18),
        "best_in_cohort",
    )
    # the district (another ranking group) does not count; the agency itself does not count either
    assert dict(adj.inputs) == {"so-noi-vu": "16.5", "so-thong-tin-va-truyen-thong": "18"}
    assert adj.formula == "max(so-noi-vu 16.5, so-thong-tin-va-truyen-thong 18) = 18 (so-thong-tin-va-truyen-thong)"
    assert adj.legal_basis == RULE_BASIS
    assert "no subordinate units" in (adj.reason_in("en") or "")
    assert "không có đơn vị trực thuộc" in (adj.reason_in("vi") or "")


def test_cohort_all_takes_every_group() -> None:
    cohort = [
        Assessment(agency("so-noi-vu"), _with(16)),
        Assessment(agency("ban-dan-toc", has_subordinate_units=False), _with(0)),
        Assessment(agency("huyen-phu-yen", "district"), _with(20)),
    ]
    result = score(RUBRIC, cohort, rules=[BestInCohort(cohort="all")])
    assert result.agency("ban-dan-toc").scores["units"] == Decimal(20)


def test_no_score_in_the_cohort_is_refused_by_default() -> None:
    cohort = [Assessment(agency("ban-dan-toc", has_subordinate_units=False), _with(3))]
    with pytest.raises(RuleError) as caught:
        score(RUBRIC, cohort, rules=[BestInCohort()])
    assert english(caught.value) == (
        "agency 'ban-dan-toc', node 'units': rule 'best_in_cohort': no agency of group provincial with "
        "subordinate units has a score on this sub-criterion, so there is no best score to give an agency "
        "without subordinate units (set fallback: max_points or keep to decide otherwise)"
    )


def test_fallbacks_when_no_agency_has_a_score() -> None:
    cohort = [Assessment(agency("ban-dan-toc", has_subordinate_units=False), _with(3))]
    full = score(RUBRIC, cohort, rules=[BestInCohort(fallback="max_points")])
    assert full.agency("ban-dan-toc").scores["units"] == Decimal(20)
    assert full.adjustments[0].formula == "no score in group provincial: fallback max_points = 20"
    kept = score(RUBRIC, cohort, rules=[BestInCohort(fallback="keep")])
    assert kept.agency("ban-dan-toc").scores["units"] == Decimal(3)
    assert kept.adjustments == ()


def test_bad_parameters_are_refused() -> None:
    with raises(RuleError, match=r"rule 'best_in_cohort': cohort must be one of group, all, not 'province'"):
        BestInCohort(cohort="province")
    with raises(RuleError, match=r"fallback must be one of refuse, max_points, keep, not 'zero'"):
        BestInCohort(fallback="zero")
    with raises(RuleError, match=r"rule 'best_in_cohort': tag must be a tag \(non-empty text\), not ''"):
        BestInCohort(tag="")


def test_cohort_all_refuses_a_node_with_other_maxima() -> None:
    from govindex import Group, Rubric
    from strategies import leaf, parent

    small = parent("total", leaf("units", 10, "subordinate_units"), leaf("other", 90))
    big = parent("total", leaf("units", 20, "subordinate_units"), leaf("other", 80))
    rubric = Rubric("t", "t", 2024, RULE_BASIS, (Group("provincial", "p", small), Group("district", "d", big)))
    cohort = [
        Assessment(agency("a", has_subordinate_units=False), {"units": 1, "other": 1}),
        Assessment(agency("b", "district"), {"units": 15, "other": 1}),
    ]
    with raises(RuleError, match=r"has maximum 10 here but 20 in group 'district'"):
        score(rubric, cohort, rules=[BestInCohort(cohort="all")])


def test_a_tag_on_a_criterion_marks_its_sub_criteria() -> None:
    from strategies import leaf, parent

    tree = parent("total", parent("units", leaf("u1", 5), leaf("u2", 5), tags=("subordinate_units",)), leaf("x", 90))
    assert [node.id for node in tagged_leaves(tree, "subordinate_units")] == ["u1", "u2"]


# --- properties -----------------------------------------------------------------------------------------------


@st.composite
def _cases(draw: st.DrawFn) -> tuple[object, list[Assessment]]:
    tree = draw(tagged_trees())
    return rule_rubric_of(tree), draw(flagged_cohorts(tree))


@given(_cases(), st.sampled_from(["group", "all"]))
def test_best_is_within_bounds_and_at_least_every_other_score(
    case: tuple[object, list[Assessment]], cohort: str
) -> None:
    rubric, assessments = case
    rule = BestInCohort(cohort=cohort, fallback="max_points")
    result = score(rubric, assessments, rules=[rule])  # type: ignore[arg-type]
    for adj in result.adjustments:
        row = result.agency(adj.agency)
        node = result.rubric.node(row.group, adj.node)
        assert Decimal(0) <= adj.after <= node.max_points
        peers = [r for r in result.rows if cohort == "all" or r.group == row.group]
        for other in peers:
            assert adj.after >= other.scores[adj.node]


@given(_cases(), st.randoms(use_true_random=False))
def test_best_does_not_depend_on_the_cohort_order(case: tuple[object, list[Assessment]], random: object) -> None:
    rubric, assessments = case
    shuffled = list(assessments)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    rule = BestInCohort(fallback="max_points")
    first = rule.apply(RuleContext(rubric, tuple(assessments)))  # type: ignore[arg-type]
    second = rule.apply(RuleContext(rubric, tuple(shuffled)))  # type: ignore[arg-type]
    assert sorted(map(repr, first.adjustments)) == sorted(map(repr, second.adjustments))


def test_cohort_all_refuses_other_maxima_for_every_group() -> None:
    from govindex import Group, Rubric
    from strategies import leaf, parent

    small = parent("total", leaf("units", 10, "subordinate_units"), leaf("other", 90))
    big = parent("total", leaf("units", 20, "subordinate_units"), leaf("other", 80))
    rubric = Rubric("t", "t", 2024, RULE_BASIS, (Group("provincial", "p", small), Group("district", "d", big)))
    cohort = [
        Assessment(agency("a", has_subordinate_units=False), {"units": 1, "other": 1}),
        Assessment(agency("c", "district", has_subordinate_units=False), {"units": 1, "other": 1}),
        Assessment(agency("d"), {"units": 9, "other": 1}),
    ]
    with raises(RuleError, match=r"agency 'c', node 'units': .* has maximum 20 here but 10 in group 'provincial'"):
        score(rubric, cohort, rules=[BestInCohort(cohort="all")])
