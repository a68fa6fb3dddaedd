"""Wording in Vietnamese (the default) and English: column headings, band wording, labels.

>>> column_label("total", "vi"), column_label("total", "en")
('Tổng điểm', 'Total')
>>> band_range(Decimal("70"), Decimal("85"), "vi")
'từ 70 điểm đến dưới 85 điểm'
>>> band_range(Decimal("85"), None, "vi"), band_range(None, Decimal("50"), "en")
('từ 85 điểm trở lên', 'below 50 points')
"""

from __future__ import annotations

from decimal import Decimal

from govindex.errors import UnknownNameError

__all__ = ["LANGS", "band_range", "check_lang", "column_label", "word"]

#: The languages of every human-readable output; Vietnamese first (the default).
LANGS = ("vi", "en")

_COLUMNS: dict[str, tuple[str, str]] = {
    "stt": ("STT", "No."),
    "group": ("Nhóm", "Group"),
    "group_name": ("Khối", "Group"),
    "rank": ("Xếp hạng", "Rank"),
    "agency": ("Mã cơ quan", "Agency id"),
    "name": ("Tên cơ quan", "Agency"),
    "total": ("Tổng điểm", "Total"),
    "score": ("Điểm", "Score"),
    "band": ("Xếp loại", "Band"),
    "normalised": ("Điểm quy đổi", "Normalised"),
    "agencies": ("Số cơ quan", "Agencies"),
    "mean": ("Điểm trung bình", "Mean"),
    "min": ("Thấp nhất", "Minimum"),
    "max": ("Cao nhất", "Maximum"),
    "reason": ("Lý do", "Reason"),
    "rule": ("Quy tắc", "Rule"),
    "status": ("Tình trạng", "Status"),
    "node": ("Mã tiêu chí", "Criterion id"),
    "node_name": ("Tiêu chí", "Criterion"),
    "max_points": ("Điểm tối đa", "Maximum points"),
    "self": ("Tự đánh giá", "Self-assessed"),
    "appraised": ("Thẩm định", "Appraised"),
    "difference": ("Chênh lệch", "Difference"),
    "self_total": ("Tổng điểm tự đánh giá", "Self-assessed total"),
    "appraised_total": ("Tổng điểm thẩm định", "Appraised total"),
    "self_band": ("Xếp loại tự đánh giá", "Self-assessed band"),
    "appraised_band": ("Xếp loại thẩm định", "Appraised band"),
    "self_rank": ("Hạng tự đánh giá", "Self-assessed rank"),
    "appraised_rank": ("Hạng thẩm định", "Appraised rank"),
    "places": ("Số bậc thay đổi", "Places"),
    "score_change": ("Thay đổi điểm", "Score change"),
    "band_change": ("Thay đổi xếp loại", "Band change"),
    "predecessors": ("Tiền thân", "Predecessors"),
    "successor": ("Kế thừa", "Successor"),
    "notes": ("Ghi chú", "Notes"),
    "share": ("Tỷ lệ", "Share"),
    "count": ("Số lượng", "Count"),
}

_WORDS: dict[str, tuple[str, str]] = {
    "table": ("Bảng", "Table"),
    "figure": ("Hình", "Figure"),
    "band": ("Mức", "Band"),
    "points": ("điểm", "points"),
    "max": ("điểm tối đa", "maximum"),
    "summary": ("Tổng hợp kết quả", "Summary"),
    "overall": ("Chung", "Overall"),
    "overall_mean": (
        "Điểm trung bình chung (trung bình cộng điểm trung bình các khối)",
        "Overall mean (the mean of the group means)",
    ),
    "group_mean": ("Điểm trung bình", "Mean"),
    "not_assessed": ("Cơ quan không đánh giá", "Agencies not assessed"),
    "none_not_assessed": ("Không có cơ quan nào bị loại khỏi đánh giá.", "Every agency was assessed."),
    "ranking": ("Xếp hạng tổng thể", "Overall ranking"),
    "ranking_node": ("Xếp hạng hạng mục", "Ranking on"),
    "shares": ("Tỷ lệ xếp loại", "Band shares"),
    "bands": ("Các mức xếp loại", "Bands"),
    "appendix": ("PHỤ LỤC", "APPENDIX"),
    "attached": ("kèm theo Quyết định số", "attached to Decision"),
    "of_date": ("ngày", "of"),
    "chart_totals": ("Tổng điểm các cơ quan", "Totals of the agencies"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
}


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`, else a clear refusal."""
    if lang not in LANGS:
        raise UnknownNameError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def column_label(column_id: str, lang: str) -> str | None:
    """The heading of a well-known column id in ``lang``, or ``None``."""
    pair = _COLUMNS.get(column_id)
    if pair is None:
        return None
    return pair[0] if lang == "vi" else pair[1]


def word(key: str, lang: str) -> str:
    """A word of the documents in ``lang``."""
    vi, en = _WORDS[key]
    return vi if lang == "vi" else en


def _points(value: Decimal, lang: str) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    return text.replace(".", ",") if lang == "vi" else text


def band_range(lower: Decimal | None, upper: Decimal | None, lang: str = "vi") -> str:
    """A band's range the way decisions word it ("từ 70 điểm đến dưới 85 điểm")."""
    low = None if lower is None or lower == 0 else _points(lower, lang)
    high = None if upper is None else _points(upper, lang)
    if lang == "vi":
        if low is not None and high is not None:
            return f"từ {low} điểm đến dưới {high} điểm"
        if low is not None:
            return f"từ {low} điểm trở lên"
        if high is not None:
            return f"dưới {high} điểm"
        return "mọi mức điểm"
    if low is not None and high is not None:
        return f"from {low} to below {high} points"
    if low is not None:
        return f"{low} points or more"
    if high is not None:
        return f"below {high} points"
    return "any score"
