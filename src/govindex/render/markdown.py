"""The Markdown writer: GitHub-flavoured tables whose rows no cell can forge.

Cells go through :func:`govindex.render.safe.markdown_cell` (``|`` escaped,
line breaks as ``<br>``, no raw HTML); figures are inline SVG only in HTML,
so Markdown names them by their caption.
"""

from __future__ import annotations

from govindex.render.model import Document, Heading, Paragraph, Table
from govindex.render.safe import markdown_cell

__all__ = ["document_markdown", "table_markdown"]


def _text(text: str) -> str:
    """Running text: one paragraph, no raw HTML, no accidental heading or list."""
    cell = markdown_cell(text)
    return "\\" + cell if cell[:1] in {"#", "-", "+", "*", ">", "="} else cell


def table_markdown(table: Table, lang: str = "en") -> str:
    """One table in Markdown (numbers right-aligned), its band sections as bold rows, notes below."""
    width = len(table.columns)
    align = [" ---: " if r else " --- " for r in table.numeric()]
    lines = ["| " + " | ".join(markdown_cell(h) for h in table.headings(lang)) + " |", "|" + "|".join(align) + "|"]
    sections = table.section_at()

    def section(label: str) -> str:
        return "| " + " | ".join([f"**{markdown_cell(label)}**", *([""] * (width - 1))]) + " |"

    rows = table.text_rows(lang)
    for index, row in enumerate(rows):
        lines += [section(label) for label in sections.get(index, [])]
        lines.append("| " + " | ".join(markdown_cell(c) for c in row) + " |")
    lines += [section(label) for label in sections.get(len(rows), [])]
    text = "\n".join(lines) + "\n"
    if table.notes:
        text += "\n" + "".join(f"{_text(note)}\n\n" for note in table.notes)[:-1]
    return text


def document_markdown(document: Document) -> str:
    """A whole document in Markdown: ``#`` title, ``##``/``###`` headings, captioned tables."""
    lang = document.lang
    parts: list[str] = []
    if document.title:
        parts.append(f"# {markdown_cell(document.title)}\n")
    if document.subtitle:
        parts.append(_text(document.subtitle) + "\n")
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * min(6, block.level + 1)} {markdown_cell(block.text)}\n")
        elif isinstance(block, Paragraph):
            parts.append(_text(block.text) + "\n")
        elif isinstance(block, Table):
            body = table_markdown(block, lang)
            if block.title is None:
                parts.append(body)
            elif document.caption_below:
                parts.append(body + f"\n*{markdown_cell(block.title)}*\n")
            else:
                parts.append(f"## {markdown_cell(block.title)}\n\n" + body)
    return "\n".join(parts)
