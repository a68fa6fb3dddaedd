"""Charts, rendered headless: band distribution, ranking, rank movement."""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import struct
import sys
import warnings
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govindex import load_dataset, load_rubric, score, statistics
from govindex.cli import main
from govindex.errors import FileFormatError, InputError, MissingDependencyError
from report_helpers import scored

pytest.importorskip("matplotlib")

from govindex.render import plots


@pytest.fixture(scope="module")
def result_2017():
    return score(
        load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments("provincial", not_assessed=False)
    )


def check_png(path: Path, min_size: int = 5_000) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 200 and height > 200
    assert len(data) > min_size
    assert data.rstrip(b"\x00")[-8:-4] == b"IEND"
    return width, height


def check_svg(path: Path, min_size: int = 5_000) -> ET.Element:
    data = path.read_bytes()
    assert len(data) > min_size
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(list(root.iter())) > 50  # drawn elements, not an empty canvas
    return root


def save_strict(figure, path: Path) -> None:
    """Save with warnings as errors: a missing glyph (a Vietnamese letter drawn as a box) fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots.save_figure(figure, path)


SLOPE = [
    ("Sở Nội vụ", 2, 1),
    ("Sở Y tế", 1, 3),
    ("Sở Khoa học và Công nghệ", None, 2),  # merged in: new in the second ranking
    ("Sở Thông tin và Truyền thông", 3, None),  # merged away
    ("Sở Tài chính", Decimal("4.5"), 4),
]


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_band_distribution(tmp_path: Path, result_2017, suffix: str) -> None:
    figure = plots.band_distribution(result_2017)
    path = tmp_path / f"bands{suffix}"
    save_strict(figure, path)
    check_png(path) if suffix == ".png" else check_svg(path)
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["Sở, ban, ngành cấp tỉnh"]
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["Tốt", "Khá", "Trung bình", "Yếu"]
    english = plots.band_distribution(result_2017, lang="en").axes[0]
    assert [t.get_text() for t in english.get_legend().get_texts()] == ["Good", "Fair", "Average", "Weak"]
    assert [t.get_text() for t in english.get_xticklabels()] == ["Provincial departments"]
    heights = sorted(round(p.get_height()) for p in axes.patches if p.get_height())
    assert heights == [1, 5, 12]


def test_band_shares_with_two_groups(tmp_path: Path) -> None:
    result = scored({"provincial": ["91.48", "89.94", "73.20", "60.00"], "district": ["89.77", "84.13", "40.00"]})
    figure = plots.band_distribution(statistics(result), shares=True)
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == [
        "Sở, ban, ngành",
        "UBND huyện, thành phố",
        "Chung",
    ]
    texts = {t.get_text() for t in axes.texts}
    assert {"50%", "25%", "33%", "34%"} <= texts
    save_strict(figure, tmp_path / "shares.png")
    check_png(tmp_path / "shares.png")


def test_ranking_chart(tmp_path: Path, result_2017) -> None:
    figure = plots.ranking_chart(result_2017)
    save_strict(figure, tmp_path / "ranking.png")
    width, height = check_png(tmp_path / "ranking.png")
    assert height > width * 0.6  # 18 agencies stacked
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[0] == "1. Sở Thông tin và Truyền thông"
    assert labels[-1] == "17. Sở Nông nghiệp và Phát triển nông thôn"
    colours = {tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in axes.patches}
    assert len(colours) == 3  # Fair, Average, Weak
    save_strict(figure, tmp_path / "ranking.svg")
    check_svg(tmp_path / "ranking.svg")


def test_ranking_chart_one_group_of_two(tmp_path: Path) -> None:
    result = scored({"provincial": ["91.48", "89.94"], "district": ["89.77", "84.13"]})
    assert len(plots.ranking_chart(result).axes) == 2
    figure = plots.ranking_chart(result, "district")
    assert len(figure.axes) == 1
    save_strict(figure, tmp_path / "district.svg")
    check_svg(tmp_path / "district.svg")


def test_slope_chart(tmp_path: Path) -> None:
    figure = plots.slope_chart(SLOPE, labels=("2024", "2025"))
    save_strict(figure, tmp_path / "slope.png")
    check_png(tmp_path / "slope.png")
    save_strict(figure, tmp_path / "slope.svg")
    check_svg(tmp_path / "slope.svg")
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert "Sở Nội vụ (2)" in texts and "(1) Sở Nội vụ" in texts
    assert "(2) Sở Khoa học và Công nghệ" in texts and "Sở Khoa học và Công nghệ (None)" not in texts
    assert "Sở Thông tin và Truyền thông (3)" in texts
    assert figure.axes[0].get_title() == "Thay đổi thứ hạng: 2024 → 2025"
    assert "Sở Tài chính (4,5)" in texts
    english = plots.slope_chart(SLOPE, lang="en")
    assert english.axes[0].get_title() == "Rank movement: Before → After"
    assert "Sở Tài chính (4.5)" in [t.get_text() for t in english.axes[0].texts]


def test_slope_chart_from_a_reconciliation(tmp_path: Path) -> None:
    from govindex import reconcile

    rubric = load_rubric("sonla-2017-it")
    appraised = load_dataset("sonla-2017-it").assessments("provincial", not_assessed=False)
    outcome = reconcile(rubric, appraised, appraised)
    figure = plots.slope_chart(outcome.rank_movements(), labels=("self", "appraised"))
    save_strict(figure, tmp_path / "rec.png")
    check_png(tmp_path / "rec.png")


@given(
    st.lists(
        st.tuples(
            st.text(min_size=1, max_size=20),
            st.one_of(st.none(), st.integers(min_value=1, max_value=63)),
            st.one_of(st.none(), st.integers(min_value=1, max_value=63)),
        ).filter(lambda m: m[1] is not None or m[2] is not None),
        min_size=1,
        max_size=12,
    )
)
@settings(max_examples=25)
def test_slope_chart_takes_any_plain_movements(movements: list[tuple[str, int | None, int | None]]) -> None:
    figure = plots.slope_chart(movements)
    drawn = sum(1 for _, old, new in movements for r in (old, new) if r is not None)
    assert len(figure.axes[0].texts) == drawn


def test_refusals(tmp_path: Path, result_2017) -> None:
    cases = [
        (lambda: plots.slope_chart([]), "there is no rank movement to chart", "không có thay đổi thứ hạng nào để vẽ"),
        (
            lambda: plots.slope_chart([("Sở A", None, None)]),
            "agency 'Sở A': the agency has no rank on either side",
            "cơ quan 'Sở A': cơ quan không có thứ hạng ở cả hai bên",
        ),
        (
            lambda: plots.slope_chart([("Sở A", 0, 1)]),
            "agency 'Sở A': rank 0 is not a rank (an integer or Decimal from 1)",
            "cơ quan 'Sở A': 0 không phải là một thứ hạng",
        ),
        (
            lambda: plots.slope_chart([("Sở A", 1)]),  # type: ignore[list-item]
            "a movement is (label, old rank, new rank), not ('Sở A', 1)",
            "một thay đổi thứ hạng gồm (tên, hạng cũ, hạng mới)",
        ),
        (
            lambda: plots.band_distribution(scored({"provincial": ["0.26"]}, bands=False)),
            "rubric 'test-flat' has no bands to chart",
            "bộ chỉ số 'test-flat' không có mức xếp loại để vẽ",
        ),
        (
            lambda: plots.ranking_chart(result_2017, "district"),
            "group 'district': there is no assessed agency to chart",
            "nhóm 'district': không có cơ quan nào được đánh giá để vẽ",
        ),
    ]
    for call, english, vietnamese in cases:
        with pytest.raises(InputError) as caught:
            call()
        assert english in caught.value.describe("en")
        assert vietnamese in caught.value.describe("vi")
    figure = plots.slope_chart(SLOPE)
    with pytest.raises(FileFormatError) as refused:
        plots.save_figure(figure, tmp_path / "chart.pdf")
    assert refused.value.describe("en").endswith(
        "chart.pdf: cannot tell the chart format from the extension '.pdf'; use .png or .svg"
    )
    assert refused.value.describe("vi").endswith(
        "chart.pdf: không biết định dạng biểu đồ của phần mở rộng '.pdf'; dùng .png hoặc .svg"
    )
    with pytest.raises(FileFormatError) as unwritten:
        plots.save_figure(figure, tmp_path / "missing" / "chart.png")
    assert unwritten.value.code == "render-chart-cannot-write"


def test_without_matplotlib(monkeypatch: pytest.MonkeyPatch, result_2017) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependencyError) as caught:
        plots.ranking_chart(result_2017)
    assert caught.value.describe("en") == (
        "this needs matplotlib (the extra plot), which is not installed; install it with: pip install "
        "'matplotlib>=3.7' (or, in the govindex source folder: pip install '.[plot]')"
    )
    assert str(caught.value) == (
        "cần gói matplotlib (gói mở rộng plot) nhưng gói này chưa được cài; cài bằng: pip install "
        "'matplotlib>=3.7' (hoặc, trong thư mục mã nguồn govindex: pip install '.[plot]')"
    )


# --- command line ------------------------------------------------------------------------


@pytest.mark.parametrize(("chart", "suffix"), [("bands", ".png"), ("shares", ".svg"), ("ranking", ".png")])
def test_cli_report_plot(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], chart: str, suffix: str
) -> None:
    path = tmp_path / f"chart{suffix}"
    scores = str(data_dir / "sonla-2017-it-provincial.csv")
    assert main(["report", "sonla-2017-it", scores, "--plot", str(path), "--chart", chart]) == 0
    assert "67,6" in capsys.readouterr().out
    check_png(path) if suffix == ".png" else check_svg(path)


def test_cli_reconcile_plot(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = str(data_dir / "sonla-2017-it-provincial.csv")
    path = tmp_path / "movement.svg"
    assert main(["reconcile", scores, scores, "--rubric", "sonla-2017-it", "--plot", str(path)]) == 0
    check_svg(path)


def test_cli_plot_refusal(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = str(data_dir / "sonla-2017-it-provincial.csv")
    assert main(["report", "sonla-2017-it", scores, "--plot", str(tmp_path / "chart.jpg")]) == 2
    assert "không biết định dạng biểu đồ của phần mở rộng '.jpg'; dùng .png hoặc .svg" in capsys.readouterr().err


def test_the_glyph_check_catches_missing_glyphs(tmp_path: Path) -> None:
    # DejaVu Sans has every Vietnamese letter but no Chinese characters: the strict save must notice.
    with pytest.raises(UserWarning, match="missing from font"):
        save_strict(plots.slope_chart([("漢字", 1, 2)]), tmp_path / "cjk.png")


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_the_same_chart_gives_the_same_bytes(tmp_path: Path, result_2017, suffix: str) -> None:
    plots.save_figure(plots.ranking_chart(result_2017), tmp_path / f"a{suffix}")
    plots.save_figure(plots.ranking_chart(result_2017), tmp_path / f"b{suffix}")
    assert (tmp_path / f"a{suffix}").read_bytes() == (tmp_path / f"b{suffix}").read_bytes()
