"""Checking the words of a refusal: its English text (as the tests were written), its code, its Vietnamese text.

Every refusal of govindex is worded in Vietnamese by default; the tests
that were written against the English wording compare
``error.describe("en")``, and the refusals a user meets also get a test of
their Vietnamese text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from govindex.errors import GovIndexError

__all__ = ["english", "raises"]


def english(error: BaseException) -> str:
    """The whole error in English (place and message); another exception's text as it is."""
    return error.describe("en") if isinstance(error, GovIndexError) else str(error)


@contextmanager
def raises(
    expected: type[BaseException] | tuple[type[BaseException], ...], *, match: str | None = None
) -> Iterator[pytest.ExceptionInfo[BaseException]]:
    """:func:`pytest.raises`, matching ``match`` (a regular expression) against the error's English text."""
    with pytest.raises(expected) as caught:
        yield caught
    if match is not None:
        text = english(caught.value)
        assert re.search(match, text), f"{match!r} does not match {text!r}"
