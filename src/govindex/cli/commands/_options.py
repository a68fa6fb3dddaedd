"""The options every command that reads scores shares, in the language of the command line.

Input options (:func:`add_inputs`) make a :class:`~govindex.cli.pipeline.Inputs`,
output options (:func:`add_outputs`) an :class:`~govindex.cli.pipeline.Outputs`;
the commands are compositions of the stages of :mod:`govindex.cli.pipeline`.
Help texts come from the catalogue (:mod:`govindex.catalogue.help`) in the
language :func:`set_lang` chose (``--lang`` on the command line; Vietnamese
by default).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from govindex.catalogue import DEFAULT_LANG, LANGS, Entry
from govindex.catalogue.cli import Cli
from govindex.catalogue.help import Help

if TYPE_CHECKING:
    from govindex.cli.pipeline import Inputs, Notice, Outputs

#: Every output format (:data:`govindex.cli.pipeline.FORMATS`).
FORMATS = ("table", "markdown", "csv", "json", "xlsx", "html", "docx")

__all__ = [
    "FORMATS",
    "add_inputs",
    "add_lang",
    "add_outputs",
    "current_lang",
    "emit",
    "emit_value",
    "inputs_of",
    "outputs_of",
    "say",
    "set_lang",
    "warn",
]

_LANG = [DEFAULT_LANG]


def set_lang(lang: str) -> None:
    """The language of help texts, warnings and errors from now on."""
    _LANG[0] = lang if lang in LANGS else DEFAULT_LANG


def current_lang() -> str:
    return _LANG[0]


def say(entry: Entry, **params: Any) -> str:
    """``entry`` in the language of the command line."""
    return entry.text(current_lang(), **params)


def add_inputs(parser: argparse.ArgumentParser, *, values: bool = True) -> None:
    """The options that say how scores are read and rules bound."""
    from govindex.io.cells import BLANK_ROWS, DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS
    from govindex.views import VALUES

    group = parser.add_argument_group(say(Help.INPUTS))
    group.add_argument("--rules", metavar="FILE", action="append", default=[], help=say(Help.RULES))
    group.add_argument("--trust-rules", action="store_true", help=say(Help.TRUST_RULES))
    if values:
        group.add_argument("--values", choices=VALUES, default="points", help=say(Help.VALUES))
    group.add_argument("--registry", metavar="FILE|ID", help=say(Help.REGISTRY))
    group.add_argument("--sheet", metavar="NAME", help=say(Help.SHEET))
    group.add_argument(
        "--ignore-column",
        metavar="NAME",
        action="append",
        default=[],
        dest="ignore_columns",
        help=say(Help.IGNORE_COLUMN),
    )
    group.add_argument("--blank-rows", choices=BLANK_ROWS, default="refuse", help=say(Help.BLANK_ROWS))
    group.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=say(Help.MAX_BYTES))
    group.add_argument("--max-cells", type=int, default=DEFAULT_MAX_CELLS, metavar="N", help=say(Help.MAX_CELLS))


def add_lang(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """``--lang``: the language of what the command writes and says (Vietnamese by default)."""
    parser.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=say(Help.LANG))


def add_outputs(
    parser: argparse.ArgumentParser,
    formats: Sequence[str] = FORMATS,
    *,
    tables: bool = True,
    output_required: bool = False,
) -> None:
    """The options that say how the output is written; ``formats`` are the ones that make sense for the command."""
    group = parser.add_argument_group(say(Help.OUTPUTS))
    group.add_argument("--format", choices=formats, default=None, help=say(Help.FORMAT))
    group.add_argument("--output", "-o", metavar="FILE", required=output_required, help=say(Help.OUTPUT))
    group.add_argument("--force", action="store_true", help=say(Help.FORCE))
    add_lang(group)
    group.add_argument("--excel-vn", action="store_true", help=say(Help.EXCEL_VN))
    group.add_argument("--indent", type=int, metavar="N", help=say(Help.INDENT))
    if tables:
        group.add_argument("--table", metavar="NAME", help=say(Help.TABLE))


def inputs_of(args: argparse.Namespace, **given: Any) -> Inputs:
    """The input options given on the command line (``given`` fills or overrides fields: rubric, sources)."""
    from govindex.cli.pipeline import Inputs

    fields: dict[str, Any] = {
        "rubric": getattr(args, "rubric", None),
        "values": getattr(args, "values", "points"),
        "rules": args.rules,
        "trust_rules": args.trust_rules,
        "registry": args.registry,
        "sheet": args.sheet,
        "ignore_columns": args.ignore_columns,
        "blank_rows": args.blank_rows,
        "max_bytes": args.max_bytes,
        "max_cells": args.max_cells,
    }
    fields.update(given)
    return Inputs(**fields)


def outputs_of(args: argparse.Namespace, **given: Any) -> Outputs:
    """The output options given on the command line."""
    from govindex.cli.pipeline import Outputs

    fields: dict[str, Any] = {
        "format": args.format,
        "lang": args.lang,
        "excel_vn": args.excel_vn,
        "output": args.output,
        "force": args.force,
        "indent": args.indent,
        "table": getattr(args, "table", None),
    }
    fields.update(given)
    return Outputs(**fields)


def emit_value(value: Any, args: argparse.Namespace, formats: Sequence[str] = FORMATS) -> None:
    """A value written as the output options ask; with CSV of a value of several tables, a note of those left out."""
    from govindex.cli.pipeline import write

    outputs = outputs_of(args)
    write(value, outputs, formats=formats)
    if outputs.chosen_format(formats) == "csv" and outputs.table is None:
        _note_other_tables(value, outputs.lang)


def _note_other_tables(value: Any, lang: str) -> None:
    from govindex.catalogue.render import RenderError
    from govindex.render import document
    from govindex.render.safe import visible
    from govindex.results import Result

    if isinstance(value, (Result, str, bytes)):
        return
    names = [t.name for t in document(value, lang).tables]
    if len(names) > 1:
        note = RenderError.CSV_ONE_TABLE.text(lang, table=repr(names[0]), others=[repr(n) for n in names[1:]])
        sys.stderr.write(visible(Cli.NOTE.text(lang, message=note)) + "\n")


def emit(text: str) -> None:
    """Text to standard output, control characters made visible (they never reach the terminal)."""
    from govindex.render.safe import visible

    sys.stdout.write(visible(text))


def warn(notice: Notice | str, lang: str | None = None) -> None:
    """A warning on standard error with the one prefix of the language ("Cảnh báo:" or "warning:")."""
    from govindex.render.safe import visible

    lang = lang or current_lang()
    text = notice if isinstance(notice, str) else notice.describe(lang)
    sys.stderr.write(visible(Cli.WARNING.text(lang, message=text)) + "\n")
