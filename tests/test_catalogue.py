"""The one catalogue of words: every entry has a unique code and the same parameters in both languages."""

from __future__ import annotations

import importlib
import pkgutil
import string
from decimal import Decimal

import pytest

import govindex.catalogue
from govindex.catalogue import Entry, number, show
from govindex.catalogue.common import Common
from govindex.errors import GovIndexError, InputError, UnknownNameError, check_lang, collected


def _areas() -> list[type[Entry]]:
    for info in pkgutil.iter_modules(govindex.catalogue.__path__):
        importlib.import_module(f"govindex.catalogue.{info.name}")
    found: list[type[Entry]] = []
    stack = list(Entry.__subclasses__())
    while stack:
        area = stack.pop()
        found.append(area)
        stack.extend(area.__subclasses__())
    return found


def _fields(template: str) -> set[str]:
    return {field for _t, field, _s, _c in string.Formatter().parse(template) if field}


def test_every_code_is_used_once() -> None:
    seen: dict[str, str] = {}
    for area in _areas():
        for entry in area:
            assert entry.code not in seen, f"{entry.code!r} is used by {seen[entry.code]} and {area.__name__}"
            seen[entry.code] = area.__name__
    assert "where-agency" in seen


@pytest.mark.parametrize("area", _areas(), ids=lambda area: area.__name__)
def test_both_languages_take_the_same_parameters(area: type[Entry]) -> None:
    for entry in area:
        assert entry.vi.strip() and entry.en.strip(), entry
        assert _fields(entry.vi) == _fields(entry.en), entry


def test_numbers_are_written_for_the_language() -> None:
    assert number(Decimal("71.5"), "vi") == "71,5"
    assert number(Decimal("71.5"), "en") == "71.5"
    assert show(Decimal("0.10"), "vi") == "0,10"
    assert show(("a", "b"), "en") == "a, b"
    assert show(frozenset({"b", "a"}), "en") == "a, b"
    assert show(None, "vi") == "-"


def test_an_error_from_the_catalogue_is_worded_in_either_language() -> None:
    error = UnknownNameError(Common.UNKNOWN_LANGUAGE, lang="'fr'", langs=("vi", "en"), agency="so-a", node="n1")
    assert error.code == "unknown-language"
    assert (
        error.describe("vi") == "cơ quan 'so-a', tiêu chí 'n1': ngôn ngữ 'fr' không được hỗ trợ; dùng một trong vi, en"
    )
    assert error.describe("en") == "agency 'so-a', node 'n1': unknown language 'fr'; use one of vi, en"
    assert str(error) == error.describe("vi")
    named = error.with_context(agency_name="Sở A", node_name="Hạ tầng", file="a.csv", line=3)
    assert named.describe("vi").startswith("a.csv:3: cơ quan 'Sở A', tiêu chí 'Hạ tầng': ")
    assert named.describe("en").startswith("a.csv:3: agency 'so-a', node 'n1': ")
    with pytest.raises(UnknownNameError, match="ngôn ngữ 'de'"):
        check_lang("de")


def test_an_entry_refuses_missing_or_unknown_parameters() -> None:
    with pytest.raises(TypeError, match="missing parameters"):
        UnknownNameError(Common.UNKNOWN_LANGUAGE, lang="fr")
    with pytest.raises(TypeError, match="unexpected parameters"):
        UnknownNameError(Common.UNKNOWN_LANGUAGE, lang="fr", langs=(), colour="red")


def test_collected_problems_keep_every_one() -> None:
    first = InputError(Common.UNKNOWN_LANGUAGE, lang="x", langs="vi", line=2)
    second = InputError(Common.UNKNOWN_LANGUAGE, lang="y", langs="vi", line=5)
    group = collected([first, second])
    assert isinstance(group, InputError)
    assert [p.line for p in group.problems] == [2, 5]
    assert "(và 1 lỗi khác" in group.describe("vi")
    assert "(and 1 more problem(s)" in group.describe("en")
    assert collected([first]) is first


def test_errors_pickle_with_their_reason_and_problems() -> None:
    import pickle

    group = collected(
        [
            InputError(Common.UNKNOWN_LANGUAGE, lang="x", langs="vi", agency="a"),
            InputError(Common.UNKNOWN_LANGUAGE, lang="y", langs="vi", agency="b"),
        ]
    )
    back = pickle.loads(pickle.dumps(group))
    assert isinstance(back, GovIndexError)
    assert back.describe("en") == group.describe("en")
    assert [p.agency for p in back.problems] == ["a", "b"]


def test_an_error_is_worded_when_it_is_read_not_when_it_is_made() -> None:
    import pickle

    from govindex.catalogue.reading import Reading

    error = InputError(Reading.NEGATIVE, value=Decimal("-1.5"), file="diem.csv", line=2, column=4, agency="so-a")
    assert error.args == ()  # nothing formatted on the way: a file with a million bad cells makes a million errors
    assert str(error) == "diem.csv:2:4: cơ quan 'so-a': điểm -1,5 là số âm"
    assert repr(error) == "InputError(\"diem.csv:2:4: cơ quan 'so-a': điểm -1,5 là số âm\")"
    assert error.describe("en") == "diem.csv:2:4: agency 'so-a': score -1.5 is negative"
    again = pickle.loads(pickle.dumps(collected([error, error.with_context(line=3)])))
    assert str(again) == str(collected([error, error])) and len(again.problems) == 2
