"""Assessed agencies (cơ quan, đơn vị) and their attributes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

from govindex._convert import to_dict, to_frozenset
from govindex.catalogue.notranked import NotRankedText
from govindex.catalogue.scoring import AgencyText
from govindex.errors import InputError

__all__ = ["Agency", "nfc", "slugify"]


def nfc(text: str) -> str:
    """The NFC Unicode form of ``text`` (PDF copies and macOS often give NFD)."""
    return unicodedata.normalize("NFC", text)


_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """A stable ASCII id from a Vietnamese name.

    >>> slugify("Sở Tài nguyên và Môi trường")
    'so-tai-nguyen-va-moi-truong'
    >>> slugify("Sở Lao động - Thương binh và Xã hội")
    'so-lao-dong-thuong-binh-va-xa-hoi'
    """
    text = nfc(name).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub("-", text).strip("-")


def _check_attribute_value(instance: Any, attribute: Any, value: Mapping[str, Any]) -> None:
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, (str, bool, int)):
            raise InputError(
                AgencyText.ATTRIBUTE, key=repr(key), value=repr(item)[:60], agency=getattr(instance, "id", None)
            )


def _reason(value: Any) -> Any:
    """A reason as text in NFC without surrounding spaces (anything else is left for the check to refuse)."""
    return nfc(value.strip()) if isinstance(value, str) else value


def _check_not_ranked(instance: Any, attribute: Any, value: object) -> None:
    """A reason, or ``None``: a bare yes (``True``) or an empty text says no reason."""
    if value is None:
        return
    if isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        raise InputError(NotRankedText.NO_REASON, value=repr(value), agency=getattr(instance, "id", None))
    if not isinstance(value, str):
        raise InputError(NotRankedText.NOT_TEXT, value=repr(value)[:60], agency=getattr(instance, "id", None))


@attrs.frozen
class Agency:
    """An assessed agency: a stable id, its Vietnamese name and its ranking group.

    The flags drive methodology rules:

    - ``has_subordinate_units`` (có đơn vị trực thuộc)
    - ``has_online_services`` (có dịch vụ công trực tuyến, DVCTT)
    - ``has_procedures`` (có thủ tục hành chính, TTHC)
    - ``special`` (cơ quan đặc thù) and ``not_applicable``: the node ids that do
      not concern its mandate.

    ``attributes`` holds any other province-specific facts a custom rule reads.

    ``not_ranked``: the reason the agency is assessed but not ranked this
    time (đánh giá nhưng không xếp hạng), as the score data states it; it is
    scored and banded, and left out of the ranking. ``None``: ranked.

    >>> Agency("ban-dan-toc", "Ban Dân tộc", "provincial", has_procedures=False).flags["has_procedures"]
    False
    """

    id: str
    name: str = attrs.field(converter=nfc)
    group: str
    has_subordinate_units: bool = True
    has_online_services: bool = True
    has_procedures: bool = True
    special: bool = False
    not_applicable: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    attributes: Mapping[str, str | bool | int] = attrs.field(
        factory=dict, converter=to_dict, validator=_check_attribute_value, hash=False
    )
    not_ranked: str | None = attrs.field(default=None, converter=_reason, validator=_check_not_ranked)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip() or self.id != self.id.strip():
            raise InputError(AgencyText.ID, value=repr(self.id)[:60])
        if not self.group:
            raise InputError(AgencyText.NO_GROUP, agency=self.id, agency_name=self.name)
        if self.not_applicable and not self.special:
            raise InputError(AgencyText.NOT_SPECIAL, agency=self.id, agency_name=self.name)

    @property
    def states_facts(self) -> bool:
        """Whether the agency states a fact a rule may read: a flag off its default, a node not applicable,
        or an attribute.

        >>> Agency("a", "A", "g").states_facts, Agency("b", "B", "g", special=True).states_facts
        (False, True)
        """
        return (
            not (self.has_subordinate_units and self.has_online_services and self.has_procedures)
            or self.special
            or bool(self.not_applicable)
            or bool(self.attributes)
        )

    @property
    def flags(self) -> dict[str, object]:
        """The rule-relevant flags, for explanations."""
        return {
            "has_subordinate_units": self.has_subordinate_units,
            "has_online_services": self.has_online_services,
            "has_procedures": self.has_procedures,
            "special": self.special,
            "not_applicable": sorted(self.not_applicable),
        }
