"""Binding a rubric to its rules, the plugin registry, tags, rule titles, facts that change nothing, bounds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import govindex.rules.check
from govindex import Agency, Assessment, Methodology, Plugins, Rubric, bind, load_rubric, score
from govindex.cli import main
from govindex.errors import RubricError, RuleError, UnknownNameError
from govindex.io.bundled import load_methodology
from govindex.io.rubrics import dump_rubric, parse_rubric
from govindex.plugins import Registry
from govindex.rubric import LegalBasis, RuleRef
from govindex.rules import Adjustment, RuleContext, RuleOutcome, rule_title, tagged_leaves
from govindex.rules.builtin import BestInCohort, FullMarksIfNotApplicable
from govindex.views import Publication
from strategies import example_tree, leaf, parent, rule_rubric_of

# --- tags: a leaf inherits the tags of its ancestors, for rules as for the rubric's checks ----------------------

#: The tag sits on the criterion "units", not on its two sub-criteria.
TREE = parent(
    "total",
    leaf("awareness", 60),
    parent("units", leaf("units_plan", 20), leaf("units_staff", 20), tags=("reporting",)),
)


@attrs.frozen
class _Penalty:
    """A province's own rule: one point off every sub-criterion marked ``reporting``."""

    legal_basis: LegalBasis | None = None
    name = "penalty"
    reads = ("late_report",)

    @property
    def params(self) -> Mapping[str, Any]:
        return {}

    def apply(self, context: RuleContext) -> RuleOutcome:
        changes = []
        for assessment in context.assessments:
            if assessment.agency.attributes.get("late_report") is not True:
                continue
            for node in context.tree(assessment).leaves():
                if "reporting" in context.tags_of(assessment, node):
                    before = assessment.scores[node.id]
                    changes.append(Adjustment(assessment.agency.id, node.id, before, before - 1, self.name))
        return RuleOutcome(adjustments=changes)


def test_a_leaf_inherits_the_tags_of_its_ancestors() -> None:
    group = rule_rubric_of(TREE).group("provincial")
    assert TREE.find("units_plan").tags == frozenset()  # type: ignore[union-attr]
    assert group.tags_of("units_plan") == frozenset({"reporting"})
    assert group.tags_of("awareness") == frozenset()
    assert [node.id for node in tagged_leaves(TREE, "reporting")] == ["units_plan", "units_staff"]
    with pytest.raises(UnknownNameError) as caught:
        group.tags_of("unit_plan")
    assert caught.value.describe("en") == "group 'provincial' has no node 'unit_plan'"
    assert caught.value.describe("vi") == "nhóm 'provincial' không có tiêu chí 'unit_plan'"


def test_a_rule_reading_the_tags_of_a_leaf_acts_on_it() -> None:
    late = Assessment(
        Agency("so-a", "Sở A", "provincial", attributes={"late_report": True}),
        {"awareness": 50, "units_plan": 10, "units_staff": 10},
    )
    result = score(rule_rubric_of(TREE), [late], rules=[_Penalty()])
    assert [(adj.node, adj.after) for adj in result.adjustments] == [("units_plan", 9), ("units_staff", 9)]
    assert result.agency("so-a").total == Decimal(68)


# --- titles ---------------------------------------------------------------------------------------------------


def test_a_rule_gives_its_own_name_and_one_without_a_title_its_id() -> None:
    assert rule_title(BestInCohort(), "vi") == "tính bằng điểm cao nhất của các cơ quan, đơn vị"
    assert rule_title(_Penalty(), "vi") == rule_title(_Penalty(), "en") == "penalty"
    rubric = attrs.evolve(rule_rubric_of(example_tree()), rules=[RuleRef("full_marks_if_not_applicable")])
    result = score(rubric, [])
    assert result.rule_titles == {
        "full_marks_if_not_applicable": {
            "vi": "tính điểm tối đa cho tiêu chí không liên quan",
            "en": "full_marks_if_not_applicable",
        }
    }
    assert result.rule_title("full_marks_if_not_applicable") == "tính điểm tối đa cho tiêu chí không liên quan"
    assert result.rule_title("no_such_rule") == "no_such_rule"


# --- a rule that reads a fact an agency states and changes nothing for it -------------------------------------

SCORES = {"awareness": 12, "internal": 30, "units": 15, "dvc_rate": 4, "dvc_records": 4, "security": 12}


def test_a_rule_that_changed_nothing_for_an_agency_stating_its_fact_is_recorded() -> None:
    special = Assessment(Agency("so-y-te", "Sở Y tế", "provincial", special=True), SCORES)
    best = Assessment(Agency("so-a", "Sở A", "provincial"), {**SCORES, "units": 18})
    already = Assessment(Agency("so-b", "Sở B", "provincial", has_subordinate_units=False), {**SCORES, "units": 18})
    lifted = Assessment(Agency("so-c", "Sở C", "provincial", has_subordinate_units=False), SCORES)
    plain = Assessment(Agency("so-d", "Sở D", "provincial"), SCORES)
    rubric = rule_rubric_of(example_tree())
    result = score(rubric, [special, best, already, lifted, plain], rules=[BestInCohort(), FullMarksIfNotApplicable()])
    assert [(item.agency, item.rule, item.facts) for item in result.unchanged] == [
        ("so-b", "best_in_cohort", (("has_subordinate_units", "false"),)),
        ("so-y-te", "full_marks_if_not_applicable", (("special", "true"),)),
    ]
    assert result.unchanged_for("so-c") == ()  # its score was lifted to the best, 18
    assert [adj.after for adj in result.adjustments_for("so-c")] == [Decimal(18)]
    assert result.unchanged_for("so-y-te")[0].legal_basis is None


def test_the_command_line_warns_of_a_rule_that_changed_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric = attrs.evolve(rule_rubric_of(example_tree()), rules=[RuleRef("full_marks_if_not_applicable")])
    (tmp_path / "rubric.yaml").write_text(dump_rubric(rubric), encoding="utf-8")
    columns = ",".join(SCORES)
    values = ",".join(str(value) for value in SCORES.values())
    (tmp_path / "scores.csv").write_text(
        f"agency,group,special,{columns}\nso-y-te,provincial,true,{values}\n", encoding="utf-8"
    )
    assert main(["score", str(tmp_path / "rubric.yaml"), str(tmp_path / "scores.csv"), "--format", "csv"]) == 0
    assert capsys.readouterr().err == (
        "Cảnh báo: quy tắc 'tính điểm tối đa cho tiêu chí không liên quan' đọc special: true của cơ quan 'so-y-te' nhưng không làm "
        "thay đổi điểm nào của cơ quan này\n"
    )
    argv = ["score", str(tmp_path / "rubric.yaml"), str(tmp_path / "scores.csv"), "--format", "csv", "--lang", "en"]
    assert main(argv) == 0
    assert capsys.readouterr().err == (
        "warning: rule 'full_marks_if_not_applicable' reads special: true of agency 'so-y-te' but changed none of "
        "its scores\n"
    )


# --- binding: once, pure, every problem ---------------------------------------------------------------------


def test_loading_a_methodology_builds_the_rubric_and_each_rule_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    real_rubric, real_rule = Rubric.__attrs_post_init__, BestInCohort.__attrs_post_init__

    def rubric_built(self: Rubric) -> None:
        built.append("rubric")
        real_rubric(self)

    def rule_built(self: BestInCohort) -> None:
        built.append("rule")
        real_rule(self)

    monkeypatch.setattr(Rubric, "__attrs_post_init__", rubric_built)
    monkeypatch.setattr(BestInCohort, "__attrs_post_init__", rule_built)
    methodology = load_methodology(str(Path(__file__).resolve().parents[1] / "rubrics" / "sonla-2024-dti.yaml"))
    assert [rule.name for rule in methodology.rules] == [
        "best_in_cohort",
        "proportional_imputation",
        "full_marks_if_not_applicable",
    ]
    assert built == ["rubric", "rule"]


def test_bind_collects_every_problem_and_changes_nothing() -> None:
    rubric = rule_rubric_of(example_tree())
    wrong = attrs.evolve(
        rubric,
        rules=[
            RuleRef("best_in_cohort", {"fallback": "max"}),
            RuleRef("proportional_imputaton"),
            RuleRef("exclude", {"agencies": ["a"]}),
        ],
    )
    with pytest.raises(RuleError) as caught:
        bind(wrong)
    assert [problem.path for problem in caught.value.problems] == [
        "rules[0].params.fallback",
        "rules[1].name",
        "rules[2].params",
    ]
    assert wrong.rules[0].params == {"fallback": "max"}  # the rubric is the same value it was
    with pytest.raises(RuleError) as caught:
        bind("sonla-2017-it")  # type: ignore[arg-type]
    assert caught.value.code == "bind-rubric-type"
    with pytest.raises(RuleError) as caught:
        bind(rubric, plugins={})  # type: ignore[arg-type]
    assert caught.value.describe("en") == "plugins must be a Plugins, not dict"


def test_the_core_binds_no_rule_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building a rubric, even with rules, looks nothing up; scoring a methodology binds nothing."""

    def no_lookup(*args: object, **kwargs: object) -> None:
        raise AssertionError("a rule was looked up")

    monkeypatch.setattr(govindex.rules.check, "rule_problems", no_lookup)
    rubric = attrs.evolve(rule_rubric_of(example_tree()), rules=[RuleRef("no_such_rule")])
    assert rubric.rules[0].name == "no_such_rule"
    assert parse_rubric(dump_rubric(rubric)) == rubric
    assert score(Methodology(rubric, ()), []).rules == ()


# --- the one registry -----------------------------------------------------------------------------------------


def test_a_registry_is_a_value() -> None:
    installed = Plugins.installed()
    more = installed.with_rule("mine", _Penalty).with_measure("mine", dict)
    assert "mine" not in installed.rules and "mine" not in installed.measures
    assert more.rules.origin("mine") == more.measures.origin("mine") == "registered"
    assert more.rules.origin("normalise") == "built-in"
    assert Plugins.installed() == Plugins.installed()
    assert more != installed
    with pytest.raises(RuleError) as caught:
        more.with_rule_file("mine.py", {"mine": _Penalty})
    assert (
        caught.value.describe("en")
        == "mine.py: the rules file defines 'mine', a name already taken (registered); give the rule another name"
    )
    with pytest.raises(RubricError) as caught:
        installed.with_measure("ratio", dict)
    assert caught.value.describe("vi") == "đã có cách tính điểm tên 'ratio' (built-in); truyền replace=True để thay thế"
    with pytest.raises(RuleError) as caught:
        Plugins(rules=installed.measures)  # type: ignore[arg-type]
    assert caught.value.code == "plugin-not-a-registry"
    with pytest.raises(RuleError) as caught:
        Registry("formula")
    assert caught.value.describe("en") == "a registry holds rules or measures, not 'formula'"


# --- bounds: values that validated and then crashed or hung scoring ----------------------------------------------

DTI = Path(__file__).resolve().parents[1] / "rubrics" / "vn-dti-2022-province.yaml"


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("publication: {scale: 1,", "publication: {scale: 1.0e+300000,", "publication.scale"),
        (
            "    nodes: [foundation, digital_government]\n",
            "    nodes: [foundation, digital_government]\n    publication: {scale: 1.0e+300000, decimals: 4}\n",
            "views[0].publication.scale",
        ),
    ],
)
def test_a_huge_scale_is_refused_when_the_rubric_is_read(
    old: str, new: str, path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = DTI.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "dti.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(str(bad))
    assert caught.value.code == "publication-scale"
    assert f": {path}: publication: scale must be a positive number (1, 100), at most 10^12" in caught.value.describe(
        "en"
    )
    assert "thang công bố: scale phải là một số dương" in str(caught.value)
    scores = tmp_path / "scores.csv"
    scores.write_text("agency,group,total\ntinh-a,province,0.5\n", encoding="utf-8")
    assert main(["score", str(bad), str(scores), "--values", "index"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"govindex: lỗi: {bad}:") and "Traceback" not in err


def test_a_huge_scale_is_refused_when_built_in_python() -> None:
    for scale in ("1.0e+300000", Decimal("1e13"), Decimal("1e-13"), 0, -1):
        with pytest.raises(RubricError) as caught:
            Publication(scale, 4)  # type: ignore[arg-type]
        assert caught.value.code == "publication-scale"


@pytest.mark.parametrize("year", [0, -1, 10_000, 2**70, True, "2024"])
def test_an_absurd_year_is_refused_when_the_rubric_is_built(year: object) -> None:
    rubric = load_rubric("sonla-2017-it")
    with pytest.raises(RubricError) as caught:
        attrs.evolve(rubric, year=year)
    assert caught.value.code == "rubric-year"
    assert caught.value.path == "year"
    assert attrs.evolve(rubric, year=1).year == 1 and attrs.evolve(rubric, year=9999).year == 9999


def test_an_absurd_year_in_a_file_is_refused_at_its_line(tmp_path: Path) -> None:
    text = dump_rubric(load_rubric("sonla-2017-web")).replace("year: 2017", "year: 20170", 1)
    line = text.splitlines().index("year: 20170") + 1
    with pytest.raises(RubricError) as caught:
        parse_rubric(text, file="web.yaml")
    assert caught.value.describe("en") == (
        f"web.yaml:{line}:7: year: rubric 'sonla-2017-web': the year must be a whole number from 1 to 9999, not 20170"
    )
    assert str(caught.value) == (
        f"web.yaml:{line}:7: year: bộ tiêu chí 'sonla-2017-web': năm phải là số nguyên từ 1 đến 9999, không phải 20170"
    )


def test_a_legal_basis_keeps_its_own_dates() -> None:
    assert LegalBasis("1/QĐ", dt.date(1, 1, 1), "x").when == "0001-01-01"
