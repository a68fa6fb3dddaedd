"""Score results written straight from the engine's columns: each distinct value formatted once.

The JSON written here is byte for byte ``json.dumps(result_to_dict(result),
ensure_ascii=False, separators=(",", ":"))``, and the CSV the rows of
``result_rows``, without making a Python object per agency and node.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govindex.points import divide, exact_context
from govindex.ranking import TiePolicy
from govindex.results import Result

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from govindex.engine import Columns

__all__ = ["columns_csv_rows", "columns_json", "fits_columns", "scaled_text"]

#: Agencies per piece of JSON text: the document is written in pieces, never held whole.
_BATCH = 500

#: JSON string text as ``json.dumps(..., ensure_ascii=False)`` writes it (the C encoder when available).
_encode: Callable[[str], str] = json.encoder.encode_basestring


def fits_columns(result: Result) -> bool:
    """Whether the result can be written from its columns (made by score(), no views or publication scale)."""
    rubric = result.rubric
    return bool(result.column_groups) and not rubric.views and rubric.publication is None


def _rank_json(stored: int, denominator: int) -> str:
    if denominator == 1 or stored % 2 == 0:
        return str(stored // denominator)
    return '"' + str(Decimal(stored) / 2) + '"'


def _texts(columns: Columns, values: NDArray[Any]) -> tuple[NDArray[np.intp], list[str]]:
    """Each distinct scaled value formatted once: (index of each value's text, the texts)."""
    import numpy as np

    distinct, index = np.unique(values, return_inverse=True)
    return index.reshape(-1), [scaled_text(value, columns.decimals) for value in distinct.tolist()]


def scaled_text(scaled: int, decimals: int) -> str:
    """A scaled score as text with exactly ``decimals`` places, by integer arithmetic.

    >>> scaled_text(7150, 2), scaled_text(5, 3), scaled_text(12, 0)
    ('71.50', '0.005', '12')
    """
    if decimals == 0:
        return str(scaled)
    whole, part = divmod(scaled, 10**decimals)
    return f"{whole}.{part:0{decimals}d}"


def _node_fragments(columns: Columns, j: int, policy: TiePolicy) -> NDArray[Any]:
    """``"id":{"score":"1.25","rank":3}`` for every agency (empty where it has no score), made once per value."""
    import numpy as np

    node_id = columns.node_ids[j]
    head = _encode(node_id) + ':{"score":"'
    values = columns.scores[:, j]
    ranks = columns.ranks.get(node_id)
    index, texts = _texts(columns, values)
    if ranks is None:
        pieces = [head + text + '","rank":null}' for text in texts]
        out = np.array(pieces, dtype=object)[index]
    elif policy is not TiePolicy.ORDINAL:
        # the rank is a function of the score within a group
        rank_of = np.zeros(len(texts), dtype=np.int64)
        rank_of[index] = ranks
        denominator = columns.rank_denominator
        pieces = [
            head + text + '","rank":' + _rank_json(int(rank), denominator) + "}"
            for text, rank in zip(texts, rank_of.tolist(), strict=True)
        ]
        out = np.array(pieces, dtype=object)[index]
    else:
        out = np.array(
            [
                head + texts[i] + '","rank":' + str(rank) + "}"
                for i, rank in zip(index.tolist(), ranks.tolist(), strict=True)
            ],
            dtype=object,
        )
    if not columns.given[:, j].all():
        out[~columns.given[:, j]] = ""
    return out


def _normalised(result: Result, columns: Columns) -> Callable[[int], str]:
    scale = result.scale
    cache: dict[int, str] = {}

    def text(scaled: int) -> str:
        found = cache.get(scaled)
        if found is None:
            assert scale is not None
            with exact_context():
                total = columns.point(scaled)
                value = divide(total * scale.numerator, scale.denominator, scale.decimals, scale.rounding)
            found = cache[scaled] = str(value)
        return found

    return text


def _group_json(result: Result, columns: Columns) -> Iterator[str]:
    """The JSON object of each agency of the group, in rank order, made one at a time."""
    import numpy as np

    policy = result.rubric.tie_policy
    width = len(columns.node_ids)
    matrix = np.empty((len(columns), max(width - 1, 0)), dtype=object)
    for j in range(1, width):
        matrix[:, j - 1] = _node_fragments(columns, j, policy)
    complete = bool(columns.given.all())
    fragments = matrix.tolist()
    del matrix
    index, totals = _texts(columns, columns.totals)
    root = columns.node_ids[0]
    ranks = columns.ranks[root].tolist()
    denominator = columns.rank_denominator
    bands = columns.bands
    band_ids = [] if bands is None else [_encode(band.id) for band in bands.bands]
    band_labels = [] if bands is None else [_encode(band.label) for band in bands.bands]
    band_of = None if columns.band is None else columns.band.tolist()
    group = _encode(columns.group_id)
    normalised = _normalised(result, columns) if result.scale is not None else None
    totals_of = columns.totals.tolist()
    for row in columns.order.tolist():
        agency = columns.agencies[row]
        cells = fragments[row]
        nodes = ",".join(cells) if complete else ",".join(filter(None, cells))
        band = "null" if band_of is None else band_ids[band_of[row]]
        label = "null" if band_of is None else band_labels[band_of[row]]
        extra = "" if normalised is None else ',"normalised":"' + normalised(totals_of[row]) + '"'
        yield (
            '{"agency":'
            + _encode(agency.id)
            + ',"name":'
            + _encode(agency.name)
            + ',"group":'
            + group
            + ',"total":"'
            + totals[index[row]]
            + '","band":'
            + band
            + ',"band_label":'
            + label
            + ',"rank":'
            + _rank_json(ranks[row], denominator)
            + ',"nodes":{'
            + nodes
            + "}"
            + extra
            + "}"
        )


def columns_json(result: Result, tail: dict[str, Any]) -> Iterator[str]:
    """The score document, compact, written from the columns in pieces; ``tail`` holds the keys after ``results``."""
    yield '{"rubric":' + _encode(result.rubric.id) + ',"results":['
    first = True
    batch: list[str] = []
    for columns in result.column_groups:
        for row in _group_json(result, columns):
            batch.append(row)
            if len(batch) == _BATCH:
                yield ("" if first else ",") + ",".join(batch)
                first = False
                batch = []
    if batch:
        yield ("" if first else ",") + ",".join(batch)
    yield "]"
    for key, value in tail.items():
        yield "," + _encode(key) + ":" + json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    yield "}"


def columns_csv_rows(result: Result, present: list[str], normalised: bool) -> list[list[str]]:
    """The rows of the flat result table, from the columns (the CSV writer makes text cells safe)."""
    import numpy as np

    body: list[list[str]] = []
    for columns in result.column_groups:
        count = len(columns)
        cells = np.empty((count, 6 + len(present) + (1 if normalised else 0)), dtype=object)
        order = columns.order
        denominator = columns.rank_denominator
        root = columns.node_ids[0]
        rank_texts = {
            stored: str(stored // denominator) if denominator == 1 or stored % 2 == 0 else str(Decimal(stored) / 2)
            for stored in set(columns.ranks[root].tolist())
        }
        cells[:, 0] = columns.group_id
        cells[:, 1] = [rank_texts[stored] for stored in columns.ranks[root][order].tolist()]
        cells[:, 2] = [columns.agencies[row].id for row in order.tolist()]
        cells[:, 3] = [columns.agencies[row].name for row in order.tolist()]
        index, totals = _texts(columns, columns.totals)
        cells[:, 4] = np.array(totals, dtype=object)[index[order]]
        at = 5
        if normalised:
            text = _normalised(result, columns) if result.scale is not None else None
            cells[:, 5] = "" if text is None else [text(v) for v in columns.totals[order].tolist()]
            at = 6
        if columns.band is None or columns.bands is None:
            cells[:, at] = ""
        else:
            labels = np.array([band.label for band in columns.bands.bands], dtype=object)
            cells[:, at] = labels[columns.band[order]]
        for k, node_id in enumerate(present, start=at + 1):
            j = columns.layout.index.get(node_id)
            if j is None:
                cells[:, k] = ""
                continue
            index, texts = _texts(columns, columns.scores[:, j])
            column = np.array(texts, dtype=object)[index[order]]
            given = columns.given[order, j]
            if not given.all():
                column[~given] = ""
            cells[:, k] = column
        body.extend(cells.tolist())
    return body
