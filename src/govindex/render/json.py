"""The JSON writer: UTF-8 text with diacritics intact, points as strings (never floats).

A lone surrogate (which no UTF-8 file can hold) is written as its ``\\uXXXX``
escape, so the text always encodes and reads back to the same string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from govindex.catalogue.render import RenderError
from govindex.errors import InputError

__all__ = ["encode_raw", "encode_string", "escape_surrogates", "json_text"]

_SURROGATE = re.compile("[\ud800-\udfff]")

#: JSON string text as ``json.dumps(..., ensure_ascii=False)`` writes it (the C encoder when available);
#: a lone surrogate is left as it is (:func:`escape_surrogates` writes it as its escape).
encode_raw: Callable[[str], str] = json.encoder.encode_basestring


def _escaped(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def escape_surrogates(text: str) -> str:
    r"""JSON text with every lone surrogate written as its escape.

    >>> escape_surrogates('"a\ud800"')
    '"a\\ud800"'
    """
    return _SURROGATE.sub(_escaped, text) if _SURROGATE.search(text) else text


def encode_string(text: str) -> str:
    """A string as JSON text (quoted, escaped), diacritics kept, lone surrogates escaped.

    >>> encode_string('Sở "Y" tế')
    '"Sở \\\\"Y\\\\" tế"'
    """
    return escape_surrogates(encode_raw(text))


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:f}"
    raise InputError(RenderError.NOT_RENDERABLE, kind=type(value).__name__)


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """``data`` as JSON text ending in a newline; a Decimal is written as its exact digits in a string.

    Compact (no spaces) when ``indent`` is ``None``.

    >>> from decimal import Decimal
    >>> print(json_text({"total": Decimal("20.50"), "name": "Sở Y tế"}, indent=None))
    {"total":"20.50","name":"Sở Y tế"}
    """
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators, default=_default)
    return escape_surrogates(text) + "\n"
