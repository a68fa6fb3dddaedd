"""Published results bundled with govindex, and their reproduction.

A published dataset (:class:`~govindex.published.PublishedDataset`) holds
the scores an official decision printed and every figure it gave: totals,
bands, ranks, ranks per category, the agencies not assessed, the summary
per group and overall, and the proven errors of the source.
:func:`load_dataset` reads one (a bundled id or a file); :func:`reproduce`
recomputes everything from the scores and checks every figure.
"""

from __future__ import annotations

from pathlib import Path

from govindex.errors import FileFormatError, UnknownNameError
from govindex.io.bundled import bundled_path, load_rubric
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
from govindex.reproduction import Check, Reproduction, Status, check_dataset
from govindex.scoring import score
from govindex.stats import statistics

__all__ = [
    "Check",
    "KnownError",
    "PublishedAgency",
    "PublishedDataset",
    "PublishedExclusion",
    "PublishedFigures",
    "PublishedGroup",
    "PublishedRounding",
    "PublishedSummary",
    "Reproduction",
    "Status",
    "list_datasets",
    "load_dataset",
    "reproduce",
]


def list_datasets() -> tuple[str, ...]:
    folder = bundled_path("published")
    return tuple(sorted(path.stem for path in folder.glob("*.yaml"))) if folder.is_dir() else ()


def load_dataset(name: str | Path) -> PublishedDataset:
    """A bundled dataset by id (``"sonla-2017-it"``) or a dataset file by path."""
    if isinstance(name, str) and name in list_datasets():
        path = bundled_path("published", f"{name}.yaml")
    elif isinstance(name, Path) or str(name).endswith((".yaml", ".yml", ".json")):
        path = Path(name)
    else:
        raise UnknownNameError(f"unknown dataset {name!r}; the bundled datasets are {', '.join(list_datasets())}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FileFormatError(f"cannot read the dataset: {error.strerror}", file=str(path)) from None
    document = load_document(text, file=str(path))
    dataset: PublishedDataset = structure(document.data, PublishedDataset, file=str(path), document=document)
    return dataset


def reproduce(dataset: PublishedDataset) -> Reproduction:
    """Recompute a published dataset from its scores and compare every published figure.

    The rubric is the bundled one the dataset names; the result is scored
    from the scores as the dataset gives them (``values``: points or index
    values) with the rubric's rules and summarised with
    :func:`govindex.stats.statistics`; the comparison is
    :func:`govindex.reproduction.check_dataset`.

    >>> outcome = reproduce(load_dataset("sonla-2017-it"))
    >>> outcome.ok, outcome.checked, len(outcome.known_errors)
    (True, 300, 0)
    >>> web = reproduce(load_dataset("sonla-2017-web"))
    >>> web.ok, web.checked, [(c.group, c.item, c.published, c.computed) for c in web.known_errors]
    (True, 108, [('provincial', 'good', '5', '6'), ('provincial', 'fair', '45', '44')])
    """
    rubric = load_rubric(dataset.rubric)
    result = score(rubric, dataset.assessments(), values=dataset.values)
    return check_dataset(dataset, result, statistics(result))
