"""Agency directory files (danh mục cơ quan, đơn vị): YAML (or JSON), or the CSV a province keeps.

**YAML** (the bundled directories)::

    id: sonla
    name: Cơ quan, đơn vị được đánh giá của tỉnh Sơn La
    sources: [Quyết định 3247/QĐ-UBND ngày 20/12/2017]
    notes: what the sources do not say
    incomplete: [commune]          # groups whose list is known to be partial
    agencies:
      - id: so-thong-tin-va-truyen-thong
        name: Sở Thông tin và Truyền thông
        name_en: Department of Information and Communications
        level: department          # gives the group (provincial) unless group: says otherwise
        aliases: [Sở TT&TT]
        events:
          - {event: merged_into, into: so-khoa-hoc-va-cong-nghe, year: 2025}
      - id: huyen-moc-chau
        name: Huyện Mộc Châu
        group: district
        events:
          - {event: abolished, date: 2025-07-01}

Events are ``created``, ``renamed`` (with ``previous_name``), ``merged_into``
(with ``into``), ``split_from`` (with ``parent``) and ``abolished``, each
with a ``year`` or a ``date`` (or both), and optionally ``basis`` and
``note``. ``predecessors`` lists the agencies a unit was formed from. Unknown
keys are errors.

**CSV** (a province's own list, one unit a line)::

    Mã,Tên,Cấp,Tiền thân,Từ ngày,Chấm dứt từ ngày
    xa-a,Xã A,xã,,,01/07/2025
    xa-b,Xã B,xã,,,01/07/2025
    xa-ab,Xã AB,xã,"xa-a, xa-b",01/07/2025,

The columns are ``code``, ``name``, ``level``, ``predecessors``, ``from`` and
``until`` (or their Vietnamese headers ``Mã``, ``Tên``, ``Cấp``, ``Tiền
thân``, ``Từ ngày``, ``Chấm dứt từ ngày``/``Đến ngày``), optionally
``group``, ``aliases`` (separated by ``;``), ``name_en`` and ``notes``; an
``STT`` column is not read, title rows above the header are skipped, and any
other column is refused. Cells are separated by ``,`` or by ``;`` as Excel
writes in Vietnam. ``from`` is the first day a unit exists and ``until`` the
first day it no longer does (the day the change took effect): a unit formed
from others starts on the day they end. Days are written ``01/07/2025`` (or
``2025-07-01``), or only the year when that is all the sources give. See
:func:`parse_directory_csv` for what is refused.

>>> sonla = load_directory("sonla")
>>> sonla.get("so-thong-tin-va-truyen-thong").end.describe("en")
'merged into so-khoa-hoc-va-cong-nghe (2025)'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from govindex.catalogue.directory import DirectoryFile, Lookup
from govindex.catalogue.files import Files
from govindex.directory import AgencyDirectory, AgencyRecord
from govindex.errors import FileFormatError, GovIndexError, UnknownNameError, collected
from govindex.io._directory_csv import alone, dump_directory_csv, parse_directory_csv
from govindex.io.bundled import bundled_path
from govindex.io.cells import DEFAULT_MAX_BYTES, read_limited
from govindex.io.converter import structure_document
from govindex.io.unfit import unfit_texts
from govindex.io.yamlio import MarkedDocument, load_document

if TYPE_CHECKING:
    from govindex.rubric import Rubric

__all__ = [
    "directory_of",
    "dump_directory_csv",
    "list_directories",
    "load_directory",
    "parse_directory",
    "parse_directory_csv",
    "read_directory",
]


@attrs.frozen
class _DirectoryData:
    """The keys of a directory file, read before the directory checks them together."""

    id: str
    agencies: tuple[AgencyRecord, ...]
    name: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = ()
    incomplete: tuple[str, ...] = ()


def parse_directory(text: str, *, file: str | None = None) -> AgencyDirectory:
    """Build an :class:`~govindex.directory.AgencyDirectory` from the text of a YAML (or JSON) directory file;
    every problem is refused at once, each at its line and column."""
    document = load_document(text, file=file)
    if not isinstance(document.data, dict):
        raise FileFormatError(DirectoryFile.NOT_A_MAPPING, file=file)
    unfit = list(unfit_texts(document))
    data, problems = structure_document(document, _DirectoryData)
    if problems or unfit:
        raise collected(unfit + [_in_record(problem, document) for problem in problems])
    try:
        return AgencyDirectory(**attrs.asdict(data, recurse=False))
    except GovIndexError as error:
        raise collected([document.place(alone(problem)) for problem in error.problems]) from None


def _in_record(problem: GovIndexError, document: MarkedDocument) -> GovIndexError:
    """A record's refusal (its path within the record: ``events[1]``) placed at its record in the file."""
    agencies = document.data.get("agencies") if isinstance(document.data, dict) else None
    path = problem.path or ""
    if problem.reason is None or not path.startswith(("events[", "predecessors[")) or not isinstance(agencies, list):
        return problem
    ids = [entry.get("id") if isinstance(entry, dict) else None for entry in agencies]
    if problem.agency not in ids:
        return problem
    where = f"agencies[{ids.index(problem.agency)}].{path}"
    context = {**problem.context(), "line": None, "column": None, "path": None}
    return document.place(type(problem)(problem.reason, **context, **problem.params), where)


def read_directory(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> AgencyDirectory:
    """Read a directory file: CSV (``.csv``, its id the file's name) or YAML/JSON."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".yaml", ".yml", ".json"}:
        raise FileFormatError(DirectoryFile.UNKNOWN_FORMAT, suffix=suffix, file=str(path))
    try:
        data = read_limited(path, max_bytes)  # a device or a folder refused, memory by what the file holds
    except FileFormatError as error:
        if error.reason is Files.CANNOT_READ:
            raise FileFormatError(DirectoryFile.CANNOT_READ, reason=error.params["reason"], **error.context()) from None
        if error.reason in (Files.TOO_LARGE, Files.TOO_LARGE_STREAM):
            raise FileFormatError(DirectoryFile.TOO_LARGE, limit=max_bytes, file=str(path)) from None
        raise
    if suffix == ".csv":
        return parse_directory_csv(data, id=path.stem, file=str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(DirectoryFile.NOT_UTF8, byte=error.start, file=str(path)) from None
    return parse_directory(text, file=str(path))


def list_directories() -> tuple[str, ...]:
    """The ids of the bundled directories."""
    folder = bundled_path("agencies")
    return tuple(sorted(path.stem for path in folder.glob("*.yaml"))) if folder.is_dir() else ()


@cache
def _load_bundled(name: str) -> AgencyDirectory:
    return read_directory(bundled_path("agencies", f"{name}.yaml"))


def load_directory(name: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> AgencyDirectory:
    """A bundled directory by id (``"sonla"``) or a directory file by path (CSV, YAML or JSON, at most
    ``max_bytes``)."""
    if isinstance(name, Path) or name.endswith((".yaml", ".yml", ".json", ".csv")) or "/" in name or "\\" in name:
        return read_directory(name, max_bytes=max_bytes)
    available = list_directories()
    if name not in available:
        raise UnknownNameError(Lookup.UNKNOWN_DIRECTORY, name=name, available=list(available) or Lookup.NONE_AVAILABLE)
    return _load_bundled(name)


def directory_of(rubric: Rubric) -> AgencyDirectory | None:
    """The bundled directory of the rubric's province (the first word of its id: ``sonla`` for
    ``sonla-2017-it``), or ``None`` when none ships."""
    province = rubric.id.split("-", 1)[0]
    return load_directory(province) if province in list_directories() else None
