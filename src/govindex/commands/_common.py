"""Helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys

from govindex.io.writers import FORMATS
from govindex.render.safe import visible

__all__ = ["add_format", "emit"]


def add_format(parser: argparse.ArgumentParser, default: str = "table") -> None:
    parser.add_argument("--format", choices=FORMATS, default=default, help=f"output format (default: {default})")


def emit(text: str) -> None:
    """Text to standard output, control characters made visible (they never reach the terminal)."""
    sys.stdout.write(visible(text))
