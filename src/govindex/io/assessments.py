"""Assessment files: the agencies of one assessment and the scores they received.

YAML (or JSON)::

    rubric: sonla-2024-dti        # optional: the rubric the scores are for
    year: 2024
    source: appraised             # or self (tự đánh giá)
    agencies:
      - id: so-ngoai-vu
        name: Sở Ngoại vụ
        group: provincial
        has_online_services: false
        scores:
          total: 71.25
        evidence:
          total: Biên bản thẩm định số 12

CSV and XLSX score tables are read by :mod:`govindex.io.csvio`;
:func:`read_assessments` picks the reader from the file's extension.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import attrs

from govindex.agency import Agency
from govindex.assessment import Assessment, Source
from govindex.errors import FileFormatError, GovIndexError, InputError
from govindex.io.converter import structure
from govindex.io.csvio import read_scores_csv
from govindex.io.yamlio import load_yaml
from govindex.rubric import Rubric
from govindex.scoring import check_assessment

__all__ = ["AgencyEntry", "AssessmentFile", "parse_assessment_file", "read_assessments"]


@attrs.frozen
class AgencyEntry:
    """One agency in an assessment file: who it is, its flags and its scores."""

    id: str
    name: str
    group: str
    scores: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)
    evidence: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    has_subordinate_units: bool = True
    has_online_services: bool = True
    has_procedures: bool = True
    special: bool = False
    not_applicable: tuple[str, ...] = ()
    attributes: Mapping[str, str | bool | int] = attrs.field(factory=dict, hash=False)

    def to_assessment(self, source: Source) -> Assessment:
        agency = Agency(
            self.id,
            self.name,
            self.group,
            has_subordinate_units=self.has_subordinate_units,
            has_online_services=self.has_online_services,
            has_procedures=self.has_procedures,
            special=self.special,
            not_applicable=frozenset(self.not_applicable),
            attributes=self.attributes,
        )
        return Assessment(agency, self.scores, source, self.evidence)


@attrs.frozen
class AssessmentFile:
    """The whole of an assessment file."""

    agencies: tuple[AgencyEntry, ...]
    source: Source = Source.APPRAISED
    year: int | None = None
    rubric: str | None = None

    def assessments(self) -> tuple[Assessment, ...]:
        return tuple(entry.to_assessment(self.source) for entry in self.agencies)


def parse_assessment_file(text: str, rubric: Rubric | None = None, *, file: str | None = None) -> AssessmentFile:
    """Parse the text of a YAML/JSON assessment file and, given a rubric, check it."""
    data = load_yaml(text, file=file)
    if not isinstance(data, dict):
        raise FileFormatError("an assessment file must hold a mapping at its top", file=file)
    parsed: AssessmentFile = structure(data, AssessmentFile, file=file)
    seen: dict[str, int] = {}
    for index, entry in enumerate(parsed.agencies):
        if entry.id in seen:
            raise InputError(
                f"the agency appears twice (first at agencies[{seen[entry.id]}])",
                file=file,
                path=f"agencies[{index}].id",
                agency=entry.id,
            )
        seen[entry.id] = index
        try:
            assessment = entry.to_assessment(parsed.source)
            if rubric is not None:
                check_assessment(rubric, assessment)
        except GovIndexError as error:
            where = f"agencies[{index}]" + (f".scores.{error.node}" if error.node else "")
            raise error.with_context(file=file, path=where, agency=entry.id) from None
    if rubric is not None and parsed.rubric is not None and parsed.rubric != rubric.id:
        raise InputError(f"the file is for rubric {parsed.rubric!r}, not {rubric.id!r}", file=file, path="rubric")
    return parsed


def read_assessments(path: str | Path, rubric: Rubric, *, source: Source | None = None) -> tuple[Assessment, ...]:
    """Read the assessments of a score file of any supported kind (by extension).

    ``.csv``: a score table; ``.yaml``/``.yml``/``.json``: an assessment file.
    ``source`` overrides the file's own source (CSV files have none; they
    default to the appraisal).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_scores_csv(path, rubric, source=source or Source.APPRAISED)
    if suffix in {".yaml", ".yml", ".json"}:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise FileFormatError(f"cannot read the file: {error.strerror}", file=str(path)) from None
        except UnicodeDecodeError as error:
            raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=str(path)) from None
        parsed = parse_assessment_file(text, rubric, file=str(path))
        if source is not None:
            parsed = attrs.evolve(parsed, source=source)
        return parsed.assessments()
    raise FileFormatError(
        f"cannot tell the kind of score file from the extension {suffix or '(none)'!r}; use .csv, .yaml or .json",
        file=str(path),
    )
