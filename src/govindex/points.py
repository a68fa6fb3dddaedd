"""Exact decimal points (điểm): parsing, precision checks, quantising, formatting.

Points are :class:`decimal.Decimal` from the first byte read to the last
printed. Text is parsed from its digits (``"71,5"`` with a decimal comma is
``Decimal("71.5")``), never through ``float``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_DOWN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from fractions import Fraction
from typing import Any, TypeVar, cast

from govindex.catalogue.rubric import Bounds
from govindex.catalogue.scoring import PointsText
from govindex.errors import InputError

__all__ = [
    "MAX_DECIMALS",
    "MAX_POINTS",
    "ROUNDING_MODES",
    "bounds_problem",
    "decimals_of",
    "divide",
    "exact",
    "exact_context",
    "format_points",
    "from_scaled",
    "parse_points",
    "quantize",
    "terminating",
    "to_scaled",
]

#: A context that never rounds (for exact rescaling whatever the caller's context).
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)

#: The library's own arithmetic context: every Decimal operation of govindex
#: runs in it, so the caller's precision, rounding and traps change nothing.
#: 100 significant digits hold any sum of the bounded points a rubric allows
#: exactly; a division that does not terminate goes through :func:`divide`.
_LIBRARY = Context(
    prec=100,
    rounding=ROUND_HALF_UP,
    Emax=999_999,
    Emin=-999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)


def exact_context() -> AbstractContextManager[Context]:
    """A local copy of the library's own decimal context (for ``with``).

    >>> import decimal
    >>> with decimal.localcontext(decimal.Context(prec=3)):
    ...     with exact_context():
    ...         Decimal("83.71") + Decimal("0.001")
    Decimal('83.711')
    """
    return localcontext(_LIBRARY)


#: The largest number of points a rubric may state (10**12), and the most
#: decimals: rubric values are bounded so that every sum stays exact and fast.
MAX_POINTS = Decimal(10) ** 12
MAX_DECIMALS = 12


def bounds_problem(value: Decimal) -> Bounds | None:
    """Why a rubric value (a maximum, a band bound, a scale) is out of bounds, or ``None``.

    The answer is a catalogue entry, worded in either language:

    >>> bounds_problem(Decimal("1e999999999")).text("en")
    'must be at most 1000000000000'
    >>> bounds_problem(Decimal("0.0000000000001")).text("vi")
    'có hơn 12 chữ số thập phân'
    >>> bounds_problem(Decimal("85")) is None
    True
    """
    if not value.is_finite():
        return Bounds.NOT_FINITE
    if value.copy_abs() > MAX_POINTS:
        return Bounds.TOO_LARGE
    if decimals_of(value) > MAX_DECIMALS:
        return Bounds.TOO_PRECISE
    return None


_F = TypeVar("_F", bound=Callable[..., Any])


def exact(function: _F) -> _F:
    """Run ``function`` in the library's own decimal context (a decorator).

    Public entry points that do Decimal arithmetic wear it, so that nothing a
    caller sets in :func:`decimal.getcontext` reaches the library's numbers.
    """

    @functools.wraps(function)
    def in_library_context(*args: Any, **kwargs: Any) -> Any:
        with localcontext(_LIBRARY):
            return function(*args, **kwargs)

    return cast(_F, in_library_context)


_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
_EXPONENT = re.compile(r"[+-]?[0-9]*[.,]?[0-9]+[eE][+-]?[0-9]+")

#: Rounding modes accepted where a rubric or rule states one, by their
#: :mod:`decimal` names.
ROUNDING_MODES = frozenset(
    {
        "ROUND_HALF_UP",
        "ROUND_HALF_EVEN",
        "ROUND_HALF_DOWN",
        "ROUND_DOWN",
        "ROUND_UP",
        "ROUND_FLOOR",
        "ROUND_CEILING",
        "ROUND_05UP",
    }
)


def parse_points(value: object) -> Decimal:
    """Read a number of points exactly.

    Accepts a :class:`~decimal.Decimal`, an ``int`` or a string with a decimal
    point or a decimal comma (``"83,8"``). Refuses ``float`` (it has already
    lost the digits that were typed), booleans, NaN, infinities, and text that
    is not plain digits 0-9 with at most one decimal separator: a leading
    ``+`` or separator (``.5``), an exponent (``1e3``), fullwidth or
    other-script digits, thousands separators (``1.000.000``).

    >>> parse_points("71,5")
    Decimal('71.5')
    >>> parse_points(10)
    Decimal('10')
    """
    if isinstance(value, bool):
        raise InputError(PointsText.NOT_POINTS, value=repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(PointsText.NOT_FINITE, value=str(value))
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise InputError(PointsText.FLOAT, value=repr(value))
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER.fullmatch(text):
            raise _not_a_number(value, text)
        return Decimal(text.replace(",", "."))
    raise InputError(PointsText.NOT_POINTS, value=f"{type(value).__name__} {_shown(repr(value))}")


def _shown(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _not_a_number(value: str, text: str) -> InputError:
    """Why ``text`` is not a plain number of points."""
    shown = repr(value if len(value) <= 40 else value[:37] + "...")
    separator = text.lstrip("-")[:1]
    if any(ch.isdigit() and not "0" <= ch <= "9" for ch in text):
        return InputError(PointsText.OTHER_DIGITS, value=shown)
    if text.startswith("+"):
        return InputError(PointsText.PLUS, value=shown)
    if separator in {".", ","}:
        return InputError(PointsText.LEADING_SEPARATOR, value=shown, separator=separator)
    if _EXPONENT.fullmatch(text):
        return InputError(PointsText.EXPONENT, value=shown)
    if text[-1:] in {".", ","}:
        return InputError(PointsText.TRAILING_SEPARATOR, value=shown)
    if text.count(".") + text.count(",") > 1:
        return InputError(PointsText.TWO_SEPARATORS, value=shown)
    return InputError(PointsText.NOT_POINTS, value=shown)


def coerce_points(value: Decimal | int | str) -> Decimal:
    """An attrs converter for the points of rubric objects built in code.

    ``10`` and ``"2,5"`` become Decimals; anything else (a float, a bool, text
    that is not a number) is left as it is, for the class's own validation
    to refuse with a message about the rubric.
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        try:
            return parse_points(value)
        except InputError:
            pass
    return cast(Decimal, value)


def decimals_of(value: Decimal) -> int:
    """The number of decimals the value needs (``Decimal("9.0")`` needs 0).

    Exact whatever the :mod:`decimal` context: a value with more digits than
    the context's precision is not rounded first.

    >>> decimals_of(Decimal("83.80"))
    1
    >>> decimals_of(Decimal("1.00000000000000000000000000001"))
    29
    """
    if not value.is_finite():
        raise InputError(PointsText.NOT_FINITE, value=str(value))
    if value.is_zero():
        return 0
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0:
        return 0
    trailing = 0
    for digit in reversed(digits):
        if digit or trailing >= -exponent:
            break
        trailing += 1
    return -exponent - trailing


@exact
def quantize(value: Decimal, decimals: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Round to ``decimals`` places with the named rounding mode."""
    if rounding not in ROUNDING_MODES:
        raise InputError(PointsText.ROUNDING, value=repr(rounding), known=sorted(ROUNDING_MODES))
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


@exact
def format_points(value: Decimal, decimals: int, *, decimal_comma: bool = False) -> str:
    """Format with exactly ``decimals`` places (``83.8``; ``83,8`` with a comma).

    The value must already be representable with that many decimals; this
    never rounds silently.
    """
    if decimals_of(value) > decimals:
        raise InputError(PointsText.TOO_PRECISE, value=value, decimals=decimals)
    text = f"{value.quantize(Decimal(1).scaleb(-decimals)):f}"
    return text.replace(".", ",") if decimal_comma else text


def to_scaled(value: Decimal, decimals: int) -> int:
    """The value times ``10**decimals`` as an exact integer (for fast sums).

    Refuses a value with more than ``decimals`` decimals rather than rounding it.

    >>> to_scaled(Decimal("71.5"), 2)
    7150
    """
    numerator, denominator = value.as_integer_ratio()
    factor: int = 10**decimals
    scaled, remainder = divmod(numerator * factor, denominator)
    if remainder:
        raise InputError(PointsText.TOO_PRECISE, value=value, decimals=decimals)
    return scaled


def from_scaled(value: int, decimals: int) -> Decimal:
    """Inverse of :func:`to_scaled`, with exactly ``decimals`` places.

    >>> from_scaled(7150, 2)
    Decimal('71.50')
    """
    return Decimal(value).scaleb(-decimals, context=_EXACT)


def divide(numerator: Decimal, denominator: Decimal, decimals: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """``numerator / denominator`` rounded once, exactly, to ``decimals`` places.

    The quotient is never rounded twice: a quotient that does not terminate
    is carried with a sticky digit past 50 significant digits, so the stated
    rounding mode sees the true value's side of every tie.

    >>> divide(Decimal("11.3008") * 100, Decimal("13.5"), 2)
    Decimal('83.71')
    """
    if denominator.is_zero():
        raise InputError(PointsText.DIVIDE_BY_ZERO, value=numerator)
    if rounding not in ROUNDING_MODES:
        raise InputError(PointsText.ROUNDING, value=repr(rounding), known=sorted(ROUNDING_MODES))
    negative = (numerator < 0) != (denominator < 0)
    with localcontext(_LIBRARY) as ctx:
        ctx.prec = 60
        ctx.rounding = ROUND_DOWN
        ctx.clear_flags()
        quotient = abs(numerator) / abs(denominator)
        if ctx.flags[Inexact] and not quotient.is_zero():
            quotient += Decimal(1).scaleb(quotient.adjusted() - 65)
        if negative:
            quotient = -quotient
        ctx.rounding = rounding
        return quotient.quantize(Decimal(1).scaleb(-decimals))


def terminating(value: Fraction) -> Decimal | None:
    """The exact Decimal of a fraction whose decimal expansion ends, else ``None``.

    >>> terminating(Fraction(338, 5)), terminating(Fraction(203, 3))
    (Decimal('67.6'), None)
    """
    rest = value.denominator
    twos = fives = 0
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return None
    places = max(twos, fives)
    return Decimal(value.numerator * 10**places // value.denominator).scaleb(-places, context=_EXACT)
