"""The agency directory: stable ids, lenient but never guessing name matching, levels, lineage, the bundled list."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govindex import load_dataset
from govindex.agency import slugify
from govindex.directory import (
    AgencyDirectory,
    AgencyRecord,
    EventKind,
    Level,
    LineageEvent,
    MatchKind,
    Moment,
    fold_name,
    name_key,
)
from govindex.errors import FileFormatError, GovIndexError, InputError, UnknownNameError
from govindex.io.directory import list_directories, load_directory, parse_directory

SONLA = load_directory("sonla")
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
#: The communes Resolution 1681/NQ-UBTVQH15 left as they were (DOMAIN.md; Sở Nội vụ tỉnh Sơn La, 18/6/2025).
UNMERGED = ["Mường Lạn", "Phiêng Khoài", "Suối Tọ", "Ngọc Chiến", "Tân Yên", "Mường Bám", "Mường Lèo"]


def refusal(error: GovIndexError, lang: str) -> str:
    return error.describe(lang)


# ---------------------------------------------------------------- the bundled directory of Sơn La


def test_bundled_directory_lists_the_departments_the_office_the_districts_and_the_unmerged_communes() -> None:
    assert list_directories() == ("sonla",)
    assert len(SONLA.group("provincial")) == 19  # the 18 of 2017 and the Office
    assert [record.name_in(2024) for record in SONLA.group("district")] == DISTRICTS
    assert [record.name for record in SONLA.group("commune")] == [f"Xã {name}" for name in UNMERGED]
    for record in SONLA:
        first_name = record.name_in(1900)
        assert record.id == slugify(first_name)
        assert record.level is not None and record.group == record.level.group


def test_the_commune_list_is_marked_incomplete_and_says_why() -> None:
    assert SONLA.incomplete == ("commune",)
    assert SONLA.notes is not None and "1681/NQ-UBTVQH15" in SONLA.notes and "incomplete" in SONLA.notes
    assert any("1681/NQ-UBTVQH15" in source and "sonoivu.sonla.gov.vn" in source for source in SONLA.sources)
    for record in SONLA.group("commune"):
        assert record.level is Level.COMMUNE and record.events == ()
        assert record.exists_at_end_of(2024) and record.exists_at_end_of(2025)


@pytest.mark.parametrize("name", ["sonla-2017-it", "sonla-2017-web"])
def test_every_agency_of_the_2017_results_is_in_the_directory_by_id_and_by_name(name: str) -> None:
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
        assert record.exists_at_end_of(2024) and not record.exists_at_end_of(2025)
    assert [agency for agency, _ in SONLA.lineage("so-xay-dung")] == ["so-giao-thong-van-tai"]
    assert SONLA.get("so-noi-vu").events == ()
    assert SONLA.listed("district", 2025) == () and len(SONLA.listed("district", 2024)) == 12
    assert len(SONLA.listed("provincial", 2025)) == 16  # three departments merged into others


def test_moc_chau_became_a_town_on_1_february_2025() -> None:
    moc_chau = SONLA.get("huyen-moc-chau")
    renamed, abolished = moc_chau.events
    assert renamed.event is EventKind.RENAMED and renamed.date == dt.date(2025, 2, 1)
    assert renamed.basis is not None and "1280/NQ-UBTVQH15" in renamed.basis
    assert (moc_chau.name_in(2024), moc_chau.name_in(2025)) == ("Huyện Mộc Châu", "Thị xã Mộc Châu")
    assert moc_chau.level is Level.TOWN and moc_chau.group == "district"
    assert SONLA.resolve("Huyện Mộc Châu").id == SONLA.resolve("Thị xã Mộc Châu").id == "huyen-moc-chau"
    assert abolished.describe("vi") == "kết thúc hoạt động (01/07/2025)"
    assert renamed.describe("en") == "renamed from 'Huyện Mộc Châu' (2025-02-01)"


def test_counterparts_follow_the_mergers_both_ways() -> None:
    assert SONLA.counterparts("so-xay-dung", year=2025, in_year=2024) == ("so-xay-dung", "so-giao-thong-van-tai")
    assert SONLA.counterparts("so-giao-thong-van-tai", year=2024, in_year=2025) == ("so-xay-dung",)
    assert SONLA.counterparts("so-noi-vu", year=2017, in_year=2026) == ("so-noi-vu",)
    assert SONLA.counterparts("huyen-phu-yen", year=2024, in_year=2025) == ()  # abolished, no successor
    with pytest.raises(InputError) as caught:
        SONLA.counterparts("so-giao-thong-van-tai", year=2025, in_year=2024)
    assert caught.value.code == "directory-not-at-end-of-year"
    assert refusal(caught.value, "vi") == (
        "cơ quan 'so-giao-thong-van-tai': cơ quan, đơn vị không tồn tại vào cuối năm 2025"
    )
    assert refusal(caught.value, "en") == "agency 'so-giao-thong-van-tai': the agency does not exist at the end of 2025"


# ---------------------------------------------------------------- names


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
        ("Xã Mường Lèo", "xa-muong-leo"),
        ("xa muong lan", "xa-muong-lan"),
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


def test_the_district_of_muong_la_and_the_commune_of_muong_lan_stay_apart() -> None:
    assert SONLA.resolve("Mường La").id == "huyen-muong-la"
    assert SONLA.resolve("Xã Mường Lạn").id == "xa-muong-lan"
    with pytest.raises(UnknownNameError):
        SONLA.resolve("Mường Lạn")  # the commune is listed by its full name only


def test_an_unknown_name_is_refused_with_the_candidates_in_both_languages() -> None:
    with pytest.raises(UnknownNameError) as caught:
        SONLA.resolve("Sở Văn hóa")
    assert caught.value.code == "directory-unknown-name"
    assert refusal(caught.value, "vi").startswith(
        "cơ quan 'Sở Văn hóa': không có cơ quan, đơn vị tên 'Sở Văn hóa' trong danh mục 'sonla'; gần nhất: "
        "Sở Văn hóa, Thể thao và Du lịch (so-van-hoa-the-thao-va-du-lich), "
    )
    assert refusal(caught.value, "en").startswith(
        "agency 'Sở Văn hóa': no agency named 'Sở Văn hóa' in directory 'sonla'; the closest are: "
        "Sở Văn hóa, Thể thao và Du lịch (so-van-hoa-the-thao-va-du-lich), "
    )


def test_an_unknown_id_is_refused_with_the_candidates() -> None:
    with pytest.raises(UnknownNameError) as caught:
        SONLA.get("so-noi")
    assert caught.value.code == "directory-unknown-id"
    assert refusal(caught.value, "en").startswith(
        "agency 'so-noi': no agency 'so-noi' in directory 'sonla'; the closest are: Sở Nội vụ (so-noi-vu)"
    )


def test_a_name_without_letters_is_refused() -> None:
    with pytest.raises(UnknownNameError) as caught:
        SONLA.resolve(" - ")
    assert caught.value.code == "directory-not-a-name"
    assert refusal(caught.value, "vi").endswith("không phải tên cơ quan, đơn vị (không có chữ cái hay chữ số)")


def _pair(first: str, second: str) -> AgencyDirectory:
    return AgencyDirectory(
        "pair", (AgencyRecord(slugify(first) + "-a", first, "g"), AgencyRecord(slugify(second) + "-b", second, "g"))
    )


def test_a_name_that_fits_two_agencies_without_diacritics_is_ambiguous() -> None:
    directory = _pair("Phòng Tư pháp", "Phòng Tứ pháp")
    assert directory.resolve("Phòng Tư pháp").id == "phong-tu-phap-a"  # exact: not a guess
    with pytest.raises(UnknownNameError) as caught:
        directory.resolve("Phong Tu phap")
    assert refusal(caught.value, "en") == (
        "agency 'Phong Tu phap': the name 'Phong Tu phap' is ambiguous in directory 'pair': without diacritics "
        "it fits Phòng Tư pháp (phong-tu-phap-a); Phòng Tứ pháp (phong-tu-phap-b); write the id or the exact name"
    )
    assert refusal(caught.value, "vi") == (
        "cơ quan 'Phong Tu phap': tên 'Phong Tu phap' không rõ là cơ quan nào trong danh mục 'pair': bỏ dấu thì khớp "
        "Phòng Tư pháp (phong-tu-phap-a); Phòng Tứ pháp (phong-tu-phap-b); hãy ghi mã hoặc đúng tên"
    )


def test_a_name_that_fits_two_agencies_with_letters_missing_is_ambiguous() -> None:
    directory = _pair("Sở Ấn Bình", "Sở Ứ Ấn Bình")
    with pytest.raises(UnknownNameError) as caught:
        directory.resolve("Sở n Bình")
    assert caught.value.code == "directory-ambiguous-loose"
    assert "is ambiguous in directory 'pair': with letters missing it fits" in refusal(caught.value, "en")


def test_one_name_for_two_agencies_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        AgencyDirectory(
            "r",
            (
                AgencyRecord("huyen-moc-chau", "Huyện Mộc Châu", "district", aliases=["Mộc Châu"]),
                AgencyRecord("thi-xa-moc-chau", "Thị xã Mộc Châu", "district", aliases=["MỘC CHÂU"]),
            ),
        )
    assert refusal(caught.value, "en") == (
        "agencies[1]: agency 'thi-xa-moc-chau': the name 'MỘC CHÂU' is also a name of huyen-moc-chau ('Mộc Châu'); "
        "one name cannot stand for two agencies"
    )
    assert refusal(caught.value, "vi") == (
        "agencies[1]: cơ quan 'thi-xa-moc-chau': tên 'MỘC CHÂU' cũng là tên của huyen-moc-chau ('Mộc Châu'); "
        "một tên không thể chỉ hai cơ quan, đơn vị"
    )


def test_a_repeated_id_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        AgencyDirectory("r", (AgencyRecord("a", "A", "g"), AgencyRecord("a", "B", "g")))
    assert caught.value.code == "directory-duplicate-id"
    assert (
        refusal(caught.value, "vi") == "agencies[1]: cơ quan 'a': mã cơ quan, đơn vị xuất hiện hai lần trong danh mục"
    )


def test_an_id_must_be_a_slug() -> None:
    with pytest.raises(InputError) as caught:
        AgencyRecord("Sở Y tế", "Sở Y tế", "provincial")
    assert refusal(caught.value, "en").endswith(
        "agency id 'Sở Y tế' must be lower-case ASCII words joined by '-' (as slugify gives)"
    )


# ---------------------------------------------------------------- levels, moments and events


def test_a_level_gives_the_group_and_is_read_in_either_language() -> None:
    assert AgencyRecord("xa-a", "Xã A", level="xã").group == "commune"
    assert AgencyRecord("phuong-a", "Phường A", level=Level.WARD).group == "commune"
    assert AgencyRecord("so-a", "Sở A", level="department").group == "provincial"
    assert AgencyRecord("tx-a", "Thị xã A", "thi-xa", level="thị xã").group == "thi-xa"  # a group given wins
    assert [Level.parse(text) for text in ("Thị trấn", "thi tran", "ĐẶC KHU", "thành phố")] == [
        Level.TOWNSHIP,
        Level.TOWNSHIP,
        Level.SPECIAL_ZONE,
        Level.CITY,
    ]
    with pytest.raises(InputError) as caught:
        Level.parse("làng")
    assert refusal(caught.value, "vi") == (
        "không có cấp 'làng'; dùng một trong: sở, ban, ngành; huyện; thành phố; thị xã; xã; phường; thị trấn; đặc khu"
    )
    assert refusal(caught.value, "en") == (
        "unknown level 'làng'; use one of department, district, city, town, commune, ward, township, special-zone"
    )
    with pytest.raises(InputError) as without:
        AgencyRecord("a", "A")
    assert refusal(without.value, "en") == "agency 'a': the agency has no group: give its group or its level"


def test_moments_are_ordered_only_when_certain() -> None:
    july, year = Moment(2025, dt.date(2025, 7, 1)), Moment(2025)
    assert july.before(Moment(2026)) and Moment(2024).before(july)
    assert not july.before(year) and not july.after(year) and not year.before(july)
    assert LineageEvent(EventKind.CREATED, date=dt.date(2025, 7, 1)).year == 2025  # a date gives the year


def test_existence_at_the_end_of_a_year_follows_the_days() -> None:
    made = AgencyRecord(
        "xa-a",
        "Xã A",
        level="xã",
        events=[
            LineageEvent(EventKind.CREATED, date=dt.date(2025, 7, 1)),
            LineageEvent(EventKind.ABOLISHED, year=2030),
        ],
    )
    assert [made.exists_at_end_of(y) for y in (2024, 2025, 2029, 2030)] == [False, True, True, False]
    assert [made.exists_in(y) for y in (2024, 2025, 2030, 2031)] == [False, True, True, False]
    gone_on_new_year = AgencyRecord(
        "xa-b", "Xã B", level="xã", events=[LineageEvent(EventKind.ABOLISHED, date=dt.date(2026, 1, 1))]
    )
    assert gone_on_new_year.exists_at_end_of(2025) and not gone_on_new_year.exists_in(2026)


def test_lineage_must_name_known_agencies() -> None:
    event = LineageEvent(EventKind.MERGED_INTO, year=2025, into="so-khoa-hoc")
    with pytest.raises(UnknownNameError) as caught:
        AgencyDirectory("r", (AgencyRecord("so-a", "Sở A", "g", events=[event]),))
    assert caught.value.code == "directory-unknown-linked"
    assert refusal(caught.value, "en").startswith(
        "agencies[0].events[0]: agency 'so-a': merged into so-khoa-hoc (2025): no agency so-khoa-hoc in the directory"
    )
    assert refusal(caught.value, "vi").startswith(
        "agencies[0].events[0]: cơ quan 'so-a': sáp nhập vào so-khoa-hoc (2025): không có cơ quan, đơn vị so-khoa-hoc"
    )


def test_merging_into_an_agency_that_no_longer_exists_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        AgencyDirectory(
            "r",
            (
                AgencyRecord("a", "A", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2026, into="b")]),
                AgencyRecord("b", "B", "g", events=[LineageEvent(EventKind.ABOLISHED, year=2025)]),
            ),
        )
    assert refusal(caught.value, "en").endswith("merged into b (2026): b does not exist on 2026")


def test_a_merger_cycle_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        AgencyDirectory(
            "r",
            (
                AgencyRecord("a", "A", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2025, into="b")]),
                AgencyRecord("b", "B", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2025, into="a")]),
            ),
        )
    codes = [problem.code for problem in caught.value.problems]
    assert codes == ["directory-cycle"]
    assert refusal(caught.value, "en") == "agencies[1].events[0]: agency 'a': predecessors form a cycle: a → b → a"
    assert refusal(caught.value, "vi") == (
        "agencies[1].events[0]: cơ quan 'a': các đơn vị tiền thân tạo thành vòng: a → b → a"
    )


def test_every_problem_of_a_directory_is_refused_at_once() -> None:
    with pytest.raises(GovIndexError) as caught:
        AgencyDirectory(
            "r",
            (
                AgencyRecord("a", "A", "g"),
                AgencyRecord("a", "B", "g"),
                AgencyRecord("c", "C", "g", predecessors=["zz"]),
            ),
        )
    assert [problem.code for problem in caught.value.problems] == [
        "directory-duplicate-id",
        "directory-unknown-predecessor",
    ]
    assert "(và 1 lỗi khác" in str(caught.value)


def test_event_rules() -> None:
    cases = [
        (lambda: LineageEvent(EventKind.ABOLISHED), "a abolished event needs a year or a date"),
        (
            lambda: LineageEvent(EventKind.ABOLISHED, year=2024, date=dt.date(2025, 7, 1)),
            "the event's year 2024 does not match its date 2025-07-01",
        ),
        (lambda: LineageEvent(EventKind.MERGED_INTO, year=2025), "a merged_into event needs 'into'"),
        (lambda: LineageEvent(EventKind.ABOLISHED, year=2025, into="x"), "'into' does not belong to a abolished event"),
        (
            lambda: AgencyRecord(
                "a",
                "A",
                "g",
                events=[
                    LineageEvent(EventKind.ABOLISHED, year=2020),
                    LineageEvent(EventKind.RENAMED, year=2020, previous_name="B"),
                ],
            ),
            "'abolished' can only be the last event",
        ),
        (
            lambda: AgencyRecord(
                "a",
                "A",
                "g",
                events=[
                    LineageEvent(EventKind.RENAMED, year=2021, previous_name="B"),
                    LineageEvent(EventKind.ABOLISHED, year=2020),
                ],
            ),
            "events must be in chronological order: abolished (2020) comes after renamed from 'B' (2021)",
        ),
        (
            lambda: AgencyRecord(
                "a",
                "A",
                "g",
                events=[
                    LineageEvent(EventKind.RENAMED, year=2019, previous_name="B"),
                    LineageEvent(EventKind.CREATED, year=2020),
                ],
            ),
            "'created' can only be the first event",
        ),
        (
            lambda: AgencyRecord("a", "A", "g", events=[LineageEvent(EventKind.MERGED_INTO, year=2020, into="a")]),
            "an agency cannot be its own predecessor (merge into, split from or be formed from itself)",
        ),
        (lambda: AgencyRecord("a", "A", "g", predecessors=["b", "b"]), "the predecessor b is listed twice"),
    ]
    for make, english in cases:
        with pytest.raises(InputError) as caught:
            make()
        assert refusal(caught.value, "en").endswith(english)
        assert refusal(caught.value, "vi") != refusal(caught.value, "en")  # worded in Vietnamese too


def test_renamed_agency_keeps_its_id_and_answers_to_its_old_name() -> None:
    directory = AgencyDirectory(
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
    assert directory.resolve("Sở A").id == "so-a"
    assert directory.get("so-a").name_in(2021) == "Sở A"
    assert directory.get("so-a").name_in(2022) == "Sở B"


# ---------------------------------------------------------------- the YAML file

DIRECTORY_YAML = """\
id: test
agencies:
  - id: so-a
    name: Sở A
    group: provincial
    events:
      - {event: merged_into, into: so-b, date: 2025-03-01}
  - id: so-b
    name: Sở B
    level: department
"""


def test_yaml_directory_reads() -> None:
    directory = parse_directory(DIRECTORY_YAML)
    end = directory.get("so-a").end
    assert end is not None and end.when == "2025-03-01" and end.effective_year == 2025
    assert directory.get("so-b").group == "provincial" and directory.predecessors("so-b") == ("so-a",)


def test_yaml_unknown_key_is_refused_with_its_path() -> None:
    text = DIRECTORY_YAML.replace("group: provincial\n    events", "group: provincial\n    alias: [A]\n    events")
    with pytest.raises(FileFormatError) as caught:
        parse_directory(text, file="agencies.yaml")
    assert refusal(caught.value, "en").startswith(
        "agencies.yaml:6:5: agencies[0].alias: unknown key 'alias' (did you mean 'aliases'?)"
    )


def test_yaml_unknown_event_kind_is_refused() -> None:
    with pytest.raises(GovIndexError) as caught:
        parse_directory(DIRECTORY_YAML.replace("merged_into,", "merged,"), file="agencies.yaml")
    assert refusal(caught.value, "en").startswith(
        "agencies.yaml:7:17: agencies[0].events[0].event: 'merged' is not one of 'created', 'renamed', 'merged_into'"
    )


def test_yaml_problems_of_the_whole_directory_are_each_placed_in_the_file() -> None:
    text = DIRECTORY_YAML.replace("into: so-b", "into: so-c") + "  - id: so-b\n    name: Sở C\n    group: provincial\n"
    with pytest.raises(GovIndexError) as caught:
        parse_directory(text, file="agencies.yaml")
    first, second = caught.value.problems
    assert refusal(first, "en").startswith(
        "agencies.yaml:11:5: agencies[2]: agency 'so-b': the agency id appears twice"
    )
    assert refusal(second, "en").startswith(
        "agencies.yaml:7:9: agencies[0].events[0]: agency 'so-a': merged into so-c (2025-03-01): no agency so-c"
    )


def test_yaml_problem_of_one_record_is_placed_at_its_event() -> None:
    text = DIRECTORY_YAML.replace(
        "      - {event: merged_into, into: so-b, date: 2025-03-01}\n",
        "      - {event: abolished, year: 2025}\n      - {event: renamed, year: 2024, previous_name: B}\n",
    )
    with pytest.raises(InputError) as caught:
        parse_directory(text, file="agencies.yaml")
    assert refusal(caught.value, "vi") == (
        "agencies.yaml:7:9: agencies[0].events[0]: cơ quan 'so-a': 'abolished' chỉ có thể là sự kiện cuối cùng"
    )
    assert refusal(caught.value, "en").endswith("agency 'so-a': 'abolished' can only be the last event")


def test_yaml_directory_must_be_a_mapping() -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_directory("- a\n- b\n", file="x.yaml")
    assert refusal(caught.value, "vi") == "x.yaml: tệp danh mục phải là một ánh xạ (mapping) ở cấp trên cùng"
    assert refusal(caught.value, "en") == "x.yaml: a directory file must hold a mapping at its top"


def test_unknown_bundled_directory() -> None:
    with pytest.raises(UnknownNameError) as caught:
        load_directory("hanoi")
    assert refusal(caught.value, "en") == "unknown directory 'hanoi'; the bundled directories are sonla"
    assert refusal(caught.value, "vi") == "không có danh mục 'hanoi'; các danh mục có sẵn: sonla"


# ---------------------------------------------------------------- properties of name matching

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
