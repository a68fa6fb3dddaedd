"""Checking the words of a refusal: its English text (as the tests were written), its code, its Vietnamese text.

Every refusal of govindex is worded in Vietnamese by default; the tests
that were written against the English wording compare
``error.describe("en")`` (:func:`english`, :func:`raises`), and the refusals a
user meets also get a test of their Vietnamese text.
"""

from __future__ import annotations

from filekit import raises_en as raises
from govindex.errors import GovIndexError

__all__ = ["english", "raises"]


def english(error: BaseException) -> str:
    """The whole error in English (place and message); another exception's text as it is."""
    return error.describe("en") if isinstance(error, GovIndexError) else str(error)
