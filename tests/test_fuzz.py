"""Fuzz: arbitrary text and mutations of valid files either load or raise GovIndexError, never anything else."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filekit import ASSESSMENT, RUBRIC, WIDE
from govindex import GovIndexError, parse_assessment_file, parse_rubric, parse_scores_csv
from govindex.io.assessments import check_assessment_text
from govindex.io.csvio import check_scores_csv
from govindex.io.rubrics import check_rubric_text

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
