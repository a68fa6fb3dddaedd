"""The parts of a Word package (WordprocessingML), written as text: styles, settings, footer, properties, zip.

:mod:`govindex.render.docx` writes the body; this module holds everything
around it, so that a document is a handful of small fixed parts plus the body
streamed into the archive. Every text that reaches XML goes through
:func:`xml_text`: ``&``, ``<``, ``>`` and quotes are escaped, and characters
XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE, U+FFFF) and
those that could reorder or drive a display (C1 controls, bidirectional
overrides) become U+FFFD, visibly, so no name can break the file or hide.

The archive is deterministic: every entry carries the same date and
permissions, the document properties fixed dates, so the same document gives
the same bytes.

>>> xml_text('Sở <A> & "B"\\x01\\ud800')
'Sở &lt;A&gt; &amp; &quot;B&quot;\\ufffd\\ufffd'
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

from govindex.render.archive import FIXED_TIME
from govindex.render.safe import visible

__all__ = [
    "LANGUAGE_TAGS",
    "Part",
    "app_xml",
    "attribute",
    "content_types_xml",
    "core_xml",
    "document_rels_xml",
    "footer_xml",
    "package",
    "package_rels_xml",
    "picture_xml",
    "run_text",
    "settings_xml",
    "styles_xml",
    "xml_text",
]

#: The language tag of each language of :mod:`govindex.catalogue` (styles, runs and properties).
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-GB"}

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: The one font of the document: Times New Roman, as decisions are printed (Decree 30/2020/NĐ-CP).
FONT = "Times New Roman"
_FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
#: Every archive entry and both dates of the properties carry the one fixed date of govindex's files.
_ZIP_TIME = FIXED_TIME.timetuple()[:6]
_FIXED_STAMP = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
#: Word keeps at most this many characters in a document property.
PROPERTY_LIMIT = 255

# What needs work before it is XML text: markup, controls, surrogates, noncharacters, bidi overrides.
_SPECIAL = re.compile("[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
# What XML 1.0 cannot hold at all (after `visible` has replaced the other controls).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})
_BREAK = re.compile(r"\r\n|\r|\n|\t")


def xml_text(text: str) -> str:
    """``text`` as XML character data (or an attribute value): escaped, every unfit character as U+FFFD."""
    if not _SPECIAL.search(text):
        return text
    return _NOT_XML.sub("\ufffd", visible(text)).translate(_ESCAPES)


def attribute(text: str) -> str:
    """``text`` as an attribute value on one line (line breaks and tabs become spaces)."""
    return xml_text(_BREAK.sub(" ", text))


def run_text(text: str) -> str:
    """The content of a run holding ``text``: line breaks as ``<w:br/>``, tabs as ``<w:tab/>``.

    >>> run_text("a\\nb")
    '<w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t>'
    """
    if "\n" not in text and "\r" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{xml_text(text)}</w:t>'
    parts: list[str] = []
    position = 0
    for found in _BREAK.finditer(text):
        parts.append(f'<w:t xml:space="preserve">{xml_text(text[position : found.start()])}</w:t>')
        parts.append("<w:tab/>" if found.group() == "\t" else "<w:br/>")
        position = found.end()
    parts.append(f'<w:t xml:space="preserve">{xml_text(text[position:])}</w:t>')
    return "".join(parts)


# --- styles -------------------------------------------------------------------------------------


def _run_properties(tag: str, *, size: int, bold: bool = False, italic: bool = False, caps: bool = False) -> str:
    """A style's run properties: the body font, black, ``size`` half-points, the document's language."""
    flags = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "") + ("<w:caps/>" if caps else "")
    return (
        f'<w:rPr>{_FONTS}{flags}<w:color w:val="000000"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        f'<w:lang w:val="{tag}"/></w:rPr>'
    )


def _paragraph_style(
    style_id: str,
    name: str,
    tag: str,
    paragraph: str,
    *,
    size: int = 26,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    extra: str = "",
) -> str:
    """A paragraph style based on Normal; ``paragraph`` is the inside of its ``w:pPr`` in schema order."""
    custom = "" if style_id in _BUILT_IN else ' w:customStyle="1"'
    return (
        f'<w:style w:type="paragraph"{custom} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>{extra}<w:qFormat/>'
        f"<w:pPr>{paragraph}</w:pPr>{_run_properties(tag, size=size, bold=bold, italic=italic, caps=caps)}</w:style>"
    )


_BUILT_IN = {"Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Caption", "Footer"}
_NO_INDENT = '<w:ind w:firstLine="0"/>'
_TIGHT = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'


def _heading_styles(tag: str) -> list[str]:
    """Headings in the body font and black: bold, the third level bold italic; kept with what follows."""
    out = []
    for level in (1, 2, 3):
        out.append(
            _paragraph_style(
                f"Heading{level}",
                f"heading {level}",
                tag,
                '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120" w:line="240" w:lineRule="auto"/>'
                f'{_NO_INDENT}<w:jc w:val="left"/><w:outlineLvl w:val="{level - 1}"/>',
                bold=True,
                italic=level == 3,
            )
        )
    return out


def styles_xml(tag: str, table_size: int) -> str:
    """``word/styles.xml``: Times New Roman 13 and black everywhere, tables at ``table_size`` half-points.

    Body text is justified with a first-line indent of 1 cm and 6 pt between
    paragraphs, as Decree 30/2020/NĐ-CP (Appendix I) sets out for
    administrative documents.
    """
    centred = '<w:jc w:val="center"/>'
    cell = f"{_TIGHT}{_NO_INDENT}"
    styles = [
        f'<w:docDefaults><w:rPrDefault><w:rPr>{_FONTS}<w:color w:val="000000"/><w:sz w:val="26"/>'
        f'<w:szCs w:val="26"/><w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:widowControl/><w:spacing w:before="60" w:after="60" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>{_run_properties(tag, size=26)}</w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
        "</w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"{_run_properties(tag, size=table_size)}<w:tblPr><w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        _paragraph_style(
            "AppendixMark",
            "Appendix Mark",
            tag,
            f'<w:keepNext/><w:spacing w:before="0" w:after="0"/>{_NO_INDENT}{centred}',
            size=28,
            bold=True,
        ),
        _paragraph_style(
            "Title",
            "Title",
            tag,
            f'<w:keepNext/><w:spacing w:before="120" w:after="0"/>{_NO_INDENT}{centred}',
            size=28,
            bold=True,
        ),
        _paragraph_style(
            "AppendixTitle",
            "Appendix Title",
            tag,
            f'<w:keepNext/><w:spacing w:before="120" w:after="0"/>{_NO_INDENT}{centred}',
            size=28,
            bold=True,
            caps=True,
        ),
        _paragraph_style(
            "Subtitle",
            "Subtitle",
            tag,
            f'<w:spacing w:before="60" w:after="240"/>{_NO_INDENT}{centred}',
            italic=True,
        ),
        *_heading_styles(tag),
        _paragraph_style(
            "Caption",
            "caption",
            tag,
            f'<w:keepLines/><w:spacing w:before="60" w:after="120"/>{_NO_INDENT}{centred}',
            bold=True,
            italic=True,
        ),
        _paragraph_style(
            "Figure", "Figure", tag, f'<w:keepNext/><w:spacing w:before="120" w:after="0"/>{_NO_INDENT}{centred}'
        ),
        _paragraph_style("Note", "Note", tag, f'<w:spacing w:before="60" w:after="0"/>{_NO_INDENT}', italic=True),
        _paragraph_style("TableText", "Table Text", tag, f'{cell}<w:jc w:val="left"/>', size=table_size),
        _paragraph_style("TableNumber", "Table Number", tag, f'{cell}<w:jc w:val="right"/>', size=table_size),
        _paragraph_style("TableHeading", "Table Heading", tag, f"{cell}{centred}", size=table_size, bold=True),
        _paragraph_style(
            "TableSection", "Table Section", tag, f'{cell}<w:jc w:val="left"/>', size=table_size, bold=True, italic=True
        ),
        _paragraph_style("Footer", "footer", tag, f"{_TIGHT}{_NO_INDENT}{centred}"),
    ]
    return f'{_DECLARATION}<w:styles xmlns:w="{W}">{"".join(styles)}</w:styles>'


# --- the other small parts ----------------------------------------------------------------------


def settings_xml(tag: str, lang: str) -> str:
    """``word/settings.xml``: Word 2013+ layout (not compatibility mode), the language, the decimal sign."""
    decimal = "," if lang == "vi" else "."
    separator = ";" if lang == "vi" else ","
    return (
        f'{_DECLARATION}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="567"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{tag}"/><w:decimalSymbol w:val="{decimal}"/>'
        f'<w:listSeparator w:val="{separator}"/></w:settings>'
    )


def footer_xml() -> str:
    """``word/footer1.xml``: the page number, centred, as a PAGE field Word and LibreOffice fill in."""
    return (
        f'{_DECLARATION}<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
    )


def core_xml(title: str, tag: str) -> str:
    """``docProps/core.xml``: the title (cut to what Word keeps), the language, fixed dates."""
    title = title[:PROPERTY_LIMIT]
    return (
        f"{_DECLARATION}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{attribute(title)}</dc:title><dc:creator>govindex</dc:creator>"
        f"<cp:lastModifiedBy>govindex</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"<dc:language>{tag}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{_FIXED_STAMP}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_FIXED_STAMP}</dcterms:modified></cp:coreProperties>'
    )


def app_xml() -> str:
    """``docProps/app.xml``: the application that wrote the file."""
    return (
        f'{_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>govindex</Application></Properties>"
    )


def content_types_xml() -> str:
    """``[Content_Types].xml``."""
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = {
        "/word/document.xml": f"{main}.document.main+xml",
        "/word/styles.xml": f"{main}.styles+xml",
        "/word/settings.xml": f"{main}.settings+xml",
        "/word/footer1.xml": f"{main}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    return (
        f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides.items())
        + "</Types>"
    )


def _relationships(items: Iterable[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in items)
    return f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}">{body}</Relationships>'


def package_rels_xml() -> str:
    """``_rels/.rels``: the document and its properties."""
    return _relationships(
        [
            ("rId1", f"{_REL}/officeDocument", "word/document.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("rId3", f"{_REL}/extended-properties", "docProps/app.xml"),
        ]
    )


#: The relationship ids of the document's fixed parts; pictures follow as ``rIdImage1``, ...
STYLES_ID, SETTINGS_ID, FOOTER_ID = "rId1", "rId2", "rId3"


def document_rels_xml(pictures: int) -> str:
    """``word/_rels/document.xml.rels``: styles, settings, the footer and ``pictures`` pictures."""
    fixed = [
        (STYLES_ID, f"{_REL}/styles", "styles.xml"),
        (SETTINGS_ID, f"{_REL}/settings", "settings.xml"),
        (FOOTER_ID, f"{_REL}/footer", "footer1.xml"),
    ]
    images = [(f"rIdImage{n}", f"{_REL}/image", f"media/image{n}.png") for n in range(1, pictures + 1)]
    return _relationships(fixed + images)


def picture_xml(number: int, name: str, description: str, width: int, height: int) -> str:
    """An inline picture (``media/image{number}.png``), ``width`` × ``height`` EMU, described for screen readers."""
    return (
        f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{width}" cy="{height}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{number}" name="{attribute(name)}" descr="{attribute(description)}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{PIC}"><pic:pic xmlns:pic="{PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="image{number}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="rIdImage{number}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


# --- the archive --------------------------------------------------------------------------------


#: A part of the package: its name in the archive and its content (text is written as UTF-8).
Part = tuple[str, str | bytes | Iterable[str]]


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o600 << 16
    return info


def package(parts: Iterable[Part], *, level: int = 6) -> bytes:
    """The zip archive of ``parts`` in order, every entry dated alike; text given in pieces is streamed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in parts:
            info = _entry(name)
            if isinstance(content, bytes):
                archive.writestr(info, content, compresslevel=level)
            elif isinstance(content, str):
                archive.writestr(info, content.encode("utf-8"), compresslevel=level)
            else:
                with archive.open(info, "w") as stream:
                    for piece in content:
                        stream.write(piece.encode("utf-8"))
    return buffer.getvalue()
