"""`collect` drops nothing: an appraisal's reasons and the agencies' facts are kept, or the file is refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

openpyxl = pytest.importorskip("openpyxl")

from filekit import run_cli  # noqa: E402
from govindex import Agency, Assessment, load_rubric, score  # noqa: E402
from govindex.assessment import Source  # noqa: E402
from govindex.errors import GovIndexError  # noqa: E402
from govindex.formlayout import FORM_SHEET  # noqa: E402
from govindex.io.cohort import read_assessments  # noqa: E402
from govindex.io.collect import collect, collected_bytes  # noqa: E402
from govindex.io.csvio import dump_scores_csv  # noqa: E402
from govindex.io.published import load_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
IT_2017 = load_rubric("sonla-2017-it")
DATASET = load_dataset("sonla-2017-it")
RULES = EXAMPLES / "rules"


def _kept(assessments: Any) -> dict[str, tuple[dict[str, Decimal], dict[str, str], dict[str, str], str]]:
    return {a.agency.id: (dict(a.scores), dict(a.evidence), dict(a.reasons), a.source.value) for a in assessments}


# --- an appraisal's reasons ------------------------------------------------------------------------------------------

_REASON = (
    st.text(
        alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠảữỹ =+-@;,\"'/()0123456789"), min_size=1, max_size=30
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    reasons=st.lists(st.tuples(st.sampled_from(["infrastructure", "security", "policy"]), _REASON), max_size=3),
    evidence=st.one_of(st.none(), _REASON),
    extension=st.sampled_from([".xlsx", ".csv", ".yaml", ".json"]),
)
def test_collected_reasons_and_evidence_read_back_in_every_kind_of_file(
    tmp_path_factory: Any, reasons: list[tuple[str, str]], evidence: str | None, extension: str
) -> None:
    """An appraisal collected into any kind of file reads back with the same scores, evidence and reasons
    (a reason that begins with = is kept as text, never a formula)."""
    folder = tmp_path_factory.mktemp("reasons")
    cohort = []
    for index, published in enumerate(DATASET.agencies[:3]):
        agency = Agency(published.id, published.name, published.group)
        given_reasons = dict(reasons) if index == 1 else {}
        cohort.append(
            Assessment(
                agency,
                published.scores,
                Source.APPRAISED,
                {"staff": evidence} if evidence and index != 1 else {},
                reasons=given_reasons,
            )
        )
    out = folder / f"tham-dinh{extension}"
    out.write_bytes(collected_bytes(cohort, IT_2017, out))
    again = read_assessments(out, IT_2017)
    assert _kept(again) == _kept(cohort)


def test_the_2017_appraisals_collected_to_csv_and_xlsx_keep_their_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = EXAMPLES / "round-2017" / "tham-dinh"
    appraised = collect([forms], IT_2017)
    assert {a.agency.id: dict(a.reasons) for a in appraised if a.reasons} == {
        "huyen-moc-chau": {"public_services": "Số liệu dịch vụ công chưa khớp hệ thống (minh họa)"},
        "so-noi-vu": {"infrastructure": "Không có tài liệu kiểm chứng (minh họa)"},
        "so-y-te": {"security": "Chưa có quy chế an toàn thông tin được ban hành (minh họa)"},
    }
    for name in ("tham-dinh.csv", "tham-dinh.xlsx"):
        status, _out, err = run_cli(capsys, ["collect", "sonla-2017-it", str(forms), "-o", str(tmp_path / name)])
        assert status == 0, err
        again = read_assessments(tmp_path / name, IT_2017)
        assert _kept(again) == _kept(appraised)
        assert [(r.agency.id, r.total, r.rank) for r in score(IT_2017, again).rows] == [
            (r.agency.id, r.total, r.rank) for r in score(IT_2017, appraised).rows
        ]
    text = (tmp_path / "tham-dinh.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "agency,group,name,node,score,evidence,reason"
    assert "so-noi-vu,provincial,Sở Nội vụ,infrastructure,7,,Không có tài liệu kiểm chứng (minh họa)\n" in text


def test_a_wide_table_refuses_reasons_and_a_reason_column_is_not_a_wide_column(tmp_path: Path) -> None:
    agency = Agency("so-noi-vu", "Sở Nội vụ", "provincial")
    appraisal = Assessment(agency, {"infrastructure": 7}, reasons={"infrastructure": "Không có biên bản"})
    with pytest.raises(GovIndexError) as caught:
        dump_scores_csv([appraisal], IT_2017, form="wide")
    assert caught.value.code == "wide-table-cannot-hold-reasons"
    assert "dạng ngang không chứa được lý do điều chỉnh" in caught.value.describe("vi")
    wide = tmp_path / "wide.csv"
    wide.write_text("agency,group,infrastructure,reason\nso-noi-vu,provincial,7,Không có biên bản\n", encoding="utf-8")
    with pytest.raises(GovIndexError) as caught:
        read_assessments(wide, IT_2017)
    assert caught.value.code == "long-form-column"
    assert (
        caught.value.describe("en") == f"{wide}:1:4: column 'reason' belongs to the long form (agency,group,node,score)"
    )


# --- the agencies' facts ---------------------------------------------------------------------------------------------


def _late_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Sở Xây dựng's form of the rules example, filled in, stating it reported late."""
    form = tmp_path / "so-xay-dung.xlsx"
    status, _out, err = run_cli(
        capsys,
        ["template", str(RULES / "rubric.yaml"), "--rules", str(RULES / "late_report.py"), "--group", "provincial",
         "--agency", "Sở Xây dựng", "-o", str(form)],
    )  # fmt: skip
    assert status == 0, err
    book = openpyxl.load_workbook(form)
    sheet = book[FORM_SHEET]
    rows = {str(sheet.cell(row=r, column=2).value): r for r in range(1, sheet.max_row + 1)}
    facts = {sheet.cell(row=r, column=8).value: r for r in range(1, 20)}
    sheet.cell(row=facts["late_report"], column=3).value = "có"
    for node, points in {"awareness": 16, "internal": 40, "dvc_full": 8, "dvc_records": 7, "report": 9}.items():
        sheet.cell(row=rows[node], column=6).value = points
    book.save(form)
    return form


@pytest.mark.parametrize("extension", [".yaml", ".json"])
def test_facts_collected_into_yaml_or_json_reach_the_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extension: str
) -> None:
    form = _late_form(tmp_path, capsys)
    rules = ["--rules", str(RULES / "late_report.py")]
    out = tmp_path / f"gop{extension}"
    status, _out, err = run_cli(capsys, ["collect", str(RULES / "rubric.yaml"), str(form), *rules, "-o", str(out)])
    assert status == 0, err
    (taken,) = read_assessments(out, load_rubric(str(RULES / "rubric.yaml")))
    assert taken.agency.attributes == {"late_report": True}
    status, csv_out, err = run_cli(capsys, ["score", str(RULES / "rubric.yaml"), str(out), *rules, "--format", "csv"])
    assert status == 0, err
    assert "so-xay-dung,Sở Xây dựng,78.50,Khá," in csv_out and csv_out.endswith(
        ",7.50\n"
    )  # 80 less the late report's 1.5 points: the fact reached the rule


@pytest.mark.parametrize("extension", [".csv", ".xlsx"])
def test_facts_collected_into_a_table_are_refused_naming_them_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extension: str
) -> None:
    form = _late_form(tmp_path, capsys)
    rules = ["--rules", str(RULES / "late_report.py")]
    out = tmp_path / f"gop{extension}"
    common = ["collect", str(RULES / "rubric.yaml"), str(form), str(RULES / "scores.yaml"), *rules, "-o", str(out)]
    status, _out, err = run_cli(capsys, [*common[:3], *common[4:]])  # the form alone
    assert status == 2 and not out.exists()
    kind = extension.lstrip(".").upper()
    assert f"govindex: lỗi: {out}: tệp {kind} không chứa được thông tin về cơ quan mà quy tắc đọc (late_report)" in err
    assert "của 1 cơ quan (Sở Xây dựng); không ghi tệp nào" in err
    assert f"Hãy gộp vào tệp YAML hoặc JSON (--output {out.with_suffix('.yaml')})" in err
    status, _out, err = run_cli(capsys, [*common[:2], str(RULES / "scores.yaml"), *common[4:], "--lang", "en"])
    assert status == 2 and not out.exists()
    assert f"a {kind} file cannot hold the agency facts rules read (late_report) of 1 agencies (Sở Xây dựng)" in err
