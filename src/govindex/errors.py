"""One exception tree for the whole library.

Every error govindex raises on purpose is a :class:`GovIndexError`. Each one
carries a reason (an entry of :mod:`govindex.catalogue`, with a stable
``code``), the parameters of its message, and, when known, the file, line,
column, sheet, path inside the document, agency and node it is about, so
that the person who wrote the file can find the mistake. It is worded in
Vietnamese by default and in English on request::

    bang-diem.csv:5:3: cơ quan 'so-noi-vu', tiêu chí 'security': điểm 12 vượt điểm tối đa 10
    bang-diem.csv:5:3: agency 'so-noi-vu', node 'security': score 12 is above the maximum 10

A message given as plain text (a third-party rule's own) is shown as
written, among the words of the chosen language. Where a reader finds several problems, it raises the first
with every problem in :attr:`GovIndexError.problems` (:func:`collected`):
``govindex validate`` lists them all.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any

from govindex.catalogue import DEFAULT_LANG, LANGS, Entry
from govindex.catalogue.common import Common

__all__ = [
    "FileFormatError",
    "GovIndexError",
    "InputError",
    "MissingDependencyError",
    "RubricError",
    "RuleError",
    "UnknownNameError",
    "cell_name",
    "check_lang",
    "collected",
    "first_problem",
]

#: The context an error can carry, in the order it is shown.
CONTEXT_FIELDS = ("file", "line", "column", "path", "agency", "node", "group", "sheet", "agency_name", "node_name")

_FIELDS_CACHE: dict[Entry, frozenset[str]] = {}


def _fields(reason: Entry) -> frozenset[str]:
    """The parameters the templates of ``reason`` use (in either language)."""
    found = _FIELDS_CACHE.get(reason)
    if found is None:
        names = set()
        for template in (reason.vi, reason.en):
            for _text, field, _spec, _conversion in string.Formatter().parse(template):
                if field:
                    names.add(field.split(".")[0].split("[")[0])
        found = _FIELDS_CACHE[reason] = frozenset(names)
    return found


class GovIndexError(Exception):
    """Base class of every error govindex raises (lỗi của govindex).

    ``reason`` is an entry of the catalogue (:class:`~govindex.catalogue.Entry`)
    whose templates take ``params`` (every parameter they name, no other);
    or plain text, shown as written in every language. The keyword
    arguments of :data:`CONTEXT_FIELDS` say where the problem is.
    """

    def __init__(
        self,
        reason: Entry | str,
        /,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        agency: str | None = None,
        node: str | None = None,
        group: str | None = None,
        sheet: str | None = None,
        agency_name: str | None = None,
        node_name: str | None = None,
        **params: Any,
    ) -> None:
        if isinstance(reason, Entry):
            wanted = _fields(reason)
            if set(params) != wanted:
                missing = sorted(wanted - set(params))
                extra = sorted(set(params) - wanted)
                raise TypeError(f"{reason!r}: missing parameters {missing}, unexpected parameters {extra}")
        elif not isinstance(reason, str):
            raise TypeError(f"the reason of an error is a catalogue entry or text, not {type(reason).__name__}")
        elif params:
            raise TypeError(f"a message given as text takes no parameters, not {sorted(params)}")
        self.reason: Entry | None = reason if isinstance(reason, Entry) else None
        self._text = reason if isinstance(reason, str) else None
        self.params: Mapping[str, Any] = dict(params)
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.agency = agency
        self.node = node
        self.group = group
        self.sheet = sheet
        self.agency_name = agency_name
        self.node_name = node_name
        self.problems: tuple[GovIndexError, ...] = (self,)
        self._more = 0
        super().__init__()  # the message is worded when it is read (str, describe), not when the error is made

    @property
    def code(self) -> str:
        """The stable code of the reason (``score-above-maximum``); ``other`` for a message given as text."""
        return self.reason.code if self.reason is not None else "other"

    def message_in(self, lang: str = DEFAULT_LANG) -> str:
        """The message alone (no place) in ``lang``."""
        text = (self._text or "") if self.reason is None else self.reason.text(check_lang(lang), **self.params)
        if self._more:
            text = Common.AND_MORE.text(lang, message=text, count=self._more)
        return text

    @property
    def message(self) -> str:
        """The message alone, in Vietnamese."""
        return self.message_in(DEFAULT_LANG)

    def context(self) -> dict[str, Any]:
        """The place fields, by name."""
        return {name: getattr(self, name) for name in CONTEXT_FIELDS}

    def with_context(self, **context: Any) -> GovIndexError:
        """Return a copy with the given context filled in where it was unknown."""
        values = self.context()
        for name, value in context.items():
            if name not in values:
                raise TypeError(f"unknown context field {name!r}")
            if values[name] is None:
                values[name] = value
        return self._copy(values)

    def _copy(self, context: Mapping[str, Any]) -> GovIndexError:
        clone = type(self).__new__(type(self))
        GovIndexError.__init__(
            clone, self.reason if self.reason is not None else (self._text or ""), **context, **self.params
        )
        clone._more = self._more
        if len(self.problems) > 1:
            clone.problems = (clone, *self.problems[1:])
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

    def describe(self, lang: str = DEFAULT_LANG) -> str:
        """The whole error in ``lang``: its place, its agency and node, its message.

        In Vietnamese the agency and the criterion are named by their names
        when the error knows them; in English by their ids.
        """
        check_lang(lang)
        prefix: list[str] = []
        if self.location:
            prefix.append(self.location)
        if self.path:
            prefix.append(self.path)
        about: list[str] = []
        vi = lang == "vi"
        if self.agency is not None:
            about.append(
                Common.AGENCY.text(lang, agency=_quoted(self.agency_name if vi and self.agency_name else self.agency))
            )
        if self.group is not None and self.agency is None:
            about.append(Common.GROUP.text(lang, group=_quoted(self.group)))
        if self.node is not None:
            about.append(Common.NODE.text(lang, node=_quoted(self.node_name if vi and self.node_name else self.node)))
        if about:
            prefix.append(", ".join(about))
        return ": ".join([*prefix, self.message_in(lang)])

    def __str__(self) -> str:
        return self.describe(DEFAULT_LANG)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.describe(DEFAULT_LANG)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (
                type(self),
                self.reason if self.reason is not None else (self._text or ""),
                self.context(),
                dict(self.params),
                self._more,
                self.problems[1:],
            ),
        )


def _quoted(text: str) -> str:
    return repr(text)


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`~govindex.catalogue.LANGS`, else a refusal (:class:`UnknownNameError`)."""
    if lang not in LANGS:
        raise UnknownNameError(Common.UNKNOWN_LANGUAGE, lang=repr(lang), langs=LANGS)
    return lang


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


def _rebuild(
    cls: type[GovIndexError],
    reason: Entry | str,
    context: dict[str, Any],
    params: dict[str, Any],
    more: int = 0,
    rest: tuple[GovIndexError, ...] = (),
) -> GovIndexError:
    error = cls.__new__(cls)
    GovIndexError.__init__(error, reason, **context, **params)
    error._more = more
    error.problems = (error, *rest)
    return error


def collected(problems: Sequence[GovIndexError]) -> GovIndexError:
    """Several problems raised once: the first, saying how many more there are, with all of them in ``problems``.

    Readers that find every problem of a file raise this; ``govindex
    validate`` lists them all. Its class is the first problem's, so
    ``except InputError`` still catches a group of score problems.
    """
    if not problems:
        raise ValueError("collected() needs at least one problem")
    flat: list[GovIndexError] = []
    for problem in problems:
        flat.extend(problem.problems)
    first = flat[0]
    if len(flat) == 1:
        return first
    group = first._copy(first.context())
    group._more = len(flat) - 1
    group.problems = (group, *flat[1:])
    return group


#: The former name of :func:`collected`.
first_problem = collected


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
