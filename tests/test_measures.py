"""Measured sub-criteria: each kind, its refusals, rubric load, plugins, score files and explanations."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import english, raises
from govindex import Agency, Assessment, Group, Node, Plugins, Rubric, explain, score
from govindex.cli import main
from govindex.errors import GovIndexError, InputError, RubricError, UnknownNameError
from govindex.io.assessments import dump_assessments, parse_assessment_file
from govindex.io.cohort import read_assessments
from govindex.io.csvio import parse_scores_csv
from govindex.io.rubrics import dump_rubric, parse_rubric
from govindex.measures import (
    Choice,
    Measurement,
    Ratio,
    Steps,
    YesNo,
    installed_measures,
    resolve_measure,
)
from govindex.rubric import LegalBasis

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

RUBRIC_TEXT = """\
id: demo-measures
title: Bộ chỉ số thử
year: 2024
decimals: 2
legal_basis: {decision: 1/QĐ-UBND, date: 2024-01-02, issuer: UBND tỉnh}
groups:
  - id: provincial
    name: Sở, ban, ngành
    tree:
      id: total
      name: Tổng điểm
      max_points: 27
      children:
        - {id: may_tinh, name: Tỷ lệ máy tính/CBCC, max_points: 2, measure: {kind: ratio}}
        - {id: hop_bcd, name: Số cuộc họp Ban Chỉ đạo trong năm, max_points: 20,
           measure: {kind: steps, steps: [[4, 20], [3, 15], [2, 10], [1, 5]]}}
        - {id: website, name: Có Trang thông tin điện tử, max_points: 3, measure: {kind: yes_no}}
        - {id: truong_ban, name: Trưởng Ban Chỉ đạo, max_points: 2,
           measure: {kind: choice, choices: {chu_tich: 1, pho_chu_tich: 0.5, khac: 0}}}
"""

RUBRIC = parse_rubric(RUBRIC_TEXT, file="demo.yaml")
NOI_VU = Agency("so-noi-vu", "Sở Nội vụ", "provincial")


# --- each kind ----------------------------------------------------------------------------------------------------


def test_ratio_of_two_counts_rounds_half_up_and_explains_in_both_languages() -> None:
    taken = Ratio().measure("95/120", Decimal(2), 2)
    assert taken.points == Decimal("1.58")
    assert taken.formula_in("vi") == "95/120 = 0,7917 × 2 = 1,58"
    assert taken.formula_in("en") == "95/120 = 0.7917 × 2 = 1.58"


@pytest.mark.parametrize(
    ("value", "points"),
    [("0,79", "1.58"), ("0.5", "1.00"), ("1", "2.00"), ("0", "0.00"), ("79%", "1.58"), ("0/5", "0.00")],
)
def test_ratio_accepts_a_share_or_a_percentage(value: str, points: str) -> None:
    assert Ratio().measure(value, Decimal(2), 2).points == Decimal(points)


def test_ratio_rounds_half_up_exactly_at_the_tie() -> None:
    # 1/8 × 1 = 0.125 exactly: half-up gives 0.13 (half-even would give 0.12).
    assert Ratio().measure("1/8", Decimal(1), 2).points == Decimal("0.13")
    # 5/8 × 1 = 0.625 -> 0.63
    assert Ratio().measure("5/8", Decimal(1), 2).points == Decimal("0.63")


def test_ratio_above_one_is_refused_unless_capped() -> None:
    with raises(InputError, match=r"'130/120' is a share of 1.0833, above 1 \(100%\); .*cap: true"):
        Ratio().measure("130/120", Decimal(2), 2)
    capped = Ratio(cap=True).measure("130/120", Decimal(2), 2)
    assert capped.points == Decimal("2.00")
    assert capped.formula_in("en") == "130/120 = 1.0833 > 1, counted as 1 × 2 = 2"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("ba", "'ba' is not a share"),
        ("95/0", r"the whole \(b of a/b\) is 0"),
        ("-1/2", "'-1' is not a number"),
        ("1.000", "'1.000' is ambiguous: a thousands separator or decimals?"),
        ("１/２", "is not a number"),
        ("1e3", "'1e3' is not a share"),
        ("", "'' is not a share"),
    ],
)
def test_ratio_refusals(value: str, message: str) -> None:
    with raises(InputError, match=message):
        Ratio().measure(value, Decimal(2), 2)


def test_steps_highest_threshold_reached_wins_else_zero() -> None:
    meetings = Steps([[4, 20], [3, 15], [2, 10], [1, 5]])
    points = [meetings.measure(str(count), Decimal(20), 0).points for count in range(7)]
    assert points == [Decimal(p) for p in (0, 5, 10, 15, 20, 20, 20)]
    assert meetings.measure("0", Decimal(20), 0).formula_in("vi") == "0 dưới mức thấp nhất 1 → 0"
    assert meetings.measure("4", Decimal(20), 0).formula_in("en") == "4 ≥ 4 → 20"


def test_steps_refuse_a_count_in_words() -> None:
    with raises(InputError, match="'ba' is not a number"):
        Steps([[1, 5]]).measure("ba", Decimal(5), 0)


@pytest.mark.parametrize(
    ("value", "yes"),
    [("có", True), ("Có", True), ("YES", True), ("1", True), ("không", False), ("No", False), ("0", False)],
)
def test_yes_no(value: str, yes: bool) -> None:
    assert YesNo().measure(value, Decimal(3), 1).points == (Decimal(3) if yes else Decimal(0))


def test_yes_no_reads_decomposed_unicode() -> None:
    assert YesNo().measure("co\u0301", Decimal(3), 1).points == Decimal(3)


def test_yes_no_refuses_maybe() -> None:
    with raises(InputError, match="'maybe' is not a yes/no answer; write có or không"):
        YesNo().measure("maybe", Decimal(3), 1)


def test_choice_gives_a_share_of_the_maximum() -> None:
    chair = Choice({"chu_tich": 1, "pho_chu_tich": Decimal("0.5"), "khac": 0})
    assert chair.measure("pho_chu_tich", Decimal(2), 2).points == Decimal("1.0")
    assert chair.measure("CHU_TICH", Decimal(2), 2).points == Decimal(2)
    assert chair.measure("khac", Decimal(2), 2).points == Decimal(0)
    with raises(InputError, match="'giam_doc' is not one of the answers chu_tich, pho_chu_tich, khac"):
        chair.measure("giam_doc", Decimal(2), 2)


# --- properties ---------------------------------------------------------------------------------------------------

_counts = st.integers(min_value=0, max_value=10_000)
_maxima = st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n).scaleb(-1))


@given(st.tuples(_counts, _counts).filter(lambda p: p[1] > 0 and p[0] <= p[1]), _maxima, st.integers(0, 3))
def test_ratio_points_are_the_exact_share_rounded_half_up_within_zero_and_max(
    pair: tuple[int, int], maximum: Decimal, decimals: int
) -> None:
    part, whole = pair
    maximum = maximum.quantize(Decimal(1).scaleb(-decimals), rounding=decimal.ROUND_DOWN)
    points = Ratio().measure(f"{part}/{whole}", maximum, decimals).points
    assert Decimal(0) <= points <= maximum
    exact = Fraction(part, whole) * Fraction(maximum)
    step = Fraction(1, 10**decimals)
    # half-up: the rounded value is within half a step, and a tie goes up.
    assert abs(Fraction(points) - exact) <= step / 2
    if abs(Fraction(points) - exact) == step / 2:
        assert Fraction(points) > exact


@given(_counts, _counts, st.integers(1, 10_000), _maxima)
def test_ratio_is_monotone(a: int, b: int, whole: int, maximum: Decimal) -> None:
    low, high = sorted((min(a, whole), min(b, whole)))
    assert Ratio().measure(f"{low}/{whole}", maximum, 2).points <= Ratio().measure(f"{high}/{whole}", maximum, 2).points


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), min_size=1, max_size=6, unique_by=lambda p: p[0]),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_steps_are_monotone_when_points_grow_with_thresholds(pairs: list[tuple[int, int]], a: int, b: int) -> None:
    thresholds = sorted(p[0] for p in pairs)
    points = sorted(p[1] for p in pairs)
    steps = Steps([[t, p] for t, p in zip(thresholds, points, strict=True)])
    low, high = sorted((a, b))
    assert steps.measure(str(low), Decimal(20), 0).points <= steps.measure(str(high), Decimal(20), 0).points


def test_measures_ignore_the_callers_decimal_context() -> None:
    with decimal.localcontext(decimal.Context(prec=2, rounding=decimal.ROUND_DOWN)):
        assert Ratio().measure("95/120", Decimal(2), 2).points == Decimal("1.58")
        assert Choice({"a": Decimal("0.333")}).measure("a", Decimal(3), 3).points == Decimal("0.999")


# --- the rubric ---------------------------------------------------------------------------------------------------


def test_the_issue_syntax_loads_and_round_trips() -> None:
    tree = RUBRIC.tree("provincial")
    assert tree.find("may_tinh").measure == Ratio()  # type: ignore[union-attr]
    assert tree.find("website").measure == YesNo()  # type: ignore[union-attr]
    assert parse_rubric(dump_rubric(RUBRIC)) == RUBRIC
    assert parse_rubric(dump_rubric(RUBRIC, "json"), file="x.json") == RUBRIC


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "[3, 15]",
            "[3, 25]",
            r"demo.yaml:16:\d+: .*node 'hop_bcd': measure steps: step \[3, 25\] gives more points than the maximum 20",
        ),
        ("[2, 10]", "[4, 10]", r"demo.yaml:16:\d+: .*measure: measure steps: the threshold 4 is given twice"),
        (
            "kind: yes_no",
            "kind: yesno",
            r"demo.yaml:17:\d+: .*measure: unknown measure kind 'yesno' \(did you mean 'yes_no'\?\); available: .*yes_no",
        ),
        (
            "pho_chu_tich: 0.5",
            "pho_chu_tich: 1.5",
            r"demo.yaml:19:\d+: .*measure: measure choice: the share of 'pho_chu_tich' must be a number from 0 to 1 .*not 1.5",
        ),
        (
            "pho_chu_tich: 0.5",
            "pho_chu_tich: 0.333",
            r"demo.yaml:19:\d+: .*'pho_chu_tich' gives 0.333 × 2 = 0.666 points, more decimals than the rubric's 2",
        ),
        ("{kind: ratio}", "{kind: ratio, cap: 1}", r"demo.yaml:14:\d+: .*cap must be true or false"),
        (
            "{kind: ratio}",
            "{kind: ratio, top: 1}",
            r"demo.yaml:14:\d+: .*measure 'ratio': unknown parameter 'top'; the parameters are cap",
        ),
        ("{kind: ratio}", "ratio", r"demo.yaml:14:\d+: .*a measure must be a mapping such as \{kind: ratio\}"),
        ("steps: [[4, 20]", "steps: [[4, 20, 1]", r"demo.yaml:16:\d+: .*step 1 must be a pair \[at_least, points\]"),
    ],
)
def test_broken_measure_configurations_are_refused_at_load_with_their_position(
    old: str, new: str, message: str
) -> None:
    assert old in RUBRIC_TEXT
    with raises((RubricError, UnknownNameError), match=message):
        parse_rubric(RUBRIC_TEXT.replace(old, new, 1), file="demo.yaml")


def test_a_measure_on_a_parent_is_refused() -> None:
    with raises(RubricError, match="node 'total': a measure belongs to a scored leaf"):
        Node("total", "Tổng", 2, [Node("a", "A", 2)], measure={"kind": "yes_no"})


@attrs.frozen
class _Half:
    """A plugin kind: half the maximum for 'một nửa', the maximum for 'đủ'."""

    kind: str = attrs.field(default="half", init=False)

    def validate(self, max_points: Decimal, decimals: int | None) -> None:
        return None

    def params(self) -> dict[str, object]:
        return {}

    def answers(self) -> tuple[str, ...] | None:
        return ("một nửa", "đủ")

    def measure(self, value: str, max_points: Decimal, decimals: int) -> Measurement:
        if value not in ("một nửa", "đủ"):
            raise InputError(f"{value!r} is not một nửa or đủ")
        points = max_points / 2 if value == "một nửa" else max_points
        return Measurement("half", value, points, f"{value} → {points}", f"{value} → {points}")


def test_a_kind_added_to_the_plugins_is_resolved_at_rubric_load_and_scores() -> None:
    plugins = Plugins.installed().with_measure("half", _Half)
    assert plugins.measures.available()["half"] == "registered"
    text = RUBRIC_TEXT.replace("{kind: yes_no}", "{kind: half}")
    rubric = parse_rubric(text, file="demo.yaml", plugins=plugins)
    taken = Assessment.measured(rubric, NOI_VU, {"website": "một nửa"}, scores={})
    assert taken.scores["website"] == Decimal("1.5")
    with pytest.raises(RubricError) as caught:
        plugins.with_measure("half", _Half)
    assert caught.value.code == "plugin-name-taken"
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(text, file="demo.yaml")  # the installed kinds do not know it: nothing was registered
    assert caught.value.describe("en").startswith(
        "demo.yaml:17:83: groups[0].tree.children[2].measure: unknown measure kind 'half'; available: choice, ratio,"
    )
    assert caught.value.code == "unknown-plugin"


def test_a_factory_that_returns_something_else_is_refused() -> None:
    plugins = Plugins.installed().with_measure("broken", lambda: "not a measure")
    with pytest.raises(RubricError) as caught:
        resolve_measure({"kind": "broken"}, plugins.measures)
    assert (
        caught.value.describe("en")
        == "measure kind 'broken': its factory returned 'not a measure', which is not a Measure"
    )


@pytest.mark.parametrize(
    ("config", "english", "vietnamese"),
    [
        (
            {"kind": "ratio", "capped": True},
            "measure 'ratio': unknown parameter 'capped'; the parameters are cap",
            "cách tính điểm 'ratio': không có tham số 'capped'; các tham số là cap",
        ),
        (
            {"kind": "yes_no", "cap": True},
            "measure 'yes_no': unknown parameter 'cap'; this kind takes no parameters",
            "cách tính điểm 'yes_no': không có tham số 'cap'; cách tính này không nhận tham số nào",
        ),
        (
            {"kind": "steps"},
            "measure 'steps': the parameter 'steps' is missing",
            "cách tính điểm 'steps': thiếu tham số 'steps'",
        ),
    ],
)
def test_a_parameter_a_kind_does_not_take_is_named_with_those_it_takes(
    config: dict[str, object], english: str, vietnamese: str
) -> None:
    with pytest.raises(RubricError) as caught:
        resolve_measure(config)
    assert (caught.value.describe("en"), caught.value.describe("vi")) == (english, vietnamese)
    assert "__init__" not in caught.value.describe("en")


# --- assessments, files, scoring, explanations ------------------------------------------------------------------------

REPORTED = {"may_tinh": "95/120", "hop_bcd": "3", "website": "có", "truong_ban": "pho_chu_tich"}


def test_an_assessment_built_in_python_with_measurements_scores() -> None:
    taken = Assessment.measured(RUBRIC, NOI_VU, REPORTED, evidence={"hop_bcd": "Biên bản họp số 3"})
    assert dict(taken.scores) == {
        "may_tinh": Decimal("1.58"),
        "hop_bcd": Decimal(15),
        "website": Decimal(3),
        "truong_ban": Decimal("1.0"),
    }
    result = score(RUBRIC, [taken])
    assert result.agency("so-noi-vu").total == Decimal("20.58")
    text = explain(result, "so-noi-vu", "may_tinh", lang="vi")
    assert "số liệu: 95/120 = 0,7917 × 2 = 1,58" in text
    assert "measured: 3 ≥ 3 → 15" in explain(result, "so-noi-vu", "hop_bcd", lang="en")
    assert "số liệu: 3 ≥ 3 → 15" in explain(result, "so-noi-vu", "hop_bcd")


def test_a_score_that_contradicts_its_measurement_is_refused() -> None:
    taken = Assessment.measured(RUBRIC, NOI_VU, {"website": "có"})
    with raises(InputError, match="node 'website': the score 2 differs from the 3 that the measurement 'có' gives"):
        Assessment(NOI_VU, {"website": 2}, measurements=taken.measurements)


def test_a_measurement_for_an_unmeasured_node_is_refused() -> None:
    tree = Node("total", "Tổng", 2, [Node("a", "A", 2)])
    rubric = Rubric("r", "R", 2024, LegalBasis("1/QĐ", dt.date(2024, 1, 1), "UBND"), [Group("provincial", "P", tree)])
    with raises(InputError, match="node 'a': the node has no measure in the rubric"):
        Assessment.measured(rubric, NOI_VU, {"a": "có"})


CSV = "agency,name,may_tinh,hop_bcd,website,truong_ban\nso-noi-vu,Sở Nội vụ,95/120,3,có,pho_chu_tich\n"


def test_a_csv_table_holds_measurements_in_wide_form() -> None:
    (taken,) = parse_scores_csv(CSV, RUBRIC, file="scores.csv")
    assert taken.scores["may_tinh"] == Decimal("1.58")
    assert taken.measurements["may_tinh"].value == "95/120"


def test_a_csv_table_holds_measurements_in_long_form() -> None:
    text = 'agency,node,score,evidence\nso-noi-vu,may_tinh,"0,79",Báo cáo 1\nso-noi-vu,hop_bcd,3,\nso-noi-vu,website,không,\nso-noi-vu,truong_ban,khac,\n'
    (taken,) = parse_scores_csv(text, RUBRIC, file="long.csv")
    assert taken.scores == {"may_tinh": Decimal("1.58"), "hop_bcd": Decimal(15), "website": 0, "truong_ban": 0}
    assert taken.evidence == {"may_tinh": "Báo cáo 1"}
    assert taken.measurements["may_tinh"].formula_in("vi") == "0,79 × 2 = 1,58"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "95/120",
            "130/120",
            "scores.csv:2:3: agency 'so-noi-vu', node 'may_tinh': '130/120' is a share of 1.0833, above 1",
        ),
        (",3,", ",ba,", "scores.csv:2:4: agency 'so-noi-vu', node 'hop_bcd': 'ba' is not a number"),
        (",có,", ",maybe,", "scores.csv:2:5: agency 'so-noi-vu', node 'website': 'maybe' is not a yes/no answer"),
        (
            "pho_chu_tich",
            "giam_doc",
            "scores.csv:2:6: agency 'so-noi-vu', node 'truong_ban': 'giam_doc' is not one of the answers",
        ),
    ],
)
def test_impossible_measurements_in_a_table_are_refused_with_file_line_agency_node(
    old: str, new: str, message: str
) -> None:
    with pytest.raises(GovIndexError) as caught:
        parse_scores_csv(CSV.replace(old, new), RUBRIC, file="scores.csv")
    assert english(caught.value).startswith(message)


YAML = """\
rubric: demo-measures
source: self
agencies:
  - id: so-noi-vu
    name: Sở Nội vụ
    group: provincial
    scores: {may_tinh: 95/120, hop_bcd: 3, website: có, truong_ban: pho_chu_tich}
    evidence: {may_tinh: Báo cáo số 12}
"""


def test_an_assessment_file_holds_measurements_and_dumps_them_back() -> None:
    parsed = parse_assessment_file(YAML, RUBRIC, file="self.yaml")
    (taken,) = parsed.assessments(RUBRIC)
    assert taken.scores["may_tinh"] == Decimal("1.58")
    text = dump_assessments([taken], rubric="demo-measures")
    assert "may_tinh: 95/120" in text
    (again,) = parse_assessment_file(text, RUBRIC).assessments(RUBRIC)
    assert again == taken


def test_an_impossible_measurement_in_an_assessment_file_is_refused_at_its_line() -> None:
    with pytest.raises(GovIndexError) as caught:
        parse_assessment_file(YAML.replace("hop_bcd: 3", "hop_bcd: ba"), RUBRIC, file="self.yaml")
    assert english(caught.value).startswith(
        "self.yaml:7:41: agencies[0].scores.hop_bcd: agency 'so-noi-vu', node 'hop_bcd': 'ba' is not a number"
    )


def test_text_for_an_unmeasured_node_is_still_refused() -> None:
    text = YAML.replace("truong_ban: pho_chu_tich", "truong_ban: pho_chu_tich, total: 'abc'")
    with raises(GovIndexError, match="node 'total': expected a number, got the text 'abc'"):
        parse_assessment_file(text, RUBRIC, file="self.yaml")


def test_the_cli_scores_and_explains_the_shipped_example(capsys: pytest.CaptureFixture[str]) -> None:
    rubric = str(EXAMPLES / "measures-demo.yaml")
    assert main(["score", rubric, str(EXAMPLES / "measures-demo-scores.csv")]) == 0
    assert (
        main(["explain", "--lang", "vi", rubric, str(EXAMPLES / "measures-demo-scores.csv"), "so-noi-vu", "may_tinh"])
        == 0
    )
    assert "số liệu: 95/120 = 0,7917 × 2 = 1,58" in capsys.readouterr().out


def test_the_cli_refuses_an_impossible_measurement_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        (EXAMPLES / "measures-demo-scores.csv").read_text(encoding="utf-8").replace("95/120", "130/120"),
        encoding="utf-8",
    )
    assert main(["score", str(EXAMPLES / "measures-demo.yaml"), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.csv:2:" in err
    assert "cơ quan 'Sở Nội vụ', tiêu chí 'Tỷ lệ máy tính/CBCC': '130/120' là tỷ lệ 1,0833, lớn hơn 1 (100%)" in err
    assert "Traceback" not in err


def test_read_assessments_reads_the_yaml_example() -> None:
    rubric = parse_rubric((EXAMPLES / "measures-demo.yaml").read_text(encoding="utf-8"))
    taken = read_assessments(EXAMPLES / "measures-demo-self.yaml", rubric)
    assert {a.agency.id for a in taken} == {"so-noi-vu", "so-y-te"}


def test_measured_assessments_round_trip_through_csv_and_xlsx(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from govindex.io.csvio import dump_scores_csv
    from govindex.io.xlsx import read_scores_xlsx, write_scores_xlsx

    taken = [
        Assessment.measured(RUBRIC, NOI_VU, REPORTED),
        Assessment.measured(RUBRIC, Agency("so-y-te", "Sở Y tế", "provincial"), {**REPORTED, "may_tinh": "0,79"}),
    ]
    for delimiter, comma in ((",", False), (";", True)):
        text = dump_scores_csv(taken, RUBRIC, delimiter=delimiter, decimal_comma=comma)
        assert "95/120" in text
        assert parse_scores_csv(text, RUBRIC) == tuple(taken)
    write_scores_xlsx(taken, RUBRIC, tmp_path / "scores.xlsx")
    again = read_scores_xlsx(tmp_path / "scores.xlsx", RUBRIC)
    assert again == tuple(taken)
    assert [a.measurements for a in again] == [a.measurements for a in taken]


def test_a_kind_from_an_installed_package_is_found_by_its_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    entry = importlib.metadata.EntryPoint("half", f"{__name__}:_Half", "govindex.measures")
    real = importlib.metadata.entry_points

    def fake(**params: object) -> object:
        if params.get("group") == "govindex.measures":
            return [entry]
        return real(**params)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    assert installed_measures().available()["half"] == f"entry point {__name__}:_Half"
    rubric = parse_rubric(RUBRIC_TEXT.replace("{kind: yes_no}", "{kind: half}"), file="demo.yaml")
    assert Assessment.measured(rubric, NOI_VU, {"website": "đủ"}).scores["website"] == Decimal(3)


def test_steps_with_more_decimals_than_the_rubric_are_refused() -> None:
    with raises(RubricError, match=r"step \[1, 2.555\] has more decimals than the rubric's 2"):
        parse_rubric(RUBRIC_TEXT.replace("[1, 5]", "[1, 2.555]"), file="demo.yaml")


def test_yaml_yes_and_no_are_yes_no_figures_and_refused_where_points_are_due() -> None:
    text = YAML.replace("website: có", "website: no")
    (taken,) = parse_assessment_file(text, RUBRIC, file="self.yaml").assessments(RUBRIC)
    assert taken.scores["website"] == 0
    with raises(GovIndexError, match="node 'total': expected a number, got the text 'yes'"):
        parse_assessment_file(YAML.replace("truong_ban: pho_chu_tich", "truong_ban: pho_chu_tich, total: yes"), RUBRIC)
