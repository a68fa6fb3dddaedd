"""Helpers the built-in rules share: tagged sub-criteria, checking a rule's own fields."""

from __future__ import annotations

from typing import Any

from govindex.rubric import Node

__all__ = ["check_fields", "contains", "tagged_leaves", "untagged_parts"]


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


def check_fields(rule: Any) -> None:
    """Refuse a rule built in Python with a field its ``schema`` does not allow (as a rubric's would be)."""
    for param in rule.schema:
        found = param.problem(getattr(rule, param.name))
        if found is not None:
            raise found.error(rule.name)
