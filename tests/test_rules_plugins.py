"""Finding rules by name: built-ins, rules added to a Plugins value in Python, an installed entry point."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from importlib.metadata import EntryPoint
from typing import Any

import attrs
import pytest

from govindex import Assessment, Methodology, Plugins, bind, score
from govindex.errors import RuleError, UnknownNameError
from govindex.io.rubrics import dump_rubric, parse_rubric
from govindex.plugins import RULES_GROUP, Registry
from govindex.render import explain
from govindex.rubric import RuleRef
from govindex.rules import RuleContext, RuleOutcome
from govindex.rules.builtin import BUILTIN_RULES
from strategies import RULE_BASIS, agency, leaf, parent, rule_rubric_of

TREE = parent("total", leaf("report", 10, "reporting"), leaf("other", 90))


def _bound(ref: RuleRef, plugins: Plugins | None = None) -> Any:
    """The one rule a rubric of TREE naming ``ref`` binds to."""
    [rule] = bind(attrs.evolve(rule_rubric_of(TREE), rules=[ref]), plugins).rules
    return rule


def test_the_example_plugin_is_found_by_name() -> None:
    plugins = Plugins.installed()
    assert plugins.rules.available()["late_report_penalty"] == "entry point govindex_example_rule:LateReportPenalty"
    rule = _bound(RuleRef("late_report_penalty", {"points": Decimal("2.5")}, RULE_BASIS))
    assert rule.name == "late_report_penalty"
    assert rule.legal_basis == RULE_BASIS


def test_a_rubric_file_names_the_plugin_and_its_effect_is_explained() -> None:
    rubric = rule_rubric_of(TREE)
    text = dump_rubric(rubric).replace(
        "groups:", "rules:\n- name: late_report_penalty\n  params: {points: 2.5}\ngroups:", 1
    )
    rubric = bind(parse_rubric(text))
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
        from govindex.rules import Adjustment

        return RuleOutcome(
            adjustments=[
                Adjustment(a.agency.id, "other", a.scores["other"], a.scores["other"] + self.points, self.name)
                for a in context.assessments
            ]
        )


def test_a_rule_added_in_python_changes_no_other_value() -> None:
    plugins = Plugins.installed().with_rule("bonus", _Bonus)
    assert plugins.rules.available()["bonus"] == "registered"
    assert "bonus" not in Plugins.installed().rules  # nothing is registered in the process
    methodology = bind(attrs.evolve(rule_rubric_of(TREE), rules=[RuleRef("bonus", {"points": Decimal(1)})]), plugins)
    result = score(methodology, [Assessment(agency("a"), {"report": 1, "other": 1})])
    assert result.agency("a").total == Decimal(3)
    with pytest.raises(RuleError) as caught:
        plugins.with_rule("bonus", _Bonus)
    assert (
        caught.value.describe("en")
        == "a rule named 'bonus' is already registered (registered); pass replace=True to replace it"
    )
    assert caught.value.describe("vi") == "đã có quy tắc tên 'bonus' (registered); truyền replace=True để thay thế"
    assert plugins.with_rule("bonus", _Bonus, replace=True).rules.get("bonus") is _Bonus
    with pytest.raises(UnknownNameError):
        bind(methodology.rubric)  # the installed rules do not know it


def test_a_rule_without_a_schema_is_checked_by_its_signature() -> None:
    plugins = Plugins.installed().with_rule("bonus", _Bonus)
    with pytest.raises(RuleError) as caught:
        _bound(RuleRef("bonus", {"point": Decimal(1)}), plugins)
    assert caught.value.describe("en").startswith(
        "rules[0].params.point: rule 'bonus': unknown parameter 'point'; the parameters are points (and 1 more"
    )
    assert str(caught.value).startswith(
        "rules[0].params.point: quy tắc 'bonus': không có tham số 'point'; các tham số là points (và 1 lỗi khác"
    )
    assert [problem.describe("en") for problem in caught.value.problems[1:]] == [
        "rules[0].params: rule 'bonus': required parameter 'points' is missing",
    ]
    with pytest.raises(RuleError) as caught:
        _bound(RuleRef("bonus"), plugins)
    assert caught.value.describe("en") == "rules[0].params: rule 'bonus': required parameter 'points' is missing"


def test_a_factory_that_refuses_its_parameters_is_named() -> None:
    def factory(**params: Any) -> Any:
        raise TypeError(f"cannot take {sorted(params)}")

    plugins = Plugins.installed().with_rule("picky", factory)
    with pytest.raises(RuleError) as caught:
        _bound(RuleRef("picky", {"x": 1}), plugins)
    assert caught.value.code == "rule-factory-refused"
    assert (
        caught.value.describe("en")
        == "rules[0].params: rule 'picky': bad parameters {'x': 1}: cannot take ['legal_basis', 'x']"
    )


def test_a_rule_object_passed_in_python() -> None:
    result = score(
        rule_rubric_of(TREE), [Assessment(agency("a"), {"report": 1, "other": 1})], rules=[_Bonus(Decimal(2))]
    )
    assert result.rules == ("bonus",)
    assert result.agency("a").scores["other"] == Decimal(3)


def test_a_rule_pushing_a_score_above_its_maximum_is_refused() -> None:
    with pytest.raises(RuleError) as caught:
        score(rule_rubric_of(TREE), [Assessment(agency("a"), {"report": 1, "other": 90})], rules=[_Bonus(Decimal(1))])
    assert caught.value.describe("en") == (
        "agency 'a', node 'other': rule 'bonus' produced an impossible value: score 91 is above the maximum 90"
    )
    assert str(caught.value) == (
        "cơ quan 'a', tiêu chí 'other': quy tắc 'bonus' cho một giá trị không thể có: điểm 91 vượt điểm tối đa 90"
    )


def test_unknown_rule_is_refused_with_the_known_names() -> None:
    with pytest.raises(UnknownNameError) as caught:
        _bound(RuleRef("best_in_group"))
    message = caught.value.describe("en")
    assert message.startswith(
        "rules[0].name: unknown rule 'best_in_group' (did you mean 'best_in_cohort'?); available: best_in_cohort, "
        "exclude,"
    )
    assert message.endswith(
        "How to add one: a rule is added by a package's entry point in the group 'govindex.rules', by "
        "Plugins.with_rule() in Python, or by a rules file (--rules FILE, or the rubric key rule_files with "
        "--trust-rules)"
    )
    assert str(caught.value).startswith(
        "rules[0].name: không có quy tắc tên 'best_in_group' (có phải 'best_in_cohort'?)"
    )


def test_a_factory_that_does_not_build_a_rule_is_refused() -> None:
    plugins = Plugins.installed().with_rule("not_a_rule", lambda **params: object())
    with pytest.raises(RuleError) as caught:
        _bound(RuleRef("not_a_rule"), plugins)
    assert caught.value.code == "rule-factory-not-a-rule"
    assert "rule 'not_a_rule': its factory returned <object object at " in caught.value.describe("en")


def test_adding_refusals() -> None:
    plugins = Plugins.installed()
    with pytest.raises(RuleError) as caught:
        plugins.with_rule("", _Bonus)
    assert caught.value.describe("en") == "a rule name must be non-empty text, not ''"
    with pytest.raises(RuleError) as caught:
        plugins.with_rule("x", 3)  # type: ignore[arg-type]
    assert caught.value.describe("en") == "rule 'x': the factory 3 is not callable"
    with pytest.raises(RuleError) as caught:
        plugins.with_rule("normalise", _Bonus)
    assert caught.value.code == "plugin-name-taken"


def test_two_packages_providing_one_name_are_refused() -> None:
    found = [
        EntryPoint("twin", "pkg_a:Rule", RULES_GROUP),
        EntryPoint("twin", "pkg_b:Rule", RULES_GROUP),
        EntryPoint("broken", "no_such_module_here:Rule", RULES_GROUP),
    ]
    registry: Registry[Any] = Registry("rule", BUILTIN_RULES, group=RULES_GROUP, discover=lambda group: found)
    plugins = Plugins(rules=registry)
    with pytest.raises(RuleError) as caught:
        _bound(RuleRef("twin"), plugins)
    assert caught.value.describe("en") == (
        "rules[0].name: rule 'twin' is provided by more than one installed package: pkg_a:Rule, pkg_b:Rule"
    )
    with pytest.raises(RuleError) as caught:
        _bound(RuleRef("broken"), plugins)
    assert caught.value.describe("en").startswith(
        "rules[0].name: rule 'broken': the entry point 'no_such_module_here:Rule' cannot be loaded: ModuleNotFoundError"
    )
    assert registry.available()["twin"] == "entry point pkg_b:Rule"


def test_the_example_plugin_declares_its_parameters() -> None:
    rubric = rule_rubric_of(TREE)
    with pytest.raises(RuleError) as caught:
        bind(attrs.evolve(rubric, rules=[RuleRef("late_report_penalty", {"points": 1, "tag": "reportin"})]))
    assert caught.value.describe("en").startswith(
        "rules[0].params.tag: rule 'late_report_penalty': tag 'reportin' marks no node of the groups the rule "
        "applies to (provincial, district), so the rule would never act (did you mean 'reporting'?)"
    )
    with pytest.raises(RuleError) as caught:
        bind(attrs.evolve(rubric, rules=[RuleRef("late_report_penalty")]))
    assert caught.value.describe("en").startswith(
        "rules[0].params: rule 'late_report_penalty': required parameter 'points'"
    )


def test_a_methodology_is_a_value_to_copy_and_vary() -> None:
    rubric = attrs.evolve(rule_rubric_of(TREE), rules=[RuleRef("late_report_penalty", {"points": 2})])
    methodology = bind(rubric)
    assert isinstance(methodology, Methodology) and methodology.rubric is rubric
    late = Assessment(agency("so-xay-dung", attributes={"late_report": True}), {"report": 8, "other": 70})
    assert score(methodology, [late]).agency("so-xay-dung").total == Decimal(76)
    assert score(attrs.evolve(methodology, rules=()), [late]).agency("so-xay-dung").total == Decimal(78)
    with pytest.raises(RuleError) as caught:
        attrs.evolve(methodology, rules=[object()])
    assert caught.value.code == "rule-factory-not-a-rule"
