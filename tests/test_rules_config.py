"""Broken rule configurations are refused when a rubric is bound, loaded or validated, at the rubric's line."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import Agency, Assessment, GovIndexError, bind, load_rubric, score
from govindex._convert import FrozenDict
from govindex.cli import main
from govindex.errors import RuleError, UnknownNameError
from govindex.io.bundled import list_rubrics, load_methodology
from govindex.io.rubrics import parse_rubric, read_rubric
from govindex.render import explain
from govindex.rubric import RuleRef
from govindex.rules.params import Kind, Param, check_params
from strategies import example_tree, rule_rubric_of

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "rules"

# A rubric with known positions: the rules sit on lines 5-12; the tree follows.
RUBRIC = """\
id: demo
title: Demo
year: 2024
legal_basis: {decision: 1/QĐ-UBND, date: 2024-01-02, issuer: UBND tỉnh}
rules:
  - name: best_in_cohort
    params: {tag: subordinate_units, cohort: group, fallback: refuse}
  - name: proportional_imputation
    params:
      tag: online_services
      within: operations
      rounding: ROUND_HALF_UP
bands:
  - {id: good, label: Tốt, lower: 85}
  - {id: fair, label: Khá, lower: 70, upper: 85}
  - {id: average, label: Trung bình, lower: 50, upper: 70}
  - {id: weak, label: Yếu, lower: 0, upper: 50}
groups:
  - id: provincial
    name: Sở, ban, ngành
    tree:
      id: total
      name: Tổng điểm
      max_points: 100
      children:
        - {id: awareness, name: Nhận thức số, max_points: 15}
        - id: operations
          name: Hoạt động chuyển đổi số
          max_points: 70
          children:
            - {id: internal, name: Nội bộ, max_points: 40}
            - {id: units, name: Đơn vị trực thuộc, max_points: 20, tags: [subordinate_units]}
            - {id: dvc_full, name: DVCTT toàn trình, max_points: 5, tags: [online_services]}
            - {id: dvc_records, name: Hồ sơ trực tuyến, max_points: 5, tags: [online_services]}
        - {id: security, name: An toàn thông tin, max_points: 15}
"""

#: (what is broken, the text replaced, its replacement, "line:column: path: message")
BROKEN = [
    (
        "unknown rule",
        "  - name: best_in_cohort",
        "  - name: best_in_cohorts",
        "6:11: rules[0].name: unknown rule 'best_in_cohorts' (did you mean 'best_in_cohort'?); available: "
        "best_in_cohort, exclude, full_marks_if_not_applicable, late_report_penalty, normalise, not_ranked, "
        "proportional_imputation. How to add one: a rule is added by a package's entry point in the group "
        "'govindex.rules', by Plugins.with_rule() in Python, or by a rules file (--rules FILE, or the rubric key "
        "rule_files with --trust-rules)",
    ),
    (
        "value outside the allowed set",
        "fallback: refuse}",
        "fallback: max}",
        "7:63: rules[0].params.fallback: rule 'best_in_cohort': fallback must be one of refuse, max_points, keep, "
        "not 'max'",
    ),
    (
        "unknown parameter",
        "      rounding: ROUND_HALF_UP",
        "      roundng: ROUND_HALF_UP",
        "12:7: rules[1].params.roundng: rule 'proportional_imputation': unknown parameter 'roundng' (did you mean "
        "'rounding'?); the parameters are tag, within, rounding",
    ),
    (
        "wrong type",
        "      rounding: ROUND_HALF_UP",
        "      rounding: 2",
        "12:17: rules[1].params.rounding: rule 'proportional_imputation': rounding must be one of ROUND_05UP, "
        "ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, not 2",
    ),
    (
        "a misspelt tag",
        "      tag: online_services",
        "      tag: online_service",
        "10:12: rules[1].params.tag: rule 'proportional_imputation': tag 'online_service' marks no node of the "
        "groups the rule applies to (provincial), so the rule would never act (did you mean 'online_services'?); "
        "the tags in the rubric are online_services, subordinate_units",
    ),
    (
        "a within that names no node",
        "      within: operations",
        "      within: operation",
        "11:15: rules[1].params.within: rule 'proportional_imputation': within names 'operation', which is not a "
        "node of any group (did you mean 'operations'?)",
    ),
    (
        "a within that leaves tagged sub-criteria outside",
        "      within: operations",
        "      within: awareness",
        "11:15: rules[1].params.within: rule 'proportional_imputation': in group 'provincial', dvc_full, "
        "dvc_records tagged 'online_services' lie outside 'awareness', the scope the rule imputes within",
    ),
]


def _write(tmp_path: Path, text: str, name: str = "rubric.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_rubric_is_fine_as_written() -> None:
    rubric = parse_rubric(RUBRIC, file="rubric.yaml")
    assert [ref.name for ref in rubric.rules] == ["best_in_cohort", "proportional_imputation"]
    assert [rule.name for rule in bind(rubric).rules] == ["best_in_cohort", "proportional_imputation"]


def _refusal(path: Path) -> GovIndexError:
    """What loading the rubric file with its rules bound refuses."""
    with pytest.raises((RuleError, UnknownNameError)) as caught:
        load_methodology(path)
    return caught.value


@pytest.mark.parametrize(("what", "old", "new", "expected"), BROKEN, ids=[case[0] for case in BROKEN])
def test_refused_at_the_rubric_line_via_the_api(what: str, old: str, new: str, expected: str, tmp_path: Path) -> None:
    text = RUBRIC.replace(old, new, 1)
    assert text != RUBRIC
    path = _write(tmp_path, text)
    parse_rubric(text)  # reading the rubric binds nothing, so refuses nothing of its rules
    assert _refusal(path).describe("en") == f"{path}:{expected}"


def test_a_rule_refusal_is_worded_in_vietnamese(tmp_path: Path) -> None:
    path = _write(tmp_path, RUBRIC.replace("fallback: refuse}", "fallback: max}", 1))
    assert str(_refusal(path)) == (
        f"{path}:7:63: rules[0].params.fallback: quy tắc 'best_in_cohort': fallback phải là một trong refuse, "
        "max_points, keep, không phải 'max'"
    )
    path = _write(tmp_path, RUBRIC.replace("  - name: best_in_cohort", "  - name: best_in_cohorts", 1))
    error = _refusal(path)
    assert error.code == "unknown-plugin-close"
    assert str(error).startswith(
        f"{path}:6:11: rules[0].name: không có quy tắc tên 'best_in_cohorts' (có phải 'best_in_cohort'?); hiện có: "
    )


@pytest.mark.parametrize(("what", "old", "new", "expected"), BROKEN, ids=[case[0] for case in BROKEN])
def test_refused_by_validate_with_status_2(
    what: str, old: str, new: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, RUBRIC.replace(old, new, 1))
    assert main(["validate", str(path), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert f"{_refusal(path).describe('en')}\n" in out
    assert main(["validate", str(path)]) == 2
    assert f"{_refusal(path).describe('vi')}\n" in capsys.readouterr().out
    assert f"{path}: 1 problem(s) (rubric)" in out


@pytest.mark.parametrize(("what", "old", "new", "expected"), BROKEN, ids=[case[0] for case in BROKEN])
def test_score_blames_the_rubric_not_the_score_file(
    what: str, old: str, new: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, RUBRIC.replace(old, new, 1))
    scores = _write(
        tmp_path,
        "agency,group,awareness,internal,units,dvc_full,dvc_records,security\na,provincial,1,1,1,1,1,1\n",
        "scores.csv",
    )
    assert main(["score", str(path), str(scores)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"govindex: lỗi: {_refusal(path).describe('vi')}\n"
    assert _refusal(path).describe("en") == f"{path}:{expected}"
    assert "Traceback" not in captured.err


def test_validate_lists_every_problem_of_every_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = RUBRIC
    for _what, old, new, _expected in [BROKEN[1], BROKEN[2], BROKEN[5]]:
        text = text.replace(old, new, 1)
    path = _write(tmp_path, text)
    assert main(["validate", str(path), "--lang", "en"]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 2)[0:2] for line in lines[:3]] == [
        [f"{path}:7:63", "rules[0].params.fallback"],
        [f"{path}:11:15", "rules[1].params.within"],
        [f"{path}:12:7", "rules[1].params.roundng"],
    ]
    assert lines[-1] == "3 problem(s) found."


def test_a_rubric_built_in_python_is_refused_when_bound() -> None:
    rubric = rule_rubric_of(example_tree())
    wrong = attrs.evolve(rubric, rules=[RuleRef("best_in_cohort", {"tag": "subordinate_unit"})])
    with pytest.raises(RuleError) as caught:
        bind(wrong)
    assert caught.value.describe("en").startswith(
        "rules[0].params.tag: rule 'best_in_cohort': tag 'subordinate_unit' marks no node of the groups the rule "
        "applies to (provincial, district)"
    )
    with pytest.raises(RuleError) as caught:
        score(wrong, [])  # a bare rubric is bound when it is scored
    assert caught.value.code == "rule-tag-marks-nothing-close"
    with pytest.raises(RuleError) as caught:
        bind(attrs.evolve(rubric, rules=[RuleRef("exclude", {"agencies": ["a"]})]))
    assert caught.value.describe("en") == "rules[0].params: rule 'exclude': required parameter 'reason' is missing"


def _cohort() -> list[Assessment]:
    scores = {"awareness": 12, "internal": 30, "units": 15, "dvc_full": 0, "dvc_records": 0, "security": 12}
    return [
        Assessment(Agency("so-a", "Sở A", "provincial"), {**scores, "dvc_full": 5, "dvc_records": 5}),
        Assessment(Agency("so-b", "Sở B", "provincial", has_online_services=False), scores),
    ]


def test_a_misspelt_tag_no_longer_turns_the_rule_off_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One letter in a tag moved an agency from Khá to Trung bình while validate said ok."""
    good = bind(parse_rubric(RUBRIC, file="rubric.yaml"))
    imputed = score(good, _cohort()).agency("so-b")
    assert (imputed.total, imputed.band is not None and imputed.band.label) == (
        Decimal("76.50"),
        "Khá",
    )  # 45 / 60 × 5 = 3.75 on each of the two
    # what the typo did: without the imputation the agency falls a band
    unruled = score(attrs.evolve(good, rules=good.rules[:1]), _cohort()).agency("so-b")
    assert (unruled.total, unruled.band is not None and unruled.band.label) == (Decimal("69.00"), "Trung bình")
    # and now the typo is refused before anything is scored
    path = _write(tmp_path, RUBRIC.replace("      tag: online_services", "      tag: online_service", 1))
    assert main(["validate", str(path), "--lang", "en"]) == 2
    assert "tag 'online_service' marks no node" in capsys.readouterr().out


TAG_ALPHABET = "abcdefghijklmnopqrstuvwxyz_"


@st.composite
def misspellings(draw: st.DrawFn, word: str) -> str:
    """``word`` with one letter dropped, doubled, replaced or added."""
    position = draw(st.integers(0, len(word) - 1))
    how = draw(st.sampled_from(["drop", "double", "replace", "insert"]))
    letter = draw(st.sampled_from(TAG_ALPHABET))
    if how == "drop":
        out = word[:position] + word[position + 1 :]
    elif how == "double":
        out = word[: position + 1] + word[position:]
    elif how == "replace":
        out = word[:position] + letter + word[position + 1 :]
    else:
        out = word[:position] + letter + word[position:]
    return out


@given(
    st.sampled_from(["subordinate_units", "online_services"]).flatmap(
        lambda tag: st.tuples(st.just(tag), misspellings(tag))
    )
)
def test_any_misspelt_tag_is_refused(pair: tuple[str, str]) -> None:
    tag, typo = pair
    rubric = rule_rubric_of(example_tree())
    name = "best_in_cohort" if tag == "subordinate_units" else "proportional_imputation"
    if typo == tag:  # a replacement by the same letter is no typo
        assert bind(attrs.evolve(rubric, rules=[RuleRef(name, {"tag": typo})])).rules
        return
    with pytest.raises(RuleError) as caught:
        bind(attrs.evolve(rubric, rules=[RuleRef(name, {"tag": typo})]))
    assert caught.value.describe("en").startswith(f"rules[0].params.tag: rule '{name}': tag '{typo}' marks no node")


@given(st.sampled_from(sorted(set(TAG_ALPHABET) - {"_"})), st.sampled_from(["refuse", "max_points", "keep"]))
def test_any_fallback_outside_the_allowed_set_is_refused(letter: str, fallback: str) -> None:
    wrong = fallback + letter
    problems = check_params(
        (Param("fallback", Kind.CHOICE, choices=("refuse", "max_points", "keep")),), {"fallback": wrong}
    )
    assert [problem.error("r").describe("en") for problem in problems] == [
        f"rule 'r': fallback must be one of refuse, max_points, keep, not {wrong!r}"
    ]


def test_a_rubric_scored_on_its_total_alone_keeps_its_rules_as_a_record() -> None:
    """sonla-2024-dti: the sub-criteria are not public, so no node can be tagged and the rules cannot act."""
    rubric = load_rubric("sonla-2024-dti")
    assert [rule.name for rule in bind(rubric).rules] == [ref.name for ref in rubric.rules]


def test_score_runs_the_rules_the_methodology_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    import govindex.plugins
    import govindex.scoring

    methodology = bind(parse_rubric(RUBRIC, file="rubric.yaml"))

    def no_lookup(*args: object, **kwargs: object) -> None:
        raise AssertionError("score() looked a rule up")

    monkeypatch.setattr(govindex.scoring, "bind", no_lookup)
    monkeypatch.setattr(govindex.plugins.Registry, "get", no_lookup)
    assert score(methodology, _cohort()).rules == ("best_in_cohort", "proportional_imputation")


def _mutable(value: object, seen: set[int], where: str) -> list[str]:
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, (FrozenDict, MappingProxyType)):
        return [found for key, item in value.items() for found in _mutable(item, seen, f"{where}[{key!r}]")]
    if isinstance(value, (list, dict, set, bytearray)):
        return [where]
    found: list[str] = []
    if isinstance(value, (tuple, frozenset)):
        for index, item in enumerate(value):
            found += _mutable(item, seen, f"{where}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            found += _mutable(getattr(value, field.name), seen, f"{where}.{field.name}")
    return found


@pytest.mark.parametrize("rubric_id", list_rubrics())
def test_the_cached_rubric_hands_out_nothing_mutable(rubric_id: str) -> None:
    rubric = load_rubric(rubric_id)
    assert load_rubric(rubric_id) is rubric
    assert _mutable(rubric, set(), rubric_id) == []
    for ref in rubric.rules:
        with pytest.raises(TypeError):
            ref.params["tag"] = "x"  # type: ignore[index]
    for rule in bind(rubric).rules:
        assert isinstance(rule.params, FrozenDict)


# --- rules files -----------------------------------------------------------------------------------------------


def _example(tmp_path: Path) -> Path:
    folder = tmp_path / "province"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_the_shipped_example_runs_when_its_rules_file_is_trusted(capsys: pytest.CaptureFixture[str]) -> None:
    rubric = str(EXAMPLES / "rubric.yaml")
    scores = str(EXAMPLES / "scores.yaml")
    assert main(["validate", rubric, scores, "--rubric", rubric, "--trust-rules"]) == 0
    assert main(["score", rubric, scores, "--format", "csv", "--trust-rules"]) == 0
    assert main(["explain", rubric, scores, "so-xay-dung", "report", "--lang", "en", "--trust-rules"]) == 0
    out = capsys.readouterr().out
    assert "so-xay-dung" in out and "rule late report penalty: 9.00 → 7.50" in out
    rules = str(EXAMPLES / "late_report.py")
    assert main(["score", rubric, scores, "--format", "csv", "--rules", rules]) == 0  # the same file, by --rules
    assert "so-xay-dung" in capsys.readouterr().out


def _marking_rules_file(folder: Path) -> Path:
    """A rules file that leaves a mark when it is run, next to a copy of the example rubric."""
    source = (folder / "late_report.py").read_text(encoding="utf-8")
    mark = folder / "ran.txt"
    (folder / "late_report.py").write_text(source + f"\nopen({str(mark)!r}, 'w').close()\n", encoding="utf-8")
    return mark


def test_reading_or_validating_a_rubric_runs_no_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _example(tmp_path)
    mark = _marking_rules_file(folder)
    rubric = folder / "rubric.yaml"
    assert read_rubric(rubric).rule_files == ("late_report.py",)
    assert load_rubric(str(rubric)).rules[0].name == "late_penalty"
    assert main(["validate", str(rubric)]) == 2
    out = capsys.readouterr().out
    assert not mark.exists()
    line = rubric.read_text(encoding="utf-8").splitlines().index("  - name: late_penalty") + 1
    assert out.startswith(
        f"{rubric}:{line}:11: rules[0].name: quy tắc 'late_penalty' không phải quy tắc đã cài đặt; bộ tiêu chí ghi "
        f"tệp quy tắc {folder / 'late_report.py'} (khóa rule_files), là mã Python và chỉ chạy khi được cho phép: "
        f"thêm --trust-rules, hoặc --rules {folder / 'late_report.py'}"
    )
    with pytest.raises(RuleError) as caught:
        load_methodology(rubric)
    assert caught.value.code == "rule-file-not-allowed"
    assert "add --trust-rules, or --rules" in caught.value.describe("en")
    with pytest.raises(RuleError) as caught:
        bind(load_rubric(str(rubric)))  # in Python, the file is named as the rubric names it
    assert caught.value.params["files"] == ["late_report.py"]
    assert not mark.exists()
    assert main(["validate", str(rubric), "--trust-rules"]) == 0
    assert mark.exists()


def test_validate_says_when_a_rules_file_was_not_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _example(tmp_path)
    mark = _marking_rules_file(folder)
    text = (folder / "rubric.yaml").read_text(encoding="utf-8")
    plain = text.replace("  - name: late_penalty\n    params: {points: 1.5, tag: reporting}\n", "")
    rubric = _write(folder, plain, "only-installed.yaml")
    assert main(["validate", str(rubric)]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"Cảnh báo: {rubric}: bộ tiêu chí ghi tệp quy tắc late_report.py, tệp này không được chạy (cho phép bằng "
        "--trust-rules hoặc --rules late_report.py)\n"
    )
    assert not mark.exists()


@pytest.mark.parametrize(
    ("entry", "shown"),
    [
        ('"late\\0report.py"', "'late\\x00report.py'"),
        ('"late\\u001breport.py"', "'late\\x1breport.py'"),
        ('"/etc/rules.py"', "'/etc/rules.py'"),
        ('"../outside.py"', "'../outside.py'"),
        ('"rules.txt"', "'rules.txt'"),
        ('"C:/rules.py"', "'C:/rules.py'"),
    ],
)
def test_a_rule_files_entry_that_cannot_be_a_rules_file_is_refused_at_its_place(
    entry: str, shown: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _example(tmp_path)
    text = (folder / "rubric.yaml").read_text(encoding="utf-8").replace("[late_report.py]", f"[{entry}]")
    line = text.splitlines().index(f"rule_files: [{entry}]") + 1
    path = _write(folder, text, "bad.yaml")
    with pytest.raises(GovIndexError) as caught:
        read_rubric(path)
    assert caught.value.code == "rubric-rule-file"
    assert caught.value.describe("en").startswith(f"{path}:{line}:14: rule_files[0]: rule_files: {shown} is not the")
    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr().out
    assert out.startswith(f"{path}:{line}:14: rule_files[0]: rule_files: {shown} không phải đường dẫn của một tệp")
    assert "Traceback" not in out


def test_a_trusted_rules_file_outside_the_rubric_folder_is_refused(tmp_path: Path) -> None:
    folder = _example(tmp_path)
    shutil.copy(folder / "late_report.py", tmp_path / "outside.py")
    (folder / "link.py").symlink_to(tmp_path / "outside.py")
    text = (folder / "rubric.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("rule_files: [late_report.py]") + 1
    for entry, why in [
        ("link.py", "'link.py' lies outside the rubric's folder; a rubric runs only rules files next to it"),
        ("missing.py", "the rules file 'missing.py' does not exist (paths are relative to the rubric's folder)"),
    ]:
        path = _write(folder, text.replace("[late_report.py]", f"[{entry!r}]"), "bad.yaml")
        read_rubric(path)  # reading runs and checks no file
        with pytest.raises(RuleError) as caught:
            load_methodology(path, trust_rules=True)
        assert caught.value.describe("en") == f"{path}:{line}:14: rule_files[0]: {why}"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("import no_such_module_anywhere\n", ":1: tệp quy tắc không chạy được: ModuleNotFoundError: No module named"),
        ("x = 1\n\ndef broken(:\n", ":3: tệp quy tắc không chạy được: SyntaxError: invalid syntax"),
        ("x = 1\nraise ValueError('boom')\n", ":2: tệp quy tắc không chạy được: ValueError: boom"),
        ("RULES = {}\n", ": tệp quy tắc không định nghĩa quy tắc nào: tệp phải định nghĩa RULES"),
        ("RULES = {'normalise': object}\n", ": tệp quy tắc định nghĩa 'normalise', một tên đã có (built-in)"),
        ("RULES = {'x': 3}\n", ": RULES: quy tắc 'x': 3 không phải lớp quy tắc hay hàm tạo"),
    ],
)
def test_a_broken_rules_file_is_refused_without_a_traceback(
    source: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = _write(tmp_path, source, "rules.py")
    assert main(["score", "sonla-2017-web", str(tmp_path / "none.csv"), "--rules", str(rules)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"govindex: lỗi: {rules}{message}")
    assert "Traceback" not in err


def test_the_rules_option_loads_a_rule_for_a_rubric_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _example(tmp_path)
    text = (folder / "rubric.yaml").read_text(encoding="utf-8").replace("rule_files: [late_report.py]\n", "")
    rubric = _write(folder, text, "plain.yaml")
    scores = str(folder / "scores.yaml")
    assert main(["score", str(rubric), scores]) == 2
    assert "không có quy tắc tên 'late_penalty'" in capsys.readouterr().err
    assert main(["score", str(rubric), scores, "--rules", str(folder / "late_report.py"), "--format", "json"]) == 0
    assert '"so-xay-dung"' in capsys.readouterr().out
    assert main(["validate", str(rubric), "--rules", str(folder / "late_report.py")]) == 0


def test_a_rubric_read_from_text_names_its_rules_file_but_never_runs_it() -> None:
    text = (EXAMPLES / "rubric.yaml").read_text(encoding="utf-8")
    rubric = parse_rubric(text, file="bundled.yaml")
    assert rubric.rule_files == ("late_report.py",)
    with pytest.raises(RuleError) as caught:
        bind(rubric)
    assert caught.value.describe("en").startswith(
        "rules[0].name: rule 'late_penalty' is not installed; the rubric names the rules file late_report.py"
    )


def test_a_rules_file_rule_has_its_parameters_checked(tmp_path: Path) -> None:
    folder = _example(tmp_path)
    text = (
        (folder / "rubric.yaml")
        .read_text(encoding="utf-8")
        .replace("{points: 1.5, tag: reporting}", "{points: 1.5, tag: reportin}")
    )
    path = _write(folder, text, "typo.yaml")
    with pytest.raises(RuleError) as caught:
        load_methodology(path, trust_rules=True)
    assert "rules[0].params.tag: rule 'late_penalty': tag 'reportin' marks no node" in caught.value.describe("en")


# --- agency facts no rule reads, and rules that could not apply ------------------------------------------------

SONLA_2024 = """\
rubric: sonla-2024-dti
agencies:
  - {id: so-a, name: Sở A, group: provincial, scores: {total: 80}, has_online_services: false}
  - {id: so-b, name: Sở B, group: provincial, scores: {total: 70}, has_procedures: false}
  - {id: so-c, name: Sở C, group: provincial, scores: {total: 75}}
"""


def test_agency_facts_no_rule_reads_are_listed() -> None:
    from govindex.rules.check import unread_facts

    rubric = load_rubric("sonla-2024-dti")
    cohort = [
        Assessment(Agency("so-a", "Sở A", "provincial", has_online_services=False), {"total": 80}),
        Assessment(Agency("so-b", "Sở B", "provincial", has_procedures=False, attributes={"x": 1}), {"total": 70}),
        Assessment(Agency("so-c", "Sở C", "provincial"), {"total": 75}),
    ]
    assert [fact.message() for fact in unread_facts(rubric, cohort, bind(rubric).rules)] == [
        "attributes.x: 1 (agencies so-b, group provincial) is read by no rule: no rule of the rubric reads it",
        "has_online_services: false (agencies so-a, group provincial) is read by no rule: no node of group "
        "provincial is tagged online_services, so proportional_imputation cannot act on it",
        "has_procedures: false (agencies so-b, group provincial) is read by no rule: no rule of the rubric reads it",
    ]
    # on a tree whose sub-criteria are tagged, the imputation reads the flag
    tagged = bind(parse_rubric(RUBRIC, file="rubric.yaml"))
    assert unread_facts(tagged.rubric, _cohort(), tagged.rules) == ()


def test_validate_and_score_warn_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = _write(tmp_path, SONLA_2024, "scores.yaml")
    warning = (
        f"Cảnh báo: {scores}: has_online_services: false (cơ quan so-a, nhóm provincial) không được quy tắc nào đọc: "
        "không tiêu chí nào của nhóm provincial gắn nhãn online_services, nên proportional_imputation không tác "
        "động được\n"
        f"Cảnh báo: {scores}: has_procedures: false (cơ quan so-b, nhóm provincial) không được quy tắc nào đọc: "
        "không quy tắc nào của bộ tiêu chí đọc thông tin này\n"
    )
    assert main(["validate", str(scores)]) == 0
    assert capsys.readouterr().err == warning
    assert main(["validate", str(scores), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"warning: {scores}: has_online_services: false")
    assert captured.out == f"{scores}: ok (assessment file, 3 agencies, checked against sonla-2024-dti)\n"
    assert main(["score", "sonla-2024-dti", str(scores), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(warning)
    # then what Sơn La's directory says of the cohort: invented agencies it does not know, and who sent nothing
    coverage = captured.err.removeprefix(warning).splitlines()
    assert [line.split(":")[1] for line in coverage[:2]] == [" nhóm 'provincial'", " nhóm 'district'"]
    assert coverage[2:] == [
        f"Cảnh báo: {scores}:{line}: cơ quan '{agency}': không có trong danh mục 'sonla'"
        for line, agency in ((3, "so-a"), (4, "so-b"), (5, "so-c"))
    ]
    assert captured.out.startswith("group,rank,agency")


def test_explain_says_why_a_rule_could_not_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = _write(tmp_path, SONLA_2024, "scores.yaml")
    assert main(["explain", "sonla-2024-dti", str(scores), "so-a", "--lang", "vi"]) == 0
    # Publishable Vietnamese (issue 10): the rule and the group by their names.
    assert (
        "  quy tắc “tính điểm theo tỷ lệ điểm đạt được” không áp dụng được: cơ quan, đơn vị không có dịch vụ công "
        "trực tuyến nhưng nhóm Cơ quan nhà nước cấp tỉnh (sở, ban, ngành) không có tiêu chí thành phần nào gắn nhãn "
        "online_services: không có điểm để tính theo tỷ lệ\n"
    ) in capsys.readouterr().out


def test_imputation_without_any_untagged_score_does_not_apply_and_says_so() -> None:
    rubric = parse_rubric(RUBRIC, file="rubric.yaml")
    whole = Assessment(
        Agency("so-b", "Sở B", "provincial", has_online_services=False),
        {"awareness": 12, "operations": 50, "security": 12},
    )
    result = score(rubric, [*_cohort()[:1], whole])
    assert result.agency("so-b").total == Decimal(74)
    assert result.adjustments_for("so-b") == ()
    [item] = result.not_applied_for("so-b")
    assert (item.rule, item.node) == ("proportional_imputation", None)
    assert item.reason_in("en") == (
        "the agency has no online public services (has_online_services: false), but no untagged sub-criterion of "
        "operations was scored on its own, so there is nothing to impute in proportion to: the scores stand as given"
    )
    assert "rule proportional_imputation could not apply: the agency has no online public services" in explain(
        result, "so-b", lang="en"
    )


def test_best_in_cohort_kept_by_its_fallback_says_so() -> None:
    rubric = attrs.evolve(
        parse_rubric(RUBRIC, file="rubric.yaml"), rules=[RuleRef("best_in_cohort", {"fallback": "keep"})]
    )
    scores = {"awareness": 12, "internal": 30, "units": 15, "dvc_full": 3, "dvc_records": 3, "security": 12}
    alone = Assessment(Agency("so-b", "Sở B", "provincial", has_subordinate_units=False), scores)
    result = score(rubric, [alone])
    [item] = result.not_applied_for("so-b", "units")
    assert item.node == "units"
    assert "with fallback: keep the agency's own score stands" in explain(result, "so-b", "units", lang="en")
    assert "could not apply" not in explain(result, "so-b", "internal", lang="en")


@given(
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.frozensets(st.sampled_from(["n1", "n2"])),
    st.dictionaries(st.sampled_from(["region", "tier"]), st.sampled_from(["north", "2"]), max_size=1),
)
def test_an_agency_states_a_fact_when_a_flag_is_off_its_default(
    units: bool, online: bool, procedures: bool, special: bool, not_applicable: frozenset[str], attributes: dict
) -> None:
    special = special or bool(not_applicable)  # only a special agency names nodes not applicable
    agency = Agency(
        "a", "A", "g", units, online, procedures, special, not_applicable=not_applicable, attributes=attributes
    )
    assert agency.states_facts is (agency.flags != Agency("-", "-", "-").flags or bool(agency.attributes))
