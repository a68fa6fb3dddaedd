"""The rubric (bộ tiêu chí / bộ chỉ số): a tree of criteria per agency group.

A :class:`Group` is an agency group with its tree of criteria
(:class:`~govindex.criteria.Node`, in :mod:`govindex.criteria`); a
:class:`Rubric` is the groups with their bands, views, rules named as data
(:class:`RuleRef`) and the decision that issues it. A parent's maximum
(điểm tối đa) is the sum of its children's maxima; a rubric that breaks
this cannot be built.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import PurePosixPath, PureWindowsPath
from types import MappingProxyType
from typing import Any

import attrs

from govindex._convert import FrozenDict, frozen_params, to_str_tuple
from govindex.aggregation import BANDS_ON, RANK_ON
from govindex.bands import BandScheme
from govindex.catalogue import Entry
from govindex.catalogue.indices import AggregateText
from govindex.catalogue.rubric import RubricText, ViewText
from govindex.criteria import RESERVED_IDS, Index, LegalBasis, Node, SubCriterion, check_id, shown
from govindex.errors import GovIndexError, RubricError, UnknownNameError
from govindex.points import MAX_DECIMALS, ROUNDING_MODES, decimals_of, exact
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

#: The years a rubric may be issued for (a date's range).
YEARS = range(1, 10_000)


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
        check_id(RubricText.GROUP, self.id)
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
            raise RubricError(RubricText.MEAN_DECIMALS, value=shown(decimals), path="mean_decimals")
        if not (_is_whole(self.first_table) and self.first_table >= 1):
            raise RubricError(RubricText.FIRST_TABLE, value=shown(self.first_table), path="first_table")

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
            raise RubricError(RubricText.RULE_NAME, value=shown(self.name))


def _to_tie_policy(value: TiePolicy | str) -> TiePolicy:
    if isinstance(value, TiePolicy):
        return value
    try:
        return TiePolicy(value)
    except ValueError:
        raise RubricError(
            RubricText.TIE_POLICY, value=shown(value), known=[policy.value for policy in TiePolicy]
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
        check_id(RubricText.RUBRIC, self.id)
        if self.rank_on not in RANK_ON:
            raise RubricError(AggregateText.RANK_ON, value=shown(self.rank_on), known=list(RANK_ON), path="rank_on")
        if self.share_decimals not in (0, 2) or isinstance(self.share_decimals, bool):
            raise RubricError(AggregateText.SHARE_DECIMALS, value=shown(self.share_decimals), path="share_decimals")
        if self.rounding not in ROUNDING_MODES:
            raise RubricError(
                AggregateText.ROUNDING, value=shown(self.rounding), known=sorted(ROUNDING_MODES), path="rounding"
            )
        if not _is_whole(self.year) or self.year not in YEARS:
            raise RubricError(RubricText.YEAR, rubric=repr(self.id), value=shown(self.year), path="year")
        if not _is_whole(self.decimals) or not 0 <= self.decimals <= MAX_DECIMALS:
            raise RubricError(
                RubricText.DECIMALS,
                rubric=repr(self.id),
                limit=MAX_DECIMALS,
                value=shown(self.decimals),
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
                AggregateText.BANDS_ON, value=shown(self.bands_on), known=list(BANDS_ON), path="bands_on"
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
                raise RubricError(RubricText.RULE_FILE, value=shown(entry), path=f"rule_files[{index}]")
            if entry in seen:
                raise RubricError(RubricText.RULE_FILE_TWICE, value=shown(entry), path=f"rule_files[{index}]")
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
        check_id(RubricText.VIEW, view_id)  # type: ignore[arg-type]
    except GovIndexError as error:
        raise error.with_context(path=f"{place}.id") from None


def _at_view_node(error: GovIndexError, view: View, place: str) -> GovIndexError:
    """A view's problem placed at the node it names (``views[1].nodes[0]``), else at the view."""
    if error.node is not None and error.node in view.nodes:
        return error.with_context(path=f"{place}.nodes[{view.nodes.index(error.node)}]")
    return error.with_context(path=place)
