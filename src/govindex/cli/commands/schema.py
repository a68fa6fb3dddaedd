"""``govindex schema rubric|assessment``: print a file format's JSON Schema."""

from __future__ import annotations

import argparse

from govindex.catalogue.help import Help
from govindex.cli.commands._options import add_outputs, emit_value, say
from govindex.io.schemas import SCHEMAS, json_schema_text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("schema", help=say(Help.SCHEMA), description=say(Help.SCHEMA_DESCRIPTION))
    parser.add_argument("kind", choices=SCHEMAS, metavar="KIND", help=say(Help.KIND))
    add_outputs(parser, ("json",), tables=False)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    emit_value(json_schema_text(args.kind), args, ("json",))
    return 0
