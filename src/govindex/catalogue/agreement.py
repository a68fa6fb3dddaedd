"""The words of a recomputed figure against the published one (đối chiếu với số liệu công bố).

>>> AgreementText.ROUNDING.text("en", difference="+0.0001", bound="0.00015")
'differs by +0.0001, within the rounding bound ±0.00015 of the published components'
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["AgreementText"]


class AgreementText(Entry):
    """How a recomputed value stands against the published one, in words (by the agreement's name)."""

    EXACT = ("agreement-exact", "khớp với số liệu công bố", "matches the published figure")
    ROUNDING = (
        "agreement-rounding",
        "chênh {difference}, trong giới hạn làm tròn ±{bound} của các chỉ số thành phần đã công bố",
        "differs by {difference}, within the rounding bound ±{bound} of the published components",
    )
    DIFFERENT = (
        "agreement-different",
        "chênh {difference}, vượt giới hạn làm tròn ±{bound}: chênh lệch thực sự",
        "differs by {difference}, beyond the rounding bound ±{bound}: a real difference",
    )
