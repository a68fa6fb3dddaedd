"""Reading the inputs of a comparison: one :class:`~govindex.compare.Period` per argument.

An input is written ``[LABEL=]SOURCE``:

``SOURCE`` is one of

- ``RUBRIC:SCORES``: a rubric (bundled id or file) and a score file (CSV
  table, or YAML/JSON assessment file), scored here. The first ``:`` splits
  the two, except a Windows drive letter (``C:\\``).
- ``RESULT.json``: a result as written by ``govindex score --format json``.
- ``DATASET``: a bundled published dataset (``sonla-2017-it``) or a dataset
  file, recomputed from its published scores.

``LABEL`` names the period in the output; a label of four digits (``2025=``)
is also the period's year. Without a label the period is labelled by its
year: the assessment file's ``year``, else the rubric's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from govindex.compare import Period, Standing, written_decimals
from govindex.errors import FileFormatError, GovIndexError
from govindex.io.assessments import parse_assessment_file
from govindex.io.bundled import list_rubrics, load_rubric
from govindex.io.converter import structure
from govindex.io.csvio import read_scores_csv
from govindex.io.published import load_dataset, reproduce
from govindex.io.yamlio import load_document
from govindex.points import parse_points
from govindex.ranking import Rank
from govindex.scoring import score

if TYPE_CHECKING:
    from govindex.bands import BandScheme
    from govindex.rubric import Rubric

__all__ = ["parse_result_json", "read_period", "split_input"]

_LABEL = re.compile(r"([^=:/\\]+)=(.+)", re.DOTALL)
_YEAR = re.compile(r"\d{4}")


def split_input(spec: str) -> tuple[str | None, str | None, str]:
    """Split ``[LABEL=]SOURCE`` into (label, rubric, source).

    >>> split_input("2025=sonla-2017-it:later.csv")
    ('2025', 'sonla-2017-it', 'later.csv')
    >>> split_input("result-2017.json")
    (None, None, 'result-2017.json')
    >>> split_input(r"C:\\data\\2017.json")
    (None, None, 'C:\\\\data\\\\2017.json')
    """
    label: str | None = None
    found = _LABEL.fullmatch(spec)
    if found:
        label, spec = found.group(1).strip(), found.group(2)
    start = 2 if re.match(r"[A-Za-z]:[\\/]", spec) else 0
    colon = spec.find(":", start)
    if colon > 0:
        return label, spec[:colon], spec[colon + 1 :]
    return label, None, spec


@attrs.frozen
class _NodeEntry:
    score: str
    rank: Any = None


@attrs.frozen
class _ResultEntry:
    agency: str
    group: str
    total: str
    band: str | None = None
    rank: Any = None
    nodes: Mapping[str, _NodeEntry] = attrs.field(factory=dict, hash=False)
    normalised: str | None = None
    name: str | None = None
    band_label: str | None = None


@attrs.frozen
class _NotAssessedEntry:
    agency: str
    group: str
    reason: str
    name: str | None = None
    rule: str | None = None


@attrs.frozen
class _ResultFile:
    rubric: str
    results: tuple[_ResultEntry, ...]
    not_assessed: tuple[_NotAssessedEntry, ...] = ()


def _rank(value: Any, *, file: str | None, path: str) -> Rank | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        try:
            return parse_points(value)
        except GovIndexError as error:
            raise error.with_context(file=file, path=path) from None
    raise FileFormatError(f"a rank must be a whole number or a text number, not {value!r}", file=file, path=path)


def _band_labels(
    bands: BandScheme | None, band_id: str | None, *, file: str | None, path: str, agency: str
) -> tuple[str | None, str | None]:
    """The Vietnamese and English labels of a result file's band, checked against the rubric's bands."""
    if bands is None or band_id is None:
        return None, None
    try:
        band = bands.band(band_id)
    except GovIndexError as error:
        raise error.with_context(file=file, path=path, agency=agency) from None
    return band.label, band.label_en


def _group_names(rubric: Rubric | None) -> dict[str, tuple[str, str | None]]:
    return {} if rubric is None else {g.id: (g.name, g.name_en) for g in rubric.groups}


def parse_result_json(
    text: str, *, file: str | None = None, label: str | None = None, year: int | None = None
) -> Period:
    """A period from the JSON of ``govindex score --format json``.

    When the result's rubric is bundled, its year, decimals, bands and maxima
    are used; otherwise the year is unknown unless given.
    """
    document = load_document(text, file=file)
    data = document.data
    if not isinstance(data, dict):
        raise FileFormatError("a result file must hold a mapping at its top", file=file)
    parsed: _ResultFile = structure(data, _ResultFile, file=file, document=document)
    rubric = load_rubric(parsed.rubric) if parsed.rubric in list_rubrics() else None
    bands = rubric.bands if rubric is not None else None
    standings: list[Standing] = []
    for index, entry in enumerate(parsed.results):
        where = f"results[{index}]"
        try:
            total = parse_points(entry.total)
        except GovIndexError as error:
            raise error.with_context(file=file, path=f"{where}.total", agency=entry.agency) from None
        label_of_band, label_en = _band_labels(bands, entry.band, file=file, path=f"{where}.band", agency=entry.agency)
        standings.append(
            Standing(
                entry.agency,
                entry.name or entry.agency,
                entry.group,
                total,
                _rank(entry.rank, file=file, path=f"{where}.rank"),
                entry.band,
                label_of_band,
                band_label_en=label_en,
            )
        )
    for item in parsed.not_assessed:
        standings.append(Standing(item.agency, item.name or item.agency, item.group, note=item.reason))
    if year is None and rubric is not None:
        year = rubric.year
    decimals = (
        rubric.decimals
        if rubric is not None
        else max((written_decimals(s.score) for s in standings if s.score is not None), default=None)
    )
    try:
        return Period(
            label or (str(year) if year is not None else Path(file or "result").stem),
            tuple(standings),
            year,
            decimals,
            () if bands is None else bands.ids,
            {} if rubric is None else {g.id: g.tree.max_points for g in rubric.groups},
            parsed.rubric,
            _group_names(rubric),
        )
    except GovIndexError as error:
        raise error.with_context(file=file) from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FileFormatError(f"cannot read the file: {error.strerror}", file=str(path)) from None
    except UnicodeDecodeError as error:
        raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=str(path)) from None


def read_period(spec: str) -> Period:
    """The period an input argument stands for (see the module documentation for the syntax)."""
    label, rubric_name, source = split_input(spec)
    year = int(label) if label is not None and _YEAR.fullmatch(label) else None
    if rubric_name is not None:
        rubric = load_rubric(rubric_name)
        path = Path(source)
        if path.suffix.lower() in {".yaml", ".yml", ".json"}:
            parsed = parse_assessment_file(_read_text(path), rubric, file=str(path))
            assessments = parsed.assessments(rubric)
            if year is None:
                year = parsed.year
        elif path.suffix.lower() == ".csv":
            assessments = read_scores_csv(path, rubric)
        else:
            raise FileFormatError(
                f"cannot tell the kind of score file from the extension {path.suffix or '(none)'!r}; "
                "use .csv, .yaml or .json",
                file=source,
            )
        return Period.from_result(score(rubric, assessments), label=label, year=year)
    if source.lower().endswith(".json"):
        return parse_result_json(_read_text(Path(source)), file=source, label=label, year=year)
    dataset = load_dataset(Path(source) if source.lower().endswith((".yaml", ".yml")) else source)
    return Period.from_result(reproduce(dataset).result, label=label, year=year)
