"""govindex: score, band and rank state agencies on digital-government indices.

The public API, small enough to guess: the functions a user calls (load a
rubric or a published dataset, read score files, score, explain, summarise,
compare years, reconcile a self-assessment with its appraisal, reproduce a
published result) and the types they return. Everything else lives in its
module and in three namespaces: :mod:`govindex.io` (files),
:mod:`govindex.render` (tables, documents, notebooks) and
:mod:`govindex.rules` (scoring rules).

The domain core (rubrics, assessments, scoring) is imported with the
package; everything else is imported on first use (PEP 562), so ``import
govindex`` stays light and numpy waits for the first scoring call.

>>> import govindex
>>> result = govindex.score(govindex.load_rubric("sonla-2017-it"), govindex.load_dataset("sonla-2017-it").assessments())
>>> type(result).__name__, type(govindex.statistics(result)).__name__
('Result', 'Statistics')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govindex.agency import Agency
from govindex.assessment import Assessment, Source
from govindex.errors import GovIndexError
from govindex.methodology import Methodology, bind
from govindex.plugins import Plugins
from govindex.results import AgencyResult, Result
from govindex.rubric import Group, Node, Rubric
from govindex.scoring import score

if TYPE_CHECKING:
    from govindex import io as io
    from govindex import render as render
    from govindex import rules as rules
    from govindex.comparison import Comparison as Comparison
    from govindex.comparison import Period as Period
    from govindex.comparison import compare as compare
    from govindex.io.bundled import list_rubrics as list_rubrics
    from govindex.io.bundled import load_rubric as load_rubric
    from govindex.io.cohort import read_scores as read_scores
    from govindex.io.published import load_dataset as load_dataset
    from govindex.io.published import reproduce as reproduce
    from govindex.published import PublishedDataset as PublishedDataset
    from govindex.reconciliation import Reconciliation as Reconciliation
    from govindex.reconciliation import reconcile as reconcile
    from govindex.render import explain as explain
    from govindex.reproduction import Reproduction as Reproduction
    from govindex.stats import Statistics as Statistics
    from govindex.stats import statistics as statistics

__version__ = "0.1.0"

#: The namespaces reachable as attributes (``govindex.io``), imported on first use.
_NAMESPACES = ("io", "render", "rules")

#: Public names imported on first use, and the module each comes from.
_LAZY: dict[str, str] = {
    "Comparison": "govindex.comparison",
    "Period": "govindex.comparison",
    "compare": "govindex.comparison",
    "list_rubrics": "govindex.io.bundled",
    "load_rubric": "govindex.io.bundled",
    "read_scores": "govindex.io.cohort",
    "load_dataset": "govindex.io.published",
    "reproduce": "govindex.io.published",
    "PublishedDataset": "govindex.published",
    "Reconciliation": "govindex.reconciliation",
    "reconcile": "govindex.reconciliation",
    "explain": "govindex.render",
    "Reproduction": "govindex.reproduction",
    "Statistics": "govindex.stats",
    "statistics": "govindex.stats",
}

__all__ = [
    "Agency",
    "AgencyResult",
    "Assessment",
    "Comparison",
    "GovIndexError",
    "Group",
    "Methodology",
    "Node",
    "Period",
    "Plugins",
    "PublishedDataset",
    "Reconciliation",
    "Reproduction",
    "Result",
    "Rubric",
    "Source",
    "Statistics",
    "__version__",
    "bind",
    "compare",
    "explain",
    "io",
    "list_rubrics",
    "load_dataset",
    "load_rubric",
    "read_scores",
    "reconcile",
    "render",
    "reproduce",
    "rules",
    "score",
    "statistics",
]


def __getattr__(name: str) -> Any:
    if name in _NAMESPACES:
        return importlib.import_module(f"govindex.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govindex' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_NAMESPACES))
