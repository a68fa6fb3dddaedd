"""The words of methodology rules: finding them, binding them to a rubric, what they say of themselves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from govindex.catalogue import Entry

__all__ = ["Binding", "Params", "Phrase", "Plugin", "RuleFiles", "Rules"]


class Plugin(Entry):
    """Finding a rule or a measure kind by name (:class:`govindex.plugins.Registry`)."""

    RULE = ("word-rule", "quy tắc", "rule")
    MEASURE = ("word-measure-kind", "cách tính điểm", "measure kind")
    HOW_TO_ADD_RULE = (
        "how-to-add-rule",
        "thêm một quy tắc bằng entry point của một gói trong nhóm 'govindex.rules', bằng Plugins.with_rule() "
        "trong Python, hoặc bằng một tệp quy tắc (--rules FILE, hoặc khóa rule_files của bộ tiêu chí cùng "
        "--trust-rules)",
        "a rule is added by a package's entry point in the group 'govindex.rules', by Plugins.with_rule() in "
        "Python, or by a rules file (--rules FILE, or the rubric key rule_files with --trust-rules)",
    )
    HOW_TO_ADD_MEASURE = (
        "how-to-add-measure",
        "thêm một cách tính điểm bằng entry point của một gói trong nhóm 'govindex.measures' hoặc bằng "
        "Plugins.with_measure() trong Python",
        "a measure kind is added by a package's entry point in the group 'govindex.measures' or by "
        "Plugins.with_measure() in Python",
    )
    UNKNOWN = (
        "unknown-plugin",
        "không có {what} tên {name}; hiện có: {known}. Cách thêm: {how}",
        "unknown {what} {name}; available: {known}. How to add one: {how}",
    )
    UNKNOWN_CLOSE = (
        "unknown-plugin-close",
        "không có {what} tên {name} (có phải {close}?); hiện có: {known}. Cách thêm: {how}",
        "unknown {what} {name} (did you mean {close}?); available: {known}. How to add one: {how}",
    )
    TAKEN = (
        "plugin-name-taken",
        "đã có {what} tên {name} ({origin}); truyền replace=True để thay thế",
        "a {what} named {name} is already registered ({origin}); pass replace=True to replace it",
    )
    BAD_NAME = (
        "plugin-bad-name",
        "tên của {what} phải là văn bản không rỗng, không phải {name}",
        "a {what} name must be non-empty text, not {name}",
    )
    NOT_CALLABLE = (
        "plugin-not-callable",
        "{what} {name}: {factory} không phải lớp hay hàm tạo gọi được",
        "{what} {name}: the factory {factory} is not callable",
    )
    TWICE_INSTALLED = (
        "plugin-installed-twice",
        "{what} {name} được nhiều gói đã cài đặt cung cấp: {values}",
        "{what} {name} is provided by more than one installed package: {values}",
    )
    BAD_KIND = (
        "plugin-registry-kind",
        "một sổ đăng ký chứa quy tắc (rule) hoặc cách tính điểm (measure), không phải {kind}",
        "a registry holds rules or measures, not {kind}",
    )
    NOT_REGISTRY = (
        "plugin-not-a-registry",
        "Plugins.{field} phải là một Registry của {what}, không phải {value}",
        "Plugins.{field} must be a Registry of {what}, not {value}",
    )
    BROKEN = (
        "plugin-entry-point-broken",
        "{what} {name}: không nạp được entry point {value}: {error}",
        "{what} {name}: the entry point {value} cannot be loaded: {error}",
    )


@attrs.frozen
class Phrase:
    """An entry with its parameters, used as a parameter of another entry (worded in the same language).

    >>> Phrase(Plugin.RULE).message_in("en")
    'rule'
    """

    entry: Entry
    params: Mapping[str, Any] = attrs.field(factory=dict)

    def message_in(self, lang: str) -> str:
        return self.entry.text(lang, **self.params)

    def __str__(self) -> str:
        return self.message_in("vi")


class Params(Entry):
    """A rule's configuration in a rubric that is not allowed (checked before the rule is built)."""

    UNKNOWN = (
        "rule-param-unknown",
        "quy tắc {rule}: không có tham số {key}; các tham số là {known}",
        "rule {rule}: unknown parameter {key}; the parameters are {known}",
    )
    UNKNOWN_CLOSE = (
        "rule-param-unknown-close",
        "quy tắc {rule}: không có tham số {key} (có phải {close}?); các tham số là {known}",
        "rule {rule}: unknown parameter {key} (did you mean {close}?); the parameters are {known}",
    )
    NONE_TAKEN = (
        "rule-param-none-taken",
        "quy tắc {rule}: không có tham số {key}; quy tắc này không nhận tham số nào",
        "rule {rule}: unknown parameter {key}; the rule takes no parameters",
    )
    MISSING = (
        "rule-param-missing",
        "quy tắc {rule}: thiếu tham số bắt buộc {key}",
        "rule {rule}: required parameter {key} is missing",
    )
    CHOICE = (
        "rule-param-choice",
        "quy tắc {rule}: {key} phải là một trong {choices}, không phải {value}",
        "rule {rule}: {key} must be one of {choices}, not {value}",
    )
    INTEGER = (
        "rule-param-integer",
        "quy tắc {rule}: {key} phải là số nguyên từ {minimum} đến {maximum}, không phải {value}",
        "rule {rule}: {key} must be a whole number from {minimum} to {maximum}, not {value}",
    )
    POINTS = (
        "rule-param-points",
        "quy tắc {rule}: {key} phải là một số (Decimal, số nguyên hoặc văn bản như '2,5'; không quá 10^12, tối "
        "đa 12 chữ số thập phân), không phải {value}",
        "rule {rule}: {key} must be a number (a Decimal, an int or text such as '2.5'; at most 10^12, at most 12 "
        "decimals), not {value}",
    )
    POSITIVE = (
        "rule-param-positive",
        "quy tắc {rule}: {key} phải là một số lớn hơn 0 (không quá 10^12, tối đa 12 chữ số thập phân), không "
        "phải {value}",
        "rule {rule}: {key} must be a number above 0 (at most 10^12, at most 12 decimals), not {value}",
    )
    TEXTS = (
        "rule-param-texts",
        "quy tắc {rule}: {key} phải là danh sách các văn bản không rỗng, không phải {value}",
        "rule {rule}: {key} must be a list of non-empty texts, not {value}",
    )
    TEXTS_TWICE = (
        "rule-param-texts-twice",
        "quy tắc {rule}: {key} ghi {value} nhiều hơn một lần",
        "rule {rule}: {key} lists {value} more than once",
    )
    TAG = (
        "rule-param-tag",
        "quy tắc {rule}: {key} phải là một nhãn (văn bản không rỗng), không phải {value}",
        "rule {rule}: {key} must be a tag (non-empty text), not {value}",
    )
    NODE = (
        "rule-param-node",
        "quy tắc {rule}: {key} phải là mã một tiêu chí (văn bản không rỗng), không phải {value}",
        "rule {rule}: {key} must be a node id (non-empty text), not {value}",
    )
    TEXT = (
        "rule-param-text",
        "quy tắc {rule}: {key} phải là văn bản không rỗng, không phải {value}",
        "rule {rule}: {key} must be non-empty text, not {value}",
    )
    TAG_UNUSED = (
        "rule-tag-marks-nothing",
        "quy tắc {rule}: {key} {tag} không gắn cho tiêu chí nào của các nhóm mà quy tắc áp dụng ({groups}), nên "
        "quy tắc sẽ không bao giờ có tác dụng; các nhãn trong bộ tiêu chí là {known}",
        "rule {rule}: {key} {tag} marks no node of the groups the rule applies to ({groups}), so the rule would "
        "never act; the tags in the rubric are {known}",
    )
    TAG_UNUSED_CLOSE = (
        "rule-tag-marks-nothing-close",
        "quy tắc {rule}: {key} {tag} không gắn cho tiêu chí nào của các nhóm mà quy tắc áp dụng ({groups}), nên "
        "quy tắc sẽ không bao giờ có tác dụng (có phải {close}?); các nhãn trong bộ tiêu chí là {known}",
        "rule {rule}: {key} {tag} marks no node of the groups the rule applies to ({groups}), so the rule would "
        "never act (did you mean {close}?); the tags in the rubric are {known}",
    )
    NO_TAGS = ("word-no-tags", "(không có tiêu chí nào có nhãn)", "(no node of the rubric has a tag)")
    NODE_UNKNOWN = (
        "rule-node-unknown",
        "quy tắc {rule}: {key} ghi {node_id}, không phải tiêu chí của nhóm nào",
        "rule {rule}: {key} names {node_id}, which is not a node of any group",
    )
    NODE_UNKNOWN_CLOSE = (
        "rule-node-unknown-close",
        "quy tắc {rule}: {key} ghi {node_id}, không phải tiêu chí của nhóm nào (có phải {close}?)",
        "rule {rule}: {key} names {node_id}, which is not a node of any group (did you mean {close}?)",
    )


class Binding(Entry):
    """Binding a rubric's rules to rule objects (:func:`govindex.bind`)."""

    NOT_A_RULE = (
        "rule-factory-not-a-rule",
        "quy tắc {rule}: hàm tạo trả về {value}, không phải một Rule",
        "rule {rule}: its factory returned {value}, which is not a Rule",
    )
    REFUSED = (
        "rule-factory-refused",
        "quy tắc {rule}: tham số {params} không dùng được: {error}",
        "rule {rule}: bad parameters {params}: {error}",
    )
    PLUGINS = (
        "bind-plugins-type",
        "plugins phải là một Plugins, không phải {kind}",
        "plugins must be a Plugins, not {kind}",
    )
    RUBRIC = ("bind-rubric-type", "cần một Rubric, không phải {kind}", "expected a Rubric, not {kind}")
    RULE_FILE_NOT_ALLOWED = (
        "rule-file-not-allowed",
        "quy tắc {rule} không phải quy tắc đã cài đặt; bộ tiêu chí ghi tệp quy tắc {files} (khóa rule_files), là "
        "mã Python và chỉ chạy khi được cho phép: thêm --trust-rules, hoặc --rules {files} (trong Python: "
        "govindex.io.load_methodology(..., trust_rules=True))",
        "rule {rule} is not installed; the rubric names the rules file {files} (the key rule_files), which is "
        "Python code and runs only when allowed: add --trust-rules, or --rules {files} (in Python: "
        "govindex.io.load_methodology(..., trust_rules=True))",
    )
    NOT_RUN = (
        "rule-file-not-run",
        "bộ tiêu chí ghi tệp quy tắc {files}, tệp này không được chạy (cho phép bằng --trust-rules hoặc --rules {files})",
        "the rubric names the rules file {files}, which was not run (allow it with --trust-rules or --rules {files})",
    )


class RuleFiles(Entry):
    """Rules files (tệp quy tắc): a province's own rules in a Python file."""

    NAME_TAKEN = (
        "rule-file-name-taken",
        "tệp quy tắc định nghĩa {name}, một tên đã có ({origin}); hãy đặt tên khác cho quy tắc",
        "the rules file defines {name}, a name already taken ({origin}); give the rule another name",
    )
    MISSING = ("rule-file-missing", "tệp quy tắc không tồn tại", "the rules file does not exist")
    NOT_PYTHON = ("rule-file-not-python", "tệp quy tắc phải là tệp Python (.py)", "a rules file is a Python file (.py)")
    CANNOT_LOAD = (
        "rule-file-cannot-load",
        "không nạp được tệp quy tắc như mã Python",
        "the rules file cannot be loaded as Python",
    )
    FAILED = ("rule-file-failed", "tệp quy tắc không chạy được: {error}", "the rules file cannot be run: {error}")
    NO_RULES = (
        "rule-file-no-rules",
        "tệp quy tắc không định nghĩa quy tắc nào: tệp phải định nghĩa RULES, một ánh xạ từ tên mà bộ tiêu chí "
        "dùng tới lớp quy tắc, ví dụ RULES = {example}",
        "the rules file defines no rule: it must define RULES, a mapping from the name a rubric uses to the rule "
        "class, e.g. RULES = {example}",
    )
    BAD_NAME = (
        "rule-file-bad-name",
        "RULES: tên quy tắc phải là văn bản không rỗng, không phải {name}",
        "RULES: a rule name must be non-empty text, not {name}",
    )
    NOT_CALLABLE = (
        "rule-file-not-callable",
        "RULES: quy tắc {name}: {factory} không phải lớp quy tắc hay hàm tạo",
        "RULES: rule {name}: {factory} is not a rule class or factory",
    )
    ENTRY_MISSING = (
        "rule-file-entry-missing",
        "tệp quy tắc {entry} không tồn tại (đường dẫn tính từ thư mục của bộ tiêu chí)",
        "the rules file {entry} does not exist (paths are relative to the rubric's folder)",
    )
    ENTRY_OUTSIDE = (
        "rule-file-entry-outside",
        "{entry} nằm ngoài thư mục của bộ tiêu chí; bộ tiêu chí chỉ chạy tệp quy tắc nằm cạnh nó",
        "{entry} lies outside the rubric's folder; a rubric runs only rules files next to it",
    )
    BUNDLED = (
        "rule-file-bundled",
        "bộ tiêu chí kèm theo govindex không bao giờ chạy tệp quy tắc",
        "a bundled rubric never runs a rules file",
    )


class Rules(Entry):
    """What the built-in rules refuse while they run, or in their own configuration."""

    BEST_MAXIMA = (
        "best-in-cohort-maxima",
        "quy tắc {rule}: tiêu chí thành phần có điểm tối đa {here} ở đây nhưng {there} ở nhóm {group_id}, nên "
        "không dùng chung được điểm cao nhất (dùng cohort: group)",
        "rule {rule}: the sub-criterion has maximum {here} here but {there} in group {group_id}, so a best score "
        "cannot be shared (use cohort: group)",
    )
    BEST_NONE_IN_GROUP = (
        "best-in-cohort-no-score-group",
        "quy tắc {rule}: không có cơ quan nào có đơn vị trực thuộc trong nhóm {group_id} được chấm điểm ở tiêu "
        "chí thành phần này, nên không có điểm cao nhất để tính cho cơ quan không có đơn vị trực thuộc (ghi "
        "fallback: max_points hoặc keep để quyết định khác)",
        "rule {rule}: no agency of group {group_id} with subordinate units has a score on this sub-criterion, so "
        "there is no best score to give an agency without subordinate units (set fallback: max_points or keep "
        "to decide otherwise)",
    )
    BEST_NONE_IN_ALL = (
        "best-in-cohort-no-score-all",
        "quy tắc {rule}: không có cơ quan nào có đơn vị trực thuộc được chấm điểm ở tiêu chí thành phần này, nên "
        "không có điểm cao nhất để tính cho cơ quan không có đơn vị trực thuộc (ghi fallback: max_points hoặc "
        "keep để quyết định khác)",
        "rule {rule}: no agency with subordinate units has a score on this sub-criterion, so there is no best "
        "score to give an agency without subordinate units (set fallback: max_points or keep to decide otherwise)",
    )
    WITHIN_NOT_IN_GROUP = (
        "imputation-within-not-in-group",
        "quy tắc {rule}: within ghi {within}, không phải tiêu chí của nhóm {group_id}",
        "rule {rule}: within names {within}, which is not a node of group {group_id}",
    )
    WITHIN_NOT_IN_TAGGED_GROUP = (
        "imputation-within-not-in-tagged-group",
        "quy tắc {rule}: within ghi {within}, không phải tiêu chí của nhóm {group_id}, nơi {count} tiêu chí "
        "thành phần gắn nhãn {tag}",
        "rule {rule}: within names {within}, which is not a node of group {group_id}, where {count} sub-criteria "
        "are tagged {tag}",
    )
    TAGGED_OUTSIDE = (
        "imputation-tagged-outside",
        "quy tắc {rule}: tiêu chí thành phần gắn nhãn {tag} nhưng nằm ngoài {scope}, phạm vi quy tắc tính theo tỷ lệ",
        "rule {rule}: the sub-criterion is tagged {tag} but lies outside {scope}, the scope the rule imputes within",
    )
    TAGGED_OUTSIDE_IN_GROUP = (
        "imputation-tagged-outside-group",
        "quy tắc {rule}: ở nhóm {group_id}, {nodes} gắn nhãn {tag} nằm ngoài {scope}, phạm vi quy tắc tính theo tỷ lệ",
        "rule {rule}: in group {group_id}, {nodes} tagged {tag} lie outside {scope}, the scope the rule imputes within",
    )
    NOTHING_UNTAGGED = (
        "imputation-nothing-untagged",
        "quy tắc {rule}: {scope} không có tiêu chí thành phần nào không gắn nhãn mà có điểm, nên không có gì để "
        "tính theo tỷ lệ",
        "rule {rule}: {scope} has no untagged sub-criteria with points, so there is nothing to impute in proportion to",
    )
    NOTHING_UNTAGGED_IN_GROUP = (
        "imputation-nothing-untagged-group",
        "quy tắc {rule}: ở nhóm {group_id}, {scope} không có tiêu chí thành phần nào không gắn nhãn mà có điểm, "
        "nên không có gì để tính theo tỷ lệ",
        "rule {rule}: in group {group_id}, {scope} has no untagged sub-criteria with points, so there is nothing "
        "to impute in proportion to",
    )
    PART_MISSING = (
        "imputation-part-missing",
        "quy tắc {rule}: không có điểm của {part}, một phần không gắn nhãn của {scope}, nên không tính được các "
        "tiêu chí thành phần về dịch vụ công trực tuyến",
        "rule {rule}: no score for {part}, an untagged part of {scope}, so the online-service sub-criteria cannot "
        "be imputed",
    )
    NOT_APPLICABLE_UNKNOWN = (
        "full-marks-unknown-node",
        "quy tắc {rule}: not_applicable ghi {node_id}, không phải tiêu chí của nhóm {group_id}",
        "rule {rule}: not_applicable names {node_id}, which is not a node of group {group_id}",
    )
    MAXIMA_DIFFER = (
        "normalise-maxima-differ",
        "quy tắc {rule}: tổng điểm tối đa của các nhóm khác nhau ({maxima}); hãy ghi out_of",
        "rule {rule}: the groups' totals have different maxima ({maxima}); give out_of",
    )
    MAXIMUM_ZERO = (
        "normalise-maximum-zero",
        "quy tắc {rule}: tổng điểm tối đa của bộ tiêu chí bằng 0; hãy ghi out_of",
        "rule {rule}: the rubric's total has maximum 0; give out_of",
    )
