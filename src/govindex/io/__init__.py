"""Reading and writing files: the edge of the library.

Nothing in the domain core imports from here; everything here calls the core.
"""

from __future__ import annotations

from govindex.io.assessments import dump_assessments, parse_assessment_file
from govindex.io.bundled import bundled_path, list_rubrics, load_methodology, load_rubric
from govindex.io.cells import ReadOptions, Upload
from govindex.io.cohort import Cohort, read_assessments, read_scores
from govindex.io.csvio import dump_scores_csv, parse_scores_csv, read_scores_csv
from govindex.io.rubrics import dump_rubric, parse_rubric, read_rubric
from govindex.io.rulefiles import rule_plugins
from govindex.io.schemas import json_schema
from govindex.io.validate import validate_file
from govindex.io.yamlio import load_document

__all__ = [
    "Cohort",
    "ReadOptions",
    "Upload",
    "bundled_path",
    "dump_assessments",
    "dump_rubric",
    "dump_scores_csv",
    "json_schema",
    "list_rubrics",
    "load_document",
    "load_methodology",
    "load_rubric",
    "parse_assessment_file",
    "parse_rubric",
    "parse_scores_csv",
    "read_assessments",
    "read_rubric",
    "read_scores",
    "read_scores_csv",
    "rule_plugins",
    "validate_file",
]
