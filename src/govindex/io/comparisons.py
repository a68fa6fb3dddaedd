"""Reading the inputs of a comparison: one :class:`~govindex.comparison.Period` per argument.

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
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govindex.bands import BandScheme
from govindex.catalogue.files import Files
from govindex.comparison import Period, Standing, written_decimals
from govindex.errors import FileFormatError, GovIndexError, collected
from govindex.io.assessments import parse_assessment_file
from govindex.io.bundled import list_rubrics, load_rubric
from govindex.io.cells import DEFAULT_MAX_BYTES, read_limited
from govindex.io.cohort import read_scores
from govindex.io.published import open_dataset, reproduce
from govindex.io.resultfile import ResultEntry, result_file
from govindex.io.yamlio import load_document
from govindex.points import parse_points
from govindex.ranking import Rank
from govindex.scoring import score

if TYPE_CHECKING:
    from govindex.bands import BandScheme
    from govindex.results import Result
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


def _rank(value: Any, *, file: str | None, path: str) -> Rank | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        try:
            return parse_points(value)
        except GovIndexError as error:
            raise error.with_context(file=file, path=path) from None
    raise FileFormatError(Files.BAD_RANK, value=repr(value)[:60], file=file, path=path)


def _standing(entry: ResultEntry, where: str, bands: BandScheme | None, file: str | None) -> Standing:
    """One agency of a result: its total, band and rank, each refused at its path when it cannot be."""
    try:
        total = parse_points(entry.total)
    except GovIndexError as error:
        raise error.with_context(file=file, path=f"{where}.total", agency=entry.agency) from None
    label_of_band, label_en = _band_labels(bands, entry.band, file=file, path=f"{where}.band", agency=entry.agency)
    rank = _rank(entry.rank, file=file, path=f"{where}.rank")
    return Standing(
        entry.agency,
        entry.name or entry.agency,
        entry.group,
        total,
        rank,
        entry.band,
        label_of_band,
        band_label_en=label_en,
    )


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
    parsed, problems = result_file(load_document(text, file=file))
    if parsed is None:
        raise collected(problems)
    rubric = load_rubric(parsed.rubric) if parsed.rubric in list_rubrics() else None
    bands = rubric.bands if rubric is not None else None
    standings = [_standing(entry, f"results[{i}]", bands, file) for i, entry in enumerate(parsed.results)]
    standings += [
        Standing(item.agency, item.name or item.agency, item.group, note=item.reason) for item in parsed.not_assessed
    ]
    if rubric is None:
        decimals = max((written_decimals(s.score) for s in standings if s.score is not None), default=None)
        return _period(parsed.rubric, standings, label, year, decimals, (), {}, file, rubric)
    maxima = {g.id: g.tree.max_points for g in rubric.groups}
    ids = () if bands is None else bands.ids
    return _period(parsed.rubric, standings, label, year or rubric.year, rubric.decimals, ids, maxima, file, rubric)


def _period(
    rubric_id: str,
    standings: list[Standing],
    label: str | None,
    year: int | None,
    decimals: int | None,
    bands: tuple[str, ...],
    maxima: Mapping[str, Decimal],
    file: str | None,
    rubric: Rubric | None,
) -> Period:
    try:
        name = label or (str(year) if year is not None else Path(file or "result").stem)
        return Period(name, tuple(standings), year, decimals, bands, maxima, rubric_id, _group_names(rubric))
    except GovIndexError as error:
        raise error.with_context(file=file) from None


def _read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    data = read_limited(path, max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(Files.NOT_UTF8, byte=error.start, file=str(path)) from None


def read_period(
    spec: str, *, scorer: Callable[[str, Path], Result] | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Period:
    """The period an input argument stands for (see the module documentation for the syntax).

    ``scorer(rubric, path)`` scores a ``RUBRIC:SCORES`` input (default: the
    bundled or file rubric with the installed rules, the file read with the
    default options); the command line passes its input options this way.
    No file larger than ``max_bytes`` is read.
    """
    label, rubric_name, source = split_input(spec)
    year = int(label) if label is not None and _YEAR.fullmatch(label) else None
    if rubric_name is not None:
        path = Path(source)
        if scorer is not None:
            result = scorer(rubric_name, path)
        else:
            rubric = load_rubric(rubric_name)
            result = score(rubric, read_scores([path], rubric))
        if year is None and path.suffix.lower() in {".yaml", ".yml"}:
            year = parse_assessment_file(_read_text(path, max_bytes), result.rubric, file=str(path)).year
        return Period.from_result(result, label=label, year=year)
    if source.lower().endswith(".json"):
        return parse_result_json(_read_text(Path(source), max_bytes), file=source, label=label, year=year)
    named = Path(source) if source.lower().endswith((".yaml", ".yml")) else source
    dataset, rubric = open_dataset(named, max_bytes=max_bytes)
    return Period.from_result(reproduce(dataset, rubric=rubric).result, label=label, year=year)
