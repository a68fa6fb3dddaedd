"""The rubric (bộ tiêu chí / bộ chỉ số): a tree of criteria per agency group.

A :class:`Node` is a main index (chỉ số chính / hạng mục), an intermediate
criterion (tiêu chí lớn) or a scored sub-criterion (tiêu chí thành phần). A
parent's maximum (điểm tối đa) is the sum of its children's maxima; a rubric
that breaks this cannot be built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from govindex._convert import FrozenDict, to_frozenset, to_str_tuple
from govindex.bands import BandScheme
from govindex.errors import GovIndexError, RubricError, UnknownNameError
from govindex.measures import Measure, resolve_measure
from govindex.points import MAX_DECIMALS, bounds_problem, coerce_points, decimals_of, exact
from govindex.ranking import TiePolicy
from govindex.views import Publication, View, check_view

if TYPE_CHECKING:
    from govindex.rules import Rule
    from govindex.rules.plugins import RulePlugins

__all__ = [
    "RESERVED_IDS",
    "AppendixLayout",
    "Group",
    "Index",
    "LegalBasis",
    "Node",
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


def _check_id(kind: str, value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise RubricError(
            f"{kind} id {value!r} must start with a letter or digit and contain only letters, digits, '_', '.', '-'"
        )


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
            raise RubricError(
                f"decision {self.decision}: year {self.year} does not match its date {self.date.isoformat()}"
            )

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


def _to_measure(value: Measure | Mapping[str, Any] | None) -> Measure | None:
    if value is None:
        return None
    return resolve_measure(value)


@attrs.frozen(eq=True)
class Node:
    """A criterion of the rubric tree, with its maximum points (điểm tối đa).

    ``children`` empty makes the node a scored leaf (tiêu chí thành phần).
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

    @exact
    def __attrs_post_init__(self) -> None:
        _check_id("node", self.id)
        if self.id in RESERVED_IDS:
            raise RubricError(f"node id {self.id!r} is reserved for score-file columns", node=self.id)
        if not isinstance(self.max_points, Decimal) or not self.max_points.is_finite() or self.max_points < 0:
            raise RubricError(
                f"max_points must be a finite, non-negative number of points (a Decimal, an int or text such as "
                f"'2.5'), not {self.max_points!r}",
                node=self.id,
            )
        problem = bounds_problem(self.max_points)
        if problem is not None:
            raise RubricError(f"max_points {self.max_points} {problem}", node=self.id)
        if self.measure is not None:
            if self.children:
                raise RubricError(
                    "a measure belongs to a scored leaf (tiêu chí thành phần); this node has children", node=self.id
                )
            try:
                self.measure.validate(self.max_points, None)
            except GovIndexError as error:
                raise error.with_context(node=self.id) from None
        if self.children:
            seen: set[str] = set()
            for child in self.children:
                if child.id in seen:
                    raise RubricError(f"child {child.id!r} appears twice", node=self.id)
                seen.add(child.id)
            total = sum((child.max_points for child in self.children), Decimal(0))
            if total != self.max_points:
                parts = " + ".join(f"{child.id} {child.max_points}" for child in self.children)
                raise RubricError(
                    f"max_points {self.max_points} is not the sum of its children's maxima ({parts} = {total})",
                    node=self.id,
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

    @exact
    def __attrs_post_init__(self) -> None:
        _check_id("group", self.id)
        seen: set[str] = set()
        for node in self.tree.walk():
            if node.id in seen:
                raise RubricError(f"node id {node.id!r} is used twice in the tree", group=self.id, node=node.id)
            seen.add(node.id)

    @property
    def node_ids(self) -> tuple[str, ...]:
        return tuple(node.id for node in self.tree.walk())


def _frozen_params(value: Mapping[str, Any]) -> Mapping[str, Any]:
    from govindex.rules.params import frozen_params

    return frozen_params(value)


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
        if decimals is not None and (
            isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 12
        ):
            raise RubricError(f"appendix: mean_decimals must be an integer from 0 to 12, not {decimals!r}")
        if isinstance(self.first_table, bool) or not isinstance(self.first_table, int) or self.first_table < 1:
            raise RubricError(f"appendix: first_table must be a positive integer, not {self.first_table!r}")

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
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_params, hash=False)
    legal_basis: LegalBasis | None = None


def _to_tie_policy(value: TiePolicy | str) -> TiePolicy:
    if isinstance(value, TiePolicy):
        return value
    try:
        return TiePolicy(value)
    except ValueError:
        raise RubricError(
            f"unknown tie policy {value!r}; use one of {', '.join(policy.value for policy in TiePolicy)}"
        ) from None


@attrs.frozen
class Rubric:
    """A whole scoring scheme of one year (bộ chỉ số / bộ tiêu chí).

    ``decimals`` is the precision of its points; ``bands`` may be ``None`` for
    an index that is ranked but not banded (the national DTI).
    ``publication`` is the scale on which the rubric publishes its totals and
    main indices (the DTI: 0-1 with four decimals); ``views`` are aggregates
    that overlap the tree (the DTI's pillars), see :mod:`govindex.views`.

    ``rules`` names the methodology rules as data (:class:`RuleRef`). They are
    resolved, and their configuration checked against the tree, when the
    rubric is built: against ``plugins`` (a
    :class:`~govindex.rules.plugins.RulePlugins`; ``None``: the rules
    installed in this process). A rule name that resolves to nothing, a
    parameter that is not allowed, a tag that marks no node and a node id
    that names none are refused (:class:`~govindex.errors.RuleError`), so a
    rubric whose rules cannot run cannot exist. :attr:`resolved_rules` holds
    the rule objects that scoring runs. ``rule_files`` lists the Python files
    of rules that a rubric file loads from its own folder (read by
    :mod:`govindex.io.rubrics`, never by the core).

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
    #: the :class:`~govindex.rules.plugins.RulePlugins` rule names resolve against (``None``: the installed rules)
    plugins: Any = attrs.field(default=None, eq=False, repr=False, hash=False)
    _resolved: tuple[Any, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @exact
    def __attrs_post_init__(self) -> None:
        _check_id("rubric", self.id)
        if not self.groups:
            raise RubricError(f"rubric {self.id!r} has no agency group")
        if (
            not isinstance(self.decimals, int)
            or isinstance(self.decimals, bool)
            or not 0 <= self.decimals <= MAX_DECIMALS
        ):
            raise RubricError(
                f"rubric {self.id!r}: decimals must be an integer from 0 to {MAX_DECIMALS}, not {self.decimals!r}"
            )
        if self.bands is not None:
            if not isinstance(self.bands, BandScheme):
                raise RubricError(f"rubric {self.id!r}: bands must be a BandScheme, not {type(self.bands).__name__}")
            if self.bands.floor > 0:
                lowest = self.bands.bands[-1]
                raise RubricError(
                    f"rubric {self.id!r}: the lowest band {lowest.id!r} starts at {lowest.lower}, "
                    f"so scores in [0, {lowest.lower}) would fall in no band"
                )
        seen: set[str] = set()
        for group in self.groups:
            if not isinstance(group, Group):
                raise RubricError(f"rubric {self.id!r}: groups must be Group objects, not {type(group).__name__}")
            if group.id in seen:
                raise RubricError(f"group {group.id!r} appears twice in rubric {self.id!r}", group=group.id)
            seen.add(group.id)
            for node in group.tree.walk():
                if node.measure is not None:
                    try:
                        node.measure.validate(node.max_points, self.decimals)
                    except GovIndexError as error:
                        raise error.with_context(group=group.id, node=node.id) from None
                if decimals_of(node.max_points) > self.decimals:
                    raise RubricError(
                        f"max_points {node.max_points} has more decimals than the rubric's {self.decimals}",
                        group=group.id,
                        node=node.id,
                    )
        self._check_publication()
        self._check_appendix()
        from govindex.rules.check import resolve_rubric_rules

        object.__setattr__(self, "_resolved", resolve_rubric_rules(self))

    def _check_appendix(self) -> None:
        if self.appendix is None:
            return
        if not isinstance(self.appendix, AppendixLayout):
            raise RubricError(
                f"rubric {self.id!r}: appendix must be an AppendixLayout, not {type(self.appendix).__name__}"
            )
        groups = {group.id: group for group in self.groups}
        for captions in (self.appendix.captions, self.appendix.captions_en):
            for group_id, nodes in captions.items():
                if group_id not in groups:
                    raise RubricError(
                        f"appendix: a caption names the unknown group {group_id!r}; the groups are {', '.join(groups)}"
                    )
                for node_id in nodes:
                    if node_id not in groups[group_id].node_ids:
                        raise RubricError(
                            f"appendix: a caption names the unknown node {node_id!r}", group=group_id, node=node_id
                        )

    def _check_publication(self) -> None:
        if self.publication is not None:
            if not isinstance(self.publication, Publication):
                raise RubricError(
                    f"rubric {self.id!r}: publication must be a Publication, not {type(self.publication).__name__}"
                )
            if any(ref.name == "normalise" for ref in self.rules):
                raise RubricError(
                    f"rubric {self.id!r} states a publication scale and a 'normalise' rule; state the scale once"
                )
        node_ids = {node_id for group in self.groups for node_id in group.node_ids}
        seen: set[str] = set()
        for view in self.views:
            if not isinstance(view, View):
                raise RubricError(f"rubric {self.id!r}: views must be View objects, not {type(view).__name__}")
            _check_id("view", view.id)
            if view.id in seen:
                raise RubricError(f"view {view.id!r} appears twice in rubric {self.id!r}")
            seen.add(view.id)
            if view.id in node_ids or view.id in RESERVED_IDS:
                raise RubricError(
                    f"view id {view.id!r} is already a node id or a score-file column; give the view its own id"
                )
            if view.publication is None and self.publication is None:
                raise RubricError(
                    f"view {view.id!r} states no publication scale and rubric {self.id!r} has none "
                    "(give the view or the rubric publication: {scale: 1, decimals: 4})"
                )
            for group in self.groups:
                check_view(view, group.tree, group.id)

    def view(self, view_id: str) -> View:
        """The view with this id; an unknown id is refused, listing the known ones."""
        for view in self.views:
            if view.id == view_id:
                return view
        known = ", ".join(view.id for view in self.views) or "none"
        raise UnknownNameError(f"unknown view {view_id!r} in rubric {self.id!r}; the views are {known}")

    @property
    def resolved_rules(self) -> tuple[Rule, ...]:
        """The rule objects :attr:`rules` names, built and checked when the rubric was built, in running order."""
        return cast("tuple[Rule, ...]", self._resolved)

    @property
    def rule_plugins(self) -> RulePlugins:
        """Where this rubric's rule names resolve."""
        from govindex.rules.plugins import RulePlugins

        return self.plugins if isinstance(self.plugins, RulePlugins) else RulePlugins()

    @property
    def group_ids(self) -> tuple[str, ...]:
        return tuple(group.id for group in self.groups)

    def group(self, group_id: str) -> Group:
        """The group with this id; an unknown id is refused, listing the known ones."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise UnknownNameError(
            f"unknown group {group_id!r} in rubric {self.id!r}; the groups are {', '.join(self.group_ids)}",
            group=group_id,
        )

    def tree(self, group_id: str) -> Node:
        return self.group(group_id).tree

    def node(self, group_id: str, node_id: str) -> Node:
        """The node ``node_id`` of the group's tree; an unknown id is refused."""
        found = self.tree(group_id).find(node_id)
        if found is None:
            raise UnknownNameError(
                f"unknown node {node_id!r} in group {group_id!r} of rubric {self.id!r}",
                group=group_id,
                node=node_id,
            )
        return found
