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

__all__ = ["DIRECTORY_HEADERS", "LEVEL_NAMES", "ROW_NUMBER_HEADERS", "DirectoryColumn"]


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
