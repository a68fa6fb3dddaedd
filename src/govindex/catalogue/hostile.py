"""Refusals of hostile input: what a file may not be or hold, wherever it comes from."""

from __future__ import annotations

from govindex.catalogue import Entry

__all__ = ["Hostile", "SystemReason", "system_reason"]


class Hostile(Entry):
    """Input refused before it can hang, exhaust memory or crash a writer (dữ liệu không an toàn)."""

    DATASET_RUBRIC_NOT_A_FILE = (
        "dataset-rubric-not-a-file",
        "tệp {rubric} mà bộ dữ liệu ghi không phải một tệp thường (mà là ống dẫn, thiết bị hoặc thư mục)",
        "the file {rubric} that the dataset names is not a regular file (but a pipe, a device or a folder)",
    )


class SystemReason(Entry):
    """Why the operating system refused to read or write a file, in words (lý do của hệ điều hành)."""

    NO_SUCH_FILE = ("os-no-such-file", "không có tệp hoặc thư mục này", "no such file or folder")
    NO_PERMISSION = ("os-no-permission", "không có quyền truy cập", "permission denied")
    DISK_FULL = ("os-disk-full", "đĩa đã đầy", "no space left on the disk")
    TOO_BIG = ("os-file-too-big", "tệp quá lớn đối với hệ thống tệp", "the file is too large for the file system")
    IO_ERROR = ("os-io-error", "lỗi đọc ghi của thiết bị", "an input/output error of the device")
    IS_FOLDER = ("os-is-a-folder", "đây là một thư mục", "this is a folder")
    NOT_FOLDER = ("os-not-a-folder", "một phần của đường dẫn không phải thư mục", "a part of the path is not a folder")
    NAME_TOO_LONG = ("os-name-too-long", "tên tệp quá dài", "the file name is too long")
    CLOSED = ("os-closed", "đầu ra đã bị đóng", "the output is closed")


def system_reason(error: OSError) -> SystemReason | str:
    """The reason of an operating-system error in words of the catalogue (its own text when not known).

    >>> system_reason(OSError(28, "No space left on device")).text("vi")
    'đĩa đã đầy'
    """
    import errno

    known = {
        errno.ENOENT: SystemReason.NO_SUCH_FILE,
        errno.EACCES: SystemReason.NO_PERMISSION,
        errno.EPERM: SystemReason.NO_PERMISSION,
        errno.ENOSPC: SystemReason.DISK_FULL,
        errno.EFBIG: SystemReason.TOO_BIG,
        errno.EIO: SystemReason.IO_ERROR,
        errno.EISDIR: SystemReason.IS_FOLDER,
        errno.ENOTDIR: SystemReason.NOT_FOLDER,
        errno.ENAMETOOLONG: SystemReason.NAME_TOO_LONG,
        errno.EBADF: SystemReason.CLOSED,
    }
    return known.get(error.errno or -1, error.strerror or str(error))
