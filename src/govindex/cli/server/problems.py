"""Refusals as data: RFC 9457 problem details (``application/problem+json``), every problem with its place.

A refusal of the library (:class:`~govindex.errors.GovIndexError`) becomes one
:class:`Problem`: the reason code, its words in the language asked for, and
each of the error's problems (not only the first) with its file, sheet and
cell or line, agency and criterion. These attrs classes are also the schema
of the problem answers in the OpenAPI document.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from govindex.catalogue import DEFAULT_LANG, LANGS, Entry
from govindex.catalogue.service import Page
from govindex.errors import FileFormatError, GovIndexError, UnknownNameError, cell_name

__all__ = ["PROBLEM_JSON", "Location", "Problem", "ProblemItem", "Refusal", "language", "problem_bytes", "problem_of"]

#: The media type of every refusal.
PROBLEM_JSON = "application/problem+json"

#: Where the problem types are described (a URI reference; RFC 9457 section 3.1.1).
TYPE_BASE = "urn:govindex:problem:"


@attrs.frozen
class Location:
    """Where a problem is: file, worksheet and cell (``Điểm!C5``) or line and column, path in the document,
    agency and criterion (by id, with their names when known), or the query parameter of the request. A field
    not known is ``null``."""

    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
    agency: str | None = None
    agency_name: str | None = None
    criterion: str | None = None
    criterion_name: str | None = None
    group: str | None = None
    parameter: str | None = None


@attrs.frozen
class ProblemItem:
    """One problem: its code, its message, the whole line as the command line prints it, and its place."""

    code: str
    message: str
    text: str
    location: Location


@attrs.frozen
class Problem:
    """An ``application/problem+json`` answer (RFC 9457) with the reason ``code`` and every problem found."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    lang: str
    problems: tuple[ProblemItem, ...] = ()


@attrs.frozen
class Refusal(Exception):
    """A refusal with its HTTP status: raised by the service, answered as a :class:`Problem`."""

    status: int
    error: GovIndexError
    headers: tuple[tuple[str, str], ...] = ()


def language(query: str | None, accept: str | None) -> str:
    """The language of the answer: ``lang`` of the query if it is one, else the best of ``Accept-Language``
    (``vi`` by default).

    >>> language(None, "en-GB,en;q=0.8"), language(None, "fr, en;q=0.5"), language(None, None), language("en", "vi")
    ('en', 'en', 'vi', 'en')
    """
    if query in LANGS:
        return str(query)
    best, weight = DEFAULT_LANG, -1.0
    for item in (accept or "")[:1000].split(","):
        tag, _, rest = item.strip().partition(";")
        base = tag.strip().lower().split("-")[0]
        quality = 1.0
        for parameter in rest.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)  # float-ok: an Accept-Language weight
                except ValueError:
                    quality = 0.0
        if base in LANGS and quality > weight and quality > 0:
            best, weight = base, quality
    return best


def _location(error: GovIndexError) -> Location:
    cell = None
    if error.sheet is not None and error.line is not None:
        cell = error.sheet + cell_name(error.line, error.column)
    return Location(
        file=error.file,
        sheet=error.sheet,
        cell=cell,
        line=error.line,
        column=error.column,
        path=error.path,
        agency=error.agency,
        agency_name=error.agency_name,
        criterion=error.node,
        criterion_name=error.node_name,
        group=error.group,
        parameter=error.path[1:] if error.path is not None and error.path.startswith("?") else None,
    )


def item_of(error: GovIndexError, lang: str) -> ProblemItem:
    """One problem of an error, worded in ``lang``."""
    alone = error.problems[0] is error and len(error.problems) == 1
    message = error.message_in(lang) if alone else _single(error).message_in(lang)
    return ProblemItem(error.code, message, _single(error).describe(lang), _location(error))


def _single(error: GovIndexError) -> GovIndexError:
    """The error without its "and N more" note (each problem is listed on its own)."""
    if len(error.problems) <= 1:
        return error
    clone = error._copy(error.context())
    clone._more = 0
    clone.problems = (clone,)
    return clone


def status_of(error: GovIndexError) -> int:
    """404 for a name not known (a rubric, an agency), 422 for input that cannot be read or is refused."""
    if isinstance(error, UnknownNameError):
        return 404
    if isinstance(error, FileFormatError):
        return 422
    return 422


def _title(status: int) -> Entry:
    return {
        401: Page.TITLE_TOKEN,
        404: Page.TITLE_UNKNOWN,
        405: Page.TITLE_METHOD,
        413: Page.TITLE_TOO_LARGE,
        415: Page.TITLE_MEDIA,
        500: Page.TITLE_INTERNAL,
        503: Page.TITLE_TIMEOUT,
    }.get(status, Page.TITLE_INPUT)


def problem_of(error: GovIndexError, status: int, lang: str) -> Problem:
    """The problem details of a refusal, every problem of ``error`` listed in ``lang``."""
    items = tuple(item_of(problem, lang) for problem in error.problems)
    return Problem(
        type=TYPE_BASE + error.code,
        title=_title(status).text(lang),
        status=status,
        detail=error.describe(lang),
        code=error.code,
        lang=lang,
        problems=items,
    )


def problem_bytes(problem: Problem) -> bytes:
    """The JSON of a problem, UTF-8 (words as written, not escaped)."""
    data: Any = attrs.asdict(problem, recurse=True)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
