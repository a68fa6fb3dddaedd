"""Views (overlapping aggregates), publication scales and values read on the published scale."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errorcheck import english, raises
from govindex import Agency, Assessment, load_rubric, score
from govindex.errors import GovIndexError, InputError, RubricError, UnknownNameError
from govindex.index_values import index_to_points, points_from_index, score_views
from govindex.io.rubrics import parse_rubric
from govindex.ranking import TiePolicy, rank_column
from govindex.render import data, explain, render
from govindex.rubric import Group, LegalBasis, Node, Rubric
from govindex.views import Publication, View

BASIS = LegalBasis("1/QĐ-X", dt.date(2024, 1, 2), "X")

# Main indices of the provincial DTI, in the order of the tree, with their maxima.
INDICES = {
    "digital_awareness": 100,
    "digital_institutions": 100,
    "digital_infrastructure": 100,
    "digital_human_resources": 100,
    "cyber_security": 100,
    "digital_government": 200,
    "digital_economy": 150,
    "digital_society": 150,
}
FOUNDATION = [k for k in INDICES if not k.startswith(("digital_government", "digital_economy", "digital_society"))]


def _province(agency_id: str, values: dict[str, str]) -> Assessment:
    return Assessment(Agency(agency_id, agency_id, "province"), values)


def _points(values: dict[str, str]) -> dict[str, Decimal]:
    return {k: Decimal(v) * INDICES[k] for k, v in values.items()}


def _published(points: Decimal, maximum: int) -> Decimal:
    """points / maximum rounded half-up to 4 decimals, computed independently of the library."""
    scaled = points * 10000 / maximum
    whole = int(scaled)
    rest = scaled - whole
    return Decimal(whole + (1 if rest >= Decimal("0.5") else 0)) / 10000


# A small cohort of provinces with 4-decimal main-index values, built so that
# three provinces tie on the PDTI: …, 14, 15, 15, 17 by competition.
COHORT = {
    "p13": dict.fromkeys(INDICES, "0.9000"),
    "p14": dict.fromkeys(INDICES, "0.8000"),
    "p15a": {**dict.fromkeys(INDICES, "0.7000"), "digital_awareness": "0.8000", "digital_institutions": "0.6000"},
    "p15b": dict.fromkeys(INDICES, "0.7000"),
    "p17": {**dict.fromkeys(INDICES, "0.7000"), "digital_society": "0.6804"},
}


def _cohort_result():  # type: ignore[no-untyped-def]
    rubric = load_rubric("vn-dti-2022-province")
    return score(rubric, [_province(k, v) for k, v in COHORT.items()], values="index")


def test_main_index_values_give_the_pdti_its_rank_and_the_three_pillars() -> None:
    result = _cohort_result()
    ranks = {row.agency.id: row.rank for row in result.rows}
    assert ranks == {"p13": 1, "p14": 2, "p15a": 3, "p15b": 3, "p17": 5}  # competition: 1, 2, 3, 3, 5
    for agency_id, values in COHORT.items():
        row = result.agency(agency_id)
        points = _points(values)
        total = sum(points.values(), Decimal(0))
        assert row.total == total
        assert row.normalised == _published(total, 1000)
        foundation = sum((points[k] for k in FOUNDATION), Decimal(0))
        expected = {
            "pillar_digital_government": (foundation + points["digital_government"], 700),
            "pillar_digital_economy": (foundation + points["digital_economy"], 650),
            "pillar_digital_society": (foundation + points["digital_society"], 650),
        }
        for view_id, (view_points, maximum) in expected.items():
            assert row.views[view_id].points == view_points
            assert row.views[view_id].maximum == maximum
            assert row.views[view_id].normalised == _published(view_points, maximum)
    p17 = result.agency("p17")
    # 0.7 everywhere but Hoạt động xã hội số 0.6804 of 150: 700 - 2.94 = 697.06 points, PDTI 0.6971
    assert p17.total == Decimal("697.060") and p17.normalised == Decimal("0.6971")
    assert p17.views["pillar_digital_society"].normalised == Decimal("0.6955")  # 452.06 / 650 = 0.69547…


def test_competition_ties_of_a_national_ranking_at_14_15_15_17() -> None:
    rubric = load_rubric("vn-dti-2022-province")
    values = ["0.9", "0.8", "0.8", "0.7"]
    cohort = [_province(f"p{i}", dict.fromkeys(INDICES, v)) for i, v in enumerate(values)]
    ranks = [row.rank for row in score(rubric, cohort, values="index").rows]
    assert ranks == [1, 2, 2, 4]
    # placed after 13 provinces, the places are 14, 15, 15, 17
    assert [13 + r for r in ranks] == [14, 15, 15, 17]


def test_json_rows_carry_views_and_published_values() -> None:
    document = data(_cohort_result())
    row = next(item for item in document["results"] if item["agency"] == "p17")
    assert row["normalised"] == "0.6971"
    assert row["nodes"]["digital_society"] == {"score": "102.060", "rank": 5, "normalised": "0.6804"}
    assert "normalised" not in row["nodes"]["smart_city"]  # worth no points: nothing to publish
    assert row["views"]["pillar_digital_society"] == {"score": "452.060", "normalised": "0.6955", "rank": 5}
    assert json.loads(render(_cohort_result(), "json")) == document


def test_table_csv_and_markdown_show_the_views() -> None:
    result = _cohort_result()
    csv_text = render(result, "csv", lang="en")
    assert isinstance(csv_text, str)
    assert "pillar_digital_government" in csv_text and "pillar_digital_society rank" in csv_text
    assert "0.6955" in csv_text
    for fmt in ("table", "markdown"):
        english = render(result, fmt, lang="en")
        assert "Digital society pillar" in english and "Rank, Digital society pillar" in english
        assert "0.6955" in english
        vietnamese = render(result, fmt)
        assert "Trụ cột Xã hội số" in vietnamese and "Xếp hạng Trụ cột Xã hội số" in vietnamese
        assert "0,6955" in vietnamese  # a decimal comma for the civil servant's reading
    header = str(render(result, "csv")).splitlines()[0].split(",")
    assert header[:7] == ["group", "rank", "agency", "name", "total", "normalised", "band"]


def test_explain_shows_views_and_published_values() -> None:
    result = _cohort_result()
    text = explain(result, "p17", lang="en")
    assert "published 0-1: 697.060 / 1000 × 1 = 0.69706 → 0.6971 (ROUND_HALF_UP)" in text
    assert (
        "view pillar_digital_society: Digital society pillar (Trụ cột Xã hội số): foundation 350.000 + "
        "digital_society 102.060 = 452.060 of 650" in text
    )
    # Publishable Vietnamese (issue 10): names, not ids; decimal commas; rounding in words.
    vi = explain(result, "p17", "pillar_digital_society", lang="vi")
    assert "Trụ cột Xã hội số, gồm Nhóm chỉ số nền tảng chung, Hoạt động xã hội số, điểm tối đa 650" in vi
    assert (
        "công bố theo thang 0-1: 452,060 / 650 × 1 = 0,69547692… ≈ 0,6955 (làm tròn đến 4 chữ số thập phân); "
        "xếp hạng 5 trong nhóm Tỉnh, thành phố trực thuộc trung ương"
    ) in vi
    assert "pillar_digital_society" not in vi and "province" not in vi
    assert "công bố theo thang 0-1: 490,000 / 700 × 1 = 0,7000;" in explain(result, "p17", lang="vi")
    node = explain(result, "p17", "digital_society", lang="en")
    assert "published 0-1: 102.060 / 150 × 1 = 0.6804" in node


def test_the_smart_city_node_is_worth_no_points_and_needs_no_score() -> None:
    rubric = load_rubric("vn-dti-2022-province")
    assert rubric.node("province", "smart_city").max_points == 0
    row = score(rubric, [_province("p", dict.fromkeys(INDICES, "0.5"))], values="index").rows[0]
    assert row.scores["smart_city"] == 0 and row.total == 500
    # a province given as a whole group is not filled in below it
    whole = score(rubric, [_province("p", {"foundation": "250", "activities": "250"})]).rows[0]
    assert "smart_city" not in whole.scores and whole.total == 500
    # given with its siblings, the group's sum stands
    parts = {k: "50" for k in FOUNDATION}
    mixed = score(rubric, [_province("p", {**parts, "activities": "250"})]).rows[0]
    assert mixed.scores["smart_city"] == 0 and mixed.scores["foundation"] == 250


# --- values on the published scale -------------------------------------------------------------


def test_index_values_are_converted_exactly() -> None:
    rubric = load_rubric("vn-dti-2022-province")
    assert index_to_points(rubric, "province", "digital_awareness", Decimal("0.7804")) == Decimal("78.04")
    assert index_to_points(rubric, "province", "digital_economy", Decimal("0.7805")) == Decimal("117.075")
    assert index_to_points(rubric, "province", "total", Decimal("1")) == Decimal("1000")
    par = load_rubric("vn-par-2022-egov")
    with raises(InputError, match="states no publication scale"):
        index_to_points(par, "province", "total", Decimal("83.71"))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0.78041", "index value 0.78041 has more decimals than the published scale's 4 (0-1)"),
        ("1.2", "index value 1.2 is above 1, the top of the published scale (0-1); a share cannot exceed the whole"),
    ],
)
def test_bad_index_values_are_refused_naming_agency_and_node(value: str, message: str) -> None:
    rubric = load_rubric("vn-dti-2022-province")
    with pytest.raises(InputError) as caught:
        score(rubric, [_province("son-la", {"digital_awareness": value})], values="index")
    assert caught.value.agency == "son-la" and caught.value.node == "digital_awareness"
    assert english(caught.value) == f"agency 'son-la', node 'digital_awareness': {message}"


def test_index_points_the_rubric_cannot_hold_are_refused() -> None:
    rubric = Rubric(
        "r",
        "R",
        2024,
        BASIS,
        [Group("g", "G", Node("total", "T", 3, [Node("a", "A", 3)]))],
        decimals=2,
        publication=Publication(1, 4),
    )
    with pytest.raises(InputError) as caught:
        index_to_points(rubric, "g", "a", Decimal("0.3333"), agency="x")
    assert english(caught.value) == (
        "agency 'x', node 'a': index value 0.3333 of the maximum 3 is 0.9999 points, more decimals than rubric "
        "'r' allows (2); the conversion never rounds"
    )


def test_unknown_kind_of_values_and_unknown_node_are_refused() -> None:
    rubric = load_rubric("vn-dti-2022-province")
    with raises(InputError, match="unknown kind of values 'share'; use 'points' or 'index'"):
        score(rubric, [], values="share")
    with pytest.raises(GovIndexError) as caught:
        points_from_index(rubric, [_province("son-la", {"nope": "0.5"})])
    assert caught.value.agency == "son-la" and "unknown node 'nope'" in caught.value.message_in("en")


# --- refusals when a rubric is built ----------------------------------------------------------


def _tree() -> Node:
    return Node("total", "T", 10, [Node("a", "A", 4, [Node("a1", "A1", 4)]), Node("b", "B", 6), Node("z", "Z", 0)])


ZERO_TO_ONE = Publication(1, 4)


def _rubric(*views: View, publication: Publication | None = ZERO_TO_ONE, **extra: object) -> Rubric:
    return Rubric("r", "R", 2024, BASIS, [Group("g", "G", _tree())], publication=publication, views=views, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("view", "message"),
    [
        (View("v", "V", ["a", "nope"]), "view 'v' names node 'nope', which the tree of group 'g' does not have"),
        (
            View("v", "V", ["a", "a1"]),
            "view 'v' names both 'a' and 'a1', which lies inside it: its points would count twice",
        ),
        (
            View("v", "V", ["total", "b"]),
            "view 'v' names both 'total' and 'b', which lies inside it: its points would count twice",
        ),
        (View("v", "V", ["z"]), "view 'v': its nodes are worth no points, so it has no value"),
        (View("b", "V", ["a"]), "view id 'b' is already a node id or a score-file column; give the view its own id"),
        (View("v w", "V", ["a"]), "view id 'v w' must start with a letter or digit"),
    ],
)
def test_a_view_the_tree_cannot_hold_is_refused(view: View, message: str) -> None:
    with pytest.raises(RubricError) as caught:
        _rubric(view)
    assert message in caught.value.message_in("en")


def test_view_refusals_of_its_own() -> None:
    with raises(RubricError, match="view 'v' names no node"):
        View("v", "V", [])
    with raises(RubricError, match="view 'v' names node 'a' twice"):
        View("v", "V", ["a", "a"])
    with raises(RubricError, match="view 'v' appears twice in rubric 'r'"):
        _rubric(View("v", "V", ["a"]), View("v", "V", ["b"]))
    with raises(RubricError, match="view 'v' states no publication scale and rubric 'r' has none"):
        _rubric(View("v", "V", ["a"]), publication=None)
    with raises(UnknownNameError, match="unknown view 'w' in rubric 'r'; the views are v"):
        _rubric(View("v", "V", ["a"])).view("w")


def test_publication_refusals() -> None:
    with raises(RubricError, match="publication: scale must be a positive number"):
        Publication(0, 4)
    with raises(RubricError, match="publication: decimals must be a whole number from 0 to 12, not 13"):
        Publication(1, 13)
    with raises(RubricError, match="publication: unknown rounding 'half-up'"):
        Publication(1, 4, "half-up")
    from govindex.rubric import RuleRef

    with raises(RubricError, match="states a publication scale and a 'normalise' rule; state the scale once"):
        _rubric(rules=[RuleRef("normalise", {"to": 1, "decimals": 4})])


def test_a_view_in_a_file_is_refused_at_its_line() -> None:
    text = """\
id: r
title: R
year: 2024
legal_basis: {decision: 1/QĐ-X, date: 2024-01-02, issuer: X}
publication: {scale: 1, decimals: 4}
views:
  - id: v
    name: V
    nodes: [a, nope]
groups:
  - id: g
    name: G
    tree: {id: total, name: T, max_points: 10, children: [{id: a, name: A, max_points: 10}]}
"""
    with pytest.raises(RubricError) as caught:
        parse_rubric(text, file="r.yaml")
    assert english(caught.value) == (
        "r.yaml:9:16: views[0].nodes[1]: group 'g', node 'nope': view 'v' names node 'nope', which the tree of "
        "group 'g' does not have"
    )
    with pytest.raises(GovIndexError) as unknown:
        parse_rubric(text.replace("    nodes:", "    node:"), file="r.yaml")
    assert unknown.value.describe("en").startswith(
        "r.yaml:9:5: views[0].node: unknown key 'node' (did you mean 'nodes'?)"
    )


def test_rubrics_with_views_round_trip_through_yaml() -> None:
    from govindex.io.rubrics import dump_rubric

    for rubric_id in ("vn-dti-2022-province", "vn-dti-2022-ministry", "sonla-2023-dti", "sonla-2024-dti"):
        rubric = load_rubric(rubric_id)
        assert parse_rubric(dump_rubric(rubric)) == rubric


# --- properties -------------------------------------------------------------------------------

_share = st.integers(min_value=0, max_value=10000).map(lambda n: Decimal(n).scaleb(-4))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(*[_share for _ in INDICES]), min_size=1, max_size=8))
def test_view_properties(rows: list[tuple[Decimal, ...]]) -> None:
    rubric = load_rubric("vn-dti-2022-province")
    cohort = [_province(f"p{i:02d}", dict(zip(INDICES, map(str, row), strict=True))) for i, row in enumerate(rows)]
    result = score(rubric, cohort, values="index")
    for view in rubric.views:
        column = []
        for row in result.rows:
            scored = row.views[view.id]
            assert scored.points == sum((row.scores[n] for n in view.nodes), Decimal(0))
            assert scored.maximum == sum((rubric.node("province", n).max_points for n in view.nodes), Decimal(0))
            assert 0 <= scored.normalised <= 1
            assert abs(scored.normalised - scored.points / scored.maximum) <= Decimal("0.00005")
            column.append(scored.points)
        assert [row.views[view.id].rank for row in result.rows] == rank_column(column, TiePolicy.COMPETITION)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(*[_share for _ in INDICES]), min_size=1, max_size=6))
def test_score_views_agrees_with_the_scored_rows(rows: list[tuple[Decimal, ...]]) -> None:
    rubric = load_rubric("vn-dti-2022-province")
    cohort = [_province(f"p{i}", dict(zip(INDICES, map(str, row), strict=True))) for i, row in enumerate(rows)]
    result = score(rubric, cohort, values="index")
    direct = score_views(rubric, "province", [row.scores for row in result.rows])
    assert [dict(row.views) for row in result.rows] == direct
