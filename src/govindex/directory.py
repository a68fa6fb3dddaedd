"""Agency identity across years (danh mục cơ quan, đơn vị): stable ids, names, levels and lineage.

An :class:`AgencyDirectory` lists the agencies a province assesses, each with
a stable id (the :func:`~govindex.agency.slugify` of its first name, or the
code the province keeps), its Vietnamese name, its ranking group, its level
(a department, a commune or a ward…), the other spellings it is known by
(aliases) and its lineage: created, renamed, merged into another agency,
split from another, formed from several, abolished (thành lập, đổi tên,
hợp nhất/sáp nhập vào, chia tách, sắp xếp trên cơ sở, giải thể). It answers,
for a unit of one year, which units of another year it corresponds to
(:meth:`AgencyDirectory.counterparts`), over several reorganisations.

Names are matched leniently but never guessed: case, punctuation, spacing,
NFC/NFD forms, diacritics, a leading "UBND"/"Ủy ban nhân dân" and the
characters a PDF copy drops (``"Sở Văn hóa Ththao và Du lịch"``) are
tolerated; a name that fits no agency, or more than one, is an
:class:`~govindex.errors.UnknownNameError` that lists the candidates.

>>> directory = AgencyDirectory(
...     "demo",
...     (
...         AgencyRecord("so-noi-vu", "Sở Nội vụ", "provincial"),
...         AgencyRecord("so-ngoai-vu", "Sở Ngoại vụ", "provincial"),
...     ),
... )
>>> directory.resolve("SO NOI VU").id
'so-noi-vu'
>>> directory.resolve("Sở Ngoai vu").id
'so-ngoai-vu'
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from collections.abc import Iterable, Iterator

import attrs

from govindex._convert import to_str_tuple
from govindex._lineage import (
    INITIAL,
    TERMINAL,
    AgencyRecord,
    EventKind,
    Level,
    LineageEvent,
    Link,
    Moment,
    check_names,
    derive_links,
)
from govindex._names import fold_name, loose_deletions, name_key, skeleton
from govindex.agency import nfc
from govindex.catalogue.directory import Lineage, Lookup
from govindex.errors import GovIndexError, InputError, UnknownNameError, collected

__all__ = [
    "INITIAL",
    "TERMINAL",
    "AgencyDirectory",
    "AgencyRecord",
    "EventKind",
    "Level",
    "LineageEvent",
    "Link",
    "Match",
    "MatchKind",
    "Moment",
    "fold_name",
    "name_key",
]


class MatchKind(enum.Enum):
    """How a name was matched to an agency, strictest first."""

    ID = "id"  # the id itself
    EXACT = "exact"  # a name or alias, up to case, punctuation and spacing
    FOLDED = "folded"  # also up to diacritics (dấu)
    LOOSE = "loose"  # also up to missing spaces and characters with diacritics (PDF copies)


@attrs.frozen
class Match:
    """The agency a name was matched to, the directory name it matched and how."""

    record: AgencyRecord
    matched: str
    kind: MatchKind

    @property
    def id(self) -> str:
        return self.record.id


def _records(value: Iterable[AgencyRecord]) -> tuple[AgencyRecord, ...]:
    return tuple(value)


@attrs.frozen
class AgencyDirectory:
    """The agencies of one province (or any other cohort) across the years (danh mục cơ quan, đơn vị).

    Built in memory, or read with :func:`govindex.io.directory.load_directory`
    from YAML or from the CSV a province keeps; the bundled ``sonla``
    directory holds Sơn La's departments, its district-level units with the
    2025 reorganisation, and the communes the sources name. ``incomplete``
    lists the groups whose list the directory knows to be partial (an agency
    of such a group that it does not know is no surprise). Every problem is
    refused at once (:func:`govindex.errors.collected`): two agencies with
    one id or one name, a link to an agency that is not listed, dates out of
    order, a cycle of predecessors.
    """

    id: str
    agencies: tuple[AgencyRecord, ...] = attrs.field(converter=_records)
    name: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    incomplete: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    _index: dict[str, AgencyRecord] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _exact: dict[str, tuple[str, str]] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _folded: dict[str, dict[str, str]] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _into: dict[str, tuple[Link, ...]] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _from: dict[str, tuple[Link, ...]] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems: list[GovIndexError] = []
        index: dict[str, AgencyRecord] = {}
        for position, record in enumerate(self.agencies):
            if record.id in index:
                problems.append(InputError(Lineage.DUPLICATE_ID, agency=record.id, path=f"agencies[{position}]"))
            index.setdefault(record.id, record)
        exact, folded, more = check_names(self.agencies)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_folded", folded)
        links, wrong = derive_links(self.agencies, index, self._closest)
        into: dict[str, list[Link]] = {}
        going: dict[str, list[Link]] = {}
        for link in links:
            into.setdefault(link.successor, []).append(link)
            going.setdefault(link.predecessor, []).append(link)
        object.__setattr__(self, "_into", {agency: tuple(found) for agency, found in into.items()})
        object.__setattr__(self, "_from", {agency: tuple(found) for agency, found in going.items()})
        problems += more + wrong
        if problems:
            raise collected(problems)

    def __iter__(self) -> Iterator[AgencyRecord]:
        return iter(self.agencies)

    def __len__(self) -> int:
        return len(self.agencies)

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self._index

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(record.id for record in self.agencies)

    def get(self, agency_id: str) -> AgencyRecord:
        """The agency with this id; an unknown id is refused with the closest ids."""
        try:
            return self._index[agency_id]
        except KeyError:
            raise UnknownNameError(
                Lookup.UNKNOWN_ID,
                id=agency_id,
                directory=self.id,
                candidates=self._closest(agency_id),
                agency=agency_id,
            ) from None

    def _candidates(self, text: str, limit: int = 5) -> list[AgencyRecord]:
        folded = fold_name(text.replace("-", " "))
        words = set(folded.split())
        if not words:
            return []
        scored: list[tuple[float, float, str]] = []
        for record in self.agencies:
            shared = 0.0
            similar = 0.0
            for name in record.names:
                key = fold_name(name)
                shared = max(shared, len(words & set(key.split())) / len(words))
                similar = max(similar, difflib.SequenceMatcher(None, folded, key).ratio())
            scored.append((-shared, -similar, record.id))
        return [self._index[agency_id] for *_, agency_id in sorted(scored)[:limit]]

    def _closest(self, text: str) -> list[str]:
        """The agencies whose names are closest to ``text``, as ``Name (id)``."""
        return [f"{record.name} ({record.id})" for record in self._candidates(text)] or [Lookup.NONE_AVAILABLE.vi]

    def match(self, name: str) -> Match:
        """Find the one agency a name or id stands for, and say how it was matched.

        Tried in order, each step only if the previous found nothing: the id;
        the names and aliases up to case, punctuation, spacing and Unicode
        form; the same without diacritics; the same without spaces and with
        up to a quarter of the letters that carry diacritics missing (as PDF
        copies lose them). A step that finds two agencies is an error, not a
        choice.

        >>> from govindex.io.directory import load_directory
        >>> sonla = load_directory("sonla")
        >>> m = sonla.match("Sở Văn hóa Ththao và Du lịch")
        >>> m.id, m.kind.value
        ('so-van-hoa-the-thao-va-du-lich', 'loose')
        """
        text = nfc(name).strip()
        if text in self._index:
            return Match(self._index[text], text, MatchKind.ID)
        if not name_key(text):
            raise UnknownNameError(Lookup.NOT_A_NAME, name=name, agency=name)
        found = self._exact.get(name_key(text))
        if found is not None:
            return Match(self._index[found[0]], found[1], MatchKind.EXACT)
        folded = self._folded.get(fold_name(text), {})
        if not folded:
            folded = self._loose(text)
            kind, ambiguous = MatchKind.LOOSE, Lookup.AMBIGUOUS_LOOSE
        else:
            kind, ambiguous = MatchKind.FOLDED, Lookup.AMBIGUOUS_FOLDED
        if len(folded) == 1:
            ((agency_id, matched),) = folded.items()
            return Match(self._index[agency_id], matched, kind)
        if folded:
            listed = [f"{self._index[a].name} ({a})" for a in sorted(folded)]
            raise UnknownNameError(ambiguous, name=name, directory=self.id, listed="; ".join(listed), agency=name)
        raise UnknownNameError(
            Lookup.UNKNOWN_NAME, name=name, directory=self.id, candidates=self._closest(text), agency=name
        )

    def _loose(self, text: str) -> dict[str, str]:
        """The agencies one of whose names gives ``text`` when up to a quarter of its marked letters are lost."""
        letters, _marked = skeleton(text)
        loose: dict[str, str] = {}
        for record in self.agencies:
            for candidate in record.names:
                target, marked = skeleton(candidate)
                deleted = loose_deletions(letters, target, marked)
                if deleted is not None and deleted <= len(target) // 4:
                    loose.setdefault(record.id, candidate)
        return loose

    def resolve(self, name: str) -> AgencyRecord:
        """The agency a name or id stands for (see :meth:`match`)."""
        return self.match(name).record

    def links_into(self, agency_id: str) -> tuple[Link, ...]:
        """The agency's direct predecessors, one :class:`Link` each, in the order they are stated."""
        self.get(agency_id)
        return self._into.get(agency_id, ())

    def links_from(self, agency_id: str) -> tuple[Link, ...]:
        """The agency's direct successors, one :class:`Link` each."""
        self.get(agency_id)
        return self._from.get(agency_id, ())

    def predecessors(self, agency_id: str, after: int | None = None, until: int | None = None) -> tuple[str, ...]:
        """The agencies merged into ``agency_id`` (directly or through a chain), optionally in ``(after, until]``.

        A merger is a :attr:`Link.whole` link: the predecessor ended there,
        into this one successor. A unit that went on, or was divided among
        several, is not among them (see :meth:`counterparts`).

        >>> from govindex.io.directory import load_directory
        >>> load_directory("sonla").predecessors("so-khoa-hoc-va-cong-nghe")
        ('so-thong-tin-va-truyen-thong',)
        """
        self.get(agency_id)
        found: list[str] = []
        frontier = [agency_id]
        while frontier:
            current = frontier.pop(0)
            for link in self._into.get(current, ()):
                year = link.moment.year
                if not link.whole or link.predecessor in found:
                    continue
                if (after is None or year > after) and (until is None or year <= until):
                    found.append(link.predecessor)
                    frontier.append(link.predecessor)
        return tuple(found)

    def split_parent(self, agency_id: str, after: int | None = None, until: int | None = None) -> str | None:
        """The agency ``agency_id`` was split from, if that happened in ``(after, until]``."""
        start = self.get(agency_id).start
        if start is None or start.parent is None:
            return None
        year = start.effective_year
        return start.parent if (after is None or year > after) and (until is None or year <= until) else None

    def successor(self, agency_id: str, until: int | None = None) -> str | None:
        """The agency that ``agency_id`` was merged into by ``until`` (following chains), or None."""
        current = self.get(agency_id)
        result: str | None = None
        while current.end is not None and current.end.into is not None:
            if until is not None and current.end.effective_year > until:
                break
            result = current.end.into
            current = self._index[result]
        return result

    def counterparts(self, agency_id: str, *, year: int, in_year: int) -> tuple[str, ...]:
        """The units of ``in_year`` that the unit ``agency_id`` of ``year`` corresponds to, over every change
        between the two years (its predecessors when ``in_year`` is earlier, its successors when later).

        Each unit is taken as it stands on 31 December of its year
        (:meth:`AgencyRecord.exists_at_end_of`). A unit that went on through
        the changes is its own counterpart, beside those it took in or that
        split from it; a unit divided among several has them all. The order
        is the directory's.

        >>> from govindex.io.directory import load_directory
        >>> sonla = load_directory("sonla")
        >>> sonla.counterparts("so-xay-dung", year=2025, in_year=2024)
        ('so-xay-dung', 'so-giao-thong-van-tai')
        >>> sonla.counterparts("so-giao-thong-van-tai", year=2024, in_year=2025)
        ('so-xay-dung',)
        """
        record = self.get(agency_id)
        if not record.exists_at_end_of(year):
            raise InputError(Lookup.NOT_AT_END_OF_YEAR, year=year, agency=agency_id)
        earlier, later = sorted((year, in_year))
        backwards = in_year < year
        reached = {agency_id}
        frontier = [agency_id]
        while frontier:
            current = frontier.pop()
            for link in (self._into if backwards else self._from).get(current, ()):
                other = link.predecessor if backwards else link.successor
                if earlier < link.moment.year <= later and other not in reached:
                    reached.add(other)
                    frontier.append(other)
        return tuple(r.id for r in self.agencies if r.id in reached and r.exists_at_end_of(in_year))

    def lineage(self, agency_id: str) -> tuple[tuple[str, LineageEvent], ...]:
        """Every recorded event that concerns the agency, as (agency id, event), in chronological order:
        its own, and the start or end of each agency linked to it."""
        self.get(agency_id)
        linked = {link.predecessor for link in self._into.get(agency_id, ())}
        found: list[tuple[str, LineageEvent]] = []
        for record in self.agencies:
            for event in record.events:
                ends_into = record.id in linked and event is record.end
                if record.id == agency_id or agency_id in (event.into, event.parent) or ends_into:
                    found.append((record.id, event))
        return tuple(sorted(found, key=lambda item: (item[1].effective_year, item[1].date or dt.date.min, item[0])))

    def group(self, group_id: str) -> tuple[AgencyRecord, ...]:
        """The agencies of one group, in directory order, whatever their years."""
        return tuple(record for record in self.agencies if record.group == group_id)

    def listed(self, group_id: str, year: int) -> tuple[AgencyRecord, ...]:
        """The agencies of one group in place at the end of ``year`` (:meth:`AgencyRecord.exists_at_end_of`):
        those a round of that year assesses."""
        return tuple(record for record in self.group(group_id) if record.exists_at_end_of(year))
