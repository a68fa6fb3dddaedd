"""The problems that show only when a whole cohort is scored: every missing score, every sum that disagrees.

Scoring stops at the first agency whose scores do not add up; ``govindex
validate`` wants them all. :func:`cohort_problems` runs the rules as scoring
does, then checks every agency: each missing score is a problem of its own,
at its cell when the file has a column for it (an empty cell is "not given",
never 0), and each agency whose given scores disagree gets scoring's own
refusal.
"""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING, Any

from govindex.catalogue.reading import Reading
from govindex.errors import GovIndexError, InputError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from govindex.engine._layout import Layout
    from govindex.io.cohort import Cohort
    from govindex.methodology import Methodology

__all__ = ["cohort_problems"]


def cohort_problems(
    cohort: Cohort,
    *,
    failed: Container[str] = (),
    bad_cells: Container[tuple[str, str]] = (),
    methodology: Methodology | None = None,
) -> list[GovIndexError]:
    """Every problem scoring would find in the cohort, each placed at its file, line (or sheet and cell).

    ``failed`` names agencies with a problem of their own already (only their
    missing scores are added), ``bad_cells`` their cells with one (not missing:
    refused). ``methodology`` is the rubric with its rules bound (default: the
    cohort's rubric bound against the installed rules).
    """
    from govindex.scoring import methodology_of, score

    bound = methodology if methodology is not None else methodology_of(cohort.rubric)
    first: GovIndexError | None
    try:
        score(bound, cohort.table)
    except GovIndexError as error:
        first = error
    else:
        if not failed:
            return []
        first = None
    try:
        found = _every_problem(cohort, bound, failed, bad_cells)
    except GovIndexError:  # a rule refused the cohort: scoring's own refusal says why
        found = []
    if not found and first is not None and first.agency not in failed:
        return [cohort.locate(first)]
    return [cohort.locate(problem) for problem in found]


def _every_problem(
    cohort: Cohort, methodology: Methodology, failed: Container[str], bad_cells: Container[tuple[str, str]]
) -> list[GovIndexError]:
    import numpy as np

    from govindex.engine import Points, standing
    from govindex.engine._aggregate import aggregate_exact
    from govindex.scoring import Scoring, _with_zero_leaves, apply_rules, check

    rubric = cohort.rubric
    state = apply_rules(check(Scoring(rubric, methodology.rules, cohort.table)))
    points = Points(rubric.decimals)
    out: list[GovIndexError] = []
    for group in cohort.table.groups:
        values, given = state.current[group.group_id]
        layout = group.layout
        rows = [i for i, agency in enumerate(group.agencies) if agency.id not in state.excluded]
        if not rows:
            continue
        kept_values, kept_given = values[rows], _with_zero_leaves(layout, given[rows])
        _sums, have, _exps = standing(layout, kept_values, kept_given, rounding=rubric.rounding)
        internal = [j for j in range(layout.width) if layout.children[j]]
        inside: NDArray[np.bool_] = (
            np.asarray(kept_given[:, internal].any(axis=1)) if internal else np.zeros(len(rows), dtype=np.bool_)
        )
        for r in np.flatnonzero(~have[:, 0] | inside).tolist():
            agency = group.agencies[rows[r]]
            if not have[r, 0] and not inside[r]:
                if not kept_given[r].any() and agency.id not in failed:
                    out.append(InputError(Reading.EMPTY_ROW, agency=agency.id, agency_name=agency.name))
                    continue
                out.extend(_missing(cohort, layout, have[r], agency.id, agency.name, bad_cells))
                continue
            if agency.id in failed:
                continue
            try:
                aggregate_exact(
                    layout, kept_values[r : r + 1], kept_given[r : r + 1], [agency.id], points, rounding=rubric.rounding
                )
            except GovIndexError as error:
                out.append(error.with_context(agency_name=agency.name))
    return out


def _missing(
    cohort: Cohort, layout: Layout, have: Any, agency: str, name: str, bad_cells: Container[tuple[str, str]]
) -> list[GovIndexError]:
    """One problem per missing score: the top-most nodes without one, or their leaves where the file has columns."""
    file = cohort.places.get(agency, (None, None, None))[0]
    columns = cohort.columns.get(file or "", {})
    out: list[GovIndexError] = []
    stack = [0]
    while stack:
        j = stack.pop()
        if have[j]:
            continue
        below = range(j, layout.subtree_end[j])
        children = layout.children[j]
        whole = not children or not any(have[k] for k in below)
        if whole and (layout.ids[j] in columns or not children or not any(layout.ids[k] in columns for k in below)):
            if (agency, layout.ids[j]) not in bad_cells:
                out.append(InputError(Reading.MISSING_SCORE, agency=agency, node=layout.ids[j], agency_name=name))
            continue
        stack.extend(reversed(children))
    return out
