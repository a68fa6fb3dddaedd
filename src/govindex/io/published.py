"""Published results bundled with govindex, and their reproduction.

A published dataset (:class:`~govindex.published.PublishedDataset`) holds
the scores an official decision printed and every figure it gave: totals,
bands, ranks, ranks per category, the agencies not assessed, the summary
per group and overall, and the proven errors of the source.
:func:`load_dataset` reads one (a bundled id or a file); :func:`reproduce`
recomputes everything from the scores and checks every figure. A dataset
names its rubric by the id of a bundled rubric, or (a dataset file) by a path
relative to the dataset's own folder to a rubric file: that file is read as a
rubric under the size limit, never run (a rubric naming rules files is
refused), and a device, a folder or any other kind of file is refused.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from govindex.catalogue.files import Files
from govindex.catalogue.hostile import Hostile
from govindex.errors import FileFormatError, UnknownNameError
from govindex.io.bundled import bundled_path, list_rubrics, load_rubric
from govindex.io.cells import DEFAULT_MAX_BYTES, read_limited
from govindex.io.converter import structure
from govindex.io.yamlio import load_document
from govindex.published import (
    KnownError,
    PublishedAgency,
    PublishedDataset,
    PublishedExclusion,
    PublishedFigures,
    PublishedGroup,
    PublishedRounding,
    PublishedSummary,
)
from govindex.reproduction import Check, CheckStatus, Reproduction, check_dataset
from govindex.rubric import Rubric
from govindex.scoring import score
from govindex.stats import statistics

__all__ = [
    "Check",
    "CheckStatus",
    "KnownError",
    "PublishedAgency",
    "PublishedDataset",
    "PublishedExclusion",
    "PublishedFigures",
    "PublishedGroup",
    "PublishedRounding",
    "PublishedSummary",
    "Reproduction",
    "dataset_rubric",
    "list_datasets",
    "load_dataset",
    "open_dataset",
    "reproduce",
]


def list_datasets() -> tuple[str, ...]:
    folder = bundled_path("published")
    return tuple(sorted(path.stem for path in folder.glob("*.yaml"))) if folder.is_dir() else ()


def _dataset_path(name: str | Path) -> Path:
    if isinstance(name, str) and name in list_datasets():
        return bundled_path("published", f"{name}.yaml")
    if isinstance(name, Path) or str(name).endswith((".yaml", ".yml", ".json")):
        return Path(name)
    raise UnknownNameError(Files.UNKNOWN_DATASET, name=repr(name), known=list_datasets())


def load_dataset(name: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> PublishedDataset:
    """A bundled dataset by id (``"sonla-2017-it"``) or a dataset file by path (at most ``max_bytes``)."""
    path = _dataset_path(name)
    bundled = isinstance(name, str) and name in list_datasets()
    data = read_limited(path, DEFAULT_MAX_BYTES if bundled else max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(Files.NOT_UTF8, byte=error.start, file=str(path)) from None
    document = load_document(text, file=str(path))
    dataset: PublishedDataset = structure(document.data, PublishedDataset, file=str(path), document=document)
    return dataset


def dataset_rubric(
    dataset: PublishedDataset,
    folder: Path | None = None,
    *,
    file: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Rubric:
    """The rubric a dataset names: a bundled rubric by id, or a rubric file beside the dataset (never run).

    ``folder`` is the dataset file's folder (``None`` for a bundled dataset:
    only bundled rubric ids then).
    """
    name = dataset.rubric
    if name in list_rubrics():
        return load_rubric(name)
    relative = Path(name)
    if (
        folder is None
        or relative.is_absolute()
        or relative.drive
        or relative.suffix.lower() not in {".yaml", ".yml", ".json"}
        or "\x00" in name
    ):
        raise FileFormatError(Files.DATASET_RUBRIC, rubric=repr(name), known=list_rubrics(), file=file, path="rubric")
    from govindex.io.rubrics import parse_rubric

    path = folder / relative
    if not _regular(path):  # a named pipe would wait forever, a device never ends: a rubric is a file
        raise FileFormatError(Hostile.DATASET_RUBRIC_NOT_A_FILE, rubric=repr(name), file=file, path="rubric")
    data = read_limited(path, max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(Files.NOT_UTF8, byte=error.start, file=str(path)) from None
    document = load_document(text, file=str(path))
    if not isinstance(document.data, dict) or "groups" not in document.data:
        raise FileFormatError(Files.DATASET_RUBRIC_NOT_RUBRIC, rubric=repr(name), file=file, path="rubric")
    return parse_rubric(text, file=str(path))


def _regular(path: Path) -> bool:
    """Whether ``path`` is a regular file, or missing (reading it then says so)."""
    import stat

    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def open_dataset(name: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[PublishedDataset, Rubric]:
    """A dataset (bundled id or file) and the rubric it names (:func:`dataset_rubric`)."""
    path = _dataset_path(name)
    dataset = load_dataset(name, max_bytes=max_bytes)
    bundled = isinstance(name, str) and name in list_datasets()
    folder = None if bundled else path.parent
    rubric = dataset_rubric(dataset, folder, file=str(path), max_bytes=max_bytes)
    return attrs.evolve(dataset, rubric=rubric.id), rubric


def reproduce(dataset: PublishedDataset, *, rubric: Rubric | None = None) -> Reproduction:
    """Recompute a published dataset from its scores and compare every published figure.

    The rubric is ``rubric`` (from :func:`open_dataset`), else the bundled one
    the dataset names (a dataset naming a rubric file is opened with
    :func:`open_dataset`); the result is scored from the scores as the dataset
    gives them (``values``: points or index values) with the rubric's rules
    and summarised with :func:`govindex.stats.statistics`; the comparison is
    :func:`govindex.reproduction.check_dataset`.

    >>> outcome = reproduce(load_dataset("sonla-2017-it"))
    >>> outcome.ok, outcome.checked, len(outcome.known_errors)
    (True, 300, 0)
    >>> web = reproduce(load_dataset("sonla-2017-web"))
    >>> web.ok, web.checked, [(c.group, c.item, c.published, c.computed) for c in web.known_errors]
    (True, 108, [('provincial', 'good', '5', '6'), ('provincial', 'fair', '45', '44')])
    """
    if rubric is None:
        rubric = dataset_rubric(dataset)
    result = score(rubric, dataset.assessments(), values=dataset.values)
    return check_dataset(dataset, result, statistics(result))
