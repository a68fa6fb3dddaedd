"""The plain-text writer: aligned tables for a terminal, numbers right-aligned, nothing that drives the terminal.

Every text cell goes through :func:`govindex.render.safe.one_line`: control
characters show as U+FFFD and a line break as ``⏎``, so a name can neither
recolour the terminal nor break the table's alignment.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from govindex.render.model import Document, Heading, Paragraph, Table
from govindex.render.safe import one_line, visible

__all__ = ["document_text", "plain_table", "table_text"]


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def plain_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Rows already worded as text, aligned: columns of plain numbers right-aligned, every cell on one line.

    >>> print(plain_table(["Tên", "Điểm"], [["Sở A", "7.5"], ["Sở Bình", "10.0"]]), end="")
    Tên      Điểm
    -------  ----
    Sở A      7.5
    Sở Bình  10.0
    """
    head = [one_line(h) for h in header]
    body = [[one_line(c) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(head)]
    right = [all(_is_number(r[i]) for r in body if r[i]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True)).rstrip()

    lines = [line(head), "  ".join("-" * w for w in widths), *(line(row) for row in body)]
    return "\n".join(lines) + "\n"


def table_text(table: Table, lang: str = "en", *, caption: bool = False) -> str:
    """One table as aligned text; with ``caption`` its title above it; notes below."""
    header = [one_line(h) for h in table.headings(lang)]
    body = [[one_line(c) for c in row] for row in table.text_rows(lang)]
    right = table.numeric()
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True)).rstrip()

    lines = [line(header), "  ".join("-" * w for w in widths)]
    sections = table.section_at()
    for index, row in enumerate(body):
        lines += [one_line(label) for label in sections.get(index, [])]
        lines.append(line(row))
    lines += [one_line(label) for label in sections.get(len(body), [])]
    text = ""
    if caption and table.title is not None:
        text = one_line(table.title) + "\n\n"
    text += "\n".join(lines) + "\n"
    if table.notes:
        text += "\n" + "".join(f"{visible(note)}\n" for note in table.notes)
    return text


def document_text(document: Document) -> str:
    """A whole document as plain text: headings underlined, tables aligned (figures are left to HTML)."""
    lang = document.lang
    parts: list[str] = []
    if document.title:
        title = one_line(document.title)
        parts.append(f"{title}\n{'=' * len(title)}\n")
    if document.subtitle:
        parts.append(visible(document.subtitle) + "\n")
    for block in document.blocks:
        if isinstance(block, Heading):
            text = one_line(block.text)
            parts.append(f"{text}\n{('=' if block.level <= 1 else '-') * len(text)}\n")
        elif isinstance(block, Paragraph):
            parts.append(visible(block.text) + "\n")
        elif isinstance(block, Table):
            if document.caption_below:
                body = table_text(block, lang)
                parts.append(body + ("" if block.title is None else f"\n{one_line(block.title)}\n"))
            else:
                parts.append(table_text(block, lang, caption=True))
    return "\n".join(parts)
