"""Report outputs: text, Markdown, CSV, JSON, XLSX, pandas DataFrames and HTML.

Reports are rendered by :mod:`govindex.render` (the domain values no longer render themselves).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import Agency, Assessment, load_dataset, load_rubric, score, statistics
from govindex.cli import main
from govindex.errors import FileFormatError, InputError, MissingDependencyError, UnknownNameError
from govindex.render import FORMATS, data, document, format_cell, format_for_path, frame, render, write_file
from govindex.render import html as render_html
from govindex.render.model import Column, Table
from govindex.render.results import flat_table
from govindex.render.safe import visible
from govindex.render.xlsx import workbook_bytes as write_xlsx
from report_helpers import cohort, flat_rubric

openpyxl = pytest.importorskip("openpyxl")
pd = pytest.importorskip("pandas")
govindex_frame = frame


@pytest.fixture(scope="module")
def result_2017():
    return score(
        load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments("provincial", not_assessed=False)
    )


@pytest.fixture(scope="module")
def stats_2017(result_2017):
    return statistics(result_2017)


def hostile_result():
    """A cohort whose agency name holds markup and table syntax."""
    rubric = flat_rubric(1, groups=("provincial",))
    agency = Agency("so-a", 'Sở <b>A</b> & "B" | C', "provincial")
    return score(rubric, [Assessment(agency, {"total": "71.5"})])


# --- Table --------------------------------------------------------------------------------


def test_table_refusals() -> None:
    with pytest.raises(InputError) as caught:
        Table("t", [Column("a"), Column("b")], [["x"]])
    assert caught.value.code == "render-row-width"
    assert caught.value.describe("en") == "table 't': row 1 has 1 cells but there are 2 columns"
    assert caught.value.describe("vi") == "bảng 't': dòng 1 có 1 ô nhưng bảng có 2 cột"
    with pytest.raises(InputError) as caught:
        Table("t", [Column("a"), Column("a")], [])
    assert caught.value.describe("en") == "table 't': column 'a' appears twice"
    with pytest.raises(InputError) as caught:
        Table("t", [Column("a")], [[1.5]])  # type: ignore[list-item]
    assert caught.value.describe("en") == "table 't': row 1 holds float 1.5; cells are Decimal, int, str, bool or None"
    table = Table("t", [Column("a")], [["x"]])
    with pytest.raises(UnknownNameError) as unknown:
        table.column("b")
    assert unknown.value.describe("en") == "table 't' has no column 'b'; its columns are a"
    assert unknown.value.describe("vi") == "bảng 't' không có cột 'b'; các cột là a"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (Decimal("67.65"), 1, "67.7"),
        (Decimal("67.75"), 1, "67.8"),
        (Decimal("-0.05"), 1, "-0.1"),
        (Decimal("10"), 1, "10.0"),
        (Decimal("1E+2"), None, "100"),
        (7, 1, "7"),
        (True, None, "yes"),
        (None, 2, ""),
    ],
)
def test_format_cell(value: Decimal | int | bool | None, decimals: int | None, text: str) -> None:
    assert format_cell(value, decimals) == text


def test_markdown_escapes_and_aligns() -> None:
    table = Table("t", [Column("name"), Column("score", decimals=1)], [["a | b", Decimal("1.25")]])
    assert render(table, "markdown", lang="en") == "| Agency | Score |\n| --- | ---: |\n| a \\| b | 1.3 |\n"
    assert render(table, "markdown") == "| Tên cơ quan | Điểm |\n| --- | ---: |\n| a \\| b | 1,3 |\n"


def test_csv_keeps_the_column_ids_and_diacritics(stats_2017) -> None:
    rows = list(csv.reader(io.StringIO(render(stats_2017, "csv", table="leaders"))))
    assert rows[0] == ["group", "group_name", "rank", "agency", "name", "total", "band"]
    assert rows[1] == [
        "provincial",
        "Sở, ban, ngành cấp tỉnh",
        "1",
        "so-thong-tin-va-truyen-thong",
        "Sở Thông tin và Truyền thông",
        "83.8",
        "Khá",
    ]


# --- report rendering ------------------------------------------------------------------------


def test_every_format_renders(stats_2017) -> None:
    for fmt in FORMATS:
        content = render(stats_2017, fmt)
        assert content
        if fmt in {"xlsx", "docx"}:
            assert isinstance(content, bytes) and content[:2] == b"PK"
        else:
            assert isinstance(content, str)
    assert json.loads(render(stats_2017, "json")) == data(stats_2017)


def test_markdown_has_one_section_per_table(stats_2017) -> None:
    text = render(stats_2017, "markdown", lang="en")
    assert "## Statistics per group" in text
    assert "## Leaders (ranks 1-3)" in text
    assert (
        "| provincial | Provincial departments | 18 | 67.6 | 41.3 | 83.8 | 0 | 12 | 5 | 1 | 0 | 67 | 28 | 5 |" in text
    )
    vi = render(stats_2017, "markdown")
    assert "## Thống kê theo nhóm" in vi and "## Dẫn đầu (hạng 1-3)" in vi
    assert "| Sở, ban, ngành cấp tỉnh | 18 | 67,6 | 41,3 | 83,8 | 0 | 12 | 5 | 1 | 0 | 67 | 28 | 5 |" in vi


def test_render_refusals(stats_2017) -> None:
    with pytest.raises(UnknownNameError) as caught:
        render(stats_2017, "pdf")
    assert caught.value.code == "render-unknown-format"
    assert (
        caught.value.describe("en") == "unknown format 'pdf'; use one of table, markdown, csv, json, xlsx, html, docx"
    )
    assert caught.value.describe("vi") == (
        "không có định dạng 'pdf'; dùng một trong table, markdown, csv, json, xlsx, html, docx"
    )
    with pytest.raises(UnknownNameError) as unknown:
        render(stats_2017, "csv", table="ranks")
    assert unknown.value.describe("en") == "unknown table 'ranks'; the tables are groups, leaders"
    assert unknown.value.describe("vi") == "không có bảng 'ranks'; các bảng là groups, leaders"


def test_one_table_only(stats_2017) -> None:
    text = render(stats_2017, "markdown", table="leaders", lang="en")
    assert "Leaders" in text and "Statistics per group" not in text


# --- XLSX -----------------------------------------------------------------------------------


def test_xlsx_has_one_sheet_per_table_with_exact_numbers(stats_2017) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(render(stats_2017, "xlsx", lang="en")))
    assert workbook.sheetnames == ["Statistics", "Leaders"]
    sheet = workbook["Statistics"]
    assert sheet["A1"].value == "Statistics per group"
    header = [cell.value for cell in sheet[3]]
    assert header[:4] == ["Group id", "Group", "Agencies", "Mean"]
    provincial = [cell for cell in sheet[4]]
    assert provincial[1].value == "Provincial departments"
    assert provincial[3].value == 67.6 and provincial[3].number_format == "0.0"
    assert provincial[11].value == 67  # fair share


def test_xlsx_is_deterministic(stats_2017) -> None:
    assert render(stats_2017, "xlsx") == render(stats_2017, "xlsx")


def test_xlsx_sheet_names_are_made_valid() -> None:
    tables = [
        Table("a/b:c", [Column("x")], [["1"]]),
        Table("A/B:C", [Column("x")], [["2"]]),
        Table("x" * 40, [Column("x")], []),
    ]
    workbook = openpyxl.load_workbook(io.BytesIO(write_xlsx(tables)))
    assert workbook.sheetnames == ["a_b_c", "A_B_C (2)", "x" * 31]


def test_xlsx_needs_a_table() -> None:
    with pytest.raises(InputError) as caught:
        write_xlsx([])
    assert caught.value.code == "render-workbook-needs-table"
    assert caught.value.describe("vi") == "một bảng tính cần ít nhất một bảng"


def test_xlsx_without_openpyxl(monkeypatch: pytest.MonkeyPatch, stats_2017) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependencyError) as caught:
        render(stats_2017, "xlsx")
    assert caught.value.describe("en") == (
        "this needs openpyxl (the extra excel), which is not installed; install it with: pip install "
        "'openpyxl>=3.1' (or, in the govindex source folder: pip install '.[excel]')"
    )


def test_cli_xlsx_without_openpyxl(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    out = tmp_path / "report.xlsx"
    assert main(["report", "sonla-2017-it", str(data_dir / "sonla-2017-it-provincial.csv"), "--output", str(out)]) == 2
    assert "pip install 'openpyxl>=3.1'" in capsys.readouterr().err
    assert not out.exists()


# --- pandas -----------------------------------------------------------------------------------


def test_result_frame_keeps_decimals(result_2017) -> None:
    frame = govindex_frame(result_2017)
    assert list(frame.columns)[:6] == ["group", "rank", "agency", "name", "total", "band"]
    assert frame["total"].dtype == object
    assert frame["total"].iloc[0] == Decimal("83.8") and isinstance(frame["total"].iloc[0], Decimal)
    assert frame["rank"].dtype == "int64"
    assert frame["internal_use"].iloc[0] == Decimal("24.8")
    assert len(frame) == 18


def test_result_frame_with_floats_on_request(result_2017) -> None:
    frame = govindex_frame(result_2017, floats=True)
    assert frame["total"].dtype == "float64"
    assert frame["total"].iloc[0] == pytest.approx(83.8)
    assert frame["name"].dtype == object


def test_report_frames(stats_2017) -> None:
    assert [t.name for t in document(stats_2017).tables] == ["groups", "leaders"]
    groups = govindex_frame(stats_2017)
    assert list(groups["group"]) == ["provincial", "overall", "pooled"]
    assert groups["mean"].iloc[0] == Decimal("67.6")
    assert groups["fair_share"].dtype == "Int64"  # empty on the pooled row
    assert groups["fair_share"].iloc[0] == 67
    assert groups.attrs["name"] == "groups"
    assert govindex_frame(stats_2017, "leaders")["agency"].iloc[0] == "so-thong-tin-va-truyen-thong"


def test_frame_without_pandas(monkeypatch: pytest.MonkeyPatch, result_2017) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        MissingDependencyError,
        match=r"cần gói pandas \(gói mở rộng pandas\) nhưng gói này chưa được cài; cài bằng: pip install 'pandas>=2.0'",
    ):
        govindex_frame(result_2017)


# --- HTML -----------------------------------------------------------------------------------------


def test_result_html_escapes_names() -> None:
    text = render_html(hostile_result())
    assert "Sở &lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot; | C" in text
    assert "<b>A</b>" not in text
    assert text.startswith('<div class="govindex-report">')
    assert '<td class="num">71,5</td>' in text and "<th>Tên cơ quan</th>" in text
    assert '<td class="num">71.5</td>' in render_html(hostile_result(), "en")


def test_statistics_html_escapes_names() -> None:
    text = render_html(statistics(hostile_result()))
    assert "&lt;b&gt;A&lt;/b&gt;" in text and "<b>A</b>" not in text
    assert "<caption>Thống kê theo nhóm</caption>" in text


def test_html_of_the_2017_statistics(stats_2017) -> None:
    text = render_html(stats_2017, "en")
    assert text.count("<table") == 2
    assert "<th>Fair (%)</th>" in text
    assert "<th>Khá (%)</th>" in render_html(stats_2017)


@given(st.text(min_size=1, max_size=30).filter(lambda s: s.strip() == s and s.strip()))
def test_any_agency_name_is_escaped(name: str) -> None:
    table = Table("t", [Column("name")], [[name]])
    cells = re.findall(r"<td>(.*?)</td>", render_html(table), flags=re.DOTALL)
    assert len(cells) == 1
    assert "<" not in cells[0] and ">" not in cells[0]
    assert html.unescape(cells[0]) == visible(name)


# --- writing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("r.md", "markdown"),
        ("r.CSV", "csv"),
        ("r.json", "json"),
        ("r.txt", "table"),
        ("r.xlsx", "xlsx"),
        ("r.html", "html"),
        ("r.docx", "docx"),
    ],
)
def test_format_for_path(name: str, fmt: str) -> None:
    assert format_for_path(name) == fmt


def test_format_for_path_refusal() -> None:
    with pytest.raises(FileFormatError) as caught:
        format_for_path("r.pdf")
    assert caught.value.describe("en").startswith("r.pdf: cannot tell the output format from the extension '.pdf'")
    assert caught.value.describe("vi").startswith("r.pdf: không biết định dạng của tệp có phần mở rộng '.pdf'")


def test_write_file(tmp_path: Path, stats_2017) -> None:
    write_file(render(stats_2017, "json"), tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["groups"]["provincial"]["mean"] == "67.6"
    write_file(render(stats_2017, "xlsx"), tmp_path / "r.xlsx")
    assert (tmp_path / "r.xlsx").read_bytes() == render(stats_2017, "xlsx")
    with pytest.raises(FileFormatError) as caught:
        write_file(render(stats_2017, "markdown"), tmp_path / "missing" / "r.md")
    assert caught.value.code == "render-cannot-write" and "cannot write the output" in caught.value.describe("en")
    assert "không ghi được tệp kết quả" in caught.value.describe("vi")
    with pytest.raises(FileFormatError) as exists:
        write_file("new", tmp_path / "r.json")
    assert exists.value.code == "render-exists"
    assert exists.value.describe("vi").endswith("tệp đã có; chọn tên khác hoặc cho phép ghi đè (--force)")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["rubric"] == "sonla-2017-it"
    write_file("new", tmp_path / "r.json", overwrite=True)
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.xlsx"]  # no half-written file left


# --- CLI --------------------------------------------------------------------------------------


def test_cli_formats(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = str(data_dir / "sonla-2017-it-provincial.csv")
    assert main(["report", "sonla-2017-it", scores, "--format", "markdown", "--lang", "en"]) == 0
    assert "| provincial |" in capsys.readouterr().out
    assert main(["report", "sonla-2017-it", scores, "--format", "markdown"]) == 0
    assert "| Sở, ban, ngành cấp tỉnh |" in capsys.readouterr().out
    assert main(["report", "sonla-2017-it", scores, "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("group,name,agencies,mean,")
    assert "tệp CSV chứa bảng 'groups'; kết quả còn có 'leaders' (chọn bằng --table)" in captured.err
    assert main(["report", "sonla-2017-it", scores, "--format", "csv", "--table", "leaders"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("group,group_name,rank,agency,name,total,band\n") and captured.err == ""
    out = tmp_path / "r.xlsx"
    assert main(["report", "sonla-2017-it", scores, "--output", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Thống kê", "Dẫn đầu"]
    assert main(["report", "sonla-2017-it", scores, "--output", str(out)]) == 2
    assert "tệp đã có" in capsys.readouterr().err
    assert main(["report", "sonla-2017-it", scores, "--output", str(out), "--force"]) == 0


def test_cli_refusals(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = str(data_dir / "sonla-2017-it-provincial.csv")
    assert main(["report", "sonla-2017-it", scores, "--format", "xlsx"]) == 2
    assert capsys.readouterr().err == (
        "govindex: lỗi: xlsx là định dạng nhị phân: cần ghi ra tệp (--output TỆP.xlsx)\n"
    )
    assert main(["report", "sonla-2017-it", scores, "--table", "ranks"]) == 2
    assert "không có bảng 'ranks'; các bảng là groups, leaders" in capsys.readouterr().err
    assert main(["report", "sonla-2017-it", scores, "--output", "r.pdf"]) == 2
    assert "r.pdf: không biết định dạng của tệp có phần mở rộng '.pdf'" in capsys.readouterr().err


def test_cli_report_reads_assessment_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["rubric: sonla-2017-web", "agencies:"]
    for number, total in enumerate(["81.5", "66", "49.5"], start=1):
        lines += [
            f"  - id: so-{number}",
            f"    name: Sở thứ {number}",
            "    group: provincial",
            f"    scores: {{total: {total}}}",
        ]
    path = tmp_path / "web.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["report", "sonla-2017-web", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["groups"]["provincial"]["band_counts"] == {"good": 1, "fair": 1, "average": 0, "weak": 1}
    assert data["groups"]["provincial"]["band_shares"] == {"good": 34, "fair": 33, "average": 0, "weak": 33}
    assert data["groups"]["provincial"]["mean"] == "65.7"


def test_not_assessed_agencies_are_listed() -> None:
    from govindex.rules import RuleContext, RuleOutcome

    class Exclude:
        name = "exclude_office"
        legal_basis = None
        params: ClassVar[dict[str, object]] = {}

        def apply(self, context: RuleContext) -> RuleOutcome:
            return RuleOutcome(excluded={"provincial-03": "not assessed this year"})

    rubric = flat_rubric(1, groups=("provincial",))
    result = score(rubric, cohort({"provincial": ["80.0", "70.0", "60.0"]}), rules=[Exclude()])
    stats = statistics(result)
    assert stats.count == 2
    assert data(stats)["not_assessed"] == [
        {
            "agency": "provincial-03",
            "name": "Cơ quan provincial 3",
            "group": "provincial",
            "reason": "not assessed this year",
        }
    ]
    assert [t.name for t in document(stats).tables] == ["groups", "leaders", "not_assessed"]
    assert flat_table(result).name == "results"
    assert "not assessed this year" in render_html(result)


def test_xlsx_text_is_never_a_formula_and_precision_follows_the_column() -> None:
    table = Table(
        "t",
        [Column("name"), Column("exact"), Column("whole", decimals=0), Column("two", decimals=2)],
        [['=HYPERLINK("x")', Decimal("0.2613"), Decimal("68"), Decimal("83.71")]],
    )
    sheet = openpyxl.load_workbook(io.BytesIO(write_xlsx([table])))["t"]
    name, exact, whole, two = sheet[2]
    assert name.value == '=HYPERLINK("x")' and name.data_type == "s"
    assert exact.value == 0.2613 and exact.number_format == "General"
    assert whole.number_format == "0"
    assert two.number_format == "0.00"
