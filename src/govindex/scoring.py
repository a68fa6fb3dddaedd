"""Scoring (chấm điểm): methodology (rubric + bound rules) + assessments -> :class:`Result`.

:func:`score` takes a :class:`~govindex.methodology.Methodology` (a rubric
with its rules bound, :func:`govindex.bind`) or, as a convenience, a bare
:class:`~govindex.rubric.Rubric`, bound against the installed rules. It runs
short named stages over the cohort held as columns of exact scaled integers
(:mod:`govindex.engine`):

1. **check**: every score once, on the way in (a known group and node,
   within ``[0, max_points]``, no more decimals than the rubric allows, no
   agency twice);
2. **rules**: the methodology's rules in order, recording every value they
   set, and, for each agency that states a fact a rule reads, whether the
   rule changed nothing for it (:class:`~govindex.rules.Unchanged`);
3. **aggregate**: each tree bottom-up (a node's score is its given value or
   else the sum of its children's; both given must agree);
4. **band**: the totals, with the rubric's band scheme; then the agencies
   not ranked (the rubric's list, a rule's ``not_ranked``, or a reason the
   score data gives) are set aside, scored and banded;
5. **rank**: each group on the total and on every node all its agencies have
   a score for;
6. **sum_views**: the rubric's views (aggregates that overlap the tree, ranked)
   and its totals on its publication scale (:mod:`govindex.views`);
7. **result**: a :class:`~govindex.results.Result` that makes the per-agency
   rows only when they are read.

The stages are listed in :data:`STAGES`; each takes and returns a
:class:`Scoring`, so a stage can be added without touching the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol, overload, runtime_checkable

import attrs

from govindex.agency import Agency
from govindex.assessment import Assessment
from govindex.catalogue.notranked import NotRankedText
from govindex.catalogue.scoring import Stage
from govindex.engine._check import check_value, unknown_node
from govindex.engine._group import GroupScores
from govindex.engine._layout import Layout, layout_of
from govindex.errors import GovIndexError, InputError, RuleError
from govindex.index_values import points_from_index
from govindex.methodology import Methodology, bind
from govindex.points import exact, to_scaled
from govindex.results import NotAssessed, NotRankedResult, Result
from govindex.rubric import Rubric
from govindex.rules import Adjustment, NotApplied, Rule, RuleContext, RuleOutcome, Scale, Unchanged, rule_titles
from govindex.rules.check import reads_of, stated_facts
from govindex.views import VALUES

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from govindex.engine import Columns, GroupTable, Points, ScoreTable
    from govindex.engine._columns import ViewColumns

__all__ = ["STAGES", "Scoring", "check_assessment", "check_score", "methodology_of", "score"]


def check_assessment(rubric: Rubric, assessment: Assessment) -> None:
    """Refuse an assessment the rubric cannot score, naming agency and node.

    Checks what does not depend on the rest of the cohort or on the rules:
    the group is known, every node is known, and every score lies in
    ``[0, max_points]`` with no more decimals than the rubric allows.
    Whether the scores add up (a node and its children agree, nothing is
    missing) is checked by :func:`score`, after the rules have run.

    >>> from govindex import Agency, load_rubric
    >>> check_assessment(load_rubric("sonla-2017-it"), Assessment(Agency("so-a", "Sở A", "provincial"), {"staff": "12"}))
    Traceback (most recent call last):
    ...
    govindex.errors.InputError: cơ quan 'Sở A', tiêu chí 'Nhân lực CNTT': điểm 12 vượt điểm tối đa 10
    """
    agency = assessment.agency
    try:
        for node_id, value in assessment.scores.items():
            check_score(rubric, agency.group, node_id, value, agency.id)
        if not assessment.scores:
            rubric.group(agency.group)
    except GovIndexError as error:
        raise error.with_context(agency=agency.id, agency_name=agency.name) from None


def check_score(rubric: Rubric, group_id: str, node_id: str, value: Decimal, agency: str | None = None) -> None:
    """Refuse one score the rubric cannot hold: unknown group or node, outside ``[0, max_points]``, too many decimals.

    The check of :func:`check_assessment` for a single cell, in constant time
    (readers call it for every cell they read).
    """
    try:
        group = rubric.group(group_id)
    except GovIndexError as error:
        raise error.with_context(agency=agency) from None
    layout = layout_of(group, rubric.decimals)
    position = layout.index.get(node_id)
    if position is None:
        raise unknown_node(layout, node_id, agency)
    check_value(layout, position, value, agency, rubric.decimals)


@attrs.frozen
class Scoring:
    """The work of :func:`score` as it passes from stage to stage."""

    rubric: Rubric
    rules: tuple[Rule, ...]
    cohort: Iterable[Assessment] | ScoreTable
    table: ScoreTable | None = None
    #: per group id: the scores after the rules (scaled) and which cells are given
    current: Mapping[str, tuple[NDArray[Any], NDArray[np.bool_]]] = attrs.field(factory=dict)
    adjustments: tuple[Adjustment, ...] = ()
    excluded: Mapping[str, tuple[str, str]] = attrs.field(factory=dict)
    scale: Scale | None = None
    not_applied: tuple[NotApplied, ...] = ()
    unchanged: tuple[Unchanged, ...] = ()
    groups: Mapping[str, GroupScores] = attrs.field(factory=dict)
    #: the agencies scored and banded but set aside from the ranking (the rubric's ``not_ranked``)
    set_aside: tuple[NotRankedResult, ...] = ()
    #: the agencies a rule leaves out of the ranking: id -> (reason, rule name)
    unranked_by_rules: Mapping[str, tuple[str, str]] = attrs.field(factory=dict)

    @property
    def checked(self) -> ScoreTable:
        assert self.table is not None, "the check stage runs first"
        return self.table


def check(state: Scoring) -> Scoring:
    """Every score checked once and laid out in columns."""
    from govindex.engine import ScoreTable

    cohort = state.cohort
    if isinstance(cohort, ScoreTable):
        if cohort.rubric is not state.rubric and cohort.rubric != state.rubric:
            raise InputError(Stage.TABLE_RUBRIC, read=repr(cohort.rubric.id), scored=repr(state.rubric.id))
        table = cohort
    else:
        table = ScoreTable.from_assessments(state.rubric, cohort)
    return attrs.evolve(state, table=table, current={g.group_id: (g.values, g.given) for g in table.groups})


def methodology_of(value: Methodology | Rubric, rules: Sequence[Rule] | None = None) -> Methodology:
    """The methodology to score with: ``value`` itself, a bare rubric bound against the installed rules,
    or (with ``rules``) the rubric with exactly those rule objects."""
    if isinstance(value, Methodology):
        return value if rules is None else attrs.evolve(value, rules=tuple(rules))
    if not isinstance(value, Rubric):
        raise InputError(Stage.NOT_A_METHODOLOGY, kind=type(value).__name__)
    if rules is not None:
        return Methodology(value, tuple(rules))
    if not value.rules:  # nothing to bind
        return Methodology(value)
    return bind(value)


def _unchanged(rule: Rule, context: RuleContext, outcome: RuleOutcome) -> list[Unchanged]:
    """The agencies that state a fact ``rule`` reads and that it changed nothing for.

    Changed: an adjustment whose value differs from the score before, an
    exclusion, or a note that the rule could not act (which says why).
    """
    rubric = context.rubric
    reads = {group.id: reads_of(rule, rubric, group) for group in rubric.groups}
    if not any(reads.values()):
        return []
    touched = {adj.agency for adj in outcome.adjustments if adj.after != adj.before}
    touched.update(outcome.excluded)
    touched.update(outcome.not_ranked)
    touched.update(item.agency for item in outcome.not_applied)
    out: list[Unchanged] = []
    for assessment in context.assessments:
        agency = assessment.agency
        read = reads.get(agency.group)
        if not read or agency.id in touched:
            continue
        facts = [(fact, value) for fact, value in stated_facts(agency) if fact.removeprefix("attributes.") in read]
        if facts:
            out.append(Unchanged(agency.id, rule.name, facts, rule.legal_basis))
    return out


def apply_rules(state: Scoring) -> Scoring:
    """Run the rules in order; each sees the scores as the rules before it left them."""
    if not state.rules:
        return state
    table = state.checked
    rubric = state.rubric
    current = list(table.assessments())
    where: dict[str, tuple[str, int]] = {}
    for group in table.groups:
        for row, agency in enumerate(group.agencies):
            where[agency.id] = (group.group_id, row)
    arrays = {
        group_id: (values.copy(order="F"), given.copy(order="F")) for group_id, (values, given) in state.current.items()
    }
    adjustments: list[Adjustment] = []
    not_applied: list[NotApplied] = []
    unchanged: list[Unchanged] = []
    excluded: dict[str, tuple[str, str]] = {}
    unranked: dict[str, tuple[str, str]] = {}
    scale = state.scale
    for rule in state.rules:
        context = RuleContext(rubric, tuple(a for a in current if a.agency.id not in excluded))
        outcome = rule.apply(context)
        for agency_id, reason in outcome.excluded.items():
            if agency_id not in where:
                raise RuleError(Stage.RULE_EXCLUDED_UNKNOWN, rule=repr(rule.name), agency=agency_id)
            excluded.setdefault(agency_id, (reason, rule.name))
        for agency_id, reason in outcome.not_ranked.items():
            unranked.setdefault(agency_id, _unranked_by(rule.name, agency_id, reason, where))
        if outcome.scale is not None:
            scale = outcome.scale
        not_applied.extend(outcome.not_applied)
        unchanged.extend(_unchanged(rule, context, outcome))
        if outcome.adjustments:
            current = _adjust(rubric, current, outcome.adjustments, rule.name, where, arrays)
            adjustments.extend(outcome.adjustments)
    return attrs.evolve(
        state,
        current=arrays,
        adjustments=tuple(adjustments),
        excluded=excluded,
        scale=scale,
        not_applied=tuple(not_applied),
        unchanged=tuple(unchanged),
        unranked_by_rules=unranked,
    )


def _unranked_by(rule: str, agency_id: str, reason: object, where: Mapping[str, tuple[str, int]]) -> tuple[str, str]:
    """A rule's agency not ranked, checked: in the cohort, with a reason."""
    if agency_id not in where:
        raise RuleError(NotRankedText.RULE_UNKNOWN, rule=repr(rule), unit=repr(agency_id))
    if not isinstance(reason, str) or not reason.strip():
        raise RuleError(NotRankedText.RULE_NO_REASON, rule=repr(rule), unit=repr(agency_id), agency=agency_id)
    return reason.strip(), rule


def _adjust(
    rubric: Rubric,
    current: list[Assessment],
    adjustments: Sequence[Adjustment],
    rule: str,
    where: Mapping[str, tuple[str, int]],
    arrays: Mapping[str, tuple[NDArray[Any], NDArray[np.bool_]]],
) -> list[Assessment]:
    """The assessments with the rule's values set, each value checked like a given score."""
    by_agency: dict[str, dict[str, Decimal]] = {}
    for adj in adjustments:
        by_agency.setdefault(adj.agency, {})[adj.node] = adj.after
    for agency_id in by_agency:
        if agency_id not in where:
            raise RuleError(Stage.RULE_ADJUSTED_UNKNOWN, rule=repr(rule), agency=agency_id)
    out: list[Assessment] = []
    for assessment in current:
        agency_id = assessment.agency.id
        changes = by_agency.get(agency_id)
        if not changes:
            out.append(assessment)
            continue
        group_id, row = where[agency_id]
        layout = layout_of(rubric.group(group_id), rubric.decimals)
        values, given = arrays[group_id]
        for node_id, value in changes.items():
            position = layout.index.get(node_id)
            if position is None:
                raise RuleError(Stage.RULE_UNKNOWN_NODE, rule=repr(rule), agency=agency_id, node=node_id)
            try:
                check_value(layout, position, value, agency_id, rubric.decimals)
            except InputError as error:
                raise RuleError(
                    Stage.RULE_IMPOSSIBLE,
                    rule=repr(rule),
                    error=error,
                    agency=agency_id,
                    agency_name=assessment.agency.name,
                    node=node_id,
                    node_name=layout.nodes[position].name,
                ) from None
            values[row, position] = to_scaled(value, rubric.decimals)
            given[row, position] = True
        # A rule's value replaces a measured leaf's points; the measurement stays in the result's record.
        kept = {node: taken for node, taken in assessment.measurements.items() if node not in changes}
        out.append(attrs.evolve(assessment, scores={**assessment.scores, **changes}, measurements=kept))
    return out


def aggregate(state: Scoring) -> Scoring:
    """Every node's score, bottom-up, for the agencies not excluded; refuses scores that do not add up."""
    import numpy as np

    from govindex.engine import Points
    from govindex.engine._aggregate import aggregate_exact

    table = state.checked
    points = Points(state.rubric.decimals)
    changed: dict[str, set[str]] = {}
    for adj in state.adjustments:
        changed.setdefault(adj.agency, set()).add(adj.node)
    groups: dict[str, GroupScores] = {}
    for group in table.groups:
        values, given = state.current[group.group_id]
        if state.excluded:
            rows = np.array(
                [i for i, agency in enumerate(group.agencies) if agency.id not in state.excluded], dtype=np.intp
            )
            values, given = np.asfortranarray(values[rows]), np.asfortranarray(given[rows])
        else:
            rows = np.arange(len(group.agencies), dtype=np.intp)
        given = _with_zero_leaves(group.layout, given)
        ids = _Ids(group.agencies, rows)
        sums, has, exact = aggregate_exact(
            group.layout, values, given, ids, points, lambda agency: changed.get(agency, set()), state.rubric.rounding
        )
        groups[group.group_id] = GroupScores(rows, sums, has, exact=exact)
    return attrs.evolve(state, groups=groups)


def _with_zero_leaves(layout: Layout, given: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The given mask with each leaf worth no points counted as given 0 (the DTI's smart city).

    Not when the leaf's parent (or a node above it) is given as a whole and
    none of the leaf's siblings (or nodes below them) is given: that node's
    score then stands alone.
    """
    filled = given
    for parent, leaf, ancestors, rest in _zero_leaves(layout):
        del parent
        whole = (
            given[:, ancestors].any(axis=1) & ~given[:, rest].any(axis=1) if rest else given[:, ancestors].any(axis=1)
        )
        fill = ~given[:, leaf] & ~whole
        if fill.any():
            if filled is given:
                filled = given.copy(order="F")
            filled[:, leaf] |= fill
    return filled


def _zero_leaves(layout: Layout) -> list[tuple[int, int, list[int], list[int]]]:
    """Each leaf worth no points: (its parent, itself, its parent and the nodes above, the rest of the parent's subtree)."""
    out: list[tuple[int, int, list[int], list[int]]] = []
    path: list[int] = []

    def visit(j: int) -> None:
        path.append(j)
        for child in layout.children[j]:
            if not layout.children[child] and layout.maxima[child] == 0:
                rest = [k for k in range(j + 1, layout.subtree_end[j]) if k != child]
                out.append((j, child, list(path), rest))
            visit(child)
        path.pop()

    visit(0)
    return out


class _Ids(Sequence[str]):
    """The ids of the kept agencies, looked up only when an error names one."""

    def __init__(self, agencies: tuple[Agency, ...], rows: NDArray[np.intp]) -> None:
        self._agencies = agencies
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return self._agencies[int(self._rows[index])].id


def band(state: Scoring) -> Scoring:
    """Each total's band (xếp loại)."""

    if state.rubric.bands is None:
        return state
    rubric = state.rubric
    layouts = {group.group_id: group.layout for group in state.checked.groups}
    return attrs.evolve(
        state,
        groups={
            group_id: attrs.evolve(scores, band=_bands_of(rubric, layouts[group_id], scores.values))
            for group_id, scores in state.groups.items()
        },
    )


def _bands_of(rubric: Rubric, layout: Layout, values: NDArray[Any]) -> NDArray[np.intp]:
    """Each total's band: on its points, or on the published scale (``bands_on: published``)."""
    import numpy as np

    from govindex.engine import band_index
    from govindex.engine._ranked import publication_column

    assert rubric.bands is not None
    if rubric.bands_on != "published" or rubric.publication is None:
        return band_index(values[:, 0], rubric.bands, rubric.decimals)
    published = publication_column(rubric, layout, values, 0)
    totals = np.zeros(values.shape[0], dtype=np.int64) if published is None else published
    return band_index(totals, rubric.bands, rubric.publication.decimals)


def _reasons(state: Scoring) -> dict[str, tuple[str, str]]:
    """Each agency not ranked: its reason and what says so (``rubric``, the rule's name, or ``data``).

    The rubric's list first, then the rules, then the score data's own flag.
    """
    reasons = {item.agency: (item.reason, "rubric") for item in state.rubric.not_ranked}
    for agency_id, item in state.unranked_by_rules.items():
        reasons.setdefault(agency_id, item)
    given = attrgetter("not_ranked")
    for group in state.checked.groups:
        if any(map(given, group.agencies)):  # a reason is never empty: the common case in one pass in C
            for agency in group.agencies:
                if agency.not_ranked is not None:
                    reasons.setdefault(agency.id, (agency.not_ranked, "data"))
    return reasons


def not_ranked(state: Scoring) -> Scoring:
    """The agencies not ranked (the rubric's list, a rule, the data's flag): scored and banded, then set aside,
    so that the others' ranks are made without them."""
    reasons = _reasons(state)
    if not reasons:
        return state
    import numpy as np

    from govindex.engine import Points

    points = Points(state.rubric.decimals)
    bands = state.rubric.bands
    aside: list[NotRankedResult] = []
    groups: dict[str, GroupScores] = {}
    for group in state.checked.groups:
        scores = state.groups[group.group_id]
        keep = np.array([group.agencies[r].id not in reasons for r in scores.rows.tolist()], dtype=np.bool_)
        if keep.all():
            groups[group.group_id] = scores
            continue
        ids = group.layout.ids
        for i in np.flatnonzero(~keep).tolist():
            agency = group.agencies[int(scores.rows[i])]
            band = None if scores.band is None or bands is None else bands.bands[int(scores.band[i])]
            values = {ids[j]: points[scores.values[i, j]] for j in np.flatnonzero(scores.has[i]).tolist()}
            reason, by = reasons[agency.id]
            aside.append(NotRankedResult(agency, reason, points[scores.values[i, 0]], band, values, by=by))
        groups[group.group_id] = GroupScores(
            scores.rows[keep],
            np.asfortranarray(scores.values[keep]),
            np.asfortranarray(scores.has[keep]),
            None if scores.band is None else scores.band[keep],
            exact=None if scores.exact is None else np.asfortranarray(scores.exact[keep]),
        )
    return attrs.evolve(state, groups=groups, set_aside=tuple(sorted(aside, key=lambda item: item.agency.id)))


def rank(state: Scoring) -> Scoring:
    """Each group ranked on the total and on every node that all its agencies have a score for."""
    import numpy as np

    from govindex.engine._rank import rank_columns, rank_values
    from govindex.engine._ranked import ranked_values

    policy = state.rubric.tie_policy
    table = state.checked
    out: dict[str, GroupScores] = {}
    for group in table.groups:
        scores = state.groups[group.group_id]
        complete: NDArray[np.bool_] = (
            np.asarray(scores.has.all(axis=0)) if len(scores.rows) else np.zeros(group.layout.width, dtype=np.bool_)
        )
        ranked = [j for j in range(group.layout.width) if j == 0 or complete[j]]
        ranks: dict[str, NDArray[np.int64]] = {
            group.layout.ids[j]: _frozen(column)
            for j, column in zip(ranked, rank_columns(scores.values, ranked, policy), strict=True)
        }
        for j, column in ranked_values(state.rubric, group.layout, scores, ranked).items():
            ranks[group.layout.ids[j]] = _frozen(rank_values(column, policy))
        order = np.argsort(ranks[group.layout.ids[0]], kind="stable").astype(np.intp)
        out[group.group_id] = attrs.evolve(scores, ranks=ranks, order=_frozen(order))
    return attrs.evolve(state, groups=out)


def sum_views(state: Scoring) -> Scoring:
    """The rubric's views: each the exact sum of its nodes, ranked within the group."""
    if not state.rubric.views:
        return state
    import numpy as np

    from govindex.engine import rank_values
    from govindex.engine._columns import ViewColumns

    table = state.checked
    policy = state.rubric.tie_policy
    out: dict[str, GroupScores] = {}
    for group in table.groups:
        scores = state.groups[group.group_id]
        assert scores.order is not None
        views: dict[str, ViewColumns] = {}
        for view in state.rubric.views:
            positions = [group.layout.index[node_id] for node_id in view.nodes]
            points = scores.values[:, positions].sum(axis=1)
            has: NDArray[np.bool_] = np.asarray(scores.has[:, positions].all(axis=1), dtype=np.bool_)
            # ranked like the rows: best total first, so that an ordinal tie follows the result's order
            present = scores.order[has[scores.order]]
            ranks = np.zeros(len(scores.rows), dtype=np.int64)
            ranks[present] = rank_values(points[present], policy)
            maximum = sum((group.layout.nodes[j].max_points for j in positions), Decimal(0))
            publication = view.publication or state.rubric.publication
            assert publication is not None  # the rubric refuses a view without a scale
            views[view.id] = ViewColumns(_frozen(points), _frozen(has), _frozen(ranks), maximum, publication)
        out[group.group_id] = attrs.evolve(scores, views=views)
    return attrs.evolve(state, groups=out)


def _frozen(array: Any) -> Any:
    array.flags.writeable = False
    return array


#: The stages of :func:`score`, in order.
STAGES: tuple[Callable[[Scoring], Scoring], ...] = (check, apply_rules, aggregate, band, not_ranked, rank, sum_views)


def _group_columns(state: Scoring, group: GroupTable, points: Points) -> Columns | None:
    """One group's result as columns (``None``: no agency of it was kept)."""
    from govindex.engine import Columns, rank_denominator

    scores = state.groups[group.group_id]
    if not len(scores.rows):
        return None
    kept = scores.rows.tolist()
    whole = len(kept) == len(group.agencies)
    assert scores.order is not None
    return Columns(
        layout=group.layout,
        agencies=group.agencies if whole else tuple(group.agencies[i] for i in kept),
        scores=_frozen(scores.values),
        given=_frozen(scores.has),
        ranks=scores.ranks,
        rank_denominator=rank_denominator(state.rubric.tie_policy),
        band=None if scores.band is None else _frozen(scores.band),
        bands=state.rubric.bands,
        order=scores.order,
        sources=group.sources if whole else tuple(group.sources[i] for i in kept),
        table=group,
        rows=scores.rows,
        points=points,
        views=scores.views,
        publication=state.rubric.publication,
    )


def _not_assessed(state: Scoring) -> tuple[NotAssessed, ...]:
    """The agencies kept out: excluded by a rule, or read from an empty row; by agency id."""
    table = state.checked
    agencies = {agency.id: agency for group in table.groups for agency in group.agencies} if state.excluded else {}
    excluded = (
        NotAssessed(agencies[agency_id], reason, rule_name) for agency_id, (reason, rule_name) in state.excluded.items()
    )
    blank = (NotAssessed(agency, reason, "blank_rows") for agency, reason in table.not_assessed)
    return tuple(sorted((*excluded, *blank), key=lambda item: item.agency.id))


def result(state: Scoring) -> Result:
    """The :class:`Result`, holding each group as columns."""
    from govindex.engine import Points

    table = state.checked
    points = Points(state.rubric.decimals)
    columns = [made for group in table.groups if (made := _group_columns(state, group, points)) is not None]
    return Result(
        rubric=state.rubric,
        adjustments=state.adjustments,
        not_assessed=_not_assessed(state),
        rules=tuple(rule.name for rule in state.rules),
        scale=state.scale,
        measurements=table.measurements,
        groups=tuple(columns),
        not_applied=state.not_applied,
        unchanged=state.unchanged,
        rule_titles={rule.name: rule_titles(rule) for rule in state.rules},
        not_ranked=state.set_aside,
    )


@runtime_checkable
class _ReadCohort(Protocol):
    """A cohort read from files (:func:`govindex.read_scores`): its table, and where each agency was found."""

    @property
    def table(self) -> ScoreTable: ...

    def locate(self, error: GovIndexError) -> GovIndexError: ...


@exact
def score(
    methodology: Methodology | Rubric,
    assessments: Iterable[Assessment] | ScoreTable | _ReadCohort,
    *,
    rules: Sequence[Rule] | None = None,
    values: str = "points",
) -> Result:
    """Score, band and rank a cohort under a methodology (a rubric with its rules bound).

    ``methodology`` is a :class:`~govindex.methodology.Methodology`
    (:func:`govindex.bind`, :func:`govindex.io.load_methodology`) or, as a
    convenience, a bare :class:`~govindex.rubric.Rubric`, bound against the
    installed rules. ``assessments`` is an iterable of
    :class:`~govindex.assessment.Assessment`, a
    :class:`~govindex.engine.ScoreTable` (built from integer arrays or read
    straight from a file) or the cohort :func:`govindex.read_scores` reads
    (an error is then placed at its file, sheet and cell). ``rules`` replaces the methodology's rules with
    these rule objects (``()``: score without any rule). ``values="index"``
    reads every given value as a share of its node's maximum on the rubric's
    published scale (0.7804 of a 100-point index is 78.04 points; see
    :func:`govindex.index_values.index_to_points`).

    Every agency's node scores are added up exactly (in integers scaled by
    ``10**rubric.decimals``); totals are banded with the rubric's band
    scheme; each group is ranked on the total and on every node that all
    its agencies have a score for, under the rubric's tie policy.

    >>> from govindex import load_rubric, Agency, Assessment
    >>> rubric = load_rubric("sonla-2017-web")
    >>> agency = Agency("so-noi-vu", "Sở Nội vụ", "provincial")
    >>> result = score(rubric, [Assessment(agency, {"total": "81,5"})])
    >>> result.agency("so-noi-vu").band.label
    'Tốt'
    """
    if isinstance(assessments, _ReadCohort):
        try:
            return score(methodology, assessments.table, rules=rules, values=values)
        except GovIndexError as error:
            raise assessments.locate(error) from None
    if values not in VALUES:
        first, second = (repr(kind) for kind in VALUES)
        raise InputError(Stage.VALUES, value=repr(values), first=first, second=second)
    bound = methodology_of(methodology, rules)
    rubric = bound.rubric
    if values == "index":
        from govindex.engine import ScoreTable

        given = assessments.assessments() if isinstance(assessments, ScoreTable) else assessments
        assessments = points_from_index(rubric, given)
    state = Scoring(rubric, bound.rules, assessments)
    state = check(state)
    try:
        for stage in STAGES[1:]:
            state = stage(state)
    except GovIndexError as error:
        raise state.checked.locate(error) from None
    return result(state)
