"""Merged units (đơn vị sau hợp nhất): one year's results carried to the units formed by mergers.

The 2024 DTI was published twice (21 October 2025): for the 63 provinces and
for the 34 provinces after the 2025 mergers, a merged province's value being
the mean of its predecessors' main indices (the new Đà Nẵng the mean of Đà
Nẵng's and Quảng Nam's). :func:`merge` derives such a second cohort from a
:class:`~govindex.results.Result` and a list of :class:`Merger`:

- ``method="mean"`` (the DTI 2024): each main index (a child of the group's
  root) of a merged unit is the mean of its predecessors' values of it;
- ``method="sum"``: their sum, where points are additive (refused, like any
  score, when it exceeds the main index's maximum).

A derived value is computed exactly and rounded once to the rubric's
decimals with the rubric's rounding rule. Units that were not merged keep
their main indices. The cohort is scored again under the same rubric
without rules (their effect is already in the main indices), so it is
banded and ranked as a cohort of its own; both results can be published for
the same year. :func:`mergers_from_directory` reads the mergers from an
agency directory's lineage (:class:`~govindex.directory.AgencyDirectory`).

Refused: a merger whose predecessor is not in the results, a unit named
twice, predecessors in different groups, a unit divided among several.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from govindex.agency import Agency
from govindex.assessment import Assessment
from govindex.catalogue.indices import MergeText
from govindex.errors import InputError
from govindex.points import divide, exact_context

if TYPE_CHECKING:
    from govindex.directory import AgencyDirectory
    from govindex.results import AgencyResult, Result

__all__ = ["METHODS", "Merger", "merge", "merged_assessments", "mergers_from_directory"]

#: How a merged unit's main indices follow from its predecessors'.
METHODS = ("mean", "sum")


def _ids(value: Sequence[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Merger:
    """A unit formed by merging ``predecessors`` (ids in the results), with its own id and name."""

    id: str
    name: str
    predecessors: tuple[str, ...] = attrs.field(converter=_ids)

    def __attrs_post_init__(self) -> None:
        if not self.predecessors:
            raise InputError(MergeText.EMPTY, successor=repr(self.id), agency=self.id)


def mergers_from_directory(directory: AgencyDirectory, result: Result, year: int) -> tuple[Merger, ...]:
    """The mergers between the results' year and the end of ``year``, from the directory's lineage.

    Every agency of the results is followed to the unit it is part of at the
    end of ``year``; a unit that took in more than one of them, or that took
    one in under another id, is a :class:`Merger`. A unit divided among
    several is refused.
    """
    since = result.rubric.year
    into: dict[str, list[str]] = {}
    for row in result.rows:
        counterparts = directory.counterparts(row.agency.id, year=since, in_year=year)
        if len(counterparts) != 1:
            raise InputError(
                MergeText.SPLIT,
                predecessor=repr(row.agency.id),
                successors=list(counterparts),
                agency=row.agency.id,
                agency_name=row.agency.name,
            )
        into.setdefault(counterparts[0], []).append(row.agency.id)
    return tuple(
        Merger(unit, directory.get(unit).name, tuple(members))
        for unit, members in into.items()
        if len(members) > 1 or members[0] != unit
    )


def _checked(result: Result, mergers: Sequence[Merger], method: str) -> None:
    if method not in METHODS:
        raise InputError(MergeText.METHOD, value=repr(method), known=list(METHODS))
    known = {row.agency.id: row.agency.group for row in result.rows}
    seen: set[str] = set()
    for merger in mergers:
        for predecessor in merger.predecessors:
            if predecessor not in known:
                raise InputError(
                    MergeText.MISSING, successor=repr(merger.id), predecessor=repr(predecessor), agency=merger.id
                )
            if predecessor in seen:
                raise InputError(MergeText.TWICE, predecessor=repr(predecessor), agency=predecessor)
            seen.add(predecessor)
        groups = sorted({known[p] for p in merger.predecessors})
        if len(groups) > 1:
            raise InputError(MergeText.GROUPS, successor=repr(merger.id), groups=groups, agency=merger.id)


def _main(result: Result, group: str, rows: Sequence[AgencyResult], method: str) -> dict[str, Decimal]:
    """The main indices (the root's children; the root of a tree without them) of one unit made of ``rows``:
    each their mean or sum, exact, rounded once to the rubric's decimals with its rounding rule."""
    rubric = result.rubric
    tree = rubric.tree(group)
    scores: dict[str, Decimal] = {}
    for node in [child.id for child in tree.children] or [tree.id]:
        total = sum((Fraction(row.scores[node]) for row in rows), Fraction(0))
        value = total / len(rows) if method == "mean" else total
        if len(rows) == 1:
            scores[node] = rows[0].scores[node]
            continue
        with exact_context():
            scores[node] = divide(
                Decimal(value.numerator), Decimal(value.denominator), rubric.decimals, rubric.rounding
            )
    return scores


def merged_assessments(result: Result, mergers: Sequence[Merger], *, method: str = "mean") -> list[Assessment]:
    """The second cohort as assessments of the main indices: the merged units by ``method``, the others as
    they were; ordered by group and id."""
    _checked(result, mergers, method)
    rubric = result.rubric
    merged = {p for merger in mergers for p in merger.predecessors}
    out = [
        Assessment(row.agency, _main(result, row.agency.group, [row], method))
        for row in result.rows
        if row.agency.id not in merged
    ]
    for merger in mergers:
        rows = [result.agency(p) for p in merger.predecessors]
        group = rows[0].agency.group
        scores = _main(result, group, rows, method)
        out.append(Assessment(Agency(merger.id, merger.name, group), scores))
    return sorted(out, key=lambda a: (rubric.group_ids.index(a.agency.group), a.agency.id))


def merge(result: Result, mergers: Sequence[Merger], *, method: str = "mean") -> Result:
    """The results of the units after the mergers, scored and ranked as a cohort of their own (see the module).

    >>> from govindex import Agency, Assessment, load_rubric, score
    >>> rubric = load_rubric("vn-dti-2020-province")
    >>> cohort = [Assessment(Agency(a, a, "province"), {"total": v}) for a, v in [("x", "0.3"), ("y", "0.2"), ("z", "0.4")]]
    >>> after = merge(score(rubric, cohort), [Merger("xy", "XY", ["x", "y"])])
    >>> [(row.agency.id, str(row.total), row.rank) for row in after]
    [('z', '0.4000', 1), ('xy', '0.2500', 2)]
    """
    from govindex.scoring import score

    return score(result.rubric, merged_assessments(result, mergers, method=method), rules=())
