"""Published results bundled with govindex, and their reproduction.

A published dataset holds the scores an official decision printed and the
totals, bands and ranks it gave. :func:`reproduce` recomputes everything from
the scores and lists every difference.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from govindex.agency import Agency
from govindex.assessment import Assessment
from govindex.errors import FileFormatError, UnknownNameError
from govindex.io.bundled import bundled_path, load_rubric
from govindex.io.converter import structure
from govindex.io.yamlio import load_document
from govindex.ranking import Rank
from govindex.results import Result
from govindex.scoring import score

__all__ = [
    "Difference",
    "PublishedAgency",
    "PublishedDataset",
    "PublishedFigures",
    "Reproduction",
    "list_datasets",
    "load_dataset",
    "reproduce",
]


@attrs.frozen
class PublishedFigures:
    """What the decision printed for one agency."""

    total: Decimal
    band: str | None = None
    rank: int | None = None
    ranks: Mapping[str, int] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class PublishedAgency:
    id: str
    name: str
    group: str
    scores: Mapping[str, Decimal] = attrs.field(hash=False)
    published: PublishedFigures


@attrs.frozen
class PublishedDataset:
    """A bundled set of published results under a bundled rubric."""

    dataset: str
    rubric: str
    source: Mapping[str, Any] = attrs.field(hash=False)
    agencies: tuple[PublishedAgency, ...]
    published_summary: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def assessments(self) -> tuple[Assessment, ...]:
        return tuple(Assessment(Agency(a.id, a.name, a.group), a.scores) for a in self.agencies)


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


@attrs.frozen
class Difference:
    """One published figure that the recomputation does not match."""

    agency: str
    what: str
    published: str
    computed: str


@attrs.frozen
class Reproduction:
    """The recomputation of a published dataset: its result and every figure that differs.

    ``checked`` counts the published figures compared (totals, bands, ranks
    and ranks on nodes).
    """

    dataset: PublishedDataset
    result: Result
    differences: tuple[Difference, ...]
    checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.differences


def _show(value: Rank | Decimal | str | None) -> str:
    return "-" if value is None else str(value)


def reproduce(dataset: PublishedDataset) -> Reproduction:
    """Recompute a published dataset from its scores and compare every figure.

    The rubric is the bundled one the dataset names. Every published total,
    band, rank and rank on a node is compared with the recomputed one; a
    rank published for a node the rubric does not have is refused.

    >>> outcome = reproduce(load_dataset("sonla-2017-it"))
    >>> outcome.ok, outcome.checked
    (True, 162)
    """
    rubric = load_rubric(dataset.rubric)
    result = score(rubric, dataset.assessments())
    differences: list[Difference] = []
    checked = 0
    for agency in dataset.agencies:
        row = result.agency(agency.id)
        figures = agency.published
        known = set(rubric.group(agency.group).node_ids)
        checks: list[tuple[str, Any, Any]] = [("total", figures.total, row.total)]
        if figures.band is not None:
            if rubric.bands is None:
                raise UnknownNameError(
                    f"a band {figures.band!r} is published but rubric {rubric.id!r} has no bands", agency=agency.id
                )
            try:
                rubric.bands.band(figures.band)
            except UnknownNameError as error:
                raise error.with_context(agency=agency.id) from None
            checks.append(("band", figures.band, row.band_id))
        if figures.rank is not None:
            checks.append(("rank", figures.rank, row.rank))
        for node_id, published_rank in figures.ranks.items():
            if node_id not in known:
                raise UnknownNameError(
                    f"a rank is published for node {node_id!r}, which group {agency.group!r} of rubric "
                    f"{rubric.id!r} does not have",
                    agency=agency.id,
                    node=node_id,
                )
            checks.append((f"rank on {node_id}", published_rank, row.node_ranks.get(node_id)))
        checked += len(checks)
        for what, published, computed in checks:
            if published != computed:
                differences.append(Difference(agency.id, what, _show(published), _show(computed)))
    return Reproduction(dataset, result, tuple(differences), checked)
