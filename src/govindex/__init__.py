"""govindex: score, band and rank state agencies on digital-government indices.

The public API. The domain core (rubrics, assessments, scoring, bands,
ranking, rules) is pure and works in memory; files and the command line live
in :mod:`govindex.io` and :mod:`govindex.cli`.
"""

from __future__ import annotations

from govindex.agency import Agency, nfc, slugify
from govindex.assessment import Assessment, Source
from govindex.bands import Band, BandScheme, standard_bands
from govindex.compare import (
    Comparison,
    ComparisonRow,
    Period,
    Series,
    SeriesPoint,
    Standing,
    Status,
    Step,
    places_moved,
)
from govindex.errors import (
    FileFormatError,
    GovIndexError,
    InputError,
    MissingDependencyError,
    RubricError,
    RuleError,
    UnknownNameError,
)
from govindex.io.bundled import list_rubrics, load_rubric
from govindex.io.csvio import read_scores_csv
from govindex.io.published import load_dataset, reproduce
from govindex.io.registry import load_registry, parse_registry, read_registry
from govindex.io.rubrics import dump_rubric, parse_rubric, read_rubric
from govindex.points import format_points, parse_points
from govindex.ranking import Rank, Ranker, rank
from govindex.registry import AgencyRecord, EventKind, LineageEvent, Match, MatchKind, Registry
from govindex.results import AgencyResult, NotAssessed, Result
from govindex.rubric import Group, Index, LegalBasis, Node, Rubric, RuleRef, SubCriterion, TiePolicy
from govindex.rules import Adjustment, Rule, RuleContext, RuleOutcome, Scale
from govindex.rules.registry import register_rule
from govindex.scoring import check_assessment, score

__version__ = "0.1.0"

__all__ = [
    "Adjustment",
    "Agency",
    "AgencyRecord",
    "AgencyResult",
    "Assessment",
    "Band",
    "BandScheme",
    "Comparison",
    "ComparisonRow",
    "EventKind",
    "FileFormatError",
    "GovIndexError",
    "Group",
    "Index",
    "InputError",
    "LegalBasis",
    "LineageEvent",
    "Match",
    "MatchKind",
    "MissingDependencyError",
    "Node",
    "NotAssessed",
    "Period",
    "Rank",
    "Ranker",
    "Registry",
    "Result",
    "Rubric",
    "RubricError",
    "Rule",
    "RuleContext",
    "RuleError",
    "RuleOutcome",
    "RuleRef",
    "Scale",
    "Series",
    "SeriesPoint",
    "Source",
    "Standing",
    "Status",
    "Step",
    "SubCriterion",
    "TiePolicy",
    "UnknownNameError",
    "__version__",
    "check_assessment",
    "dump_rubric",
    "format_points",
    "list_rubrics",
    "load_dataset",
    "load_registry",
    "load_rubric",
    "nfc",
    "parse_points",
    "parse_registry",
    "parse_rubric",
    "places_moved",
    "rank",
    "read_registry",
    "read_rubric",
    "read_scores_csv",
    "register_rule",
    "reproduce",
    "score",
    "slugify",
    "standard_bands",
]
