"""proportional_imputation: online-service sub-criteria of agencies without online services (Sơn La 2024)."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import english, raises
from govindex import Assessment, Rubric, score
from govindex.errors import RuleError
from govindex.points import ROUNDING_MODES
from govindex.rules._common import untagged_parts
from govindex.rules.builtin import BestInCohort, ProportionalImputation, imputed_score
from strategies import RULE_BASIS, agency, example_tree, flagged_cohorts, leaf, parent, rule_rubric_of, tagged_trees

RUBRIC = rule_rubric_of(example_tree())
NO_DVC = {"awareness": 12, "internal": "27.5", "units": 18, "dvc_rate": 0, "dvc_records": 0, "security": 13}


def _ngoai_vu(**scores: object) -> Assessment:
    return Assessment(agency("so-ngoai-vu", has_online_services=False), {**NO_DVC, **scores})


def test_imputation_within_the_index_follows_the_formula() -> None:
    # Seed 003: điểm DVCTT = (tổng điểm thực tế các chỉ số thành phần khác / tổng điểm tối đa của chúng) × điểm tối đa
    rule = ProportionalImputation(within="operations", legal_basis=RULE_BASIS)
    result = score(RUBRIC, [_ngoai_vu()], rules=[rule])
    row = result.agency("so-ngoai-vu")
    assert row.scores["dvc_rate"] == row.scores["dvc_records"] == Decimal("3.79")
    adj = result.adjustments_for("so-ngoai-vu", "dvc_rate")[0]
    assert adj.formula == "45.5 / 60 × 5 = 3.791666… → 3.79 (ROUND_HALF_UP)"
    assert dict(adj.inputs) == {
        "score of internal": "27.5",
        "score of units": "18",
        "earned": "45.5",
        "maximum": "60",
        "max_points": "5",
    }
    assert adj.before == Decimal(0)
    assert row.raw["dvc_rate"] == Decimal(0)
    assert row.scores["operations"] == Decimal("53.08")


def test_imputation_over_the_whole_tree_by_default() -> None:
    result = score(RUBRIC, [_ngoai_vu()], rules=[ProportionalImputation()])
    adj = result.adjustments_for("so-ngoai-vu", "dvc_rate")[0]
    assert adj.formula == "70.5 / 90 × 5 = 3.916666… → 3.92 (ROUND_HALF_UP)"


def test_rounding_mode_is_a_parameter() -> None:
    # 45.5 / 60 × 5 = 3.7916…; 45 / 60 × 5 = 3.75 exactly
    down = score(RUBRIC, [_ngoai_vu()], rules=[ProportionalImputation(within="operations", rounding="ROUND_DOWN")])
    assert down.agency("so-ngoai-vu").scores["dvc_rate"] == Decimal("3.79")
    exact = score(RUBRIC, [_ngoai_vu(internal=27)], rules=[ProportionalImputation(within="operations")])
    assert exact.adjustments[0].formula == "45 / 60 × 5 = 3.75"
    up = score(
        RUBRIC, [_ngoai_vu(internal="27.02")], rules=[ProportionalImputation(within="operations", rounding="ROUND_UP")]
    )
    assert up.adjustments[0].formula == "45.02 / 60 × 5 = 3.751666… → 3.76 (ROUND_UP)"


def test_earlier_rules_feed_the_points_earned() -> None:
    both = Assessment(
        agency("ban-dan-toc", has_subordinate_units=False, has_online_services=False), {**NO_DVC, "units": 0}
    )
    peer = Assessment(agency("so-noi-vu"), {**NO_DVC, "dvc_rate": 5, "dvc_records": 5})
    result = score(RUBRIC, [both, peer], rules=[BestInCohort(), ProportionalImputation(within="operations")])
    assert result.adjustments_for("ban-dan-toc", "dvc_rate")[0].formula.startswith("45.5 / 60 × 5")
    reverse = score(RUBRIC, [both, peer], rules=[ProportionalImputation(within="operations"), BestInCohort()])
    assert reverse.adjustments_for("ban-dan-toc", "dvc_rate")[0].formula.startswith("27.5 / 60 × 5")


def test_agencies_with_online_services_are_untouched() -> None:
    assessment = Assessment(agency("so-noi-vu"), {**NO_DVC})
    assert score(RUBRIC, [assessment], rules=[ProportionalImputation()]).adjustments == ()


def test_unknown_scope_is_refused() -> None:
    with pytest.raises(RuleError) as caught:
        score(RUBRIC, [_ngoai_vu()], rules=[ProportionalImputation(within="hoat-dong")])
    assert english(caught.value) == (
        "agency 'so-ngoai-vu', node 'hoat-dong': rule 'proportional_imputation': within names 'hoat-dong', "
        "which is not a node of group 'provincial'"
    )


def test_tagged_sub_criterion_outside_the_scope_is_refused() -> None:
    with raises(RuleError, match=r"node 'dvc_rate': .* lies outside 'awareness', the scope"):
        score(RUBRIC, [_ngoai_vu()], rules=[ProportionalImputation(within="awareness")])


def test_missing_untagged_score_is_refused() -> None:
    scores = {k: v for k, v in NO_DVC.items() if k != "internal"}
    assessment = Assessment(agency("so-ngoai-vu", has_online_services=False), scores)
    with pytest.raises(RuleError) as caught:
        score(RUBRIC, [assessment], rules=[ProportionalImputation(within="operations")])
    assert english(caught.value) == (
        "agency 'so-ngoai-vu', node 'internal': rule 'proportional_imputation': no score for 'internal', an "
        "untagged part of 'operations', so the online-service sub-criteria cannot be imputed"
    )


def test_scope_without_untagged_points_is_refused() -> None:
    tree = parent(
        "total", parent("dvc", leaf("d1", 5, "online_services"), leaf("d2", 5, "online_services")), leaf("x", 90)
    )
    rubric = rule_rubric_of(tree)
    assessment = Assessment(agency("a", has_online_services=False), {"d1": 0, "d2": 0, "x": 50})
    with raises(RuleError, match=r"node 'dvc': .* 'dvc' has no untagged sub-criteria with points"):
        score(rubric, [assessment], rules=[ProportionalImputation(within="dvc")])


def test_bad_parameters_are_refused() -> None:
    with raises(RuleError, match=r"rounding must be one of .*, not 'HALF_UP'"):
        ProportionalImputation(rounding="HALF_UP")
    with raises(RuleError, match=r"within must be a node id \(non-empty text\), not ''"):
        ProportionalImputation(within="")


def test_untagged_parts_take_whole_untagged_criteria() -> None:
    assert [n.id for n in untagged_parts(example_tree(), "online_services")] == [
        "awareness",
        "internal",
        "units",
        "security",
    ]
    assert [n.id for n in untagged_parts(example_tree(), "none")] == ["total"]


# --- properties -----------------------------------------------------------------------------------------------


@st.composite
def _cases(draw: st.DrawFn) -> tuple[Rubric, list[Assessment]]:
    tree = draw(tagged_trees())
    return rule_rubric_of(tree), draw(flagged_cohorts(tree))


@given(_cases(), st.sampled_from(sorted(ROUNDING_MODES)))
def test_imputation_equals_its_formula_exactly(case: tuple[Rubric, list[Assessment]], rounding: str) -> None:
    rubric, assessments = case
    result = score(rubric, assessments, rules=[ProportionalImputation(rounding=rounding)])
    by_id = {a.agency.id: a for a in assessments}
    for adj in result.adjustments:
        assessment = by_id[adj.agency]
        assert not assessment.agency.has_online_services
        tree = rubric.tree(assessment.agency.group)
        untagged = [n for n in tree.leaves() if n not in set(_tagged(tree))]
        earned = sum((assessment.scores[n.id] for n in untagged), Decimal(0))
        maximum = sum((n.max_points for n in untagged), Decimal(0))
        node = tree.find(adj.node)
        assert node is not None
        # an independent oracle: the exact fraction, carried to 100 digits, rounded once
        exact = Fraction(earned) / Fraction(maximum) * Fraction(node.max_points)
        with localcontext() as ctx:
            ctx.prec = 100
            ctx.rounding = ROUND_DOWN
            carried = Decimal(exact.numerator) / Decimal(exact.denominator)
        assert adj.after == carried.quantize(Decimal("0.01"), rounding=rounding)
        assert adj.after == imputed_score(earned, maximum, node.max_points, 2, rounding)
        assert Decimal(0) <= adj.after <= node.max_points


def _tagged(tree: object) -> list[object]:
    from govindex.rules._common import tagged_leaves

    return list(tagged_leaves(tree, "online_services"))  # type: ignore[arg-type]
