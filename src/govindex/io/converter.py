"""The one cattrs converter for every file format govindex reads and writes.

Unknown keys are errors (a typo such as ``max_point`` must not be dropped
silently). Points are structured through :func:`govindex.points.parse_points`,
so a float never reaches the core.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError

from govindex.bands import Band, BandScheme
from govindex.errors import FileFormatError, GovIndexError
from govindex.points import parse_points

__all__ = ["converter", "structure", "unstructure"]


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)

    def structure_decimal(value: Any, _type: type) -> Decimal:
        if isinstance(value, str):
            raise FileFormatError(f"expected a number, got the text {value!r}")
        return parse_points(value)

    conv.register_structure_hook(Decimal, structure_decimal)
    conv.register_unstructure_hook(Decimal, lambda value: value)

    def structure_attribute(value: Any, _type: type) -> str | bool | int:
        if isinstance(value, (str, bool, int)):
            return value
        raise FileFormatError(f"an attribute must be text, true/false or a whole number, not {value!r}")

    conv.register_structure_hook(str | bool | int, structure_attribute)

    def structure_date(value: Any, _type: type) -> dt.date:
        if isinstance(value, dt.datetime):
            raise FileFormatError(f"expected a date (YYYY-MM-DD), got the date-time {value!r}")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise FileFormatError(f"expected a date (YYYY-MM-DD), got {value!r}")

    conv.register_structure_hook(dt.date, structure_date)
    conv.register_unstructure_hook(dt.date, lambda value: value.isoformat())

    def structure_str(value: Any, _type: type) -> str:
        if not isinstance(value, str):
            raise FileFormatError(f"expected text, got {type(value).__name__} {value!r}")
        return value

    conv.register_structure_hook(str, structure_str)

    def structure_int(value: Any, _type: type) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FileFormatError(f"expected a whole number, got {value!r}")
        return value

    conv.register_structure_hook(int, structure_int)

    def structure_bool(value: Any, _type: type) -> bool:
        if not isinstance(value, bool):
            raise FileFormatError(f"expected true or false, got {value!r}")
        return value

    conv.register_structure_hook(bool, structure_bool)

    def structure_bands(value: Any, _type: type) -> BandScheme:
        if not isinstance(value, list):
            raise FileFormatError(f"expected a list of bands, got {type(value).__name__}")
        return BandScheme(tuple(conv.structure(item, Band) for item in value))

    conv.register_structure_hook(BandScheme, structure_bands)
    conv.register_unstructure_hook(BandScheme, lambda scheme: [conv.unstructure(b) for b in scheme.bands])
    return conv


#: The converter shared by every reader and writer.
converter = _make_converter()


def _leaves(error: BaseException, path: str) -> Iterator[tuple[str, BaseException]]:
    if isinstance(error, ClassValidationError):
        for attr_error, attr_note in error.group_exceptions()[0]:
            yield from _leaves(attr_error, f"{path}.{attr_note.name}" if path else attr_note.name)
        for other in error.group_exceptions()[1]:
            yield from _leaves(other, path)
    elif isinstance(error, IterableValidationError):
        for item_error, item_note in error.group_exceptions()[0]:
            yield from _leaves(item_error, f"{path}[{item_note.index}]")
        for other in error.group_exceptions()[1]:
            yield from _leaves(other, path)
    elif isinstance(error, BaseExceptionGroup):
        for member in error.exceptions:
            yield from _leaves(member, path)
    else:
        yield path, error


def _describe(error: BaseException) -> str:
    if isinstance(error, GovIndexError):
        return error.message
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return f"unknown key(s) {', '.join(sorted(map(repr, error.extra_fields)))}"
    if isinstance(error, KeyError):
        return f"required key {error.args[0]!r} is missing"
    if isinstance(error, TypeError) and "missing" in str(error) and "required" in str(error):
        return str(error).split(") ", 1)[-1] if ") " in str(error) else str(error)
    return f"{type(error).__name__}: {error}"


def errors_of(error: BaseException) -> list[tuple[str, BaseException, str]]:
    """Every leaf problem of a cattrs error as (path, exception, message)."""
    return [(path, leaf, _describe(leaf)) for path, leaf in _leaves(error, "")]


def structure(data: Any, cls: type[Any], *, file: str | None = None) -> Any:
    """Structure ``data`` as ``cls``, turning any failure into a :class:`GovIndexError` with its path."""
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as error:
        problems = errors_of(error)
        path, leaf, message = problems[0]
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        if isinstance(leaf, GovIndexError):
            raise leaf.with_context(file=file, path=path or None) from None
        raise FileFormatError(message + more, file=file, path=path or None) from None
    except GovIndexError as error:
        raise error.with_context(file=file) from None


def unstructure(value: Any) -> Any:
    return converter.unstructure(value)
