"""Score tables as people keep them: title rows, STT, Vietnamese headers, group names, totals, a cover sheet."""

from __future__ import annotations

import importlib.util
import io
import re
import shlex
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from filekit import run_cli
from govindex import GovIndexError, load_rubric, score
from govindex.cli import main
from govindex.io import read_scores
from govindex.io.cells import ReadOptions
from govindex.io.cohort import read_assessments
from govindex.io.csvio import parse_scores_csv
from govindex.io.directory import load_directory
from govindex.io.published import load_dataset

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "2017"
RUBRIC = load_rubric("sonla-2017-it")
DATASET = load_dataset("sonla-2017-it")
# The example sheet is the departments' (Bảng 1.1-1.6); the dataset also holds the districts.
DEPARTMENTS = tuple(agency for agency in DATASET.agencies if agency.group == "provincial")
NOTES = ReadOptions(ignore_columns=("Ghi chú",))


def _maker() -> object:
    spec = importlib.util.spec_from_file_location("make_bang_diem_2017", ROOT / "examples" / "make_bang_diem_2017.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKER = _maker()


def workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def refused(path: Path, options: ReadOptions = NOTES) -> str:
    with pytest.raises(GovIndexError) as caught:
        read_assessments(path, RUBRIC, options=options)
    return caught.value.describe("en")


def assert_published(assessments: tuple[object, ...]) -> None:
    """The assessments score to the totals, bands and ranks Decision 3247/QĐ-UBND published."""
    result = score(RUBRIC, assessments)  # type: ignore[arg-type]
    assert len(result.rows) == len(DEPARTMENTS) == 18
    for agency in DEPARTMENTS:
        row = result.agency(agency.id)
        assert row.agency.name == agency.name
        assert row.total == agency.published.total
        assert row.band is not None and row.band.id == agency.published.band
        assert row.rank == agency.published.rank
        assert {node: row.node_ranks[node] for node in agency.published.ranks} == dict(agency.published.ranks)


# --- the shipped examples ---------------------------------------------------


def _cells(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_the_shipped_examples_are_what_the_script_writes() -> None:
    made = MAKER.workbook_bytes()  # type: ignore[attr-defined]
    assert made == MAKER.workbook_bytes()  # type: ignore[attr-defined]
    # the XML openpyxl writes depends on whether lxml is installed: compare what the cells hold
    assert _cells((EXAMPLES / "bang-diem-so-nganh.xlsx").read_bytes()) == _cells(made)
    assert (EXAMPLES / "bang-diem-so-nganh.csv").read_bytes() == MAKER.csv_bytes()  # type: ignore[attr-defined]


def test_a_workbook_as_people_keep_it_scores_exactly() -> None:
    path = EXAMPLES / "bang-diem-so-nganh.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["Bìa", "Bảng điểm"]  # a cover sheet first
    book.close()
    assessments = read_assessments(path, RUBRIC, options=NOTES)
    assert_published(assessments)
    # the same scores as the plain table of the bundled data
    plain = parse_scores_csv((ROOT / "tests" / "data" / "sonla-2017-it-provincial.csv").read_bytes(), RUBRIC)
    # the workbook's total column is kept as given (scoring checks it against the sum)
    given = {a.agency.id: {node: value for node, value in a.scores.items() if node != "total"} for a in assessments}
    assert given == {a.agency.id: dict(a.scores) for a in plain}


def test_its_vietnamese_excel_csv_scores_exactly() -> None:
    data = (EXAMPLES / "bang-diem-so-nganh.csv").read_bytes()
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data and b";" in data and b"83,8" in data
    assessments = read_assessments(EXAMPLES / "bang-diem-so-nganh.csv", RUBRIC, options=NOTES)
    assert_published(assessments)
    assert assessments == read_assessments(EXAMPLES / "bang-diem-so-nganh.xlsx", RUBRIC, options=NOTES)


def test_the_examples_score_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("bang-diem-so-nganh.xlsx", "bang-diem-so-nganh.csv"):
        status, out, err = run_cli(
            capsys, ["score", "sonla-2017-it", str(EXAMPLES / name), "--ignore-column", "Ghi chú", "--format", "csv"]
        )
        # the 18 departments of Sơn La's directory were all found; of the districts, nothing was sent
        assert (status, err) == (
            0,
            "Cảnh báo: nhóm 'district': không có phiếu nào (12 cơ quan, đơn vị trong danh mục 'sonla', năm 2017)\n",
        )
        assert "1,so-thong-tin-va-truyen-thong,Sở Thông tin và Truyền thông,83.8" in out


def test_a_column_not_named_with_ignore_column_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    message = refused(EXAMPLES / "bang-diem-so-nganh.xlsx", ReadOptions())
    assert message.startswith(
        f"{EXAMPLES / 'bang-diem-so-nganh.xlsx'}:Bảng điểm!K4: node 'Ghi chú': unknown node 'Ghi chú' in the header"
    )
    assert message.endswith("to leave a column unread, name it with --ignore-column)")
    status, _, err = run_cli(
        capsys, ["score", "sonla-2017-it", str(EXAMPLES / "bang-diem-so-nganh.csv"), "--lang", "en"]
    )
    assert status == 2 and f"{EXAMPLES / 'bang-diem-so-nganh.csv'}:4:11: node 'Ghi chú'" in err
    status, _, err = run_cli(capsys, ["score", "sonla-2017-it", str(EXAMPLES / "bang-diem-so-nganh.csv")])
    assert (
        status == 2
        and f"{EXAMPLES / 'bang-diem-so-nganh.csv'}:4:11: tiêu chí 'Ghi chú': cột 'Ghi chú' không phải" in err
    )


# --- the header row and the sheet ------------------------------------------

HEADER = ["STT", "Tên cơ quan", "Khối", "Hạ tầng kỹ thuật CNTT (10 điểm)", "Nhân lực CNTT", "staff"]


def test_the_header_is_the_first_row_naming_the_agency_column(tmp_path: Path) -> None:
    text = (
        "BẢNG ĐIỂM NĂM 2017;;\n"
        "Đơn vị tính: điểm;;\n"
        ";;\n"
        "Số TT; Cơ quan, đơn vị ;Khối;Hạ tầng kỹ thuật CNTT (tối đa 10)\n"
        "1;Sở Nội vụ;Sở, ban, ngành cấp tỉnh;7\n"
    )
    (assessment,) = read_assessments(write(tmp_path, "a.csv", text), RUBRIC)
    assert (assessment.agency.id, assessment.agency.name, assessment.agency.group) == (
        "so-noi-vu",
        "Sở Nội vụ",
        "provincial",
    )
    assert dict(assessment.scores) == {"infrastructure": Decimal("7")}
    message = refused(write(tmp_path, "b.csv", "BẢNG ĐIỂM\nSTT;Cơ quan chủ quản\n1;Sở Nội vụ\n"))
    assert message == (
        f"{tmp_path / 'b.csv'}:1: no row names the agency column; the header row needs a column agency, "
        "Tên cơ quan, Cơ quan, Tên đơn vị, Đơn vị, 'Cơ quan, đơn vị'"
    )


def test_the_first_sheet_with_a_header_is_read_unless_one_is_named(tmp_path: Path) -> None:
    data = workbook(
        {
            "Bìa": [["ỦY BAN NHÂN DÂN TỈNH SƠN LA"], ["Kết quả đánh giá năm 2017"]],
            "Khối sở": [["Bảng 1"], HEADER[:4], [1, "Sở Nội vụ", "Sở, ban, ngành cấp tỉnh", 7]],
            "Khối huyện": [
                [*HEADER[:3], "Hạ tầng kỹ thuật CNTT (5 điểm)"],
                [1, "Mộc Châu", "UBND huyện, thành phố", 4],
            ],
        }
    )
    path = write(tmp_path, "book.xlsx", data)
    assert [a.agency.id for a in read_assessments(path, RUBRIC)] == ["so-noi-vu"]
    (district,) = read_assessments(path, RUBRIC, options=ReadOptions(sheet="Khối huyện"))
    assert (district.agency.id, district.agency.group) == ("moc-chau", "district")
    assert refused(path, ReadOptions(sheet="Bìa")) == (
        f"{path}:Bìa!1: no row names the agency column; the header row needs a column agency, Tên cơ quan, "
        "Cơ quan, Tên đơn vị, Đơn vị, 'Cơ quan, đơn vị'"
    )
    assert refused(path, ReadOptions(sheet="Khác")) == (
        f"{path}: the workbook has no sheet 'Khác'; its sheets are Bìa, Khối sở, Khối huyện"
    )
    cover_only = write(tmp_path, "cover.xlsx", workbook({"Bìa": [["Kết quả"]]}))
    assert refused(cover_only).startswith(f"{cover_only}: no sheet has a header row that names the agency column")


def test_the_sheet_option_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = workbook(
        {
            "Khối sở": [[*HEADER[:3], "Tổng điểm"], [1, "Sở Nội vụ", "Sở, ban, ngành cấp tỉnh", 70]],
            "Khối huyện": [[*HEADER[:3], "Tổng điểm"], [1, "UBND huyện Mộc Châu", "UBND huyện, thành phố", 64.5]],
        }
    )
    path = write(tmp_path, "book.xlsx", data)
    status, out, _ = run_cli(capsys, ["score", "sonla-2017-it", str(path), "--sheet", "Khối huyện", "--format", "csv"])
    assert status == 0 and "ubnd-huyen-moc-chau" in out and "so-noi-vu" not in out


# --- columns ---------------------------------------------------------------


def test_a_node_column_by_name_or_id_and_a_maximum_that_must_match(tmp_path: Path) -> None:
    header = "agency;group;HẠ TẦNG  kỹ thuật CNTT (10đ);internal_use (tối đa 25);Nhân lực CNTT\n"
    (assessment,) = read_assessments(write(tmp_path, "a.csv", header + "so-noi-vu;provincial;7;20,5;9\n"), RUBRIC)
    assert dict(assessment.scores) == {
        "infrastructure": Decimal("7"),
        "internal_use": Decimal("20.5"),
        "staff": Decimal("9"),
    }
    wrong = header.replace("(10đ)", "(12 điểm)")
    assert refused(write(tmp_path, "b.csv", wrong + "so-noi-vu;provincial;7;20,5;9\n")) == (
        f"{tmp_path / 'b.csv'}:1:3: column 'HẠ TẦNG  kỹ thuật CNTT (12 điểm)' gives the maximum 12, but node "
        "'infrastructure' has the maximum 5, 10 in rubric 'sonla-2017-it'"
    )
    # 5 points is the district maximum: a provincial row under that header is refused
    five = header.replace("(10đ)", "(5 điểm)")
    assert refused(write(tmp_path, "c.csv", five + "so-noi-vu;provincial;4;20,5;9\n")) == (
        f"{tmp_path / 'c.csv'}:2:3: agency 'so-noi-vu', node 'infrastructure': the column gives the maximum 5, "
        "but the node's maximum for group 'provincial' is 10"
    )


def test_a_total_column_is_checked_against_the_sum(tmp_path: Path) -> None:
    row = "so-noi-vu;Sở, ban, ngành cấp tỉnh;7,0;21,7;23,5;9,0;10;6,0;{}\n"
    header = "agency;Nhóm;infrastructure;internal_use;public_services;security;staff;policy;Tổng điểm (100 điểm)\n"
    (assessment,) = read_assessments(write(tmp_path, "a.csv", header + row.format("77,2")), RUBRIC)
    assert assessment.scores["total"] == Decimal("77.2")  # kept as given; scoring checks it against the sum
    assert score(RUBRIC, [assessment]).agency("so-noi-vu").total == Decimal("77.2")
    # scoring refuses a total that disagrees, placed at its cell (validate lists it with the file's other problems)
    cohort = read_scores(write(tmp_path, "b.csv", header + row.format("77,3")), RUBRIC)
    with pytest.raises(GovIndexError) as caught:
        score(RUBRIC, cohort.table)
    located = (
        f"{tmp_path / 'b.csv'}:2:9: agency 'so-noi-vu', node 'total': the score given for this node (77.3) "
        "disagrees with the sum of its sub-criteria (infrastructure 7.0 + internal_use 21.7 + public_services "
        "23.5 + security 9.0 + staff 10.0 + policy 6.0 = 77.2)"
    )
    assert caught.value.file is None and cohort.locate(caught.value).describe("en") == located
    # scoring the cohort itself places the error
    with pytest.raises(GovIndexError) as direct:
        score(RUBRIC, cohort)
    assert direct.value.describe("en") == located
    # a total alone is the agency's total
    alone = "agency;Khối;Tổng điểm\nso-noi-vu;provincial;77,2\n"
    (given,) = read_assessments(write(tmp_path, "c.csv", alone), RUBRIC)
    assert dict(given.scores) == {"total": Decimal("77.2")}


def test_a_group_by_its_name_and_an_unknown_group(tmp_path: Path) -> None:
    text = 'Tên đơn vị,Khối,Tổng điểm\nUBND huyện Mộc Châu,"ubnd huyện,  thành phố",71\n'
    (assessment,) = read_assessments(write(tmp_path, "a.csv", text), RUBRIC)
    assert assessment.agency.group == "district"
    bad = text.replace('"ubnd huyện,  thành phố"', "Huyện")
    assert refused(write(tmp_path, "b.csv", bad)).startswith(
        f"{tmp_path / 'b.csv'}:2:2: agency 'ubnd-huyen-moc-chau': unknown group 'Huyện' in rubric 'sonla-2017-it'"
    )


def test_stt_is_ignored_and_two_columns_for_one_thing_are_refused(tmp_path: Path) -> None:
    text = "STT,agency,Tên cơ quan,group,staff\n1,so-noi-vu,Sở Nội vụ,provincial,9\n"
    (assessment,) = read_assessments(write(tmp_path, "a.csv", text), RUBRIC)
    assert (assessment.agency.id, assessment.agency.name) == ("so-noi-vu", "Sở Nội vụ")
    twice = "agency,group,Khối,staff\nso-noi-vu,provincial,provincial,9\n"
    assert refused(write(tmp_path, "b.csv", twice)) == (
        f"{tmp_path / 'b.csv'}:1:3: column 'Khối' names the same column as 'group' (column 2)"
    )


def test_agency_facts_as_columns_with_vietnamese_headers(tmp_path: Path) -> None:
    text = (
        "agency;group;Có dịch vụ công trực tuyến;Có đơn vị trực thuộc;Đặc thù;Không áp dụng;staff\n"
        "ban-dan-toc;provincial;không;có;có;policy;8\n"
        "so-noi-vu;provincial;;;;;9\n"
    )
    special, plain = read_assessments(write(tmp_path, "a.csv", text), RUBRIC)
    assert (special.agency.has_online_services, special.agency.has_subordinate_units, special.agency.special) == (
        False,
        True,
        True,
    )
    assert special.agency.not_applicable == frozenset({"policy"})
    assert (plain.agency.has_online_services, plain.agency.special) == (True, False)
    wrong = text.replace("không;có;có", "chưa;có;có")
    assert refused(write(tmp_path, "b.csv", wrong)) == (
        f"{tmp_path / 'b.csv'}:2:3: agency 'ban-dan-toc': 'chưa' is not a yes/no value; write true or false "
        "(có or không)"
    )


# --- agencies given by name ------------------------------------------------


def test_names_get_their_stable_ids_from_the_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sonla = load_directory("sonla")
    text = "Tên cơ quan;Tổng điểm\nVăn phòng Ủy ban nhân dân tỉnh;80\nso noi vu;70\nMộc Châu;65\n"
    path = write(tmp_path, "a.csv", text)
    first, second, district = read_assessments(path, RUBRIC, options=ReadOptions(registry=sonla))
    assert (district.agency.id, district.agency.group) == ("huyen-moc-chau", "district")
    assert (first.agency.id, first.agency.name, first.agency.group) == (
        "van-phong-ubnd-tinh",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "provincial",
    )
    assert second.agency.id == "so-noi-vu"
    unknown = write(tmp_path, "b.csv", "Tên cơ quan;Tổng điểm\nSở Không Có;80\n")
    with pytest.raises(GovIndexError) as caught:
        read_assessments(unknown, RUBRIC, options=ReadOptions(registry=sonla))
    assert str(caught.value).startswith(
        f"{unknown}:2:1: cơ quan 'Sở Không Có': không có cơ quan, đơn vị tên 'Sở Không Có' trong danh mục 'sonla'"
    )
    loose = write(tmp_path, "c.csv", "Tên cơ quan;Tổng điểm\nSở Văn hóa Ththao và Du lịch;80\n")
    assert refused(loose, ReadOptions(registry=sonla)) == (
        f"{loose}:2:1: the agency name 'Sở Văn hóa Ththao và Du lịch' is not in registry 'sonla'; the closest is "
        "'Sở Văn hóa, Thể thao và Du lịch' (so-van-hoa-the-thao-va-du-lich): write its name as the registry does"
    )
    status, out, _ = run_cli(capsys, ["score", "sonla-2017-it", str(path), "--registry", "sonla", "--format", "csv"])
    assert status == 0 and "so-noi-vu,so noi vu" in out


# --- the commands docs/files.md shows ----------------------------------------

FILES_MD = ROOT / "docs" / "files.md"


def _commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", FILES_MD.read_text(encoding="utf-8"), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_files_md_shows_commands() -> None:
    assert len(_commands()) >= 3


@pytest.mark.parametrize("command", _commands())
def test_each_files_md_command_runs_as_written(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    assert command.startswith("govindex ")
    assert main(shlex.split(command)[1:]) == 0, capsys.readouterr().err


def test_publish_reads_the_kept_sheet_and_refuses_an_agency_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = str(EXAMPLES / "bang-diem-so-nganh.csv")
    output = tmp_path / "phu-luc.md"
    args = ["publish", "sonla-2017-it", sheet, "--ignore-column", "Ghi chú", "--output", str(output)]
    status, _, err = run_cli(capsys, args)
    # a round of the departments only: the districts' group, of which nothing was found, is warned of
    assert (status, err) == (
        0,
        "Cảnh báo: nhóm 'district': không có phiếu nào (12 cơ quan, đơn vị trong danh mục 'sonla', năm 2017)\n",
    )
    assert "Sở Thông tin và Truyền thông" in output.read_text(encoding="utf-8")
    status, _, err = run_cli(capsys, [*args[:3], "sonla-2017-it", *args[3:], "--lang", "en"])
    assert status == 2
    assert err.startswith(
        "govindex: error: sonla-2017-it: agency 'so-thong-tin-va-truyen-thong': the agency is in two files: "
        f"{sheet} (line 5) and sonla-2017-it; each agency's scores come from one file"
    )
