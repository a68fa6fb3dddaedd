"""Self-assessment against appraisal (đối chiếu)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import Agency, Assessment, Source, load_dataset, load_rubric, reconcile
from govindex.cli import main
from govindex.errors import InputError, UnknownNameError
from govindex.reconciliation import UnmatchedKind
from govindex.render import data, document, frame, html, render
from report_helpers import cohort, flat_rubric, tree_rubric


def self_assessments_2017() -> tuple[list[Assessment], list[Assessment]]:
    appraised = list(load_dataset("sonla-2017-it").assessments("provincial", not_assessed=False))
    mine = []
    for assessment in appraised:
        scores = dict(assessment.scores)
        if assessment.agency.id == "so-noi-vu":
            scores.update(
                {"infrastructure": Decimal("9.0"), "policy": Decimal("8.0"), "public_services": Decimal("24.0")}
            )
        if assessment.agency.id == "so-tu-phap":
            scores["public_services"] += Decimal("6.0")
        mine.append(attrs.evolve(assessment, scores=scores, source=Source.SELF))
    return mine, appraised


@pytest.fixture(scope="module")
def outcome_2017():
    mine, theirs = self_assessments_2017()
    return reconcile(load_rubric("sonla-2017-it"), mine, theirs)


def test_node_differences_largest_first_then_node_order(outcome_2017) -> None:
    item = outcome_2017.agency("so-noi-vu")
    assert [(d.node, d.self_score, d.appraised, d.difference) for d in item.differences] == [
        ("infrastructure", Decimal("9.0"), Decimal("7.0"), Decimal("-2.0")),
        ("policy", Decimal("8.0"), Decimal("6.0"), Decimal("-2.0")),
        ("public_services", Decimal("24.0"), Decimal("23.5"), Decimal("-0.5")),
    ]
    assert item.self_total == Decimal("81.7") and item.appraised_total == Decimal("77.2")
    assert item.total_difference == Decimal("-4.5")
    assert (item.self_rank, item.appraised_rank, item.places) == (2, 2, 0)
    assert not item.band_changed


def test_effect_on_band_and_rank(outcome_2017) -> None:
    item = outcome_2017.agency("so-tu-phap")
    assert item.self_total == Decimal("70.9") and item.appraised_total == Decimal("64.9")
    assert (item.self_band, item.appraised_band, item.band_changed) == ("fair", "average", True)
    # Among the self-assessments 70.9 ties Sở Công Thương at rank 9; the appraisal puts it 12th.
    assert (item.self_rank, item.appraised_rank, item.places) == (9, 12, -3)


def test_agencies_without_differences_are_still_listed(outcome_2017) -> None:
    assert len(outcome_2017.agencies) == 18
    assert [a.agency.id for a in outcome_2017.agencies][:2] == ["so-thong-tin-va-truyen-thong", "so-noi-vu"]
    first = outcome_2017.agency("so-thong-tin-va-truyen-thong")
    assert first.differences == () and first.total_difference == 0
    assert outcome_2017.unmatched == ()


def test_reconciliation_json_and_tables(outcome_2017) -> None:
    data = json.loads(render(outcome_2017, "json"))
    assert data["difference"] == "appraised - self"
    tu_phap = next(a for a in data["agencies"] if a["agency"] == "so-tu-phap")
    assert tu_phap == {
        "agency": "so-tu-phap",
        "name": "Sở Tư pháp",
        "group": "provincial",
        "self_total": "70.9",
        "appraised_total": "64.9",
        "total_difference": "-6.0",
        "self_band": "fair",
        "appraised_band": "average",
        "band_changed": True,
        "self_rank": 9,
        "appraised_rank": 12,
        "places": -3,
        "nodes": [{"node": "public_services", "self": "26.0", "appraised": "20.0", "difference": "-6.0"}],
    }
    assert [t.name for t in document(outcome_2017).tables] == ["agencies", "differences"]
    differences = document(outcome_2017).table("differences")
    assert [row[3] for row in differences.rows] == ["infrastructure", "policy", "public_services", "public_services"]
    assert frame(outcome_2017, "differences")["difference"].iloc[0] == Decimal("-2.0")
    assert "Sở Tư pháp" in html(outcome_2017)
    assert (
        "| provincial | Provincial departments | so-tu-phap | Sở Tư pháp | 70.9 | 64.9 | -6.0 | Fair | Average "
        "| 9 | 12 | -3 |"
    ) in render(outcome_2017, "markdown", lang="en")
    assert "| Sở, ban, ngành cấp tỉnh | Sở Tư pháp | 70,9 | 64,9 | -6,0 | Khá | Trung bình | 9 | 12 | -3 |" in (
        render(outcome_2017, "markdown")
    )


def test_agencies_in_one_file_only_are_reported() -> None:
    rubric = flat_rubric(1, groups=("provincial",))
    mine = cohort({"provincial": ["80.0", "75.0", "60.0"]}, Source.SELF)
    theirs = cohort({"provincial": ["78.0", "75.0"]})
    office = Agency("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "provincial")
    theirs.append(Assessment(office, {"total": "90.0"}))
    outcome = reconcile(rubric, mine, theirs)
    assert [a.agency.id for a in outcome.agencies] == ["provincial-01", "provincial-02"]
    assert [a.id for a in outcome.only_self] == ["provincial-03"]
    assert [a.id for a in outcome.only_appraised] == ["van-phong-ubnd-tinh"]
    assert [(item.agency.id, item.kind) for item in outcome.unmatched] == [
        ("provincial-03", UnmatchedKind.ONLY_SELF),
        ("van-phong-ubnd-tinh", UnmatchedKind.ONLY_APPRAISED),
    ]
    assert [t.name for t in document(outcome).tables] == ["agencies", "differences", "unmatched"]
    assert document(outcome).table("unmatched").column("status") == (
        "chỉ có trong tự đánh giá",
        "chỉ có trong kết quả thẩm định",
    )
    assert document(outcome, "en").table("unmatched").column("status")[1] == "only in the appraisal"
    assert data(outcome)["unmatched"][1] == {
        "agency": "van-phong-ubnd-tinh",
        "name": "Văn phòng UBND tỉnh",
        "group": "provincial",
        "status": "only_appraised",
        "reason": None,
    }
    # The office is ranked first among the appraisals; ranks are within each cohort.
    assert outcome.agency("provincial-01").appraised_rank == 2
    for agency, code, english, vietnamese in [
        ("provincial-03", "report-only-self", "the agency is in the self-assessment only", "chỉ có trong tự đánh giá"),
        ("van-phong-ubnd-tinh", "report-only-appraised", "the agency is in the appraisal only", "kết quả thẩm định"),
        ("so-x", "report-no-such-agency", "no such agency in either assessment", "trong cả hai kết quả"),
    ]:
        with pytest.raises(UnknownNameError) as caught:
            outcome.agency(agency)
        assert caught.value.code == code
        assert caught.value.describe("en") == f"agency '{agency}': {english}"
        assert vietnamese in caught.value.describe("vi")


def test_agencies_kept_out_by_a_rule_are_reported() -> None:
    from typing import ClassVar

    from govindex.rules import RuleContext, RuleOutcome

    class Exclude:
        name = "exclude_office"
        legal_basis = None
        params: ClassVar[dict[str, object]] = {}

        def apply(self, context: RuleContext) -> RuleOutcome:
            return RuleOutcome(excluded={"provincial-02": "not assessed this year"})

    rubric = flat_rubric(1, groups=("provincial",))
    outcome = reconcile(
        rubric,
        cohort({"provincial": ["80.0", "75.0"]}, Source.SELF),
        cohort({"provincial": ["78.0", "75.0"]}),
        rules=[Exclude()],
    )
    assert [(item.agency.id, item.kind, item.reason) for item in outcome.unmatched] == [
        ("provincial-02", UnmatchedKind.NOT_ASSESSED_SELF, "not assessed this year"),
        ("provincial-02", UnmatchedKind.NOT_ASSESSED_APPRAISED, "not assessed this year"),
    ]
    assert document(outcome, "en").table("unmatched").column("status") == (
        "not assessed in the self-assessment: not assessed this year",
        "not assessed in the appraisal: not assessed this year",
    )
    with pytest.raises(UnknownNameError) as caught:
        outcome.agency("provincial-02")
    assert caught.value.describe("en").endswith("not assessed in the self-assessment: not assessed this year")
    assert caught.value.describe("vi").endswith("không được đánh giá trong tự đánh giá: not assessed this year")


def test_a_node_scored_on_one_side_only() -> None:
    rubric = tree_rubric()
    agency = Agency("so-a", "Sở A", "provincial")
    mine = [Assessment(agency, {"a": "8", "b": "7"}, Source.SELF)]
    theirs = [Assessment(agency, {"a1": "4", "a2": "3", "b": "7"})]
    item = reconcile(rubric, mine, theirs).agency("so-a")
    assert [(d.node, d.self_score, d.appraised, d.difference) for d in item.differences] == [
        ("a", Decimal("8.0"), Decimal("7.0"), Decimal("-1.0")),
        ("a1", None, Decimal("4.0"), None),
        ("a2", None, Decimal("3.0"), None),
    ]


def test_refusals() -> None:
    rubric = flat_rubric(1)
    a = Agency("so-a", "Sở A", "provincial")
    moved = Agency("so-a", "Sở A", "district")
    with pytest.raises(InputError) as caught:
        reconcile(rubric, [Assessment(a, {"total": "70"})], [Assessment(moved, {"total": "70"})])
    assert caught.value.describe("en") == (
        "agency 'so-a': the self-assessment puts the agency in group 'provincial' and the appraisal in group 'district'"
    )
    assert caught.value.describe("vi") == (
        "cơ quan 'so-a': tự đánh giá xếp cơ quan vào nhóm 'provincial', kết quả thẩm định xếp vào nhóm 'district'"
    )
    with pytest.raises(InputError) as caught:
        reconcile(rubric, [Assessment(a, {"total": "70"}), Assessment(a, {"total": "71"})], [])
    assert caught.value.describe("en") == "agency 'so-a': the agency appears twice in the self-assessment"
    assert caught.value.describe("vi") == "cơ quan 'so-a': cơ quan xuất hiện hai lần trong tự đánh giá"
    with pytest.raises(InputError) as caught:
        reconcile(rubric, [], ["so-a"])  # type: ignore[list-item]
    assert caught.value.describe("en") == "expected an Assessment in the appraisal, got str"


# --- properties --------------------------------------------------------------------------

leaf = st.decimals(min_value=0, max_value=5, places=1, allow_nan=False, allow_infinity=False)
leaf_b = st.decimals(min_value=0, max_value=10, places=1, allow_nan=False, allow_infinity=False)
scores = st.fixed_dictionaries({"a1": leaf, "a2": leaf, "b": leaf_b})
cohorts = st.dictionaries(st.sampled_from([f"so-{n}" for n in range(6)]), scores, max_size=6)


@given(cohorts, cohorts)
def test_reconcile_properties(
    mine_scores: dict[str, dict[str, Decimal]], their_scores: dict[str, dict[str, Decimal]]
) -> None:
    rubric = tree_rubric()

    def build(data: dict[str, dict[str, Decimal]], source: Source) -> list[Assessment]:
        return [Assessment(Agency(i, f"Sở {i}", "provincial"), s, source) for i, s in data.items()]

    outcome = reconcile(rubric, build(mine_scores, Source.SELF), build(their_scores, Source.APPRAISED))
    # Every agency is accounted for exactly once.
    compared = [a.agency.id for a in outcome.agencies]
    assert sorted(compared + [a.id for a in outcome.only_self] + [a.id for a in outcome.only_appraised]) == sorted(
        mine_scores.keys() | their_scores.keys()
    )
    assert set(compared) == mine_scores.keys() & their_scores.keys()
    order = list(rubric.group("provincial").node_ids)
    for item in outcome.agencies:
        keys = [(-abs(d.difference), order.index(d.node)) for d in item.differences if d.difference is not None]
        assert keys == sorted(keys)
        assert all(d.difference != 0 for d in item.differences)
        leaves = {d.node: d.difference for d in item.differences if d.node in {"a1", "a2", "b"}}
        assert item.total_difference == sum((v for v in leaves.values() if v is not None), Decimal(0))
        assert item.total_difference == item.appraised_total - item.self_total
        assert item.places == item.self_rank - item.appraised_rank


# --- command line ---------------------------------------------------------------------------


def write_assessment(
    path: Path, source: str | None, totals: dict[str, str], rubric: str | None = "sonla-2017-web"
) -> Path:
    lines = []
    if rubric is not None:
        lines.append(f"rubric: {rubric}")
    if source is not None:
        lines.append(f"source: {source}")
    lines.append("agencies:")
    for agency_id, total in totals.items():
        lines += [f"  - id: {agency_id}", f"    name: {agency_id.replace('-', ' ').title()}", "    group: provincial"]
        lines.append(f"    scores: {{total: {total}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_reconcile_takes_the_rubric_from_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = write_assessment(tmp_path / "self.yaml", "self", {"so-noi-vu": "82", "so-y-te": "78", "so-moi": "70"})
    theirs = write_assessment(tmp_path / "appraised.yaml", "appraised", {"so-noi-vu": "76.5", "so-y-te": "79"})
    assert main(["reconcile", str(mine), str(theirs), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rubric"] == "sonla-2017-web"
    assert [(a["agency"], a["total_difference"], a["self_rank"], a["appraised_rank"]) for a in data["agencies"]] == [
        ("so-y-te", "1.0", 2, 1),
        ("so-noi-vu", "-5.5", 1, 2),
    ]
    assert data["unmatched"] == [
        {"agency": "so-moi", "name": "So Moi", "group": "provincial", "status": "only_self", "reason": None}
    ]


def test_cli_reconcile_csv_with_rubric(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    published = data_dir / "sonla-2017-it-provincial.csv"
    lines = published.read_text(encoding="utf-8").splitlines()
    lines = [
        line.replace("so-noi-vu,provincial,Sở Nội vụ,7.0,", "so-noi-vu,provincial,Sở Nội vụ,9.0,") for line in lines
    ]
    mine = tmp_path / "self.csv"
    mine.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (
        main(
            [
                "reconcile",
                str(mine),
                str(published),
                "--rubric",
                "sonla-2017-it",
                "--format",
                "csv",
                "--table",
                "differences",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out == (
        "group,agency,name,node,node_name,max_points,self,appraised,difference\n"
        "provincial,so-noi-vu,Sở Nội vụ,infrastructure,Hạ tầng kỹ thuật CNTT,10.0,9.0,7.0,-2.0\n"
    )


def test_cli_reconcile_refusals(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = write_assessment(tmp_path / "self.yaml", "self", {"so-a": "80"})
    theirs = write_assessment(tmp_path / "appraised.yaml", "appraised", {"so-a": "75"})
    assert main(["reconcile", str(theirs), str(mine), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"{theirs}: source: the file says source: appraised, but it is given as the self file" in err
    assert "are the files swapped?" in err

    csv_file = data_dir / "sonla-2017-it-provincial.csv"
    assert main(["reconcile", str(csv_file), str(csv_file)]) == 2
    assert capsys.readouterr().err == "govindex: lỗi: không tệp nào nêu bộ tiêu chí; hãy nêu --rubric BỘ-TIÊU-CHÍ\n"

    other = write_assessment(tmp_path / "other.yaml", "appraised", {"so-a": "75"}, rubric="sonla-2017-it")
    assert main(["reconcile", str(mine), str(other), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "the files are for different rubrics" in err and ": 'sonla-2017-it'" in err

    assert main(["reconcile", str(mine), str(theirs), "--rubric", "sonla-2017-it", "--lang", "en"]) == 2
    assert "the file is for rubric 'sonla-2017-web', not 'sonla-2017-it'" in capsys.readouterr().err
    assert main(["reconcile", str(mine), str(theirs), "--rubric", "sonla-2017-it"]) == 2
    assert "tệp dành cho bộ tiêu chí 'sonla-2017-web', không phải 'sonla-2017-it'" in capsys.readouterr().err


def test_cli_reconcile_without_source_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = write_assessment(tmp_path / "self.yaml", None, {"so-a": "80"})
    theirs = write_assessment(tmp_path / "appraised.yaml", None, {"so-a": "75"})
    assert main(["reconcile", str(mine), str(theirs), "--format", "markdown", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "| provincial | Provincial departments | so-a | So A | 80.0 | 75.0 | -5.0 | Good | Fair | 1 | 1 | 0 |" in out
