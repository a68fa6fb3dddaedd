"""Comparing a recomputed value with a published figure (đối chiếu với số liệu công bố).

A figure recomputed from published components can differ from the published
figure for two reasons: the published components were rounded (national
totals are computed from unrounded components), or something is really
different. :func:`compare_published` tells three cases apart: an exact match,
a difference within the bound that rounding explains, and a real difference.

The bound (:func:`rounding_bound`) adds half a unit of each component's last
place, times the component's weight in the formula, and half a unit of the
last place of each figure that was itself rounded. A PDTI recomputed from the
nine published 4-decimal main indices (weights: each maximum / 1000) carries
at most 0.00005 from the components; with the published and recomputed PDTI
each rounded to 4 decimals the bound is 0.00015, so one unit in the last
place is explained and two are not:

>>> weights = [(Decimal(m) / 1000, 4) for m in (100, 100, 100, 100, 100, 200, 150, 150)]
>>> bound = rounding_bound(weights, published_decimals=4, recomputed_decimals=4)
>>> bound
Decimal('0.00015')
>>> compare_published(Decimal("0.7164"), Decimal("0.7163"), bound=bound).kind
<Agreement.ROUNDING: 'rounding'>
>>> compare_published(Decimal("0.7165"), Decimal("0.7163"), bound=bound).kind
<Agreement.DIFFERENT: 'different'>
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from govindex.catalogue.agreement import AgreementText
from govindex.catalogue.results import PublishedText
from govindex.errors import InputError, check_lang
from govindex.points import divide, exact_context, terminating
from govindex.ranking import Rank

if TYPE_CHECKING:
    from govindex.results import Result

__all__ = [
    "Agreement",
    "FigureCheck",
    "PublishedCheck",
    "PublishedComparison",
    "PublishedFigure",
    "check_published",
    "compare_published",
    "index_rounding_bound",
    "rounding_bound",
]


class Agreement(enum.Enum):
    """How a recomputed value stands against the published one."""

    #: The same number.
    EXACT = "exact"
    #: Different, but within what the rounding of published components explains.
    ROUNDING = "rounding"
    #: Different beyond the rounding bound: a real difference.
    DIFFERENT = "different"


@attrs.frozen
class PublishedComparison:
    """A recomputed value against the published one.

    ``difference`` is ``recomputed - published``; ``bound`` the largest
    difference the rounding of published figures can explain.
    """

    recomputed: Decimal
    published: Decimal
    bound: Decimal
    kind: Agreement

    @property
    def difference(self) -> Decimal:
        with exact_context():
            return self.recomputed - self.published

    @property
    def explained(self) -> bool:
        """An exact match or a difference that rounding explains."""
        return self.kind is not Agreement.DIFFERENT

    def describe(self, lang: str = "en") -> str:
        """In words: ``differs by 0.0001, within the rounding bound ±0.00015 …``."""
        entry = AgreementText[self.kind.name]
        return entry.text(check_lang(lang), difference=f"{self.difference:+f}", bound=f"{self.bound:f}")


def _check(value: object, what: PublishedText) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise InputError(PublishedText.NOT_EXACT, what=what, value=repr(value)[:60])
    number = Decimal(value)
    if not number.is_finite():
        raise InputError(PublishedText.NOT_FINITE, what=what, value=str(number))
    return number


def compare_published(recomputed: Decimal, published: Decimal, *, bound: Decimal = Decimal(0)) -> PublishedComparison:
    """Compare a recomputed value with the published one, given the rounding bound.

    Equal numbers (``0.70`` and ``0.7`` are equal) are an exact match; a
    difference of at most ``bound`` is explained by rounding; anything else is
    a real difference.

    >>> compare_published(Decimal("0.5478"), Decimal("0.5478")).kind
    <Agreement.EXACT: 'exact'>
    """
    mine = _check(recomputed, PublishedText.RECOMPUTED)
    theirs = _check(published, PublishedText.PUBLISHED)
    limit = _check(bound, PublishedText.BOUND)
    if limit < 0:
        raise InputError(PublishedText.NEGATIVE_BOUND, value=limit)
    with exact_context():
        gap = abs(mine - theirs)
    if gap == 0:
        kind = Agreement.EXACT
    elif gap <= limit:
        kind = Agreement.ROUNDING
    else:
        kind = Agreement.DIFFERENT
    return PublishedComparison(mine, theirs, limit, kind)


def _half_unit(decimals: int) -> Decimal:
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise InputError(PublishedText.DECIMALS, value=repr(decimals)[:60])
    return Decimal(5).scaleb(-decimals - 1)


def rounding_bound(
    components: Iterable[tuple[Decimal, int]],
    *,
    published_decimals: int | None = None,
    recomputed_decimals: int | None = None,
) -> Decimal:
    """The largest difference rounding can cause, for a formula linear in rounded components.

    ``components`` are ``(weight, decimals)``: each component enters the
    formula times ``weight`` and was published rounded to the nearest unit of
    its last place (``decimals``). ``published_decimals`` and
    ``recomputed_decimals`` add half a unit of the last place of the
    published and of the recomputed figure, when each was rounded.

    >>> rounding_bound([(Decimal("0.1"), 4), (Decimal("0.2"), 4)])
    Decimal('0.000015')
    """
    with exact_context():
        bound = Decimal(0)
        for weight, decimals in components:
            bound += abs(_check(weight, PublishedText.WEIGHT)) * _half_unit(decimals)
        if published_decimals is not None:
            bound += _half_unit(published_decimals)
        if recomputed_decimals is not None:
            bound += _half_unit(recomputed_decimals)
        return bound.normalize() if bound else bound


def index_rounding_bound(
    maxima: Sequence[Decimal], maximum: Decimal, decimals: int, *, recomputed_rounded: bool = True
) -> Decimal:
    """The bound for a value published as points / ``maximum``, recomputed from nodes published as points / their maxima.

    Each node (maximum ``m``) was published on the same scale with ``decimals``
    places, so it enters the value with weight ``m / maximum``; the published
    value was rounded to ``decimals`` too, and so is the recomputed one unless
    ``recomputed_rounded`` is false. The DTI's PDTI from its eight scored main
    indices:

    >>> index_rounding_bound([Decimal(m) for m in (100, 100, 100, 100, 100, 200, 150, 150)], Decimal(1000), 4)
    Decimal('0.00015')
    """
    if maximum <= 0:
        raise InputError(PublishedText.MAXIMUM, value=maximum)
    half = Fraction(_half_unit(decimals))
    exact = sum((Fraction(_check(m, PublishedText.MAXIMUM_WORD)) for m in maxima), Fraction(0)) / Fraction(maximum) * half
    exact += half * (2 if recomputed_rounded else 1)
    bound = terminating(exact)
    if bound is None:  # rounded up once, so that the bound is never too small
        bound = divide(Decimal(exact.numerator), Decimal(exact.denominator), 30, ROUND_CEILING)
    with exact_context():
        return bound.normalize() if bound else bound


@attrs.frozen
class PublishedFigure:
    """A figure a decision published for one agency: its total on the published scale, and its rank."""

    agency: str
    value: Decimal
    rank: int | None = None


@attrs.frozen
class FigureCheck:
    """One agency's recomputed total against its published figure.

    ``comparison`` compares the recomputed published value (``normalised``,
    else the total in points) with the published one; ``rank_matches`` is
    ``None`` when no rank was published.
    """

    agency: str
    group: str
    comparison: PublishedComparison
    published_rank: int | None
    rank: Rank
    #: the published rank against the computed one: exact, one the rounding of the components allows, or real
    rank_agreement: Agreement | None = None
    #: the agencies whose values tie with this one once the rounding is allowed for (a rank within rounding)
    ties: tuple[str, ...] = ()

    @property
    def rank_matches(self) -> bool | None:
        return None if self.published_rank is None else self.published_rank == self.rank


@attrs.frozen
class PublishedCheck:
    """A recomputed result against a published table (đối chiếu với bảng công bố).

    ``checks`` in the result's order; ``only_published`` lists the agencies the
    table has and the result does not, ``not_published`` the reverse: none is
    dropped.
    """

    checks: tuple[FigureCheck, ...]
    only_published: tuple[str, ...] = ()
    not_published: tuple[str, ...] = ()

    def count(self, kind: Agreement) -> int:
        return sum(1 for check in self.checks if check.comparison.kind is kind)

    @property
    def ok(self) -> bool:
        """Every figure matches or differs only as rounding explains, every published rank matches, no agency is unmatched."""
        return (
            all(check.comparison.explained and check.rank_agreement is not Agreement.DIFFERENT for check in self.checks)
            and not self.only_published
            and not self.not_published
        )


def _rank_agreement(
    agency: str, published: int | None, rank: Rank, spread: Mapping[str, tuple[str, Fraction, Fraction]]
) -> tuple[Agreement | None, tuple[str, ...]]:
    """A published rank against the computed one: exact; within rounding when the agency could hold it had the
    components not been rounded (the agencies it then ties with); else a real difference."""
    if published is None:
        return None, ()
    if published == rank:
        return Agreement.EXACT, ()
    group, mine, own = spread[agency]
    above = possible = 0
    ties: list[str] = []
    for other, (other_group, value, moved) in spread.items():
        if other == agency or other_group != group:
            continue
        gap, reach = value - mine, own + moved
        above += gap > reach
        possible += gap >= -reach
        if -reach <= gap <= reach:
            ties.append(other)
    if ties and 1 + above <= published <= 1 + possible:
        return Agreement.ROUNDING, tuple(ties)
    return Agreement.DIFFERENT, ()


def check_published(
    result: Result, published: Iterable[PublishedFigure], *, component_decimals: int | None = None
) -> PublishedCheck:
    """Compare every agency's recomputed total with the figure a decision published.

    The recomputed value is the total on the published scale
    (``normalised``), or the total in points for a rubric that publishes
    none. ``component_decimals`` says that the scores were themselves
    published values rounded to that many decimals on the rubric's scale (as
    read with ``values="index"``): the bound is then
    :func:`index_rounding_bound` over the nodes the agency was given;
    otherwise the scores are exact and the bound is 0.

    >>> from govindex import Agency, Assessment, load_rubric, score
    >>> rubric = load_rubric("vn-dti-2022-province")
    >>> given = dict.fromkeys(["digital_awareness", "digital_institutions", "digital_infrastructure",
    ...                        "digital_human_resources"], "0.7164")
    >>> given |= {"cyber_security": "0.7163", "digital_government": "0.7163", "digital_economy": "0.7164",
    ...           "digital_society": "0.7163"}
    >>> result = score(rubric, [Assessment(Agency("p", "P", "province"), given)], values="index")
    >>> check = check_published(result, [PublishedFigure("p", Decimal("0.7163"), 1)], component_decimals=4)
    >>> check.checks[0].comparison.describe(), check.ok
    ('differs by +0.0001, within the rounding bound ±0.00015 of the published components', True)
    """
    figures: dict[str, PublishedFigure] = {}
    for figure in published:
        if not isinstance(figure, PublishedFigure):
            raise InputError(PublishedText.NOT_FIGURE, kind=type(figure).__name__)
        if figure.agency in figures:
            raise InputError(PublishedText.FIGURE_TWICE, agency=figure.agency)
        figures[figure.agency] = figure
    rubric = result.rubric
    checks: list[FigureCheck] = []
    seen: set[str] = set()
    # each agency's recomputed value and how far the rounding of its components can have moved it
    spread: dict[str, tuple[str, Fraction, Fraction]] = {}
    for row in result.rows:
        recomputed = row.normalised if row.normalised is not None else row.total
        moved = Fraction(0)
        if component_decimals is not None and row.normalised is not None:
            tree = rubric.tree(row.agency.group)
            given = [node.max_points for node in tree.walk() if node.id in row.raw]
            moved = Fraction(index_rounding_bound(given, tree.max_points, component_decimals)) - Fraction(
                _half_unit(component_decimals)
            )
        spread[row.agency.id] = (row.agency.group, Fraction(recomputed), moved)
    for row in result.rows:
        found = figures.get(row.agency.id)
        if found is None:
            continue
        seen.add(row.agency.id)
        tree = rubric.tree(row.agency.group)
        recomputed = row.normalised if row.normalised is not None else row.total
        bound = Decimal(0)
        if component_decimals is not None and row.normalised is not None:
            given = [node.max_points for node in tree.walk() if node.id in row.raw]
            bound = index_rounding_bound(given, tree.max_points, component_decimals)
        comparison = compare_published(recomputed, found.value, bound=bound)
        kind, ties = _rank_agreement(row.agency.id, found.rank, row.rank, spread)
        checks.append(FigureCheck(row.agency.id, row.agency.group, comparison, found.rank, row.rank, kind, ties))
    return PublishedCheck(
        tuple(checks),
        only_published=tuple(agency for agency in figures if agency not in seen),
        not_published=tuple(row.agency.id for row in result.rows if row.agency.id not in figures),
    )
