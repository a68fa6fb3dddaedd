"""Strict reading of rubric and assessment files: every refusal names file, line, column and path."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from errorcheck import english
from filekit import ASSESSMENT, RUBRIC, position, raises_en, run_cli
from govindex import GovIndexError
from govindex.errors import FileFormatError, InputError, RubricError, UnknownNameError
from govindex.io.assessments import parse_assessment_file
from govindex.io.rubrics import parse_rubric, read_rubric
from govindex.io.yamlio import MAX_VALUES, load_document


def refused(text: str, name: str = "my-rubric.yaml") -> GovIndexError:
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(text, file=name)
    return caught.value


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_valid_rubric_reads_exactly() -> None:
    rubric = parse_rubric(RUBRIC, file="my-rubric.yaml")
    assert rubric.tree("provincial").children[0].max_points == Decimal("40")
    assert rubric.legal_basis.decision == "1/QĐ-UBND"


def test_numbers_come_from_their_source_text() -> None:
    document = load_document("a: 83.8\nb: 71.50\nc: 0.1\n", file="x.yaml")
    assert document.data == {"a": Decimal("83.8"), "b": Decimal("71.50"), "c": Decimal("0.1")}
    assert str(document.data["b"]) == "71.50"


def test_keys_are_text_as_written() -> None:
    assert load_document("scores: {1.1: 2.5, 2: 3}\n").data == {"scores": {"1.1": Decimal("2.5"), "2": 3}}


# --- each refusal, with file, line, column and path -------------------------------------------------


def test_repeated_key_is_refused_with_its_path() -> None:
    text = RUBRIC.replace("          max_points: 40\n", "          max_points: 40\n          max_points: 45\n")
    error = refused(text)
    line, column = position(text, "max_points: 45")
    assert isinstance(error, FileFormatError)
    assert error.describe("en") == (
        f"my-rubric.yaml:{line}:{column}: groups[0].tree.children[0].max_points: key 'max_points' is repeated "
        f"in one mapping (first at line {line - 1}); YAML would silently keep only the last one"
    )


def test_unknown_key_is_refused_at_the_key() -> None:
    text = RUBRIC.replace("          max_points: 60\n", "          max_point: 60\n")
    error = refused(text)
    line, column = position(text, "max_point: 60")
    assert error.describe("en").startswith(
        f"my-rubric.yaml:{line}:{column}: groups[0].tree.children[1].max_point: unknown key 'max_point' "
        "(did you mean 'max_points'?); the keys here are id, name, max_points"
    )
    # the missing max_points is the second problem, counted in the message
    assert "(and 1 more problem(s)" in error.describe("en")


def test_missing_key_is_refused_at_its_mapping() -> None:
    text = RUBRIC.replace("          name: Hạ tầng và nền tảng số\n", "")
    error = refused(text)
    line, column = position(text, "id: infra")
    assert (
        error.describe("en")
        == f"my-rubric.yaml:{line}:{column}: groups[0].tree.children[0].name: required key 'name' is missing"
    )


def test_wrong_type_is_refused() -> None:
    text = RUBRIC.replace("max_points: 40", "max_points: forty")
    error = refused(text)
    line, column = position(text, "forty")
    assert error.describe("en") == (
        f"my-rubric.yaml:{line}:{column}: groups[0].tree.children[0].max_points: expected a number, got the text 'forty'"
    )
    error = refused(RUBRIC.replace("year: 2024", "year: 2024.5"))
    assert error.describe("en") == "my-rubric.yaml:3:7: year: expected a whole number, got Decimal('2024.5')"


def test_points_as_quoted_text_are_refused() -> None:
    error = refused(RUBRIC.replace("max_points: 40", 'max_points: "40"'))
    assert "groups[0].tree.children[0].max_points: expected a number, got the text '40'" in error.describe("en")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "NaN is not a finite number of points"),
        (".inf", "Infinity is not a finite number of points"),
        ("-.inf", "-Infinity is not a finite number of points"),
        ("-40", "points cannot be negative (-40)"),
    ],
)
def test_nan_infinite_and_negative_points_are_refused(value: str, message: str) -> None:
    text = RUBRIC.replace("max_points: 40", f"max_points: {value}")
    error = refused(text)
    line, column = position(text, f"max_points: {value}")
    assert (
        error.describe("en") == f"my-rubric.yaml:{line}:{column + 12}: groups[0].tree.children[0].max_points: {message}"
    )


def test_maxima_that_do_not_add_up_are_refused_at_the_parent() -> None:
    text = RUBRIC.replace("max_points: 60", "max_points: 50")
    error = refused(text)
    assert isinstance(error, RubricError)
    line, column = position(text, "100")
    assert error.describe("en") == (
        f"my-rubric.yaml:{line}:{column}: groups[0].tree.max_points: node 'total': max_points 100 is not the sum "
        "of its children's maxima (infra 40 + ops 50 = 90)"
    )


def test_maxima_with_more_decimals_than_the_rubric_are_refused() -> None:
    text = (
        RUBRIC.replace("decimals: 2", "decimals: 0")
        .replace("max_points: 40", "max_points: 39.5")
        .replace("max_points: 60", "max_points: 60.5")
    )
    error = refused(text)
    line, column = position(text, "39.5")
    assert error.describe("en") == (
        f"my-rubric.yaml:{line}:{column}: groups[0].tree.children[0].max_points: group 'provincial', node 'infra': "
        "max_points 39.5 has more decimals than the rubric's 0"
    )


def test_unsafe_tags_are_refused() -> None:
    text = RUBRIC.replace("title: Bộ chỉ số thử nghiệm", "title: !!python/object/apply:os.system [echo owned]")
    error = refused(text)
    assert error.describe("en").startswith(
        "my-rubric.yaml:2:8: title: the YAML tag !!python/object/apply:os.system is not allowed"
    )
    error = refused(RUBRIC.replace("year: 2024", "year: !!binary aGVsbG8="))
    assert error.describe("en").startswith("my-rubric.yaml:3:7: year: the YAML tag !!binary is not allowed")


def test_alias_bombs_are_refused_before_they_expand() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    error = refused("\n".join(lines) + "\n", "bomb.yaml")
    assert error.describe("en").startswith("bomb.yaml:")
    assert f"the document expands to more than {MAX_VALUES} values (through aliases?)" in error.describe("en")


def test_recursive_aliases_and_deep_nesting_are_refused() -> None:
    assert "an alias refers to the value that contains it" in refused("a: &x [1, *x]\n").describe("en")
    assert "nested more than 64 levels deep" in refused("a: " + "[" * 100 + "]" * 100 + "\n").describe("en")
    assert "nested more than 64 levels deep" in refused("[" * 5000).describe("en")


def test_oversized_documents_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("govindex.io.yamlio.MAX_CHARS", 100)
    assert "characters, more than the 100 read" in refused(RUBRIC).describe("en")


def test_ambiguous_yaml_numbers_are_refused() -> None:
    error = refused(RUBRIC.replace("decimals: 2", "decimals: 02"))
    assert error.describe("en").startswith("my-rubric.yaml:8:11: decimals: the number '02' is ambiguous")
    assert "is ambiguous or too long" in refused(RUBRIC.replace("year: 2024", "year: " + "9" * 5000)).describe("en")
    error = refused(RUBRIC.replace("max_points: 40", "max_points: 4_0.0"))
    assert "groups[0].tree.children[0].max_points: the number '4_0.0' is ambiguous" in error.describe("en")


def test_merge_keys_fill_in_what_is_not_written_out() -> None:
    document = load_document("base: &b {x: 1, y: 2.5}\nc:\n  <<: *b\n  x: 3\nd:\n  <<: [{z: 1}, *b]\n")
    assert document.data["c"] == {"x": 3, "y": Decimal("2.5")}
    assert document.data["d"] == {"z": 1, "x": 1, "y": Decimal("2.5")}
    assert document.locate("c.y") == (1, 20)  # where the merged value is written
    assert "'x' is repeated" in refused("c:\n  <<: {x: 1}\n  x: 2\n  x: 3\n").describe("en")


def test_merge_keys_and_invalid_dates_are_refused() -> None:
    assert "a merge key (<<) must name a mapping" in refused("a: &x [1]\nc:\n  <<: *x\n").describe("en")
    error = refused(RUBRIC.replace("date: 2024-01-02", "date: 2024-13-02"))
    assert error.describe("en") == "my-rubric.yaml:6:9: legal_basis.date: '2024-13-02' is not a valid date (YYYY-MM-DD)"


def test_syntax_errors_name_the_line() -> None:
    error = refused("id: demo\ntitle: [unclosed\n")
    assert error.describe("en").startswith("my-rubric.yaml:3:1: not valid YAML")


def test_json_rubrics_are_read_exactly_and_located() -> None:
    from govindex.io.rubrics import dump_rubric

    rubric = parse_rubric(RUBRIC)
    text = dump_rubric(rubric, "json")
    assert parse_rubric(text, file="demo.json") == rubric
    bad = text.replace('"max_points": 40', '"max_point": 40', 1)
    with pytest.raises(GovIndexError) as caught:
        parse_rubric(bad, file="demo.json")
    line, column = position(bad, '"max_point"')
    assert caught.value.describe("en").startswith(
        f"demo.json:{line}:{column}: groups[0].tree.children[0].max_point: unknown key"
    )
    repeated = text.replace('"year": 2024', '"year": 2024,\n  "year": 2025', 1)
    with raises_en(FileFormatError, match=r"demo.json:\d+:3: year: key 'year' is repeated"):
        parse_rubric(repeated, file="demo.json")
    with raises_en(FileFormatError, match=r"^demo.json:1:2: not valid JSON"):
        parse_rubric("{,}", file="demo.json")


# --- assessment files --------------------------------------------------------------------------------


def assessment_refused(text: str) -> GovIndexError:
    with pytest.raises(GovIndexError) as caught:
        parse_assessment_file(text, parse_rubric(RUBRIC), file="scores.yaml")
    return caught.value


def test_valid_assessment_file() -> None:
    parsed = parse_assessment_file(ASSESSMENT, parse_rubric(RUBRIC), file="scores.yaml")
    assert parsed.assessments()[0].scores == {"infra": Decimal("35.5"), "ops": Decimal("50")}
    assert parsed.agencies[0].evidence == {"infra": "Biên bản số 12"}


def test_score_above_the_maximum() -> None:
    text = ASSESSMENT.replace("infra: 35.5", "infra: 45.5")
    error = assessment_refused(text)
    assert isinstance(error, InputError)
    line, column = position(text, "45.5")
    assert error.describe("en") == (
        f"scores.yaml:{line}:{column}: agencies[0].scores.infra: agency 'so-noi-vu', node 'infra': "
        "score 45.5 is above the maximum 40"
    )


def test_score_with_too_many_decimals() -> None:
    text = ASSESSMENT.replace("infra: 35.5", "infra: 35.555")
    line, column = position(text, "35.555")
    assert assessment_refused(text).describe("en") == (
        f"scores.yaml:{line}:{column}: agencies[0].scores.infra: agency 'so-noi-vu', node 'infra': "
        "score 35.555 has more decimals than the rubric's 2"
    )


def test_negative_and_nan_scores() -> None:
    text = ASSESSMENT.replace("ops: 50", "ops: -5")
    line, column = position(text, "-5")
    assert assessment_refused(text).describe("en") == (
        f"scores.yaml:{line}:{column}: agencies[0].scores.ops: points cannot be negative (-5)"
    )
    assert "agencies[0].scores.ops: NaN is not a finite number of points" in english(
        assessment_refused(ASSESSMENT.replace("ops: 50", "ops: .nan"))
    )


def test_unknown_node() -> None:
    text = ASSESSMENT.replace("      ops: 50", "      opz: 50")
    line, column = position(text, "opz")
    error = assessment_refused(text)
    assert isinstance(error, InputError)
    assert error.describe("en").startswith(
        f"scores.yaml:{line}:{column}: agencies[0].scores.opz: agency 'so-noi-vu', node 'opz': "
        "unknown node 'opz' for group 'provincial'"
    )


def test_unknown_group() -> None:
    text = ASSESSMENT.replace("group: district", "group: districts")
    line, column = position(text, "districts")
    error = assessment_refused(text)
    assert isinstance(error, UnknownNameError)
    assert error.describe("en") == (
        f"scores.yaml:{line}:{column}: agencies[1].group: agency 'huyen-moc-chau': unknown group 'districts' "
        "in rubric 'demo'; the groups are provincial, district"
    )


def test_same_agency_twice() -> None:
    text = ASSESSMENT.replace("id: huyen-moc-chau", "id: so-noi-vu")
    line, column = position(text, "so-noi-vu", 2)
    assert assessment_refused(text).describe("en") == (
        f"scores.yaml:{line}:{column}: agencies[1].id: agency 'so-noi-vu': the agency appears twice (first at agencies[0])"
    )


def test_unknown_and_missing_keys_in_an_assessment() -> None:
    text = ASSESSMENT.replace("    group: provincial\n", "    grup: provincial\n")
    error = assessment_refused(text)
    line, _column = position(text, "grup")
    assert error.describe("en").startswith(f"scores.yaml:{line - 2}:")  # the missing 'group', at its mapping
    assert "agencies[0].group: required key 'group' is missing (and 1 more problem(s)" in error.describe("en")


def test_wrong_source_and_rubric() -> None:
    assert "source: " in assessment_refused(ASSESSMENT.replace("source: appraised", "source: appraisal")).describe("en")
    assert assessment_refused(ASSESSMENT.replace("rubric: demo", "rubric: other")).describe("en") == (
        "scores.yaml:1:9: rubric: the file is for rubric 'other', not 'demo'"
    )


# --- the command line shows every refusal without a traceback, with status 2 ---------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("max_points: 40\n", "max_points: 40\n          max_points: 45\n"),
            "groups[0].tree.children[0].max_points: key",
        ),
        (("max_points: 60", "max_point: 60"), "groups[0].tree.children[1].max_point: unknown key 'max_point'"),
        (("          name: Hạ tầng và nền tảng số\n", ""), "groups[0].tree.children[0].name: required key"),
        (("max_points: 40", "max_points: forty"), "groups[0].tree.children[0].max_points: expected a number"),
        (("max_points: 40", "max_points: .nan"), "groups[0].tree.children[0].max_points: NaN is not a finite"),
        (("max_points: 40", "max_points: -40"), "groups[0].tree.children[0].max_points: points cannot be negative"),
        (("max_points: 40", "max_points: .inf"), "groups[0].tree.children[0].max_points: Infinity is not a finite"),
        (
            ("max_points: 60", "max_points: 50"),
            "groups[0].tree.max_points: node 'total': max_points 100 is not the sum",
        ),
        (("title: Bộ chỉ số thử nghiệm", "title: !!python/name:os.system"), "title: the YAML tag"),
    ],
)
def test_cli_shows_rubric_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], expected: str
) -> None:
    path = write(tmp_path, "my-rubric.yaml", RUBRIC.replace(*change))
    status, _out, err = run_cli(capsys, ["score", path, str(tmp_path / "none.csv"), "--lang", "en"])
    assert status == 2
    assert err.startswith(f"govindex: error: {path}:")
    assert expected in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("infra: 35.5", "infra: 45.5"),
            "agencies[0].scores.infra: agency 'so-noi-vu', node 'infra': score 45.5 is above",
        ),
        (
            ("infra: 35.5", "infra: 35.555"),
            "agencies[0].scores.infra: agency 'so-noi-vu', node 'infra': score 35.555 has",
        ),
        (("      ops: 50", "      opz: 50"), "agencies[0].scores.opz: agency 'so-noi-vu', node 'opz': unknown node"),
        (("group: district", "group: districts"), "agencies[1].group: agency 'huyen-moc-chau': unknown group"),
        (("id: huyen-moc-chau", "id: so-noi-vu"), "agencies[1].id: agency 'so-noi-vu': the agency appears twice"),
    ],
)
def test_cli_shows_assessment_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, str], expected: str
) -> None:
    rubric = write(tmp_path, "demo.yaml", RUBRIC)
    path = write(tmp_path, "scores.yaml", ASSESSMENT.replace(*change))
    status, out, _err = run_cli(capsys, ["validate", "--rubric", rubric, path, "--lang", "en"])
    assert status == 2
    assert f"{path}:" in out
    assert expected in out


def test_cli_shows_an_alias_bomb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    status, _, err = run_cli(capsys, ["score", path, "x.csv", "--lang", "en"])
    assert status == 2
    assert err.startswith(f"govindex: error: {path}:")
    assert "expands to more than" in err
    status, out, _ = run_cli(capsys, ["validate", path, "--lang", "en"])
    assert status == 2
    assert "expands to more than" in out
    status, out, _ = run_cli(capsys, ["validate", path])
    assert status == 2
    assert "tài liệu mở rộng thành hơn 200000 giá trị" in out


def test_read_rubric_reports_unreadable_files(tmp_path: Path) -> None:
    with raises_en(FileFormatError, match="cannot read the rubric"):
        read_rubric(tmp_path / "missing.yaml")
    (tmp_path / "latin1.yaml").write_bytes("title: Sở".encode("cp1258", errors="replace") + b"\xff")
    with raises_en(FileFormatError, match="not UTF-8 text"):
        read_rubric(tmp_path / "latin1.yaml")
