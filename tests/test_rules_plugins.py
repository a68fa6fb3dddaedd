"""Finding rules by name: built-ins, rules registered in Python, an installed entry point."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs
import pytest

from govindex import (
    Assessment,
    RuleContext,
    RuleError,
    RuleOutcome,
    RuleRef,
    UnknownNameError,
    parse_rubric,
    register_rule,
    score,
)
from govindex.io.rubrics import dump_rubric
from govindex.render import explain
from govindex.rules.plugins import available_rules, resolve_rule, unregister_rule
from rules_strategies import BASIS, agency, leaf, parent, rubric_of

TREE = parent("total", leaf("report", 10, "reporting"), leaf("other", 90))


def test_the_example_plugin_is_found_by_name() -> None:
    assert available_rules()["late_report_penalty"] == "entry point govindex_example_rule:LateReportPenalty"
    rule = resolve_rule(RuleRef("late_report_penalty", {"points": Decimal("2.5")}, BASIS))
    assert rule.name == "late_report_penalty"
    assert rule.legal_basis == BASIS


def test_a_rubric_file_names_the_plugin_and_its_effect_is_explained() -> None:
    rubric = rubric_of(TREE)
    text = dump_rubric(rubric).replace(
        "groups:", "rules:\n- name: late_report_penalty\n  params: {points: 2.5}\ngroups:", 1
    )
    rubric = parse_rubric(text)
    late = Assessment(agency("so-xay-dung", attributes={"late_report": True}), {"report": 8, "other": 70})
    on_time = Assessment(agency("so-y-te"), {"report": 8, "other": 70})
    result = score(rubric, [late, on_time])
    assert result.rules == ("late_report_penalty",)
    assert result.agency("so-xay-dung").total == Decimal("75.5")
    assert result.agency("so-y-te").total == Decimal(78)
    text = explain(result, "so-xay-dung", "report", lang="en")
    assert "rule late_report_penalty: 8.00 → 5.50" in text
    assert "formula: max(8 - 2.5, 0) = 5.5" in text
    assert "why: the agency sent its report late (late_report: true)" in text
    assert "cơ quan, đơn vị gửi báo cáo muộn" in explain(result, "so-xay-dung", "report", lang="vi")


@attrs.frozen
class _Bonus:
    points: Decimal
    legal_basis: object = None

    @property
    def name(self) -> str:
        return "bonus"

    @property
    def params(self) -> Mapping[str, Any]:
        return {"points": self.points}

    def apply(self, context: RuleContext) -> RuleOutcome:
        from govindex import Adjustment

        return RuleOutcome(
            adjustments=[
                Adjustment(a.agency.id, "other", a.scores["other"], a.scores["other"] + self.points, self.name)
                for a in context.assessments
            ]
        )


@pytest.fixture
def bonus() -> Iterator[None]:
    register_rule("bonus", _Bonus)
    yield
    unregister_rule("bonus")


def test_a_rule_registered_in_python(bonus: None) -> None:
    assert available_rules()["bonus"] == "registered"
    rule = resolve_rule(RuleRef("bonus", {"points": Decimal(1)}))
    result = score(rubric_of(TREE), [Assessment(agency("a"), {"report": 1, "other": 1})], rules=[rule])
    assert result.agency("a").total == Decimal(3)
    with pytest.raises(RuleError, match="a rule named 'bonus' is already registered; pass replace=True"):
        register_rule("bonus", _Bonus)
    register_rule("bonus", _Bonus, replace=True)


def test_a_rule_object_passed_in_python() -> None:
    result = score(rubric_of(TREE), [Assessment(agency("a"), {"report": 1, "other": 1})], rules=[_Bonus(Decimal(2))])
    assert result.rules == ("bonus",)
    assert result.agency("a").scores["other"] == Decimal(3)


def test_a_rule_pushing_a_score_above_its_maximum_is_refused() -> None:
    with pytest.raises(RuleError) as caught:
        score(rubric_of(TREE), [Assessment(agency("a"), {"report": 1, "other": 90})], rules=[_Bonus(Decimal(1))])
    assert str(caught.value) == (
        "agency 'a', node 'other': rule 'bonus' produced an impossible value: score 91 is above the maximum 90"
    )


def test_unknown_rule_is_refused_with_the_known_names() -> None:
    with pytest.raises(UnknownNameError) as caught:
        resolve_rule(RuleRef("best_in_group"))
    assert str(caught.value).startswith(
        "unknown rule 'best_in_group' (did you mean 'best_in_cohort'?); the rules available are best_in_cohort, exclude,"
    )
    assert str(caught.value).endswith(
        "a rule is added by a package's entry point in the group 'govindex.rules', by register_rule() in Python, "
        "or by a rules file (the rubric key rule_files, or --rules FILE)"
    )


def test_a_factory_that_does_not_build_a_rule_is_refused() -> None:
    register_rule("not_a_rule", lambda **params: object())
    try:
        with pytest.raises(
            RuleError, match=r"rule 'not_a_rule': its factory returned <object object at .*>, which is not a Rule"
        ):
            resolve_rule(RuleRef("not_a_rule"))
    finally:
        unregister_rule("not_a_rule")


def test_registration_refusals() -> None:
    with pytest.raises(RuleError, match="a rule name must be non-empty text, not ''"):
        register_rule("", _Bonus)
    with pytest.raises(RuleError, match="rule 'x': the factory 3 is not callable"):
        register_rule("x", 3)  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="no rule named 'never' was registered with register_rule"):
        unregister_rule("never")


def test_two_packages_providing_one_name_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import EntryPoint

    import govindex.rules.plugins as registry

    found = [
        EntryPoint("twin", "pkg_a:Rule", registry.ENTRY_POINT_GROUP),
        EntryPoint("twin", "pkg_b:Rule", registry.ENTRY_POINT_GROUP),
        EntryPoint("broken", "no_such_module_here:Rule", registry.ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(registry, "entry_points", lambda group: [e for e in found if e.group == group])
    with pytest.raises(
        RuleError, match=r"rule 'twin' is provided by more than one installed package: pkg_a:Rule, pkg_b:Rule"
    ):
        resolve_rule(RuleRef("twin"))
    with pytest.raises(
        RuleError,
        match=r"rule 'broken': the entry point 'no_such_module_here:Rule' cannot be loaded: ModuleNotFoundError",
    ):
        resolve_rule(RuleRef("broken"))


def test_the_example_plugin_declares_its_parameters() -> None:
    rubric = rubric_of(TREE)
    with pytest.raises(RuleError) as caught:
        attrs.evolve(rubric, rules=[RuleRef("late_report_penalty", {"points": 1, "tag": "reportin"})])
    assert str(caught.value).startswith(
        "rules[0].params.tag: rule 'late_report_penalty': tag 'reportin' marks no node of the groups the rule "
        "applies to (provincial, district), so the rule would never act (did you mean 'reporting'?)"
    )
    with pytest.raises(RuleError, match=r"rules\[0\].params: rule 'late_report_penalty': required parameter 'points'"):
        attrs.evolve(rubric, rules=[RuleRef("late_report_penalty")])
