"""``govindex validate`` lists every problem; ``govindex schema`` prints schemas that the bundled files meet."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from filekit import ASSESSMENT, RUBRIC, WIDE, position, run_cli
from govindex import Rubric, list_rubrics, load_rubric
from govindex.bands import Band
from govindex.io.assessments import AgencyEntry, AssessmentFile
from govindex.io.bundled import bundled_path
from govindex.io.schemas import json_schema
from govindex.io.validate import validate_file
from govindex.io.yamlio import dump_json, load_document
from govindex.rubric import Group, LegalBasis, Node, RuleRef
from schemacheck import errors


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def as_json(data: Any) -> Any:
    """Data as a JSON reader would see it (dates as text, numbers exact)."""
    return json.loads(dump_json(data), parse_float=Decimal)


def test_a_file_with_three_different_problems_reports_all_three(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        ASSESSMENT.replace("infra: 35.5", "infra: 45.5")  # above the maximum
        .replace("      ops: 50", "      opz: 50")  # unknown node
        .replace("id: huyen-moc-chau", "id: so-noi-vu")  # same agency twice
    )
    rubric = write(tmp_path, "demo.yaml", RUBRIC)
    path = write(tmp_path, "scores.yaml", text)
    status, out, err = run_cli(capsys, ["validate", "--rubric", str(rubric), str(path), "--lang", "en"])
    assert status == 2
    assert err == ""
    lines = out.splitlines()
    above, unknown = position(text, "45.5"), position(text, "opz")
    twice = position(text, "id: so-noi-vu", 2)
    assert lines[0] == (
        f"{path}:{above[0]}:{above[1]}: agencies[0].scores.infra: agency 'so-noi-vu', node 'infra': "
        "score 45.5 is above the maximum 40"
    )
    assert lines[1].startswith(
        f"{path}:{unknown[0]}:{unknown[1]}: agencies[0].scores.opz: agency 'so-noi-vu', node 'opz': unknown node 'opz'"
    )
    assert lines[2] == (
        f"{path}:{twice[0]}:{twice[1] + 4}: agencies[1].id: agency 'so-noi-vu': the agency appears twice "
        "(first at agencies[0])"
    )
    assert lines[3] == f"{path}: 3 problem(s) (assessment file, checked against demo)"
    assert lines[4] == "3 problem(s) found."


def test_every_problem_of_a_rubric(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        RUBRIC.replace("year: 2024", "year: twenty")
        .replace("max_points: 40", "max_points: -40")
        .replace("      name: Tổng điểm\n      max_points: 100\n", "      name: Tổng điểm\n      max_point: 100\n", 1)
        .replace("decimals: 2", "decimals: 2\ndecimals: 3")
    )
    path = write(tmp_path, "my-rubric.yaml", text)
    status, out, _ = run_cli(capsys, ["validate", str(path), "--lang", "en"])
    assert status == 2
    found = [line.split(": ", 2)[1] for line in out.splitlines()[:-2]]
    assert found == [
        "year",
        "decimals",
        "groups[0].tree.max_points",
        "groups[0].tree.max_point",
        "groups[0].tree.children[0].max_points",
    ]
    assert out.splitlines()[-2] == f"{path}: 5 problem(s) (rubric)"


def test_every_problem_of_a_score_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric = write(tmp_path, "demo.yaml", RUBRIC)
    path = write(
        tmp_path, "scores.csv", WIDE.replace("35.5", "x").replace("45.25", "61").replace("so-tu-phap", "so-noi-vu")
    )
    status, out, _ = run_cli(capsys, ["validate", "--rubric", str(rubric), str(path), "--lang", "en"])
    assert status == 2
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == [
        f"{path}:2:4",
        f"{path}:3:1",
        f"{path}:3:5",
        f"{path}",
        "3 problem(s) found.",
    ]
    assert f"{path}: 3 problem(s) (score table, 2 agencies, checked against demo)" in out
    assert "problem(s) found." in out


def test_cohort_problems_are_found_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ASSESSMENT.replace("      ops: 50\n", "      ops: 50\n      total: 90\n")
    path = write(tmp_path, "scores.yaml", text)
    rubric = write(tmp_path, "demo.yaml", RUBRIC)
    status, out, _ = run_cli(capsys, ["validate", "--rubric", str(rubric), str(path), "--lang", "en"])
    assert status == 2
    line, column = position(text, "90")
    assert out.splitlines()[0].startswith(
        f"{path}:{line}:{column}: agencies[0].scores.total: agency 'so-noi-vu', node 'total': the score given for this node (90.00)"
    )


def test_valid_files_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric = write(tmp_path, "demo.yaml", RUBRIC)
    scores = write(tmp_path, "scores.yaml", ASSESSMENT)
    table = write(tmp_path, "scores.csv", WIDE)
    status, out, _ = run_cli(
        capsys, ["validate", "--rubric", str(rubric), str(rubric), str(scores), str(table), "--lang", "en"]
    )
    assert status == 0
    assert out.splitlines() == [
        f"{rubric}: ok (rubric)",
        f"{scores}: ok (assessment file, 2 agencies, checked against demo)",
        f"{table}: ok (score table, 3 agencies, checked against demo)",
    ]


def test_validate_explains_what_it_cannot_check(tmp_path: Path) -> None:
    assert validate_file(write(tmp_path, "scores.yaml", ASSESSMENT)).summary("en") == (
        f"{tmp_path / 'scores.yaml'}: ok (assessment file, 2 agencies, not checked against a rubric)"
    )
    report = validate_file(write(tmp_path, "s.csv", WIDE))
    assert [p.describe("en") for p in report.problems] == [
        f"{tmp_path / 's.csv'}: a score table is checked against a rubric: pass --rubric"
    ]
    report = validate_file(write(tmp_path, "other.yaml", "a: 1\n"))
    assert "cannot tell what this file is" in report.problems[0].describe("en")
    report = validate_file(write(tmp_path, "broken.yaml", "a: [\n"))
    assert report.problems[0].describe("en").startswith(f"{tmp_path / 'broken.yaml'}:2:1: not valid YAML")
    assert "extension '.txt'" in validate_file(write(tmp_path, "x.txt", "")).problems[0].describe("en")


def test_validate_bundled_rubrics(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(bundled_path(f"{rubric_id}.yaml")) for rubric_id in list_rubrics()]
    status, out, _ = run_cli(capsys, ["validate", *paths])
    assert status == 0, out


def test_unknown_rubric_in_validate(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(capsys, ["validate", "--rubric", "nope", "x.yaml"])
    assert status == 2
    assert err.startswith("govindex: lỗi: không có bộ tiêu chí 'nope'; các bộ tiêu chí kèm theo là sonla-2017-it")
    status, _, err = run_cli(capsys, ["validate", "--rubric", "nope", "x.yaml", "--lang", "en"])
    assert err.startswith("govindex: error: unknown rubric 'nope'")


# --- schemas ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["rubric", "assessment"])
def test_schema_command_prints_the_schema(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, ["schema", kind])
    assert status == 0
    assert json.loads(out) == json_schema(kind)


@pytest.mark.parametrize("rubric_id", list_rubrics())
def test_bundled_rubrics_meet_the_rubric_schema(rubric_id: str) -> None:
    data = load_document(bundled_path(f"{rubric_id}.yaml").read_text(encoding="utf-8")).data
    assert errors(json_schema("rubric"), as_json(data)) == []


def test_example_assessment_meets_the_assessment_schema() -> None:
    assert errors(json_schema("assessment"), as_json(load_document(ASSESSMENT).data)) == []


def test_schema_refuses_what_the_reader_refuses() -> None:
    rubric = as_json(load_document(RUBRIC).data)
    rubric["groups"][0]["tree"]["children"][0]["max_point"] = 3
    rubric["groups"][0]["tree"]["max_points"] = -1
    rubric["year"] = "2024"
    assert errors(json_schema("rubric"), rubric) == [
        "year: '2024' is not of type ['integer']",
        "groups[0].tree.max_points: -1 is below 0",
        "groups[0].tree.children[0].max_point: unknown property",
    ]


def _properties(schema: dict[str, Any], name: str | None) -> set[str]:
    return set((schema if name is None else schema["$defs"][name])["properties"])


def test_schemas_name_exactly_the_fields_of_the_classes() -> None:
    rubric = json_schema("rubric")
    for cls, name in [
        (Rubric, None),
        (LegalBasis, "legal_basis"),
        (Band, "band"),
        (RuleRef, "rule"),
        (Group, "group"),
        (Node, "node"),
    ]:
        # fields that are not part of the file (a rubric's plugins and resolved rules) are not in the schema
        in_files = {field.name for field in attrs.fields(cls) if field.init and field.eq}
        assert _properties(rubric, name) == in_files, cls
    assessment = json_schema("assessment")
    assert _properties(assessment, None) == {field.name for field in attrs.fields(AssessmentFile)}
    assert _properties(assessment, "agency") == {field.name for field in attrs.fields(AgencyEntry)}


def test_bundled_rubrics_load() -> None:
    rubric = load_rubric("sonla-2021-cqs")
    assert rubric.legal_basis.decision == "2245/QĐ-UBND"
    assert rubric.bands is None
    assert len(rubric.tree("provincial").components) == 5
    assert rubric.notes is not None and "not published" in rubric.notes
