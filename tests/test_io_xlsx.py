"""Score tables and results in Excel .xlsx, through the optional openpyxl extra."""

from __future__ import annotations

import datetime as dt
import io
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from filekit import RUBRIC, WIDE, raises_en
from govindex import GovIndexError, load_rubric, score
from govindex.errors import FileFormatError, MissingDependencyError
from govindex.io.cohort import read_assessments
from govindex.io.csvio import parse_scores_csv
from govindex.io.rubrics import parse_rubric
from govindex.io.xlsx import check_scores_xlsx, excel_cell_text, parse_scores_xlsx, read_scores_xlsx, write_scores_xlsx
from govindex.render import render, write_file

openpyxl = pytest.importorskip("openpyxl")

DEMO = parse_rubric(RUBRIC)


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADER = ["agency", "group", "name", "infra", "ops", "total"]


def test_numbers_typed_in_excel_arrive_exactly() -> None:
    data = workbook(
        [
            HEADER,
            ["so-noi-vu", "provincial", "Sở Nội vụ", 35.5, 50, None],
            ["so-tu-phap", "provincial", "Sở Tư pháp", 30, "45,25", None],
            ["huyen-moc-chau", "district", "UBND huyện Mộc Châu", None, None, 88.25],
        ]
    )
    assert parse_scores_xlsx(data, DEMO, file="scores.xlsx") == parse_scores_csv(WIDE, DEMO)


def test_binary_floats_become_the_decimal_that_was_typed() -> None:
    assert excel_cell_text(0.1) == "0.1"
    assert excel_cell_text(9.3) == "9.3"
    assert excel_cell_text(24.8) == "24.8"
    assert excel_cell_text(1e-7) == "0.0000001"
    with raises_en(FileFormatError, match="not finite"):
        excel_cell_text(float("nan"))


def test_dates_errors_and_text_are_refused_in_score_cells() -> None:
    data = workbook([HEADER, ["so-noi-vu", "provincial", "Sở Nội vụ", dt.datetime(2024, 1, 2), 50, None]])
    with pytest.raises(GovIndexError) as caught:
        parse_scores_xlsx(data, DEMO, file="scores.xlsx")
    assert caught.value.describe("en").startswith(
        "scores.xlsx:Sheet!D2: the cell holds a date or time (2024-01-02 00:00:00)"
    )
    data = workbook([HEADER, ["so-noi-vu", "provincial", "Sở Nội vụ", "#DIV/0!", 50, None]])
    with raises_en(GovIndexError, match=r"^scores.xlsx:Sheet!D2: the cell holds the Excel error #DIV/0!"):
        parse_scores_xlsx(data, DEMO, file="scores.xlsx")
    data = workbook([HEADER, ["so-noi-vu", "provincial", "Sở Nội vụ", "ba mươi", 50, None]])
    with pytest.raises(GovIndexError) as caught:
        parse_scores_xlsx(data, DEMO, file="scores.xlsx")
    assert (
        caught.value.describe("en")
        == "scores.xlsx:Sheet!D2: agency 'so-noi-vu', node 'infra': 'ba mươi' is not a number of points"
    )


def test_same_rules_as_csv() -> None:
    data = workbook([HEADER, ["so-noi-vu", "provincial", "Sở Nội vụ", 41, 50, None]])
    with pytest.raises(GovIndexError) as caught:
        parse_scores_xlsx(data, DEMO, file="scores.xlsx")
    assert (
        caught.value.describe("en")
        == "scores.xlsx:Sheet!D2: agency 'so-noi-vu', node 'infra': score 41 is above the maximum 40"
    )
    data = workbook(
        [HEADER, ["so-noi-vu", "provincial", "A", 1, 2, None], ["so-noi-vu", "provincial", "A", 1, 2, None]]
    )
    with raises_en(GovIndexError, match=r"^scores.xlsx:Sheet!A3: agency 'so-noi-vu': the agency appears twice"):
        parse_scores_xlsx(data, DEMO, file="scores.xlsx")


def test_long_form_in_excel() -> None:
    data = workbook(
        [
            ["agency", "group", "node", "score"],
            ["so-noi-vu", "provincial", "infra", 35.5],
            ["so-noi-vu", "provincial", "ops", 50],
        ]
    )
    (assessment,) = parse_scores_xlsx(data, DEMO)
    assert assessment.scores == {"infra": Decimal("35.5"), "ops": Decimal("50")}


def test_formulas_without_a_saved_result_are_refused() -> None:
    data = workbook([HEADER, ["so-noi-vu", "provincial", "Sở Nội vụ", 35.5, 50, "=D2+E2"]])
    with pytest.raises(GovIndexError) as caught:
        parse_scores_xlsx(data, DEMO, file="scores.xlsx")
    assert caught.value.describe("en").startswith(
        "scores.xlsx:Sheet!F2: the cell holds a formula without a saved result"
    )


def test_not_a_workbook() -> None:
    with raises_en(FileFormatError, match=r"^scores.xlsx: not a readable .xlsx workbook"):
        parse_scores_xlsx(b"agency,group\n", DEMO, file="scores.xlsx")


def test_every_problem_is_collected() -> None:
    data = workbook(
        [
            HEADER,
            ["so-noi-vu", "provincial", "Sở Nội vụ", dt.date(2024, 1, 2), 61, None],
            ["so-tu-phap", "provincial", "Sở Tư pháp", "x", 50, None],
        ]
    )
    _, problems = check_scores_xlsx(data, DEMO, file="s.xlsx")
    assert [p.location for p in problems] == ["s.xlsx:Sheet!D2", "s.xlsx:Sheet!E2", "s.xlsx:Sheet!D3"]


def test_write_and_read_back(tmp_path: Path) -> None:
    rubric = load_rubric("sonla-2017-it")
    text = (
        "agency,group,name,infrastructure,internal_use,public_services,security,staff,policy\n"
        "so-noi-vu,provincial,Sở Nội vụ,7.0,21.7,23.5,9.0,10,6.0\n"
        "so-ngoai-vu,provincial,Sở Ngoại vụ,8.1,20.1,3.3,9.9,10,0.1\n"
    )
    assessments = parse_scores_csv(text, rubric)
    write_scores_xlsx(assessments, rubric, tmp_path / "scores.xlsx")
    assert read_scores_xlsx(tmp_path / "scores.xlsx", rubric) == assessments
    assert read_assessments(tmp_path / "scores.xlsx", rubric) == assessments


def test_result_workbook_keeps_diacritics_and_numbers(tmp_path: Path) -> None:
    rubric = load_rubric("sonla-2017-it")
    text = (
        "agency,group,name,infrastructure,internal_use,public_services,security,staff,policy\n"
        "so-noi-vu,provincial,Sở Nội vụ,7.0,21.7,23.5,9.0,10,6.0\n"
    )
    result = score(rubric, parse_scores_csv(text, rubric))
    write_file(render(result, "xlsx"), tmp_path / "result.xlsx")
    # One sheet per agency group, in Vietnamese (the issue asks for it).
    workbook = openpyxl.load_workbook(tmp_path / "result.xlsx")
    assert workbook.sheetnames == ["Sở, ban, ngành cấp tỉnh"]
    sheet = workbook["Sở, ban, ngành cấp tỉnh"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Sở, ban, ngành cấp tỉnh"
    assert rows[2] == ["STT", "Tên cơ quan", "Tổng điểm", "Xếp loại", "Xếp hạng"]
    assert rows[3] == [1, "Sở Nội vụ", 77.2, "Khá", 1]
    assert sheet["C4"].number_format == "0.0"
    assert render(result, "xlsx") == render(result, "xlsx")


def test_without_openpyxl_workbooks_are_read_and_writing_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = workbook([HEADER, ["so-noi-vu", "provincial", "Sở Nội vụ", 35, 50, None]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    monkeypatch.setitem(sys.modules, "openpyxl.styles", None)
    assert [a.agency.id for a in parse_scores_xlsx(data, DEMO, file="scores.xlsx")] == ["so-noi-vu"]
    rubric = load_rubric("sonla-2017-web")
    from govindex import Agency, Assessment

    result = score(rubric, [Assessment(Agency("a", "Sở A", "provincial"), {"total": "80"})])
    with pytest.raises(MissingDependencyError, match=r"pip install 'openpyxl>=3.1'"):
        render(result, "xlsx")
    (tmp_path / "s.xlsx").write_bytes(b"PK")
    with raises_en(FileFormatError, match=r"not a readable .xlsx workbook"):
        read_assessments(tmp_path / "s.xlsx", rubric)
