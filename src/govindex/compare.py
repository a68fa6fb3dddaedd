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
from typing import Any

import attrs

from govindex._convert import to_dict
from govindex.directory import AgencyDirectory, AgencyRecord, EventKind
from govindex.errors import InputError, UnknownNameError
from govindex.points import exact, format_points, parse_points
from govindex.ranking import Rank
from govindex.results import Result

__all__ = [
    "Comparison",
    "ComparisonRow",
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


@attrs.frozen
class Standing:
    """One agency's place in one period (vị trí): score, band and rank within its group.

    ``score`` and ``rank`` are None for an agency listed but not assessed;
    ``note`` says why.
    """

    agency: str
    name: str
    group: str
    score: Decimal | None = None
    rank: Rank | None = None
    band: str | None = None
    band_label: str | None = None
    note: str | None = None


def _standings(value: Iterable[Standing]) -> tuple[Standing, ...]:
    return tuple(value)


@attrs.frozen
class Period:
    """The standings of one period: a year's result, or one point of a published series.

    ``bands`` are the band ids best first (band changes are counted only
    between periods with the same bands); ``max_points`` the maximum per group
    (score changes are given only between equal maxima); ``decimals`` the
    precision scores are shown with.
    """

    label: str
    standings: tuple[Standing, ...] = attrs.field(converter=_standings)
    year: int | None = None
    decimals: int | None = None
    bands: tuple[str, ...] = ()
    max_points: Mapping[str, Decimal] = attrs.field(factory=dict, converter=to_dict, hash=False)
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.label, str) or not self.label.strip():
            raise InputError("a period needs a label (for example its year)")
        seen: set[str] = set()
        for standing in self.standings:
            if standing.agency in seen:
                raise InputError(f"the agency appears twice in period {self.label!r}", agency=standing.agency)
            seen.add(standing.agency)

    @classmethod
    def from_result(cls, result: Result, *, label: str | None = None, year: int | None = None) -> Period:
        """The standings of a scored result; ``year`` defaults to the rubric's year, ``label`` to the year.

        Agencies kept out of the ranking (not assessed) are kept, without score or rank.
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
            )
            for row in result.rows
        ]
        standings += [
            Standing(item.agency.id, item.agency.name, item.agency.group, note=f"not assessed: {item.reason}")
            for item in result.not_assessed
        ]
        return cls(
            str(year) if label is None else label,
            tuple(standings),
            year,
            rubric.decimals,
            () if rubric.bands is None else rubric.bands.ids,
            {group.id: group.tree.max_points for group in rubric.groups},
            rubric.id,
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
    notes: tuple[str, ...] = ()

    def describe(self) -> str:
        """The status in words: ``merged into so-khoa-hoc-va-cong-nghe (2025)``."""
        if self.status is Status.MERGED:
            verb = "absorbed" if self.old is not None else "formed from"
            text = f"merged: {verb} {', '.join(self.predecessors)}"
        elif self.status is Status.MERGED_INTO:
            text = f"merged into {self.successor}"
        elif self.status is Status.NEW and self.predecessors:
            text = f"new (split from {', '.join(self.predecessors)})"
        elif self.status is Status.ENTERED:
            text = "entered (not in the older result)"
        elif self.status is Status.LEFT:
            text = "left (not in the newer result)"
        else:
            text = self.status.value
        return f"{text} ({self.when})" if self.when else text


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

    def describe(self) -> str:
        """What happened, in words; with three or more periods each step that changed is named."""
        if len(self.steps) == 1:
            step = self.steps[0]
            return "; ".join([step.describe(), *step.notes])
        parts = []
        for step in self.steps:
            if step.status not in (Status.CONTINUING, Status.ABSENT) or step.notes:
                parts.append("; ".join([step.describe(), *step.notes]))
        return " | ".join(parts) if parts else Status.CONTINUING.value


def _scale_note(old: Period, new: Period, group: str) -> str | None:
    old_max, new_max = old.max_points.get(group), new.max_points.get(group)
    if old_max is not None and new_max is not None and old_max != new_max:
        return f"scores out of {old_max} and {new_max} are not compared"
    return None


def _movement(
    old_period: Period, new_period: Period, old: Standing | None, new: Standing | None
) -> tuple[Rank | None, Decimal | None, int | None, list[str]]:
    notes: list[str] = []
    if old is None or new is None:
        return None, None, None, notes
    places: Rank | None = None
    change: Decimal | None = None
    bands: int | None = None
    if old.group != new.group:
        notes.append(f"group changed from {old.group} to {new.group}; places not compared")
    elif old.rank is not None and new.rank is not None:
        places = places_moved(old.rank, new.rank)
    if old.score is not None and new.score is not None:
        scale = _scale_note(old_period, new_period, new.group) if old.group == new.group else None
        if scale is None:
            change = new.score - old.score
        else:
            notes.append(scale)
    if (
        old.band is not None
        and new.band is not None
        and old_period.bands
        and old_period.bands == new_period.bands
        and old.band in old_period.bands
        and new.band in new_period.bands
    ):
        bands = old_period.bands.index(old.band) - new_period.bands.index(new.band)
    return places, change, bands, notes


def _resolve(period: Period, registry: AgencyDirectory) -> Period:
    """The period with every agency id replaced by its registry id."""
    standings: list[Standing] = []
    seen: dict[str, Standing] = {}
    for standing in period.standings:
        try:
            record = registry.resolve(standing.agency)
        except UnknownNameError as first:
            if standing.name and standing.name != standing.agency:
                try:
                    record = registry.resolve(standing.name)
                except UnknownNameError as error:
                    raise UnknownNameError(
                        error.reason or error.message,
                        agency=standing.agency,
                        path=f"period {period.label}",
                        **error.params,
                    ) from None
            else:
                raise first.with_context(path=f"period {period.label}") from None
        else:
            if standing.name and standing.name != standing.agency:
                try:
                    by_name: AgencyRecord | None = registry.resolve(standing.name)
                except UnknownNameError:
                    by_name = None
                if by_name is not None and by_name.id != record.id:
                    raise InputError(
                        f"the id names {record.name} ({record.id}) but the name {standing.name!r} is "
                        f"{by_name.name} ({by_name.id}) in registry {registry.id!r}",
                        agency=standing.agency,
                        path=f"period {period.label}",
                    )
        if record.id in seen:
            raise InputError(
                f"{seen[record.id].name!r} and {standing.name!r} are the same agency {record.id} "
                f"in registry {registry.id!r}",
                agency=standing.agency,
                path=f"period {period.label}",
            )
        if period.year is not None:
            start, end = record.start, record.end
            if end is not None and end.effective_year <= period.year:
                raise InputError(
                    f"the agency is in period {period.label!r} ({period.year}) but registry {registry.id!r} records "
                    f"it {end.describe('en')}; check the period's year or the registry",
                    agency=record.id,
                )
            if start is not None and start.effective_year > period.year:
                raise InputError(
                    f"the agency is in period {period.label!r} ({period.year}) but registry {registry.id!r} records "
                    f"it {start.describe('en')}; check the period's year or the registry",
                    agency=record.id,
                )
        resolved = attrs.evolve(standing, agency=record.id)
        seen[record.id] = resolved
        standings.append(resolved)
    return attrs.evolve(period, standings=tuple(standings))


def _step(
    agency_id: str,
    old_period: Period,
    new_period: Period,
    registry: AgencyDirectory | None,
) -> Step:
    old, new = old_period.get(agency_id), new_period.get(agency_id)
    places, change, bands, notes = _movement(old_period, new_period, old, new)
    y0, y1 = old_period.year, new_period.year
    record = registry.get(agency_id) if registry is not None and agency_id in registry else None
    if registry is None or record is None or y0 is None or y1 is None or y0 >= y1:
        if old is not None and new is not None:
            status = Status.CONTINUING
        elif old is not None:
            status = Status.LEFT
        elif new is not None:
            status = Status.ENTERED
        else:
            status = Status.ABSENT
        return Step(status, old, new, places, change, bands, notes=tuple(notes))

    def within(year: int) -> bool:
        return y0 < year <= y1

    for event in record.events:
        if event.event is EventKind.RENAMED and within(event.effective_year):
            notes.append(f"renamed from {event.previous_name!r} ({event.when})")
    for other in registry.agencies:
        start = other.start
        if start is not None and start.parent == agency_id and within(start.effective_year):
            notes.append(f"{other.id} split from it ({start.when})")
    predecessors = registry.predecessors(agency_id, after=y0, until=y1)
    merged_when: set[str] = set()
    for predecessor in predecessors:
        end = registry.get(predecessor).end
        if end is not None:
            merged_when.add(end.when)
    when = ", ".join(sorted(merged_when)) or None
    if new is not None:
        start = record.start
        parent = registry.split_parent(agency_id, after=y0, until=y1)
        if old is not None:
            status = Status.MERGED if predecessors else Status.CONTINUING
            return Step(status, old, new, places, change, bands, predecessors, when=when, notes=tuple(notes))
        if parent is not None and start is not None:
            return Step(Status.NEW, old, new, predecessors=(parent, *predecessors), when=start.when, notes=tuple(notes))
        if predecessors:
            return Step(Status.MERGED, old, new, predecessors=predecessors, when=when, notes=tuple(notes))
        if start is not None and within(start.effective_year):
            return Step(Status.NEW, old, new, when=start.when, notes=tuple(notes))
        return Step(Status.ENTERED, old, new, notes=tuple(notes))
    end = record.end
    if old is not None:
        if end is not None and within(end.effective_year):
            if end.event is EventKind.MERGED_INTO:
                successor = registry.successor(agency_id, until=y1)
                return Step(Status.MERGED_INTO, old, new, successor=successor, when=end.when, notes=tuple(notes))
            return Step(Status.ABOLISHED, old, new, when=end.when, notes=tuple(notes))
        return Step(Status.LEFT, old, new, notes=tuple(notes))
    return Step(Status.ABSENT, old, new, notes=tuple(notes))


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
        raise UnknownNameError(f"no agency {agency!r} in the comparison", agency=agency)

    def movers(self, group: str | None = None) -> tuple[ComparisonRow, ...]:
        """Rows with a known movement first to last, most places gained first (ties by id)."""
        moved = [r for r in self.rows if r.places is not None and (group is None or r.group == group)]
        return tuple(sorted(moved, key=lambda r: (-r.places, r.agency)))  # type: ignore[operator]

    def change_decimals(self, first: Period, last: Period) -> int | None:
        """The decimals of a score change between two periods (``None`` when a period has no precision)."""
        if first.decimals is None or last.decimals is None:
            return None
        return max(first.decimals, last.decimals)

    def standing_notes(self, row: ComparisonRow) -> list[str]:
        """Why an agency listed in a period was not assessed there, per period."""
        return [f"{p.label}: {s.note}" for p, s in zip(self.periods, row.standings, strict=True) if s and s.note]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; scores and changes are strings, ranks integers (or strings when fractional)."""

        def rank(value: Rank | None) -> int | str | None:
            return value if value is None or isinstance(value, int) else str(value)

        def standing(period: Period, item: Standing | None) -> dict[str, Any] | None:
            if item is None:
                return None
            data: dict[str, Any] = {
                "name": item.name,
                "group": item.group,
                "rank": rank(item.rank),
                "score": None if item.score is None else period.format(item.score),
                "band": item.band,
            }
            if item.note is not None:
                data["note"] = item.note
            return data

        pairs = list(pairwise(self.periods))
        rows = []
        for row in self.rows:
            rows.append(
                {
                    "agency": row.agency,
                    "name": row.name,
                    "group": row.group,
                    "status": row.status.value,
                    "predecessors": list(row.predecessors),
                    "successor": row.successor,
                    "places": rank(row.places),
                    "score_change": None if row.score_change is None else str(row.score_change),
                    "band_change": row.band_change,
                    "standings": {p.label: standing(p, s) for p, s in zip(self.periods, row.standings, strict=True)},
                    "steps": [
                        {
                            "from": old.label,
                            "to": new.label,
                            "status": step.status.value,
                            "places": rank(step.places),
                            "score_change": None if step.score_change is None else str(step.score_change),
                            "band_change": step.band_change,
                            "predecessors": list(step.predecessors),
                            "successor": step.successor,
                            "notes": list(step.notes),
                        }
                        for (old, new), step in zip(pairs, row.steps, strict=True)
                    ],
                }
            )
        return {
            "periods": [{"label": p.label, "year": p.year, "source": p.source} for p in self.periods],
            "registry": None if self.registry is None else self.registry.id,
            "rows": rows,
        }

    def to_frame(self) -> Any:
        """The comparison as a pandas DataFrame (needs the ``pandas`` extra).

        One row per agency; columns ``rank <label>``, ``score <label>``,
        ``band <label>`` per period, ``places``, ``score_change`` and
        ``band_change`` first to last, ``status``, ``predecessors``,
        ``successor`` and ``notes`` (why an agency listed in a period was not assessed). Scores stay :class:`~decimal.Decimal`; ranks are
        nullable integers.
        """
        from govindex._optional import require

        pd = require("pandas", "pandas")
        records: list[dict[str, Any]] = []
        for row in self.rows:
            record: dict[str, Any] = {"agency": row.agency, "name": row.name, "group": row.group}
            for period, standing in zip(self.periods, row.standings, strict=True):
                record[f"rank {period.label}"] = None if standing is None else standing.rank
                record[f"score {period.label}"] = None if standing is None else standing.score
                record[f"band {period.label}"] = None if standing is None else standing.band
            record["places"] = row.places
            record["score_change"] = row.score_change
            record["band_change"] = row.band_change
            record["status"] = row.status.value
            record["predecessors"] = ", ".join(row.predecessors)
            record["successor"] = row.successor
            record["notes"] = "; ".join(self.standing_notes(row)) or None
            records.append(record)
        columns: dict[str, list[Any]] = {}
        for record in records:
            for name, value in record.items():
                columns.setdefault(name, []).append(value)
        data: dict[str, Any] = {}
        for name, values in columns.items():
            whole = all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in values)
            data[name] = pd.array(values, dtype="Int64") if whole and any(v is not None for v in values) else values
        frame = pd.DataFrame(data)
        return frame.set_index("agency") if records else frame

    def _repr_html_(self) -> str:
        """The comparison as an HTML table, for Jupyter."""
        from govindex.render.html import tables_html
        from govindex.render.reports import comparison_table

        return tables_html([comparison_table(self)])


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
    if len(items) < 2:
        raise InputError(f"a comparison needs at least two periods, got {len(items)}")
    labels = [p.label for p in items]
    for label in labels:
        if labels.count(label) > 1:
            raise InputError(
                f"two periods are labelled {label!r}; give each a label of its own "
                "(LABEL=INPUT on the command line, Period.from_result(result, label=...) in Python)"
            )
    known = [(p.label, p.year) for p in items if p.year is not None]
    for (label_a, year_a), (label_b, year_b) in pairwise(known):
        if year_a is not None and year_b is not None and year_b < year_a:
            raise InputError(
                f"periods must be given oldest first: {label_b!r} ({year_b}) comes after {label_a!r} ({year_a})"
            )
    if registry is not None:
        items = tuple(_resolve(p, registry) for p in items)
    order: dict[str, None] = {}
    for period in items:
        for standing in period.standings:
            order.setdefault(standing.agency, None)
    rows: list[ComparisonRow] = []
    for agency_id in order:
        standings = tuple(period.get(agency_id) for period in items)
        steps = tuple(_step(agency_id, old, new, registry) for old, new in pairwise(items))
        latest = next(s for s in reversed(standings) if s is not None)
        name = latest.name
        if registry is not None and agency_id in registry:
            record = registry.get(agency_id)
            year = next((p.year for p, s in zip(reversed(items), reversed(standings), strict=True) if s), None)
            name = record.name_in(year) if year is not None else record.name
        places, change, bands, _notes = _movement(items[0], items[-1], standings[0], standings[-1])
        rows.append(ComparisonRow(agency_id, name, latest.group, standings, steps, places, change, bands))
    group_order: dict[str, int] = {}
    for period in reversed(items):
        for standing in period.standings:
            group_order.setdefault(standing.group, len(group_order))

    def key(row: ComparisonRow) -> tuple[int, int, int, Rank, str]:
        last = max(i for i, s in enumerate(row.standings) if s is not None)
        standing = row.standings[last]
        assert standing is not None
        unranked = standing.rank is None
        return (group_order[row.group], -last, int(unranked), standing.rank or 0, row.agency)

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
            raise InputError("a series needs at least one point", agency=self.entity)
        years = [point.year for point in self.points]
        for earlier, later in pairwise(years):
            if later <= earlier:
                raise InputError(
                    f"the points must be in increasing years: {later} comes after {earlier}", agency=self.entity
                )

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
