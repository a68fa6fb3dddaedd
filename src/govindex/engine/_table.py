"""The cohort as columns: per agency group a matrix of scaled integer scores and a mask of given cells."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from govindex.agency import Agency
from govindex.assessment import Assessment, Source
from govindex.catalogue.scoring import CohortText
from govindex.engine._check import Scaler, check_scaled, check_value, unknown_node
from govindex.engine._layout import Layout, layout_of
from govindex.errors import GovIndexError, InputError
from govindex.points import from_scaled
from govindex.rubric import Rubric

__all__ = ["GroupTable", "Points", "ScoreTable", "value_dtype"]

#: Scaled totals below this bound cannot overflow int64, whatever is added to them.
_INT64_SAFE = 2**62


def value_dtype(rubric: Rubric) -> Any:
    """``int64`` when every scaled total fits, else ``object`` (exact Python integers)."""
    largest = max(max(layout_of(group, rubric.decimals).exact_maxima) for group in rubric.groups)
    return np.int64 if largest < _INT64_SAFE else object


class Points(dict[int, Decimal]):
    """Scaled integer -> Decimal with the rubric's decimals, made once per distinct value."""

    def __init__(self, decimals: int) -> None:
        super().__init__()
        self.decimals = decimals
        self._written: dict[tuple[int, int], Decimal] = {}

    def __missing__(self, scaled: int) -> Decimal:
        value = from_scaled(int(scaled), self.decimals)
        self[scaled] = value
        return value

    def written(self, scaled: int, digits: int) -> Decimal:
        """The value with ``digits`` decimals, as it was written (``7.50`` rather than ``7.5``)."""
        key = (int(scaled), int(digits))
        found = self._written.get(key)
        if found is None:
            found = self._written[key] = self[scaled].quantize(Decimal(1).scaleb(-key[1]))
        return found


def _frozen(array: NDArray[Any]) -> NDArray[Any]:
    array.flags.writeable = False
    return array


@attrs.frozen(eq=False)
class GroupTable:
    """The scores of one agency group (nhóm xếp hạng) as columns.

    ``agencies`` are ordered by id; ``values[i, j]`` is agency ``i``'s score
    on node ``layout.ids[j]`` times ``10**decimals`` (0 where not given) and
    ``given[i, j]`` says whether it was given. Both are column-major (one
    node's scores are contiguous) and read-only. ``assessments`` keeps the
    assessments when the table was built from them (with the scores as
    given and any measurements); ``lines`` the line of each agency in the
    file it was read from.
    """

    layout: Layout
    agencies: tuple[Agency, ...]
    values: NDArray[Any]
    given: NDArray[np.bool_]
    sources: tuple[Source, ...]
    assessments: tuple[Assessment, ...] | None = None
    lines: tuple[int | None, ...] | None = None
    #: the decimals each given score was written with (``7.50``: 2), when read from a file without assessments
    digits: NDArray[np.int8] | None = None

    @property
    def group_id(self) -> str:
        return self.layout.group_id

    def __len__(self) -> int:
        return len(self.agencies)

    def given_scores(self, row: int, points: Points) -> Mapping[str, Decimal]:
        """Agency ``row``'s scores as given (read-only)."""
        if self.assessments is not None:
            return self.assessments[row].scores
        ids = self.layout.ids
        mask = self.given[row]
        values = self.values[row]
        if self.digits is not None:
            digits = self.digits[row]
            return MappingProxyType(
                {ids[j]: points.written(values[j], digits[j]) for j in np.flatnonzero(mask).tolist()}
            )
        return MappingProxyType({ids[j]: points[values[j]] for j in np.flatnonzero(mask).tolist()})


@attrs.frozen(eq=False)
class ScoreTable:
    """A cohort's scores under one rubric, as columns of scaled integers (bảng điểm).

    Build it from assessments (:meth:`from_assessments`), from integer
    arrays (:meth:`from_arrays`) or let the CSV reader build it from the
    cells (:func:`govindex.io.read_scores`); pass it to
    :func:`govindex.score` like a list of assessments. Every score has been
    checked once, on the way in: a known node, within ``[0, max_points]``,
    no more decimals than the rubric allows, no agency twice, no float.
    """

    rubric: Rubric
    groups: tuple[GroupTable, ...]
    file: str | None = None
    columns: Mapping[str, int] = attrs.field(factory=dict)
    #: what each agency reported on measured leaves, when the table was read without assessments
    measured: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)
    #: agencies left out of the scoring as they were read (a blank row), each with the reason
    not_assessed: tuple[tuple[Agency, str], ...] = ()

    def __len__(self) -> int:
        return sum(len(group) for group in self.groups)

    def group(self, group_id: str) -> GroupTable | None:
        for group in self.groups:
            if group.group_id == group_id:
                return group
        return None

    def _where(self, agency_id: str) -> tuple[Agency | None, int | None]:
        """The agency of this id and the line it was read from, as far as they are known."""
        for group in self.groups:
            for row, agency in enumerate(group.agencies):
                if agency.id == agency_id:
                    return agency, None if group.lines is None else group.lines[row]
        return None, None

    def locate(self, error: GovIndexError) -> GovIndexError:
        """The error with the agency's name, and the file, line and column of its agency and node, when the
        table was read from a file."""
        agency, line = self._where(error.agency) if error.agency is not None else (None, None)
        if agency is not None:
            error = error.with_context(agency_name=agency.name)
        if self.file is None or error.file is not None:
            return error
        column = self.columns.get(error.node) if line is not None and error.node is not None else None
        return error.with_context(file=self.file, line=line, column=column)

    def assessments(self) -> tuple[Assessment, ...]:
        """The cohort as assessments, by group (in the rubric's order) and agency id."""
        points = Points(self.rubric.decimals)
        out: list[Assessment] = []
        for group in self.groups:
            if group.assessments is not None:
                out.extend(group.assessments)
                continue
            for row, agency in enumerate(group.agencies):
                out.append(Assessment(agency, dict(group.given_scores(row, points)), group.sources[row]))
        return tuple(out)

    @property
    def measurements(self) -> Mapping[str, Mapping[str, Any]]:
        """What each agency reported on measured leaves, by agency id (from assessments that carry any)."""
        found = {
            assessment.agency.id: assessment.measurements
            for group in self.groups
            if group.assessments is not None
            for assessment in group.assessments
            if assessment.measurements
        }
        return {**self.measured, **found} if self.measured else found

    @classmethod
    def from_assessments(cls, rubric: Rubric, assessments: Iterable[Assessment]) -> ScoreTable:
        """Check each assessment once and lay the cohort out in columns.

        Refused, naming agency and node: something that is not an
        :class:`~govindex.assessment.Assessment`, an agency given twice, an
        unknown group or node, a score above its maximum or with more
        decimals than the rubric allows.
        """
        decimals = rubric.decimals
        layouts = {group.id: layout_of(group, decimals) for group in rubric.groups}
        scale = Scaler(decimals)
        members: dict[str, list[tuple[Assessment, list[int], list[int]]]] = {group_id: [] for group_id in layouts}
        seen: set[str] = set()
        for assessment in assessments:
            if not isinstance(assessment, Assessment):
                raise InputError(CohortText.NOT_ASSESSMENT, kind=type(assessment).__name__)
            agency_id = assessment.agency.id
            if agency_id in seen:
                raise InputError(CohortText.TWICE, agency=agency_id, agency_name=assessment.agency.name)
            seen.add(agency_id)
            layout = layouts.get(assessment.agency.group)
            if layout is None:
                try:
                    rubric.group(assessment.agency.group)
                except GovIndexError as error:
                    raise error.with_context(agency=agency_id, agency_name=assessment.agency.name) from None
                raise AssertionError("unreachable")  # pragma: no cover
            scores = assessment.scores
            positions = list(map(layout.index.get, scores))
            scaled = list(map(scale.__getitem__, scores.values()))
            if None in positions or None in scaled or _out_of_range(layout, positions, scaled):  # type: ignore[arg-type]
                _refuse(layout, assessment, decimals)
            members[layout.group_id].append((assessment, positions, scaled))  # type: ignore[arg-type]
        dtype = value_dtype(rubric)
        groups: list[GroupTable] = []
        for group_id, layout in layouts.items():
            rows = members[group_id]
            if not rows:
                continue
            rows.sort(key=lambda item: item[0].agency.id)
            groups.append(_fill(layout, rows, dtype))
        return cls(rubric, tuple(groups))

    @classmethod
    def from_arrays(
        cls,
        rubric: Rubric,
        group_id: str,
        agencies: Sequence[Agency],
        scaled: Any,
        given: Any = None,
        *,
        sources: Sequence[Source] | None = None,
    ) -> ScoreTable:
        """One group's scores from integer arrays: ``scaled[i, j]`` is agency ``i``'s score on node ``j`` times ``10**rubric.decimals``.

        The columns are the group's nodes depth-first (``rubric.group(group_id).node_ids``).
        ``given`` (booleans of the same shape) says which cells are given; by
        default every leaf and no other node. Integer arrays only: floats are
        refused, and every given cell is checked against 0 and its node's
        maximum before any sum.

        >>> import numpy as np
        >>> from govindex import Agency, load_rubric, score
        >>> rubric = load_rubric("sonla-2017-web")
        >>> table = ScoreTable.from_arrays(rubric, "provincial", [Agency("so-a", "Sở A", "provincial")], np.array([[815]]), np.array([[True]]))
        >>> score(rubric, table).agency("so-a").total
        Decimal('81.5')
        """
        group = rubric.group(group_id)
        layout = layout_of(group, rubric.decimals)
        agencies = tuple(agencies)
        for agency in agencies:
            if not isinstance(agency, Agency):
                raise InputError(CohortText.NOT_AGENCY, kind=type(agency).__name__)
            if agency.group != group_id:
                raise InputError(
                    CohortText.WRONG_GROUP,
                    actual=repr(agency.group),
                    expected=repr(group_id),
                    agency=agency.id,
                    agency_name=agency.name,
                )
        ids = [agency.id for agency in agencies]
        if len(set(ids)) != len(ids):
            seen: set[str] = set()
            for agency_id in ids:
                if agency_id in seen:
                    raise InputError(CohortText.TWICE, agency=agency_id)
                seen.add(agency_id)
        shape = (len(agencies), layout.width)
        values = _integer_array(scaled, shape, "scaled")
        if given is None:
            mask = np.zeros(shape, dtype=np.bool_)
            mask[:, list(layout.leaves)] = True
        else:
            mask = np.asarray(given)
            if mask.dtype != np.bool_ or mask.shape != shape:
                raise InputError(CohortText.MASK, shape=str(shape), dtype=str(mask.dtype), actual=str(mask.shape))
        dtype = value_dtype(rubric)
        values = _checked(layout, values, mask, ids, dtype)
        order = sorted(range(len(ids)), key=ids.__getitem__)
        if sources is None:
            sources = [Source.APPRAISED] * len(agencies)
        return cls(
            rubric,
            (
                GroupTable(
                    layout,
                    tuple(agencies[i] for i in order),
                    _frozen(np.asfortranarray(values[order])),
                    _frozen(np.asfortranarray(mask[order])),
                    tuple(sources[i] for i in order),
                ),
            ),
        )


def _out_of_range(layout: Layout, positions: list[int], scaled: list[int]) -> bool:
    if not scaled:
        return False
    maxima = layout.maxima
    return min(scaled) < 0 or any(map(int.__gt__, scaled, map(maxima.__getitem__, positions)))


def _refuse(layout: Layout, assessment: Assessment, decimals: int) -> None:
    """Raise the first problem of an assessment, in the order its scores are given."""
    agency = assessment.agency.id
    try:
        for node_id, value in assessment.scores.items():
            position = layout.index.get(node_id)
            if position is None:
                raise unknown_node(layout, node_id, agency)
            check_value(layout, position, value, agency, decimals)
    except GovIndexError as error:
        raise error.with_context(agency_name=assessment.agency.name) from None
    raise AssertionError("unreachable")  # pragma: no cover


def _fill(layout: Layout, rows: list[tuple[Assessment, list[int], list[int]]], dtype: Any) -> GroupTable:
    count = len(rows)
    values = np.zeros((count, layout.width), dtype=dtype, order="F")
    given = np.zeros((count, layout.width), dtype=np.bool_, order="F")
    leaves = list(layout.leaves)
    if all(positions == leaves for _a, positions, _s in rows):
        # the common case: every agency gives exactly the leaves, in the rubric's order
        if count:
            values[:, leaves] = np.array([scaled for _a, _p, scaled in rows], dtype=dtype)
            given[:, leaves] = True
    else:
        row_index = np.repeat(np.arange(count), [len(positions) for _a, positions, _s in rows])
        column_index = np.fromiter(
            (p for _a, positions, _s in rows for p in positions), dtype=np.intp, count=len(row_index)
        )
        flat = [s for _a, _p, scaled in rows for s in scaled]
        values[row_index, column_index] = np.array(flat, dtype=dtype) if dtype is not object else flat
        given[row_index, column_index] = True
    return GroupTable(
        layout,
        tuple(a.agency for a, _p, _s in rows),
        _frozen(values),
        _frozen(given),
        tuple(a.source for a, _p, _s in rows),
        tuple(a for a, _p, _s in rows),
    )


def _integer_array(data: Any, shape: tuple[int, int], name: str) -> NDArray[Any]:
    array = np.asarray(data)
    if array.dtype == np.bool_ or array.dtype.kind not in "iuO":
        raise InputError(CohortText.INTEGERS, name=name, dtype=str(array.dtype))
    if array.shape != shape:
        raise InputError(CohortText.SHAPE, name=name, shape=str(shape), actual=str(array.shape))
    if array.dtype.kind == "O":
        for item in array.flat:
            if isinstance(item, bool) or not isinstance(item, (int, np.integer)):
                raise InputError(CohortText.INTEGER_ITEM, name=name, kind=type(item).__name__, value=repr(item)[:60])
    return array


def _checked(layout: Layout, values: NDArray[Any], mask: NDArray[np.bool_], ids: list[str], dtype: Any) -> NDArray[Any]:
    """Every given cell within ``[0, max]`` (refused before any sum), as ``dtype``; cells not given are 0."""
    maxima = np.array(layout.maxima, dtype=object)
    if values.dtype.kind == "O":
        bad = np.zeros(values.shape, dtype=np.bool_)
        for (i, j), item in np.ndenumerate(values):
            bad[i, j] = bool(mask[i, j]) and not 0 <= int(item) <= layout.maxima[j]
    elif values.dtype.kind == "u" and values.size and int(values.max()) >= 2**63:
        bad = mask & (values.astype(object) > maxima)
    else:
        as64 = values.astype(np.int64, copy=False)
        if max(layout.maxima) < 2**63:
            bad = mask & ((as64 < 0) | (as64 > np.array(layout.maxima, dtype=np.int64)))
        else:
            bad = mask & ((as64 < 0) | (as64.astype(object) > maxima))
    if bad.any():
        i, j = (int(k) for k in np.argwhere(bad)[0])
        check_scaled(layout, j, int(values[i, j]), ids[i])
        raise AssertionError("unreachable")  # pragma: no cover
    out = np.where(mask, values, 0).astype(dtype)
    if dtype is object:
        out = np.vectorize(int, otypes=[object])(out) if out.size else out
    return out
