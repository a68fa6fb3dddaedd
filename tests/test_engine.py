"""The columnar engine: read-only results, the columns accessor, integer arrays in, exactness guards."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import numpy as np
import pytest

from errorcheck import english, raises
from govindex import Agency, Assessment, Group, Node, Rubric, score
from govindex.bands import standard_bands
from govindex.engine import ScoreTable, scaled_bound
from govindex.errors import InputError
from govindex.ranking import TiePolicy
from govindex.rubric import LegalBasis
from strategies import rubric_of

TREE = Node(
    "total",
    "Tổng điểm",
    10,
    [Node("x", "Chỉ số X", 6, [Node("x1", "X1", 3), Node("x2", "X2", 3)]), Node("y", "Chỉ số Y", 4)],
)
SMALL = rubric_of(TREE, decimals=1, bands=standard_bands("8.5", 7, 5))


def agencies(*ids: str) -> list[Agency]:
    return [Agency(agency_id, f"Sở {agency_id}", "g0") for agency_id in ids]


def test_result_mappings_are_read_only() -> None:
    result = score(SMALL, [Assessment(agencies("a")[0], {"x1": "1", "x2": "2", "y": "3"})])
    row = result.rows[0]
    with pytest.raises(TypeError):
        row.scores["x"] = Decimal(-5)  # type: ignore[index]
    with pytest.raises(TypeError):
        row.node_ranks["x"] = 7  # type: ignore[index]
    with pytest.raises(TypeError):
        row.raw["x1"] = Decimal(0)  # type: ignore[index]
    assert row.scores == {
        "total": Decimal("6.0"),
        "x": Decimal("3.0"),
        "x1": Decimal("1.0"),
        "x2": Decimal("2.0"),
        "y": Decimal("3.0"),
    }
    assert list(row.scores) == ["total", "x", "x1", "x2", "y"]  # depth-first


def test_the_columns_accessor() -> None:
    cohort = [
        Assessment(agencies("b")[0], {"x1": "1", "x2": "2", "y": "3"}),
        Assessment(agencies("a")[0], {"x1": "3", "x2": "3", "y": "4"}),
    ]
    columns = score(SMALL, cohort).columns("g0")
    assert columns.agency_ids == ("a", "b")
    assert columns.node_ids == ("total", "x", "x1", "x2", "y")
    assert columns.decimals == 1
    assert columns.scores.tolist() == [[100, 60, 30, 30, 40], [60, 30, 10, 20, 30]]
    assert columns.given.all()
    assert columns.ranks["total"].tolist() == [1, 2]
    assert list(columns.ranks) == ["total", "x", "x1", "x2", "y"]
    assert columns.band is not None and [columns.bands.bands[i].id for i in columns.band.tolist()] == [
        "good",
        "average",
    ]  # type: ignore[union-attr]
    assert columns.order.tolist() == [0, 1]
    with raises(ValueError, match="read-only"):
        columns.scores[0, 0] = 5


def test_integer_arrays_in() -> None:
    table = ScoreTable.from_arrays(
        SMALL, "g0", agencies("b", "a"), np.array([[0, 0, 10, 20, 30], [0, 0, 30, 30, 40]]), None
    )
    result = score(SMALL, table)
    assert [(row.agency.id, row.total, row.rank) for row in result] == [
        ("a", Decimal("10.0"), 1),
        ("b", Decimal("6.0"), 2),
    ]


def test_integer_arrays_are_checked_before_any_sum() -> None:
    with pytest.raises(InputError) as caught:
        ScoreTable.from_arrays(SMALL, "g0", agencies("a"), np.array([[0, 0, 35, 20, 30]]))
    assert english(caught.value) == "agency 'a', node 'x1': score 3.5 is above the maximum 3"
    with pytest.raises(InputError) as caught:
        ScoreTable.from_arrays(SMALL, "g0", agencies("a"), np.array([[0, 0, -1, 20, 30]]))
    assert english(caught.value) == "agency 'a', node 'x1': score -0.1 is negative"


def test_floats_are_refused() -> None:
    with raises(InputError, match=r"float64; a float cannot hold decimal points exactly"):
        ScoreTable.from_arrays(SMALL, "g0", agencies("a"), np.array([[0, 0, 1.5, 2, 3]]))
    with raises(InputError, match=r"not float 1\.5"):
        ScoreTable.from_arrays(SMALL, "g0", agencies("a"), np.array([[0, 0, 1.5, 2, 3]], dtype=object))
    with raises(InputError, match="must hold integers"):
        ScoreTable.from_arrays(SMALL, "g0", agencies("a"), np.array([[True, False, True, True, True]]))


def test_totals_beyond_int64_are_exact() -> None:
    half = Decimal(10) ** 12 / 2
    tree = Node("total", "Tổng", half * 2, [Node("a", "A", half), Node("b", "B", half)])
    basis = LegalBasis("1/QĐ", dt.date(2024, 1, 1), "UBND")
    rubric = Rubric("big", "Big", 2024, basis, [Group("g0", "G", tree)], decimals=8)
    top = Decimal("499999999999.99999999")
    result = score(
        rubric,
        [
            Assessment(Agency("p", "P", "g0"), {"a": top, "b": top}),
            Assessment(Agency("q", "Q", "g0"), {"a": top, "b": "499999999999.99999998"}),
        ],
    )
    assert result.agency("p").total == Decimal("999999999999.99999998")
    assert result.agency("q").total == Decimal("999999999999.99999997")
    assert (result.agency("p").rank, result.agency("q").rank) == (1, 2)
    assert result.columns("g0").scores.dtype == object


def test_band_bounds_are_rounded_up_exactly() -> None:
    assert scaled_bound(Decimal("69.95"), 1) == 700
    assert scaled_bound(Decimal("70"), 1) == 700
    assert scaled_bound(Decimal("70.01"), 1) == 701
    rubric = rubric_of(TREE, decimals=1, bands=standard_bands("8.55", "6.95", 5))
    result = score(
        rubric, [Assessment(agencies("a")[0], {"total": "8.5"}), Assessment(agencies("b")[0], {"total": "7"})]
    )
    assert [row.band_id for row in result] == ["fair", "fair"]


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (TiePolicy.DENSE, [1, 2, 2, 3]),
        (TiePolicy.COMPETITION, [1, 2, 2, 4]),
        (TiePolicy.MODIFIED_COMPETITION, [1, 3, 3, 4]),
        (TiePolicy.ORDINAL, [1, 2, 3, 4]),
        (TiePolicy.FRACTIONAL, [1, Decimal("2.5"), Decimal("2.5"), 4]),
    ],
)
def test_tie_policies(policy: TiePolicy, expected: list[object]) -> None:
    rubric = rubric_of(TREE, decimals=1, tie_policy=policy)
    totals = {"a": "9", "b": "8", "c": "8", "d": "7"}
    result = score(
        rubric, [Assessment(agency, {"total": totals[agency.id]}) for agency in agencies("d", "c", "b", "a")]
    )
    assert [row.rank for row in result] == expected
    assert [row.agency.id for row in result] == ["a", "b", "c", "d"]


def test_numpy_waits_for_the_first_scoring_call() -> None:
    import subprocess

    code = "import sys, govindex; govindex.load_rubric; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
