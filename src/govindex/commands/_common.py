"""Helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from govindex.assessment import Assessment, Source
from govindex.errors import GovIndexError
from govindex.io.cells import DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS, ReadOptions
from govindex.io.cohort import ScoreFile, combine_score_files, read_score_file
from govindex.methodology import Methodology
from govindex.render import FORMATS
from govindex.render.safe import visible
from govindex.rubric import Rubric

if TYPE_CHECKING:
    from govindex.directory import AgencyDirectory

__all__ = [
    "add_blank_rows",
    "add_format",
    "add_input_options",
    "add_rules",
    "emit",
    "load_methodology_of",
    "place_error",
    "read_options",
    "read_score_files",
    "warn",
    "warn_coverage",
    "warn_unchanged",
]


def add_format(parser: argparse.ArgumentParser, default: str = "table") -> None:
    parser.add_argument("--format", choices=FORMATS, default=default, help=f"output format (default: {default})")


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The options that say how score tables are read."""
    group = parser.add_argument_group("reading score tables")
    group.add_argument(
        "--sheet", metavar="NAME", help="the worksheet of an .xlsx table (default: the first with a header row)"
    )
    group.add_argument(
        "--ignore-column",
        metavar="NAME",
        action="append",
        default=[],
        dest="ignore_columns",
        help="leave the column with this header unread (repeatable); any other unknown column is refused",
    )
    group.add_argument(
        "--registry",
        metavar="FILE|ID",
        help=(
            "an agency directory (a CSV or YAML file, or a bundled id) that gives agencies named in a table their "
            "stable ids, and lists the agencies of the round (default: the rubric's province's, if one ships); "
            "validate and score warn of those that sent nothing"
        ),
    )
    group.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse a file larger than N bytes before reading it (default: {DEFAULT_MAX_BYTES})",
    )
    group.add_argument(
        "--max-cells",
        type=int,
        default=DEFAULT_MAX_CELLS,
        metavar="N",
        help=f"refuse a table of more than N cells (default: {DEFAULT_MAX_CELLS})",
    )


def read_options(args: argparse.Namespace) -> ReadOptions:
    """The reading options given on the command line."""
    registry = None
    if args.registry is not None:
        from govindex.io.directory import load_directory

        registry = load_directory(args.registry)
    return ReadOptions(
        sheet=args.sheet,
        ignore_columns=tuple(args.ignore_columns),
        registry=registry,
        max_bytes=args.max_bytes,
        max_cells=args.max_cells,
        blank_rows=getattr(args, "blank_rows", "refuse"),
    )


def add_blank_rows(parser: argparse.ArgumentParser) -> None:
    """``--blank-rows``: refuse an agency's row without any score (the default), or report it as not assessed."""
    parser.add_argument(
        "--blank-rows",
        choices=("refuse", "not-assessed"),
        default="refuse",
        help=(
            "an agency's row without any score: refuse it (default), or leave the agency out of the ranking and "
            "report it as not assessed (chưa đánh giá)"
        ),
    )


def read_score_files(
    paths: Sequence[str],
    rubric: Rubric,
    args: argparse.Namespace,
    source: Source | None = None,
    *,
    values: str = "points",
) -> tuple[list[ScoreFile], tuple[Assessment, ...]]:
    """The score files named on the command line, read together (an agency in two files is refused)."""
    options = read_options(args)
    files = [read_score_file(path, rubric, source=source, options=options, values=values) for path in paths]
    return files, combine_score_files(files)


def place_error(error: GovIndexError, files: Sequence[ScoreFile]) -> GovIndexError:
    """An error found after reading (scores that do not add up), placed at its agency's row."""
    if error.file is not None:
        return error
    for score_file in files:
        if error.agency is not None and error.agency in score_file.places:
            line, sheet = score_file.places[error.agency]
            column = score_file.columns.get(error.node or "") if line is not None else None
            return error.with_context(file=score_file.file, line=line, column=column, sheet=sheet)
    if len(files) == 1:
        return error.with_context(file=files[0].file)
    return error


def emit(text: str) -> None:
    """Text to standard output, control characters made visible (they never reach the terminal)."""
    sys.stdout.write(visible(text))


def warn(text: str) -> None:
    """A warning on stderr (the output on stdout stays clean)."""
    sys.stderr.write(f"warning: {text}\n")


def warn_coverage(
    rubric: Rubric, agencies: Iterable[str], directory: AgencyDirectory | str | None = None, lang: str = "vi"
) -> None:
    """Warn of the agencies the directory lists for the rubric's groups and year that sent nothing (chưa nộp
    phiếu), and of those found that it does not know. ``directory``: the one of ``--registry`` (read, or its
    file or id), else the bundled directory of the rubric's province; without either, nothing is compared."""
    from govindex.coverage import coverage
    from govindex.io.directory import directory_of, load_directory

    if isinstance(directory, str):
        directory = load_directory(directory)
    directory = directory if directory is not None else directory_of(rubric)
    if directory is None:
        return
    for problem in coverage(directory, rubric, agencies).warnings():
        warn(problem.describe(lang))


def add_rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="FILE",
        action="append",
        default=[],
        help=(
            "run this Python rules file (defining RULES = {name: rule class}) for rule names the rubric uses "
            "(may be repeated). A rules file is code and is run as such: use only files you trust"
        ),
    )
    parser.add_argument(
        "--trust-rules",
        action="store_true",
        help=(
            "run the rules files the rubric itself names (its key rule_files, next to the rubric file); "
            "without it, reading a rubric never runs code"
        ),
    )


def load_methodology_of(args: argparse.Namespace, name: str | None = None) -> Methodology:
    """The rubric named on the command line with its rules bound (``--rules``, ``--trust-rules``)."""
    from govindex.io.bundled import load_methodology

    return load_methodology(args.rubric if name is None else name, rules=args.rules, trust_rules=args.trust_rules)


def warn_unchanged(result: Any, lang: str) -> None:
    """A warning for each rule that read a fact an agency states and changed nothing for it."""
    from govindex.catalogue.results import Warnings

    for item in result.unchanged:
        facts = [f"{fact}: {value}" for fact, value in item.facts]
        warn(Warnings.UNCHANGED.text(lang, rule=repr(item.rule), facts=facts, agency_id=repr(item.agency)))
