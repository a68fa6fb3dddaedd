"""Words of the year's round: the forms of every agency, and what a collected score table cannot hold."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["RoundFiles", "RoundHelp"]


class RoundHelp(Entry):
    """Help texts of the round's options."""

    EACH_AGENCY = (
        "help-template-each-agency",
        "phiếu tự đánh giá để trống của mọi cơ quan trong danh mục cơ quan của tỉnh năm của bộ tiêu chí (chỉ "
        "nhóm --group nếu có; trừ cơ quan bộ tiêu chí loại khỏi đánh giá), mỗi cơ quan một tệp MÃ-CƠ-QUAN.xlsx "
        "trong thư mục --output",
        "the blank self-assessment form of every agency the province's directory lists for the rubric's year "
        "(of --group only, if given; but those the rubric keeps out), one file AGENCY-ID.xlsx per agency in the "
        "folder --output",
    )


class RoundFiles(Entry):
    """Refusals of the round's forms and collected score tables."""

    EMPTY_FOLDER = (
        "folder-without-score-files",
        "thư mục không có tệp điểm nào ({known})",
        "the folder holds no score file ({known})",
    )
    NO_DIRECTORY = (
        "template-each-agency-no-directory",
        "bộ tiêu chí {rubric} không gắn với danh mục cơ quan của tỉnh nào; hãy cho danh mục bằng --registry "
        "TỆP để biết phải lập phiếu cho những cơ quan nào",
        "the rubric {rubric} has no province's directory of agencies; give one with --registry FILE to say "
        "which agencies get a form",
    )
    NO_AGENCIES = (
        "template-each-agency-none",
        "danh mục cơ quan không có cơ quan nào của bộ tiêu chí {rubric} trong năm {year}",
        "the directory lists no agency of the rubric {rubric} in {year}",
    )
    EACH_AGENCY_AGENCY = (
        "template-each-agency-with-agency",
        "--each-agency lập phiếu cho mọi cơ quan: không dùng cùng --agency hoặc --from",
        "--each-agency makes the form of every agency: not with --agency or --from",
    )

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
