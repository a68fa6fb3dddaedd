"""Small in-memory rubrics and cohorts for the statistics, report, reconcile and chart tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

from govindex import Agency, Assessment, Group, Node, Rubric, Source, score
from govindex.bands import standard_bands
from govindex.results import Result
from govindex.rubric import LegalBasis

BASIS = LegalBasis("1/QĐ-UBND", dt.date(2024, 12, 20), "UBND tỉnh thử nghiệm")


def flat_rubric(decimals: int = 2, *, bands: bool = True, groups: Iterable[str] = ("provincial", "district")) -> Rubric:
    """Two groups whose tree is a single scored total out of 100."""
    names = {"provincial": "Sở, ban, ngành", "district": "UBND huyện, thành phố"}
    return Rubric(
        id="test-flat",
        title="Bộ chỉ số thử nghiệm",
        year=2024,
        legal_basis=BASIS,
        groups=tuple(Group(g, names.get(g, g), Node("total", "Tổng điểm", Decimal(100))) for g in groups),
        bands=standard_bands(85, 70, 50) if bands else None,
        decimals=decimals,
    )


def tree_rubric() -> Rubric:
    """One group with a two-level tree: a (a1 5, a2 5), b 10; total 20."""
    tree = Node(
        "total",
        "Tổng điểm",
        Decimal(20),
        (
            Node("a", "Hạ tầng", Decimal(10), (Node("a1", "Máy tính", Decimal(5)), Node("a2", "Mạng LAN", Decimal(5)))),
            Node("b", "Dịch vụ công trực tuyến", Decimal(10)),
        ),
    )
    return Rubric(
        id="test-tree",
        title="Bộ chỉ số hai cấp",
        year=2024,
        legal_basis=BASIS,
        groups=(Group("provincial", "Sở, ban, ngành", tree),),
        bands=standard_bands(17, 14, 10),
        decimals=1,
    )


def cohort(totals: Mapping[str, Iterable[str | Decimal]], source: Source = Source.APPRAISED) -> list[Assessment]:
    """Assessments giving each agency only its total, agencies named ``<group>-<n>``."""
    out = []
    for group, values in totals.items():
        for number, value in enumerate(values, start=1):
            agency = Agency(f"{group}-{number:02d}", f"Cơ quan {group} {number}", group)
            out.append(Assessment(agency, {"total": value}, source))
    return out


def scored(totals: Mapping[str, Iterable[str | Decimal]], decimals: int = 2, *, bands: bool = True) -> Result:
    rubric = flat_rubric(decimals, bands=bands, groups=tuple(totals))
    return score(rubric, cohort(totals))
