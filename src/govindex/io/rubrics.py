"""Rubric files (bộ tiêu chí): YAML or JSON in the documented format (docs/files.md).

Reading is strict: a repeated or unknown key, a missing key, a value of the
wrong type, NaN, infinities, negative points, maxima that do not add up and
more decimals than the rubric allows are refused with the file, line, column
and path inside the document::

    my-rubric.yaml:14:5: groups[0].tree.children[2].max_points: unknown key 'max_point'; ...
"""

from __future__ import annotations

from pathlib import Path

from govindex.errors import FileFormatError, GovIndexError, first_problem
from govindex.io.converter import structure_document, unstructure
from govindex.io.yamlio import Document, dump_document, load_document
from govindex.rubric import Rubric

__all__ = ["check_rubric_text", "dump_rubric", "parse_rubric", "read_rubric", "read_text"]


def read_text(path: str | Path, what: str = "file") -> str:
    """The UTF-8 text of a file (a byte-order mark is dropped), or a :class:`FileFormatError`."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FileFormatError(f"cannot read the {what}: {error.strerror}", file=str(path)) from None
    except UnicodeDecodeError as error:
        raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=str(path)) from None


def _rubric_of(document: Document) -> tuple[Rubric | None, list[GovIndexError]]:
    if not isinstance(document.data, dict):
        return None, [
            FileFormatError(
                "a rubric file must hold a mapping (id: ..., groups: ...) at its top", file=document.file, line=1
            )
        ]
    rubric, problems = structure_document(document, Rubric)
    return rubric, problems


def check_rubric_text(text: str, *, file: str | None = None) -> tuple[Rubric | None, list[GovIndexError]]:
    """Read a rubric and return it (or ``None``) with **every** problem found, instead of raising the first."""
    problems: list[GovIndexError] = []
    try:
        document = load_document(text, file=file, sink=problems.append)
    except GovIndexError as error:
        return None, [*problems, error]
    rubric, more = _rubric_of(document)
    return (rubric if not problems else None), problems + more


def parse_rubric(text: str, *, file: str | None = None) -> Rubric:
    """Build a :class:`Rubric` from the text of a rubric file (YAML or JSON).

    >>> parse_rubric("id: x\\ntitle: X\\nyear: 2021\\n", file="x.yaml")
    Traceback (most recent call last):
    ...
    govindex.errors.FileFormatError: x.yaml:1:1: legal_basis: required key 'legal_basis' is missing (and 1 more problem(s)...
    """
    document = load_document(text, file=file)
    rubric, problems = _rubric_of(document)
    if problems:
        raise first_problem(problems)
    assert rubric is not None
    return rubric


def read_rubric(path: str | Path) -> Rubric:
    """Read a rubric file (``.yaml``, ``.yml`` or ``.json``)."""
    return parse_rubric(read_text(path, "rubric"), file=str(path))


def dump_rubric(rubric: Rubric, format: str = "yaml") -> str:
    """The rubric as YAML (or ``format="json"``) text in the documented format.

    Fields at their default values are left out; the same rubric always gives
    the same text, and reading it back gives an equal rubric.

    >>> from govindex import load_rubric
    >>> parse_rubric(dump_rubric(load_rubric("sonla-2017-it"))) == load_rubric("sonla-2017-it")
    True
    """
    data = unstructure(rubric)
    return dump_document(data, format)
