"""``govindex schema rubric|assessment``: print a file format's JSON Schema."""

from __future__ import annotations

import argparse

from govindex.commands._common import emit
from govindex.io.schemas import SCHEMAS, json_schema_text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "schema",
        help="print the JSON Schema of rubric or assessment files",
        description="Print the JSON Schema of a govindex file format, for validating files in other systems.",
    )
    parser.add_argument("kind", choices=SCHEMAS, metavar="KIND", help="rubric or assessment")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    emit(json_schema_text(args.kind))
    return 0
