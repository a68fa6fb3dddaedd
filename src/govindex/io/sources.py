"""Each kind of score source read into a :class:`~govindex.io.table.TablePart`: the readers by kind.

The kind is told by the file's extension; a workbook is looked into (a form
from ``govindex template``, or a table); a JSON file holds an assessment
file or the result of ``govindex score --format json``; a name that is not a
file may be the id of a bundled published dataset.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from govindex.assessment import Source
from govindex.catalogue.files import Files
from govindex.errors import FileFormatError, GovIndexError
from govindex.io.cells import ReadOptions, Upload, read_limited, suffix_of
from govindex.io.parts import part_of_assessments
from govindex.io.reading import read_table
from govindex.io.table import TablePart
from govindex.rubric import Rubric

__all__ = ["SOURCE_READERS", "read_source"]

Report = Callable[[GovIndexError], None]
SourceReader = Callable[[Path | Upload, Rubric, ReadOptions, str, "Source | None", Report], TablePart]


def _read_csv(
    path: Path | Upload, rubric: Rubric, options: ReadOptions, values: str, source: Source | None, report: Report
) -> TablePart:
    from govindex.io.csvrows import CsvRows

    file = str(path)
    data = read_limited(path, options.max_bytes)
    rows = CsvRows(data, file, options.max_cells)
    return read_table(
        rows,
        rubric,
        file=file,
        source=source or Source.APPRAISED,
        options=options,
        values=values,
        report=report,
        protected=True,
    )


def _read_xlsx(
    path: Path | Upload, rubric: Rubric, options: ReadOptions, values: str, source: Source | None, report: Report
) -> TablePart:
    from govindex.io.workbook import Workbook

    file = str(path)
    with Workbook(read_limited(path, options.max_bytes), file, options.max_bytes) as workbook:
        return read_workbook(workbook, rubric, options=options, values=values, source=source, report=report)


def read_workbook(
    workbook: Any, rubric: Rubric, *, options: ReadOptions, values: str, source: Source | None, report: Report
) -> TablePart:
    """A workbook's scores: a filled form, or the score table of its sheet (the named one, else the first with a header)."""
    from govindex.io.forms import form_kind, read_form_sheet
    from govindex.io.header import AGENCY_LIST, is_header

    file = workbook.file
    kind = form_kind(workbook)
    if kind is not None:
        if values != "points":
            raise FileFormatError(Files.FORM_HOLDS_POINTS, file=file)
        columns: dict[str, int] = {}
        warnings: list[GovIndexError] = []
        assessments, places = read_form_sheet(
            workbook,
            kind,
            rubric,
            source=source,
            report=report,
            max_cells=options.max_cells,
            columns=columns,
            warnings=warnings,
        )
        blank = options.blank_rows == "not-assessed"
        part = part_of_assessments(rubric, assessments, file, places, report, sheet=kind[1], blank_rows=blank)
        part.kind = "form"
        part.columns = columns
        part.warnings = warnings
        return part
    sheet = options.sheet
    if sheet is None:
        if not workbook.sheetnames:
            raise FileFormatError(Files.NO_WORKSHEET, file=file)
        sheet = workbook.find_sheet(is_header, max_cells=options.max_cells)
        if sheet is None:
            raise FileFormatError(
                Files.NO_SHEET_WITH_HEADER, headers=AGENCY_LIST, sheets=workbook.sheetnames, file=file
            )
    elif not workbook.has_sheet(sheet):
        raise FileFormatError(Files.NO_SUCH_SHEET, sheet_name=repr(sheet), sheets=workbook.sheetnames, file=file)
    rows = workbook.rows(sheet, report, max_cells=options.max_cells)
    return read_table(
        rows,
        rubric,
        file=file,
        sheet=sheet,
        source=source or Source.APPRAISED,
        options=options,
        values=values,
        report=report,
    )


def _read_document(
    path: Path | Upload, rubric: Rubric, options: ReadOptions, values: str, source: Source | None, report: Report
) -> TablePart:
    from govindex.io.assessments import assessments_of_document
    from govindex.io.yamlio import load_document

    file = str(path)
    data = read_limited(path, options.max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(Files.NOT_UTF8, byte=error.start, file=file) from None
    document = load_document(text, file=file)
    if isinstance(document.data, dict) and "results" in document.data and "agencies" not in document.data:
        from govindex.io.resultfile import part_of_result

        part: TablePart = part_of_result(document, rubric, report=report)
        part.kind = "result"
        return part
    found = assessments_of_document(document, rubric, values, report)
    if found is None:
        return TablePart(file, None, kind="assessment")
    assessments, lines = found
    if source is not None:
        import attrs

        assessments = tuple(attrs.evolve(a, source=source) for a in assessments)
    part = part_of_assessments(rubric, assessments, file, lines, report)
    part.kind = "assessment"
    return part


def _read_dataset(name: str, rubric: Rubric, values: str, report: Report) -> TablePart:
    from govindex.index_values import points_from_index
    from govindex.io.published import load_dataset

    dataset = load_dataset(name)
    if dataset.rubric != rubric.id:
        raise FileFormatError(Files.WRONG_RUBRIC, given=repr(dataset.rubric), expected=repr(rubric.id), file=name)
    assessments = dataset.assessments()
    if dataset.values != "points":
        assessments = tuple(points_from_index(rubric, assessments))
    part = part_of_assessments(rubric, assessments, name, {}, report)
    part.kind = "dataset"
    return part


#: The readers of score files by extension. A new kind of score file is one more entry here.
SOURCE_READERS: dict[str, SourceReader] = {
    ".csv": _read_csv,
    ".xlsx": _read_xlsx,
    ".yaml": _read_document,
    ".yml": _read_document,
    ".json": _read_document,
}


def read_source(
    one: str | Path | Upload,
    rubric: Rubric,
    *,
    options: ReadOptions,
    values: str = "points",
    source: Source | None = None,
    report: Report,
) -> TablePart:
    """One source (a file, a file in memory, or a bundled dataset id) read into per-group columns; its problems go to ``report``."""
    failed: set[str] = set()
    bad_cells: set[tuple[str, str]] = set()

    def noted(error: GovIndexError) -> None:
        for problem in error.problems:
            if problem.agency is not None:
                failed.add(problem.agency)
                if problem.node is not None:
                    bad_cells.add((problem.agency, problem.node))
        report(error)

    part = _read_one(one, rubric, options=options, values=values, source=source, report=noted)
    part.failed |= failed
    part.bad_cells |= bad_cells
    return part


def _read_one(
    one: str | Path | Upload,
    rubric: Rubric,
    *,
    options: ReadOptions,
    values: str,
    source: Source | None,
    report: Report,
) -> TablePart:
    suffix = suffix_of(one)
    reader = SOURCE_READERS.get(suffix)
    if reader is None:
        from govindex.io.published import list_datasets

        if isinstance(one, str) and one in list_datasets() and not Path(one).exists():
            return _read_dataset(one, rubric, values, report)
        raise FileFormatError(
            Files.UNKNOWN_EXTENSION,
            extension=repr(suffix or "(none)"),
            known=sorted(SOURCE_READERS),
            file=str(one),
        )
    return reader(one if isinstance(one, Upload) else Path(one), rubric, options, values, source, report)
