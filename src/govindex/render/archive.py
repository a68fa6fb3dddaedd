"""The one zip normaliser: the same workbook or Word document always gives the same bytes.

Office files are zip archives whose entries carry the time they were
written, and whose ``docProps/core.xml`` states when the document was
created and modified. :func:`fixed_zip` rewrites an archive with every
entry dated :data:`FIXED_TIME`, the same permissions, and those two dates
set to it too, so two runs on the same input give identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

__all__ = ["FIXED_TIME", "fixed_zip"]

#: The date every archive entry and every document property carries.
FIXED_TIME = dt.datetime(2000, 1, 1)

_STAMP = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
_DATES = re.compile(rb"<(dcterms:(?:created|modified))([^>]*)>[^<]*</dcterms:(?:created|modified)>")


def fixed_zip(data: bytes) -> bytes:
    """The archive with fixed entry timestamps and permissions, and fixed creation/modification dates.

    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as archive:
    ...     archive.writestr("a.txt", "x")
    >>> zipfile.ZipFile(io.BytesIO(fixed_zip(buffer.getvalue()))).infolist()[0].date_time
    (2000, 1, 1, 0, 0, 0)
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _DATES.sub(lambda found: _dated(found.group(1), found.group(2)), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, content)
    return out.getvalue()


def _dated(tag: bytes, attributes: bytes) -> bytes:
    return b"<" + tag + attributes + b">" + _STAMP + b"</" + tag + b">"
