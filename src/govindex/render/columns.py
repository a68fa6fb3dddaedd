"""A result written straight from the engine's columns: each distinct value formatted once.

Three writers read a :class:`~govindex.results.Result` made by
:func:`govindex.score` this way, without making a Python object per agency
and node: the JSON score document (:func:`json_pieces`, in pieces, never
held whole), the rows of the flat CSV table (:func:`csv_rows`) and the
columns of a pandas DataFrame (:func:`frame_columns`). Each gives exactly
what the model built from the rows gives (:mod:`govindex.render.results`);
the tests hold them equal byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from govindex.points import divide, exact_context
from govindex.ranking import TiePolicy
from govindex.render.json import encode_raw, encode_string
from govindex.render.safe import csv_cell

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from govindex.engine import Columns
    from govindex.results import Result
    from govindex.views import Publication

__all__ = ["FlatLayout", "csv_rows", "flat_layout", "frame_columns", "json_pieces", "json_rows", "scaled_text"]

#: Agencies per piece of JSON text: the document is written in pieces, never held whole.
_BATCH = 500


def scaled_text(scaled: int, decimals: int) -> str:
    """A scaled score as text with exactly ``decimals`` places, by integer arithmetic.

    >>> scaled_text(7150, 2), scaled_text(5, 3), scaled_text(12, 0), scaled_text(-5, 1)
    ('71.50', '0.005', '12', '-0.5')
    """
    if decimals == 0:
        return str(scaled)
    sign = "-" if scaled < 0 else ""
    whole, part = divmod(abs(scaled), 10**decimals)
    return f"{sign}{whole}.{part:0{decimals}d}"


def rank_text(stored: int, denominator: int) -> str:
    """A stored rank as text: ``3``, or ``2.5`` for a fractional rank stored as 5."""
    if denominator == 1 or stored % 2 == 0:
        return str(stored // denominator)
    return f"{Decimal(stored) / 2:f}"


def _rank_json(stored: int, denominator: int) -> str:
    text = rank_text(stored, denominator)
    return text if "." not in text else '"' + text + '"'


class _Texts:
    """Each scaled value's text and each stored rank's JSON, made once for a whole result."""

    def __init__(self, decimals: int, denominator: int) -> None:
        self.decimals = decimals
        self.denominator = denominator
        self._scaled: dict[int, str] = {}
        self._ranks: dict[int, str] = {}

    def scaled(self, values: list[int]) -> list[str]:
        known, decimals = self._scaled, self.decimals
        out = []
        for value in values:
            text = known.get(value)
            if text is None:
                text = known[value] = scaled_text(value, decimals)
            out.append(text)
        return out

    def ranks(self, stored: list[int]) -> list[str]:
        known, denominator = self._ranks, self.denominator
        out = []
        for value in stored:
            text = known.get(value)
            if text is None:
                text = known[value] = _rank_json(value, denominator)
            out.append(text)
        return out


def _distinct(values: NDArray[Any]) -> tuple[NDArray[np.intp], list[int]]:
    """(the index of each value among the distinct ones, the distinct values as Python integers, ascending).

    Scores of one node span a small range of scaled integers: they are
    counted in a table of that range rather than sorted.
    """
    import numpy as np

    if values.dtype.kind in "iu" and len(values):
        low, high = int(values.min()), int(values.max())
        if high - low <= 4 * len(values) + 1024:
            offsets = values - low
            present = np.zeros(high - low + 1, dtype=np.bool_)
            present[offsets] = True
            position = np.cumsum(present, dtype=np.intp) - 1
            distinct = np.flatnonzero(present) + low
            return position[offsets], [int(v) for v in distinct.tolist()]
    found, index = np.unique(values, return_inverse=True)
    return index.reshape(-1), [int(v) for v in found.tolist()]


def _on_scale(publication: Publication, maximum: Decimal) -> Callable[[Decimal], str]:
    def text(points: Decimal) -> str:
        value = publication.on_scale(points, maximum)
        assert value is not None
        return f"{value:f}"

    return text


def normalised_text(result: Result, columns: Columns) -> Callable[[int], str] | None:
    """The published total of a scaled total (the rule's scale, else the rubric's publication), or ``None``."""
    scale = result.scale
    root_max = columns.layout.nodes[0].max_points
    if scale is None and (columns.publication is None or root_max == 0):
        return None
    publication = columns.publication

    def text(scaled: int) -> str:
        with exact_context():
            total = columns.point(scaled)
            if scale is not None:
                value = divide(total * scale.numerator, scale.denominator, scale.decimals, scale.rounding)
                return f"{value:f}"
            assert publication is not None
            return _on_scale(publication, root_max)(total)

    return text


@attrs.frozen
class FlatLayout:
    """The columns of the flat result table: the nodes that have a score, the views, the published total."""

    nodes: tuple[str, ...]
    views: tuple[str, ...]
    normalised: bool
    normalised_decimals: int | None


def _node_order(result: Result) -> list[str]:
    ids: dict[str, None] = {}
    for group in result.rubric.groups:
        for node in group.tree.walk():
            if node is not group.tree:
                ids.setdefault(node.id, None)
    return list(ids)


def flat_layout(result: Result) -> FlatLayout:
    """The flat table's columns, read from the columns (a result made by :func:`govindex.score`)."""
    groups = result.column_groups
    present = [
        n
        for n in _node_order(result)
        if any(n in c.layout.index and bool(c.given[:, c.layout.index[n]].any()) for c in groups)
    ]
    views = [
        v.id for v in result.rubric.views if any(v.id in c.views and bool(c.views[v.id].has.any()) for c in groups)
    ]
    on_publication = any(c.publication is not None and c.layout.nodes[0].max_points != 0 for c in groups)
    return _layout(result, present, views, on_publication)


def _layout(result: Result, nodes: Sequence[str], views: Sequence[str], on_publication: bool) -> FlatLayout:
    scale, publication = result.scale, result.rubric.publication
    decimals = scale.decimals if scale is not None else (publication.decimals if publication is not None else None)
    return FlatLayout(tuple(nodes), tuple(views), scale is not None or on_publication, decimals)


def rows_layout(result: Result) -> FlatLayout:
    """The flat table's columns, read from the rows (a result built by hand)."""
    rows = result.rows
    present = [n for n in _node_order(result) if any(n in row.scores for row in rows)]
    views = [v.id for v in result.rubric.views if any(v.id in row.views for row in rows)]
    return _layout(result, present, views, any(row.normalised is not None for row in rows))


# --- JSON ------------------------------------------------------------------------------------------


def _tails(columns: Columns, j: int, distinct: list[int]) -> list[str] | None:
    """``,"normalised":"0.1250"}`` per distinct value on the rubric's publication scale, or ``None``."""
    node = columns.layout.nodes[j]
    publication = columns.publication
    if publication is None or node.max_points == 0:
        return None
    on_scale = _on_scale(publication, node.max_points)
    with exact_context():
        return [',"normalised":"' + on_scale(columns.point(value)) + '"}' for value in distinct]


def _node_fragments(columns: Columns, j: int, policy: TiePolicy, texts: _Texts) -> NDArray[Any]:
    """``"id":{"score":"1.25","rank":3}`` for every agency (empty where it has no score), made once per value."""
    import numpy as np

    head = encode_raw(columns.layout.nodes[j].id) + ':{"score":"'
    index, distinct = _distinct(columns.scores[:, j])
    scores = texts.scaled(distinct)
    tails = _tails(columns, j, distinct)
    ranks = columns.ranks.get(columns.layout.nodes[j].id)
    rank_of = np.zeros(len(distinct), dtype=np.int64)
    if ranks is not None and policy is not TiePolicy.ORDINAL:
        rank_of[index] = ranks
    if ranks is None:
        rank_texts = ["null"] * len(distinct)
    elif policy is not TiePolicy.ORDINAL and bool((rank_of[index] == ranks).all()):
        # the rank is a function of the score within a group (not so when ranked on unrounded values)
        rank_texts = texts.ranks(rank_of.tolist())
    else:  # ordinal, or ranked on unrounded values: agencies with one score may have different ranks
        scores_of = [scores[i] for i in index.tolist()]
        ranked = texts.ranks(ranks.tolist())
        tails_of = ["}"] * len(ranked) if tails is None else [tails[i] for i in index.tolist()]
        out = np.array(
            [head + t + '","rank":' + r + e for t, r, e in zip(scores_of, ranked, tails_of, strict=True)], dtype=object
        )
        return _blank(columns, j, out)
    if tails is None:
        pieces = [head + t + '","rank":' + r + "}" for t, r in zip(scores, rank_texts, strict=True)]
    else:
        pieces = [head + t + '","rank":' + r + e for t, r, e in zip(scores, rank_texts, tails, strict=True)]
    return _blank(columns, j, np.array(pieces, dtype=object)[index])


def _blank(columns: Columns, j: int, out: NDArray[Any]) -> NDArray[Any]:
    """The fragments with the agencies that have no score on node ``j`` left empty."""
    given = columns.given[:, j]
    if not given.all():
        out[~given] = ""
    return out


def _view_fragments(columns: Columns) -> list[list[str]]:
    """Per agency, the ``"view":{"score","normalised","rank"}`` of each view it has a score on."""
    out: list[list[str]] = [[] for _ in range(len(columns))]
    denominator = columns.rank_denominator
    for view_id, view in columns.views.items():
        head = encode_string(view_id) + ':{"score":"'
        on_scale = _on_scale(view.publication, view.maximum)
        made: dict[int, str] = {}
        with exact_context():
            for row, (has, scaled, rank) in enumerate(
                zip(view.has.tolist(), view.points.tolist(), view.ranks.tolist(), strict=True)
            ):
                if not has:
                    continue
                text = made.get(scaled)
                if text is None:
                    points = columns.point(scaled)
                    text = made[scaled] = scaled_text(scaled, columns.decimals) + '","normalised":"' + on_scale(points)
                out[row].append(head + text + '","rank":' + _rank_json(rank, denominator) + "}")
    return out


def _node_objects(columns: Columns, policy: TiePolicy, texts: _Texts) -> Iterator[str]:
    """The text of each agency's ``nodes`` object's members, in rank order, made one at a time.

    The fragments are put in rank order column by column, then joined row by
    row as the rows are written: the text of a whole group is never held.
    """
    order = columns.order
    fragments = [_node_fragments(columns, j, policy, texts)[order].tolist() for j in range(1, len(columns.node_ids))]
    if not fragments:
        return iter([""] * len(columns))
    if bool(columns.given.all()):
        return map(",".join, zip(*fragments, strict=True))
    return (",".join(filter(None, cells)) for cells in zip(*fragments, strict=True))


def _band_texts(columns: Columns) -> list[str]:
    """``"fair","band_label":"Khá"`` per band of the scheme (by position); ``null`` twice for none."""
    if columns.bands is None:
        return ['null,"band_label":null']
    return [encode_string(band.id) + ',"band_label":' + encode_string(band.label) for band in columns.bands.bands]


def _group_json(result: Result, columns: Columns, texts: _Texts) -> Iterator[str]:
    """The JSON object of each agency of the group, in rank order, made one at a time.

    Every text that does not come from the rubric's checked ids is written
    by :func:`~govindex.render.json.encode_string`: a lone surrogate as its escape.
    """
    nodes = _node_objects(columns, result.rubric.tie_policy, texts)
    views = _view_fragments(columns) if columns.views else None
    index, distinct = _distinct(columns.totals)
    totals = texts.scaled(distinct)
    normalised = normalised_text(result, columns)
    extras = [',"normalised":"' + normalised(value) + '"' for value in distinct] if normalised else None
    ranks = texts.ranks(columns.ranks[columns.node_ids[0]].tolist())
    bands = _band_texts(columns)
    band_of = [0] * len(columns) if columns.band is None else columns.band.tolist()
    group = ',"group":' + encode_raw(columns.group_id) + ',"total":"'
    for row, members in zip(columns.order.tolist(), nodes, strict=True):
        agency = columns.agencies[row]
        at = int(index[row])
        tail = "" if extras is None else extras[at]
        if views is not None and views[row]:
            tail += ',"views":{' + ",".join(views[row]) + "}"
        # one f-string: the row's text made at once, its nodes' text not copied again for each piece after it
        yield (
            f'{{"agency":{encode_string(agency.id)},"name":{encode_string(agency.name)}{group}{totals[at]}'
            f'","band":{bands[band_of[row]]},"rank":{ranks[row]},"nodes":{{{members}}}{tail}}}'
        )


def json_rows(result: Result) -> Iterator[str]:
    """The compact JSON object of every agency, group by group in the rubric's order, best first."""
    for columns in result.column_groups:
        yield from _group_json(result, columns, _Texts(columns.decimals, columns.rank_denominator))


def json_pieces(result: Result, tail: str = "") -> Iterator[str]:
    """The score document, compact, written from the columns in pieces; ``tail`` is the text after ``results``."""
    yield '{"rubric":' + encode_string(result.rubric.id) + ',"results":['
    first = True
    batch: list[str] = []
    for row in json_rows(result):
        batch.append(row)
        if len(batch) == _BATCH:
            yield ("" if first else ",") + ",".join(batch)
            first = False
            batch = []
    if batch:
        yield ("" if first else ",") + ",".join(batch)
    yield "]" + tail + "}"


# --- CSV and DataFrames ------------------------------------------------------------------------------


def _text_column(columns: Columns, values: NDArray[Any], decimals: int, order: NDArray[np.intp]) -> NDArray[Any]:
    import numpy as np

    index, distinct = _distinct(values)
    return np.array([scaled_text(v, decimals) for v in distinct], dtype=object)[index[order]]


def _group_cells(result: Result, columns: Columns, layout: FlatLayout) -> NDArray[Any]:
    """One group's rows of the flat CSV table as text (numbers as they are written, text made safe)."""
    import numpy as np

    order = columns.order
    width = 6 + len(layout.nodes) + 2 * len(layout.views) + (1 if layout.normalised else 0)
    cells = np.full((len(columns), width), "", dtype=object)
    denominator = columns.rank_denominator
    rank_texts = {stored: rank_text(stored, denominator) for stored in set(columns.ranks[columns.node_ids[0]].tolist())}
    cells[:, 0] = csv_cell(columns.group_id)
    cells[:, 1] = [rank_texts[stored] for stored in columns.ranks[columns.node_ids[0]][order].tolist()]
    cells[:, 2] = [csv_cell(columns.agencies[row].id) for row in order.tolist()]
    cells[:, 3] = [csv_cell(columns.agencies[row].name) for row in order.tolist()]
    cells[:, 4] = _text_column(columns, columns.totals, columns.decimals, order)
    band = 5
    if layout.normalised:
        text = normalised_text(result, columns)
        if text is not None:
            cells[:, 5] = [text(v) for v in columns.totals[order].tolist()]
        band = 6
    if columns.band is not None and columns.bands is not None:
        labels = np.array([csv_cell(b.label) for b in columns.bands.bands], dtype=object)
        cells[:, band] = labels[columns.band[order]]
    at = band + 1
    for k, node_id in enumerate(layout.nodes, start=at):
        j = columns.layout.index.get(node_id)
        if j is not None:
            column = _text_column(columns, columns.scores[:, j], columns.decimals, order)
            given = columns.given[order, j]
            column[~given] = ""
            cells[:, k] = column
    _view_cells(columns, layout, cells, at + len(layout.nodes))
    return cells


def _view_cells(columns: Columns, layout: FlatLayout, cells: NDArray[Any], at: int) -> None:
    order = columns.order.tolist()
    for k, view_id in enumerate(layout.views):
        view = columns.views.get(view_id)
        if view is None:
            continue
        on_scale = _on_scale(view.publication, view.maximum)
        with exact_context():
            for position, row in enumerate(order):
                if view.has[row]:
                    cells[position, at + 2 * k] = on_scale(columns.point(int(view.points[row])))
                    cells[position, at + 2 * k + 1] = rank_text(int(view.ranks[row]), columns.rank_denominator)


def csv_rows(result: Result, layout: FlatLayout) -> list[list[str]]:
    """The rows of the flat result table as CSV text cells, from the columns."""
    body: list[list[str]] = []
    for columns in result.column_groups:
        body.extend(_group_cells(result, columns, layout).tolist())
    return body


def _decimal_column(columns: Columns, j: int, floats: bool) -> NDArray[Any]:
    """A node's scores in row order: Decimals (``None`` where not given), or floats (NaN)."""
    import numpy as np

    order = columns.order
    values = columns.scores[order, j]
    given = columns.given[order, j]
    if floats:
        out: NDArray[np.float64] = values.astype(np.float64) / 10**columns.decimals  # float-ok: asked for
        out[~given] = np.nan
        return out
    index, distinct = _distinct(values)
    decimals = np.array([columns.point(v) for v in distinct], dtype=object)[index]
    if not given.all():
        decimals[~given] = None
    return decimals


def _ranks(columns: Columns, stored: NDArray[Any]) -> NDArray[Any]:
    import numpy as np

    denominator = columns.rank_denominator
    if denominator == 1 or not (stored % 2).any():
        return (stored // denominator).astype(np.int64)
    return np.array([Decimal(int(s)) / denominator for s in stored.tolist()], dtype=object)


def _band_labels(columns: Columns) -> NDArray[Any]:
    """Each agency's band label, in row order (``None`` without bands)."""
    import numpy as np

    if columns.band is None or columns.bands is None:
        return np.full(len(columns), None, dtype=object)
    return np.array([band.label for band in columns.bands.bands], dtype=object)[columns.band[columns.order]]


def _normalised_column(result: Result, columns: Columns, floats: bool) -> NDArray[Any]:
    """Each agency's published total, in row order (``None`` or NaN where the group publishes none)."""
    import numpy as np

    text = normalised_text(result, columns)
    totals = columns.totals[columns.order].tolist()
    values = [None] * len(totals) if text is None else [Decimal(text(v)) for v in totals]
    return np.array(values, dtype=np.float64 if floats else object)


def _group_frame(result: Result, columns: Columns, layout: FlatLayout, floats: bool) -> dict[str, NDArray[Any]]:
    import numpy as np

    order = columns.order
    count = len(columns)
    empty = np.full(count, np.nan if floats else None, dtype=np.float64 if floats else object)
    data: dict[str, NDArray[Any]] = {
        "group": np.full(count, columns.group_id, dtype=object),
        "rank": _ranks(columns, columns.ranks[columns.node_ids[0]][order]),
        "agency": np.array([columns.agencies[row].id for row in order.tolist()], dtype=object),
        "name": np.array([columns.agencies[row].name for row in order.tolist()], dtype=object),
        "total": _decimal_column(columns, 0, floats),
        "band": _band_labels(columns),
    }
    if layout.normalised:
        data["normalised"] = _normalised_column(result, columns, floats)
    for node_id in layout.nodes:
        j = columns.layout.index.get(node_id)
        data[node_id] = empty.copy() if j is None else _decimal_column(columns, j, floats)
    for view_id in layout.views:
        data[view_id], data[f"{view_id} rank"] = _view_frame(columns, view_id, floats)
    return data


def _view_frame(columns: Columns, view_id: str, floats: bool) -> tuple[NDArray[Any], NDArray[Any]]:
    import numpy as np

    view = columns.views.get(view_id)
    order = columns.order.tolist()
    values: list[Decimal | None] = [None] * len(order)
    ranks: list[Any] = [None] * len(order)
    if view is not None:
        on_scale = _on_scale(view.publication, view.maximum)
        with exact_context():
            for position, row in enumerate(order):
                if view.has[row]:
                    values[position] = Decimal(on_scale(columns.point(int(view.points[row]))))
                    ranks[position] = _ranks(columns, view.ranks[row : row + 1]).tolist()[0]
    return np.array(values, dtype=np.float64 if floats else object), np.array(ranks, dtype=object)


def frame_columns(result: Result, layout: FlatLayout, *, floats: bool = False) -> dict[str, NDArray[Any]]:
    """The flat table's columns as arrays (every group, in the rubric's order, best first), from the columns."""
    import numpy as np

    parts = [_group_frame(result, columns, layout, floats) for columns in result.column_groups]
    if not parts:
        return {}
    return {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
