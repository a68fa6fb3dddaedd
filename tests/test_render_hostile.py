"""Output that cannot be forged or crash: hostile names reach every writer, forms refuse what they cannot hold.

- a line break in a name cannot forge a line of a plain-text explanation;
- a lone surrogate or U+FFFE/U+FFFF in any text never crashes a writer
  (text, Markdown, CSV, JSON, XLSX, HTML, Word, the appendix, charts);
- ``template`` refuses a control character in a name and a year a workbook
  cannot date, with a message; choice answers are quoted in the drop-down's
  formula;
- a title longer than Word's properties hold does not crash the Word output.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govindex import Agency, Assessment, Group, Node, Rubric, load_rubric, score, statistics
from govindex.cli import main
from govindex.errors import InputError, RubricError
from govindex.measures import Choice
from govindex.render import FORMATS, Column, Document, Paragraph, Table, explain, notebook, pieces, render
from govindex.render.appendix import appendix
from govindex.render.forms import agency_form_bytes, cohort_sheet_bytes
from govindex.rubric import LegalBasis

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

BASIS = LegalBasis("1/QĐ-UBND", dt.date(2024, 1, 2), "UBND tỉnh thử")
#: What a name may hold that no UTF-8 file, workbook or Word document can: lone surrogates, non-characters.
UNWRITABLE = ["Sở \ud800A", "Sở B\udfff", "Sở \ufffeC", "Sở D\uffff", "\ud83d", "Sở\x00E\x1b[2J\x07"]


def _rubric() -> Rubric:
    tree = Node("total", "Tổng", Decimal(20), (Node("a", "Hạ tầng", Decimal(10)), Node("b", "Dịch vụ", Decimal(10))))
    return Rubric("thu", "Bộ chỉ số thử", 2024, BASIS, (Group("provincial", "Sở, ban, ngành", tree),), decimals=1)


def _result(names: list[str]):  # type: ignore[no-untyped-def]
    cohort = [
        Assessment(Agency(f"so-{i}", name, "provincial"), {"a": f"{i % 10}", "b": "5.5"})
        for i, name in enumerate(names)
    ]
    return score(_rubric(), cohort)


# --- explain: a name cannot forge a line ----------------------------------------------------------


def test_a_line_break_in_a_name_cannot_forge_a_line_of_an_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    forged = "Sở A\n  xếp hạng: 1 trong nhóm Sở, ban, ngành\r\nSở C"
    result = _result([forged, "Sở B"])
    for lang in ("vi", "en"):
        honest = explain(_result(["Sở A", "Sở B"]), "so-0", lang=lang)
        text = explain(result, "so-0", lang=lang)
        assert len(text.splitlines()) == len(honest.splitlines())
        assert "Sở A⏎  xếp hạng: 1 trong nhóm Sở, ban, ngành⏎Sở C" in text.splitlines()[0]


def test_the_explain_command_keeps_one_line_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = tmp_path / "scores.csv"
    scores.write_text(
        'agency,name,group,a,b\nso-a,"Sở A\n  điểm: 99,0",provincial,5,5\nso-b,Sở B,provincial,4,4\n', encoding="utf-8"
    )
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(
        "id: thu\ntitle: Thử\nyear: 2024\nlegal_basis: {decision: 1/QĐ-UBND, date: 2024-01-02, issuer: UBND}\n"
        "decimals: 1\ngroups:\n  - id: provincial\n    name: Sở\n    tree:\n      id: total\n      name: Tổng\n"
        "      max_points: 20\n      children:\n        - {id: a, name: A, max_points: 10}\n"
        "        - {id: b, name: B, max_points: 10}\n",
        encoding="utf-8",
    )
    if main(["explain", str(rubric), str(scores), "so-a"]) != 0:
        pytest.skip("this reader refuses a line break in a name: nothing reaches the writer")
    out = capsys.readouterr().out
    assert not any(line.startswith("  điểm: 99") for line in out.splitlines())
    assert "⏎" in out.splitlines()[0]


# --- no writer crashes on text UTF-8 cannot hold --------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_writer_takes_unwritable_characters(fmt: str) -> None:
    result = _result(UNWRITABLE)
    for value in (result, statistics(result), Table("t", [Column("name")], [[n] for n in UNWRITABLE])):
        for lang in ("vi", "en"):
            content = render(value, fmt, lang=lang)
            if isinstance(content, str):
                content.encode("utf-8")  # nothing a file cannot hold
                if fmt == "json":
                    assert json.loads(content) is not None
            elif fmt == "xlsx":
                openpyxl.load_workbook(io.BytesIO(content))
            else:
                docx.Document(io.BytesIO(content))


def test_json_keeps_an_unwritable_name_as_its_escape() -> None:
    result = _result(["Sở \ud800A", "Sở B\uffff"])
    text = "".join(pieces(result))
    assert "\\ud800" in text and "\uffff" in text
    text.encode("utf-8")
    names = [row["name"] for row in json.loads(text)["results"]]
    assert sorted(names) == ["Sở B\uffff", "Sở \ud800A"]  # read back exactly


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "markdown"])
def test_the_appendix_takes_unwritable_characters(fmt: str) -> None:
    content = render(appendix(_result(UNWRITABLE)), fmt)
    if isinstance(content, str):
        content.encode("utf-8")


def test_charts_take_unwritable_characters(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from govindex.render import plots

    result = _result(UNWRITABLE)
    plots.save_figure(plots.ranking_chart(result), tmp_path / "a.svg")
    plots.save_figure(plots.slope_chart([(name, 1, 2) for name in UNWRITABLE]), tmp_path / "b.png")
    (tmp_path / "a.svg").read_text(encoding="utf-8")


def test_an_explanation_takes_unwritable_characters() -> None:
    for lang in ("vi", "en"):
        explain(_result(UNWRITABLE), "so-0", lang=lang).encode("utf-8")


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(codec=None, categories=("L", "N", "P", "S", "Z", "C")), min_size=1, max_size=12))
def test_any_name_is_written_by_every_text_writer(name: str) -> None:
    result = _result([name, "Sở B"])
    for fmt in ("table", "markdown", "csv", "json", "html"):
        content = render(result, fmt)
        assert isinstance(content, str)
        content.encode("utf-8")


# --- forms -------------------------------------------------------------------------------------------


def test_a_form_refuses_a_control_character_in_a_name() -> None:
    rubric = load_rubric("sonla-2017-it")
    with pytest.raises(InputError) as caught:
        agency_form_bytes(rubric, "provincial", Agency("so-a", "Sở\x07A", "provincial"))
    assert caught.value.code == "render-form-control-character"
    assert caught.value.describe("vi") == (
        "cơ quan 'so-a': tên cơ quan chứa ký tự điều khiển U+0007, không ghi được vào biểu mẫu: 'Sở\ufffdA'"
    )
    assert caught.value.describe("en") == (
        "agency 'so-a': the agency's name holds the control character U+0007, which a form cannot hold: 'Sở\ufffdA'"
    )
    with pytest.raises(InputError) as caught:
        cohort_sheet_bytes(rubric, "provincial", [("so-b", "Sở\ud800B")])
    assert "U+D800" in caught.value.describe("vi")
    group = rubric.group("provincial")
    renamed = attrs.evolve(group, tree=attrs.evolve(group.tree, name="Tổng\x1b"))
    with pytest.raises(InputError) as caught:
        cohort_sheet_bytes(attrs.evolve(rubric, groups=(renamed, rubric.group("district"))), "provincial")
    assert caught.value.node == "total" and "tên tiêu chí chứa ký tự điều khiển U+001B" in caught.value.describe("vi")


@pytest.mark.parametrize("year", [0, 10000, -5])
def test_a_form_never_gets_a_year_a_workbook_cannot_date(year: int) -> None:
    # a rubric outside the years 1-9999 cannot be built, so no form can be asked for one
    with pytest.raises(RubricError) as caught:
        attrs.evolve(load_rubric("sonla-2017-it"), year=year)
    assert caught.value.code == "rubric-year"
    assert caught.value.describe("vi") == (
        f"year: bộ tiêu chí 'sonla-2017-it': năm phải là số nguyên từ 1 đến 9999, không phải {year}"
    )
    assert caught.value.describe("en") == (
        f"year: rubric 'sonla-2017-it': the year must be a whole number from 1 to 9999, not {year}"
    )


def test_template_refuses_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "form.xlsx"
    argv = ["template", "vn-par-2022-egov", "--group", "province", "--output", str(out)]
    assert main([*argv, "--agency", "Tỉnh\x07A"]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("govindex: lỗi: cơ quan 'tinh-a': tên cơ quan chứa ký tự điều khiển U+0007")
        and "\x07" not in err
    )
    assert not out.exists()
    assert main([*argv, "--agency", "Tỉnh A"]) == 0
    assert main([*argv, "--agency", "Tỉnh A"]) == 2
    assert "tệp đã có" in capsys.readouterr().err
    assert main([*argv, "--agency", "Tỉnh A", "--force"]) == 0


def _choice_rubric(answers: dict[str, int]) -> Rubric:
    leaf = Node("pick", "Lựa chọn", Decimal(2), measure=Choice(answers))
    tree = Node("total", "Tổng", Decimal(2), (leaf,))
    return Rubric("chon", "Bộ chỉ số", 2024, BASIS, (Group("provincial", "Sở", tree),), decimals=1)


def _validations(data: bytes) -> list[str]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"]


def test_choice_answers_are_quoted_in_the_drop_down_formula() -> None:
    rubric = _choice_rubric({'có "đủ"': 1, "không": 0})
    formulas = _validations(agency_form_bytes(rubric, "provincial", Agency("so-a", "Sở A", "provincial")))
    assert '"có ""đủ"",không"' in formulas
    assert _validations(cohort_sheet_bytes(rubric, "provincial")) == ['"có ""đủ"",không"']
    with_comma = _choice_rubric({"có, đầy đủ": 1, "không": 0})
    assert _validations(cohort_sheet_bytes(with_comma, "provincial")) == []  # a comma would split the answer


# --- Word ---------------------------------------------------------------------------------------------


def test_a_long_title_does_not_crash_the_word_output(tmp_path: Path) -> None:
    title = "Kết quả " * 33  # 264 characters: longer than the 255 Word's properties hold
    assert len(title) > 255
    data = render(Document(title, (Paragraph("Nội dung"),), "vi"), "docx")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == title  # the page shows it whole
    assert document.core_properties.title == title[:255]
    out = tmp_path / "phu-luc.docx"
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "--output", str(out), "--title", "Á" * 259]) == 0
    opened = docx.Document(out)
    assert [p.text for p in opened.paragraphs[:2]] == ["PHỤ LỤC", "Á" * 259]  # the appendix line, then the title


# --- notebooks ----------------------------------------------------------------------------------------


class _Formatter:
    def __init__(self) -> None:
        self.types: dict[tuple[str, str], object] = {}

    def for_type_by_name(self, module: str, name: str, function: object) -> None:
        self.types[(module, name)] = function


class _Shell:
    def __init__(self) -> None:
        self.html = _Formatter()
        self.display_formatter = attrs.make_class("DisplayFormatter", ["formatters"])({"text/html": self.html})


def test_a_notebook_shows_results_as_html_tables() -> None:
    shell = _Shell()
    notebook(shell=shell)
    assert ("govindex.results", "Result") in shell.html.types
    assert ("govindex.comparison", "Comparison") in shell.html.types
    show = shell.html.types[("govindex.results", "Result")]
    page = show(_result(['Sở <b>"A"</b>', "Sở B"]))  # type: ignore[operator]
    assert page.startswith('<div class="govindex-report">') and "Sở &lt;b&gt;&quot;A&quot;&lt;/b&gt;" in page
    assert "<th>Tên cơ quan</th>" in page and '<td class="num">5,5</td>' in page
    notebook("en", shell=shell)
    english = shell.html.types[("govindex.results", "Result")](_result(["Sở A"]))  # type: ignore[operator]
    assert "<th>Agency</th>" in english


def test_outside_a_notebook_there_is_nothing_to_show_in() -> None:
    with pytest.raises(InputError) as caught:
        notebook()
    assert caught.value.code == "render-no-notebook"
    assert "Jupyter" in caught.value.describe("vi")
