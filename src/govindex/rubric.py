"""The rubric (bộ tiêu chí / bộ chỉ số): a tree of criteria per agency group.

A :class:`Node` is a main index (chỉ số chính / hạng mục), an intermediate
criterion (tiêu chí lớn) or a scored sub-criterion (tiêu chí thành phần). A
parent's maximum (điểm tối đa) is the sum of its children's maxima; a rubric
that breaks this cannot be built.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import PurePosixPath, PureWindowsPath
from types import MappingProxyType
from typing import Any

import attrs

from govindex._convert import FrozenDict, frozen_params, to_frozenset, to_str_tuple
from govindex.aggregation import AGGREGATES, BANDS_ON, CONVERSIONS, RANK_ON, SCALES, weight_total
from govindex.bands import BandScheme
from govindex.catalogue import Entry
from govindex.catalogue.indices import AggregateText
from govindex.catalogue.rubric import RubricText, ViewText
from govindex.catalogue.scoring import Terms
from govindex.errors import GovIndexError, RubricError, UnknownNameError
from govindex.measures import Measure, resolve_measure
from govindex.points import MAX_DECIMALS, ROUNDING_MODES, bounds_problem, coerce_points, decimals_of, exact
from govindex.ranking import TiePolicy
from govindex.views import Publication, View, check_view

__all__ = [
    "RESERVED_IDS",
    "AppendixLayout",
    "Group",
    "Index",
    "LegalBasis",
    "Node",
    "NotRanked",
    "Publication",
    "Rubric",
    "RuleRef",
    "SubCriterion",
    "TiePolicy",
    "View",
]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")

#: Ids that cannot name a node, because score files use them as column names.
RESERVED_IDS = frozenset({"agency", "group", "name", "node", "score", "source"})

#: The years a rubric may be issued for (a date's range).
YEARS = range(1, 10_000)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_id(kind: Entry, value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise RubricError(RubricText.BAD_ID, kind=kind, value=_shown(value))


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@attrs.frozen
class LegalBasis:
    """The decision (quyết định) that issues a rubric, a rule or a result.

    ``date`` may be ``None`` when the sources give the decision's number but
    not its date; ``year`` then says the year it was issued in.

    >>> LegalBasis("1287/QĐ-UBND", None, "UBND tỉnh Sơn La", year=2024).cite()
    'Decision 1287/QĐ-UBND of 2024 (UBND tỉnh Sơn La)'
    """

    decision: str
    date: dt.date | None
    issuer: str
    title: str | None = None
    article: str | None = None
    year: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.date is not None and self.year is not None and self.date.year != self.year:
            raise RubricError(RubricText.BASIS_YEAR, decision=self.decision, year=self.year, date=self.date.isoformat())

    @property
    def when(self) -> str:
        """The date (``2017-08-09``), else the year, else ``date unknown``."""
        if self.date is not None:
            return self.date.isoformat()
        return str(self.year) if self.year is not None else "date unknown"

    def cite(self) -> str:
        """``Decision 2166/QĐ-UBND of 2017-08-09 (UBND tỉnh Sơn La)``."""
        article = f", {self.article}" if self.article else ""
        return f"Decision {self.decision} of {self.when} ({self.issuer}){article}"


def _tuple_of_nodes(value: Any) -> tuple[Node, ...]:
    return tuple(value)


def _optional_points(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else coerce_points(value)


def _to_measure(value: Measure | Mapping[str, Any] | None) -> Measure | None:
    if value is None:
        return None
    return resolve_measure(value)


@attrs.frozen(eq=True)
class Node:
    """A criterion of the rubric tree, with its maximum points (điểm tối đa).

    ``children`` empty makes the node a scored leaf (tiêu chí thành phần).
    ``aggregate`` says how a node is made from its children (:mod:`govindex.aggregation`):
    ``sum`` (the default; its maximum is the sum of theirs), ``mean`` or
    ``weighted`` (a ``weight`` on every child, summing to 1 or 100 %); a
    mean's children share one scale (its maximum) unless ``convert: share``
    states the conversion. ``scale`` states the node's scale (``points``,
    ``0-1``, ``0-10``, ``0-100``; the last three fix its maximum).
    ``tags`` mark nodes that methodology rules act on (``online_services``,
    ``subordinate_units``). ``components`` names parts that a decision lists
    without publishing their maxima: documentation only, never scored.

    Points may be given as ``Decimal``, ``int`` or text (``"2,5"``), never as
    a float; a parent's maximum must be the sum of its children's.

    >>> staff = Node("staff", "Nhân lực CNTT", 10, [Node("s1", "Cán bộ chuyên trách", "6,5"), Node("s2", "Đào tạo", "3.5")])
    >>> staff.max_points, [leaf.id for leaf in staff.leaves()]
    (Decimal('10'), ['s1', 's2'])
    """

    id: str
    name: str
    max_points: Decimal = attrs.field(converter=coerce_points)
    children: tuple[Node, ...] = attrs.field(default=(), converter=_tuple_of_nodes)
    name_en: str | None = None
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=to_frozenset)
    components: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    notes: str | None = None
    measure: Measure | None = attrs.field(default=None, converter=_to_measure)
    aggregate: str = "sum"
    weight: Decimal | None = attrs.field(default=None, converter=_optional_points)
    scale: str | None = None
    convert: str | None = None

    @exact
    def __attrs_post_init__(self) -> None:
        _check_id(RubricText.NODE, self.id)
        where: dict[str, Any] = {"node": self.id, "node_name": self.name if isinstance(self.name, str) else None}
        if self.id in RESERVED_IDS:
            raise RubricError(RubricText.RESERVED_ID, value=repr(self.id), reserved=sorted(RESERVED_IDS), **where)
        maximum = self.max_points
        if not isinstance(maximum, Decimal) or not maximum.is_finite() or maximum < 0:
            raise RubricError(RubricText.MAX_POINTS, value=_shown(maximum), **where)
        problem = bounds_problem(maximum)
        if problem is not None:
            raise RubricError(RubricText.MAX_POINTS_BOUNDS, value=maximum, problem=problem, **where)
        if self.measure is not None:
            if self.children:
                raise RubricError(RubricText.MEASURE_NOT_LEAF, **where)
            try:
                self.measure.validate(maximum, None)
            except GovIndexError as error:
                raise error.with_context(**where) from None
        self._check_method(where)
        if self.children:
            self._check_children(where)

    def _check_method(self, where: dict[str, Any]) -> None:
        """The node's aggregate, scale and conversion are known and fit it."""
        if self.aggregate not in AGGREGATES:
            raise RubricError(
                AggregateText.UNKNOWN_AGGREGATE,
                value=_shown(self.aggregate),
                known=list(AGGREGATES),
                path="aggregate",
                **where,
            )
        if self.aggregate != "sum" and not self.children:
            raise RubricError(AggregateText.AGGREGATE_ON_LEAF, value=self.aggregate, path="aggregate", **where)
        if self.scale is not None:
            if self.scale not in SCALES:
                raise RubricError(
                    AggregateText.UNKNOWN_SCALE, value=_shown(self.scale), known=list(SCALES), path="scale", **where
                )
            expected = SCALES[self.scale]
            if expected is not None and self.max_points != expected:
                raise RubricError(
                    AggregateText.SCALE_MAX,
                    scale=self.scale,
                    expected=expected,
                    value=self.max_points,
                    path="max_points",
                    **where,
                )
        if self.convert is not None:
            if self.convert not in CONVERSIONS:
                raise RubricError(
                    AggregateText.UNKNOWN_CONVERT,
                    value=_shown(self.convert),
                    known=list(CONVERSIONS),
                    path="convert",
                    **where,
                )
            if self.aggregate == "sum":
                raise RubricError(AggregateText.CONVERT_ON_SUM, path="convert", **where)

    def _check_children(self, where: dict[str, Any]) -> None:
        seen: set[str] = set()
        for child in self.children:
            if child.id in seen:
                raise RubricError(RubricText.CHILD_TWICE, child=repr(child.id), **where)
            seen.add(child.id)
        if self.aggregate != "weighted":
            for index, child in enumerate(self.children):
                if child.weight is not None:
                    raise RubricError(
                        AggregateText.WEIGHT_NOT_WEIGHTED,
                        child=repr(child.id),
                        path=f"children[{index}].weight",
                        **where,
                    )
        if self.aggregate == "sum":
            total = sum((child.max_points for child in self.children), Decimal(0))
            if total != self.max_points:
                parts = Terms(tuple((child.id, child.max_points) for child in self.children))
                raise RubricError(RubricText.SUM, value=self.max_points, parts=parts, total=total, **where)
            return
        if self.aggregate == "weighted":
            self._check_weights(where)
        if self.convert is None:
            self._check_one_scale(where)

    def _check_weights(self, where: dict[str, Any]) -> None:
        for index, child in enumerate(self.children):
            if child.weight is None:
                raise RubricError(
                    AggregateText.WEIGHT_MISSING, child=repr(child.id), path=f"children[{index}]", **where
                )
            if not isinstance(child.weight, Decimal) or not child.weight.is_finite() or child.weight <= 0:
                raise RubricError(
                    AggregateText.WEIGHT_NOT_POSITIVE,
                    child=repr(child.id),
                    value=child.weight,
                    path=f"children[{index}].weight",
                    **where,
                )
        total = weight_total([child.weight for child in self.children if child.weight is not None])
        if total not in (1, 100):
            raise RubricError(AggregateText.WEIGHT_SUM, total=total, path="children", **where)

    def _check_one_scale(self, where: dict[str, Any]) -> None:
        """A mean's children on one scale (one maximum, one stated scale), which is the node's."""
        scales = {(child.max_points, child.scale or "points") for child in self.children}
        if len(scales) > 1:
            parts = Terms(tuple((child.id, child.max_points) for child in self.children))
            raise RubricError(AggregateText.MEAN_SCALES, parts=parts, path="aggregate", **where)
        common = self.children[0].max_points
        if common != self.max_points:
            raise RubricError(
                AggregateText.MEAN_MAX, value=self.max_points, expected=common, path="max_points", **where
            )

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, parents before children."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def leaves(self) -> Iterator[Node]:
        return (node for node in self.walk() if node.is_leaf)

    def find(self, node_id: str) -> Node | None:
        return next((node for node in self.walk() if node.id == node_id), None)


#: A main index (chỉ số chính / hạng mục): a :class:`Node` near the root.
Index = Node
#: A scored sub-criterion (tiêu chí thành phần): a :class:`Node` without children.
SubCriterion = Node


@attrs.frozen
class Group:
    """An agency group ranked on its own (nhóm xếp hạng), with its rubric tree.

    Sơn La ranks provincial departments (sở, ban, ngành: ``provincial``) and
    district committees (UBND huyện, thành phố: ``district``) separately.
    """

    id: str
    name: str
    tree: Node
    name_en: str | None = None
    #: every node's tags with those of the criteria above it (read-only)
    _tags: Mapping[str, frozenset[str]] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @exact
    def __attrs_post_init__(self) -> None:
        _check_id(RubricText.GROUP, self.id)
        tags: dict[str, frozenset[str]] = {}
        stack: list[tuple[Node, frozenset[str]]] = [(self.tree, frozenset())]
        while stack:
            node, inherited = stack.pop()
            if node.id in tags:
                raise RubricError(RubricText.NODE_TWICE, node_id=repr(node.id), group=self.id, node=node.id)
            tags[node.id] = mine = inherited | node.tags if node.tags else inherited
            stack.extend((child, mine) for child in reversed(node.children))
        object.__setattr__(self, "_tags", MappingProxyType(tags))

    @property
    def node_ids(self) -> tuple[str, ...]:
        return tuple(node.id for node in self.tree.walk())

    def tags_of(self, node_id: str) -> frozenset[str]:
        """The tags that mark a node of this group: its own and those of every criterion above it.

        A tag on a criterion marks every sub-criterion below it, for the
        rubric's checks and for rules alike; ``node.tags`` alone holds only
        the tags written on the node itself.

        >>> tree = Node("total", "Tổng", 10, [Node("units", "Đơn vị trực thuộc", 10, [Node("u1", "u1", 10)],
        ...                                        tags={"subordinate_units"})])
        >>> group = Group("provincial", "Sở, ban, ngành", tree)
        >>> sorted(group.tags_of("u1")), sorted(group.tree.find("u1").tags)
        (['subordinate_units'], [])
        """
        found = self._tags.get(node_id)
        if found is None:
            raise UnknownNameError(RubricText.GROUP_UNKNOWN_NODE, node_id=repr(node_id), group_id=repr(self.id))
        return found


def _captions(value: Mapping[str, Mapping[str, str]] | None) -> Mapping[str, Mapping[str, str]]:
    if value is None:
        return FrozenDict()
    return FrozenDict({str(group): FrozenDict(nodes) for group, nodes in value.items()})


@attrs.frozen
class AppendixLayout:
    """How a province prints the appendix of its results decision (phụ lục kết quả).

    Every field is optional; without it ``govindex publish`` words the
    appendix from the rubric. ``title``/``subtitle`` head the appendix;
    ``mean_decimals`` is the precision of the printed means (Decision
    3247/QĐ-UBND prints 68/100); ``first_table`` numbers the first group's
    tables ("Bảng 3." when the web portals follow tables 1 and 2);
    ``captions`` maps a group id, then a node id, to a caption: the root
    node's id captions the overall ranking, a main index's id its ranking.
    The ``*_en`` fields are the English wording.
    """

    title: str | None = None
    title_en: str | None = None
    subtitle: str | None = None
    subtitle_en: str | None = None
    mean_decimals: int | None = None
    first_table: int = 1
    captions: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, converter=_captions, hash=False)
    captions_en: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, converter=_captions, hash=False)

    def __attrs_post_init__(self) -> None:
        decimals = self.mean_decimals
        if decimals is not None and not (_is_whole(decimals) and 0 <= decimals <= 12):
            raise RubricError(RubricText.MEAN_DECIMALS, value=_shown(decimals), path="mean_decimals")
        if not (_is_whole(self.first_table) and self.first_table >= 1):
            raise RubricError(RubricText.FIRST_TABLE, value=_shown(self.first_table), path="first_table")

    def caption(self, group: str, node: str, lang: str) -> str | None:
        """The caption a province gave the ranking of ``node`` in ``group``, if any."""
        captions = self.captions_en if lang == "en" else self.captions
        return captions.get(group, {}).get(node)


@attrs.frozen
class RuleRef:
    """A methodology rule named in a rubric, with its parameters, in running order.

    ``params`` is read-only (lists in it become tuples), so a rubric handed
    out by the cached :func:`~govindex.load_rubric` cannot be changed in place.
    """

    name: str
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=frozen_params, hash=False)
    legal_basis: LegalBasis | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise RubricError(RubricText.RULE_NAME, value=_shown(self.name))


def _to_tie_policy(value: TiePolicy | str) -> TiePolicy:
    if isinstance(value, TiePolicy):
        return value
    try:
        return TiePolicy(value)
    except ValueError:
        raise RubricError(
            RubricText.TIE_POLICY, value=_shown(value), known=[policy.value for policy in TiePolicy]
        ) from None


def _rule_file_problem(entry: object) -> bool:
    """Whether a ``rule_files`` entry cannot name a rules file beside the rubric (checked without any file)."""
    if not isinstance(entry, str) or not entry.strip() or entry != entry.strip():
        return True
    if any(unicodedata.category(ch).startswith("C") for ch in entry) or "\\" in entry:
        return True
    posix, windows = PurePosixPath(entry), PureWindowsPath(entry)
    if posix.is_absolute() or windows.is_absolute() or windows.drive:
        return True
    return ".." in posix.parts or posix.suffix != ".py"


@attrs.frozen
class NotRanked:
    """An agency assessed, scored and banded but left out of the ranking (không xếp hạng), with the reason.

    The PAR INDEX assesses two special bodies without ranking them; Hải
    Dương's 2023 agency DTI did so for two units without public services.
    """

    agency: str
    reason: str

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.reason, str) or not self.reason.strip():
            raise RubricError(AggregateText.NOT_RANKED_REASON, unit=repr(self.agency), path="reason")


@attrs.frozen
class Rubric:
    """A whole scoring scheme of one year (bộ chỉ số / bộ tiêu chí).

    ``decimals`` is the precision of its points; ``bands`` may be ``None`` for
    an index that is ranked but not banded (the national DTI).
    ``publication`` is the scale on which the rubric publishes its totals and
    main indices (the DTI: 0-1 with four decimals); ``views`` are aggregates
    that overlap the tree (the DTI's pillars), see :mod:`govindex.views`.

    ``rules`` names the methodology rules as data (:class:`RuleRef`), in
    running order, and ``rule_files`` the Python files of a province's own
    rules that a rubric file names (paths relative to its folder): a rubric
    builds no rule, looks nothing up and runs no file. Binding its rules to
    rule objects is a separate step, :func:`govindex.bind`, which checks every
    rule configuration against the trees; :func:`govindex.score` binds a bare
    rubric against the installed rules.

    >>> import datetime as dt
    >>> from govindex.bands import standard_bands
    >>> rubric = Rubric(
    ...     "demo", "Bộ chỉ số", 2024, LegalBasis("1/QĐ-UBND", dt.date(2024, 1, 2), "UBND tỉnh"),
    ...     [Group("provincial", "Sở, ban, ngành", Node("total", "Tổng điểm", 100))],
    ...     bands=standard_bands(85, 70, 50), decimals=2,
    ... )
    >>> rubric.tree("provincial").max_points, rubric.tie_policy
    (Decimal('100'), <TiePolicy.DENSE: 'dense'>)
    """

    id: str
    title: str
    year: int
    legal_basis: LegalBasis
    groups: tuple[Group, ...] = attrs.field(converter=tuple)
    bands: BandScheme | None = None
    decimals: int = 2
    tie_policy: TiePolicy = attrs.field(default=TiePolicy.DENSE, converter=_to_tie_policy)
    rules: tuple[RuleRef, ...] = attrs.field(default=(), converter=tuple)
    title_en: str | None = None
    results_basis: LegalBasis | None = None
    notes: str | None = None
    publication: Publication | None = None
    appendix: AppendixLayout | None = None
    views: tuple[View, ...] = attrs.field(default=(), converter=tuple)
    rule_files: tuple[str, ...] = attrs.field(default=(), converter=to_str_tuple)
    rank_on: str = "unrounded"
    rounding: str = "ROUND_HALF_UP"
    share_decimals: int = 0
    not_ranked: tuple[NotRanked, ...] = attrs.field(default=(), converter=tuple)
    bands_on: str = "points"

    @exact
    def __attrs_post_init__(self) -> None:
        _check_id(RubricText.RUBRIC, self.id)
        if self.rank_on not in RANK_ON:
            raise RubricError(AggregateText.RANK_ON, value=_shown(self.rank_on), known=list(RANK_ON), path="rank_on")
        if self.share_decimals not in (0, 2) or isinstance(self.share_decimals, bool):
            raise RubricError(AggregateText.SHARE_DECIMALS, value=_shown(self.share_decimals), path="share_decimals")
        if self.rounding not in ROUNDING_MODES:
            raise RubricError(
                AggregateText.ROUNDING, value=_shown(self.rounding), known=sorted(ROUNDING_MODES), path="rounding"
            )
        if not _is_whole(self.year) or self.year not in YEARS:
            raise RubricError(RubricText.YEAR, rubric=repr(self.id), value=_shown(self.year), path="year")
        if not _is_whole(self.decimals) or not 0 <= self.decimals <= MAX_DECIMALS:
            raise RubricError(
                RubricText.DECIMALS,
                rubric=repr(self.id),
                limit=MAX_DECIMALS,
                value=_shown(self.decimals),
                path="decimals",
            )
        self._check_bands()
        self._check_not_ranked()
        self._check_groups()
        self._check_rules()
        self._check_publication()
        self._check_views()
        self._check_appendix()

    def _type_error(self, field: str, expected: Entry, value: object) -> RubricError:
        return RubricError(
            RubricText.NOT_OF_TYPE, rubric=repr(self.id), field=field, expected=expected, value=type(value).__name__
        )

    def _check_bands(self) -> None:
        if self.bands is None:
            return
        if not isinstance(self.bands, BandScheme):
            raise self._type_error("bands", RubricText.EXPECT_BANDS, self.bands)
        if self.bands.floor > 0:
            lowest = self.bands.bands[-1]
            raise RubricError(RubricText.BAND_FLOOR, rubric=repr(self.id), band=repr(lowest.id), lower=lowest.lower)
        self._check_band_scale()

    def _check_band_scale(self) -> None:
        """The bands lie on a scale the rubric has: the scale its trees state (0-1, 0-10, 0-100) or its published
        scale."""
        assert self.bands is not None
        if self.bands_on not in BANDS_ON:
            raise RubricError(
                AggregateText.BANDS_ON, value=_shown(self.bands_on), known=list(BANDS_ON), path="bands_on"
            )
        if self.bands_on == "published":
            if self.publication is None:
                raise RubricError(AggregateText.BANDS_UNPUBLISHED, path="bands_on")
            top, scale = self.publication.scale, self.publication.name
        else:
            stated = [group.tree for group in self.groups if group.tree.scale not in (None, "points")]
            if not stated or len(stated) != len(self.groups):
                return  # points without a stated scale: a bound above the maximum is only never reached
            top = max(tree.max_points for tree in stated)
            scale = f"0-{top.normalize():f}"
        for index, band in enumerate(self.bands.bands):
            if band.lower > top:
                raise RubricError(
                    AggregateText.BAND_ABOVE_SCALE,
                    band=repr(band.id),
                    lower=band.lower,
                    scale=scale,
                    path=f"bands[{index}].lower",
                )

    def _check_not_ranked(self) -> None:
        seen: set[str] = set()
        for index, item in enumerate(self.not_ranked):
            if not isinstance(item, NotRanked):
                raise self._type_error(f"not_ranked[{index}]", AggregateText.EXPECT_NOT_RANKED, item)
            if item.agency in seen:
                raise RubricError(AggregateText.NOT_RANKED_TWICE, unit=repr(item.agency), path=f"not_ranked[{index}]")
            seen.add(item.agency)

    def _check_groups(self) -> None:
        if not self.groups:
            raise RubricError(RubricText.NO_GROUP, rubric=repr(self.id))
        seen: set[str] = set()
        for group in self.groups:
            if not isinstance(group, Group):
                raise self._type_error("groups", RubricText.EXPECT_GROUP, group)
            if group.id in seen:
                raise RubricError(RubricText.GROUP_TWICE, group_id=repr(group.id), rubric=repr(self.id), group=group.id)
            seen.add(group.id)
            for node in group.tree.walk():
                where: dict[str, Any] = {"group": group.id, "node": node.id, "node_name": node.name}
                if node.measure is not None:
                    try:
                        node.measure.validate(node.max_points, self.decimals)
                    except GovIndexError as error:
                        raise error.with_context(**where) from None
                if decimals_of(node.max_points) > self.decimals:
                    raise RubricError(RubricText.NODE_DECIMALS, value=node.max_points, decimals=self.decimals, **where)

    def _check_rules(self) -> None:
        for index, ref in enumerate(self.rules):
            if not isinstance(ref, RuleRef):
                raise self._type_error(f"rules[{index}]", RubricText.EXPECT_RULE_REF, ref)
        seen: set[str] = set()
        for index, entry in enumerate(self.rule_files):
            if _rule_file_problem(entry):
                raise RubricError(RubricText.RULE_FILE, value=_shown(entry), path=f"rule_files[{index}]")
            if entry in seen:
                raise RubricError(RubricText.RULE_FILE_TWICE, value=_shown(entry), path=f"rule_files[{index}]")
            seen.add(entry)

    def _check_appendix(self) -> None:
        if self.appendix is None:
            return
        if not isinstance(self.appendix, AppendixLayout):
            raise self._type_error("appendix", RubricText.EXPECT_APPENDIX, self.appendix)
        groups = {group.id: group for group in self.groups}
        for captions in (self.appendix.captions, self.appendix.captions_en):
            for group_id, nodes in captions.items():
                if group_id not in groups:
                    raise RubricError(RubricText.CAPTION_GROUP, group_id=repr(group_id), groups=list(groups))
                for node_id in nodes:
                    if node_id not in groups[group_id].node_ids:
                        raise RubricError(RubricText.CAPTION_NODE, node_id=repr(node_id), group=group_id, node=node_id)

    def _check_publication(self) -> None:
        if self.publication is None:
            return
        if not isinstance(self.publication, Publication):
            raise self._type_error("publication", RubricText.EXPECT_PUBLICATION, self.publication)
        if any(ref.name == "normalise" for ref in self.rules):
            raise RubricError(ViewText.PUBLICATION_AND_NORMALISE, rubric=repr(self.id))

    def _check_views(self) -> None:
        node_ids = {node_id for group in self.groups for node_id in group.node_ids}
        seen: set[str] = set()
        for index, view in enumerate(self.views):
            if not isinstance(view, View):
                raise self._type_error("views", RubricText.EXPECT_VIEW, view)
            place = f"views[{index}]"
            _check_view_id(view.id, place)
            if view.id in seen:
                raise RubricError(ViewText.VIEW_TWICE, view=repr(view.id), rubric=repr(self.id), path=place)
            seen.add(view.id)
            if view.id in node_ids or view.id in RESERVED_IDS:
                raise RubricError(ViewText.ID_TAKEN, view=repr(view.id), path=f"{place}.id")
            if view.publication is None and self.publication is None:
                raise RubricError(ViewText.NO_SCALE, view=repr(view.id), rubric=repr(self.id), path=place)
            for group in self.groups:
                try:
                    check_view(view, group.tree, group.id)
                except GovIndexError as error:
                    raise _at_view_node(error, view, place) from None

    def view(self, view_id: str) -> View:
        """The view with this id; an unknown id is refused, listing the known ones."""
        for view in self.views:
            if view.id == view_id:
                return view
        known = [view.id for view in self.views] or RubricText.NONE
        raise UnknownNameError(RubricText.UNKNOWN_VIEW, view=repr(view_id), rubric=repr(self.id), known=known)

    @property
    def group_ids(self) -> tuple[str, ...]:
        return tuple(group.id for group in self.groups)

    def group(self, group_id: str) -> Group:
        """The group with this id; an unknown id is refused, listing the known ones."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise UnknownNameError(
            RubricText.UNKNOWN_GROUP,
            group_id=repr(group_id),
            rubric=repr(self.id),
            known=list(self.group_ids),
            group=group_id,
        )

    def tree(self, group_id: str) -> Node:
        return self.group(group_id).tree

    def node(self, group_id: str, node_id: str) -> Node:
        """The node ``node_id`` of the group's tree; an unknown id is refused."""
        found = self.tree(group_id).find(node_id)
        if found is None:
            raise UnknownNameError(
                RubricText.UNKNOWN_NODE,
                node_id=repr(node_id),
                group_id=repr(group_id),
                rubric=repr(self.id),
                group=group_id,
                node=node_id,
            )
        return found


def _check_view_id(view_id: object, place: str) -> None:
    try:
        _check_id(RubricText.VIEW, view_id)  # type: ignore[arg-type]
    except GovIndexError as error:
        raise error.with_context(path=f"{place}.id") from None


def _at_view_node(error: GovIndexError, view: View, place: str) -> GovIndexError:
    """A view's problem placed at the node it names (``views[1].nodes[0]``), else at the view."""
    if error.node is not None and error.node in view.nodes:
        return error.with_context(path=f"{place}.nodes[{view.nodes.index(error.node)}]")
    return error.with_context(path=place)
