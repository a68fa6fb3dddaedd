"""Score tables (bảng điểm) as CSV: reading them (through the one table reader) and writing them.

**Wide form**: one agency per row, node ids as columns::

    agency,group,name,infrastructure,internal_use
    so-noi-vu,provincial,Sở Nội vụ,"7,0",21.7

**Long form**: one score per row, recognised by its ``node`` and ``score``
columns::

    agency,group,name,node,score
    so-noi-vu,provincial,Sở Nội vụ,infrastructure,"7,0"

Both forms may also carry ``name`` and the agency attributes that methodology
rules read: ``has_subordinate_units``, ``has_online_services``,
``has_procedures``, ``special`` (``true``/``false``, ``có``/``không``,
``1``/``0``; empty means the default) and ``not_applicable`` (node ids
separated by spaces); the long form may carry an ``evidence`` column and an
appraisal's ``reason`` (lý do điều chỉnh) per score.

UTF-8 with or without a byte-order mark; comma or semicolon separators (Excel
in a decimal-comma locale writes semicolons); decimal point or decimal comma;
text normalised to Unicode NFC. An empty cell means "not given", never 0.
Every refusal names the line (row) and column. The rows are read by
:mod:`govindex.io.csvrows`, the table by :mod:`govindex.io.table`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from govindex.assessment import Assessment, Source
from govindex.catalogue.reading import Reading
from govindex.catalogue.round import RoundFiles
from govindex.errors import GovIndexError, InputError
from govindex.io.cells import ReadOptions, bad_character, check_length, read_limited
from govindex.io.cohort import cohort_of_parts, in_file_order
from govindex.io.csvrows import CsvRows
from govindex.io.header import FLAG_COLUMNS
from govindex.io.reading import read_table
from govindex.points import format_points
from govindex.render.safe import csv_cell, visible
from govindex.rubric import Rubric

__all__ = [
    "FLAG_COLUMNS",
    "check_scores_csv",
    "check_text_cell",
    "dump_scores_csv",
    "parse_scores_csv",
    "read_scores_csv",
    "table_of",
]

_DEFAULT_FLAGS = {"has_subordinate_units": True, "has_online_services": True, "has_procedures": True, "special": False}


def _read(
    data: bytes | str,
    rubric: Rubric,
    file: str | None,
    source: Source,
    options: ReadOptions,
    values: str,
    problems: list[GovIndexError],
    places: dict[str, int] | None = None,
    columns: dict[str, int] | None = None,
) -> tuple[Assessment, ...]:
    try:
        check_length(data, options.max_bytes, file)
        rows = CsvRows(data, file, options.max_cells)
        part = read_table(
            rows,
            rubric,
            file=file,
            source=source,
            options=options,
            values=values,
            report=problems.append,
            protected=True,
        )
    except GovIndexError as error:
        problems.append(error)
        return ()
    if places is not None:
        places.update(part.lines)
    if columns is not None:
        columns.update(part.columns)
    cohort = cohort_of_parts(rubric, [part], problems)
    return () if cohort is None else cohort.assessments()


def read_scores_csv(
    path: str | Path,
    rubric: Rubric,
    *,
    source: Source = Source.APPRAISED,
    options: ReadOptions | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Read a score table in CSV (wide ``agency,group,<node id>...`` or long ``agency,group,node,score``).

    A file larger than ``options.max_bytes`` is refused before it is read.
    :func:`govindex.io.read_scores` gives the engine's columns instead.
    """
    options = options or ReadOptions()
    data = read_limited(path, options.max_bytes)
    return parse_scores_csv(data, rubric, file=str(path), source=source, options=options, values=values)


def parse_scores_csv(
    data: bytes | str,
    rubric: Rubric,
    *,
    file: str | None = None,
    source: Source = Source.APPRAISED,
    options: ReadOptions | None = None,
    places: dict[str, int] | None = None,
    columns: dict[str, int] | None = None,
    values: str = "points",
) -> tuple[Assessment, ...]:
    """Parse a score table; see :func:`read_scores_csv`. Every problem is raised at once (:func:`~govindex.errors.collected`).

    UTF-8 with or without a byte-order mark; comma or semicolon separators;
    decimal point or decimal comma (one of them for the whole file); an
    empty cell is "not given", not 0.

    >>> from govindex import load_rubric
    >>> table = "\\ufeffagency;group;infrastructure;internal_use;public_services;security;staff;policy\\n"
    >>> table += "so-noi-vu;provincial;7,0;21,7;23,5;9,0;10;6,0\\n"
    >>> parse_scores_csv(table, load_rubric("sonla-2017-it"))[0].scores["internal_use"]
    Decimal('21.7')
    """
    from govindex.errors import collected

    problems: list[GovIndexError] = []
    found = _read(data, rubric, file, source, options or ReadOptions(), values, problems, places, columns)
    if problems:
        raise collected(in_file_order(problems))
    return found


def check_scores_csv(
    data: bytes | str,
    rubric: Rubric,
    *,
    file: str | None = None,
    options: ReadOptions | None = None,
    places: dict[str, int] | None = None,
) -> tuple[tuple[Assessment, ...], list[GovIndexError]]:
    """Read a CSV score table and return what could be read with **every** problem found."""
    problems: list[GovIndexError] = []
    found = _read(data, rubric, file, Source.APPRAISED, options or ReadOptions(), "points", problems, places)
    return found, in_file_order(problems)


def table_of(
    assessments: Iterable[Assessment], rubric: Rubric, *, form: str | None = None
) -> tuple[list[str], list[list[str | Decimal]]]:
    """The score table of ``assessments``: header and rows (scores as Decimal, the rest as text).

    ``form`` is ``"wide"`` (one row per agency), ``"long"`` (one row per score,
    with its evidence and, when an assessment carries them, an appraisal's
    reasons) or ``None``: long when an assessment carries evidence or reasons,
    else wide. The cell of a measured leaf holds the figure as reported (text),
    as the readers expect it. A ``source`` column is written when an
    assessment is self-assessed (tự đánh giá). What a table cannot hold is
    refused, never dropped: agency attributes, or evidence and reasons in the wide form.
    """
    cohort = list(assessments)
    form = _form_of(cohort, form)
    node_ids = _node_ids(cohort, rubric)
    layout = _FactColumns(cohort)
    with_reasons = any(item.reasons for item in cohort)
    long_columns = ["node", "score", "evidence", *(["reason"] if with_reasons else [])]
    header = [*layout.header(), *(node_ids if form == "wide" else long_columns)]
    rows: list[list[str | Decimal]] = []
    for item in cohort:
        row = layout.row(item)
        if form == "wide":
            rows.append([*row, *(_cell_value(item, node_id) for node_id in node_ids)])
            continue
        given = [node_id for node_id in node_ids if node_id in item.scores or node_id in item.evidence]
        given += [node_id for node_id in node_ids if node_id in item.reasons and node_id not in given]
        if not given:  # an agency without scores still has its row, with an empty score
            group = item.agency.group
            given = [rubric.group(group).tree.id if group in rubric.group_ids else "total"]
        for node_id in given:
            line = [*row, node_id, _cell_value(item, node_id), item.evidence.get(node_id, "")]
            rows.append([*line, item.reasons.get(node_id, "")] if with_reasons else line)
    return header, rows


def _form_of(cohort: list[Assessment], form: str | None) -> str:
    """The form a table of ``cohort`` takes; what a table cannot hold is refused."""
    if form not in (None, "wide", "long"):
        raise InputError(Reading.UNKNOWN_FORM, form=repr(form))
    for item in cohort:
        if item.agency.attributes:
            attributes = sorted(item.agency.attributes)
            raise InputError(Reading.CANNOT_HOLD_ATTRIBUTES, attributes=attributes, agency=item.agency.id)
    first = next((a for a in cohort if a.evidence), None)
    if form == "wide" and first is not None:
        raise InputError(Reading.CANNOT_HOLD_EVIDENCE, agency=first.agency.id, node=next(iter(first.evidence)))
    reasoned = next((a for a in cohort if a.reasons), None)
    if form == "wide" and reasoned is not None:
        raise InputError(RoundFiles.WIDE_REASONS, agency=reasoned.agency.id, node=next(iter(reasoned.reasons)))
    return form or ("long" if first is not None or reasoned is not None else "wide")


def _node_ids(cohort: list[Assessment], rubric: Rubric) -> list[str]:
    """The nodes some assessment scores or gives evidence for, in the rubric's order."""
    used = {node_id for a in cohort for node_id in (*a.scores, *a.evidence, *a.reasons)}
    ordered = [node.id for group in rubric.groups for node in group.tree.walk() if node.id in used]
    return list(dict.fromkeys(ordered))


def _cell_value(item: Assessment, node_id: str) -> str | Decimal:
    """A score cell: a measured leaf as the figure reported (``95/120``, read back to the same points)."""
    if node_id in item.measurements:
        return item.measurements[node_id].value
    return item.scores.get(node_id, "")


class _FactColumns:
    """The agency columns a cohort's table needs: its id, group and name, and the facts some agency states."""

    def __init__(self, cohort: list[Assessment]) -> None:
        self.flags = [n for n in FLAG_COLUMNS if any(getattr(a.agency, n) != _DEFAULT_FLAGS[n] for a in cohort)]
        self.with_na = any(a.agency.not_applicable for a in cohort)
        self.with_source = any(a.source is not Source.APPRAISED for a in cohort)
        self.with_not_ranked = any(a.agency.not_ranked is not None for a in cohort)

    def header(self) -> list[str]:
        source = ["source"] if self.with_source else []
        na = ["not_applicable"] if self.with_na else []
        return ["agency", "group", "name", *source, *self.flags, *na, *(["not_ranked"] if self.with_not_ranked else [])]

    def row(self, item: Assessment) -> list[str | Decimal]:
        agency = item.agency
        row: list[str | Decimal] = [agency.id, agency.group, agency.name]
        row += [item.source.value] if self.with_source else []
        row += ["true" if getattr(agency, name) else "false" for name in self.flags]
        row += [" ".join(sorted(agency.not_applicable))] if self.with_na else []
        row += [agency.not_ranked or ""] if self.with_not_ranked else []
        return row


def dump_scores_csv(
    assessments: Iterable[Assessment],
    rubric: Rubric,
    *,
    delimiter: str = ",",
    decimal_comma: bool = False,
    form: str | None = None,
) -> str:
    """The assessments as a CSV score table that :func:`parse_scores_csv` reads back unchanged.

    ``delimiter=";", decimal_comma=True`` writes what Excel writes in a
    decimal-comma locale. Each score keeps its digits (``20.50`` stays
    ``20.50``). ``form`` as in :func:`table_of`: evidence is written in the
    long form. A text cell that begins with ``=``, ``+``, ``-``, ``@``, TAB or
    CR gets a leading apostrophe (:func:`govindex.render.safe.csv_cell`), which
    the reader removes again.
    """
    header, rows = table_of(assessments, rubric, form=form)
    lines = [delimiter.join(_quoted(name, delimiter) for name in header)]
    for row in rows:
        lines.append(
            delimiter.join(
                _quoted(
                    format_points(cell, max(0, -int(cell.as_tuple().exponent)), decimal_comma=decimal_comma)
                    if isinstance(cell, Decimal)
                    else _protected(cell),
                    delimiter,
                )
                for cell in row
            )
        )
    return "".join(line + "\n" for line in lines)


def _quoted(cell: str, delimiter: str) -> str:
    """A CSV field: quoted when it holds the separator, a quote or a line break (CR too, which csv leaves bare)."""
    if delimiter in cell or '"' in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _protected(text: str) -> str:
    """A text cell as written: :func:`csv_cell`, which the reader undoes (see :func:`check_text_cell`)."""
    check_text_cell(text, protected=True)
    return csv_cell(text)


def check_text_cell(text: str, *, protected: bool = False) -> None:
    """Refuse a text a score table would not give back: a control character, or surrounding white space.

    The readers strip a cell's surrounding white space; in CSV (``protected``) a
    leading TAB or CR is kept by the apostrophe of :func:`csv_cell`.
    """
    if visible(text) != text or bad_character(text) is not None:
        raise InputError(Reading.CANNOT_HOLD_CONTROL, text=repr(text))
    kept = csv_cell(text) if protected else text
    if kept != kept.strip():
        raise InputError(Reading.CANNOT_HOLD_SPACES, text=repr(text))
