"""Results (kết quả): per agency its node scores, total, band and ranks.

A :class:`Result` made by :func:`govindex.score` holds each group as
read-only columns of scaled integers (:meth:`Result.columns`); the
per-agency :class:`AgencyResult` objects are made only when read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from govindex._convert import FrozenDict
from govindex.agency import Agency
from govindex.assessment import Source
from govindex.bands import Band
from govindex.catalogue.notranked import NotRankedText
from govindex.catalogue.results import ResultText
from govindex.errors import InputError, UnknownNameError
from govindex.measures import Measurement
from govindex.points import format_points
from govindex.ranking import Rank
from govindex.rubric import Rubric
from govindex.views import ViewScore

if TYPE_CHECKING:
    from govindex.engine import Columns
    from govindex.rules import Adjustment, NotApplied, Scale, Unchanged

__all__ = ["AgencyResult", "NotAssessed", "NotRankedResult", "Result"]


def _read_only(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A mapping that cannot be changed in place (the views of a result already cannot)."""
    if isinstance(mapping, (MappingProxyType, FrozenDict)) or type(mapping).__module__ == "govindex.engine._columns":
        return mapping
    return MappingProxyType(dict(mapping))


@attrs.frozen
class AgencyResult:
    """One agency's result.

    ``scores`` holds every node's score after the rules (the root included),
    ``raw`` the scores as given, ``node_ranks`` the agency's rank on every node
    that all agencies of its group have a score for. ``normalised`` is the
    total on the published scale (a ``normalise`` rule or the rubric's
    ``publication``); ``views`` the agency's score on each view of the rubric.
    The mappings are read-only.
    """

    agency: Agency
    total: Decimal
    band: Band | None
    rank: Rank
    scores: Mapping[str, Decimal] = attrs.field(hash=False, converter=_read_only)
    node_ranks: Mapping[str, Rank] = attrs.field(hash=False, converter=_read_only)
    raw: Mapping[str, Decimal] = attrs.field(hash=False, converter=_read_only)
    source: Source = Source.APPRAISED
    normalised: Decimal | None = None
    views: Mapping[str, ViewScore] = attrs.field(factory=dict, hash=False, converter=_read_only)

    @property
    def group(self) -> str:
        return self.agency.group

    @property
    def band_id(self) -> str | None:
        return None if self.band is None else self.band.id


@attrs.frozen
class NotAssessed:
    """An agency kept out of ranks and statistics (không đánh giá), and why."""

    agency: Agency
    reason: str
    rule: str


@attrs.frozen
class NotRankedResult:
    """An agency scored and banded but left out of the ranking (không xếp hạng), with the reason; it shifts no
    other agency's rank. ``by`` says what left it out: ``rubric`` (the rubric's ``not_ranked`` list), a rule's
    name, or ``data`` (the score data's ``not_ranked`` reason)."""

    agency: Agency
    reason: str
    total: Decimal
    band: Band | None
    scores: Mapping[str, Decimal] = attrs.field(hash=False, converter=_read_only)
    by: str = "rubric"


def _not_ranked_tuple(value: Iterable[NotRankedResult]) -> tuple[NotRankedResult, ...]:
    return tuple(value)


def _not_applied_tuple(value: Iterable[NotApplied]) -> tuple[NotApplied, ...]:
    return tuple(value)


def _unchanged_tuple(value: Iterable[Unchanged]) -> tuple[Unchanged, ...]:
    return tuple(value)


def _titles(value: Mapping[str, Mapping[str, str]]) -> Mapping[str, Mapping[str, str]]:
    return FrozenDict({name: FrozenDict(titles) for name, titles in value.items()})


@attrs.frozen(eq=False)
class Result:
    """The scored, banded and ranked cohort under one rubric.

    ``rows`` are ordered by group (in the rubric's order), rank, then agency
    id. ``adjustments`` lists every value a rule set or changed;
    ``measurements`` what each agency reported on measured leaves (by agency
    id, then node id), as read. ``rules`` names the rules that ran, in order,
    and ``rule_titles`` gives each its own name per language
    (:meth:`rule_title`). ``not_applied`` says where a rule concerned an
    agency but could not act on it; ``unchanged`` where a rule read a fact an
    agency states and changed nothing for it.

    A result made by :func:`govindex.score` keeps each group as columns
    (:meth:`columns`) and makes the per-agency rows only when they are read.
    """

    rubric: Rubric
    _given_rows: tuple[AgencyResult, ...] | None = attrs.field(default=None, alias="rows")
    adjustments: tuple[Adjustment, ...] = ()
    not_assessed: tuple[NotAssessed, ...] = ()
    rules: tuple[str, ...] = ()
    scale: Scale | None = None
    measurements: Mapping[str, Mapping[str, Measurement]] = attrs.field(factory=dict, hash=False, repr=False)
    _groups: tuple[Columns, ...] = attrs.field(default=(), alias="groups", repr=False)
    #: where a rule concerned an agency but could not act on it, and why
    not_applied: tuple[NotApplied, ...] = attrs.field(default=(), converter=_not_applied_tuple, repr=False)
    #: where a rule read a fact an agency states and changed nothing for it
    unchanged: tuple[Unchanged, ...] = attrs.field(default=(), converter=_unchanged_tuple, repr=False)
    #: each rule's own name per language (``{"best_in_cohort": {"vi": ..., "en": ...}}``)
    rule_titles: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, converter=_titles, hash=False, repr=False)
    #: agencies scored and banded but not ranked (the rubric's list, a rule, the data), by agency id
    not_ranked: tuple[NotRankedResult, ...] = attrs.field(default=(), converter=_not_ranked_tuple, repr=False)
    _cache: dict[str, Any] = attrs.field(init=False, factory=dict, repr=False)

    def __attrs_post_init__(self) -> None:
        if self._given_rows is not None:
            object.__setattr__(self, "_given_rows", tuple(self._given_rows))
            object.__setattr__(self, "_groups", ())
            by_id: dict[str, AgencyResult] = {}
            for row in self._given_rows:
                if row.agency.id in by_id:
                    raise InputError(ResultText.TWO_ROWS, agency=row.agency.id, agency_name=row.agency.name)
                by_id[row.agency.id] = row
            self._cache["by_id"] = by_id

    @property
    def rows(self) -> tuple[AgencyResult, ...]:
        """Every agency's result, by group (in the rubric's order), rank, then agency id."""
        if self._given_rows is not None:
            return self._given_rows
        rows = self._cache.get("rows")
        if rows is None:
            rows = self._cache["rows"] = tuple(
                self._row(columns, int(i)) for columns in self._groups for i in columns.order.tolist()
            )
        return rows

    def _row(self, columns: Columns, row: int) -> AgencyResult:
        made: dict[tuple[str, int], AgencyResult] = self._cache.setdefault("made", {})
        key = (columns.group_id, row)
        found = made.get(key)
        if found is None:
            found = made[key] = _agency_result(columns, row, self.scale)
        return found

    def columns(self, group_id: str) -> Columns:
        """One group's result as read-only columns, for fast writers and analysis.

        See :class:`govindex.engine.Columns`: agency ids, node ids depth-first,
        decimals, the scaled score matrix and its mask, ranks per node, the
        band of each agency and the order of the rows.
        """
        self.rubric.group(group_id)
        for columns in self._groups:
            if columns.group_id == group_id:
                return columns
        if self._given_rows is not None:
            raise InputError(ResultText.NO_COLUMNS, group=group_id)
        raise InputError(ResultText.GROUP_NOT_SCORED, group=group_id)

    @property
    def column_groups(self) -> tuple[Columns, ...]:
        """Every scored group's columns, in the rubric's order."""
        return self._groups

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Result):
            return NotImplemented
        return (
            self.rubric == other.rubric
            and self.adjustments == other.adjustments
            and self.not_assessed == other.not_assessed
            and self.rules == other.rules
            and self.scale == other.scale
            and self.measurements == other.measurements
            and self.rows == other.rows
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def sources(self) -> tuple[Source, ...]:
        """Who gave the scores of the agencies ranked, each source once, in the order of :class:`Source`
        (more than one: a cohort mixing self-assessed, appraised or published scores)."""
        found = self._cache.get("sources")
        if found is None:
            if self._given_rows is not None:
                seen = {row.source for row in self._given_rows}
            else:
                seen = {source for columns in self._groups for source in columns.sources}
            found = self._cache["sources"] = tuple(source for source in Source if source in seen)
        return found

    def __iter__(self) -> Iterator[AgencyResult]:
        return iter(self.rows)

    def __len__(self) -> int:
        if self._given_rows is not None:
            return len(self._given_rows)
        return sum(len(columns) for columns in self._groups)

    def _find(self, agency_id: str) -> AgencyResult | None:
        by_id = self._cache.get("by_id")
        if by_id is not None:
            return by_id.get(agency_id)  # type: ignore[no-any-return]
        where = self._cache.get("where")
        if where is None:
            where = self._cache["where"] = {
                agency.id: (columns, row) for columns in self._groups for row, agency in enumerate(columns.agencies)
            }
        found = where.get(agency_id)
        return None if found is None else self._row(*found)

    def _known(self) -> list[str]:
        if self._given_rows is not None:
            return sorted(row.agency.id for row in self._given_rows)
        return sorted(agency.id for columns in self._groups for agency in columns.agencies)

    def agency(self, agency_id: str) -> AgencyResult:
        """The result of one agency, by id."""
        row = self._find(agency_id)
        if row is not None:
            return row
        for skipped in self.not_assessed:
            if skipped.agency.id == agency_id:
                raise UnknownNameError(
                    ResultText.NOT_ASSESSED,
                    agency_id=repr(agency_id),
                    reason=skipped.reason,
                    rule=repr(skipped.rule),
                    agency=agency_id,
                    agency_name=skipped.agency.name,
                )
        for aside in self.not_ranked:
            if aside.agency.id == agency_id:
                raise UnknownNameError(
                    NotRankedText.NO_ROW,
                    unit=repr(agency_id),
                    total=aside.total,
                    reason=aside.reason,
                    agency=agency_id,
                    agency_name=aside.agency.name,
                )
        known = self._known()
        import difflib

        close = difflib.get_close_matches(agency_id, known, n=3, cutoff=0.5)
        if close:
            raise UnknownNameError(ResultText.NO_RESULT_CLOSE, close=[repr(item) for item in close], agency=agency_id)
        listed: list[Any] = known[:10]
        if len(known) > 10:
            from govindex.catalogue.results import Warnings
            from govindex.catalogue.rules import Phrase

            listed.append(Phrase(Warnings.MORE, {"count": len(known) - 10}))
        raise UnknownNameError(ResultText.NO_RESULT, known=listed, agency=agency_id)

    def group(self, group_id: str) -> tuple[AgencyResult, ...]:
        """The rows of one ranking group, best first."""
        self.rubric.group(group_id)
        if self._given_rows is None:
            for columns in self._groups:
                if columns.group_id == group_id:
                    return tuple(self._row(columns, int(i)) for i in columns.order.tolist())
            return ()
        return tuple(row for row in self.rows if row.agency.group == group_id)

    def rule_title(self, rule: str, lang: str = "vi") -> str:
        """The rule's own name in ``lang`` (a rule without a title: its id).

        >>> from govindex import Agency, Assessment, load_rubric, score
        >>> result = score(load_rubric("sonla-2017-it"), [])
        >>> result.rule_title("exclude"), result.rule_title("exclude", "en")
        ('không đánh giá', 'exclude')
        """
        return self.rule_titles.get(rule, {}).get(lang) or rule

    def unchanged_for(self, agency_id: str) -> tuple[Unchanged, ...]:
        """The rules that read a fact the agency states and changed nothing for it."""
        return tuple(item for item in self.unchanged if item.agency == agency_id)

    def not_applied_for(self, agency_id: str, node_id: str | None = None) -> tuple[NotApplied, ...]:
        """The rules that could not act on the agency (on ``node_id``, or anywhere), and why."""
        return tuple(
            item
            for item in self.not_applied
            if item.agency == agency_id and (node_id is None or item.node is None or item.node == node_id)
        )

    def adjustments_for(self, agency_id: str, node_id: str | None = None) -> tuple[Adjustment, ...]:
        return tuple(
            adj for adj in self.adjustments if adj.agency == agency_id and (node_id is None or adj.node == node_id)
        )

    def format(self, value: Decimal) -> str:
        """A value with the rubric's number of decimals."""
        return format_points(value, self.rubric.decimals)

    def node_ids(self, group_id: str) -> tuple[str, ...]:
        return self.rubric.group(group_id).node_ids

    def scores_by_node(self, group_id: str, node_id: str) -> Mapping[str, Decimal]:
        return {row.agency.id: row.scores[node_id] for row in self.group(group_id) if node_id in row.scores}


def _agency_result(columns: Columns, row: int, scale: Scale | None) -> AgencyResult:
    """The per-agency view of row ``row`` of ``columns`` (a scored group's columns), made when read."""
    from govindex.engine._columns import NodeRanks, NodeScores
    from govindex.engine._rank import rank_of
    from govindex.points import divide, exact_context

    total = columns.point(columns.scores[row, 0])
    normalised = None
    views: dict[str, ViewScore] = {}
    with exact_context():
        if scale is not None:
            normalised = divide(total * scale.numerator, scale.denominator, scale.decimals, scale.rounding)
        elif columns.publication is not None:
            normalised = columns.publication.on_scale(total, columns.layout.nodes[0].max_points)
        for view_id, view in columns.views.items():
            if view.has[row]:
                points = columns.point(view.points[row])
                published = view.publication.on_scale(points, view.maximum)
                assert published is not None
                views[view_id] = ViewScore(
                    points, view.maximum, published, rank_of(int(view.ranks[row]), columns.rank_denominator)
                )
    return AgencyResult(
        agency=columns.agencies[row],
        total=total,
        band=None if columns.band is None or columns.bands is None else columns.bands.bands[int(columns.band[row])],
        rank=columns.rank(columns.layout.ids[0], row),
        scores=NodeScores(columns, row),
        node_ranks=NodeRanks(columns, row),
        raw=columns.raw(row),
        source=columns.sources[row],
        normalised=normalised,
        views=MappingProxyType(views),
    )
