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
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError

from govindex._registry import Registry
from govindex.agency import nfc
from govindex.bands import Band, BandScheme
from govindex.catalogue.files import Files
from govindex.catalogue.measures import MeasureConfig
from govindex.errors import FileFormatError, GovIndexError, RubricError, collected
from govindex.io.yamlio import CommaNumber, MarkedDocument, join_index, join_key, parent_path
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
            raise FileFormatError(Files.EXPECTED_NUMBER_TEXT, text=repr(value))
        if value is None:
            raise FileFormatError(Files.EXPECTED_NUMBER_NULL)
        points = parse_points(value)
        if points < 0:
            raise FileFormatError(Files.NEGATIVE_POINTS, value=points)
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
        raise FileFormatError(Files.BAD_ATTRIBUTE, value=repr(value)[:60])

    conv.register_structure_hook(str | bool | int, structure_attribute)

    def structure_not_ranked(value: Any, _type: type) -> str | bool | None:
        """An agency's ``not_ranked``: the reason (or a bare yes/no, checked by the agency)."""
        if value is None or isinstance(value, (str, bool)):
            return value
        raise FileFormatError(Files.EXPECTED_TEXT, kind=_kind(value), value=repr(value)[:60])

    conv.register_structure_hook(str | bool | None, structure_not_ranked)

    def structure_date(value: Any, _type: type) -> dt.date:
        if isinstance(value, dt.datetime):
            raise FileFormatError(Files.EXPECTED_DATE_TIME, value=repr(value))
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise FileFormatError(Files.EXPECTED_DATE, value=repr(value)[:60])

    conv.register_structure_hook(dt.date, structure_date)
    conv.register_unstructure_hook(dt.date, lambda value: value)

    def structure_str(value: Any, _type: type) -> str:
        if not isinstance(value, str):
            raise FileFormatError(Files.EXPECTED_TEXT, kind=_kind(value), value=repr(value)[:60])
        return str(value)

    conv.register_structure_hook(str, structure_str)

    def structure_int(value: Any, _type: type) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FileFormatError(Files.EXPECTED_WHOLE, value=repr(value)[:60])
        return value

    conv.register_structure_hook(int, structure_int)

    def structure_bool(value: Any, _type: type) -> bool:
        if not isinstance(value, bool):
            raise FileFormatError(Files.EXPECTED_BOOL, value=repr(value)[:60])
        return value

    conv.register_structure_hook(bool, structure_bool)

    def structure_enum_factory(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
        choices = ", ".join(repr(member.value) for member in cls)

        def structure_enum(value: Any, _type: type) -> enum.Enum:
            for member in cls:
                if member.value == value and type(member.value) is type(value):
                    return member
            raise FileFormatError(Files.NOT_ONE_OF, value=repr(value)[:60], choices=choices)

        return structure_enum

    conv.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), structure_enum_factory
    )

    def structure_bands(value: Any, _type: type) -> BandScheme:
        if not isinstance(value, list):
            from govindex.catalogue.cli import Plain

            raise FileFormatError(Plain.BANDS_LIST, kind=type(value).__name__)
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


def _kind(value: Any) -> str:
    """What a value of a document is, in words a person who wrote the file knows."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, Decimal)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "mapping"
    if isinstance(value, (list, tuple)):
        return "list"
    return type(value).__name__


_STEP = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_\-]*)|\[([0-9]+)\]|\[('(?:[^'\\]|\\.)*')\]")


_MISSING = object()


def _value_at(data: Any, path: str) -> Any:
    """The value at ``path`` in plain data (``_MISSING`` when it is not there)."""
    import ast

    for found in _STEP.finditer(path):
        name, index, quoted = found.groups()
        key: Any = name if name is not None else int(index) if index is not None else ast.literal_eval(quoted)
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return data


def _shape_problem(path: str, data: Any) -> tuple[str, GovIndexError]:
    """The wrong shape found at ``path``, or at the nearest value that holds it (a mapping where a list was due)."""
    value = _value_at(data, path)
    while value is _MISSING and path:
        path = parent_path(path)
        value = _value_at(data, path)
    shown = "" if value is _MISSING else repr(value)[:60]
    return path, FileFormatError(Files.WRONG_SHAPE, got=f"{_kind(value)} {shown}".strip())


def _problem_of(error: BaseException, path: str, data: Any) -> GovIndexError:
    """A leaf problem of a cattrs error as a catalogue problem (never a Python exception's own words)."""
    if isinstance(error, GovIndexError):
        return error
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        name = path.rsplit(".", 1)[-1]
        fields = [field.name for field in getattr(error.cl, "__attrs_attrs__", ()) if field.init and field.eq]
        close = difflib.get_close_matches(name, fields, n=1)
        hint: Any = _Hint(close[0]) if close else ""
        if not fields:
            return FileFormatError(Files.UNKNOWN_KEY_ALONE, key=repr(name))
        return FileFormatError(Files.UNKNOWN_KEY, key=repr(name), hint=hint, known=fields)
    if isinstance(error, KeyError):
        return FileFormatError(Files.MISSING_KEY, key=repr(error.args[0]))
    if isinstance(error, cattrs.errors.StructureHandlerNotFoundError):
        return FileFormatError(Files.CANNOT_STRUCTURE, kind=repr(error.type_))
    return _shape_problem(path, data)[1]


class _Hint:
    """``(did you mean 'max_points'?)``, in the language of the message that holds it."""

    def __init__(self, close: str) -> None:
        self.close = close

    def message_in(self, lang: str) -> str:
        return Files.DID_YOU_MEAN.text(lang, close=repr(self.close))


def errors_of(error: BaseException, data: Any = None) -> list[tuple[str, BaseException, str]]:
    """Every leaf problem of a cattrs error as (path, exception, message in English)."""
    out = []
    for path, leaf in _leaves(error, ""):
        problem = _problem_of(leaf, path, data)
        out.append((path, leaf, problem.message_in("en")))
    return out


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


def _as_problem(path: str, leaf: BaseException, data: Any) -> GovIndexError:
    if isinstance(leaf, GovIndexError):
        return _replace_path(leaf, _at_node(leaf, path, data) or None)
    if isinstance(leaf, (cattrs.ForbiddenExtraKeysError, KeyError, cattrs.errors.StructureHandlerNotFoundError)):
        problem = _problem_of(leaf, path, data)
    else:
        path, problem = _shape_problem(path, data)
    return problem.with_context(path=path or None)


def structure_document(
    document: MarkedDocument,
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
        problems = [_as_problem(path, leaf, data) for path, leaf in _leaves(error, "")]
    except GovIndexError as error:
        problems = [_as_problem("", error, data)]
    except Exception:  # a shape the converter cannot handle at all
        problems = [FileFormatError(Files.WRONG_SHAPE, got=f"{_kind(data)} {repr(data)[:60]}")]
    # An unknown key first: with a typo such as max_point, the missing max_points is only its echo.
    unknown = {Files.UNKNOWN_KEY.code, Files.UNKNOWN_KEY_ALONE.code}
    problems.sort(key=lambda p: p.code not in unknown)
    placed = []
    for problem in problems:
        key = problem.code in unknown
        where = problem.path or ""
        if at:
            where = at + ("" if not where else where if where.startswith("[") else "." + where)
        placed.append(_replace_path(document.place(_replace_path(problem, None), where, key=key), where))
    return None, placed


def _replace_path(error: GovIndexError, path: str | None) -> GovIndexError:
    clone = error.with_context()
    clone.path = path or None
    return clone


def structure(data: Any, cls: type[Any], *, file: str | None = None, document: MarkedDocument | None = None) -> Any:
    """Structure ``data`` as ``cls``, turning any failure into a :class:`GovIndexError` with its path.

    Given the ``document`` the data came from, the error also names the line
    and column. With several problems the first is raised and the message
    says how many more there are (``govindex validate`` lists them all).
    """
    if document is None:
        document = MarkedDocument(data, file)
    value, problems = structure_document(document, cls)
    if problems:
        raise collected(problems) from None
    return value


def unstructure(value: Any) -> Any:
    """Plain data (dicts, lists, text, Decimal, int, bool, dates) for ``value``."""
    return converter.unstructure(value)
