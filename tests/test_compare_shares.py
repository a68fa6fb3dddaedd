"""``govindex compare`` states each band's share change in percentage points (điểm phần trăm), in every output."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from filekit import run_cli
from govindex import Agency, Assessment, load_rubric, score
from govindex.comparison import Period, Standing, compare
from govindex.render.comparison import comparison_data, comparison_document

RUBRIC = Path(__file__).resolve().parents[1] / "rubrics" / "sonla-2017-web.yaml"


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    rubric = tmp_path / "web2.yaml"
    rubric.write_text(RUBRIC.read_text(encoding="utf-8") + "share_decimals: 2\n", encoding="utf-8")
    head = "agency,group,name,total\n"
    old = tmp_path / "old.csv"
    old.write_text(head + "so-a,provincial,Sở A,90\nso-b,provincial,Sở B,90\nso-c,provincial,Sở C,60\n", "utf-8")
    new = tmp_path / "new.csv"
    new.write_text(head + "so-a,provincial,Sở A,90\nso-b,provincial,Sở B,60\nso-c,provincial,Sở C,60\n", "utf-8")
    return rubric, old, new


def _args(tmp_path: Path) -> list[str]:
    rubric, old, new = _files(tmp_path)
    return ["compare", f"2019={rubric}:{old}", f"2020={rubric}:{new}"]


WORDED = "2019 → 2020: Tốt: 66,67 % → 33,33 % (giảm 33,34 điểm phần trăm)"


def test_the_text_states_the_change_in_percentage_points_with_a_decimal_comma(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, _args(tmp_path))
    assert code == 0, err
    assert "Thay đổi tỷ lệ xếp loại (điểm phần trăm)" in out and WORDED in out
    assert "2019 → 2020: Trung bình: 33,33 % → 66,67 % (tăng 33,34 điểm phần trăm)" in out
    code, out, err = run_cli(capsys, [*_args(tmp_path), "--lang", "en"])
    assert code == 0, err
    assert "2019 → 2020: Good: 66.67 % → 33.33 % (down 33.34 percentage points)" in out


@pytest.mark.parametrize("suffix", [".md", ".html", ".xlsx"])
def test_the_files_hold_the_change(tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"compare{suffix}"
    code, _, err = run_cli(capsys, [*_args(tmp_path), "--output", str(out)])
    assert code == 0, err
    if suffix == ".xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
        cells = [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row]
        assert WORDED in cells and "Thay đổi (điểm phần trăm)" in cells
        assert zipfile.is_zipfile(out)
    else:
        text = out.read_text(encoding="utf-8")
        assert WORDED in text and "-33,34" in text and "+33,34" in text


def test_the_json_gives_each_band_share_and_its_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, [*_args(tmp_path), "--format", "json"])
    assert code == 0, err
    changes = json.loads(out)["share_changes"]
    assert {
        "from": "2019",
        "to": "2020",
        "group": None,
        "band": "good",
        "share_before": "66.67",
        "share_after": "33.33",
        "change_percentage_points": "-33.34",
    } in changes
    assert sorted({c["group"] or "" for c in changes}) == ["", "provincial"]


def test_whole_shares_and_periods_without_bands() -> None:
    rubric = load_rubric("sonla-2017-web")

    def result(totals: list[str]):  # type: ignore[no-untyped-def]
        cohort = [Assessment(Agency(f"a{i}", f"A{i}", "provincial"), {"total": t}) for i, t in enumerate(totals)]
        return score(rubric, cohort)

    comparison = compare(
        Period.from_result(result(["90", "90", "90", "60"]), year=2017),
        Period.from_result(result(["90", "70", "60", "60"]), year=2018),
    )
    (span,) = comparison.share_changes
    good = next(c for c in span.changes if c.group is None and c.band == "good")
    assert (good.before, good.after, good.points) == (Decimal(75), Decimal(25), Decimal(-50))
    table = comparison_document(comparison, "vi").table("share_changes")
    assert "2017 → 2018: Tốt: 75 % → 25 % (giảm 50 điểm phần trăm)" in table.notes
    published = Period("2021", (Standing("a", "A", "g", Decimal("70"), 1),))
    later = Period("2022", (Standing("a", "A", "g", Decimal("80"), 1),))
    plain = compare(published, later)
    assert plain.share_changes == () and comparison_data(plain)["share_changes"] == []
    assert [t.name for t in comparison_document(plain).tables] == ["comparison"]
