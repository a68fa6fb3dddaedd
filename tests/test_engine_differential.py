"""The engine equals a naive reference (``reference.py``) on random rubrics, cohorts, tie policies and rules."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction

import attrs
import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from errorcheck import english
from govindex import Agency, Assessment, Group, Node, Result, Rubric, score
from govindex.bands import standard_bands
from govindex.engine import ScoreTable, layout_of
from govindex.errors import GovIndexError
from govindex.points import divide
from govindex.ranking import TiePolicy
from govindex.render import data, render
from govindex.rubric import LegalBasis
from govindex.rules import Rule
from govindex.rules.builtin import BestInCohort, Exclude, FullMarksIfNotApplicable, Normalise, ProportionalImputation
from reference import combine, reference

BASIS = LegalBasis("1/QĐ-UBND", dt.date(2024, 1, 1), "UBND tỉnh")
TAGS = ("subordinate_units", "online_services")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


UNITS = [0, 1, 2, 5, 10, 37, 100]


def _weights(draw: st.DrawFn, count: int) -> list[Decimal]:
    """Positive weights summing to 100 (%) or to 1."""
    cuts = sorted(draw(st.sets(st.integers(1, 99), min_size=count - 1, max_size=count - 1)))
    shares = [Decimal(b - a) for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    return shares if draw(st.booleans()) else [share / 100 for share in shares]


@st.composite
def trees(draw: st.DrawFn, decimals: int, depth: int, prefix: str) -> Node:
    """Up to ``depth`` levels below the root; a few leaves worth nothing; tags for the rules; some nodes a mean
    or a weighted mean of their children (on one scale, or converted)."""
    counter = iter(range(10_000))

    def leaf(number: int, units: int, tags: frozenset[str]) -> Node:
        return Node(f"{prefix}{number}", f"Tiêu chí {number}", Decimal(units).scaleb(-decimals), tags=tags)

    def build(level: int) -> Node:
        number = next(counter)
        tags = frozenset(draw(st.sets(st.sampled_from(TAGS), max_size=1)))
        if level >= depth or (level > 0 and draw(st.integers(0, 2)) == 0):
            return leaf(number, draw(st.sampled_from(UNITS)) if draw(st.integers(0, 9)) else 0, tags)
        count = draw(st.integers(1, 3))
        method = draw(st.sampled_from(["sum", "sum", "mean", "weighted"]))
        if method == "sum":
            children = [build(level + 1) for _ in range(count)]
            maximum = sum((c.max_points for c in children), Decimal(0))
            return Node(f"{prefix}{number}", f"Chỉ số {number}", maximum, children, tags=tags)
        convert = draw(st.booleans())
        if convert:
            children = [build(level + 1) for _ in range(count)]
            maximum = Decimal(draw(st.sampled_from(UNITS[1:]))).scaleb(-decimals)
        else:
            units = draw(st.sampled_from(UNITS[1:]))
            children = [leaf(next(counter), units, frozenset()) for _ in range(count)]
            maximum = children[0].max_points
        if method == "weighted":
            children = [attrs.evolve(c, weight=w) for c, w in zip(children, _weights(draw, count), strict=True)]
        return Node(
            f"{prefix}{number}",
            f"Chỉ số {number}",
            maximum,
            children,
            tags=tags,
            aggregate=method,
            convert="share" if convert else None,
        )

    return build(0)


@st.composite
def rubrics(draw: st.DrawFn) -> Rubric:
    decimals = draw(st.integers(0, 4))
    depth = draw(st.integers(1, 5))
    count = draw(st.integers(1, 3))
    groups = [Group(f"g{i}", f"Nhóm {i}", draw(trees(decimals, depth, "n"))) for i in range(count)]
    top = min(group.tree.max_points for group in groups)
    bands = None
    if top > 0 and draw(st.booleans()):
        step = Decimal(1).scaleb(-decimals - draw(st.integers(0, 2)))  # bounds may have more decimals than scores
        cuts = sorted(
            {
                (top * Decimal(share) / 100).quantize(step)
                for share in draw(st.lists(st.integers(1, 99), min_size=3, max_size=3))
            },
            reverse=True,
        )
        if len(cuts) == 3 and cuts[2] > 0:
            bands = standard_bands(*cuts)
    return Rubric(
        "diff",
        "Bộ chỉ số",
        2024,
        BASIS,
        groups,
        bands=bands,
        decimals=decimals,
        tie_policy=draw(st.sampled_from(list(TiePolicy))),
        rank_on=draw(st.sampled_from(["unrounded", "published"])),
        rounding=draw(st.sampled_from(["ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_DOWN", "ROUND_CEILING"])),
    )


def _value(draw: st.DrawFn, maximum: Decimal, decimals: int) -> Decimal:
    top = int(maximum.scaleb(decimals))
    choice = draw(st.integers(0, 3))
    units = 0 if choice == 0 else top if choice == 1 else top // 2 if choice == 2 else draw(st.integers(0, top))
    return Decimal(units).scaleb(-decimals)


def _agreeing(rubric: Rubric, node: Node, scores: dict[str, Decimal]) -> Decimal:
    """The value of ``node`` that agrees with the leaves below it: made exactly, rounded once."""

    def exact(below: Node) -> Fraction:
        if below.is_leaf:
            return Fraction(scores[below.id])
        return combine(below, [exact(child) for child in below.children])

    value = exact(node)
    return divide(Decimal(value.numerator), Decimal(value.denominator), rubric.decimals, rubric.rounding)


@st.composite
def cohorts(draw: st.DrawFn, rubric: Rubric) -> list[Assessment]:
    """Agencies with many ties; some give a node as a whole, some leave a score out or disagree."""
    out = []
    for number in range(draw(st.integers(1, 12))):
        group = rubric.groups[draw(st.integers(0, len(rubric.groups) - 1))]
        nodes = [n.id for n in group.tree.walk()]
        special = draw(st.integers(0, 4)) == 0
        agency = Agency(
            f"a{number:02d}",
            f"Cơ quan {number}",
            group.id,
            has_subordinate_units=draw(st.integers(0, 3)) > 0,
            has_online_services=draw(st.integers(0, 3)) > 0,
            special=special,
            not_applicable=frozenset(draw(st.sets(st.sampled_from(nodes), max_size=2))) if special else frozenset(),
        )
        scores = {leaf.id: _value(draw, leaf.max_points, rubric.decimals) for leaf in group.tree.leaves()}
        kind = draw(st.integers(0, 9))
        internal = [n for n in group.tree.walk() if n.children]
        if kind == 0 and internal:  # a node given as a whole
            node = draw(st.sampled_from(internal))
            for below in node.walk():
                scores.pop(below.id, None)
            scores[node.id] = _value(draw, node.max_points, rubric.decimals)
        elif kind == 1 and internal:  # a node given with its children (agreeing or not)
            node = draw(st.sampled_from(internal))
            total = _agreeing(rubric, node, scores)
            scores[node.id] = total if draw(st.booleans()) else _value(draw, node.max_points, rubric.decimals)
        elif kind == 2:  # a score left out
            scores.pop(draw(st.sampled_from(sorted(scores))), None)
        out.append(Assessment(agency, scores))
    return out


@st.composite
def rule_lists(draw: st.DrawFn, cohort: list[Assessment]) -> list[Rule]:
    rules: list[Rule] = []
    ids = [a.agency.id for a in cohort]
    for name in draw(
        st.lists(st.sampled_from(["best", "impute", "full", "exclude", "normalise"]), max_size=3, unique=True)
    ):
        if name == "best":
            rules.append(
                BestInCohort(
                    cohort=draw(st.sampled_from(["group", "all"])),
                    fallback=draw(st.sampled_from(["refuse", "max_points", "keep"])),
                )
            )
        elif name == "impute":
            rules.append(ProportionalImputation(rounding=draw(st.sampled_from(["ROUND_HALF_UP", "ROUND_DOWN"]))))
        elif name == "full":
            rules.append(FullMarksIfNotApplicable())
        elif name == "exclude":
            rules.append(Exclude(tuple(draw(st.sets(st.sampled_from(ids), max_size=2))), "không đánh giá"))
        else:
            rules.append(Normalise(to=draw(st.sampled_from([1, 100])), decimals=draw(st.integers(0, 4))))
    return rules


@st.composite
def cases(draw: st.DrawFn) -> tuple[Rubric, list[Assessment], list[Rule]]:
    rubric = draw(rubrics())
    cohort = draw(cohorts(rubric))
    return rubric, cohort, draw(rule_lists(cohort))


def _outcome(run: object) -> tuple[object, GovIndexError | None]:
    try:
        made = run()  # type: ignore[operator]
    except GovIndexError as error:
        event(f"refused: {error.message_in('en').split(' ')[0:3]}")
        return None, error
    event("scored")
    return made, None


@SETTINGS
@given(cases())
def test_the_engine_equals_the_reference(case: tuple[Rubric, list[Assessment], list[Rule]]) -> None:
    rubric, cohort, rules = case
    result, error = _outcome(lambda: score(rubric, cohort, rules=rules))
    expected, expected_error = _outcome(lambda: reference(rubric, cohort, rules))
    if expected_error is not None or error is not None:
        assert error is not None and expected_error is not None, (error, expected_error)
        assert (type(error), english(error)) == (type(expected_error), english(expected_error))
        return
    assert isinstance(result, Result)
    assert [row.agency.id for row in result] == [row.agency for row in expected.rows]  # type: ignore[union-attr]
    for row, want in zip(result, expected.rows, strict=True):  # type: ignore[union-attr]
        assert row.total == want.total and str(row.total) == str(want.total)
        assert row.band_id == want.band
        assert row.rank == want.rank
        assert dict(row.scores) == want.scores
        assert dict(row.node_ranks) == want.node_ranks
        assert row.normalised == want.normalised
        assert dict(row.raw) == {a.agency.id: dict(a.scores) for a in cohort}[row.agency.id]
    assert {item.agency.id: item.reason for item in result.not_assessed} == expected.excluded  # type: ignore[union-attr]
    assert list(result.adjustments) == expected.adjustments  # type: ignore[union-attr]


@SETTINGS
@given(cases())
def test_output_from_the_columns_equals_output_from_the_rows(case: tuple[Rubric, list[Assessment], list[Rule]]) -> None:
    rubric, cohort, rules = case
    result, error = _outcome(lambda: score(rubric, cohort, rules=rules))
    if error is not None:
        return
    assert isinstance(result, Result)
    from_rows = Result(
        result.rubric,
        result.rows,
        result.adjustments,
        result.not_assessed,
        result.rules,
        result.scale,
        result.measurements,
    )
    assert from_rows == result
    compact = json.dumps(data(from_rows), ensure_ascii=False, separators=(",", ":")) + "\n"
    assert render(result, "json") == compact
    assert render(from_rows, "json") == compact
    assert render(result, "csv") == render(from_rows, "csv")


@SETTINGS
@given(cases())
def test_a_table_of_integer_arrays_scores_like_its_assessments(
    case: tuple[Rubric, list[Assessment], list[Rule]],
) -> None:
    rubric, cohort, _rules = case
    direct, error = _outcome(lambda: score(rubric, cohort, rules=()))
    groups = []
    for group in rubric.groups:
        members = [a for a in cohort if a.agency.group == group.id]
        if not members:
            continue
        layout = layout_of(group, rubric.decimals)
        scaled = np.zeros((len(members), layout.width), dtype=np.int64)
        mask = np.zeros((len(members), layout.width), dtype=np.bool_)
        for i, member in enumerate(members):
            for node_id, value in member.scores.items():
                scaled[i, layout.index[node_id]] = int(value.scaleb(rubric.decimals))
                mask[i, layout.index[node_id]] = True
        table = ScoreTable.from_arrays(rubric, group.id, [m.agency for m in members], scaled, mask)
        groups.extend(table.groups)
    from_arrays, array_error = _outcome(lambda: score(rubric, ScoreTable(rubric, tuple(groups)), rules=()))
    if error is not None or array_error is not None:
        assert error is not None and array_error is not None
        assert english(error) == english(array_error)
        assert str(error) == str(array_error)
        return
    assert isinstance(direct, Result) and isinstance(from_arrays, Result)
    assert [(r.agency.id, r.total, r.rank, r.band_id, dict(r.scores), dict(r.node_ranks)) for r in direct] == [
        (r.agency.id, r.total, r.rank, r.band_id, dict(r.scores), dict(r.node_ranks)) for r in from_arrays
    ]


def test_the_reference_agrees_on_a_published_cohort() -> None:
    from govindex import load_dataset, load_rubric

    rubric = load_rubric("sonla-2017-it")
    # The whole 2017 decision: 18 departments and 12 districts (the Office, not assessed, has no scores).
    cohort = list(load_dataset("sonla-2017-it").assessments(not_assessed=False))
    assert len(cohort) == 30
    expected = reference(rubric, cohort, [])
    result = score(rubric, cohort, rules=())
    assert [(r.agency.id, r.total, r.rank, r.band_id) for r in result] == [
        (r.agency, r.total, r.rank, r.band) for r in expected.rows
    ]
