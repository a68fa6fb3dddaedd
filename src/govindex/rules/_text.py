"""Exact decimal text for adjustments and explanations."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from govindex.points import divide, terminating

__all__ = ["exact_quotient", "number_text", "rounded_formula"]

#: Digits shown past the rubric's decimals for a quotient that does not terminate.
EXTRA_DIGITS = 4


def number_text(value: Decimal) -> str:
    """The exact text of a Decimal, without exponent (``Decimal("1E+1")`` is ``10``).

    >>> number_text(Decimal("45.50"))
    '45.50'
    >>> number_text(Decimal("1E+1"))
    '10'
    """
    return f"{value:f}"


def exact_quotient(numerator: Decimal, denominator: Decimal, decimals: int) -> tuple[str, Decimal | None]:
    """``numerator / denominator`` as exact text, and as a Decimal when it terminates.

    A quotient that does not terminate is shown with ``decimals + 4`` digits,
    cut (not rounded), and an ellipsis.

    >>> exact_quotient(Decimal("227.5"), Decimal(60), 2)
    ('3.791666…', None)
    >>> exact_quotient(Decimal("261.3"), Decimal(1000), 4)
    ('0.2613', Decimal('0.2613'))
    """
    value = terminating(Fraction(numerator) / Fraction(denominator))
    if value is not None:
        return number_text(value), value
    cut = divide(numerator, denominator, decimals + EXTRA_DIGITS, "ROUND_DOWN")
    return number_text(cut) + "…", None


def rounded_formula(head: str, numerator: Decimal, denominator: Decimal, decimals: int, rounding: str) -> str:
    """``head = exact → rounded (MODE)``; the arrow only when rounding changed the value.

    >>> rounded_formula("45.5 / 60 × 5", Decimal("227.5"), Decimal(60), 2, "ROUND_HALF_UP")
    '45.5 / 60 × 5 = 3.791666… → 3.79 (ROUND_HALF_UP)'
    >>> rounded_formula("45 / 60 × 5", Decimal(225), Decimal(60), 2, "ROUND_HALF_UP")
    '45 / 60 × 5 = 3.75'
    """
    text, exact = exact_quotient(numerator, denominator, decimals)
    value = divide(numerator, denominator, decimals, rounding)
    if exact is not None and exact == value:
        return f"{head} = {number_text(value)}"
    return f"{head} = {text} → {number_text(value)} ({rounding})"
