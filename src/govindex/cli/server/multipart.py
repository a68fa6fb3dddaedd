"""A ``multipart/form-data`` body read in memory: files by field name, text fields (nothing spooled to disk)."""

from __future__ import annotations

from collections.abc import Mapping

from govindex.catalogue.service import Service
from govindex.cli.server.problems import Refusal
from govindex.errors import InputError
from govindex.io.cells import Upload

__all__ = ["MAX_PARTS", "parse_form"]

#: The most parts a form may have.
MAX_PARTS = 200


def _boundary(content_type: str) -> bytes:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.strip().partition("=")
        if name.strip().lower() == "boundary" and value.strip().strip('"'):
            return value.strip().strip('"').encode("latin-1", "replace")
    raise Refusal(400, InputError(Service.BAD_FORM, reason="boundary?"))


def parse_form(content_type: str, body: bytes) -> tuple[Mapping[str, tuple[Upload, ...]], Mapping[str, str]]:
    """The file parts (by field name, each named by its file name) and the text parts of a form."""
    from multipart import (  # type: ignore[import-untyped]
        MultipartSegment,
        ParserError,
        ParserLimitReached,
        PushMultipartParser,
    )

    files: dict[str, list[Upload]] = {}
    fields: dict[str, str] = {}
    try:
        with PushMultipartParser(
            _boundary(content_type), max_segment_count=MAX_PARTS, content_length=len(body)
        ) as parser:
            segment: MultipartSegment | None = None
            data = bytearray()
            for chunk in (body, b""):
                for part in parser.parse(chunk):
                    if isinstance(part, MultipartSegment):
                        segment, data = part, bytearray()
                    elif part:
                        data.extend(part)
                    elif segment is not None:
                        if segment.filename is not None:
                            files.setdefault(segment.name, []).append(Upload(segment.filename, bytes(data)))
                        else:
                            fields[segment.name] = data.decode(segment.charset or "utf-8", "replace")
                        segment = None
            if not parser.closed:
                raise ParserError("unexpected end")
    except (ParserError, ParserLimitReached) as error:
        raise Refusal(400, InputError(Service.BAD_FORM, reason=str(error)[:200])) from None
    return {name: tuple(found) for name, found in files.items()}, fields
