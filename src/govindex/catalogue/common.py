"""Words every message shares: where a problem is (agency, criterion, group) and how many more there are."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Common"]


class Common(Entry):
    """The words :class:`~govindex.errors.GovIndexError` puts around every message."""

    AGENCY = ("where-agency", "cơ quan {agency}", "agency {agency}")
    GROUP = ("where-group", "nhóm {group}", "group {group}")
    NODE = ("where-node", "tiêu chí {node}", "node {node}")
    AND_MORE = (
        "and-more",
        "{message} (và {count} lỗi khác; lệnh govindex validate liệt kê tất cả)",
        "{message} (and {count} more problem(s); govindex validate lists them all)",
    )
    UNKNOWN_LANGUAGE = (
        "unknown-language",
        "ngôn ngữ {lang} không được hỗ trợ; dùng một trong {langs}",
        "unknown language {lang}; use one of {langs}",
    )
