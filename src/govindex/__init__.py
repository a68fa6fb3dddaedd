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
from govindex.directory import AgencyRecord, EventKind, LineageEvent, Match, MatchKind, Registry
from govindex.errors import (
    FileFormatError,
    GovIndexError,
    InputError,
    MissingDependencyError,
    RubricError,
    RuleError,
    UnknownNameError,
)
from govindex.explain import explain
from govindex.io.assessments import (
    AgencyEntry,
    AssessmentFile,
    dump_assessment_file,
    dump_assessments,
    parse_assessment_file,
    read_assessments,
)
from govindex.io.bundled import list_rubrics, load_rubric
from govindex.io.csvio import dump_scores_csv, parse_scores_csv, read_scores_csv
from govindex.io.directory import load_registry, parse_registry, read_registry
from govindex.io.published import load_dataset, reproduce
from govindex.io.rubrics import dump_rubric, parse_rubric, read_rubric
from govindex.io.schemas import json_schema
from govindex.io.validate import FileReport, validate_file
from govindex.io.writers import result_xlsx_bytes, write_result_xlsx
from govindex.io.xlsx import read_scores_xlsx, write_scores_xlsx
from govindex.points import format_points, parse_points
from govindex.ranking import Rank, Ranker, TiePolicy, rank
from govindex.reconcile import Reconciliation, reconcile
from govindex.render.model import Column, Table
from govindex.results import AgencyResult, NotAssessed, Result
from govindex.rubric import Group, Index, LegalBasis, Node, Rubric, RuleRef, SubCriterion
from govindex.rules import Adjustment, Rule, RuleContext, RuleOutcome, Scale
from govindex.rules.builtin import BestInCohort, Exclude, FullMarksIfNotApplicable, Normalise, ProportionalImputation
from govindex.rules.plugins import available_rules, register_rule, resolve_rule, unregister_rule
from govindex.scoring import check_assessment, score
from govindex.stats import GroupStatistics, Statistics, statistics

__version__ = "0.1.0"

__all__ = [
    "Adjustment",
    "Agency",
    "AgencyEntry",
    "AgencyRecord",
    "AgencyResult",
    "Assessment",
    "AssessmentFile",
    "Band",
    "BandScheme",
    "BestInCohort",
    "Column",
    "Comparison",
    "ComparisonRow",
    "EventKind",
    "Exclude",
    "FileFormatError",
    "FileReport",
    "FullMarksIfNotApplicable",
    "GovIndexError",
    "Group",
    "GroupStatistics",
    "Index",
    "InputError",
    "LegalBasis",
    "LineageEvent",
    "Match",
    "MatchKind",
    "MissingDependencyError",
    "Node",
    "Normalise",
    "NotAssessed",
    "Period",
    "ProportionalImputation",
    "Rank",
    "Ranker",
    "Reconciliation",
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
    "Statistics",
    "Status",
    "Step",
    "SubCriterion",
    "Table",
    "TiePolicy",
    "UnknownNameError",
    "__version__",
    "available_rules",
    "check_assessment",
    "dump_assessment_file",
    "dump_assessments",
    "dump_rubric",
    "dump_scores_csv",
    "explain",
    "format_points",
    "json_schema",
    "list_rubrics",
    "load_dataset",
    "load_registry",
    "load_rubric",
    "nfc",
    "parse_assessment_file",
    "parse_points",
    "parse_registry",
    "parse_rubric",
    "parse_scores_csv",
    "places_moved",
    "rank",
    "read_assessments",
    "read_registry",
    "read_rubric",
    "read_scores_csv",
    "read_scores_xlsx",
    "reconcile",
    "register_rule",
    "reproduce",
    "resolve_rule",
    "result_xlsx_bytes",
    "score",
    "slugify",
    "standard_bands",
    "statistics",
    "unregister_rule",
    "validate_file",
    "write_result_xlsx",
    "write_scores_xlsx",
]
