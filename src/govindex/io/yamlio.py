"""Safe YAML reading that keeps numbers exact and refuses repeated keys."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from govindex.errors import FileFormatError

__all__ = ["load_yaml"]


class _Loader(yaml.SafeLoader):
    """SafeLoader whose floats are Decimals read from their source text."""


def _construct_decimal(loader: _Loader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    lowered = text.lower()
    if lowered in {".nan"}:
        return Decimal("NaN")
    if lowered in {".inf", "+.inf"}:
        return Decimal("Infinity")
    if lowered == "-.inf":
        return Decimal("-Infinity")
    return Decimal(text)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: dict[Any, yaml.Node] = {}
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise FileFormatError(
                "a mapping key must be a plain value",
                line=key_node.start_mark.line + 1,
                column=key_node.start_mark.column + 1,
            ) from None
        if key in seen:
            first = seen[key].start_mark
            raise FileFormatError(
                f"key {key!r} is repeated in one mapping (first at line {first.line + 1}); "
                "YAML would silently keep only the last one",
                line=key_node.start_mark.line + 1,
                column=key_node.start_mark.column + 1,
            )
        seen[key] = key_node
    return dict(yaml.SafeLoader.construct_mapping(loader, node, deep=deep))


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load_yaml(text: str, *, file: str | None = None) -> Any:
    """Parse one YAML document with safe tags only; numbers with a fraction become Decimal."""
    try:
        return yaml.load(text, Loader=_Loader)
    except FileFormatError as error:
        raise error.with_context(file=file) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        raise FileFormatError(
            f"not valid YAML: {problem}",
            file=file,
            line=None if mark is None else mark.line + 1,
            column=None if mark is None else mark.column + 1,
        ) from None
    except yaml.YAMLError as error:
        raise FileFormatError(f"not valid YAML: {error}", file=file) from None
