"""govindex template: self-assessment forms and cohort sheets, their structure, and reading them back."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

openpyxl = pytest.importorskip("openpyxl")

from filekit import raises_en  # noqa: E402
from govindex import Agency, Assessment, load_rubric, score  # noqa: E402
from govindex.assessment import Source  # noqa: E402
from govindex.cli import main  # noqa: E402
from govindex.errors import GovIndexError  # noqa: E402
from govindex.formlayout import COHORT_SHEET, FORM_HEADER, FORM_SHEET, INSTRUCTIONS_SHEET  # noqa: E402
from govindex.io.cohort import read_assessments  # noqa: E402
from govindex.io.forms import is_form, parse_form  # noqa: E402
from govindex.io.published import load_dataset  # noqa: E402
from govindex.io.rubrics import read_rubric  # noqa: E402
from govindex.render.forms import agency_form_bytes, cohort_sheet_bytes  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
IT_2017 = load_rubric("sonla-2017-it")
DEMO = read_rubric(EXAMPLES / "measures-demo.yaml")
NOI_VU = Agency("so-noi-vu", "Sở Nội vụ", "provincial")


def _sheet(data: bytes, name: str = FORM_SHEET) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))[name]


def _header_row(sheet: Any) -> int:
    for row in sheet.iter_rows():
        if tuple(cell.value for cell in row[: len(FORM_HEADER)]) == FORM_HEADER:
            return int(row[0].row)
    raise AssertionError("no header row")


def _rows_by_id(sheet: Any) -> dict[str, int]:
    start = _header_row(sheet)
    return {str(row[1].value): int(row[1].row) for row in sheet.iter_rows(min_row=start + 1) if row[1].value}


def fill(data: bytes, values: dict[str, dict[str, Any]], *, extra: dict[str, Any] | None = None) -> bytes:
    """Fill a form as an agency would in Excel: column name -> value, per node id."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[FORM_SHEET]
    rows = _rows_by_id(sheet)
    columns = {name: index for index, name in enumerate(FORM_HEADER, start=1)}
    for node_id, cells in values.items():
        for name, value in cells.items():
            sheet.cell(row=rows[node_id], column=columns[name]).value = value
    for coordinate, value in (extra or {}).items():
        sheet[coordinate].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- the self-assessment form ----------------------------------------------------------------------------------------


def test_the_form_has_title_rows_then_exactly_the_header_then_one_row_per_node() -> None:
    data = agency_form_bytes(IT_2017, "provincial", NOI_VU)
    sheet = _sheet(data)
    assert sheet["A1"].value == "PHIẾU TỰ ĐÁNH GIÁ"
    assert sheet["A2"].value == IT_2017.title
    assert sheet["A3"].value == "Căn cứ: Quyết định số 2166/QĐ-UBND ngày 9/8/2017 của UBND tỉnh Sơn La"
    labels = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=3).value for r in range(4, 14)}
    assert labels["Cơ quan, đơn vị:"] == "Sở Nội vụ"
    assert labels["Mã cơ quan:"] == "so-noi-vu"
    assert labels["Năm đánh giá:"] == 2017
    header = _header_row(sheet)
    assert tuple(c.value for c in sheet[header]) == FORM_HEADER
    ids = [sheet.cell(row=r, column=2).value for r in range(header + 1, sheet.max_row + 1)]
    assert ids == list(IT_2017.group("provincial").node_ids)
    stt = [sheet.cell(row=r, column=1).value for r in range(header + 1, header + 4)]
    assert stt == [None, "1", "2"]
    names = {
        sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=3) for r in range(header + 1, sheet.max_row + 1)
    }
    assert names["infrastructure"].value == "Hạ tầng kỹ thuật CNTT"
    assert names["infrastructure"].alignment.indent == 1 and names["total"].alignment.indent == 0


def test_computed_rows_are_protected_and_the_cells_to_fill_unlocked_and_validated() -> None:
    data = agency_form_bytes(DEMO, "provincial", NOI_VU)
    sheet = _sheet(data)
    assert sheet.protection.sheet is True
    rows = _rows_by_id(sheet)
    # the root is computed: every cell locked
    assert all(sheet.cell(row=rows["total"], column=c).protection.locked for c in range(1, 9))
    # a measured leaf: the figure is filled in, the points are computed
    assert sheet.cell(row=rows["may_tinh"], column=5).protection.locked is False
    assert sheet.cell(row=rows["may_tinh"], column=6).protection.locked is True
    assert sheet.cell(row=rows["may_tinh"], column=7).protection.locked is False
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    website = validations[f"E{rows['website']}"]
    assert website.type == "list" and website.formula1 == '"có,không"'
    chair = validations[f"E{rows['truong_ban']}"]
    assert chair.formula1 == '"Chủ tịch UBND,Phó Chủ tịch UBND,Khác"'  # the labels, never the keys
    # a leaf without a measure: points between 0 and its maximum
    plain = _sheet(agency_form_bytes(IT_2017, "provincial", NOI_VU))
    plain_rows = _rows_by_id(plain)
    assert plain.cell(row=plain_rows["security"], column=6).protection.locked is False
    assert plain.cell(row=plain_rows["security"], column=5).protection.locked is True
    checks = {str(v.sqref): v for v in plain.data_validations.dataValidation}
    points = checks[f"F{plain_rows['security']}"]
    assert (points.type, points.operator, points.formula1, points.formula2) == ("decimal", "between", "0", "10")


def test_the_form_has_an_instructions_sheet_in_vietnamese() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(agency_form_bytes(IT_2017, "provincial", NOI_VU)))
    assert workbook.sheetnames == [FORM_SHEET, INSTRUCTIONS_SHEET]
    text = " ".join(str(c.value) for row in workbook[INSTRUCTIONS_SHEET].iter_rows() for c in row if c.value)
    assert "HƯỚNG DẪN" in text and "Tài liệu kiểm chứng" in text and "không phải 0 điểm" in text


def test_the_same_form_is_the_same_bytes() -> None:
    assert agency_form_bytes(IT_2017, "provincial", NOI_VU) == agency_form_bytes(IT_2017, "provincial", NOI_VU)
    assert cohort_sheet_bytes(DEMO, "provincial") == cohort_sheet_bytes(DEMO, "provincial")


def test_text_that_looks_like_a_formula_is_written_as_text() -> None:
    data = agency_form_bytes(IT_2017, "provincial", Agency("x", '=HYPERLINK("http://e")', "provincial"))
    cell = _sheet(data)["C4"]
    assert cell.value == '=HYPERLINK("http://e")' and cell.data_type == "s"


def test_a_filled_form_is_read_back_exactly_as_the_self_assessment() -> None:
    data = fill(
        agency_form_bytes(DEMO, "provincial", NOI_VU),
        {
            "may_tinh": {"Số liệu": "95/120", "Tài liệu kiểm chứng": "Báo cáo số 12"},
            "hop_bcd": {"Số liệu": "3", "Ghi chú": "họp quý"},
            "website": {"Số liệu": "có"},
            "truong_ban": {"Số liệu": "Phó Chủ tịch UBND"},  # the label the drop-down shows
        },
    )
    assert is_form(data)
    (taken,) = parse_form(data, DEMO, file="noi-vu.xlsx")
    expected = Assessment.measured(
        DEMO,
        NOI_VU,
        {"may_tinh": "95/120", "hop_bcd": "3", "website": "có", "truong_ban": "pho_chu_tich"},
        source=Source.SELF,
        evidence={"may_tinh": "Báo cáo số 12", "hop_bcd": "Ghi chú: họp quý"},
    )
    assert taken == expected
    assert taken.measurements == expected.measurements


def test_points_typed_in_excel_are_read_exactly() -> None:
    data = fill(
        agency_form_bytes(IT_2017, "provincial", NOI_VU),
        {"security": {"Điểm tự đánh giá": 9.3}, "staff": {"Điểm tự đánh giá": "7,5"}},
    )
    (taken,) = parse_form(data, IT_2017)
    assert dict(taken.scores) == {"security": Decimal("9.3"), "staff": Decimal("7.5")}


def test_the_form_reads_the_agency_facts() -> None:
    data = fill(
        agency_form_bytes(IT_2017, "provincial", NOI_VU), {"staff": {"Điểm tự đánh giá": 10}}, extra={"C10": "không"}
    )
    sheet = _sheet(data)
    assert sheet["A10"].value == "Có dịch vụ công trực tuyến:"
    (taken,) = parse_form(data, IT_2017)
    assert taken.agency.has_online_services is False and taken.agency.has_procedures is True


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"security": {"Điểm tự đánh giá": 12}},
            "f.xlsx:Phiếu tự đánh giá!F\\d+: agency 'so-noi-vu', node 'security': score 12 is above the maximum 10",
        ),
        (
            {"security": {"Điểm tự đánh giá": "tám"}},
            "Phiếu tự đánh giá!F\\d+: agency 'so-noi-vu', node 'security': 'tám' is not a number of points",
        ),
        (
            {"security": {"Số liệu": "3"}},
            "Phiếu tự đánh giá!E\\d+: agency 'so-noi-vu', node 'security': this criterion has no scoring from a figure",
        ),
    ],
)
def test_bad_cells_in_a_form_are_refused_naming_file_sheet_cell_agency_node(
    values: dict[str, Any], message: str
) -> None:
    data = fill(agency_form_bytes(IT_2017, "provincial", NOI_VU), values)
    with raises_en(GovIndexError, match=message):
        parse_form(data, IT_2017, file="f.xlsx")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"may_tinh": {"Số liệu": "130/120"}},
            "Phiếu tự đánh giá!E\\d+: agency 'so-noi-vu', node 'may_tinh': '130/120' is a share of 1.0833, above 1",
        ),
        ({"hop_bcd": {"Số liệu": "ba"}}, "node 'hop_bcd': 'ba' is not a number"),
        ({"website": {"Số liệu": "maybe"}}, "node 'website': 'maybe' is not a yes/no answer"),
        ({"truong_ban": {"Số liệu": "giam_doc"}}, "node 'truong_ban': 'giam_doc' is not one of the answers"),
        (
            {"website": {"Điểm tự đánh giá": 3}},
            "Phiếu tự đánh giá!F\\d+: .*node 'website': this criterion is scored from its figure",
        ),
        (
            {"website": {"Số liệu": "có", "Điểm tự đánh giá": 2}},
            "node 'website': the points '2' differ from the 3 that the figure 'có' gives",
        ),
    ],
)
def test_impossible_figures_in_a_form_are_refused(values: dict[str, Any], message: str) -> None:
    data = fill(agency_form_bytes(DEMO, "provincial", NOI_VU), values)
    with raises_en(GovIndexError, match=message):
        parse_form(data, DEMO, file="f.xlsx")


def test_a_form_for_another_rubric_is_refused() -> None:
    data = agency_form_bytes(DEMO, "provincial", NOI_VU)
    with raises_en(GovIndexError, match=r"f\.xlsx:.*the form is for rubric 'measures-demo', not 'sonla-2017-it'"):
        parse_form(data, IT_2017, file="f.xlsx")


def test_an_edited_node_id_is_refused() -> None:
    data = agency_form_bytes(IT_2017, "provincial", NOI_VU)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[FORM_SHEET]
    sheet.cell(row=_rows_by_id(sheet)["staff"], column=2).value = "staf"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with raises_en(
        GovIndexError, match=r"Phiếu tự đánh giá!B\d+: agency 'so-noi-vu', node 'staf': unknown node 'staf'"
    ):
        parse_form(buffer.getvalue(), IT_2017, file="f.xlsx")


# --- the cohort sheet ---------------------------------------------------------------------------------------------


def test_the_cohort_sheet_has_one_row_per_agency_and_one_column_per_leaf_with_maxima() -> None:
    agencies = [("so-noi-vu", "Sở Nội vụ"), ("so-y-te", "Sở Y tế")]
    sheet = _sheet(cohort_sheet_bytes(IT_2017, "provincial", agencies), COHORT_SHEET)
    header = next(r[0].row for r in sheet.iter_rows() if r[0].value == "STT")
    titles = [c.value for c in sheet[header]]
    assert titles[:4] == ["STT", "Mã cơ quan", "Tên cơ quan", "Hạ tầng kỹ thuật CNTT (tối đa 10 điểm)"]
    assert [c.value for c in sheet[header + 1]][3:] == [leaf.id for leaf in IT_2017.tree("provincial").leaves()]
    assert [sheet.cell(row=header + 2 + i, column=3).value for i in range(2)] == ["Sở Nội vụ", "Sở Y tế"]
    assert sheet.protection.sheet is True
    assert sheet.cell(row=header + 2, column=4).protection.locked is False


def test_the_cli_cohort_sheet_lists_the_directorys_agencies(tmp_path: Path) -> None:
    out = tmp_path / "cohort.xlsx"
    assert main(["template", "sonla-2017-it", "--group", "provincial", "--output", str(out)]) == 0
    sheet = _sheet(out.read_bytes(), COHORT_SHEET)
    ids = {sheet.cell(row=r, column=2).value for r in range(1, sheet.max_row + 1)}
    assert {"so-noi-vu", "so-thong-tin-va-truyen-thong", "van-phong-ubnd-tinh"} <= ids


def test_a_filled_cohort_sheet_is_read_back_as_the_appraisal() -> None:
    data = cohort_sheet_bytes(DEMO, "provincial", [("so-noi-vu", "Sở Nội vụ")])
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[COHORT_SHEET]
    row = next(r[0].row for r in sheet.iter_rows() if r[1].value == "so-noi-vu")
    for column, value in zip(range(4, 8), ("95/120", "3", "có", "pho_chu_tich"), strict=True):
        sheet.cell(row=row, column=column).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    (taken,) = parse_form(buffer.getvalue(), DEMO)
    assert taken.source is Source.APPRAISED
    assert taken.scores["may_tinh"] == Decimal("1.58") and taken.agency.name == "Sở Nội vụ"


# --- the CLI and the 2017 acceptance --------------------------------------------------------------------------------


def test_the_cli_writes_a_form_that_score_and_validate_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = tmp_path / "noi-vu.xlsx"
    assert (
        main(
            [
                "template",
                str(EXAMPLES / "measures-demo.yaml"),
                "--group",
                "provincial",
                "--agency",
                "Sở Nội vụ",
                "-o",
                str(form),
            ]
        )
        == 0
    )
    form.write_bytes(
        fill(
            form.read_bytes(),
            {
                "may_tinh": {"Số liệu": "95/120"},
                "hop_bcd": {"Số liệu": 3},
                "website": {"Số liệu": "có"},
                "truong_ban": {"Số liệu": "khac"},
            },
        )
    )
    assert main(["score", str(EXAMPLES / "measures-demo.yaml"), str(form)]) == 0
    assert "19,58" in capsys.readouterr().out  # Vietnamese output: decimal comma
    assert main(["validate", "--rubric", str(EXAMPLES / "measures-demo.yaml"), str(form)]) == 0


def test_the_cli_refuses_a_form_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = tmp_path / "f.xlsx"
    assert main(["template", "sonla-2017-it", "--group", "provincial", "--agency", "Sở Nội vụ", "-o", str(form)]) == 0
    form.write_bytes(fill(form.read_bytes(), {"staff": {"Điểm tự đánh giá": 11}}))
    assert main(["score", "sonla-2017-it", str(form), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "agency 'so-noi-vu', node 'staff': score 11 is above the maximum 10" in err and "Traceback" not in err
    assert main(["score", "sonla-2017-it", str(form)]) == 2
    err = capsys.readouterr().err
    assert "cơ quan 'so-noi-vu', tiêu chí 'Nhân lực CNTT': điểm 11 vượt điểm tối đa 10" in err


def test_the_cli_refuses_an_unknown_agency_and_a_wrong_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.xlsx")
    assert main(["template", "sonla-2017-it", "--group", "provincial", "--agency", "Sở Không Có", "-o", out]) == 2
    assert main(["template", "sonla-2017-it", "--group", "provincial", "--agency", "Huyện Mộc Châu", "-o", out]) == 2
    assert "'provincial'" in capsys.readouterr().err


def test_forms_of_every_2017_agency_filled_with_the_published_scores_give_the_published_results(tmp_path: Path) -> None:
    dataset = load_dataset("sonla-2017-it")
    assessments = []
    for agency in dataset.agencies:
        form = tmp_path / f"{agency.id}.xlsx"
        assert (
            main(["template", "sonla-2017-it", "--group", agency.group, "--agency", agency.name, "-o", str(form)]) == 0
        )
        values = {
            node: {"Điểm tự đánh giá": float(points), "Tài liệu kiểm chứng": "Biên bản"}
            for node, points in agency.scores.items()
        }
        form.write_bytes(fill(form.read_bytes(), values))
        assessments.extend(read_assessments(form, IT_2017, source=Source.APPRAISED))
    assert len(assessments) == len(dataset.agencies) == 30  # 18 departments and 12 districts
    assert {a.agency.group for a in assessments} == {"provincial", "district"}
    result = score(IT_2017, assessments)
    for agency in dataset.agencies:
        row = result.agency(agency.id)
        assert agency.published is not None
        assert row.total == agency.published.total
        assert row.band_id == agency.published.band
        assert row.rank == agency.published.rank


def _cohort_filled(values: dict[tuple[int, int], Any]) -> bytes:
    data = cohort_sheet_bytes(IT_2017, "provincial", [("so-noi-vu", "Sở Nội vụ"), ("so-y-te", "Sở Y tế")])
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[COHORT_SHEET]
    for (row, column), value in values.items():
        sheet.cell(row=row, column=column).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_bad_cells_in_a_cohort_sheet_are_refused_naming_sheet_cell_agency_node() -> None:
    # rows: 8 header, 9 leaf ids, 10 so-noi-vu, 11 so-y-te; column 4 is the first leaf (infrastructure)
    with raises_en(
        GovIndexError,
        match=r"c\.xlsx:Bảng điểm!D10: agency 'so-noi-vu', node 'infrastructure': score 11 is above the maximum 10",
    ):
        parse_form(_cohort_filled({(10, 4): 11}), IT_2017, file="c.xlsx")
    with raises_en(GovIndexError, match=r"Bảng điểm!D8: node 'infrastructure': the header 'Hạ tầng' does not match"):
        parse_form(_cohort_filled({(8, 4): "Hạ tầng"}), IT_2017, file="c.xlsx")
    with raises_en(GovIndexError, match=r"Bảng điểm!B12: the row has scores but no agency id"):
        parse_form(_cohort_filled({(12, 4): 5}), IT_2017, file="c.xlsx")
    with raises_en(
        GovIndexError, match=r"Bảng điểm!B11: agency 'so-noi-vu': the agency appears twice \(first on row 10\)"
    ):
        parse_form(_cohort_filled({(11, 2): "so-noi-vu"}), IT_2017, file="c.xlsx")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 100), min_size=6, max_size=6))
def test_any_points_typed_in_a_form_read_back_exactly(tenths: list[int]) -> None:
    leaves = list(IT_2017.tree("provincial").leaves())
    values = {leaf.id: min(Decimal(t).scaleb(-1), leaf.max_points) for leaf, t in zip(leaves, tenths, strict=True)}
    data = fill(
        agency_form_bytes(IT_2017, "provincial", NOI_VU),
        {node: {"Điểm tự đánh giá": float(points)} for node, points in values.items()},
    )
    (taken,) = parse_form(data, IT_2017)
    assert dict(taken.scores) == values


def test_several_forms_score_together_and_an_agency_in_two_is_refused_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = []
    for name, points in (("Sở Nội vụ", 7), ("Sở Y tế", 8)):
        form = tmp_path / f"{name}.xlsx"
        assert main(["template", "sonla-2017-it", "--group", "provincial", "--agency", name, "-o", str(form)]) == 0
        form.write_bytes(fill(form.read_bytes(), {"total": {"Điểm tự đánh giá": points * 10}}))
        forms.append(str(form))
    assert main(["score", "sonla-2017-it", *forms]) == 0
    assert "Sở Y tế" in capsys.readouterr().out
    assert main(["score", "sonla-2017-it", forms[0], forms[0], "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "agency 'so-noi-vu': the agency is in two files" in err and "(Phiếu tự đánh giá!5)" in err
