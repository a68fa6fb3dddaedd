"""``govindex publish RUBRIC SCORES --each-agency --output FOLDER``: one result sheet per agency.

The sheets are made by :func:`govindex.result_sheet.result_sheets` and
written by :mod:`govindex.render.result_sheet`, in the format of
``--format`` (Word by default). Every file's name is checked before any is
written: existing files are refused, all named, unless ``--force``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from govindex.assessment import Assessment
from govindex.catalogue.publishing import PublishError
from govindex.cli.pipeline import Outputs
from govindex.errors import FileFormatError
from govindex.methodology import Methodology
from govindex.render import render, write_file
from govindex.render.result_sheet import result_sheet_document, sheet_file_names
from govindex.result_sheet import result_sheets
from govindex.results import Result
from govindex.scoring import score

__all__ = ["write_sheets"]

#: Existing files named in a refusal, at most.
_NAMES_SHOWN = 10


def write_sheets(
    outputs: Outputs,
    fmt: str,
    methodology: Methodology,
    result: Result,
    cohort: Sequence[Assessment],
    mine: Sequence[Assessment],
) -> list[Path]:
    """Write one result sheet per agency ranked in ``result`` into ``outputs.output`` (a folder, made if
    missing), in the format ``fmt``; existing files are refused, all named, unless ``outputs.force``."""
    folder = Path(str(outputs.output))
    if folder.exists() and not folder.is_dir():
        raise FileFormatError(PublishError.SHEETS_OUTPUT, output=str(folder), file=str(folder))
    self_result = score(methodology, mine) if mine else None
    sheets = result_sheets(result, assessments=cohort, self_result=self_result, self_assessments=mine)
    paths = [folder / name for name in sheet_file_names(sheets, fmt)]
    force = outputs.force
    existing = [path.name for path in paths if path.exists()]
    if existing and not force:
        shown = existing[:_NAMES_SHOWN] + (["…"] if len(existing) > _NAMES_SHOWN else [])
        raise FileFormatError(
            PublishError.SHEETS_EXIST, count=len(existing), folder=str(folder), names=shown, file=str(folder)
        )
    folder.mkdir(parents=True, exist_ok=True)
    for sheet, path in zip(sheets, paths, strict=True):
        write_file(render(result_sheet_document(sheet, outputs.lang), fmt, lang=outputs.lang), path, overwrite=force)
    return paths
