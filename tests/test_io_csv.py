"""Score tables in CSV: wide and long form, Excel's Vietnamese dialect, errors with row and column."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filekit import RUBRIC, WIDE, raises_en, run_cli
from govindex import GovIndexError, Source, load_rubric, score
from govindex.errors import FileFormatError, InputError
from govindex.io.cohort import read_assessments
from govindex.io.csvio import check_scores_csv, dump_scores_csv, parse_scores_csv, read_scores_csv
from govindex.io.rubrics import parse_rubric

DEMO = parse_rubric(RUBRIC)

LONG = """\
agency,group,name,node,score,evidence
so-noi-vu,provincial,Sở Nội vụ,infra,35.5,
so-noi-vu,provincial,Sở Nội vụ,ops,50,Biên bản 3
so-tu-phap,provincial,Sở Tư pháp,infra,30,
so-tu-phap,,,ops,45.25,
huyen-moc-chau,district,UBND huyện Mộc Châu,total,88.25,
"""


def as_excel_in_vietnam(text: str) -> bytes:
    """What Excel writes in a Vietnamese locale: BOM, ';', decimal comma, CRLF; here also names in NFD."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([unicodedata.normalize("NFD", cell.replace(".", ",")) for cell in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def refused(text: str | bytes, rubric: object = DEMO) -> GovIndexError:
    with pytest.raises(GovIndexError) as caught:
        parse_scores_csv(text, rubric, file="scores.csv")  # type: ignore[arg-type]
    return caught.value


def test_wide_table() -> None:
    assessments = parse_scores_csv(WIDE, DEMO, file="scores.csv")
    assert [a.agency.id for a in assessments] == ["so-noi-vu", "so-tu-phap", "huyen-moc-chau"]
    assert assessments[1].scores == {"infra": Decimal("30"), "ops": Decimal("45.25")}
    assert assessments[2].scores == {"total": Decimal("88.25")}  # empty cells are not given, not 0


def test_long_table_reads_like_the_wide_one() -> None:
    wide = parse_scores_csv(WIDE, DEMO)
    long = parse_scores_csv(LONG, DEMO)
    assert [a.agency for a in long] == [a.agency for a in wide]
    assert [a.scores for a in long] == [a.scores for a in wide]
    assert long[0].evidence == {"ops": "Biên bản 3"}


def test_excel_in_vietnam_scores_exactly_like_the_plain_table() -> None:
    rubric = load_rubric("sonla-2017-it")
    plain = (
        "agency,group,name,infrastructure,internal_use,public_services,security,staff,policy\n"
        "so-thong-tin-va-truyen-thong,provincial,Sở Thông tin và Truyền thông,9.0,24.8,23.0,8.0,10,9.0\n"
        "so-noi-vu,provincial,Sở Nội vụ,7.0,21.7,23.5,9.0,10,6.0\n"
        "so-tai-nguyen-va-moi-truong,provincial,Sở Tài nguyên và Môi trường,7.0,21.7,23.5,9.0,10,6.0\n"
    )
    excel = as_excel_in_vietnam(plain)
    assert b";" in excel and b"9,0" in excel and excel.startswith(b"\xef\xbb\xbf")
    assert unicodedata.normalize("NFD", "Sở Nội vụ").encode() in excel
    plain_result = score(rubric, parse_scores_csv(plain, rubric))
    excel_result = score(rubric, parse_scores_csv(excel, rubric))
    assert excel_result.rows == plain_result.rows
    assert excel_result.agency("so-noi-vu").agency.name == "Sở Nội vụ"
    assert excel_result.agency("so-noi-vu").total == Decimal("77.2")


def test_long_table_in_excel_dialect() -> None:
    assert parse_scores_csv(as_excel_in_vietnam(LONG), DEMO) == parse_scores_csv(LONG, DEMO)


def test_header_names_are_case_insensitive_and_nfc() -> None:
    text = WIDE.replace("agency,group,name", "Agency,GROUP,Name")
    assert parse_scores_csv(text, DEMO) == parse_scores_csv(WIDE, DEMO)


def test_attribute_columns() -> None:
    text = (
        "agency,group,has_online_services,special,not_applicable,infra,ops\nso-ngoai-vu,provincial,không,có,ops,30,\n"
    )
    (assessment,) = parse_scores_csv(text, DEMO)
    assert assessment.agency.has_online_services is False
    assert assessment.agency.special is True
    assert assessment.agency.not_applicable == frozenset({"ops"})


def test_trailing_empty_cells_as_excel_writes_them() -> None:
    text = WIDE.replace("\n", ",,\n")
    assert parse_scores_csv(text, DEMO) == parse_scores_csv(WIDE, DEMO)


# --- refusals, with row and column -------------------------------------------------------------------


def test_not_a_number() -> None:
    error = refused(WIDE.replace("35.5", "35.5đ"))
    assert error.describe("en") == "scores.csv:2:4: agency 'so-noi-vu', node 'infra': '35.5đ' is not a number of points"


def test_above_the_maximum_and_too_many_decimals() -> None:
    assert refused(WIDE.replace("35.5", "41")).describe("en") == (
        "scores.csv:2:4: agency 'so-noi-vu', node 'infra': score 41 is above the maximum 40"
    )
    assert refused(WIDE.replace("45.25", "45.255")).describe("en") == (
        "scores.csv:3:5: agency 'so-tu-phap', node 'ops': score 45.255 has more decimals than the rubric's 2"
    )


def test_negative_nan_and_exponents() -> None:
    assert (
        refused(WIDE.replace("35.5", "-1")).describe("en")
        == "scores.csv:2:4: agency 'so-noi-vu', node 'infra': score -1 is negative"
    )
    assert "'NaN' is not a number of points" in refused(WIDE.replace("35.5", "NaN")).describe("en")
    assert "'1e1' has an exponent; write the number in plain digits" in refused(WIDE.replace("35.5", "1e1")).describe(
        "en"
    )


def test_unknown_node_column() -> None:
    error = refused(WIDE.replace(",ops,", ",opz,"))
    assert isinstance(error, FileFormatError)
    assert error.describe("en").startswith("scores.csv:1:5: node 'opz': unknown node 'opz' in the header")


def test_unknown_group() -> None:
    error = refused(WIDE.replace("so-tu-phap,provincial", "so-tu-phap,provincal"))
    assert error.describe("en") == (
        "scores.csv:3:2: agency 'so-tu-phap': unknown group 'provincal' in rubric 'demo'; "
        "the groups are provincial, district"
    )


def test_same_agency_twice() -> None:
    error = refused(WIDE.replace("so-tu-phap", "so-noi-vu"))
    assert isinstance(error, InputError)
    assert error.describe("en") == "scores.csv:3:1: agency 'so-noi-vu': the agency appears twice (first on line 2)"


def test_long_form_refusals() -> None:
    assert refused(LONG.replace("so-tu-phap,,,ops", "so-tu-phap,,,infra")).describe("en") == (
        "scores.csv:5:4: agency 'so-tu-phap', node 'infra': the score is given twice (first on line 4)"
    )
    assert refused(LONG.replace("so-tu-phap,,,ops", "so-tu-phap,district,,ops")).describe("en") == (
        "scores.csv:5:2: agency 'so-tu-phap': group 'district' differs from 'provincial' given on line 4"
    )
    assert (
        refused(LONG.replace(",ops,50", ",opz,50"))
        .describe("en")
        .startswith("scores.csv:3:4: agency 'so-noi-vu', node 'opz': unknown node 'opz' for group 'provincial'")
    )
    assert refused(LONG.replace(",ops,50", ",ops,61")).describe("en") == (
        "scores.csv:3:5: agency 'so-noi-vu', node 'ops': score 61 is above the maximum 60"
    )


def test_header_problems() -> None:
    assert refused("").describe("en") == "scores.csv:1: the file is empty or has no header row"
    assert refused("group,infra\nprovincial,3\n").describe("en") == (
        "scores.csv:1: no row names the agency column; the header row needs a column agency, Tên cơ quan, "
        "Cơ quan, Tên đơn vị, Đơn vị, 'Cơ quan, đơn vị'"
    )
    assert (
        refused("agency,infra,infra\na,1,2\n").describe("en").startswith("scores.csv:1:3: column 'infra' appears twice")
    )
    assert refused("agency,infra\na,1\n").describe("en").startswith("scores.csv:1: the header has no 'group' column")


def test_row_length_and_decimal_comma_hint() -> None:
    error = refused("agency,group,infra,ops\nso-noi-vu,provincial,9,0,50\n")
    assert error.describe("en") == (
        "scores.csv:2: the row has 5 cells but the header has 4; a decimal comma in a comma-separated file "
        "must be quoted (\"9,0\"), or separate with ';'"
    )
    assert refused("agency,group,infra,ops\nso-noi-vu,provincial,9\n").describe("en") == (
        "scores.csv:2: the row has 3 cells but the header has 4"
    )


def test_bad_encoding_and_bad_quoting() -> None:
    assert (
        refused("agency,group\nSở,provincial\n".encode("utf-16"))
        .describe("en")
        .startswith("scores.csv: not UTF-8 text")
    )
    assert (
        refused('agency,group,infra\n"so-noi-vu"x,provincial,1\n')
        .describe("en")
        .startswith("scores.csv:2: not valid CSV")
    )


def test_every_problem_is_collected() -> None:
    text = WIDE.replace("35.5", "x").replace("45.25", "61").replace("so-tu-phap,provincial", "so-tu-phap,prov")
    _, problems = check_scores_csv(text, DEMO, file="scores.csv")
    assert [p.describe("en").split(": ", 1)[0] for p in problems] == ["scores.csv:2:4", "scores.csv:3:2"]
    text = WIDE.replace("35.5", "x").replace("45.25", "61")
    _, problems = check_scores_csv(text, DEMO, file="scores.csv")
    assert [p.describe("en").split(": ", 1)[0] for p in problems] == ["scores.csv:2:4", "scores.csv:3:5"]


def test_files_and_dispatch(tmp_path: Path) -> None:
    (tmp_path / "wide.csv").write_text(WIDE, encoding="utf-8")
    (tmp_path / "long.csv").write_bytes(as_excel_in_vietnam(LONG))
    assert read_scores_csv(tmp_path / "wide.csv", DEMO) == read_assessments(tmp_path / "wide.csv", DEMO)
    selves = read_assessments(tmp_path / "long.csv", DEMO, source=Source.SELF)
    assert {a.source for a in selves} == {Source.SELF}
    with raises_en(FileFormatError, match="cannot read the file"):
        read_scores_csv(tmp_path / "missing.csv", DEMO)
    with raises_en(FileFormatError, match=r"extension '\.txt'"):
        read_assessments(tmp_path / "scores.txt", DEMO)


def test_cli_score_shows_csv_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "demo.yaml").write_text(RUBRIC, encoding="utf-8")
    path = tmp_path / "scores.csv"
    path.write_text(WIDE.replace("35.5", "41"), encoding="utf-8")
    status, _, err = run_cli(capsys, ["score", str(tmp_path / "demo.yaml"), str(path), "--lang", "en"])
    assert status == 2
    assert err == f"govindex: error: {path}:2:4: agency 'so-noi-vu', node 'infra': score 41 is above the maximum 40\n"
    status, _, err = run_cli(capsys, ["score", str(tmp_path / "demo.yaml"), str(path)])
    assert status == 2
    assert err == f"govindex: lỗi: {path}:2:4: cơ quan 'Sở Nội vụ', tiêu chí 'Hạ tầng và nền tảng số': điểm 41 vượt điểm tối đa 40\n"


points = st.decimals(min_value=0, max_value=40, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(st.tuples(points, points.map(lambda v: v * 3 / 2).filter(lambda v: v <= 60)), min_size=1, max_size=6))
def test_dumped_tables_read_back_in_both_dialects(values: list[tuple[Decimal, Decimal]]) -> None:
    text = "agency,group,name,infra,ops\n" + "".join(
        f"so-{i},provincial,Sở số {i},{a},{b.quantize(Decimal('0.01'))}\n" for i, (a, b) in enumerate(values)
    )
    assessments = parse_scores_csv(text, DEMO)
    assert parse_scores_csv(dump_scores_csv(assessments, DEMO), DEMO) == assessments
    excel = dump_scores_csv(assessments, DEMO, delimiter=";", decimal_comma=True)
    assert parse_scores_csv(excel, DEMO) == assessments
