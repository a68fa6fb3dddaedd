"""``govindex publish --merge-into``: both rankings of one year in one appendix, the units after the mergers as a
second cohort, as ``score --merge-into`` ranks them."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from filekit import run_cli
from govindex.cli.pipeline import Appendix, Inputs, appendix_of, load, merged, read, score_cohort

ROOT = Path(__file__).resolve().parents[1]
RUBRIC = str(ROOT / "examples" / "dti-2024-index.yaml")
SCORES = str(ROOT / "examples" / "dti-2024-da-nang-quang-nam.csv")
MERGERS = str(ROOT / "examples" / "provinces-2025-merger.yaml")


def _document(lang: str = "vi", year: int | None = None):  # type: ignore[no-untyped-def]
    inputs = Inputs(rubric=RUBRIC, sources=[SCORES])
    methodology = load(inputs)
    cohort = read(inputs, methodology)
    result = score_cohort(methodology, cohort)
    shape = Appendix(merge_into=MERGERS, merge_year=year)
    return result, appendix_of(methodology, cohort, result, shape, lang)


def test_the_appendix_holds_both_cohorts_numbered_on() -> None:
    result, document = _document()
    first, second = document.table("Bảng 1"), document.table("Bảng 2")
    assert [row[1:] for row in first.rows] == [
        ("Thành phố Đà Nẵng", Decimal("0.8335"), 1),
        ("Tỉnh Quảng Nam", Decimal("0.5803"), 2),
    ]
    assert [row[1:] for row in second.rows] == [("Thành phố Đà Nẵng", Decimal("0.7069"), 1)]
    after = merged(result, MERGERS)
    assert [(row.agency.id, row.total, row.rank) for row in after] == [("da-nang", Decimal("0.7069"), 1)]
    headings = [block.text for block in document.blocks if type(block).__name__ == "Heading"]
    assert "Xếp hạng các đơn vị sau sắp xếp, hợp nhất năm 2025" in headings
    names = [table.name for table in document.tables]
    assert len(names) == len(set(names)) and "merged_means" in names
    english = _document("en")[1]
    assert "Ranking of the units after the mergers of 2025" in [
        block.text for block in english.blocks if type(block).__name__ == "Heading"
    ]


def test_the_second_cohort_is_what_score_merge_into_gives(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, ["score", RUBRIC, SCORES, "--merge-into", MERGERS, "--format", "json"])
    assert code == 0, err
    scored = [(row["agency"], row["total"], row["rank"]) for row in json.loads(out)["results"]]
    assert scored == [("da-nang", "0.7069", 1)]
    target = tmp_path / "dti.xlsx"
    code, _, err = run_cli(capsys, ["publish", RUBRIC, SCORES, "--merge-into", MERGERS, "--output", str(target)])
    assert code == 0, err
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    assert book.sheetnames[1:] == ["Bảng 1", "Điểm trung bình", "Bảng 2", "Điểm trung bình (sau hợp nhất)"]
    cells = [v for row in book["Bảng 2"].iter_rows(values_only=True) for v in row]
    assert "Thành phố Đà Nẵng" in cells and "Tỉnh Quảng Nam" not in cells


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_every_format_holds_the_second_cohort(capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"dti{suffix}"
    code, _, err = run_cli(capsys, ["publish", RUBRIC, SCORES, "--merge-into", MERGERS, "--output", str(target)])
    assert code == 0, err
    if suffix == ".docx":
        docx = pytest.importorskip("docx")
        word = docx.Document(io.BytesIO(target.read_bytes()))
        text = "\n".join(p.text for p in word.paragraphs)
        text += "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    else:
        text = target.read_text(encoding="utf-8")
    assert "Xếp hạng các đơn vị sau sắp xếp, hợp nhất năm 2025" in text and "0,7069" in text


def test_a_bad_directory_is_refused_without_a_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "dti.md"
    missing = str(tmp_path / "nowhere.yaml")
    code, _, err = run_cli(capsys, ["publish", RUBRIC, SCORES, "--merge-into", missing, "--output", str(target)])
    assert code == 2 and "nowhere.yaml" in err and "Traceback" not in err and not target.exists()


def test_a_year_without_mergers_is_refused_not_published_twice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "phu-luc.md"
    for command in (
        ["score", RUBRIC, SCORES, "--format", "json"],
        ["publish", RUBRIC, SCORES, "--output", str(target)],
    ):
        code, out, err = run_cli(capsys, [*command, "--merge-into", MERGERS, "--merge-year", "2024"])
        assert code == 2 and out == ""
        assert "không ghi nhận đơn vị nào hợp nhất từ năm 2024 đến hết năm 2024" in err
        assert "--merge-year" in err
    assert not target.exists()
    code, _, err = run_cli(
        capsys, ["score", RUBRIC, SCORES, "--merge-into", MERGERS, "--merge-year", "2024", "--lang", "en"]
    )
    assert code == 2 and "records no merger from 2024 to the end of 2024: nothing to merge" in err
