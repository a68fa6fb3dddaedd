"""Agencies assessed but not ranked (đánh giá nhưng không xếp hạng) by a rule or by a reason in the score data:
scored and banded, never shifting another rank, shown in the appendix and the statistics as publishers show them."""

from __future__ import annotations

import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filekit import position, run_cli
from govindex import Agency, Assessment, load_rubric, score
from govindex.errors import GovIndexError, InputError, RuleError
from govindex.io import read_assessments
from govindex.io.assessments import AgencyEntry
from govindex.io.rubrics import parse_rubric
from govindex.render.appendix import appendix
from govindex.render.statistics import statistics_data, statistics_document
from govindex.rules.not_ranked import NotRankedByFact
from govindex.stats import statistics

REASON = "Đơn vị không cung cấp dịch vụ công, đánh giá nhưng không xếp hạng"

WIDE = f"""agency,group,name,total,Không xếp hạng
so-a,provincial,Sở A,90,
so-b,provincial,Sở B,75,không
so-c,provincial,Sở C,80,"{REASON}"
so-d,provincial,Sở D,60,
"""


def _web(tmp_path: Path, text: str = WIDE, name: str = "scores.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_reason_in_the_score_table_leaves_the_agency_out_of_the_ranking(tmp_path: Path) -> None:
    rubric = load_rubric("sonla-2017-web")
    result = score(rubric, read_assessments(_web(tmp_path), rubric))
    assert [(row.agency.id, row.rank) for row in result] == [("so-a", 1), ("so-b", 2), ("so-d", 3)]
    (aside,) = result.not_ranked
    assert (aside.agency.id, aside.reason, aside.by, str(aside.total)) == ("so-c", REASON, "data", "80.0")
    assert aside.band is not None and aside.band.id == "good"


def test_a_bare_yes_without_a_reason_is_refused_at_its_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = WIDE.replace(f'"{REASON}"', "có")
    path = _web(tmp_path, text)
    with pytest.raises(GovIndexError) as caught:
        read_assessments(path, load_rubric("sonla-2017-web"))
    assert caught.value.code == "agency-not-ranked-no-reason"
    line = position(text, ",có")[0]
    assert (caught.value.line, caught.value.column) == (line, 5)  # the fifth column: Không xếp hạng
    code, _out, err = run_cli(capsys, ["score", "sonla-2017-web", str(path), "--lang", "en"])
    assert code == 2
    assert f"{path}:{line}:5: agency 'so-c': an agency assessed but not ranked needs a reason" in err
    code, _out, err = run_cli(capsys, ["score", "sonla-2017-web", str(path)])
    assert code == 2 and "phải nêu lý do" in err and "Traceback" not in err


def test_the_long_form_and_yaml_carry_the_reason_and_refuse_a_bare_true(tmp_path: Path) -> None:
    rubric = load_rubric("vn-par-2023-ministry")
    long = "agency,group,node,score,not_ranked\nbo-a,ministry,appraisal,60,\nbo-a,ministry,survey,28,\n"
    long += "ubdt,ministry,appraisal,50,Cơ quan đặc thù\nubdt,ministry,survey,20,\n"
    result = score(rubric, read_assessments(_web(tmp_path, long, "long.csv"), rubric))
    assert [item.agency.id for item in result.not_ranked] == ["ubdt"] and result.agency("bo-a").rank == 1
    yaml = """agencies:
  - id: bo-a
    name: Bộ A
    group: ministry
    scores: {appraisal: 60, survey: 28}
  - id: ubdt
    name: Ủy ban Dân tộc
    group: ministry
    not_ranked: true
    scores: {appraisal: 50, survey: 20}
"""
    path = _web(tmp_path, yaml, "a.yaml")
    with pytest.raises(GovIndexError) as caught:
        read_assessments(path, rubric)
    assert caught.value.code == "agency-not-ranked-no-reason"
    assert caught.value.line == position(yaml, "not_ranked: true")[0]
    assert "agencies[1].not_ranked" in caught.value.describe("en")
    fixed = path.read_text(encoding="utf-8").replace("not_ranked: true", "not_ranked: Cơ quan đặc thù")
    cohort = read_assessments(_web(tmp_path, fixed, "b.yaml"), rubric)
    assert [a.agency.not_ranked for a in cohort] == [None, "Cơ quan đặc thù"]
    assert AgencyEntry.of(cohort[1]).to_agency() == cohort[1].agency
    ranked = read_assessments(_web(tmp_path, fixed.replace("Cơ quan đặc thù", "false"), "c.yaml"), rubric)
    assert ranked[1].agency.not_ranked is None


def test_an_agency_is_never_left_out_without_a_reason() -> None:
    for value in (True, "", "  "):
        with pytest.raises(InputError) as caught:
            Agency("a", "A", "provincial", not_ranked=value)  # type: ignore[arg-type]
        assert caught.value.code == "agency-not-ranked-no-reason"
    with pytest.raises(InputError) as caught:
        Agency("a", "A", "provincial", not_ranked=3)  # type: ignore[arg-type]
    assert caught.value.code == "agency-not-ranked-not-text"
    assert Agency("a", "A", "provincial", not_ranked=" lý do ").not_ranked == "lý do"


RULE_RUBRIC = """\
id: t
title: T
year: 2023
legal_basis: {decision: x, date: 2023-01-01, issuer: y}
decimals: 2
rules:
  - name: not_ranked
    params: {when: special, reason: Cơ quan đặc thù}
groups:
  - id: ministry
    name: Bộ
    tree: {id: total, name: T, max_points: 100}
"""


def test_a_rule_leaves_every_agency_that_states_the_fact_out_of_the_ranking() -> None:
    rubric = parse_rubric(RULE_RUBRIC, file="r.yaml")
    cohort = [
        Assessment(Agency("bo-a", "Bộ A", "ministry"), {"total": "70"}),
        Assessment(Agency("ttcp", "Thanh tra Chính phủ", "ministry", special=True), {"total": "95"}),
        Assessment(Agency("bo-b", "Bộ B", "ministry"), {"total": "80"}),
    ]
    result = score(rubric, cohort)
    assert [(row.agency.id, row.rank) for row in result] == [("bo-b", 1), ("bo-a", 2)]
    assert [(item.agency.id, item.reason, item.by) for item in result.not_ranked] == [
        ("ttcp", "Cơ quan đặc thù", "not_ranked")
    ]
    services = score(rubric, cohort, rules=[NotRankedByFact("no_online_services", "Không có dịch vụ công")])
    assert not services.not_ranked and [row.rank for row in services] == [1, 2, 3]


def test_a_rule_not_ranked_with_a_bad_when_or_no_reason_is_refused_at_its_line(tmp_path: Path) -> None:
    from govindex.io import load_methodology

    bad = RULE_RUBRIC.replace("when: special", "when: specal")
    with pytest.raises(GovIndexError) as caught:
        load_methodology(_web(tmp_path, bad, "bad.yaml"))
    assert caught.value.line == position(bad, "specal")[0] and "'specal'" in caught.value.describe("en")
    missing = RULE_RUBRIC.replace(", reason: Cơ quan đặc thù", "")
    with pytest.raises(GovIndexError) as caught:
        load_methodology(_web(tmp_path, missing, "missing.yaml"))
    assert caught.value.line == position(missing, "params:")[0] and "reason" in caught.value.describe("en")


def test_a_rule_that_leaves_out_an_unknown_agency_or_without_a_reason_is_refused() -> None:
    from govindex.rules import RuleOutcome

    class Stray(NotRankedByFact):
        def apply(self, context):  # type: ignore[no-untyped-def]
            return RuleOutcome(not_ranked={"nobody": "x"})

    class Silent(NotRankedByFact):
        def apply(self, context):  # type: ignore[no-untyped-def]
            return RuleOutcome(not_ranked={context.assessments[0].agency.id: " "})

    cohort = [Assessment(Agency("bo-a", "Bộ A", "ministry"), {"total": "70"})]
    rubric = parse_rubric(RULE_RUBRIC, file="r.yaml")
    with pytest.raises(RuleError) as caught:
        score(rubric, cohort, rules=[Stray("special", "x")])
    assert caught.value.code == "rule-not-ranked-unknown" and "nobody" in caught.value.describe("en")
    with pytest.raises(RuleError) as caught:
        score(rubric, cohort, rules=[Silent("special", "x")])
    assert caught.value.code == "rule-not-ranked-no-reason" and "bo-a" in caught.value.describe("en")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 1000), min_size=2, max_size=9),
    st.data(),
)
def test_agencies_not_ranked_by_the_data_or_a_rule_change_no_other_rank(totals: list[int], data: st.DataObject) -> None:
    rubric = load_rubric("sonla-2017-web")
    out = data.draw(st.sets(st.integers(0, len(totals) - 1), min_size=1, max_size=len(totals) - 1))
    by_rule = data.draw(st.booleans())
    cohort = [
        Assessment(
            Agency(
                f"a{i}",
                f"A{i}",
                "provincial",
                special=by_rule and i in out,
                not_ranked="lý do" if i in out and not by_rule else None,
            ),
            {"total": Decimal(t).scaleb(-1)},
        )
        for i, t in enumerate(totals)
    ]
    rules = [NotRankedByFact("special", "đặc thù")] if by_rule else []
    with_them = score(rubric, cohort, rules=rules)
    without = score(rubric, [a for i, a in enumerate(cohort) if i not in out], rules=[])
    assert {row.agency.id: row.rank for row in with_them} == {row.agency.id: row.rank for row in without}
    assert sorted(item.agency.id for item in with_them.not_ranked) == sorted(f"a{i}" for i in out)
    for item in with_them.not_ranked:  # scored and banded as if ranked
        plain = cohort[int(item.agency.id[1:])]
        alone = score(rubric, [attrs.evolve(plain, agency=attrs.evolve(plain.agency, special=False, not_ranked=None))])
        assert (item.total, item.band) == (alone.rows[0].total, alone.rows[0].band)
    stats = statistics(with_them)
    assert stats.count == len(totals) - len(out)


def _text_of(data: bytes, suffix: str) -> str:
    if suffix == ".xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        workbook = openpyxl.load_workbook(io.BytesIO(data))
        return "\n".join(
            str(value) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for value in row
        )
    if suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))
    return data.decode("utf-8")


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".xlsx"])
def test_the_appendix_shows_the_agency_after_the_ranking_without_a_rank_and_with_its_reason(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"appendix{suffix}"
    code, _, err = run_cli(capsys, ["publish", "sonla-2017-web", str(_web(tmp_path)), "--output", str(out)])
    assert code == 0, err
    text = _text_of(out.read_bytes(), suffix)
    assert "Sở C (*)" in text and f"(*) Sở C: không xếp hạng. {REASON}" in text
    assert "Đánh giá, không xếp hạng" in text


def test_the_appendix_table_in_vietnamese_and_english(tmp_path: Path) -> None:
    rubric = load_rubric("sonla-2017-web")
    result = score(rubric, read_assessments(_web(tmp_path), rubric))
    for lang, section, marked, note in (
        ("vi", "Đánh giá, không xếp hạng", "Sở C (*)", f"(*) Sở C: không xếp hạng. {REASON}"),
        ("en", "Assessed, not ranked", "Sở C (*)", f"(*) Sở C: not ranked. {REASON}"),
    ):
        table = appendix(result, lang=lang).tables[0]
        assert table.rows[-1][1:] == (marked, Decimal("80.0"), None)
        assert (3, section) in table.sections and note in table.notes
        assert [row[-1] for row in table.rows] == [1, 2, 3, None]


def test_the_statistics_list_the_agency_as_a_row_without_a_rank_and_leave_it_out_of_the_means(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric = load_rubric("sonla-2017-web")
    result = score(rubric, read_assessments(_web(tmp_path), rubric))
    stats = statistics(result)
    assert stats.group("provincial").mean == Decimal("75.0") and stats.count == 3
    table = statistics_document(stats, "vi").table("not_ranked")
    assert table.rows == (("so-c", "Sở C", "provincial", "Sở, ban, ngành cấp tỉnh", Decimal("80.0"), "Tốt", None),)
    assert table.notes == (f"(*) Sở C: không xếp hạng. {REASON}",)
    assert any("không tính vào điểm trung bình" in note for note in statistics_document(stats).table("groups").notes)
    english = statistics_document(stats, "en")
    assert english.table("not_ranked").title == "Agencies assessed but not ranked"
    assert statistics_data(stats)["not_ranked"] == [
        {
            "agency": "so-c",
            "name": "Sở C",
            "group": "provincial",
            "total": "80.0",
            "band": "good",
            "rank": None,
            "reason": REASON,
            "by": "data",
        }
    ]
    code, out, _ = run_cli(capsys, ["report", "sonla-2017-web", str(_web(tmp_path)), "--format", "json"])
    assert code == 0 and json.loads(out)["not_ranked"][0]["reason"] == REASON
    code, out, _ = run_cli(capsys, ["report", "sonla-2017-web", str(_web(tmp_path)), "--format", "csv"])
    assert code == 0
    code, out, _ = run_cli(capsys, ["report", "sonla-2017-web", str(_web(tmp_path))])
    assert code == 0 and re.search(r"Sở C\s+Sở, ban, ngành cấp tỉnh\s+80,0\s+Tốt", out)
    assert f"(*) Sở C: không xếp hạng. {REASON}" in out


def test_a_score_table_written_gives_the_reasons_back(tmp_path: Path) -> None:
    from govindex.io.csvio import dump_scores_csv, parse_scores_csv

    rubric = load_rubric("sonla-2017-web")
    cohort = read_assessments(_web(tmp_path), rubric)
    again = parse_scores_csv(dump_scores_csv(cohort, rubric), rubric)
    assert [a.agency.not_ranked for a in again] == [a.agency.not_ranked for a in cohort] == [None, None, REASON, None]


def test_the_score_output_lists_the_agency_not_ranked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, ["score", "sonla-2017-web", str(_web(tmp_path))])
    assert code == 0, err
    assert "Cơ quan, đơn vị được đánh giá nhưng không xếp hạng" in out and REASON in out
    code, out, err = run_cli(capsys, ["score", "sonla-2017-web", str(_web(tmp_path)), "--format", "markdown"])
    assert code == 0 and f"| 1 | Sở C | Sở, ban, ngành cấp tỉnh | 80,0 | Tốt |  | {REASON} |" in out


def test_an_excel_score_table_carries_the_reason_and_refuses_a_bare_yes_at_its_cell(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    rubric = load_rubric("sonla-2017-web")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [("agency", "group", "name", "total", "Lý do không xếp hạng"), ("so-a", "provincial", "Sở A", 90, None)]:
        sheet.append(row)
    sheet.append(("so-c", "provincial", "Sở C", 80, REASON))
    path = tmp_path / "scores.xlsx"
    book.save(path)
    assert [a.agency.not_ranked for a in read_assessments(path, rubric)] == [None, REASON]
    sheet["E3"] = "x"
    book.save(path)
    with pytest.raises(GovIndexError) as caught:
        read_assessments(path, rubric)
    assert caught.value.code == "agency-not-ranked-no-reason" and caught.value.line == 3
    assert caught.value.describe("en").startswith(f"{path}:Sheet!E3: agency 'so-c': an agency assessed but not ranked")


def test_result_sheets_say_which_agency_gets_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sheets"
    args = ["publish", "sonla-2017-web", str(_web(tmp_path)), "--each-agency", "--format", "markdown"]
    code, _, err = run_cli(capsys, [*args, "--output", str(folder)])
    assert code == 0, err
    assert sorted(path.name for path in folder.iterdir()) == ["so-a.md", "so-b.md", "so-d.md"]
    assert f"không lập thông báo kết quả cho Sở C: được đánh giá nhưng không xếp hạng ({REASON})" in err


def test_compare_keeps_an_agency_not_ranked_with_its_score_band_and_reason(tmp_path: Path) -> None:
    from govindex.comparison import Period, compare
    from govindex.render.comparison import comparison_data, status_text

    rubric = load_rubric("sonla-2017-web")
    first = score(rubric, read_assessments(_web(tmp_path), rubric))
    plain = WIDE.replace(f'"{REASON}"', "")
    second = score(rubric, read_assessments(_web(tmp_path, plain, "plain.csv"), rubric))
    comparison = compare(Period.from_result(first, year=2017), Period.from_result(second, year=2018))
    row = comparison.row("so-c")
    old, new = row.standings
    assert old is not None and new is not None
    assert (old.score, old.rank, old.band, old.not_ranked) == (Decimal("80.0"), None, "good", REASON)
    assert (new.rank, row.places, row.score_change, row.band_change) == (2, None, Decimal("0.0"), 0)
    assert status_text(comparison, row) == f"tiếp tục; năm 2017 được đánh giá nhưng không xếp hạng: {REASON}"
    assert status_text(comparison, row, "en").endswith(f"assessed but not ranked in 2017: {REASON}")
    assert comparison_data(comparison)["rows"][1]["standings"]["2017"]["not_ranked"] == REASON


def test_explaining_an_agency_not_ranked_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric = load_rubric("sonla-2017-web")
    result = score(rubric, read_assessments(_web(tmp_path), rubric))
    with pytest.raises(GovIndexError) as caught:
        result.agency("so-c")
    assert caught.value.code == "result-not-ranked"
    code, _, err = run_cli(capsys, ["explain", "sonla-2017-web", str(_web(tmp_path)), "Sở C", "--lang", "en"])
    assert code == 2
    assert f"agency 'so-c' is assessed but not ranked ({REASON}): total 80.0, no rank" in err
