"""Comparing recomputed values with published figures: exact, explained by rounding, or different."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errorcheck import english
from govindex import Agency, Assessment, load_rubric, score
from govindex.agreement import (
    Agreement,
    PublishedFigure,
    check_published,
    compare_published,
    index_rounding_bound,
    rounding_bound,
)
from govindex.errors import InputError, UnknownNameError

DTI_MAXIMA = [Decimal(m) for m in (100, 100, 100, 100, 100, 200, 150, 150)]


def test_a_pdti_from_rounded_indices_may_differ_by_one_unit_in_the_last_place() -> None:
    # Published 4-decimal main indices whose recomputed PDTI is 0.716355 -> 0.7164, while the PDTI published
    # from the unrounded indices (e.g. a total of 716.34 points) is 0.7163.
    rubric = load_rubric("vn-dti-2022-province")
    rounded = {
        "digital_awareness": "0.7164",
        "digital_institutions": "0.7164",
        "digital_infrastructure": "0.7164",
        "digital_human_resources": "0.7164",
        "cyber_security": "0.7163",
        "digital_government": "0.7163",
        "digital_economy": "0.7164",
        "digital_society": "0.7163",
    }
    row = score(rubric, [Assessment(Agency("p", "P", "province"), rounded)], values="index").rows[0]
    assert row.total / 1000 == Decimal("0.716355") and row.normalised == Decimal("0.7164")
    bound = index_rounding_bound(DTI_MAXIMA, Decimal(1000), 4)
    outcome = compare_published(row.normalised, Decimal("0.7163"), bound=bound)
    assert outcome.kind is Agreement.ROUNDING and outcome.explained
    assert outcome.difference == Decimal("0.0001") and outcome.bound == Decimal("0.00015")
    assert outcome.describe() == ("differs by +0.0001, within the rounding bound ±0.00015 of the published components")
    assert outcome.describe("vi") == (
        "chênh +0.0001, trong giới hạn làm tròn ±0.00015 của các chỉ số thành phần đã công bố"
    )


def test_the_three_cases() -> None:
    bound = index_rounding_bound(DTI_MAXIMA, Decimal(1000), 4)
    assert compare_published(Decimal("0.5478"), Decimal("0.54780"), bound=bound).kind is Agreement.EXACT
    assert compare_published(Decimal("0.5477"), Decimal("0.5478"), bound=bound).kind is Agreement.ROUNDING
    different = compare_published(Decimal("0.5476"), Decimal("0.5478"), bound=bound)
    assert different.kind is Agreement.DIFFERENT and not different.explained
    assert different.describe() == "differs by -0.0002, beyond the rounding bound ±0.00015: a real difference"
    # without a bound, any difference is real
    assert compare_published(Decimal("83.8"), Decimal("83.7")).kind is Agreement.DIFFERENT


def test_bounds() -> None:
    assert rounding_bound([]) == 0
    assert rounding_bound([(Decimal(1), 1)]) == Decimal("0.05")
    assert rounding_bound([(Decimal(-2), 2)], published_decimals=1) == Decimal("0.06")
    # a pillar (foundation + digital government) / 700 from the six scored indices of 4 decimals
    pillar = index_rounding_bound([Decimal(m) for m in (100,) * 5 + (200,)], Decimal(700), 4)
    assert pillar == Decimal("0.00015")
    unrounded = index_rounding_bound(DTI_MAXIMA, Decimal(1000), 4, recomputed_rounded=False)
    assert unrounded == Decimal("0.0001")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: compare_published(0.5, Decimal(1)),
            "the recomputed value must be exact (a Decimal or an int), not 0.5",
        ),
        (lambda: compare_published(Decimal(1), Decimal("NaN")), "the published value NaN is not a finite number"),
        (
            lambda: compare_published(Decimal(1), Decimal(1), bound=Decimal(-1)),
            "a rounding bound cannot be negative (-1)",
        ),
        (lambda: rounding_bound([(Decimal(1), -1)]), "a number of decimals must be a whole number from 0, not -1"),
        (lambda: index_rounding_bound(DTI_MAXIMA, Decimal(0), 4), "the maximum must be positive, not 0"),
        (lambda: compare_published(Decimal(1), Decimal(1)).describe("fr"), "unknown language 'fr'; use one of vi, en"),
    ],
)
def test_refusals(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((InputError, UnknownNameError)) as caught:
        call()
    assert caught.value.message_in("en") == message


def test_a_refusal_is_worded_in_vietnamese() -> None:
    with pytest.raises(InputError) as caught:
        compare_published(0.5, Decimal(1))  # type: ignore[arg-type]
    assert caught.value.code == "published-not-exact"
    assert str(caught.value) == "giá trị tính lại phải chính xác (Decimal hoặc số nguyên), không phải 0.5"


_share = st.integers(min_value=0, max_value=10**6).map(lambda n: Decimal(n).scaleb(-6))


@settings(max_examples=200, deadline=None)
@given(st.lists(_share, min_size=8, max_size=8))
def test_a_total_recomputed_from_rounded_indices_is_always_within_the_bound(true: list[Decimal]) -> None:
    """Whatever the unrounded indices, the published PDTI and the one recomputed from the
    published 4-decimal indices are never told apart as a real difference."""
    q = Decimal("0.0001")
    total = sum((t * m for t, m in zip(true, DTI_MAXIMA, strict=True)), Decimal(0))
    published = (total / 1000).quantize(q, rounding="ROUND_HALF_UP")
    rounded = [t.quantize(q, rounding="ROUND_HALF_UP") for t in true]
    recomputed_points = sum((r * m for r, m in zip(rounded, DTI_MAXIMA, strict=True)), Decimal(0))
    recomputed = (recomputed_points / 1000).quantize(q, rounding="ROUND_HALF_UP")
    bound = index_rounding_bound(DTI_MAXIMA, Decimal(1000), 4)
    assert compare_published(recomputed, published, bound=bound).explained


def _cohort_result():  # type: ignore[no-untyped-def]
    rubric = load_rubric("vn-dti-2022-province")
    keys = ["digital_awareness", "digital_institutions", "digital_infrastructure", "digital_human_resources"]
    a = {**dict.fromkeys(keys, "0.7164"), "cyber_security": "0.7163", "digital_government": "0.7163"}
    a |= {"digital_economy": "0.7164", "digital_society": "0.7163"}
    b = dict.fromkeys([*keys, "cyber_security", "digital_government", "digital_economy", "digital_society"], "0.5")
    c = dict(b)
    cohort = [Assessment(Agency(i, i, "province"), v) for i, v in (("a", a), ("b", b), ("c", c))]
    return score(rubric, cohort, values="index")


def test_a_result_against_a_published_table() -> None:
    result = _cohort_result()
    published = [
        PublishedFigure("a", Decimal("0.7163"), 1),  # rounding
        PublishedFigure("b", Decimal("0.5000"), 2),  # exact
        PublishedFigure("c", Decimal("0.5002"), 3),  # real difference, and a wrong rank
        PublishedFigure("d", Decimal("0.4000")),  # not in the result
    ]
    check = check_published(result, published, component_decimals=4)
    kinds = {c.agency: c.comparison.kind for c in check.checks}
    assert kinds == {"a": Agreement.ROUNDING, "b": Agreement.EXACT, "c": Agreement.DIFFERENT}
    assert [(c.agency, c.rank_matches) for c in check.checks] == [("a", True), ("b", True), ("c", False)]
    assert check.only_published == ("d",) and check.not_published == ()
    assert (check.count(Agreement.EXACT), check.count(Agreement.ROUNDING), check.count(Agreement.DIFFERENT)) == (
        1,
        1,
        1,
    )
    assert not check.ok
    # scores taken as exact points: no rounding bound, so the one-unit difference is real
    exact = check_published(result, published[:1])
    assert exact.checks[0].comparison.kind is Agreement.DIFFERENT and exact.not_published == ("b", "c")
    with pytest.raises(InputError) as caught:
        check_published(result, [published[0], published[0]])
    assert english(caught.value) == "agency 'a': the published table has the agency twice"


def test_a_bound_that_does_not_end_is_rounded_up_whatever_the_callers_context() -> None:
    import decimal

    maxima = [Decimal(100)] * 5
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        bound = index_rounding_bound(maxima, Decimal(650), 4)
    # 500/650 × 0.00005 + 2 × 0.00005 = 0.0001384615…, rounded up at the 30th decimal
    assert bound == Decimal("0.000138461538461538461538461539")


def test_a_legal_basis_whose_year_contradicts_its_date_is_refused() -> None:
    import datetime as dt

    from govindex.errors import RubricError
    from govindex.rubric import LegalBasis

    with pytest.raises(RubricError) as caught:
        LegalBasis("1287/QĐ-UBND", dt.date(2023, 7, 5), "UBND tỉnh Sơn La", year=2024)
    assert caught.value.message_in("en") == "decision 1287/QĐ-UBND: year 2024 does not match its date 2023-07-05"
