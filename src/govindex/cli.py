"""The ``govindex`` command line: a thin layer over the library.

Every refused input ends with exit status 2 and a one-line message that names
the file, line, agency and node; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from govindex import __version__
from govindex.commands import COMMANDS
from govindex.errors import GovIndexError
from govindex.render.safe import visible

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govindex",
        description="Score, band and rank state agencies on digital-government indices.",
    )
    parser.add_argument("--version", action="version", version=f"govindex {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in COMMANDS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except GovIndexError as error:
        lang = getattr(args, "lang", None) or "vi"
        print(f"govindex: error: {visible(error.describe(lang))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - output piped into head
        return 0
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
