"""The words of a measure's working (cách tính điểm): what a formula says beside its numbers, and yes and no.

>>> AnswerText.YES.text("vi"), AnswerText.NO.text("en")
('có', 'no')
>>> Working.CAPPED.text("vi", share="130/120 = 1,0833")
'130/120 = 1,0833 > 1, tính là 1'
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["AnswerText", "Working"]


class AnswerText(Entry):
    """The answers of a ``yes_no`` measure: a form offers the Vietnamese ones; either language is read."""

    YES = ("answer-yes", "có", "yes")
    NO = ("answer-no", "không", "no")


class Working(Entry):
    """The words of a measurement's formula (``95/120 = 0,7917 × 2 = 1,58``) beside its numbers."""

    CAPPED = ("working-capped", "{share} > 1, tính là 1", "{share} > 1, counted as 1")
    BELOW_LOWEST = (
        "working-below-lowest",
        "{value} dưới mức thấp nhất {lowest} → 0",
        "{value} below the lowest step {lowest} → 0",
    )
