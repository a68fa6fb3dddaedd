"""One reader of score tables: every problem with its cell, blank rows, bad input refused with its place."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

from filekit import RUBRIC, WIDE, run_cli  # noqa: E402
from govindex import load_rubric, score  # noqa: E402
from govindex.engine import ScoreTable  # noqa: E402
from govindex.errors import FileFormatError, GovIndexError, InputError  # noqa: E402
from govindex.formlayout import COHORT_SHEET  # noqa: E402
from govindex.io import Cohort, ReadOptions, read_scores  # noqa: E402
from govindex.io.published import load_dataset, open_dataset, reproduce  # noqa: E402
from govindex.io.rubrics import parse_rubric  # noqa: E402
from govindex.io.validate import validate_file  # noqa: E402
from govindex.render.forms import cohort_sheet_bytes  # noqa: E402

IT_2017 = load_rubric("sonla-2017-it")
DEMO = parse_rubric(RUBRIC)
AGENCIES = [
    ("so-noi-vu", "Sở Nội vụ"),
    ("so-y-te", "Sở Y tế"),
    ("so-tu-phap", "Sở Tư pháp"),
    ("so-xay-dung", "Sở Xây dựng"),
]
FULL = [7, 20, 30, 8, 9, 10]  # infrastructure, internal_use, public_services, security, staff, policy (columns D to I)


def cohort_sheet(rows: dict[int, list[Any]]) -> bytes:
    """A cohort sheet from ``govindex template`` with the agencies' rows (10 to 13) filled as given."""
    data = cohort_sheet_bytes(IT_2017, "provincial", AGENCIES)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[COHORT_SHEET]
    for row, values in rows.items():
        for column, value in enumerate(values, start=4):
            sheet.cell(row=row, column=column).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


PARTLY_FILLED = {
    10: [7, None, 30, None, 9, 10],  # two blank cells (E10, G10)
    11: [11, 20, None, 8, None, 10],  # above the maximum (D11) and two blank cells (F11, H11)
    12: ["bảy", 20, 30, 8, 9, 10],  # a text in a number cell (D12)
    # row 13 (so-xay-dung) left blank
}


def test_validate_lists_every_problem_of_a_cohort_sheet_each_at_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tham-dinh.xlsx"
    path.write_bytes(cohort_sheet(PARTLY_FILLED))
    status, out, _ = run_cli(capsys, ["validate", "--rubric", "sonla-2017-it", str(path), "--lang", "en"])
    assert status == 2
    lines = out.splitlines()
    where = f"{path}:{COHORT_SHEET}!"
    assert lines == [
        f"{where}E10: agency 'so-noi-vu', node 'internal_use': no score (an empty cell is 'not given', not 0)",
        f"{where}G10: agency 'so-noi-vu', node 'security': no score (an empty cell is 'not given', not 0)",
        f"{where}D11: agency 'so-y-te', node 'infrastructure': score 11 is above the maximum 10",
        f"{where}F11: agency 'so-y-te', node 'public_services': no score (an empty cell is 'not given', not 0)",
        f"{where}H11: agency 'so-y-te', node 'staff': no score (an empty cell is 'not given', not 0)",
        f"{where}D12: agency 'so-tu-phap', node 'infrastructure': 'bảy' is not a number of points",
        f"{where}13: agency 'so-xay-dung': the agency's row has no score; fill it in, or score with --blank-rows "
        "not-assessed to report the agency as not assessed",
        f"{path}: 7 problem(s) (form from govindex template, 4 agencies, checked against sonla-2017-it)",
        "7 problem(s) found.",
    ]
    status, out, _ = run_cli(capsys, ["validate", "--rubric", "sonla-2017-it", str(path)])
    assert status == 2
    vi = out.splitlines()
    assert vi[0] == (
        f"{where}E10: cơ quan 'Sở Nội vụ', tiêu chí 'Ứng dụng CNTT trong hoạt động nội bộ cơ quan': thiếu điểm (ô trống nghĩa là 'chưa cho điểm', "
        "không phải 0)"
    )
    assert vi[2] == f"{where}D11: cơ quan 'Sở Y tế', tiêu chí 'Hạ tầng kỹ thuật CNTT': điểm 11 vượt điểm tối đa 10"
    assert vi[5] == f"{where}D12: cơ quan 'Sở Tư pháp', tiêu chí 'Hạ tầng kỹ thuật CNTT': 'bảy' không phải là số điểm"
    assert vi[6] == (
        f"{where}13: cơ quan 'Sở Xây dựng': dòng của cơ quan không có điểm nào; hãy điền điểm, hoặc chấm với "
        "--blank-rows not-assessed để ghi cơ quan là chưa đánh giá"
    )


def test_every_missing_score_of_a_table_is_listed_with_its_cell(tmp_path: Path) -> None:
    header = "agency,group,infrastructure,internal_use,public_services,security,staff,policy\n"
    rows = "so-noi-vu,provincial,7,,30,,9,10\nso-y-te,provincial,7,20,,8,,10\n"
    path = tmp_path / "bang-diem.csv"
    path.write_text(header + rows, encoding="utf-8")
    report = validate_file(path, IT_2017)
    assert [problem.location for problem in report.problems] == [
        f"{path}:2:4",
        f"{path}:2:6",
        f"{path}:3:5",
        f"{path}:3:7",
    ]
    assert {problem.code for problem in report.problems} == {"missing-score"}
    assert report.summary("en").endswith("4 problem(s) (score table, 2 agencies, checked against sonla-2017-it)")


def test_blank_rows_are_scored_as_not_assessed_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = {10: FULL, 11: [8, 21, 31, 9, 9, 9]}
    path = tmp_path / "tham-dinh.xlsx"
    path.write_bytes(cohort_sheet(filled))
    with pytest.raises(GovIndexError):
        score(IT_2017, read_scores(path, IT_2017).table)
    cohort = read_scores(path, IT_2017, options=ReadOptions(blank_rows="not-assessed"))
    result = score(IT_2017, cohort.table)
    assert [row.agency.id for row in result.rows] == ["so-y-te", "so-noi-vu"]
    assert [(item.agency.id, item.reason) for item in result.not_assessed] == [
        ("so-tu-phap", "dòng trong bảng điểm để trống"),
        ("so-xay-dung", "dòng trong bảng điểm để trống"),
    ]
    status, out, err = run_cli(
        capsys, ["score", "sonla-2017-it", str(path), "--blank-rows", "not-assessed", "--format", "json"]
    )
    assert status == 0 and "error" not in err  # warnings name who sent nothing (the directory's coverage)
    data = json.loads(out)
    assert [item["agency"] for item in data["not_assessed"]] == ["so-tu-phap", "so-xay-dung"]
    status, out, _ = run_cli(
        capsys, ["validate", "--rubric", "sonla-2017-it", str(path), "--blank-rows", "not-assessed"]
    )
    assert status == 0, out
    # a CSV table's blank rows too, and a row given only in part is still refused
    table = tmp_path / "bang-diem.csv"
    table.write_text("agency,group,total\nso-noi-vu,provincial,70\nso-y-te,provincial,\n", encoding="utf-8")
    result = score(IT_2017, read_scores(table, IT_2017, options=ReadOptions(blank_rows="not-assessed")).table)
    assert [item.agency.id for item in result.not_assessed] == ["so-y-te"]
    with pytest.raises(InputError) as caught:
        ReadOptions(blank_rows="skip")
    assert caught.value.code == "blank-rows-option"


def test_the_reader_builds_the_engine_columns_with_provenance(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(WIDE, encoding="utf-8")
    cohort = read_scores(path, DEMO)
    assert isinstance(cohort, Cohort) and isinstance(cohort.table, ScoreTable)
    assert cohort.places["so-tu-phap"] == (str(path), None, 3)
    assert cohort.columns[str(path)] == {"infra": 4, "ops": 5, "total": 6}
    group = cohort.table.group("provincial")
    assert group is not None and group.assessments is None  # columns straight from the cells
    assert [agency.id for agency in group.agencies] == ["so-noi-vu", "so-tu-phap"]
    assert group.values[:, list(group.layout.ids).index("ops")].tolist() == [5000, 4525]
    # the digits as written come back with the assessments
    assert [dict(a.scores) for a in cohort.assessments()][1] == {"infra": Decimal("30"), "ops": Decimal("45.25")}


def test_an_agency_in_two_sources_is_refused_naming_both(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(WIDE, encoding="utf-8")
    second.write_text("agency,group,total\nso-tu-phap,provincial,70\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_scores([first, second], DEMO)
    assert caught.value.code == "agency-in-two-files"
    assert caught.value.describe("en") == (
        f"{second}:2: agency 'so-tu-phap': the agency is in two files: {first} (line 3) and {second} (line 2); "
        "each agency's scores come from one file"
    )
    assert caught.value.describe("vi").endswith(
        f"cơ quan có trong hai tệp: {first} (dòng 3) và {second} (dòng 2); điểm của mỗi cơ quan lấy từ một tệp"
    )


def test_the_json_of_score_reads_back_as_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = Path("examples/2017/bang-diem-so-nganh.csv")
    result = tmp_path / "ket-qua.json"
    args = ["score", "sonla-2017-it", str(scores), "--ignore-column", "Ghi chú", "--format", "json"]
    assert run_cli(capsys, [*args, "--output", str(result)])[0] == 0
    again = score(IT_2017, read_scores(result, IT_2017).table)
    first = score(IT_2017, read_scores(scores, IT_2017, options=ReadOptions(ignore_columns=["Ghi chú"])).table)
    assert [(row.agency.id, row.total, row.rank) for row in again.rows] == [
        (row.agency.id, row.total, row.rank) for row in first.rows
    ]
    status, out, _ = run_cli(capsys, ["score", "sonla-2017-it", str(result), "--format", "json"])
    assert status == 0 and json.loads(out)["results"] == json.loads(result.read_text(encoding="utf-8"))["results"]


# --- bad input ---------------------------------------------------------------------------------------------------


def test_a_dataset_names_its_rubric_by_id_or_a_rubric_file_beside_it(tmp_path: Path) -> None:
    bundled = Path("rubrics/published/sonla-2017-web.yaml").read_text(encoding="utf-8")
    rubric_text = Path("rubrics/sonla-2017-web.yaml").read_text(encoding="utf-8")
    (tmp_path / "rubric.yaml").write_text(rubric_text, encoding="utf-8")
    beside = tmp_path / "dataset.yaml"
    beside.write_text(bundled.replace("rubric: sonla-2017-web", "rubric: rubric.yaml"), encoding="utf-8")
    dataset, rubric = open_dataset(beside)
    assert reproduce(dataset, rubric=rubric).ok
    cases = {
        "/dev/zero": "dataset-rubric",  # a device, never read
        str(tmp_path / "rubric.yaml"): "dataset-rubric",  # an absolute path
        "secret.txt": "dataset-rubric",  # not a rubric file
        "other.yaml": "dataset-rubric-not-rubric",  # a YAML file that is not a rubric: its keys are not shown
    }
    (tmp_path / "other.yaml").write_text("password: hunter2\n", encoding="utf-8")
    for name, code in cases.items():
        beside.write_text(bundled.replace("rubric: sonla-2017-web", f"rubric: {name}"), encoding="utf-8")
        with pytest.raises(FileFormatError) as caught:
            open_dataset(beside)
        assert caught.value.code == code, name
        assert "hunter2" not in caught.value.describe("en") and "password" not in caught.value.describe("en")
        with pytest.raises(FileFormatError):  # reproduce alone takes bundled rubric ids only
            reproduce(load_dataset(beside))
    beside.write_text(bundled.replace("rubric: sonla-2017-web", "rubric: /dev/zero"), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        open_dataset(beside)
    assert caught.value.describe("en") == (
        f"{beside}: rubric: the dataset names the rubric '/dev/zero': neither the id of a bundled rubric nor a "
        ".yaml/.yml/.json file beside the dataset; the bundled rubrics are "
        + ", ".join(sorted(p.stem for p in Path("rubrics").glob("*.yaml")))
    )
    assert caught.value.message.startswith("bộ dữ liệu ghi bộ tiêu chí '/dev/zero': không phải mã")


def test_a_rubric_beside_a_dataset_runs_no_rules_file(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "rules.py").write_text(f"open({str(marker)!r}, 'w').write('x')\nRULES = {{}}\n", encoding="utf-8")
    rubric_text = Path("rubrics/sonla-2017-web.yaml").read_text(encoding="utf-8")
    (tmp_path / "rubric.yaml").write_text(rubric_text + "rule_files: [rules.py]\n", encoding="utf-8")
    bundled = Path("rubrics/published/sonla-2017-web.yaml").read_text(encoding="utf-8")
    beside = tmp_path / "dataset.yaml"
    beside.write_text(bundled.replace("rubric: sonla-2017-web", "rubric: rubric.yaml"), encoding="utf-8")
    _dataset, rubric = open_dataset(beside)  # reading a rubric records its rules files and runs none
    assert rubric.rule_files == ("rules.py",)
    assert not marker.exists()


def _sheet_xml(rows: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    ).encode()


def workbook_with_sheet(sheet_xml: bytes) -> bytes:
    """A workbook made by openpyxl whose first sheet's XML is replaced (as a hostile file would be)."""
    book = openpyxl.Workbook()
    book.active.append(["agency", "total"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = sheet_xml if item.filename == "xl/worksheets/sheet1.xml" else source.read(item.filename)
            target.writestr(item, data)
    return out.getvalue()


def test_a_row_numbered_two_billion_is_refused_at_once(tmp_path: Path) -> None:
    header = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>agency</t></is></c><c r="B1" t="inlineStr"><is><t>group</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>total</t></is></c></row>'
    )
    far = '<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>so-a</t></is></c></row>'
    path = tmp_path / "far.xlsx"
    path.write_bytes(workbook_with_sheet(_sheet_xml(header + far)))
    assert path.stat().st_size < 10_000
    with pytest.raises(FileFormatError) as caught:
        read_scores(path, load_rubric("sonla-2017-web"))
    assert caught.value.code == "cell-beyond-sheet"
    assert caught.value.describe("en") == (
        f"{path}:Sheet: cell A2000000000 lies outside a worksheet's limits (1 048 576 rows, 16 384 columns)"
    )


def test_empty_rows_count_against_the_cell_limit_and_every_reader_applies_both_limits(tmp_path: Path) -> None:
    header = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>agency</t></is></c><c r="B1" t="inlineStr"><is><t>group</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>total</t></is></c></row>'
    )
    empty = "".join(f'<row r="{n}"/>' for n in range(2, 20_000))
    last = (
        '<row r="20000"><c r="A20000" t="inlineStr"><is><t>so-a</t></is></c>'
        '<c r="B20000" t="inlineStr"><is><t>provincial</t></is></c><c r="C20000"><v>81.5</v></c></row>'
    )
    path = tmp_path / "empty-rows.xlsx"
    path.write_bytes(workbook_with_sheet(_sheet_xml(header + empty + last)))
    web = load_rubric("sonla-2017-web")
    cohort = read_scores(path, web, options=ReadOptions(max_cells=6 + 19_998))  # six cells, an empty row one
    assert cohort.places["so-a"] == (str(path), "Sheet", 20000)
    with pytest.raises(FileFormatError) as caught:
        read_scores(path, web, options=ReadOptions(max_cells=5 + 19_998))
    assert caught.value.code == "too-many-cells"
    with pytest.raises(FileFormatError) as caught:
        read_scores(path, web, options=ReadOptions(max_bytes=path.stat().st_size - 1))
    assert caught.value.code == "file-too-large"
    for name, text in (("a.yaml", "agencies: []\n"), ("r.json", '{"rubric": "sonla-2017-web", "results": []}')):
        (tmp_path / name).write_text(text, encoding="utf-8")
        with pytest.raises(FileFormatError) as caught:
            read_scores(tmp_path / name, web, options=ReadOptions(max_bytes=5))
        assert caught.value.code == "file-too-large"


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0"])
def test_a_name_with_a_noncharacter_is_refused_at_its_place(tmp_path: Path, char: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"agency,group,name,total\nso-a,provincial,Sở{char} A,70\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_scores(path, load_rubric("sonla-2017-web"))
    assert caught.value.code == "bad-text"
    assert caught.value.location == f"{path}:2:3"
    assert f"U+{ord(char):04X}" in caught.value.describe("vi")


def test_a_lone_surrogate_in_an_assessment_file_is_refused_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        '{"agencies": [{"id": "so-a", "name": "S\\ud800", "group": "provincial", "scores": {"total": 70}}]}',
        encoding="utf-8",
    )
    with pytest.raises(GovIndexError) as caught:
        read_scores(path, load_rubric("sonla-2017-web"))
    assert caught.value.code == "bad-text"
    assert caught.value.path == "agencies[0].name"
    assert caught.value.line == 1


def test_validate_bounds_its_listing_and_counts_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "wide.csv"
    columns = ",".join(f"x{n}" for n in range(5000))
    path.write_text(f"agency,group,{columns}\nso-a,provincial,{','.join('1' * 5000)}\n", encoding="utf-8")
    status, out, _ = run_cli(capsys, ["validate", "--rubric", "sonla-2017-it", str(path), "--max-problems", "3"])
    assert status == 2
    lines = out.splitlines()
    assert len(lines) == 6
    # 5000 unknown columns, and the row that has no score in a known column
    assert lines[3] == f"{path}: và 4998 lỗi khác (--max-problems để xem thêm)"
    assert (
        lines[2]
        == f"{path}:1:5: tiêu chí 'x2': cột 'x2' không phải tiêu chí nào"
        + lines[2].split("không phải tiêu chí nào", 1)[1]
    )
    assert lines[-2] == f"{path}: 5001 lỗi (bảng điểm, 1 cơ quan, đã kiểm tra theo sonla-2017-it)"
    assert lines[-1] == "Tìm thấy 5001 lỗi."
    status, out, _ = run_cli(capsys, ["validate", "--rubric", "sonla-2017-it", str(path), "--lang", "en"])
    assert len(out.splitlines()) == 200 + 3 and "and 4801 more problem(s)" in out


def test_ignoring_a_column_the_reader_needs_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.csv"
    path.write_text("agency,group,total\nso-a,provincial,70\n", encoding="utf-8")
    for column in ("agency", "group"):
        status, out, err = run_cli(capsys, ["score", "sonla-2017-it", str(path), "--ignore-column", column])
        assert (status, out) == (2, "")
        assert err.startswith(f"govindex: lỗi: {path}:1:")
        assert f"không thể bỏ qua cột '{column}'" in err
    with pytest.raises(FileFormatError) as caught:
        read_scores(path, IT_2017, options=ReadOptions(ignore_columns=["agency"]))
    assert caught.value.describe("en") == (
        f"{path}:1:1: column 'agency' cannot be left unread: the reader needs it (it says whose row it is)"
    )


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ('{"agencies": {"a": 1}}', "agencies: the value here has the wrong shape: mapping {'a': 1}"),
        ('{"agencies": [1]}', "agencies[0]: the value here has the wrong shape: number 1"),
        (
            '{"agencies": [{"id": "a", "name": "A", "group": "provincial", "scores": [1]}]}',
            "agencies[0].scores: the value here has the wrong shape: list [1]",
        ),
        ('{"rubric": "sonla-2017-it", "results": [1]}', "results[0]: the value here has the wrong shape: number 1"),
    ],
)
def test_a_malformed_json_payload_is_refused_with_its_path(tmp_path: Path, payload: str, expected: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(payload, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        read_scores(path, IT_2017)
    english = caught.value.describe("en")
    assert expected in english and "Error" not in english
    assert "giá trị ở đây có dạng sai" in caught.value.describe("vi")


def test_a_result_file_with_a_noncharacter_in_a_name_is_refused_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(
        '{"rubric": "sonla-2017-web", "results": [{"agency": "so-a", "name": "S\\uffff", "group": "provincial", '
        '"total": "70.0", "nodes": {}}]}',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_scores(path, load_rubric("sonla-2017-web"))
    assert caught.value.code == "bad-text"
    assert caught.value.path == "results[0]" and caught.value.line == 1
