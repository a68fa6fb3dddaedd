"""Output options shared by the report commands: format, output file, table, chart."""

from __future__ import annotations

import argparse
import sys

from govindex.errors import InputError
from govindex.reports import format_for_path, write_report
from govindex.tables import FORMATS, Tabular

__all__ = ["add_output_options", "emit_report"]


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the --output extension, else table); xlsx needs --output",
    )
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument(
        "--table",
        metavar="NAME",
        help="show only this table of the report (CSV holds one table: the first unless named)",
    )


def emit_report(report: Tabular, args: argparse.Namespace) -> None:
    """Write the report as the options ask: to --output or standard output."""
    fmt = args.format
    if fmt is None:
        fmt = format_for_path(args.output) if args.output else "table"
    if args.table is not None:
        report.table(args.table)
    if args.output:
        write_report(report, args.output, fmt, table=args.table)
    else:
        if fmt == "xlsx":
            raise InputError("an xlsx workbook is binary: give --output FILE.xlsx")
        content = report.render(fmt, table=args.table)
        assert isinstance(content, str)
        sys.stdout.write(content)
    if fmt == "csv" and args.table is None and len(report.table_names()) > 1:
        names = report.table_names()
        print(
            f"govindex: note: CSV holds the table {names[0]!r}; the report also has "
            f"{', '.join(repr(n) for n in names[1:])} (choose with --table)",
            file=sys.stderr,
        )
