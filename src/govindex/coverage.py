"""Who sent nothing (chưa nộp phiếu): the agencies a directory lists for a round, against those found.

:func:`coverage` compares the agencies found in a round's files with the
agencies the province's :class:`~govindex.directory.AgencyDirectory` lists
for the rubric's groups in the rubric's year (those in place on 31
December). It is pure: the directory, the rubric and the ids in, a
:class:`Coverage` out. An agency the rubric keeps out of the round (its
``exclude`` rule: the Office of the Provincial People's Committee in 2017)
is not missing.

>>> from govindex.io.bundled import load_rubric
>>> from govindex.io.directory import load_directory
>>> rubric, sonla = load_rubric("sonla-2017-it"), load_directory("sonla")
>>> found = ["so-noi-vu", "so-y-te", "so-tu-phap", "so-ngoai-vu"]
>>> result = coverage(sonla, rubric, found)
>>> provincial = result.group("provincial")
>>> len(provincial.listed), len(provincial.missing), [r.id for r in provincial.excluded]
(19, 14, ['van-phong-ubnd-tinh'])
>>> result.group("district").absent, result.complete
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from govindex.catalogue import Entry
from govindex.catalogue.directory import CoverageWords
from govindex.directory import AgencyDirectory, AgencyRecord
from govindex.errors import GovIndexError, InputError

if TYPE_CHECKING:
    from govindex.agency import Agency
    from govindex.rubric import Rubric

__all__ = ["Coverage", "GroupCoverage", "NotListed", "coverage", "excluded_by"]


@attrs.frozen
class _Phrase:
    """A catalogue entry with its parameters, worded when the message it is part of is."""

    entry: Entry
    params: dict[str, Any] = attrs.field(factory=dict, eq=False)

    def message_in(self, lang: str) -> str:
        return self.entry.text(lang, **self.params)


@attrs.frozen
class GroupCoverage:
    """One group of the rubric: the agencies listed for the year, those found, those missing.

    ``listed`` are in directory order; ``missing`` (chưa nộp phiếu) are the
    listed agencies neither found nor kept out by the rubric (``excluded``).
    ``incomplete`` says the directory knows its list of the group to be
    partial.
    """

    group: str
    listed: tuple[AgencyRecord, ...]
    found: tuple[str, ...]
    missing: tuple[AgencyRecord, ...]
    excluded: tuple[AgencyRecord, ...] = ()
    incomplete: bool = False

    @property
    def absent(self) -> bool:
        """Whether nothing at all was found of this group (a round of the other groups only, or a group forgotten)."""
        return not self.found


@attrs.frozen
class NotListed:
    """An agency found that the directory knows but does not list for this round, and why."""

    agency: AgencyRecord
    why: _Phrase


@attrs.frozen
class Coverage:
    """The agencies found against those the directory lists (:func:`coverage`).

    ``unknown`` are the ids found that the directory does not know;
    ``not_listed`` the agencies found that it knows but does not list for
    the rubric's groups and year (merged before it, created after it, or of
    another group).
    """

    directory: str
    year: int
    groups: tuple[GroupCoverage, ...]
    unknown: tuple[str, ...] = ()
    not_listed: tuple[NotListed, ...] = ()
    incomplete: tuple[str, ...] = ()

    @property
    def missing(self) -> tuple[AgencyRecord, ...]:
        """Every agency listed and not found, group after group."""
        return tuple(record for group in self.groups for record in group.missing)

    @property
    def complete(self) -> bool:
        """Whether every agency listed was found, and nothing else."""
        return not self.missing and not self.unknown and not self.not_listed

    def group(self, group_id: str) -> GroupCoverage:
        """The coverage of one group of the rubric."""
        for group in self.groups:
            if group.group == group_id:
                return group
        raise KeyError(group_id)

    def warnings(self) -> tuple[GovIndexError, ...]:
        """What deserves a warning, worded from the catalogue in either language: per group, the agencies
        that sent nothing (or one line for a group of which nothing was found); each agency found that the
        directory does not know, or does not list for this round."""
        found: list[GovIndexError] = []
        where: dict[str, Any] = {"directory": self.directory, "year": self.year}
        for group in self.groups:
            if group.absent and group.listed:
                found.append(
                    InputError(CoverageWords.GROUP_ABSENT, group=group.group, count=len(group.listed), **where)
                )
            elif group.missing:
                names = "; ".join(record.name_in(self.year) for record in group.missing)
                found.append(
                    InputError(CoverageWords.MISSING, group=group.group, count=len(group.missing), names=names, **where)
                )
        partial = [group.group for group in self.groups if group.incomplete]
        for agency_id in self.unknown:
            if partial:
                found.append(
                    InputError(
                        CoverageWords.UNKNOWN_INCOMPLETE, directory=self.directory, groups=partial, agency=agency_id
                    )
                )
            else:
                found.append(InputError(CoverageWords.UNKNOWN, directory=self.directory, agency=agency_id))
        groups = [group.group for group in self.groups]
        for item in self.not_listed:
            found.append(
                InputError(
                    CoverageWords.NOT_LISTED,
                    groups=groups,
                    why=item.why,
                    agency=item.agency.id,
                    agency_name=item.agency.name_in(self.year),
                    **where,
                )
            )
        return tuple(found)


def excluded_by(rubric: Rubric) -> tuple[str, ...]:
    """The agencies a rubric keeps out of its round: those its ``exclude`` rules name."""
    found: list[str] = []
    for ref in rubric.rules:
        if ref.name == "exclude":
            agencies = ref.params.get("agencies", ())
            found.extend(agency for agency in agencies if isinstance(agency, str))
    return tuple(found)


def _why(record: AgencyRecord, year: int) -> _Phrase:
    start, end = record.start, record.end
    if start is not None and start.effective_year > year:
        return _Phrase(CoverageWords.WHY_NOT_YET, {"year": year, "event": start})
    if end is not None and end.effective_year <= year:
        return _Phrase(CoverageWords.WHY_ENDED, {"year": year, "event": end})
    return _Phrase(CoverageWords.WHY_OTHER_GROUP, {"group": record.group})


def coverage(
    directory: AgencyDirectory,
    rubric: Rubric,
    agencies_found: Iterable[str | Agency],
    *,
    year: int | None = None,
    excluded: Sequence[str] | None = None,
) -> Coverage:
    """The agencies of ``directory`` listed for the rubric's groups in ``year`` (default: the rubric's),
    against the agencies found (ids, or :class:`~govindex.agency.Agency` values).

    ``excluded`` are the agencies the round leaves out (default: those the
    rubric's ``exclude`` rules name); they are never missing.
    """
    year = rubric.year if year is None else year
    kept_out = set(excluded_by(rubric) if excluded is None else excluded)
    ids = list(dict.fromkeys(item if isinstance(item, str) else item.id for item in agencies_found))
    groups = tuple(_group(directory, group_id, year, set(ids), kept_out) for group_id in rubric.group_ids)
    listed_ids = {record.id for group in groups for record in group.listed}
    unknown = tuple(agency_id for agency_id in ids if agency_id not in directory)
    not_listed = tuple(
        NotListed(directory.get(agency_id), _why(directory.get(agency_id), year))
        for agency_id in ids
        if agency_id in directory and agency_id not in listed_ids
    )
    return Coverage(directory.id, year, groups, unknown, not_listed, directory.incomplete)


def _group(directory: AgencyDirectory, group_id: str, year: int, seen: set[str], kept_out: set[str]) -> GroupCoverage:
    listed = directory.listed(group_id, year)
    return GroupCoverage(
        group_id,
        listed,
        tuple(record.id for record in listed if record.id in seen),
        tuple(record for record in listed if record.id not in seen and record.id not in kept_out),
        tuple(record for record in listed if record.id in kept_out),
        group_id in directory.incomplete,
    )
