"""The records of an agency directory and the links between them (lịch sử tổ chức).

Private to :mod:`govindex.directory`, which exports every public name here.
An agency is an :class:`AgencyRecord`: its id, names, group, level (xã,
phường, sở…), its events (created, renamed, merged into another, split from
another, abolished) and the units it was formed from (``predecessors``).
A :class:`Link` joins a predecessor to a successor at a :class:`Moment`,
however the link was stated; :func:`derive_links` finds them all and every
problem with them (an unknown unit, a date out of order, a cycle).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from govindex._names import fold_name, name_key
from govindex.agency import nfc
from govindex.catalogue.directory import DirectoryWords, Lineage
from govindex.catalogue.vocabulary import LEVEL_NAMES
from govindex.errors import GovIndexError, InputError, UnknownNameError

__all__ = [
    "INITIAL",
    "TERMINAL",
    "AgencyRecord",
    "EventKind",
    "Level",
    "LineageEvent",
    "Link",
    "Moment",
    "derive_links",
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
class Moment:
    """When a change took effect: a day, or only its year when the sources give no day.

    Two moments are ordered only when that is certain: a year and a day of the
    same year are neither before nor after each other.

    >>> day, year = Moment(2025, dt.date(2025, 7, 1)), Moment(2025)
    >>> day.text("vi"), day.text("en"), year.text("vi")
    ('01/07/2025', '2025-07-01', '2025')
    >>> day.before(Moment(2026)), day.before(year), day.after(year)
    (True, False, False)
    """

    year: int
    date: dt.date | None = None

    @property
    def first(self) -> dt.date:
        """The earliest day it can be."""
        return self.date if self.date is not None else dt.date(self.year, 1, 1)

    @property
    def last(self) -> dt.date:
        """The latest day it can be."""
        return self.date if self.date is not None else dt.date(self.year, 12, 31)

    def before(self, other: Moment) -> bool:
        """Whether this is certainly earlier than ``other``."""
        return self.last < other.first

    def after(self, other: Moment) -> bool:
        """Whether this is certainly later than ``other``."""
        return self.first > other.last

    def text(self, lang: str = "vi") -> str:
        """The day as written in ``lang`` (``01/07/2025`` in Vietnamese, ``2025-07-01`` in English), or the year."""
        if self.date is None:
            return str(self.year)
        return self.date.strftime("%d/%m/%Y") if lang == "vi" else self.date.isoformat()

    #: How :func:`govindex.catalogue.show` words a moment in a message.
    message_in = text

    def __str__(self) -> str:
        return self.text("en")


_EVENT_WORDS = {
    EventKind.CREATED: DirectoryWords.EVENT_CREATED,
    EventKind.RENAMED: DirectoryWords.EVENT_RENAMED,
    EventKind.MERGED_INTO: DirectoryWords.EVENT_MERGED_INTO,
    EventKind.SPLIT_FROM: DirectoryWords.EVENT_SPLIT_FROM,
    EventKind.ABOLISHED: DirectoryWords.EVENT_ABOLISHED,
}
#: The field each kind of event needs (``into`` for a merger…); the others must be absent.
_EVENT_FIELD = {
    EventKind.MERGED_INTO: "into",
    EventKind.SPLIT_FROM: "parent",
    EventKind.RENAMED: "previous_name",
}


@attrs.frozen
class LineageEvent:
    """One event in an agency's life, with its year and, when known, its date.

    ``into`` names the successor of a ``merged_into`` event, ``parent`` the
    agency a ``split_from`` agency came out of, ``previous_name`` the name
    before a ``renamed`` event. ``basis`` cites the source; ``note`` says what
    is not known (for example that only the year is published). A date gives
    the year too.

    >>> event = LineageEvent(EventKind.ABOLISHED, date=dt.date(2025, 7, 1))
    >>> event.effective_year, event.describe("vi"), event.describe("en")
    (2025, 'kết thúc hoạt động (01/07/2025)', 'abolished (2025-07-01)')
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
        kind = self.event.value
        if self.year is None and self.date is None:
            raise InputError(Lineage.EVENT_NEEDS_WHEN, event=kind)
        if self.date is not None:
            if self.year is not None and self.date.year != self.year:
                raise InputError(Lineage.EVENT_YEAR_MISMATCH, year=self.year, date=self.date.isoformat())
            object.__setattr__(self, "year", self.date.year)
        wanted = _EVENT_FIELD.get(self.event)
        for field in ("into", "parent", "previous_name"):
            value = getattr(self, field)
            if field == wanted and not value:
                raise InputError(Lineage.EVENT_NEEDS_FIELD, event=kind, field=field)
            if field != wanted and value is not None:
                raise InputError(Lineage.EVENT_FIELD_NOT_ALLOWED, event=kind, field=field)
        if self.previous_name is not None:
            object.__setattr__(self, "previous_name", nfc(self.previous_name))

    @property
    def moment(self) -> Moment:
        """When the event took effect."""
        return Moment(self.effective_year, self.date)

    @property
    def effective_year(self) -> int:
        """The year the event took effect."""
        assert self.year is not None  # set from the date when only the date is given
        return self.year

    @property
    def when(self) -> str:
        """The date in ISO form, or the year alone when the date is not known."""
        return self.moment.text("en")

    def describe(self, lang: str = "vi") -> str:
        """A short account in ``lang``: ``sáp nhập vào so-xay-dung (2025)``, ``merged into so-xay-dung (2025)``."""
        entry = _EVENT_WORDS[self.event]
        fields = {"when": self.moment.text(lang)}
        wanted = _EVENT_FIELD.get(self.event)
        if wanted is not None:
            fields[wanted] = str(getattr(self, wanted))
        return entry.text(lang, **fields)

    #: How :func:`govindex.catalogue.show` words an event in a message.
    message_in = describe


class Level(enum.Enum):
    """The kind of unit an agency is (cấp, loại đơn vị): it gives the tier and the default group.

    >>> Level.parse("Xã"), Level.parse("phuong"), Level.parse("township")
    (<Level.COMMUNE: 'commune'>, <Level.WARD: 'ward'>, <Level.TOWNSHIP: 'township'>)
    >>> Level.WARD.group, Level.TOWN.group, Level.DEPARTMENT.group
    ('commune', 'district', 'provincial')
    >>> Level.WARD.label("vi"), Level.WARD.label("en")
    ('phường', 'ward')
    """

    DEPARTMENT = "department"  # sở, ban, ngành (cơ quan chuyên môn cấp tỉnh)
    DISTRICT = "district"  # huyện
    CITY = "city"  # thành phố thuộc tỉnh
    TOWN = "town"  # thị xã
    COMMUNE = "commune"  # xã
    WARD = "ward"  # phường
    TOWNSHIP = "township"  # thị trấn
    SPECIAL_ZONE = "special-zone"  # đặc khu

    @property
    def group(self) -> str:
        """The group of its tier, used when a record gives none: ``provincial``, ``district`` or ``commune``."""
        return _TIERS[self]

    def label(self, lang: str = "vi") -> str:
        """Its name in ``lang`` (``xã``, ``commune``)."""
        return DirectoryWords[f"LEVEL_{self.name}"].text(lang)

    @classmethod
    def parse(cls, text: str) -> Level:
        """The level a cell or a key names: its code, or its name in either language (case, spacing,
        punctuation and diacritics aside); anything else is refused with the levels there are."""
        found = _LEVEL_NAMES.get(fold_name(text))
        if found is None:
            raise InputError(Lineage.UNKNOWN_LEVEL, level=repr(text), levels=_LevelNames())
        return found


class _LevelNames:
    """The levels as a message lists them: their Vietnamese names, or their codes in English."""

    def message_in(self, lang: str) -> str:
        if lang == "vi":
            return "; ".join(level.label("vi") for level in Level)
        return ", ".join(level.value for level in Level)


_TIERS = {
    Level.DEPARTMENT: "provincial",
    Level.DISTRICT: "district",
    Level.CITY: "district",
    Level.TOWN: "district",
    Level.COMMUNE: "commune",
    Level.WARD: "commune",
    Level.TOWNSHIP: "commune",
    Level.SPECIAL_ZONE: "commune",
}
_LEVEL_NAMES: dict[str, Level] = {
    fold_name(name): level
    for level in Level
    for name in (level.value, level.label("vi"), level.label("en"), *LEVEL_NAMES.get(level.value, ()))
}


def _level(value: Level | str | None) -> Level | None:
    if value is None or isinstance(value, Level):
        return value
    return Level.parse(value)


def _events(value: Iterable[LineageEvent]) -> tuple[LineageEvent, ...]:
    return tuple(value)


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(nfc(alias) for alias in value)


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@attrs.frozen
class AgencyRecord:
    """One agency in a directory: id, names, group, level and lineage (lịch sử tổ chức).

    ``name`` is the current official name; ``aliases`` other spellings and
    short forms; earlier names are given by ``renamed`` events. ``events`` are
    in chronological order. ``level`` is the kind of unit (a commune, a
    ward, a department…); without a ``group`` the agency is in its level's
    group. ``predecessors`` are the agencies it was formed from or took in
    (thành lập, sắp xếp trên cơ sở): the change took effect on its start
    (``created`` or ``split_from``), or, for one that kept its id, on the day
    each predecessor ended.
    """

    id: str
    name: str = attrs.field(converter=nfc)
    group: str = ""
    name_en: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    events: tuple[LineageEvent, ...] = attrs.field(default=(), converter=_events)
    notes: str | None = None
    level: Level | None = attrs.field(default=None, converter=_level)
    predecessors: tuple[str, ...] = attrs.field(default=(), converter=_ids)

    def __attrs_post_init__(self) -> None:
        self._check_identity()
        self._check_events()
        self._check_predecessors()

    def _check_identity(self) -> None:
        if not isinstance(self.id, str) or not ID_PATTERN.fullmatch(self.id):
            raise InputError(Lineage.ID_NOT_SLUG, id=repr(self.id), agency=str(self.id))
        if not self.name.strip():
            raise InputError(Lineage.NO_NAME, agency=self.id)
        if not self.group and self.level is not None:
            object.__setattr__(self, "group", self.level.group)
        if not self.group:
            raise InputError(Lineage.NO_GROUP, agency=self.id)

    def _check_events(self) -> None:
        last = len(self.events) - 1
        for index, event in enumerate(self.events):
            where = f"events[{index}]"
            if index and event.moment.before(self.events[index - 1].moment):
                raise InputError(
                    Lineage.EVENTS_ORDER, later=event, earlier=self.events[index - 1], agency=self.id, path=where
                )
            if event.event in INITIAL and index != 0:
                raise InputError(Lineage.INITIAL_NOT_FIRST, event=event.event.value, agency=self.id, path=where)
            if event.event in TERMINAL and index != last:
                raise InputError(Lineage.TERMINAL_NOT_LAST, event=event.event.value, agency=self.id, path=where)
            if self.id in (event.into, event.parent):
                raise InputError(Lineage.SELF_LINK, agency=self.id, path=where)

    def _check_predecessors(self) -> None:
        seen: set[str] = set()
        for index, predecessor in enumerate(self.predecessors):
            where = f"predecessors[{index}]"
            if predecessor == self.id:
                raise InputError(Lineage.SELF_LINK, agency=self.id, path=where)
            if predecessor in seen:
                raise InputError(Lineage.PREDECESSOR_TWICE, predecessor=predecessor, agency=self.id, path=where)
            seen.add(predecessor)

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
        if start is not None and start.moment.first > dt.date(year, 12, 31):
            return False
        return not (end is not None and end.moment.last <= dt.date(year, 1, 1))

    def exists_at_end_of(self, year: int) -> bool:
        """Whether the agency is in place on 31 December of ``year``, when that year's round is assessed.

        Its start (``from``) is the first day it exists and its end (``until``)
        the first day it no longer does: a district abolished on 1 July 2025
        is not in place at the end of 2025; a commune formed that day is. An
        event known only by its year counts as done within that year.
        """
        start, end = self.start, self.end
        if start is not None and start.effective_year > year:
            return False
        return end is None or end.effective_year > year

    def name_in(self, year: int) -> str:
        """The agency's name during ``year`` (the name before any rename after that year)."""
        name = self.name
        for event in reversed(self.events):
            if event.event is EventKind.RENAMED and event.effective_year > year and event.previous_name:
                name = event.previous_name
        return name


@attrs.frozen
class Link:
    """A predecessor that became (all or part of) a successor at ``moment``.

    ``whole`` says that the predecessor ended there and went into this one
    successor only (a merger); otherwise it went on, or was divided among
    several. ``path`` says where the link is stated (``agencies[3].predecessors[0]``,
    ``agencies[5].events[1]``).
    """

    predecessor: str
    successor: str
    moment: Moment
    whole: bool = False
    path: str = ""


@attrs.define
class _Statement:
    """A link as one record states it, before it is checked."""

    predecessor: str
    successor: str
    path: str
    kind: str  # "predecessors", "merged_into" or "split_from"
    owner: str  # the record that states it


def _statements(agencies: Iterable[AgencyRecord]) -> list[_Statement]:
    found: list[_Statement] = []
    for position, record in enumerate(agencies):
        where = f"agencies[{position}]"
        for number, predecessor in enumerate(record.predecessors):
            found.append(
                _Statement(predecessor, record.id, f"{where}.predecessors[{number}]", "predecessors", record.id)
            )
        start, end = record.start, record.end
        if start is not None and start.parent is not None:
            found.append(_Statement(start.parent, record.id, f"{where}.events[0]", "split_from", record.id))
        if end is not None and end.into is not None:
            last = len(record.events) - 1
            found.append(_Statement(record.id, end.into, f"{where}.events[{last}]", "merged_into", record.id))
    return found


Suggest = Callable[[str], list[str]]


def _unknown(statement: _Statement, index: Mapping[str, AgencyRecord], suggest: Suggest) -> GovIndexError:
    owner = index[statement.owner]
    other = statement.successor if statement.kind == "merged_into" else statement.predecessor
    candidates = suggest(other)
    if statement.kind == "predecessors":
        return UnknownNameError(
            Lineage.UNKNOWN_PREDECESSOR, other=other, candidates=candidates, agency=owner.id, path=statement.path
        )
    event = owner.end if statement.kind == "merged_into" else owner.start
    return UnknownNameError(
        Lineage.UNKNOWN_LINKED, event=event, other=other, candidates=candidates, agency=owner.id, path=statement.path
    )


def _in_place(record: AgencyRecord, moment: Moment) -> bool:
    """Whether the agency may exist at ``moment``: not certainly started after it, nor ended before it."""
    start, end = record.start, record.end
    return not (start is not None and start.moment.after(moment)) and not (
        end is not None and end.moment.before(moment)
    )


def _event_link(statement: _Statement, index: Mapping[str, AgencyRecord]) -> tuple[Moment, GovIndexError | None]:
    """When a link stated by an event took effect, and a problem if the other agency did not exist then."""
    owner = index[statement.owner]
    event = owner.end if statement.kind == "merged_into" else owner.start
    assert event is not None
    other = index[statement.successor if statement.kind == "merged_into" else statement.predecessor]
    if _in_place(other, event.moment):
        return event.moment, None
    problem = InputError(
        Lineage.LINKED_NOT_EXISTING,
        event=event,
        other=other.id,
        when=event.moment,
        agency=owner.id,
        path=statement.path,
    )
    return event.moment, problem


def _listed_link(
    statement: _Statement, index: Mapping[str, AgencyRecord]
) -> tuple[Moment | None, GovIndexError | None]:
    """When a link listed in ``predecessors`` took effect, and the problem with its dates, if any."""
    predecessor, successor = index[statement.predecessor], index[statement.successor]
    start = successor.start.moment if successor.start is not None else None
    end = predecessor.end.moment if predecessor.end is not None else None
    place: dict[str, Any] = {"agency": successor.id, "path": statement.path}
    names: dict[str, Any] = {"predecessor": predecessor.id, "successor": successor.id}
    if start is None and end is None:
        return None, InputError(Lineage.LINK_UNDATED, **names, **place)
    if start is None:
        assert end is not None  # a successor that kept its id took the predecessor in when it ended
        if _in_place(successor, end):
            return end, None
        problem = InputError(Lineage.LINKED_NOT_EXISTING, event=predecessor.end, other=successor.id, when=end, **place)
        return end, problem
    began = predecessor.start.moment if predecessor.start is not None else None
    if began is not None and not began.before(start):
        return start, InputError(Lineage.PREDECESSOR_NOT_YET, start=began, when=start, **names, **place)
    if end is not None and end.after(start):
        return start, InputError(Lineage.ENDS_AFTER_SUCCESSOR_STARTS, until=end, start=start, **names, **place)
    if end is not None and end.before(start):
        return start, InputError(Lineage.ENDS_BEFORE_SUCCESSOR_STARTS, until=end, start=start, **names, **place)
    return start, None


def _cycles(links: Iterable[Link], order: Mapping[str, int]) -> list[GovIndexError]:
    """One problem per cycle of links, found from the agency listed first (a depth-first walk)."""
    following: dict[str, list[Link]] = {}
    for each in links:
        following.setdefault(each.predecessor, []).append(each)
    problems: list[GovIndexError] = []
    state: dict[str, bool] = {}  # True while on the walk's path, False once done
    for root in sorted(following, key=lambda agency: order.get(agency, len(order))):
        if root in state:
            continue
        nodes: list[str] = [root]
        path: list[Link] = []  # path[i] leads from nodes[i] to nodes[i + 1]
        pending = [iter(following[root])]
        state[root] = True
        while pending:
            link = next(pending[-1], None)
            if link is None:
                pending.pop()
                state[nodes.pop()] = False
                if path:
                    path.pop()
                continue
            target = link.successor
            if state.get(target) is True:
                loop = [*path[nodes.index(target) :], link]
                cycle = " → ".join([target, *(step.successor for step in loop)])
                problems.append(InputError(Lineage.CYCLE, cycle=cycle, agency=target, path=link.path))
            elif target not in state:
                state[target] = True
                nodes.append(target)
                path.append(link)
                pending.append(iter(following.get(target, ())))
    return problems


def _whole(record: AgencyRecord, moment: Moment, going: int) -> bool:
    """Whether a predecessor ended at ``moment`` with this one link leaving it (a merger)."""
    end = record.end
    return going == 1 and end is not None and not end.moment.before(moment) and not end.moment.after(moment)


def derive_links(
    agencies: tuple[AgencyRecord, ...], index: Mapping[str, AgencyRecord], suggest: Suggest
) -> tuple[tuple[Link, ...], list[GovIndexError]]:
    """Every link the records state (each pair once), and every problem with them.

    A link listed in ``predecessors`` takes effect when the successor starts:
    the predecessor must have started before, and must end that very day or
    go on. A successor without a start kept its id and took the predecessor
    in on the day the predecessor ended. A ``merged_into`` or ``split_from``
    event takes effect on its own date, the other agency existing that year.
    """
    problems: list[GovIndexError] = []
    moments: dict[tuple[str, str], tuple[Moment, str]] = {}
    statements = sorted(_statements(agencies), key=lambda s: s.kind != "predecessors")  # stated order first
    unknown: set[tuple[str, str]] = set()
    for statement in statements:
        pair = (statement.predecessor, statement.successor)
        if statement.predecessor not in index or statement.successor not in index:
            if pair not in unknown:  # once, however many times the records state it
                problems.append(_unknown(statement, index, suggest))
            unknown.add(pair)
            continue
        if statement.kind == "predecessors":
            moment, problem = _listed_link(statement, index)
        elif pair in moments:  # listed in the successor's predecessors too, and checked there
            continue
        else:
            moment, problem = _event_link(statement, index)
        if problem is not None:
            problems.append(problem)
        if moment is not None:
            moments.setdefault(pair, (moment, statement.path))
        elif pair not in moments:  # undated: kept (with the first year possible) for the cycle check only
            moments[pair] = (Moment(dt.MINYEAR), statement.path)
    going: dict[str, int] = {}
    for predecessor, _successor in moments:
        going[predecessor] = going.get(predecessor, 0) + 1
    links = [
        Link(predecessor, successor, moment, _whole(index[predecessor], moment, going[predecessor]), path)
        for (predecessor, successor), (moment, path) in moments.items()
    ]
    order = {record.id: position for position, record in enumerate(agencies)}
    problems.extend(_cycles(links, order))
    return tuple(links), problems


def check_names(
    agencies: Iterable[AgencyRecord],
) -> tuple[dict[str, tuple[str, str]], dict[str, dict[str, str]], list[GovIndexError]]:
    """The exact and folded name indexes of the agencies, and every problem: a name without letters,
    one name for two agencies."""
    exact: dict[str, tuple[str, str]] = {}
    folded: dict[str, dict[str, str]] = {}
    problems: list[GovIndexError] = []
    for position, record in enumerate(agencies):
        where = f"agencies[{position}]"
        for name in record.names:
            key = name_key(name)
            if not key:
                problems.append(InputError(Lineage.NAME_WITHOUT_LETTERS, name=name, agency=record.id, path=where))
                continue
            owner = exact.get(key)
            if owner is not None and owner[0] != record.id:
                problems.append(
                    InputError(
                        Lineage.NAME_OF_TWO,
                        name=name,
                        other=owner[0],
                        other_name=owner[1],
                        agency=record.id,
                        path=where,
                    )
                )
                continue
            exact[key] = (record.id, name)
            folded.setdefault(fold_name(name), {}).setdefault(record.id, name)
    return exact, folded, problems
