"""The HTML writer: escaped tables, and one self-contained page that prints on A4.

Every text is escaped (:func:`html.escape`) after control characters are
made visible. :func:`document_html` writes one page with its CSS inline, the
figures as inline SVG drawn by :mod:`govindex.render.svg`, and no reference
to anything outside the file (no script, font, image or style sheet).
Printed, it is A4 with the page number centred at the foot of each page;
the heading row repeats on every page, no row is split, and a table's
caption stays on the page of its table (``break-after``/``break-before:
avoid``), above it or, in an appendix, under it.
"""

from __future__ import annotations

import html

from govindex.render.model import Document, Figure, Heading, Paragraph, Table
from govindex.render.safe import visible

__all__ = ["document_html", "escape", "table_html", "tables_html"]

_CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 20mm;
        @bottom-center { content: counter(page); font-family: "Times New Roman", Times, serif; font-size: 11pt; } }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.35;
       color: #000; background: #fff; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 0 0 4pt; }
.subtitle { text-align: center; font-style: italic; margin: 0 0 12pt; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; }
h3 { font-size: 13pt; margin: 12pt 0 6pt; }
h1, h2, h3, .subtitle { break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; text-align: justify; }
table.govindex { border-collapse: collapse; width: 100%; margin: 6pt 0 14pt; page-break-inside: auto; }
table.govindex caption { caption-side: top; font-weight: bold; text-align: center; padding: 4pt 0; }
table.govindex caption { break-after: avoid; page-break-after: avoid; }
table.govindex.below caption { caption-side: bottom; break-before: avoid; page-break-before: avoid;
                               break-after: auto; page-break-after: auto; }
table.govindex.below tbody tr:last-child { break-after: avoid; page-break-after: avoid; }
table.govindex th, table.govindex td { border: 1px solid #000; padding: 2pt 5pt; vertical-align: top; }
table.govindex th { background: #eee; text-align: center; }
table.govindex td.num { text-align: right; white-space: nowrap; }
table.govindex tr { break-inside: avoid; page-break-inside: avoid; }
table.govindex tr.section th { text-align: left; background: #f6f6f6; font-style: italic; }
thead { display: table-header-group; }
figure { margin: 8pt 0 14pt; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-style: italic; font-size: 11pt; }
.note { font-size: 11pt; }
@media print { body { padding: 0; max-width: none; } }
""".strip()


def escape(text: str) -> str:
    """Text for HTML: controls as U+FFFD, then ``& < > " '`` escaped."""
    return html.escape(visible(text), quote=True)


def table_html(table: Table, lang: str = "en", *, caption_below: bool = False) -> str:
    """An HTML ``<table>`` with every text escaped; band sections as header rows."""
    right = table.numeric()
    width = len(table.columns)
    klass = "govindex below" if caption_below else "govindex"
    parts = [f'<table class="{klass}">']
    if table.title is not None:
        parts.append(f"<caption>{escape(table.title)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.headings(lang)) + "</tr></thead>")
    parts.append("<tbody>")
    sections = table.section_at()
    rows = table.text_rows(lang)

    def section(label: str) -> str:
        return f'<tr class="section"><th colspan="{width}">{escape(label)}</th></tr>'

    for index, row in enumerate(rows):
        parts += [section(label) for label in sections.get(index, [])]
        cells = "".join(
            f'<td class="num">{escape(c)}</td>' if r else f"<td>{escape(c)}</td>"
            for c, r in zip(row, right, strict=True)
        )
        parts.append(f"<tr>{cells}</tr>")
    parts += [section(label) for label in sections.get(len(rows), [])]
    parts.append("</tbody></table>")
    for note in table.notes:
        parts.append(f'<p class="note">{escape(note)}</p>')
    return "\n".join(parts) + "\n"


def tables_html(tables: tuple[Table, ...] | list[Table], lang: str = "en") -> str:
    """Several tables as one escaped HTML fragment (what Jupyter shows)."""
    return '<div class="govindex-report">\n' + "".join(table_html(t, lang) for t in tables) + "</div>\n"


def document_html(document: Document) -> str:
    """A whole document as one self-contained HTML page (inline CSS and SVG, printable on A4)."""
    lang = document.lang
    body: list[str] = []
    if document.title:
        body.append(f"<h1>{escape(document.title)}</h1>")
    if document.subtitle:
        body.append(f'<p class="subtitle">{escape(document.subtitle)}</p>')
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(6, block.level + 1)
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Table):
            body.append(table_html(block, lang, caption_below=document.caption_below))
        elif isinstance(block, Figure):
            body.append(f"<figure>\n{block.svg}\n<figcaption>{escape(block.caption)}</figcaption>\n</figure>")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title or 'govindex')}</title>\n"
        f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
