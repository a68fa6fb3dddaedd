"""The one cattrs converter for every file format govindex reads and writes.

Unknown keys are errors (a typo such as ``max_point`` must not be dropped
silently). Points are structured through :func:`govindex.points.parse_points`,
so a float never reaches the core; NaN, infinities and negative points are
refused where they are read. Every problem is reported with its path inside
the document (``groups[0].tree.children[2].max_points``) and, when the data
came from a file, with its line and column.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError

from govindex._registry import Registry
from govindex.agency import nfc
from govindex.bands import Band, BandScheme
from govindex.catalogue.measures import MeasureConfig
from govindex.errors import FileFormatError, GovIndexError, RubricError, first_problem
from govindex.io.yamlio import CommaNumber, Document, join_index, join_key
from govindex.measures import Measure, MeasureFactory, measure_text, resolve_measure
from govindex.points import parse_points

__all__ = ["converter", "converter_for", "errors_of", "structure", "structure_document", "unstructure"]


def _make_converter(measures: Registry[MeasureFactory] | None = None) -> cattrs.Converter:
    """The converter; a rubric's ``measure:`` kinds resolve against ``measures`` (``None``: the installed ones)."""
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)

    def structure_decimal(value: Any, _type: type) -> Decimal:
        if isinstance(value, CommaNumber):
            value = parse_points(str(value))
        if isinstance(value, str):
            raise FileFormatError(f"expected a number, got the text {value!r}")
        if value is None:
            raise FileFormatError("expected a number, got nothing (null)")
        points = parse_points(value)
        if points < 0:
            raise FileFormatError(f"points cannot be negative ({points})")
        return points

    conv.register_structure_hook(Decimal, structure_decimal)

    def structure_score(value: Any, _type: type) -> Decimal | str:
        """A score, or (for a measured leaf, checked against the rubric later) the measurement as text."""
        if isinstance(value, CommaNumber):  # 4,5 written plainly: a number with a decimal comma, or a measurement
            return value
        if isinstance(value, str):
            return nfc(value.strip())
        if isinstance(value, bool):  # YAML reads yes/no as true/false: a yes/no figure, refused where points are due
            return "yes" if value else "no"
        return structure_decimal(value, Decimal)

    conv.register_structure_hook(Decimal | str, structure_score)
    conv.register_unstructure_hook(Decimal, lambda value: value)

    def structure_attribute(value: Any, _type: type) -> str | bool | int:
        if isinstance(value, str):
            return str(value)
        if isinstance(value, (bool, int)):
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
    conv.register_unstructure_hook(dt.date, lambda value: value)

    def structure_str(value: Any, _type: type) -> str:
        if not isinstance(value, str):
            raise FileFormatError(f"expected text, got {type(value).__name__} {value!r}")
        return str(value)

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

    def structure_enum_factory(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
        choices = ", ".join(repr(member.value) for member in cls)

        def structure_enum(value: Any, _type: type) -> enum.Enum:
            for member in cls:
                if member.value == value and type(member.value) is type(value):
                    return member
            raise FileFormatError(f"{value!r} is not one of {choices}")

        return structure_enum

    conv.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), structure_enum_factory
    )

    def structure_bands(value: Any, _type: type) -> BandScheme:
        if not isinstance(value, list):
            raise FileFormatError(f"expected a list of bands, got {type(value).__name__}")
        return BandScheme(tuple(conv.structure(item, Band) for item in value))

    def structure_measure(value: Any, _type: type) -> Measure | None:
        if value is None:
            return None
        return resolve_measure(value, measures)

    def unstructure_measure(value: Measure | None) -> Any:
        return None if value is None else measure_text(value)

    conv.register_structure_hook(Measure | None, structure_measure)
    conv.register_unstructure_hook(Measure | None, unstructure_measure)

    conv.register_structure_hook(BandScheme, structure_bands)
    conv.register_unstructure_hook(BandScheme, lambda scheme: [conv.unstructure(b) for b in scheme.bands])

    return conv


#: The converter shared by every reader and writer (measure kinds: the installed ones).
converter = _make_converter()


@functools.lru_cache(maxsize=8)
def converter_for(measures: Registry[MeasureFactory] | None) -> cattrs.Converter:
    """The converter whose rubrics' ``measure:`` kinds resolve against ``measures`` (``None``: :data:`converter`)."""
    return converter if measures is None else _make_converter(measures)


def _leaves(error: BaseException, path: str) -> Iterator[tuple[str, BaseException]]:
    if isinstance(error, ClassValidationError):
        for attr_error, attr_note in error.group_exceptions()[0]:
            yield from _leaves(attr_error, join_key(path, attr_note.name))
        for other in error.group_exceptions()[1]:
            yield from _leaves(other, path)
    elif isinstance(error, IterableValidationError):
        for item_error, item_note in error.group_exceptions()[0]:
            index = item_note.index
            yield from _leaves(item_error, join_index(path, index) if isinstance(index, int) else join_key(path, index))
        for other in error.group_exceptions()[1]:
            yield from _leaves(other, path)
    elif isinstance(error, BaseExceptionGroup):
        for member in error.exceptions:
            yield from _leaves(member, path)
    elif isinstance(error, cattrs.ForbiddenExtraKeysError):
        for name in sorted(error.extra_fields):
            yield join_key(path, name), error
    else:
        yield path, error


def _describe(error: BaseException, path: str) -> str:
    if isinstance(error, GovIndexError):
        return error.message
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        name = path.rsplit(".", 1)[-1]
        known = ""
        cls = error.cl
        fields = [field for field in getattr(cls, "__attrs_attrs__", ()) if field.init and field.eq]
        if fields:
            known = "; the keys here are " + ", ".join(field.name for field in fields)
        close = difflib.get_close_matches(name, [field.name for field in fields], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown key {name!r}{hint}{known}"
    if isinstance(error, KeyError):
        return f"required key {error.args[0]!r} is missing"
    if isinstance(error, TypeError) and "missing" in str(error) and "required" in str(error):
        return str(error).split(") ", 1)[-1] if ") " in str(error) else str(error)
    if isinstance(error, cattrs.errors.StructureHandlerNotFoundError):
        return f"cannot read a value of type {error.type_!r}"
    return f"{type(error).__name__}: {error}"


def errors_of(error: BaseException) -> list[tuple[str, BaseException, str]]:
    """Every leaf problem of a cattrs error as (path, exception, message)."""
    return [(path, leaf, _describe(leaf, path)) for path, leaf in _leaves(error, "")]


def _node_path(data: Any, group_id: str | None, node_id: str) -> str | None:
    """The path of a node's mapping inside rubric data, found by group and node id."""
    if not isinstance(data, Mapping) or not isinstance(data.get("groups"), list):
        return None
    for index, group in enumerate(data["groups"]):
        if not isinstance(group, Mapping) or (group_id is not None and group.get("id") != group_id):
            continue
        stack: list[tuple[str, Any]] = [(join_key(join_index("groups", index), "tree"), group.get("tree"))]
        while stack:
            where, node = stack.pop()
            if not isinstance(node, Mapping):
                continue
            if node.get("id") == node_id:
                return where
            children = node.get("children")
            if isinstance(children, list):
                stack.extend((join_index(join_key(where, "children"), i), c) for i, c in enumerate(children))
    return None


#: The rubric refusals about a node's maximum, placed at its ``max_points`` key.
_AT_MAX_POINTS = frozenset({"node-max-points", "node-max-points-bounds", "node-max-points-sum", "node-decimals"})


def _at_node(leaf: GovIndexError, path: str, data: Any) -> str:
    """Where in a rubric document a refusal belongs: the key a nested value's refusal names (a publication's
    ``scale``) below the value, or a node's ``max_points`` or ``measure``."""
    if leaf.path and isinstance(leaf, RubricError) and path:  # a nested value's key (a Publication's ``scale``)
        return f"{path}{leaf.path}" if leaf.path.startswith("[") else f"{path}.{leaf.path}"
    if leaf.path:
        return leaf.path
    if not path and leaf.node is not None:
        path = _node_path(data, leaf.group, leaf.node) or ""
    if not isinstance(leaf, RubricError) or leaf.node is None or not path:
        return path
    if leaf.code in _AT_MAX_POINTS:
        return join_key(path, "max_points")
    if isinstance(leaf.reason, MeasureConfig):
        return join_key(path, "measure")
    return path


def _as_problem(path: str, leaf: BaseException, message: str, data: Any) -> GovIndexError:
    if isinstance(leaf, GovIndexError):
        return _replace_path(leaf, _at_node(leaf, path, data) or None)
    return FileFormatError(message).with_context(path=path or None)


def structure_document(
    document: Document,
    cls: type[Any],
    *,
    at: str = "",
    data: Any = None,
    measures: Registry[MeasureFactory] | None = None,
) -> tuple[Any, list[GovIndexError]]:
    """Structure a document as ``cls``: the object (or ``None``) and every problem found, placed in the file.

    With ``at`` (and the ``data`` found there), only that part of the document
    is structured, and paths are given from the top of the document.
    ``measures`` is where a rubric's measure kinds resolve (default: the
    installed ones).
    """
    if not at:
        data = document.data
    try:
        return converter_for(measures).structure(data, cls), []
    except (ClassValidationError, IterableValidationError) as error:
        problems = [_as_problem(path, leaf, message, data) for path, leaf, message in errors_of(error)]
    except GovIndexError as error:
        problems = [_as_problem("", error, error.message, data)]
    except Exception as error:  # a shape the converter cannot handle at all
        problems = [FileFormatError(f"cannot read this as {cls.__name__}: {type(error).__name__}: {error}")]
    # An unknown key first: with a typo such as max_point, the missing max_points is only its echo.
    problems.sort(key=lambda p: not p.message.startswith("unknown key"))
    placed = []
    for problem in problems:
        key = isinstance(problem, FileFormatError) and problem.message.startswith("unknown key")
        where = problem.path or ""
        if at:
            where = at + ("" if not where else where if where.startswith("[") else "." + where)
        placed.append(_replace_path(document.place(_replace_path(problem, None), where, key=key), where))
    return None, placed


def _replace_path(error: GovIndexError, path: str | None) -> GovIndexError:
    clone = error.with_context()
    clone.path = path or None
    return clone


def structure(data: Any, cls: type[Any], *, file: str | None = None, document: Document | None = None) -> Any:
    """Structure ``data`` as ``cls``, turning any failure into a :class:`GovIndexError` with its path.

    Given the ``document`` the data came from, the error also names the line
    and column. With several problems the first is raised and the message
    says how many more there are (``govindex validate`` lists them all).
    """
    if document is None:
        document = Document(data, file)
    value, problems = structure_document(document, cls)
    if problems:
        raise first_problem(problems) from None
    return value


def unstructure(value: Any) -> Any:
    """Plain data (dicts, lists, text, Decimal, int, bool, dates) for ``value``."""
    return converter.unstructure(value)
