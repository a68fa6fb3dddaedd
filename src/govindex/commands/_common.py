"""Helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys

from govindex.io.writers import FORMATS

__all__ = ["add_format", "add_rules", "emit", "warn"]


def add_format(parser: argparse.ArgumentParser, default: str = "table") -> None:
    parser.add_argument("--format", choices=FORMATS, default=default, help=f"output format (default: {default})")


def emit(text: str) -> None:
    sys.stdout.write(text)


def warn(text: str) -> None:
    """A warning on stderr (the output on stdout stays clean)."""
    sys.stderr.write(f"warning: {text}\n")


def add_rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="FILE",
        action="append",
        default=[],
        help=(
            "a Python rules file defining RULES = {name: rule class}, for rule names the rubric uses "
            "(may be repeated). A rules file is code and is run as such: use only files you trust"
        ),
    )
