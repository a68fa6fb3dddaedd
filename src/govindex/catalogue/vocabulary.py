"""The words govindex reads (từ ngữ được nhận): the headers and names a province writes in its own files.

A file is read in either language: beside the English id of a column or a
level, the Vietnamese words a province's spreadsheet uses for it are
recognised (compared with case, spacing, punctuation and diacritics aside).
The headers govindex itself writes come from :class:`DirectoryColumn`.

>>> DirectoryColumn.UNTIL.text("vi"), DirectoryColumn.UNTIL.text("en")
('Chấm dứt từ ngày', 'until')
>>> DIRECTORY_HEADERS["group"]
('nhóm', 'khối')
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = [
    "AGENCY_ID_WORDS",
    "AGENCY_NAME_WORDS",
    "DIRECTORY_HEADERS",
    "FALSE_WORDS",
    "LEVEL_NAMES",
    "MAXIMUM_AFTER",
    "MAXIMUM_BEFORE",
    "ROW_NUMBER_HEADERS",
    "SCORE_COLUMN_HEADERS",
    "SOURCE_NAMES",
    "TOTAL_WORDS",
    "TRUE_WORDS",
    "DirectoryColumn",
]


class DirectoryColumn(Entry):
    """The header written for each column of a directory CSV (the English one is the column's id)."""

    CODE = ("directory-column-code", "Mã", "code")
    NAME = ("directory-column-name", "Tên", "name")
    LEVEL = ("directory-column-level", "Cấp", "level")
    PREDECESSORS = ("directory-column-predecessors", "Tiền thân", "predecessors")
    FROM = ("directory-column-from", "Từ ngày", "from")
    UNTIL = ("directory-column-until", "Chấm dứt từ ngày", "until")
    GROUP = ("directory-column-group", "Nhóm", "group")
    ALIASES = ("directory-column-aliases", "Tên khác", "aliases")
    NAME_EN = ("directory-column-name-en", "Tên tiếng Anh", "name_en")
    NOTES = ("directory-column-notes", "Ghi chú", "notes")


#: The Vietnamese headers that name each column of a directory CSV, by the column's id.
DIRECTORY_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("mã", "mã đơn vị", "mã cơ quan", "mã đvhc", "mã đơn vị hành chính"),
    "name": ("tên", "tên đơn vị", "tên cơ quan", "tên cơ quan, đơn vị", "tên đơn vị hành chính"),
    "level": ("cấp", "loại", "loại đơn vị", "cấp hành chính"),
    "predecessors": ("tiền thân", "đơn vị tiền thân", "hình thành từ", "sắp xếp từ"),
    "from": ("từ ngày", "ngày bắt đầu", "ngày thành lập", "hiệu lực từ"),
    "until": ("chấm dứt từ ngày", "đến ngày", "ngày chấm dứt", "ngày kết thúc"),
    "group": ("nhóm", "khối"),
    "aliases": ("tên khác",),
    "name_en": ("tên tiếng anh",),
    "notes": ("ghi chú",),
}

#: The headers of a row-number column (số thứ tự), which a reader skips.
ROW_NUMBER_HEADERS = ("stt", "tt", "số tt", "số thứ tự")

#: Other names a province writes for a level of unit, by the level's id (beside its id and its names in
#: :class:`~govindex.catalogue.directory.DirectoryWords`).
LEVEL_NAMES: dict[str, tuple[str, ...]] = {
    "department": ("sở", "ban", "ngành", "cơ quan cấp tỉnh", "cấp tỉnh", "sở, ban, ngành cấp tỉnh"),
    "city": ("thành phố thuộc tỉnh",),
}

#: The Vietnamese headers of a score table's agency column that hold the agency's id (beside ``agency``).
AGENCY_ID_WORDS = ("mã cơ quan", "mã đơn vị")
#: The headers of a score table's agency column that hold the agency's name (tên cơ quan, đơn vị), in the order a
#: message lists them.
AGENCY_NAME_WORDS = ("tên cơ quan", "cơ quan", "tên đơn vị", "đơn vị", "cơ quan, đơn vị")
#: The headers of a score table's total column, besides the root node's id and name.
TOTAL_WORDS = ("tổng điểm", "tổng số điểm", "tổng cộng")
#: The Vietnamese headers of the other columns of a score table, by the column's id.
SCORE_COLUMN_HEADERS: dict[str, tuple[str, ...]] = {
    "group": ("khối", "nhóm"),
    "has_subordinate_units": ("có đơn vị trực thuộc",),
    "has_online_services": ("có dịch vụ công trực tuyến", "có dvctt"),
    "has_procedures": ("có thủ tục hành chính", "có tthc"),
    "special": ("đặc thù", "cơ quan đặc thù"),
    "not_applicable": ("không áp dụng", "tiêu chí không áp dụng"),
    "not_ranked": ("không xếp hạng", "lý do không xếp hạng"),
    "evidence": ("tài liệu kiểm chứng",),
    "reason": ("lý do điều chỉnh",),
    "source": ("nguồn",),
}
#: The words before and after a maximum written in a criterion's header: ``(tối đa 10 điểm)``, ``(10đ)``.
MAXIMUM_BEFORE = ("tối đa",)
MAXIMUM_AFTER = ("điểm", "đ")
#: A fact's cell read as true, and as false (case aside).
TRUE_WORDS = frozenset({"true", "yes", "1", "có", "x"})
FALSE_WORDS = frozenset({"false", "no", "0", "không"})
#: The Vietnamese names of a score's source (nguồn điểm), by the source's id.
SOURCE_NAMES = {"tự đánh giá": "self", "thẩm định": "appraised", "đã công bố": "published", "công bố": "published"}
