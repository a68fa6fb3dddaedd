"""Explanations: how a number came to be, in English and Vietnamese, in Python and on the command line."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from errorcheck import raises
from govindex import Agency, Assessment, Group, load_rubric, score
from govindex.cli import main
from govindex.errors import UnknownNameError
from govindex.io.rubrics import dump_rubric
from govindex.render import explain
from govindex.rubric import RuleRef
from strategies import example_tree

SCORES = {
    "so-thong-tin-va-truyen-thong": {
        "awareness": 14,
        "internal": 38,
        "units": 18,
        "dvc_rate": 5,
        "dvc_records": "4.5",
        "security": 14,
    },
    "so-noi-vu": {"awareness": 13, "internal": 35, "units": "16.5", "dvc_rate": 4, "dvc_records": 4, "security": 12},
    "so-ngoai-vu": {"awareness": 12, "internal": "27.5", "units": 0, "dvc_rate": 0, "dvc_records": 0, "security": 13},
}


def _rubric() -> object:
    """sonla-2024-dti with a tree of tagged sub-criteria (as a province with the full decision writes it)."""
    base = load_rubric("sonla-2024-dti")
    rules = tuple(
        attrs.evolve(ref, params={**ref.params, "within": "operations"})
        if ref.name == "proportional_imputation"
        else ref
        for ref in base.rules
    )
    groups = tuple(Group(g.id, g.name, example_tree(), g.name_en) for g in base.groups)
    return attrs.evolve(base, groups=groups, rules=rules)


def _cohort() -> list[Assessment]:
    flags = {"so-ngoai-vu": {"has_subordinate_units": False, "has_online_services": False}}
    return [
        Assessment(Agency(agency_id, agency_id, "provincial", **flags.get(agency_id, {})), scores)  # type: ignore[arg-type]
        for agency_id, scores in SCORES.items()
    ]


def test_an_imputed_online_service_score_shows_its_formula() -> None:
    result = score(_rubric(), _cohort())  # type: ignore[arg-type]
    text = explain(result, "so-ngoai-vu", "dvc_rate", lang="en")
    assert text.splitlines() == [
        "so-ngoai-vu (so-ngoai-vu), group provincial",
        "dvc_rate: dvc_rate, maximum 5",
        "  given: 0.00",
        "  rule proportional_imputation: 0.00 → 3.79",
        "    why: the agency has no online public services (has_online_services: false): (points earned on the "
        "untagged sub-criteria of operations / their maximum) × this sub-criterion's maximum; untagged: internal, units",
        "    formula: 45.5 / 60 × 5 = 3.791666… → 3.79 (ROUND_HALF_UP)",
        "    inputs: score of internal = 27.5, score of units = 18, earned = 45.5, maximum = 60, max_points = 5",
        "    legal basis: Decision 1287/QĐ-UBND of 2024 (UBND tỉnh Sơn La), Bộ chỉ số đánh giá chuyển đổi số "
        "của các cơ quan nhà nước tỉnh Sơn La, quy định đối với cơ quan, đơn vị không có dịch vụ công trực tuyến",
        "  score: 3.79",
        "  rank: 3 in group provincial",
    ]


def test_vietnamese_explanation() -> None:
    result = score(_rubric(), _cohort())  # type: ignore[arg-type]
    # Issue 10: publishable Vietnamese, with names, decimal commas and Vietnamese formula words.
    text = explain(result, "so-ngoai-vu", "dvc_rate", lang="vi")
    assert "điều chỉnh theo quy tắc “tính điểm theo tỷ lệ điểm đạt được”: 0,00 → 3,79" in text
    assert (
        "cách tính: (tổng điểm đạt được 45,5 / tổng điểm tối đa 60) × điểm tối đa 5 = 3,791666… ≈ 3,79 "
        "(làm tròn đến 2 chữ số thập phân)"
    ) in text
    assert "căn cứ: Quyết định số 1287/QĐ-UBND năm 2024 của UBND tỉnh Sơn La" in text
    assert "lý do: cơ quan, đơn vị không có dịch vụ công trực tuyến (DVCTT)" in text
    assert "ROUND_HALF_UP" not in text and "proportional_imputation" not in text and "3.79" not in text


def test_the_total_shows_the_sum_the_rules_below_the_band_and_the_rank() -> None:
    result = score(_rubric(), _cohort())  # type: ignore[arg-type]
    text = explain(result, "so-ngoai-vu", lang="en")
    assert "  sum of its 3 children: awareness 12.00 + operations 53.08 + security 13.00 = 78.08" in text
    assert "    units: 0.00 → 18.00 (best_in_cohort)" in text
    assert "    dvc_rate: 0.00 → 3.79 (proportional_imputation)" in text
    assert "  band: Fair (Khá), [70, 85)" in text
    assert "  rank: 3 in group provincial" in text
    units = explain(result, "so-ngoai-vu", "units", lang="en")
    assert "formula: max(so-noi-vu 16.5, so-thong-tin-va-truyen-thong 18) = 18 (so-thong-tin-va-truyen-thong)" in units
    vi = explain(result, "so-ngoai-vu", lang="vi")
    assert "xếp loại: Khá (từ 70 điểm đến dưới 85 điểm)" in vi


def test_a_criterion_given_as_a_whole() -> None:
    rubric = attrs.evolve(_rubric(), rules=())  # type: ignore[misc]
    scores = {"awareness": 12, "operations": 50, "security": 13}
    result = score(rubric, [Assessment(Agency("a", "A", "provincial"), scores)])
    assert "given as a whole: 50.00" in explain(result, "a", "operations", lang="en")
    assert "no score of its own: operations was given as a whole" in explain(result, "a", "units", lang="en")


def test_refusals() -> None:
    result = score(_rubric(), _cohort())  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError) as caught:
        explain(result, "so-ngoai-vu", lang="fr")
    assert caught.value.describe("en") == "unknown language 'fr'; use one of vi, en"
    with raises(UnknownNameError, match=r"unknown node 'dvc' in group 'provincial'"):
        explain(result, "so-ngoai-vu", "dvc", lang="en")
    with raises(UnknownNameError, match=r"agency 'so-y-te': no result for this agency; did you mean 'so-noi-vu'\?"):
        explain(result, "so-y-te", lang="en")


def test_excluded_agency_is_explained_as_not_assessed() -> None:
    rubric = attrs.evolve(
        _rubric(), rules=(RuleRef("exclude", {"agencies": ["so-noi-vu"], "reason": "không đánh giá năm nay"}),)
    )  # type: ignore[misc]
    result = score(rubric, _cohort())
    assert explain(result, "so-noi-vu", lang="en") == (
        "so-noi-vu (so-noi-vu), group provincial: not assessed: không đánh giá năm nay (rule exclude)"
    )


def _write_files(tmp_path: Path) -> tuple[Path, Path]:
    rubric_file = tmp_path / "sonla-2024-full.yaml"
    rubric_file.write_text(dump_rubric(_rubric()), encoding="utf-8")  # type: ignore[arg-type]
    nodes = list(SCORES["so-noi-vu"])
    lines = [",".join(["agency", "group", "has_subordinate_units", "has_online_services", *nodes])]
    for agency_id, scores in SCORES.items():
        flag = "false" if agency_id == "so-ngoai-vu" else ""
        lines.append(",".join([agency_id, "provincial", flag, flag, *(str(scores[n]) for n in nodes)]))
    scores_file = tmp_path / "scores.csv"
    scores_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rubric_file, scores_file


def test_command_line_explains_an_imputed_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric_file, scores_file = _write_files(tmp_path)
    assert main(["explain", str(rubric_file), str(scores_file), "so-ngoai-vu", "dvc_records", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "    formula: 45.5 / 60 × 5 = 3.791666… → 3.79 (ROUND_HALF_UP)\n" in out
    # Vietnamese is the default on the command line (issue 10).
    assert main(["explain", str(rubric_file), str(scores_file), "so-ngoai-vu"]) == 0
    out = capsys.readouterr().out
    assert "xếp loại: Khá (từ 70 điểm đến dưới 85 điểm)" in out


def test_command_line_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric_file, scores_file = _write_files(tmp_path)
    assert main(["explain", str(rubric_file), str(scores_file), "so-y-te"]) == 2
    assert (
        capsys.readouterr().err
        == "govindex: lỗi: không có cơ quan nào có mã hoặc tên 'so-y-te'\n"
    )


def test_explain_is_vietnamese_by_default_and_writes_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric_file, scores_file = _write_files(tmp_path)
    assert main(["explain", str(rubric_file), str(scores_file), "so-ngoai-vu"]) == 0
    text = capsys.readouterr().out
    assert "xếp loại: Khá" in text
    page = tmp_path / "explain.html"
    assert main(["explain", str(rubric_file), str(scores_file), "so-ngoai-vu", "--output", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "xếp loại: Khá" in html
    assert main(["explain", str(rubric_file), str(scores_file), "so-ngoai-vu", "--format", "json", "--lang", "en"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["agency"] == "so-ngoai-vu" and any("band" in line for line in data["lines"])
    assert main(["explain", str(rubric_file), str(scores_file), "so-ngoai-vu", "--format", "docx"]) == 2
    assert "docx là định dạng nhị phân: cần ghi ra tệp (--output TỆP.docx)" in capsys.readouterr().err


# --- publishable Vietnamese on the published 2017 results (issue 10) ---------------------


def _ids_2017() -> set[str]:
    from govindex import load_dataset

    rubric = load_rubric("sonla-2017-it")
    ids = {node.id for group in rubric.groups for node in group.tree.walk()} | set(rubric.group_ids)
    dataset = load_dataset("sonla-2017-it")
    ids |= {a.id for a in dataset.agencies} | {a.id for a in dataset.not_assessed}
    return ids | {"exclude", "ROUND_HALF_UP", "[", "∞"}


@pytest.mark.parametrize(
    ("agency", "node"),
    [
        ("huyen-song-ma", None),
        ("huyen-yen-chau", None),
        ("huyen-thuan-chau", None),
        ("so-thong-tin-va-truyen-thong", None),
        ("so-thong-tin-va-truyen-thong", "security"),
        ("huyen-sop-cop", "commune"),
        ("van-phong-ubnd-tinh", None),
    ],
)
def test_the_vietnamese_explanation_has_no_id_and_decimal_commas(
    capsys: pytest.CaptureFixture[str], agency: str, node: str | None
) -> None:
    args = ["explain", "sonla-2017-it", "sonla-2017-it", agency] + ([node] if node else [])
    assert main(args) == 0
    out = capsys.readouterr().out
    for word in _ids_2017():
        assert word not in out.replace("Văn phòng UBND tỉnh", ""), word
    assert re.search(r"\d\.\d", out) is None
    assert "_" not in out


def test_the_vietnamese_explanation_of_a_district_on_the_band_boundary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "sonla-2017-it", "sonla-2017-it", "huyen-song-ma"]) == 0
    assert capsys.readouterr().out == (
        "UBND huyện Sông Mã, nhóm UBND huyện, thành phố\n"
        "Tổng điểm, điểm tối đa 100\n"
        "  tổng điểm của 7 tiêu chí: Hạ tầng kỹ thuật CNTT 2,0 + Ứng dụng CNTT trong hoạt động nội bộ cơ quan 19,5 + "
        "Ứng dụng CNTT phục vụ người dân và doanh nghiệp 17,5 + Ứng dụng CNTT tại cấp xã, phường, thị trấn 9,0 + "
        "Công tác đảm bảo an toàn thông tin 4,0 + Nhân lực CNTT 10,0 + Môi trường tổ chức và chính sách 8,0 = 70,0\n"
        "  điểm: 70,0\n"
        "  xếp loại: Khá (từ 70 điểm đến dưới 85 điểm)\n"
        "  xếp hạng: 1 trong nhóm UBND huyện, thành phố\n"
    )
    assert main(["explain", "sonla-2017-it", "sonla-2017-it", "huyen-yen-chau"]) == 0
    assert "  xếp loại: Trung bình (từ 50 điểm đến dưới 70 điểm)\n" in capsys.readouterr().out
    assert main(["explain", "sonla-2017-it", "sonla-2017-it", "huyen-mai-son"]) == 0
    assert "  xếp loại: Yếu (dưới 50 điểm)\n" in capsys.readouterr().out
    assert main(["explain", "sonla-2017-web", "sonla-2017-web", "so-noi-vu"]) == 0
    assert "  xếp loại: Tốt (từ 80 điểm trở lên)\n" in capsys.readouterr().out


def test_the_office_is_explained_as_not_assessed_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "sonla-2017-web", "sonla-2017-web", "van-phong-ubnd-tinh"]) == 0
    assert capsys.readouterr().out == (
        "Văn phòng UBND tỉnh, nhóm Sở, ban, ngành cấp tỉnh: không đánh giá: Văn phòng UBND tỉnh không đánh giá "
        "năm 2017 (quy tắc “không đánh giá”)\n"
        "  căn cứ: Quyết định số 3247/QĐ-UBND ngày 20/12/2017 của Chủ tịch UBND tỉnh Sơn La, 18/18 cơ quan chuyên "
        "môn thuộc UBND tỉnh (trừ Văn phòng UBND tỉnh)\n"
    )
    assert main(["explain", "sonla-2017-web", "sonla-2017-web", "van-phong-ubnd-tinh", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith(
        "Văn phòng UBND tỉnh (van-phong-ubnd-tinh), group provincial: not assessed:"
    )


def test_english_keeps_decimal_points(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "sonla-2017-it", "sonla-2017-it", "so-tai-chinh", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "  sum of its 6 children: infrastructure 9.0 + internal_use 22.1 + public_services 21.4" in out
    assert "  band: Fair (Khá), [70, 85)\n  rank: 8 in group provincial\n" in out
    assert "," not in out.split("\n", 2)[2].replace(", ", "")


def test_the_explanation_is_data_then_words() -> None:
    from govindex import load_dataset
    from govindex.explanation import Banded, explanation
    from govindex.render.explanations import explanation_lines

    result = score(load_rubric("sonla-2017-it"), load_dataset("sonla-2017-it").assessments())
    value = explanation(result, "huyen-song-ma")
    assert [step.kind for step in value.steps] == ["sum", "score", "band", "rank"]
    band = value.steps[2]
    assert isinstance(band, Banded) and band.band.id == "fair"
    assert "\n".join(explanation_lines(value, "vi")) == explain(result, "huyen-song-ma")
    assert "\n".join(explanation_lines(value, "en")) == explain(result, "huyen-song-ma", lang="en")
    with pytest.raises(UnknownNameError) as caught:
        explanation_lines(value, "fr")
    assert caught.value.code == "unknown-language"
