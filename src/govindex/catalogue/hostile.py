"""Refusals of hostile input: what a file may not be or hold, wherever it comes from."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Hostile"]


class Hostile(Entry):
    """Input refused before it can hang, exhaust memory or crash a writer (dữ liệu không an toàn)."""

    DATASET_RUBRIC_NOT_A_FILE = (
        "dataset-rubric-not-a-file",
        "tệp {rubric} mà bộ dữ liệu ghi không phải một tệp thường (mà là ống dẫn, thiết bị hoặc thư mục)",
        "the file {rubric} that the dataset names is not a regular file (but a pipe, a device or a folder)",
    )
