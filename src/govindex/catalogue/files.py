"""Problems with a file as a whole: its size, its encoding, its kind, the document it holds."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Files"]


class Files(Entry):
    """Why a file cannot be read at all, or what it is not (tệp không đọc được)."""

    TOO_LARGE = (
        "file-too-large",
        "tệp có {size} byte, nhiều hơn giới hạn {limit} byte; nếu tệp đúng, nâng giới hạn bằng --max-bytes (max_bytes=)",
        "the file holds {size} bytes, more than the {limit} bytes read; raise the limit with --max-bytes "
        "(max_bytes=) if the file is right",
    )
    TOO_LARGE_STREAM = (
        "stream-too-large",
        "tệp dài hơn giới hạn {limit} byte; nếu tệp đúng, nâng giới hạn bằng --max-bytes (max_bytes=)",
        "the file holds more than the {limit} bytes read; raise the limit with --max-bytes (max_bytes=) "
        "if the file is right",
    )
    UNZIPPED_TOO_LARGE = (
        "workbook-unzips-too-large",
        "sổ tính giải nén ra {size} byte, hơn 10 lần giới hạn {limit} byte; nếu tệp đúng, nâng giới hạn bằng "
        "--max-bytes (max_bytes=)",
        "the workbook expands to {size} bytes when unzipped, more than 10 times the {limit} bytes read; raise "
        "the limit with --max-bytes (max_bytes=) if the file is right",
    )
    CANNOT_READ = (
        "cannot-read-file",
        "không đọc được tệp: {reason}",
        "cannot read the file: {reason}",
    )
    DEVICE = (
        "not-a-regular-file",
        "đây không phải một tệp thường (thiết bị hoặc thư mục); hãy đưa một tệp",
        "this is not a regular file (a device or a folder); give a file",
    )
    NOT_UTF8 = (
        "not-utf8",
        "không phải văn bản UTF-8 (byte {byte}); trong Excel hãy lưu bảng dạng 'CSV UTF-8'",
        "not UTF-8 text (byte {byte}); save the table as 'CSV UTF-8' in Excel",
    )
    BAD_CHARACTER = (
        "bad-character",
        "văn bản {text} chứa ký tự {char} không dùng được (ký tự thay thế đơn lẻ hoặc không phải ký tự)",
        "the text {text} holds the character {char}, which is not a usable character "
        "(a lone surrogate or a noncharacter)",
    )
    EMPTY = (
        "file-empty",
        "tệp trống hoặc không có dòng tiêu đề",
        "the file is empty or has no header row",
    )
    NOT_CSV = ("not-csv", "không phải CSV hợp lệ: {reason}", "not valid CSV: {reason}")
    TOO_MANY_CELLS = (
        "too-many-cells",
        "bảng có hơn {limit} ô; nếu tệp đúng, nâng giới hạn bằng --max-cells (max_cells=)",
        "the table has more than {limit} cells; raise the limit with --max-cells (max_cells=) if the file is right",
    )
    NOT_XLSX = (
        "not-xlsx",
        "không phải sổ tính .xlsx đọc được ({reason})",
        "not a readable .xlsx workbook ({reason})",
    )
    SHEET_UNREADABLE = (
        "sheet-unreadable",
        "không đọc được trang tính {sheet_name} ({reason})",
        "sheet {sheet_name} is not readable ({reason})",
    )
    NO_WORKSHEET = ("no-worksheet", "sổ tính không có trang tính nào", "the workbook has no worksheet")
    NO_SHEET_WITH_HEADER = (
        "no-sheet-with-header",
        "không trang tính nào có dòng tiêu đề ghi cột cơ quan ({headers}); các trang tính là {sheets}",
        "no sheet has a header row that names the agency column ({headers}); the sheets are {sheets}",
    )
    NO_SUCH_SHEET = (
        "no-such-sheet",
        "sổ tính không có trang tính {sheet_name}; các trang tính là {sheets}",
        "the workbook has no sheet {sheet_name}; its sheets are {sheets}",
    )
    BEYOND_SHEET = (
        "cell-beyond-sheet",
        "ô {cell} nằm ngoài giới hạn của một trang tính (1 048 576 dòng, 16 384 cột)",
        "cell {cell} lies outside a worksheet's limits (1 048 576 rows, 16 384 columns)",
    )
    FORMULA_NOT_SAVED = (
        "formula-without-result",
        "ô chứa công thức chưa có kết quả được lưu; hãy mở và lưu tệp trong Excel, hoặc gõ giá trị",
        "the cell holds a formula without a saved result; open and save the file in Excel, or type the value",
    )
    FORMULA_BAD_RESULT = (
        "formula-result-not-number",
        "kết quả được lưu của công thức {saved} không phải là số; hãy mở và lưu tệp trong Excel, hoặc gõ giá trị",
        "the formula's saved result {saved} is not a number; open and save the file in Excel, or type the value",
    )
    EXCEL_ERROR = ("excel-error", "ô chứa lỗi Excel {value}", "the cell holds the Excel error {value}")
    DATE_CELL = (
        "date-cell",
        "ô chứa ngày hoặc giờ ({value}), không phải số hay văn bản; hãy định dạng ô là số hoặc văn bản",
        "the cell holds a date or time ({value}), not a number or text; format the cell as a number or text",
    )
    NOT_FINITE = ("number-not-finite", "số {value} không hữu hạn", "the number {value} is not finite")
    OTHER_CELL = (
        "cell-kind",
        "ô chứa {kind} {value}, không phải số hay văn bản",
        "the cell holds {kind} {value}, not a number or text",
    )
    UNKNOWN_EXTENSION = (
        "unknown-extension",
        "không biết loại tệp điểm từ phần mở rộng {extension}; dùng {known}",
        "cannot tell the kind of score file from the extension {extension}; use {known}",
    )
    UNKNOWN_KIND = (
        "unknown-file-kind",
        "không biết tệp này là gì: bộ tiêu chí có 'groups', tệp đánh giá có 'agencies'",
        "cannot tell what this file is: a rubric has 'groups', an assessment file has 'agencies'",
    )
    UNKNOWN_EXTENSION_VALIDATE = (
        "unknown-extension-validate",
        "không biết loại tệp từ phần mở rộng {extension}",
        "cannot tell the kind of file from the extension {extension}",
    )
    NEEDS_RUBRIC = (
        "table-needs-rubric",
        "bảng điểm được kiểm tra theo một bộ tiêu chí: hãy cho --rubric",
        "a score table is checked against a rubric: pass --rubric",
    )
    ASSESSMENT_NOT_MAPPING = (
        "assessment-not-mapping",
        "tệp đánh giá phải chứa một ánh xạ (source: ..., agencies: ...) ở đầu",
        "an assessment file must hold a mapping (source: ..., agencies: ...) at its top",
    )
    RESULT_NOT_MAPPING = (
        "result-not-mapping",
        "tệp kết quả phải chứa một ánh xạ ở đầu",
        "a result file must hold a mapping at its top",
    )
    RUBRIC_BY_ID = (
        "rubric-by-id",
        "tệp dữ liệu ghi bộ tiêu chí bằng mã (chữ, số, '_', '.', '-'; xem govindex rubrics), không bằng đường dẫn; "
        "hãy cho tệp bộ tiêu chí bằng --rubric",
        "a data file names its rubric by id (letters, digits, '_', '.', '-'; see govindex rubrics), never by a "
        "path; give a rubric file with --rubric",
    )
    DATASET_RUBRIC = (
        "dataset-rubric",
        "bộ dữ liệu ghi bộ tiêu chí {rubric}: không phải mã của bộ tiêu chí đi kèm, cũng không phải tệp .yaml/.yml/.json "
        "nằm cạnh bộ dữ liệu; các bộ tiêu chí đi kèm là {known}",
        "the dataset names the rubric {rubric}: neither the id of a bundled rubric nor a .yaml/.yml/.json file "
        "beside the dataset; the bundled rubrics are {known}",
    )
    DATASET_RUBRIC_NOT_RUBRIC = (
        "dataset-rubric-not-rubric",
        "tệp {rubric} mà bộ dữ liệu ghi không phải là một bộ tiêu chí",
        "the file {rubric} that the dataset names is not a rubric",
    )
    UNKNOWN_DATASET = (
        "unknown-dataset",
        "không có bộ dữ liệu {name}; các bộ dữ liệu đi kèm là {known}",
        "unknown dataset {name}; the bundled datasets are {known}",
    )
    UNKNOWN_SOURCE = (
        "unknown-source",
        "{name} không phải tệp điểm có sẵn cũng không phải mã bộ dữ liệu đi kèm ({known})",
        "{name} is neither an existing score file nor the id of a bundled dataset ({known})",
    )
    WRONG_RUBRIC = (
        "file-for-other-rubric",
        "tệp dành cho bộ tiêu chí {given}, không phải {expected}",
        "the file is for rubric {given}, not {expected}",
    )
    INDEX_NEEDS_RUBRIC = (
        "index-needs-rubric",
        "giá trị chỉ số được đọc theo thang công bố của một bộ tiêu chí: hãy cho bộ tiêu chí",
        "index values are read on a rubric's published scale: give the rubric",
    )
    FORM_HOLDS_POINTS = (
        "form-holds-points",
        "biểu mẫu của govindex template ghi điểm, không ghi giá trị chỉ số",
        "a form from govindex template holds points, not index values",
    )
    UNKNOWN_VALUES = (
        "unknown-values",
        "không có loại giá trị {values}; dùng {known}",
        "unknown kind of values {values}; use {known}",
    )
    ONE_SOURCE = (
        "one-source-per-file",
        "một tệp đánh giá chỉ có một nguồn; các đánh giá này trộn tự đánh giá và thẩm định",
        "an assessment file holds one source; these assessments mix self and appraised scores",
    )
    EXPECTED_NUMBER_TEXT = (
        "expected-number",
        "cần một số, nhưng có văn bản {text}",
        "expected a number, got the text {text}",
    )
