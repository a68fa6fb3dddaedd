"""The words of the command line (dòng lệnh): refusals of the commands, and argparse's own messages.

The help of each command and option is in :mod:`govindex.catalogue.help`.
"""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Cli", "CliError", "Parsing", "Plain", "ProblemHeading"]


class Cli(Entry):
    """Words the command line prints around its output."""

    ERROR = ("cli-error", "govindex: lỗi: {message}", "govindex: error: {message}")
    WARNING = ("cli-warning", "Cảnh báo: {message}", "warning: {message}")
    NOTE = ("cli-note", "govindex: {message}", "govindex: {message}")
    OUTPUT_FAILED = (
        "cli-output-failed",
        "không ghi được ra đầu ra chuẩn: {reason}",
        "cannot write to standard output: {reason}",
    )
    INTERRUPTED = ("cli-interrupted", "đã dừng theo yêu cầu", "interrupted")


class CliError(Entry):
    """Refusals of the commands themselves (the input options, not the files)."""

    NO_RUBRIC = (
        "cli-no-rubric",
        "không tệp nào nêu bộ tiêu chí; hãy nêu --rubric BỘ-TIÊU-CHÍ",
        "no file names its rubric; give --rubric RUBRIC",
    )
    RUBRICS_DIFFER = (
        "cli-rubrics-differ",
        "các tệp thuộc các bộ tiêu chí khác nhau ({shown}); hãy nêu --rubric BỘ-TIÊU-CHÍ",
        "the files are for different rubrics ({shown}); give --rubric RUBRIC",
    )
    RUBRIC_NOT_BUNDLED = (
        "cli-rubric-not-bundled",
        "tệp nêu một bộ tiêu chí không có sẵn (tệp dữ liệu nêu bộ tiêu chí bằng mã, không bằng đường dẫn); hãy "
        "nêu --rubric BỘ-TIÊU-CHÍ (mã có sẵn hoặc tệp)",
        "the file names a rubric that is not bundled (a data file names its rubric by id, never by a path); "
        "give --rubric RUBRIC (a bundled id or a rubric file)",
    )
    SWAPPED = (
        "cli-swapped",
        "tệp ghi source: {stated} nhưng được đưa vào như tệp {given} (govindex reconcile TỰ-ĐÁNH-GIÁ THẨM-ĐỊNH); "
        "có phải hai tệp bị đổi chỗ?",
        "the file says source: {stated}, but it is given as the {given} file (govindex reconcile SELF APPRAISED); "
        "are the files swapped?",
    )
    APPRAISED_AND_PUBLISHED = (
        "cli-appraised-and-published",
        "chỉ nêu THẨM-ĐỊNH hoặc --published BẢNG, không nêu cả hai",
        "give either APPRAISED or --published TABLE, not both",
    )
    NO_APPRAISAL = (
        "cli-no-appraisal",
        "hãy nêu phần thẩm định (THẨM-ĐỊNH) hoặc bảng số liệu công bố (--published BẢNG)",
        "give the appraisal (APPRAISED) or a published table (--published TABLE)",
    )
    RECONCILE_FILES = (
        "cli-reconcile-files",
        "hãy nêu phần tự đánh giá và phần thẩm định: govindex reconcile TỰ-ĐÁNH-GIÁ THẨM-ĐỊNH, hoặc nhiều tệp với "
        "govindex reconcile TỰ-ĐÁNH-GIÁ... --appraised THẨM-ĐỊNH...",
        "give the self-assessment and the appraisal: govindex reconcile SELF APPRAISED, or several files with "
        "govindex reconcile SELF... --appraised APPRAISED...",
    )
    NOTHING_TO_DRAW = (
        "cli-nothing-to-draw",
        "không có cơ quan nào có mặt ở cả hai phần; không có thay đổi thứ hạng để vẽ",
        "no agency is in both files; there is no rank movement to draw",
    )
    PUBLISHED_OPTIONS = (
        "cli-published-options",
        "với --published, không dùng --table hay --plot",
        "with --published, give neither --table nor --plot",
    )
    CAPTION_FORM = (
        "cli-caption-form",
        "--caption {spec}: hãy viết NHÓM.TIÊU-CHÍ=VĂN-BẢN, ví dụ provincial.total=Bảng xếp hạng",
        "--caption {spec}: write GROUP.NODE=TEXT, e.g. provincial.total=Bảng xếp hạng",
    )
    CAPTION_NODE = (
        "cli-caption-node",
        "--caption {spec}: nhóm {in_group} không có tiêu chí {name}; các tiêu chí là {nodes}",
        "--caption {spec}: group {in_group} has no node {name}; its nodes are {nodes}",
    )
    TEMPLATE_WHAT = (
        "cli-template-what",
        "hãy cho --group NHÓM (phiếu tự đánh giá hoặc bảng điểm thẩm định) hoặc --from TỆP_TỰ_ĐÁNH_GIÁ...",
        "give --group G (a self-assessment form or a cohort sheet) or --from SELF_FILE...",
    )
    FORM_XLSX = (
        "cli-form-xlsx",
        "biểu mẫu là tệp Excel: hãy đặt tên tệp kết quả TỆP.xlsx",
        "the form is an Excel workbook: name the output FILE.xlsx",
    )
    AGENCY_GROUP = (
        "cli-agency-group",
        "cơ quan thuộc nhóm {found}, không phải nhóm {expected}",
        "the agency is in group {found}, not {expected}",
    )
    NO_AGENCY = (
        "cli-no-agency",
        "hãy nêu cơ quan cần giải thích: govindex explain BỘ-TIÊU-CHÍ TỆP-ĐIỂM... CƠ-QUAN [TIÊU-CHÍ]",
        "name the agency to explain: govindex explain RUBRIC SCORES... AGENCY [NODE]",
    )
    NOT_A_SOURCE = (
        "cli-not-a-source",
        "không có tệp hay bộ số liệu công bố nào tên này",
        "no such file or published dataset",
    )
    UNKNOWN_AGENCY = (
        "cli-unknown-agency",
        "không có cơ quan nào có mã hoặc tên {name}{hint}",
        "no agency has the id or name {name}{hint}",
    )
    AGENCY_HINT = ("cli-agency-hint", "; có phải {names}?", "; did you mean {names}?")
    AMBIGUOUS_AGENCY = (
        "cli-ambiguous-agency",
        "nhiều cơ quan có tên {name}: {ids}; hãy nêu mã",
        "several agencies are named {name}: {ids}; give the id",
    )
    NUL_IN_PATH = (
        "cli-nul-in-path",
        "đường dẫn có ký tự NUL",
        "the path holds a NUL character",
    )
    IGNORED_NEEDED_COLUMN = (
        "cli-ignored-needed-column",
        "không thể bỏ qua cột {column}: đó là cột định danh cơ quan",
        "the column {column} cannot be left unread: it names the agencies",
    )


class Parsing(Entry):
    """argparse's own messages, worded per language (their English is argparse's ``msgid``)."""

    USAGE = ("argparse-usage", "cách dùng: ", "usage: ")
    POSITIONALS = ("argparse-positionals", "đối số", "positional arguments")
    OPTIONS = ("argparse-options", "tùy chọn", "options")
    HELP = ("argparse-help", "in trợ giúp này rồi thoát", "show this help message and exit")
    UNRECOGNIZED = ("argparse-unrecognized", "đối số không nhận ra: %s", "unrecognized arguments: %s")
    REQUIRED = ("argparse-required", "thiếu các đối số bắt buộc: %s", "the following arguments are required: %s")
    INVALID_CHOICE = (
        "argparse-invalid-choice",
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    )
    INVALID_VALUE = (
        "argparse-invalid-value",
        "giá trị %(type)s không hợp lệ: %(value)r",
        "invalid %(type)s value: %(value)r",
    )
    ARGUMENT = ("argparse-argument", "đối số %(argument_name)s: %(message)s", "argument %(argument_name)s: %(message)s")
    EXPECTED_ONE = ("argparse-expected-one", "cần một giá trị", "expected one argument")
    EXPECTED_AT_MOST_ONE = (
        "argparse-expected-at-most-one",
        "cần nhiều nhất một giá trị",
        "expected at most one argument",
    )
    EXPECTED_AT_LEAST_ONE = (
        "argparse-expected-at-least-one",
        "cần ít nhất một giá trị",
        "expected at least one argument",
    )
    EXPECTED_N = ("argparse-expected-n", "cần %s giá trị", "expected %s argument")
    EXPECTED_N_PLURAL = ("argparse-expected-n-plural", "cần %s giá trị", "expected %s arguments")
    IGNORED_EXPLICIT = (
        "argparse-ignored-explicit",
        "bỏ qua giá trị đã nêu %r",
        "ignored explicit argument %r",
    )
    AMBIGUOUS = (
        "argparse-ambiguous",
        "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    )
    NOT_ALLOWED_WITH = (
        "argparse-not-allowed-with",
        "không dùng cùng đối số %s",
        "not allowed with argument %s",
    )
    ONE_REQUIRED = (
        "argparse-one-required",
        "cần một trong các đối số %s",
        "one of the arguments %s is required",
    )
    ERROR = ("argparse-error", "%(prog)s: lỗi: %(message)s\n", "%(prog)s: error: %(message)s\n")
    UNEXPECTED_OPTION = (
        "argparse-unexpected-option",
        "tùy chọn không mong đợi: %s",
        "unexpected option string: %s",
    )
    CANNOT_OPEN = (
        "argparse-cannot-open",
        "không mở được '%(filename)s': %(error)s",
        "can't open '%(filename)s': %(error)s",
    )
    UNKNOWN_PARSER = (
        "argparse-unknown-parser",
        "lệnh không biết %(parser_name)r (chọn một trong %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)",
    )


class ProblemHeading(Entry):
    """The headings of the table of problems ``govindex validate`` writes."""

    TITLE = ("problems-title", "Các lỗi tìm thấy", "Problems found")
    FILE = ("problems-file", "Tệp", "File")
    PLACE = ("problems-place", "Vị trí", "Place")
    AGENCY = ("problems-agency", "Cơ quan", "Agency")
    NODE = ("problems-node", "Tiêu chí", "Node")
    CODE = ("problems-code", "Mã lỗi", "Code")
    MESSAGE = ("problems-message", "Nội dung", "Message")


class Plain(Entry):
    """Refusals that used to be plain English text."""

    MISSING_EXTRA = (
        "missing-extra",
        "cần gói {top} (gói mở rộng {extra}) nhưng gói này chưa được cài; cài bằng: pip install {requirements} "
        "(hoặc, trong thư mục mã nguồn govindex: pip install '.[{extra}]')",
        "this needs {top} (the extra {extra}), which is not installed; install it with: pip install {requirements} "
        "(or, in the govindex source folder: pip install '.[{extra}]')",
    )
    RULE_TEXT = ("rule-said", "quy tắc {rule}: {text}", "rule {rule}: {text}")
    BANDS_LIST = (
        "bands-not-a-list",
        "cần danh sách các mức xếp loại, không phải {kind}",
        "expected a list of bands, got {kind}",
    )
