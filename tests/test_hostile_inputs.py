"""Hostile files through the command line: each refused with its place, status 2, no traceback, bounded.

One test (or one parametrised test) per way in that a review of hostile
files found:

- a dataset file's ``rubric:`` is a rubric file beside it, read (never run)
  and only when it is a regular file, by ``reproduce`` and ``compare``;
- a tiny workbook claiming a row numbered 2,000,000,000, or holding millions
  of empty rows, is refused by Excel's limits and the cell limit, and every
  file a command reads honours ``--max-bytes``;
- a lone surrogate, a noncharacter or a control character in a rubric's
  names is refused when the rubric is read, at its line;
- a huge publication scale, view scale or ``normalise`` target is refused
  when the rubric is read (``--values index`` too);
- ``template`` refuses a rubric year a workbook cannot date at its line;
- ``validate`` of a table with very many columns prints a bounded list and
  the count;
- plain-text ``explain`` keeps one line per line whatever a name holds;
- the output of ``score --format json`` with fractional ranks, byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from filekit import run_cli
from govindex.catalogue.hostile import SystemReason, system_reason
from govindex.io import ReadOptions, read_scores
from govindex.rubric import Rubric

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

SMALL = """\
id: small
title: Bộ chỉ số nhỏ
year: 2024
decimals: 2
tie_policy: fractional
legal_basis: {decision: 1/QĐ-UBND, date: 2024-01-02, issuer: UBND tỉnh}
groups:
  - id: g
    name: Nhóm
    tree:
      id: total
      name: Tổng điểm
      max_points: 20
      children:
        - {id: a, name: Tiêu chí A, max_points: 10}
        - {id: b, name: Tiêu chí B, max_points: 10}
"""

SCORES = "agency,name,a,b\nx,Cơ quan X,5,5\ny,Cơ quan Y,6,4\nz,Cơ quan Z,9,9\nw,Cơ quan W,1,1\n"


def _files(tmp_path: Path, rubric: str = SMALL, scores: str = SCORES) -> tuple[Path, Path]:
    rubric_path = tmp_path / "small.yaml"
    rubric_path.write_text(rubric, encoding="utf-8")
    scores_path = tmp_path / "scores.csv"
    scores_path.write_text(scores, encoding="utf-8")
    return rubric_path, scores_path


def _refused(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    """The one error line of a refused command (status 2, nothing on standard output)."""
    status, out, err = run_cli(capsys, args)
    assert (status, out) == (2, ""), err
    assert err.startswith("govindex: lỗi: ") or err.startswith("govindex: error: ")
    return err


# --- a dataset's rubric -----------------------------------------------------------------------------


def _dataset_naming(tmp_path: Path, rubric: str) -> Path:
    text = Path("rubrics/published/sonla-2017-web.yaml").read_text(encoding="utf-8")
    assert "rubric: sonla-2017-web\n" in text
    path = tmp_path / "dataset.yaml"
    path.write_text(text.replace("rubric: sonla-2017-web\n", f"rubric: {rubric}\n"), encoding="utf-8")
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", ["reproduce", "compare"])
def test_a_dataset_naming_a_pipe_or_a_device_as_its_rubric_is_refused(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")  # reading it would wait for a writer forever
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")  # reading it would never end
    (tmp_path / "folder.yaml").mkdir()
    for name in ("pipe.yaml", "zero.yaml", "folder.yaml"):
        dataset = _dataset_naming(tmp_path, name)
        args = ["reproduce", str(dataset)] if command == "reproduce" else ["compare", "2016=sonla-2017-web", str(dataset)]
        err = _refused(capsys, args)
        assert err == (
            f"govindex: lỗi: {dataset}: rubric: tệp '{name}' mà bộ dữ liệu ghi không phải một tệp thường "
            "(mà là ống dẫn, thiết bị hoặc thư mục)\n"
        )
    err = _refused(capsys, ["reproduce", str(dataset), "--lang", "en"])
    assert err == (
        f"govindex: error: {dataset}: rubric: the file 'folder.yaml' that the dataset names is not a regular file "
        "(but a pipe, a device or a folder)\n"
    )


@pytest.mark.parametrize("command", ["reproduce", "compare"])
def test_a_rubric_named_by_a_dataset_never_runs_its_rules_file(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "rules.py").write_text(f"open({str(marker)!r}, 'w').write('x')\nRULES = {{}}\n", encoding="utf-8")
    rubric = Path("rubrics/sonla-2017-web.yaml").read_text(encoding="utf-8") + "rule_files: [rules.py]\n"
    (tmp_path / "web.yaml").write_text(rubric, encoding="utf-8")
    dataset = _dataset_naming(tmp_path, "web.yaml")
    args = ["reproduce", str(dataset)] if command == "reproduce" else ["compare", "2016=sonla-2017-web", str(dataset)]
    status, out, _ = run_cli(capsys, args)
    assert status == 0 and out
    assert not marker.exists()


def test_compare_reads_no_input_over_the_byte_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = _dataset_naming(tmp_path, "sonla-2017-web")
    size = dataset.stat().st_size
    err = _refused(capsys, ["compare", "2016=sonla-2017-web", str(dataset), "--max-bytes", "1000"])
    shown = f"{size:,}".replace(",", " ")
    assert err == (
        f"govindex: lỗi: {dataset}: tệp có {shown} byte, nhiều hơn giới hạn 1 000 byte; nếu tệp đúng, nâng giới "
        "hạn bằng --max-bytes (max_bytes=)\n"
    )


# --- workbooks: rows the file claims ------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_BOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Điểm" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BOOK_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
_HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>agency</t></is></c><c r="B1" t="inlineStr"><is><t>a</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>b</t></is></c></row>'
)


def _workbook(path: Path, rows: str) -> Path:
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1:C2000000000"/><sheetData>{rows}</sheetData></worksheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_an_empty_row_numbered_two_billion_is_refused_with_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric, _ = _files(tmp_path)
    path = _workbook(tmp_path / "far.xlsx", _HEADER_ROW + '<row r="2000000000"/>')
    assert path.stat().st_size < 5_000
    err = _refused(capsys, ["score", str(rubric), str(path)])
    assert err == (
        f"govindex: lỗi: {path}:Điểm: ô A2000000000 nằm ngoài giới hạn của một trang tính "
        "(1 048 576 dòng, 16 384 cột)\n"
    )
    status, out, _ = run_cli(capsys, ["validate", "--rubric", str(rubric), str(path), "--lang", "en"])
    assert status == 2
    assert f"{path}:Điểm: cell A2000000000 lies outside a worksheet's limits" in out


_LAST = '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c><c><v>2</v></c></row>'


def test_empty_rows_count_against_the_cell_limit_and_memory_stays_small(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric, _ = _files(tmp_path)
    empty = "<row/>" * 100_000  # 600 KB of XML in a workbook of a few kilobytes
    path = _workbook(tmp_path / "empty.xlsx", _HEADER_ROW + empty + _LAST)
    assert path.stat().st_size < 20_000
    err = _refused(capsys, ["score", str(rubric), str(path), "--max-cells", "50000"])
    assert err == (
        f"govindex: lỗi: {path}:Điểm!49999: bảng có hơn 50 000 ô; nếu tệp đúng, nâng giới hạn bằng --max-cells "
        "(max_cells=)\n"
    )
    from govindex.io.rubrics import read_rubric

    small: Rubric = read_rubric(rubric)
    tracemalloc.start()
    try:
        cohort = read_scores(path, small, options=ReadOptions(max_cells=1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert cohort.places["x"] == (str(path), "Điểm", 100_002)  # read to the end, row numbers kept
    assert peak < 10_000_000  # no list of 100,000 empty rows, no buffer of the byte limit: bounded by the cells


def test_every_file_a_command_reads_honours_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric, scores = _files(tmp_path)
    registry = tmp_path / "registry.csv"
    registry.write_text("x" * 500, encoding="utf-8")
    size = rubric.stat().st_size
    err = _refused(capsys, ["score", str(rubric), str(scores), "--max-bytes", "200"])
    assert err.startswith(f"govindex: lỗi: {rubric}: tệp có {size} byte, nhiều hơn giới hạn 200 byte")
    err = _refused(capsys, ["score", "sonla-2017-it", str(scores), "--registry", str(registry), "--max-bytes", "200"])
    assert err == f"govindex: lỗi: {registry}: tệp danh mục lớn hơn 200 byte\n"
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    err = _refused(capsys, ["score", str(tmp_path / "zero.yaml"), str(scores)])
    assert err == (
        f"govindex: lỗi: {tmp_path / 'zero.yaml'}: đây không phải một tệp thường (thiết bị hoặc thư mục); "
        "hãy đưa một tệp\n"
    )
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    err = _refused(capsys, ["score", str(rubric), str(scores), "--registry", str(tmp_path / "zero.csv")])
    assert err.startswith(f"govindex: lỗi: {tmp_path / 'zero.csv'}: đây không phải một tệp thường")


def test_a_missing_file_and_a_full_disk_are_said_in_the_language() -> None:
    assert system_reason(FileNotFoundError(2, "No such file or directory")) is SystemReason.NO_SUCH_FILE
    assert SystemReason.DISK_FULL.text("vi") == "đĩa đã đầy"
    assert system_reason(OSError(99999, "strange")) == "strange"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["validate", "sonla-2017-it"], ["explain", "sonla-2017-it", "sonla-2017-it", "so-noi-vu"], ["rubrics"]]
)
def test_standard_output_on_a_full_disk_is_a_clean_refusal(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "govindex.cli", *args], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert done.returncode == 2
    assert done.stderr == "govindex: lỗi: không ghi được ra đầu ra chuẩn: đĩa đã đầy\n"


# --- names a file cannot hold ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown", "char"),
    [
        ('"A\\uDC80"', "A\\udc80", "U+DC80"),  # a lone surrogate
        ('"A\\uFFFE"', "A\\ufffe", "U+FFFE"),
        ('"A\\uFFFF"', "A\\uffff", "U+FFFF"),
        ('"Tiêu chí\\x1b[2J"', "Tiêu chí\\u001b[2J", "U+001B"),  # a terminal escape
        ('"Tiêu chí\\u202E A"', "Tiêu chí\\u202e A", "U+202E"),  # a bidirectional override
    ],
)
def test_a_name_no_file_can_hold_is_refused_when_the_rubric_is_read(
    written: str, shown: str, char: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SMALL.replace("name: Tiêu chí A", f"name: {written}")
    rubric, scores = _files(tmp_path, text)
    line = text.splitlines().index(f"        - {{id: a, name: {written}, max_points: 10}}") + 1
    column = len("        - {id: a, name: ") + 1
    where = f"{rubric}:{line}:{column}: groups[0].tree.children[0].name"
    message = (
        f"văn bản '{shown}' chứa ký tự {char} không dùng được (ký tự điều khiển, ký tự thay thế đơn lẻ hoặc "
        "không phải ký tự)"
    )
    status, out, _ = run_cli(capsys, ["validate", str(rubric)])
    assert status == 2
    assert out.splitlines()[0] == f"{where}: {message}"
    for args in (["score", str(rubric), str(scores)], ["template", str(rubric), "--group", "g", "-o", "t.xlsx"]):
        assert _refused(capsys, args) == f"govindex: lỗi: {where}: {message}\n"
    assert not Path("t.xlsx").exists()


def test_a_rubric_year_a_workbook_cannot_date_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for year in ("0", "10000"):
        rubric, _ = _files(tmp_path, SMALL.replace("year: 2024", f"year: {year}"))
        err = _refused(capsys, ["template", str(rubric), "--group", "g", "-o", str(tmp_path / "t.xlsx")])
        assert err.startswith(f"govindex: lỗi: {rubric}:3:7: year: ")
        assert year in err
    assert not (tmp_path / "t.xlsx").exists()


# --- huge scales --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ('publication: {scale: 1.0e+300000, decimals: 4, label: "0-1"}\n', "6:22: publication.scale"),
        (
            "views:\n  - {id: v, name: V, nodes: [a, b], publication: {scale: 1.0e+300000, decimals: 2}}\n",
            "7:58: views[0].publication.scale",
        ),
        ("rules:\n  - {name: normalise, params: {to: 1.0e+300000, decimals: 2}}\n", "7:36: rules[0].params.to"),
    ],
)
@pytest.mark.parametrize("values", ["points", "index"])
def test_a_huge_scale_is_refused_when_the_rubric_is_read(
    extra: str, where: str, values: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SMALL.replace("tie_policy: fractional\n", "tie_policy: fractional\n" + extra)
    rubric, scores = _files(tmp_path, text, "agency,name,a,b\nx,Cơ quan X,0.5,0.5\n")
    err = _refused(capsys, ["score", str(rubric), str(scores), "--values", values])
    assert err.startswith(f"govindex: lỗi: {rubric}:{where}: ")
    assert "1.0E+300000" in err


# --- bounded output -------------------------------------------------------------------------------------


def test_validate_of_a_very_wide_table_prints_a_bounded_list_and_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    columns = 20_000
    header = "agency,name," + ",".join(f"c{n}" for n in range(columns))
    rubric, scores = _files(tmp_path, SMALL, header + "\nx,X," + ",".join("1" for _ in range(columns)) + "\n")
    status, out, _ = run_cli(capsys, ["validate", "--rubric", str(rubric), str(scores)])
    assert status == 2
    lines = out.splitlines()
    assert len(lines) < 250 and len(out) < 100_000
    assert lines[0].startswith(f"{scores}:1:3: tiêu chí 'c0': cột 'c0' không phải tiêu chí nào")
    assert lines[-1] == f"Tìm thấy {columns + 1} lỗi."


def test_a_line_break_in_any_name_keeps_one_line_per_line_in_explain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forged = "\nTổng điểm, điểm tối đa 99"
    text = SMALL.replace("name: Tiêu chí A", 'name: "A\\nTổng điểm, điểm tối đa 99"')
    rubric, scores = _files(tmp_path, text, SCORES.replace("Cơ quan X", f'"Cơ quan X{forged}"'))
    status, out, _ = run_cli(capsys, ["explain", str(rubric), str(scores), "x"])
    assert status == 0
    assert out.splitlines() == [
        "Cơ quan X⏎Tổng điểm, điểm tối đa 99, nhóm Nhóm",
        "Tổng điểm, điểm tối đa 20",
        "  tổng điểm của 2 tiêu chí: A⏎Tổng điểm, điểm tối đa 99 5,00 + Tiêu chí B 5,00 = 10,00",
        "  điểm: 10,00",
        "  xếp hạng: 2,5 trong nhóm Nhóm",
    ]


# --- fractional ranks, byte for byte ------------------------------------------------------------------


def test_score_json_writes_fractional_ranks_byte_for_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric, scores = _files(tmp_path)
    status, out, _ = run_cli(capsys, ["score", str(rubric), str(scores), "--format", "json"])
    assert status == 0
    expected = (
        '{"rubric":"small","results":['
        '{"agency":"z","name":"Cơ quan Z","group":"g","total":"18.00","band":null,"band_label":null,"rank":1,'
        '"nodes":{"a":{"score":"9.00","rank":1},"b":{"score":"9.00","rank":1}}},'
        '{"agency":"x","name":"Cơ quan X","group":"g","total":"10.00","band":null,"band_label":null,"rank":"2.5",'
        '"nodes":{"a":{"score":"5.00","rank":3},"b":{"score":"5.00","rank":2}}},'
        '{"agency":"y","name":"Cơ quan Y","group":"g","total":"10.00","band":null,"band_label":null,"rank":"2.5",'
        '"nodes":{"a":{"score":"6.00","rank":2},"b":{"score":"4.00","rank":3}}},'
        '{"agency":"w","name":"Cơ quan W","group":"g","total":"2.00","band":null,"band_label":null,"rank":4,'
        '"nodes":{"a":{"score":"1.00","rank":4},"b":{"score":"1.00","rank":4}}}]}'
    )
    assert out.rstrip("\n") == expected
    assert out.endswith("\n") or out == expected
    ranks = [row["rank"] for row in json.loads(out)["results"]]
    assert ranks == [1, "2.5", "2.5", 4]


def test_reproduce_reads_no_dataset_over_the_byte_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = _dataset_naming(tmp_path, "sonla-2017-web")
    shown = f"{dataset.stat().st_size:,}".replace(",", " ")
    err = _refused(capsys, ["reproduce", str(dataset), "--max-bytes", "500"])
    assert err.startswith(f"govindex: lỗi: {dataset}: tệp có {shown} byte, nhiều hơn giới hạn 500 byte")
    status, _, _ = run_cli(capsys, ["reproduce", "sonla-2017-web", "--max-bytes", "500"])  # a bundled one is not held
    assert status == 0


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("registry.yaml", 'id: reg\nname: Danh mục\nagencies:\n  - {id: x, name: "Cơ quan X\\uDC80", group: g}\n'),
        ("registry.csv", "code,name,level,predecessors,from,until\nx,Cơ quan X\ufffe,so,,,\n"),
    ],
)
def test_a_registry_name_no_file_can_hold_is_refused_at_its_place(
    name: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric, scores = _files(tmp_path)
    registry = tmp_path / name
    registry.write_text(text, encoding="utf-8")
    err = _refused(capsys, ["score", str(rubric), str(scores), "--registry", str(registry)])
    char = "U+DC80" if name.endswith(".yaml") else "U+FFFE"
    where = "4:19: agencies[0].name" if name.endswith(".yaml") else "2:2: cơ quan 'Cơ quan X\\ufffe'"
    shown = "Cơ quan X\\udc80" if name.endswith(".yaml") else "Cơ quan X\\ufffe"
    assert err.startswith(f"govindex: lỗi: {registry}:{where}: văn bản '{shown}' chứa ký tự {char} không dùng được")


@pytest.mark.parametrize("command", ["score", "validate", "explain", "report"])
def test_ignoring_the_agency_column_is_refused_by_every_command(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric, scores = _files(tmp_path)
    args = {
        "score": ["score", str(rubric), str(scores)],
        "validate": ["validate", "--rubric", str(rubric), str(scores)],
        "explain": ["explain", str(rubric), str(scores), "x"],
        "report": ["report", str(rubric), str(scores)],
    }[command]
    status, out, err = run_cli(capsys, [*args, "--ignore-column", "agency"])
    assert status == 2
    message = f"{scores}:1:1: không thể bỏ qua cột 'agency': bộ đọc cần cột này (nó cho biết cơ quan của mỗi dòng)"
    assert message in out + err


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ({"rules": ["a\x00b.py"]}, "a\\0b.py: tệp quy tắc không tồn tại"),
        ({"registry": "a\x00b.csv"}, "a\\0b.csv: không đọc được danh mục: đường dẫn có ký tự NUL"),
        ({"rubric": "a\x00b.yaml"}, "a\\0b.yaml: không đọc được bộ tiêu chí: đường dẫn có ký tự NUL"),
    ],
)
def test_a_nul_in_any_path_is_refused_and_shown_escaped(option: dict[str, object], expected: str, tmp_path: Path) -> None:
    from govindex.cli.pipeline import Inputs, run
    from govindex.errors import FileFormatError

    rubric, scores = _files(tmp_path)
    chosen: dict[str, object] = {"rubric": str(rubric), "sources": [str(scores)], **option}
    with pytest.raises(FileFormatError) as caught:
        run(Inputs(**chosen))  # type: ignore[arg-type]
    assert str(caught.value) == expected
