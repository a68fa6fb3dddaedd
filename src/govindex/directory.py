"""Agency identity across years (danh mục cơ quan, đơn vị): stable ids, names and lineage.

A :class:`Registry` lists the agencies a province assesses, each with a
stable id (the :func:`~govindex.agency.slugify` of its name), its Vietnamese
name, its ranking group, the other spellings it is known by (aliases) and
its lineage: created, renamed, merged into another agency, split from
another, abolished (thành lập, đổi tên, hợp nhất/sáp nhập vào, chia tách,
giải thể).

Names are matched leniently but never guessed: case, punctuation, spacing,
NFC/NFD forms, diacritics, a leading "UBND"/"Ủy ban nhân dân" and the
characters a PDF copy drops (``"Sở Văn hóa Ththao và Du lịch"``) are
tolerated; a name that fits no agency, or more than one, is an
:class:`~govindex.errors.UnknownNameError` that lists the candidates.

>>> registry = Registry(
...     "demo",
...     (
...         AgencyRecord("so-noi-vu", "Sở Nội vụ", "provincial"),
...         AgencyRecord("so-ngoai-vu", "Sở Ngoại vụ", "provincial"),
...     ),
... )
>>> registry.resolve("SO NOI VU").id
'so-noi-vu'
>>> registry.resolve("Sở Ngoai vu").id
'so-ngoai-vu'
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator

import attrs

from govindex._convert import to_str_tuple
from govindex.agency import nfc
from govindex.errors import InputError, UnknownNameError

__all__ = [
    "AgencyRecord",
    "EventKind",
    "LineageEvent",
    "Match",
    "MatchKind",
    "Registry",
    "fold_name",
    "name_key",
]


class EventKind(enum.Enum):
    """A change in an agency's identity."""

    CREATED = "created"  # thành lập
    RENAMED = "renamed"  # đổi tên
    MERGED_INTO = "merged_into"  # hợp nhất, sáp nhập vào cơ quan khác
    SPLIT_FROM = "split_from"  # chia tách từ cơ quan khác
    ABOLISHED = "abolished"  # giải thể, kết thúc hoạt động


#: Events after which the agency no longer exists.
TERMINAL = frozenset({EventKind.MERGED_INTO, EventKind.ABOLISHED})
#: Events that start an agency's existence.
INITIAL = frozenset({EventKind.CREATED, EventKind.SPLIT_FROM})


@attrs.frozen
class LineageEvent:
    """One event in an agency's life, with its year and, when known, its date.

    ``into`` names the successor of a ``merged_into`` event, ``parent`` the
    agency a ``split_from`` agency came out of, ``previous_name`` the name
    before a ``renamed`` event. ``basis`` cites the source; ``note`` says what
    is not known (for example that only the year is published).

    >>> LineageEvent(EventKind.ABOLISHED, date=dt.date(2025, 7, 1)).effective_year
    2025
    """

    event: EventKind
    year: int | None = None
    date: dt.date | None = None
    into: str | None = None
    parent: str | None = None
    previous_name: str | None = None
    basis: str | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.year is None and self.date is None:
            raise InputError(f"a {self.event.value} event needs a year or a date")
        if self.year is not None and self.date is not None and self.date.year != self.year:
            raise InputError(f"the event's year {self.year} does not match its date {self.date.isoformat()}")
        wanted = {
            EventKind.MERGED_INTO: "into",
            EventKind.SPLIT_FROM: "parent",
            EventKind.RENAMED: "previous_name",
        }.get(self.event)
        for field in ("into", "parent", "previous_name"):
            value = getattr(self, field)
            if field == wanted and not value:
                raise InputError(f"a {self.event.value} event needs '{field}'")
            if field != wanted and value is not None:
                raise InputError(f"'{field}' does not belong to a {self.event.value} event")
        if self.previous_name is not None:
            object.__setattr__(self, "previous_name", nfc(self.previous_name))

    @property
    def effective_year(self) -> int:
        """The year the event took effect."""
        if self.date is not None:
            return self.date.year
        assert self.year is not None
        return self.year

    @property
    def when(self) -> str:
        """The date in ISO form, or the year alone when the date is not known."""
        return self.date.isoformat() if self.date is not None else str(self.effective_year)

    def describe(self) -> str:
        """A short English account: ``merged into so-xay-dung (2025)``."""
        detail = {
            EventKind.MERGED_INTO: f"merged into {self.into}",
            EventKind.SPLIT_FROM: f"split from {self.parent}",
            EventKind.RENAMED: f"renamed from {self.previous_name!r}",
            EventKind.CREATED: "created",
            EventKind.ABOLISHED: "abolished",
        }[self.event]
        return f"{detail} ({self.when})"


def _events(value: Iterable[LineageEvent]) -> tuple[LineageEvent, ...]:
    return tuple(value)


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(nfc(alias) for alias in value)


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@attrs.frozen
class AgencyRecord:
    """One agency in a registry: id, names, group and lineage (lịch sử tổ chức).

    ``name`` is the current official name; ``aliases`` other spellings and
    short forms; earlier names are given by ``renamed`` events. ``events`` are
    in chronological order.
    """

    id: str
    name: str = attrs.field(converter=nfc)
    group: str
    name_en: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    events: tuple[LineageEvent, ...] = attrs.field(default=(), converter=_events)
    notes: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or not _ID.fullmatch(self.id):
            raise InputError(
                f"agency id {self.id!r} must be lower-case ASCII words joined by '-' (as slugify gives)",
                agency=str(self.id),
            )
        if not self.name.strip():
            raise InputError("the agency has no name", agency=self.id)
        if not self.group:
            raise InputError("the agency has no group", agency=self.id)
        previous: LineageEvent | None = None
        for index, event in enumerate(self.events):
            where = f"events[{index}]"
            if previous is not None and event.effective_year < previous.effective_year:
                raise InputError(
                    f"events must be in chronological order: {event.describe()} comes after {previous.describe()}",
                    agency=self.id,
                    path=where,
                )
            if previous is not None and previous.date and event.date and event.date < previous.date:
                raise InputError(
                    f"events must be in chronological order: {event.describe()} comes after {previous.describe()}",
                    agency=self.id,
                    path=where,
                )
            if event.event in INITIAL and index != 0:
                raise InputError(f"'{event.event.value}' can only be the first event", agency=self.id, path=where)
            if event.event in TERMINAL and index != len(self.events) - 1:
                raise InputError(f"'{event.event.value}' can only be the last event", agency=self.id, path=where)
            if event.into == self.id or event.parent == self.id:
                raise InputError("an agency cannot merge into or split from itself", agency=self.id, path=where)
            previous = event

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the agency is known by: current name, aliases, earlier names."""
        earlier = tuple(e.previous_name for e in self.events if e.previous_name is not None)
        seen: dict[str, None] = {}
        for name in (self.name, *self.aliases, *earlier):
            seen.setdefault(name, None)
        return tuple(seen)

    @property
    def start(self) -> LineageEvent | None:
        """The event that created the agency, if recorded."""
        return self.events[0] if self.events and self.events[0].event in INITIAL else None

    @property
    def end(self) -> LineageEvent | None:
        """The event after which the agency no longer exists, if any."""
        return self.events[-1] if self.events and self.events[-1].event in TERMINAL else None

    def exists_in(self, year: int) -> bool:
        """Whether the agency existed during ``year`` (at least part of it), as far as recorded.

        An agency abolished on 1 July 2025 existed in 2025; one merged in 2025
        existed in 2025 too. A year with no recorded events is assumed to be a
        year of existence.
        """
        start, end = self.start, self.end
        if start is not None and year < start.effective_year:
            return False
        return not (end is not None and year > end.effective_year)

    def name_in(self, year: int) -> str:
        """The agency's name during ``year`` (the name before any rename after that year)."""
        name = self.name
        for event in reversed(self.events):
            if event.event is EventKind.RENAMED and event.effective_year > year and event.previous_name:
                name = event.previous_name
        return name


class MatchKind(enum.Enum):
    """How a name was matched to an agency, strictest first."""

    ID = "id"  # the id itself
    EXACT = "exact"  # a name or alias, up to case, punctuation and spacing
    FOLDED = "folded"  # also up to diacritics (dấu)
    LOOSE = "loose"  # also up to missing spaces and characters with diacritics (PDF copies)


@attrs.frozen
class Match:
    """The agency a name was matched to, the registry name it matched and how."""

    record: AgencyRecord
    matched: str
    kind: MatchKind

    @property
    def id(self) -> str:
        return self.record.id


_PUNCT = re.compile(r"(?:[^\w\u0300-\u036f]|_)+")
_COMMITTEE = (("ubnd",), ("uy", "ban", "nhan", "dan"))


def _strip(text: str) -> str:
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def _tokens(name: str) -> tuple[list[str], list[str]]:
    """Exact and folded word lists of a name, without a leading 'UBND' / 'Ủy ban nhân dân'."""
    exact = [t for t in _PUNCT.split(nfc(name).casefold()) if t]
    folded = [_strip(t) for t in exact]
    for prefix in _COMMITTEE:
        if len(folded) > len(prefix) and tuple(folded[: len(prefix)]) == prefix:
            return exact[len(prefix) :], folded[len(prefix) :]
    return exact, folded


def name_key(name: str) -> str:
    """The key names are matched on exactly: case, punctuation, spacing and Unicode form ignored.

    >>> name_key("Sở Lao động-Thương binh và Xã hội") == name_key("sở lao động - thương binh và xã hội")
    True
    """
    return " ".join(_tokens(name)[0])


def fold_name(name: str) -> str:
    """The key of :func:`name_key` without diacritics (dấu) and with 'đ' as 'd'.

    >>> fold_name("UBND huyện Mộc Châu")
    'huyen moc chau'
    """
    return " ".join(_tokens(name)[1])


def _skeleton(name: str) -> tuple[str, tuple[bool, ...]]:
    """The folded letters of a name without spaces, and which of them carried a diacritic."""
    exact, _folded = _tokens(name)
    letters: list[str] = []
    marked: list[bool] = []
    for token in exact:
        for ch in token:
            plain = _strip(ch)
            if not plain:
                continue
            letters.append(plain)
            marked.append(plain != ch)
    return "".join(letters), tuple(marked)


def _loose_deletions(text: str, target: str, marked: tuple[bool, ...]) -> int | None:
    """How many marked letters of ``target`` must be deleted to obtain ``text``; None if impossible."""
    n, m = len(text), len(target)
    if n > m:
        return None
    # reachable[i]: text[:i] can be obtained from target[:j] deleting only marked letters
    reachable = [True] + [False] * n
    for j in range(m):
        nxt = [False] * (n + 1)
        for i in range(n + 1):
            if not reachable[i]:
                continue
            if marked[j]:
                nxt[i] = True
            if i < n and text[i] == target[j]:
                nxt[i + 1] = True
        reachable = nxt
    return m - n if reachable[n] else None


def _by_id(value: Iterable[AgencyRecord]) -> tuple[AgencyRecord, ...]:
    return tuple(value)


@attrs.frozen
class Registry:
    """The agencies of one province (or any other cohort) across the years.

    Built in memory or read with :func:`govindex.io.directory.load_registry`;
    the bundled ``sonla`` registry holds Sơn La's departments and
    district-level units with the 2025 reorganisation.
    """

    id: str
    agencies: tuple[AgencyRecord, ...] = attrs.field(converter=_by_id)
    name: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    _index: dict[str, AgencyRecord] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _exact: dict[str, tuple[str, str]] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _folded: dict[str, dict[str, str]] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, AgencyRecord] = {}
        exact: dict[str, tuple[str, str]] = {}
        folded: dict[str, dict[str, str]] = {}
        for position, record in enumerate(self.agencies):
            where = f"agencies[{position}]"
            if record.id in index:
                raise InputError("the agency id appears twice in the registry", agency=record.id, path=where)
            index[record.id] = record
            for name in record.names:
                key = name_key(name)
                if not key:
                    raise InputError(f"the name {name!r} has no letters or digits", agency=record.id, path=where)
                owner = exact.get(key)
                if owner is not None and owner[0] != record.id:
                    raise InputError(
                        f"the name {name!r} is also a name of {owner[0]} ({owner[1]!r}); "
                        "one name cannot stand for two agencies",
                        agency=record.id,
                        path=where,
                    )
                exact[key] = (record.id, name)
                folded.setdefault(fold_name(name), {}).setdefault(record.id, name)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_folded", folded)
        for position, record in enumerate(self.agencies):
            for number, event in enumerate(record.events):
                where = f"agencies[{position}].events[{number}]"
                other = event.into or event.parent
                if other is None:
                    continue
                if other not in index:
                    raise UnknownNameError(
                        f"{event.describe()}: no agency {other!r} in the registry{self._suggest(other)}",
                        agency=record.id,
                        path=where,
                    )
                target = index[other]
                if not target.exists_in(event.effective_year):
                    raise InputError(
                        f"{event.describe()}: {other} does not exist in {event.effective_year}",
                        agency=record.id,
                        path=where,
                    )
            seen = {record.id}
            current = record
            while current.end is not None and current.end.into is not None:
                if current.end.into in seen:
                    raise InputError(
                        f"merged_into events form a cycle through {', '.join(sorted(seen))}",
                        agency=record.id,
                        path=f"agencies[{position}]",
                    )
                seen.add(current.end.into)
                current = index[current.end.into]

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
                f"no agency {agency_id!r} in registry {self.id!r}{self._suggest(agency_id)}", agency=agency_id
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

    def _suggest(self, text: str) -> str:
        candidates = self._candidates(text)
        if not candidates:
            return ""
        return "; the closest are: " + "; ".join(f"{r.name} ({r.id})" for r in candidates)

    def match(self, name: str) -> Match:
        """Find the one agency a name or id stands for, and say how it was matched.

        Tried in order, each step only if the previous found nothing: the id;
        the names and aliases up to case, punctuation, spacing and Unicode
        form; the same without diacritics; the same without spaces and with
        up to a quarter of the letters that carry diacritics missing (as PDF
        copies lose them). A step that finds two agencies is an error, not a
        choice.

        >>> from govindex.io.directory import load_registry
        >>> sonla = load_registry("sonla")
        >>> m = sonla.match("Sở Văn hóa Ththao và Du lịch")
        >>> m.id, m.kind.value
        ('so-van-hoa-the-thao-va-du-lich', 'loose')
        """
        text = nfc(name).strip()
        if text in self._index:
            return Match(self._index[text], text, MatchKind.ID)
        key = name_key(text)
        if not key:
            raise UnknownNameError(f"{name!r} is not an agency name (it has no letters or digits)", agency=name)
        found = self._exact.get(key)
        if found is not None:
            return Match(self._index[found[0]], found[1], MatchKind.EXACT)
        folded = self._folded.get(fold_name(text), {})
        if len(folded) == 1:
            ((agency_id, matched),) = folded.items()
            return Match(self._index[agency_id], matched, MatchKind.FOLDED)
        if len(folded) > 1:
            self._ambiguous(name, [(self._index[a], n) for a, n in folded.items()], "without diacritics")
        letters, _marked = _skeleton(text)
        loose: dict[str, str] = {}
        for record in self.agencies:
            for candidate in record.names:
                target, marked = _skeleton(candidate)
                deleted = _loose_deletions(letters, target, marked)
                if deleted is not None and deleted <= len(target) // 4:
                    loose.setdefault(record.id, candidate)
        if len(loose) == 1:
            ((agency_id, matched),) = loose.items()
            return Match(self._index[agency_id], matched, MatchKind.LOOSE)
        if len(loose) > 1:
            self._ambiguous(name, [(self._index[a], n) for a, n in loose.items()], "with letters missing")
        raise UnknownNameError(
            f"no agency named {name!r} in registry {self.id!r}{self._suggest(text)}",
            agency=name,
        )

    def _ambiguous(self, name: str, found: list[tuple[AgencyRecord, str]], how: str) -> None:
        listed = "; ".join(f"{record.name} ({record.id})" for record, _ in sorted(found, key=lambda f: f[0].id))
        raise UnknownNameError(
            f"the name {name!r} is ambiguous in registry {self.id!r}: {how} it fits {listed}; "
            "write the id or the exact name",
            agency=name,
        )

    def resolve(self, name: str) -> AgencyRecord:
        """The agency a name or id stands for (see :meth:`match`)."""
        return self.match(name).record

    def predecessors(self, agency_id: str, after: int | None = None, until: int | None = None) -> tuple[str, ...]:
        """The agencies merged into ``agency_id`` (directly or through a chain), optionally in ``(after, until]``.

        >>> from govindex.io.directory import load_registry
        >>> load_registry("sonla").predecessors("so-khoa-hoc-va-cong-nghe")
        ('so-thong-tin-va-truyen-thong',)
        """
        self.get(agency_id)
        found: list[str] = []
        frontier = [agency_id]
        while frontier:
            current = frontier.pop(0)
            for record in self.agencies:
                end = record.end
                if end is None or end.into != current or record.id in found:
                    continue
                year = end.effective_year
                if (after is None or year > after) and (until is None or year <= until):
                    found.append(record.id)
                    frontier.append(record.id)
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

    def lineage(self, agency_id: str) -> tuple[tuple[str, LineageEvent], ...]:
        """Every recorded event that concerns the agency, as (agency id, event), in chronological order."""
        self.get(agency_id)
        found: list[tuple[str, LineageEvent]] = []
        for record in self.agencies:
            for event in record.events:
                if record.id == agency_id or agency_id in (event.into, event.parent):
                    found.append((record.id, event))
        return tuple(sorted(found, key=lambda item: (item[1].effective_year, item[1].date or dt.date.min, item[0])))

    def group(self, group_id: str) -> tuple[AgencyRecord, ...]:
        """The agencies of one group, in registry order."""
        return tuple(record for record in self.agencies if record.group == group_id)
