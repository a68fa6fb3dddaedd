"""The registrations: which renderer describes which domain value (imported once, on first use).

A :class:`~govindex.results.Result` (registered by :mod:`govindex.render.results`, which a result's
output loads alone), :class:`~govindex.stats.Statistics`,
:class:`~govindex.reconciliation.Reconciliation`,
:class:`~govindex.comparison.Comparison`,
:class:`~govindex.explanation.Explanation` and
:class:`~govindex.agreement.PublishedCheck` each get their document, their
data (a cattrs unstructure hook), their DataFrame and, for a result, JSON
written in pieces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from govindex.agreement import PublishedCheck
from govindex.bands import Band
from govindex.comparison import Comparison
from govindex.explanation import Explanation
from govindex.reconciliation import Reconciliation
from govindex.render.agreement import agreement_data, agreement_document
from govindex.render.comparison import comparison_data, comparison_document, comparison_frame
from govindex.render.dispatch import converter, describe, frame_of
from govindex.render.explanations import explanation_document
from govindex.render.model import Document
from govindex.render.reconciliation import reconciliation_data, reconciliation_document
from govindex.render.results import register as register_results
from govindex.render.statistics import statistics_data, statistics_document
from govindex.rubric import Node
from govindex.stats import Statistics
from govindex.views import Publication, View

if TYPE_CHECKING:
    import pandas as pd

register_results()

__all__ = ["explanation_data"]


@describe.register(Statistics)
def _statistics(value: Statistics, lang: str) -> Document:
    return statistics_document(value, lang)


@describe.register(Reconciliation)
def _reconciliation(value: Reconciliation, lang: str) -> Document:
    return reconciliation_document(value, lang)


@describe.register(Comparison)
def _comparison(value: Comparison, lang: str) -> Document:
    return comparison_document(value, lang)


@describe.register(Explanation)
def _explanation(value: Explanation, lang: str) -> Document:
    return explanation_document(value, lang)


@describe.register(PublishedCheck)
def _check(value: PublishedCheck, lang: str) -> Document:
    return agreement_document(value, lang)


@frame_of.register(Comparison)
def _comparison_frame(value: Comparison, table: str | None, floats: bool) -> pd.DataFrame:
    return comparison_frame(value)


def explanation_data(value: Explanation) -> dict[str, Any]:
    """An explanation as data: who, which node or view, and each step with its kind and numbers."""
    return {
        "agency": value.agency.id,
        "group": value.group.id,
        "node": value.node.id,
        "view": None if value.view is None else value.view.id,
        "not_assessed": None if value.not_assessed is None else value.not_assessed.reason,
        "steps": [_step_data(step) for step in value.steps],
    }


def _step_data(step: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": step.kind}
    for field in attrs.fields(type(step)):
        data[field.name] = _plain(getattr(step, field.name))
    return data


def _plain(value: Any) -> Any:
    """A step's field as plain data: rubric parts by id, numbers as text, records as their fields."""
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, (Node, Band, View)):
        return value.id
    if isinstance(value, Publication):
        return value.name
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if attrs.has(type(value)):
        return {field.name: _plain(getattr(value, field.name)) for field in attrs.fields(type(value))}
    return converter.unstructure(value)


def _hook(cls: type, function: Any) -> None:
    """Register an unstructure hook by predicate: the domain classes' annotations are not resolved."""
    converter.register_unstructure_hook_func(lambda kind: isinstance(kind, type) and issubclass(kind, cls), function)


_hook(Statistics, statistics_data)
_hook(Reconciliation, reconciliation_data)
_hook(Comparison, comparison_data)
_hook(PublishedCheck, agreement_data)
_hook(Explanation, explanation_data)
