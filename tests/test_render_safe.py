"""Nothing injected: formula cells, forged Markdown rows, control characters and HTML, in every writer."""

from __future__ import annotations

import csv
import html
import io
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import Agency, Assessment, score
from govindex.cli import main
from govindex.render import Column, Document, Table, render
from govindex.render.results import result_document
from govindex.render.safe import FORMULA_TRIGGERS, csv_cell, markdown_cell, one_line, unprotect_csv_cell, visible
from report_helpers import flat_rubric

openpyxl = pytest.importorskip("openpyxl")

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
    "Sở A | B\n| forged | row |",
    "Sở \x1b[31mđỏ\x1b[0m\x07",
    '<script>alert("x")</script> & "Sở"',
]


def hostile_table() -> Table:
    return Table(
        "t",
        [Column("name"), Column("total", decimals=1), Column("difference", decimals=1)],
        [[name, Decimal("71.5"), Decimal("-1.5")] for name in HOSTILE],
    )


def test_csv_cells_never_start_a_formula() -> None:
    rows = list(csv.reader(io.StringIO(render(hostile_table(), "csv"), newline="")))
    assert rows[0] == ["name", "total", "difference"]
    for (name, total, difference), original in zip(rows[1:], HOSTILE, strict=True):
        assert not name.startswith(FORMULA_TRIGGERS)
        assert unprotect_csv_cell(name) == visible(original)
        assert (total, difference) == ("71.5", "-1.5")  # numbers stay numbers


def test_excel_vn_csv_is_safe_too() -> None:
    text = render(hostile_table(), "csv", excel_vn=True)
    assert text.startswith("\ufeffname;total;difference\r\n")
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert rows[1] == ["'" + HOSTILE[0], "71,5", "-1,5"]


@given(st.text(max_size=20))
def test_csv_protection_round_trips(text: str) -> None:
    protected = csv_cell(text)
    assert not protected.startswith(FORMULA_TRIGGERS)
    assert unprotect_csv_cell(protected) == visible(text)


def test_xlsx_text_cells_are_strings_without_controls() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(render(hostile_table(), "xlsx")))["t"]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=False)]
    assert all(cell.data_type == "s" for cell in names)
    values = [cell.value for cell in names]
    assert values[0] == HOSTILE[0]  # shown as text, never a formula
    assert all("\x1b" not in v and "\x07" not in v for v in values)
    assert sheet.cell(row=2, column=2).value == 71.5


def test_markdown_rows_cannot_be_forged() -> None:
    text = render(hostile_table(), "markdown")
    lines = text.splitlines()
    assert len(lines) == 2 + len(HOSTILE)
    assert all(len(re.split(r"(?<!\\)\|", line)) == 5 for line in lines)  # three cells per row
    assert "<script>" not in text and "\x1b" not in text


@given(st.text(max_size=30))
def test_any_markdown_cell_stays_one_cell(text: str) -> None:
    cell = markdown_cell(text)
    assert "\n" not in cell and "\r" not in cell
    assert "|" not in cell.replace("\\|", "")
    assert "<" not in cell.replace("<br>", "")


def test_text_output_has_no_control_characters() -> None:
    text = render(hostile_table(), "table")
    assert isinstance(text, str)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text.replace("\n", ""))
    assert len(text.splitlines()) == 2 + len(HOSTILE)  # header, rule, one line per row


def test_one_line_shows_breaks() -> None:
    assert one_line("a\r\nb\tc\x1b") == "a⏎b c\ufffd"


def test_html_is_escaped() -> None:
    page = render(Document("<b>title</b>", [hostile_table()], "vi"), "html")
    assert isinstance(page, str)
    assert "<script>" not in page and "<b>title</b>" not in page
    assert html.escape('<script>alert("x")</script>') in page
    assert "\x1b" not in page


def test_cli_score_never_prints_escape_sequences(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scores.csv"
    path.write_text('agency,name,total\nso-a,"=1+1 \x1b[2J",80\nso-b,"B\x07",70\n', encoding="utf-8")
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(
        "id: demo\ntitle: Demo\nyear: 2024\nlegal_basis: {decision: 1/QĐ-UBND, date: 2024-01-02, issuer: UBND}\n"
        "decimals: 1\ngroups:\n  - id: provincial\n    name: Sở\n    tree: {id: total, name: Tổng, max_points: 100}\n",
        encoding="utf-8",
    )
    for fmt in ("table", "markdown", "csv", "json"):
        assert main(["score", str(rubric), str(path), "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out, fmt
    assert main(["score", str(rubric), str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["name"].startswith("'=1+1")


def test_not_assessed_agencies_are_listed_in_every_format() -> None:
    from govindex.rules import RuleContext, RuleOutcome

    class Exclude:
        name = "exclude_office"
        legal_basis = None
        params: dict[str, object] = {}  # noqa: RUF012

        def apply(self, context: RuleContext) -> RuleOutcome:
            return RuleOutcome(excluded={"office": "không đánh giá năm nay"})

    rubric = flat_rubric(1, groups=("provincial",))
    cohort = [
        Assessment(Agency("a", "Sở A", "provincial"), {"total": "80.0"}),
        Assessment(Agency("office", "Văn phòng", "provincial"), {"total": "90.0"}),
    ]
    result = score(rubric, cohort, rules=[Exclude()])
    document = result_document(result)
    for fmt in ("table", "markdown", "html"):
        text = render(document, fmt)
        assert isinstance(text, str)
        assert "Văn phòng" in text and "không đánh giá năm nay" in text, fmt
    sheet = openpyxl.load_workbook(io.BytesIO(render(document, "xlsx")))["Không đánh giá"]
    assert ["Văn phòng" in str(c.value) for row in sheet.iter_rows() for c in row].count(True) == 1
