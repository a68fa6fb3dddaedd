"""``govindex score … --values index``: values printed on the published scale, read back exactly."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from filekit import raises_en
from govindex import load_rubric
from govindex.cli import main
from govindex.errors import InputError
from govindex.io.assessments import parse_assessment_file
from govindex.io.cohort import read_assessments
from govindex.io.csvio import parse_scores_csv

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dti-index-values.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_example_scores_with_competition_ties_and_pillars(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys, "score", "vn-dti-2022-province", str(EXAMPLE), "--values", "index", "--format", "json"
    )
    assert (status, err) == (0, "")
    rows = {row["agency"]: row for row in json.loads(out)["results"]}
    assert [rows[a]["rank"] for a in ("tinh-a", "tinh-b", "tinh-c", "tinh-d", "tinh-e")] == [1, 2, 3, 3, 5]
    assert rows["tinh-e"]["normalised"] == "0.6971" and rows["tinh-e"]["total"] == "697.060"
    assert rows["tinh-e"]["views"]["pillar_digital_society"] == {"score": "452.060", "normalised": "0.6955", "rank": 5}
    status, out, _ = run(
        capsys, "score", "vn-dti-2022-province", str(EXAMPLE), "--values", "index", "--format", "markdown"
    )
    assert status == 0 and "| Trụ cột Kinh tế số | Xếp hạng Trụ cột Kinh tế số |" in out


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("0.68041", "index value 0.68041 has more decimals than the published scale's 4 (0-1)"),
        (
            "1.0001",
            "index value 1.0001 is above 1, the top of the published scale (0-1); a share cannot exceed the whole",
        ),
    ],
)
def test_a_bad_value_is_refused_at_its_cell(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, cell: str, message: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("0.6804", cell), encoding="utf-8")
    status, out, err = run(capsys, "score", "vn-dti-2022-province", str(bad), "--values", "index", "--lang", "en")
    assert (status, out) == (2, "")
    assert err.strip() == f"govindex: error: {bad}:6:10: agency 'tinh-e', node 'digital_society': {message}"


def test_the_long_form_and_yaml_are_read_on_the_scale_too() -> None:
    rubric = load_rubric("vn-dti-2022-province")
    long = 'agency,node,score\nson-la,digital_economy,"0,7805"\nson-la,digital_awareness,"0,78041"\n'
    with pytest.raises(InputError) as caught:
        parse_scores_csv(long, rubric, file="long.csv", values="index")
    assert caught.value.describe("en") == (
        "long.csv:3:3: agency 'son-la', node 'digital_awareness': index value 0.78041 has more decimals than the "
        "published scale's 4 (0-1)"
    )
    read = parse_scores_csv(long.splitlines()[0] + "\n" + long.splitlines()[1] + "\n", rubric, values="index")
    assert read[0].scores == {"digital_economy": Decimal("117.075")}
    text = "agencies:\n  - id: son-la\n    name: Sơn La\n    group: province\n    scores: {digital_economy: 1.5}\n"
    with pytest.raises(InputError) as caught:
        parse_assessment_file(text, rubric, file="a.yaml", values="index")
    assert caught.value.describe("en").startswith(
        "a.yaml:5:31: agencies[0].scores.digital_economy: agency 'son-la', node 'digital_economy': index value 1.5 "
        "is above 1"
    )
    good = parse_assessment_file(text.replace("1.5", "0.5"), rubric, values="index")
    assert good.agencies[0].scores == {"digital_economy": Decimal("75.000")}


def test_points_stay_points_and_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    rubric = load_rubric("vn-dti-2022-province")
    # read as points, the 4-decimal values are more precise than the rubric's points
    with raises_en(
        InputError, match=r"dti-index-values.csv:6:10: .*score 0.6804 has more decimals than the rubric's 3"
    ):
        read_assessments(EXAMPLE, rubric)
    with raises_en(InputError, match="unknown kind of values 'shares'; use points, index"):
        read_assessments(EXAMPLE, rubric, values="shares")
    par = load_rubric("vn-par-2022-egov")
    table = tmp_path / "par.csv"
    table.write_text("agency,total\ndak-nong,83.71\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_assessments(table, par, values="index")
    assert caught.value.describe("en") == (
        f"{table}:2:2: agency 'dak-nong', node 'total': rubric 'vn-par-2022-egov' states no publication scale "
        "(publication: in the rubric), so its values cannot be read as index values"
    )


def test_explain_a_view_from_index_values(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["explain", "vn-dti-2022-province", str(EXAMPLE), "tinh-e", "pillar_digital_society", "--values", "index"]
    status, out, err = run(capsys, *argv, "--lang", "vi")
    assert (status, err) == (0, "")
    # Publishable Vietnamese (issue 10): decimal commas, rounding in words, the group's name.
    assert out.splitlines()[-1] == (
        "    công bố theo thang 0-1: 452,060 / 650 × 1 = 0,69547692… ≈ 0,6955 (làm tròn đến 4 chữ số thập phân); "
        "xếp hạng 5 trong nhóm Tỉnh, thành phố trực thuộc trung ương"
    )
