"""Texts no file or screen may hold, found anywhere in a document (a rubric, a registry) when it is read.

A control character (but TAB and line breaks), a C1 control or a
bidirectional override drives a display; a lone surrogate or a
noncharacter (U+FFFE, U+FFFF, U+FDD0-U+FDEF) cannot be written to any file.
Each is refused where it is read, at its line, so that no writer ever meets one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from govindex.catalogue.reading import Reading
from govindex.errors import FileFormatError, GovIndexError
from govindex.io.yamlio import MarkedDocument, join_index, join_key

__all__ = ["UNFIT", "unfit_error", "unfit_texts"]

#: One character no name, title or note may hold.
UNFIT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


def unfit_texts(document: MarkedDocument, data: Any = None, path: str = "") -> Iterator[GovIndexError]:
    """Every text (a key or a value) of ``data`` (default: the whole document) holding a character no file
    or screen may, placed at its line in the document.

    >>> from govindex.io.yamlio import load_document
    >>> [(e.code, e.location, e.params["char"]) for e in unfit_texts(load_document('a: "A\\u202e"', file="r.yaml"))]
    [('bad-text', 'r.yaml:1:4', 'U+202E')]
    """
    data = document.data if data is None and not path else data
    if isinstance(data, str):
        found = UNFIT.search(data)
        if found is not None:
            yield document.place(unfit_error(data, found.group()), path)
    elif isinstance(data, dict):
        for key, value in data.items():
            inner = join_key(path, str(key)) if path else str(key)
            if isinstance(key, str) and (found := UNFIT.search(key)) is not None:
                yield document.place(unfit_error(key, found.group()), inner, key=True)
            yield from unfit_texts(document, value, inner)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from unfit_texts(document, value, join_index(path, index))


def unfit_error(text: str, character: str) -> FileFormatError:
    """The refusal of ``text`` for holding ``character``; the text shown with each unfit character escaped."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    escaped = UNFIT.sub(lambda found: f"\\u{ord(found.group()):04x}", shown)  # Vietnamese letters stay letters
    return FileFormatError(Reading.BAD_TEXT, text=f"'{escaped}'", char=f"U+{ord(character):04X}")
