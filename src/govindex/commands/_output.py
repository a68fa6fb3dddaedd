"""Output options shared by the commands: ``--format``, ``--output``, ``--lang``, ``--excel-vn``, ``--table``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from govindex.errors import InputError
from govindex.render import BINARY, FORMATS, Document, format_for_path, render_document, write_file
from govindex.render.words import LANGS

__all__ = ["add_output_options", "chosen_format", "emit_document", "emit_text"]


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
        raise InputError(f"{fmt} is binary: give --output FILE.{fmt}")
    return fmt


def emit_text(content: str | bytes, args: argparse.Namespace) -> None:
    """Rendered content to ``--output`` or standard output."""
    if args.output:
        write_file(content, args.output)
    else:
        assert isinstance(content, str)
        sys.stdout.write(content)


def emit_document(document: Document, args: argparse.Namespace, *, data: Any = None) -> None:
    """A document as the options ask: format, language already chosen, one table, output file."""
    fmt = chosen_format(args, FORMATS)
    table = getattr(args, "table", None)
    if table is not None:
        document.table(table)
    content = render_document(
        document, fmt, table=table, excel_vn=getattr(args, "excel_vn", False), data=data if table is None else None
    )
    emit_text(content, args)
    names = [t.name for t in document.tables]
    if fmt == "csv" and table is None and len(names) > 1:
        print(
            f"govindex: note: CSV holds the table {names[0]!r}; the output also has "
            f"{', '.join(repr(n) for n in names[1:])} (choose with --table)",
            file=sys.stderr,
        )
