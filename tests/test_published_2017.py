"""Decision 3247/QĐ-UBND (Sơn La, 20 Dec 2017), reproduced figure by figure.

The published tables are written out as printed in the decision (in
published_2017_tables.py), so that a wrong dataset file cannot make these
tests pass: the bundled datasets (rubrics/published/sonla-2017-it.yaml and
sonla-2017-web.yaml) must hold the same scores and figures, and reproducing
them must check, and match, every total, band and rank of tables 1-4, every
rank of tables 1.1-1.6 and 2.1-2.7, and every figure of the summary
(sections B, C and E), the departments' misprinted web-portal shares being
reported as a known error of the source.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from errorcheck import english, raises
from govindex import Agency, Assessment, load_dataset, load_rubric, reproduce, score, statistics
from govindex.errors import FileFormatError, InputError, UnknownNameError
from govindex.io.published import PublishedDataset
from govindex.points import parse_points
from govindex.published import KnownError, PublishedAgency, PublishedFigures, PublishedGroup, PublishedSummary
from govindex.reproduction import CheckStatus, check_dataset
from published_2017_tables import (
    CATEGORY_TABLES,
    DISTRICT_CATEGORY_TABLES,
    SECTION_SHARES,
    SUMMARY_IT,
    SUMMARY_WEB,
    TABLE_1,
    TABLE_2,
    TABLE_3,
    TABLE_4,
)


@pytest.fixture(scope="module")
def dataset() -> PublishedDataset:
    return load_dataset("sonla-2017-it")


def test_the_tables_as_printed_are_consistent() -> None:
    # 18 departments in every table, each once.
    for table in [TABLE_1, *CATEGORY_TABLES.values()]:
        assert len(table) == 18
        assert len({row[0] for row in table}) == 18
    # The total of table 1 is the sum of the six category scores.
    scores = {
        node: {agency: parse_points(value) for agency, value, _ in table} for node, table in CATEGORY_TABLES.items()
    }
    for agency, total, _band, _rank in TABLE_1:
        assert sum((scores[node][agency] for node in CATEGORY_TABLES), Decimal(0)) == parse_points(total)


def test_the_dataset_holds_the_published_category_scores(dataset: PublishedDataset) -> None:
    assert dataset.rubric == "sonla-2017-it"
    assert [agency.id for agency in dataset.agencies] == [row[0] for row in TABLE_1 + TABLE_2]
    assert dataset.groups == ("provincial", "district")
    by_id = {agency.id: agency for agency in dataset.agencies}
    for node, table in CATEGORY_TABLES.items():
        for agency, value, rank in table:
            assert by_id[agency].scores[node] == parse_points(value), (agency, node)
            assert by_id[agency].published.ranks[node] == rank, (agency, node)
    for agency, total, band, rank in TABLE_1:
        published = by_id[agency].published
        assert (published.total, published.band, published.rank) == (parse_points(total), band, rank)


def test_every_total_band_and_rank_of_table_1(dataset: PublishedDataset) -> None:
    result = score(load_rubric("sonla-2017-it"), dataset.assessments())
    for group, table in (("provincial", TABLE_1), ("district", TABLE_2)):
        rows = result.group(group)
        computed = {row.agency.id: (result.format(row.total).replace(".", ","), row.band_id, row.rank) for row in rows}
        assert computed == {agency: (total, band, rank) for agency, total, band, rank in table}
        # The rows come in the order of the table, except that tied agencies are ordered by id.
        assert [row.rank for row in rows] == [rank for *_, rank in table]


@pytest.mark.parametrize(
    ("group", "node"),
    [("provincial", node) for node in CATEGORY_TABLES] + [("district", node) for node in DISTRICT_CATEGORY_TABLES],
)
def test_every_rank_of_tables_1_1_to_1_6_and_2_1_to_2_7(dataset: PublishedDataset, group: str, node: str) -> None:
    result = score(load_rubric("sonla-2017-it"), dataset.assessments())
    tables = CATEGORY_TABLES if group == "provincial" else DISTRICT_CATEGORY_TABLES
    for agency, value, rank in tables[node]:
        row = result.agency(agency)
        assert row.scores[node] == parse_points(value)
        assert row.node_ranks[node] == rank, (agency, node)


def test_the_tie_in_table_1(dataset: PublishedDataset) -> None:
    result = score(load_rubric("sonla-2017-it"), dataset.assessments())
    tie = [result.agency(a) for a in ("so-tai-chinh", "so-giao-thong-van-tai", "so-cong-thuong")]
    assert [(str(row.total), row.rank) for row in tie] == [("71.5", 8), ("71.5", 8), ("70.9", 9)]


def test_the_published_summary(dataset: PublishedDataset) -> None:
    result = score(load_rubric("sonla-2017-it"), dataset.assessments())
    totals = [row.total for row in result.group("provincial")]
    # "Điểm trung bình ... là: 68/100 điểm"; Sở Thông tin và Truyền thông leads with 83,8.
    assert round(sum(totals) / len(totals)) == 68
    assert result.rows[0].agency.id == "so-thong-tin-va-truyen-thong" and str(result.rows[0].total) == "83.8"
    # Mức khá 67 %, trung bình 28 %, yếu 5 %: 12, 5 and 1 of 18.
    provincial = result.group("provincial")
    counts = {band: sum(1 for row in provincial if row.band_id == band) for band in ("good", "fair", "average", "weak")}
    assert counts == {"good": 0, "fair": 12, "average": 5, "weak": 1}
    assert dataset.published_summary.groups["provincial"].band_shares == {
        "good": 0,
        "fair": 67,
        "average": 28,
        "weak": 5,
    }


def test_reproduce_finds_no_difference(dataset: PublishedDataset) -> None:
    outcome = reproduce(dataset)
    assert outcome.ok
    assert outcome.differences == () and outcome.known_errors == ()
    # Tables 1 and 2: total, band, rank and a rank per category; the Office not assessed;
    # per group the number assessed, mean, leader, leader's score, four band shares; the overall mean.
    assert outcome.checked == 18 * (3 + 6) + 12 * (3 + 7) + 1 + 2 * 8 + 1 == 300
    assert outcome.matched == 300


def test_reproduce_reports_a_changed_figure(dataset: PublishedDataset) -> None:
    first = dataset.agencies[0]
    wrong = attrs.evolve(first, published=attrs.evolve(first.published, total=Decimal("83.9"), rank=2))
    outcome = reproduce(attrs.evolve(dataset, agencies=(wrong, *dataset.agencies[1:])))
    assert not outcome.ok
    assert [(d.agency, d.what, d.published, d.computed) for d in outcome.differences] == [
        ("so-thong-tin-va-truyen-thong", "total", "83.9", "83.8"),
        ("so-thong-tin-va-truyen-thong", "rank", "2", "1"),
    ]
    assert all(d.status is CheckStatus.DIFFERENT for d in outcome.differences)


def test_reproduce_refuses_a_rank_on_an_unknown_node(dataset: PublishedDataset) -> None:
    first = dataset.agencies[0]
    wrong = attrs.evolve(first, published=attrs.evolve(first.published, ranks={"commune": 1}))
    with pytest.raises(UnknownNameError) as caught:
        reproduce(attrs.evolve(dataset, agencies=(wrong, *dataset.agencies[1:])))
    assert english(caught.value) == (
        "agency 'so-thong-tin-va-truyen-thong', node 'commune': a rank is published for node 'commune', "
        "which group 'provincial' of rubric 'sonla-2017-it' does not have"
    )


def test_reproduce_refuses_an_unknown_band(dataset: PublishedDataset) -> None:
    first = dataset.agencies[0]
    wrong = attrs.evolve(first, published=attrs.evolve(first.published, band="excellent"))
    with raises(UnknownNameError, match="agency 'so-thong-tin-va-truyen-thong': unknown band 'excellent'"):
        reproduce(attrs.evolve(dataset, agencies=(wrong, *dataset.agencies[1:])))


def test_unknown_and_unreadable_datasets() -> None:
    with pytest.raises(UnknownNameError) as caught:
        load_dataset("sonla-2018-it")
    assert caught.value.message_in("en") == (
        "unknown dataset 'sonla-2018-it'; the bundled datasets are sonla-2017-it, sonla-2017-web"
    )
    assert caught.value.message == (
        "không có bộ dữ liệu 'sonla-2018-it'; các bộ dữ liệu đi kèm là sonla-2017-it, sonla-2017-web"
    )
    with pytest.raises(FileFormatError) as unreadable:
        load_dataset("no/such/file.yaml")
    assert unreadable.value.describe("en").startswith("no/such/file.yaml: cannot read the file")


# --- the districts, the web portals and the summary -------------------------------------


@pytest.fixture(scope="module")
def web() -> PublishedDataset:
    return load_dataset("sonla-2017-web")


def _points(text: str) -> Decimal:
    return parse_points(text)


def test_the_district_tables_as_printed_are_consistent() -> None:
    for table in [TABLE_2, *DISTRICT_CATEGORY_TABLES.values(), TABLE_4]:
        assert len(table) == 12 and len({row[0] for row in table}) == 12
    assert len(TABLE_3) == 18 and {row[0] for row in TABLE_3} == {row[0] for row in TABLE_1}
    assert {row[0] for row in TABLE_4} == {row[0] for row in TABLE_2}
    scores = {node: {a: _points(v) for a, v, _ in table} for node, table in DISTRICT_CATEGORY_TABLES.items()}
    for agency, total, _band, _rank in TABLE_2:
        assert sum((scores[node][agency] for node in scores), Decimal(0)) == _points(total)
    # The band sections of each table carry the shares of section E.
    for key, summary in (("1", SUMMARY_IT["provincial"]), ("2", SUMMARY_IT["district"])):
        assert {b: s for b, s in summary["shares"].items() if s} == SECTION_SHARES[key]  # type: ignore[index,union-attr]
    for key, summary in (("3", SUMMARY_WEB["provincial"]), ("4", SUMMARY_WEB["district"])):
        assert {b: s for b, s in summary["shares"].items() if s} == SECTION_SHARES[key]  # type: ignore[index,union-attr]


def test_the_dataset_holds_the_district_category_scores(dataset: PublishedDataset) -> None:
    by_id = {agency.id: agency for agency in dataset.agencies}
    for node, table in DISTRICT_CATEGORY_TABLES.items():
        for agency, value, rank in table:
            assert by_id[agency].group == "district"
            assert by_id[agency].scores[node] == parse_points(value), (agency, node)
            assert by_id[agency].published.ranks[node] == rank, (agency, node)
    for agency, total, band, rank in TABLE_2:
        published = by_id[agency].published
        assert (published.total, published.band, published.rank) == (parse_points(total), band, rank)
        assert set(by_id[agency].scores) == set(DISTRICT_CATEGORY_TABLES)


def test_the_web_dataset_holds_tables_3_and_4(web: PublishedDataset) -> None:
    assert web.rubric == "sonla-2017-web"
    assert [agency.id for agency in web.agencies] == [row[0] for row in TABLE_3 + TABLE_4]
    for agency, (table_id, total, band, rank) in zip(web.agencies, TABLE_3 + TABLE_4, strict=True):
        assert agency.id == table_id
        assert agency.scores == {"total": parse_points(total)}
        assert (agency.published.total, agency.published.band, agency.published.rank) == (
            parse_points(total),
            band,
            rank,
        )


@pytest.mark.parametrize(("name", "printed"), [("sonla-2017-it", SUMMARY_IT), ("sonla-2017-web", SUMMARY_WEB)])
def test_the_datasets_hold_the_summary_as_printed(name: str, printed: dict[str, object]) -> None:
    summary = load_dataset(name).published_summary
    assert summary.overall_mean == Decimal(str(printed["overall_mean"]))
    assert set(summary.groups) == {"provincial", "district"}
    for group, figures in summary.groups.items():
        expected = printed[group]
        assert isinstance(expected, dict)
        assert figures.assessed == expected["assessed"]
        assert figures.mean == Decimal(expected["mean"])
        assert (figures.leader, figures.leader_total) == (expected["leader"][0], parse_points(expected["leader"][1]))
        assert figures.band_shares == expected["shares"]


def _published_figures(printed_tables: list[tuple[str, list[tuple[str, str, str, int]]]], summary: dict[str, object]):
    """Every figure of the printed tables and summary, as (figure, group, agency, item, published)."""
    figures = set()
    for group, table in printed_tables:
        for agency, total, band, rank in table:
            figures |= {
                ("total", group, agency, None, str(parse_points(total))),
                ("band", group, agency, None, band),
                ("rank", group, agency, None, str(rank)),
            }
    for group in ("provincial", "district"):
        expected = summary[group]
        assert isinstance(expected, dict)
        figures |= {
            ("assessed", group, None, None, str(expected["assessed"])),
            ("mean", group, None, None, expected["mean"]),
            ("leader", group, None, None, expected["leader"][0]),
            ("leader_total", group, None, None, str(parse_points(expected["leader"][1]))),
        }
        figures |= {("band_share", group, None, band, str(share)) for band, share in expected["shares"].items()}
    figures.add(("overall_mean", None, None, None, summary["overall_mean"]))
    figures.add(("not_assessed", "provincial", "van-phong-ubnd-tinh", None, "not assessed"))
    return figures


def test_reproduce_checks_every_figure_of_tables_1_2_and_section_e(dataset: PublishedDataset) -> None:
    outcome = reproduce(dataset)
    expected = _published_figures([("provincial", TABLE_1), ("district", TABLE_2)], SUMMARY_IT)
    for group, tables in (("provincial", CATEGORY_TABLES), ("district", DISTRICT_CATEGORY_TABLES)):
        for node, table in tables.items():
            expected |= {("node_rank", group, agency, node, str(rank)) for agency, _value, rank in table}
    checked = {(c.figure, c.group, c.agency, c.item, c.published) for c in outcome.checks}
    # A leader's score is compared as a number: "70" printed, 70.0 computed.
    assert checked == expected
    assert len(outcome.checks) == len(expected) == 300
    assert {c.status for c in outcome.checks} == {CheckStatus.MATCH}
    means = {(c.figure, c.group): (c.computed, c.exact) for c in outcome.checks if "mean" in c.figure}
    assert means == {
        ("mean", "provincial"): ("68", "67.6"),
        ("mean", "district"): ("56", "55.5083…"),
        ("overall_mean", None): ("62", "61.5541…"),
    }


def test_reproduce_checks_every_figure_of_tables_3_4_and_section_e(web: PublishedDataset) -> None:
    outcome = reproduce(web)
    expected = _published_figures([("provincial", TABLE_3), ("district", TABLE_4)], SUMMARY_WEB)
    assert {(c.figure, c.group, c.agency, c.item, c.published) for c in outcome.checks} == expected
    assert outcome.checked == 30 * 3 + 1 + 2 * 8 + 1 == 108
    assert outcome.ok and outcome.matched == 106
    means = {(c.figure, c.group): (c.computed, c.exact) for c in outcome.checks if "mean" in c.figure}
    # The overall mean is the mean of the exact group means (55.34 -> 55); the mean of the
    # rounded group means, (61 + 50) / 2 = 55.5, would be 56, and the pooled mean 56.47 would be 56.
    assert means == {
        ("mean", "provincial"): ("61", "60.9722…"),
        ("mean", "district"): ("50", "49.7083…"),
        ("overall_mean", None): ("55", "55.3402…"),
    }


def test_the_misprinted_web_shares_are_a_known_error_of_the_source(web: PublishedDataset) -> None:
    outcome = reproduce(web)
    assert [(c.figure, c.group, c.item, c.published, c.computed, c.status) for c in outcome.known_errors] == [
        ("band_share", "provincial", "good", "5", "6", CheckStatus.KNOWN_ERROR),
        ("band_share", "provincial", "fair", "45", "44", CheckStatus.KNOWN_ERROR),
    ]
    # 1, 8, 5 and 4 of the 18 departments, as table 3 bands them.
    counts = outcome.statistics.group("provincial").band_counts
    assert counts == {"good": 1, "fair": 8, "average": 5, "weak": 4}
    assert outcome.statistics.group("provincial").band_shares == {"good": 6, "fair": 44, "average": 28, "weak": 22}
    error = outcome.known_errors[0]
    assert error.explanation is not None and "8/18 = 44,44 %" in error.explanation
    assert error.explanation_en is not None and "8/18 = 44.44 %" in error.explanation_en


def test_a_known_error_that_does_not_occur_is_a_difference(web: PublishedDataset) -> None:
    # Were the shares printed right, the recorded error would be stale: reported, not silently kept.
    groups = dict(web.published_summary.groups)
    groups["provincial"] = attrs.evolve(
        groups["provincial"], band_shares={"good": 6, "fair": 44, "average": 28, "weak": 22}
    )
    fixed = attrs.evolve(web, published_summary=attrs.evolve(web.published_summary, groups=groups))
    outcome = reproduce(fixed)
    assert not outcome.ok
    assert [(c.figure, c.item, c.published, c.computed) for c in outcome.differences] == [
        ("band_share", "good", "5", "not found"),
        ("band_share", "fair", "45", "not found"),
    ]


def test_a_known_error_covers_only_the_values_it_records(web: PublishedDataset) -> None:
    (error,) = web.known_errors
    other = attrs.evolve(error, correct={"good": "7", "fair": "44"})
    outcome = reproduce(attrs.evolve(web, known_errors=(other,)))
    assert [(c.item, c.published, c.computed, c.status) for c in outcome.checks if c.status is not CheckStatus.MATCH] == [
        ("good", "5", "6", CheckStatus.DIFFERENT),
        ("fair", "45", "44", CheckStatus.KNOWN_ERROR),
    ]
    assert not outcome.ok


def test_a_known_error_must_record_an_error() -> None:
    with raises(InputError, match="figure 'share'; the figures are total"):
        KnownError("share", {"good": "5"}, {"good": "6"}, "x", "x")
    with raises(InputError, match="same items"):
        KnownError("band_share", {"good": "5"}, {"fair": "6"}, "x", "x", group="provincial")
    with raises(InputError, match="same published and correct value for good: that is no error"):
        KnownError("band_share", {"good": "5"}, {"good": "5"}, "x", "x", group="provincial")


@pytest.mark.parametrize(
    ("figure", "change", "published", "computed"),
    [
        ("mean", {"mean": Decimal("67")}, "67", "68"),
        ("assessed", {"assessed": 17}, "17", "18"),
        ("leader", {"leader": "so-noi-vu"}, "so-noi-vu", "so-thong-tin-va-truyen-thong"),
        ("leader_total", {"leader_total": Decimal("83.7")}, "83.7", "83.8"),
        ("band_share", {"band_shares": {"good": 0, "fair": 66, "average": 28, "weak": 6}}, "66", "67"),
    ],
)
def test_reproduce_reports_a_changed_summary_figure(
    dataset: PublishedDataset, figure: str, change: dict[str, object], published: str, computed: str
) -> None:
    groups = dict(dataset.published_summary.groups)
    groups["provincial"] = attrs.evolve(groups["provincial"], **change)
    changed = attrs.evolve(dataset, published_summary=attrs.evolve(dataset.published_summary, groups=groups))
    outcome = reproduce(changed)
    assert not outcome.ok
    first = outcome.differences[0]
    assert (first.figure, first.group, first.published, first.computed) == (figure, "provincial", published, computed)


def test_the_overall_mean_is_checked_with_its_printed_precision(dataset: PublishedDataset) -> None:
    def overall(value: str) -> list[tuple[str, str]]:
        summary = attrs.evolve(dataset.published_summary, overall_mean=Decimal(value))
        outcome = reproduce(attrs.evolve(dataset, published_summary=summary))
        return [(c.published, c.computed) for c in outcome.differences]

    assert overall("62") == []
    assert overall("61.6") == []  # 61.5541... to one decimal
    assert overall("61.55") == []
    assert overall("61.5") == [("61.5", "61.6")]
    assert overall("63") == [("63", "62")]  # the pooled mean, 62.76..., is not the published convention


def test_the_office_is_not_assessed(dataset: PublishedDataset, web: PublishedDataset) -> None:
    for data in (dataset, web):
        (office,) = data.not_assessed
        assert (office.id, office.group) == ("van-phong-ubnd-tinh", "provincial")
        outcome = reproduce(data)
        (kept_out,) = outcome.result.not_assessed
        assert kept_out.agency.id == "van-phong-ubnd-tinh" and kept_out.rule == "exclude"
        assert kept_out.reason == "Văn phòng UBND tỉnh không đánh giá năm 2017"
        assert outcome.statistics.group("provincial").count == 18


def test_an_office_scored_after_all_is_a_difference(dataset: PublishedDataset) -> None:
    # The rubric without its exclude rule scores the Office (with the lowest score, so no other figure moves).
    plain = attrs.evolve(load_rubric("sonla-2017-it"), rules=())
    office = dataset.not_assessed[0]
    scores = {"infrastructure": "0", "internal_use": "0", "public_services": "0", "security": "0", "staff": "0"}
    scores["policy"] = "0"
    office_scored = Assessment(Agency(office.id, office.name, office.group), scores)
    result = score(plain, (*attrs.evolve(dataset, not_assessed=()).assessments(), office_scored))
    outcome = check_dataset(dataset, result, statistics(result))
    assert [(c.figure, c.agency, c.computed) for c in outcome.differences if c.agency] == [
        ("not_assessed", "van-phong-ubnd-tinh", "assessed")
    ]


def test_reproduce_refuses_a_share_of_an_unknown_band(dataset: PublishedDataset) -> None:
    groups = dict(dataset.published_summary.groups)
    groups["district"] = attrs.evolve(groups["district"], band_shares={"excellent": 10})
    changed = attrs.evolve(dataset, published_summary=attrs.evolve(dataset.published_summary, groups=groups))
    with pytest.raises(UnknownNameError) as caught:
        reproduce(changed)
    assert english(caught.value) == (
        "group 'district': a share is published for band 'excellent'; the bands of rubric 'sonla-2017-it' are "
        "good, fair, average, weak"
    )


def test_reproduce_refuses_a_leader_of_another_group(dataset: PublishedDataset) -> None:
    groups = dict(dataset.published_summary.groups)
    groups["district"] = attrs.evolve(groups["district"], leader="so-noi-vu")
    changed = attrs.evolve(dataset, published_summary=attrs.evolve(dataset.published_summary, groups=groups))
    with raises(UnknownNameError, match="the leader 'so-noi-vu' of group 'district' is not an agency"):
        reproduce(changed)


def test_a_dataset_listing_an_agency_twice_is_refused(dataset: PublishedDataset) -> None:
    office = dataset.not_assessed[0]
    with raises(InputError, match="agency 'so-noi-vu': the agency is listed twice in the dataset"):
        attrs.evolve(dataset, not_assessed=(attrs.evolve(office, id="so-noi-vu"),))


# --- property: a dataset written from a result reproduces exactly -----------------------

_RUBRIC = load_rubric("sonla-2017-it")
_MAXIMA = {group.id: {child.id: int(child.max_points) for child in group.tree.children} for group in _RUBRIC.groups}


@st.composite
def _cohorts(draw: st.DrawFn) -> list[Assessment]:
    out = []
    for group, maxima in _MAXIMA.items():
        for number in range(draw(st.integers(1, 6))):
            scores = {node: Decimal(draw(st.integers(0, top * 10))) / 10 for node, top in maxima.items()}
            out.append(Assessment(Agency(f"{group}-{number}", f"Cơ quan {group} {number}", group), scores))
    return out


def _dataset_of(assessments: list[Assessment]) -> PublishedDataset:
    result = score(_RUBRIC, assessments)
    stats = statistics(result)
    agencies = tuple(
        PublishedAgency(
            row.agency.id,
            row.agency.name,
            row.agency.group,
            next(a.scores for a in assessments if a.agency.id == row.agency.id),
            PublishedFigures(row.total, row.band_id, int(row.rank), {n: int(r) for n, r in row.node_ranks.items()}),
        )
        for row in result
    )
    groups = {
        g.group: PublishedGroup(g.count, g.mean, g.leaders[0].agency, g.leaders[0].total, g.band_shares)
        for g in stats.groups
    }
    return PublishedDataset(
        "generated", _RUBRIC.id, {}, agencies, published_summary=PublishedSummary(groups, stats.overall_mean)
    )


@given(_cohorts())
def test_a_dataset_written_from_its_own_result_reproduces_exactly(assessments: list[Assessment]) -> None:
    dataset = _dataset_of(assessments)
    outcome = reproduce(dataset)
    assert outcome.ok and outcome.matched == outcome.checked
    per_agency = sum(3 + len(a.published.ranks) for a in dataset.agencies)
    assert outcome.checked == per_agency + len(dataset.published_summary.groups) * (4 + 4) + 1


@given(_cohorts(), st.data())
def test_a_changed_total_is_always_found(assessments: list[Assessment], data: st.DataObject) -> None:
    dataset = _dataset_of(assessments)
    index = data.draw(st.integers(0, len(dataset.agencies) - 1))
    agency = dataset.agencies[index]
    wrong = attrs.evolve(agency, published=attrs.evolve(agency.published, total=agency.published.total + 1))
    outcome = reproduce(
        attrs.evolve(dataset, agencies=(*dataset.agencies[:index], wrong, *dataset.agencies[index + 1 :]))
    )
    assert not outcome.ok
    assert ("total", agency.id) in {(c.figure, c.agency) for c in outcome.differences}
