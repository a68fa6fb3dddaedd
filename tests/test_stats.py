"""Statistics as the decisions publish them: means, band counts and shares, leaders."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import raises
from govindex import load_dataset, load_rubric, score, statistics
from govindex.cli import main
from govindex.errors import InputError, UnknownNameError
from govindex.render import data, document, render
from govindex.stats import exact_text, largest_remainder, round_exact
from report_helpers import scored


@pytest.fixture(scope="module")
def result_2017():
    return score(
        load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments("provincial", not_assessed=False)
    )


# --- the published 2017 figures ---------------------------------------------------------


def test_2017_departments_mean_and_shares(result_2017) -> None:
    stats = statistics(result_2017)
    provincial = stats.group("provincial")
    assert provincial.count == 18
    assert provincial.mean == Decimal("67.6")
    assert provincial.mean_exact == Fraction("67.6")
    assert provincial.band_counts == {"good": 0, "fair": 12, "average": 5, "weak": 1}
    assert provincial.band_shares == {"good": 0, "fair": 67, "average": 28, "weak": 5}
    assert [g.group for g in stats.groups] == ["provincial"]  # no district scores in the excerpt
    assert stats.overall_mean == stats.pooled_mean == Decimal("67.6")


def test_2017_matches_the_bundled_published_summary(result_2017) -> None:
    published = load_dataset("sonla-2017-it").published_summary.groups["provincial"]
    provincial = statistics(result_2017).group("provincial")
    assert provincial.band_shares == published.band_shares
    # The decision prints the mean as a whole number: 68.
    assert round_exact(provincial.mean_exact, 0) == published.mean
    assert provincial.leaders[0].agency == published.leader


def test_2017_leaders_are_the_top_three(result_2017) -> None:
    leaders = statistics(result_2017).group("provincial").leaders
    assert [(x.agency, x.total, x.rank, x.band) for x in leaders] == [
        ("so-thong-tin-va-truyen-thong", Decimal("83.8"), 1, "fair"),
        ("so-noi-vu", Decimal("77.2"), 2, "fair"),
        ("so-giao-duc-va-dao-tao", Decimal("75.8"), 3, "fair"),
    ]


def test_leaders_include_every_agency_tied_at_the_cut(result_2017) -> None:
    # 2017: Sở Giao thông vận tải and Sở Tài chính share rank 8 at 71.5.
    leaders = statistics(result_2017, top=8).group("provincial").leaders
    assert [x.rank for x in leaders] == [1, 2, 3, 4, 5, 6, 7, 8, 8]
    assert statistics(result_2017, top=0).group("provincial").leaders == ()


def test_2017_json(result_2017) -> None:
    data = json.loads(render(statistics(result_2017), "json"))
    provincial = data["groups"]["provincial"]
    assert provincial["mean"] == "67.6"
    assert provincial["band_counts"] == {"good": 0, "fair": 12, "average": 5, "weak": 1}
    assert provincial["band_shares"] == {"good": 0, "fair": 67, "average": 28, "weak": 5}
    assert provincial["leaders"][0] == {
        "agency": "so-thong-tin-va-truyen-thong",
        "name": "Sở Thông tin và Truyền thông",
        "total": "83.8",
        "rank": 1,
        "band": "fair",
    }
    assert data["rubric"] == "sonla-2017-it"
    assert data["overall_mean"] == "67.6" and data["pooled_mean"] == "67.6"
    assert data["overall_mean_method"] == "unweighted mean of the group means"
    assert data["rounding"] == "ROUND_HALF_UP" and data["decimals"] == 1


def test_cli_report_json_on_the_18_departments(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = data_dir / "sonla-2017-it-provincial.csv"
    assert main(["report", "sonla-2017-it", str(scores), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    provincial = data["groups"]["provincial"]
    assert provincial["agencies"] == 18
    assert provincial["mean"] == "67.6"
    assert provincial["band_shares"] == {"good": 0, "fair": 67, "average": 28, "weak": 5}
    assert data["overall_mean"] == "67.6"


def test_cli_report_table(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "sonla-2017-it", str(data_dir / "sonla-2017-it-provincial.csv")]) == 0
    out = capsys.readouterr().out
    assert "Sở, ban, ngành cấp tỉnh" in out and "67,6" in out and "Sở Thông tin và Truyền thông" in out
    assert "provincial" not in out and "overall" not in out
    assert "Điểm trung bình" in out
    assert "phương pháp phần dư lớn nhất" in out
    assert main(["report", "sonla-2017-it", str(data_dir / "sonla-2017-it-provincial.csv"), "--lang", "en"]) == 0
    assert "largest-remainder" in capsys.readouterr().out


# --- the 2024 overall-mean convention ------------------------------------------------


def test_overall_mean_is_the_unweighted_mean_of_group_means() -> None:
    # Group means 73.2 and 76.4 as published in 2024; groups of different sizes.
    result = scored({"provincial": ["70.00", "73.20", "76.40"], "district": ["76.00", "76.80"]})
    stats = statistics(result, decimals=1)
    assert stats.group("provincial").mean == Decimal("73.2")
    assert stats.group("district").mean == Decimal("76.4")
    assert stats.overall_mean == Decimal("74.8")  # (73.2 + 76.4) / 2
    assert stats.overall_mean_exact == Fraction("74.8")
    # The mean over all five agencies is a different number, labelled "pooled".
    assert stats.pooled_mean_exact == Fraction("74.48")
    assert stats.pooled_mean == Decimal("74.5")
    figures = data(stats)
    assert figures["overall_mean"] == "74.8" and figures["pooled_mean"] == "74.5"
    assert figures["pooled_mean_method"] == "mean over all agencies"


def test_means_default_to_the_rubric_decimals() -> None:
    result = scored({"provincial": ["70.00", "73.20", "76.40"], "district": ["76.00", "76.80"]})
    stats = statistics(result)
    assert stats.decimals == 2
    assert stats.overall_mean == Decimal("74.80")
    assert stats.pooled_mean == Decimal("74.48")


def test_display_rounding_is_half_up_and_the_exact_value_is_kept() -> None:
    stats = statistics(scored({"provincial": ["70.0", "70.1"]}, decimals=1))
    group = stats.group("provincial")
    assert group.mean_exact == Fraction("70.05")
    assert group.mean == Decimal("70.1")  # half-even would give 70.0
    assert data(stats)["groups"]["provincial"]["mean_exact"] == "70.05"


def test_a_mean_without_a_finite_decimal_form() -> None:
    stats = statistics(scored({"provincial": ["70.0", "70.0", "71.0"]}, decimals=1))
    group = stats.group("provincial")
    assert group.mean_exact == Fraction(211, 3)
    assert group.mean == Decimal("70.3")
    assert data(stats)["groups"]["provincial"]["mean_exact"] == "211/3"
    assert "Exact means: Sở, ban, ngành 211/3" in document(stats, "en").table("groups").notes[1]
    assert "Điểm trung bình chính xác: Sở, ban, ngành 211/3" in document(stats).table("groups").notes[1]


def test_not_banded_rubric_has_no_band_figures() -> None:
    stats = statistics(scored({"provincial": ["0.26", "0.34"]}, bands=False))
    assert stats.group("provincial").band_counts == {}
    assert stats.band_shares == {}
    assert [c.id for c in document(stats).table("groups").columns] == [
        "group",
        "name",
        "agencies",
        "mean",
        "min",
        "max",
    ]


# --- largest remainder -----------------------------------------------------------------


def test_largest_remainder_2017() -> None:
    assert largest_remainder({"good": 0, "fair": 12, "average": 5, "weak": 1}) == {
        "good": 0,
        "fair": 67,
        "average": 28,
        "weak": 5,
    }


def test_equal_remainders_go_to_the_band_with_more_agencies() -> None:
    # 1 and 3 of 8: exact 12.5 and 37.5, equal remainders; the bigger band wins the unit.
    assert largest_remainder({"good": 1, "fair": 3, "average": 4}) == {"good": 12, "fair": 38, "average": 50}


def test_equal_remainders_and_counts_go_to_the_better_band() -> None:
    assert largest_remainder({"good": 1, "fair": 1, "average": 1}) == {"good": 34, "fair": 33, "average": 33}
    assert largest_remainder({"good": 0, "fair": 1, "average": 1}) == {"good": 0, "fair": 50, "average": 50}


@pytest.mark.parametrize(
    ("counts", "message", "words"),
    [
        ({}, "cannot share out percentages of an empty group", "không chia được tỷ lệ phần trăm của một nhóm rỗng"),
        ({"good": 0, "fair": 0}, "cannot share out percentages of an empty group", "nhóm rỗng"),
        ({"good": -1, "fair": 2}, "count -1 of 'good' is not a non-negative integer", "số lượng -1 của 'good'"),
        ({"good": True}, "count True of 'good' is not a non-negative integer", "không phải là số nguyên không âm"),
    ],
)
def test_largest_remainder_refusals(counts: dict[str, int], message: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        largest_remainder(counts)
    assert caught.value.describe("en") == message
    assert words in caught.value.describe("vi")


counts_strategy = st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=7).filter(any)


@given(counts_strategy)
def test_shares_sum_to_100_and_stay_within_one_of_the_exact_share(values: list[int]) -> None:
    counts = {f"b{i}": v for i, v in enumerate(values)}
    shares = largest_remainder(counts)
    size = sum(values)
    assert sum(shares.values()) == 100
    assert list(shares) == list(counts)
    for key, count in counts.items():
        assert abs(shares[key] - Fraction(100 * count, size)) < 1
        if count == 0:
            assert shares[key] == 0


@given(counts_strategy)
def test_more_agencies_never_get_a_smaller_share(values: list[int]) -> None:
    counts = {f"b{i}": v for i, v in enumerate(values)}
    shares = largest_remainder(counts)
    for a in counts:
        for b in counts:
            if counts[a] > counts[b]:
                assert shares[a] >= shares[b]


# --- cohorts ---------------------------------------------------------------------------

totals = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)


@given(
    st.lists(totals, min_size=1, max_size=12),
    st.lists(totals, min_size=0, max_size=12),
    st.integers(min_value=0, max_value=4),
)
def test_cohort_statistics_invariants(provincial: list[Decimal], district: list[Decimal], top: int) -> None:
    groups = {"provincial": provincial, "district": district}
    result = scored({g: v for g, v in groups.items() if v}, decimals=1)
    stats = statistics(result, top=top)
    group_means = [g.mean_exact for g in stats.groups]
    assert min(group_means) <= stats.overall_mean_exact <= max(group_means)
    assert min(g.mean for g in stats.groups) <= stats.overall_mean <= max(g.mean for g in stats.groups)
    assert stats.count == len(provincial) + len(district)
    for g in stats.groups:
        assert sum(g.band_counts.values()) == g.count == len(groups[g.group])
        assert sum(g.band_shares.values()) == 100
        assert g.mean == round_exact(g.mean_exact, 1)
        assert g.minimum <= g.mean_exact <= g.maximum
        assert all(leader.rank <= top for leader in g.leaders)
        assert len(g.leaders) == sum(1 for row in result.group(g.group) if row.rank <= top)
    assert sum(stats.band_counts.values()) == stats.count
    assert sum(stats.band_shares.values()) == 100
    pooled = sum((Fraction(v) for v in provincial + district), Fraction(0)) / stats.count
    assert stats.pooled_mean_exact == pooled


@given(st.fractions(min_value=0, max_value=1000, max_denominator=10**6))
def test_exact_text_reads_back_as_the_same_value(value: Fraction) -> None:
    text = exact_text(value)
    back = Fraction(text) if "/" in text else Fraction(Decimal(text))
    assert back == value


# --- refusals --------------------------------------------------------------------------


def test_statistics_refusals(result_2017) -> None:
    with pytest.raises(InputError) as caught:
        statistics(result_2017, top=-1)
    assert caught.value.code == "report-top"
    assert caught.value.describe("en") == "top must be a non-negative integer, not -1"
    assert caught.value.describe("vi") == "top phải là số nguyên không âm, không phải -1"
    with pytest.raises(InputError) as caught:
        statistics(result_2017, decimals=13)
    assert caught.value.describe("en") == "decimals must be an integer from 0 to 12, not 13"
    stats = statistics(result_2017)
    with pytest.raises(UnknownNameError) as unknown:
        stats.group("district")
    assert unknown.value.describe("en") == (
        "group 'district' has no assessed agency; the groups with results are provincial"
    )
    assert unknown.value.describe("vi") == (
        "nhóm 'district' không có cơ quan nào được đánh giá; các nhóm có kết quả là provincial"
    )
    with raises(UnknownNameError, match="unknown group 'districts' in rubric 'sonla-2017-it'"):
        stats.group("districts")


def test_statistics_of_an_empty_result_is_refused() -> None:
    result = scored({"provincial": []})
    with pytest.raises(InputError) as caught:
        statistics(result)
    assert (
        caught.value.describe("en") == "no agency was assessed under rubric 'test-flat'; there is nothing to summarise"
    )
    assert caught.value.describe("vi") == (
        "không có cơ quan nào được đánh giá theo bộ chỉ số 'test-flat'; không có gì để tổng hợp"
    )
