"""exclude: agencies not assessed in a year stay out of ranks and statistics (Sơn La 2017)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import raises
from govindex import Agency, Assessment, load_dataset, load_rubric, score
from govindex.errors import RuleError, UnknownNameError
from govindex.render import explain
from govindex.rubric import RuleRef
from govindex.rules.builtin import Exclude
from strategies import bound_rule

REASON = "Văn phòng UBND tỉnh không đánh giá năm 2017 (Quyết định 3247/QĐ-UBND)"


def _with_office() -> list[Assessment]:
    dataset = load_dataset("sonla-2017-it")
    office = Agency("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "provincial")
    scores = {
        "infrastructure": 10,
        "internal_use": 25,
        "public_services": 35,
        "security": 10,
        "staff": 10,
        "policy": 10,
    }
    return [*dataset.assessments("provincial", not_assessed=False), Assessment(office, scores)]


def test_the_office_is_listed_as_not_assessed_and_ranks_are_the_published_ones() -> None:
    rubric = load_rubric("sonla-2017-it")
    plain = score(rubric, load_dataset("sonla-2017-it").assessments("provincial", not_assessed=False))
    result = score(rubric, _with_office(), rules=[Exclude(agencies=["van-phong-ubnd-tinh"], reason=REASON)])
    assert [(r.agency.id, r.total, r.rank) for r in result.rows] == [(r.agency.id, r.total, r.rank) for r in plain.rows]
    (skipped,) = result.not_assessed
    assert (skipped.agency.id, skipped.reason, skipped.rule) == ("van-phong-ubnd-tinh", REASON, "exclude")
    with raises(UnknownNameError, match="was not assessed: Văn phòng UBND tỉnh không đánh giá"):
        result.agency("van-phong-ubnd-tinh")
    assert "không đánh giá" in explain(result, "van-phong-ubnd-tinh", lang="vi")
    assert result.agency("so-thong-tin-va-truyen-thong").total == Decimal("83.8")


def test_without_the_rule_the_office_would_lead() -> None:
    result = score(load_rubric("sonla-2017-it"), _with_office(), rules=())
    assert result.rows[0].agency.id == "van-phong-ubnd-tinh"


def test_the_bundled_2017_rubric_excludes_the_office() -> None:
    rubric = load_rubric("sonla-2017-it")
    # The bundled dataset lists the Office as not assessed, so scoring it lists the Office too.
    whole = score(rubric, load_dataset("sonla-2017-it").assessments())
    assert [item.agency.id for item in whole.not_assessed] == ["van-phong-ubnd-tinh"]
    assert len(whole) == 30
    assert [ref.name for ref in rubric.rules] == ["exclude"]
    assert rubric.rules[0].legal_basis is not None and rubric.rules[0].legal_basis.decision == "3247/QĐ-UBND"
    result = score(rubric, _with_office())
    assert [item.agency.id for item in result.not_assessed] == ["van-phong-ubnd-tinh"]
    assert len(result) == 18
    assert explain(result, "van-phong-ubnd-tinh", lang="en") == (
        "Văn phòng UBND tỉnh (van-phong-ubnd-tinh), group provincial: not assessed: Văn phòng UBND tỉnh không "
        "đánh giá năm 2017 (rule exclude)\n"
        "  legal basis: Decision 3247/QĐ-UBND of 2017-12-20 (Chủ tịch UBND tỉnh Sơn La), 18 sở, ngành cấp tỉnh "
        "(trừ Văn phòng UBND tỉnh không đánh giá)"
    )


def test_an_absent_agency_is_not_an_error() -> None:
    result = score(
        load_rubric("sonla-2017-it"),
        load_dataset("sonla-2017-it").assessments("provincial", not_assessed=False),
        rules=[Exclude(agencies=["van-phong-ubnd-tinh"], reason=REASON)],
    )
    assert result.not_assessed == ()
    assert len(result) == 18


def test_later_rules_do_not_see_excluded_agencies() -> None:
    from govindex.rules.builtin import BestInCohort
    from strategies import agency, example_tree, rule_rubric_of

    scores = {"awareness": 1, "internal": 1, "units": 1, "dvc_rate": 1, "dvc_records": 1, "security": 1}
    cohort = [
        Assessment(agency("office"), {**scores, "units": 20}),
        Assessment(agency("peer"), {**scores, "units": 7}),
        Assessment(agency("small", has_subordinate_units=False), scores),
    ]
    result = score(
        rule_rubric_of(example_tree()), cohort, rules=[Exclude(agencies=["office"], reason="r"), BestInCohort()]
    )
    assert result.agency("small").scores["units"] == Decimal(7)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        # checked against the rule's parameter schema before the rule is built
        (
            {"agencies": "van-phong-ubnd-tinh", "reason": "r"},
            "rules[0].params.agencies: rule 'exclude': agencies must be a list of non-empty texts, not "
            "'van-phong-ubnd-tinh'",
        ),
        ({"agencies": ["a", "a"], "reason": "r"}, "rules[0].params: rule 'exclude': agencies lists a more than once"),
        (
            {"agencies": [""], "reason": "r"},
            "rules[0].params.agencies: rule 'exclude': agencies must be a list of non-empty texts, not ('',)",
        ),
        (
            {"agencies": ["a"], "reason": " "},
            "rules[0].params.reason: rule 'exclude': reason must be non-empty text, not ' '",
        ),
        ({"agencies": ["a"]}, "rules[0].params: rule 'exclude': required parameter 'reason' is missing"),
    ],
)
def test_bad_parameters_are_refused(params: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError) as caught:
        bound_rule(RuleRef("exclude", params))
    assert caught.value.describe("en") == message


@given(st.data())
def test_excluding_is_scoring_without_them(data: st.DataObject) -> None:
    from strategies import flagged_cohorts, rule_rubric_of, tagged_trees

    tree = data.draw(tagged_trees())
    rubric = rule_rubric_of(tree)
    cohort = data.draw(flagged_cohorts(tree, flags=False))
    ids = [a.agency.id for a in cohort]
    excluded = data.draw(st.lists(st.sampled_from([*ids, "absent"]), unique=True))
    result = score(rubric, cohort, rules=[Exclude(agencies=excluded, reason="r")])
    kept = [a for a in cohort if a.agency.id not in excluded]
    alone = score(rubric, kept, rules=())
    assert [(r.agency.id, r.total, r.rank, r.band_id) for r in result.rows] == [
        (r.agency.id, r.total, r.rank, r.band_id) for r in alone.rows
    ]
    assert sorted(item.agency.id for item in result.not_assessed) == sorted(set(excluded) & set(ids))
