"""Score files keep everything they are given: write, read back, the same assessments, digit for digit.

CSV, XLSX, YAML and JSON hold the names (also those that begin like a formula),
the agency flags, the source (tự đánh giá / thẩm định), the evidence (tài liệu
kiểm chứng) and each score's digits (``20.50`` stays ``20.50``). What a format
cannot hold is refused with a message, never dropped.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govindex import Agency, Assessment, Source, load_rubric
from govindex.errors import GovIndexError, InputError
from govindex.io.assessments import dump_assessments, parse_assessment_file
from govindex.io.csvio import dump_scores_csv, parse_scores_csv
from govindex.render.safe import FORMULA_TRIGGERS

RUBRIC = load_rubric("sonla-2017-it")
LEAVES = {
    group.id: [(node.id, node.max_points) for node in group.tree.walk() if not node.children] for group in RUBRIC.groups
}
FLAGS = ("has_subordinate_units", "has_online_services", "has_procedures", "special")

# Text as people type it, in NFC, without surrounding white space (the readers strip a cell).
body = (
    st.text(
        alphabet=st.characters(categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x85\u2028\u2029"),
        min_size=1,
        max_size=20,
    )
    .map(lambda value: unicodedata.normalize("NFC", value).strip())
    .filter(bool)
)
# A prefix that would start a formula, or an apostrophe a reader could mistake for the protection.
prefixes = st.sampled_from(["", "", *FORMULA_TRIGGERS, "'", "'=", "''+", '=HYPERLINK("http://x")'])
names = st.builds(lambda prefix, text: unicodedata.normalize("NFC", prefix + text), prefixes, body).filter(
    lambda value: value == value.rstrip()
)
notes = st.builds(lambda first, second: f"{first}\n{second}" if second else first, names, st.none() | body)


@st.composite
def cohorts(draw: st.DrawFn) -> list[Assessment]:
    ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9\-]{0,8}", fullmatch=True), min_size=1, max_size=4, unique=True))
    source = draw(st.sampled_from(Source))
    found = []
    for agency_id in ids:
        group = draw(st.sampled_from(sorted(LEAVES)))
        leaves = LEAVES[group]
        chosen = draw(st.lists(st.sampled_from(leaves), unique=True, max_size=len(leaves)))
        scores = {}
        for node_id, maximum in chosen:
            tenths = draw(st.integers(0, int(maximum * 10)))
            value = Decimal(tenths).scaleb(-1)
            # The digits as written: 7, 7.0, 7.00, 20.5 or 20.50.
            places = draw(st.sampled_from([1, 2] if tenths % 10 else [0, 1, 2]))
            scores[node_id] = value.quantize(Decimal(1).scaleb(-places))
        evidence = draw(st.dictionaries(st.sampled_from([node for node, _ in leaves]), notes, max_size=2))
        flags = {name: draw(st.booleans()) for name in FLAGS}
        agency = Agency(agency_id, draw(names), group, **flags)
        found.append(Assessment(agency, scores, source, evidence))
    return found


def exact(assessments: tuple[Assessment, ...] | list[Assessment]) -> list[tuple[object, ...]]:
    """Everything an assessment holds, scores as their digits."""
    return [
        (
            a.agency,
            sorted((node, str(value)) for node, value in a.scores.items()),
            a.source,
            sorted(a.evidence.items()),
        )
        for a in assessments
    ]


def xlsx_round_trip(assessments: list[Assessment]) -> tuple[Assessment, ...]:
    pytest.importorskip("openpyxl")
    from govindex.io.xlsx import parse_scores_xlsx, scores_xlsx_bytes

    return parse_scores_xlsx(scores_xlsx_bytes(assessments, RUBRIC), RUBRIC)


def yaml_round_trip(assessments: list[Assessment], fmt: str) -> tuple[Assessment, ...]:
    return parse_assessment_file(dump_assessments(assessments, fmt), RUBRIC).assessments(RUBRIC)


@settings(max_examples=50)
@given(cohorts(), st.sampled_from([(",", False), (";", True)]))
def test_csv_round_trip_keeps_everything(assessments: list[Assessment], dialect: tuple[str, bool]) -> None:
    delimiter, comma = dialect
    text = dump_scores_csv(assessments, RUBRIC, delimiter=delimiter, decimal_comma=comma)
    assert exact(parse_scores_csv(text, RUBRIC)) == exact(assessments)


@settings(max_examples=50)
@given(cohorts())
def test_csv_never_writes_a_cell_that_starts_a_formula(assessments: list[Assessment]) -> None:
    text = dump_scores_csv(assessments, RUBRIC)
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS), cell


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@settings(max_examples=50)
@given(assessments=cohorts())
def test_assessment_file_round_trip_keeps_everything(assessments: list[Assessment], fmt: str) -> None:
    assert exact(yaml_round_trip(assessments, fmt)) == exact(assessments)


@settings(max_examples=20)
@given(cohorts())
def test_xlsx_round_trip_keeps_everything(assessments: list[Assessment]) -> None:
    # A workbook cell keeps no leading TAB or CR (the reader strips it): refused, see the test below.
    texts = [a.agency.name for a in assessments] + [note for a in assessments for note in a.evidence.values()]
    assume(not any(text[:1] in ("\t", "\r") for text in texts))
    assert exact(xlsx_round_trip(assessments)) == exact(assessments)


def sample(**changes: object) -> Assessment:
    agency = Agency("so-y-te", str(changes.pop("name", "Sở Y tế")), "provincial", **changes)  # type: ignore[arg-type]
    return Assessment(agency, {"infrastructure": Decimal("7.50"), "policy": Decimal("10")})


def test_csv_keeps_the_digits_and_protects_formula_names() -> None:
    text = dump_scores_csv([sample(name='=HYPERLINK("http://x")')], RUBRIC)
    assert text == 'agency,group,name,infrastructure,policy\nso-y-te,provincial,"\'=HYPERLINK(""http://x"")",7.50,10\n'
    (read,) = parse_scores_csv(text, RUBRIC)
    assert read.agency.name == '=HYPERLINK("http://x")'
    assert str(read.scores["infrastructure"]) == "7.50"


def test_xlsx_writes_formula_names_as_string_cells_and_digits_as_text_where_a_number_loses_them(
    tmp_path: Path,
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from govindex.io.xlsx import write_scores_xlsx

    write_scores_xlsx([sample(name="=1+1")], RUBRIC, tmp_path / "scores.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "scores.xlsx").active
    row = [(cell.value, cell.data_type) for cell in sheet[2]]
    assert row == [("so-y-te", "s"), ("provincial", "s"), ("=1+1", "s"), ("7.50", "s"), (10, "n")]


def test_evidence_is_written_in_the_long_form() -> None:
    item = Assessment(
        Agency("so-y-te", "Sở Y tế", "provincial"), {"policy": Decimal("9.0")}, evidence={"policy": "-Biên bản số 12"}
    )
    text = dump_scores_csv([item], RUBRIC)
    assert text.splitlines() == [
        "agency,group,name,node,score,evidence",
        "so-y-te,provincial,Sở Y tế,policy,9.0,'-Biên bản số 12",
    ]
    assert exact(parse_scores_csv(text, RUBRIC)) == exact([item])


def test_the_wide_form_refuses_evidence() -> None:
    item = Assessment(Agency("so-y-te", "Sở Y tế", "provincial"), {"policy": Decimal(9)}, evidence={"policy": "BB 12"})
    with pytest.raises(InputError) as caught:
        dump_scores_csv([item], RUBRIC, form="wide")
    assert caught.value.describe("en") == (
        "agency 'so-y-te', node 'policy': the wide form of a score table cannot hold evidence (tài liệu kiểm "
        "chứng); write the long form, one score per row with its evidence, or an assessment file"
    )


@pytest.mark.parametrize("writer", ["csv", "xlsx"])
def test_score_tables_refuse_agency_attributes(writer: str) -> None:
    item = Assessment(Agency("so-y-te", "Sở Y tế", "provincial", attributes={"dvc_muc_4": 12}), {})
    with pytest.raises(InputError) as caught:
        if writer == "csv":
            dump_scores_csv([item], RUBRIC)
        else:
            xlsx_round_trip([item])
    assert caught.value.describe("en") == (
        "agency 'so-y-te': a score table cannot hold the agency attributes dvc_muc_4; write an assessment file "
        "(YAML or JSON) to keep them"
    )


def test_assessment_files_keep_agency_attributes() -> None:
    item = Assessment(Agency("so-y-te", "=Sở", "provincial", attributes={"dvc_muc_4": 12, "ghi_chu": "+x"}), {})
    (read,) = yaml_round_trip([item], "yaml")
    assert read.agency.attributes == {"dvc_muc_4": 12, "ghi_chu": "+x"}
    assert read.agency.name == "=Sở"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Sở\x1b[31m", "holds a control character or an unusable character, which a score table cannot hold"),
        ("Sở Y tế ", "begins or ends with white space, which a score table does not keep"),
    ],
)
def test_text_a_table_would_change_is_refused(name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        dump_scores_csv([sample(name=name)], RUBRIC)
    assert f"the text {name!r} {message}" in caught.value.describe("en")


def test_xlsx_refuses_a_leading_tab_it_would_strip() -> None:
    with pytest.raises(InputError) as caught:
        xlsx_round_trip([sample(name="\t=1")])
    assert "the text '\\t=1' begins or ends with white space" in caught.value.describe("en")


def test_csv_writes_and_reads_the_source_per_agency() -> None:
    own = Assessment(Agency("so-y-te", "Sở Y tế", "provincial"), {"policy": Decimal(9)}, Source.SELF)
    appraised = Assessment(Agency("so-noi-vu", "Sở Nội vụ", "provincial"), {"policy": Decimal(8)})
    text = dump_scores_csv([own, appraised], RUBRIC)
    assert text.splitlines()[0] == "agency,group,name,source,policy"
    assert [a.source for a in parse_scores_csv(text, RUBRIC)] == [Source.SELF, Source.APPRAISED]


def test_a_vietnamese_source_and_evidence_header_are_read() -> None:
    text = "agency,group,nguồn,node,score,tài liệu kiểm chứng\nso-y-te,provincial,tự đánh giá,policy,9,BB 12\n"
    (read,) = parse_scores_csv(text, RUBRIC)
    assert (read.source, dict(read.evidence)) == (Source.SELF, {"policy": "BB 12"})


def test_an_unknown_source_is_refused_with_its_cell() -> None:
    text = "agency,group,source,policy\nso-y-te,provincial,khác,9\n"
    with pytest.raises(GovIndexError) as caught:
        parse_scores_csv(text, RUBRIC, file="scores.csv")
    assert caught.value.describe("en") == (
        "scores.csv:2:3: agency 'so-y-te': 'khác' is not a source; write self (tự đánh giá) or appraised (thẩm định)"
    )
