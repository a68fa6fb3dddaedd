"""Typed attrs converters (the builtins confuse the type checker)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["to_dict", "to_frozenset", "to_str_tuple"]


def to_dict(value: Mapping[str, Any]) -> dict[str, Any]:
    return dict(value)


def to_frozenset(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)
