"""Words shared by every document, in Vietnamese or English: names, numbers, bands, legal bases, rounding.

Everything here takes its words from the catalogue (:mod:`govindex.catalogue`);
a number is written with a decimal comma in Vietnamese.

>>> import datetime as dt
>>> from govindex.rubric import LegalBasis
>>> basis = LegalBasis("922/QĐ-BTTTT", dt.date(2022, 5, 20), "Bộ Thông tin và Truyền thông")
>>> cite(basis, "en")
'Decision 922/QĐ-BTTTT of 2022-05-20 (Bộ Thông tin và Truyền thông)'
>>> cite(basis, "vi")
'Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông'
>>> cite(LegalBasis("PAR INDEX 2022", dt.date(2023, 4, 19), "Bộ Nội vụ"), "vi")
'PAR INDEX 2022 ngày 19/4/2023 của Bộ Nội vụ'
>>> cite(LegalBasis("1287/QĐ-UBND", None, "UBND tỉnh Sơn La", year=2024), "vi")
'Quyết định số 1287/QĐ-UBND năm 2024 của UBND tỉnh Sơn La'
>>> band_range(Decimal("70"), Decimal("85"), "vi"), band_range(Decimal("85"), None, "vi")
('từ 70 điểm đến dưới 85 điểm', 'từ 85 điểm trở lên')
>>> band_range(None, Decimal("50"), "en")
'below 50 points'
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from govindex.catalogue import number
from govindex.catalogue.reports import Rounding
from govindex.catalogue.words import Cite, Word
from govindex.points import exact_context

if TYPE_CHECKING:
    from govindex.bands import Band
    from govindex.rubric import LegalBasis

__all__ = ["band_label", "band_range", "cite", "date_text", "named", "plain_number", "rounding_words"]


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def name_en(self) -> str | None: ...


def named(item: _Named, lang: str) -> str:
    """A group's, node's or view's name in ``lang`` (its English name when it has one)."""
    return (item.name_en or item.name) if lang == "en" else item.name


def plain_number(value: Decimal, lang: str) -> str:
    """A number as few digits as it needs (``85``, ``7,5``), a decimal comma in Vietnamese."""
    if value.is_finite() and value == value.to_integral_value():
        with exact_context():
            value = value.quantize(Decimal(1))
    return number(value, lang)


def band_range(lower: Decimal | None, upper: Decimal | None, lang: str = "vi") -> str:
    """A band's range the way decisions word it ("từ 70 điểm đến dưới 85 điểm")."""
    low = None if lower is None or lower == 0 else plain_number(lower, lang)
    high = None if upper is None else plain_number(upper, lang)
    if low is not None and high is not None:
        return Word.BAND_BETWEEN.text(lang, lower=low, upper=high)
    if low is not None:
        return Word.BAND_FROM.text(lang, lower=low)
    if high is not None:
        return Word.BAND_BELOW.text(lang, upper=high)
    return Word.BAND_ANY.text(lang)


def band_label(band: Band, lang: str) -> str:
    """A band as a section of a ranking names it: ``Mức khá``, ``Fair``."""
    if lang == "en":
        return Word.BAND_LEVEL.text(lang, label=band.label_en or band.label)
    return Word.BAND_LEVEL.text(lang, label=band.label[:1].lower() + band.label[1:])


def date_text(date: dt.date, lang: str) -> str:
    """A date as decisions write it: ``20/5/2022`` in Vietnamese, ``2022-05-20`` in English."""
    return f"{date.day}/{date.month}/{date.year}" if lang == "vi" else date.isoformat()


def cite(basis: LegalBasis, lang: str = "vi") -> str:
    """A legal basis as a reader cites it, in ``lang``."""
    head = Cite.DECISION.text(lang, decision=basis.decision) if "/" in basis.decision else basis.decision
    if basis.date is not None:
        when = Cite.ON.text(lang, date=date_text(basis.date, lang))
    elif basis.year is not None:
        when = Cite.IN_YEAR.text(lang, year=str(basis.year))
    else:
        when = Cite.UNDATED.text(lang)
    article = Cite.ARTICLE.text(lang, article=basis.article) if basis.article else ""
    return Cite.CITE.text(lang, head=head, when=when, issuer=basis.issuer, article=article)


def rounding_words(mode: str, decimals: int, lang: str) -> str:
    """A rounding in words: ``làm tròn đến 2 chữ số thập phân``, ``rounded half up to 2 decimal(s)``."""
    found = Rounding.of(mode)
    words = found.text(lang) if found is not None else mode
    if decimals:
        return Rounding.TO_PLACES.text(lang, mode=words, decimals=decimals)
    return Rounding.TO_UNITS.text(lang, mode=words)
