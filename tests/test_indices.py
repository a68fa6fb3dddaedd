"""National indices on one engine: means and weighted means, their scales, which value is ranked, the bundled
ICT Index, PAR INDEX and DTI 2020 rubrics reproducing published figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filekit import position
from govindex import Agency, Assessment, Group, Node, Rubric, load_rubric, score
from govindex.errors import GovIndexError, InputError, RubricError
from govindex.io.rubrics import parse_rubric
from govindex.render.explanations import explain
from govindex.rubric import LegalBasis

BASIS = LegalBasis("1/QĐ-UBND", dt.date(2024, 1, 1), "UBND tỉnh")

HEAD = """\
id: t
title: T
year: 2023
legal_basis: {decision: x, date: 2023-01-01, issuer: y}
decimals: 4
groups:
  - id: province
    name: P
    tree:
      id: total
      name: T
"""


def _refusal(body: str, needle: str, code: str, words: str, offset: int = 0) -> None:
    """The rubric is refused at the line and column of ``needle``, with the code and these English words."""
    text = HEAD + body
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(text, file="r.yaml")
    error = caught.value
    assert error.code == code, error.describe("en")
    line, column = position(text, needle)
    column += offset
    assert (error.file, error.line, error.column) == ("r.yaml", line, column), error.describe("en")
    assert words in error.describe("en")
    assert error.describe("en").startswith(f"r.yaml:{line}:{column}: ")


def test_a_weighted_child_without_a_weight_is_refused_at_that_child() -> None:
    _refusal(
        """      max_points: 10
      aggregate: weighted
      children:
        - {id: a, name: A, max_points: 10, weight: 0.5}
        - {id: b, name: B, max_points: 10}
""",
        "{id: b",
        "node-weight-missing",
        "child 'b' of a weighted mean has no weight",
    )


def test_weights_that_do_not_sum_to_one_or_a_hundred_are_refused() -> None:
    _refusal(
        """      max_points: 10
      aggregate: weighted
      children:
        - {id: a, name: A, max_points: 10, weight: 0.5}
        - {id: b, name: B, max_points: 10, weight: 0.4}
""",
        "- {id: a",
        "node-weight-sum",
        "the weights sum to 0.9, not to 1 or 100 (%)",
    )


def test_a_weight_that_is_not_positive_is_refused_at_the_weight() -> None:
    _refusal(
        """      max_points: 10
      aggregate: weighted
      children:
        - {id: a, name: A, max_points: 10, weight: 100}
        - {id: b, name: B, max_points: 10, weight: 0}
""",
        "weight: 0}",
        "node-weight-not-positive",
        "the weight 0 of child 'b' must be positive",
        len("weight: "),
    )


def test_a_weight_under_a_parent_that_is_not_weighted_is_refused() -> None:
    _refusal(
        """      max_points: 20
      children:
        - {id: a, name: A, max_points: 10}
        - {id: b, name: B, max_points: 10, weight: 0.5}
""",
        "0.5}",
        "node-weight-not-weighted",
        "child 'b' has a weight but its parent is not a weighted mean",
    )


def test_a_mean_over_different_scales_needs_a_stated_conversion() -> None:
    body = """      max_points: 1
      aggregate: mean
      children:
        - {id: a, name: A, max_points: 1, scale: 0-1}
        - {id: b, name: B, max_points: 100, scale: 0-100}
"""
    _refusal(body, "mean", "node-mean-scales", "a mean over children on different scales (a 1 + b 100)")
    converted = parse_rubric(HEAD + body.replace("aggregate: mean", "aggregate: mean\n      convert: share"))
    agency = Agency("p", "P", "province")
    row = score(converted, [Assessment(agency, {"a": "0.5", "b": "75"})]).rows[0]
    assert row.total == Decimal("0.6250")  # (0.5 + 75 / 100 × 1) / 2


def test_a_mean_whose_maximum_is_not_its_childrens_scale_is_refused() -> None:
    _refusal(
        """      max_points: 2
      aggregate: mean
      children:
        - {id: a, name: A, max_points: 1}
        - {id: b, name: B, max_points: 1}
""",
        "max_points: 2",
        "node-mean-max",
        "max_points 2 is not the children's common scale (1)",
        len("max_points: "),
    )


def test_unknown_methods_scales_and_ranked_values_are_refused() -> None:
    _refusal(
        "      max_points: 1\n      aggregate: median\n",
        "median",
        "node-aggregate-unknown",
        "unknown aggregate 'median'",
    )
    _refusal(
        "      max_points: 1\n      aggregate: mean\n", "mean", "node-aggregate-on-leaf", "cannot aggregate by mean"
    )
    _refusal("      max_points: 10\n      scale: 0-1\n", "10", "node-scale-max", "scale 0-1 needs max_points 1, not 10")
    _refusal("      max_points: 1\n      scale: 1-5\n", "1-5", "node-scale-unknown", "unknown scale '1-5'")
    _refusal(
        "      max_points: 1\n      convert: share\n      children:\n        - {id: a, name: A, max_points: 1}\n",
        "share",
        "node-convert-on-sum",
        "applies to a mean or a weighted mean, not to a sum",
    )
    text = HEAD.replace("decimals: 4\n", "decimals: 4\nrank_on: printed\n") + "      max_points: 1\n"
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(text, file="r.yaml")
    assert caught.value.code == "rubric-rank-on" and caught.value.line == position(text, "printed")[0]
    assert "unknown ranked value 'printed'; use one of unrounded, published" in caught.value.describe("en")


def test_the_refusals_are_worded_in_vietnamese_by_default() -> None:
    with pytest.raises(RubricError) as caught:
        Node("pci", "PCI", 10, [Node("a", "A", 10, weight=Decimal(50)), Node("b", "B", 10)], aggregate="weighted")
    assert "tiêu chí con 'b' của chỉ số bình quân gia quyền không có trọng số" in str(caught.value)


def _mean_rubric(rank_on: str = "unrounded", rounding: str = "ROUND_HALF_UP") -> Rubric:
    tree = Node("total", "Chỉ số", 1, [Node(c, c, 1, scale="0-1") for c in "abc"], aggregate="mean", scale="0-1")
    return Rubric(
        "mean",
        "Mean",
        2023,
        BASIS,
        [Group("province", "Tỉnh", tree)],
        decimals=4,
        tie_policy="competition",
        rank_on=rank_on,
        rounding=rounding,
    )


def _cohort(rows: dict[str, tuple[str, str, str]]) -> list[Assessment]:
    return [
        Assessment(Agency(agency, agency.upper(), "province"), dict(zip("abc", values, strict=True)))
        for agency, values in rows.items()
    ]


def test_a_mean_is_carried_exactly_and_ranked_on_the_unrounded_value() -> None:
    cohort = _cohort({"p1": ("0.5", "0.5", "0.5001"), "p2": ("0.5", "0.5", "0.5"), "p3": ("0.5", "0.5", "0.5002")})
    result = score(_mean_rubric(), cohort)
    assert [(row.agency.id, str(row.total), row.rank) for row in result] == [
        ("p3", "0.5001", 1),  # 0.500066… → 0.5001
        ("p1", "0.5000", 2),  # 0.500033… → 0.5000, yet above p2's exact 0.5
        ("p2", "0.5000", 3),
    ]
    printed = score(_mean_rubric("published"), cohort)
    assert [(row.agency.id, row.rank) for row in printed] == [("p3", 1), ("p1", 2), ("p2", 2)]
    down = score(_mean_rubric(rounding="ROUND_DOWN"), cohort)
    assert down.agency("p3").total == Decimal("0.5000")


def test_a_weighted_mean_is_exact_and_given_values_must_agree_once_rounded() -> None:
    tree = Node(
        "pci",
        "PCI",
        10,
        [Node("a", "A", 10, weight=5), Node("b", "B", 10, weight=20), Node("c", "C", 10, weight=75)],
        aggregate="weighted",
    )
    rubric = Rubric("pci", "PCI", 2020, BASIS, [Group("province", "Tỉnh", tree)], decimals=2)
    agency = Agency("p", "P", "province")
    row = score(rubric, [Assessment(agency, {"a": "7.01", "b": "6.5", "c": "5.13"})]).rows[0]
    assert row.total == Decimal("5.50")  # 5.498 rounded once
    score(rubric, [Assessment(agency, {"a": "7.01", "b": "6.5", "c": "5.13", "pci": "5.50"})])
    with pytest.raises(InputError) as caught:
        score(rubric, [Assessment(agency, {"a": "7.01", "b": "6.5", "c": "5.13", "pci": "5.49"})])
    assert caught.value.code == "score-aggregate-differs" and caught.value.node == "pci"
    assert "differs from the weighted mean of its children (a 7.01 + b 6.50 + c 5.13 → 5.50)" in caught.value.describe(
        "en"
    )


def test_explanations_word_the_mean_and_the_weighted_mean() -> None:
    cohort = _cohort({"p1": ("0.5", "0.5", "0.5001")})
    result = score(_mean_rubric(), cohort)
    vi = explain(result, "p1")
    assert "trung bình cộng của 3 chỉ số thành phần: (a 0,5000 + b 0,5000 + c 0,5001) / 3 = 0,50003333… → 0,5000" in vi
    en = explain(result, "p1", lang="en")
    assert "the mean of 3 component indices: (a 0.5000 + b 0.5000 + c 0.5001) / 3 = 0.50003333… → 0.5000" in en
    tree = Node(
        "pci",
        "PCI",
        10,
        [Node("a", "A", 10, weight=Decimal("0.25")), Node("b", "B", 10, weight=Decimal("0.75"))],
        aggregate="weighted",
    )
    rubric = Rubric("pci", "PCI", 2020, BASIS, [Group("province", "Tỉnh", tree)], decimals=2)
    weighted = score(rubric, [Assessment(Agency("p", "P", "province"), {"a": "8", "b": "6"})])
    assert "bình quân gia quyền của 2 chỉ số thành phần: (A 8,00 × 0,25 + B 6,00 × 0,75) / 1 = 6,50" in explain(
        weighted, "p"
    )


values_0_1 = st.integers(0, 10_000).map(lambda units: Decimal(units).scaleb(-4))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(values_0_1, values_0_1, values_0_1), min_size=1, max_size=8),
    st.sampled_from(["ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_DOWN", "ROUND_UP"]),
)
def test_a_mean_is_the_exact_mean_rounded_once_within_its_scale_and_ranks_are_the_exact_ranks(
    rows: list[tuple[Decimal, Decimal, Decimal]], rounding: str
) -> None:
    rubric = _mean_rubric(rounding=rounding)
    cohort = [
        Assessment(Agency(f"p{i}", f"P{i}", "province"), dict(zip("abc", values, strict=True)))
        for i, values in enumerate(rows)
    ]
    result = score(rubric, cohort)
    exact = {f"p{i}": sum(map(Fraction, values), Fraction(0)) / 3 for i, values in enumerate(rows)}
    for row in result:
        value = exact[row.agency.id]
        assert 0 <= row.total <= 1
        assert abs(Fraction(row.total) - value) < Fraction(1, 10_000)  # one rounding at four decimals
        if rounding == "ROUND_DOWN":
            assert Fraction(row.total) <= value
        assert row.rank == 1 + sum(1 for other in exact.values() if other > value)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=2, max_size=6))
def test_a_weighted_mean_is_exact_and_within_its_scale(rows: list[tuple[int, int]]) -> None:
    tree = Node("pci", "PCI", 10, [Node("a", "A", 10, weight=5), Node("b", "B", 10, weight=95)], aggregate="weighted")
    rubric = Rubric("pci", "PCI", 2020, BASIS, [Group("province", "Tỉnh", tree)], decimals=1)
    cohort = [
        Assessment(Agency(f"p{i}", f"P{i}", "province"), {"a": Decimal(a).scaleb(-1), "b": Decimal(b).scaleb(-1)})
        for i, (a, b) in enumerate(rows)
    ]
    result = score(rubric, cohort)
    for i, (a, b) in enumerate(rows):
        value = (Fraction(a, 10) * 5 + Fraction(b, 10) * 95) / 100
        total = Fraction(result.agency(f"p{i}").total)
        assert 0 <= total <= 10 and abs(total - value) <= Fraction(1, 20)


# --- the bundled rubrics, on published figures ------------------------------------------------------------------


def test_the_ict_index_reproduces_da_nang() -> None:
    rubric = load_rubric("vn-ict-index")
    tree = rubric.tree("province")
    assert tree.aggregate == "mean" and [c.id for c in tree.children] == [
        "infrastructure",
        "human_resources",
        "it_application",
    ]
    assert rubric.decimals == 4 and rubric.rank_on == "unrounded"
    # Vietnam ICT Index 2023 (Tiền Phong, 25 August 2024): 0.7908, 0.7892, 0.9655 -> 0.8485
    da_nang = Agency("da-nang", "TP. Đà Nẵng", "province")
    values = {"infrastructure": "0.7908", "human_resources": "0.7892", "it_application": "0.9655"}
    assert score(rubric, [Assessment(da_nang, values)]).rows[0].total == Decimal("0.8485")
    # 2016, printed with two decimals (Báo Đà Nẵng, 22 March 2017): 0.84, 0.76, 0.89 -> 0.83
    values = {"infrastructure": "0.84", "human_resources": "0.76", "it_application": "0.89"}
    assert score(rubric, [Assessment(da_nang, values)]).rows[0].total == Decimal("0.8300")


def test_the_par_index_of_the_ministries() -> None:
    rubric = load_rubric("vn-par-2023-ministry")
    tree = rubric.tree("ministry")
    assert [(c.id, c.max_points) for c in tree.children] == [
        ("appraisal", Decimal("68.50")),
        ("survey", Decimal("31.50")),
    ]
    assert tree.max_points == 100 and rubric.decimals == 2 and rubric.rank_on == "unrounded"
    assert rubric.tie_policy.value == "competition" and rubric.bands is None
    cohort = [
        Assessment(Agency(f"m{i}", f"Bộ {i}", "ministry"), {"appraisal": a, "survey": s})
        for i, (a, s) in enumerate([("60.00", "28.00"), ("61.00", "27.00"), ("59.00", "28.50")])
    ]
    assert [row.rank for row in score(rubric, cohort)] == [1, 1, 3]


def test_the_dti_2020_groups_on_the_published_index() -> None:
    rubric = load_rubric("vn-dti-2020-province")
    assert rubric.bands is not None and [band.label for band in rubric.bands.bands] == [
        "Nhóm 1",
        "Nhóm 2",
        "Nhóm 3",
        "Nhóm 4",
    ]
    cohort = [
        Assessment(Agency(agency, agency, "province"), {"total": value})
        for agency, value in [("son-la", "0.2613"), ("a", "0.4000"), ("b", "0.4001"), ("c", "0.3250"), ("d", "0.2499")]
    ]
    result = score(rubric, cohort)
    assert {row.agency.id: row.band.label for row in result if row.band} == {
        "son-la": "Nhóm 3",
        "a": "Nhóm 2",
        "b": "Nhóm 1",
        "c": "Nhóm 2",
        "d": "Nhóm 4",
    }


def test_the_bundled_national_rubrics_say_what_is_not_public() -> None:
    for name in ("vn-ict-index", "vn-par-2023-ministry", "vn-dti-2020-province"):
        notes = load_rubric(name).notes or ""
        assert "not in the sources" in notes or "Not public" in notes, name


def test_a_mean_rubric_round_trips_through_yaml() -> None:
    from govindex.io.rubrics import dump_rubric

    for rubric in (load_rubric("vn-ict-index"), _mean_rubric("published", "ROUND_HALF_EVEN")):
        assert parse_rubric(dump_rubric(rubric)) == rubric


def test_an_exact_error_names_the_agency() -> None:
    with pytest.raises(GovIndexError) as caught:
        score(_mean_rubric(), [Assessment(Agency("p", "P", "province"), {"a": "0.5", "b": "0.5"})])
    assert caught.value.agency == "p"


# --- ranks against a published table: exact, within rounding, real ----------------------------------------------


def test_reproduce_tells_a_rank_within_rounding_from_a_real_difference() -> None:
    from pathlib import Path

    from govindex.io.published import load_dataset, reproduce
    from govindex.reproduction import CheckStatus

    example = Path(__file__).resolve().parent.parent / "examples" / "par-ministry-reproduce-illustrative.yaml"
    outcome = reproduce(load_dataset(example))
    found = {
        (c.agency, c.figure): (c.status, c.published, c.computed, c.bound, c.difference, c.ties) for c in outcome.checks
    }
    assert found[("bo-a", "total")] == (CheckStatus.ROUNDING, "88.47", "88.46", "0.015", "-0.01", ())
    assert found[("bo-a", "rank")][0] is CheckStatus.MATCH
    assert found[("bo-b", "rank")] == (CheckStatus.ROUNDING, "2", "1", "0.01", "-1", ("bo-a",))
    assert found[("bo-c", "rank")][0] is CheckStatus.MATCH and found[("bo-c", "total")][0] is CheckStatus.MATCH
    assert found[("bo-d", "rank")] == (CheckStatus.DIFFERENT, "3", "4", "0.01", "+1", ())
    assert [(c.agency, c.figure) for c in outcome.differences] == [("bo-d", "rank")]


def test_reproduce_shows_the_ties_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    from filekit import run_cli

    example = "examples/par-ministry-reproduce-illustrative.yaml"
    status, out, _err = run_cli(capsys, ["reproduce", example])
    assert status == 1
    assert (
        "xếp hạng: công bố 2, tính lại 1, chênh -1, trong giới hạn ±0,01 (ngang nhau khi tính đến làm tròn với: bo-a)"
        in out
    )
    status, out, _err = run_cli(capsys, ["reproduce", example, "--lang", "en"])
    assert "rank: published 2, computed 1, differs by -1, within the bound ±0.01 (tied, once the rounding is" in out


def test_reconcile_published_classifies_ranks() -> None:
    from govindex.agreement import Agreement, PublishedFigure, check_published

    rubric = load_rubric("vn-dti-2022-province")
    indices = [
        "digital_awareness",
        "digital_institutions",
        "digital_infrastructure",
        "digital_human_resources",
        "cyber_security",
        "digital_government",
        "digital_economy",
        "digital_society",
    ]
    cohort = [
        Assessment(Agency(agency, agency, "province"), dict.fromkeys(indices, value))
        for agency, value in [("a", "0.7164"), ("b", "0.7163"), ("c", "0.5000")]
    ]
    result = score(rubric, cohort, values="index")
    published = [
        PublishedFigure("a", Decimal("0.7164"), 2),  # b above a: possible, their values tie once rounded
        PublishedFigure("b", Decimal("0.7163"), 1),
        PublishedFigure("c", Decimal("0.5000"), 2),  # c cannot be second: a real difference
    ]
    check = check_published(result, published, component_decimals=4)
    kinds = {item.agency: (item.rank_agreement, item.ties) for item in check.checks}
    assert kinds == {
        "a": (Agreement.ROUNDING, ("b",)),
        "b": (Agreement.ROUNDING, ("a",)),
        "c": (Agreement.DIFFERENT, ()),
    }
    assert not check.ok
    exact = check_published(result, published[:2], component_decimals=None)
    assert {item.agency: item.rank_agreement for item in exact.checks} == {
        "a": Agreement.DIFFERENT,
        "b": Agreement.DIFFERENT,
    }


# --- band shares with two decimals -------------------------------------------------------------------------------


def test_band_shares_with_two_decimals_sum_to_exactly_a_hundred() -> None:
    import attrs

    from govindex.stats import statistics

    rubric = attrs.evolve(load_rubric("sonla-2017-web"), share_decimals=2)
    cohort = [
        Assessment(Agency(f"a{i}", f"A{i}", "provincial"), {"total": v}) for i, v in enumerate(["90", "75", "60"])
    ]
    shares = statistics(score(rubric, cohort)).groups[0].band_shares
    assert {k: str(v) for k, v in shares.items()} == {
        "good": "33.34",
        "fair": "33.33",
        "average": "33.33",
        "weak": "0.00",
    }
    assert sum(shares.values()) == 100
    whole = statistics(score(load_rubric("sonla-2017-web"), cohort)).groups[0].band_shares
    assert dict(whole) == {"good": 34, "fair": 33, "average": 33, "weak": 0}
    with pytest.raises(GovIndexError) as caught:
        attrs.evolve(rubric, share_decimals=1)
    assert (
        caught.value.code == "rubric-share-decimals"
        and "share_decimals must be 0 or 2, not 1" in caught.value.describe("en")
    )


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["90", "75", "60", "10"]), min_size=1, max_size=30))
def test_two_decimal_shares_are_the_largest_remainder_of_the_counts(totals: list[str]) -> None:
    import attrs

    from govindex.stats import statistics

    rubric = attrs.evolve(load_rubric("sonla-2017-web"), share_decimals=2)
    cohort = [Assessment(Agency(f"a{i}", f"A{i}", "provincial"), {"total": v}) for i, v in enumerate(totals)]
    group = statistics(score(rubric, cohort)).groups[0]
    assert sum(group.band_shares.values()) == 100
    for band, share in group.band_shares.items():
        exact = Fraction(100 * group.band_counts[band], len(totals))
        assert abs(Fraction(share) - exact) < Fraction(1, 100)


def test_share_changes_are_stated_in_percentage_points() -> None:
    import attrs

    from govindex.shares import share_changes
    from govindex.stats import statistics

    rubric = attrs.evolve(load_rubric("sonla-2017-web"), share_decimals=2)

    def year(totals: list[str]):  # type: ignore[no-untyped-def]
        cohort = [Assessment(Agency(f"a{i}", f"A{i}", "provincial"), {"total": t}) for i, t in enumerate(totals)]
        return statistics(score(rubric, cohort))

    changes = share_changes(year(["90", "90", "90", "60", "60", "60"]), year(["90", "60", "60"]))
    good = next(change for change in changes if change.group == "provincial" and change.band == "good")
    assert (str(good.before), str(good.after), str(good.points)) == ("50.00", "33.33", "-16.67")
    assert good.describe("vi") == "Tốt: 50,00 % → 33,33 % (giảm 16,67 điểm phần trăm)"
    assert good.describe("en") == "Good: 50.00 % → 33.33 % (down 16.67 percentage points)"
    average = next(change for change in changes if change.group is None and change.band == "average")
    assert average.describe("en") == "Average: 50.00 % → 66.67 % (up 16.67 percentage points)"
    weak = next(change for change in changes if change.group is None and change.band == "weak")
    assert weak.describe("vi") == "Yếu: 0,00 % → 0,00 % (không đổi)"


def test_a_given_mean_that_disagrees_is_refused_at_its_line_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from filekit import run_cli

    scores = tmp_path / "ict.csv"
    scores.write_text(
        "agency,group,name,infrastructure,human_resources,it_application,total\n"
        "da-nang,province,TP. Đà Nẵng,0.7908,0.7892,0.9655,0.8484\n",
        encoding="utf-8",
    )
    for command in (["score", "vn-ict-index"], ["validate", "--rubric", "vn-ict-index"]):
        status, out, err = run_cli(capsys, [*command, str(scores), "--lang", "en"])
        err += out
        assert status == 2
        assert f"{scores}:2:" in err
        assert "node 'total': the given score 0.8484 differs from the mean of its children" in err
        assert "→ 0.8485" in err


def test_ranks_on_the_published_scale_share_a_place_when_printed_alike() -> None:
    import attrs

    points = {
        "digital_awareness": 100,
        "digital_institutions": 100,
        "digital_infrastructure": 100,
        "digital_human_resources": 100,
        "cyber_security": 100,
        "digital_government": 200,
        "digital_economy": 150,
        "digital_society": 150,
    }
    cohort = [
        Assessment(Agency(a, a, "province"), {k: Decimal(total) * v / 1000 for k, v in points.items()})
        for a, total in [("a", "716.44"), ("b", "716.36"), ("c", "600")]
    ]
    rubric = load_rubric("vn-dti-2022-province")
    unrounded = score(rubric, cohort)
    assert [(r.agency.id, str(r.normalised), r.rank) for r in unrounded] == [
        ("a", "0.7164", 1),
        ("b", "0.7164", 2),
        ("c", "0.6000", 3),
    ]
    printed = score(attrs.evolve(rubric, rank_on="published"), cohort)
    assert [(r.agency.id, r.rank) for r in printed] == [("a", 1), ("b", 1), ("c", 3)]
    assert printed.agency("a").node_ranks["digital_government"] == printed.agency("b").node_ranks["digital_government"]


# --- assessed, not ranked ----------------------------------------------------------------------------------------


def _par(not_ranked: list[tuple[str, str]]) -> Rubric:
    import attrs

    from govindex.rubric import NotRanked

    return attrs.evolve(load_rubric("vn-par-2023-ministry"), not_ranked=[NotRanked(a, r) for a, r in not_ranked])


def test_an_agency_not_ranked_is_scored_and_banded_and_shifts_no_rank() -> None:
    cohort = [
        Assessment(Agency(a, a, "ministry"), {"appraisal": x, "survey": y})
        for a, x, y in [("bo-a", "60", "28"), ("thanh-tra", "65", "30"), ("bo-b", "55", "25")]
    ]
    result = score(_par([("thanh-tra", "cơ quan đặc thù, đánh giá nhưng không xếp hạng")]), cohort)
    assert [(row.agency.id, row.rank) for row in result] == [("bo-a", 1), ("bo-b", 2)]
    (aside,) = result.not_ranked
    assert (aside.agency.id, str(aside.total), aside.reason) == (
        "thanh-tra",
        "95.00",
        "cơ quan đặc thù, đánh giá nhưng không xếp hạng",
    )
    assert aside.scores["appraisal"] == Decimal("65.00")


def test_not_ranked_without_a_reason_is_refused_at_its_line() -> None:
    from govindex.rubric import NotRanked

    text = HEAD.replace("decimals: 4\n", "decimals: 4\nnot_ranked:\n  - {agency: a}\n") + "      max_points: 1\n"
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(text, file="r.yaml")
    assert (caught.value.line, caught.value.column) == position(text, "{agency: a}")
    assert "not_ranked[0]" in caught.value.describe("en") and "'reason'" in caught.value.describe("en")
    blank = text.replace("{agency: a}", "{agency: a, reason: ' '}")
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(blank, file="r.yaml")
    assert caught.value.line == position(blank, "{agency: a")[0] and "not_ranked[0]" in caught.value.describe("en")
    with pytest.raises(RubricError) as refused:
        NotRanked("a", " ")
    assert refused.value.code == "rubric-not-ranked-reason"
    assert "agency 'a' assessed but not ranked needs a reason" in refused.value.describe("en")
    twice = HEAD.replace(
        "decimals: 4\n", "decimals: 4\nnot_ranked:\n  - {agency: a, reason: x}\n  - {agency: a, reason: y}\n"
    )
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(twice + "      max_points: 1\n", file="r.yaml")
    assert caught.value.code == "rubric-not-ranked-twice"
    assert caught.value.line == position(twice, "{agency: a, reason: y}")[0]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 6850), st.integers(0, 3150)), min_size=2, max_size=8),
    st.data(),
)
def test_an_agency_not_ranked_changes_no_other_rank(rows: list[tuple[int, int]], data: st.DataObject) -> None:
    cohort = [
        Assessment(
            Agency(f"m{i}", f"M{i}", "ministry"), {"appraisal": Decimal(a).scaleb(-2), "survey": Decimal(s).scaleb(-2)}
        )
        for i, (a, s) in enumerate(rows)
    ]
    left_out = data.draw(st.sampled_from([a.agency.id for a in cohort]))
    with_it = score(_par([(left_out, "đặc thù")]), cohort)
    without_it = score(_par([]), [a for a in cohort if a.agency.id != left_out])
    assert {row.agency.id: row.rank for row in with_it} == {row.agency.id: row.rank for row in without_it}
    assert [item.agency.id for item in with_it.not_ranked] == [left_out]


def test_the_json_of_a_result_lists_the_agencies_not_ranked() -> None:
    import json

    from govindex.render import render
    from govindex.render.results import result_data, result_pieces

    cohort = [
        Assessment(Agency(a, a, "ministry"), {"appraisal": x, "survey": y})
        for a, x, y in [("bo-a", "60", "28"), ("uy-ban-dan-toc", "50", "20")]
    ]
    result = score(_par([("uy-ban-dan-toc", "cơ quan đặc thù")]), cohort)
    data = result_data(result)
    assert data["not_ranked"] == [
        {
            "agency": "uy-ban-dan-toc",
            "name": "uy-ban-dan-toc",
            "group": "ministry",
            "total": "70.00",
            "band": None,
            "reason": "cơ quan đặc thù",
            "by": "rubric",
        }
    ]
    assert [row["agency"] for row in data["results"]] == ["bo-a"]
    assert json.loads(render(result, "json")) == data
    assert json.loads("".join(result_pieces(result, indent=2))) == data


def test_the_par_index_leaves_the_two_special_bodies_unranked() -> None:
    rubric = load_rubric("vn-par-2023-ministry")
    assert [item.agency for item in rubric.not_ranked] == ["thanh-tra-chinh-phu", "uy-ban-dan-toc"]
    cohort = [
        Assessment(Agency(a, a, "ministry"), {"appraisal": x, "survey": y})
        for a, x, y in [("bo-a", "60", "28"), ("thanh-tra-chinh-phu", "66", "30"), ("bo-b", "61", "28")]
    ]
    result = score(rubric, cohort)
    assert [(row.agency.id, row.rank) for row in result] == [("bo-b", 1), ("bo-a", 2)]
    assert [item.agency.id for item in result.not_ranked] == ["thanh-tra-chinh-phu"]


# --- bands on the published scale ------------------------------------------------------------------------------


def test_bands_on_the_published_scale_and_bounds_on_a_scale_not_published_are_refused() -> None:
    import attrs

    from govindex.bands import Band, BandScheme

    groups = BandScheme([Band("group1", "Nhóm 1", "0.4001"), Band("group2", "Nhóm 2", "0", "0.4001")])
    dti = load_rubric("vn-dti-2022-province")  # 1000 points, published on 0-1 with four decimals
    banded = attrs.evolve(dti, bands=groups, bands_on="published")
    points = {
        "digital_awareness": 100,
        "digital_institutions": 100,
        "digital_infrastructure": 100,
        "digital_human_resources": 100,
        "cyber_security": 100,
        "digital_government": 200,
        "digital_economy": 150,
        "digital_society": 150,
    }
    cohort = [
        Assessment(Agency(a, a, "province"), {k: Decimal(total) * v / 1000 for k, v in points.items()})
        for a, total in [("a", "400.06"), ("b", "400.04")]
    ]
    result = score(banded, cohort)
    # 0.40006 is published 0.4001 (Nhóm 1); 0.40004 is published 0.4000 (Nhóm 2)
    assert {row.agency.id: row.band_id for row in result} == {"a": "group1", "b": "group2"}
    assert attrs.evolve(dti, bands=groups).bands_on == "points"  # 0.4001 of 1000 points: a bound on points
    with pytest.raises(GovIndexError) as caught:
        attrs.evolve(load_rubric("vn-ict-index"), bands=groups, bands_on="published")
    assert caught.value.code == "rubric-bands-unpublished"
    with pytest.raises(GovIndexError) as caught:
        attrs.evolve(
            load_rubric("vn-ict-index"), bands=BandScheme([Band("good", "Tốt", 85), Band("weak", "Yếu", 0, 85)])
        )
    assert caught.value.code == "rubric-band-above-scale"
    assert "band 'good' starts at 85, above the scale 0-1 the bands are on" in caught.value.describe("en")


def test_a_band_above_the_scale_is_refused_at_its_bound() -> None:
    bands = "bands:\n  - {id: good, label: Tốt, lower: 85}\n  - {id: weak, label: Yếu, lower: 0, upper: 85}\n"
    text = HEAD.replace("decimals: 4\n", "decimals: 4\n" + bands) + "      max_points: 1\n      scale: 0-1\n"
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(text, file="r.yaml")
    assert (caught.value.line, caught.value.column) == position(text, "85}")
    assert caught.value.describe("en").endswith("band 'good' starts at 85, above the scale 0-1 the bands are on")
    unpublished = (
        text.replace("lower: 85", "lower: 0.85")
        .replace("upper: 85", "upper: 0.85")
        .replace("decimals: 4\n", "decimals: 4\nbands_on: published\n")
    )
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(unpublished, file="r.yaml")
    assert caught.value.code == "rubric-bands-unpublished"
    assert caught.value.line == position(unpublished, "published")[0]
