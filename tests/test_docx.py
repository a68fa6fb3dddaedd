"""The Word appendix, opened and checked: fit for the chair's signature (issue 16, item 7).

Headings in the body font and black; column widths fitted to the content;
the header row repeated on every page and rows kept whole; page numbers in
the footer; the language vi-VN in styles and runs; the "PHỤ LỤC" line and
the decision's reference; A4 with the margins of Decree 30/2020/NĐ-CP;
charts as pictures, or a line saying why not. Hostile text (long titles,
control characters, lone surrogates) never breaks the file.
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import load_dataset, load_rubric, score
from govindex._optional import require
from govindex.catalogue.docx import DocxWords
from govindex.cli import main
from govindex.errors import InputError, MissingDependencyError
from govindex.render import _chart_png, write
from govindex.render._ooxml import xml_text
from govindex.render.appendix import appendix
from govindex.render.docx import PICTURE_HEIGHT, PICTURE_WIDTH, TEXT_WIDTH, _texts, column_widths, document_docx
from govindex.render.model import Column, Document, Figure, Heading, Paragraph, Table
from govindex.render.svg import PALETTE, bar_chart

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _part(data: bytes, name: str) -> ET.Element:
    return ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def _text(element: ET.Element) -> str:
    return "".join(node.text or "" for node in element.iter(f"{W}t"))


def _body(data: bytes) -> list[ET.Element]:
    body = _part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    return list(body)


def _style_of(paragraph: ET.Element) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(f"{W}val")


def _styles(data: bytes) -> dict[str, ET.Element]:
    return {style.get(f"{W}styleId", ""): style for style in _part(data, "word/styles.xml").iter(f"{W}style")}


@pytest.fixture(scope="module")
def sonla(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The 2017 appendix (IT index) as ``govindex publish`` writes it."""
    out = tmp_path_factory.mktemp("docx") / "phu-luc.docx"
    assert main(["publish", "sonla-2017-it", "sonla-2017-it", "--output", str(out)]) == 0
    return out.read_bytes()


def _sonla_document(lang: str = "vi") -> Document:
    assessments = load_dataset("sonla-2017-it").assessments()
    result = score(load_rubric("sonla-2017-it"), assessments)
    return appendix(result, lang=lang, order=[a.agency.id for a in assessments])


# --- item 7, point by point ----------------------------------------------------------------------


def test_headings_are_in_the_body_font_and_black(sonla: bytes) -> None:
    document = docx.Document(io.BytesIO(sonla))
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1. Sở, ban, ngành cấp tỉnh" in [p.text for p in headings]
    used = {p.style.name for p in headings}
    assert used == {"Heading 1"}
    for style in [document.styles[name] for name in ("Heading 1", "Heading 2", "Heading 3", "Normal")]:
        assert style.font.name == "Times New Roman", style.name
        assert str(style.font.color.rgb) == "000000", style.name
    assert all(document.styles[f"Heading {n}"].font.bold for n in (1, 2, 3))
    styles = zipfile.ZipFile(io.BytesIO(sonla)).read("word/styles.xml").decode()
    assert "Theme" not in styles, "no theme font or colour (Word's blue sans-serif)"
    every_colour = set(re.findall(r'w:color w:val="([0-9A-Fa-f]{6}|auto)"', styles))
    assert every_colour == {"000000"}
    for paragraph in _body(sonla):
        if (_style_of(paragraph) or "").startswith("Heading"):
            for run in paragraph.iter(f"{W}rPr"):
                assert [child.tag for child in run] == [f"{W}lang"], "a heading run sets no font or colour of its own"


def test_column_widths_are_fitted_to_the_content(sonla: bytes) -> None:
    styles = _styles(sonla)
    assert styles["TableNumber"].find(f"{W}pPr/{W}jc").get(f"{W}val") == "right"  # type: ignore[union-attr]
    assert styles["TableText"].find(f"{W}pPr/{W}jc").get(f"{W}val") == "left"  # type: ignore[union-attr]
    rankings = 0
    for table in (e for e in _body(sonla) if e.tag == f"{W}tbl"):
        grid = [int(col.get(f"{W}w", "0")) for col in table.iter(f"{W}gridCol")]
        assert sum(grid) == TEXT_WIDTH
        assert table.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"  # type: ignore[union-attr]
        rows = table.findall(f"{W}tr")
        for row in rows:
            cells = row.findall(f"{W}tc")
            widths = [int(c.find(f"{W}tcPr/{W}tcW").get(f"{W}w", "0")) for c in cells]  # type: ignore[union-attr]
            assert widths == grid or (len(cells) == 1 and widths == [sum(grid)])
        headings = [_text(cell) for cell in rows[0].findall(f"{W}tc")]
        if headings[:2] != ["STT", "Tên cơ quan"] or headings[-1] != "Xếp hạng":
            continue
        rankings += 1
        stt, name, *numbers = grid  # Tổng điểm or Điểm hạng mục, Xếp hạng (and any published index)
        assert stt < min(numbers) and stt < 0.08 * TEXT_WIDTH  # narrow
        assert name > 0.55 * TEXT_WIDTH  # wide: a department's name on one line
        assert max(numbers) < 0.16 * TEXT_WIDTH
        body = [r for r in rows[1:] if len(r.findall(f"{W}tc")) == len(grid)]
        for row in body:
            kinds = [_style_of(c.find(f"{W}p")) for c in row.findall(f"{W}tc")]  # type: ignore[arg-type]
            assert kinds == ["TableNumber", "TableText"] + ["TableNumber"] * len(numbers)
    assert rankings == 2 + 6 + 7  # Bảng 1 and 2, the six and seven category rankings


def test_the_header_row_repeats_and_rows_are_never_split(sonla: bytes) -> None:
    body = _body(sonla)
    tables = [e for e in body if e.tag == f"{W}tbl"]
    assert len(tables) == 18
    for table in tables:
        header, *rows = table.findall(f"{W}tr")
        assert header.find(f"{W}trPr/{W}tblHeader") is not None
        assert header.find(f"{W}trPr/{W}cantSplit") is not None
        for row in rows:
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
            assert row.find(f"{W}trPr/{W}tblHeader") is None
    first = tables[0].findall(f"{W}tr")
    band = first[1].findall(f"{W}tc")
    assert len(band) == 1 and _text(band[0]) == "A. Mức khá (67%)"
    assert band[0].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "4"  # type: ignore[union-attr]
    # The caption is printed under its table and kept with its last row.
    after = body[body.index(tables[0]) + 1]
    assert _style_of(after) == "Caption" and _text(after).startswith("Bảng 1. Xếp hạng tổng thể")
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in first[-1].iter(f"{W}p"))


def test_page_numbers_are_a_page_field_in_the_footer(sonla: bytes) -> None:
    section = _body(sonla)[-1]
    assert section.tag == f"{W}sectPr"
    reference = section.find(f"{W}footerReference")
    assert reference is not None and reference.get(f"{W}type") == "default"
    rels = _part(sonla, "word/_rels/document.xml.rels")
    target = next(r.get("Target") for r in rels if r.get("Id") == reference.get(f"{R}id"))
    footer = _part(sonla, f"word/{target}")
    fields = [f.get(f"{W}fldCharType") for f in footer.iter(f"{W}fldChar")]
    assert fields == ["begin", "separate", "end"]
    assert [i.text.strip() for i in footer.iter(f"{W}instrText") if i.text] == ["PAGE"]
    assert docx.Document(io.BytesIO(sonla)).sections[0].footer.paragraphs[0].text == "1"


def test_a4_portrait_with_the_margins_of_decree_30(sonla: bytes) -> None:
    section = _body(sonla)[-1]
    size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    assert size is not None and margins is not None
    assert (size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient")) == ("11906", "16838", None)

    def mm(side: str) -> Decimal:
        return Decimal(int(margins.get(f"{W}{side}", "0")) * 254) / 14400

    assert 20 <= mm("top") <= 25 and 20 <= mm("bottom") <= 25
    assert 30 <= mm("left") <= 35 and 15 <= mm("right") <= 20


@pytest.mark.parametrize(("lang", "tag"), [("vi", "vi-VN"), ("en", "en-GB")])
def test_the_language_is_set_in_styles_runs_and_properties(tmp_path: Path, lang: str, tag: str) -> None:
    data = document_docx(_sonla_document(lang))
    styles = _part(data, "word/styles.xml")
    languages = {e.get(f"{W}val") for e in styles.iter(f"{W}lang")}
    assert languages == {tag}
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults is not None and defaults.get(f"{W}val") == tag
    runs = list(_part(data, "word/document.xml").iter(f"{W}r"))
    assert len(runs) > 500
    for run in runs:
        if run.find(f"{W}drawing") is None:
            language = run.find(f"{W}rPr/{W}lang")
            assert language is not None and language.get(f"{W}val") == tag, _text(run)
    assert _part(data, "word/settings.xml").find(f"{W}themeFontLang").get(f"{W}val") == tag  # type: ignore[union-attr]
    assert docx.Document(io.BytesIO(data)).core_properties.language == tag


def test_the_appendix_opens_as_the_province_prints_it(sonla: bytes) -> None:
    layout = load_rubric("sonla-2017-it").appendix
    assert layout is not None
    mark, title, subtitle = _body(sonla)[:3]
    assert (_style_of(mark), _text(mark)) == ("AppendixMark", "PHỤ LỤC")
    assert (_style_of(title), _text(title)) == ("AppendixTitle", layout.title)
    assert (_style_of(subtitle), _text(subtitle)) == ("Subtitle", layout.subtitle)
    assert "3247/QĐ-UBND ngày 20/12/2017" in _text(subtitle)
    styles = _styles(sonla)
    assert styles["AppendixMark"].find(f"{W}rPr/{W}b") is not None
    assert styles["AppendixTitle"].find(f"{W}rPr/{W}caps") is not None  # printed in capitals, kept in its case
    assert styles["Subtitle"].find(f"{W}rPr/{W}i") is not None
    for name in ("AppendixMark", "AppendixTitle", "Subtitle"):
        assert styles[name].find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"  # type: ignore[union-attr]
    english = _body(document_docx(_sonla_document("en")))[0]
    assert _text(english) == "APPENDIX"
    # A document that is not laid out as a decision has no appendix line.
    plain = document_docx(Document("Báo cáo", [Paragraph("x")]))
    assert [_text(p) for p in _body(plain)[:2]] == ["Báo cáo", "x"]
    assert _style_of(_body(plain)[0]) == "Title"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_charts_are_pictures_of_the_same_chart(sonla: bytes) -> None:
    figures = [b for b in _sonla_document().blocks if isinstance(b, Figure)]
    assert len(figures) == 3
    body = _body(sonla)
    pictures = [p for p in body if p.find(f".//{WP}inline") is not None]
    assert len(pictures) == len(figures)
    archive = zipfile.ZipFile(io.BytesIO(sonla))
    rels = {r.get("Id"): r.get("Target") for r in _part(sonla, "word/_rels/document.xml.rels")}
    for paragraph, figure in zip(pictures, figures, strict=True):
        inline = paragraph.find(f".//{WP}inline")
        assert inline is not None
        extent = inline.find(f"{WP}extent")
        assert extent is not None
        width, height = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
        assert 0 < width <= PICTURE_WIDTH and 0 < height <= PICTURE_HEIGHT
        assert inline.find(f"{WP}docPr").get("descr") == figure.caption  # type: ignore[union-attr]
        caption = body[body.index(paragraph) + 1]
        assert (_style_of(caption), _text(caption)) == ("Caption", figure.caption)
        blip = inline.find(f".//{A}blip")
        assert blip is not None
        png = archive.read(f"word/{rels[blip.get(f'{R}embed')]}")
        pixels = _png_size(png)
        # 192 dots per inch, 914,400 EMU per inch: the picture is drawn at the size it is shown.
        assert abs(pixels[0] * 914400 / 192 - width) < 914400 / 192 * 2
        assert abs(pixels[1] * 914400 / 192 - height) < 914400 / 192 * 2


def test_the_chart_picture_holds_the_bars_in_their_band_colours(sonla: bytes) -> None:
    image = pytest.importorskip("matplotlib.image")
    archive = zipfile.ZipFile(io.BytesIO(sonla))
    pixels = image.imread(io.BytesIO(archive.read("word/media/image1.png")))
    colours = {tuple(int(c * 255 + 0.5) for c in pixel[:3]) for pixel in pixels.reshape(-1, pixels.shape[-1])}
    for hexcode in (PALETTE[1], PALETTE[2], PALETTE[3]):  # khá, trung bình, yếu: the bands of Bảng 1
        rgb = tuple(int(hexcode[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours, hexcode


def test_the_pictures_do_not_depend_on_the_callers_matplotlib_settings() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    document = _sonla_document()
    first = document_docx(document)
    with matplotlib.rc_context({"font.size": 30, "lines.linewidth": 7, "axes.facecolor": "red"}):
        assert document_docx(document) == first
    assert document_docx(document) == first


# --- a chart that has no picture is named, never dropped ------------------------------------------


def _notes(data: bytes) -> list[str]:
    return [_text(p) for p in _body(data) if _style_of(p) == "Note" and _text(p)]


def _chart_document(bars: int, lang: str = "vi") -> Document:
    chart = bar_chart(
        [(f"Cơ quan {n}", Decimal(n % 90), f"{n % 90}") for n in range(bars)],
        maximum=Decimal(100),
        thresholds=[Decimal(50), Decimal(70)],
        title="Tổng điểm",
    )
    return Document("Kết quả", [Figure(chart, "Tổng điểm các cơ quan", "chart")], lang)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("vi", ["chưa cài matplotlib", "pip install '.[plot]'"]), ("en", ["matplotlib is not installed"])],
)
def test_without_matplotlib_the_chart_is_named_not_dropped(
    monkeypatch: pytest.MonkeyPatch, lang: str, words: list[str]
) -> None:
    real = require

    def missing(module: str, extra: str) -> object:
        if module.startswith("matplotlib"):
            raise MissingDependencyError(f"this needs {module}")
        return real(module, extra)

    monkeypatch.setattr(_chart_png, "require", missing)
    data = document_docx(_chart_document(12, lang))
    assert "word/media/image1.png" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    [note] = _notes(data)
    assert "Tổng điểm các cơ quan" in note
    for word in words:
        assert word in note


def test_a_chart_too_long_to_print_is_named_and_a_long_one_is_cut_between_rows() -> None:
    [note] = _notes(document_docx(_chart_document(2000)))
    pages = math.ceil((24 + 2000 * 18 + 24) * 9525 / PICTURE_HEIGHT)
    assert pages == 43
    assert note == DocxWords.FIGURE_TOO_LONG.text("vi", caption="Tổng điểm các cơ quan", pages=pages, limit=10)
    assert "cần 43 trang A4, quá 10 trang" in note
    data = document_docx(_chart_document(100))
    heights = [int(e.get("cy", "0")) for e in _part(data, "word/document.xml").iter(f"{WP}extent")]
    assert len(heights) == 3 and all(0 < h <= PICTURE_HEIGHT for h in heights)
    # The pieces add up to the whole chart (24 + 100 × 18 + 24 pixels), cut on the 18-pixel rows.
    assert abs(sum(heights) - (24 + 100 * 18 + 24) * 9525) <= 3
    # Each cut falls between two rows of bars (18 pixels each, after a 24-pixel top): a row's label and bar take
    # its pixels 1 to 15.3, so a cut there would split a bar or a label.
    for cut in (heights[0], heights[0] + heights[1]):
        assert not 1 < (cut / 9525 - 24) % 18 < 15.4, cut / 9525
    descriptions = [e.get("descr") for e in _part(data, "word/document.xml").iter(f"{WP}docPr")]
    assert descriptions == [f"Tổng điểm các cơ quan (phần {n}/3)" for n in (1, 2, 3)]


def test_an_svg_the_writer_cannot_draw_is_named() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><circle cx="5" cy="5" r="4"/></svg>'
    [note] = _notes(document_docx(Document("x", [Figure(svg, "Hình tròn")])))
    assert note == "[Biểu đồ “Hình tròn” không vẽ được trong bản Word này (<circle>); xem biểu đồ trong bản HTML.]"
    transformed = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g transform="scale(2)"/></svg>'
    assert "(<g transform>)" in _notes(document_docx(Document("x", [Figure(transformed, "g")], "en")))[0]


def test_a_block_the_writer_does_not_know_is_refused_in_both_languages() -> None:
    document = Document("x", [Paragraph("a"), object()])  # type: ignore[list-item]
    with pytest.raises(InputError) as caught:
        document_docx(document)
    assert caught.value.code == "docx-unknown-block"
    assert caught.value.message_in("vi") == "văn bản có một khối loại object mà bản Word chưa viết được"
    assert caught.value.message_in("en") == "the document holds a object block, which the Word writer cannot write"


# --- hostile text --------------------------------------------------------------------------------

_UNFIT = "\x00\x01\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9f\u202a\u202e\u2066\u2069\ud800\udbff\udc00\udfff\ufffe\uffff"


def _unfit(character: str) -> bool:
    """A character neither XML 1.0 nor an honest display takes: controls, bidi overrides, surrogates, U+FFFE/F."""
    code = ord(character)
    return (
        (code < 0x20 and character not in "\t\n\r")
        or 0x7F <= code <= 0x9F
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
        or 0xD800 <= code <= 0xDFFF
        or code in (0xFFFE, 0xFFFF)
    )


def _expected(text: str) -> str:
    """What a reader of the file sees: every unfit character as U+FFFD, every line break as one break."""
    return "".join("\ufffd" if _unfit(c) else c for c in re.sub(r"\r\n|\r", "\n", text))


def test_long_titles_controls_and_lone_surrogates_never_break_the_appendix() -> None:
    hostile = "Sở <b>&amp;\"'\x00\x1b[2J\ud800\udfff\ufffe\uffff\u202e Tư pháp\nhai dòng"
    data = load_dataset("sonla-2017-it")
    assessments = [
        attrs.evolve(a, agency=attrs.evolve(a.agency, name=f"{hostile} {n}")) for n, a in enumerate(data.assessments())
    ]
    result = score(load_rubric("sonla-2017-it"), assessments)
    for length in (259, 300, 2000):
        title = ("Kết quả đánh giá " * 200)[:length] + "\x07\ud83d"
        document = appendix(result, title=title, subtitle=hostile, order=[a.agency.id for a in assessments])
        output = write(document, "docx")
        assert isinstance(output, bytes)
        for name in zipfile.ZipFile(io.BytesIO(output)).namelist():
            if name.endswith((".xml", ".rels")):
                _part(output, name)  # every part is well-formed XML
        opened = docx.Document(io.BytesIO(output))
        assert len(opened.core_properties.title) <= 255
        assert opened.paragraphs[1].text == _expected(title)
        assert opened.paragraphs[2].text == _expected(hostile)
        names = [row.cells[1].text for row in opened.tables[0].rows[2:]]
        assert _expected(f"{hostile} 0") in names
        assert len(opened.inline_shapes) == 3  # the charts, whose labels hold the same names, are drawn


_texts_strategy = st.lists(
    st.one_of(st.text(max_size=8), st.sampled_from([*_UNFIT, "&", "<", ">", '"', "'", "\n", "\r\n", "\t", "%s"])),
    max_size=12,
).map("".join)


@given(title=_texts_strategy, name=_texts_strategy, label=_texts_strategy)
def test_any_text_is_written_as_its_visible_form(title: str, name: str, label: str) -> None:
    table = Table(
        "t",
        [Column("stt"), Column("name", label or "x"), Column("total", decimals=1)],
        [[1, name, Decimal("7.25")], [2, "Sở Y tế", None]],
        label,
        notes=[name],
        sections=[(0, label)],
    )
    data = document_docx(Document(title, [Heading(name), Paragraph(label), table], caption_below=True))
    opened = docx.Document(io.BytesIO(data))
    texts = [p.text for p in opened.paragraphs]
    expected = ["PHỤ LỤC", *([_expected(title)] if title else []), _expected(name), _expected(label)]
    assert texts[: len(expected)] == expected
    rows = [[cell.text for cell in row.cells] for row in opened.tables[0].rows]
    assert rows[0] == ["STT", _expected(label or "x"), "Tổng điểm"]
    assert rows[1] == [_expected(label)] * 3  # the section row spans the table
    assert rows[2] == ["1", _expected(name), "7,3"] and rows[3] == ["2", "Sở Y tế", ""]
    assert (ET.fromstring(f'<a b="{xml_text(name)}">{xml_text(name)}</a>').text or "") == _expected(name)


# --- the text and the widths of cells -------------------------------------------------------------

_cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-1000, max_value=1000),
    st.decimals(allow_nan=False, allow_infinity=False, places=0, min_value=-(10**9), max_value=10**9),
    st.sampled_from([Decimal("1.0"), Decimal("1.00"), Decimal("1"), 1, True]),
    st.text(max_size=5),
)


@given(
    columns=st.lists(st.tuples(st.sampled_from([None, 0, 1, 2]), st.text(max_size=2)), min_size=1, max_size=4),
    data=st.data(),
)
def test_the_text_of_every_cell_is_the_models(columns: list[tuple[int | None, str]], data: st.DataObject) -> None:
    """Formatting each distinct value once gives exactly the text and alignment of the model, cell by cell."""
    model = [Column(f"c{i}", decimals=d, unit=u) for i, (d, u) in enumerate(columns)]
    rows = data.draw(st.lists(st.lists(_cells, min_size=len(model), max_size=len(model)), min_size=1, max_size=12))
    table = Table("t", model, rows)
    for lang in ("vi", "en"):
        texts, numeric = _texts(table, lang)
        assert [list(row) for row in zip(*texts, strict=True)] == table.text_rows(lang)
        assert numeric == table.numeric()


@given(
    spec=st.lists(
        st.tuples(st.text(max_size=30), st.lists(st.text(max_size=60), max_size=6), st.booleans()),
        min_size=1,
        max_size=8,
    ),
    total=st.integers(min_value=100, max_value=20000),
)
def test_column_widths_always_fill_the_line(spec: list[tuple[str, list[str], bool]], total: int) -> None:
    size = max(len(cells) for _, cells, _ in spec)
    headings = [heading for heading, _, _ in spec]
    columns = [cells + [""] * (size - len(cells)) for _, cells, _ in spec]
    widths = column_widths(headings, columns, [number for _, _, number in spec], total)
    assert sum(widths) == total
    assert all(width >= 0 for width in widths)
    if total >= 230 * len(spec):
        assert all(width > 0 for width in widths)


def test_names_get_the_width_numbers_do_not_need() -> None:
    names = ["Sở Lao động - Thương binh và Xã hội", "Sở Y tế"]
    stt, name, total = column_widths(
        ["STT", "Tên cơ quan", "Tổng điểm"], [["1", "2"], names, ["51,7", "72,8"]], [True, False, True], TEXT_WIDTH
    )
    assert stt + name + total == TEXT_WIDTH and stt < total < name
    crowded = column_widths(["a", "b"], [["x" * 200], ["y" * 200]], [False, False], 1000)
    assert crowded == [500, 500]


# --- it opens in LibreOffice ---------------------------------------------------------------------


def test_libreoffice_opens_the_appendix_and_prints_it(tmp_path: Path, sonla: bytes) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("GOVINDEX_REQUIRE_OFFICE") == "1":
            pytest.fail("GOVINDEX_REQUIRE_OFFICE=1 but LibreOffice is not installed")
        pytest.skip("no LibreOffice on this machine (install libreoffice-writer-nogui to run this check)")
    source = tmp_path / "phu-luc.docx"
    source.write_bytes(sonla)
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "phu-luc.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 8
    assert "PHỤ LỤC" in pages[0] and "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG" in pages[0]
    assert "Bảng 1. Xếp hạng tổng thể" in text
    for number, page in enumerate(pages, start=1):
        assert page.strip().splitlines()[-1].strip() == str(number)  # the footer's page number
    assert sum("STT" in page and "Tên cơ quan" in page for page in pages) >= len(pages) - 3  # headers repeat


def test_empty_tables_keep_their_captions_and_notes() -> None:
    document = Document(
        "x",
        [
            Table("none", [], [], "Bảng 0. Không có cột", notes=["ghi chú"]),
            Table("empty", [Column("stt"), Column("name")], [], "Bảng 1. Không có dòng"),
            Table("next", [Column("name")], [["Sở Y tế"]]),
        ],
    )
    opened = docx.Document(io.BytesIO(document_docx(document)))
    assert [p.text for p in opened.paragraphs if p.text] == [
        "x",
        "Bảng 0. Không có cột",
        "ghi chú",
        "Bảng 1. Không có dòng",
    ]
    assert [[c.text for c in row.cells] for t in opened.tables for row in t.rows] == [
        ["STT", "Tên cơ quan"],
        ["Tên cơ quan"],
        ["Sở Y tế"],
    ]
