"""The CSV a province keeps of its agencies: read strictly, every refusal placed and worded in both languages,
written back equal; and the properties of the lineage it records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govindex.directory import AgencyDirectory, AgencyRecord, EventKind, Level
from govindex.errors import GovIndexError
from govindex.io.directory import dump_directory_csv, load_directory, parse_directory_csv, read_directory

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "2025" / "danh-muc-vi-du.csv"

HEADER = "code,name,level,predecessors,from,until\n"


def alone(problem: GovIndexError) -> GovIndexError:
    """A problem raised with others, without them (its message then says nothing of them)."""
    assert problem.reason is not None
    return type(problem)(problem.reason, **problem.context(), **problem.params)


def refused(text: str, file: str = "danh-muc.csv") -> GovIndexError:
    with pytest.raises(GovIndexError) as caught:
        parse_directory_csv(text, id="test", file=file)
    return caught.value


# ---------------------------------------------------------------- the example shipped


def test_the_example_says_it_is_an_example_with_invented_names() -> None:
    first_line = EXAMPLE.read_text(encoding="utf-8-sig").splitlines()[0]
    assert first_line.startswith("VÍ DỤ VỀ ĐỊNH DẠNG")
    assert "giả định" in first_line and "không phải danh sách của tỉnh Sơn La" in first_line


def test_the_example_reads_with_its_mergers_division_and_two_step_lineage() -> None:
    example = read_directory(EXAMPLE)
    assert example.id == "danh-muc-vi-du" and len(example) == 14
    assert [record.id for record in example.listed("commune", 2025)] == ["xa-mau-e", "xa-mau-tan", "phuong-mau-cd"]
    assert [record.id for record in example.listed("district", 2024)] == ["huyen-mau-bac", "huyen-mau-nam"]
    assert example.listed("district", 2025) == ()
    tan = example.get("xa-mau-tan")
    assert tan.level is Level.COMMUNE and tan.start is not None and tan.start.date == dt.date(2025, 7, 1)
    assert example.get("phuong-mau-cd").level is Level.WARD and example.get("thi-tran-mau-c").level is Level.TOWNSHIP
    # a unit merged whole into one successor; one divided between two; one absorbed by a unit that kept its code
    assert example.get("xa-mau-a").end.event is EventKind.MERGED_INTO  # type: ignore[union-attr]
    assert example.get("xa-mau-g").end.event is EventKind.ABOLISHED  # type: ignore[union-attr]
    assert example.successor("so-mau-mot") == "so-mau-hai" and example.get("so-mau-hai").start is None
    # over two reorganisations, both ways
    assert example.counterparts("xa-mau-tan", year=2026, in_year=2019) == (
        "xa-mau-x",
        "xa-mau-y",
        "xa-mau-a",
        "xa-mau-g",
    )
    assert example.counterparts("xa-mau-x", year=2019, in_year=2026) == ("xa-mau-tan",)
    assert example.counterparts("xa-mau-g", year=2024, in_year=2025) == ("xa-mau-tan", "phuong-mau-cd")
    assert example.counterparts("xa-mau-e", year=2024, in_year=2025) == ("xa-mau-e",)
    assert example.predecessors("xa-mau-tan") == ("xa-mau-a", "xa-mau-xy", "xa-mau-x", "xa-mau-y")


def test_the_example_is_no_province_of_the_bundled_directories() -> None:
    sonla = load_directory("sonla")
    assert not set(read_directory(EXAMPLE).ids) & set(sonla.ids)


# ---------------------------------------------------------------- how Vietnamese spreadsheets write it


def test_vietnamese_headers_semicolons_a_bom_title_rows_and_an_stt_column() -> None:
    text = (
        "\ufeffDANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ;;;;;;\n"
        ";;;;;;\n"
        "STT;Mã;Tên;Cấp;Tiền thân;Từ ngày;Đến ngày\n"
        "1;xa-a;Xã A;Xã;;;1/7/2025\n"
        "2;xa-b;Xã B;xa;;;01.07.2025\n"
        "3;xa-ab;Xã AB;xã;xa-a,xa-b;2025-07-01;\n"
    )
    directory = parse_directory_csv(text.encode("utf-8"), id="vd")
    assert directory.predecessors("xa-ab") == ("xa-a", "xa-b")
    assert directory.get("xa-a").end.date == dt.date(2025, 7, 1)  # type: ignore[union-attr]


def test_a_year_alone_when_the_sources_give_no_day() -> None:
    text = HEADER + "so-a,Sở A,sở,,,2025\nso-b,Sở B,sở,so-a,,\n"
    directory = parse_directory_csv(text, id="vd")
    end = directory.get("so-a").end
    assert end is not None and end.date is None and end.year == 2025 and end.into == "so-b"


def test_optional_columns_group_aliases_english_name_and_notes() -> None:
    text = "code,name,level,predecessors,from,until,group,aliases,name_en,notes\nxa-a,Xã A,xã,,,,vung-cao,A; Xa A,Commune A,ghi chú\n"
    record = parse_directory_csv(text, id="vd").get("xa-a")
    assert (record.group, record.aliases, record.name_en, record.notes) == (
        "vung-cao",
        ("A", "Xa A"),
        "Commune A",
        "ghi chú",
    )


# ---------------------------------------------------------------- refusals, each at its line and column

REFUSALS = [
    (
        "a cycle of predecessors",
        "xa-a,Xã A,xã,xa-b,01/07/2025,\nxa-b,Xã B,xã,xa-a,01/07/2025,\n",
        "directory-cycle",
        "danh-muc.csv:2:4: cơ quan 'Xã A': các đơn vị tiền thân tạo thành vòng: xa-a → xa-b → xa-a",
        "danh-muc.csv:2:4: agency 'xa-a': predecessors form a cycle: xa-a → xa-b → xa-a",
    ),
    (
        "a duplicate code",
        "xa-a,Xã A,xã,,,\nxa-a,Xã A mới,xã,,,\n",
        "directory-code-twice",
        "danh-muc.csv:3:1: cơ quan 'Xã A mới': mã xa-a đã có ở dòng 2",
        "danh-muc.csv:3:1: agency 'xa-a': the code xa-a is already used on line 2",
    ),
    (
        "an end before the start",
        "xa-a,Xã A,xã,,01/07/2025,01/01/2025\n",
        "directory-not-after-start",
        "danh-muc.csv:2:6: cơ quan 'Xã A': ngày chấm dứt 01/01/2025 không sau ngày bắt đầu 01/07/2025",
        "danh-muc.csv:2:6: agency 'xa-a': the end 2025-01-01 is not after the start 2025-07-01",
    ),
    (
        "a predecessor that ends after its successor starts",
        "xa-a,Xã A,xã,,,01/08/2025\nxa-b,Xã B,xã,xa-a,01/07/2025,\n",
        "directory-ends-after-successor-starts",
        "danh-muc.csv:3:4: cơ quan 'Xã B': đơn vị tiền thân xa-a chấm dứt từ 01/08/2025, sau khi xa-b bắt đầu "
        "(01/07/2025)",
        "danh-muc.csv:3:4: agency 'xa-b': the predecessor xa-a ends on 2025-08-01, after xa-b starts (2025-07-01)",
    ),
    (
        "a predecessor that ends before its successor starts (the last day written instead of the first without it)",
        "xa-a,Xã A,xã,,,30/06/2025\nxa-b,Xã B,xã,xa-a,01/07/2025,\n",
        "directory-ends-before-successor-starts",
        "danh-muc.csv:3:4: cơ quan 'Xã B': đơn vị tiền thân xa-a chấm dứt từ 30/06/2025, trước khi xa-b bắt đầu "
        "(01/07/2025); ngày chấm dứt là ngày việc sắp xếp có hiệu lực, cũng là ngày đơn vị kế tiếp bắt đầu",
        "danh-muc.csv:3:4: agency 'xa-b': the predecessor xa-a ends on 2025-06-30, before xa-b starts (2025-07-01); "
        "a unit ends on the day the change takes effect, the day its successor starts",
    ),
    (
        "an unknown predecessor",
        "xa-a,Xã A,xã,,,01/07/2025\nxa-b,Xã B,xã,xa-a xa-c,01/07/2025,\n",
        "directory-unknown-predecessor",
        "danh-muc.csv:3:4: cơ quan 'Xã B': không có cơ quan, đơn vị xa-c trong danh mục; gần nhất: Xã A (xa-a), "
        "Xã B (xa-b)",
        "danh-muc.csv:3:4: agency 'xa-b': no agency xa-c in the directory; the closest are: Xã A (xa-a), Xã B (xa-b)",
    ),
    (
        "an unknown level",
        "xa-a,Xã A,làng,,,\n",
        "directory-unknown-level",
        "danh-muc.csv:2:3: cơ quan 'Xã A': không có cấp 'làng'; dùng một trong: sở, ban, ngành; huyện; thành phố; "
        "thị xã; xã; phường; thị trấn; đặc khu",
        "danh-muc.csv:2:3: agency 'xa-a': unknown level 'làng'; use one of department, district, city, town, commune, "
        "ward, township, special-zone",
    ),
    (
        "a link without a date",
        "xa-a,Xã A,xã,,,\nxa-b,Xã B,xã,xa-a,,\n",
        "directory-link-undated",
        "danh-muc.csv:3:4: cơ quan 'Xã B': không có ngày cho việc xa-a trở thành một phần của xa-b: ghi ngày bắt đầu "
        "của xa-b hoặc ngày chấm dứt của xa-a",
        "danh-muc.csv:3:4: agency 'xa-b': no date for xa-a becoming part of xa-b: give xa-b a start date or xa-a an "
        "end date",
    ),
    (
        "a day that is not one",
        "xa-a,Xã A,xã,,,31/02/2025\n",
        "directory-bad-date",
        "danh-muc.csv:2:6: cơ quan 'Xã A': '31/02/2025' không phải ngày; ghi ngày/tháng/năm (01/07/2025), "
        "năm-tháng-ngày (2025-07-01) hoặc chỉ năm (2025)",
        "danh-muc.csv:2:6: agency 'xa-a': '31/02/2025' is not a date; write day/month/year (01/07/2025), "
        "year-month-day (2025-07-01) or the year (2025)",
    ),
    (
        "a code that is not a slug",
        "Xa A,Xã A,xã,,,\n",
        "directory-id-not-slug",
        "danh-muc.csv:2:1: cơ quan 'Xã A': mã 'Xa A' phải gồm các từ chữ thường không dấu nối bằng '-' "
        "(như slugify tạo ra)",
        "danh-muc.csv:2:1: agency 'Xa A': agency id 'Xa A' must be lower-case ASCII words joined by '-' "
        "(as slugify gives)",
    ),
]


@pytest.mark.parametrize(("what", "rows", "code", "vi", "en"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_refusal_names_the_file_line_column_and_agency_in_both_languages(
    what: str, rows: str, code: str, vi: str, en: str
) -> None:
    error = refused(HEADER + rows)
    assert code in [problem.code for problem in error.problems], what
    problem = alone(next(problem for problem in error.problems if problem.code == code))
    assert problem.describe("vi") == vi
    assert problem.describe("en") == en
    assert str(problem) == vi


def test_every_problem_of_the_rows_is_listed_at_once() -> None:
    error = refused(HEADER + "xa-a,Xã A,làng,,,\nxa-a,Xã B,xã,,,\nxa-c,Xã C,xã,,2025,2024\n")
    assert [(p.line, p.column, p.code) for p in error.problems] == [
        (2, 3, "directory-unknown-level"),
        (3, 1, "directory-code-twice"),
        (4, 6, "directory-not-after-start"),
    ]
    assert str(error).endswith("(và 2 lỗi khác; lệnh govindex validate liệt kê tất cả)")


def test_columns_are_checked() -> None:
    unknown = refused("code,name,level,predecessors,from,until,district\nxa-a,Xã A,xã,,,,\n")
    assert unknown.describe("en") == (
        "danh-muc.csv:1:7: unknown column 'district'; the columns of a directory are code, name, level, predecessors, "
        "from, until, group, aliases, name_en, notes"
    )
    missing = refused("code,name,level,predecessors,from\nxa-a,Xã A,xã,,\n")
    assert missing.describe("vi") == (
        "danh-muc.csv:1: thiếu cột until (tiêu đề: until, chấm dứt từ ngày, đến ngày, ngày chấm dứt, ngày kết thúc)"
    )
    twice = refused("code,name,level,predecessors,from,until,Mã\n")
    assert twice.describe("en") == "danh-muc.csv:1:7: the column code appears twice (columns 1 and 7)"
    none = refused("a,b\n1,2\n")
    assert none.describe("en") == (
        "danh-muc.csv:1: no header row: a row naming the columns code, name, level, predecessors, from, until is needed"
    )
    short = refused(HEADER + "xa-a,Xã A,xã\n")
    assert short.describe("en") == "danh-muc.csv:2: agency 'xa-a': the row has 3 cells, the header 6"


def test_bytes_that_are_not_utf8_are_refused() -> None:
    with pytest.raises(GovIndexError) as caught:
        parse_directory_csv(HEADER.encode() + b"xa-a,X\xe3 A,x\xe3,,,\n", id="x", file="d.csv")
    assert caught.value.code == "directory-not-utf8"
    assert caught.value.describe("vi").startswith("d.csv: không phải văn bản UTF-8 (byte ")


def test_a_file_that_cannot_be_read_or_is_too_large_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.csv"
    with pytest.raises(GovIndexError) as caught:
        load_directory(str(missing))
    assert caught.value.code == "directory-cannot-read"
    assert caught.value.describe("vi").startswith(f"{missing}: không đọc được danh mục: ")
    large = tmp_path / "lon.csv"
    large.write_text(HEADER + "xa-a,Xã A,xã,,,\n", encoding="utf-8")
    with pytest.raises(GovIndexError) as too_large:
        read_directory(large, max_bytes=10)
    assert too_large.value.describe("en") == f"{large}: the directory file is larger than 10 bytes"


def test_a_file_with_another_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.xlsx"
    path.write_bytes(b"")
    with pytest.raises(GovIndexError) as caught:
        read_directory(path)
    assert caught.value.describe("en") == (
        f"{path}: cannot tell how to read a directory with the extension '.xlsx'; use .csv, .yaml, .yml or .json"
    )


# ---------------------------------------------------------------- writing


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("excel_vn", [False, True])
def test_the_example_is_written_back_equal(lang: str, excel_vn: bool) -> None:
    example = read_directory(EXAMPLE)
    text = dump_directory_csv(example, lang=lang, excel_vn=excel_vn)
    assert parse_directory_csv(text, id=example.id) == example
    assert text.startswith(
        "\ufeffMã;Tên;"
        if excel_vn and lang == "vi"
        else "\ufeffcode;"
        if excel_vn
        else "Mã,"
        if lang == "vi"
        else "code,"
    )


def test_what_a_csv_cannot_hold_is_refused_not_dropped() -> None:
    with pytest.raises(GovIndexError) as caught:
        dump_directory_csv(load_directory("sonla"))
    codes = {problem.code for problem in caught.value.problems}
    assert codes == {"directory-cannot-write"}
    messages = [alone(problem).describe("en") for problem in caught.value.problems]
    assert messages[0] == (
        "cannot be written to CSV without losing the directory's name, notes, sources or incomplete groups: "
        "keep the directory in YAML"
    )
    assert (
        "agency 'huyen-moc-chau': cannot be written to CSV without losing a rename: keep the directory in YAML"
        in messages
    )
    assert alone(caught.value.problems[0]).describe("vi") == (
        "không ghi được vào CSV mà không mất tên, ghi chú, nguồn hay nhóm chưa đầy đủ của danh mục: "
        "hãy giữ danh mục ở dạng YAML"
    )


def test_a_formula_is_written_as_text_and_read_back() -> None:
    directory = AgencyDirectory("f", [AgencyRecord("xa-a", '=HYPERLINK("x")', level="xã")])
    text = dump_directory_csv(directory, lang="en")
    assert "'=HYPERLINK" in text
    assert parse_directory_csv(text, id="f") == directory


def test_a_control_character_is_refused() -> None:
    directory = AgencyDirectory("f", [AgencyRecord("xa-a", "Xã\x1bA", level="xã")])
    with pytest.raises(GovIndexError) as caught:
        dump_directory_csv(directory)
    assert caught.value.code == "directory-control-character"


def test_a_merger_the_csv_would_not_give_back_is_refused() -> None:
    from govindex.directory import LineageEvent

    late = AgencyDirectory(
        "late",
        [
            AgencyRecord(
                "so-a", "Sở A", level="sở", events=[LineageEvent(EventKind.MERGED_INTO, year=2025, into="so-b")]
            ),
            AgencyRecord("so-b", "Sở B", level="sở", events=[LineageEvent(EventKind.CREATED, year=2008)]),
        ],
    )
    with pytest.raises(GovIndexError) as caught:
        dump_directory_csv(late, lang="en")
    assert caught.value.code == "directory-would-not-read-back"
    assert caught.value.describe("en").endswith(
        "the CSV would not read back: the predecessor so-a ends on 2025, after so-b starts (2008)"
    )


# ---------------------------------------------------------------- properties

#: The days reorganisations take effect on, in distinct years so that a year alone is never ambiguous.
CHANGE_YEARS = list(range(2016, 2031))


@st.composite
def histories(draw: st.DrawFn) -> str:
    """The CSV of a valid directory: units that merge, divide, split off and are absorbed over a few changes."""
    years = sorted(draw(st.sets(st.sampled_from(CHANGE_YEARS), min_size=1, max_size=3)))
    units: list[dict[str, object]] = []

    def unit(start: str = "", level: Level | None = None) -> dict[str, object]:
        number = len(units)
        chosen = level or draw(st.sampled_from(list(Level)))
        made = {
            "code": f"u{number}",
            "name": f"Đơn vị {number}",
            "level": chosen,
            "from": start,
            "until": "",
            "preds": [],
        }
        units.append(made)
        return made

    for _ in range(draw(st.integers(1, 5))):
        unit()

    def lineage_of(code: str) -> set[str]:
        found = set()
        for made in units:
            if made["code"] == code:
                for parent in made["preds"]:  # type: ignore[attr-defined]
                    found |= {parent, *lineage_of(parent)}
        return found

    for year in years:
        day = draw(st.sampled_from([f"01/07/{year}", f"01/01/{year}", str(year)]))
        alive = [u for u in units if not u["until"]]
        endable = [u for u in alive if not u.get("permanent")]  # a unit that gave part of itself goes on
        ending = draw(st.lists(st.sampled_from(endable), unique_by=lambda u: u["code"])) if endable else []
        staying = [u for u in alive if u not in ending]
        new = [unit(day) for _ in range(draw(st.integers(0, 3)))]
        absorbers = [u for u in staying if not u["from"]]
        for old in ending:
            old["until"] = day
            older = lineage_of(str(old["code"]))  # a unit is never taken in by one it came from: no cycle
            targets = new + [a for a in absorbers if a["code"] not in older]
            if targets:
                for target in draw(st.lists(st.sampled_from(targets), unique_by=lambda u: u["code"], max_size=2)):
                    target["preds"].append(old["code"])  # type: ignore[attr-defined]
        keeping = [u for u in staying if not u["until"] and u not in new]
        for made in new:
            if keeping and draw(st.booleans()):
                part = draw(st.sampled_from(keeping))
                part["permanent"] = True
                made["preds"].append(part["code"])  # type: ignore[attr-defined]
    order = draw(st.permutations(units))
    lines = ["code;name;level;predecessors;from;until"]
    for u in order:
        level = u["level"]
        assert isinstance(level, Level)
        cell = draw(st.sampled_from([level.value, level.label("vi")]))
        lines.append(f"{u['code']};{u['name']};{cell};{', '.join(u['preds'])};{u['from']};{u['until']}")  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(histories(), st.sampled_from(["vi", "en"]), st.booleans())
def test_a_csv_written_from_a_directory_reads_back_equal(text: str, lang: str, excel_vn: bool) -> None:
    directory = parse_directory_csv(text, id="h")
    written = dump_directory_csv(directory, lang=lang, excel_vn=excel_vn)
    again = parse_directory_csv(written, id="h")
    assert again == directory
    assert dump_directory_csv(again, lang=lang, excel_vn=excel_vn) == written


@settings(max_examples=150, deadline=None)
@given(histories(), st.data())
def test_following_predecessors_then_successors_returns_to_the_unit(text: str, data: st.DataObject) -> None:
    directory = parse_directory_csv(text, id="h")
    year = data.draw(st.sampled_from([2015, *CHANGE_YEARS, 2031]))
    other = data.draw(st.sampled_from([2015, *CHANGE_YEARS, 2031]))
    for record in (r for r in directory if r.exists_at_end_of(year)):
        for counterpart in directory.counterparts(record.id, year=year, in_year=other):
            assert directory.get(counterpart).exists_at_end_of(other)
            assert record.id in directory.counterparts(counterpart, year=other, in_year=year)


@settings(max_examples=150, deadline=None)
@given(histories(), st.data())
def test_no_cycle_is_ever_accepted(text: str, data: st.DataObject) -> None:
    records = list(parse_directory_csv(text, id="h"))
    size = data.draw(st.integers(2, min(4, len(records)))) if len(records) >= 2 else 0
    if not size:
        return
    loop = data.draw(st.lists(st.sampled_from(range(len(records))), min_size=size, max_size=size, unique=True))
    for here, there in zip(loop, loop[1:] + loop[:1], strict=True):  # each unit of the loop listed before the next
        successor = records[there]
        if records[here].id not in successor.predecessors:
            records[there] = attrs.evolve(successor, predecessors=(*successor.predecessors, records[here].id))
    with pytest.raises(GovIndexError) as caught:
        AgencyDirectory("h", records)
    assert "directory-cycle" in [problem.code for problem in caught.value.problems]
