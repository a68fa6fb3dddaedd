"""The words of the forms' totals, the appraisal form (phiếu thẩm định) and collecting forms (gộp phiếu)."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Appraisal", "Collect", "FormText", "Totals"]


class FormText(Entry):
    """Texts written on the forms (Vietnamese on every form; the English is for translators)."""

    TOTALS = (
        "form-totals",
        "3. Dòng tô xám là tiêu chí lớn: điểm của dòng được Excel tự cộng từ các dòng con bằng công thức; không "
        "sửa các ô này. Điểm của tiêu chí tính từ số liệu được phần mềm tính khi đọc phiếu.",
        "3. Grey rows are criteria: Excel adds their points up from the rows below by a formula; do not change "
        "those cells. The points of a criterion scored from a figure are computed when the form is read.",
    )
    FACTS = (
        "form-facts",
        "8. Trả lời các câu hỏi về cơ quan ở đầu phiếu (có/không): quy tắc tính điểm của bộ chỉ số dùng các "
        "thông tin này.",
        "8. Answer the questions about the agency at the top of the form (yes/no): the rubric's rules read them.",
    )
    APPRAISAL_1 = (
        "form-appraisal-1",
        "1. Phiếu thẩm định kết quả tự đánh giá của {agency} theo {rubric} ({basis}).",
        "1. The appraisal of {agency}'s self-assessment under {rubric} ({basis}).",
    )
    APPRAISAL_2 = (
        "form-appraisal-2",
        "2. Cột 'Điểm tự đánh giá' là điểm cơ quan tự chấm, được khóa; không sửa cột này (phần mềm kiểm tra "
        "và từ chối phiếu đã bị sửa).",
        "2. The 'Điểm tự đánh giá' column holds the agency's own points and is locked; do not change it (a form "
        "where it was changed is refused).",
    )
    APPRAISAL_3 = (
        "form-appraisal-3",
        "3. Cột 'Điểm thẩm định' đã ghi sẵn điểm tự đánh giá: sửa điểm nào thay đổi (từ 0 đến điểm tối đa, tối "
        "đa {decimals} chữ số thập phân) và ghi lý do ở cột 'Lý do điều chỉnh' (ví dụ: không có tài liệu kiểm "
        "chứng).",
        "3. The 'Điểm thẩm định' column is filled with the self-assessed points: change those that change (from 0 "
        "to the maximum, at most {decimals} decimal(s)) and give the reason in 'Lý do điều chỉnh' (for example: "
        "no evidence).",
    )
    APPRAISAL_4 = (
        "form-appraisal-4",
        "4. Mỗi điểm thẩm định khác điểm tự đánh giá phải có lý do; lý do ghi ở dòng không đổi điểm sẽ được "
        "cảnh báo. Dòng tô xám là tổng, Excel tự cộng.",
        "4. Every appraised score that differs from the self-assessment needs a reason; a reason on a row whose "
        "score did not change is warned about. Grey rows are totals that Excel adds up.",
    )
    APPRAISAL_5 = (
        "form-appraisal-5",
        "5. Đối chiếu: govindex reconcile <tệp tự đánh giá> <phiếu thẩm định>.xlsx --rubric {rubric}",
        "5. Compare: govindex reconcile <self-assessment file> <appraisal form>.xlsx --rubric {rubric}",
    )
    CHOOSE_FACT = ("form-choose-fact", "Chọn có hoặc không.", "Choose yes or no.")


class Totals(Entry):
    """Problems of the formulas of a form: totals and cells where a value is typed."""

    TOTAL_DIFFERS = (
        "form-total-differs",
        "ô tổng lưu {saved} nhưng tổng các dòng con là {total}; không sửa ô tổng, hãy mở và lưu lại tệp trong Excel",
        "the total cell saved {saved} but its rows add up to {total}; do not edit a total, open and save the "
        "file in Excel again",
    )
    FORMULA_CHANGED = (
        "form-formula-changed",
        "công thức ô tổng đã bị sửa thành ={given}; công thức đúng là ={expected}",
        "the total's formula was changed to ={given}; it is ={expected}",
    )
    FORMULA_NOT_ALLOWED = (
        "form-formula-not-allowed",
        "ô chứa công thức ={formula} ở nơi cần gõ giá trị; hãy gõ giá trị",
        "the cell holds the formula ={formula} where a value is typed; type the value",
    )


class Appraisal(Entry):
    """Problems of an appraisal form read back (phiếu thẩm định)."""

    NO_REASON = (
        "appraisal-without-reason",
        "điểm thẩm định {appraised} khác điểm tự đánh giá {self_score} nhưng không ghi lý do điều chỉnh",
        "the appraised score {appraised} differs from the self-assessed {self_score} but no reason is given",
    )
    REASON_UNCHANGED = (
        "appraisal-reason-unchanged",
        "có lý do điều chỉnh {reason} nhưng điểm thẩm định bằng điểm tự đánh giá {self_score}",
        "a reason {reason} is given but the appraised score equals the self-assessed {self_score}",
    )
    SELF_EDITED = (
        "appraisal-self-edited",
        "cột 'Điểm tự đánh giá' đã bị sửa: ô ghi {given}, phiếu được lập với {expected}; không sửa cột này",
        "the 'Điểm tự đánh giá' column was changed: the cell holds {given}, the form was made with {expected}; "
        "do not change that column",
    )
    SELF_DIFFERS = (
        "appraisal-self-differs",
        "điểm tự đánh giá {given} trong phiếu thẩm định khác điểm {expected} trong tệp tự đánh giá {self_file}",
        "the self-assessed score {given} in the appraisal form differs from {expected} in the self-assessment "
        "file {self_file}",
    )
    COPY_DAMAGED = (
        "appraisal-copy-damaged",
        "bản lưu điểm tự đánh giá của phiếu (trang ẩn {sheet_name}) bị thiếu hoặc đã bị sửa; hãy lập lại phiếu "
        "bằng govindex template --from",
        "the form's stored copy of the self-assessment (hidden sheet {sheet_name}) is missing or was changed; "
        "make the form again with govindex template --from",
    )
    ONE_FILE = (
        "appraisal-one-file",
        "có {count} phiếu thẩm định: --output phải là một thư mục (mỗi cơ quan một tệp)",
        "there are {count} appraisal forms: --output must be a folder (one file per agency)",
    )


class Collect(Entry):
    """Words of ``govindex collect``."""

    EXTENSION = (
        "collect-extension",
        "không ghi được tệp {extension}; tệp gộp là .xlsx, .csv, .yaml hoặc .json",
        "cannot write a {extension} file; the collected file is .xlsx, .csv, .yaml or .json",
    )
    SOURCES = (
        "collect-sources",
        "các tệp có nguồn điểm khác nhau ({sources}); gộp riêng phiếu tự đánh giá và phiếu thẩm định",
        "the files hold scores of different sources ({sources}); collect self-assessments and appraisals apart",
    )
    WROTE = (
        "collect-wrote",
        "đã gộp {count} cơ quan từ {files} tệp vào {output}",
        "collected {count} agencies from {files} files into {output}",
    )
