"""Banding (xếp loại): half-open bands, no gaps, no overlaps."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import raises
from govindex import load_rubric
from govindex.bands import Band, BandScheme, standard_bands
from govindex.errors import RubricError, UnknownNameError
from strategies import points

IT_2017 = standard_bands(85, 70, 50)
WEB_2017 = standard_bands(80, 65, 50)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("100", "good"),
        ("85.0", "good"),
        ("84.9", "fair"),
        ("70.0", "fair"),  # inclusive at the bottom: exactly 70 is Khá
        ("69.9", "average"),
        ("69.8", "average"),
        ("50", "average"),
        ("49.9", "weak"),
        ("0", "weak"),
    ],
)
def test_it_application_bands_2017(score: str, band: str) -> None:
    assert IT_2017.classify(Decimal(score)).id == band


@pytest.mark.parametrize(
    ("score", "band"), [("80", "good"), ("79.9", "fair"), ("65", "fair"), ("64.9", "average"), ("49.9", "weak")]
)
def test_web_portal_bands_2017(score: str, band: str) -> None:
    assert WEB_2017.classify(Decimal(score)).id == band


def test_the_bundled_rubrics_carry_their_thresholds() -> None:
    assert load_rubric("sonla-2017-it").bands == IT_2017
    assert load_rubric("sonla-2017-web").bands == WEB_2017


def test_labels() -> None:
    assert [(b.label, b.label_en) for b in IT_2017.bands] == [
        ("Tốt", "Good"),
        ("Khá", "Fair"),
        ("Trung bình", "Average"),
        ("Yếu", "Weak"),
    ]
    assert IT_2017.ids == ("good", "fair", "average", "weak")
    assert IT_2017.band("fair").describe() == "[70, 85)"
    assert IT_2017.band("good").describe() == "[85, ∞)"
    assert IT_2017.floor == 0


@st.composite
def schemes(draw: st.DrawFn) -> BandScheme:
    """A gap-free scheme of 1-6 bands with thresholds of up to 2 decimals, floor 0."""
    cuts = sorted(draw(st.lists(points(2, Decimal(100)).filter(bool), max_size=5, unique=True)), reverse=True)
    lowers = [*cuts, Decimal(0)]
    bands = [Band(f"b{i}", f"Mức {i}", lower, None if i == 0 else lowers[i - 1]) for i, lower in enumerate(lowers)]
    return BandScheme(bands)


@given(schemes(), points(2, Decimal(100)), points(2, Decimal(100)))
def test_the_band_is_monotone_in_the_score(scheme: BandScheme, low: Decimal, high: Decimal) -> None:
    low, high = min(low, high), max(low, high)
    # Bands are listed best first: a higher score never falls in a worse band.
    assert scheme.bands.index(scheme.classify(high)) <= scheme.bands.index(scheme.classify(low))


@given(schemes(), points(2, Decimal(100)))
def test_every_score_falls_in_exactly_one_band(scheme: BandScheme, score: Decimal) -> None:
    containing = [band for band in scheme.bands if band.contains(score)]
    assert containing == [scheme.classify(score)]


@given(points(1, Decimal(100)))
def test_standard_bands_match_the_2017_definition(score: Decimal) -> None:
    expected = "good" if score >= 85 else "fair" if score >= 70 else "average" if score >= 50 else "weak"
    assert IT_2017.classify(score).id == expected


def test_a_gap_is_refused() -> None:
    with pytest.raises(RubricError) as caught:
        BandScheme([Band("good", "Tốt", Decimal(85)), Band("fair", "Khá", Decimal(70), Decimal(84))])
    assert caught.value.message_in("en") == (
        "gap between bands 'fair' [70, 84) and 'good' [85, ∞): scores in [84, 85) fall in no band"
    )


def test_an_overlap_is_refused() -> None:
    with pytest.raises(RubricError) as caught:
        BandScheme([Band("good", "Tốt", Decimal(85)), Band("fair", "Khá", Decimal(70), Decimal(86))])
    assert caught.value.message_in("en") == "bands 'fair' [70, 86) and 'good' [85, ∞) overlap on [85, 86)"


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([], "a band scheme needs at least one band"),
        (
            [Band("weak", "Yếu", Decimal(0), Decimal(50)), Band("good", "Tốt", Decimal(50))],
            "list the bands from best to worst: the best band 'good' (no upper bound) comes after 'weak'",
        ),
        (
            [Band("good", "Tốt", Decimal(50)), Band("weak", "Yếu", Decimal(0))],
            "bands 'good', 'weak' all have no upper bound; only the best band may",
        ),
        (
            [Band("good", "Tốt", Decimal(50), Decimal(100)), Band("weak", "Yếu", Decimal(0), Decimal(50))],
            "band 'good': the best band must have no upper bound (scores from 100 up would fall in no band)",
        ),
        (
            [Band("good", "Tốt", Decimal(50)), Band("good", "Khá", Decimal(0), Decimal(50))],
            "band 'good' appears twice in the band scheme",
        ),
    ],
)
def test_malformed_schemes_are_refused(bands: list[Band], message: str) -> None:
    with pytest.raises(RubricError) as caught:
        BandScheme(bands)
    assert caught.value.message_in("en") == message


def test_malformed_bands_are_refused() -> None:
    with raises(RubricError, match="band 'fair': lower bound 85 is not below upper bound 70"):
        Band("fair", "Khá", Decimal(85), Decimal(70))
    with raises(RubricError, match=re.escape("band 'fair': lower must be a finite Decimal, not 70.0")):
        Band("fair", "Khá", 70.0, Decimal(85))  # type: ignore[arg-type]
    with raises(RubricError, match="band id '' must be a non-empty word"):
        Band("", "Khá", Decimal(70))
    with raises(RubricError, match=re.escape("lower must be a finite Decimal, not 85.5")):
        standard_bands(85.5, 70, 50)  # type: ignore[arg-type]
    assert standard_bands("85", "70,5", 50).band("fair").lower == Decimal("70.5")


def test_classify_below_the_floor_and_unknown_band() -> None:
    scheme = BandScheme([Band("pass", "Đạt", Decimal(50)), Band("fail", "Không đạt", Decimal(10), Decimal(50))])
    with pytest.raises(RubricError) as caught:
        scheme.classify(Decimal(5))
    assert caught.value.message_in("en") == "score 5 is below the lowest band 'fail' [10, 50)"
    with raises(UnknownNameError, match="unknown band 'excellent'; the bands are pass, fail"):
        scheme.band("excellent")
