"""Decision 3247/QĐ-UBND (Sơn La, 20 Dec 2017), reproduced figure by figure.

The published tables are written out below as printed in the decision, so
that a wrong dataset file cannot make these tests pass: the bundled dataset
(rubrics/published/sonla-2017-it.yaml) must hold the same category scores,
and scoring them must give every total, band and rank of table 1 and every
rank of tables 1.1-1.6.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govindex import load_dataset, load_rubric, parse_points, reproduce, score
from govindex.errors import FileFormatError, UnknownNameError
from govindex.io.published import PublishedDataset

# Bảng 1: agency, total (as printed, decimal comma), band (the table's section), rank.
TABLE_1 = [
    ("so-thong-tin-va-truyen-thong", "83,8", "fair", 1),
    ("so-noi-vu", "77,2", "fair", 2),
    ("so-giao-duc-va-dao-tao", "75,8", "fair", 3),
    ("ban-dan-toc", "74,6", "fair", 4),
    ("so-ke-hoach-va-dau-tu", "73,4", "fair", 5),
    ("so-y-te", "72,8", "fair", 6),
    ("so-xay-dung", "72,5", "fair", 7),
    ("so-tai-chinh", "71,5", "fair", 8),
    ("so-giao-thong-van-tai", "71,5", "fair", 8),
    ("so-cong-thuong", "70,9", "fair", 9),
    ("so-tai-nguyen-va-moi-truong", "70,6", "fair", 10),
    ("thanh-tra-tinh", "70,2", "fair", 11),
    ("so-tu-phap", "64,9", "average", 12),
    ("so-van-hoa-the-thao-va-du-lich", "62,4", "average", 13),
    ("so-ngoai-vu", "57,4", "average", 14),
    ("so-khoa-hoc-va-cong-nghe", "54,3", "average", 15),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "51,7", "average", 16),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "41,3", "weak", 17),
]
# Bảng 1.1: agency, infrastructure score (as printed), rank.
TABLE_1_1 = [
    ("so-thong-tin-va-truyen-thong", "9,0", 1),
    ("so-tai-chinh", "9,0", 1),
    ("so-giao-thong-van-tai", "9,0", 1),
    ("so-van-hoa-the-thao-va-du-lich", "9,0", 1),
    ("so-giao-duc-va-dao-tao", "8,0", 2),
    ("so-khoa-hoc-va-cong-nghe", "8,0", 2),
    ("so-noi-vu", "7,0", 3),
    ("so-cong-thuong", "7,0", 3),
    ("so-xay-dung", "7,0", 3),
    ("so-y-te", "7,0", 3),
    ("so-tu-phap", "7,0", 3),
    ("so-tai-nguyen-va-moi-truong", "7,0", 3),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "7,0", 3),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "7,0", 3),
    ("thanh-tra-tinh", "6,7", 4),
    ("so-ke-hoach-va-dau-tu", "6,0", 5),
    ("so-ngoai-vu", "6,0", 5),
    ("ban-dan-toc", "4,0", 6),
]
# Bảng 1.2: agency, internal_use score (as printed), rank.
TABLE_1_2 = [
    ("so-thong-tin-va-truyen-thong", "24,8", 1),
    ("so-xay-dung", "24,4", 2),
    ("so-tu-phap", "22,6", 3),
    ("so-tai-nguyen-va-moi-truong", "22,5", 4),
    ("so-tai-chinh", "22,1", 5),
    ("so-giao-duc-va-dao-tao", "21,8", 6),
    ("so-noi-vu", "21,7", 7),
    ("so-cong-thuong", "20,4", 8),
    ("thanh-tra-tinh", "19,8", 9),
    ("ban-dan-toc", "19,8", 9),
    ("so-y-te", "18,5", 10),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "17,9", 11),
    ("so-giao-thong-van-tai", "17,4", 12),
    ("so-ke-hoach-va-dau-tu", "16,3", 13),
    ("so-khoa-hoc-va-cong-nghe", "16,3", 13),
    ("so-van-hoa-the-thao-va-du-lich", "15,7", 14),
    ("so-ngoai-vu", "15,0", 15),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "12,9", 16),
]
# Bảng 1.3: agency, public_services score (as printed), rank.
TABLE_1_3 = [
    ("so-ke-hoach-va-dau-tu", "30,5", 1),
    ("ban-dan-toc", "28,8", 2),
    ("thanh-tra-tinh", "25,7", 3),
    ("so-noi-vu", "23,5", 4),
    ("so-thong-tin-va-truyen-thong", "23,0", 5),
    ("so-giao-duc-va-dao-tao", "22,0", 6),
    ("so-tai-nguyen-va-moi-truong", "22,0", 6),
    ("so-tai-chinh", "21,4", 7),
    ("so-y-te", "21,3", 8),
    ("so-khoa-hoc-va-cong-nghe", "21,0", 9),
    ("so-xay-dung", "20,1", 10),
    ("so-tu-phap", "20,0", 11),
    ("so-cong-thuong", "19,0", 12),
    ("so-giao-thong-van-tai", "18,6", 13),
    ("so-van-hoa-the-thao-va-du-lich", "18,1", 14),
    ("so-ngoai-vu", "16,6", 15),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "10,8", 16),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "9,4", 17),
]
# Bảng 1.4: agency, security score (as printed), rank.
TABLE_1_4 = [
    ("so-noi-vu", "9,0", 1),
    ("so-thong-tin-va-truyen-thong", "8,0", 2),
    ("so-giao-duc-va-dao-tao", "8,0", 2),
    ("so-y-te", "8,0", 2),
    ("so-giao-thong-van-tai", "7,5", 3),
    ("ban-dan-toc", "7,0", 4),
    ("so-cong-thuong", "6,5", 5),
    ("so-tai-chinh", "6,0", 6),
    ("so-tu-phap", "5,5", 7),
    ("so-ngoai-vu", "5,2", 8),
    ("so-xay-dung", "4,8", 9),
    ("so-ke-hoach-va-dau-tu", "4,6", 10),
    ("so-van-hoa-the-thao-va-du-lich", "4,6", 10),
    ("thanh-tra-tinh", "4,0", 11),
    ("so-tai-nguyen-va-moi-truong", "3,1", 12),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "2,0", 13),
    ("so-khoa-hoc-va-cong-nghe", "2,0", 13),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "1,0", 14),
]
# Bảng 1.5: agency, staff score (as printed), rank.
TABLE_1_5 = [
    ("so-noi-vu", "10", 1),
    ("so-thong-tin-va-truyen-thong", "10", 1),
    ("so-giao-thong-van-tai", "10", 1),
    ("so-giao-duc-va-dao-tao", "10", 1),
    ("so-y-te", "10", 1),
    ("so-van-hoa-the-thao-va-du-lich", "10", 1),
    ("so-tai-nguyen-va-moi-truong", "9,0", 2),
    ("so-ke-hoach-va-dau-tu", "8,0", 3),
    ("so-tai-chinh", "8,0", 3),
    ("so-cong-thuong", "8,0", 3),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "8,0", 3),
    ("ban-dan-toc", "8,0", 3),
    ("so-ngoai-vu", "7,6", 4),
    ("so-xay-dung", "7,2", 5),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "7,0", 6),
    ("thanh-tra-tinh", "6,0", 7),
    ("so-tu-phap", "5,8", 8),
    ("so-khoa-hoc-va-cong-nghe", "5,0", 9),
]
# Bảng 1.6: agency, policy score (as printed), rank.
TABLE_1_6 = [
    ("so-cong-thuong", "10", 1),
    ("so-giao-thong-van-tai", "9,0", 2),
    ("so-thong-tin-va-truyen-thong", "9,0", 2),
    ("so-xay-dung", "9,0", 2),
    ("so-ke-hoach-va-dau-tu", "8,0", 3),
    ("so-y-te", "8,0", 3),
    ("thanh-tra-tinh", "8,0", 3),
    ("so-tai-nguyen-va-moi-truong", "7,0", 4),
    ("ban-dan-toc", "7,0", 4),
    ("so-ngoai-vu", "7,0", 4),
    ("so-giao-duc-va-dao-tao", "6,0", 5),
    ("so-noi-vu", "6,0", 5),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "6,0", 5),
    ("so-tai-chinh", "5,0", 6),
    ("so-van-hoa-the-thao-va-du-lich", "5,0", 6),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "4,0", 7),
    ("so-tu-phap", "4,0", 7),
    ("so-khoa-hoc-va-cong-nghe", "2,0", 8),
]

CATEGORY_TABLES = {
    "infrastructure": TABLE_1_1,
    "internal_use": TABLE_1_2,
    "public_services": TABLE_1_3,
    "security": TABLE_1_4,
    "staff": TABLE_1_5,
    "policy": TABLE_1_6,
}


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
