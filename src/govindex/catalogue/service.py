"""The words of ``govindex serve``: its refusals (problem details), the titles of its problems and its page."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Page", "Service"]


class Service(Entry):
    """Refusals of the HTTP service, each the ``code`` of an ``application/problem+json`` answer."""

    BAD_TOKEN_FILE = (
        "bad-token-file",
        "không đọc được tệp khóa truy cập: {reason}",
        "cannot read the token file: {reason}",
    )
    EMPTY_TOKEN = (
        "empty-token",
        "khóa truy cập rỗng; ghi khóa vào tệp (--token-file) hoặc biến môi trường GOVINDEX_TOKEN",
        "the token is empty; write it in the file (--token-file) or the environment variable GOVINDEX_TOKEN",
    )
    UNAUTHORIZED = (
        "missing-token",
        "yêu cầu cần khóa truy cập: gửi tiêu đề Authorization: Bearer <khóa>",
        "this request needs the access token: send the header Authorization: Bearer <token>",
    )
    BODY_TOO_LARGE = (
        "body-too-large",
        "nội dung yêu cầu lớn hơn giới hạn {limit} byte",
        "the request body is larger than the limit of {limit} bytes",
    )
    TIMEOUT = (
        "request-timeout",
        "yêu cầu chạy quá {seconds} giây và đã dừng; hãy gửi tệp nhỏ hơn",
        "the request ran longer than {seconds} seconds and was stopped; send a smaller file",
    )
    NO_RUBRIC = (
        "no-rubric",
        "chưa chọn bộ tiêu chí: gửi tham số rubric=<mã> hoặc phần rubric (tệp bộ tiêu chí) trong biểu mẫu",
        "no rubric given: send the parameter rubric=<id> or a part 'rubric' (a rubric file) in the form",
    )
    TWO_RUBRICS = (
        "two-rubrics",
        "bộ tiêu chí được gửi hai lần (tham số rubric và phần rubric của biểu mẫu); chỉ gửi một",
        "the rubric is given twice (the parameter rubric and the form's part 'rubric'); give one",
    )
    NO_SCORES = (
        "no-scores",
        "không có tệp điểm: gửi một tệp làm nội dung yêu cầu, hoặc các phần {field} trong multipart/form-data",
        "no score file: send one file as the request body, or parts {field} in multipart/form-data",
    )
    UNKNOWN_MEDIA_TYPE = (
        "unknown-media-type",
        "kiểu nội dung {media_type} không đọc được; dùng một trong {known}",
        "cannot read the media type {media_type}; use one of {known}",
    )
    BAD_FORM = (
        "bad-form-data",
        "không đọc được nội dung multipart/form-data: {reason}",
        "cannot read the multipart/form-data body: {reason}",
    )
    BAD_OPTION = (
        "bad-option",
        "tham số {name} không hợp lệ: {reason}",
        "the parameter {name} is not valid: {reason}",
    )
    ONE_OF = (
        "bad-option-choice",
        "tham số {name} là {value}, không phải một trong {known}",
        "the parameter {name} is {value}, not one of {known}",
    )
    NOT_INTEGER = (
        "bad-option-integer",
        "tham số {name} là {value}, không phải số nguyên từ {low} đến {high}",
        "the parameter {name} is {value}, not a whole number from {low} to {high}",
    )
    NOT_BOOLEAN = (
        "bad-option-boolean",
        "tham số {name} là {value}, không phải true hoặc false",
        "the parameter {name} is {value}, not true or false",
    )
    MISSING_OPTION = (
        "missing-option",
        "thiếu tham số bắt buộc {name}",
        "the required parameter {name} is missing",
    )
    UNKNOWN_OPTION = (
        "unknown-option",
        "tham số {name} không có trong thao tác này; các tham số là {known}",
        "this operation has no parameter {name}; its parameters are {known}",
    )
    NOT_FOUND = (
        "not-found",
        "không có địa chỉ {address}; xem /openapi.json",
        "there is no {address}; see /openapi.json",
    )
    METHOD = (
        "method-not-allowed",
        "địa chỉ {address} không nhận phương thức {method}",
        "{address} does not take the method {method}",
    )
    INTERNAL = (
        "internal-error",
        "lỗi bên trong máy chủ; yêu cầu không được xử lý (mã lỗi {ident})",
        "an internal error of the server; the request was not done (error id {ident})",
    )
    REGISTRY_ID = (
        "registry-not-bundled",
        "danh mục cơ quan {name} không có sẵn; máy chủ chỉ dùng danh mục có sẵn ({known})",
        "no bundled agency directory {name}; the server uses bundled directories only ({known})",
    )
    DATASET = (
        "dataset-not-allowed",
        "máy chủ chỉ chấm điểm các tệp được gửi, không chấm bộ dữ liệu có sẵn {name}",
        "the server scores the files sent, not the bundled dataset {name}",
    )
    NEEDS_APPRAISED = (
        "needs-appraised",
        "đối chiếu cần phần self (tự đánh giá) và phần appraised (thẩm định) trong multipart/form-data",
        "reconcile needs the parts 'self' (self-assessment) and 'appraised' (appraisal) in multipart/form-data",
    )
    FORMAT_FOR = (
        "format-not-offered",
        "định dạng {fmt} không có cho thao tác này; dùng một trong {known}",
        "the format {fmt} is not offered by this operation; use one of {known}",
    )


class Page(Entry):
    """The titles of the problems the service answers with (the ``title`` of a problem detail)."""

    TITLE_INPUT = ("title-input", "Dữ liệu không hợp lệ", "The input is not valid")
    TITLE_UNKNOWN = ("title-unknown", "Không tìm thấy", "Not found")
    TITLE_TOKEN = ("title-token", "Cần khóa truy cập", "Access token needed")
    TITLE_TOO_LARGE = ("title-too-large", "Yêu cầu quá lớn", "Request too large")
    TITLE_TIMEOUT = ("title-timeout", "Yêu cầu quá lâu", "Request took too long")
    TITLE_MEDIA = ("title-media", "Kiểu nội dung không hỗ trợ", "Media type not supported")
    TITLE_METHOD = ("title-method", "Phương thức không được nhận", "Method not allowed")
    TITLE_INTERNAL = ("title-internal", "Lỗi máy chủ", "Server error")
