"""The agency registry: stable ids, lenient but never guessing name matching, lineage."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import load_dataset
from govindex.agency import slugify
from govindex.directory import (
    AgencyRecord,
    EventKind,
    LineageEvent,
    MatchKind,
    Registry,
    fold_name,
    name_key,
)
from govindex.errors import FileFormatError, GovIndexError, InputError, UnknownNameError
from govindex.io.directory import list_registries, load_registry, parse_registry

SONLA = load_registry("sonla")
DISTRICTS = [
    "Thành phố Sơn La",
    "Huyện Mộc Châu",
    "Huyện Vân Hồ",
    "Huyện Yên Châu",
    "Huyện Mai Sơn",
    "Huyện Sông Mã",
    "Huyện Sốp Cộp",
    "Huyện Thuận Châu",
    "Huyện Quỳnh Nhai",
    "Huyện Mường La",
    "Huyện Bắc Yên",
    "Huyện Phù Yên",
]


def test_bundled_registry_lists_the_departments_the_office_and_the_districts() -> None:
    assert list_registries() == ("sonla",)
    assert len(SONLA.group("provincial")) == 19  # the 18 of 2017 and the Office
    assert [record.name for record in SONLA.group("district")] == DISTRICTS
    for record in SONLA:
        assert record.id == slugify(record.name)


@pytest.mark.parametrize("name", ["sonla-2017-it", "sonla-2017-web"])
def test_every_agency_of_the_2017_results_is_in_the_registry_by_id_and_by_name(name: str) -> None:
    dataset = load_dataset(name)
    assert len(dataset.agencies) == 30  # 18 departments and 12 districts; the Office was not assessed
    for agency in [*dataset.agencies, *dataset.not_assessed]:
        assert agency.id in SONLA
        assert SONLA.resolve(agency.name).id == agency.id
        assert SONLA.get(agency.id).group == agency.group


def test_the_2025_reorganisation_is_recorded() -> None:
    assert SONLA.successor("so-thong-tin-va-truyen-thong") == "so-khoa-hoc-va-cong-nghe"
    assert SONLA.successor("so-giao-thong-van-tai") == "so-xay-dung"
    assert SONLA.successor("so-ke-hoach-va-dau-tu") == "so-tai-chinh"
    assert SONLA.predecessors("so-khoa-hoc-va-cong-nghe") == ("so-thong-tin-va-truyen-thong",)
    assert SONLA.predecessors("so-khoa-hoc-va-cong-nghe", after=2025) == ()
    assert SONLA.successor("so-thong-tin-va-truyen-thong", until=2024) is None
    merger = SONLA.get("so-thong-tin-va-truyen-thong").end
    assert merger is not None and merger.date is None and merger.year == 2025  # the day is not in the sources
    for record in SONLA.group("district"):
        end = record.end
        assert end is not None and end.event is EventKind.ABOLISHED and end.date == dt.date(2025, 7, 1)
        assert record.exists_in(2025) and not record.exists_in(2026)
    assert [agency for agency, _ in SONLA.lineage("so-xay-dung")] == ["so-giao-thong-van-tai"]
    assert SONLA.get("so-noi-vu").events == ()


@pytest.mark.parametrize(
    ("name", "agency_id"),
    [
        ("Sở Tài Nguyên và Môi trường", "so-tai-nguyen-va-moi-truong"),
        ("Sở Lao động-Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi"),
        ("Sở Lao động - Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi"),
        ("Sở Lao động Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi"),
        ("Sở Văn hóa Thể thao và Du lịch", "so-van-hoa-the-thao-va-du-lich"),
        ("Sở Văn hoá, Thể thao và Du lịch", "so-van-hoa-the-thao-va-du-lich"),
        ("Sở Văn hóa Ththao và Du lịch", "so-van-hoa-the-thao-va-du-lich"),
        ("Sở Công thương", "so-cong-thuong"),
        ("Sở Nông nghiệp và phát triển nông thôn", "so-nong-nghiep-va-phat-trien-nong-thon"),
        (unicodedata.normalize("NFD", "Sở Tài chính"), "so-tai-chinh"),
        ("  SỞ   TƯ PHÁP ", "so-tu-phap"),
        ("UBND huyện Mộc Châu", "huyen-moc-chau"),
        ("Ủy ban nhân dân huyện Phù Yên", "huyen-phu-yen"),
        ("Thành phố", "thanh-pho-son-la"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "van-phong-ubnd-tinh"),
        ("So Ke hoach va Dau tu", "so-ke-hoach-va-dau-tu"),
        ("SởTài nguyên và Môi trường", "so-tai-nguyen-va-moi-truong"),
        ("thanh-tra-tinh", "thanh-tra-tinh"),
    ],
)
def test_spellings_found_in_the_decisions_resolve(name: str, agency_id: str) -> None:
    assert SONLA.resolve(name).id == agency_id


def test_match_says_how_a_name_was_matched() -> None:
    assert SONLA.match("so-y-te").kind is MatchKind.ID
    assert SONLA.match("Sở Y Tế").kind is MatchKind.EXACT
    assert SONLA.match("So Y te").kind is MatchKind.FOLDED
    loose = SONLA.match("Sở Văn hóa Ththao và Du lịch")
    assert loose.kind is MatchKind.LOOSE and loose.matched == "Sở Văn hóa, Thể thao và Du lịch"


def test_home_affairs_and_foreign_affairs_stay_apart() -> None:
    assert SONLA.resolve("So Noi vu").id == "so-noi-vu"
    assert SONLA.resolve("So Ngoai vu").id == "so-ngoai-vu"
    assert SONLA.resolve("Sở Ngoai vụ").id == "so-ngoai-vu"
    # dropping the accented letters of "Ngoại" or "Nội" never turns one into the other
    assert SONLA.resolve("Sở Ngoi vụ").id == "so-ngoai-vu"  # "ạ" lost
    assert SONLA.resolve("Sở Ni vụ").id == "so-noi-vu"  # "ộ" lost
    assert SONLA.resolve("Sở Ngoạivụ").id == "so-ngoai-vu"  # the space lost
    with pytest.raises(UnknownNameError):
        SONLA.resolve("Sở Ngi vụ")  # a plain letter is never assumed lost


def test_an_unknown_name_is_refused_with_the_candidates() -> None:
    with pytest.raises(UnknownNameError) as caught:
        SONLA.resolve("Sở Văn hóa")
    message = str(caught.value)
    assert "no agency named 'Sở Văn hóa' in registry 'sonla'" in message
    assert "the closest are: Sở Văn hóa, Thể thao và Du lịch (so-van-hoa-the-thao-va-du-lich)" in message
    assert isinstance(caught.value, GovIndexError)


def test_an_unknown_id_is_refused_with_the_candidates() -> None:
    with pytest.raises(UnknownNameError, match=r"no agency 'so-noi' in registry 'sonla'; the closest are: Sở Nội vụ"):
        SONLA.get("so-noi")


def test_a_name_without_letters_is_refused() -> None:
    with pytest.raises(UnknownNameError, match="it has no letters or digits"):
        SONLA.resolve(" - ")


def _pair(first: str, second: str) -> Registry:
    return Registry(
        "pair", (AgencyRecord(slugify(first) + "-a", first, "g"), AgencyRecord(slugify(second) + "-b", second, "g"))
    )


def test_a_name_that_fits_two_agencies_without_diacritics_is_ambiguous() -> None:
    registry = _pair("Phòng Tư pháp", "Phòng Tứ pháp")
    assert registry.resolve("Phòng Tư pháp").id == "phong-tu-phap-a"  # exact: not a guess
    with pytest.raises(UnknownNameError) as caught:
        registry.resolve("Phong Tu phap")
    assert str(caught.value) == (
        "agency 'Phong Tu phap': the name 'Phong Tu phap' is ambiguous in registry 'pair': without diacritics "
        "it fits Phòng Tư pháp (phong-tu-phap-a); Phòng Tứ pháp (phong-tu-phap-b); write the id or the exact name"
    )


def test_a_name_that_fits_two_agencies_with_letters_missing_is_ambiguous() -> None:
    registry = _pair("Sở Ấn Bình", "Sở Ứ Ấn Bình")
    with pytest.raises(UnknownNameError, match=r"is ambiguous in registry 'pair': with letters missing it fits"):
        registry.resolve("Sở n Bình")


def test_one_name_for_two_agencies_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        Registry(
            "r",
            (
                AgencyRecord("huyen-moc-chau", "Huyện Mộc Châu", "district", aliases=["Mộc Châu"]),
                AgencyRecord("thi-xa-moc-chau", "Thị xã Mộc Châu", "district", aliases=["MỘC CHÂU"]),
            ),
        )
    assert str(caught.value) == (
        "agencies[1]: agency 'thi-xa-moc-chau': the name 'MỘC CHÂU' is also a name of huyen-moc-chau ('Mộc Châu'); "
        "one name cannot stand for two agencies"
    )


def test_a_repeated_id_is_refused() -> None:
    with pytest.raises(InputError, match="the agency id appears twice in the registry"):
        Registry("r", (AgencyRecord("a", "A", "g"), AgencyRecord("a", "B", "g")))


def test_an_id_must_be_a_slug() -> None:
    with pytest.raises(InputError, match=r"agency id 'Sở Y tế' must be lower-case ASCII words joined by '-'"):
        AgencyRecord("Sở Y tế", "Sở Y tế", "provincial")


def test_lineage_must_name_known_agencies() -> None:
    event = LineageEvent(EventKind.MERGED_INTO, year=2025, into="so-khoa-hoc")
    with pytest.raises(UnknownNameError) as caught:
        Registry("r", (AgencyRecord("so-a", "Sở A", "g", events=[event]),))
    assert "agencies[0].events[0]: agency 'so-a': merged into so-khoa-hoc (2025): no agency 'so-khoa-hoc'" in str(
        caught.value
    )


def test_merging_into_an_agency_that_no_longer_exists_is_refused() -> None:
    with pytest.raises(InputError, match=r"merged into b \(2026\): b does not exist in 2026"):
        Registry(
            "r",
            (
                AgencyRecord("a", "A", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2026, into="b")]),
                AgencyRecord("b", "B", "g", events=[LineageEvent(EventKind.ABOLISHED, year=2025)]),
            ),
        )


def test_a_merger_cycle_is_refused() -> None:
    with pytest.raises(InputError, match="merged_into events form a cycle through a, b"):
        Registry(
            "r",
            (
                AgencyRecord("a", "A", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2025, into="b")]),
                AgencyRecord("b", "B", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2025, into="a")]),
            ),
        )


def test_event_rules() -> None:
    with pytest.raises(InputError, match="a abolished event needs a year or a date"):
        LineageEvent(EventKind.ABOLISHED)
    with pytest.raises(InputError, match="the event's year 2024 does not match its date 2025-07-01"):
        LineageEvent(EventKind.ABOLISHED, year=2024, date=dt.date(2025, 7, 1))
    with pytest.raises(InputError, match="a merged_into event needs 'into'"):
        LineageEvent(EventKind.MERGED_INTO, year=2025)
    with pytest.raises(InputError, match="'into' does not belong to a abolished event"):
        LineageEvent(EventKind.ABOLISHED, year=2025, into="x")
    with pytest.raises(InputError, match="'abolished' can only be the last event"):
        AgencyRecord(
            "a",
            "A",
            "g",
            events=[
                LineageEvent(EventKind.ABOLISHED, year=2020),
                LineageEvent(EventKind.RENAMED, year=2020, previous_name="B"),
            ],
        )
    with pytest.raises(InputError, match="events must be in chronological order"):
        AgencyRecord(
            "a",
            "A",
            "g",
            events=[
                LineageEvent(EventKind.RENAMED, year=2021, previous_name="B"),
                LineageEvent(EventKind.ABOLISHED, year=2020),
            ],
        )
    with pytest.raises(InputError, match="'created' can only be the first event"):
        AgencyRecord(
            "a",
            "A",
            "g",
            events=[
                LineageEvent(EventKind.RENAMED, year=2019, previous_name="B"),
                LineageEvent(EventKind.CREATED, year=2020),
            ],
        )
    with pytest.raises(InputError, match="an agency cannot merge into or split from itself"):
        AgencyRecord("a", "A", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2020, into="a")])


def test_renamed_agency_keeps_its_id_and_answers_to_its_old_name() -> None:
    registry = Registry(
        "r",
        (
            AgencyRecord(
                "so-a",
                "Sở B",
                "g",
                events=[LineageEvent(EventKind.RENAMED, year=2022, previous_name="Sở A")],
            ),
        ),
    )
    assert registry.resolve("Sở A").id == "so-a"
    assert registry.get("so-a").name_in(2021) == "Sở A"
    assert registry.get("so-a").name_in(2022) == "Sở B"


REGISTRY_YAML = """\
id: test
agencies:
  - id: so-a
    name: Sở A
    group: provincial
    events:
      - {event: merged_into, into: so-b, date: 2025-03-01}
  - id: so-b
    name: Sở B
    group: provincial
"""


def test_registry_file_round_trip() -> None:
    registry = parse_registry(REGISTRY_YAML)
    end = registry.get("so-a").end
    assert end is not None and end.when == "2025-03-01" and end.effective_year == 2025


def test_registry_file_unknown_key_is_refused_with_its_path() -> None:
    text = REGISTRY_YAML.replace("group: provincial\n    events", "group: provincial\n    alias: [A]\n    events")
    with pytest.raises(FileFormatError) as caught:
        parse_registry(text, file="agencies.yaml")
    assert caught.value.describe("en").startswith(
        "agencies.yaml:6:5: agencies[0].alias: unknown key 'alias' (did you mean 'aliases'?)"
    )


def test_registry_file_unknown_event_kind_is_refused() -> None:
    with pytest.raises(GovIndexError) as caught:
        parse_registry(REGISTRY_YAML.replace("merged_into,", "merged,"), file="agencies.yaml")
    assert caught.value.describe("en").startswith(
        "agencies.yaml:7:17: agencies[0].events[0].event: 'merged' is not one of 'created', 'renamed', 'merged_into'"
    )


def test_registry_file_semantic_error_names_the_file() -> None:
    with pytest.raises(UnknownNameError) as caught:
        parse_registry(REGISTRY_YAML.replace("into: so-b", "into: so-c"), file="agencies.yaml")
    assert str(caught.value).startswith("agencies.yaml:7:9: agencies[0].events[0]: agency 'so-a': merged into so-c")


def test_registry_file_must_be_a_mapping() -> None:
    with pytest.raises(FileFormatError, match="a registry file must hold a mapping at its top"):
        parse_registry("- a\n- b\n", file="x.yaml")


def test_unknown_bundled_registry() -> None:
    with pytest.raises(UnknownNameError, match="unknown registry 'hanoi'; the bundled registries are sonla"):
        load_registry("hanoi")


# ---------------------------------------------------------------- properties

NAMES = [(record.id, name) for record in SONLA for name in record.names]


def _vary(name: str, nfd: bool, flips: list[bool], spaces: list[int]) -> str:
    text = unicodedata.normalize("NFD" if nfd else "NFC", name)
    chars = [ch.upper() if flip else ch.lower() for ch, flip in zip(text, flips + [False] * len(text), strict=False)]
    words = "".join(chars).split(" ")
    out = words[0]
    for word, extra in zip(words[1:], spaces + [0] * len(words), strict=False):
        out += " " * (1 + extra) + word
    return "  " * (spaces[0] if spaces else 0) + out


@given(
    st.sampled_from(NAMES),
    st.booleans(),
    st.lists(st.booleans(), max_size=60),
    st.lists(st.integers(0, 3), max_size=12),
)
def test_matching_is_invariant_under_unicode_form_case_and_spacing(
    entry: tuple[str, str], nfd: bool, flips: list[bool], spaces: list[int]
) -> None:
    agency_id, name = entry
    assert SONLA.resolve(_vary(name, nfd, flips, spaces)).id == agency_id


@given(st.sampled_from(NAMES), st.booleans())
def test_matching_without_diacritics_finds_the_same_agency(entry: tuple[str, str], nfd: bool) -> None:
    agency_id, name = entry
    text = fold_name(name)
    assert SONLA.resolve(unicodedata.normalize("NFD" if nfd else "NFC", text)).id == agency_id


@given(st.sampled_from(NAMES))
def test_keys_ignore_the_unicode_form(entry: tuple[str, str]) -> None:
    _, name = entry
    assert name_key(unicodedata.normalize("NFD", name)) == name_key(name)


@given(st.sampled_from(NAMES), st.data())
def test_letters_lost_in_a_pdf_copy_never_lead_to_another_agency(entry: tuple[str, str], data: st.DataObject) -> None:
    agency_id, name = entry
    marked = [i for i, ch in enumerate(name) if unicodedata.normalize("NFD", ch) != ch or ch in "đĐ"]
    lost = data.draw(st.sets(st.sampled_from(marked), max_size=max(1, len(marked) // 3)) if marked else st.just(set()))
    broken = "".join(ch for i, ch in enumerate(name) if i not in lost)
    try:
        found = SONLA.resolve(broken).id
    except UnknownNameError:
        return  # refusing is allowed; choosing another agency is not
    assert found == agency_id
