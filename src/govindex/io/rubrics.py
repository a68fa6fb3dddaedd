"""Rubric files: YAML (or JSON, which is YAML) in the documented format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from govindex.errors import FileFormatError
from govindex.io.converter import structure, unstructure
from govindex.io.yamlio import load_yaml
from govindex.rubric import Rubric

__all__ = ["dump_rubric", "parse_rubric", "read_rubric"]


def parse_rubric(text: str, *, file: str | None = None) -> Rubric:
    """Build a :class:`Rubric` from the text of a rubric file."""
    data = load_yaml(text, file=file)
    if not isinstance(data, dict):
        raise FileFormatError("a rubric file must hold a mapping at its top", file=file)
    rubric: Rubric = structure(data, Rubric, file=file)
    return rubric


def read_rubric(path: str | Path) -> Rubric:
    """Read a rubric file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FileFormatError(f"cannot read the rubric: {error.strerror}", file=str(path)) from None
    except UnicodeDecodeError as error:
        raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=str(path)) from None
    return parse_rubric(text, file=str(path))


def _drop_defaults(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _drop_defaults(v) for k, v in data.items() if v not in (None, [], {}, ())}
    if isinstance(data, list):
        return [_drop_defaults(v) for v in data]
    return data


def dump_rubric(rubric: Rubric) -> str:
    """The rubric as YAML text in the documented format."""
    data = _drop_defaults(unstructure(rubric))
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_decimal(dumper: yaml.SafeDumper, value: Any) -> yaml.ScalarNode:
    text = f"{value:f}"
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _represent_set(dumper: yaml.SafeDumper, value: Any) -> yaml.SequenceNode:
    return dumper.represent_list(sorted(value))


from decimal import Decimal  # noqa: E402

_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(frozenset, _represent_set)
_Dumper.add_representer(set, _represent_set)
_Dumper.add_representer(tuple, lambda dumper, value: dumper.represent_list(list(value)))
