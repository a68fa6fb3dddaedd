"""The national and Sơn La DTI rubrics as the public sources give them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from govindex import Agency, Assessment, list_rubrics, load_rubric, score
from govindex.ranking import TiePolicy


def test_the_ministry_dti() -> None:
    rubric = load_rubric("vn-dti-2022-ministry")
    assert rubric.tie_policy is TiePolicy.COMPETITION and rubric.bands is None
    assert rubric.group_ids == ("with_public_services", "without_public_services")
    tree = rubric.tree("with_public_services")
    assert tree.max_points == 1000
    indices = [node for group in tree.children for node in group.children]
    assert [(node.name, node.max_points) for node in indices] == [
        ("Nhận thức số", 100),
        ("Thể chế số", 100),
        ("Hạ tầng số", 100),
        ("Nhân lực số", 100),
        ("An toàn thông tin mạng", 100),
        ("Hoạt động chuyển đổi số", 500),
    ]
    counts = [int(node.notes.split()[0]) for node in indices if node.notes]
    assert counts == [5, 11, 4, 5, 16, 29] and sum(counts) == 70
    assert rubric.publication is not None and rubric.publication.decimals == 4
    # ministries are ranked within their group, by competition
    with_services = [
        Assessment(Agency(f"m{i}", f"Bộ {i}", "with_public_services"), {"foundation": p, "activities": "250"})
        for i, p in enumerate(["400", "350", "350", "300"])
    ]
    without = [Assessment(Agency("x", "Bộ X", "without_public_services"), {"foundation": "100", "activities": "100"})]
    result = score(rubric, [*with_services, *without])
    assert [row.rank for row in result.group("with_public_services")] == [1, 2, 2, 4]
    assert result.agency("x").rank == 1 and result.agency("x").normalised == Decimal("0.2000")
    # every index value of 4 decimals fits the rubric's points exactly
    values = dict.fromkeys(
        ["digital_awareness", "digital_institutions", "digital_infrastructure", "digital_human_resources"], "0.1234"
    )
    values |= {"cyber_security": "0.0001", "digital_transformation": "0.9999"}
    row = score(rubric, [Assessment(Agency("m", "M", "without_public_services"), values)], values="index").rows[0]
    assert row.total == Decimal("49.36") + Decimal("0.01") + Decimal("499.95")


def test_son_la_2024_and_2023() -> None:
    current = load_rubric("sonla-2024-dti")
    assert current.legal_basis.decision == "1287/QĐ-UBND" and current.legal_basis.year == 2024
    assert current.legal_basis.date is None and current.tree("provincial").max_points == 100
    assert {ref.legal_basis.decision for ref in current.rules if ref.legal_basis} == {"1287/QĐ-UBND"}
    earlier = load_rubric("sonla-2023-dti")
    assert earlier.legal_basis.decision == "545/QĐ-UBND" and earlier.legal_basis.date == dt.date(2023, 4, 13)
    assert earlier.results_basis is not None and earlier.results_basis.decision == "2923/QĐ-UBND"
    assert earlier.results_basis.date == dt.date(2023, 12, 31)
    assert earlier.tree("provincial").max_points == 1000 and earlier.bands is None
    assert earlier.tie_policy is TiePolicy.DENSE and "659.1/1000" in (earlier.notes or "")


def test_all_bundled_rubrics_are_listed() -> None:
    assert {"vn-dti-2022-ministry", "sonla-2023-dti"} <= set(list_rubrics())
