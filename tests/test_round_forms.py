"""The forms of a round: running totals, facts rules read, the appraisal form, reconcile with reasons, collect."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

openpyxl = pytest.importorskip("openpyxl")

from filekit import run_cli  # noqa: E402
from govindex import Agency, Assessment, load_rubric  # noqa: E402
from govindex.assessment import Source  # noqa: E402
from govindex.errors import GovIndexError  # noqa: E402
from govindex.formlayout import APPRAISAL_SHEET, COPY_SHEET, FORM_SHEET  # noqa: E402
from govindex.io.cohort import read_assessments, read_scores  # noqa: E402
from govindex.io.forms import parse_form  # noqa: E402
from govindex.io.published import load_dataset  # noqa: E402
from govindex.io.workbook import Workbook  # noqa: E402
from govindex.render.appraisal import appraisal_form_bytes  # noqa: E402
from govindex.render.forms import filled_form_bytes  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
IT_2017 = load_rubric("sonla-2017-it")
DATASET = load_dataset("sonla-2017-it")
PUBLISHED = DATASET.agencies[0]  # Sở Thông tin và Truyền thông
AGENCY = Agency(PUBLISHED.id, PUBLISHED.name, PUBLISHED.group)
SELF = Assessment(AGENCY, PUBLISHED.scores, Source.SELF, {node: "Báo cáo số 1" for node in PUBLISHED.scores})


def _sheet_xml(data: bytes, sheet: int = 1) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(f"xl/worksheets/sheet{sheet}.xml").decode()


def _rewrite(data: bytes, change: Any, sheet: int = 1) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == f"xl/worksheets/sheet{sheet}.xml":
                content = change(content.decode()).encode()
            target.writestr(item, content)
    return out.getvalue()


def _rows(sheet: Any, column: int = 2) -> dict[str, int]:
    return {str(sheet.cell(row=r, column=column).value): r for r in range(1, sheet.max_row + 1)}


def _edit(data: bytes, sheet_name: str, cells: dict[tuple[str, int], Any]) -> bytes:
    """Edit cells as a person in Excel would: (node id, column) -> value."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[sheet_name]
    rows = _rows(sheet)
    for (node, column), value in cells.items():
        sheet.cell(row=rows[node], column=column).value = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _problems(data: bytes, file: str) -> list[str]:
    with pytest.raises(GovIndexError) as caught:
        parse_form(data, IT_2017, file=file)
    more = r" \(and \d+ more problem\(s\); govindex validate lists them all\)$"
    return [re.sub(more, "", problem.describe("en")) for problem in caught.value.problems]


# --- running totals --------------------------------------------------------------------------------------------------


def test_each_criterion_row_adds_up_its_rows_by_a_formula_saved_with_its_result() -> None:
    data = filled_form_bytes(IT_2017, AGENCY, PUBLISHED.scores)
    sheet = openpyxl.load_workbook(io.BytesIO(data))[FORM_SHEET]
    rows = _rows(sheet)
    total = sheet.cell(row=rows["total"], column=6).value
    children = IT_2017.tree("provincial").children
    assert total == "=SUM(" + ",".join(f"F{rows[child.id]}" for child in children) + ")"
    saved = openpyxl.load_workbook(io.BytesIO(data), data_only=True)[FORM_SHEET]
    assert Decimal(str(saved.cell(row=rows["total"], column=6).value)) == PUBLISHED.published.total  # type: ignore[union-attr]
    (taken,) = parse_form(data, IT_2017)
    assert dict(taken.scores) == dict(PUBLISHED.scores)  # the totals are checked, never read as scores


def test_a_total_whose_saved_result_is_not_the_sum_of_its_rows_is_refused_at_its_cell() -> None:
    data = filled_form_bytes(IT_2017, AGENCY, PUBLISHED.scores)
    rows = _rows(openpyxl.load_workbook(io.BytesIO(data))[FORM_SHEET])
    cell = f"F{rows['total']}"
    forged = _rewrite(data, lambda xml: re.sub(rf'(<c r="{cell}"[^>]*><f>[^<]*</f><v>)[^<]*', r"\g<1>99.5", xml))
    assert _problems(forged, "so-tttt.xlsx") == [
        f"so-tttt.xlsx:Phiếu tự đánh giá!{cell}: agency 'so-thong-tin-va-truyen-thong', node 'total': the total "
        f"cell saved 99.5 but its rows add up to {PUBLISHED.published.total}; do not edit a total, open and save "  # type: ignore[union-attr]
        "the file in Excel again"
    ]


def test_a_changed_total_formula_and_a_formula_where_a_value_is_typed_are_refused() -> None:
    data = filled_form_bytes(IT_2017, AGENCY, PUBLISHED.scores)
    rows = _rows(openpyxl.load_workbook(io.BytesIO(data))[FORM_SHEET])
    edited = _edit(data, FORM_SHEET, {("total", 6): "=SUM(F1:F2)", ("infrastructure", 6): "=4+5"})
    assert _problems(edited, "f.xlsx") == [
        f"f.xlsx:Phiếu tự đánh giá!F{rows['total']}: agency 'so-thong-tin-va-truyen-thong', node 'total': the "
        f"total's formula was changed to =SUM(F1:F2); it is =SUM("
        + ",".join(f"F{rows[c.id]}" for c in IT_2017.tree("provincial").children)
        + ")",
        f"f.xlsx:Phiếu tự đánh giá!F{rows['infrastructure']}: agency 'so-thong-tin-va-truyen-thong': the cell "
        "holds the formula =4+5 where a value is typed; type the value",
    ]


def test_a_form_saved_without_results_reads_its_totals_as_formulas_only() -> None:
    data = filled_form_bytes(IT_2017, AGENCY, PUBLISHED.scores)
    resaved = _edit(data, FORM_SHEET, {})  # the writer of the test saves formulas without their results
    assert "<v></v>" in _sheet_xml(resaved) or "<v/>" in _sheet_xml(resaved)
    (taken,) = parse_form(resaved, IT_2017)
    assert dict(taken.scores) == dict(PUBLISHED.scores)


def test_the_reader_sees_formulas_and_refuses_a_document_type_declaration() -> None:
    data = filled_form_bytes(IT_2017, AGENCY, PUBLISHED.scores)
    formulas: dict[tuple[int, int], Any] = {}
    with Workbook(data, "f.xlsx", len(data)) as book:
        list(book.rows(FORM_SHEET, lambda error: None, max_cells=10_000, formulas=formulas))
    assert all(formula.saved and formula.text.startswith("SUM(") for formula in formulas.values())
    bomb = _rewrite(data, lambda xml: xml.replace("<worksheet", '<!DOCTYPE x [<!ENTITY a "b">]><worksheet', 1))
    with pytest.raises(GovIndexError) as caught, Workbook(bomb, "bomb.xlsx", len(bomb)) as book:
        list(book.rows(FORM_SHEET, lambda error: None, max_cells=10_000))
    assert caught.value.code == "sheet-unreadable"
    assert "a document type declaration is not allowed" in caught.value.describe("en")


# --- the facts a rubric's rules read ---------------------------------------------------------------------------------


def test_the_facts_a_rule_reads_are_asked_on_the_form_and_reach_the_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric_file, rules_file = EXAMPLES / "rules" / "rubric.yaml", EXAMPLES / "rules" / "late_report.py"
    form = tmp_path / "xay-dung.xlsx"
    common = [str(rubric_file), "--rules", str(rules_file)]
    status, _out, err = run_cli(
        capsys, ["template", *common, "--group", "provincial", "--agency", "Sở Xây dựng", "-o", str(form)]
    )
    assert status == 0, err
    book = openpyxl.load_workbook(form)
    sheet = book[FORM_SHEET]
    labels = {sheet.cell(row=r, column=1).value: r for r in range(1, 20)}
    row = labels["Gửi báo cáo định kỳ muộn hạn (có/không):"]
    assert sheet.cell(row=row, column=8).value == "late_report"
    sheet.cell(row=row, column=3).value = "có"
    rows = _rows(sheet)
    for node, points in {"awareness": 16, "internal": 40, "dvc_full": 8, "dvc_records": 7, "report": 9}.items():
        sheet.cell(row=rows[node], column=6).value = points
    book.save(form)
    (taken,) = read_assessments(form, load_rubric(str(rubric_file)))
    assert taken.agency.attributes == {"late_report": True}
    status, out, err = run_cli(capsys, ["score", *common, str(form), "--format", "csv"])
    assert status == 0, err
    assert "78.5" in out  # 80 less the late report's 1.5 points


# --- the appraisal form ----------------------------------------------------------------------------------------------


def test_the_appraisal_form_has_the_self_assessment_forms_columns_and_a_locked_self_assessed_column() -> None:
    data = appraisal_form_bytes(IT_2017, SELF)
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[APPRAISAL_SHEET]
    rows = _rows(sheet)
    header = rows["Mã"]
    assert [c.value for c in sheet[header]] == [
        "STT",
        "Mã",
        "Tiêu chí",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        "Điểm thẩm định",
        "Lý do điều chỉnh",
        "Tài liệu kiểm chứng",
    ]
    leaf = rows["infrastructure"]
    assert sheet.protection.sheet
    assert sheet.cell(row=leaf, column=5).protection.locked and not sheet.cell(row=leaf, column=6).protection.locked
    assert sheet.cell(row=leaf, column=5).value == sheet.cell(row=leaf, column=6).value == 9
    assert sheet.cell(row=leaf, column=8).value == "Báo cáo số 1"
    assert book[COPY_SHEET].sheet_state == "veryHidden"
    assert appraisal_form_bytes(IT_2017, SELF) == data
    (taken,) = parse_form(data, IT_2017)
    assert taken.source is Source.APPRAISED and dict(taken.scores) == dict(SELF.scores) and not taken.reasons


def test_a_changed_score_needs_a_reason_and_a_reason_without_a_change_is_warned(tmp_path: Path) -> None:
    data = appraisal_form_bytes(IT_2017, SELF)
    rows = _rows(openpyxl.load_workbook(io.BytesIO(data))[APPRAISAL_SHEET])
    unreasoned = _edit(data, APPRAISAL_SHEET, {("infrastructure", 6): 7})
    assert _problems(unreasoned, "tham-dinh.xlsx") == [
        f"tham-dinh.xlsx:Phiếu thẩm định!G{rows['infrastructure']}: agency 'so-thong-tin-va-truyen-thong', node "
        "'infrastructure': the appraised score 7 differs from the self-assessed 9 but no reason is given"
    ]
    reasoned = _edit(
        data,
        APPRAISAL_SHEET,
        {("infrastructure", 6): 7, ("infrastructure", 7): "không có tài liệu kiểm chứng", ("staff", 7): "đã xem"},
    )
    path = tmp_path / "tham-dinh.xlsx"
    path.write_bytes(reasoned)
    cohort = read_scores([path], IT_2017)
    (taken,) = cohort.assessments()
    assert taken.scores["infrastructure"] == 7
    assert dict(taken.reasons) == {"infrastructure": "không có tài liệu kiểm chứng", "staff": "đã xem"}
    assert [warning.describe("en") for warning in cohort.warnings] == [
        f"{path}:Phiếu thẩm định!G{rows['staff']}: agency 'so-thong-tin-va-truyen-thong', node 'staff': a reason "
        f"'đã xem' is given but the appraised score equals the self-assessed {SELF.scores['staff']:f}"
    ]


def test_an_appraisal_form_whose_self_assessed_column_was_edited_is_refused() -> None:
    data = appraisal_form_bytes(IT_2017, SELF)
    rows = _rows(openpyxl.load_workbook(io.BytesIO(data))[APPRAISAL_SHEET])
    edited = _edit(data, APPRAISAL_SHEET, {("infrastructure", 5): 7, ("infrastructure", 6): 7})
    assert _problems(edited, "t.xlsx") == [
        f"t.xlsx:Phiếu thẩm định!E{rows['infrastructure']}: agency 'so-thong-tin-va-truyen-thong', node "
        "'infrastructure': the 'Điểm tự đánh giá' column was changed: the cell holds '7', the form was made with 9.0; "
        "do not change that column"
    ]
    book = openpyxl.load_workbook(io.BytesIO(data))
    book[COPY_SHEET]["B1"].value = "1"
    buffer = io.BytesIO()
    book.save(buffer)
    (problem,) = _problems(buffer.getvalue(), "t.xlsx")
    assert problem.endswith(
        "the form's stored copy of the self-assessment (hidden sheet 'Dữ liệu tự đánh giá') is missing or was "
        "changed; make the form again with govindex template --from"
    )


def test_an_emptied_cell_is_named_empty_in_the_language_of_the_message() -> None:
    data = appraisal_form_bytes(IT_2017, SELF)
    emptied = _edit(data, APPRAISAL_SHEET, {("infrastructure", 5): None, ("infrastructure", 6): None})
    with pytest.raises(GovIndexError) as caught:
        parse_form(emptied, IT_2017, file="t.xlsx")
    (problem,) = caught.value.problems
    assert problem.message_in("en") == (
        "the 'Điểm tự đánh giá' column was changed: the cell holds '(empty)', the form was made with 9.0; "
        "do not change that column"
    )
    assert problem.message_in("vi") == (
        "cột 'Điểm tự đánh giá' đã bị sửa: ô ghi '(trống)', phiếu được lập với 9,0; không sửa cột này"
    )


def test_template_from_and_reconcile_show_each_change_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    self_form = tmp_path / "tu-danh-gia.xlsx"
    self_form.write_bytes(filled_form_bytes(IT_2017, AGENCY, PUBLISHED.scores, SELF.evidence))
    folder = tmp_path / "tham-dinh"
    status, _out, err = run_cli(capsys, ["template", "sonla-2017-it", "--from", str(self_form), "-o", str(folder)])
    assert status == 0, err
    form = folder / f"{AGENCY.id}.xlsx"
    assert run_cli(capsys, ["template", "sonla-2017-it", "--from", str(self_form), "-o", str(folder)])[0] == 2
    form.write_bytes(
        _edit(form.read_bytes(), APPRAISAL_SHEET, {("staff", 6): 3, ("staff", 7): "không có tài liệu kiểm chứng"})
    )
    status, out, err = run_cli(
        capsys,
        [
            "reconcile",
            str(self_form),
            str(form),
            "--rubric",
            "sonla-2017-it",
            "--format",
            "csv",
            "--table",
            "differences",
        ],
    )
    assert status == 0, err
    assert "không có tài liệu kiểm chứng" in out
    other = tmp_path / "khac.xlsx"
    other.write_bytes(filled_form_bytes(IT_2017, AGENCY, {**PUBLISHED.scores, "security": Decimal(1)}))
    status, _out, err = run_cli(
        capsys, ["reconcile", str(other), str(form), "--rubric", "sonla-2017-it", "--lang", "en"]
    )
    assert status == 2
    assert f"{form}:Phiếu thẩm định!E" in err and "node 'security': the self-assessed score" in err
    assert f"differs from 1 in the self-assessment file {other}" in err


# --- collect ---------------------------------------------------------------------------------------------------------


def _forms(folder: Path, count: int) -> list[str]:
    paths = []
    for published in DATASET.agencies[:count]:
        agency = Agency(published.id, published.name, published.group)
        path = folder / f"{agency.id}.xlsx"
        path.write_bytes(filled_form_bytes(IT_2017, agency, published.scores, {"security": "Biên bản"}))
        paths.append(str(path))
    return paths


def test_collect_writes_one_file_refuses_an_agency_twice_and_an_existing_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = _forms(tmp_path, 3)
    out = tmp_path / "gop.yaml"
    status, stdout, err = run_cli(capsys, ["collect", "sonla-2017-it", *forms, "-o", str(out), "--lang", "en"])
    assert status == 0, err
    assert stdout == f"collected 3 agencies from 3 files into {out}\n"
    again = read_assessments(out, IT_2017)
    assert [a.agency.id for a in again] == [a.id for a in DATASET.agencies[:3]]
    assert again[0].source is Source.SELF and again[0].evidence == {"security": "Biên bản"}
    status, _stdout, err = run_cli(capsys, ["collect", "sonla-2017-it", *forms, "-o", str(out)])
    assert status == 2 and f"{out}: tệp đã có" in err
    status, _stdout, err = run_cli(
        capsys, ["collect", "sonla-2017-it", forms[0], forms[0], "-o", str(tmp_path / "x.csv"), "--lang", "en"]
    )
    assert status == 2 and "the agency is in two files" in err and not (tmp_path / "x.csv").exists()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    count=st.integers(min_value=1, max_value=4),
    extension=st.sampled_from([".xlsx", ".csv", ".yaml", ".json"]),
)
def test_a_collected_file_reads_back_to_the_same_scores(tmp_path_factory: Any, count: int, extension: str) -> None:
    from govindex.io.collect import collect, collected_bytes

    folder = tmp_path_factory.mktemp("collect")
    forms = _forms(folder, count)
    assessments = collect(forms, IT_2017)
    out = folder / f"gop{extension}"
    out.write_bytes(collected_bytes(assessments, IT_2017, out))
    again = read_assessments(out, IT_2017)
    assert {a.agency.id: dict(a.scores) for a in again} == {a.agency.id: dict(a.scores) for a in assessments}
    assert {a.agency.id: dict(a.evidence) for a in again} == {a.agency.id: dict(a.evidence) for a in assessments}


def test_collect_warns_of_an_agency_the_directory_does_not_know_and_names_those_that_sent_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = tmp_path / "so-la.xlsx"
    form.write_bytes(filled_form_bytes(IT_2017, Agency("so-la", "Sở Lạ", "provincial"), {"staff": Decimal(5)}))
    status, _out, err = run_cli(
        capsys, ["collect", "sonla-2017-it", str(form), "-o", str(tmp_path / "gop.yaml"), "--lang", "en"]
    )
    assert status == 0
    assert f"warning: {form}:Phiếu tự đánh giá!5: agency 'so-la': not in directory 'sonla'\n" in err
    assert "warning: group 'district': nothing was sent (12 agencies in directory 'sonla', 2017)\n" in err
