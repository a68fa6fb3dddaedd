"""Published results (kết quả công bố): what an official decision printed.

A :class:`PublishedDataset` holds, for one results decision under one
rubric, every agency's scores as printed and the figures the decision gave
for it (total, band, rank, rank on each category), the agencies it did not
assess and why, the summary it printed per group and overall (number
assessed, mean, leader, band shares, overall mean), and the errors of the
source that can be proven from its own numbers (:class:`KnownError`).

These are plain values; reading them from a file is
:func:`govindex.io.published.load_dataset`, and checking them against a
recomputation is :func:`govindex.reproduction.check_dataset`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from govindex._convert import to_dict
from govindex.agency import Agency
from govindex.assessment import Assessment, Source
from govindex.catalogue.results import PublishedText
from govindex.catalogue.rubric import RubricText
from govindex.errors import InputError
from govindex.views import VALUES

__all__ = [
    "FIGURES",
    "ROUNDED_FIGURES",
    "KnownError",
    "PublishedAgency",
    "PublishedDataset",
    "PublishedExclusion",
    "PublishedFigures",
    "PublishedGroup",
    "PublishedRounding",
    "PublishedSummary",
]

#: The kinds of published figure a reproduction checks, and that a known error may name.
FIGURES = (
    "total",
    "band",
    "rank",
    "node_rank",
    "not_assessed",
    "assessed",
    "mean",
    "leader",
    "leader_total",
    "band_share",
    "overall_mean",
)

#: The kinds of published figure whose rounding a dataset may state (``published_rounding``).
ROUNDED_FIGURES = ("total",)


def _decimals(what: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and attribute.default is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
            raise InputError(PublishedText.ROUNDING_DECIMALS, what=what, value=repr(value)[:60])

    return check


@attrs.frozen
class PublishedRounding:
    """How a kind of published figure was rounded (làm tròn số liệu công bố).

    ``components``: the decimals the scores were published with, on the scale
    they are given (points, or index values with ``values: index``); the
    published figure was computed from the unrounded components, so one
    recomputed from the published ones may differ by what their rounding
    explains. ``decimals``: the decimals of the published figure itself
    (default: as many as it is printed with).
    """

    components: int = attrs.field(validator=_decimals("components"))
    decimals: int | None = attrs.field(default=None, validator=_decimals("decimals"))


@attrs.frozen
class PublishedFigures:
    """What the decision printed for one agency: total, band, rank and ranks per node (category)."""

    total: Decimal
    band: str | None = None
    rank: int | None = None
    ranks: Mapping[str, int] = attrs.field(factory=dict, converter=to_dict, hash=False)


@attrs.frozen
class PublishedAgency:
    """One agency of a published table: its scores as printed and the figures given for it."""

    id: str
    name: str
    group: str
    scores: Mapping[str, Decimal] = attrs.field(converter=to_dict, hash=False)
    published: PublishedFigures


@attrs.frozen
class PublishedExclusion:
    """An agency the decision says it did not assess (không đánh giá), with its words."""

    id: str
    name: str
    group: str
    reason: str


@attrs.frozen
class PublishedGroup:
    """What the decision printed about one ranking group.

    ``assessed``: the number of agencies assessed ("18/18"); ``mean``: the
    group mean as printed, with the precision printed ("68/100 điểm" is
    ``68``); ``leader`` and ``leader_total``: the agency named at the top
    and its score as printed ("70 điểm"); ``band_shares``: whole
    percentages per band id, as printed.
    """

    assessed: int | None = None
    mean: Decimal | None = None
    leader: str | None = None
    leader_total: Decimal | None = None
    band_shares: Mapping[str, int] = attrs.field(factory=dict, converter=to_dict, hash=False)


@attrs.frozen
class PublishedSummary:
    """The summary a decision printed: per group, and the overall mean (of the group means)."""

    groups: Mapping[str, PublishedGroup] = attrs.field(factory=dict, converter=to_dict, hash=False)
    overall_mean: Decimal | None = None


@attrs.frozen
class KnownError:
    """A published figure that is wrong, as the source's own numbers prove.

    ``figure`` is one of :data:`FIGURES`; ``group`` and ``agency`` say
    where. ``published`` and ``correct`` map the figure's item (a band id
    for ``band_share``, a node id for ``node_rank``, ``value`` for a single
    figure) to its text: what was printed and what the published numbers
    give. ``where`` says where the source prints it; ``explanation`` (in
    Vietnamese) and ``explanation_en`` prove it. A reproduction reports the
    figure as a known error of the source only when it finds exactly these
    two values.
    """

    figure: str
    published: Mapping[str, str] = attrs.field(converter=to_dict, hash=False)
    correct: Mapping[str, str] = attrs.field(converter=to_dict, hash=False)
    explanation: str
    explanation_en: str
    group: str | None = None
    agency: str | None = None
    where: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.figure not in FIGURES:
            raise InputError(PublishedText.KNOWN_ERROR_FIGURE, figure=repr(self.figure), known=list(FIGURES))
        if not self.published or set(self.published) != set(self.correct):
            raise InputError(
                PublishedText.KNOWN_ERROR_ITEMS,
                figure=repr(self.figure),
                published=list(self.published) or RubricText.NONE,
                correct=list(self.correct) or RubricText.NONE,
                agency=self.agency,
                group=self.group,
            )
        same = [item for item in self.published if self.published[item] == self.correct[item]]
        if same:
            raise InputError(
                PublishedText.KNOWN_ERROR_SAME, figure=repr(self.figure), items=same, agency=self.agency, group=self.group
            )

    def correct_value(self, group: str | None, agency: str | None, item: str, published: str) -> str | None:
        """The correct value this error records for a figure printed as ``published``, else ``None``."""
        if (self.group, self.agency) != (group, agency) or self.published.get(item) != published:
            return None
        return self.correct[item]


@attrs.frozen
class PublishedDataset:
    """The published results of one decision under one rubric (a bundled rubric id).

    ``values`` says how the scores are given: ``"points"`` or ``"index"``
    (on the rubric's published scale, see :func:`govindex.index_values.index_to_points`).
    ``published_rounding`` states, per kind of figure (:data:`ROUNDED_FIGURES`),
    how the published figures were rounded (:class:`PublishedRounding`); a
    figure whose difference that rounding explains is reported as such, not
    as a difference.
    """

    dataset: str
    rubric: str
    source: Mapping[str, Any] = attrs.field(converter=to_dict, hash=False)
    agencies: tuple[PublishedAgency, ...]
    not_assessed: tuple[PublishedExclusion, ...] = ()
    published_summary: PublishedSummary = attrs.field(factory=PublishedSummary)
    known_errors: tuple[KnownError, ...] = ()
    values: str = "points"
    published_rounding: Mapping[str, PublishedRounding] = attrs.field(factory=dict, converter=to_dict, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.values not in VALUES:
            first, second = (repr(kind) for kind in VALUES)
            raise InputError(
                PublishedText.DATASET_VALUES,
                dataset=repr(self.dataset),
                first=first,
                second=second,
                value=repr(self.values)[:60],
            )
        unknown = [figure for figure in self.published_rounding if figure not in ROUNDED_FIGURES]
        if unknown:
            raise InputError(
                PublishedText.DATASET_ROUNDED,
                dataset=repr(self.dataset),
                figures=[repr(figure) for figure in unknown],
                known=list(ROUNDED_FIGURES),
            )
        seen: set[str] = set()
        for agency_id in [a.id for a in self.agencies] + [a.id for a in self.not_assessed]:
            if agency_id in seen:
                raise InputError(PublishedText.DATASET_TWICE, agency=agency_id)
            seen.add(agency_id)

    def assessments(self, *groups: str, not_assessed: bool = True) -> tuple[Assessment, ...]:
        """The scored agencies, then those not assessed (without scores, for the rubric's rules to exclude).

        ``groups`` keeps only the agencies of these groups; ``not_assessed=False`` leaves out the
        agencies the decision did not assess.
        """

        def chosen(group: str) -> bool:
            return not groups or group in groups

        published = Source.PUBLISHED
        out = [Assessment(Agency(a.id, a.name, a.group), a.scores, published) for a in self.agencies if chosen(a.group)]
        if not_assessed:
            out += [
                Assessment(Agency(a.id, a.name, a.group), {}, published) for a in self.not_assessed if chosen(a.group)
            ]
        return tuple(out)

    @property
    def groups(self) -> tuple[str, ...]:
        """The groups of the published agencies, in the order they first appear."""
        return tuple(dict.fromkeys(agency.group for agency in self.agencies))
