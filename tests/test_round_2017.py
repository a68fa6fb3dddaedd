"""The 2017 round of Sơn La's IT index, end to end through the command line, as docs/round.md runs it.

Blank forms for every agency -> the agencies fill them in (three send nothing) -> collect -> validate ->
appraisal forms from the self-assessments, changed with reasons -> collect -> reconcile (reasons shown) ->
publish (refused, then the three missing agencies listed) -> a result sheet per agency with the reasons.
Each step's output is checked, not only its exit status.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

openpyxl = pytest.importorskip("openpyxl")

from filekit import run_cli  # noqa: E402
from govindex import load_rubric  # noqa: E402
from govindex.assessment import Source  # noqa: E402
from govindex.formlayout import APPRAISAL_HEADER, APPRAISAL_SHEET, FORM_HEADER, FORM_SHEET  # noqa: E402
from govindex.io.cohort import read_assessments  # noqa: E402
from govindex.io.collect import collect  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SHIPPED = EXAMPLES / "round-2017"
IT_2017 = load_rubric("sonla-2017-it")
MISSING = {"so-ngoai-vu": "Sở Ngoại vụ", "huyen-sop-cop": "Huyện Sốp Cộp", "huyen-quynh-nhai": "Huyện Quỳnh Nhai"}
#: the appraisal team's changes (as the shipped appraisal forms hold them): agency, node -> (points, reason)
CHANGES = {
    ("so-noi-vu", "infrastructure"): (Decimal("7.0"), "Không có tài liệu kiểm chứng (minh họa)"),
    ("so-y-te", "security"): (Decimal("8"), "Chưa có quy chế an toàn thông tin được ban hành (minh họa)"),
    ("huyen-moc-chau", "public_services"): (Decimal("13.2"), "Số liệu dịch vụ công chưa khớp hệ thống (minh họa)"),
}


def _header_row(sheet: Any, first: str) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == first)


def _node_rows(sheet: Any) -> dict[str, int]:
    start = _header_row(sheet, "STT")
    return {str(sheet.cell(row=r, column=2).value): r for r in range(start + 1, sheet.max_row + 1)}


def _fill(form: Path, scores: dict[str, Decimal]) -> None:
    """An agency types its points into its blank form in Excel (the leaves' rows; the totals are formulas)."""
    book = openpyxl.load_workbook(form)
    sheet = book[FORM_SHEET]
    rows = _node_rows(sheet)
    column = FORM_HEADER.index("Điểm tự đánh giá") + 1
    for node, points in scores.items():
        assert not str(sheet.cell(row=rows[node], column=column).value or "").startswith("=")
        sheet.cell(row=rows[node], column=column).value = float(points) if points % 1 else int(points)  # float-ok
    book.save(form)


def _appraise(form: Path, node: str, points: Decimal, reason: str) -> None:
    """The appraisal team changes one score of an appraisal form and writes why."""
    book = openpyxl.load_workbook(form)
    sheet = book[APPRAISAL_SHEET]
    row = _node_rows(sheet)[node]
    sheet.cell(row=row, column=APPRAISAL_HEADER.index("Điểm thẩm định") + 1).value = float(points)  # float-ok
    sheet.cell(row=row, column=APPRAISAL_HEADER.index("Lý do điều chỉnh") + 1).value = reason
    book.save(form)


def _docx_text(path: Path) -> str:
    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")


def test_the_2017_round_runs_end_to_end_through_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("docx")
    monkeypatch.chdir(tmp_path)
    shipped_self = {a.agency.id: a for a in collect([SHIPPED / "tu-danh-gia"], IT_2017)}
    shipped_appraised = {a.agency.id: a for a in collect([SHIPPED / "tham-dinh"], IT_2017)}

    # 1. blank forms: one per agency of the province's list for 2017, the Office (kept out by the rubric) aside
    status, out, err = run_cli(capsys, ["template", "sonla-2017-it", "--each-agency", "--output", "phieu"])
    assert status == 0, err
    blank = sorted(path.stem for path in Path("phieu").iterdir())
    assert len(blank) == 30 and "van-phong-ubnd-tinh" not in blank
    assert set(blank) == set(shipped_self) | set(MISSING)
    book = openpyxl.load_workbook("phieu/so-noi-vu.xlsx")
    sheet = book[FORM_SHEET]
    header = _header_row(sheet, "STT")
    assert tuple(sheet.cell(row=header, column=c).value for c in range(1, 9)) == FORM_HEADER
    assert any(sheet.cell(row=r, column=3).value == "Sở Nội vụ" for r in range(1, header))
    assert run_cli(capsys, ["template", "sonla-2017-it", "--each-agency", "--output", "phieu"])[0] == 2  # kept

    # 2. the agencies fill them in; three send nothing
    for agency_id in MISSING:
        Path(f"phieu/{agency_id}.xlsx").unlink()
    for agency_id, assessment in shipped_self.items():
        _fill(Path(f"phieu/{agency_id}.xlsx"), dict(assessment.scores))

    # 3. collect the self-assessments: every form read, the three missing named
    status, out, err = run_cli(capsys, ["collect", "sonla-2017-it", "phieu", "--output", "tu-danh-gia.yaml"])
    assert status == 0, err
    assert out == "đã gộp 27 cơ quan từ 27 tệp vào tu-danh-gia.yaml\n"
    assert "chưa nộp phiếu (danh mục 'sonla', năm 2017): Sở Ngoại vụ\n" in err
    assert "chưa nộp phiếu (danh mục 'sonla', năm 2017): Huyện Sốp Cộp; Huyện Quỳnh Nhai\n" in err
    collected = read_assessments("tu-danh-gia.yaml", IT_2017)
    assert {a.agency.id: dict(a.scores) for a in collected} == {k: dict(a.scores) for k, a in shipped_self.items()}
    assert {a.source for a in collected} == {Source.SELF}

    # 4. validate: no error, the missing agencies warned of
    status, out, err = run_cli(capsys, ["validate", "tu-danh-gia.yaml", "--rubric", "sonla-2017-it"])
    assert status == 0, err
    assert "tu-danh-gia.yaml: không có lỗi (tệp đánh giá, 27 cơ quan" in out
    assert err.count("chưa nộp phiếu") == 2 and "Huyện Quỳnh Nhai" in err

    # 5. appraisal forms from the filled self-assessments; the team changes three scores, each with a reason
    status, out, err = run_cli(capsys, ["template", "sonla-2017-it", "--from", "phieu", "--output", "tham-dinh"])
    assert status == 0, err
    made = sorted(path.stem for path in Path("tham-dinh").iterdir())
    assert made == sorted(shipped_self)
    sheet = openpyxl.load_workbook("tham-dinh/so-noi-vu.xlsx")[APPRAISAL_SHEET]
    header = _header_row(sheet, "STT")
    assert tuple(sheet.cell(row=header, column=c).value for c in range(1, 9)) == APPRAISAL_HEADER
    for (agency_id, node), (points, reason) in CHANGES.items():
        _appraise(Path(f"tham-dinh/{agency_id}.xlsx"), node, points, reason)
    status, out, err = run_cli(capsys, ["collect", "sonla-2017-it", "tham-dinh", "--output", "tham-dinh.xlsx"])
    assert status == 0, err
    appraised = read_assessments("tham-dinh.xlsx", IT_2017)
    assert {a.agency.id: dict(a.scores) for a in appraised} == {k: dict(a.scores) for k, a in shipped_appraised.items()}
    assert {a.agency.id: dict(a.reasons) for a in appraised if a.reasons} == {
        agency_id: {node: reason} for (agency_id, node), (_points, reason) in CHANGES.items()
    }

    # 6. reconcile: each change, largest first, with its reason
    status, out, err = run_cli(
        capsys, ["reconcile", "tu-danh-gia.yaml", "tham-dinh.xlsx", "--table", "differences", "--format", "csv"]
    )
    assert status == 0, err
    assert out.splitlines()[1:] == [
        "provincial,so-noi-vu,Sở Nội vụ,infrastructure,Hạ tầng kỹ thuật CNTT,10.0,9.0,7.0,-2.0,"
        "Không có tài liệu kiểm chứng (minh họa)",
        "provincial,so-y-te,Sở Y tế,security,Công tác đảm bảo an toàn thông tin,10.0,10.0,8.0,-2.0,"
        "Chưa có quy chế an toàn thông tin được ban hành (minh họa)",
        "district,huyen-moc-chau,Huyện Mộc Châu,public_services,Ứng dụng CNTT phục vụ người dân và doanh "
        "nghiệp,30.0,16.0,13.2,-2.8,Số liệu dịch vụ công chưa khớp hệ thống (minh họa)",
    ]

    # 7. publish: refused while the three agencies are unaccounted for, then published listing them
    status, out, err = run_cli(capsys, ["publish", "sonla-2017-it", "tham-dinh.xlsx", "--output", "phu-luc.md"])
    assert status == 2 and not Path("phu-luc.md").exists()
    assert "3 cơ quan trong danh sách cơ quan của tỉnh (sonla, năm 2017) chưa nộp phiếu: Sở Ngoại vụ; " in err
    assert "--missing list" in err
    for name in ("phu-luc.md", "phu-luc.docx"):
        status, out, err = run_cli(
            capsys, ["publish", "sonla-2017-it", "tham-dinh.xlsx", "--missing", "list", "--output", name]
        )
        assert status == 0, err
    page = Path("phu-luc.md").read_text(encoding="utf-8")
    assert "Kết quả thẩm định." in page and "3247/QĐ-UBND" in page
    section = page[page.index("## Cơ quan chưa nộp phiếu") :]
    for name in MISSING.values():
        assert f"| {name} |" in section and name not in page[: page.index("## Cơ quan chưa nộp phiếu")]
    assert "| 1 | Sở Ngoại vụ | Sở, ban, ngành cấp tỉnh | chưa nộp phiếu |" in section
    assert "Không có cơ quan nào bị loại khỏi đánh giá" not in page
    word = _docx_text(Path("phu-luc.docx"))
    assert "PHỤ LỤC" in word and "Cơ quan chưa nộp phiếu" in word and "Huyện Quỳnh Nhai" in word

    # 8. a result sheet per agency, self-assessment against appraisal with the reasons
    status, out, err = run_cli(
        capsys,
        ["publish", "sonla-2017-it", "tham-dinh.xlsx", "--each-agency", "--self", "tu-danh-gia.yaml",
         "--format", "markdown", "--output", "thong-bao"],
    )  # fmt: skip
    assert status == 0, err
    sheets = sorted(path.stem for path in Path("thong-bao").iterdir())
    assert sheets == sorted(shipped_appraised)
    noi_vu = Path("thong-bao/so-noi-vu.md").read_text(encoding="utf-8")
    assert "Kết quả thẩm định." in noi_vu
    assert "Tổng điểm tự đánh giá: 79,2; tổng điểm thẩm định: 77,2; chênh lệch: -2,0." in noi_vu
    assert "xếp hạng: 2/17 trong nhóm Sở, ban, ngành cấp tỉnh" in noi_vu
    assert (
        "| infrastructure | Hạ tầng kỹ thuật CNTT | 10 | 9,0 | 7,0 | -2,0 | Không có tài liệu kiểm chứng (minh họa) |"
        in noi_vu
    )
    moc_chau = Path("thong-bao/huyen-moc-chau.md").read_text(encoding="utf-8")
    assert "Số liệu dịch vụ công chưa khớp hệ thống (minh họa)" in moc_chau
    tu_phap = Path("thong-bao/so-tu-phap.md").read_text(encoding="utf-8")
    assert "minh họa" not in tu_phap and "chênh lệch: 0,0." in tu_phap
    status, out, err = run_cli(
        capsys,
        ["publish", "sonla-2017-it", "tham-dinh.xlsx", "--each-agency", "--self", "tu-danh-gia.yaml",
         "--output", "thong-bao-word"],
    )  # fmt: skip
    assert status == 0, err
    assert len(list(Path("thong-bao-word").glob("*.docx"))) == 27
    assert "Không có tài liệu kiểm chứng (minh họa)" in _docx_text(Path("thong-bao-word/so-noi-vu.docx"))

    # the collected files agree with the shipped forms read directly, in JSON too
    status, out, err = run_cli(capsys, ["collect", "sonla-2017-it", str(SHIPPED / "tham-dinh"), "-o", "gop.json"])
    assert status == 0, err
    data = json.loads(Path("gop.json").read_text(encoding="utf-8"))
    reasons = {entry["id"]: entry["reasons"] for entry in data["agencies"] if entry.get("reasons")}
    assert reasons == {agency_id: {node: reason} for (agency_id, node), (_points, reason) in CHANGES.items()}


def test_blank_forms_of_one_group_and_what_each_agency_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run_cli(
        capsys, ["template", "sonla-2017-it", "--each-agency", "--group", "district", "-o", str(tmp_path / "huyen")]
    )
    assert status == 0, err
    made = sorted(path.name for path in (tmp_path / "huyen").iterdir())
    assert len(made) == 12 and "huyen-sop-cop.xlsx" in made and "thanh-pho-son-la.xlsx" in made
    sheet = openpyxl.load_workbook(tmp_path / "huyen" / "huyen-sop-cop.xlsx")[FORM_SHEET]
    assert any(sheet.cell(row=r, column=3).value == "Huyện Sốp Cộp" for r in range(1, 10))
    listed = EXAMPLES / "2025" / "danh-muc-vi-du.csv"  # a province's own list: the units in place at the end of 2017
    status, _out, err = run_cli(
        capsys, ["template", "sonla-2017-it", "--each-agency", "--registry", str(listed), "-o", str(tmp_path / "ds")]
    )
    assert status == 0, err
    assert sorted(path.name for path in (tmp_path / "ds").iterdir()) == [
        "huyen-mau-bac.xlsx",
        "huyen-mau-nam.xlsx",
        "so-mau-hai.xlsx",
        "so-mau-mot.xlsx",
    ]
    status, _out, err = run_cli(
        capsys, ["template", "sonla-2017-it", "--each-agency", "--agency", "Sở Nội vụ", "-o", str(tmp_path / "x")]
    )
    assert (
        status == 2
        and err == "govindex: lỗi: --each-agency lập phiếu cho mọi cơ quan: không dùng cùng --agency hoặc --from\n"
    )
    rubric = EXAMPLES / "rules" / "rubric.yaml"
    status, _out, err = run_cli(
        capsys, ["template", str(rubric), "--trust-rules", "--each-agency", "-o", str(tmp_path / "y"), "--lang", "en"]
    )
    assert status == 2 and not (tmp_path / "y").exists()
    assert "the rubric 'example-late-report' has no province's directory of agencies; give one with --registry" in err


def test_a_folder_stands_for_its_score_files_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_cli(
        capsys, ["score", "sonla-2017-it", str(SHIPPED / "tham-dinh"), "--format", "csv", "--lang", "en"]
    )
    assert status == 0, err
    assert len(out.splitlines()) == 1 + 27 and "so-noi-vu,Sở Nội vụ,77.2," in out
    (tmp_path / "trong").mkdir()
    (tmp_path / "trong" / "ghi-chu.txt").write_text("không phải tệp điểm", encoding="utf-8")
    status, _out, err = run_cli(capsys, ["score", "sonla-2017-it", str(tmp_path / "trong")])
    assert status == 2
    assert f"{tmp_path / 'trong'}: thư mục không có tệp điểm nào (.xlsx, .csv, .yaml, .yml, .json)" in err
    status, out, err = run_cli(
        capsys, ["validate", str(SHIPPED / "tu-danh-gia"), "--rubric", "sonla-2017-it", "--together"]
    )
    assert status == 0, err
    assert out.count(": không có lỗi (biểu mẫu của govindex template, 1 cơ quan") == 27
    assert f"{SHIPPED / 'tu-danh-gia' / 'so-noi-vu.xlsx'}: không có lỗi" in out
    assert "Huyện Quỳnh Nhai" in err


@pytest.mark.parametrize("command", [["reconcile", "TU", "TD"], ["report", "sonla-2017-it", "TD"]])
def test_a_chart_never_overwrites_a_file_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    pytest.importorskip("matplotlib")
    files = {"TU": str(SHIPPED / "tu-danh-gia"), "TD": str(SHIPPED / "tham-dinh")}
    args = [files.get(item, item) for item in command]
    chart = tmp_path / "bieu-do.png"
    chart.write_bytes(b"a chart drawn by hand")
    rubric = ["--rubric", "sonla-2017-it"] if command[0] == "reconcile" else []
    status, _out, err = run_cli(capsys, [*args, *rubric, "--plot", str(chart)])
    assert status == 2 and f"govindex: lỗi: {chart}: tệp đã có; chọn tên khác hoặc cho phép ghi đè (--force)" in err
    assert chart.read_bytes() == b"a chart drawn by hand"
    status, _out, err = run_cli(capsys, [*args, *rubric, "--plot", str(chart), "--force"])
    assert status == 0, err
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_reconcile_given_folders_checks_each_appraisal_form_against_its_agencys_own_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "tu-danh-gia"
    shutil.copytree(SHIPPED / "tu-danh-gia", mine)
    book = openpyxl.load_workbook(mine / "so-tu-phap.xlsx")
    sheet = book[FORM_SHEET]
    sheet.cell(row=_node_rows(sheet)["staff"], column=FORM_HEADER.index("Điểm tự đánh giá") + 1).value = 1
    book.save(mine / "so-tu-phap.xlsx")
    appraised = SHIPPED / "tham-dinh"
    status, _out, err = run_cli(
        capsys, ["reconcile", str(mine), str(appraised), "--rubric", "sonla-2017-it", "--lang", "en"]
    )
    assert status == 2
    assert err.startswith(
        f"govindex: error: {appraised / 'so-tu-phap.xlsx'}:Phiếu thẩm định!E20: agency 'so-tu-phap', node 'staff': "
        f"the self-assessed score 5.8 in the appraisal form differs from 1 in the self-assessment file "
        f"{mine / 'so-tu-phap.xlsx'}"
    )
