"""Collecting forms into one file (gộp phiếu): every agency of every file, checked together, written once.

:func:`collect` reads the files together (every problem of every file
found, an agency in two files refused naming both) and :func:`collected_bytes`
writes what they hold as one score file, by its extension: an assessment
file in YAML or JSON (source, flags, facts, scores or figures, evidence and
an appraisal's reasons), or a long CSV or XLSX score table (agency, group,
name, source and flags where needed, node, score, evidence, and a ``reason``
column when an appraisal gives reasons). A table cannot hold the facts a
rule reads: collecting them into CSV or XLSX is refused, naming them and
the agencies, before anything is written. Read back, a collected file gives
the same scores, evidence, reasons and facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from govindex.assessment import Assessment
from govindex.catalogue.forms import Collect
from govindex.catalogue.round import RoundFiles
from govindex.errors import FileFormatError, InputError
from govindex.io.assessments import dump_assessments
from govindex.io.cells import ReadOptions
from govindex.io.cohort import SCORE_FILE_EXTENSIONS, read_scores, score_files
from govindex.io.csvio import dump_scores_csv
from govindex.rubric import Rubric

__all__ = ["COLLECT_FORMATS", "collect", "collected_bytes", "files_of"]

#: The kinds of collected file, by extension.
COLLECT_FORMATS = SCORE_FILE_EXTENSIONS


def files_of(paths: Sequence[str | Path]) -> list[Path]:
    """The files named, a folder standing for its score files (:func:`govindex.io.cohort.score_files`)."""
    return [Path(str(item)) for item in score_files(paths)]


def collect(
    paths: Sequence[str | Path], rubric: Rubric, *, options: ReadOptions | None = None
) -> tuple[Assessment, ...]:
    """The assessments of every file (a folder: its score files), read together; every problem raised at once."""
    return read_scores(list(paths), rubric, options=options).assessments()


def collected_bytes(assessments: Sequence[Assessment], rubric: Rubric, output: str | Path) -> bytes:
    """The collected file's bytes for the kind ``output``'s extension names; the same assessments, the same bytes."""
    extension = Path(output).suffix.lower()
    if extension not in COLLECT_FORMATS:
        raise FileFormatError(Collect.EXTENSION, extension=repr(extension or "(none)"), file=str(output))
    if extension in {".yaml", ".yml", ".json"}:
        sources = sorted({assessment.source.value for assessment in assessments})
        if len(sources) > 1:
            raise InputError(Collect.SOURCES, sources=sources, file=str(output))
        text = dump_assessments(
            assessments, "json" if extension == ".json" else "yaml", year=rubric.year, rubric=rubric.id
        )
        return text.encode("utf-8")
    _refuse_facts(assessments, Path(output))
    if extension == ".csv":
        return dump_scores_csv(assessments, rubric, form="long").encode("utf-8")
    from govindex.io.xlsx import scores_xlsx_bytes

    return scores_xlsx_bytes(assessments, rubric, form="long")


def _refuse_facts(assessments: Sequence[Assessment], output: Path) -> None:
    """A score table holds no agency facts (the answers a rule reads): refuse before writing, naming them all."""
    holding = [item.agency for item in assessments if item.agency.attributes]
    if not holding:
        return
    facts = sorted({name for agency in holding for name in agency.attributes})
    names = [agency.name for agency in holding]
    shown = "; ".join(names[:5]) + ("; …" if len(names) > 5 else "")
    raise InputError(
        RoundFiles.TABLE_FACTS,
        extension=output.suffix.lower().lstrip(".").upper(),
        facts=facts,
        count=len(holding),
        agencies=shown,
        suggested=str(output.with_suffix(".yaml")),
        file=str(output),
    )
