"""The words of documents (từ ngữ của văn bản): column headings, labels, band wording, yes and no.

Every heading of a table govindex writes comes from :class:`HeadingText`, found
by the column's id (``HeadingText.of("total")``); the other words of documents
from :class:`Word`.

>>> HeadingText.of("total").text("vi"), HeadingText.of("total").text("en")
('Tổng điểm', 'Total')
>>> HeadingText.of("nothing-like-this") is None
True
>>> Word.BAND_BETWEEN.text("vi", lower="70", upper="85")
'từ 70 điểm đến dưới 85 điểm'
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Cite", "HeadingText", "Word"]


class HeadingText(Entry):
    """The heading of a column, by the column's id (the member's name is the id in capitals)."""

    STT = ("heading-stt", "STT", "No.")
    GROUP = ("heading-group", "Mã nhóm", "Group id")
    GROUP_NAME = ("heading-group-name", "Khối", "Group")
    RANK = ("heading-rank", "Xếp hạng", "Rank")
    AGENCY = ("heading-agency", "Mã cơ quan", "Agency id")
    NAME = ("heading-name", "Tên cơ quan", "Agency")
    TOTAL = ("heading-total", "Tổng điểm", "Total")
    SCORE = ("heading-score", "Điểm", "Score")
    BAND = ("heading-band", "Xếp loại", "Band")
    NORMALISED = ("heading-normalised", "Điểm quy đổi", "Normalised")
    INDEX = ("heading-index", "Chỉ số", "Index")
    AGENCIES = ("heading-agencies", "Số cơ quan", "Agencies")
    MEAN = ("heading-mean", "Điểm trung bình", "Mean")
    MIN = ("heading-min", "Thấp nhất", "Minimum")
    MAX = ("heading-max", "Cao nhất", "Maximum")
    REASON = ("heading-reason", "Lý do", "Reason")
    RULE = ("heading-rule", "Quy tắc", "Rule")
    STATUS = ("heading-status", "Tình trạng", "Status")
    NODE = ("heading-node", "Mã tiêu chí", "Criterion id")
    NODE_NAME = ("heading-node-name", "Tiêu chí", "Criterion")
    MAX_POINTS = ("heading-max-points", "Điểm tối đa", "Maximum points")
    SELF = ("heading-self", "Tự đánh giá", "Self-assessed")
    APPRAISED = ("heading-appraised", "Thẩm định", "Appraised")
    DIFFERENCE = ("heading-difference", "Chênh lệch", "Difference")
    SELF_TOTAL = ("heading-self-total", "Tổng điểm tự đánh giá", "Self-assessed total")
    APPRAISED_TOTAL = ("heading-appraised-total", "Tổng điểm thẩm định", "Appraised total")
    SELF_BAND = ("heading-self-band", "Xếp loại tự đánh giá", "Self-assessed band")
    APPRAISED_BAND = ("heading-appraised-band", "Xếp loại thẩm định", "Appraised band")
    SELF_RANK = ("heading-self-rank", "Hạng tự đánh giá", "Self-assessed rank")
    APPRAISED_RANK = ("heading-appraised-rank", "Hạng thẩm định", "Appraised rank")
    PLACES = ("heading-places", "Số bậc thay đổi", "Places")
    SCORE_CHANGE = ("heading-score-change", "Thay đổi điểm", "Score change")
    BAND_CHANGE = ("heading-band-change", "Thay đổi xếp loại", "Band change")
    PREDECESSORS = ("heading-predecessors", "Tiền thân", "Predecessors")
    SUCCESSOR = ("heading-successor", "Kế thừa", "Successor")
    NOTES = ("heading-notes", "Ghi chú", "Notes")
    SHARE = ("heading-share", "Tỷ lệ", "Share")
    COUNT = ("heading-count", "Số lượng", "Count")
    PUBLISHED = ("heading-published", "Số liệu công bố", "Published")
    RECOMPUTED = ("heading-recomputed", "Tính lại", "Recomputed")
    BOUND = ("heading-bound", "Giới hạn làm tròn", "Rounding bound")
    AGREEMENT = ("heading-agreement", "Kết quả đối chiếu", "Agreement")
    PUBLISHED_RANK = ("heading-published-rank", "Hạng công bố", "Published rank")
    COMPUTED_RANK = ("heading-computed-rank", "Hạng tính lại", "Recomputed rank")
    YEAR = ("heading-year", "Năm", "Year")
    DECISION = ("heading-decision", "Quyết định", "Decision")
    GROUPS = ("heading-groups", "Nhóm cơ quan", "Groups")
    TIES = ("heading-ties", "Cách xếp hạng đồng điểm", "Ties")
    VIEWS = ("heading-views", "Trụ cột", "Views")
    TITLE = ("heading-title", "Tên bộ chỉ số", "Title")
    ID = ("heading-id", "Mã", "Id")
    # Headings made of a name: a count per band, a share per band or group, a view's rank, a period's figure.
    COUNT_OF = ("heading-count-of", "{name}", "{name}")
    SHARE_OF = ("heading-share-of", "{name} (%)", "{name} (%)")
    RANK_OF = ("heading-rank-of", "Xếp hạng {name}", "Rank, {name}")
    RANK_IN = ("heading-rank-in", "Xếp hạng {period}", "Rank {period}")
    SCORE_IN = ("heading-score-in", "Điểm {period}", "Score {period}")
    BAND_IN = ("heading-band-in", "Xếp loại {period}", "Band {period}")
    PLACES_BETWEEN = ("heading-places-between", "Số bậc thay đổi {old}→{new}", "Places {old}→{new}")
    CHANGE_BETWEEN = ("heading-change-between", "Thay đổi điểm {old}→{new}", "Score change {old}→{new}")

    @classmethod
    def of(cls, column_id: str) -> HeadingText | None:
        """The heading of a well-known column id (``total``, ``self_rank``), or ``None``."""
        return cls.__members__.get(column_id.upper())


class Word(Entry):
    """The other words of documents: captions, labels, band wording, yes and no."""

    TABLE = ("word-table", "Bảng", "Table")
    FIGURE = ("word-figure", "Hình", "Figure")
    DOCUMENT = ("word-document", "Văn bản", "Document")
    SHEET = ("word-sheet", "Trang", "Sheet")
    YES = ("word-yes", "có", "yes")
    NO = ("word-no", "không", "no")
    BAND_BETWEEN = (
        "word-band-between",
        "từ {lower} điểm đến dưới {upper} điểm",
        "from {lower} to below {upper} points",
    )
    BAND_FROM = ("word-band-from", "từ {lower} điểm trở lên", "{lower} points or more")
    BAND_BELOW = ("word-band-below", "dưới {upper} điểm", "below {upper} points")
    BAND_ANY = ("word-band-any", "mọi mức điểm", "any score")
    BAND_LEVEL = ("word-band-level", "Mức {label}", "{label}")
    NOT_SCORED = ("word-not-scored", "chưa chấm", "-")


class Cite(Entry):
    """A legal basis as a reader cites it: ``Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của ...``."""

    CITE = ("cite", "{head} {when} của {issuer}{article}", "{head} of {when} ({issuer}){article}")
    DECISION = ("cite-decision", "Quyết định số {decision}", "Decision {decision}")
    ON = ("cite-on", "ngày {date}", "{date}")
    IN_YEAR = ("cite-in-year", "năm {year}", "{year}")
    UNDATED = ("cite-undated", "(không rõ ngày)", "date unknown")
    ARTICLE = ("cite-article", ", {article}", ", {article}")
    BASIS = ("cite-basis", "Căn cứ: {basis}", "Legal basis: {basis}")
