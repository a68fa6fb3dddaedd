"""Strict, safe reading of YAML and JSON documents, with the source position of every value.

A document is composed into YAML nodes and turned into plain data by hand, so
that nothing but plain data can come out of it and every value keeps its line
and column:

- mappings, lists, text, numbers, dates, ``true``/``false`` and ``null`` only;
  any other tag (``!!python/object``, ``!!set``, ``!custom``) is refused;
- numbers with a fraction become :class:`~decimal.Decimal` from their source
  text (``83.8`` exactly, never through ``float``); whole numbers must be
  written in plain decimal digits (YAML 1.1 would read ``010`` as octal 8);
- a key repeated in one mapping is refused (PyYAML would keep the last one);
- keys are text, taken as written (``1.1: 2.5`` has the key ``"1.1"``);
- an alias (``*name``) may repeat a whole value, a merge key (``<<: *name``) the keys of a
  mapping that are not written out beside it;
- documents that are too large, nested too deeply or expand too far through
  aliases (alias bombs) are refused before they are built.

JSON is read with :mod:`json` (numbers exactly as :class:`~decimal.Decimal`),
and located through the same composer where it can be.

Paths inside a document are written as the converter writes them:
``groups[0].tree.children[2].max_points``; keys that are not plain words are
quoted: ``agencies[0].scores['1.1']``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import yaml

from govindex.agency import nfc
from govindex.catalogue.files import Files
from govindex.errors import FileFormatError, GovIndexError

__all__ = [
    "MAX_CHARS",
    "MAX_DEPTH",
    "MAX_VALUES",
    "CommaNumber",
    "MarkedDocument",
    "dump_document",
    "dump_json",
    "dump_yaml",
    "join_index",
    "join_key",
    "load_document",
    "load_yaml",
    "parent_path",
]

#: The largest document read, in characters.
MAX_CHARS = 5_000_000
#: The deepest nesting of mappings and lists.
MAX_DEPTH = 64
#: The most values a document may hold once its aliases are expanded.
MAX_VALUES = 200_000

Mark = tuple[int, int]
Sink = Callable[[GovIndexError], None]

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TAG = "tag:yaml.org,2002:"
_SPECIAL_FLOATS = {
    ".nan": "NaN",
    "+.nan": "NaN",
    "-.nan": "NaN",
    ".inf": "Infinity",
    "+.inf": "Infinity",
    "-.inf": "-Infinity",
}
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}


def join_key(path: str, key: str) -> str:
    """The path of ``key`` inside the mapping at ``path``.

    >>> join_key("agencies[0].scores", "total")
    'agencies[0].scores.total'
    >>> join_key("agencies[0].scores", "1.1")
    "agencies[0].scores['1.1']"
    """
    if _WORD.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{key!r}]"


def join_index(path: str, index: int) -> str:
    """The path of item ``index`` of the list at ``path``."""
    return f"{path}[{index}]"


def parent_path(path: str) -> str:
    """The path of the mapping or list that holds ``path`` ("" for the top).

    >>> parent_path("groups[0].tree.max_points")
    'groups[0].tree'
    >>> parent_path("groups[0]")
    'groups'
    """
    if path.endswith("]"):
        return path[: path.rfind("[")]
    cut = path.rfind(".")
    return "" if cut < 0 else path[:cut]


@attrs.frozen
class MarkedDocument:
    """Plain data read from a file, with the line and column of every value and key."""

    data: Any
    file: str | None = None
    marks: dict[str, Mark] = attrs.field(factory=dict, eq=False, repr=False)
    key_marks: dict[str, Mark] = attrs.field(factory=dict, eq=False, repr=False)

    def locate(self, path: str, *, key: bool = False) -> Mark | None:
        """Line and column of the value at ``path`` (of its key with ``key=True``).

        A path that is not in the document (a missing key) is located at the
        nearest mapping or list that holds it.
        """
        if key and path in self.key_marks:
            return self.key_marks[path]
        probe = path
        while True:
            if probe in self.marks:
                return self.marks[probe]
            if not probe:
                return None
            probe = parent_path(probe)

    def place(self, error: GovIndexError, path: str | None = None, *, key: bool = False) -> GovIndexError:
        """The error with this document's file, the position of ``path`` and the path filled in."""
        where = error.path if path is None else path
        mark = self.locate(where, key=key) if where is not None else None
        return error.with_context(
            file=self.file,
            line=None if mark is None else mark[0],
            column=None if mark is None else mark[1],
            path=where or None,
        )


def _at(node: yaml.Node | None) -> Mark | None:
    if node is None:
        return None
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _problem(reason: Files, node: yaml.Node, path: str, file: str | None, **params: Any) -> FileFormatError:
    mark = _at(node)
    return FileFormatError(
        reason,
        **params,
        file=file,
        line=None if mark is None else mark[0],
        column=None if mark is None else mark[1],
        path=path or None,
    )


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _expanded_size(root: yaml.Node, file: str | None) -> int:
    """How many values the document holds with its aliases expanded; refuses cycles and bombs."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _problem(Files.ALIAS_CYCLE, node, "", file)
        if depth > MAX_DEPTH:
            raise _problem(Files.TOO_DEEP, node, "", file, depth=MAX_DEPTH)
        active.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(item, depth + 1) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        active.discard(key)
        if total > MAX_VALUES:
            raise _problem(Files.TOO_MANY_VALUES, node, "", file, count=MAX_VALUES)
        sizes[key] = total
        return total

    return size(root, 0)


class CommaNumber(str):
    """A plain YAML scalar such as ``4,5``: text to YAML, a number with a decimal comma where points are expected."""

    __slots__ = ()


_COMMA_NUMBER = re.compile(r"-?[0-9]+,[0-9]+")


class _Loader(yaml.SafeLoader):
    """The safe composer, noting where a tag is written out (``!!timestamp``, ``!!python/...``)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.explicit: set[int] = set()

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if getattr(event, "tag", None) is not None:
            self.explicit.add(event.start_mark.index)
        return super().compose_node(parent, index)


def _split_number(previous: tuple[yaml.Node, yaml.Node] | None, key: yaml.Node, value: yaml.Node) -> str | None:
    """``a: 4,5`` as written, when a flow mapping cut it at the comma into ``a: 4`` and a key ``5`` without a value."""
    if previous is None or not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
        return None
    number = previous[1]
    if not isinstance(number, yaml.ScalarNode) or not _plain(number) or not _plain(key):
        return None
    if not re.fullmatch(r"-?[0-9]+", number.value) or not re.fullmatch(r"[0-9]+", key.value):
        return None
    if value.tag != f"{_TAG}null" or value.value not in {"", "~", "null"}:
        return None
    return f"{previous[0].value}: {number.value},{key.value}"


class _Builder:
    """Turns composed YAML nodes into plain data, recording positions and problems."""

    def __init__(
        self, file: str | None, sink: Sink | None, explicit: set[int] | None = None, reader: Files = Files.YAML_READER
    ) -> None:
        self.file = file
        self.reader = reader
        self.sink = sink
        self.explicit = explicit or set()
        self.marks: dict[str, Mark] = {}
        self.key_marks: dict[str, Mark] = {}

    def report(self, error: GovIndexError) -> None:
        if self.sink is None:
            raise error
        self.sink(error)

    def build(self, node: yaml.Node, path: str) -> Any:
        mark = _at(node)
        if mark is not None:
            self.marks.setdefault(path, mark)
        if node.start_mark.index in self.explicit:
            self.report(_problem(Files.TAG_NOT_ALLOWED, node, path, self.file, tag=_tag_name(node.tag)))
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_TAG}seq":
                self.report(_problem(Files.TAG_NOT_ALLOWED, node, path, self.file, tag=_tag_name(node.tag)))
            return [self.build(item, join_index(path, index)) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        raise _problem(Files.NOT_PLAIN, node, path, self.file)  # pragma: no cover - composer gives only these

    def mapping(self, node: yaml.MappingNode, path: str) -> dict[str, Any]:
        if node.tag != f"{_TAG}map":
            self.report(_problem(Files.TAG_NOT_ALLOWED, node, path, self.file, tag=_tag_name(node.tag)))
        out: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        merges: list[tuple[yaml.Node, yaml.Node]] = []
        previous: tuple[yaml.Node, yaml.Node] | None = None
        for key_node, value_node in node.value:
            before, previous = previous, (key_node, value_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(_problem(Files.KEY_NOT_TEXT, key_node, path, self.file))
                continue
            if key_node.tag == f"{_TAG}merge":
                merges.append((key_node, value_node))
                continue
            key = nfc(key_node.value)
            where = join_key(path, key)
            split = _split_number(before, key_node, value_node) if node.flow_style else None
            if split is not None:
                self.report(
                    _problem(
                        Files.COMMA_IN_FLOW,
                        key_node,
                        where,
                        self.file,
                        split=split,
                        head=split.split(",")[0],
                        key=repr(key),
                        dotted=split.replace(",", "."),
                    )
                )
                continue
            if key in first:
                line = first[key].start_mark.line + 1
                self.report(
                    _problem(
                        Files.KEY_REPEATED,
                        key_node,
                        where,
                        self.file,
                        key=repr(key),
                        first=line,
                        reader=self.reader,
                    )
                )
                continue
            first[key] = key_node
            key_mark = _at(key_node)
            if key_mark is not None:
                self.key_marks.setdefault(where, key_mark)
            out[key] = self.build(value_node, where)
        for key_node, value_node in merges:
            self.merge(out, key_node, value_node, path)
        return out

    def merge(self, out: dict[str, Any], key_node: yaml.Node, value_node: yaml.Node, path: str) -> None:
        """A merge key (``<<: *defaults``): the keys of the merged mappings that are not written out here."""
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                self.report(_problem(Files.MERGE_NOT_MAPPING, key_node, path, self.file))
                continue
            for key, value in self.mapping(source, path).items():
                out.setdefault(key, value)

    def scalar(self, node: yaml.ScalarNode, path: str) -> Any:
        tag, text = node.tag, node.value
        if tag not in _SCALAR_TAGS:
            self.report(_problem(Files.TAG_NOT_ALLOWED, node, path, self.file, tag=_tag_name(tag)))
            return text
        kind = tag[len(_TAG) :]
        if kind == "str":
            text = nfc(text)
            if _plain(node) and _COMMA_NUMBER.fullmatch(text):
                return CommaNumber(text)
            return text
        if kind == "null":
            return None
        if kind == "bool":
            value = yaml.constructor.SafeConstructor.bool_values.get(text.lower())
            if value is None:
                self.report(_problem(Files.NOT_BOOL, node, path, self.file, text=repr(text)))
                return text
            return value
        if kind == "int":
            if _INT.fullmatch(text) and len(text) <= 100:
                return int(text)
            self.report(_problem(Files.AMBIGUOUS_INT, node, path, self.file, text=repr(text[:40])))
            return text
        if kind == "float":
            return self.decimal(node, path)
        return self.timestamp(node, path)

    def decimal(self, node: yaml.ScalarNode, path: str) -> Any:
        """A number with a fraction, from its source text (never through a float)."""
        text = node.value
        special = _SPECIAL_FLOATS.get(text.lower())
        if special is not None:
            return Decimal(special)
        if _FLOAT.fullmatch(text):
            return Decimal(text)
        self.report(_problem(Files.AMBIGUOUS_FLOAT, node, path, self.file, text=repr(text[:40])))
        return text

    def timestamp(self, node: yaml.ScalarNode, path: str) -> Any:
        """A date (``YYYY-MM-DD``), or YAML's date and time."""
        text = node.value
        try:
            if _DATE.fullmatch(text):
                return dt.date.fromisoformat(text)
            stamp: Any = yaml.constructor.SafeConstructor.construct_yaml_timestamp(yaml.SafeLoader(""), node)
            return stamp
        except (ValueError, OverflowError, TypeError, AttributeError, yaml.YAMLError):
            self.report(_problem(Files.NOT_A_DATE, node, path, self.file, text=repr(text[:40])))
            return text


_C_LOADER: Any = getattr(yaml, "CSafeLoader", None)


def _compose(text: str, file: str | None) -> tuple[yaml.Node | None, set[int]]:
    """The document's nodes and where a tag is written out.

    With libyaml (when PyYAML has it) a valid document is composed many times
    faster, into the same nodes; any document libyaml refuses is composed again
    by the pure-Python composer, whose refusals say what is wrong and where.
    """
    if _C_LOADER is not None:
        try:
            return _compose_c(text)
        except (yaml.YAMLError, RecursionError):
            pass
    try:
        loader = _Loader(text)
    except yaml.YAMLError as error:
        raise FileFormatError(Files.NOT_YAML, reason=str(error)[:200], file=file) from None
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node, loader.explicit
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise FileFormatError(
            Files.NOT_YAML,
            reason=problem,
            file=file,
            line=None if mark is None else mark.line + 1,
            column=None if mark is None else mark.column + 1,
        ) from None
    except yaml.YAMLError as error:
        raise FileFormatError(Files.NOT_YAML, reason=str(error)[:200], file=file) from None
    except RecursionError:
        raise FileFormatError(Files.TOO_DEEP, depth=MAX_DEPTH, file=file) from None
    finally:
        loader.dispose()


def _compose_c(text: str) -> tuple[yaml.Node | None, set[int]]:
    """libyaml's nodes, and where a tag is written out (from its events: the same places as the composer's)."""
    explicit = {
        event.start_mark.index
        for event in yaml.parse(text, Loader=_C_LOADER)
        if getattr(event, "tag", None) is not None and event.start_mark is not None
    }
    node: yaml.Node | None = yaml.compose(text, Loader=_C_LOADER)
    return node, explicit


def _plain(node: yaml.Node) -> bool:
    """Whether a scalar was written plain (no quotes, no block style): libyaml says ``""``, the composer ``None``."""
    return getattr(node, "style", None) in (None, "")


def _check_size(text: str, file: str | None) -> None:
    if len(text) > MAX_CHARS:
        raise FileFormatError(Files.TOO_LONG_DOCUMENT, size=len(text), limit=MAX_CHARS, file=file)


def _load_yaml_document(text: str, file: str | None, sink: Sink | None) -> MarkedDocument:
    _check_size(text, file)
    root, explicit = _compose(text, file)
    if root is None:
        return MarkedDocument(None, file)
    _expanded_size(root, file)
    builder = _Builder(file, sink, explicit)
    data = builder.build(root, "")
    return MarkedDocument(data, file, builder.marks, builder.key_marks)


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        key = nfc(key)
        if key in out:
            raise _Duplicate(key)
        out[key] = nfc(value) if isinstance(value, str) else value
    return out


def _nfc_items(data: Any) -> Any:
    """The text items of JSON lists in NFC (mapping keys and values are normalised as they are read)."""
    if isinstance(data, list):
        return [nfc(item) if isinstance(item, str) else _nfc_items(item) for item in data]
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, (list, dict)):
                data[key] = _nfc_items(value)
    return data


def _json_constant(name: str) -> Decimal:
    return Decimal({"NaN": "NaN", "Infinity": "Infinity", "-Infinity": "-Infinity"}[name])


def _json_marks(
    text: str, file: str | None, reader: Files = Files.YAML_READER
) -> tuple[_Builder, GovIndexError | None]:
    """Positions of the values of a JSON text through the YAML composer (best effort), and its first repeated key."""
    problems: list[GovIndexError] = []
    builder = _Builder(file, problems.append, reader=reader)
    try:
        try:
            root = yaml.compose(text, Loader=_C_LOADER or yaml.SafeLoader)
        except yaml.YAMLError:  # libyaml refuses some JSON (a lone surrogate escaped): the composer takes it
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        if root is not None:
            _expanded_size(root, file)
            builder.build(root, "")
    except (yaml.YAMLError, RecursionError, GovIndexError):
        pass
    return builder, next((p for p in problems if p.code == Files.KEY_REPEATED.code), None)


def _load_json_document(text: str, file: str | None) -> MarkedDocument:
    _check_size(text, file)
    try:
        data = json.loads(
            text, parse_float=Decimal, parse_int=int, parse_constant=_json_constant, object_pairs_hook=_json_pairs
        )
    except json.JSONDecodeError as error:
        raise FileFormatError(
            Files.NOT_JSON, reason=error.msg, file=file, line=error.lineno, column=error.colno
        ) from None
    except _Duplicate as duplicate:
        repeated = _json_marks(text, file, Files.JSON_READER)[1]
        if repeated is not None:
            raise repeated from None
        raise FileFormatError(Files.KEY_REPEATED_JSON, key=repr(duplicate.key), file=file) from None
    except RecursionError:
        raise FileFormatError(Files.TOO_DEEP, depth=MAX_DEPTH, file=file) from None
    except ValueError as error:  # e.g. an integer with too many digits
        raise FileFormatError(Files.NOT_JSON, reason=str(error)[:200], file=file) from None
    if _depth(data) > MAX_DEPTH:
        raise FileFormatError(Files.TOO_DEEP, depth=MAX_DEPTH, file=file)
    data = nfc(data) if isinstance(data, str) else _nfc_items(data)
    builder = _json_marks(text, file)[0]
    return MarkedDocument(data, file, builder.marks, builder.key_marks)


def _depth(data: Any) -> int:
    if isinstance(data, dict):
        return 1 + max((_depth(v) for v in data.values()), default=0)
    if isinstance(data, list):
        return 1 + max((_depth(v) for v in data), default=0)
    return 0


def _looks_like_json(text: str, file: str | None) -> bool:
    if file is not None and file.lower().endswith(".json"):
        return True
    if file is not None and file.lower().endswith((".yaml", ".yml")):
        return False
    return text.lstrip("\ufeff \t\r\n")[:1] in {"{", "["}


def load_document(text: str, *, file: str | None = None, sink: Sink | None = None) -> MarkedDocument:
    """Read one YAML or JSON document strictly, keeping every value's position.

    JSON is expected for ``.json`` files and for text that starts with ``{``
    or ``[`` when no ``.yaml`` name says otherwise (JSON that is not valid
    JSON is then read as YAML). With ``sink``, problems that do not stop the
    reading (a repeated key, a refused tag, an ambiguous number) are passed to
    it and the reading goes on; without, the first one is raised.

    >>> doc = load_document("total: 83.8\\nname: Sở Nội vụ\\n", file="a.yaml")
    >>> doc.data["total"], doc.locate("name")
    (Decimal('83.8'), (2, 7))
    """
    text = text.removeprefix("\ufeff")
    if _looks_like_json(text, file):
        try:
            return _load_json_document(text, file)
        except FileFormatError as error:
            if file is not None and file.lower().endswith(".json"):
                raise
            if error.code != Files.NOT_JSON.code:
                raise
    return _load_yaml_document(text, file, sink)


def load_yaml(text: str, *, file: str | None = None) -> Any:
    """Parse one YAML (or JSON) document with safe tags only; numbers with a fraction become Decimal."""
    return load_document(text, file=file).data


class _Dumper(yaml.SafeDumper):
    """Plain YAML out: Decimals as numbers from their digits, sets sorted, tuples as lists, no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = f"{value:f}"
    tag = f"{_TAG}float" if "." in text else f"{_TAG}int"
    return dumper.represent_scalar(tag, text)


def _represent_set(dumper: yaml.SafeDumper, value: Any) -> yaml.SequenceNode:
    return dumper.represent_list(sorted(value))


def _represent_tuple(dumper: yaml.SafeDumper, value: Any) -> yaml.SequenceNode:
    return dumper.represent_list(list(value))


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(frozenset, _represent_set)
_Dumper.add_representer(set, _represent_set)
_Dumper.add_representer(tuple, _represent_tuple)


def dump_yaml(data: Any) -> str:
    """Plain data as YAML text, keys in their given order; the same data always gives the same text.

    >>> print(dump_yaml({"total": Decimal("83.80"), "name": "Sở Nội vụ"}), end="")
    total: 83.80
    name: Sở Nội vụ
    """
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text


def _json(value: Any, indent: int) -> str:
    pad = "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{json.dumps(str(k), ensure_ascii=False)}: {_json(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items_of = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
        if not items_of:
            return "[]"
        return "[\n" + ",\n".join(pad + _json(v, indent + 1) for v in items_of) + "\n" + "  " * indent + "]"
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise FileFormatError(Files.NOT_JSON_NUMBER, value=str(value))
        return f"{value:f}"
    if isinstance(value, (dt.date, dt.datetime)):
        return json.dumps(value.isoformat())
    if value is None or isinstance(value, (str, bool, int)):
        return json.dumps(value, ensure_ascii=False)
    raise FileFormatError(Files.NOT_JSON_VALUE, kind=type(value).__name__, value=repr(value)[:60])


def dump_json(data: Any) -> str:
    """Plain data as JSON text (Decimals as exact numbers, dates as ``YYYY-MM-DD``), deterministic.

    >>> print(dump_json({"total": Decimal("83.80"), "tags": frozenset({"b", "a"})}))
    {
      "total": 83.80,
      "tags": [
        "a",
        "b"
      ]
    }
    """
    return _json(data, 0) + "\n"


def dump_document(data: Any, format: str = "yaml") -> str:
    """Plain data as ``"yaml"`` (:func:`dump_yaml`) or ``"json"`` (:func:`dump_json`) text."""
    if format == "yaml":
        return dump_yaml(data)
    if format == "json":
        return dump_json(data)
    raise FileFormatError(Files.UNKNOWN_DOCUMENT_FORMAT, format=repr(format))
