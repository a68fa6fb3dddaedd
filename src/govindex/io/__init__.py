"""Reading and writing files: the edge of the library.

Nothing in the domain core imports from here; everything here calls the core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Each name of this namespace and the module that defines it, imported on first use (so that a command
#: that needs one reader does not import them all).
_HOMES = {
    "Cohort": "govindex.io.cohort",
    "ReadOptions": "govindex.io.cells",
    "Upload": "govindex.io.cells",
    "bundled_path": "govindex.io.bundled",
    "dump_assessments": "govindex.io.assessments",
    "dump_rubric": "govindex.io.rubrics",
    "dump_scores_csv": "govindex.io.csvio",
    "json_schema": "govindex.io.schemas",
    "list_rubrics": "govindex.io.bundled",
    "load_document": "govindex.io.yamlio",
    "load_methodology": "govindex.io.bundled",
    "load_rubric": "govindex.io.bundled",
    "parse_assessment_file": "govindex.io.assessments",
    "parse_rubric": "govindex.io.rubrics",
    "parse_scores_csv": "govindex.io.csvio",
    "read_assessments": "govindex.io.cohort",
    "read_rubric": "govindex.io.rubrics",
    "read_scores": "govindex.io.cohort",
    "read_scores_csv": "govindex.io.csvio",
    "rule_plugins": "govindex.io.rulefiles",
    "validate_file": "govindex.io.validate",
}


def __getattr__(name: str) -> Any:
    import importlib

    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


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
