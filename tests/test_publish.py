"""``govindex publish``: the appendix of the 2017 decision in Word, Excel, HTML and Markdown, read back.

Every figure the bundled datasets hold (totals, ranks, category scores and
ranks, group means and band shares) must be in every format, the Vietnamese
way; the same input gives the same bytes; the HTML page opens in a real
browser.
"""

from __future__ import annotations

import html.parser
import io
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from govindex import load_dataset, load_rubric
from govindex.cli import main
from govindex.io.published import list_datasets
from govindex.render.model import format_number

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

DATASETS = [name for name in list_datasets() if name.startswith("sonla-2017")]
SUMMARY = {
    "Điểm trung bình theo khối": "means",
    "Tỷ lệ xếp loại": "shares",
    "Cơ quan không đánh giá": "not_assessed",
    # the sheets of a workbook, named for people
    "Điểm trung bình": "means",
    "Không đánh giá": "not_assessed",
}


def _name(caption: str) -> str:
    """The table a caption belongs to: "Bảng 1.1" for "Bảng 1.1. Xếp hạng ...", else the summary table's name."""
    match = re.match(r"(Bảng \d+(?:\.\d+)?)\. ", caption)
    if match:
        return match.group(1)
    return SUMMARY.get(caption, caption)


# --- reading each format back into {table name: rows of cell texts} ------------------------------


class _HTMLTables(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._rows: list[list[str]] | None = None
        self._row: list[str] | None = None
        self._text: list[str] | None = None
        self._caption = ""
        self.other_tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._rows, self._caption = [], ""
        elif tag == "tr":
            self._row = [] if dict(attrs).get("class") != "section" else None
        elif tag in {"td", "th", "caption"}:
            self._text = []
        elif tag in {"script", "link", "img", "iframe", "object", "embed"}:
            self.other_tags.add(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._text is not None:
            self._caption, self._text = "".join(self._text), None
        elif tag in {"td", "th"} and self._text is not None:
            if self._row is not None:
                self._row.append("".join(self._text))
            self._text = None
        elif tag == "tr" and self._rows is not None and self._row is not None:
            self._rows.append(self._row)
            self._row = None
        elif tag == "table" and self._rows is not None:
            self.tables[_name(self._caption)] = self._rows
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def read_html(data: bytes) -> dict[str, list[list[str]]]:
    parser = _HTMLTables()
    parser.feed(data.decode("utf-8"))
    assert not parser.other_tags, "the page must be self-contained"
    return parser.tables


def read_docx(data: bytes) -> dict[str, list[list[str]]]:
    document = docx.Document(io.BytesIO(data))
    tables: dict[str, list[list[str]]] = {}
    pending: list[list[str]] | None = None
    body = document.element.body
    table_iter = iter(document.tables)
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            table = next(table_iter)
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            pending = [row for row in rows if len(set(row)) > 1 or len(row) == 1]  # merged band rows left out
        elif tag == "p" and pending is not None:
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            if text:
                tables[_name(text)] = pending
                pending = None
    return tables


def read_xlsx(data: bytes) -> dict[str, list[list[str]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    tables: dict[str, list[list[str]]] = {}
    for sheet in workbook.worksheets[1:]:  # the first sheet holds the headings and paragraphs
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(min_row=3, values_only=True)]
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", "no formula cell"
        width = len(rows[0])
        tables[_name(sheet.title)] = [r for r in rows if sum(bool(c) for c in r) > 1 or width == 1]
    return tables


def read_markdown(data: bytes) -> dict[str, list[list[str]]]:
    tables: dict[str, list[list[str]]] = {}
    rows: list[list[str]] = []
    for line in data.decode("utf-8").splitlines():
        if line.startswith("| "):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if not cells[0].startswith("**") and not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        elif line.startswith("*") and line.endswith("*") and rows:
            tables[_name(line.strip("*"))] = rows
            rows = []
    return tables


READERS = {".docx": read_docx, ".xlsx": read_xlsx, ".html": read_html, ".md": read_markdown}


def _publish(tmp_path: Path, dataset: str, suffix: str, *extra: str) -> bytes:
    out = tmp_path / f"appendix-{dataset}{suffix}"
    assert main(["publish", dataset, dataset, "--output", str(out), *extra]) == 0
    return out.read_bytes()


def _expected(dataset: str) -> dict[str, dict[str, tuple[str, str]]]:
    """Per table name, per agency name, the published (score, rank) as the appendix prints them."""
    data = load_dataset(dataset)
    rubric = load_rubric(data.rubric)
    layout = rubric.appendix
    number = 1 if layout is None else layout.first_table
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for group in rubric.groups:
        agencies = [a for a in data.agencies if a.group == group.id]
        if not agencies:
            continue
        table = out.setdefault(f"Bảng {number}", {})
        for agency in agencies:
            table[agency.name] = (
                format_number(agency.published.total, rubric.decimals, "vi"),
                str(agency.published.rank),
            )
        sub = 0
        for node in group.tree.children:
            if not all(node.id in a.scores for a in agencies):
                continue
            sub += 1
            node_table = out.setdefault(f"Bảng {number}.{sub}", {})
            for agency in agencies:
                node_table[agency.name] = (
                    format_number(agency.scores[node.id], rubric.decimals, "vi"),
                    str(agency.published.ranks[node.id]),
                )
        number += 1
    return out


@pytest.mark.parametrize("suffix", sorted(READERS))
@pytest.mark.parametrize("dataset", DATASETS)
def test_every_published_figure_is_in_the_appendix(tmp_path: Path, dataset: str, suffix: str) -> None:
    tables = READERS[suffix](_publish(tmp_path, dataset, suffix))
    for name, expected in _expected(dataset).items():
        assert name in tables, f"{name} missing from the {suffix} appendix (has {sorted(tables)})"
        header, *rows = tables[name]
        assert header == ["STT", "Tên cơ quan", header[2], "Xếp hạng"]
        assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
        found = {row[1]: (row[2], row[3]) for row in rows}
        assert set(found) == set(expected), name
        for agency, (score, rank) in expected.items():
            shown, shown_rank = found[agency]
            if suffix == ".xlsx":
                assert Decimal(shown) == Decimal(score.replace(",", ".")), (name, agency)
            else:
                assert shown == score, (name, agency)
            assert shown_rank == rank, (name, agency)


@pytest.mark.parametrize("suffix", sorted(READERS))
@pytest.mark.parametrize("dataset", DATASETS)
def test_the_summary_holds_the_published_means_and_shares(tmp_path: Path, dataset: str, suffix: str) -> None:
    data = load_dataset(dataset)
    rubric = load_rubric(data.rubric)
    tables = READERS[suffix](_publish(tmp_path, dataset, suffix))
    means = {row[0]: row[2] for row in tables["means"][1:]}
    shares = tables["shares"]
    summary = data.published_summary.groups
    bands = rubric.bands
    assert bands is not None
    assert set(summary) == {group.id for group in rubric.groups}
    for group in rubric.groups:
        figures = summary[group.id]
        assert group.name in means
        if figures.mean is not None:
            assert Decimal(means[group.name].replace(",", ".")) == figures.mean
        column = shares[0].index(f"{group.name} (%)")
        printed = {row[0]: row[column] for row in shares[1:]}
        for band in bands.bands:
            expected = figures.band_shares.get(band.id, 0)
            label = f"Mức {band.label[:1].lower()}{band.label[1:]}"
            if dataset == "sonla-2017-web" and group.id == "provincial":
                continue  # the decision misprints these shares (5/45/28/22 for 1/8/5/4 of 18)
            assert printed[label] == f"{expected}%" or printed[label] == str(expected), (group.id, band.id)


def test_the_ranking_is_split_into_band_sections_with_their_shares(tmp_path: Path) -> None:
    text = _publish(tmp_path, "sonla-2017-it", ".md").decode("utf-8")
    assert "| **A. Mức khá (67%)** |" in text
    assert "| **B. Mức trung bình (28%)** |" in text
    assert "| **C. Mức yếu (5%)** |" in text
    assert "*Bảng 1. Xếp hạng tổng thể mức độ ứng dụng CNTT của các sở, ngành*" in text
    assert "*Bảng 1.1. Xếp hạng hạng mục Hạ tầng kỹ thuật CNTT của các sở, ngành (điểm tối đa 10 điểm)*" in text
    assert "Mức khá: từ 70 điểm đến dưới 85 điểm." in text
    assert "Văn phòng UBND tỉnh không đánh giá năm 2017" in text or "Văn phòng" not in text
    # Ties are listed in input order: Sở Tài chính before Sở Giao thông vận tải (both 71,5, rank 8).
    assert text.index("| 8 | Sở Tài chính | 71,5 | 8 |") < text.index("| 9 | Sở Giao thông vận tải | 71,5 | 8 |")


def test_english_and_overrides(tmp_path: Path) -> None:
    out = tmp_path / "appendix.md"
    assert (
        main(
            [
                "publish",
                "sonla-2017-it",
                "sonla-2017-it",
                "--output",
                str(out),
                "--lang",
                "en",
                "--title",
                "Annex: <IT index> 2017",
                "--caption",
                "provincial.total=Departments, overall",
                "--first-table",
                "7",
                "--mean-decimals",
                "2",
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Annex: &lt;IT index&gt; 2017\n")
    assert "*Table 7. Departments, overall*" in text
    assert "| 1 | Sở Thông tin và Truyền thông | 83.8 | 1 |" in text
    assert "| **A. Fair (67%)** |" in text
    assert "Table 7.1. Ranking on Technical IT infrastructure: Provincial departments (maximum 10 points)" in text
    assert "| Provincial departments | 18 | 67.60 |" in text


def test_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "--output", str(tmp_path / "a.pdf")]) == 2
    assert "không biết định dạng của tệp có phần mở rộng '.pdf'" in capsys.readouterr().err
    out = str(tmp_path / "a.md")
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "--output", out, "--caption", "provincial=x", "--lang", "en"]) == 2
    assert "--caption 'provincial=x': write GROUP.NODE=TEXT" in capsys.readouterr().err
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "--output", out, "--caption", "provincial.nope=x", "--lang", "en"]) == 2
    assert "group 'provincial' has no node 'nope'" in capsys.readouterr().err
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "sonla-2017-it", "--output", out, "--lang", "en"]) == 2
    assert "the agency is in two files: sonla-2017-it and sonla-2017-it" in capsys.readouterr().err
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "sonla-2017-it", "--output", out]) == 2
    assert "cơ quan có trong hai tệp: sonla-2017-it và sonla-2017-it" in capsys.readouterr().err
    assert main(["publish", "sonla-2017-web", "sonla-2017-it", "--output", out]) == 2
    assert "sonla-2017-it: tệp dành cho bộ tiêu chí 'sonla-2017-it', không phải 'sonla-2017-web'" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".html", ".md"])
def test_the_same_input_gives_the_same_bytes(tmp_path: Path, suffix: str) -> None:
    first = _publish(tmp_path, "sonla-2017-it", suffix)
    (tmp_path / f"appendix-sonla-2017-it{suffix}").unlink()
    assert _publish(tmp_path, "sonla-2017-it", suffix) == first


def test_the_appendix_is_safe_with_hostile_names(tmp_path: Path) -> None:
    scores = tmp_path / "scores.csv"
    scores.write_text(
        "agency,group,name,total\n"
        'a,provincial,"=HYPERLINK(""http://x"")",80\n'
        'b,provincial,"<script>alert(1)</script> | x\x1b[2J",70\n',
        encoding="utf-8",
    )
    for suffix in (".html", ".md", ".xlsx", ".docx"):
        out = tmp_path / f"a{suffix}"
        assert main(["publish", "sonla-2017-web", str(scores), "--output", str(out)]) == 0
        data = out.read_bytes()
        if suffix in {".html", ".md"}:
            assert b"\x1b" not in data and b"<script>" not in data
        if suffix == ".xlsx":
            sheet = openpyxl.load_workbook(out)["Bảng 3"]
            names = [row[1] for row in sheet.iter_rows(min_row=4) if row[1].value is not None]
            assert all(cell.data_type == "s" for cell in names)
            assert names[0].value == '=HYPERLINK("http://x")'
            assert all("\x1b" not in cell.value for cell in names)
        if suffix == ".docx":
            text = "".join(cell.text for table in docx.Document(out).tables for row in table.rows for cell in row.cells)
            assert "\x1b" not in text and "\ufffd[2J" in text


# --- the page in a real browser -------------------------------------------------------------


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_the_html_page_opens_in_a_headless_browser(tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        if os.environ.get("GOVINDEX_REQUIRE_BROWSER") == "1":
            pytest.fail("GOVINDEX_REQUIRE_BROWSER=1 but no chromium is installed")
        pytest.skip("no chromium on this machine (CI installs it and sets GOVINDEX_REQUIRE_BROWSER=1)")
    page = tmp_path / "appendix.html"
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "--output", str(page)]) == 0
    profile = tmp_path / "profile"
    completed = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    dom = completed.stdout
    tables = read_html(dom.encode("utf-8"))
    assert set(_expected("sonla-2017-it")) <= set(tables)
    assert "Sở Thông tin và Truyền thông" in dom and "83,8" in dom
    assert dom.count("<svg") >= 2
    # No script error, no console message, no resource the page tried and failed to load.
    page_errors = [
        line for line in completed.stderr.splitlines() if "CONSOLE" in line or "net::ERR" in line or "Uncaught" in line
    ]
    assert page_errors == []
