"""The JSON writer: UTF-8 text with diacritics intact, points as strings (never floats)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

__all__ = ["json_text"]


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:f}"
    raise TypeError(f"{type(value).__name__} is not JSON data")


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """``data`` as JSON text ending in a newline; a Decimal is written as its exact digits in a string.

    >>> from decimal import Decimal
    >>> print(json_text({"total": Decimal("20.50"), "name": "Sở Y tế"}, indent=None))
    {"total": "20.50", "name": "Sở Y tế"}
    """
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_default) + "\n"
