"""Sets of forms written at once: the appraisal forms made from self-assessments, to a folder or a file.

Every file is checked before any is written: an existing file is refused
(all of them named at once) unless ``force``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from govindex.assessment import Assessment
from govindex.catalogue.forms import Appraisal
from govindex.catalogue.render import RenderError
from govindex.errors import FileFormatError, collected
from govindex.formlayout import form_facts
from govindex.methodology import Methodology
from govindex.render import write_file
from govindex.render.appraisal import appraisal_form_bytes

__all__ = ["appraisal_forms", "write_forms"]


def appraisal_forms(methodology: Methodology, assessments: Iterable[Assessment]) -> dict[str, bytes]:
    """The appraisal form of each self-assessment, by file name (``<agency id>.xlsx``), in the order given."""
    rubric = methodology.rubric
    forms: dict[str, bytes] = {}
    for assessment in assessments:
        facts = form_facts(rubric, methodology.rules, assessment.agency.group)
        forms[f"{assessment.agency.id}.xlsx"] = appraisal_form_bytes(rubric, assessment, facts=facts)
    return forms


def write_forms(forms: Mapping[str, bytes], output: Path, *, force: bool = False, folder: bool = False) -> list[Path]:
    """Write ``forms`` into the folder ``output`` (made if need be), or, for one form, to ``output`` if it names
    an ``.xlsx`` file (unless ``folder``: then ``output`` is a folder whatever its name). Existing files are
    refused, all named, before any is written, unless ``force``."""
    if output.suffix.lower() == ".xlsx" and not folder:
        if len(forms) != 1:
            raise FileFormatError(Appraisal.ONE_FILE, count=len(forms), file=str(output))
        targets = {output: next(iter(forms.values()))}
    else:
        targets = {output / name: data for name, data in forms.items()}
    if not force:
        existing = [FileFormatError(RenderError.EXISTS, file=str(path)) for path in targets if path.exists()]
        if existing:
            raise collected(existing)
    if folder or output.suffix.lower() != ".xlsx":
        output.mkdir(parents=True, exist_ok=True)
    for path, data in targets.items():
        write_file(data, path, overwrite=force)
    return list(targets)
