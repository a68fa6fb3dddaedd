"""The words of the agency directory (danh mục cơ quan, đơn vị): its events, levels, refusals and coverage."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["CoverageWords", "DirectoryFile", "DirectoryWords", "Lineage", "Lookup"]


class DirectoryWords(Entry):
    """How an event in an agency's life and the kind of a unit are worded."""

    EVENT_CREATED = ("event-created", "thành lập ({when})", "created ({when})")
    EVENT_RENAMED = (
        "event-renamed",
        "đổi tên từ '{previous_name}' ({when})",
        "renamed from '{previous_name}' ({when})",
    )
    EVENT_MERGED_INTO = ("event-merged-into", "sáp nhập vào {into} ({when})", "merged into {into} ({when})")
    EVENT_SPLIT_FROM = ("event-split-from", "chia tách từ {parent} ({when})", "split from {parent} ({when})")
    EVENT_ABOLISHED = ("event-abolished", "kết thúc hoạt động ({when})", "abolished ({when})")
    LEVEL_DEPARTMENT = ("level-department", "sở, ban, ngành", "department")
    LEVEL_DISTRICT = ("level-district", "huyện", "district")
    LEVEL_CITY = ("level-city", "thành phố", "city")
    LEVEL_TOWN = ("level-town", "thị xã", "town")
    LEVEL_COMMUNE = ("level-commune", "xã", "commune")
    LEVEL_WARD = ("level-ward", "phường", "ward")
    LEVEL_TOWNSHIP = ("level-township", "thị trấn", "township")
    LEVEL_SPECIAL_ZONE = ("level-special-zone", "đặc khu", "special zone")


class Lineage(Entry):
    """Refusals of an agency, its events and its links to other agencies."""

    EVENT_NEEDS_WHEN = (
        "directory-event-needs-when",
        "sự kiện {event} cần có năm hoặc ngày",
        "a {event} event needs a year or a date",
    )
    EVENT_YEAR_MISMATCH = (
        "directory-event-year-mismatch",
        "năm {year} của sự kiện không khớp với ngày {date}",
        "the event's year {year} does not match its date {date}",
    )
    EVENT_NEEDS_FIELD = (
        "directory-event-needs-field",
        "sự kiện {event} cần có '{field}'",
        "a {event} event needs '{field}'",
    )
    EVENT_FIELD_NOT_ALLOWED = (
        "directory-event-field-not-allowed",
        "'{field}' không dùng cho sự kiện {event}",
        "'{field}' does not belong to a {event} event",
    )
    ID_NOT_SLUG = (
        "directory-id-not-slug",
        "mã {id} phải gồm các từ chữ thường không dấu nối bằng '-' (như slugify tạo ra)",
        "agency id {id} must be lower-case ASCII words joined by '-' (as slugify gives)",
    )
    NO_NAME = ("directory-no-name", "cơ quan, đơn vị không có tên", "the agency has no name")
    NO_GROUP = (
        "directory-no-group",
        "cơ quan, đơn vị không có nhóm: ghi nhóm hoặc cấp của nó",
        "the agency has no group: give its group or its level",
    )
    UNKNOWN_LEVEL = (
        "directory-unknown-level",
        "không có cấp {level}; dùng một trong: {levels}",
        "unknown level {level}; use one of {levels}",
    )
    EVENTS_ORDER = (
        "directory-events-order",
        "các sự kiện phải theo thứ tự thời gian: {later} đứng sau {earlier}",
        "events must be in chronological order: {later} comes after {earlier}",
    )
    INITIAL_NOT_FIRST = (
        "directory-initial-not-first",
        "'{event}' chỉ có thể là sự kiện đầu tiên",
        "'{event}' can only be the first event",
    )
    TERMINAL_NOT_LAST = (
        "directory-terminal-not-last",
        "'{event}' chỉ có thể là sự kiện cuối cùng",
        "'{event}' can only be the last event",
    )
    SELF_LINK = (
        "directory-self-link",
        "cơ quan, đơn vị không thể là tiền thân của chính nó (sáp nhập vào, chia tách từ hay hình thành từ chính nó)",
        "an agency cannot be its own predecessor (merge into, split from or be formed from itself)",
    )
    PREDECESSOR_TWICE = (
        "directory-predecessor-twice",
        "đơn vị tiền thân {predecessor} được ghi hai lần",
        "the predecessor {predecessor} is listed twice",
    )
    DUPLICATE_ID = (
        "directory-duplicate-id",
        "mã cơ quan, đơn vị xuất hiện hai lần trong danh mục",
        "the agency id appears twice in the directory",
    )
    NAME_WITHOUT_LETTERS = (
        "directory-name-without-letters",
        "tên '{name}' không có chữ cái hay chữ số",
        "the name '{name}' has no letters or digits",
    )
    NAME_OF_TWO = (
        "directory-name-of-two",
        "tên '{name}' cũng là tên của {other} ('{other_name}'); một tên không thể chỉ hai cơ quan, đơn vị",
        "the name '{name}' is also a name of {other} ('{other_name}'); one name cannot stand for two agencies",
    )
    UNKNOWN_PREDECESSOR = (
        "directory-unknown-predecessor",
        "không có cơ quan, đơn vị {other} trong danh mục; gần nhất: {candidates}",
        "no agency {other} in the directory; the closest are: {candidates}",
    )
    UNKNOWN_LINKED = (
        "directory-unknown-linked",
        "{event}: không có cơ quan, đơn vị {other} trong danh mục; gần nhất: {candidates}",
        "{event}: no agency {other} in the directory; the closest are: {candidates}",
    )
    LINKED_NOT_EXISTING = (
        "directory-linked-not-existing",
        "{event}: {other} không tồn tại vào {when}",
        "{event}: {other} does not exist on {when}",
    )
    CYCLE = (
        "directory-cycle",
        "các đơn vị tiền thân tạo thành vòng: {cycle}",
        "predecessors form a cycle: {cycle}",
    )
    ENDS_AFTER_SUCCESSOR_STARTS = (
        "directory-ends-after-successor-starts",
        "đơn vị tiền thân {predecessor} chấm dứt từ {until}, sau khi {successor} bắt đầu ({start})",
        "the predecessor {predecessor} ends on {until}, after {successor} starts ({start})",
    )
    ENDS_BEFORE_SUCCESSOR_STARTS = (
        "directory-ends-before-successor-starts",
        "đơn vị tiền thân {predecessor} chấm dứt từ {until}, trước khi {successor} bắt đầu ({start}); "
        "ngày chấm dứt là ngày việc sắp xếp có hiệu lực, cũng là ngày đơn vị kế tiếp bắt đầu",
        "the predecessor {predecessor} ends on {until}, before {successor} starts ({start}); "
        "a unit ends on the day the change takes effect, the day its successor starts",
    )
    PREDECESSOR_NOT_YET = (
        "directory-predecessor-not-yet",
        "đơn vị tiền thân {predecessor} bắt đầu từ {start}, không trước {successor} ({when})",
        "the predecessor {predecessor} starts on {start}, not before {successor} ({when})",
    )
    LINK_UNDATED = (
        "directory-link-undated",
        "không có ngày cho việc {predecessor} trở thành một phần của {successor}: "
        "ghi ngày bắt đầu của {successor} hoặc ngày chấm dứt của {predecessor}",
        "no date for {predecessor} becoming part of {successor}: "
        "give {successor} a start date or {predecessor} an end date",
    )


class Lookup(Entry):
    """Finding an agency in a directory, by id or by name, and finding a directory."""

    UNKNOWN_ID = (
        "directory-unknown-id",
        "không có cơ quan, đơn vị mã '{id}' trong danh mục '{directory}'; gần nhất: {candidates}",
        "no agency '{id}' in directory '{directory}'; the closest are: {candidates}",
    )
    UNKNOWN_NAME = (
        "directory-unknown-name",
        "không có cơ quan, đơn vị tên '{name}' trong danh mục '{directory}'; gần nhất: {candidates}",
        "no agency named '{name}' in directory '{directory}'; the closest are: {candidates}",
    )
    NOT_A_NAME = (
        "directory-not-a-name",
        "'{name}' không phải tên cơ quan, đơn vị (không có chữ cái hay chữ số)",
        "'{name}' is not an agency name (it has no letters or digits)",
    )
    AMBIGUOUS_FOLDED = (
        "directory-ambiguous-folded",
        "tên '{name}' không rõ là cơ quan nào trong danh mục '{directory}': bỏ dấu thì khớp {listed}; "
        "hãy ghi mã hoặc đúng tên",
        "the name '{name}' is ambiguous in directory '{directory}': without diacritics it fits {listed}; "
        "write the id or the exact name",
    )
    AMBIGUOUS_LOOSE = (
        "directory-ambiguous-loose",
        "tên '{name}' không rõ là cơ quan nào trong danh mục '{directory}': thiếu chữ thì khớp {listed}; "
        "hãy ghi mã hoặc đúng tên",
        "the name '{name}' is ambiguous in directory '{directory}': with letters missing it fits {listed}; "
        "write the id or the exact name",
    )
    NOT_AT_END_OF_YEAR = (
        "directory-not-at-end-of-year",
        "cơ quan, đơn vị không tồn tại vào cuối năm {year}",
        "the agency does not exist at the end of {year}",
    )
    UNKNOWN_DIRECTORY = (
        "directory-unknown-directory",
        "không có danh mục '{name}'; các danh mục có sẵn: {available}",
        "unknown directory '{name}'; the bundled directories are {available}",
    )
    NONE_AVAILABLE = ("directory-none-available", "(không có)", "(none)")


class DirectoryFile(Entry):
    """Refusals of a directory file: its text, its columns, its cells."""

    CANNOT_READ = ("directory-cannot-read", "không đọc được danh mục: {reason}", "cannot read the directory: {reason}")
    TOO_LARGE = (
        "directory-too-large",
        "tệp danh mục lớn hơn {limit} byte",
        "the directory file is larger than {limit} bytes",
    )
    NOT_UTF8 = (
        "directory-not-utf8",
        "không phải văn bản UTF-8 (byte {byte}); trong Excel hãy lưu dạng 'CSV UTF-8'",
        "not UTF-8 text (byte {byte}); save the table as 'CSV UTF-8' in Excel",
    )
    NOT_A_MAPPING = (
        "directory-not-a-mapping",
        "tệp danh mục phải là một ánh xạ (mapping) ở cấp trên cùng",
        "a directory file must hold a mapping at its top",
    )
    UNKNOWN_FORMAT = (
        "directory-unknown-format",
        "không biết đọc danh mục có phần mở rộng '{suffix}'; dùng .csv, .yaml, .yml hoặc .json",
        "cannot tell how to read a directory with the extension '{suffix}'; use .csv, .yaml, .yml or .json",
    )
    NO_HEADER = (
        "directory-no-header",
        "không có dòng tiêu đề: cần một dòng có các cột {columns}",
        "no header row: a row naming the columns {columns} is needed",
    )
    NOT_CSV = ("directory-not-csv", "không phải CSV hợp lệ: {detail}", "not valid CSV: {detail}")
    UNKNOWN_COLUMN = (
        "directory-unknown-column",
        "không biết cột '{header}'; các cột của danh mục là {columns}",
        "unknown column '{header}'; the columns of a directory are {columns}",
    )
    MISSING_COLUMN = (
        "directory-missing-column",
        "thiếu cột {field} (tiêu đề: {headers})",
        "the column {field} is missing (headed {headers})",
    )
    COLUMN_TWICE = (
        "directory-column-twice",
        "cột {field} xuất hiện hai lần (cột {first} và cột {second})",
        "the column {field} appears twice (columns {first} and {second})",
    )
    ROW_WIDTH = (
        "directory-row-width",
        "dòng có {count} ô, dòng tiêu đề có {width}",
        "the row has {count} cells, the header {width}",
    )
    EMPTY_CELL = ("directory-empty-cell", "ô {field} trống", "the {field} cell is empty")
    BAD_DATE = (
        "directory-bad-date",
        "'{text}' không phải ngày; ghi ngày/tháng/năm (01/07/2025), năm-tháng-ngày (2025-07-01) hoặc chỉ năm (2025)",
        "'{text}' is not a date; write day/month/year (01/07/2025), year-month-day (2025-07-01) or the year (2025)",
    )
    NOT_AFTER_START = (
        "directory-not-after-start",
        "ngày chấm dứt {until} không sau ngày bắt đầu {start}",
        "the end {until} is not after the start {start}",
    )
    CODE_TWICE = (
        "directory-code-twice",
        "mã {code} đã có ở dòng {first}",
        "the code {code} is already used on line {first}",
    )
    TOO_MANY_CELLS = (
        "directory-too-many-cells",
        "bảng có hơn {limit} ô",
        "the table has more than {limit} cells",
    )
    WOULD_NOT_READ_BACK = (
        "directory-would-not-read-back",
        "CSV ghi ra sẽ không đọc lại được: {problem}",
        "the CSV would not read back: {problem}",
    )
    CANNOT_WRITE = (
        "directory-cannot-write",
        "không ghi được vào CSV mà không mất {what}: hãy giữ danh mục ở dạng YAML",
        "cannot be written to CSV without losing {what}: keep the directory in YAML",
    )
    CONTROL_CHARACTER = (
        "directory-control-character",
        "'{text}' chứa ký tự điều khiển, ô CSV không giữ được",
        "'{text}' holds a control character, which a CSV cell cannot hold",
    )
    SEPARATOR_IN_ALIAS = (
        "directory-separator-in-alias",
        "tên khác '{alias}' chứa dấu ';', dấu dùng để ngăn cách các tên khác",
        "the alias '{alias}' holds ';', which separates the aliases",
    )
    SURROUNDING_SPACE = (
        "directory-surrounding-space",
        "'{text}' bắt đầu hoặc kết thúc bằng khoảng trắng, ô CSV không giữ được",
        "'{text}' begins or ends with white space, which a CSV cell does not keep",
    )
    WHAT_RENAME = ("directory-what-rename", "việc đổi tên", "a rename")
    WHAT_EVENT_NOTE = ("directory-what-event-note", "ghi chú hay căn cứ của một sự kiện", "an event's note or basis")
    WHAT_LEVEL = ("directory-what-level", "cấp (cột bắt buộc)", "the level (a required column)")
    WHAT_DIRECTORY_DETAILS = (
        "directory-what-details",
        "tên, ghi chú, nguồn hay nhóm chưa đầy đủ của danh mục",
        "the directory's name, notes, sources or incomplete groups",
    )


class CoverageWords(Entry):
    """The agencies a directory lists for a round, against those found (chưa nộp phiếu)."""

    MISSING = (
        "coverage-missing",
        "{count} cơ quan, đơn vị chưa nộp phiếu (danh mục '{directory}', năm {year}): {names}",
        "{count} agencies sent nothing (directory '{directory}', {year}): {names}",
    )
    GROUP_ABSENT = (
        "coverage-group-absent",
        "không có phiếu nào ({count} cơ quan, đơn vị trong danh mục '{directory}', năm {year})",
        "nothing was sent ({count} agencies in directory '{directory}', {year})",
    )
    UNKNOWN = (
        "coverage-unknown",
        "không có trong danh mục '{directory}'",
        "not in directory '{directory}'",
    )
    UNKNOWN_INCOMPLETE = (
        "coverage-unknown-incomplete",
        "không có trong danh mục '{directory}' (danh sách nhóm {groups} của danh mục chưa đầy đủ)",
        "not in directory '{directory}' (the directory's list of group {groups} is incomplete)",
    )
    NOT_LISTED = (
        "coverage-not-listed",
        "danh mục '{directory}' không liệt kê cơ quan, đơn vị này cho năm {year} và nhóm {groups}: {why}",
        "directory '{directory}' does not list this agency for {year} and group {groups}: {why}",
    )
    WHY_OTHER_GROUP = ("coverage-why-other-group", "thuộc nhóm {group}", "it is in group {group}")
    WHY_NOT_YET = (
        "coverage-why-not-yet",
        "chưa có vào cuối năm {year}: {event}",
        "not yet in place at the end of {year}: {event}",
    )
    WHY_ENDED = (
        "coverage-why-ended",
        "đã không còn vào cuối năm {year}: {event}",
        "no longer in place at the end of {year}: {event}",
    )
