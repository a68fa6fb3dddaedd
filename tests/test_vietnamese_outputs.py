"""With the default language, what people read holds no English word, no id and no decimal point.

The outputs of ``compare``, ``report``, ``reconcile`` (against an appraisal
and against published figures), ``publish`` (every format) and the charts
are read back as text (every cell of a workbook, every paragraph and cell of
a Word document, the text of an HTML page, the text drawn on a chart) and
checked against the word list below: the English words these outputs used
to print, and the ids of the agencies, groups and criteria of the data.
With ``--lang en`` the same outputs speak English with decimal points.
"""

from __future__ import annotations

import html.parser
import io
import os
import re
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

import pytest

from govindex import load_dataset, load_rubric
from govindex.cli import main

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")
pytest.importorskip("matplotlib")

#: English words the outputs printed before they were worded from the catalogue (and a few more).
ENGLISH = [
    "absent",
    "absorbed",
    "abolished",
    "agencies",
    "agency",
    "agreement",
    "always",
    "and",
    "appendix",
    "appraisal",
    "appraised",
    "assessed",
    "average",
    "band",
    "bands",
    "best",
    "bound",
    "by",
    "change",
    "changed",
    "chart",
    "compared",
    "comparison",
    "computed",
    "continuing",
    "count",
    "decision",
    "decimals",
    "difference",
    "different",
    "differences",
    "differs",
    "entered",
    "exact",
    "fair",
    "figure",
    "figures",
    "for",
    "formed",
    "from",
    "good",
    "group",
    "groups",
    "in",
    "into",
    "is",
    "leaders",
    "left",
    "maximum",
    "mean",
    "means",
    "merged",
    "method",
    "minimum",
    "movement",
    "name",
    "new",
    "no",
    "node",
    "not",
    "note",
    "notes",
    "of",
    "on",
    "or",
    "overall",
    "per",
    "percentages",
    "places",
    "points",
    "pooled",
    "published",
    "rank",
    "ranking",
    "ranks",
    "reason",
    "recomputed",
    "remainder",
    "result",
    "results",
    "rounded",
    "rounding",
    "rule",
    "score",
    "scores",
    "self",
    "share",
    "shares",
    "split",
    "statistics",
    "status",
    "table",
    "the",
    "to",
    "total",
    "weak",
    "with",
    "yes",
]

_WORD = re.compile(r"[^\W\d]+")  # letters (diacritics included): "toàn" is one word, not "to" and "àn"
_DECIMAL_POINT = re.compile(r"\d\.\d")
#: Tables are numbered as decisions number them, "Bảng 1.1.": a number of a section, not a decimal point.
_NUMBERED = re.compile(r"Bảng \d+(?:\.\d+)*")


def _ids() -> set[str]:
    rubric = load_rubric("sonla-2017-it")
    dataset = load_dataset("sonla-2017-it")
    ids = {node.id for group in rubric.groups for node in group.tree.walk()} | set(rubric.group_ids)
    ids |= {a.id for a in dataset.agencies} | {a.id for a in dataset.not_assessed}
    return ids | {"sonla-2017-it", "not_assessed", "ROUND_HALF_UP"}


IDS = _ids()


def _check(text: str, where: str) -> None:
    """No English word (as a whole word), no id, no decimal point."""
    words = {word.lower() for word in _WORD.findall(text)}
    english = sorted(words & set(ENGLISH))
    assert not english, f"{where}: English words {english}"
    ids = sorted(i for i in IDS if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text))
    assert not ids, f"{where}: ids {ids}"
    found = _DECIMAL_POINT.search(_NUMBERED.sub("", text))
    assert found is None, f"{where}: a decimal point in {text[max(0, found.start() - 40) : found.end() + 40]!r}"


class _Text(html.parser.HTMLParser):
    """The text of an HTML page: every text node (inline SVG included), not the style sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag == "style"

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_text(data: bytes) -> str:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return "\n".join(parser.parts)


def _xlsx_text(data: bytes) -> str:
    """Every sheet name and every text cell (numbers are numbers: Excel shows them as the reader's locale does)."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    parts = list(workbook.sheetnames)
    for sheet in workbook.worksheets:
        parts += [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str)]
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


READ = {
    ".txt": lambda data: data.decode("utf-8"),
    ".md": lambda data: data.decode("utf-8"),
    ".html": _html_text,
    ".xlsx": _xlsx_text,
    ".docx": _docx_text,
}


def _outputs(tmp_path: Path, name: str, argv: list[str], suffixes: tuple[str, ...]) -> dict[str, str]:
    """The command's output in every format asked for, read back as text."""
    texts: dict[str, str] = {}
    for suffix in suffixes:
        out = tmp_path / f"{name}{suffix}"
        assert main([*argv, "--output", str(out)]) in (0, 1), (name, suffix)
        texts[suffix] = READ[suffix](out.read_bytes())
    return texts


@pytest.fixture
def files(tmp_path: Path, data_dir: Path) -> dict[str, Path]:
    """The 2017 appraisal of the departments, a self-assessment that differs, and a published table."""
    appraised = data_dir / "sonla-2017-it-provincial.csv"
    lines = appraised.read_text(encoding="utf-8").splitlines()
    mine = [lines[0]] + [line.replace(",9.0,24.8,", ",10,24.8,") for line in lines[1:]]
    mine.append("so-moi,provincial,Sở Mới thành lập,5,5,5,5,5,5")
    self_file = tmp_path / "tu-danh-gia.csv"
    self_file.write_text("\n".join(mine) + "\n", encoding="utf-8")
    dataset = load_dataset("sonla-2017-it")
    published = ["agency,published,rank"]
    for agency in dataset.agencies:
        if agency.group == "provincial":
            total = agency.published.total + (1 if agency.id == "so-noi-vu" else 0)
            published.append(f"{agency.id},{total},{agency.published.rank}")
    published.append("so-khong-ro,50.5,19")
    table = tmp_path / "cong-bo.csv"
    table.write_text("\n".join(published) + "\n", encoding="utf-8")
    return {"appraised": appraised, "self": self_file, "published": table}


HUMAN = (".txt", ".md", ".html", ".xlsx", ".docx")


def test_compare_speaks_vietnamese(tmp_path: Path) -> None:
    argv = ["compare", "sonla-2017-it", "2025=sonla-2017-it:examples/2025/later.csv", "--registry", "sonla"]
    for suffix, text in _outputs(tmp_path, "so-sanh", argv, HUMAN).items():
        _check(text, f"compare {suffix}")
        assert "hợp nhất: tiếp nhận Sở Thông tin và Truyền thông (2025)" in text
        assert "Xếp hạng 2017" in text and "tiếp tục" in text


def test_report_speaks_vietnamese(tmp_path: Path, data_dir: Path) -> None:
    argv = ["report", "sonla-2017-it", "examples/2017/tham-dinh-so-nganh.xlsx"]
    for suffix, text in _outputs(tmp_path, "bao-cao", argv, HUMAN).items():
        _check(text, f"report {suffix}")
        assert "Thống kê theo nhóm" in text and "Dẫn đầu" in text


def test_reconcile_against_an_appraisal_speaks_vietnamese(tmp_path: Path, files: dict[str, Path]) -> None:
    argv = ["reconcile", str(files["self"]), str(files["appraised"]), "--rubric", "sonla-2017-it"]
    for suffix, text in _outputs(tmp_path, "doi-chieu", argv, HUMAN).items():
        _check(text, f"reconcile {suffix}")
        assert "Chênh lệch theo tiêu chí" in text and "chỉ có trong tự đánh giá" in text


def test_reconcile_against_published_figures_speaks_vietnamese(
    tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["reconcile", str(files["appraised"]), "--published", str(files["published"]), "--rubric", "sonla-2017-it"]
    for suffix, text in _outputs(tmp_path, "cong-bo", argv, (".txt", ".md", ".html", ".xlsx")).items():
        _check(text, f"reconcile --published {suffix}")
        assert "chênh lệch thực sự" in text and "chỉ có trong số liệu công bố" in text
    assert main(argv) == 1
    _check(capsys.readouterr().out, "reconcile --published on the terminal")


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".html", ".md"])
def test_publish_speaks_vietnamese_in_every_format(tmp_path: Path, suffix: str) -> None:
    text = _outputs(tmp_path, "phu-luc", ["publish", "sonla-2017-it", "sonla-2017-it"], (suffix,))[suffix]
    _check(text, f"publish {suffix}")
    assert "Bảng 1." in text and "Tổng hợp kết quả" in text


def _chart_texts(figure: object) -> str:
    import matplotlib.text

    return "\n".join(t.get_text() for t in figure.findobj(matplotlib.text.Text))  # type: ignore[attr-defined]


def test_charts_speak_vietnamese(tmp_path: Path, files: dict[str, Path]) -> None:
    from govindex import reconcile, score, statistics
    from govindex.io import read_assessments
    from govindex.render import plots

    rubric = load_rubric("sonla-2017-it")
    result = score(rubric, load_dataset("sonla-2017-it").assessments())
    mine = read_assessments(files["self"], rubric)
    theirs = read_assessments(files["appraised"], rubric)
    figures = {
        "bands": plots.band_distribution(result),
        "shares": plots.band_distribution(statistics(result), shares=True),
        "ranking": plots.ranking_chart(result),
        "movement": plots.slope_chart(reconcile(rubric, mine, theirs).rank_movements()),
        "fractional ranks": plots.slope_chart([("Sở Tài chính", 2, 1), ("Sở Y tế", 1, 2)]),
    }
    for name, figure in figures.items():
        figure.canvas.draw()  # the tick labels exist once drawn
        _check(_chart_texts(figure), f"chart {name}")
    english = plots.ranking_chart(result, lang="en")
    english.canvas.draw()
    assert "Ranking:" in _chart_texts(english) and "Fair" in _chart_texts(english)


def test_the_commands_draw_vietnamese_charts(
    tmp_path: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from govindex.render import plots

    drawn: list[object] = []
    monkeypatch.setattr(plots, "save_figure", lambda figure, path, **kw: drawn.append(figure))
    for chart in ("bands", "shares", "ranking"):
        plot = ["--plot", str(tmp_path / "c.svg"), "--chart", chart]
        assert main(["report", "sonla-2017-it", "examples/2017/tham-dinh-so-nganh.xlsx", *plot]) == 0
    argv = ["reconcile", str(files["self"]), str(files["appraised"]), "--rubric", "sonla-2017-it"]
    assert main([*argv, "--plot", str(tmp_path / "m.png")]) == 0
    assert len(drawn) == 4
    for figure in drawn:
        figure.canvas.draw()  # type: ignore[attr-defined]
        _check(_chart_texts(figure), "a chart of a command")
    assert "Tự đánh giá" in _chart_texts(drawn[-1])


def test_english_is_the_opposite(tmp_path: Path) -> None:
    text = _outputs(
        tmp_path,
        "report-en",
        ["report", "sonla-2017-it", "examples/2017/tham-dinh-so-nganh.xlsx", "--lang", "en"],
        (".md",),
    )[".md"]
    assert "Statistics per group" in text and "Leaders (ranks 1-3)" in text
    assert _DECIMAL_POINT.search(text) is not None
    assert "Thống kê" not in text
