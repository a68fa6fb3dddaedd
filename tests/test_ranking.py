"""Ranking (xếp hạng) and its tie policies, checked against their definitions."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import english, raises
from govindex.errors import InputError
from govindex.ranking import Ranker, TiePolicy, rank, rank_column

# Scores on a coarse grid, so that ties are frequent.
scores = st.dictionaries(
    st.text("abcdefghij", min_size=1, max_size=4),
    st.integers(0, 20).map(lambda n: Decimal(n).scaleb(-1)),
    max_size=30,
)
policies = st.sampled_from(list(TiePolicy))

FOUR = {"a": Decimal(90), "b": Decimal(80), "c": Decimal(80), "d": Decimal(70)}


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (TiePolicy.DENSE, [1, 2, 2, 3]),
        (TiePolicy.COMPETITION, [1, 2, 2, 4]),
        (TiePolicy.MODIFIED_COMPETITION, [1, 3, 3, 4]),
        (TiePolicy.ORDINAL, [1, 2, 3, 4]),
        (TiePolicy.FRACTIONAL, [1, Decimal("2.5"), Decimal("2.5"), 4]),
    ],
)
def test_the_policies_on_90_80_80_70(policy: TiePolicy, expected: list[object]) -> None:
    assert list(Ranker(policy).rank(FOUR).values()) == expected


def test_the_son_la_tie() -> None:
    # Decision 3247/QĐ-UBND, table 1: 71.5, 71.5, 70.9 rank 8, 8, 9.
    ahead = {f"ahead-{i}": Decimal(80 + i) for i in range(7)}
    ranks = Ranker().rank(
        {
            **ahead,
            "so-tai-chinh": Decimal("71.5"),
            "so-giao-thong-van-tai": Decimal("71.5"),
            "so-cong-thuong": Decimal("70.9"),
        }
    )
    assert (ranks["so-tai-chinh"], ranks["so-giao-thong-van-tai"], ranks["so-cong-thuong"]) == (8, 8, 9)


def test_fractional_ranks_are_whole_when_they_can_be() -> None:
    ranks = rank({"a": Decimal(5), "b": Decimal(5), "c": Decimal(5), "d": Decimal(1)}, TiePolicy.FRACTIONAL)
    assert ranks == {"a": 2, "b": 2, "c": 2, "d": 4}
    assert all(isinstance(value, int) for value in ranks.values())


def test_the_result_is_ordered_by_rank_then_key() -> None:
    ranks = Ranker().rank([("b", Decimal(1)), ("c", Decimal(2)), ("a", Decimal(1))])
    assert list(ranks.items()) == [("c", 1), ("a", 2), ("b", 2)]


def test_an_empty_cohort_has_no_ranks() -> None:
    assert Ranker().rank({}) == {}
    assert rank_column([], TiePolicy.ORDINAL) == []


def test_refusals() -> None:
    with pytest.raises(InputError) as caught:
        Ranker().rank([("a", Decimal(1)), ("b", Decimal(2)), ("a", Decimal(3))])
    assert caught.value.message_in("en") == "cannot rank the same key twice: a"
    with pytest.raises(InputError) as caught:
        Ranker().rank({"a": 71.5})  # type: ignore[dict-item]
    assert english(caught.value) == "agency 'a': cannot rank 71.5: scores must be exact points (Decimal or int)"
    with raises(InputError, match="cannot rank NaN: scores must be finite"):
        Ranker().rank({"a": Decimal("NaN")})


def _greater(values: dict[str, Decimal], key: str) -> int:
    return sum(1 for other in values.values() if other > values[key])


def _equal(values: dict[str, Decimal], key: str) -> int:
    return sum(1 for other in values.values() if other == values[key])


@given(scores, policies, st.randoms(use_true_random=False))
def test_ranks_do_not_depend_on_input_order(values: dict[str, Decimal], policy: TiePolicy, rnd: random.Random) -> None:
    items = list(values.items())
    rnd.shuffle(items)
    assert Ranker(policy).rank(items) == Ranker(policy).rank(values)
    assert list(Ranker(policy).rank(items).items()) == list(Ranker(policy).rank(values).items())


@given(scores, policies)
def test_a_higher_score_never_gets_a_worse_rank(values: dict[str, Decimal], policy: TiePolicy) -> None:
    ranks = Ranker(policy).rank(values)
    for a in values:
        for b in values:
            if values[a] > values[b]:
                assert ranks[a] < ranks[b]
            if values[a] == values[b] and policy is not TiePolicy.ORDINAL:
                assert ranks[a] == ranks[b]  # equal scores share a rank


@given(scores)
def test_dense_ranks_run_without_gaps(values: dict[str, Decimal]) -> None:
    ranks = Ranker(TiePolicy.DENSE).rank(values)
    assert set(ranks.values()) == set(range(1, len(set(values.values())) + 1))
    for key in values:
        assert ranks[key] == 1 + len({v for v in values.values() if v > values[key]})


@given(scores)
def test_competition_is_one_plus_the_number_ahead(values: dict[str, Decimal]) -> None:
    ranks = Ranker(TiePolicy.COMPETITION).rank(values)
    assert all(ranks[key] == 1 + _greater(values, key) for key in values)


@given(scores)
def test_modified_competition_is_the_last_place_of_the_tie(values: dict[str, Decimal]) -> None:
    ranks = Ranker(TiePolicy.MODIFIED_COMPETITION).rank(values)
    assert all(ranks[key] == _greater(values, key) + _equal(values, key) for key in values)


@given(scores)
def test_fractional_is_the_mean_place_of_the_tie(values: dict[str, Decimal]) -> None:
    ranks = Ranker(TiePolicy.FRACTIONAL).rank(values)
    for key in values:
        expected = Decimal(_greater(values, key)) + Decimal(_equal(values, key) + 1) / 2
        assert ranks[key] == expected
    # the places are shared out exactly: their sum is 1 + 2 + ... + n
    assert sum(ranks.values()) == len(values) * (len(values) + 1) // 2


@given(scores)
def test_ordinal_breaks_ties_by_the_stable_key(values: dict[str, Decimal]) -> None:
    ranks = Ranker(TiePolicy.ORDINAL).rank(values)
    order = sorted(values, key=lambda key: (-values[key], key))
    assert ranks == {key: place for place, key in enumerate(order, start=1)}


@given(scores, policies)
def test_rank_column_agrees_with_the_ranker(values: dict[str, Decimal], policy: TiePolicy) -> None:
    keys = sorted(values)
    column = rank_column([values[key] for key in keys], policy)
    assert dict(zip(keys, column, strict=True)) == Ranker(policy).rank(values)
    # scaled integers rank exactly like the Decimals they stand for
    scaled = rank_column([int(values[key].scaleb(1)) for key in keys], policy)
    assert scaled == column
