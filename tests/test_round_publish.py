"""Publishing a round: where the scores come from on every page, the agencies that sent no form, a result
sheet per agency in every format, the print setup of the workbook and the page."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import Agency, Assessment, Node, Source, load_dataset, load_rubric, score
from govindex.cli import main
from govindex.coverage import coverage
from govindex.io.cohort import read_score_file
from govindex.io.directory import load_directory
from govindex.render import explain, render
from govindex.render.appendix import appendix
from govindex.render.explanations import rule_lines
from govindex.render.result_sheet import result_sheet_document, sheet_file_names
from govindex.render.web import document_html
from govindex.result_sheet import result_sheet, result_sheets
from govindex.rubric import RuleRef

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2017"
SELF_FILE = EXAMPLES / "tu-danh-gia.yaml"
APPRAISED_FILE = EXAMPLES / "tham-dinh-so-nganh.xlsx"
SELF_LINE = "Kết quả tự đánh giá của các cơ quan, chưa thẩm định"
NONE_EXCLUDED = "Không có cơ quan nào bị loại khỏi đánh giá"


@pytest.fixture(scope="module")
def rubric():  # type: ignore[no-untyped-def]
    return load_rubric("sonla-2017-it")


@pytest.fixture(scope="module")
def appraised(rubric):  # type: ignore[no-untyped-def]
    return read_score_file(str(APPRAISED_FILE), rubric).assessments


@pytest.fixture(scope="module")
def mine(rubric):  # type: ignore[no-untyped-def]
    return read_score_file(str(SELF_FILE), rubric).assessments


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx_sheets(data: bytes) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


# --- the source of the scores ---------------------------------------------------------------------


def test_a_published_dataset_is_published_and_a_file_says_its_own_source(tmp_path: Path, rubric) -> None:  # type: ignore[no-untyped-def]
    assert {item.source for item in load_dataset("sonla-2017-it").assessments()} == {Source.PUBLISHED}
    text = SELF_FILE.read_text(encoding="utf-8").replace("source: self", "source: published")
    path = tmp_path / "published.yaml"
    path.write_text(text, encoding="utf-8")
    assert {item.source for item in read_score_file(str(path), rubric).assessments} == {Source.PUBLISHED}
    table = tmp_path / "scores.csv"
    table.write_text("agency,name,group,nguồn,total\nso-noi-vu,Sở Nội vụ,provincial,đã công bố,80\n", encoding="utf-8")
    assert [item.source for item in read_score_file(str(table), rubric).assessments] == [Source.PUBLISHED]


def test_self_assessed_scores_never_carry_the_decisions_subtitle(rubric, mine) -> None:  # type: ignore[no-untyped-def]
    result = score(rubric, mine)
    assert result.sources == (Source.SELF,)
    document = appendix(result)
    assert document.subtitle == SELF_LINE
    assert "3247" not in (document.subtitle or "")
    assert appendix(result, subtitle="Dự thảo kèm theo Tờ trình số 1").subtitle == "Dự thảo kèm theo Tờ trình số 1"
    english = appendix(result, lang="en")
    assert english.subtitle == "Scores self-assessed by the agencies, not yet appraised"


@pytest.mark.parametrize("name", ["sonla-2017-it"])
def test_appraised_or_published_scores_keep_the_decisions_subtitle(name: str, rubric, appraised) -> None:  # type: ignore[no-untyped-def]
    for cohort, line in ((appraised, "Kết quả thẩm định."), (load_dataset(name).assessments(), "Kết quả đã công bố.")):
        document = appendix(score(rubric, cohort))
        assert document.subtitle is not None and "3247/QĐ-UBND" in document.subtitle
        assert document.blocks[0].text == line  # type: ignore[union-attr]


def test_every_table_and_chart_of_the_appendix_says_its_source(rubric, mine) -> None:  # type: ignore[no-untyped-def]
    document = appendix(score(rubric, mine))
    rankings = [table for table in document.tables if table.name.startswith("Bảng")]
    assert rankings and all(table.notes == (SELF_LINE + ".",) for table in rankings)
    figures = [
        block for block in document.blocks if type(block).__name__ == "Figure" and block.name.startswith("chart")
    ]
    assert figures and all(figure.caption.endswith("(tự đánh giá)") for figure in figures)  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["markdown", "html", "xlsx", "docx"])
def test_every_format_of_the_appendix_says_the_scores_are_self_assessed(fmt: str, rubric, mine) -> None:  # type: ignore[no-untyped-def]
    content = render(appendix(score(rubric, mine)), fmt)
    if fmt == "xlsx":
        sheets = _xlsx_sheets(content)  # type: ignore[arg-type]
        ranking = [sheet for name, sheet in sheets.items() if name.startswith("Bảng")]
        assert ranking and all(any(SELF_LINE + "." in row for row in rows) for rows in ranking)
        return
    text = _docx_text(content) if fmt == "docx" else str(content)  # type: ignore[arg-type]
    assert text.count(SELF_LINE) >= 3
    assert "3247" not in text


def test_a_cohort_mixing_sources_is_said_so_naming_the_agencies(rubric, appraised, mine) -> None:  # type: ignore[no-untyped-def]
    ids = {item.agency.id for item in mine}
    cohort = [*mine, *(item for item in appraised if item.agency.id not in ids)]
    result = score(rubric, cohort)
    assert result.sources == (Source.SELF, Source.APPRAISED)
    document = appendix(result)
    statement = document.blocks[0].text  # type: ignore[union-attr]
    assert statement.startswith("Điểm của các cơ quan không cùng một nguồn: tự đánh giá (2 cơ quan: ")
    assert "Sở Nội vụ" in statement and "thẩm định (16 cơ quan: " in statement
    assert document.subtitle == SELF_LINE  # one self-assessed score is enough to drop the decision's line


# --- the agencies that sent no form ---------------------------------------------------------------


def test_the_appendix_names_those_that_sent_no_form_and_never_says_none_was_left_out(rubric, mine) -> None:  # type: ignore[no-untyped-def]
    result = score(rubric, mine)
    found = coverage(load_directory("sonla"), rubric, [item.agency.id for item in mine])
    document = appendix(result, coverage=found)
    table = document.table("missing")
    assert len(table.rows) == 16  # 19 departments listed, 2 sent a form, the Office is kept out by the rubric
    assert "Sở Thông tin và Truyền thông" in table.column("name")
    assert set(table.column("reason")) == {"chưa nộp phiếu"}
    assert "Văn phòng UBND tỉnh" not in " ".join(map(str, table.column("name")))
    assert not any("huyen" in str(name).lower() or "Huyện" in str(name) for name in table.column("name"))
    for fmt in ("markdown", "html", "docx"):
        content = render(document, fmt)
        text = _docx_text(content) if fmt == "docx" else str(content)  # type: ignore[arg-type]
        assert NONE_EXCLUDED not in text
        assert "Cơ quan chưa nộp phiếu" in text and "Sở Ngoại vụ" in text
    assert "Chưa nộp phiếu" in _xlsx_sheets(render(document, "xlsx"))  # type: ignore[arg-type]


def test_publish_refuses_until_told_how_to_treat_those_that_sent_no_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "phu-luc.md"
    assert main(["publish", "sonla-2017-it", str(SELF_FILE), "--output", str(output)]) == 2
    err = capsys.readouterr().err
    assert "16 cơ quan trong danh sách cơ quan của tỉnh (sonla, năm 2017) chưa nộp phiếu: Sở Thông tin và" in err
    assert "thêm --missing list để nêu tên các cơ quan này trong phụ lục" in err
    assert "Traceback" not in err and not output.exists()
    assert main(["publish", "sonla-2017-it", str(SELF_FILE), "--output", str(output), "--lang", "en"]) == 2
    assert "16 agencies of the province's list (sonla, 2017) sent no form: " in capsys.readouterr().err
    assert main(["publish", "sonla-2017-it", str(SELF_FILE), "--output", str(output), "--missing", "list"]) == 0
    text = output.read_text(encoding="utf-8")
    assert "## Cơ quan chưa nộp phiếu" in text and NONE_EXCLUDED not in text


def test_a_round_of_one_group_is_published_and_the_group_absent_is_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "phu-luc.md"
    assert main(["publish", "sonla-2017-it", str(APPRAISED_FILE), "--output", str(output)]) == 0
    assert "nhóm 'district': không có phiếu nào" in capsys.readouterr().err
    assert "Cơ quan chưa nộp phiếu" not in output.read_text(encoding="utf-8")


# --- a result sheet per agency --------------------------------------------------------------------


def test_the_sheet_holds_total_band_rank_criteria_self_against_appraisal_reasons_and_evidence(
    rubric, appraised, mine
) -> None:  # type: ignore[no-untyped-def]
    sheet = result_sheet(
        score(rubric, appraised),
        "so-noi-vu",
        assessments=appraised,
        self_result=score(rubric, mine),
        self_assessments=mine,
        reasons={"so-noi-vu": {"policy": "không có tài liệu kiểm chứng", "staff": "không đổi điểm"}},
    )
    assert (sheet.total, sheet.band.id if sheet.band else None, sheet.rank, sheet.ranked) == (
        Decimal("77.2"),
        "fair",
        2,
        18,
    )
    assert sheet.source is Source.APPRAISED and sheet.compared and sheet.self_total == Decimal("82.0")
    policy = sheet.line("policy")
    assert (policy.self_score, policy.score, policy.difference) == (Decimal("7.0"), Decimal("6.0"), Decimal("-1.0"))
    assert policy.reason == "không có tài liệu kiểm chứng"
    assert sheet.line("staff").reason is None  # a reason where nothing changed is not shown as one
    assert sheet.line("infrastructure").evidence == "Báo cáo hiện trạng hạ tầng CNTT năm 2017"  # from the form
    text = render(result_sheet_document(sheet), "markdown")
    assert (
        "| policy | Môi trường tổ chức và chính sách | 10 | 7,0 | 6,0 | -1,0 | không có tài liệu kiểm chứng |"
        in str(text)
    )
    assert "Tổng điểm tự đánh giá: 82,0; tổng điểm thẩm định: 77,2; chênh lệch: -4,8." in str(text)


def test_reasons_an_assessment_carries_are_read() -> None:
    rubric = load_rubric("sonla-2017-it")

    @attrs.frozen
    class WithReasons(Assessment):
        reasons: dict[str, str] = attrs.field(factory=dict)

    agency = Agency("so-y-te", "Sở Y tế", "provincial")
    given = WithReasons(agency, {"total": 70}, reasons={"total": "thiếu minh chứng"})
    sheet = result_sheet(score(rubric, [given]), "so-y-te", assessments=[given])
    assert sheet.line("total").reason == "thiếu minh chứng"


def _rules_case():  # type: ignore[no-untyped-def]
    base = load_rubric("sonla-2024-dti")

    def leaf(node_id: str, name: str, points: int, *tags: str) -> Node:
        return Node(node_id, name, Decimal(points), tags=frozenset(tags))

    tree = Node(
        "total",
        "Tổng điểm",
        Decimal(100),
        children=[
            leaf("awareness", "Nhận thức số", 15),
            Node(
                "operations",
                "Hoạt động chuyển đổi số",
                Decimal(70),
                children=[
                    leaf("internal", "Ứng dụng CNTT trong nội bộ", 40),
                    leaf("units", "Chuyển đổi số ở đơn vị trực thuộc", 20, "subordinate_units"),
                    leaf("dvc_full", "Tỷ lệ DVCTT toàn trình", 5, "online_services"),
                    leaf("dvc_records", "Tỷ lệ hồ sơ trực tuyến", 5, "online_services"),
                ],
            ),
            leaf("security", "An toàn thông tin mạng", 15),
        ],
    )

    def scoped(ref: RuleRef) -> RuleRef:
        if ref.name != "proportional_imputation":
            return ref
        return attrs.evolve(ref, params={**ref.params, "within": "operations"})

    rubric = attrs.evolve(
        base, groups=[attrs.evolve(g, tree=tree) for g in base.groups], rules=tuple(map(scoped, base.rules))
    )
    scores = {"awareness": 12, "internal": "27,5", "units": 0, "dvc_full": 0, "dvc_records": 0, "security": 13}
    cohort = [
        Assessment(
            Agency("so-ngoai-vu", "Sở Ngoại vụ", "provincial", has_subordinate_units=False, has_online_services=False),
            scores,
        ),
        Assessment(
            Agency("so-noi-vu", "Sở Nội vụ", "provincial"),
            {"awareness": 13, "internal": 35, "units": "16,5", "dvc_full": 4, "dvc_records": 4, "security": 12},
        ),
    ]
    return score(rubric, cohort)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_rules_applied_are_worded_exactly_as_explain_words_them(lang: str) -> None:
    result = _rules_case()
    sheet = result_sheet(result, "so-ngoai-vu")
    assert [value.node.id for value in sheet.rules] == ["units", "dvc_full", "dvc_records"]
    for value in sheet.rules:
        lines = rule_lines(value, lang)
        explained = explain(result, "so-ngoai-vu", value.node.id, lang=lang).splitlines()
        assert lines and all(line in explained for line in lines)
    text = str(render(result_sheet_document(sheet, lang), "markdown"))
    assert ("0,00 → 16,50" if lang == "vi" else "0.00 → 16.50") in text
    assert "Không có quy định nào" not in text
    quiet = str(render(result_sheet_document(result_sheet(result, "so-noi-vu")), "markdown"))
    assert "Không có quy định nào của bộ tiêu chí làm thay đổi điểm của cơ quan." in quiet


def test_a_word_result_sheet_opens_and_holds_the_agencys_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "thong-bao"
    args = ["publish", "sonla-2017-it", str(APPRAISED_FILE), "--each-agency", "--self", str(SELF_FILE)]
    assert main([*args, "--output", str(folder)]) == 0
    files = sorted(path.name for path in folder.iterdir())
    assert len(files) == 18 and "so-noi-vu.docx" in files and "van-phong-ubnd-tinh.docx" not in files
    document = docx.Document(str(folder / "so-noi-vu.docx"))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert "Cơ quan: Sở Nội vụ (nhóm Sở, ban, ngành cấp tỉnh)." in paragraphs
    assert "Kết quả thẩm định." in paragraphs
    assert (
        "Tổng điểm: 77,2/100 điểm; xếp loại: Mức khá; xếp hạng: 2/18 trong nhóm Sở, ban, ngành cấp tỉnh." in paragraphs
    )
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[:6] == ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Chênh lệch"]
    assert header[-1] == "Tài liệu kiểm chứng"
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in table.rows[1:]}
    assert rows["policy"][1:6] == ["Môi trường tổ chức và chính sách", "10", "7,0", "6,0", "-1,0"]
    assert rows["security"][-1] == "Quy chế bảo đảm an toàn thông tin của Sở"
    # the same input gives the same bytes; existing files are refused, all named, unless --force
    before = (folder / "so-noi-vu.docx").read_bytes()
    capsys.readouterr()
    assert main([*args, "--output", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "18 tệp đã có trong thư mục" in err and "so-noi-vu.docx" in err and "Thêm --force để ghi đè" in err
    assert main([*args, "--output", str(folder), "--force"]) == 0
    assert (folder / "so-noi-vu.docx").read_bytes() == before


@pytest.mark.parametrize(("fmt", "extension"), [("html", "html"), ("xlsx", "xlsx"), ("markdown", "md")])
def test_result_sheets_in_every_format(tmp_path: Path, fmt: str, extension: str) -> None:
    folder = tmp_path / fmt
    assert (
        main(["publish", "sonla-2017-it", "sonla-2017-it", "--each-agency", "--format", fmt, "--output", str(folder)])
        == 0
    )
    files = sorted(path.name for path in folder.iterdir())
    assert len(files) == 18 + 12 and f"huyen-song-ma.{extension}" in files
    path = folder / f"so-thong-tin-va-truyen-thong.{extension}"
    total = "Tổng điểm: 83,8/100 điểm; xếp loại: Mức khá; xếp hạng: 1/18 trong nhóm Sở, ban, ngành cấp tỉnh."
    if fmt == "xlsx":
        sheets = _xlsx_sheets(path.read_bytes())
        first = [row[0] for row in next(iter(sheets.values()))]
        assert total in first and "Kết quả đã công bố." in first
        criteria = sheets["Điểm từng tiêu chí"]
        header_at = next(i for i, row in enumerate(criteria) if row[0] == "Mã")
        assert criteria[header_at] == ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm"]
        assert ["total", "Tổng điểm", 100, Decimal("83.8")] in [
            [Decimal(str(c)) if isinstance(c, float) else c for c in row] for row in criteria
        ]
        return
    text = path.read_text(encoding="utf-8")
    assert total in text and "Kết quả đã công bố." in text
    if fmt == "html":
        assert '<html lang="vi">' in text and "<td>Tổng điểm</td>" in text


def test_a_name_cannot_forge_markup_in_a_result_sheet() -> None:
    rubric = load_rubric("sonla-2017-it")
    agency = Agency("x<1>", "<script>alert(1)</script>", "provincial")
    given = Assessment(agency, {"total": 60}, evidence={"total": '=HYPERLINK("x")'})
    sheet = result_sheet(score(rubric, [given]), "x<1>", assessments=[given])
    page = document_html(result_sheet_document(sheet))
    assert "<script>" not in page and "&lt;script&gt;" in page
    sheets = _xlsx_sheets(render(result_sheet_document(sheet), "xlsx"))  # type: ignore[arg-type]
    cell = next(c for rows in sheets.values() for row in rows for c in row if isinstance(c, str) and "HYPERLINK" in c)
    assert cell == '=HYPERLINK("x")'  # kept as text: the writer never makes a formula
    assert sheet_file_names([sheet], "docx") == ["x-1.docx"]


@given(st.lists(st.sampled_from(["so-noi-vu", "Sở Nội vụ", "so noi vu", "x", "X", "a/b", "..", "đ"]), max_size=8))
def test_file_names_are_unique_safe_and_the_same_every_time(ids: list[str]) -> None:
    rubric = load_rubric("sonla-2017-it")
    cohort = [
        Assessment(
            Agency(f"{value}{'-' * i}" if ids.count(value) > 1 else value, value, "provincial"), {"total": 50 + i}
        )
        for i, value in enumerate(ids)
    ]
    unique = {item.agency.id: item for item in cohort}
    sheets = result_sheets(score(rubric, list(unique.values())))
    names = sheet_file_names(sheets, "markdown")
    assert names == sheet_file_names(sheets, "markdown")
    assert len(set(names)) == len(names) == len(sheets)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*\.md", name) for name in names)


def test_self_files_need_each_agency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["publish", "sonla-2017-it", "sonla-2017-it", "--self", str(SELF_FILE), "--output", str(tmp_path / "a.md")]
    assert main(args) == 2
    assert "--self chỉ dùng cùng --each-agency" in capsys.readouterr().err


def test_each_agency_refuses_a_file_as_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "a.docx"
    existing.write_bytes(b"x")
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "--each-agency", "--output", str(existing)]) == 2
    assert "là một tệp, không phải thư mục" in capsys.readouterr().err


# --- print setup ----------------------------------------------------------------------------------


def test_every_sheet_of_the_workbook_prints_on_a4_fitted_to_width_with_its_heading_row_repeated(rubric) -> None:  # type: ignore[no-untyped-def]
    content = render(appendix(score(rubric, load_dataset("sonla-2017-it").assessments())), "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(content))  # type: ignore[arg-type]
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "portrait", 1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        if sheet.title.startswith("Bảng"):
            heading = [cell.value for cell in sheet[3]]
            assert sheet.print_title_rows == "$3:$3" and heading[:2] == ["STT", "Tên cơ quan"]


def test_the_page_prints_its_numbers_and_keeps_each_caption_with_its_table(rubric) -> None:  # type: ignore[no-untyped-def]
    page = document_html(appendix(score(rubric, load_dataset("sonla-2017-it").assessments())))
    css = page[page.index("<style>") : page.index("</style>")]
    assert re.search(r"@page \{[^@]*size: A4;[^@]*@bottom-center \{ content: counter\(page\);", css)
    assert re.search(r"table\.govindex caption \{ break-after: avoid;", css)
    assert re.search(r"table\.govindex\.below caption \{ caption-side: bottom; break-before: avoid;", css)
    assert re.search(r"table\.govindex\.below tbody tr:last-child \{ break-after: avoid;", css)
    assert "table.govindex tr { break-inside: avoid;" in css and "thead { display: table-header-group; }" in css
    assert '<table class="govindex below">' in page
