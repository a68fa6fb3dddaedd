"""The bundled 2022-2024 rubrics: their trees, rules and legal bases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govindex import Agency, Assessment, bind, list_rubrics, load_rubric, score
from govindex.ranking import TiePolicy


@pytest.mark.parametrize("rubric_id", ["sonla-2024-dti", "vn-dti-2022-province", "vn-par-2022-egov"])
def test_bundled_and_rules_resolve(rubric_id: str) -> None:
    assert rubric_id in list_rubrics()
    rubric = load_rubric(rubric_id)
    rules = bind(rubric).rules
    assert [rule.name for rule in rules] == [ref.name for ref in rubric.rules]
    for rule, ref in zip(rules, rubric.rules, strict=True):
        assert rule.legal_basis == ref.legal_basis is not None
    assert rubric.notes


def test_sonla_2024() -> None:
    rubric = load_rubric("sonla-2024-dti")
    assert rubric.group_ids == ("provincial", "district")
    assert rubric.decimals == 2 and rubric.tie_policy is TiePolicy.DENSE
    assert rubric.bands is not None and [b.lower for b in rubric.bands.bands] == [85, 70, 50, 0]
    assert [ref.name for ref in rubric.rules] == [
        "best_in_cohort",
        "proportional_imputation",
        "full_marks_if_not_applicable",
    ]
    assert all(group.tree.max_points == 100 and group.tree.is_leaf for group in rubric.groups)
    assert rubric.legal_basis.decision == "1287/QĐ-UBND" and rubric.legal_basis.year == 2024
    # seed 001: the two leaders of each group
    published = {
        ("so-thong-tin-va-truyen-thong", "provincial"): "91.48",
        ("so-giao-thong-van-tai", "provincial"): "89.94",
        ("thanh-pho-son-la", "district"): "89.77",
        ("huyen-phu-yen", "district"): "84.13",
    }
    cohort = [Assessment(Agency(i, i, g), {"total": t}) for (i, g), t in published.items()]
    result = score(rubric, cohort)
    assert [(r.agency.id, r.rank, r.band_id) for r in result.rows] == [
        ("so-thong-tin-va-truyen-thong", 1, "good"),
        ("so-giao-thong-van-tai", 2, "good"),
        ("thanh-pho-son-la", 1, "good"),
        ("huyen-phu-yen", 2, "fair"),
    ]
    assert result.adjustments == ()


def test_national_dti() -> None:
    rubric = load_rubric("vn-dti-2022-province")
    tree = rubric.tree("province")
    assert tree.max_points == 1000 and [(c.name, c.max_points) for c in tree.children] == [
        ("Nhóm chỉ số nền tảng chung", 500),
        ("Nhóm chỉ số hoạt động", 500),
    ]
    indices = [node for group in tree.children for node in group.children]
    assert {node.name: node.max_points for node in indices} == {
        "Nhận thức số": 100,
        "Thể chế số": 100,
        "Hạ tầng số": 100,
        "Nhân lực số": 100,
        "An toàn thông tin mạng": 100,
        "Đô thị thông minh": 0,
        "Hoạt động chính quyền số": 200,
        "Hoạt động kinh tế số": 150,
        "Hoạt động xã hội số": 150,
    }
    # the component counts of Decision 922/QĐ-BTTTT, 98 in all, are stated in the notes
    counts = [int(node.notes.split()[0]) for node in indices if node.notes]
    assert counts == [10, 11, 7, 13, 12, 3, 22, 12, 8] and sum(counts) == 98
    assert rubric.tie_policy is TiePolicy.COMPETITION
    assert rubric.bands is None and rubric.group_ids == ("province",)
    scores = {
        "digital_awareness": "40.5",
        "digital_institutions": 30,
        "digital_infrastructure": "50.2",
        "digital_human_resources": 20,
        "cyber_security": "60.1",
        "smart_city": 0,
        "digital_government": "35.5",
        "digital_economy": 15,
        "digital_society": 10,
    }
    result = score(rubric, [Assessment(Agency("son-la", "Sơn La", "province"), scores)])
    assert result.agency("son-la").total == Decimal("261.3")
    assert result.agency("son-la").normalised == Decimal("0.2613")


def test_par_index_component() -> None:
    rubric = load_rubric("vn-par-2022-egov")
    tree = rubric.tree("province")
    assert tree.max_points == Decimal("13.5") and rubric.decimals == 4
    assert len(tree.components) == 9
    assert rubric.bands is None
