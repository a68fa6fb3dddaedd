"""``govindex explain RUBRIC SCORES... AGENCY [NODE]``: how a score came to be."""

from __future__ import annotations

import argparse
from pathlib import Path

from govindex.catalogue.cli import CliError
from govindex.catalogue.help import Help
from govindex.cli.commands._options import add_inputs, add_outputs, inputs_of, outputs_of, say
from govindex.cli.pipeline import EXPLAIN_FORMATS, explained, find_agency, load, read, score_cohort, write
from govindex.errors import InputError

FORMATS = EXPLAIN_FORMATS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("explain", help=say(Help.EXPLAIN), description=say(Help.EXPLAIN_DESCRIPTION))
    parser.add_argument("rubric", metavar="RUBRIC", help=say(Help.RUBRIC))
    parser.add_argument("items", metavar="SCORES... AGENCY [NODE]", nargs="+", help=say(Help.EXPLAIN_ITEMS))
    add_inputs(parser)
    add_outputs(parser, FORMATS, tables=False)
    parser.set_defaults(run=run)


_SUFFIXES = (".csv", ".xlsx", ".yaml", ".yml", ".json")


def _is_source(item: str) -> bool:
    from govindex.io.published import list_datasets

    return "\x00" not in item and (Path(item).is_file() or item in list_datasets())


def split_items(items: list[str]) -> tuple[list[str], str, str | None]:
    """The score sources (the leading items that are files or published datasets), then AGENCY [NODE]."""
    count = 0
    while count < len(items) and _is_source(items[count]):
        count += 1
    rest = items[count:]
    if not rest:
        raise InputError(CliError.NO_AGENCY)
    named = [item for item in rest if Path(item).suffix.lower() in _SUFFIXES]
    if count == 0 or len(rest) > 2 or named:
        raise InputError(CliError.NOT_A_SOURCE, file=(named or rest)[0].replace("\x00", "\\0"))
    return items[:count], rest[0], rest[1] if len(rest) == 2 else None


def run(args: argparse.Namespace) -> int:
    sources, agency, node = split_items(args.items)
    inputs = inputs_of(args, sources=sources)
    outputs = outputs_of(args)
    methodology = load(inputs)
    result = score_cohort(methodology, read(inputs, methodology))
    fmt = outputs.chosen_format(FORMATS)
    if fmt == "docx":
        from govindex.explanation import explanation
        from govindex.render import render

        value = explanation(result, find_agency(result, agency), node)
        write(render(value, fmt, lang=outputs.lang), outputs, formats=FORMATS)
    else:
        write(explained(result, agency, node, outputs), outputs, formats=FORMATS)
    return 0
