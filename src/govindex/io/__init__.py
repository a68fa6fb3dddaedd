"""Reading and writing files: the edge of the library.

Nothing in the domain core imports from here; everything here calls the core.
"""

from __future__ import annotations

from govindex.io.bundled import bundled_path, list_rubrics, load_rubric
from govindex.io.csvio import read_scores_csv
from govindex.io.rubrics import dump_rubric, parse_rubric, read_rubric

__all__ = [
    "bundled_path",
    "dump_rubric",
    "list_rubrics",
    "load_rubric",
    "parse_rubric",
    "read_rubric",
    "read_scores_csv",
]
