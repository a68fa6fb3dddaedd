"""A recomputation against a published table: ``govindex reconcile SCORES --published TABLE``."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from govindex.agreement import PublishedFigure
from govindex.cli import main
from govindex.errors import GovIndexError
from govindex.io.published_table import parse_published_table, read_published_table

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCORES = EXAMPLES / "dti-index-values.csv"
PUBLISHED = EXAMPLES / "dti-published.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_reading_a_published_table() -> None:
    figures = read_published_table(PUBLISHED)
    assert figures[-1] == PublishedFigure("tinh-e", Decimal("0.6970"), 5)
    assert parse_published_table("agency;published\nson-la;0,5478\n") == (PublishedFigure("son-la", Decimal("0.5478")),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "agency,published,score\n",
            "t.csv:1:3: unknown column 'score' in a published table; the columns are agency, name, published, rank",
        ),
        ("agency,rank\n", "t.csv:1: a published table needs a 'published' column"),
        ("agency,published\na,0.5\na,0.6\n", "t.csv:3:1: agency 'a': the agency appears twice (first on line 2)"),
        ("agency,published\na,abc\n", "t.csv:2:2: agency 'a': 'abc' is not a number of points"),
        ("agency,published\na,-0.5\n", "t.csv:2:2: agency 'a': published value -0.5 is negative"),
        ("agency,published,rank\na,0.5,0\n", "t.csv:2:3: agency 'a': rank '0' is not a whole number from 1"),
        ("agency,published,rank\na,0.5,²\n", "t.csv:2:3: agency 'a': rank '²' is not a whole number from 1"),
        ("agency,published\n,0.5\n", "t.csv:2:1: the agency cell is empty"),
        ("agency,published\na,0.5,9\n", "t.csv:2: the row has 3 cells but the header has 2"),
    ],
)
def test_a_bad_published_table_is_refused_at_its_cell(text: str, message: str) -> None:
    with pytest.raises(GovIndexError) as caught:
        parse_published_table(text, file="t.csv")
    assert caught.value.describe("en") == message


def test_reconcile_against_the_published_table(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["reconcile", str(SCORES), "--published", str(PUBLISHED), "--rubric", "vn-dti-2022-province"]
    status, out, err = run(capsys, *argv, "--values", "index", "--lang", "en")
    assert (status, err) == (0, "")
    line = next(line for line in out.splitlines() if line.startswith("tinh-e"))
    assert line.split()[-7:] == ["0.6970", "0.6971", "+0.0001", "0.00015", "rounding", "5", "5"]
    assert out.endswith("5 published figures: 4 exact, 1 rounding, 0 different; 0 rank(s) differ.\n")
    status, out, err = run(capsys, *argv, "--values", "index")
    assert (status, err) == (0, "")
    line = next(line for line in out.splitlines() if line.startswith("Tỉnh E"))
    assert line.split()[-10:] == ["0,6970", "0,6971", "+0,0001", "0,00015", "chênh", "do", "làm", "tròn", "5", "5"]
    assert "tinh-e" not in out
    assert out.endswith("5 số liệu công bố: 4 khớp, 1 chênh do làm tròn, 0 chênh lệch thực sự; 0 thứ hạng khác.\n")
    status, out, _ = run(capsys, *argv, "--values", "index", "--format", "json")
    rows = {row["agency"]: row for row in json.loads(out)}
    assert rows["tinh-e"]["agreement"] == "rounding" and rows["tinh-a"]["agreement"] == "exact"


def test_a_real_difference_and_a_missing_agency_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    table = tmp_path / "published.csv"
    table.write_text("agency,published,rank\ntinh-a,0.9000,1\ntinh-e,0.6968,4\ntinh-x,0.5,9\n", encoding="utf-8")
    argv = ["reconcile", str(SCORES), "--published", str(table), "--rubric", "vn-dti-2022-province"]
    status, out, _ = run(capsys, *argv, "--values", "index", "--lang", "en")
    assert status == 1
    line = next(line for line in out.splitlines() if line.startswith("tinh-e"))
    assert line.split()[-8:] == ["0.6968", "0.6971", "+0.0003", "0.00015", "different", "4", "5", "≠"]
    assert "tinh-x" in out and "only in the published table" in out
    assert "tinh-b" in out and "not in the published table" in out


def test_published_and_appraised_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "reconcile", str(SCORES), str(SCORES), "--published", str(PUBLISHED), "--lang", "en")
    assert status == 2 and "give either APPRAISED or --published TABLE, not both" in err
    status, _, err = run(capsys, "reconcile", str(SCORES), "--lang", "en")
    assert status == 2 and "give the appraisal (APPRAISED) or a published table (--published TABLE)" in err
