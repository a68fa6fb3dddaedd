"""The caller's decimal context changes nothing (issue: exactness that does not depend on the caller).

Every public computation runs once in the default context and once inside a
hostile one (2 significant digits, rounding towards floor, every signal
trapped); the outputs must be identical.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govindex
from errorcheck import raises
from govindex import Agency, Assessment, load_dataset, load_rubric, reconcile, score, statistics
from govindex.io.rubrics import read_rubric
from govindex.points import divide, format_points, quantize
from govindex.render import data, explain
from govindex.rubric import RuleRef
from strategies import RULE_BASIS, agency, example_tree, rule_rubric_of


@contextmanager
def hostile() -> Iterator[None]:
    context = decimal.Context(prec=2, rounding=decimal.ROUND_FLOOR, Emax=10, Emin=-10)
    for signal in (decimal.Inexact, decimal.Rounded, decimal.Subnormal, decimal.Clamped, decimal.FloatOperation):
        context.traps[signal] = True
    with decimal.localcontext(context):
        yield


def _same_in_both(compute: Callable[[], object]) -> None:
    expected = compute()
    with hostile():
        got = compute()
    assert got == expected


def _score_2017() -> govindex.Result:
    return score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())


def test_par_score_keeps_its_two_decimals_under_a_two_digit_context() -> None:
    with hostile():
        assert divide(Decimal("1130.08"), Decimal("13.5"), 2) == Decimal("83.71")
        assert quantize(Decimal("83.705"), 2) == Decimal("83.71")
        assert format_points(Decimal("83.7"), 2) == "83.70"


def test_scoring_ranking_and_banding() -> None:
    def run() -> object:
        result = _score_2017()
        return [(r.agency.id, r.total, r.band_id, r.rank, dict(r.scores), dict(r.node_ranks)) for r in result.rows]

    _same_in_both(run)


def test_statistics() -> None:
    def run() -> object:
        return data(statistics(_score_2017()))

    _same_in_both(run)


def test_reconciliation() -> None:
    def run() -> object:
        rubric = load_rubric("sonla-2017-it")
        appraised = load_dataset("sonla-2017-it").assessments()
        mine = tuple(
            Assessment(a.agency, {k: v for k, v in a.scores.items() if k != "policy"} | {"policy": Decimal("0.5")})
            for a in appraised
        )
        return data(reconcile(rubric, mine, appraised))

    _same_in_both(run)


def test_explanations() -> None:
    def run() -> object:
        result = _score_2017()
        return [explain(result, row.agency.id, lang=lang) for row in result.rows[:3] for lang in ("vi", "en")]

    _same_in_both(run)


@pytest.mark.parametrize(
    "ref",
    [
        RuleRef("best_in_cohort", {"tag": "subordinate_units"}, legal_basis=RULE_BASIS),
        RuleRef("proportional_imputation", {"tag": "online_services"}, legal_basis=RULE_BASIS),
        RuleRef("full_marks_if_not_applicable", {}, legal_basis=RULE_BASIS),
        RuleRef("normalise", {"to": 1, "decimals": 4}, legal_basis=RULE_BASIS),
    ],
    ids=lambda ref: ref.name,
)
def test_rules(ref: RuleRef) -> None:
    rubric = attrs.evolve(rule_rubric_of(example_tree(), decimals=2), rules=(ref,))
    leaves = list(example_tree().leaves())

    cohort = []
    for position in range(7):
        member = agency(
            f"a{position}",
            "provincial",
            has_online_services=position % 2 == 0,
            has_subordinate_units=position % 3 != 0,
            special=position == 5,
            not_applicable=frozenset({"security"}) if position == 5 else frozenset(),
        )
        scores = {leaf.id: quantize(leaf.max_points * (position % 4 + 1) / 7, 2) for leaf in leaves}
        cohort.append(Assessment(member, scores))

    def run() -> object:
        result = score(rubric, cohort)
        return [(r.agency.id, r.total, r.rank, r.normalised) for r in result.rows], [
            repr(a) for a in result.adjustments
        ]

    _same_in_both(run)


def test_rubrics_load_and_validate() -> None:
    def run() -> object:
        root = Path(govindex.__file__).parent / "rubrics"
        if not root.is_dir():
            root = Path(__file__).parent.parent / "rubrics"
        return [repr(read_rubric(path)) for path in sorted(root.glob("*.yaml"))]

    _same_in_both(run)


def test_many_significant_digits_are_exact_or_refused_cleanly() -> None:
    rubric = load_rubric("sonla-2017-web")
    value = "81." + "5" * 40
    with raises(govindex.errors.InputError, match="decimals"):
        score(rubric, [Assessment(Agency("so-noi-vu", "Sở Nội vụ", "provincial"), {"total": value})])


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: govindex.Node("total", "Tổng", Decimal("1e999999999")), r"max_points 1E\+999999999 must be at most"),
        (lambda: govindex.Node("total", "Tổng", Decimal("1e-20")), "has more than 12 decimals"),
        (lambda: govindex.bands.Band("good", "Tốt", Decimal("1e999999999")), "lower 1E\\+999999999 must be at most"),
    ],
)
def test_absurd_rubric_values_are_refused_when_built(build: Callable[[], object], message: str) -> None:
    with raises(govindex.errors.RubricError, match=message):
        build()


def test_absurd_rubric_values_are_refused_when_loaded(tmp_path: Path) -> None:
    text = (Path(__file__).parent.parent / "rubrics" / "sonla-2017-web.yaml").read_text(encoding="utf-8")
    assert "max_points: 100\n" in text
    path = tmp_path / "absurd.yaml"
    path.write_text(
        text.replace("max_points: 100\n", "max_points: 1000000000000000000000000000000\n", 1), encoding="utf-8"
    )
    with raises(govindex.GovIndexError, match=r"absurd.yaml:\d+:\d+: .*max_points .* must be at most 1000000000000"):
        govindex.io.read_rubric(path)
