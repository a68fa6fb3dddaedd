"""Fuzz: arbitrary text and mutations of valid files either load or raise GovIndexError, never anything else."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filekit import ASSESSMENT, RUBRIC, WIDE
from govindex import GovIndexError
from govindex.io.assessments import check_assessment_text, parse_assessment_file
from govindex.io.csvio import check_scores_csv, parse_scores_csv
from govindex.io.rubrics import check_rubric_text, parse_rubric

DEMO = parse_rubric(RUBRIC)
LONG = "agency,group,node,score\nso-noi-vu,provincial,infra,35.5\nso-noi-vu,provincial,ops,50\n"

# Pieces that make YAML and CSV interesting: structure, tags, anchors, numbers, quotes, separators.
tokens = st.sampled_from(
    [
        ":",
        " ",
        "\n",
        "  ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        ",",
        ";",
        '"',
        "'",
        "&a ",
        "*a",
        "!!python/object:x ",
        "!!binary ",
        "<<: ",
        "#",
        ".nan",
        "-.inf",
        "1e9",
        "010",
        "0x1F",
        "9,0",
        "-1",
        "2024-13-01",
        "~",
        "null",
        "yes",
        "\t",
        "\ufeff",
        "\x00",
        "Sở",
        "max_points",
        "children",
        "scores",
        "agencies",
        "total",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "? ",
        "|\n",
        ">\n",
        "\r\n",
    ]
)


@st.composite
def mutations(draw: st.DrawFn, original: str) -> str:
    text = original
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        if kind == "delete":
            end = draw(st.integers(start, min(len(text), start + 20)))
            text = text[:start] + text[end:]
        elif kind == "duplicate":
            end = draw(st.integers(start, min(len(text), start + 40)))
            text = text[:end] + text[start:end] + text[end:]
        else:
            piece = draw(st.one_of(tokens, st.text(max_size=5)))
            end = start if kind == "insert" else draw(st.integers(start, min(len(text), start + 5)))
            text = text[:start] + piece + text[end:]
    return text


def loads_or_refuses(load: object, text: str) -> None:
    with contextlib.suppress(GovIndexError):
        load(text)  # type: ignore[operator]


@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    loads_or_refuses(lambda t: parse_rubric(t, file="r.yaml"), text)
    loads_or_refuses(lambda t: parse_assessment_file(t, DEMO, file="a.yaml"), text)
    loads_or_refuses(lambda t: parse_rubric(t, file="r.json"), text)
    loads_or_refuses(lambda t: parse_scores_csv(t, DEMO, file="s.csv"), text)


@given(st.lists(tokens, max_size=40).map("".join))
def test_arbitrary_token_soup(text: str) -> None:
    loads_or_refuses(lambda t: parse_rubric(t, file="r.yaml"), text)
    loads_or_refuses(lambda t: parse_assessment_file(t, DEMO), text)
    loads_or_refuses(lambda t: parse_scores_csv(t, DEMO), text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(mutations(RUBRIC))
def test_mutated_rubrics(text: str) -> None:
    loads_or_refuses(lambda t: parse_rubric(t, file="r.yaml"), text)
    _, problems = check_rubric_text(text, file="r.yaml")
    assert all(isinstance(problem, GovIndexError) for problem in problems)


@given(mutations(ASSESSMENT))
def test_mutated_assessment_files(text: str) -> None:
    loads_or_refuses(lambda t: parse_assessment_file(t, DEMO, file="a.yaml"), text)
    _, problems = check_assessment_text(text, DEMO, file="a.yaml")
    assert all(isinstance(problem, GovIndexError) for problem in problems)


@given(st.one_of(mutations(WIDE), mutations(LONG)))
def test_mutated_score_tables(text: str) -> None:
    loads_or_refuses(lambda t: parse_scores_csv(t, DEMO, file="s.csv"), text)
    loads_or_refuses(lambda t: parse_scores_csv(t.encode("utf-8"), DEMO, file="s.csv"), text)
    _, problems = check_scores_csv(text, DEMO, file="s.csv")
    assert all(isinstance(problem, GovIndexError) for problem in problems)


@given(st.binary(max_size=200))
def test_arbitrary_bytes_as_csv(data: bytes) -> None:
    loads_or_refuses(lambda d: parse_scores_csv(d, DEMO, file="s.csv"), data)


# --- the one reader, over bytes and near-valid files of every kind ---------------------------------------------------


def _read_file(path: object, data: bytes, rubric: object = DEMO) -> None:
    """Reading (and validating) the bytes as a score file: a cohort, or a GovIndexError; nothing else."""
    from pathlib import Path

    from govindex.io import ReadOptions, read_scores
    from govindex.io.validate import validate_file

    assert isinstance(path, Path)
    path.write_bytes(data)
    with contextlib.suppress(GovIndexError):
        read_scores(path, rubric, options=ReadOptions(max_bytes=200_000, max_cells=20_000))  # type: ignore[arg-type]
    report = validate_file(path, rubric, options=ReadOptions(max_bytes=200_000, max_cells=20_000))  # type: ignore[arg-type]
    for problem in report.problems:
        assert isinstance(problem, GovIndexError)
        problem.describe("vi")
        problem.describe("en")


def _workbook(rows: list[list[object]]) -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".json", ".yaml"]))
def test_any_bytes_read_as_a_score_file(tmp_path_factory: object, data: bytes, suffix: str) -> None:
    folder = tmp_path_factory.mktemp("bytes")  # type: ignore[attr-defined]
    _read_file(folder / f"f{suffix}", data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(
        mutations(WIDE),
        mutations(LONG),
        mutations(ASSESSMENT),
        mutations('{"rubric": "demo", "results": [{"agency": "a", "group": "provincial", "total": "9", "nodes": {}}]}'),
    ),
    suffix=st.sampled_from([".csv", ".json", ".yaml"]),
)
def test_near_valid_files_read_as_score_files(tmp_path_factory: object, text: str, suffix: str) -> None:
    folder = tmp_path_factory.mktemp("near")  # type: ignore[attr-defined]
    _read_file(folder / f"f{suffix}", text.encode("utf-8", "surrogatepass"))


cell_values = st.one_of(
    st.none(),
    st.integers(-5, 200),
    st.decimals(min_value=-5, max_value=200, places=3, allow_nan=False),
    st.sampled_from(["so-noi-vu", "provincial", "district", "35,5", "=1+1", "#DIV/0!", "bảy", "", " ", "x", "total"]),
    st.text(max_size=8),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell_values, max_size=6), max_size=6))
def test_near_valid_workbooks_read_as_score_files(tmp_path_factory: object, rows: list[list[object]]) -> None:
    import openpyxl.utils.exceptions

    folder = tmp_path_factory.mktemp("xlsx")  # type: ignore[attr-defined]
    try:
        data = _workbook([["agency", "group", "infra", "ops", "total"], *rows])
    except (openpyxl.utils.exceptions.IllegalCharacterError, ValueError):
        return  # openpyxl will not write such a cell: not a file a person can have
    _read_file(folder / "f.xlsx", data)
