"""Exact points: parsing, precision, scaling, division, formatting."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import raises
from govindex.errors import InputError
from govindex.points import (
    coerce_points,
    decimals_of,
    divide,
    format_points,
    from_scaled,
    parse_points,
    quantize,
    to_scaled,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("71,5", "71.5"),
        ("71.5", "71.5"),
        (" 9,0 ", "9.0"),
        ("10", "10"),
        ("0", "0"),
        ("-1,5", "-1.5"),
    ],
)
def test_parse_points_reads_the_digits(text: str, expected: str) -> None:
    value = parse_points(text)
    assert value == Decimal(expected)
    assert str(value) == expected


def test_parse_points_keeps_decimals_and_ints() -> None:
    assert parse_points(Decimal("83.80")) == Decimal("83.8")
    assert str(parse_points(Decimal("83.80"))) == "83.80"
    assert parse_points(7) == Decimal(7)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            71.5,
            "71.5 is a binary float, which cannot hold decimal points exactly; give the points as a string or a Decimal",
        ),
        (True, "True is not a number of points"),
        ("abc", "'abc' is not a number of points"),
        ("1e3", "'1e3' has an exponent; write the number in plain digits (1000, not 1e3)"),
        (",5", "',5' starts with a decimal separator; write a digit before it (0,5, not ,5)"),
        ("+20", "'+20' starts with '+'; write the number without a sign"),
        ("１２", "'１２' has digits that are not 0-9 (fullwidth or another script); type the number with 0-9"),
        ("٣", "'٣' has digits that are not 0-9 (fullwidth or another script); type the number with 0-9"),
        ("1.000,5", "'1.000,5' has more than one separator; write one decimal separator and no thousands separator"),
        ("", "'' is not a number of points"),
        ("NaN", "'NaN' is not a number of points"),
        (Decimal("NaN"), "NaN is not a finite number of points"),
        (Decimal("Infinity"), "Infinity is not a finite number of points"),
        (None, "NoneType None is not a number of points"),
        ("x" * 50, "'" + "x" * 37 + "...' is not a number of points"),
    ],
)
def test_parse_points_refuses(value: object, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_points(value)
    assert caught.value.message_in("en") == message


@given(st.integers(-(10**12), 10**12), st.integers(0, 6), st.booleans())
def test_parse_points_round_trips_formatted_points(units: int, decimals: int, comma: bool) -> None:
    value = Decimal(units).scaleb(-decimals)
    text = format_points(value, decimals, decimal_comma=comma)
    assert parse_points(text) == value
    assert decimals_of(parse_points(text)) <= decimals


@pytest.mark.parametrize(
    ("value", "decimals"),
    [("9.0", 0), ("83.80", 1), ("0.000", 0), ("-0.05", 2), ("100", 0), ("1E+2", 0), ("1.25", 2)],
)
def test_decimals_of(value: str, decimals: int) -> None:
    assert decimals_of(Decimal(value)) == decimals


@given(st.integers(1, 10**30), st.integers(0, 40))
def test_decimals_of_does_not_depend_on_the_context(units: int, decimals: int) -> None:
    value = Decimal(f"{units}e-{decimals}")  # exact, unlike scaleb in the default context
    expected = decimals_of(value)
    with localcontext() as ctx:
        ctx.prec = 3
        assert decimals_of(value) == expected
    if units % 10:
        assert expected == decimals


def test_decimals_of_refuses_non_finite() -> None:
    with raises(InputError, match="NaN is not a finite number of points"):
        decimals_of(Decimal("NaN"))


@given(st.integers(-(10**40), 10**40), st.integers(0, 12))
def test_scaled_integers_round_trip(units: int, decimals: int) -> None:
    value = Decimal(f"{units}e-{decimals}")
    with localcontext() as ctx:
        ctx.prec = 5  # a caller's low precision must not round anything
        assert to_scaled(value, decimals) == units
        assert from_scaled(units, decimals) == value
        assert decimals_of(from_scaled(units, decimals)) <= decimals


def test_to_scaled_refuses_more_decimals_even_beyond_the_context_precision() -> None:
    with pytest.raises(InputError) as caught:
        to_scaled(Decimal("1.00000000000000000000000000001"), 2)
    assert caught.value.message_in("en") == "1.00000000000000000000000000001 has more than 2 decimals"
    with raises(InputError, match=re.escape("7.25 has more than 1 decimals")):
        to_scaled(Decimal("7.25"), 1)


def test_from_scaled_carries_exactly_the_decimals() -> None:
    assert str(from_scaled(838, 1)) == "83.8"
    assert str(from_scaled(100, 1)) == "10.0"
    assert str(from_scaled(0, 2)) == "0.00"


def test_divide_publishes_the_par_index_component() -> None:
    # Đắk Nông 2022: 11.3008 of 13.5 points, published as 83.71 of 100.
    assert divide(Decimal("11.3008") * 100, Decimal("13.5"), 2) == Decimal("83.71")


@given(
    st.integers(-(10**9), 10**9),
    st.integers(1, 10**6),
    st.integers(0, 6),
    st.sampled_from(["ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_DOWN", "ROUND_UP", "ROUND_FLOOR", "ROUND_CEILING"]),
)
def test_divide_rounds_the_exact_quotient_once(numerator: int, denominator: int, decimals: int, rounding: str) -> None:
    exact = Fraction(numerator, denominator)
    result = divide(Decimal(numerator), Decimal(denominator), decimals, rounding)
    step = Fraction(1, 10**decimals)
    # The result is a neighbour of the exact quotient on the grid of the decimals ...
    assert abs(Fraction(result) - exact) < step
    assert decimals_of(result) <= decimals
    # ... and the one the rounding mode asks for.
    below = Decimal(int(exact // step)).scaleb(-decimals)
    above = below + Decimal(1).scaleb(-decimals)
    if Fraction(below) == exact or rounding == "ROUND_FLOOR":
        assert result == below
    elif rounding == "ROUND_CEILING":
        assert result == above
    elif rounding == "ROUND_DOWN":
        assert result == (below if exact > 0 else above)
    elif rounding == "ROUND_UP":
        assert result == (above if exact > 0 else below)
    else:
        middle = (Fraction(below) + Fraction(above)) / 2
        if exact != middle:
            assert result == (below if exact < middle else above)
        elif rounding == "ROUND_HALF_UP":
            assert result == (above if exact > 0 else below)


def test_divide_refuses() -> None:
    with raises(InputError, match="cannot divide 5 by zero"):
        divide(Decimal(5), Decimal(0), 2)
    with raises(InputError, match="unknown rounding mode 'ROUND_NEAREST'"):
        divide(Decimal(5), Decimal(3), 2, "ROUND_NEAREST")


def test_quantize() -> None:
    assert quantize(Decimal("70.25"), 1) == Decimal("70.3")
    assert quantize(Decimal("70.25"), 1, "ROUND_HALF_EVEN") == Decimal("70.2")
    assert quantize(Decimal("70.25"), 1, ROUND_HALF_UP) == Decimal("70.3")
    with raises(InputError, match="unknown rounding mode 'half'"):
        quantize(Decimal(1), 1, "half")


def test_format_points() -> None:
    assert format_points(Decimal("83.8"), 1) == "83.8"
    assert format_points(Decimal("10"), 1) == "10.0"
    assert format_points(Decimal("71.5"), 1, decimal_comma=True) == "71,5"
    with pytest.raises(InputError) as caught:
        format_points(Decimal("71.55"), 1)
    assert caught.value.message_in("en") == "71.55 has more than 1 decimals"


def test_coerce_points() -> None:
    assert coerce_points(10) == Decimal(10)
    assert coerce_points("2,5") == Decimal("2.5")
    assert coerce_points(Decimal("1.0")) == Decimal("1.0")
    # Anything else is left for the class's own validation to refuse.
    assert coerce_points(1.5) == 1.5  # type: ignore[arg-type]
    assert coerce_points("abc") == "abc"
    assert coerce_points(True) is True  # type: ignore[arg-type]
