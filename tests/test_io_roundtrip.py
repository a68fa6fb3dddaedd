"""One converter both ways: load(dump(x)) == x, and dumping is deterministic."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govindex import Rubric, Source, list_rubrics, load_rubric
from govindex.bands import Band, BandScheme
from govindex.io.assessments import AgencyEntry, AssessmentFile, dump_assessment_file, parse_assessment_file
from govindex.io.rubrics import dump_rubric, parse_rubric
from govindex.ranking import TiePolicy
from govindex.rubric import RESERVED_IDS, Group, LegalBasis, Node, RuleRef

# Text as people type it: letters with Vietnamese diacritics, digits, punctuation, spaces; every
# reader gives text in Unicode NFC, so the text written is NFC too.
text = st.text(
    alphabet=st.characters(categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x85\u2028\u2029"),
    max_size=30,
).map(lambda value: unicodedata.normalize("NFC", value))
names = text
ids = st.from_regex(r"[a-z][a-z0-9_\-]{0,8}", fullmatch=True).filter(lambda value: value not in RESERVED_IDS)
dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))


def points(decimals: int, top: int = 100) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=top, places=decimals, allow_nan=False, allow_infinity=False)


@st.composite
def trees(draw: st.DrawFn, decimals: int, prefix: str, depth: int = 0) -> Node:
    counter = draw(st.integers(0, 10_000))
    node_id = f"{prefix}{counter}"
    optional = {
        "name_en": draw(st.none() | text),
        "tags": draw(st.frozensets(ids, max_size=2)),
        "components": tuple(draw(st.lists(text, max_size=2))),
        "notes": draw(st.none() | text),
    }
    if depth < 2 and draw(st.booleans()):
        children = []
        for index in range(draw(st.integers(1, 3))):
            children.append(draw(trees(decimals, f"{node_id}-{index}-", depth + 1)))
        total = sum((child.max_points for child in children), Decimal(0))
        return Node(node_id, draw(text), total, tuple(children), **optional)
    return Node(node_id, draw(text), draw(points(decimals)), **optional)


legal_bases = st.builds(LegalBasis, text, dates, text, st.none() | text, st.none() | text)
params = st.dictionaries(
    ids, st.one_of(st.integers(-1000, 1000), text, st.booleans(), points(3), st.lists(ids, max_size=3)), max_size=3
)


@st.composite
def band_schemes(draw: st.DrawFn) -> BandScheme:
    cuts = sorted(draw(st.sets(st.integers(1, 99), min_size=1, max_size=3)), reverse=True)
    bands = [Band("b0", draw(text), Decimal(cuts[0]), None, draw(st.none() | text))]
    for index, (upper, lower) in enumerate(zip(cuts, [*cuts[1:], 0], strict=True), start=1):
        bands.append(Band(f"b{index}", draw(text), Decimal(lower), Decimal(upper)))
    return BandScheme(tuple(bands))


#: A rubric holds its rules as names: any name round-trips, bound or not.
RULE_NAMES = ("rule-a", "rule-b")


@st.composite
def rubrics(draw: st.DrawFn) -> Rubric:
    decimals = draw(st.integers(0, 4))
    groups = tuple(
        Group(group_id, draw(text), draw(trees(decimals, "n")), draw(st.none() | text))
        for group_id in draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    )
    return Rubric(
        draw(ids),
        draw(text),
        draw(st.integers(1990, 2100)),
        draw(legal_bases),
        groups,
        draw(st.none() | band_schemes()),
        decimals,
        draw(st.sampled_from(TiePolicy)),
        tuple(
            draw(st.lists(st.builds(RuleRef, st.sampled_from(RULE_NAMES), params, st.none() | legal_bases), max_size=2))
        ),
        draw(st.none() | text),
        draw(st.none() | legal_bases),
        draw(st.none() | text),
    )


@st.composite
def entries(draw: st.DrawFn, agency_id: str) -> AgencyEntry:
    special = draw(st.booleans())
    return AgencyEntry(
        agency_id,
        draw(names),
        draw(ids),
        draw(st.dictionaries(ids, points(2, 1000), max_size=4)),
        draw(st.dictionaries(ids, text, max_size=2)),
        draw(st.booleans()),
        draw(st.booleans()),
        draw(st.booleans()),
        special,
        tuple(draw(st.lists(ids, max_size=2, unique=True))) if special else (),
        draw(st.dictionaries(ids, st.one_of(text, st.booleans(), st.integers(-10, 10**6)), max_size=2)),
    )


@st.composite
def assessment_files(draw: st.DrawFn) -> AssessmentFile:
    agency_ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9\-]{0,12}", fullmatch=True), max_size=4, unique=True))
    return AssessmentFile(
        tuple(draw(entries(agency_id)) for agency_id in agency_ids),
        draw(st.sampled_from(Source)),
        draw(st.none() | st.integers(1990, 2100)),
        draw(st.none() | ids),
    )


@given(rubrics(), st.sampled_from(["yaml", "json"]))
def test_rubric_round_trip(rubric: Rubric, fmt: str) -> None:
    text_out = dump_rubric(rubric, fmt)
    again = parse_rubric(text_out, file=f"rubric.{fmt}")
    assert again == rubric
    assert dump_rubric(again, fmt) == text_out


@given(assessment_files(), st.sampled_from(["yaml", "json"]))
def test_assessment_file_round_trip(parsed: AssessmentFile, fmt: str) -> None:
    text_out = dump_assessment_file(parsed, fmt)
    again = parse_assessment_file(text_out, file=f"scores.{fmt}")
    assert again == parsed
    assert dump_assessment_file(again, fmt) == text_out


def test_bundled_rubrics_round_trip() -> None:
    for rubric_id in list_rubrics():
        rubric = load_rubric(rubric_id)
        for fmt in ("yaml", "json"):
            assert parse_rubric(dump_rubric(rubric, fmt)) == rubric


def test_decimals_keep_their_digits() -> None:
    parsed = AssessmentFile((AgencyEntry("a", "Sở A", "g", {"t": Decimal("71.50"), "u": Decimal("0.1")}),))
    out: Any = dump_assessment_file(parsed)
    assert "t: 71.50\n" in out and "u: 0.1\n" in out
    assert '"t": 71.50' in dump_assessment_file(parsed, "json")
    assert str(parse_assessment_file(out).agencies[0].scores["t"]) == "71.50"
