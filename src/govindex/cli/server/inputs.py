"""What a request gives: its score files (kept in memory), its rubric, and how the files are read.

One score file is the request body, told by its media type; several come as
``multipart/form-data`` parts. A rubric is a bundled id (``rubric=``) or a
rubric document sent as the form's part ``rubric``: it is read as data, its
rules resolve to the installed ones only, and no rules file ever runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from govindex.catalogue.service import Service
from govindex.cli.pipeline import Inputs
from govindex.cli.server.problems import Refusal
from govindex.cli.server.settings import Settings
from govindex.errors import InputError, UnknownNameError, collected
from govindex.io.bundled import load_methodology
from govindex.io.cells import Upload
from govindex.io.directory import list_directories, load_directory
from govindex.io.rubrics import methodology_of_document
from govindex.io.yamlio import load_document
from govindex.methodology import Methodology

__all__ = ["MEDIA_TYPES", "XLSX", "file_of_body", "inputs_of", "methodology_of"]

#: The media type of an Excel workbook.
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: The media types a score file may be sent as, and the extension it is then read as.
MEDIA_TYPES: Mapping[str, str] = {
    "text/csv": ".csv",
    "application/json": ".json",
    "application/yaml": ".yaml",
    "application/x-yaml": ".yaml",
    "text/yaml": ".yaml",
    XLSX: ".xlsx",
}


def media_type(content_type: str | None) -> str:
    """The media type of a ``Content-Type`` header, without its parameters, lower case."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def file_of_body(content_type: str | None, body: bytes, name: str | None) -> Upload:
    """The one score file a request body holds, named ``name`` (default ``scores`` with the extension of its
    media type: problems name it so)."""
    kind = media_type(content_type)
    suffix = MEDIA_TYPES.get(kind)
    if suffix is None:
        raise Refusal(
            415, InputError(Service.UNKNOWN_MEDIA_TYPE, media_type=repr(kind or "-"), known=sorted(MEDIA_TYPES))
        )
    shown = name if name else f"scores{suffix}"
    if not shown.lower().endswith(suffix) and not (suffix == ".yaml" and shown.lower().endswith(".yml")):
        shown = f"{shown}{suffix}"
    return Upload(shown, body)


def methodology_of(rubric_id: str | None, document: Upload | None) -> Methodology:
    """The rubric of a request with its rules bound: a bundled one by id, or a rubric document sent in it.

    A document's rules resolve to the installed rules; its ``rule_files`` never run (as ``govindex score``
    without ``--trust-rules``). Every problem of the document is given, at its line.
    """
    if rubric_id is not None and document is not None:
        raise Refusal(400, InputError(Service.TWO_RUBRICS))
    if document is not None:
        try:
            text = document.data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            from govindex.catalogue.files import Files
            from govindex.errors import FileFormatError

            raise FileFormatError(Files.NOT_UTF8, byte=error.start, file=document.name) from None
        checked = methodology_of_document(load_document(text, file=document.name), folder=None)
        if checked.problems:
            raise collected(list(checked.problems))
        assert checked.methodology is not None
        return checked.methodology
    if rubric_id is None:
        raise Refusal(400, InputError(Service.NO_RUBRIC))
    if "/" in rubric_id or "\\" in rubric_id or rubric_id.endswith((".yaml", ".yml", ".json")):
        from govindex.catalogue.rubric import RubricFiles
        from govindex.io.bundled import list_rubrics

        # a name that looks like a path is never opened on the server
        raise UnknownNameError(RubricFiles.UNKNOWN, name=repr(rubric_id), known=list(list_rubrics()))
    return load_methodology(rubric_id)


def inputs_of(
    settings: Settings,
    *,
    values: str = "points",
    sheet: str | None = None,
    ignore_columns: Sequence[str] = (),
    registry: str | None = None,
    blank_rows: str = "refuse",
) -> Inputs:
    """What the request reads and how (the command line's input options), within the server's limits; a
    registry is a bundled id only."""
    directory = None
    if registry is not None:
        if registry not in list_directories():
            raise InputError(Service.REGISTRY_ID, name=repr(registry), known=list(list_directories()))
        directory = load_directory(registry)
    return Inputs(
        values=values,
        sheet=sheet,
        ignore_columns=tuple(ignore_columns),
        registry=directory,
        max_bytes=settings.max_bytes,
        max_cells=settings.max_cells,
        blank_rows=blank_rows,
    )
