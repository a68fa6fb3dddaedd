"""normalise: totals published per 100 (PAR INDEX) or on 0-1 (national DTI)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import Agency, Assessment, load_rubric, score
from govindex.errors import RuleError
from govindex.rubric import RuleRef
from govindex.rules.builtin import Normalise
from strategies import bound_rule


def test_dak_nong_par_index_component_per_100() -> None:
    # Seed 004: "đạt 11,3008 (tối đa là 13,5 điểm)" ... "đạt 83,71 điểm"
    rubric = load_rubric("vn-par-2022-egov")
    result = score(rubric, [Assessment(Agency("dak-nong", "Đắk Nông", "province"), {"total": "11,3008"})])
    row = result.agency("dak-nong")
    assert row.total == Decimal("11.3008")
    assert row.normalised == Decimal("83.71")
    assert result.scale is not None
    assert result.scale.formula(row.total) == "11.3008 × 100 / 13.5 = 83.709629… → 83.71 (ROUND_HALF_UP)"


@pytest.mark.parametrize(("points", "index"), [("261.3", "0.2613"), ("343.8", "0.3438"), ("547.8", "0.5478")])
def test_son_la_national_dti_on_0_to_1(points: str, index: str) -> None:
    # Sơn La's DTI: 0.2613 (2020), 0.3438 (2021), 0.5478 (2022)
    rubric = load_rubric("vn-dti-2022-province")
    result = score(rubric, [Assessment(Agency("son-la", "Sơn La", "province"), {"total": points})])
    assert result.agency("son-la").normalised == Decimal(index)
    # the DTI states its 0-1 scale as the rubric's publication, not as a normalise rule
    assert result.scale is None and rubric.publication is not None
    assert rubric.publication.formula(Decimal(points), Decimal(1000)) == f"{points} / 1000 × 1 = {index}"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"to": 0, "decimals": 2},
            "to must be a number above 0 (at most 10^12, at most 12 decimals), not Decimal('0')",
        ),
        ({"to": 1.5, "decimals": 2}, "to must be a number above 0 (at most 10^12, at most 12 decimals), not 1.5"),
        ({"to": Decimal("1.0e+300000"), "decimals": 2}, "to must be a number above 0 (at most 10^12"),
        ({"to": 100, "out_of": Decimal("1e-300"), "decimals": 2}, "out_of must be a number above 0 (at most 10^12"),
        ({"to": 100, "decimals": "2"}, "decimals must be a whole number from 0 to 12, not '2'"),
        ({"to": 100, "decimals": 2, "rounding": "half-up"}, "rounding must be one of"),
    ],
)
def test_bad_parameters_are_refused(params: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError) as caught:
        Normalise(**params)  # type: ignore[arg-type]
    assert caught.value.describe("en").startswith(f"rule 'normalise': {message}")


def test_a_missing_parameter_is_named() -> None:
    with pytest.raises(RuleError) as caught:
        bound_rule(RuleRef("normalise", {"to": 100}))
    assert caught.value.describe("en") == "rules[0].params: rule 'normalise': required parameter 'decimals' is missing"
    assert caught.value.describe("vi") == "rules[0].params: quy tắc 'normalise': thiếu tham số bắt buộc 'decimals'"


def test_a_huge_scale_in_a_rubric_file_is_refused_at_its_place(tmp_path: Path) -> None:
    from govindex.io.bundled import load_methodology
    from govindex.io.rubrics import dump_rubric

    text = dump_rubric(load_rubric("vn-par-2022-egov")).replace("to: 100", "to: 1.0e+300000")
    path = tmp_path / "rubric.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_methodology(path)
    line = text.splitlines().index("    to: 1.0e+300000") + 1
    assert caught.value.describe("en").startswith(
        f"{path}:{line}:9: rules[0].params.to: rule 'normalise': to must be a number above 0 (at most 10^12"
    )


def test_groups_with_different_maxima_need_out_of() -> None:
    rubric = load_rubric("sonla-2017-it")
    import attrs

    from govindex import Group, Node

    other = Group("other", "other", Node("total", "t", Decimal(50)))
    mixed = attrs.evolve(rubric, groups=(*rubric.groups, other))
    with pytest.raises(RuleError) as caught:
        score(mixed, [], rules=[Normalise(to=1, decimals=2)])
    assert caught.value.describe("en") == (
        "rule 'normalise': the groups' totals have different maxima (provincial 100, district 100, other 50); "
        "give out_of"
    )
    result = score(mixed, [], rules=[Normalise(to=1, decimals=2, out_of=100)])
    assert result.scale is not None and result.scale.denominator == Decimal(100)


@given(st.integers(0, 135000))
def test_normalised_is_the_rounded_exact_ratio(scaled: int) -> None:
    total = Decimal(scaled).scaleb(-4)
    rule = Normalise(to=100, decimals=2, out_of="13.5")
    rubric = load_rubric("vn-par-2022-egov")
    result = score(rubric, [Assessment(Agency("x", "x", "province"), {"total": total})], rules=[rule])
    value = result.agency("x").normalised
    assert value is not None
    assert Decimal(0) <= value <= Decimal(100)
    assert abs(value * Decimal("13.5") - total * 100) <= Decimal("0.005") * Decimal("13.5")
