"""One exception tree for the whole library.

Every error govindex raises on purpose is a :class:`GovIndexError`. Each one
carries, when known, the file, line, column, path inside the document, agency
and node it is about, so that the person who wrote the file can find the
mistake: ``scores.csv:5:3: agency 'so-noi-vu', node 'security': score 12 is
above the maximum 10``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "FileFormatError",
    "GovIndexError",
    "InputError",
    "MissingDependencyError",
    "RubricError",
    "RuleError",
    "UnknownNameError",
    "cell_name",
    "first_problem",
]

_CONTEXT_FIELDS = ("file", "line", "column", "path", "agency", "node", "group", "sheet")


class GovIndexError(Exception):
    """Base class of every error govindex raises (lỗi của govindex)."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        agency: str | None = None,
        node: str | None = None,
        group: str | None = None,
        sheet: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.agency = agency
        self.node = node
        self.group = group
        self.sheet = sheet

    def with_context(self, **context: Any) -> GovIndexError:
        """Return a copy with the given context filled in where it was unknown."""
        values = {name: getattr(self, name) for name in _CONTEXT_FIELDS}
        for name, value in context.items():
            if name not in values:
                raise TypeError(f"unknown context field {name!r}")
            if values[name] is None:
                values[name] = value
        clone = type(self).__new__(type(self))
        GovIndexError.__init__(clone, self.message, **values)
        return clone

    @property
    def location(self) -> str:
        """``file:line:column`` as far as it is known, or an empty string.

        In a workbook the place is the sheet and cell: ``scores.xlsx:Điểm!C5``.
        """
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
            if self.sheet is not None:
                parts.append(self.sheet + cell_name(self.line, self.column))
            elif self.line is not None:
                parts.append(str(self.line))
                if self.column is not None:
                    parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        prefix: list[str] = []
        if self.location:
            prefix.append(self.location)
        if self.path:
            prefix.append(self.path)
        about: list[str] = []
        if self.agency is not None:
            about.append(f"agency {self.agency!r}")
        if self.group is not None and self.agency is None:
            about.append(f"group {self.group!r}")
        if self.node is not None:
            about.append(f"node {self.node!r}")
        if about:
            prefix.append(", ".join(about))
        return ": ".join([*prefix, self.message])

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.message, {n: getattr(self, n) for n in _CONTEXT_FIELDS}))


def column_letters(column: int) -> str:
    """The spreadsheet letters of a 1-based column number (``28`` gives ``AB``)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_name(line: int | None, column: int | None) -> str:
    """``!C5`` for row 5, column 3; ``!5`` (the row) without a column; empty without a row.

    >>> cell_name(5, 3), cell_name(12, None), cell_name(None, None)
    ('!C5', '!12', '')
    """
    if line is None:
        return ""
    return f"!{column_letters(column)}{line}" if column is not None else f"!{line}"


def _rebuild(cls: type[GovIndexError], message: str, context: dict[str, Any]) -> GovIndexError:
    return cls(message, **context)


def first_problem(problems: Sequence[GovIndexError]) -> GovIndexError:
    """The first of several problems, its message saying how many more there are.

    Readers that find every problem of a file raise this one;
    ``govindex validate`` lists them all.
    """
    first = problems[0]
    if len(problems) == 1:
        return first
    context = {name: getattr(first, name) for name in _CONTEXT_FIELDS}
    more = f" (and {len(problems) - 1} more problem(s); govindex validate lists them all)"
    return type(first)(first.message + more, **context)


class RubricError(GovIndexError):
    """A rubric (bộ tiêu chí) that cannot exist: bad tree, bands or settings."""


class InputError(GovIndexError):
    """Scores or agencies that the rubric refuses (điểm không hợp lệ)."""


class FileFormatError(GovIndexError):
    """A file that cannot be read as the format it claims to be."""


class UnknownNameError(GovIndexError):
    """A rubric, rule, group, node or agency name that is not known."""


class RuleError(GovIndexError):
    """A methodology rule that is misconfigured or produced an impossible value."""


class MissingDependencyError(GovIndexError):
    """An optional extra (pandas, openpyxl, matplotlib) is needed but not installed."""
