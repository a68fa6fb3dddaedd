"""Results (kết quả): per agency its node scores, total, band and ranks."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from govindex.agency import Agency
from govindex.assessment import Source
from govindex.bands import Band
from govindex.errors import InputError, UnknownNameError
from govindex.measures import Measurement
from govindex.points import format_points
from govindex.ranking import Rank
from govindex.rubric import Rubric
from govindex.rules import Adjustment, Scale
from govindex.views import ViewScore

if TYPE_CHECKING:
    import pandas as pd

    from govindex.stats import Statistics

__all__ = ["AgencyResult", "NotAssessed", "Result"]


@attrs.frozen
class AgencyResult:
    """One agency's result.

    ``scores`` holds every node's score after the rules (the root included),
    ``raw`` the scores as given, ``node_ranks`` the agency's rank on every node
    that all agencies of its group have a score for. ``normalised`` is the
    total on the published scale (a ``normalise`` rule or the rubric's
    ``publication``); ``views`` the agency's score on each view of the rubric.
    """

    agency: Agency
    total: Decimal
    band: Band | None
    rank: Rank
    scores: Mapping[str, Decimal] = attrs.field(hash=False)
    node_ranks: Mapping[str, Rank] = attrs.field(hash=False)
    raw: Mapping[str, Decimal] = attrs.field(hash=False)
    source: Source = Source.APPRAISED
    normalised: Decimal | None = None
    views: Mapping[str, ViewScore] = attrs.field(factory=dict, hash=False)

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
class Result:
    """The scored, banded and ranked cohort under one rubric.

    ``rows`` are ordered by group (in the rubric's order), rank, then agency
    id. ``adjustments`` lists every value a rule set or changed;
    ``measurements`` what each agency reported on measured leaves (by agency
    id, then node id), as read.
    """

    rubric: Rubric
    rows: tuple[AgencyResult, ...]
    adjustments: tuple[Adjustment, ...] = ()
    not_assessed: tuple[NotAssessed, ...] = ()
    rules: tuple[str, ...] = ()
    scale: Scale | None = None
    measurements: Mapping[str, Mapping[str, Measurement]] = attrs.field(factory=dict, hash=False, repr=False)
    _by_id: Mapping[str, AgencyResult] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, AgencyResult] = {}
        for row in self.rows:
            if row.agency.id in by_id:
                raise InputError("the agency has two rows in the result", agency=row.agency.id)
            by_id[row.agency.id] = row
        object.__setattr__(self, "_by_id", by_id)

    def __iter__(self) -> Iterator[AgencyResult]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def agency(self, agency_id: str) -> AgencyResult:
        """The result of one agency, by id."""
        row = self._by_id.get(agency_id)
        if row is not None:
            return row
        for skipped in self.not_assessed:
            if skipped.agency.id == agency_id:
                raise UnknownNameError(
                    f"agency {agency_id!r} was not assessed: {skipped.reason} (rule {skipped.rule!r})",
                    agency=agency_id,
                )
        known = sorted(self._by_id)
        close = difflib.get_close_matches(agency_id, known, n=3, cutoff=0.5)
        hint = (
            f"; did you mean {', '.join(map(repr, close))}?" if close else f"; the agencies are {', '.join(known[:10])}"
        )
        if not close and len(known) > 10:
            hint += f" and {len(known) - 10} more"
        raise UnknownNameError(f"no result for this agency{hint}", agency=agency_id)

    def group(self, group_id: str) -> tuple[AgencyResult, ...]:
        """The rows of one ranking group, best first."""
        self.rubric.group(group_id)
        return tuple(row for row in self.rows if row.agency.group == group_id)

    def adjustments_for(self, agency_id: str, node_id: str | None = None) -> tuple[Adjustment, ...]:
        return tuple(
            adj for adj in self.adjustments if adj.agency == agency_id and (node_id is None or adj.node == node_id)
        )

    def format(self, value: Decimal) -> str:
        """A value with the rubric's number of decimals."""
        return format_points(value, self.rubric.decimals)

    def explain(self, agency_id: str, node_id: str | None = None, *, lang: str = "en") -> str:
        """A readable account of how the agency's score on ``node_id`` (default: the total) came to be."""
        from govindex.explain import explain

        return explain(self, agency_id, node_id, lang=lang)

    def node_ids(self, group_id: str) -> tuple[str, ...]:
        return self.rubric.group(group_id).node_ids

    def scores_by_node(self, group_id: str, node_id: str) -> Mapping[str, Decimal]:
        return {row.agency.id: row.scores[node_id] for row in self.group(group_id) if node_id in row.scores}

    def statistics(self, *, top: int = 3, decimals: int | None = None) -> Statistics:
        """Means, band counts and shares, leaders; see :func:`govindex.stats.statistics`."""
        from govindex.stats import statistics

        return statistics(self, top=top, decimals=decimals)

    def to_frame(self, *, floats: bool = False) -> pd.DataFrame:
        """One agency per row as a pandas DataFrame (extra ``pandas``).

        Points are Decimal objects (``object`` dtype) unless ``floats=True``.
        """
        from govindex.reports import result_to_frame

        return result_to_frame(self, floats=floats)

    def _repr_html_(self) -> str:
        """The result as an HTML table, for Jupyter."""
        from govindex.reports import result_to_html

        return result_to_html(self)
