"""Year over year: rank movement, score and band change, lineage; the compare command."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filekit import raises_en
from govindex import Agency, Assessment, load_dataset, load_rubric, score
from govindex.cli import main
from govindex.comparison import (
    Comparison,
    Note,
    NoteKind,
    Period,
    Series,
    Standing,
    Status,
    compare,
    places_moved,
)
from govindex.directory import AgencyDirectory, AgencyRecord, EventKind, LineageEvent
from govindex.errors import FileFormatError, InputError, UnknownNameError
from govindex.io.comparisons import parse_result_json, read_period, split_input
from govindex.io.directory import load_directory
from govindex.render import data, frame, html
from govindex.render.comparison import comparison_document, status_text
from govindex.results import Result

SONLA = load_directory("sonla")
RUBRIC = load_rubric("sonla-2017-it")
DATASET = load_dataset("sonla-2017-it")
# The departments of 2017 (tables 1 and 1.1-1.6), without the districts and the Office.
DEPARTMENTS = tuple(agency for agency in DATASET.agencies if agency.group == "provincial")
RESULT_2017 = score(RUBRIC, DATASET.assessments("provincial", not_assessed=False))
MERGED_AWAY = {"so-thong-tin-va-truyen-thong", "so-giao-thong-van-tai", "so-ke-hoach-va-dau-tu"}
CATEGORIES = {
    "infrastructure": 10,
    "internal_use": 25,
    "public_services": 35,
    "security": 10,
    "staff": 10,
    "policy": 10,
}


def later_cohort() -> Result:
    """A synthetic later result under the 2017 rubric: every surviving department gains 2 points per
    category up to the maximum, Nông nghiệp gains more, and the Office is assessed."""
    assessments = []
    for agency in DEPARTMENTS:
        if agency.id in MERGED_AWAY:
            continue
        bonus = Decimal(6) if agency.id == "so-nong-nghiep-va-phat-trien-nong-thon" else Decimal(2)
        scores = {node: min(value + bonus, Decimal(CATEGORIES[node])) for node, value in agency.scores.items()}
        assessments.append(Assessment(Agency(agency.id, agency.name, agency.group), scores))
    office = {"infrastructure": 8, "internal_use": 20, "public_services": 30, "security": 8, "staff": 8, "policy": 8}
    assessments.append(Assessment(Agency("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "provincial"), office))
    return score(RUBRIC, assessments)


def test_2017_against_a_later_cohort() -> None:
    later = Period.from_result(later_cohort(), year=2025)
    comparison = compare(RESULT_2017, later, registry=SONLA)
    assert comparison.labels == ("2017", "2025")
    agriculture = comparison.row("Sở Nông nghiệp và phát triển nông thôn")
    assert agriculture.standings[0] is not None and agriculture.standings[0].rank == 17
    assert agriculture.status is Status.CONTINUING
    published = next(a for a in DEPARTMENTS if a.id == agriculture.agency).scores
    gained = sum(min(v + 6, CATEGORIES[n]) - v for n, v in published.items())
    assert agriculture.score_change == gained == Decimal("30.0")
    assert agriculture.band_change == 2  # Yếu -> Khá
    assert agriculture.places == 17 - agriculture.standings[1].rank  # type: ignore[union-attr]
    assert agriculture.places is not None and agriculture.places > 0
    office = comparison.row("van-phong-ubnd-tinh")
    assert office.status is Status.ENTERED and office.standings[0] is None
    every = {s.agency for p in comparison.periods for s in p.standings}
    assert {row.agency for row in comparison} == every
    assert len(comparison) == 19


def test_a_merged_agency_is_shown_with_its_predecessors_not_as_missing() -> None:
    before = Period.from_result(RESULT_2017, year=2024, label="2024")
    after = Period.from_result(later_cohort(), year=2025)
    comparison = compare(before, after, registry=SONLA)
    science = comparison.row("so-khoa-hoc-va-cong-nghe")
    assert science.status is Status.MERGED
    assert science.predecessors == ("so-thong-tin-va-truyen-thong",)
    assert science.places is not None  # it continues: its own movement is still counted
    assert status_text(comparison, science, "en") == "merged: absorbed so-thong-tin-va-truyen-thong (2025)"
    assert status_text(comparison, science) == "hợp nhất: tiếp nhận Sở Thông tin và Truyền thông (2025)"
    ict = comparison.row("Sở Thông tin và Truyền thông")
    assert ict.status is Status.MERGED_INTO and ict.successor == "so-khoa-hoc-va-cong-nghe"
    assert ict.standings[1] is None and ict.places is None
    assert status_text(comparison, ict, "en") == "merged into so-khoa-hoc-va-cong-nghe (2025)"
    assert status_text(comparison, ict) == "sáp nhập vào Sở Khoa học và Công nghệ (2025)"
    assert comparison.row("so-xay-dung").predecessors == ("so-giao-thong-van-tai",)
    assert comparison.row("so-tai-chinh").predecessors == ("so-ke-hoach-va-dau-tu",)
    assert not [row for row in comparison if row.status is Status.LEFT]


def test_without_a_registry_the_merger_is_not_guessed() -> None:
    before = Period.from_result(RESULT_2017, year=2024, label="2024")
    after = Period.from_result(later_cohort(), year=2025)
    comparison = compare(before, after)
    assert comparison.row("so-thong-tin-va-truyen-thong").status is Status.LEFT
    assert comparison.row("so-khoa-hoc-va-cong-nghe").status is Status.CONTINUING


def _districts(year: int, ranks: dict[str, int]) -> Period:
    return Period(
        str(year),
        tuple(Standing(a, SONLA.get(a).name, "district", Decimal(90 - r), r) for a, r in ranks.items()),
        year,
    )


def test_abolished_districts_are_reported_as_abolished() -> None:
    old = _districts(2024, {"thanh-pho-son-la": 1, "huyen-phu-yen": 2})
    new = Period("2025", (Standing("so-y-te", "Sở Y tế", "provincial", Decimal(80), 1),), 2025)
    comparison = compare(old, new, registry=SONLA)
    city = comparison.row("Thành phố")
    assert city.status is Status.ABOLISHED
    assert status_text(comparison, city, "en") == "abolished (2025-07-01)"
    assert status_text(comparison, city) == "giải thể (2025-07-01)"
    assert comparison.row("so-y-te").status is Status.ENTERED


def test_an_agency_present_after_its_abolition_is_refused() -> None:
    old = _districts(2024, {"huyen-phu-yen": 1})
    new = _districts(2025, {"huyen-phu-yen": 1})
    with pytest.raises(InputError) as caught:
        compare(old, new, registry=SONLA)
    assert caught.value.code == "report-ended-before"
    assert caught.value.describe("en") == (
        "agency 'huyen-phu-yen': the agency is in period '2025' (2025) but registry 'sonla' records it "
        "abolished (2025-07-01); check the period's year or the registry"
    )
    assert caught.value.describe("vi").startswith("cơ quan 'huyen-phu-yen': cơ quan có trong kỳ '2025' (2025)")


def test_split_created_and_renamed_agencies() -> None:
    registry = AgencyDirectory(
        "r",
        (
            AgencyRecord("a", "A", "g", events=[LineageEvent(EventKind.RENAMED, year=2021, previous_name="Old A")]),
            AgencyRecord("b", "B", "g", events=[LineageEvent(EventKind.SPLIT_FROM, year=2021, parent="a")]),
            AgencyRecord("c", "C", "g", events=[LineageEvent(EventKind.CREATED, year=2021)]),
            AgencyRecord("d", "D", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2021, into="e")]),
            AgencyRecord("e", "E", "g", events=[LineageEvent(EventKind.CREATED, year=2021)]),
        ),
    )
    old = Period(
        "2020", (Standing("Old A", "Old A", "g", Decimal(50), 2), Standing("d", "D", "g", Decimal(60), 1)), 2020
    )
    new = Period(
        "2021",
        (
            Standing("a", "A", "g", Decimal(70), 1),
            Standing("b", "B", "g", Decimal(60), 2),
            Standing("c", "C", "g", Decimal(55), 3),
            Standing("e", "E", "g", Decimal(50), 4),
        ),
        2021,
    )
    comparison = compare(old, new, registry=registry)
    a = comparison.row("a")
    assert a.status is Status.CONTINUING and a.places == 1
    assert a.steps[0].notes == (
        Note(NoteKind.RENAMED, previous_name="Old A", when="2021"),
        Note(NoteKind.SPLIT_OFF, agency="b", when="2021"),
    )
    assert status_text(comparison, a, "en") == "continuing; renamed from 'Old A' (2021); b split from it (2021)"
    assert status_text(comparison, a) == "tiếp tục; đổi tên từ “Old A” (2021); B chia tách từ cơ quan này (2021)"
    assert a.name == "A"
    assert status_text(comparison, comparison.row("b"), "en") == "new (split from a) (2021)"
    assert status_text(comparison, comparison.row("b")) == "thành lập mới (chia tách từ A) (2021)"
    assert status_text(comparison, comparison.row("c"), "en") == "new (2021)"
    assert status_text(comparison, comparison.row("e"), "en") == "merged: formed from d (2021)"
    assert status_text(comparison, comparison.row("d"), "en") == "merged into e (2021)"


def test_national_dti_series_for_son_la() -> None:
    series = Series.from_points(
        "son-la", [(2020, "0.2613", 51), (2021, "0.3438", 43), (2022, "0.5478", 44)], name="Sơn La"
    )
    steps = series.movements()
    assert [step.places for step in steps] == [8, -1]
    assert [step.score_change for step in steps] == [Decimal("0.0825"), Decimal("0.2040")]
    row = series.compare().rows[0]
    assert row.places == 7 and row.score_change == Decimal("0.2865")
    table = comparison_document(series.compare()).table()
    header, rows = [c.id for c in table.columns], table.text_rows("en")
    assert header[-3:] == ["places 2020→2022", "change 2020→2022", "status"]
    assert rows[0][-7:-1] == ["+8", "+0.0825", "-1", "+0.2040", "+7", "+0.2865"]
    assert table.shown("vi").text_rows("vi")[0][-7:-1] == ["+8", "+0,0825", "-1", "+0,2040", "+7", "+0,2865"]
    assert table.shown("vi").headings("vi")[-3:] == [
        "Số bậc thay đổi 2020→2022",
        "Thay đổi điểm 2020→2022",
        "Tình trạng",
    ]


def test_places_are_positive_upwards() -> None:
    assert places_moved(40, 9) == 31  # "tăng 31 bậc"
    assert places_moved(Decimal("2.5"), 1) == Decimal("1.5")


def test_series_points_must_increase() -> None:
    with pytest.raises(InputError) as caught:
        Series.from_points("x", [(2021, "1", 1), (2020, "1", 1)])
    assert caught.value.describe("en") == "agency 'x': the points must be in increasing years: 2020 comes after 2021"
    assert caught.value.describe("vi") == "cơ quan 'x': các điểm phải theo năm tăng dần: 2020 đứng sau 2021"
    with pytest.raises(InputError) as caught:
        Series("x", ())
    assert caught.value.code == "report-series-empty"


def test_refusals() -> None:
    one = Period("2017", (Standing("a", "A", "g", Decimal(1), 1),), 2017)
    cases = [
        (lambda: compare(one), "a comparison needs at least two periods, got 1", "cần ít nhất hai kỳ để so sánh"),
        (
            lambda: compare(RESULT_2017, RESULT_2017),
            "two periods are labelled '2017'; give each a label of its own",
            "hai kỳ cùng nhãn '2017'",
        ),
        (
            lambda: compare(one, attrs.evolve(one, label="2016", year=2016)),
            "periods must be given oldest first: '2016' (2016) comes after '2017'",
            "các kỳ phải theo thứ tự từ cũ đến mới: '2016' (2016) đứng sau '2017'",
        ),
        (
            lambda: Period("x", (Standing("a", "A", "g"), Standing("a", "A", "g"))),
            "the agency appears twice in period 'x'",
            "cơ quan xuất hiện hai lần trong kỳ 'x'",
        ),
        (lambda: Period(" ", ()), "a period needs a label", "mỗi kỳ so sánh cần một nhãn"),
    ]
    for call, english, vietnamese in cases:
        with pytest.raises(InputError) as caught:
            call()
        assert english in caught.value.describe("en")
        assert vietnamese in caught.value.describe("vi")


def test_unknown_names_are_refused_with_candidates() -> None:
    old = Period("2017", (Standing("so-tttt", "Sở TTTT", "provincial", Decimal(1), 1),), 2017)
    new = Period("2018", (Standing("so-y-te", "Sở Y tế", "provincial", Decimal(1), 1),), 2018)
    with pytest.raises(UnknownNameError) as caught:
        compare(old, new, registry=SONLA)
    assert caught.value.code == "directory-unknown-name"
    assert caught.value.describe("en").startswith(
        "2017: agency 'so-tttt': no agency named 'Sở TTTT' in directory 'sonla'; the closest are: "
    )
    assert caught.value.describe("vi").startswith(
        "2017: cơ quan 'so-tttt': không có cơ quan, đơn vị tên 'Sở TTTT' trong danh mục 'sonla'; gần nhất: "
    )


def test_two_spellings_of_one_agency_in_one_period_are_refused() -> None:
    old = Period(
        "2017",
        (
            Standing("x1", "Sở Tài Nguyên và Môi trường", "provincial", Decimal(1), 1),
            Standing("x2", "Sở Tài nguyên và Môi trường", "provincial", Decimal(1), 1),
        ),
        2017,
    )
    new = Period("2018", (), 2018)
    with pytest.raises(InputError) as caught:
        compare(old, new, registry=SONLA)
    assert "are the same agency so-tai-nguyen-va-moi-truong in registry 'sonla'" in caught.value.describe("en")
    assert "là cùng một cơ quan so-tai-nguyen-va-moi-truong trong danh mục 'sonla'" in caught.value.describe("vi")


def test_an_id_contradicted_by_its_name_is_refused() -> None:
    old = Period("2017", (Standing("so-noi-vu", "Sở Ngoại vụ", "provincial", Decimal(1), 1),), 2017)
    with pytest.raises(InputError) as caught:
        compare(old, Period("2018", (), 2018), registry=SONLA)
    assert caught.value.describe("en") == (
        "2017: agency 'so-noi-vu': the id names Sở Nội vụ (so-noi-vu) but the name 'Sở Ngoại vụ' is "
        "Sở Ngoại vụ (so-ngoai-vu) in registry 'sonla'"
    )
    assert caught.value.describe("vi") == (
        "2017: cơ quan 'so-noi-vu': mã chỉ Sở Nội vụ (so-noi-vu) nhưng tên 'Sở Ngoại vụ' là "
        "Sở Ngoại vụ (so-ngoai-vu) trong danh mục 'sonla'"
    )


def test_scores_on_different_scales_are_not_subtracted() -> None:
    old = Period("2020", (Standing("a", "A", "g", Decimal(80), 1),), 2020, max_points={"g": Decimal(100)})
    new = Period("2021", (Standing("a", "A", "g", Decimal(800), 1),), 2021, max_points={"g": Decimal(1000)})
    row = compare(old, new).rows[0]
    assert row.score_change is None and row.places == 0
    assert row.steps[0].notes == (Note(NoteKind.SCALE_CHANGED, old="100", new="1000"),)
    comparison = compare(old, new)
    assert status_text(comparison, row, "en") == "continuing; scores out of 100 and 1000 are not compared"
    assert status_text(comparison, row) == "tiếp tục; không so sánh điểm trên thang 100 và thang 1000"


def test_group_change_is_not_counted_as_movement() -> None:
    old = Period("2020", (Standing("a", "A", "g", Decimal(80), 3),), 2020)
    new = Period("2021", (Standing("a", "A", "h", Decimal(80), 1),), 2021)
    row = compare(old, new).rows[0]
    assert row.places is None
    assert row.steps[0].notes[0] == Note(NoteKind.GROUP_CHANGED, old="g", new="h")
    assert status_text(compare(old, new), row, "en") == "continuing; group changed from g to h; places not compared"


def test_not_assessed_agencies_are_kept() -> None:
    period = Period.from_result(RESULT_2017)
    with_note = attrs.evolve(
        period,
        standings=(
            *period.standings,
            Standing("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "provincial", note="chưa đánh giá"),
        ),
    )
    comparison = compare(with_note, attrs.evolve(period, label="again"))
    assert comparison.row("van-phong-ubnd-tinh").status is Status.LEFT
    rows = comparison_document(comparison, "en").table().text_rows("en")
    office = next(cells for cells in rows if cells[2] == "van-phong-ubnd-tinh")
    assert office[-1] == "left (not in the newer result); 2017: not assessed: chưa đánh giá"
    vi = comparison_document(comparison).table().shown("vi").text_rows("vi")
    office = next(cells for cells in vi if cells[1] == "Văn phòng UBND tỉnh")
    assert office[-1] == "không còn trong kết quả (không có trong kết quả sau); 2017: không đánh giá: chưa đánh giá"
    assert frame(comparison).loc["van-phong-ubnd-tinh", "notes"] == "2017: chưa đánh giá"


def test_outputs() -> None:
    comparison = compare(RESULT_2017, Period.from_result(later_cohort(), year=2025), registry=SONLA)
    figures = data(comparison)
    json.dumps(figures)
    assert figures["periods"][1] == {"label": "2025", "year": 2025, "source": "sonla-2017-it"}
    ict = next(r for r in figures["rows"] if r["agency"] == "so-thong-tin-va-truyen-thong")
    assert ict["status"] == "merged_into" and ict["standings"]["2025"] is None
    assert ict["standings"]["2017"] == {
        "name": "Sở Thông tin và Truyền thông",
        "group": "provincial",
        "rank": 1,
        "score": "83.8",
        "band": "fair",
    }
    page = html(comparison)
    assert page.startswith('<div class="govindex-report">\n<table class="govindex">\n<caption>2017 → 2025</caption>')
    assert "<td>Sở Văn hóa, Thể thao và Du lịch</td>" in page
    table = frame(comparison)
    assert table.loc["so-khoa-hoc-va-cong-nghe", "status"] == "merged"
    assert table.loc["so-thong-tin-va-truyen-thong", "rank 2017"] == 1
    assert str(table["rank 2025"].dtype) == "Int64"
    assert table.loc["so-nong-nghiep-va-phat-trien-nong-thon", "score_change"] == Decimal("30.0")


def test_html_escapes_names() -> None:
    old = Period("<a>", (Standing("a", "A & <b>", "g", Decimal(1), 1),))
    new = Period("b", (Standing("a", "A & <b>", "g", Decimal(1), 1),))
    assert "A &amp; &lt;b&gt;" in html(compare(old, new))


# ---------------------------------------------------------------- inputs and the command line


def test_split_input() -> None:
    assert split_input("2025=sonla-2017-it:x.csv") == ("2025", "sonla-2017-it", "x.csv")
    assert split_input("after=x.json") == ("after", None, "x.json")
    assert split_input("rubric.yaml:scores.yaml") == (None, "rubric.yaml", "scores.yaml")
    assert split_input("D:/r/result.json") == (None, None, "D:/r/result.json")


def _write_scores(path: Path, rows: dict[str, tuple[str, str]]) -> Path:
    lines = ["agency,name,group," + ",".join(CATEGORIES)]
    for agency_id, (name, values) in rows.items():
        lines.append(f"{agency_id},{name},provincial,{values}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_compare_command_across_the_merger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = _write_scores(
        tmp_path / "later.csv",
        {
            "khcn": ("Sở Khoa học và Công nghệ", "9,24,30,9,10,9"),
            "yte": ("Sở Y Tế", "5,15,20,5,5,5"),
        },
    )
    status = main(
        ["compare", "sonla-2017-it", f"2025=sonla-2017-it:{scores}", "--registry", "sonla", "--format", "csv"]
    )
    assert status == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "group,group_name,agency,name,rank 2017,score 2017,band 2017,rank 2025,score 2025,band 2025,"
        "places 2017→2025,change 2017→2025,status"
    )
    group = '"Sở, ban, ngành cấp tỉnh"'
    assert out[1] == (
        f"provincial,{group},so-khoa-hoc-va-cong-nghe,Sở Khoa học và Công nghệ,15,54.3,Trung bình,1,91.0,Tốt,+14,"
        "+36.7,hợp nhất: tiếp nhận Sở Thông tin và Truyền thông (2025)"
    )
    assert out[2].startswith(f"provincial,{group},so-y-te,Sở Y tế,6,72.8,Khá,2,55.0,Trung bình,+4,-17.8,tiếp tục")
    assert (
        f"provincial,{group},so-thong-tin-va-truyen-thong,Sở Thông tin và Truyền thông,1,83.8,Khá,,,,,,"
        "sáp nhập vào Sở Khoa học và Công nghệ (2025)"
    ) in out
    # The header, 18 departments, 12 districts (not in the later file) and the Office, not assessed in 2017.
    assert len(out) == 1 + 18 + 12 + 1
    assert any(line.startswith(f"provincial,{group},van-phong-ubnd-tinh,") and "không đánh giá" in line for line in out)


def test_compare_command_reads_score_json_results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = _write_scores(tmp_path / "s.csv", {"so-y-te": ("Sở Y tế", "5,15,20,5,5,5")})
    assert main(["score", "--format", "json", "sonla-2017-it", str(scores)]) == 0
    result = tmp_path / "later.json"
    result.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["compare", "sonla-2017-it", f"later={result}", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["label"] for p in data["periods"]] == ["2017", "later"]
    row = next(r for r in data["rows"] if r["agency"] == "so-y-te")
    assert row["places"] == 5 and row["score_change"] == "-17.8" and row["band_change"] == -1


def test_compare_command_markdown_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "sonla-2017-it", "again=sonla-2017-it", "--format", "markdown", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "# Comparison of 2017 → again\n\n## 2017 → again\n\n| Group id | Group | Agency id | Agency | Rank 2017 |"
    )
    assert "| provincial | Provincial departments | so-thong-tin-va-truyen-thong |" in out and "continuing" in out
    assert main(["compare", "sonla-2017-it", "again=sonla-2017-it", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| Khối | Tên cơ quan | Xếp hạng 2017 | Điểm 2017 | Xếp loại 2017 |" in out
    assert "rank 2017" not in out and "provincial" not in out
    assert main(["compare", "sonla-2017-it", "again=sonla-2017-it"]) == 0
    out = capsys.readouterr().out
    assert "tiếp tục" in out and "continuing" not in out


def test_compare_command_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "sonla-2017-it", "sonla-2017-it"]) == 2
    assert "hai kỳ cùng nhãn '2017'" in capsys.readouterr().err
    assert main(["compare", "sonla-2017-it", "x=sonla-2017-it:scores.txt"]) == 2
    assert "không biết loại tệp điểm từ phần mở rộng '.txt'" in capsys.readouterr().err
    assert main(["compare", "sonla-2017-it", "x=sonla-2017-it", "--registry", "hanoi"]) == 2
    assert "không có danh mục 'hanoi'; các danh mục có sẵn: sonla" in capsys.readouterr().err


def test_result_json_refusals() -> None:
    with raises_en(FileFormatError, match=r"r.json:1:\d+: results\[0\].score: unknown key 'score'"):
        parse_result_json(
            '{"rubric": "x", "results": [{"agency": "a", "name": "A", "group": "g", "total": "1", "score": 1}]}',
            file="r.json",
        )
    with raises_en(FileFormatError, match=r"r.json: results\[0\].rank: a rank must be a whole number"):
        parse_result_json(
            '{"rubric": "x", "results": [{"agency": "a", "name": "A", "group": "g", "total": "1", "rank": true}]}',
            file="r.json",
        )
    period = parse_result_json(
        '{"rubric": "x", "results": [{"agency": "a", "name": "A", "group": "g", "total": "1,50", "rank": "1.5"}]}',
        file="r.json",
    )
    assert period.label == "r" and period.year is None and period.standings[0].rank == Decimal("1.5")
    assert period.decimals == 2


def test_read_period_from_an_assessment_file_takes_its_year(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "year: 2021\nagencies:\n  - {id: so-y-te, name: Sở Y tế, group: provincial, scores: {total: 70}}\n",
        encoding="utf-8",
    )
    period = read_period(f"sonla-2017-it:{path}")
    assert period.label == "2021" and period.year == 2021


# ---------------------------------------------------------------- properties

AGENCIES = [(a.id, a.name) for a in DEPARTMENTS]


@st.composite
def results(draw: st.DrawFn) -> Result:
    chosen = draw(st.lists(st.sampled_from(AGENCIES), min_size=1, max_size=8, unique=True))
    assessments = []
    for agency_id, name in chosen:
        scores = {node: Decimal(draw(st.integers(0, top * 10))) / 10 for node, top in CATEGORIES.items()}
        assessments.append(Assessment(Agency(agency_id, name, "provincial"), scores))
    return score(RUBRIC, assessments)


def _rows(comparison: Comparison) -> dict[str, tuple[object, object, object, Status]]:
    return {r.agency: (r.places, r.score_change, r.band_change, r.status) for r in comparison}


@given(results())
def test_a_result_compared_with_itself_has_no_movement(result: Result) -> None:
    comparison = compare(Period.from_result(result, label="a"), Period.from_result(result, label="b"), registry=SONLA)
    for row in comparison:
        assert row.status is Status.CONTINUING
        assert row.places == 0 and row.score_change == 0 and row.band_change == 0


@given(results(), results())
def test_places_are_antisymmetric(first: Result, second: Result) -> None:
    a, b = Period.from_result(first, label="a"), Period.from_result(second, label="b")
    forward, backward = _rows(compare(a, b, registry=SONLA)), _rows(compare(b, a, registry=SONLA))
    assert forward.keys() == backward.keys()
    swap = {Status.LEFT: Status.ENTERED, Status.ENTERED: Status.LEFT, Status.CONTINUING: Status.CONTINUING}
    for agency, (places, change, bands, status) in forward.items():
        back_places, back_change, back_bands, back_status = backward[agency]
        assert back_status is swap[status]
        assert (places is None and back_places is None) or places == -back_places  # type: ignore[operator]
        assert (change is None and back_change is None) or change == -back_change  # type: ignore[operator]
        assert (bands is None and back_bands is None) or bands == -back_bands  # type: ignore[operator]


@given(results(), results(), st.sampled_from([2024, 2025]))
def test_no_agency_is_ever_missing(first: Result, second: Result, later_year: int) -> None:
    old = Period.from_result(first, label="old", year=2024)
    new_result = attrs.evolve(second, rows=tuple(r for r in second.rows if r.agency.id not in MERGED_AWAY))
    new = Period.from_result(new_result, label="new", year=later_year)
    comparison = compare(old, new, registry=SONLA)
    seen = {row.agency for row in comparison}
    for period in (old, new):
        assert {s.agency for s in period.standings} <= seen
    for row in comparison:
        assert any(s is not None for s in row.standings)
