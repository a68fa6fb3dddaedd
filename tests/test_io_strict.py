"""Strict, safe readers: every reader defect found in review, each with the message it now gives."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from filekit import ASSESSMENT, RUBRIC, WIDE, raises_en, run_cli
from govindex import GovIndexError, load_rubric
from govindex.io.assessments import parse_assessment_file
from govindex.io.cells import ReadOptions
from govindex.io.cohort import read_assessments
from govindex.io.csvio import parse_scores_csv
from govindex.io.rubrics import parse_rubric
from govindex.io.yamlio import load_document

DEMO = parse_rubric(RUBRIC)
openpyxl = pytest.importorskip("openpyxl")


def refused_csv(text: str, **options: object) -> GovIndexError:
    with pytest.raises(GovIndexError) as caught:
        parse_scores_csv(text, DEMO, file="scores.csv", options=ReadOptions(**options))  # type: ignore[arg-type]
    return caught.value


def refused_yaml(text: str) -> GovIndexError:
    with pytest.raises(GovIndexError) as caught:
        parse_assessment_file(text, DEMO, file="scores.yaml")
    return caught.value


def workbook(rows: list[list[object]], title: str = "Điểm") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_sheet(data: bytes, change: object) -> bytes:
    """The workbook with its first sheet's XML passed through ``change``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            target.writestr(item, content)
    return out.getvalue()


# --- numbers ---------------------------------------------------------------


def test_one_thousand_with_a_dot_is_ambiguous() -> None:
    assert refused_csv(WIDE.replace("35.5", "1.000")).describe("en") == (
        "scores.csv:2:4: agency 'so-noi-vu', node 'infra': '1.000' is ambiguous: a thousands separator (1000), "
        "or decimals (1)? The rubric has 2 decimal(s); write the number in plain digits, with at most 2 decimal(s)"
    )
    # a rubric with three decimals reads it as a decimal number
    three = parse_rubric(RUBRIC.replace("decimals: 2", "decimals: 3"))
    assert parse_scores_csv(WIDE.replace("35.5", "1.000"), three)[0].scores["infra"] == Decimal("1.000")
    # three decimals that the rubric refuses anyway keep the message about decimals
    assert "has more decimals than the rubric's 2" in refused_csv(WIDE.replace("35.5", "1.005")).describe("en")


def test_one_thousand_in_yaml_is_ambiguous_too() -> None:
    error = refused_yaml(ASSESSMENT.replace("infra: 35.5", "infra: 12.500"))
    assert error.describe("en") == (
        "scores.yaml:9:14: agencies[0].scores.infra: agency 'so-noi-vu', node 'infra': 12.500 is ambiguous: "
        "a thousands separator (12500), or decimals (12.5)? The rubric has 2 decimal(s); write the number in "
        "plain digits, with at most 2 decimal(s)"
    )


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("３５", "'３５' has digits that are not 0-9 (fullwidth or another script); type the number with 0-9"),
        ("٣٥", "'٣٥' has digits that are not 0-9 (fullwidth or another script); type the number with 0-9"),
        ("+20", "'+20' starts with '+'; write the number without a sign"),
        (".5", "'.5' starts with a decimal separator; write a digit before it (0.5, not .5)"),
        ("3.5e1", "'3.5e1' has an exponent; write the number in plain digits (1000, not 1e3)"),
        ("1.000.000", "'1.000.000' has more than one separator; write one decimal separator and no thousands"),
    ],
)
def test_numbers_that_are_not_plain_digits_are_refused(cell: str, message: str) -> None:
    error = refused_csv(WIDE.replace("35.5", cell))
    assert error.describe("en").startswith(f"scores.csv:2:4: agency 'so-noi-vu', node 'infra': {message}")


def test_a_file_writes_its_numbers_with_one_decimal_separator() -> None:
    text = WIDE.replace("45.25", '"45,25"')
    assert refused_csv(text).describe("en") == (
        "scores.csv:3:5: agency 'so-tu-phap', node 'ops': '45,25' has the decimal separator ',', but '35.5' at "
        "line 2, column 4 has '.'; a file writes all its numbers with one decimal separator"
    )
    comma = WIDE.replace("35.5", '"35,5"').replace("45.25", '"45,25"').replace("88.25", '"88,25"')
    assert parse_scores_csv(comma, DEMO) == parse_scores_csv(WIDE, DEMO)


def test_numbers_typed_as_numbers_in_excel_do_not_count_as_a_separator() -> None:
    header = ["agency", "group", "infra", "ops"]
    data = workbook([header, ["so-noi-vu", "provincial", 35.5, "45,25"], ["so-tu-phap", "provincial", "30,5", 2.5]])
    read = parse_scores_csv(
        "agency;group;infra;ops\nso-noi-vu;provincial;35,5;45,25\nso-tu-phap;provincial;30,5;2,5\n", DEMO
    )
    from govindex.io.xlsx import parse_scores_xlsx

    assert parse_scores_xlsx(data, DEMO) == read
    mixed = workbook([header, ["so-noi-vu", "provincial", "35.5", "45,25"]])
    with pytest.raises(GovIndexError) as caught:
        parse_scores_xlsx(mixed, DEMO, file="scores.xlsx")
    assert caught.value.describe("en") == (
        "scores.xlsx:Điểm!D2: agency 'so-noi-vu', node 'ops': '45,25' has the decimal separator ',', but '35.5' "
        "at cell C2 has '.'; a file writes all its numbers with one decimal separator"
    )


# --- YAML ------------------------------------------------------------------


def test_a_decimal_comma_in_yaml_is_read_where_points_are_expected() -> None:
    parsed = parse_assessment_file(ASSESSMENT.replace("infra: 35.5", "infra: 35,5"), DEMO, file="scores.yaml")
    assert parsed.assessments(DEMO)[0].scores["infra"] == Decimal("35.5")
    # as text it stays text
    assert load_document("name: 4,5\n").data == {"name": "4,5"}
    # quoted, it is text where a number is expected
    assert "expected a number, got the text '35,5'" in (
        refused_yaml(ASSESSMENT.replace("infra: 35.5", "infra: '35,5'")).describe("en")
    )


def test_a_decimal_comma_inside_braces_says_what_went_wrong() -> None:
    text = "agencies:\n  - {id: so-noi-vu, name: Sở Nội vụ, group: provincial, scores: {infra: 35,5, ops: 50}}\n"
    assert refused_yaml(text).describe("en") == (
        "scores.yaml:2:76: agencies[0].scores['5']: in a {...} mapping a comma separates entries, so "
        "'infra: 35,5' reads as 'infra: 35' and a key '5' of its own; write the number with a decimal point "
        "(infra: 35.5), or write the mapping on lines of its own"
    )


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!timestamp 2017-08-09", "!!timestamp"),
        ("!!timestamp 2017", "!!timestamp"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("!!str 2024", "!!str"),
        ("!custom 1", "!custom"),
    ],
)
def test_yaml_tags_are_refused_with_their_position(value: str, tag: str) -> None:
    error = refused_yaml(ASSESSMENT.replace("year: 2024", f"year: {value}"))
    assert error.describe("en").startswith(f"scores.yaml:2:7: year: the YAML tag {tag} is not allowed")


def test_plain_dates_still_read_as_dates() -> None:
    rubric = load_rubric("sonla-2017-it")
    assert rubric.legal_basis.date.isoformat() == "2017-08-09"
    assert str(load_document("d: 2017-08-09\n").data["d"]) == "2017-08-09"


def test_one_visible_id_in_nfc_and_nfd_is_one_agency() -> None:
    nfc_id, nfd_id = "sở-nội-vụ", unicodedata.normalize("NFD", "sở-nội-vụ")
    assert nfc_id != nfd_id
    text = (
        "agencies:\n"
        f"  - {{id: {nfc_id}, name: A, group: provincial, scores: {{infra: 1}}}}\n"
        f"  - {{id: {nfd_id}, name: B, group: provincial, scores: {{infra: 2}}}}\n"
    )
    assert refused_yaml(text).describe("en") == (
        "scores.yaml:3:10: agencies[1].id: agency 'sở-nội-vụ': the agency appears twice (first at agencies[0])"
    )
    as_json = '{"agencies": [{"id": "' + nfd_id + '", "name": "A", "group": "provincial"}]}'
    assert parse_assessment_file(as_json, file="a.json").agencies[0].id == nfc_id


def test_a_rubric_reference_is_an_id_never_a_path_to_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    error = refused_yaml(ASSESSMENT.replace("rubric: demo", f"rubric: {secret}"))
    assert error.describe("en") == (
        "scores.yaml:1:9: rubric: a data file names its rubric by id (letters, digits, '_', '.', '-'; see govindex "
        "rubrics), never by a path; give a rubric file with --rubric"
    )
    self_file = tmp_path / "self.yaml"
    self_file.write_text(f"rubric: {secret}\nsource: self\nagencies: []\n", encoding="utf-8")
    other = tmp_path / "appraised.yaml"
    other.write_text("agencies: []\n", encoding="utf-8")
    status, out, err = run_cli(capsys, ["reconcile", str(self_file), str(other), "--lang", "en"])
    assert status == 2
    assert "password" not in err + out and "hunter2" not in err + out
    assert err == (
        f"govindex: error: {self_file}: rubric: the file names a rubric that is not bundled (a data file names its "
        "rubric by id, never by a path); give --rubric RUBRIC (a bundled id or a rubric file)\n"
    )


# --- XLSX ------------------------------------------------------------------


def test_every_row_is_read_whatever_the_stored_dimension_says(tmp_path: Path) -> None:
    rows: list[list[object]] = [["agency", "group", "infra", "ops"]]
    rows += [[f"so-{n}", "provincial", 10, 20] for n in range(1, 6)]
    rows.append(["so-6", "provincial", 41, 20])  # above the maximum, on the last row
    data = rewrite_sheet(workbook(rows), lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:D2"', xml))
    assert '<dimension ref="A1:D2"' in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    path = tmp_path / "stale.xlsx"
    path.write_bytes(data)
    with pytest.raises(GovIndexError) as caught:
        read_assessments(path, DEMO)
    assert (
        caught.value.describe("en") == f"{path}:Điểm!C7: agency 'so-6', node 'infra': score 41 is above the maximum 40"
    )
    fixed = rewrite_sheet(data, lambda xml: xml.replace("<v>41</v>", "<v>40</v>"))
    path.write_bytes(fixed)
    assert len(read_assessments(path, DEMO)) == 6


def test_a_malformed_formula_cache_is_refused_naming_sheet_and_cell(tmp_path: Path) -> None:
    rows: list[list[object]] = [["agency", "group", "infra", "ops"], ["so-noi-vu", "provincial", 10, "=10+10"]]

    def garbage(xml: str) -> str:
        return re.sub(r"(<c r=\"D2\"[^>]*>)<f>10\+10</f>(<v>[^<]*</v>|<v\s*/>)?", r"\1<f>10+10</f><v>abc</v>", xml)

    data = rewrite_sheet(workbook(rows), garbage)
    assert "<v>abc</v>" in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    path = tmp_path / "cache.xlsx"
    path.write_bytes(data)
    with pytest.raises(GovIndexError) as caught:
        read_assessments(path, DEMO)
    assert caught.value.describe("en") == (
        f"{path}:Điểm!D2: the formula's saved result 'abc' is not a number; open and save the file in Excel, "
        "or type the value"
    )


# --- size limits -----------------------------------------------------------


def test_a_file_over_the_byte_limit_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scores.csv"
    path.write_text(WIDE, encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(GovIndexError) as caught:
        read_assessments(path, DEMO, options=ReadOptions(max_bytes=100))
    assert caught.value.describe("en") == (
        f"{path}: the file holds {size} bytes, more than the 100 bytes read; raise the limit with --max-bytes "
        "(max_bytes=) if the file is right"
    )
    assert len(read_assessments(path, DEMO, options=ReadOptions(max_bytes=size))) == 3
    rubric = tmp_path / "demo.yaml"
    rubric.write_text(RUBRIC, encoding="utf-8")
    status, _, err = run_cli(capsys, ["score", str(rubric), str(path), "--max-bytes", "100", "--lang", "en"])
    assert status == 2 and "more than the 100 bytes read" in err
    status, _, err = run_cli(capsys, ["score", str(rubric), str(path), "--max-bytes", "100"])
    assert status == 2 and "nhiều hơn giới hạn 100 byte" in err
    yaml_path = tmp_path / "scores.yaml"
    yaml_path.write_text(ASSESSMENT, encoding="utf-8")
    with raises_en(GovIndexError, match="more than the 100 bytes read"):
        read_assessments(yaml_path, DEMO, options=ReadOptions(max_bytes=100))


def test_a_table_over_the_cell_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused_csv(WIDE, max_cells=20).describe("en") == (
        "scores.csv:4: the table has more than 20 cells; raise the limit with --max-cells (max_cells=) "
        "if the file is right"
    )
    data = workbook([WIDE.splitlines()[0].split(",")] + [line.split(",") for line in WIDE.splitlines()[1:]])
    path = tmp_path / "scores.xlsx"
    path.write_bytes(data)
    with pytest.raises(GovIndexError) as caught:
        read_assessments(path, DEMO, options=ReadOptions(max_cells=20))
    assert caught.value.describe("en").startswith(f"{path}:Điểm!4: the table has more than 20 cells")
    rubric = tmp_path / "demo.yaml"
    rubric.write_text(RUBRIC, encoding="utf-8")
    status, out, _ = run_cli(
        capsys, ["validate", "--rubric", str(rubric), str(path), "--max-cells", "20", "--lang", "en"]
    )
    assert status == 2 and "the table has more than 20 cells" in out
    status, out, _ = run_cli(capsys, ["validate", "--rubric", str(rubric), str(path), "--max-cells", "20"])
    assert status == 2 and "bảng có hơn 20 ô" in out


def test_limits_must_be_positive() -> None:
    with raises_en(GovIndexError, match="max_cells must be a positive whole number"):
        ReadOptions(max_cells=0)


# --- several files ---------------------------------------------------------


def test_an_agency_in_two_files_is_refused_naming_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rubric = tmp_path / "demo.yaml"
    rubric.write_text(RUBRIC, encoding="utf-8")
    first = tmp_path / "a.csv"
    first.write_text("agency,group,infra,ops\nso-noi-vu,provincial,35.5,50\n", encoding="utf-8")
    second = tmp_path / "b.yaml"
    second.write_text(ASSESSMENT, encoding="utf-8")
    status, _, err = run_cli(capsys, ["score", str(rubric), str(first), str(second), "--lang", "en"])
    assert status == 2
    assert err == (
        f"govindex: error: {second}:5: agency 'so-noi-vu': the agency is in two files: {first} (line 2) and "
        f"{second} (line 5); each agency's scores come from one file\n"
    )
    third = tmp_path / "c.csv"
    third.write_text("agency,group,total\nhuyen-yen-chau,district,70\n", encoding="utf-8")
    status, out, err = run_cli(capsys, ["score", str(rubric), str(first), str(third), "--format", "csv"])
    assert (status, err) == (0, "")
    assert "so-noi-vu" in out and "huyen-yen-chau" in out
    status, out, _ = run_cli(
        capsys, ["validate", "--together", "--rubric", str(rubric), str(first), str(second), "--lang", "en"]
    )
    assert status == 2
    assert f"{second}:5: agency 'so-noi-vu': the agency is in two files: {first} (line 2) and {second}" in out
