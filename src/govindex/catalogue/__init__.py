"""The one catalogue of words (bộ từ ngữ): every text a user reads, in Vietnamese and English.

Every message, heading, label and note that govindex shows comes from here,
so that ``--lang vi`` (the default) prints no English and ``--lang en`` no
Vietnamese. An entry is a member of an :class:`Entry` enumeration: its value
is a stable code (``score-above-maximum``), and it carries the Vietnamese
and the English template. The enumerations live in this package, one module
per area (errors of each layer, the words of documents, explanations); they
all share :class:`Entry`, so ``isinstance(x, Entry)`` holds for any of them,
and a test checks that no code is used twice.

Templates are :meth:`str.format` strings. Their parameters are formatted for
the language before they are put in (:func:`show`): a
:class:`~decimal.Decimal` with a decimal comma in Vietnamese, a sequence as a
list, an :class:`Entry` as its own words, an error as its message.

>>> from decimal import Decimal
>>> show(Decimal("71.5"), "vi"), show(Decimal("71.5"), "en")
('71,5', '71.5')
>>> show(["a", "b"], "vi")
'a, b'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

__all__ = ["DEFAULT_LANG", "LANGS", "Entry", "number", "show"]

#: The languages of every human-readable output; Vietnamese first (the default).
LANGS = ("vi", "en")

#: The language used when none is asked for.
DEFAULT_LANG = "vi"


def number(value: Decimal | int, lang: str = DEFAULT_LANG) -> str:
    """A number as written in ``lang``: exact digits, a decimal comma in Vietnamese, no exponent (but for a
    number beyond 10**40 or below 10**-40, written with its exponent).

    >>> number(Decimal("0.7804"), "vi"), number(Decimal("1E+3"), "en"), number(-3, "vi")
    ('0,7804', '1000', '-3')
    >>> number(Decimal("1.5E+999999999"), "vi")
    '1,5E+999999999'
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if not value.is_finite() or not -40 <= value.adjusted() <= 40:  # never a billion digits for 1E+999999999
        text = str(value)
        return text.replace(".", ",") if lang == "vi" else text
    text = f"{value:f}"
    return text.replace(".", ",") if lang == "vi" else text


class Entry(enum.Enum):
    """One entry of the catalogue: a stable code, its Vietnamese and its English template.

    Each area of the catalogue subclasses this (an enumeration without
    members can be subclassed) and lists its entries as
    ``NAME = ("code", "Vietnamese template", "English template")``.
    """

    vi: str
    en: str

    def __new__(cls, code: str, vi: str, en: str) -> Entry:
        member = object.__new__(cls)
        member._value_ = code
        member.vi = vi
        member.en = en
        return member

    @property
    def code(self) -> str:
        """The stable code of the entry (``score-above-maximum``), the same in every language."""
        return str(self.value)

    def template(self, lang: str = DEFAULT_LANG) -> str:
        """The template in ``lang`` (``vi`` or ``en``; callers check a language given by a user with
        :func:`govindex.errors.check_lang` first)."""
        if lang == "vi":
            return self.vi
        if lang == "en":
            return self.en
        raise KeyError(f"no language {lang!r} in the catalogue; the languages are {', '.join(LANGS)}")

    def text(self, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
        """The entry in ``lang`` with its parameters formatted for that language."""
        template = self.template(lang)
        if not params:
            return template
        return template.format_map({name: show(value, lang) for name, value in params.items()})

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def show(value: Any, lang: str = DEFAULT_LANG) -> str:
    """A parameter of a template as written in ``lang``.

    A :class:`~decimal.Decimal` or an integer as :func:`number`; an
    :class:`Entry` as its words; anything with a ``describe(lang)`` method
    (a :class:`~govindex.errors.GovIndexError`) through it; a list, tuple,
    set or frozenset as its items joined by commas (a set sorted); a mapping
    as ``key: value`` pairs; ``None`` as ``-``; anything else as ``str``.
    """
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if isinstance(value, (Decimal, int)):
        return number(value, lang)
    if isinstance(value, Entry):
        return value.text(lang)
    message = getattr(value, "message_in", None)
    if callable(message):
        return str(message(lang))
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(show(item, lang) for item in value))
    if isinstance(value, (list, tuple)):
        return ", ".join(show(item, lang) for item in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{show(key, lang)}: {show(item, lang)}" for key, item in value.items())
    return str(value)
