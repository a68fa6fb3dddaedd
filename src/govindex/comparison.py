"""Year over year (so sánh qua các năm): rank movement, score and band change, lineage.

Two or more :class:`Period` s (each usually made from a :class:`~govindex.results.Result`,
possibly under different rubrics) are compared agency by agency. Places are
counted within the ranking group, positive when the agency moved up
("tăng 31 bậc" is ``+31``). With a :class:`~govindex.directory.AgencyDirectory`,
names are resolved to stable ids and reorganisations are reported: an agency
merged into another appears as ``merged_into`` with its successor, the
successor as ``merged`` with its predecessors, an abolished one as
``abolished``. No agency of any input is ever dropped.

A period's ``year`` is the year its results describe; a lineage event of that
year is taken to have happened before them (results are approved in
December).

>>> national = Series.from_points(
...     "son-la", [(2020, "0.2613", 51), (2021, "0.3438", 43), (2022, "0.5478", 44)], name="Sơn La"
... )
>>> [step.places for step in national.movements()]
[8, -1]
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

import attrs

from govindex._convert import to_dict
from govindex.catalogue import Entry
from govindex.catalogue.reports import ReportError
from govindex.directory import EventKind
from govindex.errors import InputError, UnknownNameError
from govindex.points import exact, format_points, parse_points
from govindex.shares import ShareChanges, changes_between
from govindex.stats import Statistics
from govindex.stats import statistics as statistics_of

if TYPE_CHECKING:
    from govindex.directory import AgencyDirectory, AgencyRecord, LineageEvent
    from govindex.ranking import Rank
    from govindex.results import Result

__all__ = [
    "Comparison",
    "ComparisonRow",
    "Note",
    "NoteKind",
    "Period",
    "Series",
    "SeriesPoint",
    "Standing",
    "Status",
    "Step",
    "compare",
    "places_moved",
    "written_decimals",
]


def written_decimals(value: Decimal) -> int:
    """The number of decimals a value was written with (``Decimal("0.2610")`` has 4).

    >>> written_decimals(Decimal("83.80"))
    2
    """
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def places_moved(old_rank: Rank, new_rank: Rank) -> Rank:
    """Places gained (positive) or lost (negative) from ``old_rank`` to ``new_rank``.

    >>> places_moved(40, 9)  # "tăng 31 bậc"
    31
    >>> places_moved(43, 44)
    -1
    """
    return old_rank - new_rank


class Status(enum.Enum):
    """What happened to an agency between two periods."""

    CONTINUING = "continuing"  # in both periods
    MERGED = "merged"  # in the newer period, having absorbed predecessors in between (hợp nhất)
    MERGED_INTO = "merged_into"  # in the older period only: merged into its successor (sáp nhập vào)
    ABOLISHED = "abolished"  # in the older period only: abolished in between (giải thể, kết thúc hoạt động)
    NEW = "new"  # in the newer period only: created or split off in between (thành lập, chia tách)
    ENTERED = "entered"  # in the newer period only; no recorded event explains it (e.g. not assessed before)
    LEFT = "left"  # in the older period only; no recorded event explains it
    ABSENT = "absent"  # in neither period of this step (comparisons of three or more periods)


class NoteKind(enum.Enum):
    """What else a step between two periods records."""

    RENAMED = "renamed"  # the agency was renamed in between (``previous_name``, ``when``)
    SPLIT_OFF = "split_off"  # another agency (``agency``) was split off from it (``when``)
    GROUP_CHANGED = "group_changed"  # it moved from group ``old`` to ``new``: places are not compared
    SCALE_CHANGED = "scale_changed"  # the maximum changed from ``old`` to ``new``: scores are not compared


@attrs.frozen
class Note:
    """A note on a step between two periods: data, worded by :mod:`govindex.render`."""

    kind: NoteKind
    agency: str | None = None
    previous_name: str | None = None
    when: str | None = None
    old: str | None = None
    new: str | None = None


@attrs.frozen
class Standing:
    """One agency's place in one period (vị trí): score, band and rank within its group.

    ``score`` and ``rank`` are None for an agency listed but not assessed;
    ``note`` then says why (the reason a rule or the published results give).
    An agency assessed but not ranked has its score and band, no rank, and
    the reason in ``not_ranked``. ``band_label`` is the band's Vietnamese
    label, ``band_label_en`` its English one.
    """

    agency: str
    name: str
    group: str
    score: Decimal | None = None
    rank: Rank | None = None
    band: str | None = None
    band_label: str | None = None
    note: str | None = None
    band_label_en: str | None = None
    not_ranked: str | None = None


def _standings(value: Iterable[Standing]) -> tuple[Standing, ...]:
    return tuple(value)


@attrs.frozen
class Period:
    """The standings of one period: a year's result, or one point of a published series.

    ``bands`` are the band ids best first (band changes are counted only
    between periods with the same bands); ``max_points`` the maximum per group
    (score changes are given only between equal maxima); ``decimals`` the
    precision scores are shown with; ``group_names`` the Vietnamese and
    English name of each group, when known.
    """

    label: str
    standings: tuple[Standing, ...] = attrs.field(converter=_standings)
    year: int | None = None
    decimals: int | None = None
    bands: tuple[str, ...] = ()
    max_points: Mapping[str, Decimal] = attrs.field(factory=dict, converter=to_dict, hash=False)
    source: str | None = None
    group_names: Mapping[str, tuple[str, str | None]] = attrs.field(factory=dict, converter=to_dict, hash=False)
    #: the period's statistics (band shares), when it was scored under a rubric with bands
    statistics: Statistics | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.label, str) or not self.label.strip():
            raise InputError(ReportError.PERIOD_LABEL)
        seen: set[str] = set()
        for standing in self.standings:
            if standing.agency in seen:
                raise InputError(ReportError.PERIOD_TWICE, period=repr(self.label), agency=standing.agency)
            seen.add(standing.agency)

    @classmethod
    def from_result(cls, result: Result, *, label: str | None = None, year: int | None = None) -> Period:
        """The standings of a scored result; ``year`` defaults to the rubric's year, ``label`` to the year.

        Agencies kept out of the ranking (not assessed) are kept, without score or rank; agencies assessed but
        not ranked with their score and band, without a rank.
        """
        rubric = result.rubric
        year = rubric.year if year is None else year
        standings = [
            Standing(
                row.agency.id,
                row.agency.name,
                row.agency.group,
                row.total,
                row.rank,
                row.band_id,
                None if row.band is None else row.band.label,
                band_label_en=None if row.band is None else row.band.label_en,
            )
            for row in result.rows
        ]
        standings += [
            Standing(item.agency.id, item.agency.name, item.agency.group, note=item.reason)
            for item in result.not_assessed
        ]
        for item in result.not_ranked:
            band, agency = item.band, item.agency
            ids = (band.id, band.label, band.label_en) if band is not None else (None, None, None)
            named = (agency.id, agency.name, agency.group)
            standings.append(Standing(*named, item.total, None, ids[0], ids[1], None, ids[2], item.reason))
        return cls(
            str(year) if label is None else label,
            tuple(standings),
            year,
            rubric.decimals,
            () if rubric.bands is None else rubric.bands.ids,
            {group.id: group.tree.max_points for group in rubric.groups},
            rubric.id,
            {group.id: (group.name, group.name_en) for group in rubric.groups},
            statistics_of(result) if rubric.bands is not None and result.rows else None,
        )

    def get(self, agency_id: str) -> Standing | None:
        for standing in self.standings:
            if standing.agency == agency_id:
                return standing
        return None

    def format(self, value: Decimal | None) -> str:
        if value is None:
            return ""
        return format_points(value, self.decimals) if self.decimals is not None else str(value)


@attrs.frozen
class Step:
    """One agency between two consecutive periods.

    ``places`` is positive when the agency moved up in its group;
    ``score_change`` is new minus old; ``band_change`` the number of bands
    moved (positive = better). Each is None when it cannot be said (absent,
    not assessed, another group, another scale, other bands).
    """

    status: Status
    old: Standing | None
    new: Standing | None
    places: Rank | None = None
    score_change: Decimal | None = None
    band_change: int | None = None
    predecessors: tuple[str, ...] = ()
    successor: str | None = None
    when: str | None = None
    notes: tuple[Note, ...] = ()


@attrs.frozen
class ComparisonRow:
    """One agency across all periods: its standings (None where absent) and the steps between them."""

    agency: str
    name: str
    group: str
    standings: tuple[Standing | None, ...]
    steps: tuple[Step, ...]
    places: Rank | None = None
    score_change: Decimal | None = None
    band_change: int | None = None

    @property
    def status(self) -> Status:
        """The latest step that is neither continuing nor absent, else continuing."""
        for step in reversed(self.steps):
            if step.status not in (Status.CONTINUING, Status.ABSENT):
                return step.status
        return Status.CONTINUING

    @property
    def predecessors(self) -> tuple[str, ...]:
        """Every agency merged into this one, or split off from, across the steps."""
        found: dict[str, None] = {}
        for step in self.steps:
            for agency_id in step.predecessors:
                found.setdefault(agency_id, None)
        return tuple(found)

    @property
    def successor(self) -> str | None:
        """The agency this one was merged into, if it was."""
        for step in reversed(self.steps):
            if step.successor is not None:
                return step.successor
        return None

    @property
    def changed(self) -> tuple[Step, ...]:
        """The steps to tell about: those neither continuing nor absent, and those with notes."""
        return tuple(s for s in self.steps if s.status not in (Status.CONTINUING, Status.ABSENT) or s.notes)


def _scale_note(old: Period, new: Period, group: str) -> Note | None:
    old_max, new_max = old.max_points.get(group), new.max_points.get(group)
    if old_max is not None and new_max is not None and old_max != new_max:
        return Note(NoteKind.SCALE_CHANGED, old=f"{old_max:f}", new=f"{new_max:f}")
    return None


def _band_change(old_period: Period, new_period: Period, old: Standing, new: Standing) -> int | None:
    bands = old_period.bands
    if old.band is None or new.band is None or not bands or bands != new_period.bands:
        return None
    if old.band not in bands or new.band not in bands:
        return None
    return bands.index(old.band) - bands.index(new.band)


def _movement(
    old_period: Period, new_period: Period, old: Standing | None, new: Standing | None
) -> tuple[Rank | None, Decimal | None, int | None, list[Note]]:
    notes: list[Note] = []
    if old is None or new is None:
        return None, None, None, notes
    places: Rank | None = None
    change: Decimal | None = None
    if old.group != new.group:
        notes.append(Note(NoteKind.GROUP_CHANGED, old=old.group, new=new.group))
    elif old.rank is not None and new.rank is not None:
        places = places_moved(old.rank, new.rank)
    if old.score is not None and new.score is not None:
        scale = _scale_note(old_period, new_period, new.group) if old.group == new.group else None
        if scale is None:
            change = new.score - old.score
        else:
            notes.append(scale)
    return places, change, _band_change(old_period, new_period, old, new), notes


def _record(standing: Standing, period: Period, registry: AgencyDirectory) -> AgencyRecord:
    """The registry's record of a standing: by id, else by name; an id and a name that disagree are refused."""
    named = bool(standing.name) and standing.name != standing.agency
    try:
        record = registry.resolve(standing.agency)
    except UnknownNameError as first:
        if not named:
            raise first.with_context(path=period.label) from None
        try:
            return registry.resolve(standing.name)
        except UnknownNameError as error:  # the name was looked up for the id the period gives
            reason: Entry | str = error.reason or error.message
            raise UnknownNameError(reason, agency=standing.agency, path=period.label, **error.params) from None
    if named:
        try:
            by_name: AgencyRecord | None = registry.resolve(standing.name)
        except UnknownNameError:
            by_name = None
        if by_name is not None and by_name.id != record.id:
            raise InputError(
                ReportError.ID_AND_NAME_DIFFER,
                record=f"{record.name} ({record.id})",
                name=repr(standing.name),
                other=f"{by_name.name} ({by_name.id})",
                registry=repr(registry.id),
                agency=standing.agency,
                path=period.label,
            )
    return record


@attrs.frozen
class _Worded:
    """A lineage event in a message, worded in the message's language."""

    event: LineageEvent

    def message_in(self, lang: str) -> str:
        return self.event.describe(lang)


def _check_year(record: AgencyRecord, period: Period, registry: AgencyDirectory) -> None:
    """Refuse an agency the registry says did not exist in the period's year."""
    if period.year is None:
        return
    start, end = record.start, record.end
    for event, outside in (
        (end, end is not None and end.effective_year <= period.year),
        (start, start is not None and start.effective_year > period.year),
    ):
        if outside and event is not None:
            raise InputError(
                ReportError.ENDED_BEFORE,
                period=repr(period.label),
                year=str(period.year),
                registry=repr(registry.id),
                event=_Worded(event),
                agency=record.id,
            )


def _resolve(period: Period, registry: AgencyDirectory) -> Period:
    """The period with every agency id replaced by its registry id."""
    standings: list[Standing] = []
    seen: dict[str, Standing] = {}
    for standing in period.standings:
        record = _record(standing, period, registry)
        if record.id in seen:
            raise InputError(
                ReportError.SAME_AGENCY,
                first=repr(seen[record.id].name),
                second=repr(standing.name),
                same=record.id,
                agency=standing.agency,
                registry=repr(registry.id),
                path=period.label,
            )
        _check_year(record, period, registry)
        resolved = attrs.evolve(standing, agency=record.id)
        seen[record.id] = resolved
        standings.append(resolved)
    return attrs.evolve(period, standings=tuple(standings))


def _plain_status(old: Standing | None, new: Standing | None) -> Status:
    """The status when no registry tells what happened in between."""
    if old is not None and new is not None:
        return Status.CONTINUING
    if old is not None:
        return Status.LEFT
    return Status.ENTERED if new is not None else Status.ABSENT


@attrs.frozen
class _Between:
    """One agency between two periods whose years a registry can speak for."""

    agency: str
    record: AgencyRecord
    registry: AgencyDirectory
    after: int
    until: int

    def within(self, year: int) -> bool:
        return self.after < year <= self.until

    def notes(self) -> list[Note]:
        """The renamings of the agency and the agencies split off from it in between."""
        notes = [
            Note(NoteKind.RENAMED, previous_name=event.previous_name, when=event.when)
            for event in self.record.events
            if event.event is EventKind.RENAMED and self.within(event.effective_year)
        ]
        for other in self.registry.agencies:
            start = other.start
            if start is not None and start.parent == self.agency and self.within(start.effective_year):
                notes.append(Note(NoteKind.SPLIT_OFF, agency=other.id, when=start.when))
        return notes

    def merged_when(self, predecessors: tuple[str, ...]) -> str | None:
        ends = {end.when for p in predecessors if (end := self.registry.get(p).end) is not None}
        return ", ".join(sorted(ends)) or None

    def arrived(self, old: Standing | None, step: Step) -> Step:
        """The step of an agency in the newer period: continuing, merged, new or entered."""
        predecessors = self.registry.predecessors(self.agency, after=self.after, until=self.until)
        when = self.merged_when(predecessors)
        start = self.record.start
        parent = self.registry.split_parent(self.agency, after=self.after, until=self.until)
        if old is not None:
            status = Status.MERGED if predecessors else Status.CONTINUING
            return attrs.evolve(step, status=status, predecessors=predecessors, when=when)
        if parent is not None and start is not None:
            return attrs.evolve(step, status=Status.NEW, predecessors=(parent, *predecessors), when=start.when)
        if predecessors:
            return attrs.evolve(step, status=Status.MERGED, predecessors=predecessors, when=when)
        if start is not None and self.within(start.effective_year):
            return attrs.evolve(step, status=Status.NEW, when=start.when)
        return attrs.evolve(step, status=Status.ENTERED)

    def departed(self, step: Step) -> Step:
        """The step of an agency in the older period only: merged into another, abolished, or left."""
        end = self.record.end
        if end is None or not self.within(end.effective_year):
            return attrs.evolve(step, status=Status.LEFT)
        if end.event is EventKind.MERGED_INTO:
            successor = self.registry.successor(self.agency, until=self.until)
            return attrs.evolve(step, status=Status.MERGED_INTO, successor=successor, when=end.when)
        return attrs.evolve(step, status=Status.ABOLISHED, when=end.when)


def _step(agency_id: str, old_period: Period, new_period: Period, registry: AgencyDirectory | None) -> Step:
    old, new = old_period.get(agency_id), new_period.get(agency_id)
    places, change, bands, notes = _movement(old_period, new_period, old, new)
    y0, y1 = old_period.year, new_period.year
    record = registry.get(agency_id) if registry is not None and agency_id in registry else None
    if registry is None or record is None or y0 is None or y1 is None or y0 >= y1:
        return Step(_plain_status(old, new), old, new, places, change, bands, notes=tuple(notes))
    between = _Between(agency_id, record, registry, y0, y1)
    notes += between.notes()
    if new is not None:
        return between.arrived(old, Step(Status.CONTINUING, old, new, places, change, bands, notes=tuple(notes)))
    step = Step(Status.ABSENT, old, new, notes=tuple(notes))
    return step if old is None else between.departed(step)


def _as_period(item: Period | Result) -> Period:
    return item if isinstance(item, Period) else Period.from_result(item)


@attrs.frozen
class Comparison:
    """Agencies across periods, one :class:`ComparisonRow` each.

    Rows are ordered by group, then by rank in the latest period in which the
    agency appears (later periods first), then by id.
    """

    periods: tuple[Period, ...]
    rows: tuple[ComparisonRow, ...]
    registry: AgencyDirectory | None = attrs.field(default=None, eq=False, repr=False)

    def __iter__(self) -> Iterator[ComparisonRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(period.label for period in self.periods)

    def row(self, agency: str) -> ComparisonRow:
        """The row of one agency, by id (or, with a registry, by any name it matches)."""
        for row in self.rows:
            if row.agency == agency:
                return row
        if self.registry is not None:
            agency_id = self.registry.resolve(agency).id
            for row in self.rows:
                if row.agency == agency_id:
                    return row
        raise UnknownNameError(ReportError.NO_ROW, name=repr(agency), agency=agency)

    def movers(self, group: str | None = None) -> tuple[ComparisonRow, ...]:
        """Rows with a known movement first to last, most places gained first (ties by id)."""
        moved = [r for r in self.rows if r.places is not None and (group is None or r.group == group)]
        return tuple(sorted(moved, key=lambda r: (-r.places, r.agency)))  # type: ignore[operator]

    def change_decimals(self, first: Period, last: Period) -> int | None:
        """The decimals of a score change between two periods (``None`` when a period has no precision)."""
        if first.decimals is None or last.decimals is None:
            return None
        return max(first.decimals, last.decimals)

    @property
    def share_changes(self) -> tuple[ShareChanges, ...]:
        """Each band's share change in percentage points (điểm phần trăm) from one period to the next.

        Only between periods scored under rubrics with the same bands (a
        published series without band shares has none).
        """
        return changes_between([(period.label, period.bands, period.statistics) for period in self.periods])

    def standing_notes(self, row: ComparisonRow) -> list[tuple[str, str]]:
        """Why an agency listed in a period was not assessed there: ``(period label, reason)`` per period."""
        return [(p.label, s.note) for p, s in zip(self.periods, row.standings, strict=True) if s and s.note]


def _check_periods(items: tuple[Period, ...]) -> None:
    if len(items) < 2:
        raise InputError(ReportError.TWO_PERIODS, count=len(items))
    labels = [p.label for p in items]
    for label in labels:
        if labels.count(label) > 1:
            raise InputError(ReportError.SAME_LABEL, label=repr(label))
    known = [(p.label, p.year) for p in items if p.year is not None]
    for (label_a, year_a), (label_b, year_b) in pairwise(known):
        if year_a is not None and year_b is not None and year_b < year_a:
            raise InputError(
                ReportError.OLDEST_FIRST,
                later=repr(label_b),
                later_year=str(year_b),
                earlier=repr(label_a),
                earlier_year=str(year_a),
            )


def _row(agency_id: str, items: tuple[Period, ...], registry: AgencyDirectory | None) -> ComparisonRow:
    standings = tuple(period.get(agency_id) for period in items)
    steps = tuple(_step(agency_id, old, new, registry) for old, new in pairwise(items))
    latest = next(s for s in reversed(standings) if s is not None)
    name = latest.name
    if registry is not None and agency_id in registry:
        record = registry.get(agency_id)
        year = next((p.year for p, s in zip(reversed(items), reversed(standings), strict=True) if s), None)
        name = record.name_in(year) if year is not None else record.name
    places, change, bands, _notes = _movement(items[0], items[-1], standings[0], standings[-1])
    return ComparisonRow(agency_id, name, latest.group, standings, steps, places, change, bands)


@exact
def compare(*periods: Period | Result, registry: AgencyDirectory | None = None) -> Comparison:
    """Compare two or more periods (or results), oldest first.

    With a ``registry`` every agency is resolved to its registry id (by id,
    else by name; an unknown or ambiguous name is an error) and lineage
    events between the periods' years are reported.

    >>> old = Period("2021", (Standing("a", "A", "g", Decimal("70"), 2), Standing("b", "B", "g", Decimal("80"), 1)))
    >>> new = Period("2022", (Standing("a", "A", "g", Decimal("90"), 1), Standing("b", "B", "g", Decimal("75"), 2)))
    >>> result = compare(old, new)
    >>> [(row.agency, row.places, str(row.score_change)) for row in result]
    [('a', 1, '20'), ('b', -1, '-5')]
    """
    items = tuple(_as_period(p) for p in periods)
    _check_periods(items)
    if registry is not None:
        items = tuple(_resolve(p, registry) for p in items)
    order: dict[str, None] = {}
    for period in items:
        for standing in period.standings:
            order.setdefault(standing.agency, None)
    rows = [_row(agency_id, items, registry) for agency_id in order]
    group_order: dict[str, int] = {}
    for period in reversed(items):
        for standing in period.standings:
            group_order.setdefault(standing.group, len(group_order))

    def key(row: ComparisonRow) -> tuple[int, int, int, Rank, str]:
        last = max(i for i, s in enumerate(row.standings) if s is not None)
        standing = row.standings[last]
        assert standing is not None
        return (group_order[row.group], -last, int(standing.rank is None), standing.rank or 0, row.agency)

    return Comparison(items, tuple(sorted(rows, key=key)), registry)


@attrs.frozen
class SeriesPoint:
    """One published value of a series: the year, the value and, if published, the rank."""

    year: int
    value: Decimal = attrs.field(converter=parse_points)
    rank: int | None = None


def _points(value: Iterable[SeriesPoint]) -> tuple[SeriesPoint, ...]:
    return tuple(value)


@attrs.frozen
class Series:
    """Published (year, value, rank) points of one entity, such as a province's national DTI.

    No full result is needed: each point becomes a one-agency :class:`Period`.
    """

    entity: str
    points: tuple[SeriesPoint, ...] = attrs.field(converter=_points)
    name: str | None = None
    group: str = "all"

    def __attrs_post_init__(self) -> None:
        if not self.points:
            raise InputError(ReportError.SERIES_EMPTY, agency=self.entity)
        years = [point.year for point in self.points]
        for earlier, later in pairwise(years):
            if later <= earlier:
                raise InputError(ReportError.SERIES_ORDER, later=str(later), earlier=str(earlier), agency=self.entity)

    @classmethod
    def from_points(
        cls,
        entity: str,
        points: Sequence[tuple[int, Decimal | int | str, int | None]],
        *,
        name: str | None = None,
        group: str = "all",
    ) -> Series:
        """Build a series from ``(year, value, rank)`` tuples; values are read exactly (``"0,5478"`` too)."""
        return cls(entity, tuple(SeriesPoint(year, value, rank) for year, value, rank in points), name, group)

    def periods(self) -> tuple[Period, ...]:
        decimals = max(written_decimals(point.value) for point in self.points)
        return tuple(
            Period(
                str(point.year),
                (Standing(self.entity, self.name or self.entity, self.group, point.value, point.rank),),
                point.year,
                decimals,
            )
            for point in self.points
        )

    def compare(self) -> Comparison:
        """The series as a comparison of its points (needs two points or more)."""
        return compare(*self.periods())

    def movements(self) -> tuple[Step, ...]:
        """The steps between consecutive points: places gained and value change."""
        return self.compare().rows[0].steps
