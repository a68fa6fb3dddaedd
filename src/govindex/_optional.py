"""Optional extras (pandas, openpyxl, matplotlib), imported only when used."""

from __future__ import annotations

import importlib
import re
from types import ModuleType

from govindex.errors import MissingDependencyError

__all__ = ["require", "requirements_of"]


def requirements_of(extra: str, fallback: str) -> str:
    """What ``pip install`` needs for ``extra``, as the installed package's metadata states it
    (``'openpyxl>=3.1'``); ``fallback`` when the metadata is not there."""
    from importlib import metadata

    try:
        stated = metadata.requires("govindex") or []
    except metadata.PackageNotFoundError:
        stated = []
    found = []
    for line in stated:
        requirement, _, marker = line.partition(";")
        if re.search(rf"extra\s*==\s*['\"]{re.escape(extra)}['\"]", marker) and "govindex" not in requirement:
            found.append(f"'{requirement.strip()}'")
    return " ".join(found) or fallback


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or explain which extra to install.

    >>> require("json", "none").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        from govindex.catalogue.cli import Plain

        raise MissingDependencyError(
            Plain.MISSING_EXTRA, top=top, extra=extra, requirements=requirements_of(extra, top)
        ) from None
