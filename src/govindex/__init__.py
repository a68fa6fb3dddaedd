"""govindex: score, band and rank state agencies on digital-government indices.

The public API. The domain core (rubrics, assessments, scoring, bands,
ranking) is imported with the package; everything else (files, rules,
statistics, comparisons, reports) is imported on first use (PEP 562), so
``import govindex`` stays light and numpy waits for the first scoring call.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govindex.agency import Agency, nfc, slugify
from govindex.assessment import Assessment, Source
from govindex.bands import Band, BandScheme, standard_bands
from govindex.errors import (
    FileFormatError,
    GovIndexError,
    InputError,
    MissingDependencyError,
    RubricError,
    RuleError,
    UnknownNameError,
)
from govindex.measures import Measure, Measurement
from govindex.methodology import Methodology, bind
from govindex.plugins import Plugins
from govindex.points import format_points, parse_points
from govindex.ranking import Rank, Ranker, TiePolicy, rank
from govindex.results import AgencyResult, NotAssessed, Result
from govindex.rubric import Group, Index, LegalBasis, Node, Rubric, RuleRef, SubCriterion
from govindex.scoring import check_assessment, score
from govindex.views import Publication, View, ViewScore

if TYPE_CHECKING:
    from govindex.agreement import Agreement as Agreement
    from govindex.agreement import PublishedComparison as PublishedComparison
    from govindex.agreement import compare_published as compare_published
    from govindex.compare import Comparison as Comparison
    from govindex.compare import ComparisonRow as ComparisonRow
    from govindex.compare import Period as Period
    from govindex.compare import Series as Series
    from govindex.compare import SeriesPoint as SeriesPoint
    from govindex.compare import Standing as Standing
    from govindex.compare import Status as Status
    from govindex.compare import Step as Step
    from govindex.compare import places_moved as places_moved
    from govindex.directory import AgencyDirectory as AgencyDirectory
    from govindex.directory import AgencyRecord as AgencyRecord
    from govindex.directory import EventKind as EventKind
    from govindex.directory import LineageEvent as LineageEvent
    from govindex.directory import Match as Match
    from govindex.directory import MatchKind as MatchKind
    from govindex.io.assessments import AgencyEntry as AgencyEntry
    from govindex.io.assessments import AssessmentFile as AssessmentFile
    from govindex.io.assessments import dump_assessment_file as dump_assessment_file
    from govindex.io.assessments import dump_assessments as dump_assessments
    from govindex.io.assessments import parse_assessment_file as parse_assessment_file
    from govindex.io.bundled import list_rubrics as list_rubrics
    from govindex.io.bundled import load_methodology as load_methodology
    from govindex.io.bundled import load_rubric as load_rubric
    from govindex.io.cells import ReadOptions as ReadOptions
    from govindex.io.cohort import read_assessments as read_assessments
    from govindex.io.csvio import dump_scores_csv as dump_scores_csv
    from govindex.io.csvio import parse_scores_csv as parse_scores_csv
    from govindex.io.csvio import read_scores_csv as read_scores_csv
    from govindex.io.directory import load_directory as load_directory
    from govindex.io.directory import parse_directory as parse_directory
    from govindex.io.directory import read_directory as read_directory
    from govindex.io.forms import parse_form as parse_form
    from govindex.io.forms import read_form as read_form
    from govindex.io.published import load_dataset as load_dataset
    from govindex.io.published import reproduce as reproduce
    from govindex.io.rubrics import dump_rubric as dump_rubric
    from govindex.io.rubrics import parse_rubric as parse_rubric
    from govindex.io.rubrics import read_rubric as read_rubric
    from govindex.io.schemas import json_schema as json_schema
    from govindex.io.validate import FileReport as FileReport
    from govindex.io.validate import validate_file as validate_file
    from govindex.io.xlsx import read_scores_xlsx as read_scores_xlsx
    from govindex.io.xlsx import write_scores_xlsx as write_scores_xlsx
    from govindex.reconciliation import Reconciliation as Reconciliation
    from govindex.reconciliation import reconcile as reconcile
    from govindex.render import explain as explain
    from govindex.render.forms import agency_form_bytes as agency_form_bytes
    from govindex.render.forms import cohort_sheet_bytes as cohort_sheet_bytes
    from govindex.render.model import Column as Column
    from govindex.render.model import Table as Table
    from govindex.rules import Adjustment as Adjustment
    from govindex.rules import Rule as Rule
    from govindex.rules import RuleContext as RuleContext
    from govindex.rules import RuleOutcome as RuleOutcome
    from govindex.rules import Scale as Scale
    from govindex.rules.builtin import BestInCohort as BestInCohort
    from govindex.rules.builtin import Exclude as Exclude
    from govindex.rules.builtin import FullMarksIfNotApplicable as FullMarksIfNotApplicable
    from govindex.rules.builtin import Normalise as Normalise
    from govindex.rules.builtin import ProportionalImputation as ProportionalImputation
    from govindex.stats import GroupStatistics as GroupStatistics
    from govindex.stats import Statistics as Statistics
    from govindex.stats import statistics as statistics

__version__ = "0.1.0"

#: Public names imported on first use, and the module each comes from.
_LAZY: dict[str, str] = {
    "agency_form_bytes": "govindex.render.forms",
    "cohort_sheet_bytes": "govindex.render.forms",
    "parse_form": "govindex.io.forms",
    "read_form": "govindex.io.forms",
    "Agreement": "govindex.agreement",
    "PublishedComparison": "govindex.agreement",
    "compare_published": "govindex.agreement",
    "Comparison": "govindex.compare",
    "ComparisonRow": "govindex.compare",
    "Period": "govindex.compare",
    "Series": "govindex.compare",
    "SeriesPoint": "govindex.compare",
    "Standing": "govindex.compare",
    "Status": "govindex.compare",
    "Step": "govindex.compare",
    "places_moved": "govindex.compare",
    "AgencyDirectory": "govindex.directory",
    "AgencyRecord": "govindex.directory",
    "EventKind": "govindex.directory",
    "LineageEvent": "govindex.directory",
    "Match": "govindex.directory",
    "MatchKind": "govindex.directory",
    "AgencyEntry": "govindex.io.assessments",
    "AssessmentFile": "govindex.io.assessments",
    "dump_assessment_file": "govindex.io.assessments",
    "dump_assessments": "govindex.io.assessments",
    "parse_assessment_file": "govindex.io.assessments",
    "read_assessments": "govindex.io.cohort",
    "list_rubrics": "govindex.io.bundled",
    "load_methodology": "govindex.io.bundled",
    "load_rubric": "govindex.io.bundled",
    "ReadOptions": "govindex.io.cells",
    "dump_scores_csv": "govindex.io.csvio",
    "parse_scores_csv": "govindex.io.csvio",
    "read_scores_csv": "govindex.io.csvio",
    "load_directory": "govindex.io.directory",
    "parse_directory": "govindex.io.directory",
    "read_directory": "govindex.io.directory",
    "load_dataset": "govindex.io.published",
    "reproduce": "govindex.io.published",
    "dump_rubric": "govindex.io.rubrics",
    "parse_rubric": "govindex.io.rubrics",
    "read_rubric": "govindex.io.rubrics",
    "json_schema": "govindex.io.schemas",
    "FileReport": "govindex.io.validate",
    "validate_file": "govindex.io.validate",
    "read_scores_xlsx": "govindex.io.xlsx",
    "write_scores_xlsx": "govindex.io.xlsx",
    "Reconciliation": "govindex.reconciliation",
    "explain": "govindex.render",
    "reconcile": "govindex.reconciliation",
    "Adjustment": "govindex.rules",
    "Rule": "govindex.rules",
    "RuleContext": "govindex.rules",
    "RuleOutcome": "govindex.rules",
    "Scale": "govindex.rules",
    "BestInCohort": "govindex.rules.builtin",
    "Exclude": "govindex.rules.builtin",
    "FullMarksIfNotApplicable": "govindex.rules.builtin",
    "Normalise": "govindex.rules.builtin",
    "ProportionalImputation": "govindex.rules.builtin",
    "GroupStatistics": "govindex.stats",
    "Statistics": "govindex.stats",
    "statistics": "govindex.stats",
    "Column": "govindex.render.model",
    "Table": "govindex.render.model",
}

__all__ = [
    "Adjustment",
    "Agency",
    "AgencyDirectory",
    "AgencyEntry",
    "AgencyRecord",
    "AgencyResult",
    "Agreement",
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
    "Measure",
    "Measurement",
    "Methodology",
    "MissingDependencyError",
    "Node",
    "Normalise",
    "NotAssessed",
    "Period",
    "Plugins",
    "ProportionalImputation",
    "Publication",
    "PublishedComparison",
    "Rank",
    "Ranker",
    "ReadOptions",
    "Reconciliation",
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
    "View",
    "ViewScore",
    "__version__",
    "agency_form_bytes",
    "bind",
    "check_assessment",
    "cohort_sheet_bytes",
    "compare_published",
    "dump_assessment_file",
    "dump_assessments",
    "dump_rubric",
    "dump_scores_csv",
    "explain",
    "format_points",
    "json_schema",
    "list_rubrics",
    "load_dataset",
    "load_directory",
    "load_methodology",
    "load_rubric",
    "nfc",
    "parse_assessment_file",
    "parse_directory",
    "parse_form",
    "parse_points",
    "parse_rubric",
    "parse_scores_csv",
    "places_moved",
    "rank",
    "read_assessments",
    "read_directory",
    "read_form",
    "read_rubric",
    "read_scores_csv",
    "read_scores_xlsx",
    "reconcile",
    "reproduce",
    "score",
    "slugify",
    "standard_bands",
    "statistics",
    "validate_file",
    "write_scores_xlsx",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govindex' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
