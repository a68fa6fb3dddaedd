"""The checks every score passes once: known node, within ``[0, max_points]``, no extra decimals."""

from __future__ import annotations

from decimal import Decimal

from govindex.catalogue.reading import Reading
from govindex.catalogue.scoring import ScoreText
from govindex.engine._layout import Layout
from govindex.errors import InputError
from govindex.points import decimals_of, from_scaled, to_scaled
from govindex.rubric import Group

__all__ = ["Scaler", "check_value", "unknown_node"]


def check_value(layout: Layout, position: int, value: Decimal, agency: str | None, decimals: int) -> None:
    """Refuse a score below 0, above its node's maximum or with more decimals than the rubric's."""
    node = layout.nodes[position]
    if value < 0:
        raise InputError(Reading.NEGATIVE, value=value, agency=agency, node=node.id, node_name=node.name)
    if value > node.max_points:
        raise InputError(
            Reading.ABOVE_MAXIMUM,
            value=value,
            maximum=node.max_points,
            agency=agency,
            node=node.id,
            node_name=node.name,
        )
    if decimals_of(value) > decimals:
        raise InputError(
            Reading.TOO_PRECISE, value=value, decimals=decimals, agency=agency, node=node.id, node_name=node.name
        )


def check_scaled(layout: Layout, position: int, scaled: int, agency: str | None) -> None:
    """The same check for a score already scaled by ``10**decimals`` (built from integer arrays)."""
    if scaled < 0 or scaled > layout.maxima[position]:
        check_value(layout, position, from_scaled(scaled, layout.decimals), agency, layout.decimals)


def unknown_node(group: Group | Layout, node_id: str, agency: str | None) -> InputError:
    ids = group.node_ids if isinstance(group, Group) else group.ids
    group_id = group.id if isinstance(group, Group) else group.group_id
    return InputError(
        ScoreText.UNKNOWN_NODE,
        node_id=repr(node_id),
        group_id=repr(group_id),
        known=list(ids),
        agency=agency,
        node=node_id,
    )


class Scaler(dict[Decimal, int | None]):
    """Exact Decimal -> scaled integer, converted once per distinct value.

    Real score tables repeat a few hundred distinct values, so a lookup
    replaces most conversions. ``None`` marks a value with too many decimals.
    """

    def __init__(self, decimals: int) -> None:
        super().__init__()
        self.decimals = decimals

    def __missing__(self, value: Decimal) -> int | None:
        try:
            scaled: int | None = to_scaled(value, self.decimals)
        except InputError:
            scaled = None
        self[value] = scaled
        return scaled
