"""The JSON Schemas of govindex's file formats, shipped with the package.

Other systems can validate a rubric or an assessment file before calling the
library; ``govindex schema rubric`` prints the schema. The schemas describe
the JSON form (in YAML, dates may be written unquoted).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from govindex.catalogue.files import Files
from govindex.errors import UnknownNameError

__all__ = ["SCHEMAS", "json_schema", "json_schema_text"]

#: The formats that have a schema.
SCHEMAS = ("rubric", "assessment")


def json_schema_text(kind: str) -> str:
    """The text of the JSON Schema of ``kind`` (``"rubric"`` or ``"assessment"``)."""
    if kind not in SCHEMAS:
        raise UnknownNameError(Files.UNKNOWN_SCHEMA, kind=repr(kind), known=SCHEMAS)
    return resources.files("govindex").joinpath("schemas", f"{kind}.schema.json").read_text(encoding="utf-8")


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of ``kind`` as data.

    >>> json_schema("rubric")["required"]
    ['id', 'title', 'year', 'legal_basis', 'groups']
    """
    schema: dict[str, Any] = json.loads(json_schema_text(kind))
    return schema
