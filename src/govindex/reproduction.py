"""Reproduction (tái lập kết quả): every published figure against its recomputation.

:func:`check_dataset` takes a :class:`~govindex.published.PublishedDataset`
and the :class:`~govindex.results.Result` and
:class:`~govindex.stats.Statistics` recomputed from its scores, and compares
every figure the decision printed, one :class:`Check` each:

- per agency: its total, band, rank, and rank on every category
  (``node_rank``); an agency the decision did not assess must be kept out
  of the result (``not_assessed``);
- per group: the number assessed, the mean, the leader and the leader's
  score, and the share of every band;
- the overall mean.

Means are compared the way the province rounds them: the exact mean is
rounded once, half up, to the decimals the published figure has (the
decision prints "68/100 điểm" for a mean of 67.6). The overall mean is the
unweighted mean of the exact group means. Band shares are whole
percentages by the largest-remainder method (see :mod:`govindex.stats`).

A total is compared on the published scale when the rubric has one (the
DTI's PDTI, 0-1 with four decimals), else in points. When the dataset
states how the published totals were rounded (``published_rounding``, see
:class:`~govindex.published.PublishedRounding`), a total that differs by no
more than that rounding explains (:func:`govindex.agreement.rounding_bound`)
is a :attr:`CheckStatus.ROUNDING` check, with its bound: not a difference.

A figure that differs is a :attr:`CheckStatus.DIFFERENT` check, unless the
dataset records it as a :class:`~govindex.published.KnownError` of the
source with exactly the published and the computed value: it is then a
:attr:`CheckStatus.KNOWN_ERROR`. A known error that does not occur is itself a
difference, so a stale record cannot hide anything.

The function is pure: no file, no terminal. Reading the dataset and the
rubric is :func:`govindex.io.published.reproduce`.
"""

from __future__ import annotations

import enum
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction

import attrs

from govindex.agreement import Agreement, compare_published, rounding_bound
from govindex.catalogue.reproduce import ReproduceText
from govindex.catalogue.results import PublishedText
from govindex.catalogue.rubric import RubricText
from govindex.errors import InputError, UnknownNameError
from govindex.points import decimals_of, divide, exact, format_points, terminating
from govindex.published import KnownError, PublishedAgency, PublishedDataset, PublishedRounding
from govindex.ranking import Rank
from govindex.results import AgencyResult, Result
from govindex.rules._text import exact_quotient
from govindex.stats import GroupStatistics, Statistics, round_exact

__all__ = ["Check", "CheckStatus", "Reproduction", "check_dataset"]


class CheckStatus(enum.Enum):
    """How a published figure compares with its recomputation."""

    #: The recomputation gives the published figure.
    MATCH = "match"
    #: The recomputation differs by no more than the rounding of the published components explains.
    ROUNDING = "rounding"
    #: The source's own numbers prove the published figure wrong (recorded in the dataset).
    KNOWN_ERROR = "known_error"
    #: The recomputation gives another figure.
    DIFFERENT = "different"


@attrs.frozen
class Check:
    """One published figure and its recomputation.

    ``figure`` is one of :data:`govindex.published.FIGURES`; ``group``,
    ``agency`` and ``item`` (a node id for ``node_rank``, a band id for
    ``band_share``) say which. ``published`` and ``computed`` are the two
    values as text (decimal point); ``exact`` the exact value behind a
    rounded mean. A known error carries the dataset's ``explanation`` and
    ``explanation_en``. A total that differs, when the dataset states its
    rounding, carries the rounding ``bound`` it was compared with and the
    ``difference`` (computed minus published). A rank that differs, when the
    dataset states the rounding of the totals, is within rounding when the
    published rank is one the agency could hold had the scores not been
    rounded (``bound``: its total's bound; ``difference``: computed minus
    published rank; ``ties``: the agencies it ties with once rounded), else a
    real difference.
    """

    figure: str
    published: str
    computed: str
    status: CheckStatus
    group: str | None = None
    agency: str | None = None
    item: str | None = None
    exact: str | None = None
    explanation: str | None = None
    explanation_en: str | None = None
    where: str | None = None
    bound: str | None = None
    difference: str | None = None
    #: a rank within rounding: the agencies whose totals tie with this one once the rounding is allowed for
    ties: tuple[str, ...] = ()

    @property
    def what(self) -> str:
        """A short English name of the figure: ``total``, ``rank on security``, ``band share fair``."""
        if self.figure == "node_rank":
            return f"rank on {self.item}"
        if self.figure == "band_share":
            return f"band share {self.item}"
        return self.figure.replace("_", " ")


@attrs.frozen
class Reproduction:
    """A published dataset, its recomputation and every figure checked.

    ``ok`` is true when no figure differs (known errors of the source and
    differences within the rounding bound do not count as differences).
    """

    dataset: PublishedDataset
    result: Result
    statistics: Statistics
    checks: tuple[Check, ...]

    @property
    def checked(self) -> int:
        """The number of published figures compared."""
        return len(self.checks)

    @property
    def differences(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.status is CheckStatus.DIFFERENT)

    @property
    def known_errors(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.status is CheckStatus.KNOWN_ERROR)

    @property
    def within_rounding(self) -> tuple[Check, ...]:
        """The figures that differ only as the rounding of the published components explains."""
        return tuple(check for check in self.checks if check.status is CheckStatus.ROUNDING)

    @property
    def matched(self) -> int:
        return sum(1 for check in self.checks if check.status is CheckStatus.MATCH)

    @property
    def ok(self) -> bool:
        return not self.differences


def _rank_text(value: Rank | None) -> str:
    return "-" if value is None else str(value)


def _exact_text(value: Fraction) -> str:
    """An exact mean as decimal text, cut after four decimals with an ellipsis when it does not end."""
    return exact_quotient(Decimal(value.numerator), Decimal(value.denominator), 0)[0]


def _printed_decimals(value: Decimal) -> int:
    """The decimals a figure is printed with (``68`` has none, ``74.8`` one, ``74.80`` two)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _rounded_like(published: Decimal, exact: Fraction) -> Decimal:
    """``exact`` rounded once, half up, to the decimals ``published`` is printed with."""
    return round_exact(exact, _printed_decimals(published))


class _Checker:
    def __init__(self, dataset: PublishedDataset, known: tuple[KnownError, ...]) -> None:
        self.dataset = dataset
        self.known = known
        self.used: set[int] = set()
        self.checks: list[Check] = []

    def add(
        self,
        figure: str,
        published: str,
        computed: str,
        equal: bool,
        *,
        group: str | None = None,
        agency: str | None = None,
        item: str | None = None,
        exact: str | None = None,
        rounding: tuple[str, str] | None = None,
        within: bool = False,
        ties: tuple[str, ...] = (),
    ) -> None:
        """Record one figure; an unequal one ``within`` the rounding ``(bound, difference)`` is :attr:`CheckStatus.ROUNDING`."""
        status = CheckStatus.MATCH if equal else CheckStatus.ROUNDING if within else CheckStatus.DIFFERENT
        explanation = explanation_en = where = None
        if status is CheckStatus.DIFFERENT:
            for index, error in enumerate(self.known):
                if error.figure != figure:
                    continue
                if error.correct_value(group, agency, item or "value", published) == computed:
                    status = CheckStatus.KNOWN_ERROR
                    explanation, explanation_en, where = error.explanation, error.explanation_en, error.where
                    self.used.add(index)
                    break
        bound, difference = rounding if rounding is not None else (None, None)
        self.checks.append(
            Check(
                figure,
                published,
                computed,
                status,
                group,
                agency,
                item,
                exact,
                explanation,
                explanation_en,
                where,
                bound,
                difference,
                ties,
            )
        )

    def stale(self) -> None:
        """Every item of a known error that no check met is a difference of its own."""
        for index, error in enumerate(self.known):
            if index in self.used:
                continue
            for item, value in error.published.items():
                self.checks.append(
                    Check(
                        error.figure,
                        value,
                        "not found",
                        CheckStatus.DIFFERENT,
                        error.group,
                        error.agency,
                        None if item == "value" else item,
                        explanation=ReproduceText.STALE_KNOWN_ERROR.text("vi"),
                        explanation_en=ReproduceText.STALE_KNOWN_ERROR.text("en"),
                        where=error.where,
                    )
                )


def _component_bound(
    result: Result, dataset: PublishedDataset, row: AgencyResult, rounding: PublishedRounding
) -> Fraction:
    """How far the total recomputed from the published (rounded) scores can be from the one computed from the
    unrounded scores: half a unit of the scores' last place, each times its weight in the total."""
    rubric = result.rubric
    tree = rubric.tree(row.agency.group)
    publication = rubric.publication
    on_scale = row.normalised is not None and publication is not None
    half = Fraction(rounding_bound((), published_decimals=rounding.components))  # half a unit of their last place
    bound = Fraction(0)
    for node in tree.walk():
        if node.id not in row.raw:
            continue
        weight = Fraction(1)
        if dataset.values == "index" and publication is not None:
            weight = Fraction(node.max_points) / Fraction(publication.scale)
        if on_scale and publication is not None:
            weight = weight * Fraction(publication.scale) / Fraction(tree.max_points)
        bound += weight * half
    return bound


def _compared(result: Result, row: AgencyResult) -> Decimal:
    """The total as it is compared: on the published scale when the rubric has one, else in points."""
    if row.normalised is not None and result.rubric.publication is not None:
        return row.normalised
    return row.total


def _rank_window(
    result: Result, dataset: PublishedDataset, rounding: PublishedRounding, agency: PublishedAgency
) -> tuple[int, int, Fraction, tuple[str, ...]]:
    """The ranks the agency could hold had the scores not been rounded: (best, worst, its bound, the agencies whose
    totals tie with its own once the rounding is allowed for)."""
    row = result.agency(agency.id)
    mine = Fraction(_compared(result, row))
    own = _component_bound(result, dataset, row, rounding)
    above = possible = 0
    ties: list[str] = []
    for other in result.group(row.agency.group):
        if other.agency.id == row.agency.id:
            continue
        gap = Fraction(_compared(result, other)) - mine
        reach = own + _component_bound(result, dataset, other, rounding)
        if gap > reach:
            above += 1
        if gap >= -reach:
            possible += 1
        if -reach <= gap <= reach:
            ties.append(other.agency.id)
    return 1 + above, 1 + possible, own, tuple(ties)


def _check_rank(checker: _Checker, dataset: PublishedDataset, result: Result, agency: PublishedAgency) -> None:
    """The published rank: equal, else within the ranks the rounding of the published scores allows, else real."""
    row = result.agency(agency.id)
    published = agency.published.rank
    assert published is not None
    rounding = dataset.published_rounding.get("total")
    if published == row.rank or rounding is None or not isinstance(row.rank, int):
        checker.add(
            "rank", str(published), _rank_text(row.rank), published == row.rank, group=agency.group, agency=agency.id
        )
        return
    best, worst, bound, ties = _rank_window(result, dataset, rounding, agency)
    shown = terminating(bound) or divide(Decimal(bound.numerator), Decimal(bound.denominator), 30, ROUND_CEILING)
    checker.add(
        "rank",
        str(published),
        _rank_text(row.rank),
        False,
        group=agency.group,
        agency=agency.id,
        rounding=(f"{shown.normalize():f}", f"{row.rank - published:+d}"),
        within=best <= published <= worst and bool(ties),
        ties=ties,
    )


def _total_bound(
    result: Result, dataset: PublishedDataset, row: AgencyResult, published: Decimal, rounding: PublishedRounding
) -> Decimal:
    """The largest difference between a recomputed and a published total that ``rounding`` explains.

    Each score given was published rounded to ``rounding.components``
    decimals and enters the total with its weight: 1 (points into points),
    the node's maximum over the published scale (index values into points),
    and, when the total is compared on the published scale, times that scale
    over the group's maximum. The published total adds half a unit of its
    last place, and the recomputed one, rounded to the published scale's
    decimals, half a unit of its own.
    """
    rubric = result.rubric
    publication = rubric.publication
    on_scale = row.normalised is not None and publication is not None
    bound = _component_bound(result, dataset, row, rounding)
    published_decimals = rounding.decimals if rounding.decimals is not None else decimals_of(published)
    recomputed_decimals = publication.decimals if on_scale and publication is not None else None
    bound += Fraction(
        rounding_bound((), published_decimals=published_decimals, recomputed_decimals=recomputed_decimals)
    )
    found = terminating(bound)
    if found is None:  # rounded up once, so that the bound is never too small
        found = divide(Decimal(bound.numerator), Decimal(bound.denominator), 30, ROUND_CEILING)
    return found.normalize() if found else found


def _check_total(checker: _Checker, dataset: PublishedDataset, result: Result, agency: PublishedAgency) -> None:
    """The total on the published scale (when the rubric has one) or in points, within the stated rounding."""
    rubric = result.rubric
    row = result.agency(agency.id)
    published = agency.published.total
    if row.normalised is not None and rubric.publication is not None:
        recomputed = row.normalised
        places = max(rubric.publication.decimals, decimals_of(published))
        computed_text = format_points(recomputed, rubric.publication.decimals)
    else:
        recomputed = row.total
        places = max(rubric.decimals, decimals_of(published))
        computed_text = result.format(recomputed)
    rounding = dataset.published_rounding.get("total")
    bound = Decimal(0) if rounding is None else _total_bound(result, dataset, row, published, rounding)
    comparison = compare_published(recomputed, published, bound=bound)
    explained = None
    if rounding is not None and comparison.kind is not Agreement.EXACT:
        explained = (f"{comparison.bound:f}", f"{comparison.difference:+f}")
    checker.add(
        "total",
        format_points(published, places),
        computed_text,
        comparison.kind is Agreement.EXACT,
        group=row.agency.group,
        agency=agency.id,
        rounding=explained,
        within=comparison.kind is Agreement.ROUNDING,
    )


def _check_agencies(checker: _Checker, dataset: PublishedDataset, result: Result) -> None:
    rubric = result.rubric
    for agency in dataset.agencies:
        row = result.agency(agency.id)
        figures = agency.published
        group = agency.group
        known = set(rubric.group(group).node_ids)
        _check_total(checker, dataset, result, agency)
        if figures.band is not None:
            if rubric.bands is None:
                raise UnknownNameError(
                    PublishedText.BAND_WITHOUT_BANDS, band=repr(figures.band), rubric=repr(rubric.id), agency=agency.id
                )
            try:
                rubric.bands.band(figures.band)
            except UnknownNameError as error:
                raise error.with_context(agency=agency.id) from None
            computed_band = row.band_id or "-"
            checker.add("band", figures.band, computed_band, figures.band == row.band_id, group=group, agency=agency.id)
        if figures.rank is not None:
            _check_rank(checker, dataset, result, agency)
        for node_id, published_rank in figures.ranks.items():
            if node_id not in known:
                raise UnknownNameError(
                    PublishedText.RANK_UNKNOWN_NODE,
                    node_id=repr(node_id),
                    group_id=repr(group),
                    rubric=repr(rubric.id),
                    agency=agency.id,
                    node=node_id,
                )
            mine = row.node_ranks.get(node_id)
            checker.add(
                "node_rank",
                str(published_rank),
                _rank_text(mine),
                published_rank == mine,
                group=group,
                agency=agency.id,
                item=node_id,
            )
    kept_out = {item.agency.id for item in result.not_assessed}
    for excluded in dataset.not_assessed:
        assessed = excluded.id not in kept_out
        checker.add(
            "not_assessed",
            "not assessed",
            "assessed" if assessed else "not assessed",
            not assessed,
            group=excluded.group,
            agency=excluded.id,
        )


def _check_group(
    checker: _Checker, dataset: PublishedDataset, result: Result, group_id: str, stats: GroupStatistics | None
) -> None:
    published = dataset.published_summary.groups[group_id]
    count = 0 if stats is None else stats.count
    if published.assessed is not None:
        checker.add("assessed", str(published.assessed), str(count), published.assessed == count, group=group_id)
    if stats is None:
        raise InputError(PublishedText.SUMMARY_EMPTY_GROUP, group_id=repr(group_id), group=group_id)
    if published.mean is not None:
        mine = _rounded_like(published.mean, stats.mean_exact)
        checker.add(
            "mean",
            f"{published.mean:f}",
            f"{mine:f}",
            mine == published.mean,
            group=group_id,
            exact=_exact_text(stats.mean_exact),
        )
    _check_leaders(checker, dataset, result, group_id)
    _check_shares(checker, dataset, result, group_id, stats)


def _check_leaders(checker: _Checker, dataset: PublishedDataset, result: Result, group_id: str) -> None:
    """The published leader of a group and the leader's total."""
    published = dataset.published_summary.groups[group_id]
    leaders = [row for row in result.group(group_id) if row.rank == 1]
    if published.leader is not None:
        if published.leader not in {agency.id for agency in dataset.agencies if agency.group == group_id}:
            raise UnknownNameError(
                PublishedText.LEADER_UNKNOWN, leader=repr(published.leader), group_id=repr(group_id), group=group_id
            )
        ids = [row.agency.id for row in leaders]
        checker.add("leader", published.leader, ", ".join(ids), published.leader in ids, group=group_id)
    if published.leader_total is not None:
        top = leaders[0].total
        checker.add(
            "leader_total",
            f"{published.leader_total:f}",
            result.format(top),
            published.leader_total == top,
            group=group_id,
        )


def _check_shares(
    checker: _Checker, dataset: PublishedDataset, result: Result, group_id: str, stats: GroupStatistics
) -> None:
    """The published share of each band in a group."""
    published = dataset.published_summary.groups[group_id]
    rubric = result.rubric
    bands = () if rubric.bands is None else rubric.bands.ids
    for band_id, share in published.band_shares.items():
        if band_id not in bands:
            raise UnknownNameError(
                PublishedText.SHARE_UNKNOWN_BAND,
                band=repr(band_id),
                rubric=repr(rubric.id),
                known=list(bands) or RubricText.NONE,
                group=group_id,
            )
        share_computed = stats.band_shares[band_id]
        checker.add(
            "band_share", str(share), str(share_computed), share == share_computed, group=group_id, item=band_id
        )


@exact
def check_dataset(dataset: PublishedDataset, result: Result, statistics: Statistics) -> Reproduction:
    """Compare every figure of ``dataset`` with ``result`` and ``statistics`` recomputed from its scores.

    Refused (:class:`~govindex.errors.UnknownNameError`): a published band,
    node, group or leader the rubric or the dataset does not have.
    """
    rubric = result.rubric
    if dataset.rubric != rubric.id:
        raise InputError(
            PublishedText.DATASET_RUBRIC,
            dataset=repr(dataset.dataset),
            published=repr(dataset.rubric),
            rubric=repr(rubric.id),
        )
    for error in dataset.known_errors:
        if error.group is not None:
            rubric.group(error.group)
    checker = _Checker(dataset, dataset.known_errors)
    _check_agencies(checker, dataset, result)
    by_group = {stats.group: stats for stats in statistics.groups}
    for group_id in dataset.published_summary.groups:
        try:
            rubric.group(group_id)
        except UnknownNameError as error:
            raise error.with_context(group=group_id) from None
        _check_group(checker, dataset, result, group_id, by_group.get(group_id))
    overall = dataset.published_summary.overall_mean
    if overall is not None:
        mine = _rounded_like(overall, statistics.overall_mean_exact)
        checker.add(
            "overall_mean",
            f"{overall:f}",
            f"{mine:f}",
            mine == overall,
            exact=_exact_text(statistics.overall_mean_exact),
        )
    checker.stale()
    return Reproduction(dataset, result, statistics, tuple(checker.checks))
