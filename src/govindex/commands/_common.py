"""Helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys

from govindex.io.writers import FORMATS

__all__ = ["add_format", "emit"]


def add_format(parser: argparse.ArgumentParser, default: str = "table") -> None:
    parser.add_argument("--format", choices=FORMATS, default=default, help=f"output format (default: {default})")


def emit(text: str) -> None:
    sys.stdout.write(text)
