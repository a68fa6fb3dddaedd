"""Output options shared by the commands: ``--format``, ``--output``, ``--lang``, ``--excel-vn``, ``--table``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from govindex.catalogue import LANGS
from govindex.catalogue.render import RenderError
from govindex.errors import InputError
from govindex.render import BINARY, FORMATS, format_for_path, pieces, render, write_file

__all__ = ["add_output_options", "chosen_format", "emit", "emit_text"]


def add_output_options(
    parser: argparse.ArgumentParser,
    formats: tuple[str, ...] = FORMATS,
    *,
    tables: bool = True,
    excel_vn: bool = True,
) -> None:
    """The options every command shares; ``formats`` are the ones that make sense for it."""
    parser.add_argument(
        "--format",
        choices=formats,
        default=None,
        help="output format (default: from the --output extension, else table); "
        + ", ".join(f for f in formats if f in BINARY)
        + " need --output",
    )
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--overwrite", action="store_true", help="write over an existing --output FILE")
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default="vi",
        help="language of headings, labels and numbers: vi (tiếng Việt, decimal comma; default) or en",
    )
    if excel_vn and "csv" in formats:
        parser.add_argument(
            "--excel-vn",
            action="store_true",
            help="CSV as Excel reads it in Vietnam: UTF-8 with BOM, ';' between cells, decimal comma",
        )
    if tables:
        parser.add_argument(
            "--table",
            metavar="NAME",
            help="show only this table (CSV holds one table: the first unless named)",
        )


def chosen_format(args: argparse.Namespace, formats: tuple[str, ...] = FORMATS) -> str:
    """The format asked for: ``--format``, else the ``--output`` extension, else ``table``."""
    fmt: str | None = args.format
    if fmt is None:
        fmt = format_for_path(args.output, formats) if args.output else "table"
    if fmt in BINARY and not args.output:
        raise InputError(RenderError.BINARY_FORMAT, fmt=fmt)
    return fmt


def emit_text(content: str | bytes | Iterable[str], args: argparse.Namespace) -> None:
    """Rendered content (whole or in pieces) to ``--output`` or standard output."""
    if args.output:
        write_file(content, args.output, overwrite=getattr(args, "overwrite", False))
        return
    if isinstance(content, bytes):  # pragma: no cover - chosen_format refuses binary to stdout
        raise InputError(RenderError.BINARY_FORMAT, fmt="xlsx")
    for piece in (content,) if isinstance(content, str) else content:
        sys.stdout.write(piece)


def emit(value: Any, args: argparse.Namespace, formats: tuple[str, ...] = FORMATS) -> None:
    """A value as the options ask: format, language, one table, output file (JSON written in pieces)."""
    fmt = chosen_format(args, formats)
    table = getattr(args, "table", None)
    options: dict[str, Any] = {"lang": args.lang, "table": table, "excel_vn": getattr(args, "excel_vn", False)}
    indent = getattr(args, "indent", None)
    if fmt == "json":
        emit_text(pieces(value, "json", indent=indent, **options), args)
    else:
        emit_text(render(value, fmt, indent=indent, **options), args)
    if fmt == "csv" and table is None:
        _note_other_tables(value, args.lang)


def _note_other_tables(value: Any, lang: str) -> None:
    """Say on stderr which tables a CSV of several left out (a result's CSV is its one flat table)."""
    from govindex.render import document
    from govindex.results import Result

    if isinstance(value, Result):
        return
    names = [t.name for t in document(value, lang).tables]
    if len(names) > 1:
        note = RenderError.CSV_ONE_TABLE.text(lang, table=repr(names[0]), others=[repr(n) for n in names[1:]])
        print(f"govindex: {note}", file=sys.stderr)
