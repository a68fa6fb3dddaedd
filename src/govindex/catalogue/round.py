"""Words of the round's collected files: what a score table (CSV or XLSX) cannot hold."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["RoundFiles"]


class RoundFiles(Entry):
    """Refusals of a collected score table."""

    WIDE_REASONS = (
        "wide-table-cannot-hold-reasons",
        "bảng điểm dạng ngang không chứa được lý do điều chỉnh của thẩm định; hãy ghi dạng dọc (mỗi dòng một "
        "điểm, cột reason) hoặc tệp đánh giá (YAML hoặc JSON)",
        "the wide form of a score table cannot hold an appraisal's reasons (lý do điều chỉnh); write the long "
        "form (one score per row, a reason column) or an assessment file (YAML or JSON)",
    )
    TABLE_FACTS = (
        "collect-table-cannot-hold-facts",
        "tệp {extension} không chứa được thông tin về cơ quan mà quy tắc đọc ({facts}) của {count} cơ quan "
        "({agencies}); không ghi tệp nào để khỏi mất các thông tin này. Hãy gộp vào tệp YAML hoặc JSON "
        "(--output {suggested}), tệp này giữ cả điểm, tài liệu kiểm chứng, lý do điều chỉnh và thông tin về cơ quan",
        "a {extension} file cannot hold the agency facts rules read ({facts}) of {count} agencies ({agencies}); "
        "nothing was written, so as not to lose them. Collect into a YAML or JSON file (--output {suggested}), "
        "which keeps the scores, evidence, an appraisal's reasons and the agencies' facts",
    )
