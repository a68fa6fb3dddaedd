r"""Safe output: text that cannot become a formula, forge a table row or drive a terminal.

Every writer of :mod:`govindex.render` passes text cells through one of these:

- :func:`visible` replaces control characters (ESC, BEL, NUL, C1 controls,
  the bidirectional overrides) by U+FFFD ``�``, so an agency name cannot
  move the cursor, recolour a terminal or reorder a line; line breaks and
  tabs are kept. So are lone surrogates and U+FFFE/U+FFFF, which no UTF-8
  file, workbook or Word document can hold.
- :func:`one_line` also turns line breaks and tabs into visible marks, for
  the cells of aligned text tables.
- :func:`csv_cell` protects a spreadsheet: a text cell that begins with
  ``=``, ``+``, ``-``, ``@``, TAB or CR gets a leading apostrophe ``'``, the
  usual defence against formula injection (Excel and LibreOffice show the
  text and never evaluate it). Numbers are written as numbers, so a negative
  difference stays ``-1.5``.
- :func:`markdown_cell` escapes ``|``, ``\``, ``<``, ``>``, ``&`` and writes a
  line break as ``<br>``, so a name cannot end a Markdown row or inject HTML.

>>> csv_cell('=HYPERLINK("http://x")'), csv_cell("-1"), csv_cell("Sở Y tế")
('\'=HYPERLINK("http://x")', "'-1", 'Sở Y tế')
>>> visible("A\x1b[31mB") == "A\ufffd[31mB"
True
>>> print(markdown_cell("a | b\nc <b>"))
a \| b<br>c &lt;b&gt;
"""

from __future__ import annotations

import re

__all__ = [
    "FORMULA_TRIGGERS",
    "csv_cell",
    "csv_text_cell",
    "markdown_cell",
    "one_line",
    "unprotect_csv_cell",
    "visible",
]

#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# C0 controls but TAB, LF and CR; DEL; C1 controls; bidirectional embeddings, overrides and isolates;
# lone surrogates and the two non-characters XML refuses (U+FFFE, U+FFFF).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_BREAK = re.compile(r"\r\n|\r|\n")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def visible(text: str) -> str:
    """``text`` with every control character but TAB, LF and CR replaced by U+FFFD.

    >>> visible("Sở\\ud800Y tế\\uffff") == "Sở\\ufffdY tế\\ufffd"
    True
    """
    return _CONTROL.sub("\ufffd", text)


def one_line(text: str) -> str:
    """``text`` on one line: controls as U+FFFD, a line break as ``⏎``, a TAB as a space.

    >>> one_line("Sở\\nY tế\\t")
    'Sở⏎Y tế '
    """
    return _BREAK.sub("⏎", visible(text)).replace("\t", " ")


def csv_cell(text: str) -> str:
    """A text cell for a CSV file: a leading apostrophe when it would start a formula; controls as U+FFFD.

    The apostrophe is the defence OWASP recommends and spreadsheets hide; a
    text that already begins with apostrophes before such a character gets
    one more, so :func:`unprotect_csv_cell` gives back exactly the text.
    """
    text = visible(text)
    if text.lstrip("'").startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def csv_text_cell(text: str) -> str:
    """A cell of a table already turned into text: a plain number (``-1.5``, ``+2``) as it is, else :func:`csv_cell`.

    A plain signed number evaluates to itself in a spreadsheet, so it needs no
    protection; anything else that starts like a formula (``-2+3``) gets it.

    >>> csv_text_cell("-1.5"), csv_text_cell("+2"), csv_text_cell("-2+3")
    ('-1.5', '+2', "'-2+3")
    """
    return text if _PLAIN_NUMBER.fullmatch(text) else csv_cell(text)


def unprotect_csv_cell(text: str) -> str:
    """The text :func:`csv_cell` protected: one leading apostrophe before a trigger character is removed.

    >>> unprotect_csv_cell("'=1+1"), unprotect_csv_cell("'quoted'"), unprotect_csv_cell(csv_cell("'=x"))
    ('=1+1', "'quoted'", "'=x")
    """
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def markdown_cell(text: str) -> str:
    """A cell of a Markdown table: one row whatever the text holds, no raw HTML."""
    text = visible(text)
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BREAK.sub("<br>", text).replace("\t", " ")
