"""The writers that read a result's columns give exactly what the model built from its rows gives.

A result made by :func:`govindex.score` is written to JSON, CSV and pandas
straight from its columns (:mod:`govindex.render.columns`). On every fixed
case below (tie policies, missing criteria, several trees, views and a
publication scale, a ``normalise`` rule, agencies not assessed, hostile
names, totals beyond 64 bits, indentation), the text is compared byte for
byte with the model: :func:`govindex.render.data` (the score document built
from the rows) written by the generic JSON writer, and the flat table built
from the rows written by the CSV writer. Deterministic: the same cases run
every time.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest

from govindex import Agency, Assessment, Group, Node, Rubric, load_dataset, load_rubric, score
from govindex.bands import standard_bands
from govindex.io import read_assessments
from govindex.ranking import TiePolicy
from govindex.render import data, frame, pieces, render
from govindex.render.csv import table_csv
from govindex.render.frames import table_frame
from govindex.render.json import json_text
from govindex.render.results import flat_table
from govindex.results import Result
from govindex.rubric import LegalBasis, RuleRef

pd = pytest.importorskip("pandas")

BASIS = LegalBasis("1/QĐ-UBND", dt.date(2024, 1, 2), "UBND tỉnh thử")


def _tree() -> Node:
    return Node(
        "total",
        "Tổng",
        Decimal(20),
        (
            Node("a", "Hạ tầng", Decimal(10), (Node("a1", "Máy tính", Decimal(5)), Node("a2", "Mạng", Decimal(5)))),
            Node("b", "Dịch vụ", Decimal(10)),
        ),
    )


def _rubric(policy: TiePolicy, *, bands: bool = True, decimals: int = 1) -> Rubric:
    return Rubric(
        id="test-columns",
        title="Bộ chỉ số thử",
        year=2024,
        legal_basis=BASIS,
        groups=(
            Group("provincial", "Sở, ban, ngành", _tree(), "Departments"),
            Group("district", "UBND huyện", Node("total", "Tổng", Decimal(20)), "Districts"),
        ),
        bands=standard_bands(17, 14, 10) if bands else None,
        decimals=decimals,
        tie_policy=policy,
    )


NAMES = ['Sở "A"', "Sở \\ B", "Sở C\nxuống dòng", "Sở D\x1b[31m", "Sở E\ud800", "Sở F\ufffe", "Sở 🎉", "Sở H"]


def _cohort() -> list[Assessment]:
    """Ties on the total and on nodes, a criterion given as a whole, two groups with different trees."""
    scores: list[dict[str, str]] = [
        {"a1": "4.0", "a2": "3.5", "b": "9.0"},
        {"a1": "4.0", "a2": "3.5", "b": "9.0"},  # tied with the first everywhere
        {"a": "7.5", "b": "9.0"},  # "a" given as a whole: a1 and a2 have no score
        {"a1": "5.0", "a2": "5.0", "b": "2.0"},
        {"a1": "0.0", "a2": "0.5", "b": "10.0"},
    ]
    cohort = [Assessment(Agency(f"so-{i}", NAMES[i], "provincial"), values) for i, values in enumerate(scores)]
    cohort += [
        Assessment(Agency("huyen-1", NAMES[5], "district"), {"total": "12.5"}),
        Assessment(Agency("huyen-2", NAMES[6], "district"), {"total": "12.5"}),
        Assessment(Agency("huyen-3", NAMES[7], "district"), {"total": "19.9"}),
    ]
    return cohort


def _policies() -> dict[str, Callable[[], Result]]:
    return {policy.value: (lambda p=policy: score(_rubric(p), _cohort())) for policy in TiePolicy}


def _without_bands() -> Result:
    return score(_rubric(TiePolicy.DENSE, bands=False), _cohort())


def _not_assessed() -> Result:
    rubric = attrs.evolve(
        _rubric(TiePolicy.DENSE),
        rules=(RuleRef("exclude", {"agencies": ["so-3", "huyen-2"], "reason": "không đánh giá năm nay"}),),
    )
    return score(rubric, _cohort())


def _everyone_excluded() -> Result:
    rubric = attrs.evolve(
        _rubric(TiePolicy.DENSE),
        rules=(RuleRef("exclude", {"agencies": [a.agency.id for a in _cohort()], "reason": "chưa đánh giá"}),),
    )
    return score(rubric, _cohort())


def _beyond_64_bits() -> Result:
    """Twelve decimals and a large maximum: the scaled totals do not fit in 64 bits."""
    tree = Node(
        "total", "Tổng", Decimal(10) ** 9, (Node("x", "X", Decimal(10) ** 8 * 5), Node("y", "Y", Decimal(10) ** 8 * 5))
    )
    rubric = Rubric("big", "Lớn", 2024, BASIS, (Group("g", "Nhóm", tree),), decimals=12)
    cohort = [
        Assessment(Agency("p", "P", "g"), {"x": "499999999.123456789012", "y": "499999999.000000000001"}),
        Assessment(Agency("q", "Q", "g"), {"x": "1", "y": "0.000000000001"}),
    ]
    return score(rubric, cohort)


def _dti() -> Result:
    rubric = load_rubric("vn-dti-2022-province")
    return score(rubric, read_assessments("examples/dti-index-values.csv", rubric, values="index"))


def _normalise() -> Result:
    rubric = load_rubric("vn-par-2022-egov")
    cohort = [
        Assessment(Agency("dak-nong", "Đắk Nông", "province"), {"total": "11.3008"}),
        Assessment(Agency("son-la", "Sơn La", "province"), {"total": "9.1"}),
        Assessment(Agency("lai-chau", "Lai Châu", "province"), {"total": "9.1"}),
    ]
    return score(rubric, cohort)


def _published_2017() -> Result:
    return score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())


CASES: dict[str, Callable[[], Result]] = {
    **_policies(),
    "without bands": _without_bands,
    "not assessed": _not_assessed,
    "everyone excluded": _everyone_excluded,
    "beyond 64 bits": _beyond_64_bits,
    "views and publication": _dti,
    "normalise rule": _normalise,
    "published 2017": _published_2017,
}


@pytest.fixture(params=sorted(CASES), scope="module")
def case(request: pytest.FixtureRequest) -> Result:
    result = CASES[request.param]()
    assert result.column_groups or not result.rows  # the writers under test read columns
    return result


def test_json_from_the_columns_is_the_model_byte_for_byte(case: Result) -> None:
    model = json_text(data(case), indent=None)
    assert "".join(pieces(case)) == model
    assert render(case, "json") == model
    assert json.loads(model) == data(case)
    model.encode("utf-8")  # no lone surrogate: it is written as its escape


@pytest.mark.parametrize("indent", [2, 4])
def test_indented_json_from_the_columns_is_the_model_byte_for_byte(case: Result, indent: int) -> None:
    assert "".join(pieces(case, indent=indent)) == json_text(data(case), indent=indent)


def test_csv_from_the_columns_is_the_model_byte_for_byte(case: Result) -> None:
    for excel_vn in (False, True):
        assert render(case, "csv", excel_vn=excel_vn) == table_csv(flat_table(case), excel_vn=excel_vn)


def test_the_dataframe_from_the_columns_is_the_model(case: Result) -> None:
    for floats in (False, True):
        fast = frame(case, floats=floats)
        model = table_frame(flat_table(case), floats=floats)
        assert list(fast.columns) == list(model.columns)
        assert [str(t) for t in fast.dtypes] == [str(t) for t in model.dtypes]
        pd.testing.assert_frame_equal(fast.reset_index(drop=True), model.reset_index(drop=True), check_dtype=True)


def test_the_same_result_gives_the_same_bytes(case: Result) -> None:
    assert render(case, "json") == render(case, "json")
    assert render(case, "csv") == render(case, "csv")


def test_a_result_built_from_rows_is_written_through_its_data() -> None:
    scored = _not_assessed()
    by_hand = Result(scored.rubric, scored.rows, scored.adjustments, scored.not_assessed, scored.rules, scored.scale)
    assert not by_hand.column_groups
    assert render(by_hand, "json") == render(scored, "json")
    assert render(by_hand, "csv") == render(scored, "csv")
    pd.testing.assert_frame_equal(frame(by_hand), frame(scored))


def test_the_document_model_names_every_key_the_writer_writes() -> None:
    row = data(_dti())["results"][-1]
    assert list(row) == [
        "agency",
        "name",
        "group",
        "total",
        "band",
        "band_label",
        "rank",
        "nodes",
        "normalised",
        "views",
    ]
    assert row["nodes"]["digital_society"] == {"score": "102.060", "rank": 5, "normalised": "0.6804"}
    assert "normalised" not in row["nodes"]["smart_city"]
    fractional = data(score(_rubric(TiePolicy.FRACTIONAL), _cohort()))
    ranks = [(row["agency"], row["rank"]) for row in fractional["results"]]
    assert ranks[:3] == [("so-0", 2), ("so-1", 2), ("so-2", 2)]  # three tied on 16.5 share 1, 2 and 3
    assert ranks[5:] == [("huyen-3", 1), ("huyen-1", "2.5"), ("huyen-2", "2.5")]
    excluded = data(_everyone_excluded())
    assert excluded["results"] == [] and len(excluded["not_assessed"]) == 8
