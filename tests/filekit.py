"""Small valid files for the file-format tests, and helpers to find positions in them."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import pytest

from govindex.cli import main

RUBRIC = """\
id: demo
title: Bộ chỉ số thử nghiệm
year: 2024
legal_basis:
  decision: 1/QĐ-UBND
  date: 2024-01-02
  issuer: UBND tỉnh Sơn La
decimals: 2
bands:
  - {id: good, label: Tốt, lower: 85}
  - {id: fair, label: Khá, lower: 70, upper: 85}
  - {id: weak, label: Yếu, lower: 0, upper: 70}
groups:
  - id: provincial
    name: Sở, ban, ngành
    tree:
      id: total
      name: Tổng điểm
      max_points: 100
      children:
        - id: infra
          name: Hạ tầng và nền tảng số
          max_points: 40
        - id: ops
          name: Hoạt động chính quyền số
          max_points: 60
  - id: district
    name: UBND huyện, thành phố
    tree:
      id: total
      name: Tổng điểm
      max_points: 100
"""

ASSESSMENT = """\
rubric: demo
year: 2024
source: appraised
agencies:
  - id: so-noi-vu
    name: Sở Nội vụ
    group: provincial
    scores:
      infra: 35.5
      ops: 50
    evidence:
      infra: Biên bản số 12
  - id: huyen-moc-chau
    name: UBND huyện Mộc Châu
    group: district
    scores:
      total: 88.25
"""

WIDE = """\
agency,group,name,infra,ops,total
so-noi-vu,provincial,Sở Nội vụ,35.5,50,
so-tu-phap,provincial,Sở Tư pháp,30,45.25,
huyen-moc-chau,district,UBND huyện Mộc Châu,,,88.25
"""


def position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column of the ``occurrence``-th ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, column


def run_cli(capsys: pytest.CaptureFixture[str], args: Sequence[str]) -> tuple[int, str, str]:
    """Run the command line; returns status, stdout and stderr, and checks no traceback was shown."""
    status = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return status, captured.out, captured.err


@contextlib.contextmanager
def raises_en(kind: type[BaseException], match: str | None = None) -> Iterator[Any]:
    """``pytest.raises`` matching the English wording of a govindex error (``describe("en")``)."""
    with pytest.raises(kind) as caught:
        yield caught
    if match is not None:
        text = caught.value.describe("en") if hasattr(caught.value, "describe") else str(caught.value)
        assert re.search(match, text), f"{match!r} not found in {text!r}"
