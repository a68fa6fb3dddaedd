"""Helpers the built-in rules share: tagged sub-criteria, parameter checks."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from govindex.errors import GovIndexError, RuleError
from govindex.points import ROUNDING_MODES, parse_points
from govindex.rubric import Node

__all__ = [
    "check_choice",
    "check_rounding",
    "check_tag",
    "contains",
    "points_param",
    "tagged_leaves",
    "untagged_parts",
]


def tagged_leaves(tree: Node, tag: str) -> tuple[Node, ...]:
    """The sub-criteria (leaves) that carry ``tag`` themselves or through an ancestor.

    A tag on an intermediate criterion marks every sub-criterion below it.

    >>> from decimal import Decimal
    >>> units = Node("units", "Đơn vị trực thuộc", Decimal(10), tags={"subordinate_units"},
    ...              children=[Node("u1", "u1", Decimal(4)), Node("u2", "u2", Decimal(6))])
    >>> tree = Node("total", "Tổng", Decimal(100), children=[units, Node("rest", "rest", Decimal(90))])
    >>> [node.id for node in tagged_leaves(tree, "subordinate_units")]
    ['u1', 'u2']
    """
    out: list[Node] = []

    def visit(node: Node, inherited: bool) -> None:
        marked = inherited or tag in node.tags
        if node.is_leaf:
            if marked:
                out.append(node)
            return
        for child in node.children:
            visit(child, marked)

    visit(tree, False)
    return tuple(out)


def _has_tag_below(node: Node, tag: str) -> bool:
    return any(tag in below.tags for below in node.walk())


def untagged_parts(scope: Node, tag: str) -> tuple[Node, ...]:
    """The largest subtrees of ``scope`` with no ``tag`` anywhere in them, in tree order.

    Their leaves are exactly the untagged sub-criteria of ``scope``; taking
    whole subtrees lets a score given for a criterion stand for its
    sub-criteria.

    >>> from decimal import Decimal
    >>> ops = Node("ops", "ops", Decimal(20), children=[
    ...     Node("internal", "internal", Decimal(15)), Node("dvc", "dvc", Decimal(5), tags={"online_services"})])
    >>> tree = Node("total", "Tổng", Decimal(100), children=[ops, Node("rest", "rest", Decimal(80))])
    >>> [node.id for node in untagged_parts(tree, "online_services")]
    ['internal', 'rest']
    """
    out: list[Node] = []

    def visit(node: Node) -> None:
        if tag in node.tags:
            return
        if not _has_tag_below(node, tag):
            out.append(node)
            return
        for child in node.children:
            visit(child)

    visit(scope)
    return tuple(out)


def contains(scope: Node, node_id: str) -> bool:
    return any(node.id == node_id for node in scope.walk())


def check_tag(rule: str, tag: object) -> str:
    if not isinstance(tag, str) or not tag:
        raise RuleError(f"rule {rule!r}: tag must be a non-empty name, not {tag!r}")
    return tag


def check_choice(rule: str, param: str, value: object, choices: Iterable[str]) -> str:
    allowed = tuple(choices)
    if not isinstance(value, str) or value not in allowed:
        raise RuleError(f"rule {rule!r}: {param} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def check_rounding(rule: str, value: object) -> str:
    return check_choice(rule, "rounding", value, sorted(ROUNDING_MODES))


def points_param(rule: str, param: str, value: object) -> Decimal:
    """A numeric parameter read exactly (a float is refused, as everywhere)."""
    try:
        number = parse_points(value)
    except GovIndexError as error:
        raise RuleError(f"rule {rule!r}: {param}: {error.message}") from None
    return number
