"""Decision 3247/QĐ-UBND (Sơn La, 20 Dec 2017), reproduced figure by figure.

The published tables are written out as printed in the decision (in
published_2017_tables.py), so that a wrong dataset file cannot make these
tests pass: the bundled dataset (rubrics/published/sonla-2017-it.yaml) must
hold the same category scores, and scoring them must give every total, band
and rank of table 1 and every rank of tables 1.1-1.6.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govindex import load_dataset, load_rubric, parse_points, reproduce, score
from govindex.errors import FileFormatError, UnknownNameError
from govindex.io.published import PublishedDataset
from published_2017_tables import CATEGORY_TABLES, TABLE_1


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
    assert [agency.id for agency in dataset.agencies] == [row[0] for row in TABLE_1]
    assert {agency.group for agency in dataset.agencies} == {"provincial"}
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
    computed = {row.agency.id: (result.format(row.total).replace(".", ","), row.band_id, row.rank) for row in result}
    assert computed == {agency: (total, band, rank) for agency, total, band, rank in TABLE_1}
    # The rows come in the order of table 1, except that tied agencies are ordered by id.
    assert [row.rank for row in result] == [rank for *_, rank in TABLE_1]


@pytest.mark.parametrize("node", list(CATEGORY_TABLES))
def test_every_rank_of_tables_1_1_to_1_6(dataset: PublishedDataset, node: str) -> None:
    result = score(load_rubric("sonla-2017-it"), dataset.assessments())
    for agency, value, rank in CATEGORY_TABLES[node]:
        row = result.agency(agency)
        assert row.scores[node] == parse_points(value)
        assert row.node_ranks[node] == rank, (agency, node)


def test_the_tie_in_table_1(dataset: PublishedDataset) -> None:
    result = score(load_rubric("sonla-2017-it"), dataset.assessments())
    tie = [result.agency(a) for a in ("so-tai-chinh", "so-giao-thong-van-tai", "so-cong-thuong")]
    assert [(str(row.total), row.rank) for row in tie] == [("71.5", 8), ("71.5", 8), ("70.9", 9)]


def test_the_published_summary(dataset: PublishedDataset) -> None:
    result = score(load_rubric("sonla-2017-it"), dataset.assessments())
    totals = [row.total for row in result]
    # "Điểm trung bình ... là: 68/100 điểm"; Sở Thông tin và Truyền thông leads with 83,8.
    assert round(sum(totals) / len(totals)) == 68
    assert result.rows[0].agency.id == "so-thong-tin-va-truyen-thong" and str(result.rows[0].total) == "83.8"
    # Mức khá 67 %, trung bình 28 %, yếu 5 %: 12, 5 and 1 of 18.
    counts = {band: sum(1 for row in result if row.band_id == band) for band in ("good", "fair", "average", "weak")}
    assert counts == {"good": 0, "fair": 12, "average": 5, "weak": 1}
    assert dataset.published_summary["provincial"]["band_shares"] == {"fair": 67, "average": 28, "weak": 5}


def test_reproduce_finds_no_difference(dataset: PublishedDataset) -> None:
    outcome = reproduce(dataset)
    assert outcome.ok
    assert outcome.differences == ()
    assert outcome.checked == 18 * 3 + 18 * 6


def test_reproduce_reports_a_changed_figure(dataset: PublishedDataset) -> None:
    first = dataset.agencies[0]
    wrong = attrs.evolve(first, published=attrs.evolve(first.published, total=Decimal("83.9"), rank=2))
    outcome = reproduce(attrs.evolve(dataset, agencies=(wrong, *dataset.agencies[1:])))
    assert not outcome.ok
    assert [(d.agency, d.what, d.published, d.computed) for d in outcome.differences] == [
        ("so-thong-tin-va-truyen-thong", "total", "83.9", "83.8"),
        ("so-thong-tin-va-truyen-thong", "rank", "2", "1"),
    ]


def test_reproduce_refuses_a_rank_on_an_unknown_node(dataset: PublishedDataset) -> None:
    first = dataset.agencies[0]
    wrong = attrs.evolve(first, published=attrs.evolve(first.published, ranks={"commune": 1}))
    with pytest.raises(UnknownNameError) as caught:
        reproduce(attrs.evolve(dataset, agencies=(wrong, *dataset.agencies[1:])))
    assert str(caught.value) == (
        "agency 'so-thong-tin-va-truyen-thong', node 'commune': a rank is published for node 'commune', "
        "which group 'provincial' of rubric 'sonla-2017-it' does not have"
    )


def test_reproduce_refuses_an_unknown_band(dataset: PublishedDataset) -> None:
    first = dataset.agencies[0]
    wrong = attrs.evolve(first, published=attrs.evolve(first.published, band="excellent"))
    with pytest.raises(UnknownNameError, match="agency 'so-thong-tin-va-truyen-thong': unknown band 'excellent'"):
        reproduce(attrs.evolve(dataset, agencies=(wrong, *dataset.agencies[1:])))


def test_unknown_and_unreadable_datasets() -> None:
    with pytest.raises(UnknownNameError) as caught:
        load_dataset("sonla-2018-it")
    assert caught.value.message == "unknown dataset 'sonla-2018-it'; the bundled datasets are sonla-2017-it"
    with pytest.raises(FileFormatError, match="cannot read the dataset"):
        load_dataset("no/such/file.yaml")
