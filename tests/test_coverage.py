"""Who sent nothing (chưa nộp phiếu): the agencies a directory lists for a round, against those found."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex.cli import main
from govindex.coverage import coverage, excluded_by
from govindex.directory import AgencyDirectory, AgencyRecord
from govindex.io.bundled import load_rubric
from govindex.io.directory import load_directory

ROOT = Path(__file__).resolve().parents[1]
SONLA = load_directory("sonla")
RUBRIC = load_rubric("sonla-2017-it")
DEPARTMENTS_2017 = [record.id for record in SONLA.listed("provincial", 2017) if record.id != "van-phong-ubnd-tinh"]
FOUR = ["so-noi-vu", "so-y-te", "so-tu-phap", "so-ngoai-vu"]


def test_four_of_the_eighteen_departments_name_the_fourteen_missing() -> None:
    assert len(DEPARTMENTS_2017) == 18
    result = coverage(SONLA, RUBRIC, FOUR)
    provincial = result.group("provincial")
    assert list(provincial.found) == [agency for agency in DEPARTMENTS_2017 if agency in FOUR]  # directory order
    assert [record.id for record in provincial.missing] == [a for a in DEPARTMENTS_2017 if a not in FOUR]
    assert len(provincial.missing) == 14
    assert [record.id for record in provincial.excluded] == ["van-phong-ubnd-tinh"]  # the rubric's exclude rule
    assert result.group("district").absent and len(result.group("district").missing) == 12
    assert not result.complete and result.unknown == () and result.not_listed == ()
    missing, absent = result.warnings()
    assert missing.code == "coverage-missing" and missing.group == "provincial"
    assert missing.describe("vi") == (
        "nhóm 'provincial': 14 cơ quan, đơn vị chưa nộp phiếu (danh mục 'sonla', năm 2017): "
        + "; ".join(record.name for record in provincial.missing)
    )
    assert missing.describe("en").startswith(
        "group 'provincial': 14 agencies sent nothing (directory 'sonla', 2017): Sở Thông tin và Truyền thông; "
        "Sở Giáo dục và Đào tạo; Ban Dân tộc; "
    )
    assert absent.describe("vi") == (
        "nhóm 'district': không có phiếu nào (12 cơ quan, đơn vị trong danh mục 'sonla', năm 2017)"
    )
    assert absent.describe("en") == "group 'district': nothing was sent (12 agencies in directory 'sonla', 2017)"


def test_a_complete_round_has_nothing_to_say() -> None:
    districts = [record.id for record in SONLA.listed("district", 2017)]
    result = coverage(SONLA, RUBRIC, [*DEPARTMENTS_2017, *districts])
    assert result.complete and result.missing == () and result.warnings() == ()


def test_the_excluded_agencies_come_from_the_rubric_or_the_caller() -> None:
    assert excluded_by(RUBRIC) == ("van-phong-ubnd-tinh",)
    assert excluded_by(load_rubric("sonla-2024-dti")) == ()
    everyone = coverage(SONLA, RUBRIC, DEPARTMENTS_2017, excluded=())
    assert [record.id for record in everyone.group("provincial").missing] == ["van-phong-ubnd-tinh"]


def test_agencies_the_directory_does_not_know_or_does_not_list_for_the_year() -> None:
    result = coverage(SONLA, RUBRIC, ["so-thong-tin-va-truyen-thong", "so-x", "xa-muong-lan"], year=2025)
    assert result.year == 2025 and result.unknown == ("so-x",)
    assert [item.agency.id for item in result.not_listed] == ["so-thong-tin-va-truyen-thong", "xa-muong-lan"]
    warnings = {warning.agency: warning for warning in result.warnings() if warning.agency}
    assert warnings["so-x"].describe("vi") == "cơ quan 'so-x': không có trong danh mục 'sonla'"
    assert warnings["so-thong-tin-va-truyen-thong"].describe("en") == (
        "agency 'so-thong-tin-va-truyen-thong': directory 'sonla' does not list this agency for 2025 and group "
        "provincial, district: no longer in place at the end of 2025: merged into so-khoa-hoc-va-cong-nghe (2025)"
    )
    assert warnings["so-thong-tin-va-truyen-thong"].describe("vi") == (
        "cơ quan 'Sở Thông tin và Truyền thông': danh mục 'sonla' không liệt kê cơ quan, đơn vị này cho năm 2025 và "
        "nhóm provincial, district: đã không còn vào cuối năm 2025: sáp nhập vào so-khoa-hoc-va-cong-nghe (2025)"
    )
    assert warnings["xa-muong-lan"].describe("en").endswith(": it is in group commune")
    # in 2025 the districts are gone: the group lists nobody and nothing is said of it
    assert result.group("district").listed == () and not any(w.group == "district" for w in result.warnings())


def test_a_group_the_directory_knows_to_be_incomplete_says_so_of_an_unknown_agency() -> None:
    rubric = attrs.evolve(
        RUBRIC, groups=(attrs.evolve(RUBRIC.group("district"), id="commune"),), rules=(), appendix=None
    )
    result = coverage(SONLA, rubric, ["xa-muong-lan", "xa-moi"], year=2026)
    commune = result.group("commune")
    assert commune.incomplete and len(commune.missing) == 6
    unknown = next(warning for warning in result.warnings() if warning.agency == "xa-moi")
    assert unknown.code == "coverage-unknown-incomplete"
    assert unknown.describe("en") == (
        "agency 'xa-moi': not in directory 'sonla' (the directory's list of group commune is incomplete)"
    )
    assert unknown.describe("vi") == (
        "cơ quan 'xa-moi': không có trong danh mục 'sonla' (danh sách nhóm commune của danh mục chưa đầy đủ)"
    )


@given(st.sets(st.sampled_from([*DEPARTMENTS_2017, "so-x", "huyen-moc-chau"])))
def test_every_agency_listed_is_found_missing_or_excluded_once(found: set[str]) -> None:
    result = coverage(SONLA, RUBRIC, sorted(found))
    for group in result.groups:
        parts = [*group.found, *(r.id for r in group.missing), *(r.id for r in group.excluded)]
        assert sorted(parts) == sorted(record.id for record in group.listed)
    assert set(result.unknown) == found - set(SONLA.ids)
    assert result.complete == (not result.warnings())


def test_a_directory_in_memory_and_agencies_given_as_values() -> None:
    from govindex.agency import Agency

    directory = AgencyDirectory(
        "demo", [AgencyRecord("so-a", "Sở A", "provincial"), AgencyRecord("so-b", "Sở B", "provincial")]
    )
    rubric = attrs.evolve(RUBRIC, groups=(RUBRIC.group("provincial"),), rules=(), appendix=None)
    result = coverage(directory, rubric, [Agency("so-a", "Sở A", "provincial")])
    assert [record.id for record in result.missing] == ["so-b"]


# ---------------------------------------------------------------- the command line


def test_validate_warns_of_the_departments_that_sent_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["validate", "--rubric", "sonla-2017-it", str(ROOT / "examples" / "2017" / "tu-danh-gia.yaml")])
    captured = capsys.readouterr()
    assert status == 0
    lines = captured.err.splitlines()
    assert lines[0].startswith(
        "Cảnh báo: nhóm 'provincial': 16 cơ quan, đơn vị chưa nộp phiếu (danh mục 'sonla', năm 2017): "
    )
    assert "Sở Nội vụ" not in lines[0] and "Sở Y tế" not in lines[0] and "Văn phòng UBND tỉnh" not in lines[0]
    assert (
        lines[1] == "Cảnh báo: nhóm 'district': không có phiếu nào (12 cơ quan, đơn vị trong danh mục 'sonla', năm 2017)"
    )
    assert len(lines) == 2


def test_score_warns_in_its_language_and_with_the_directory_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scores = tmp_path / "bon-so.csv"
    scores.write_text(
        "agency,group,infrastructure,internal_use,public_services,security,staff,policy\n"
        + "".join(f"{agency},provincial,5,15,20,5,5,5\n" for agency in FOUR),
        encoding="utf-8",
    )
    assert main(["score", "sonla-2017-it", str(scores), "--lang", "en", "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: group 'provincial': 14 agencies sent nothing (directory 'sonla', 2017): ")
    directory = tmp_path / "hai-so.csv"
    directory.write_text(
        "Mã;Tên;Cấp;Tiền thân;Từ ngày;Chấm dứt từ ngày\nso-noi-vu;Sở Nội vụ;sở;;;\nso-khac;Sở Khác;sở;;;\n",
        encoding="utf-8",
    )
    assert main(["score", "sonla-2017-it", str(scores), "--registry", str(directory), "--format", "csv"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "Cảnh báo: nhóm 'provincial': 1 cơ quan, đơn vị chưa nộp phiếu (danh mục 'hai-so', năm 2017): Sở Khác",
        f"Cảnh báo: {scores}:3: cơ quan 'so-y-te': không có trong danh mục 'hai-so'",
        f"Cảnh báo: {scores}:4: cơ quan 'so-tu-phap': không có trong danh mục 'hai-so'",
        f"Cảnh báo: {scores}:5: cơ quan 'so-ngoai-vu': không có trong danh mục 'hai-so'",
    ]


def test_no_directory_no_warning(capsys: pytest.CaptureFixture[str]) -> None:
    values = ROOT / "examples" / "dti-index-values.csv"
    assert main(["score", "vn-dti-2022-province", str(values), "--values", "index", "--format", "csv"]) == 0
    assert "chưa nộp phiếu" not in capsys.readouterr().err
