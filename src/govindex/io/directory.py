"""Agency registry files (danh mục cơ quan): YAML (or JSON) in the documented format.

::

    id: sonla
    name: Cơ quan, đơn vị được đánh giá của tỉnh Sơn La
    sources: [Quyết định 3247/QĐ-UBND ngày 20/12/2017]
    notes: what the sources do not say
    agencies:
      - id: so-thong-tin-va-truyen-thong
        name: Sở Thông tin và Truyền thông
        name_en: Department of Information and Communications
        group: provincial
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
``note``. Unknown keys are errors.

>>> sonla = load_registry("sonla")
>>> len(sonla), sonla.get("so-thong-tin-va-truyen-thong").end.describe()
(31, 'merged into so-khoa-hoc-va-cong-nghe (2025)')
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from govindex.directory import Registry
from govindex.errors import FileFormatError, UnknownNameError
from govindex.io.bundled import bundled_path
from govindex.io.converter import structure
from govindex.io.yamlio import load_document

__all__ = ["list_registries", "load_registry", "parse_registry", "read_registry"]


def parse_registry(text: str, *, file: str | None = None) -> Registry:
    """Build a :class:`~govindex.directory.Registry` from the text of a registry file."""
    document = load_document(text, file=file)
    data = document.data
    if not isinstance(data, dict):
        raise FileFormatError("a registry file must hold a mapping at its top", file=file)
    registry: Registry = structure(data, Registry, file=file, document=document)
    return registry


def read_registry(path: str | Path) -> Registry:
    """Read a registry file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FileFormatError(f"cannot read the registry: {error.strerror}", file=str(path)) from None
    except UnicodeDecodeError as error:
        raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=str(path)) from None
    return parse_registry(text, file=str(path))


def list_registries() -> tuple[str, ...]:
    """The ids of the bundled registries."""
    folder = bundled_path("agencies")
    return tuple(sorted(path.stem for path in folder.glob("*.yaml"))) if folder.is_dir() else ()


@cache
def _load_bundled(name: str) -> Registry:
    return read_registry(bundled_path("agencies", f"{name}.yaml"))


def load_registry(name: str | Path) -> Registry:
    """A bundled registry by id (``"sonla"``) or a registry file by path."""
    if isinstance(name, Path) or name.endswith((".yaml", ".yml", ".json")) or "/" in name or "\\" in name:
        return read_registry(name)
    if name not in list_registries():
        raise UnknownNameError(
            f"unknown registry {name!r}; the bundled registries are {', '.join(list_registries()) or '(none)'}"
        )
    return _load_bundled(name)
