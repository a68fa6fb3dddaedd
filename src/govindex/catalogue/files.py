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
    # -- documents read through the converter -------------------------------------------------------------------
    UNKNOWN_KEY = (
        "unknown-key",
        "khóa {key} không được biết{hint}; các khóa ở đây là {known}",
        "unknown key {key}{hint}; the keys here are {known}",
    )
    UNKNOWN_KEY_ALONE = ("unknown-key-alone", "khóa {key} không được biết", "unknown key {key}")
    DID_YOU_MEAN = ("did-you-mean", " (có phải {close}?)", " (did you mean {close}?)")
    MISSING_KEY = ("missing-key", "thiếu khóa bắt buộc {key}", "required key {key} is missing")
    WRONG_SHAPE = (
        "wrong-shape",
        "giá trị ở đây có dạng sai: {got} (xem định dạng tệp trong tài liệu docs/files.md)",
        "the value here has the wrong shape: {got} (see the file formats in docs/files.md)",
    )
    CANNOT_STRUCTURE = ("cannot-structure", "không đọc được giá trị kiểu {kind}", "cannot read a value of type {kind}")
    EXPECTED_NUMBER_NULL = (
        "expected-number-null",
        "cần một số, nhưng không có gì (null)",
        "expected a number, got nothing (null)",
    )
    NEGATIVE_POINTS = ("points-negative", "điểm không thể là số âm ({value})", "points cannot be negative ({value})")
    BAD_ATTRIBUTE = (
        "bad-attribute",
        "thuộc tính phải là văn bản, true/false hoặc số nguyên, không phải {value}",
        "an attribute must be text, true/false or a whole number, not {value}",
    )
    EXPECTED_DATE_TIME = (
        "expected-date-not-time",
        "cần một ngày (YYYY-MM-DD), nhưng có ngày giờ {value}",
        "expected a date (YYYY-MM-DD), got the date-time {value}",
    )
    EXPECTED_DATE = (
        "expected-date",
        "cần một ngày (YYYY-MM-DD), nhưng có {value}",
        "expected a date (YYYY-MM-DD), got {value}",
    )
    EXPECTED_TEXT = ("expected-text", "cần văn bản, nhưng có {kind} {value}", "expected text, got {kind} {value}")
    EXPECTED_WHOLE = ("expected-whole", "cần một số nguyên, nhưng có {value}", "expected a whole number, got {value}")
    EXPECTED_BOOL = ("expected-bool", "cần true hoặc false, nhưng có {value}", "expected true or false, got {value}")
    NOT_ONE_OF = ("not-one-of", "{value} không phải một trong {choices}", "{value} is not one of {choices}")
    # -- YAML and JSON documents ------------------------------------------------------------------------------------
    ALIAS_CYCLE = (
        "alias-cycle",
        "một bí danh (alias) trỏ tới giá trị chứa chính nó",
        "an alias refers to the value that contains it",
    )
    TOO_DEEP = ("too-deep", "tài liệu lồng sâu hơn {depth} mức", "the document is nested more than {depth} levels deep")
    TOO_MANY_VALUES = (
        "too-many-values",
        "tài liệu mở rộng thành hơn {count} giá trị (qua bí danh?); từ chối đọc",
        "the document expands to more than {count} values (through aliases?); refusing to read it",
    )
    TAG_NOT_ALLOWED = (
        "yaml-tag",
        "thẻ YAML {tag} không được phép (chỉ ánh xạ, danh sách, văn bản, số, ngày, true/false và null thường, "
        "không có thẻ)",
        "the YAML tag {tag} is not allowed (only plain mappings, lists, text, numbers, dates, true/false and "
        "null, without tags)",
    )
    NOT_PLAIN = ("not-plain-data", "không phải dữ liệu thường", "not plain data")
    KEY_NOT_TEXT = ("key-not-text", "khóa của ánh xạ phải là văn bản thường", "a mapping key must be plain text")
    COMMA_IN_FLOW = (
        "comma-in-flow-mapping",
        "trong ánh xạ {{...}} dấu phẩy ngăn cách các mục, nên '{split}' được đọc thành '{head}' và một khóa {key} "
        "riêng; hãy viết số với dấu chấm thập phân ({dotted}), hoặc viết ánh xạ trên các dòng riêng",
        "in a {{...}} mapping a comma separates entries, so '{split}' reads as '{head}' and a key {key} of its "
        "own; write the number with a decimal point ({dotted}), or write the mapping on lines of its own",
    )
    KEY_REPEATED = (
        "key-repeated",
        "khóa {key} lặp lại trong một ánh xạ (lần đầu ở dòng {first}); {reader} sẽ lặng lẽ chỉ giữ lần cuối",
        "key {key} is repeated in one mapping (first at line {first}); {reader} would silently keep only the last one",
    )
    KEY_REPEATED_JSON = (
        "key-repeated-json",
        "khóa {key} lặp lại trong một ánh xạ; các bộ đọc JSON sẽ lặng lẽ chỉ giữ lần cuối",
        "key {key} is repeated in one mapping; JSON readers would silently keep only the last one",
    )
    MERGE_NOT_MAPPING = (
        "merge-not-mapping",
        "khóa gộp (<<) phải chỉ một ánh xạ hoặc một danh sách ánh xạ",
        "a merge key (<<) must name a mapping or a list of mappings",
    )
    NOT_BOOL = ("not-true-false", "{text} không phải true hay false", "{text} is not true or false")
    AMBIGUOUS_INT = (
        "ambiguous-whole-number",
        "số {text} không rõ nghĩa hoặc quá dài (YAML đọc 010 là 8 hệ bát phân, 1_0 là 10, 1:30 là 90); hãy viết số "
        "nguyên bằng chữ số thập phân thường, hoặc đặt văn bản trong ngoặc kép",
        "the number {text} is ambiguous or too long (YAML reads 010 as octal 8, 1_0 as 10, 1:30 as 90); write "
        "whole numbers in plain decimal digits, or quote the text",
    )
    AMBIGUOUS_FLOAT = (
        "ambiguous-decimal",
        "số {text} không rõ nghĩa; hãy viết bằng chữ số thường với dấu chấm thập phân (83.8)",
        "the number {text} is ambiguous; write it as plain digits with a decimal point (83.8)",
    )
    NOT_A_DATE = ("not-a-date", "{text} không phải ngày hợp lệ (YYYY-MM-DD)", "{text} is not a valid date (YYYY-MM-DD)")
    NOT_YAML = ("not-yaml", "không phải YAML hợp lệ: {reason}", "not valid YAML: {reason}")
    NOT_JSON = ("not-json", "không phải JSON hợp lệ: {reason}", "not valid JSON: {reason}")
    TOO_LONG_DOCUMENT = (
        "document-too-long",
        "tài liệu có {size} ký tự, nhiều hơn giới hạn {limit}",
        "the document has {size} characters, more than the {limit} read",
    )
    NOT_JSON_NUMBER = (
        "not-json-number",
        "{value} không ghi được thành số JSON",
        "{value} cannot be written as a JSON number",
    )
    NOT_JSON_VALUE = (
        "not-json-value",
        "không ghi được {kind} {value} thành JSON",
        "cannot write {kind} {value} as JSON",
    )
    UNKNOWN_DOCUMENT_FORMAT = (
        "unknown-document-format",
        "không có định dạng {format}; dùng yaml hoặc json",
        "unknown format {format}; use yaml or json",
    )
    YAML_READER = ("yaml-reader", "YAML", "YAML")
    JSON_READER = ("json-reader", "một bộ đọc JSON", "a JSON reader")
    UNKNOWN_SCHEMA = (
        "unknown-schema",
        "không có lược đồ {kind}; các lược đồ là {known}",
        "unknown schema {kind}; the schemas are {known}",
    )
    BAD_RANK = (
        "bad-rank",
        "thứ hạng phải là số nguyên hoặc số ghi bằng văn bản, không phải {value}",
        "a rank must be a whole number or a text number, not {value}",
    )
