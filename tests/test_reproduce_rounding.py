"""``govindex reproduce`` tells an exact match, a difference the rounding of published components explains, and a real difference apart."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errorcheck import english, raises
from govindex.cli import main
from govindex.errors import GovIndexError, InputError
from govindex.io.published import load_dataset, reproduce
from govindex.published import PublishedAgency, PublishedDataset, PublishedFigures, PublishedRounding
from govindex.reproduction import CheckStatus

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dti-reproduce-illustrative.yaml"
INDICES = {
    "digital_awareness": 100,
    "digital_institutions": 100,
    "digital_infrastructure": 100,
    "digital_human_resources": 100,
    "cyber_security": 100,
    "digital_government": 200,
    "digital_economy": 150,
    "digital_society": 150,
}


def totals(dataset: PublishedDataset) -> dict[str, tuple[CheckStatus, str, str, str | None, str | None]]:
    outcome = reproduce(dataset)
    return {
        check.agency: (check.status, check.published, check.computed, check.difference, check.bound)
        for check in outcome.checks
        if check.figure == "total" and check.agency is not None
    }


def test_the_illustrative_dataset_shows_the_three_cases() -> None:
    dataset = load_dataset(EXAMPLE)  # a Path
    assert load_dataset(str(EXAMPLE)) == dataset, "a dataset file is read the same by path and by text"
    assert dataset.values == "index"
    assert dataset.published_rounding == {"total": PublishedRounding(components=4, decimals=4)}
    found = totals(dataset)
    assert found == {
        "tinh-a": (CheckStatus.MATCH, "0.8000", "0.8000", None, None),
        "tinh-b": (CheckStatus.ROUNDING, "0.7163", "0.7164", "+0.0001", "0.00015"),
        "tinh-c": (CheckStatus.DIFFERENT, "0.7100", "0.7000", "-0.0100", "0.00015"),
    }, "tinh-a exact, tinh-b within the bound 0.00015, tinh-c a real difference"
    outcome = reproduce(dataset)
    assert [(check.agency, check.figure) for check in outcome.differences] == [("tinh-c", "total")]
    assert [check.agency for check in outcome.within_rounding] == ["tinh-b"]
    assert (outcome.checked, outcome.matched, outcome.ok) == (6, 4, False), "3 totals and 3 ranks; only tinh-c differs"


def test_a_difference_within_rounding_is_no_difference() -> None:
    dataset = load_dataset(EXAMPLE)
    kept = attrs.evolve(dataset, agencies=dataset.agencies[:2])
    outcome = reproduce(kept)
    assert outcome.ok, f"only tinh-b's rounding differs, which is explained: {outcome.differences}"
    assert [check.status for check in outcome.checks if check.figure == "total"] == [CheckStatus.MATCH, CheckStatus.ROUNDING]


def test_without_a_stated_rounding_a_difference_is_a_difference() -> None:
    dataset = attrs.evolve(load_dataset(EXAMPLE), published_rounding={})
    assert totals(dataset)["tinh-b"] == (CheckStatus.DIFFERENT, "0.7163", "0.7164", None, None), (
        "with no published_rounding the bound is 0, so one unit in the last place is a difference"
    )


def test_the_bound_grows_with_coarser_components() -> None:
    # Components published with 2 decimals: 0.005 × (1000/1000) + 2 × 0.00005 = 0.0051, still short of 0.0100.
    dataset = load_dataset(EXAMPLE)
    coarse = attrs.evolve(dataset, published_rounding={"total": PublishedRounding(components=2, decimals=4)})
    found = totals(coarse)
    assert found["tinh-b"][3:] == ("+0.0001", "0.0051")
    assert found["tinh-c"][0] is CheckStatus.DIFFERENT, "0.0100 is beyond the bound 0.0051"


def test_the_cli_reports_the_three_cases_and_exits_1_only_on_a_real_difference(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status = main(["reproduce", str(EXAMPLE), "--lang", "en"])
    out = capsys.readouterr().out
    assert status == 1, "tinh-c is a real difference"
    assert "  1  Tỉnh A (minh hoạ)  0.8000  0.8000 " in out
    assert "  2  Tỉnh B (minh hoạ)  0.7163  0.7164 ≈" in out
    assert "  3  Tỉnh C (minh hoạ)  0.7100  0.7000 ≠" in out
    assert (
        "  - Provinces and centrally run cities, Tỉnh B (minh hoạ), total: published 0.7163, computed 0.7164, "
        "differs by +0.0001, within the bound ±0.00015"
    ) in out
    assert "Differences from the published figures (1):" in out
    assert (
        "  - Provinces and centrally run cities, Tỉnh C (minh hoạ), total: published 0.7100, computed 0.7000, "
        "differs by -0.0100, beyond the rounding bound ±0.00015"
    ) in out
    assert out.splitlines()[-1] == (
        "Checked 6 published figures of 3 agencies: 4 match, 0 known error(s) of the source, 1 difference(s). "
        "1 more differ(s) only within the rounding of the published components."
    )
    status = main(["reproduce", str(EXAMPLE)])
    out = capsys.readouterr().out
    assert status == 1
    assert "chênh +0,0001, trong giới hạn ±0,00015" in out, "Vietnamese by default, with a decimal comma"
    assert "tính lại 0,7000, chênh -0,0100, vượt giới hạn làm tròn ±0,00015" in out
    text = EXAMPLE.read_text(encoding="utf-8")
    cut = text[: text.index("  - id: tinh-c")]
    path = tmp_path / "two.yaml"
    path.write_text(cut, encoding="utf-8")
    assert main(["reproduce", str(path)]) == 0, "a difference within rounding alone does not make reproduce fail"
    assert "Ngoài ra 1 số liệu chênh trong giới hạn làm tròn" in capsys.readouterr().out


def test_the_bundled_2017_datasets_stay_exact() -> None:
    it = reproduce(load_dataset("sonla-2017-it"))
    web = reproduce(load_dataset("sonla-2017-web"))
    assert (it.checked, it.matched, it.within_rounding, it.ok) == (300, 300, (), True)
    assert (web.checked, web.matched, len(web.known_errors), web.within_rounding, web.ok) == (108, 106, 2, (), True)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  total: {components: 4, decimals: 4}",
            "  mean: {components: 4}",
            "published_rounding names 'mean'; the figures whose rounding can be stated are total",
        ),
        ("values: index", "values: indices", "values must be 'points' or 'index', not 'indices'"),
        ("{components: 4,", "{components: -1,", "components must be a whole number from 0 to 12, not -1"),
    ],
)
def test_a_malformed_rounding_statement_is_refused(tmp_path: Path, old: str, new: str, message: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(GovIndexError) as caught:
        load_dataset(path)
    assert message in english(caught.value)
    assert "broken.yaml" in str(caught.value), f"the message names the file: {caught.value}"


def test_the_cli_refuses_a_malformed_rounding_statement_with_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("decimals: 4}", "decimals: yes}"), encoding="utf-8")
    assert main(["reproduce", str(path)]) == 2
    err = capsys.readouterr().err
    assert "broken.yaml" in err and "Traceback" not in err


def _half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 10**8), min_size=8, max_size=8))
def test_a_total_computed_from_unrounded_components_is_never_a_difference(units: list[int]) -> None:
    # The published indices are the unrounded ones rounded to 4 decimals, and the published PDTI
    # is computed from the unrounded ones: the recomputation is exact or within the bound.
    unrounded = [Decimal(u).scaleb(-8) for u in units]
    scores = {node: _half_up(value, 4) for node, value in zip(INDICES, unrounded, strict=True)}
    points = sum((value * INDICES[node] for node, value in zip(INDICES, unrounded, strict=True)), Decimal(0))
    published = _half_up(points / 1000, 4)
    dataset = PublishedDataset(
        dataset="property",
        rubric="vn-dti-2022-province",
        source={},
        agencies=(PublishedAgency("p", "P", "province", scores, PublishedFigures(published)),),
        values="index",
        published_rounding={"total": PublishedRounding(4, 4)},
    )
    outcome = reproduce(dataset)
    (check,) = outcome.checks
    assert check.status in (CheckStatus.MATCH, CheckStatus.ROUNDING), f"{scores} published {published}: {check}"
    assert outcome.ok


def test_a_rounding_statement_of_the_wrong_kind_is_refused() -> None:
    with raises(InputError, match="decimals must be a whole number from 0 to 12, not True"):
        PublishedRounding(4, True)  # type: ignore[arg-type]


def test_the_methodology_shows_the_command_and_what_it_prints(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)  # the command runs from the repository, as the docs show it
    docs = (root / "docs" / "methodology.md").read_text(encoding="utf-8")
    command = "govindex reproduce examples/dti-reproduce-illustrative.yaml --lang en"
    assert f'```sh\n{command} || echo "exit status $?"\n```' in docs
    shown = docs.split(command, 1)[1].split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    status = main(command.split()[1:])
    out = capsys.readouterr().out.splitlines()
    assert shown[-1] == f"exit status {status}"
    missing = [line for line in shown[:-1] if line not in out]
    assert not missing, f"the docs show lines the command does not print: {missing}"


@pytest.mark.parametrize(
    ("printed", "status", "difference"),
    [("83.8", CheckStatus.MATCH, None), ("83.5", CheckStatus.ROUNDING, "+0.3"), ("83.4", CheckStatus.DIFFERENT, "+0.4")],
)
def test_a_stated_rounding_of_scores_in_points(printed: str, status: CheckStatus, difference: str | None) -> None:
    # Six criterion scores in points with one decimal and a one-decimal total: 6 × 0.05 + 0.05 = 0.35.
    dataset = load_dataset("sonla-2017-it")
    first = dataset.agencies[0]
    assert (first.id, len(first.scores), first.published.total) == ("so-thong-tin-va-truyen-thong", 6, Decimal("83.8"))
    moved = attrs.evolve(first, published=attrs.evolve(first.published, total=Decimal(printed)))
    changed = attrs.evolve(
        dataset, agencies=(moved, *dataset.agencies[1:]), published_rounding={"total": PublishedRounding(1)}
    )
    found = totals(changed)[first.id]
    assert found[0] is status, f"published {printed} against 83.8 computed, bound 0.35: {found}"
    assert found[3:] == ((difference, "0.35") if difference else (None, None))
